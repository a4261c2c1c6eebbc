"""A statistics table as WordprocessingML (issue 12, §2): :func:`grid_table_xml`.

It takes the plain data of a ``"grid"`` block of the context (``templates/README.md``)
and writes one ``w:tbl``, in one pass over the rows (a 10,000-row table is one join of
strings, no Jinja loop):

* header rows with merged cells: ``w:gridSpan`` across columns, ``w:vMerge`` down rows
  (``restart`` on the first cell, a continuing cell in each row below);
* every header row, and the row of column numbers, repeated on each page (``w:tblHeader``);
  no row split across pages (``w:cantSplit``);
* group rows spanning the table, subtotal and total rows in bold;
* each cell aligned by its column (``left``, ``center``, ``right``), or by its content
  (``auto``: numbers right, text left).

Paragraph styles are the default template's (``BC Table Heading``, ``BC Table Text``,
``BC Table Number``, ``BC Table Total Text``, ``BC Table Total Number``), with direct
alignment where a column asks for one. The widths written here share
:data:`PROVISIONAL_TWIPS`; the layout pass of the renderer sets the final widths from
the section the table is in. The table carries its caption (``w:tblCaption``, "Bảng"
when it has none), which is also how the layout pass knows a grid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import InvalidTypeError, ValidationError

__all__ = ["GRID_CAPTION", "PROVISIONAL_TWIPS", "grid_table_xml", "table_borders"]

PROVISIONAL_TWIPS = 9354
"""The width the table is first written at (165 mm, A4 portrait with margins 30 and 15)."""

GRID_CAPTION = "Bảng"
"""The table's ``w:tblCaption`` when the block has no caption."""

_BREAKS = re.compile("\r\n|[\r\v\x85\u2028\u2029]")
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "{": "&#123;", "}": "&#125;"}
)
_JC = {"left": "left", "center": "center", "right": "right"}


def table_borders(border: str) -> str:
    """The ``w:tblBorders`` of a table with ``border`` (the attributes of each side's
    element) on all six sides: ``'w:val="nil"'`` for none."""
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    return "<w:tblBorders>" + "".join(f"<w:{side} {border}/>" for side in sides) + "</w:tblBorders>"


_BORDERS = table_borders('w:val="single" w:sz="4" w:space="0" w:color="000000"')
_HEADER_TRPR = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
_ROW_TRPR = "<w:trPr><w:cantSplit/></w:trPr>"


