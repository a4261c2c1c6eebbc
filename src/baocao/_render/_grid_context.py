"""The context of a statistics table (issue 12, §2): a :class:`~baocao.Table` that uses
merged headers, a units line, notes, group or subtotal rows, widths or alignment becomes a
block of kind ``"grid"``, plain data that ``templates/README.md`` documents key by key.
The default template prints its caption, units, notes and source as paragraphs and the
table itself with the ``grid_table`` filter (``_ooxml.grid_table_xml``).

A table that uses none of these stays a block of kind ``"table"``, as in 0.1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import _model as m
from .._errors import TemplateError
from .._text import upper

__all__ = [
    "NOTES_LABEL",
    "SOURCE_LABEL",
    "STT",
    "UNITS_LABEL",
    "check_grids_printed",
    "grid_block",
    "prints_grids",
]

UNITS_LABEL = "Đơn vị tính"
NOTES_LABEL = "Ghi chú"
SOURCE_LABEL = "Nguồn"
STT = "STT"
"""The heading of the column of row numbers (số thứ tự), centred by default."""


def _header_rows(table: m.Table) -> list[list[dict[str, Any]]]:
    if table.header_rows:
        return [
            [{"text": c.text, "colspan": c.colspan, "rowspan": c.rowspan} for c in row]
            for row in table.header_rows
        ]
    return [[{"text": h, "colspan": 1, "rowspan": 1} for h in table.header]]


def _column_headings(rows: list[list[dict[str, Any]]], width: int) -> list[str]:
    """The heading of each column: the lowest header cell that covers it alone."""
    headings = [""] * width
    taken: set[tuple[int, int]] = set()
    for r_index, row in enumerate(rows):
        column = 0
        for cell in row:
            while (r_index, column) in taken:
                column += 1
            for dr in range(cell["rowspan"]):
                for dc in range(cell["colspan"]):
                    taken.add((r_index + dr, column + dc))
            if cell["colspan"] == 1 and column < width and cell["text"].strip():
                headings[column] = cell["text"]
            column += cell["colspan"]
    return headings


def _notes(notes: tuple[str, ...]) -> list[str]:
    if not notes:
        return []
    if len(notes) == 1:
        return [f"{NOTES_LABEL}: {notes[0]}"]
    return [f"{NOTES_LABEL}:", *notes]


def grid_block(table: m.Table, cell: Callable[[m.Cell], dict[str, Any]]) -> dict[str, Any]:
    """The block of a statistics table; ``cell`` is the context's cell (text, numeric)."""
    header_rows = _header_rows(table)
    width = sum(c["colspan"] for c in header_rows[0])  # nothing spans down into row 0
    headings = _column_headings(header_rows, width)
    columns = []
    for index in range(width):
        align = table.align[index] if table.align else "auto"
        if align == "auto" and upper(headings[index].strip()) == STT:
            align = "center"
        columns.append(
            {
                "width": table.widths[index] if table.widths else None,
                "align": align,
                "heading": headings[index],
            }
        )
    rows: list[dict[str, Any]] = []
    for row in table.rows:
        if isinstance(row, m.GroupRow):
            rows.append({"kind": "group", "text": row.text, "cells": []})
        elif isinstance(row, m.SubtotalRow):
            rows.append({"kind": "subtotal", "text": "", "cells": [cell(c) for c in row.cells]})
        else:
            rows.append({"kind": "data", "text": "", "cells": [cell(c) for c in row]})
    if table.totals is not None:
        rows.append({"kind": "total", "text": "", "cells": [cell(c) for c in table.totals]})
    return {
        "kind": "grid",
        "label": "",
        "text": "",
        "caption": table.caption,
        "units": None if table.units is None else f"{UNITS_LABEL}: {table.units}",
        "notes": _notes(table.notes),
        "source": None if table.source is None else f"{SOURCE_LABEL}: {table.source}",
        "columns": columns,
        "header_rows": header_rows,
        "column_numbers": [f"({n})" for n in range(1, width + 1)] if table.column_numbers else [],
        "body_rows": rows,
    }


def prints_grids(body_source: str) -> bool:
    """Whether a template's body (its Jinja source) prints statistics tables: it uses the
    ``grid_table`` filter, or reads the rows of a grid block itself (``body_rows``)."""
    return "grid_table" in body_source or "body_rows" in body_source


def check_grids_printed(ctx: dict[str, Any], prints: bool, name: str) -> None:
    """Refuse to render a report with statistics tables through a template that would drop
    them (one written for 0.1, whose blocks know only the kind "table")."""
    if prints:
        return
    bodies = [ctx["body"], *(appendix["body"] for appendix in ctx["appendices"])]
    if any(block["kind"] == "grid" for body in bodies for block in body):
        raise TemplateError(
            f'{name}: the report has a statistics table (a block of kind "grid": '
            "header_rows, units, notes, group rows …) that this template does not print; "
            'add a branch for it ({%p elif b.kind == "grid" %} and {{p b | grid_table }}, '
            "templates/README.md), or use only header, rows and totals"
        )
