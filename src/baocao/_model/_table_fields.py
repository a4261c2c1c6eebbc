"""The fields a statistics table adds to :class:`~baocao.Table` (issue 12, §2): their
converters and validators, the check that holds them to each other
(:func:`check_table`), and :func:`uses_grid`, which says whether a table needs more
than 0.1's header, rows and totals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from .._errors import InvalidTypeError, ValidationError
from .._text import check_text
from ._grid import ALIGNMENTS, GroupRow, HeaderCell, SubtotalRow, header_cells, header_grid
from ._layout import HEADING, ONE_LINE, _check_layout
from ._validators import Validator

__all__ = [
    "MAX_COLUMNS",
    "MAX_WIDTH",
    "Row",
    "check_table",
    "table_align",
    "table_line",
    "table_notes",
    "table_widths",
    "to_header_rows",
    "to_rows",
    "to_widths",
    "uses_grid",
]

MAX_COLUMNS = 63
"""The most columns a table may have (Word's own limit)."""

MAX_WIDTH = 1000
"""The largest relative width of one column."""

Row = tuple[Any, ...] | GroupRow | SubtotalRow
"""A row of a table: its cells (each a :data:`~baocao.Cell`), a :class:`GroupRow` or a
:class:`SubtotalRow`."""


def to_header_rows(value: object) -> tuple[tuple[HeaderCell, ...], ...]:
    """The converter of ``header_rows``: a text becomes a header cell of span 1."""
    return header_cells(value)


_ALIGN_WORDS = (*ALIGNMENTS, "auto")


def to_widths(value: Iterable[int]) -> tuple[int, ...]:
    """The converter of ``widths``: a list becomes a tuple (the validator checks it)."""
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value  # type: ignore[return-value]  # the validator reports the type


def to_rows(value: Any, to_row: Callable[[Any], tuple[Any, ...]]) -> Any:
    """``rows`` converted: lists of cells become tuples (by ``to_row``), group and
    subtotal rows stay as they are."""
    if isinstance(value, (list, tuple)):
        return tuple(r if isinstance(r, (GroupRow, SubtotalRow)) else to_row(r) for r in value)
    return value  # the validator reports the type


@attrs.frozen(repr=False)
class _TableLine(Validator):
    name = "table_line"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        check_text(value, path=attribute.name)
        assert isinstance(value, str)
        _check_layout(value, ONE_LINE, attribute.name)
        if attribute.name in _LABELS:
            label = _LABELS[attribute.name]
            if value.lstrip().lower().startswith(label.lower()):
                raise ValidationError(
                    value,
                    f'starts with "{label}", which baocao writes itself: give only what follows it',
                    path=attribute.name,
                )


_LABELS = {"units": "Đơn vị tính", "source": "Nguồn"}


def table_line() -> _TableLine:
    """An optional one-line text of a table (its units, caption or source); the units and
    the source without the label baocao prints before them."""
    return _TableLine()


@attrs.frozen(repr=False)
class _TableNotes(Validator):
    name = "table_notes"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidTypeError(value, "is not a list of notes", path=attribute.name)
        for index, note in enumerate(value):
            where = f"{attribute.name}[{index}]"
            check_text(note, path=where)
            _check_layout(note, HEADING, where)
            if note.lstrip().lower().startswith("ghi chú"):
                raise ValidationError(
                    note,
                    'starts with "Ghi chú", which baocao writes itself: give only the note',
                    path=where,
                )


def table_notes() -> _TableNotes:
    """The notes of a table: texts, without the "Ghi chú:" baocao prints before them."""
    return _TableNotes()


@attrs.frozen(repr=False)
class _TableWidths(Validator):
    name = "table_widths"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidTypeError(value, "is not a list of widths", path=attribute.name)
        for index, width in enumerate(value):
            where = f"{attribute.name}[{index}]"
            if isinstance(width, bool) or not isinstance(width, int):
                raise InvalidTypeError(
                    width, "is not a whole number (a relative width: [1, 6, 2])", path=where
                )
            if not 1 <= width <= MAX_WIDTH:
                raise ValidationError(width, f"is not between 1 and {MAX_WIDTH}", path=where)


def table_widths() -> _TableWidths:
    """Relative column widths: whole numbers from 1 to :data:`MAX_WIDTH`."""
    return _TableWidths()


@attrs.frozen(repr=False)
class _TableAlign(Validator):
    name = "table_align"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidTypeError(value, "is not a list of alignments", path=attribute.name)
        for index, word in enumerate(value):
            if word not in _ALIGN_WORDS:
                raise ValidationError(
                    word,
                    "is not one of " + ", ".join(_ALIGN_WORDS),
                    path=f"{attribute.name}[{index}]",
                )


def table_align() -> _TableAlign:
    """The alignment of each column: left, center, right or auto."""
    return _TableAlign()


def _check_rows_type(rows: object) -> None:
    if not isinstance(rows, tuple):
        return  # some_rows says so
    for index, row in enumerate(rows):
        if isinstance(row, SubtotalRow) and not isinstance(row.cells, tuple):
            raise InvalidTypeError(
                row.cells, "is not a list of cells", path=f"rows[{index}].subtotal"
            )


def check_table(table: Any) -> int:
    """Hold the fields of a table to each other; return its number of columns."""
    if not isinstance(table.column_numbers, bool):
        raise InvalidTypeError(table.column_numbers, "is not true or false", path="column_numbers")
    if table.header_rows:
        if table.header:
            raise ValidationError(
                list(table.header),
                "is given with header_rows: give one of them (header is one header row)",
                path="header",
            )
        placed = header_grid(table.header_rows)
        width = max(
            (column + cell.colspan for row in placed for column, _r, cell in row), default=0
        )
    else:
        if not table.header:
            raise ValidationError(
                list(table.header),
                "is required and must list at least one column (or give header_rows)",
                path="header",
            )
        width = len(table.header)
    if width > MAX_COLUMNS:
        raise ValidationError(width, f"columns are more than {MAX_COLUMNS}", path="header")
    for name in ("widths", "align"):
        value = getattr(table, name)
        if value and len(value) != width:
            raise ValidationError(
                list(value),
                f"has {len(value)} values but the table has {width} columns",
                path=name,
            )
    _check_rows_type(table.rows)
    return width


def uses_grid(table: Any) -> bool:
    """True when ``table`` uses anything beyond 0.1's header, rows and totals: it is then
    rendered as a grid (``kind: "grid"``); otherwise exactly as 0.1 rendered it."""
    if (
        table.header_rows
        or table.column_numbers
        or table.units is not None
        or table.caption is not None
        or table.notes
        or table.source is not None
        or table.widths
        or table.align
    ):
        return True
    return any(isinstance(row, (GroupRow, SubtotalRow)) for row in table.rows)