def _text(value: object, where: str) -> str:
    """A text of the block, escaped as the sandbox escapes a value (line breaks become
    ``\\n``, which docxtpl's post-processing turns into ``w:br``)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidTypeError(value, "is not a text", path=where)
    return _BREAKS.sub("\n", value).translate(_ESCAPES)


def _int(value: object, where: str, low: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidTypeError(value, f"is not a whole number from {low}", path=where)
    return value


def _list(value: object, where: str) -> Sequence[Any]:
    if not isinstance(value, (list, tuple)):
        raise InvalidTypeError(value, "is not a list", path=where)
    return value


def _map(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(value, "is not a mapping", path=where)
    return value


def _paragraph(style: str, text: str, jc: str | None = None, italic: bool = False) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>'
    if jc is not None:
        ppr += f'<w:jc w:val="{jc}"/>'
    rpr = "<w:rPr><w:i/><w:iCs/></w:rPr>" if italic else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def _tc(width: int, span: int, content: str, merge: str | None = None) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    props += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _widths(columns: Sequence[Mapping[str, Any]], total: int) -> list[int]:
    shares = [c.get("width") for c in columns]
    if any(share is None for share in shares):
        shares = [1] * len(columns)
    weights = [_int(s, f"columns[{i}].width") for i, s in enumerate(shares)]
    out = [total * w // sum(weights) for w in weights]
    out[-1] += total - sum(out)
    return out


def _continuations(
    below: dict[tuple[int, int], tuple[int, int]], r_index: int, column: int, parts: list[str]
) -> int:
    """Write the continuing cells of merges from above that start at ``column`` of row
    ``r_index``; return the column after them."""
    while (r_index, column) in below:
        span, width = below.pop((r_index, column))
        parts.append(_tc(width, span, _paragraph("BCTableHeading", ""), "continue"))
        column += span
    return column


def _header_xml(rows: Sequence[Any], widths: list[int]) -> list[str]:
    count = len(widths)
    below: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) -> (span, width)
    out = []
    for r_index, row in enumerate(rows):
        cells = _list(row, f"header_rows[{r_index}]")
        parts: list[str] = []
        column = 0
        for c_index, raw in enumerate(cells):
            where = f"header_rows[{r_index}][{c_index}]"
            cell = _map(raw, where)
            column = _continuations(below, r_index, column, parts)
            span = _int(cell.get("colspan", 1), f"{where}.colspan")
            down = _int(cell.get("rowspan", 1), f"{where}.rowspan")
            if column + span > count:
                raise ValidationError(
                    span, f"runs past the last column ({count} columns)", path=f"{where}.colspan"
                )
            width = sum(widths[column : column + span])
            merge = "restart" if down > 1 else None
            for dr in range(1, down):
                below[(r_index + dr, column)] = (span, width)
            text = _text(cell.get("text"), f"{where}.text")
            parts.append(_tc(width, span, _paragraph("BCTableHeading", text), merge))
            column += span
        column = _continuations(below, r_index, column, parts)
        if column != count:
            raise ValidationError(
                column, f"columns are filled, not {count}", path=f"header_rows[{r_index}]"
            )
        out.append(f"<w:tr>{_HEADER_TRPR}{''.join(parts)}</w:tr>")
    if below:
        raise ValidationError(
            len(rows), "header rows: a rowspan runs below the last one", path="header_rows"
        )
    return out


def grid_table_xml(block: Mapping[str, Any]) -> str:
    """The ``w:tbl`` of a ``"grid"`` block (see the module documentation).

    >>> xml = grid_table_xml({
    ...     "caption": None,
    ...     "columns": [{"width": 1, "align": "center"}, {"width": 3, "align": "auto"}],
    ...     "header_rows": [[{"text": "Chỉ tiêu", "colspan": 2, "rowspan": 1}],
    ...                     [{"text": "STT"}, {"text": "Số"}]],
    ...     "column_numbers": ["(1)", "(2)"],
    ...     "body_rows": [{"kind": "data", "cells": [{"text": "1", "numeric": True},
    ...                                         {"text": "1.341", "numeric": True}]}],
    ... })
    >>> xml.count("<w:tblHeader/>"), '<w:gridSpan w:val="2"/>' in xml
    (3, True)
    """
    block = _map(block, "block")
    columns = [
        _map(c, f"columns[{i}]") for i, c in enumerate(_list(block.get("columns"), "columns"))
    ]
    if not columns:
        raise ValidationError([], "must list at least one column", path="columns")
    count = len(columns)
    widths = _widths(columns, PROVISIONAL_TWIPS)
    auto = any(c.get("width") is None for c in columns)
    aligns = []
    for index, column in enumerate(columns):
        align = column.get("align", "auto")
        if align != "auto" and align not in _JC:
            raise ValidationError(
                align, "is not left, center, right or auto", path=f"columns[{index}].align"
            )
        aligns.append(align)
    caption = _text(block.get("caption") or GRID_CAPTION, "caption")
    parts = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="{"auto" if auto else "dxa"}"/>'
        f'<w:jc w:val="center"/>{_BORDERS}<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/><w:tblCaption w:val="{caption}"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    ]
    parts.extend(_header_xml(_list(block.get("header_rows"), "header_rows"), widths))
    numbers = _list(block.get("column_numbers") or [], "column_numbers")
    if numbers:
        if len(numbers) != count:
            raise ValidationError(
                len(numbers), f"column numbers, not {count}", path="column_numbers"
            )
        cells = "".join(
            _tc(w, 1, _paragraph("BCTableText", _text(n, f"column_numbers[{i}]"), "center", True))
            for i, (w, n) in enumerate(zip(widths, numbers, strict=True))
        )
        parts.append(f"<w:tr>{_HEADER_TRPR}{cells}</w:tr>")
    total = sum(widths)
    # Per column and kind of row: the start of each cell (its tcPr and paragraph
    # properties), so that each cell of a large table is one format and one join.
    starts: dict[tuple[bool, bool], list[tuple[str, str]]] = {}
    for bold in (False, True):
        for numeric in (False, True):
            style = ("BCTableTotal" if bold else "BCTable") + ("Number" if numeric else "Text")
            natural = "right" if numeric else "left"
            row_starts = []
            for width, align in zip(widths, aligns, strict=True):
                jc = "" if align in ("auto", natural) else f'<w:jc w:val="{_JC[align]}"/>'
                row_starts.append(
                    (
                        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                        '<w:vAlign w:val="center"/></w:tcPr>'
                        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>',
                        "</w:p></w:tc>",
                    )
                )
            starts[bold, numeric] = row_starts
    for r_index, raw in enumerate(_list(block.get("body_rows"), "body_rows")):
        row = _map(raw, f"body_rows[{r_index}]")
        kind = row.get("kind", "data")
        if kind == "group":
            text = _text(row.get("text"), f"body_rows[{r_index}].text")
            parts.append(
                f"<w:tr>{_ROW_TRPR}"
                + _tc(total, count, _paragraph("BCTableTotalText", text))
                + "</w:tr>"
            )
            continue
        if kind not in ("data", "subtotal", "total"):
            raise ValidationError(
                kind, "is not data, group, subtotal or total", path=f"body_rows[{r_index}].kind"
            )
        bold = kind != "data"
        row_cells = _list(row.get("cells"), f"body_rows[{r_index}].cells")
        if len(row_cells) != count:
            raise ValidationError(
                len(row_cells), f"cells, not {count}", path=f"body_rows[{r_index}].cells"
            )
        out = [f"<w:tr>{_ROW_TRPR}"]
        for c_index, cell_raw in enumerate(row_cells):
            cell = _map(cell_raw, f"body_rows[{r_index}].cells[{c_index}]")
            numeric = cell.get("numeric") is True
            start, end = starts[bold, numeric][c_index]
            text = _text(cell.get("text"), f"body_rows[{r_index}].cells[{c_index}].text")
            if text:
                out.append(f'{start}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{end}')
            else:
                out.append(start + end)
        out.append("</w:tr>")
        parts.append("".join(out))
    parts.append("</w:tbl>")
    return "".join(parts)
