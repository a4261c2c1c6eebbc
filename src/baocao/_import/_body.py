"""The content of a report as plain data: legal bases, the opening, the numbered tree
(Phần, sections I., items 1., points a)), dash and "+" lines, tables and paragraphs.

Each paragraph of the source becomes one block, in order. A heading is recognised by its
label, typed or Word's own numbering ("I.", "1.", "a)", "Phần I"); what follows a heading
belongs to the innermost heading open (the normal form: a paragraph after a point is that
point's, one after an item's points is the last point's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ._header import Notes

__all__ = ["END_MARK", "body_data"]

END_MARK = "./."

_PART = re.compile(r"^(?:Phần|PHẦN)\s+(?:thứ\s+\S+|THỨ\s+\S+|[IVXLC]+|[A-Z])(?:\s*[-–]\s*(.+))?$")
_SECTION = re.compile(r"^([IVXLC]+)[.\-]\s+(.+)$", re.DOTALL)
_ITEM = re.compile(r"^(\d{1,3})[.\-)]\s+(.+)$", re.DOTALL)
_POINT = re.compile(r"^([a-zđ])\)\s+(.+)$", re.DOTALL)
_DASH = re.compile(r"^[-–—•]\s*(.+)$", re.DOTALL)
_PLUS = re.compile(r"^\+\s*(.+)$", re.DOTALL)
_BASIS = re.compile(r"^căn\s+cứ\b", re.IGNORECASE)


def _bold(para: Any) -> bool:
    inked = [s for s in para.spans if s.text.strip()]
    return bool(inked) and sum(len(s.text) for s in inked if s.fmt.bold) * 2 > sum(
        len(s.text) for s in inked
    )


def _table(paras: Sequence[Any], notes: Notes) -> Any:
    """A table's cells read back: the first row the header, a bold last row the totals."""
    rows: dict[int, dict[int, list[str]]] = {}
    bold: dict[int, bool] = {}
    for para in paras:
        box = para.container
        rows.setdefault(box.row, {}).setdefault(box.column, []).append(para.text)
        if para.text.strip():
            bold[box.row] = bold.get(box.row, True) and _bold(para)
    grid = [
        ["\n".join(t for t in cells[c] if t.strip()) for c in sorted(cells)]
        for _, cells in sorted(rows.items())
    ]
    width = max(len(r) for r in grid)
    grid = [r + [""] * (width - len(r)) for r in grid]
    order = sorted(rows)
    table: dict[str, Any] = {"header": grid[0], "rows": [[_cell(c) for c in r] for r in grid[1:]]}
    if len(grid) > 2 and bold.get(order[-1]) and not bold.get(order[1], False):
        table["totals"] = table["rows"].pop()
    if not table["rows"]:
        notes.doubt("a table with a header only: kept as paragraphs")
        return None
    if not all(h.strip() for h in table["header"]):
        notes.doubt("a table whose first row has an empty cell: kept as paragraphs")
        return None
    return {"table": table}


_WHOLE = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d{1,3})$")


def _cell(text: str) -> Any:
    """A figure written the Vietnamese way ("1.234") is a number; any other cell a text."""
    if (_WHOLE.match(text) and text.lstrip("-")[:1] != "0") or text in ("0", "-0"):
        return int(text.replace(".", ""))
    return text


