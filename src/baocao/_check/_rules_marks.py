"""The rules of issue 12's marks: a date left blank only in a draft, and the marks of
ô 10–11 in bold capitals, 13–14 pt, where the decree puts them (PL I, III.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._nd30 import DRAFT_MARK, URGENCY_MARKS
from .._ooxml import Fragment, mm_from_twips
from ._document import ParsedDocument
from ._marks import is_stamp_10, is_urgency
from ._rule import Problem, Rule, _flag, _is_upper, _spans, _where

__all__ = ["MARK_RULES"]

_DATE = "Địa danh, ngày tháng"
# "ngày      tháng      năm 2026": the parts of a date line, each blank when it has no digit.
_PARTS = re.compile(r"ngày(?P<d>.*?)tháng(?P<m>.*?)năm(?P<y>.*)$", re.IGNORECASE | re.DOTALL)


def _date_blank(doc: ParsedDocument) -> Iterator[Problem]:
    fragment = doc.elements.date
    if fragment is None or doc.elements.draft is not None:
        return  # a draft may leave its date blank: the date is written when it is signed
    match = _PARTS.search(fragment.text)
    if match is None:
        return
    names = (("day", "d"), ("month", "m"), ("year", "y"))
    blanks = [name for name, key in names if not re.search(r"\d", match[key])]
    if blanks:
        yield Problem(
            _where(_DATE, fragment),
            f"the {' and '.join(blanks)} left blank, without a {DRAFT_MARK!r} mark",
            f"the date written in full, or the document marked {DRAFT_MARK!r} (a draft)",
        )


def _marks_format(doc: ParsedDocument) -> Iterator[Problem]:
    for fragment in doc.elements.marks:
        spans = _spans([fragment])
        issues = []
        if not _is_upper(fragment.shown):
            issues.append("lower-case letters")
        if _flag(spans, "bold") != "all":
            issues.append("not bold")
        sizes = sorted({round(s.fmt.size, 1) for s in spans})
        if any(not 13 <= size <= 14 for size in sizes):
            issues.append(" and ".join(f"{size:g} pt" for size in sizes))
        if issues:
            kind = "Dấu chỉ mức độ khẩn" if is_urgency(fragment.text) else "Dấu, chỉ dẫn"
            yield Problem(_where(kind, fragment), "; ".join(issues), "upper case, bold, 13–14 pt")


def _side(fragment: Fragment) -> tuple[str, int | None, int | None]:
    container = fragment.para.container
    return (container.kind, container.table, container.column)


def _marks_position(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    for fragment in el.marks:
        text = fragment.text
        if is_stamp_10(text):
            number = el.number
            if number is None:
                continue  # no "Số:" to stand under (a report without its number line)
            under = _side(fragment) == _side(number) and fragment.para.index > number.para.index
            if not under:
                yield Problem(
                    _where("Dấu chỉ độ mật, mức độ khẩn", fragment),
                    'not under "Số:" in its column',
                    'under "Số:", in the left column of the header (ô 10a, 10b)',
                )
        elif el.national_name is not None:
            above = fragment.para.index < el.national_name.para.index
            right = fragment.para.fmt.align == "right" or _side(fragment) == _side(el.national_name)
            if not (above and right):
                yield Problem(
                    _where("Chỉ dẫn về phạm vi lưu hành", fragment),
                    "not at the top right",
                    "at the top right, above the Quốc hiệu (ô 11)",
                )


_FRAME_TOLERANCE_MM = 1.5
"""How far a frame's width may be from the decree's: a hand-drawn text box or a table
cell is rarely exact; the stamp's size tells a reader the mark's degree at a glance."""


def _marks_frame(doc: ParsedDocument) -> Iterator[Problem]:
    for fragment in doc.elements.marks:
        size = URGENCY_MARKS.get(fragment.text)
        if size is None:
            continue  # HỎA TỐC HẸN GIỜ and the other marks: the decree fixes no size
        para = fragment.para
        wanted = f"a single-line frame {size[0]:g} × {size[1]:g} mm (PL I, III.2.b)"
        where = _where("Dấu chỉ mức độ khẩn", fragment)
        if para.fmt.boxed:  # a paragraph border, as baocao draws it: fitted by the indents
            width = para.container.width_mm - mm_from_twips(para.fmt.left + para.fmt.right)
        elif para.container.kind in ("textbox", "frame"):
            width = para.container.width_mm  # a text box drawn around the mark
        else:
            yield Problem(where, "no frame", wanted)
            continue
        if abs(width - size[0]) > _FRAME_TOLERANCE_MM:
            yield Problem(where, f"a frame {width:.1f} mm wide", wanted)


MARK_RULES: tuple[Rule, ...] = (
    Rule(
        "date.blank",
        "PL I, II.4.b",
        "warning",
        "The date is written in full; only a draft (marked DỰ THẢO) leaves it blank.",
        _date_blank,
    ),
    Rule(
        "marks.format",
        "PL I, III.2",
        "error",
        "The marks of độ mật, mức độ khẩn and phạm vi lưu hành are bold upper case, 13–14 pt.",
        _marks_format,
    ),
    Rule(
        "marks.position",
        "PL I, III.2; IV",
        "error",
        'Độ mật and độ khẩn stand under "Số:" (ô 10a, 10b); a circulation note at the top '
        "right, above the Quốc hiệu (ô 11).",
        _marks_position,
    ),
    Rule(
        "marks.frame",
        "PL I, III.2.b",
        "warning",
        "The urgency mark stands in a single-line frame of the decree's size: KHẨN 20 mm, "
        "HỎA TỐC 30 mm, THƯỢNG KHẨN 40 mm wide (8 mm high).",
        _marks_frame,
    ),
)
"""The rows of the draft's blanks and of the marks of ô 10–11."""
