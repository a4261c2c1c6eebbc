"""Reading a PDF back as a reader sees it (poppler's ``pdftotext``), for the tests that
look at what LibreOffice printed. It lives with the tests: the runtime never reads a PDF.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from baocao._errors import ConversionError, InvalidTypeError
from baocao._render._pdf import _INSTALL_POPPLER, _TOOL_TIMEOUT, _run_tool, _tail

# --- reading PDFs back ------------------------------------------------------------------------


def _pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        raise ConversionError(f"pdftotext (poppler-utils) is not installed. {_INSTALL_POPPLER}")
    return found


def _check_pdf(pdf: object) -> bytes:
    if not isinstance(pdf, (bytes, bytearray, memoryview)):
        raise InvalidTypeError(pdf, "is not the bytes of a PDF", path="pdf")
    return bytes(pdf)


def _run_pdftotext(options: Sequence[str], pdf: bytes) -> str:
    program = _pdftotext()
    with tempfile.TemporaryDirectory(prefix="baocao-pdftext-") as tmp:
        source = Path(tmp) / "document.pdf"
        source.write_bytes(pdf)
        try:
            result = _run_tool([program, *options, "-enc", "UTF-8", str(source), "-"])
        except subprocess.TimeoutExpired:
            raise ConversionError(f"pdftotext took more than {_TOOL_TIMEOUT:g} s") from None
        except OSError as err:
            raise ConversionError(f"pdftotext could not be started: {err}") from err
    if result.returncode != 0:
        raise ConversionError(
            f"pdftotext failed with exit status {result.returncode} (is it a PDF?):\n"
            f"{_tail(result.stderr)}"
        )
    return result.stdout.decode("utf-8", "replace")


def pdf_text_layout(pdf: bytes) -> list[str]:
    """The text of each page of ``pdf``, laid out like the page (``pdftotext -layout``).

    One string per page, in the order of the pages (an empty page gives ""), NFC-normalised
    (poppler may give letters with stacked diacritics decomposed).

    Raises:
        ConversionError: poppler-utils is missing, or pdftotext cannot read ``pdf``.
    """
    text = unicodedata.normalize("NFC", _run_pdftotext(["-layout"], _check_pdf(pdf)))
    pages = text.split("\f")
    if pages and pages[-1].strip() == "":
        pages.pop()  # pdftotext ends every page, the last one too, with a form feed
    return pages


_XHTML = "{http://www.w3.org/1999/xhtml}"


def pdf_words(pdf: bytes) -> list[list[tuple[str, float, float, float, float]]]:
    """The words of each page of ``pdf`` with their boxes (``pdftotext -bbox``).

    One list per page; each word is ``(text, x_min, y_min, x_max, y_max)`` in points, measured
    from the top-left corner of the page (y grows downwards). The text is NFC-normalised.

    Raises:
        ConversionError: poppler-utils is missing, or pdftotext cannot read ``pdf``.
    """
    xhtml = _run_pdftotext(["-bbox"], _check_pdf(pdf))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(xhtml.encode("utf-8"), parser)
    except etree.XMLSyntaxError as err:
        raise ConversionError(f"cannot parse the output of pdftotext -bbox: {err}") from err
    pages: list[list[tuple[str, float, float, float, float]]] = []
    for page in root.iter(f"{_XHTML}page", "page"):
        words: list[tuple[str, float, float, float, float]] = []
        for word in page.iter(f"{_XHTML}word", "word"):
            words.append(
                (
                    unicodedata.normalize("NFC", word.text or ""),
                    float(word.get("xMin", "nan")),
                    float(word.get("yMin", "nan")),
                    float(word.get("xMax", "nan")),
                    float(word.get("yMax", "nan")),
                )
            )
        pages.append(words)
    return pages