class _Tree:
    """The blocks and headings read so far, as the loader's plain data."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.opening: list[Any] = []
        self.bases: list[str] = []
        self.parts: list[dict[str, Any]] = []
        self.sections: list[dict[str, Any]] = []  # top-level sections (no Phần)
        self.part: dict[str, Any] | None = None
        self.section: dict[str, Any] | None = None
        self.item: dict[str, Any] | None = None
        self.point: dict[str, Any] | None = None
        self.started = False

    def target(self) -> list[Any]:
        for holder in (self.point, self.item, self.section, self.part):
            if holder is not None:
                return holder.setdefault("body", [])  # type: ignore[no-any-return]
        return self.opening

    def block(self, block: Any) -> None:
        self.started = True
        self.target().append(block)

    def plus(self, text: str) -> None:
        body = self.target()
        last = body[-1] if body else None
        if isinstance(last, dict) and "dash" in last:
            last.setdefault("plus", []).append(text)
        else:
            self.notes.doubt(f"a '+' line with no dash line above it: {text[:40]!r}")
            self.block("+ " + text)

    def open_part(self, title: str) -> None:
        self.started = True
        self.part = {"title": title}
        self.parts.append(self.part)
        self.section = self.item = self.point = None
        if self.sections:
            self.notes.doubt("sections before the first Phần: kept in the opening")
            self.opening += [s["title"] for s in self.sections]
            self.sections = []

    def open_section(self, title: str) -> None:
        self.started = True
        self.section = {"title": title}
        if self.part is not None:
            self.part.setdefault("sections", []).append(self.section)
        else:
            self.sections.append(self.section)
        self.item = self.point = None

    def open_item(self, key: str, text: str) -> bool:
        if self.section is None:
            return False
        self.item = {key: text}
        self.section.setdefault("items", []).append(self.item)
        self.point = None
        return True

    def open_point(self, text: str) -> bool:
        if self.item is None:
            return False
        self.point = {"text": text}
        self.item.setdefault("points", []).append(self.point)
        return True


def body_data(paras: Sequence[Any], notes: Notes, *, bases: bool = True) -> dict[str, Any]:
    """The body of ``paras`` (the checker's content, or an appendix's): ``legal_bases``,
    ``opening``, ``parts`` or ``sections``, as the loader reads them."""
    paras = _closed(paras)
    tree = _Tree(notes)
    index = 0
    while index < len(paras):
        para = paras[index]
        index += 1
        if para.in_table:
            group = [para]
            while index < len(paras) and paras[index].container.table == para.container.table:
                group.append(paras[index])
                index += 1
            table = _table([p for p in group if p.in_table], notes)
            if table is None:
                for p in group:
                    if p.text.strip():
                        tree.block(p.text.strip())
            else:
                tree.block(table)
            continue
        text = para.numbered_text.strip()
        if not text:
            continue
        if bases and not tree.started and (para.style_id == "BCLegalBasis" or _BASIS.match(text)):
            tree.bases.append(text.rstrip(";").rstrip())
            continue
        part = _PART.match(text)
        if part and (para.fmt.align == "center" or _bold(para)):
            title = part.group(1)
            if title is None and index < len(paras) and paras[index].text.strip():
                title = paras[index].text.strip()
                index += 1
            tree.open_part(title or text)
            continue
        section = _SECTION.match(text)
        if section and (_bold(para) or section.group(2).isupper()):
            tree.open_section(section.group(2))
            continue
        item = _ITEM.match(text)
        if item and tree.open_item("title" if _bold(para) else "text", item.group(2)):
            continue
        point = _POINT.match(text)
        if point and tree.open_point(point.group(1 + 1)):
            continue
        plus = _PLUS.match(text)
        if plus:
            tree.plus(plus.group(1))
            continue
        dash = _DASH.match(text)
        raw = para.text if not para.label and para.text.strip() == text else text
        tree.block({"dash": dash.group(1)} if dash else raw)
    data: dict[str, Any] = {}
    if tree.bases:
        data["legal_bases"] = tree.bases
        notes.infer(f"legal_bases: {len(tree.bases)} line(s) 'Căn cứ …'")
    if tree.opening:
        data["opening"] = tree.opening
    if tree.parts:
        data["parts"] = tree.parts
    if tree.sections:
        data["sections"] = tree.sections
    return data


def _closed(paras: Sequence[Any]) -> list[Any]:
    """``paras`` without the end mark "./." baocao and the decree put on the last one."""
    out = list(paras)
    while out and not out[-1].in_table and not out[-1].numbered_text.strip():
        out.pop()
    if out and not out[-1].in_table and out[-1].text.strip() == END_MARK:
        out.pop()
        return out
    if out and not out[-1].in_table and out[-1].text.rstrip().endswith(END_MARK):
        out[-1] = _Trimmed(out[-1])
    return out


class _Trimmed:
    """A paragraph read without its final "./." (the renderer writes it again)."""

    def __init__(self, para: Any) -> None:
        self._para = para

    def __getattr__(self, name: str) -> Any:
        return getattr(self._para, name)

    @property
    def text(self) -> str:
        return _trim(self._para.text)

    @property
    def numbered_text(self) -> str:
        return _trim(self._para.numbered_text)


def _trim(text: str) -> str:
    return text[: -len(END_MARK)] if text.endswith(END_MARK) else text.rstrip()[: -len(END_MARK)]
