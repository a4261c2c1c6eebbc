"""Names a package loads on first use (PEP 562), shared by the face and the wings.

A wing's ``__init__`` imports its light modules at once and names the heavy ones here, so
that importing the wing (or ``baocao``) does not import python-docx, Jinja or Babel until a
name that needs them is read.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, names: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for *package* that imports ``names[name]`` (a module
    relative to *package*) on first access and keeps the value as a plain attribute."""

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook PEP 562 names
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        setattr(sys.modules[package], name, value)  # the next access is a plain attribute
        return value

    return __getattr__


def publish(*objects: Any) -> None:
    """Make public classes and functions read as ``baocao.X`` in reprs, tracebacks and
    pickles, not ``baocao._model._report.X``: each wing publishes the names the face
    exports when the wing is imported, whichever way it is first reached."""
    for obj in objects:
        try:
            obj.__module__ = "baocao"
        except (AttributeError, TypeError):  # pragma: no cover - a builtin or a slot
            continue
