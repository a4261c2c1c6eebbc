"""The layout pass: what a template cannot know before the text is there.

After docxtpl has filled the template, this pass measures the text with Times New Roman
metrics (``baocao._ooxml``: the style resolver, wrapping and measure the checker uses) and

* sets the length of each rule (a ``BC Rule`` paragraph: an empty paragraph with a bottom
  border, centred by its indents) from the text above it: under the motto, the motto's
  length; under the issuing body, the subject and an appendix reference, 40 % of the
  longest line (the decree asks for 1/3 to 1/2, Phụ lục I, II.2.b and II.5.b);
* widens the right column of the header table when the place and date line would not
  fit on one line (a long place name), taking the room from the left column;
* shares the width of each body table between its columns by their content;
* shares the width of signature blocks side by side (a joint report) equally;
* keeps the last paragraph of the content with the signature block, so that no page
  carries the signature alone.

It works on the ``BC …`` styles of baocao's template; a custom template without them
passes through untouched.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import Any

from lxml import etree

from .. import _ooxml
from .._nd30 import STYLE_SIZES
from .._ooxml import paragraph_style, paragraph_text, qn
from .._options import Margins
from ._boxes import fit_frames
from ._grid_layout import is_grid, layout_grids
from ._sections import SectionMap, mark_orientation, turn_appendices

_BODY = qn("body")
_GRIDCOL = qn("gridCol")
_IND = qn("ind")
_KEEPNEXT = qn("keepNext")
_LEFT = qn("left")
_P = qn("p")
_PPR = qn("pPr")
_PSTYLE = qn("pStyle")
_PGMAR = qn("pgMar")
_RPR = qn("rPr")
_RIGHT = qn("right")
_SECTPR = qn("sectPr")
_STYLE = qn("style")
_STYLEID = qn("styleId")
_SZ = qn("sz")
_TBL = qn("tbl")
_TBLGRID = qn("tblGrid")
_TC = qn("tc")
_TR = qn("tr")
_TYPE = qn("type")
_VAL = qn("val")
_W = qn("w")
_TBLCELLMAR = qn("tblCellMar")
_TBLPR = qn("tblPr")
_TBLW = qn("tblW")
_TCPR = qn("tcPr")
_TCW = qn("tcW")

# The paragraphs whose paragraph_style() is "BCRule", in document order.
_RULES = etree.XPath(
    "descendant::w:p[w:pPr[1]/w:pStyle[1]/@w:val = 'BCRule']", namespaces={"w": _ooxml.W_NS}
)

# The paragraphs with a left and a right border: the candidates for framed marks.
_FRAMED = etree.XPath(
    "descendant::w:p[w:pPr[1]/w:pBdr[1][w:left and w:right]]", namespaces={"w": _ooxml.W_NS}
)

__all__ = [
    "RULE_SHARE",
    "Styles",
    "apply_profile",
    "layout_body",
    "set_core_properties",
]

RULE_SHARE = 0.40
"""Rule length as a share of the measured line, for the issuing body and the subject."""

_MIN_LEFT_MM = 55.0
_SLACK_MM = 1.0
_TABLE_MIN_COL_MM = 14.0
_SPANNING = ("BCIssuer", "BCRecipientsLabel")  # the header and footer tables


class Styles:
    """Effective size, bold and italic of each paragraph style, as the checker reads them
    (:class:`baocao._ooxml.Styles`: the ``basedOn`` chain, ``docDefaults``, the default
    paragraph style for a paragraph that names none).

    Computed once from a ``w:styles`` element into a plain dict, so one instance can be
    shared by threads that render at once.
    """

    def __init__(self, styles_element: Any) -> None:
        resolver = _ooxml.Styles.from_xml(styles_element)
        self._fonts: dict[str | None, tuple[float, bool, bool]] = {}
        for style_id in [None, *resolver.by_id]:
            fmt = resolver.resolve(style_id)
            self._fonts[style_id] = (fmt.size, fmt.bold, fmt.italic)

    def font(self, style_id: str | None) -> tuple[float, bool, bool]:
        """(size in pt, bold, italic) of text in paragraph style ``style_id``."""
        found = self._fonts.get(style_id)
        return found if found is not None else self._fonts[None]


def _cell_width_mm(cell: Any) -> float:
    tcw = cell.find(f"{_TCPR}/{_TCW}")
    width = int(tcw.get(_W)) if tcw is not None else 0
    table = cell.getparent().getparent()
    margins = 0
    mar = table.find(f"{_TBLPR}/{_TBLCELLMAR}")
    if mar is not None:
        for side in ("left", "right"):
            element = mar.find(qn(side))
            if element is not None:
                margins += int(element.get(_W))
    else:
        margins = 216
    return _ooxml.mm_from_twips(max(0, width - margins))


def _ancestor_cell(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != _TC:
        if parent.tag == _BODY:
            return None
        parent = parent.getparent()
    return parent


def _set_indents(paragraph: Any, side_tw: int) -> None:
    ppr = paragraph.find(_PPR)
    ind = ppr.find(_IND)
    if ind is None:
        ind = etree.SubElement(ppr, _IND)
        # w:ind must come before w:jc and w:rPr in CT_PPr; keep it after w:pStyle.
        ppr.remove(ind)
        style = ppr.find(_PSTYLE)
        ppr.insert(0 if style is None else ppr.index(style) + 1, ind)
    ind.set(_LEFT, str(side_tw))
    ind.set(_RIGHT, str(side_tw))


def _previous_paragraph(paragraph: Any) -> Any:
    node = paragraph.getprevious()
    while node is not None and node.tag != _P:
        node = node.getprevious()
    return node


def _layout_rules(body: Any, styles: Styles, sections: SectionMap) -> None:
    rules: list[Any] = _RULES(body)  # type: ignore[assignment]
    for paragraph in rules:
        above = _previous_paragraph(paragraph)
        if above is None:
            continue
        # A rule in the body spans its own section's text width, not the last section's.
        room = _room_mm(paragraph, sections)
        size, bold, italic = styles.font(paragraph_style(above))
        lines = _ooxml.wrap_text(paragraph_text(above), room, size, bold=bold, italic=italic)
        longest = max(lines)  # the same wrapping and measure as the checker's
        length = longest if paragraph_style(above) == "BCMotto" else longest * RULE_SHARE
        length = min(length, room)
        _set_indents(paragraph, max(0, _ooxml.twips((room - length) / 2)))


def _room_mm(paragraph: Any, sections: SectionMap) -> float:
    """The width ``paragraph`` stands in: its cell's, or its section's text width."""
    cell = _ancestor_cell(paragraph)
    return _cell_width_mm(cell) if cell is not None else sections.of(paragraph).text_width_mm


def _cells(row: Any) -> list[Any]:
    return list(row.iterchildren(_TC))  # row.findall(_TC), faster


def _first_in(element: Any, outer: str, inner: str) -> Any:
    """``element.find(f"{outer}/{inner}")``, faster: the first ``inner`` child of the
    ``outer`` children, in order (first where they usually are, as the first child)."""
    if len(element) and element[0].tag == outer:
        child = element[0]
        if len(child) and child[0].tag == inner:
            return child[0]
    for child in element.iterchildren(outer):
        for found in child.iterchildren(inner):
            return found
    return None


def _set_widths(table: Any, widths: list[int]) -> None:
    grid = table.find(_TBLGRID)
    for col in list(grid):
        grid.remove(col)
    for width in widths:
        etree.SubElement(grid, _GRIDCOL).set(_W, str(width))
    tblw = table.find(f"{_TBLPR}/{_TBLW}")
    if tblw is not None:
        tblw.set(_W, str(sum(widths)))
        tblw.set(_TYPE, "dxa")
    values = [str(width) for width in widths]
    for row in table.iterchildren(_TR):
        for cell, value in zip(row.iterchildren(_TC), values, strict=False):
            tcw = _first_in(cell, _TCPR, _TCW)
            if tcw is not None:
                tcw.set(_W, value)
                tcw.set(_TYPE, "dxa")


class _Tables:
    """The tables of a body, each with the paragraph styles of its first row, read once
    for one layout pass (the pass changes widths and indents, never a style)."""

    def __init__(self, body: Any) -> None:
        self._tables: list[tuple[Any, set[str | None]]] = []
        self.grids: list[Any] = []  # issue 12: statistics tables, laid out by _grid_layout
        for table in body.iter(_TBL):
            if is_grid(table):
                self.grids.append(table)
                continue
            first = table.find(_TR)
            if first is not None:
                self._tables.append((table, {paragraph_style(p) for p in first.iter(_P)}))

    def with_style(self, style: str) -> Iterator[Any]:
        """The tables whose first row has a paragraph in ``style``, in document order."""
        for table, styles in self._tables:
            if style in styles:
                yield table


class _Measure:
    """The width each cell needs, each distinct text measured once in each paragraph style
    (one instance for one layout pass)."""

    def __init__(self, styles: Styles) -> None:
        self._styles = styles
        self._widths: dict[tuple[str, str | None], float] = {}

    def needed_mm(self, cell: Any) -> float:
        """The width of the longest line of the cell's paragraphs, on one line each."""
        needed = 0.0
        widths = self._widths
        for paragraph in cell.iter(_P):
            key = (paragraph_text(paragraph), paragraph_style(paragraph))
            width = widths.get(key)
            if width is None:
                size, bold, italic = self._styles.font(key[1])
                width = 0.0
                for line in key[0].split("\n"):
                    width = max(width, _ooxml.text_width_mm(line, size, bold=bold, italic=italic))
                widths[key] = width
            needed = max(needed, width)
        return needed


