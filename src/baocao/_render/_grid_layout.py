"""The layout pass of statistics tables (issue 12, §2): the widths of each ``"grid"``
table (``_ooxml.grid_table_xml``), fitted to the text width of the section it is in.

A grid with relative widths (``widths: [1, 6, 2]``) keeps their proportions; one without
(``w:tblW`` of type ``auto``) shares the width by content, as 0.1's tables do: each
column as wide as its widest cell on one line (headings counted at half, since they
wrap), at least 14 mm. A merged cell (``w:gridSpan``) gets the sum of its columns.

The section of a table is the one whose ``w:sectPr`` follows it (in the last paragraph
of the section, or the body's own at the end), so a table in a landscape appendix
section is as wide as that section's text; a table nested in another table's cell keeps
the width of the body's last section (``section_widths`` is the hook to change that).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import _ooxml
from .._ooxml import qn

__all__ = ["is_grid", "layout_grids", "section_widths"]

_GRIDCOL = qn("gridCol")
_GRIDSPAN = qn("gridSpan")
_P = qn("p")
_PGMAR = qn("pgMar")
_PGSZ = qn("pgSz")
_PPR = qn("pPr")
_SECTPR = qn("sectPr")
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


def _text_twips(sect: Any) -> int:
    size = sect.find(_PGSZ)
    margins = sect.find(_PGMAR)
    width = int(size.get(_W)) if size is not None else 11906
    left = int(margins.get(qn("left"))) if margins is not None else 1701
    right = int(margins.get(qn("right"))) if margins is not None else 850
    return max(1, width - left - right)


def section_widths(body: Any, tables: list[Any]) -> dict[int, int]:
    """The text width (twips) of the section each of ``tables`` is in, by ``id``."""
    wanted = {id(t) for t in tables}
    found: dict[int, int] = {}
    pending: list[Any] = []
    for child in body.iterchildren():
        if child.tag == _TBL and id(child) in wanted:
            pending.append(child)
        elif child.tag == _P:
            ppr = child.find(_PPR)
            sect = ppr.find(_SECTPR) if ppr is not None else None
            if sect is not None:
                width = _text_twips(sect)
                found.update((id(t), width) for t in pending)
                pending = []
    final = body.find(_SECTPR)
    last = _text_twips(final) if final is not None else _ooxml.twips(165.0)
    for table in tables:
        found.setdefault(id(table), last)
    return found


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


def layout_grids(body: Any, grids: list[Any], needed_mm: Callable[[Any], float]) -> None:
    """Set the widths of the grid tables ``grids`` of ``body`` (see the module's
    docstring); ``needed_mm`` measures a cell on one line."""
    if not grids:
        return
    widths_by_table = section_widths(body, grids)
    for table in grids:
        grid = table.find(_TBLGRID)
        current = [int(c.get(_W)) for c in grid.iterchildren(_GRIDCOL)]
        if not current:
            continue
        total = widths_by_table[id(table)]
        tblw = table.find(f"{_TBLPR}/{_TBLW}")
        if tblw is not None and tblw.get(_TYPE) == "auto":
            weights: list[float] = _natural(table, len(current), needed_mm)
        else:
            weights = [float(w) for w in current]
        weight = sum(weights)
        widths = [int(total * w / weight) for w in weights]
        widths[-1] += total - sum(widths)
        _apply(table, widths)
