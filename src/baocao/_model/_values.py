"""The values that body text holds besides words, and the text pieces made of them.

:class:`Money`, :class:`Percent`, :class:`Rate`, :class:`Number` and :class:`Date` are
written out by baocao (amounts in words too); a :data:`Segment` is one of them or a plain
text, and a text of the body is a tuple of segments, checked here as one.
"""

from __future__ import annotations

import datetime as _dt
import decimal
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from .._errors import InvalidTypeError, ValidationError
from .._text import check_text, nfc
from ._fields import (
    _DECIMALS,
    MAX_DIGITS,
    exact_number,
    in_bounds,
    not_zero,
    one_of,
    plain_date,
    whole_dong,
)
from ._layout import _validate_layout
from ._notes import Footnote
from ._validators import named

__all__ = ["Date", "Footnote", "Money", "Number", "Percent", "Rate", "Segment"]


@attrs.frozen
class Money:
    """An amount of đồng, written in figures and then in words.

    Renders as ``4.607.678.000 đồng (Bốn tỷ sáu trăm lẻ bảy triệu … đồng)``, so the two
    can never disagree.

    Attributes:
        amount: số tiền, whole đồng (``int`` or a whole ``Decimal``).
        style: the reading style of the words: ``"north"`` (linh, nghìn) or ``"south"``
            (lẻ, ngàn).
        suffix: ``None`` or ``"chẵn"`` (… đồng chẵn).
    """

    amount: int | decimal.Decimal = attrs.field(validator=[exact_number(), whole_dong()])
    style: str = attrs.field(default="north", validator=one_of("north", "south"))
    suffix: Literal["chẵn"] | None = attrs.field(
        default=None, validator=one_of(None, "chẵn", shown="null, 'chẵn'")
    )


@attrs.frozen
class Percent:
    """A percentage written in figures: ``47,67%``.

    Attributes:
        value: tỷ lệ phần trăm (``int`` or ``Decimal``; 47.67 means 47,67%).
        decimals: digits after the comma (rounded half-up).
    """

    value: int | decimal.Decimal = attrs.field(validator=exact_number())
    decimals: int = attrs.field(default=2, validator=in_bounds(), metadata=_DECIMALS)


@attrs.frozen
class Rate:
    """Actual against target, as a percentage: ``tỷ lệ đạt`` (``41 / 86`` → ``47,67%``).

    Attributes:
        actual: the achieved figure (thực hiện).
        target: the target figure (chỉ tiêu), not zero.
        decimals: digits after the comma.
        rounding: ``"down"`` (truncate, as the 2710/BC-SNV report does: 320/788 →
            40,60%) or ``"half_up"`` (40,61%). There is no default on purpose.
    """

    actual: int | decimal.Decimal = attrs.field(validator=exact_number())
    target: int | decimal.Decimal = attrs.field(validator=[exact_number(), not_zero()])
    rounding: str = attrs.field(validator=one_of("down", "half_up"))
    decimals: int = attrs.field(default=2, validator=in_bounds(), metadata=_DECIMALS)

    def __attrs_post_init__(self) -> None:
        # actual / target × 100 with its decimals: refuse a rate too long to print.
        size = (
            decimal.Decimal(self.actual).adjusted()
            - decimal.Decimal(self.target).adjusted()
            + 3
            + self.decimals
        )
        if self.actual != 0 and size > MAX_DIGITS:
            raise ValidationError(
                self.actual,
                f"divided by the target gives a percentage of more than {MAX_DIGITS} digits",
                path="actual",
            )


@attrs.frozen
class Number:
    """A number in figures, grouped the Vietnamese way: ``1.341``, ``1.942,54``.

    Attributes:
        value: the number (``int`` or ``Decimal``).
        decimals: digits after the comma, or ``None`` to keep the value's own.
    """

    value: int | decimal.Decimal = attrs.field(validator=exact_number())
    decimals: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(in_bounds()), metadata=_DECIMALS
    )


@attrs.frozen
class Date:
    """A date in the decree's form: ``ngày 13 tháng 01 năm 2014``.

    Attributes:
        value: the date (ngày tháng năm).
    """

    value: _dt.date = attrs.field(validator=plain_date())


Segment = str | Money | Percent | Rate | Number | Date | Footnote
"""One piece of body text: plain text, a value that baocao writes out, or a footnote."""

_SEGMENT_TYPES = (str, Money, Percent, Rate, Number, Date, Footnote)


def _to_text(value: str | Iterable[Segment]) -> tuple[Segment, ...]:
    if isinstance(value, str):
        return (nfc(value),)
    if isinstance(value, (list, tuple)):
        return tuple(nfc(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


def _to_opt_text(value: str | Iterable[Segment] | None) -> tuple[Segment, ...] | None:
    return None if value is None else _to_text(value)


def _ends_in_digit(pieces: Sequence[object]) -> bool:
    """Whether ``pieces`` print a decimal digit last (a number, a date: "năm 2025"); an
    empty text prints nothing, so the piece before it counts."""
    for piece in reversed(pieces):
        if isinstance(piece, str):
            if piece:
                return piece[-1].isdecimal()
            continue
        return isinstance(piece, (Number, Date))
    return False


def _check_segments(value: object, path: str) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidTypeError(value, "is not a text or a non-empty list of text pieces", path=path)
    for index, seg in enumerate(value):
        where = f"{path}[{index}]"
        if isinstance(seg, str):
            check_text(seg, path=where, allow_empty=True)
        elif not isinstance(seg, _SEGMENT_TYPES):
            raise InvalidTypeError(
                seg, "is not a text, money, percent, rate, number, date or footnote", path=where
            )
        if (
            isinstance(seg, Money) and seg.amount >= 0 and index and _ends_in_digit(value[:index])
        ):  # "-" parts a negative one
            raise ValidationError(
                seg.amount,
                "follows a digit with no space between: the amount would read "
                'as one number with it ("1" then 67 đồng prints "167 đồng"); put a '
                "space or a word before the amount",
                path=where,
            )
    texts = [seg for seg in value if isinstance(seg, str)]
    if len(texts) == len(value) and not "".join(texts).strip():
        raise ValidationError("".join(texts), "must not be empty", path=path)
    notes = sum(isinstance(seg, Footnote) for seg in value)  # issue 12: footnotes
    if notes and len(texts) + notes == len(value) and not "".join(texts).strip():
        raise ValidationError(
            "".join(texts), "holds only footnotes: a footnote marks a place in a text", path=path
        )


@named("segments")
def _validate_segments(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_segments(value, attribute.name)
    _validate_layout(_inst, attribute, value)


@named("optional_segments")
def _validate_opt_segments(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_segments(value, attribute.name)
        _validate_layout(_inst, attribute, value)
