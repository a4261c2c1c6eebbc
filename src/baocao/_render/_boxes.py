"""Framed marks: the stamps of ô 10–11 (độ mật, mức độ khẩn, phạm vi lưu hành) are
paragraphs with a single-line border on all four sides; this pass fits each frame to its
mark by the paragraph's indents, inside the cell or the section it stands in.

The frame of an urgency mark has the size the decree gives it (``_nd30.URGENCY_MARKS``:
20, 30 or 40 mm wide, PL I, III.2.b); any other frame is as wide as its text and 4 mm.
A centred paragraph keeps its frame centred; a right-aligned one puts it at the right.
"""

from __future__ import annotations

from typing import Any

from .. import _ooxml
from .._nd30 import URGENCY_MARKS
from .._ooxml import paragraph_style, paragraph_text, qn

__all__ = ["fit_frames"]

_IND = qn("ind")
_JC = qn("jc")
_LEFT = qn("left")
_PBDR = qn("pBdr")
_PPR = qn("pPr")
_PSTYLE = qn("pStyle")
_RIGHT = qn("right")
_VAL = qn("val")
_SIDES = tuple(qn(side) for side in ("top", "left", "bottom", "right"))
_PADDING_MM = 4.0


def _framed(paragraph: Any) -> bool:
    ppr = paragraph.find(_PPR)
    border = None if ppr is None else ppr.find(_PBDR)
    return border is not None and all(border.find(side) is not None for side in _SIDES)


def _set_indents(ppr: Any, left_tw: int, right_tw: int) -> None:
    ind = ppr.find(_IND)
    if ind is None:
        ind = ppr.makeelement(_IND, {})
        # CT_PPr order: w:ind comes after w:spacing and before w:jc and w:rPr.
        jc = ppr.find(_JC)
        if jc is not None:
            jc.addprevious(ind)
        else:
            ppr.append(ind)
    ind.set(_LEFT, str(left_tw))
    ind.set(_RIGHT, str(right_tw))


def fit_frames(paragraphs: Any, styles: Any, room_mm: Any) -> None:
    """Fit the frame of each framed paragraph of ``paragraphs`` to its mark.

    ``styles`` gives a style's (size, bold, italic), ``room_mm(paragraph)`` the width the
    paragraph stands in (its cell or its section's text width)."""
    for paragraph in paragraphs:
        if not _framed(paragraph):
            continue
        text = paragraph_text(paragraph)
        frame = URGENCY_MARKS.get(text)
        if frame is not None:
            width = frame[0]
        else:
            size, _bold, italic = styles.font(paragraph_style(paragraph))
            width = _ooxml.text_width_mm(text, size, bold=True, italic=italic) + _PADDING_MM
        room = room_mm(paragraph)
        width = min(width, room)
        ppr = paragraph.find(_PPR)
        jc = ppr.find(_JC)
        side = _ooxml.twips(room - width)
        if jc is not None and jc.get(_VAL) == "right":
            _set_indents(ppr, side, 0)
        else:
            _set_indents(ppr, side // 2, side - side // 2)
