"""The geometry of each section of a rendered body: what every measurement of the layout
pass takes its page width, margins and orientation from.

A WordprocessingML body is cut into sections by ``w:sectPr`` elements: one in the
properties of the paragraph that ends each section but the last, and one as the body's
last child for the last section. A paragraph or table belongs to the section whose
``w:sectPr`` comes first at or after it. The first pages of a report are portrait and a
landscape appendix is a section of its own, so the text width of page 1 is not the text
width of the last section: :func:`section_geometry` gives each top-level element its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from .. import _ooxml
from .._ooxml import qn

__all__ = [
    "Geometry",
    "SectionMap",
    "mark_orientation",
    "section_geometry",
    "turn_appendices",
]

_BODY = qn("body")
_LEFT = qn("left")
_ORIENT = qn("orient")
_P = qn("p")
_PGMAR = qn("pgMar")
_PGSZ = qn("pgSz")
_PPR = qn("pPr")
_RIGHT = qn("right")
_SECTPR = qn("sectPr")
_H = qn("h")
_W = qn("w")

# Word's defaults when a section names no size (A4 in baocao's template) or margins.
_DEFAULT_WIDTH_TW = 11906
_DEFAULT_HEIGHT_TW = 16838
_DEFAULT_LEFT_TW = 1701
_DEFAULT_RIGHT_TW = 850


@attrs.frozen
class Geometry:
    """The page of one section, in twips: size, side margins and orientation."""

    index: int
    width: int
    height: int
    left: int
    right: int
    landscape: bool

    @property
    def text_width_mm(self) -> float:
        """The width between the side margins, in millimetres."""
        return _ooxml.mm_from_twips(self.width - self.left - self.right)


def _geometry(index: int, sect: Any) -> Geometry:
    size = None if sect is None else sect.find(_PGSZ)
    margins = None if sect is None else sect.find(_PGMAR)
    width = int(size.get(_W, _DEFAULT_WIDTH_TW)) if size is not None else _DEFAULT_WIDTH_TW
    height = int(size.get(_H, _DEFAULT_HEIGHT_TW)) if size is not None else _DEFAULT_HEIGHT_TW
    left = int(margins.get(_LEFT, _DEFAULT_LEFT_TW)) if margins is not None else _DEFAULT_LEFT_TW
    right = (
        int(margins.get(_RIGHT, _DEFAULT_RIGHT_TW)) if margins is not None else _DEFAULT_RIGHT_TW
    )
    orient = None if size is None else size.get(_ORIENT)
    landscape = orient == "landscape" or (orient is None and width > height)
    return Geometry(index, width, height, left, right, landscape)


def _own_sect(child: Any) -> Any:
    """The ``w:sectPr`` that ``child`` (a top-level element of the body) ends its section
    with, or None."""
    if child.tag == _SECTPR:
        return child
    if child.tag == _P:
        ppr = child.find(_PPR)
        if ppr is not None:
            return ppr.find(_SECTPR)
    return None


class SectionMap:
    """The sections of one body and the section of each of its top-level elements, read
    once for one layout pass (the pass changes widths, never where a section ends)."""

    def __init__(self, body: Any) -> None:
        children = list(body)
        ends = [
            (i, sect) for i, child in enumerate(children) if (sect := _own_sect(child)) is not None
        ]
        if not ends or ends[-1][0] != len(children) - 1 or children[-1].tag != _SECTPR:
            ends.append((len(children), None))  # no final w:sectPr: Word's defaults
        self._body = body
        self._sects = [sect for _, sect in ends]
        self.sections: tuple[Geometry, ...] = tuple(
            _geometry(n, sect) for n, (_, sect) in enumerate(ends)
        )
        self._of: dict[Any, int] = {}
        start = 0
        for number, (end, _) in enumerate(ends):
            for child in children[start : end + 1]:
                self._of[child] = number
            start = end + 1

    def sect_elements(self) -> list[Any]:
        """The ``w:sectPr`` of each section, in order (None where a body has none)."""
        return list(self._sects)

    def refresh(self) -> None:
        """Read the geometry again after the margins or sizes changed."""
        self.sections = tuple(_geometry(n, sect) for n, sect in enumerate(self._sects))

    def of(self, element: Any) -> Geometry:
        """The geometry of the section that holds ``element`` (any element of the body)."""
        node = element
        parent = node.getparent()
        while parent is not None and parent is not self._body:
            node, parent = parent, parent.getparent()
        return self.sections[self._of.get(node, len(self.sections) - 1)]

    @property
    def first(self) -> Geometry:
        """The geometry of the first section (page 1 of the report)."""
        return self.sections[0]


def section_geometry(body: Any, element: Any) -> Geometry:
    """The page geometry of the section that holds ``element`` of ``body``: what a table
    in a landscape appendix must fit (its text width is ``.text_width_mm``).

    For many look-ups in one pass, build one :class:`SectionMap` and call ``.of``.
    """
    return SectionMap(body).of(element)


def turn_appendices(sections: SectionMap, landscape: Sequence[bool]) -> None:
    """Turn the section of each landscape appendix: the default template gives each
    appendix a section of its own after the report's (one section, then one per
    appendix), all portrait, so section ``k + 1`` holds appendix ``k``. A template with
    another number of sections is left as it is (its author chose its pages).

    Done in the layout pass rather than by Jinja in the template's ``w:pgSz``, so that the
    template itself stays a document Word opens and edits."""
    sects = sections.sect_elements()
    if not any(landscape) or len(sects) != len(landscape) + 1:
        return
    for turned, sect in zip(landscape, sects[1:], strict=True):
        size = None if sect is None else sect.find(_PGSZ)
        if not turned or size is None:
            continue
        width = int(size.get(_W, _DEFAULT_WIDTH_TW))
        height = int(size.get(_H, _DEFAULT_HEIGHT_TW))
        if width < height:
            size.set(_W, str(height))
            size.set(_H, str(width))
        size.set(_ORIENT, "landscape")
    sections.refresh()


def mark_orientation(sections: SectionMap) -> None:
    """Write ``w:orient="landscape"`` on each section whose page is wider than high (a
    landscape appendix of the default template gives only the turned size); portrait
    sections are left as they are."""
    for geometry, sect in zip(sections.sections, sections.sect_elements(), strict=True):
        if sect is None or not geometry.landscape:
            continue
        size = sect.find(_PGSZ)
        if size is not None and size.get(_ORIENT) is None and geometry.width > geometry.height:
            size.set(_ORIENT, "landscape")