def _layout_header(tables: _Tables, measure: _Measure) -> None:
    for table in tables.with_style("BCIssuer"):
        rows = table.findall(_TR)
        columns = list(zip(*(_cells(r) for r in rows), strict=False))
        if len(columns) != 2:
            continue
        grid = [int(c.get(_W)) for c in table.find(_TBLGRID)]
        total = sum(grid)
        right_room = _cell_width_mm(columns[1][0])
        margins = _ooxml.mm_from_twips(grid[1]) - right_room
        needed = max(measure.needed_mm(cell) for cell in columns[1]) + _SLACK_MM
        if needed <= right_room:
            continue
        # The left column keeps 55 mm where it can; below that only as much as the issuing
        # body and "Số: …" need on their lines, so that the date line stays on one line.
        left_needed = max(measure.needed_mm(cell) for cell in columns[0]) + _SLACK_MM
        left = min(_MIN_LEFT_MM, left_needed + margins)
        right = min(_ooxml.twips(needed + margins), total - _ooxml.twips(left))
        if right > grid[1]:
            _set_widths(table, [total - right, right])


def _layout_data_tables(tables: _Tables, measure: _Measure, sections: SectionMap) -> None:
    for table in tables.with_style("BCTableHeading"):
        text_mm = sections.of(table).text_width_mm  # a landscape appendix is wider
        rows = [_cells(row) for row in table.iterchildren(_TR)]
        count = max(len(cells) for cells in rows)
        if count == 0:
            continue
        natural = [_TABLE_MIN_COL_MM] * count
        for number, cells in enumerate(rows):
            if len(cells) != count:
                continue
            # Headings may wrap: count them at half their length.
            share = 0.5 if number == 0 else 1.0
            for index, cell in enumerate(cells):
                natural[index] = max(natural[index], measure.needed_mm(cell) * share + 3.0)
        total = _ooxml.twips(text_mm)
        weight = sum(natural)
        widths = [int(total * n / weight) for n in natural]
        widths[-1] += total - sum(widths)
        _set_widths(table, widths)


