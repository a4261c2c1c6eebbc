"""From a :class:`~baocao.Report` to the values a template receives.

:func:`context` returns plain data (dicts, lists, strings, booleans and ``None``) that
``json.dumps`` can print: ``baocao context INPUT`` shows it. Everything a reader sees is
computed here: upper case, the numbers and letters of the body (I, II; 1, 2; a, b, …, đ),
the "Số:" line, the date line, the punctuation of Kính gửi, căn cứ and Nơi nhận, the
signature lines, and the final "./.". ``templates/README.md`` documents every key.
"""

from __future__ import annotations

import decimal
from typing import Any, cast

from .. import _model as m
from .._errors import ValidationError
from .._nd30 import LETTER_SUBJECT_PREFIX, POINT_LETTERS
from .._nd30 import roman as _roman
from .._text import upper
from .._words import format_date, format_number, format_percent, money_to_words, rate
from ._footnotes import end_runs, noted, number_notes
from ._grid_context import grid_block
from ._marks import appendix_keys, date_text, report_keys
from ._numbering import body_blocks, content_blocks, heading_of
from ._signatures import signature_lines, signatures

__all__ = [
    "END_MARK",
    "POINT_LETTERS",
    "context",
    "point_letter",
    "roman",
    "signature_lines",
    "text_of",
]

END_MARK = "./."
"""What ends the content of a document (every Mẫu of Phụ lục III shows it)."""


DRAFT_NUMBER = "\u00a0" * 6
"""What stands for the number of a draft: the Văn thư writes it in after signing."""


def roman(number: int) -> str:
    """Roman numeral for 1–3999: ``roman(4) == 'IV'``.

    >>> [roman(n) for n in (1, 2, 3, 4, 9, 14, 40)]
    ['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL']
    """
    if not 1 <= number <= 3999:
        raise ValidationError(number, "has no Roman numeral (1 to 3999)")
    return _roman(number)


def point_letter(index: int) -> str:
    """The letter of the point at ``index`` (0-based): a, b, c, d, đ, e, g, …, y.

    >>> "".join(point_letter(i) for i in range(7))
    'abcdđeg'
    """
    if not 0 <= index < len(POINT_LETTERS):
        raise ValidationError(
            index + 1,
            f"points in one item: the letters run out after y) "
            f"({len(POINT_LETTERS)} points); split the item",
        )
    return POINT_LETTERS[index]


# --------------------------------------------------------------------------- text


def _segment(seg: m.Segment) -> str:
    if isinstance(seg, str):
        return seg
    if isinstance(seg, m.Money):
        words = money_to_words(seg.amount, style=seg.style, suffix=seg.suffix)
        return f"{format_number(seg.amount)} đồng ({words})"
    if isinstance(seg, m.Percent):
        return format_percent(seg.value, decimals=seg.decimals)
    if isinstance(seg, m.Rate):
        mode = decimal.ROUND_DOWN if seg.rounding == "down" else decimal.ROUND_HALF_UP
        value = rate(seg.actual, seg.target, decimals=seg.decimals, rounding=mode)
        return format_percent(value, decimals=seg.decimals)
    if isinstance(seg, m.Number):
        return format_number(seg.value, decimals=seg.decimals)
    if isinstance(seg, m.Footnote):
        return ""  # its place is in the block's runs (issue 12: footnotes)
    return format_date(seg.value)


def text_of(text: tuple[m.Segment, ...]) -> str:
    """The printed form of a body text: its pieces joined, values written out."""
    return "".join(_segment(seg) for seg in text)


def _cell(cell: m.Cell) -> dict[str, Any]:
    if isinstance(cell, str):
        return {"text": cell, "numeric": False}
    if isinstance(cell, (int, decimal.Decimal)):
        return {"text": format_number(cell), "numeric": True}
    return {"text": _segment(cell), "numeric": True}


# --------------------------------------------------------------------------- blocks


