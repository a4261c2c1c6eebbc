"""The paragraph and run reader: walks the XML of a story (the body, a header, a footer) into
:class:`Para` objects, through tables, content controls, text boxes and Word frames, with
each run's effective formatting, automatic numbers, fields and drawn lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ._bounds import MAX_COLUMNS, TWIPS_LIMIT, bounded_int, bounded_number, read_twips
from ._formats import DEFAULT_SIZE, HIDDEN
from ._metrics import TWIPS_PER_MM, mm_from_twips
from ._ns import (
    MC_ALT,
    MC_CHOICE,
    MC_FALLBACK,
    W_P,
    W_PPR,
    W_R,
    W_RPR,
    W_T,
    W_TBL,
    W_TC,
    W_TR,
    W_TXBX,
    W_VAL,
    WP_NS,
    qn,
)
from ._numbering import Numbering
from ._paragraphs import Container, Field, Para, Shape, Span
from ._shapes import drawn_shapes, emu_mm, inline_height_mm
from ._styles import Props, Styles, cell_margin, para_format, ppr_props

#: Containers whose children are walked for runs inside a paragraph.
_RUN_CONTAINERS = frozenset(
    qn(n)
    for n in (
        "hyperlink",
        "smartTag",
        "ins",
        "moveTo",
        "customXml",
        "bdo",
        "dir",
        "sdtContent",
        "fldSimple",
    )
)


#: Containers whose children are walked for paragraphs (block level).
_BLOCK_CONTAINERS = frozenset(qn(n) for n in ("sdtContent", "customXml", "ins", "moveTo"))


@attrs.define
class Cursor:
    """State of the walk through one story."""

    part: str
    width_mm: float
    section: int = 0
    table_count: int = 0
    textbox_count: int = 0


class Builder:
    """Turns the XML of a story into :class:`Para` objects."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.paragraphs: list[Para] = []
        #: (table, row) → (w:trHeight in twips, w:hRule) of the rows that set a height.
        self.row_heights: dict[tuple[int, int], tuple[int, str]] = {}
        self._last_frame: tuple[tuple[str, str], ...] | None = None
        self._frames = 0
        self._anchor = 0
        self._frame_rows: dict[int, dict[tuple[str, str, str], int]] = {}

    # -- paragraphs -------------------------------------------------------------------------

    def walk(
        self,
        element: Any,
        cursor: Cursor,
        container: Container,
        table_style: str = "",
        on_section: Callable[[Any], None] | None = None,
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == W_P:
                self._paragraph(child, cursor, container, table_style)
                sect = child.find(f"{W_PPR}/{qn('sectPr')}")
                if sect is not None and on_section is not None and container.kind == "body":
                    on_section(sect)
            elif tag == W_TBL:
                self._table(child, cursor)
            elif tag == qn("sdt"):
                content = child.find(qn("sdtContent"))
                if content is not None:
                    self.walk(content, cursor, container, table_style, on_section)
            elif tag in _BLOCK_CONTAINERS:
                self.walk(child, cursor, container, table_style, on_section)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self.walk(choice, cursor, container, table_style, on_section)

    def _table(self, table: Any, cursor: Cursor) -> None:
        cursor.table_count += 1
        table_id = cursor.table_count
        tbl_pr = table.find(qn("tblPr"))
        style_el = None if tbl_pr is None else tbl_pr.find(qn("tblStyle"))
        style_id = self.styles.table_style(None if style_el is None else style_el.get(W_VAL))
        grid = [
            max(0, read_twips(col.get(qn("w")), 0) or 0)
            for col in table.iter(qn("gridCol"))
            if col.getparent().getparent() is table
        ]
        table_mar = None if tbl_pr is None else tbl_pr.find(qn("tblCellMar"))
        style_left, style_right = self.styles.table_margins(style_id)
        default_left = cell_margin(table_mar, "left", "start") if table_mar is not None else None
        default_right = cell_margin(table_mar, "right", "end") if table_mar is not None else None
        base_left = (
            default_left
            if default_left is not None
            else (style_left if style_left is not None else 108)
        )
        base_right = (
            default_right
            if default_right is not None
            else (style_right if style_right is not None else 108)
        )
        for row_no, row in enumerate(r for r in table if r.tag == W_TR):
            column = 0
            tr_pr = row.find(qn("trPr"))
            if tr_pr is not None:
                before = tr_pr.find(qn("gridBefore"))
                if before is not None:
                    column = bounded_int(before.get(W_VAL), 0, MAX_COLUMNS, 0)
                height = tr_pr.find(qn("trHeight"))
                if height is not None:
                    self.row_heights[(table_id, row_no)] = (
                        max(0, read_twips(height.get(W_VAL), 0) or 0),
                        height.get(qn("hRule")) or "atLeast",
                    )
            for cell in self._cells(row):
                tc_pr = cell.find(qn("tcPr"))
                span = 1
                width = None
                left, right = base_left, base_right
                if tc_pr is not None:
                    span_el = tc_pr.find(qn("gridSpan"))
                    if span_el is not None:
                        span = bounded_int(span_el.get(W_VAL), 1, MAX_COLUMNS, 1)
                    tcw = tc_pr.find(qn("tcW"))
                    if tcw is not None and (tcw.get(qn("type")) in (None, "dxa")):
                        width = read_twips(tcw.get(qn("w")))
                    mar = tc_pr.find(qn("tcMar"))
                    if mar is not None:
                        found_left = cell_margin(mar, "left", "start")
                        found_right = cell_margin(mar, "right", "end")
                        left = left if found_left is None else found_left
                        right = right if found_right is None else found_right
                if not width:
                    width = sum(grid[column : column + span]) or round(
                        TWIPS_PER_MM * cursor.width_mm / max(1, len(grid) or 1)
                    )
                inner = mm_from_twips(max(1, width - left - right))
                self.walk(
                    cell, cursor, Container("cell", inner, table_id, row_no, column), style_id
                )
                column += span

    @staticmethod
    def _cells(row: Any) -> Iterator[Any]:
        for child in row:
            if child.tag == W_TC:
                yield child
            elif child.tag == qn("sdt"):
                content = child.find(qn("sdtContent"))
                if content is not None:
                    yield from (c for c in content if c.tag == W_TC)
            elif child.tag == qn("customXml"):
                yield from (c for c in child if c.tag == W_TC)

    def _paragraph(
        self, element: Any, cursor: Cursor, container: Container, table_style: str
    ) -> None:
        ppr = element.find(W_PPR)
        direct_p = ppr_props(ppr)
        style_id = self.styles.paragraph_style(direct_p.get("pStyle"))
        style_p = self.styles.style_p(style_id)
        table_p = self.styles.style_p(table_style) if table_style else {}
        num_id = direct_p.get("numId", style_p.get("numId", ""))
        ilvl = int(direct_p.get("ilvl", style_p.get("ilvl", 0)) or 0)
        label, num_p = self.numbering.label(str(num_id), ilvl)
        fmt = para_format((direct_p, num_p, style_p, table_p, self.styles.doc_p))
        if container.kind == "body":
            container = self._frame(direct_p.get("frame", style_p.get("frame")), container)
        style_r = self.styles.style_r(style_id)
        table_r = self.styles.style_r(table_style) if table_style else {}
        mark = self.styles.run_format(
            self.styles.rpr(None if ppr is None else ppr.find(W_RPR)), {}, style_r, table_r
        )
        state = _RunState()
        self._runs(element, state, style_r, table_r)
        para = Para(
            index=len(self.paragraphs),
            part=cursor.part,
            section=cursor.section,
            container=container,
            style_id=style_id,
            label=label,
            spans=tuple(state.spans),
            fmt=fmt,
            mark_size=mark.size or DEFAULT_SIZE,
            shapes=tuple(state.shapes),
            fields=tuple(state.fields),
            page_break=state.page_break,
            raw_text="".join(state.raw),
            inline_mm=state.inline_mm,
            tab_kinds=tuple(state.tabs),
        )
        self.paragraphs.append(para)
        for box in self._textboxes(element):
            cursor.textbox_count += 1
            width = self._textbox_width(box)
            self.walk(box, cursor, Container("textbox", width, textbox=cursor.textbox_count))

    def _frame(self, frame: tuple[tuple[str, str], ...] | None, body: Container) -> Container:
        """The container of a body paragraph: the body, or the Word frame it is in.

        Consecutive paragraphs with the same frame properties make one frame (as in Word).
        Frames follow one another until a paragraph of the body, to which they are
        anchored: those at the same height stand side by side (one ``row``)."""
        if frame is None:
            self._last_frame = None
            self._anchor += 1
            return body
        if frame != self._last_frame:
            self._last_frame = frame
            self._frames += 1
        props = dict(frame)
        width = bounded_number(props.get("w"), 1, TWIPS_LIMIT)
        height = (props.get("vAnchor", "text"), props.get("y", "0"), props.get("yAlign", ""))
        rows = self._frame_rows.setdefault(self._anchor, {})
        if height not in rows:
            rows[height] = sum(len(r) for r in self._frame_rows.values())
        row = rows[height]
        return Container(
            "frame",
            body.width_mm if width is None else mm_from_twips(round(width)),
            row=row,
            textbox=self._frames,
        )

    @staticmethod
    def _textboxes(paragraph: Any) -> list[Any]:
        boxes = []
        for box in paragraph.iter(W_TXBX):
            if any(a.tag == MC_FALLBACK for a in box.iterancestors()):
                continue
            parent_p = next((a for a in box.iterancestors() if a.tag in (W_P, W_TXBX)), None)
            if parent_p is paragraph:
                boxes.append(box)
        return boxes

    @staticmethod
    def _textbox_width(box: Any) -> float:
        for ancestor in box.iterancestors():
            if ancestor.tag in (f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor"):
                extent = ancestor.find(f"{{{WP_NS}}}extent")
                if extent is not None:
                    return max(1.0, emu_mm(extent.get("cx")) - 5.08)
        return 80.0

    # -- runs -------------------------------------------------------------------------------

    def _runs(self, element: Any, state: _RunState, style_r: Props, table_r: Props) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                self._run(child, state, style_r, table_r)
            elif tag in _RUN_CONTAINERS:
                if tag == qn("fldSimple"):
                    state.open_simple(child.get(qn("instr")) or "")
                    self._runs(child, state, style_r, table_r)
                    state.close()
                else:
                    self._runs(child, state, style_r, table_r)
            elif tag == qn("sdt"):
                content = child.find(qn("sdtContent"))
                if content is not None:
                    self._runs(content, state, style_r, table_r)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self._runs(choice, state, style_r, table_r)

    def _run(self, run: Any, state: _RunState, style_r: Props, table_r: Props) -> None:
        rpr = run.find(W_RPR)
        direct = self.styles.rpr(rpr)
        char_el = None if rpr is None else rpr.find(qn("rStyle"))
        char_id = self.styles.char_style(None if char_el is None else char_el.get(W_VAL))
        char = self.styles.style_r(char_id) if char_id else {}
        fmt = self.styles.run_format(direct, char, style_r, table_r)
        hidden = fmt is HIDDEN
        for child in run:
            tag = child.tag
            text = ""
            if tag == W_T:
                text = child.text or ""
            elif tag == qn("tab") or tag == qn("ptab"):
                text = "\t"
                if not hidden:
                    state.tabs.append(child.get(qn("alignment"), "") if tag == qn("ptab") else "")
            elif tag == qn("br"):
                if child.get(qn("type")) == "page":
                    state.page_break = True
                text = "\n"
            elif tag == qn("cr"):
                text = "\n"
            elif tag == qn("noBreakHyphen"):
                text = "-"
            elif tag == qn("instrText"):
                state.instr(child.text or "")
            elif tag == qn("fldChar"):
                state.fld_char(child.get(qn("fldCharType")) or "")
            elif tag in (qn("drawing"), qn("pict"), MC_ALT):
                state.shapes.extend(drawn_shapes(child))
                state.inline_mm = max(state.inline_mm, inline_height_mm(child))
            if text:
                state.raw.append(text)
                if not hidden:
                    state.add(Span(text, fmt))


@attrs.define
class _FieldState:
    instruction: list[str] = attrs.Factory(list)
    result: list[Span] = attrs.Factory(list)
    in_result: bool = False


@attrs.define
class _RunState:
    spans: list[Span] = attrs.Factory(list)
    raw: list[str] = attrs.Factory(list)
    shapes: list[Shape] = attrs.Factory(list)
    fields: list[Field] = attrs.Factory(list)
    open_fields: list[_FieldState] = attrs.Factory(list)
    page_break: bool = False
    inline_mm: float = 0.0
    tabs: list[str] = attrs.Factory(list)

    def add(self, span: Span) -> None:
        if self.spans and self.spans[-1].fmt == span.fmt:
            self.spans[-1] = Span(self.spans[-1].text + span.text, span.fmt)
        else:
            self.spans.append(span)
        for field in self.open_fields:
            if field.in_result:
                field.result.append(span)

    def open_simple(self, instruction: str) -> None:
        self.open_fields.append(_FieldState([instruction], [], True))

    def close(self) -> None:
        if self.open_fields:
            done = self.open_fields.pop()
            self.fields.append(
                Field(" ".join("".join(done.instruction).split()), tuple(done.result))
            )

    def instr(self, text: str) -> None:
        if self.open_fields and not self.open_fields[-1].in_result:
            self.open_fields[-1].instruction.append(text)

    def fld_char(self, kind: str) -> None:
        if kind == "begin":
            self.open_fields.append(_FieldState())
        elif kind == "separate" and self.open_fields:
            self.open_fields[-1].in_result = True
        elif kind == "end":
            self.close()