def apply_profile(styles_element: Any, profile: str) -> None:
    """Set the size of each "BC …" style to the profile's (spec §1.1)."""
    column = 0 if profile == "14" else 1
    for style in styles_element.iter(_STYLE):
        sizes = STYLE_SIZES.get(style.get(_STYLEID))
        rpr = style.find(_RPR)
        if sizes is None or rpr is None:
            continue
        half = str(round(sizes[column] * 2))
        for name in ("sz", "szCs"):
            element = rpr.find(qn(name))
            if element is not None:
                element.set(_VAL, half)


def _apply_margins(body: Any, tables: _Tables, margins: Margins, sections: SectionMap) -> None:
    """Set the margins of every section, and scale the header and footer tables (which
    span their section's text width) to the new width."""
    old = {
        table: sections.of(table).text_width_mm
        for style in _SPANNING
        for table in tables.with_style(style)
    }
    for sect in body.iter(_SECTPR):
        mar = sect.find(_PGMAR)
        if mar is None:
            continue
        for side in ("top", "bottom", "left", "right"):
            mar.set(qn(side), str(_ooxml.twips(float(getattr(margins, side)))))
    sections.refresh()
    for table, old_mm in old.items():
        new_mm = sections.of(table).text_width_mm
        if abs(new_mm - old_mm) < 0.01:
            continue
        grid = [int(c.get(_W)) for c in table.find(_TBLGRID)]
        total = _ooxml.twips(new_mm)
        widths = [int(w * total / sum(grid)) for w in grid]
        widths[-1] += total - sum(widths)
        _set_widths(table, widths)


