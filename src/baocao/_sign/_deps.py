"""pyHanko and pdfminer.six, the optional extra ``baocao[sign]``, imported on first use.

Without the extra, every signing function raises one :class:`~baocao.SigningError` that
says how to install it; ``import baocao`` and the other commands never import either.
"""

from __future__ import annotations

import importlib
import logging
from types import ModuleType

from .._errors import SigningError

__all__ = ["INSTALL_SIGN", "need"]

INSTALL_SIGN = "pip install 'baocao[sign]'"
"""The command that installs what signing needs (pyHanko, pdfminer.six)."""


#: The libraries' loggers, kept from printing to standard error when the application has
#: not set up logging (pyHanko logs a failed path to a root, fontTools a table it drops):
#: what matters reaches the caller as a result or a SigningError.
_QUIET = ("pyhanko", "pyhanko_certvalidator", "fontTools", "pdfminer")


def need(module: str) -> ModuleType:
    """The module ``module`` of the signing extra, or a :class:`SigningError` naming the
    command that installs it."""
    for name in _QUIET:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.partition(".")[0]
        raise SigningError(
            f"signing PDFs needs {top}, which is not installed ({exc}); install the "
            f"signing extra: {INSTALL_SIGN}"
        ) from None
