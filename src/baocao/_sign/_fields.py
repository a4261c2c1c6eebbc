"""Signing-ready PDFs (issue 14, §3): empty, named fields where the decree puts signatures.

:func:`signing_fields` adds, as one incremental update of the PDF that :func:`baocao.to_pdf`
gave (the printed bytes stay as they are, byte for byte, in front):

* ``person``: the signer's signature (ô 7c), over the whole gap between the signer's title
  and name, centred on the block (Phụ lục I, II.7.d);
* ``body``: the body's seal (ô 8), a square of the seal's real size over the left third of
  the signature (II.8.a);
* for each cosigner of a joint report, ``cosigner1-person`` and ``cosigner1-body``, … from
  left to right;
* ``number``, ``day``, ``month`` and ``year``: text fields over the blanks of a number and a
  date left for the document system to fill at issuing (Điều 15.3), when the report has them;
* with ``separate=True`` (an appendix or attachment issued as a file of its own, or an
  electronic copy): only ``body``, at the top right of page 1 (ô 14), for a signature with a
  text appearance and no image (II.8.b; Phần II, I.3).

Any tool that fills named PDF signature fields can then sign in place; :func:`baocao.sign`
is one (``field="person"``, then ``field="body"``). How the places are found:
``_places.py``.
"""

from __future__ import annotations

import io
import os
from typing import Any, BinaryIO

from .._errors import InvalidTypeError, SigningError, ValidationError
from .._files import write_output
from .._options import Margins
from ._deps import need
from ._pdfio import read_pdf, writer_for
from ._places import (
    Box,
    blank_boxes,
    find_block,
    person_box,
    read_pages,
    seal_box,
    separate_box,
)

__all__ = ["BODY", "PERSON", "SEAL_MM", "field_names", "signing_fields"]

PERSON = "person"
"""The field of the signer's digital signature (ô 7c)."""
BODY = "body"
"""The field of the body's digital signature: its seal (ô 8), or ô 14 on a separate file."""

SEAL_MM = 36.0
"""The seal's diameter when none is given. The seal image goes in at its real size (II.8.a):
give the body's own with ``seal_mm=``."""

_SEPARATE_MM = (70.0, 13.0)
"""The width and height of the ô 14 field: three lines of 10 pt (a copy's form, the copying
body, the time), 4 mm under the top edge, so inside the smallest top margin (20 mm)."""


def field_names(index: int, count: int) -> tuple[str, str]:
    """The names of the person's and the body's fields of the block ``index`` of ``count``
    (the signatory's block is the last: ``person``, ``body``).

    >>> field_names(1, 2), field_names(0, 2)
    (('person', 'body'), ('cosigner1-person', 'cosigner1-body'))
    """
    if index == count - 1:
        return PERSON, BODY
    return f"cosigner{index + 1}-{PERSON}", f"cosigner{index + 1}-{BODY}"


def _check_seal(seal_mm: object) -> float:
    if isinstance(seal_mm, bool) or not isinstance(seal_mm, (int, float)):
        raise InvalidTypeError(seal_mm, "is not a size in millimetres", path="seal_mm")
    if not 10 <= seal_mm <= 80:
        raise ValidationError(seal_mm, "mm is not the size of a seal (10–80 mm)", path="seal_mm")
    return float(seal_mm)


def _places(pdf: bytes, report: Any, seal_mm: float) -> list[tuple[str, int, Box, str]]:
    """(field name, page, box, kind) of every field of ``report``'s PDF."""
    from .._render import context

    ctx = context(report)
    pages = read_pages(pdf)
    places: list[tuple[str, int, Box, str]] = []
    blocks = ctx["signatures"]
    for index, block in enumerate(blocks):
        found = find_block(pages, block)
        page = pages[found.page]
        texts = [str(t) for t in block["lines"]]
        axis = found.title.box.centre_x
        widths = [  # the block's own title lines: centred on its axis
            line.box.width
            for line in page.lines
            if line.text in texts and abs(line.box.centre_x - axis) <= 3
        ]
        person = person_box(found, widths)
        person_name, body_name = field_names(index, len(blocks))
        places.append((person_name, found.page, person, "sig"))
        places.append((body_name, found.page, seal_box(person, seal_mm), "sig"))
    blank_number = ctx["number"] is None and bool(ctx["number_line"])
    blank_date = ctx["date"] is None and bool(ctx["date_text"])
    if blank_number or blank_date:
        boxes = blank_boxes(
            pages[0],
            ctx["number_line"] if blank_number else "",
            ctx["place_date"] if blank_date else "",
            year_blank=report.year is None,
        )
        places.extend((name, 0, box, "text") for name, box in boxes.items())
    return places


