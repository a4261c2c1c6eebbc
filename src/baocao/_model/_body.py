"""The body of a report: its blocks (paragraphs, dash lines, tables) and its tree.

The tree is :class:`Part` (Phần) > :class:`Section` (Mục, I., II.) > :class:`Item` (Khoản,
1., 2.) > :class:`Point` (Điểm, a), b)); each level may hold blocks. Numbers and letters
are never typed by the user: the renderer assigns them from the order of the tree.
"""

from __future__ import annotations

import decimal
import os
from collections.abc import Iterable
from typing import Any

import attrs

from .._errors import InvalidTypeError, ValidationError
from .._text import check_text, nfc
from ._fields import (
    ShortForm,
    Validator,
    _check_size,
    _opt_text,
    _strings,
    _text,
    _validate_members,
    _validate_opt_text,
    _validate_text,
)
from ._grid import GroupRow, HeaderCell, SubtotalRow
from ._layout import BODY, CENTRED, HEADING, LISTED, ONE_LINE, _check_layout, _validate_layout
from ._table_fields import (
    Row,
    check_table,
    table_align,
    table_line,
    table_notes,
    table_widths,
    to_header_rows,
    to_rows,
    to_widths,
)
from ._validators import named
from ._values import (
    Money,
    Number,
    Percent,
    Rate,
    Segment,
    _check_segments,
    _to_opt_text,
    _to_text,
    _validate_opt_segments,
    _validate_segments,
)

__all__ = [
    "MAX_POINTS",
    "Block",
    "Cell",
    "Dash",
    "Item",
    "Paragraph",
    "Part",
    "Point",
    "Row",
    "Section",
    "Table",
    "column_headings",
    "point_letters",
    "some_rows",
]

MAX_POINTS = 23
"""Points in one item: a) to y), the 23 letters of the Vietnamese alphabet used for points."""


@attrs.frozen
class Paragraph:
    """A paragraph of body text (đoạn văn).

    Attributes:
        text: the paragraph: a string, or a list of pieces mixing strings with
            :class:`Money`, :class:`Percent`, :class:`Rate`, :class:`Number`, :class:`Date`.
    """

    text: tuple[Segment, ...] = attrs.field(
        converter=_to_text, validator=_validate_segments, metadata={"layout": BODY}
    )


