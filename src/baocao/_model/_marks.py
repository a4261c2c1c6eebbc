"""Issue 12's closed lists and checks: the orientation and numbering of an appendix, the
marks of ô 10–11 (độ mật, độ khẩn, phạm vi lưu hành), the copy count of the "Lưu" line, and
what a draft (dự thảo) may leave blank.

Each choice is an :class:`enum.Enum` read by ``parse(value, path=…)`` (the loader calls it),
so that a wrong value names its field and the choices. The fixed words come from ``_nd30``.
"""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from .._errors import InvalidTypeError, ValidationError
from .._nd30 import (
    CIRCULATION_NOTES,
    CIRCULATION_RETURN_AFTER,
    CONFIDENTIALITY_MARKS,
    RECALL_MARK,
    URGENCY_MARKS,
)
from .._text import nfc, upper

__all__ = [
    "AppendixNumbering",
    "Confidentiality",
    "CopiesForm",
    "Orientation",
    "Urgency",
    "check_circulation",
    "check_draft",
    "to_appendix_numbering",
    "to_confidentiality",
    "to_copies_form",
    "to_numbering",
    "to_orientation",
    "to_urgency",
]

_E = TypeVar("_E", bound="_Choice")


class _Choice(enum.Enum):
    """A closed choice read from its value, any case (``"Landscape"``, ``"khẩn"``)."""

    @classmethod
    def parse(cls: type[_E], value: object, *, path: str = "") -> _E:
        if isinstance(value, cls):
            return value
        if not isinstance(value, str):
            raise InvalidTypeError(value, f"is not one of {_choices(cls)}", path=path)
        text = nfc(value).strip().casefold()
        for member in cls:
            if text == str(member.value).casefold():
                return member
        raise ValidationError(value, f"is not one of {_choices(cls)}", path=path)


def _choices(cls: type[enum.Enum]) -> str:
    return ", ".join(repr(m.value) for m in cls)


class Orientation(_Choice):
    """Hướng trang of an appendix: ``portrait`` (chiều dài khổ A4, the rule) or
    ``landscape`` (chiều rộng, allowed for the pages of wide tables, PL I, I.2)."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class AppendixNumbering(_Choice):
    """How appendices are numbered (số thứ tự của Phụ lục): ``roman`` prints "Phụ lục I",
    "Phụ lục II" (the decree's rule with two or more, PL I, III.1.a; one appendix alone is
    "Phụ lục"); ``number`` prints "Phụ lục số 01", "Phụ lục số 02" (as many bodies number the
    statistics forms of a report), even for one appendix."""

    ROMAN = "roman"
    NUMBER = "number"


class Confidentiality(_Choice):
    """Độ mật (ô 10a, PL I, III.2.a): ``MẬT``, ``TỐI MẬT`` or ``TUYỆT MẬT``."""

    SECRET = CONFIDENTIALITY_MARKS[0]
    TOP_SECRET = CONFIDENTIALITY_MARKS[1]
    ABSOLUTE_SECRET = CONFIDENTIALITY_MARKS[2]


_URGENCY = tuple(URGENCY_MARKS)


class Urgency(_Choice):
    """Mức độ khẩn (ô 10b, PL I, III.2.b): ``KHẨN``, ``THƯỢNG KHẨN``, ``HỎA TỐC`` or
    ``HỎA TỐC HẸN GIỜ``."""

    URGENT = _URGENCY[0]
    VERY_URGENT = _URGENCY[1]
    EXPRESS = _URGENCY[2]
    EXPRESS_TIMED = _URGENCY[3]


class CopiesForm(_Choice):
    """How the "Lưu" line writes the number of archived copies: ``number`` ("- Lưu: VT, VP,
    02.", as baocao 0.1 did) or ``b`` ("- Lưu: VT, NC (2b).", bản, as many agencies write)."""

    NUMBER = "number"
    B = "b"


def to_orientation(value: object) -> Orientation:
    return Orientation.parse(value, path="orientation")


def to_numbering(value: object) -> AppendixNumbering | None:
    return None if value is None else AppendixNumbering.parse(value, path="numbering")


def to_appendix_numbering(value: object) -> AppendixNumbering:
    return AppendixNumbering.parse(value, path="appendix_numbering")


def to_confidentiality(value: object) -> Confidentiality | None:
    return None if value is None else Confidentiality.parse(value, path="confidentiality")


def to_urgency(value: object) -> Urgency | None:
    return None if value is None else Urgency.parse(value, path="urgency")


def to_copies_form(value: object) -> CopiesForm:
    return CopiesForm.parse(value, path="copies_form")


def check_circulation(value: str | None, *, path: str = "circulation") -> None:
    """A circulation note (ô 11) is one the decree names, "TRẢ LẠI SAU KHI …" completed
    with its occasion, or the recall stamp "TÀI LIỆU THU HỒI"."""
    if value is None:
        return
    text = upper(value)
    known = (*CIRCULATION_NOTES, RECALL_MARK)
    if text in known:
        return
    opening = CIRCULATION_RETURN_AFTER
    if text.startswith(opening + " ") and len(text) > len(opening) + 1:
        return
    choices = ", ".join(repr(n) for n in known)
    raise ValidationError(
        value, f"is not a circulation note: {choices} or '{opening} …' (its occasion)", path=path
    )


def check_draft(report: Any) -> None:
    """What only a draft may leave blank, what a blank date needs, and what a report
    without its number and date line leaves out."""
    draft = report.draft
    if not report.number_and_date:
        for name in ("number", "date", "year", "place"):
            value = getattr(report, name)
            if value is not None:
                raise ValidationError(
                    value,
                    "is given, but number_and_date is false (no Số line, no date line)",
                    path=name,
                )
        return
    if report.place is None:
        raise ValidationError(None, "is required (the địa danh of the date line)", path="place")
    if report.year is not None:
        if report.date is not None:
            raise ValidationError(
                report.year,
                f"is given beside a full date ({report.date.isoformat()}): give one of them",
                path="year",
            )
        if not draft:
            raise ValidationError(
                report.year,
                "leaves the day and month blank, which only a draft may do (draft: true)",
                path="year",
            )
    if report.date is None and not draft:
        raise ValidationError(
            None,
            "is required: only a draft (draft: true) may leave the date blank",
            path="date",
        )
