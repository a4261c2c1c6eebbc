"""Tables as statistics reports have them (issue 12, §2): merged header cells, group and
subtotal rows, column widths and alignment.

A :class:`~baocao.Table` that uses none of this renders as in 0.1; one that uses any of it
renders as a *grid* (``kind: "grid"`` in the context, built as OOXML by ``_ooxml``). This
module holds the pieces a table is made of and the check that the header cells tile the
header's grid (:func:`header_grid`).
"""

from __future__ import annotations

from typing import Any

import attrs

from .._errors import InvalidTypeError, ValidationError
from .._text import check_text, nfc
from ._fields import _check_int, _text, _validate_text
from ._layout import HEADING, _check_layout, _validate_layout
from ._validators import named

__all__ = [
    "ALIGNMENTS",
    "MAX_SPAN",
    "GroupRow",
    "HeaderCell",
    "SubtotalRow",
    "header_grid",
]

MAX_SPAN = 63
"""The most columns or rows one header cell may span (Word's own table has at most 63
columns)."""

ALIGNMENTS = ("left", "center", "right")
"""The alignments a column may ask for (``align``); by default numbers are right-aligned,
text left-aligned, and a column headed "STT" centred."""


@named("heading_text")
def _heading_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_text(value, path=attribute.name, allow_empty=True)


@named("span")
def _span(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_int(value, path=attribute.name, low=1, high=MAX_SPAN)


@attrs.frozen(kw_only=True)
class HeaderCell:
    """One cell of a header row (ô tiêu đề), that may span columns and rows.

    In YAML a cell is a text, or ``{text: …, colspan: 2, rowspan: 1}``.

    Attributes:
        text: the heading (tiêu đề cột), bold and centred.
        colspan: how many columns the cell spans (gộp cột), 1 by default.
        rowspan: how many header rows the cell spans (gộp dòng), 1 by default.
    """

    text: str = attrs.field(
        converter=_text,
        validator=[_heading_text, _validate_layout],
        metadata={"layout": HEADING},
    )
    colspan: int = attrs.field(
        default=1, validator=_span, metadata={"minimum": 1, "maximum": MAX_SPAN}
    )
    rowspan: int = attrs.field(
        default=1, validator=_span, metadata={"minimum": 1, "maximum": MAX_SPAN}
    )


@attrs.frozen
class GroupRow:
    """A group row (dòng nhóm) spanning the whole table, such as "I. Khối sở, ngành",
    printed bold. In YAML: ``{group: "I. Khối sở, ngành"}``.

    Attributes:
        text: the group's heading, as it is printed.
    """

    text: str = attrs.field(
        converter=_text, validator=[_validate_text, _validate_layout], metadata={"layout": HEADING}
    )


def _to_cells(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(nfc(v) if isinstance(v, str) else v for v in value)
    return value


@attrs.frozen
class SubtotalRow:
    """A subtotal row (dòng cộng) inside the rows, printed bold, as the totals row is.
    In YAML: ``{subtotal: ["", "Cộng", 120, 45]}``.

    Attributes:
        cells: the row's cells, as many as the table's columns (checked by the table).
    """

    cells: tuple[Any, ...] = attrs.field(converter=_to_cells)


def header_cells(value: object) -> tuple[tuple[HeaderCell, ...], ...]:
    """``header_rows`` as cells: a text becomes a :class:`HeaderCell` of span 1."""
    if not isinstance(value, (list, tuple)):
        return value  # type: ignore[return-value]  # the validator reports the type
    rows = []
    for row in value:
        if isinstance(row, (list, tuple)):
            row = tuple(HeaderCell(text=c) if isinstance(c, str) else c for c in row)
        rows.append(row)
    return tuple(rows)


def _validate_header_rows(value: object, name: str) -> None:
    if not isinstance(value, tuple):
        raise InvalidTypeError(value, "is not a list of header rows", path=name)
    for r_index, row in enumerate(value):
        if not isinstance(row, tuple) or not row:
            raise InvalidTypeError(
                row, "is not a non-empty list of header cells", path=f"{name}[{r_index}]"
            )
        for c_index, cell in enumerate(row):
            if not isinstance(cell, HeaderCell):
                raise InvalidTypeError(
                    cell,
                    "is not a header cell (a text, or a baocao.HeaderCell; in YAML "
                    "{text, colspan, rowspan})",
                    path=f"{name}[{r_index}][{c_index}]",
                )
            _check_layout(cell.text, HEADING, f"{name}[{r_index}][{c_index}].text")


def header_grid(
    rows: tuple[tuple[HeaderCell, ...], ...], name: str = "header_rows"
) -> list[list[tuple[int, int, HeaderCell]]]:
    """Place the header cells on their grid, checking that they tile it: every row fills
    the same number of columns, no cell runs into another or below the last header row.

    Returns, for each row, its cells as ``(column, row, cell)`` of their top-left corner.
    An error names the cell at fault (``header_rows[1][2]``) and the one it runs into.
    """
    _validate_header_rows(rows, name)
    taken: dict[tuple[int, int], str] = {}  # (row, column) -> the cell that covers it
    placed: list[list[tuple[int, int, HeaderCell]]] = []
    width: int | None = None
    count = len(rows)
    for r_index, row in enumerate(rows):
        column = 0
        out = []
        for c_index, cell in enumerate(row):
            where = f"{name}[{r_index}][{c_index}]"
            while (r_index, column) in taken:
                column += 1
            if r_index + cell.rowspan > count:
                raise ValidationError(
                    cell.rowspan,
                    f"is the rowspan of {cell.text!r}: it runs below the last header row "
                    f"({count} header row{'s' if count > 1 else ''})",
                    path=f"{where}.rowspan",
                )
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    key = (r_index + dr, column + dc)
                    if key in taken:
                        raise ValidationError(
                            cell.colspan,
                            f"is the colspan of {cell.text!r}: it runs into {taken[key]}, "
                            "which spans down into this row",
                            path=f"{where}.colspan",
                        )
                    taken[key] = where
            out.append((column, r_index, cell))
            column += cell.colspan
        while (r_index, column) in taken:
            column += 1
        if width is None:
            width = column
        elif column != width:
            raise ValidationError(
                [c.text for c in row],
                f"fills {column} columns, but {name}[0] fills {width}: "
                "the cells (with their colspans, and the cells spanning down from above) "
                "must fill every row alike",
                path=f"{name}[{r_index}]",
            )
        placed.append(out)
    if width is not None:
        for (r_index, column), where in taken.items():
            if column >= width:
                raise ValidationError(
                    where,
                    f"spans past the last column ({width} columns)",
                    path=f"{name}[{r_index}]",
                )
    return placed