def _to_plus(value: Iterable[str | Iterable[Segment]]) -> tuple[tuple[Segment, ...], ...]:
    if isinstance(value, (list, tuple)):
        return tuple(_to_text(v) for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


@named("plus_lines")
def _validate_plus(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidTypeError(value, 'is not a list of "+" lines', path=attribute.name)
    for index, line in enumerate(value):
        where = f"{attribute.name}[{index}]"
        _check_segments(line, where)
        assert isinstance(line, tuple)
        for piece in line:
            if isinstance(piece, str):
                _check_layout(piece, LISTED, where)


@named("flag")
def _validate_flag(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError(value, "is not true or false", path=attribute.name)


@attrs.frozen
class Dash:
    """A dash line ("- …", gạch đầu dòng): the level below a point.

    Attributes:
        text: the line, without its dash (baocao adds "- ").
        plus: the "+" lines (dấu cộng) under the dash line, the level below it, each
            without its "+" (baocao adds "+ ").
    """

    text: tuple[Segment, ...] = attrs.field(
        converter=_to_text, validator=_validate_segments, metadata={"layout": LISTED}
    )
    # issue 12: numbering
    plus: tuple[tuple[Segment, ...], ...] = attrs.field(
        default=(), converter=_to_plus, validator=_validate_plus, metadata={"layout": LISTED}
    )


Cell = str | int | decimal.Decimal | Percent | Rate | Number | Money
"""One table cell: text, or a number that baocao formats (``1.341``, ``47,67%``)."""

_CELL_TYPES = (str, int, decimal.Decimal, Percent, Rate, Number, Money)


def _to_row(value: Iterable[Cell]) -> tuple[Cell, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(nfc(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


def _to_rows(value: Iterable[Any]) -> tuple[Row, ...]:
    return to_rows(value, _to_row)  # type: ignore[no-any-return]


def _to_opt_row(value: Iterable[Cell] | None) -> tuple[Cell, ...] | None:
    return None if value is None else _to_row(value)


def _check_row(row: object, path: str, width: int | None) -> None:
    if not isinstance(row, tuple):
        raise InvalidTypeError(row, "is not a list of cells", path=path)
    if width is not None and len(row) != width:
        raise ValidationError(row, f"has {len(row)} cells but the header has {width}", path=path)
    for index, cell in enumerate(row):
        where = f"{path}[{index}]"
        if isinstance(cell, bool) or not isinstance(cell, _CELL_TYPES):
            hint = " (write it as a string such as '47,67')" if isinstance(cell, float) else ""
            raise InvalidTypeError(
                cell,
                f"is not a text, an int, a Decimal, a percent, a rate or money{hint}",
                path=where,
            )
        if isinstance(cell, str):
            check_text(cell, path=where, allow_empty=True)
            _check_layout(cell, HEADING, where)
        elif isinstance(cell, decimal.Decimal) and not cell.is_finite():
            raise ValidationError(cell, "is not a finite number", path=where)
        elif isinstance(cell, (int, decimal.Decimal)):
            _check_size(cell, path=where)


@attrs.frozen(repr=False)
class _ColumnHeadings(Validator):
    name = "column_headings"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise ValidationError(value, "must list at least one column", path=attribute.name)
        for index, head in enumerate(value):
            where = f"{attribute.name}[{index}]"
            check_text(head, path=where, allow_empty=True)
            _check_layout(head, HEADING, where)


def column_headings() -> _ColumnHeadings:
    """A table's header: a non-empty list of texts, each laid out as a :data:`HEADING`."""
    return _ColumnHeadings()


@attrs.frozen(repr=False)
class _SomeRows(Validator):
    name = "some_rows"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidTypeError(value, "is not a list of rows", path=attribute.name)
        if not value:
            raise ValidationError(value, "must hold at least one row", path=attribute.name)


def some_rows() -> _SomeRows:
    """A table's rows: a list of at least one row (the cells are checked against the
    header's width by the table)."""
    return _SomeRows()


@attrs.frozen(kw_only=True)
class Table:
    """A table in the body (bảng): a header row, rows and an optional totals row.

    Numbers are formatted the Vietnamese way (``1.341``, ``47,67``) and right-aligned.
    A statistics table may also have several header rows with merged cells, a row of
    column numbers, a units line, a caption, notes and a source, group and subtotal
    rows, and its own column widths and alignment (docs/model.md, "Tables").

    Attributes:
        header: the column headings (tiêu đề cột), one header row; or give header_rows.
        rows: the data rows; each has as many cells as the header. A row may also be
            ``{group: …}`` (dòng nhóm, spanning the table) or ``{subtotal: [...]}``
            (dòng cộng, bold); in YAML the rows may come from a file:
            ``{file: dulieu.xlsx, sheet: Sheet1, range: A3:F40}`` or ``{file: dulieu.csv}``.
        totals: an optional last row (dòng tổng cộng), printed in bold.
        header_rows: several header rows whose cells may span columns and rows (gộp ô):
            each cell a text or ``{text, colspan, rowspan}``; instead of header.
        column_numbers: print a row of column numbers, (1), (2), (3), … under the header
            (dòng số thứ tự cột).
        units: the unit of the figures (đơn vị tính), printed "Đơn vị tính: …" above the
            table, right-aligned, italic.
        caption: the table's title (tên bảng), centred and bold above it.
        notes: notes under the table (ghi chú), printed after "Ghi chú:".
        source: where the figures come from (nguồn), printed "Nguồn: …" under the table.
        widths: relative column widths, one whole number per column (``[1, 6, 2, 2]``).
        align: the alignment of each column: left, center, right or auto (numbers right,
            text left, a column headed "STT" centred).
    """

    header: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=column_headings(),
        metadata={"short_form": ShortForm.ONE},
    )
    rows: tuple[Row, ...] = attrs.field(converter=_to_rows, validator=some_rows())
    totals: tuple[Cell, ...] | None = attrs.field(default=None, converter=_to_opt_row)
    # issue 12: tables as statistics reports have them (_table_fields, _grid)
    header_rows: tuple[tuple[HeaderCell, ...], ...] = attrs.field(
        default=(), converter=to_header_rows
    )
    column_numbers: bool = attrs.field(default=False)
    units: str | None = attrs.field(
        default=None, converter=_opt_text, validator=table_line(), metadata={"layout": ONE_LINE}
    )
    caption: str | None = attrs.field(
        default=None, converter=_opt_text, validator=table_line(), metadata={"layout": ONE_LINE}
    )
    notes: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=table_notes(),
        metadata={"short_form": ShortForm.ONE, "layout": HEADING},
    )
    source: str | None = attrs.field(
        default=None, converter=_opt_text, validator=table_line(), metadata={"layout": ONE_LINE}
    )
    widths: tuple[int, ...] = attrs.field(
        default=(), converter=to_widths, validator=table_widths(), metadata={"minimum": 1}
    )
    align: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=table_align())

    def __attrs_post_init__(self) -> None:
        width = check_table(self)  # each row as wide as the header: a rule between fields
        for index, row in enumerate(self.rows):
            if isinstance(row, SubtotalRow):
                _check_row(row.cells, f"rows[{index}].subtotal", width)
            elif not isinstance(row, GroupRow):
                _check_row(row, f"rows[{index}]", width)
        if self.totals is not None:
            _check_row(self.totals, "totals", width)

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        sheet: str | None = None,
        range: str | None = None,  # the word of the input
        **fields: Any,
    ) -> Table:
        """A table whose rows come from a CSV file or a sheet of an .xlsx workbook
        (:func:`baocao.rows_from_file`); ``fields`` are the other fields
        (``header_rows``, ``units`` …). An error names the file and the cell."""
        from ._rows_file import table_from_file

        table = table_from_file(cls, path, sheet=sheet, cell_range=range, fields=fields)
        assert isinstance(table, Table)
        return table


Block = Paragraph | Dash | Table
"""A body block: a paragraph, a dash line or a table."""

_BLOCK_TYPES = (Paragraph, Dash, Table)


def _to_blocks(value: Iterable[Block | str]) -> tuple[Block, ...]:
    if isinstance(value, str):
        return (Paragraph(value),)
    if isinstance(value, (list, tuple)):
        return tuple(Paragraph(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


_validate_blocks = _validate_members(_BLOCK_TYPES, "a paragraph, a dash line or a table")


def _to_points(value: Iterable[Point | str]) -> tuple[Point, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(Point(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


@named("sub_points")
def _validate_sub_points(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate_members((Point,), "a point")(_inst, attribute, value)


@attrs.frozen
class Point:
    """Điểm: a lettered point, ``a)``, ``b)``, … ``đ)`` (letters follow the Vietnamese alphabet).

    Attributes:
        text: the point's text, after its letter.
        body: paragraphs, dash lines and tables that follow it.
        points: sub-points (the level below a point), for a scheme that numbers them,
            such as the decimal one (1.1.1.1.); see :class:`~baocao.Numbering`.
        numbered: false for a point without a letter (không đánh số: its text alone, as a
            paragraph of the item); the lettered points around it are lettered as if it
            were not there.
    """

    text: tuple[Segment, ...] = attrs.field(
        converter=_to_text, validator=_validate_segments, metadata={"layout": LISTED}
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    # issue 12: numbering
    points: tuple[Point, ...] = attrs.field(
        default=(),
        converter=_to_points,
        validator=_validate_sub_points,
    )
    numbered: bool = attrs.field(default=True, validator=_validate_flag)


@attrs.frozen(repr=False)
class _PointLetters(Validator):
    name = "point_letters"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        limit = attribute.metadata["maxItems"]
        if isinstance(value, tuple) and len(value) > limit:
            raise ValidationError(
                value[limit].text,
                f"is point {limit + 1}; the letters of "
                f"points run out at y) ({limit} points): split the item",
                path=f"{attribute.name}[{limit}]",
            )

    def __repr__(self) -> str:
        return "<point_letters validator for the maxItems of the field's metadata>"


def point_letters() -> _PointLetters:
    """An item's points: no more than its metadata's ``maxItems`` (:data:`MAX_POINTS`),
    the letters a) to y)."""
    return _PointLetters()


@attrs.frozen(kw_only=True)
class Item:
    """Khoản: a numbered item, ``1.``, ``2.``, … of a section.

    An item has either a *title* (khoản có tiêu đề: "1. Kết quả thực hiện" on its own
    line, in bold) or a *text* (khoản không có tiêu đề: "1. Quyết định này …", upright),
    never both.

    Attributes:
        title: tiêu đề của khoản, when the item is a heading.
        text: the item's text, when it has no title.
        body: paragraphs, dash lines and tables after the title or text.
        points: the item's points (điểm) a), b), …
        numbered: false for an item without a number (không đánh số: its title alone);
            the numbered items around it are numbered as if it were not there.
    """

    title: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": HEADING},
    )
    text: tuple[Segment, ...] | None = attrs.field(
        default=None,
        converter=_to_opt_text,
        validator=_validate_opt_segments,
        metadata={"layout": LISTED},
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    points: tuple[Point, ...] = attrs.field(
        default=(),
        converter=_to_points,
        validator=[_validate_members((Point,), "a point"), point_letters()],
        metadata={"maxItems": MAX_POINTS},
    )
    # issue 12: numbering
    numbered: bool = attrs.field(default=True, validator=_validate_flag)

    def __attrs_post_init__(self) -> None:
        if (self.title is None) == (self.text is None):
            raise ValidationError(
                {"title": self.title, "text": self.text},
                "needs exactly one of title (a heading) or text",
                path="title",
            )


def _to_items(value: Iterable[Item | str]) -> tuple[Item, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(Item(text=v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


@attrs.frozen(kw_only=True)
class Section:
    """Mục: a section ``I.``, ``II.``, … with an upper-case title.

    Attributes:
        title: tiêu đề của mục, in normal or upper case (baocao prints it upper case
            unless the numbering keeps the typed case).
        body: paragraphs, dash lines and tables before the items.
        items: the section's items (khoản) 1., 2., …
        closing: đoạn kết của mục, paragraphs, dash lines and tables after the items.
        numbered: false for a heading without a number (không đánh số: an upper-case
            heading between the levels); the numbered sections around it are numbered as
            if it were not there.
    """

    title: str = attrs.field(
        converter=_text, validator=[_validate_text, _validate_layout], metadata={"layout": HEADING}
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    items: tuple[Item, ...] = attrs.field(
        default=(), converter=_to_items, validator=_validate_members((Item,), "an item")
    )
    # issue 12: numbering
    closing: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    numbered: bool = attrs.field(default=True, validator=_validate_flag)

    def __attrs_post_init__(self) -> None:
        if not self.body and not self.items and not self.closing:
            raise ValidationError(
                self.title, "is a section with no body and no items", path="items"
            )


def _to_sections(value: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


_validate_sections = _validate_members((Section,), "a section")


@attrs.frozen(kw_only=True)
class Part:
    """Phần: the optional top level, ``Phần I``, ``Phần II``, … above the sections.

    Attributes:
        title: tiêu đề của phần (printed upper case, centred, under "Phần I").
        body: paragraphs, dash lines and tables before the sections.
        sections: the part's sections (mục) I., II., …; numbering restarts in each part.
        numbered: false for a part heading without a number (không đánh số: its title
            alone, centred); the numbered parts around it are numbered as if it were not
            there.
    """

    title: str = attrs.field(
        converter=_text, validator=[_validate_text, _validate_layout], metadata={"layout": CENTRED}
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_to_sections, validator=_validate_sections
    )
    # issue 12: numbering
    numbered: bool = attrs.field(default=True, validator=_validate_flag)

    def __attrs_post_init__(self) -> None:
        if not self.body and not self.sections:
            raise ValidationError(
                self.title, "is a part with no body and no sections", path="sections"
            )
