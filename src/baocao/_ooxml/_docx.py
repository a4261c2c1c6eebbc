"""A .docx read as WordprocessingML: its package (:class:`DocxPackage`: main part,
relationships) and :class:`WordDocument`: the paragraphs of the main story with their
effective formatting, the sections, the header and footer stories, and estimates of where
a line stands and how many pages there are.
"""

from __future__ import annotations

import math
import posixpath
from typing import Any, Literal

from .._errors import ValidationError
from ._bounds import MAX_START, bounded_int, is_on, read_twips
from ._measure import line_height_pt, paragraph_height_mm, wrap_widths
from ._metrics import MM_PER_PT, mm_from_twips
from ._ns import PKG_REL_NS, R_NS, REL_TYPE, STRICT_W_NS, W_P, W_PPR, W_VAL, qn
from ._numbering import Numbering
from ._package import not_a_docx, open_docx
from ._paragraphs import Container, Fragment, Para, SectionInfo
from ._reader import Builder, Cursor
from ._styles import Styles
from ._theme import Theme


class DocxPackage:
    """The parts of a .docx (an OPC zip package)."""

    def __init__(self, data: bytes, shown: str) -> None:
        self.shown = shown
        self.package = open_docx(data, shown, keep=True)  # bounded, hardened
        self.names = self.package.names
        self.main = self._main_part()

    def _main_part(self) -> str:
        for rel_type, target in self.rels(""):
            if rel_type.endswith("/officeDocument") and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise not_a_docx(self.shown, "docx")("it has no word/document.xml (the main document part)")

    def read(self, name: str) -> bytes:
        return self.package.read(name)

    def xml(self, name: str) -> Any:
        return self.package.xml(name)

    def rels(self, part: str) -> list[tuple[str, str]]:
        """(type, target part name) of the internal relationships of ``part``."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self.names:
            return []
        out = []
        for rel in self.xml(rels_name).iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Type", ""), resolved))
        return out

    def rel_ids(self, part: str) -> dict[str, str]:
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self.names:
            return {}
        out = {}
        for rel in self.xml(rels_name).iter(f"{{{PKG_REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            out[rel.get("Id", "")] = resolved
        return out


class WordDocument:
    """A .docx read: paragraphs with effective formatting, sections, headers and footers.

    Attributes:
        name: how the input is named in messages (its path, or "the document").
        paragraphs: the paragraphs of the main story (body, table cells, text boxes) in
            document order.
        sections: the page setup of each section.
        stories: the paragraphs of each header and footer part, by part name.
        even_and_odd: the document has different headers on even pages.
    """

    def __init__(self, package: DocxPackage) -> None:
        self.name = package.shown
        main = package.main
        root = package.xml(main)
        if root.tag == f"{{{STRICT_W_NS}}}document":
            raise ValidationError(
                self.name,
                "is a Strict Open XML document; save it as a standard Word document (.docx)",
                path="docx",
            )
        if root.tag != qn("document"):
            raise ValidationError(
                self.name, "is not a Word document (its main part is not w:document)", path="docx"
            )
        rels = package.rels(main)

        def part_of(kind: str) -> Any | None:
            for rel_type, target in rels:
                if rel_type == REL_TYPE + kind and target in package.names:
                    return package.xml(target)
            return None

        theme = Theme(part_of("theme"))
        self.styles = Styles(part_of("styles"), theme)
        settings = part_of("settings")
        self.even_and_odd = (
            settings is not None
            and settings.find(qn("evenAndOddHeaders")) is not None
            and is_on(settings.find(qn("evenAndOddHeaders")))
        )
        numbering_root = part_of("numbering")
        body = root.find(qn("body"))
        if body is None:
            raise ValidationError(
                self.name, "is not a valid .docx: the document has no body", path="docx"
            )
        rel_ids = package.rel_ids(main)
        sect_elements = [
            p.find(f"{W_PPR}/{qn('sectPr')}")
            for p in body
            if p.tag == W_P and p.find(f"{W_PPR}/{qn('sectPr')}") is not None
        ]
        final = body.find(qn("sectPr"))
        sect_elements.append(final)
        first_width = self._text_width(sect_elements[0])
        builder = Builder(self.styles, Numbering(numbering_root, self.styles))
        cursor = Cursor(main, first_width)
        bounds: list[int] = []

        def on_section(_sect: Any) -> None:
            bounds.append(len(builder.paragraphs) - 1)
            cursor.section += 1
            if cursor.section < len(sect_elements):
                cursor.width_mm = self._text_width(sect_elements[cursor.section])

        builder.walk(body, cursor, Container("body", first_width), on_section=on_section)
        self.paragraphs: tuple[Para, ...] = tuple(builder.paragraphs)
        self.row_heights = builder.row_heights
        bounds.append(len(self.paragraphs) - 1)
        self.sections: tuple[SectionInfo, ...] = self._sections(sect_elements, bounds, rel_ids)
        self.stories: dict[str, tuple[Para, ...]] = {}
        for section in self.sections:
            for kind, target in section.headers + section.footers:
                if target in self.stories or target not in package.names:
                    continue
                story_root = package.xml(target)
                story_builder = Builder(self.styles, Numbering(numbering_root, self.styles))
                story_kind: Literal["header", "footer"] = (
                    "header" if (kind, target) in section.headers else "footer"
                )
                story_cursor = Cursor(target, section.text_width_mm, section.index)
                story_builder.walk(
                    story_root, story_cursor, Container(story_kind, section.text_width_mm)
                )
                self.stories[target] = tuple(story_builder.paragraphs)

    @staticmethod
    def _text_width(sect: Any | None) -> float:
        if sect is None:
            return mm_from_twips(12240 - 2880)
        size = sect.find(qn("pgSz"))
        mar = sect.find(qn("pgMar"))
        width = 12240 if size is None else (read_twips(size.get(qn("w")), 12240) or 12240)
        left = 1440 if mar is None else (read_twips(mar.get(qn("left")), 1440) or 0)
        right = 1440 if mar is None else (read_twips(mar.get(qn("right")), 1440) or 0)
        gutter = 0 if mar is None else (read_twips(mar.get(qn("gutter")), 0) or 0)
        return mm_from_twips(max(567, width - left - right - gutter))

    def _sections(
        self, elements: list[Any | None], bounds: list[int], rel_ids: dict[str, str]
    ) -> tuple[SectionInfo, ...]:
        out: list[SectionInfo] = []
        headers: dict[str, str] = {}
        footers: dict[str, str] = {}
        first = 0
        for index, sect in enumerate(elements):
            last = bounds[index] if index < len(bounds) else len(self.paragraphs) - 1
            width = height = top = bottom = left = right = None
            orient = "portrait"
            gutter = 0
            title_pg = False
            start = None
            kind = "nextPage"
            if sect is not None:
                size = sect.find(qn("pgSz"))
                if size is not None:
                    width = read_twips(size.get(qn("w")))
                    height = read_twips(size.get(qn("h")))
                    orient = size.get(qn("orient")) or "portrait"
                mar = sect.find(qn("pgMar"))
                if mar is not None:
                    top = read_twips(mar.get(qn("top")))
                    bottom = read_twips(mar.get(qn("bottom")))
                    left = read_twips(mar.get(qn("left")))
                    right = read_twips(mar.get(qn("right")))
                    gutter = read_twips(mar.get(qn("gutter")), 0) or 0
                title = sect.find(qn("titlePg"))
                title_pg = title is not None and is_on(title)
                number = sect.find(qn("pgNumType"))
                if number is not None:
                    start = (
                        None
                        if number.get(qn("start")) is None
                        else bounded_int(number.get(qn("start")), 0, MAX_START, 0)
                    )
                type_el = sect.find(qn("type"))
                if type_el is not None:
                    kind = type_el.get(W_VAL) or "nextPage"
                for ref in sect.iter(qn("headerReference")):
                    target = rel_ids.get(ref.get(f"{{{R_NS}}}id", ""))
                    if target:
                        headers[ref.get(qn("type")) or "default"] = target
                for ref in sect.iter(qn("footerReference")):
                    target = rel_ids.get(ref.get(f"{{{R_NS}}}id", ""))
                    if target:
                        footers[ref.get(qn("type")) or "default"] = target
            out.append(
                SectionInfo(
                    index=index,
                    width=width,
                    height=height,
                    orient=orient,
                    top=top,
                    bottom=bottom,
                    left=left,
                    right=right,
                    gutter=gutter,
                    title_pg=title_pg,
                    page_start=start,
                    kind=kind,
                    headers=tuple(sorted(headers.items())),
                    footers=tuple(sorted(footers.items())),
                    first_para=first,
                    last_para=last,
                )
            )
            first = last + 1
        return tuple(out)

    # -- views ------------------------------------------------------------------------------

    def section_of(self, para: Para) -> SectionInfo:
        return self.sections[min(para.section, len(self.sections) - 1)]

    def story(self, part: str | None) -> tuple[Para, ...]:
        return () if part is None else self.stories.get(part, ())

    def next_in_container(self, para: Para) -> Para | None:
        """The paragraph after ``para`` in the same cell, text box or body."""
        for other in self.paragraphs[para.index + 1 :]:
            if other.container.key == para.container.key:
                return other
            if other.container.kind == para.container.kind == "body":
                return other
            if para.container.kind != "body" and other.container.kind == "body":
                return None
        return None

    def same_row(self, a: Fragment, b: Fragment) -> bool:
        """True when ``a`` and ``b`` sit side by side: in one table row (different
        cells), or on one line of one paragraph (tab-separated)."""
        ca, cb = a.para.container, b.para.container
        if ca.kind == cb.kind == "cell":
            return ca.table == cb.table and ca.row == cb.row and ca.column != cb.column
        if ca.kind == cb.kind == "frame" and ca.textbox != cb.textbox:
            return ca.row == cb.row
        return a.para is b.para and a.line == b.line and a.chunk != b.chunk

    def top_mm(self, fragment: Fragment) -> float:
        """How far below the top of its cell, text box or story the line of ``fragment``
        starts: the heights of the paragraphs above it there, its spacing before, and its
        lines above (measured, as :func:`paragraph_height_mm`)."""
        para = fragment.para
        above = 0.0
        for other in self.paragraphs[: para.index]:
            if other.container.key == para.container.key:
                above += paragraph_height_mm(other)
        lines = wrap_widths(para.spans, para.width_mm) if fragment.line else []
        return (
            above
            + para.fmt.before / 20 * MM_PER_PT
            + min(fragment.line, len(lines)) * line_height_pt(para) * MM_PER_PT
        )

    def page_estimate(self, *, at_most: float | None = None) -> float:
        """A rough count of the pages of the main story (to know if page numbers are due).

        Sections that start a new page and explicit page breaks count as pages; the rest
        is estimated by wrapping every paragraph with the metrics. With ``at_most``, the
        count stops as soon as it is past that many pages (a million paragraphs need not be
        wrapped to know there is more than one page): the result is then only known to be
        greater than ``at_most``.
        """
        breaks = sum(1 for s in self.sections[1:] if s.kind != "continuous")
        breaks += sum(1 for p in self.paragraphs if p.page_break or p.fmt.page_break_before)
        if breaks:
            return float(breaks + 1)
        first = self.sections[0]
        height = 16838 if first.height is None else first.height
        usable = mm_from_twips(max(1, height - (first.top or 1440) - (first.bottom or 1440)))
        total = 0.0
        enough = math.inf if at_most is None else at_most * usable
        rows: dict[tuple[int, int], dict[int, float]] = {}
        for para in self.paragraphs:
            if total > enough:  # rows only add to it
                return total / usable
            used = paragraph_height_mm(para)
            if para.container.kind == "cell":
                key = (para.container.table, para.container.row)
                cells = rows.setdefault(key, {})
                cells[para.container.column] = cells.get(para.container.column, 0.0) + used
            elif para.container.kind in ("body", "frame"):  # frames counted as 0.1 did
                total += used
        for key, cells in rows.items():
            content = max(cells.values())
            set_height, rule = self.row_heights.get(key, (0, "auto"))
            set_mm = mm_from_twips(set_height)
            total += set_mm if rule == "exact" else max(content, set_mm)
        return total / usable