def _keep_text_with_signature(tables: _Tables) -> None:
    """Keep the last paragraph of the content on the page of the signature block, so that
    no page carries the signature alone (the block itself never splits: cantSplit)."""
    for table in [*tables.with_style("BCRecipientsLabel"), *_joint_signatures(tables)]:
        paragraph = table.getprevious()
        for _ in range(2):  # the spacing paragraph, then the last paragraph of the content
            if paragraph is None or paragraph.tag != _P:
                break
            ppr = paragraph.find(_PPR)
            if ppr is None:
                ppr = etree.SubElement(paragraph, _PPR)
                paragraph.remove(ppr)
                paragraph.insert(0, ppr)
            if ppr.find(_KEEPNEXT) is None:
                style = ppr.find(_PSTYLE)
                ppr.insert(0 if style is None else ppr.index(style) + 1, etree.Element(_KEEPNEXT))
            paragraph = paragraph.getprevious()


def _joint_signatures(tables: _Tables) -> Iterator[Any]:
    """The tables of signature blocks side by side (issue 12): a first row of signature
    blocks without "Nơi nhận:" beside them."""
    recipients = set(tables.with_style("BCRecipientsLabel"))
    for table in tables.with_style("BCSignatureName"):
        if table not in recipients:
            yield table


def _layout_joint_signatures(tables: _Tables, text_mm: float) -> None:
    """Share the text width equally between signature blocks side by side."""
    for table in _joint_signatures(tables):
        first = table.find(_TR)
        count = len(_cells(first))
        total = _ooxml.twips(text_mm)
        widths = [total // count] * count
        widths[-1] += total - sum(widths)
        _set_widths(table, widths)


def layout_body(
    body: Any,
    styles: Styles,
    margins: Margins | None = None,
    landscape: Sequence[bool] = (),
) -> None:
    """Run the layout pass on a ``w:body`` element (see the module's docstring);
    ``landscape`` says which appendices are landscape (``_sections.turn_appendices``)."""
    tables = _Tables(body)
    sections = SectionMap(body)
    turn_appendices(sections, landscape)  # issue 12: before anything is measured
    if margins is not None:
        _apply_margins(body, tables, margins, sections)
    _keep_text_with_signature(tables)
    measure = _Measure(styles)
    _layout_header(tables, measure)
    _layout_rules(body, styles, sections)
    _layout_data_tables(tables, measure, sections)
    # issue 12: the orientation of landscape sections, the frames of the marks of ô 10-11
    mark_orientation(sections)
    fit_frames(_FRAMED(body), styles, lambda p: _room_mm(p, sections))
    layout_grids(tables.grids, measure.needed_mm, sections)
    _layout_joint_signatures(tables, sections.first.text_width_mm)  # issue 12


def set_core_properties(
    props: Any, *, created: _dt.date | None, title: str, author: str, subject: str
) -> None:
    """Fill python-docx ``CoreProperties`` from the report, never from the clock."""
    stamp = (
        _dt.datetime(2020, 3, 5)
        if created is None
        else _dt.datetime(created.year, created.month, created.day)
    )
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.title = title
    props.author = author
    props.subject = subject
    props.last_modified_by = author
    props.comments = ""