def _block(block: m.Block) -> dict[str, Any]:
    if isinstance(block, m.Paragraph):
        return noted(
            {"kind": "paragraph", "label": "", "text": text_of(block.text)}, block.text, _segment
        )
    if isinstance(block, m.Dash):
        text = text_of(block.text)  # issue 12: the heading key, as every numbered line
        dash = {"kind": "dash", "label": "-", "text": text, "heading": f"- {text}"}
        return noted(dash, block.text, _segment)  # issue 12: footnotes
    if m.uses_grid(block):  # issue 12: a statistics table (_grid_context)
        return grid_block(block, _cell)
    return {
        "kind": "table",
        "label": "",
        "text": "",
        "header": list(block.header),
        "rows": [[_cell(c) for c in row] for row in block.rows if isinstance(row, tuple)],
        "totals": None if block.totals is None else [_cell(c) for c in block.totals],
    }


def _blocks(blocks: tuple[m.Block, ...]) -> list[dict[str, Any]]:
    return body_blocks(blocks, _block, text_of)  # issue 12: "+" lines after their dash


def _sections(
    numbering: m.Numbering, sections: tuple[m.Section, ...], out: list[dict[str, Any]]
) -> None:
    content_blocks(numbering, _block, text_of, out, sections=sections)  # issue 12: numbering


