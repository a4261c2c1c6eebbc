"""The command line: ``baocao`` and ``python -m baocao``. One module per command group."""

from ._main import main

__all__ = ["main"]
