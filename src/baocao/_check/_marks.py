"""How the checker recognises issue 12's elements by their content: the draft mark
("DỰ THẢO"), the marks of ô 10–11 (độ mật, mức độ khẩn, phạm vi lưu hành), the subtitle
under the trích yếu, and an appendix's reference line in its two wordings.

The fixed words come from ``_nd30``, as the renderer's do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._nd30 import (
    CIRCULATION_NOTES,
    CIRCULATION_RETURN_AFTER,
    CONFIDENTIALITY_MARKS,
    DRAFT_MARK,
    RECALL_MARK,
    URGENCY_MARKS,
)
from .._ooxml import Fragment, Para
from ._patterns import loose

__all__ = [
    "after_subtitle",
    "find_marks",
    "is_mark",
    "is_reference_line",
    "is_stamp_10",
    "is_urgency",
    "issuer_anchor",
    "subtitle_of",
]

_DRAFT = loose(DRAFT_MARK)
_MARKS = {loose(text) for text in (*CONFIDENTIALITY_MARKS, *URGENCY_MARKS, *CIRCULATION_NOTES)}
_MARKS.add(loose(RECALL_MARK))
_URGENCY = {loose(text) for text in URGENCY_MARKS}
_RETURN_AFTER = loose(CIRCULATION_RETURN_AFTER)
_REFERENCE_OPENINGS = ("(kèmtheo", "(banhànhkèmtheo")


def is_mark(text: str) -> bool:
    """A mark of ô 10–11 (any case): MẬT …, KHẨN …, XEM XONG TRẢ LẠI, TRẢ LẠI SAU KHI …"""
    folded = loose(text)
    return folded in _MARKS or (folded.startswith(_RETURN_AFTER) and folded != _RETURN_AFTER)


def is_urgency(text: str) -> bool:
    """An urgency mark (ô 10b), which the decree stamps in bright red (PL I, III.2.b)."""
    return loose(text) in _URGENCY


_STAMPS_10 = {loose(text) for text in (*CONFIDENTIALITY_MARKS, *URGENCY_MARKS)}


def is_stamp_10(text: str) -> bool:
    """A mark of ô 10 (độ mật, 10a, or mức độ khẩn, 10b), stamped under "Số:"."""
    return loose(text) in _STAMPS_10


def find_marks(header: Sequence[Fragment]) -> dict[str, Any]:
    """The draft mark and the marks of ô 10–11 among the fragments above the type name."""
    found: dict[str, Any] = {}
    marks = []
    for fragment in header:
        text = fragment.text
        if "draft" not in found and loose(text) == _DRAFT:
            found["draft"] = fragment
        elif is_mark(text):
            marks.append(fragment)
    found["marks"] = tuple(marks)
    return found


def issuer_anchor(
    header: Sequence[Fragment], national_name: Fragment, marks: Sequence[Fragment]
) -> Fragment | None:
    """Without a "Số:" line, the last line of the issuing body's column: the last line of
    the other column of the Quốc hiệu's table (the left column of the header)."""
    container = national_name.para.container
    if container.kind != "cell":
        return None
    column = [
        f
        for f in header
        if f.para.container.kind == "cell"
        and f.para.container.table == container.table
        and f.para.container.column != container.column
        and f not in marks
    ]
    return column[-1] if column else None


def _is_subtitle(para: Para) -> bool:
    """A centred paragraph under the trích yếu: in parentheses as bodies write it, or any
    text that is not bold (a heading of the content is bold; the subtitle never is)."""
    text = para.text.strip()
    if para.fmt.align != "center" or para.in_table or not text or is_reference_line(text):
        return False
    if text.startswith("(") and text.endswith(")"):
        return True
    inked = [span for span in para.spans if span.text.strip()]
    return bool(inked) and not any(span.fmt.bold for span in inked)


def after_subtitle(paras: Sequence[Para], cursor: int) -> int:
    """Where the content starts when the paragraph at ``cursor`` is the subtitle under the
    trích yếu's rule ("(Tài liệu phục vụ Hội nghị …)": centred, in parentheses)."""
    if cursor < len(paras) and _is_subtitle(paras[cursor]):
        return cursor + 1
    return cursor


def subtitle_of(paras: Sequence[Para], type_para: Para, body_start: int) -> tuple[Fragment, ...]:
    """The subtitle's fragments: the subtitle paragraph before the content, if any."""
    start = paras.index(type_para)
    for para in paras[start + 1 : body_start]:
        if _is_subtitle(para):
            return tuple(para.fragments)
    return ()


def is_reference_line(text: str) -> bool:
    """The reference line of an appendix: "(Kèm theo …)" or "(Ban hành kèm theo …)"."""
    return loose(text).startswith(_REFERENCE_OPENINGS)