def _end(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Close the content with "./." on its last paragraph."""
    if blocks and blocks[-1]["kind"] not in ("table", "grid"):
        last = dict(blocks[-1])
        text = last["text"].rstrip(" ")
        before = text
        if not text.endswith(END_MARK):
            text = text + ("/." if text.endswith(".") else END_MARK)
        last["text"] = text
        if "heading" in last:  # issue 12: the full heading ends with the mark too
            last["heading"] = heading_of(last["label"], text)
        end_runs(last, text[len(before) :])
        blocks[-1] = last
    else:
        blocks.append({"kind": "paragraph", "label": "", "text": END_MARK})
    return blocks


def _content(report: m.Report) -> list[dict[str, Any]]:
    out = _blocks(report.opening)
    content_blocks(
        report.numbering, _block, text_of, out, parts=report.parts, sections=report.sections
    )
    out.extend(_blocks(report.closing))
    return _end(out)


# --------------------------------------------------------------------------- lines


def _punctuate(lines: list[str], *, last: str = ".") -> list[str]:
    out = []
    for index, line in enumerate(lines):
        line = line.rstrip()
        end = last if index == len(lines) - 1 else ";"
        if not (end == "." and line.endswith(".")):
            line += end
        out.append(line)
    return out


def number_line(report: m.Report) -> str:
    """``Số: 2710/BC-SNV``; ``Số: 05/…`` below 10; blanks for a draft."""
    number = DRAFT_NUMBER if report.number is None else f"{report.number:02d}"
    return f"Số: {number}/{report.symbol}"


def filing_line(filing: m.Filing) -> str:
    """``- Lưu: VT, VP, 02. PL.(300).``; with more units and copies written as bản:
    ``- Lưu: VT, NC, TH (2b).``"""
    text = "- Lưu: VT"
    for unit in (filing.unit, *filing.more_units):  # issue 12: more_units
        if unit:
            text += f", {unit}"
    if filing.copies is not None:
        b_form = filing.copies_form is m.CopiesForm.B  # issue 12: "(2b)"
        text += f" ({filing.copies}b)" if b_form else f", {filing.copies:02d}"
    if filing.drafter:
        text += f". {filing.drafter}."
        if filing.issued is not None:
            text += f"({filing.issued})"
    return text if text.endswith(".") else text + "."


def context(report: m.Report) -> dict[str, Any]:
    """Return the values a template receives for ``report`` (plain, JSON-ready data).

    >>> import baocao, datetime
    >>> report = baocao.Report(
    ...     issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"),
    ...     number=7, place="Hà Nội", date=datetime.date(2026, 2, 5),
    ...     subject="Kết quả công tác quý I",
    ...     signatory=baocao.Signatory(name="Nguyễn Văn A", title="Phó Giám đốc",
    ...                                authority="KT.", acting_for="Giám đốc"),
    ...     sections=[baocao.Section(title="Kết quả", body=["Đã hoàn thành"])],
    ... )
    >>> ctx = baocao.context(report)
    >>> ctx["number_line"], ctx["place_date"]
    ('Số: 07/BC-SNV', 'Hà Nội, ngày 05 tháng 02 năm 2026')
    >>> [(b["label"], b["text"]) for b in ctx["body"]]
    [('I.', 'KẾT QUẢ'), ('', 'Đã hoàn thành./.')]
    >>> ctx["signature"]["lines"], ctx["recipient_lines"]
    (['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], ['- Lưu: VT.'])
    """
    issuer = report.issuer
    date_line = date_text(report)  # issue 12: a draft's blanks
    addressees = list(report.addressees)
    recipients = (["Như trên"] if addressees else []) + list(report.recipients)
    recipient_lines = [f"- {line}" for line in _punctuate(recipients, last=";")]
    recipient_lines.append(filing_line(report.filing))
    issuer_name = " ".join(issuer.name.split())
    appendices = []
    for index, appendix in enumerate(report.appendices):
        blocks = _blocks(appendix.body)
        _sections(report.numbering, appendix.sections, blocks)
        number = "" if report.number is None else f"{report.number:02d}"
        reference = (
            f"(Kèm theo {report.doc_type.title} số {number or DRAFT_NUMBER}/"
            f"{report.symbol} {date_line} của {issuer_name})"
        )
        if not report.number_and_date:  # issue 12: a report without number and date
            reference = f"(Kèm theo {report.doc_type.title} của {issuer_name})"
        keys = appendix_keys(report, index, reference)  # issue 12: number, orientation, …
        appendices.append(
            {
                "label": keys.pop("label"),
                "title": upper(appendix.title),
                "reference": keys.pop("reference"),
                "body": _end(blocks),
                **keys,
            }
        )
    body = _content(report)
    bodies = [body, *(cast(list[dict[str, Any]], ap["body"]) for ap in appendices)]
    footnotes = number_notes(bodies)  # issue 12: footnotes
    return {
        "doc_type": {
            "code": report.doc_type.value,
            "title": report.doc_type.title,
            "title_upper": upper(report.doc_type.title),
            "form": report.doc_type.form,  # issue 13: the model form, "1.4" or "1.5"
        },
        "issuer": {
            "name": issuer.name,
            "name_upper": upper(issuer.name),
            "parent": issuer.parent,
            "parent_upper": None if issuer.parent is None else upper(issuer.parent),
            "abbreviation": issuer.abbreviation,
        },
        "number": None if report.number is None else f"{report.number:02d}",
        "symbol": report.symbol,
        "number_line": number_line(report) if report.number_and_date else "",
        "place": report.place,
        "date": None if report.date is None else report.date.isoformat(),
        "date_text": date_line,
        "place_date": "" if report.place is None else f"{report.place}, {date_line}",
        "subject": report.subject,
        "letter_subject": (  # issue 13: the công văn's trích yếu, ô 5b
            None if report.doc_type.has_type_name else f"{LETTER_SUBJECT_PREFIX} {report.subject}"
        ),
        "addressees": addressees,
        "addressee": addressees[0] if len(addressees) == 1 else None,
        "addressee_lines": (
            [f"- {line}" for line in _punctuate(addressees)] if len(addressees) > 1 else []
        ),
        "legal_bases": _punctuate(list(report.legal_bases)),
        "body": body,
        "recipient_lines": recipient_lines,
        **signatures(report),  # issue 12: signatures
        "footnotes": footnotes,
        "appendices": appendices,
        **report_keys(report),  # issue 12: drafts, subtitle, marks
    }