def signing_fields(
    pdf: bytes | str | os.PathLike[str] | BinaryIO,
    report: Any = None,
    out: str | os.PathLike[str] | BinaryIO | None = None,
    *,
    separate: bool = False,
    seal_mm: float = SEAL_MM,
    margins: Margins | None = None,
) -> bytes:
    """Add empty, named signature fields where the decree puts the signatures.

    Args:
        pdf: the PDF that :func:`baocao.to_pdf` made of the report's .docx (bytes, a path,
            or a binary stream).
        report: the :class:`baocao.Report` it was rendered from; its context gives the
            exact lines of each signature block, which are looked for in the PDF. Not
            needed with ``separate=True``.
        out: where to write the PDF as well (a path, written atomically, or a stream).
        separate: the PDF is an appendix, an attachment or an electronic copy issued as a
            file of its own: one field, ``body``, at the top right of page 1 (ô 14).
        seal_mm: the real size of the body's seal, for the ``body`` field (ô 8).
        margins: the page margins the .docx was rendered with (for ô 14; default
            :class:`baocao.Margins`).

    Returns:
        The PDF with the fields, as an incremental update of ``pdf``.

    Raises:
        SigningError: the signing extra is not installed, the PDF cannot be read, a field
            of that name exists already, or a signature block is not in the PDF with the
            layout baocao gives it.
        ValidationError: an argument is invalid (the message names it).
    """
    data = read_pdf(pdf)
    seal = _check_seal(seal_mm)
    if margins is None:
        margins = Margins()
    elif not isinstance(margins, Margins):
        raise InvalidTypeError(margins, "is not a baocao.Margins", path="margins")
    if separate:
        try:
            first = read_pages(data)[0]
        except IndexError:
            raise SigningError("the PDF has no page") from None
        box = separate_box(first, margins.right, *_SEPARATE_MM)
        places = [(BODY, 0, box, "sig")]
    else:
        from .._model import Report

        if not isinstance(report, Report):
            raise InvalidTypeError(
                report, "is not the baocao.Report the PDF was rendered from", path="report"
            )
        places = _places(data, report, seal)
    result = _add(data, places)
    write_output(out, result, what="the PDF")
    return result


def _add(data: bytes, places: list[tuple[str, int, Box, str]]) -> bytes:
    fields = need("pyhanko.sign.fields")
    writer = writer_for(data)
    try:
        for name, page, box, kind in places:
            if kind == "sig":
                spec = fields.SigFieldSpec(
                    name, on_page=page, box=box.rounded(), readable_field_name=_TOOLTIPS.get(name)
                )
                fields.append_signature_field(writer, spec)
            else:
                _add_text_field(writer, name, page, box)
        buffer = io.BytesIO()
        writer.write(buffer)
    except SigningError:
        raise
    except Exception as exc:  # pyHanko's PdfError, PdfWriteError, SigningError
        raise SigningError(f"cannot add the signature fields: {exc}") from None
    return buffer.getvalue()


_TOOLTIPS = {
    PERSON: "Chữ ký số của người có thẩm quyền (ô 7c)",
    BODY: "Chữ ký số của cơ quan, tổ chức (ô 8, ô 14)",
}


def _add_text_field(writer: Any, name: str, page: int, box: Box) -> None:
    """A text field (``/FT /Tx``) over a blank, in Times 14 pt, centred, with an empty
    appearance (a widget needs one in PDF/A)."""
    generic = need("pyhanko.pdf_utils.generic")
    content = need("pyhanko.pdf_utils.content")
    layout = need("pyhanko.pdf_utils.layout")
    page_ref = writer.find_page_for_modification(page)[0]
    form = writer.root["/AcroForm"]
    rect = generic.ArrayObject([generic.FloatObject(v) for v in box.rounded()])
    appearance = content.RawContent(
        b"", box=layout.BoxConstraints(width=box.width, height=box.height)
    ).as_form_xobject()
    size = max(8, round(box.height))
    field = generic.DictionaryObject(
        {
            generic.pdf_name("/FT"): generic.pdf_name("/Tx"),
            generic.pdf_name("/T"): generic.pdf_string(name),
            generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Widget"),
            generic.pdf_name("/F"): generic.NumberObject(4),
            generic.pdf_name("/Rect"): rect,
            generic.pdf_name("/P"): page_ref,
            generic.pdf_name("/Q"): generic.NumberObject(1),
            generic.pdf_name("/DA"): generic.pdf_string(f"/TiRo {size} Tf 0 g"),
            generic.pdf_name("/AP"): generic.DictionaryObject(
                {generic.pdf_name("/N"): writer.add_object(appearance)}
            ),
        }
    )
    ref = writer.add_object(field)
    form["/Fields"].append(ref)
    writer.update_container(form["/Fields"])
    if "/DR" not in form:
        font = generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Font"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
                generic.pdf_name("/BaseFont"): generic.pdf_name("/Times-Roman"),
                generic.pdf_name("/Encoding"): generic.pdf_name("/WinAnsiEncoding"),
            }
        )
        form["/DR"] = generic.DictionaryObject(
            {
                generic.pdf_name("/Font"): generic.DictionaryObject(
                    {generic.pdf_name("/TiRo"): writer.add_object(font)}
                )
            }
        )
        writer.update_container(form)
    writer.register_annotation(page_ref, ref)
