"""The exceptions baocao raises.

Every error baocao raises on purpose is a :class:`BaocaoError`, and each one also
subclasses the built-in exception a caller would catch anyway::

    BaocaoError(Exception)
     ├── ValidationError(BaocaoError, ValueError)     a field of the input is invalid
     │    └── InvalidTypeError(ValidationError, TypeError)   ... because of its type
     ├── LoadError(BaocaoError, ValueError)           an input file cannot be read or parsed
     ├── TemplateError(BaocaoError, ValueError)       a .docx template is broken or asks for
     │                                                 a value the context does not have
     ├── ConversionError(BaocaoError, RuntimeError)   converting to PDF failed (LibreOffice
     │                                                 missing, failing or too slow)
     ├── WorkerError(BaocaoError, RuntimeError)       a worker process of render_many died
     │                                                 (killed, out of memory) with reports
     └── SigningError(BaocaoError, RuntimeError)      signing fields, signing or verifying a
                                                       PDF failed (pyHanko missing, a wrong
                                                       key or password, a token, a damaged PDF)

A :class:`ValidationError` names the *path* of the field (``sections[2].items[0].title``)
and the offending value, so the message alone says what to fix::

    >>> from baocao import ValidationError
    >>> err = ValidationError("KT", "is not one of TM., KT., TL., TUQ., Q.", path="authority")
    >>> str(err.with_prefix("signatory"))
    "signatory.authority: 'KT' is not one of TM., KT., TL., TUQ., Q."
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "BaocaoError",
    "ConversionError",
    "InvalidTypeError",
    "LoadError",
    "NotADocxError",
    "SigningError",
    "TemplateError",
    "ValidationError",
    "WorkerError",
]

_MAX_VALUE_REPR = 80


def _short_repr(value: object) -> str:
    try:
        text = repr(value)
    except ValueError:  # an int too long to print (sys.get_int_max_str_digits)
        return (
            f"<int of about {int(value.bit_length() * 0.30103) + 1} digits>"
            if isinstance(value, int)
            else f"<{type(value).__name__}>"
        )
    if len(text) > _MAX_VALUE_REPR:
        text = text[: _MAX_VALUE_REPR - 5] + "…" + text[-4:]
    return text


def join_path(prefix: str, path: str) -> str:
    """Join two field paths: ``join_path("sections[1]", "items[0].title")``."""
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class BaocaoError(Exception):
    """Root of every error that baocao raises on purpose."""


class ValidationError(BaocaoError, ValueError):
    """A value of the input is invalid.

    Attributes:
        path: where the value sits in the input, e.g. ``sections[2].items[0].title``
            (empty when the error is about a whole value passed to a function).
        value: the offending value.
        reason: what is wrong or what was expected, e.g. ``"must not be empty"``.
        where: the place in a source text the value was read from, when it has one:
            ``"report.md:12:3"`` (file, line, column) for a report written in Markdown
            (issue 15); it starts the message. Empty otherwise.
    """

    def __init__(self, value: object, reason: str, *, path: str = "", where: str = "") -> None:
        self.value = value
        self.reason = reason
        self.path = path
        self.where = where
        super().__init__(self._message())

    def _message(self) -> str:
        at = f"{self.where}: " if self.where else ""
        head = f"{self.path}: " if self.path else ""
        return f"{at}{head}{_short_repr(self.value)} {self.reason}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries in render_many: rebuild them from their fields.
        return (_rebuild, (type(self), self.value, self.reason, self.path, self.where))

    def with_prefix(self, prefix: str) -> ValidationError:
        """Return the same error with ``prefix`` put in front of its path."""
        new = type(self)(
            self.value, self.reason, path=join_path(prefix, self.path), where=self.where
        )
        new.__cause__ = self.__cause__
        return new


def _rebuild(
    cls: type[ValidationError], value: object, reason: str, path: str, where: str = ""
) -> ValidationError:
    return cls(value, reason, path=path, where=where)


class InvalidTypeError(ValidationError, TypeError):
    """A value of the input has the wrong type (also a :class:`TypeError`)."""


class LoadError(BaocaoError, ValueError):
    """An input file cannot be read, or is not valid YAML or JSON."""


class TemplateError(BaocaoError, ValueError):
    """A .docx template is broken, or uses a value that the context does not have."""


class NotADocxError(ValidationError, TemplateError):
    """A file given as a .docx is not one baocao can read: not a ZIP archive, an old .doc,
    no main document part, over the package limits, an XML part with a DTD.

    ``check``, ``to_pdf``, ``lint`` and templates ask the one reader in ``baocao._ooxml``
    and raise this. It is a :class:`ValidationError` (``path`` is ``"docx"`` or
    ``"template"``, ``value`` names the file) and a :class:`TemplateError`, so code written
    for either before it existed still catches it.
    """


class ConversionError(BaocaoError, RuntimeError):
    """Converting a document to PDF failed."""


class WorkerError(BaocaoError, RuntimeError):
    """A worker process of :func:`baocao.render_many` died (killed, out of memory) or could
    not read a report; the reports it held get this error, the batch goes on."""


class SigningError(BaocaoError, RuntimeError):
    """Adding signature fields to a PDF, signing it or verifying its signatures failed:
    the ``baocao[sign]`` extra (pyHanko) is not installed, the key, password or token is
    wrong, the PDF cannot be read, or the place of a signature is not where baocao put it."""
