"""Reading the PDF given to the signing functions, and pyHanko's incremental writer on it."""

from __future__ import annotations

import io
import os
from typing import Any

from .._errors import InvalidTypeError, SigningError, ValidationError
from .._files import read_bounded
from ._deps import need

__all__ = ["MAX_PDF_BYTES", "read_pdf", "writer_for"]

MAX_PDF_BYTES = 512 * 1024 * 1024
"""The largest PDF read."""


def read_pdf(pdf: object, *, path: str = "pdf") -> bytes:
    """The bytes of a PDF given as bytes, a path or a binary stream; checked to start as
    a PDF does. Errors name ``path`` (the argument)."""
    if isinstance(pdf, (bytes, bytearray, memoryview)):
        data, shown = bytes(pdf), "the PDF"
    elif isinstance(pdf, (str, os.PathLike)):
        name = os.fspath(pdf)
        if not os.path.isfile(name):
            raise ValidationError(str(name), "does not exist or is not a file", path=path)
        data = read_bounded(
            name, MAX_PDF_BYTES, lambda reason: ValidationError(str(name), reason, path=path)
        )
        shown = str(name)
    elif callable(getattr(pdf, "read", None)):
        data = pdf.read()  # type: ignore[attr-defined]
        if not isinstance(data, (bytes, bytearray)):
            raise InvalidTypeError(
                pdf, "is a text stream; open the PDF in binary mode ('rb')", path=path
            )
        data, shown = bytes(data), str(getattr(pdf, "name", "the PDF"))
    else:
        raise InvalidTypeError(pdf, "is not a PDF as bytes, a path or a binary stream", path=path)
    if b"%PDF-" not in data[:1024]:
        raise ValidationError(shown, "is not a PDF (it does not start with %PDF-)", path=path)
    return data


def writer_for(data: bytes) -> Any:
    """pyHanko's incremental writer on ``data``: what it writes is appended to the bytes."""
    incremental = need("pyhanko.pdf_utils.incremental_writer")
    try:
        return incremental.IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as exc:  # pyHanko's PdfReadError and the like
        raise SigningError(f"the PDF cannot be read: {exc}") from None
