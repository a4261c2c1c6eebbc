"""Reading the PDF given to the signing functions, and pyHanko's incremental writer on it."""

from __future__ import annotations

import hashlib
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
    shown: object
    if isinstance(pdf, (bytes, bytearray, memoryview)):
        data = bytes(pdf)
        shown = data[:16]
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
        raise ValidationError(shown, "is not a PDF (no %PDF- header)", path=path)
    return data


def writer_for(data: bytes) -> Any:
    """pyHanko's incremental writer on ``data``: what it writes is appended to the bytes,
    and the document's metadata is left as it is.

    pyHanko's writer rewrites the XMP packet and the /Info dictionary of every update it
    writes (its producer, the clock's modification date; the XMP re-serialised through its
    own model). A signed document keeps the metadata baocao wrote instead: the PDF/A
    identification, the fields of Phụ lục VI, the dates from the report; the signing time
    is in each signature. The hook is ``_update_meta`` (pyHanko 0.38): a test holds the
    XMP of a PDF/A file byte for byte through two signatures (tests/sign/test_pdfa.py).

    The second part of the trailer's /ID, which pyHanko draws at random, is derived from
    the bytes updated (``_handle_id``), so that the same PDF and report give the same
    signing-ready PDF.
    """
    base: Any = need("pyhanko.pdf_utils.incremental_writer").IncrementalPdfFileWriter
    generic = need("pyhanko.pdf_utils.generic")
    derived = generic.ByteStringObject(hashlib.sha256(data).digest()[:16])

    class _KeepMetadata(base):  # type: ignore[misc]
        def _update_meta(self) -> None:
            return None

        @classmethod
        def _handle_id(cls, prev: Any) -> Any:
            ids = super()._handle_id(prev)
            ids[1] = derived
            return ids

    try:
        return _KeepMetadata(io.BytesIO(data), strict=False)
    except Exception as exc:  # pyHanko's PdfReadError and the like
        raise SigningError(f"the PDF cannot be read: {exc}") from None
