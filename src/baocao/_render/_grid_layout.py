"""The layout pass of statistics tables (issue 12, §2): the widths of each ``"grid"``
table (``_ooxml.grid_table_xml``), fitted to the text width of the section it is in.

A grid with relative widths (``widths: [1, 6, 2]``) keeps their proportions; one without
(``w:tblW`` of type ``auto``) shares the width by content, as 0.1's tables do: each
column as wide as its widest cell on one line (headings counted at half, since they
wrap), at least 14 mm. A merged cell (``w:gridSpan``) gets the sum of its columns.

The section of a table is the one whose ``w:sectPr`` follows it (in the last paragraph
of the section, or the body's own at the end), read by ``_sections.SectionMap`` as for
every other measurement of the layout pass: a table in a landscape appendix section is
as wide as that section's text, and so is a table nested in another table's cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._ooxml import qn
from ._sections import SectionMap

__all__ = ["is_grid", "layout_grids"]

_GRIDCOL = qn("gridCol")
_GRIDSPAN = qn("gridSpan")
_TBL = qn("tbl")
_TBLCAPTION = qn("tblCaption")
_TBLGRID = qn("tblGrid")
_TBLHEADER = qn("tblHeader")
_TBLPR = qn("tblPr")
_TBLW = qn("tblW")
_TC = qn("tc")
_TCPR = qn("tcPr")
_TCW = qn("tcW")
_TR = qn("tr")
_TRPR = qn("trPr")
_TYPE = qn("type")
_VAL = qn("val")
_W = qn("w")

_MIN_COL_MM = 14.0
_PADDING_MM = 3.0


def is_grid(table: Any) -> bool:
    """True for a table written by ``grid_table_xml`` (it carries a ``w:tblCaption``)."""
    tblpr = table.find(_TBLPR)
    return tblpr is not None and tblpr.find(_TBLCAPTION) is not None


def _span(cell: Any) -> int:
    tcpr = cell.find(_TCPR)
    span = tcpr.find(_GRIDSPAN) if tcpr is not None else None
    return int(span.get(_VAL)) if span is not None else 1


def _is_header(row: Any) -> bool:
    trpr = row.find(_TRPR)
    return trpr is not None and trpr.find(_TBLHEADER) is not None


def _natural(table: Any, count: int, needed_mm: Callable[[Any], float]) -> list[float]:
    natural = [_MIN_COL_MM] * count
    for row in table.iterchildren(_TR):
        share = 0.5 if _is_header(row) else 1.0
        column = 0
        for cell in row.iterchildren(_TC):
            span = _span(cell)
            if span == 1 and column < count:
                natural[column] = max(natural[column], needed_mm(cell) * share + _PADDING_MM)
            column += span
    return natural


def _apply(table: Any, widths: list[int]) -> None:
    grid = table.find(_TBLGRID)
    for col, width in zip(grid.iterchildren(_GRIDCOL), widths, strict=False):
        col.set(_W, str(width))
    tblw = table.find(f"{_TBLPR}/{_TBLW}")
    if tblw is not None:
        tblw.set(_W, str(sum(widths)))
        tblw.set(_TYPE, "dxa")
    for row in table.iterchildren(_TR):
        column = 0
        for cell in row.iterchildren(_TC):
            span = _span(cell)
            tcw = cell.find(f"{_TCPR}/{_TCW}")
            if tcw is not None:
                tcw.set(_W, str(sum(widths[column : column + span])))
                tcw.set(_TYPE, "dxa")
            column += span


def layout_grids(grids: list[Any], needed_mm: Callable[[Any], float], sections: SectionMap) -> None:
    """Set the widths of the grid tables ``grids`` (see the module's docstring), each to
    the text width of its own section in ``sections``; ``needed_mm`` measures a cell on
    one line."""
    for table in grids:
        grid = table.find(_TBLGRID)
        current = [int(c.get(_W)) for c in grid.iterchildren(_GRIDCOL)]
        if not current:
            continue
        geometry = sections.of(table)
        total = max(1, geometry.width - geometry.left - geometry.right)
        tblw = table.find(f"{_TBLPR}/{_TBLW}")
        if tblw is not None and tblw.get(_TYPE) == "auto":
            weights: list[float] = _natural(table, len(current), needed_mm)
        else:
            weights = [float(w) for w in current]
        weight = sum(weights)
        widths = [int(total * w / weight) for w in weights]
        widths[-1] += total - sum(widths)
        _apply(table, widths)
