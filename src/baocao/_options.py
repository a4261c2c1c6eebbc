"""Rendering options inside the law: page margins and the size profile.

Phụ lục I, Mục I.3 gives each margin a range, and the footnote of its Mục V table asks
that sizes move together; baocao offers the two profiles of that footnote.
"""

from __future__ import annotations

import decimal
from typing import Any, Literal

import attrs

from ._errors import InvalidTypeError, ValidationError
from ._lazy import publish
from ._nd30 import MARGIN_RANGES, PROFILES

__all__ = ["MARGIN_RANGES", "PROFILES", "Margins", "check_profile"]


Profile = Literal["14", "13"]


def _in_range(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float, decimal.Decimal)):
        raise InvalidTypeError(
            value, "is not a number of millimetres", path=f"margins.{attribute.name}"
        )
    low, high = MARGIN_RANGES[attribute.name]
    if not low <= value <= high:
        raise ValidationError(
            value,
            f"mm is outside the legal range {low:g}–{high:g} mm (Phụ lục I, I.3)",
            path=f"margins.{attribute.name}",
        )


@attrs.frozen(kw_only=True)
class Margins:
    """Page margins in millimetres, each inside its legal range (Phụ lục I, I.3).

    >>> Margins()
    Margins(top=20, bottom=20, left=30, right=15)
    >>> Margins(left=40)
    Traceback (most recent call last):
    ...
    baocao.ValidationError: margins.left: 40 mm is outside the legal range 30–35 mm (Phụ lục I, I.3)

    Attributes:
        top: lề trên, 20–25 mm.
        bottom: lề dưới, 20–25 mm.
        left: lề trái (binding side), 30–35 mm.
        right: lề phải, 15–20 mm.
    """

    top: float = attrs.field(default=20, validator=_in_range)
    bottom: float = attrs.field(default=20, validator=_in_range)
    left: float = attrs.field(default=30, validator=_in_range)
    right: float = attrs.field(default=15, validator=_in_range)


def check_profile(value: object) -> Profile:
    """``"14"``/``14`` or ``"13"``/``13``; anything else is a ValidationError."""
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if text == "14":
        return "14"
    if text == "13":
        return "13"
    raise ValidationError(
        value,
        "is not a size profile: '14' (Quốc hiệu 13, Tiêu ngữ 14, body 14 pt) or '13' (12, 13, 13)",
        path="profile",
    )


publish(Margins)  # it reads as baocao.Margins, as the face exports it
