"""The numbers the wing is given: exact coercion of ints, Decimals and digit strings, and rounding.

A string is read strictly in one declared format (``INPUT_FORMATS``: ``"vi"`` =
``4.607.678.000,5``, ``"en"`` = ``4,607,678,000.5``, ``"plain"`` = ``4607678000.5``);
a float only when asked for, through its ``repr``. Nothing goes through a float.

What it gives the wing's other modules: ``coerce`` (any accepted value → ``Parts``,
sign, integer part and the digits after the comma as written), ``parts_to_decimal``,
``check_rounding`` (a mode of the :mod:`decimal` module or an error), ``round_ratio``
(an exact division, rounded), ``quantize`` (``Parts`` rounded to a number of places)
and the bound on the digits of a number (``MAX_DIGITS``, ``LIMIT``)::

    >>> coerce("-1.005,5")
    (True, 1005, '5')
    >>> quantize(coerce("4,607,678,000.5", input_format="en"), 0, "ROUND_HALF_UP")
    (False, 4607678001, '')
"""

from __future__ import annotations

import decimal
import math
import re
from decimal import Decimal
from typing import Final, Literal, TypeAlias

from .._errors import InvalidTypeError, ValidationError
from ._fixes import fix_input_format

__all__ = [
    "INPUT_FORMATS",
    "LIMIT",
    "MAX_DIGITS",
    "NEGATIVE_LIMIT",
    "InputFormat",
    "NumberInput",
    "Parts",
    "check_rounding",
    "coerce",
    "parts_to_decimal",
    "quantize",
    "round_ratio",
]


NumberInput: TypeAlias = int | Decimal | str
"""What the functions accept as a number: an ``int``, a ``Decimal`` or a string."""

InputFormat: TypeAlias = Literal["vi", "en", "plain"]
"""How a number given as a string is written: ``"vi"`` = ``4.607.678.000,5``,
``"en"`` = ``4,607,678,000.5``, ``"plain"`` = ``4607678000.5``."""

MAX_DIGITS: Final = 4300  # the same bound as CPython's int/str conversion limit
LIMIT: Final = 10**MAX_DIGITS
NEGATIVE_LIMIT: Final = -LIMIT

INPUT_FORMATS: Final = ("vi", "en", "plain")
_DIGIT_PATTERNS: Final = {
    "vi": re.compile(
        r"(?P<sign>[-−])?(?P<int>0|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]*)(?:,(?P<frac>[0-9]+))?"
    ),
    "en": re.compile(
        r"(?P<sign>[-−])?(?P<int>0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(?:\.(?P<frac>[0-9]+))?"
    ),
    "plain": re.compile(r"(?P<sign>[-−])?(?P<int>0|[1-9][0-9]*)(?:\.(?P<frac>[0-9]+))?"),
}
_FORMAT_EXAMPLES: Final = {
    "vi": "such as 4.607.678.000 or -1.005,5",
    "en": "such as 4,607,678,000 or -1,005.5",
    "plain": "such as 4607678000 or -1005.5",
}
_ROUNDING_MODES: Final = (
    decimal.ROUND_HALF_UP,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_DOWN,
    decimal.ROUND_UP,
    decimal.ROUND_FLOOR,
    decimal.ROUND_CEILING,
    decimal.ROUND_05UP,
)

Parts: TypeAlias = tuple[bool, int, str]
"""(negative, integer part, digits after the decimal comma as written)."""


class _TooLong:
    """Stands for an int too long to ``repr`` (Python refuses more than 4300 digits)."""

    def __repr__(self) -> str:
        return f"<an int of more than {MAX_DIGITS} digits>"


def _check_input_format(input_format: object) -> str:
    if input_format in INPUT_FORMATS:
        return input_format
    shown = ", ".join(repr(f) for f in INPUT_FORMATS)
    if isinstance(input_format, str):
        raise ValidationError(input_format, f"is not one of {shown}", path="input_format")
    raise InvalidTypeError(input_format, f"is not one of {shown}", path="input_format")


def _parse_digits(text: str, fmt: str, path: str) -> Parts:
    stripped = text.strip()
    if not stripped:
        raise ValidationError(
            text, f"is empty; expected a number {_FORMAT_EXAMPLES[fmt]}", path=path
        )
    match = _DIGIT_PATTERNS[fmt].fullmatch(stripped)
    if match is None:
        others = [f for f in INPUT_FORMATS if f != fmt and _DIGIT_PATTERNS[f].fullmatch(stripped)]
        hint = (
            f"; it is valid in the {others[0]!r} format: {fix_input_format(others[0])}"
            if others
            else ""
        )
        raise ValidationError(
            text,
            f"is not a number in the {fmt!r} format ({_FORMAT_EXAMPLES[fmt]}){hint}",
            path=path,
        )
    integer = re.sub(r"[.,]", "", match["int"])
    fraction = match["frac"] or ""
    if len(integer) > MAX_DIGITS or len(fraction) > MAX_DIGITS:
        raise ValidationError(text, f"has more than {MAX_DIGITS} digits", path=path)
    return match["sign"] is not None, int(integer), fraction


def _decimal_parts(value: Decimal, original: object, path: str) -> Parts:
    if not value.is_finite():
        raise ValidationError(original, "is not a finite number", path=path)
    sign, digit_tuple, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    if len(digit_tuple) + max(exponent, 0) > MAX_DIGITS or -exponent > MAX_DIGITS:
        raise ValidationError(original, f"has more than {MAX_DIGITS} digits", path=path)
    digits = "".join(map(str, digit_tuple))
    if exponent >= 0:
        return bool(sign), int(digits) * 10**exponent, ""
    places = -exponent
    digits = digits.rjust(places + 1, "0")
    return bool(sign), int(digits[:-places]), digits[-places:]


def coerce(
    value: object, *, input_format: str = "vi", allow_float: bool = False, path: str = ""
) -> Parts:
    """Split a number into sign, integer part and fraction digits, exactly."""
    if input_format not in INPUT_FORMATS:
        _check_input_format(input_format)
    if type(value) is int:  # the common cases first, with the same results as below
        if NEGATIVE_LIMIT < value < LIMIT:
            return value < 0, abs(value), ""
    elif type(value) is Decimal and value.is_finite():
        text = str(value)
        if len(text) <= MAX_DIGITS and "E" not in text:
            # Read from the string, several times faster than the digit tuple: without
            # an exponent, str() writes the digits of the coefficient (after "0." when
            # they are all decimals), so no bound of _decimal_parts can be exceeded.
            if text[0] == "-":
                integer, _, fraction = text[1:].partition(".")
                return True, int(integer), fraction
            integer, _, fraction = text.partition(".")
            return False, int(integer), fraction
    if isinstance(value, bool):
        raise InvalidTypeError(value, "is a bool, not a number", path=path)
    if isinstance(value, int):
        n = int(value)
        if not -LIMIT < n < LIMIT:
            raise ValidationError(_TooLong(), "is too large to read", path=path)
        return n < 0, abs(n), ""
    if isinstance(value, Decimal):
        return _decimal_parts(value, value, path)
    if isinstance(value, str):
        return _parse_digits(value, input_format, path)
    if isinstance(value, float):
        if not allow_float:
            raise InvalidTypeError(
                value,
                "is a float (a binary approximation); pass an int, a decimal.Decimal "
                "or a string, or allow_float=True",
                path=path,
            )
        if not math.isfinite(value):
            raise ValidationError(value, "is not a finite number", path=path)
        return _decimal_parts(Decimal(repr(value)), value, path)
    raise InvalidTypeError(
        value, "is not a number: expected an int, a decimal.Decimal or a string", path=path
    )


def parts_to_decimal(parts: Parts) -> Decimal:
    """The exact Decimal of ``parts``, with the fraction digits as written."""
    negative, integer, fraction = parts
    sign = "-" if negative else ""
    return Decimal(f"{sign}{integer}.{fraction}" if fraction else f"{sign}{integer}")


def check_rounding(rounding: object) -> str:
    if rounding in _ROUNDING_MODES:
        return rounding
    error = ValidationError if isinstance(rounding, str) else InvalidTypeError
    raise error(
        rounding,
        "is not a rounding mode of the decimal module (e.g. decimal.ROUND_HALF_UP)",
        path="rounding",
    )


def round_ratio(numerator: int, denominator: int, rounding: str) -> int:
    """Round ``numerator / denominator`` (denominator > 0) to an int, exactly, as ``rounding``."""
    floor, remainder = divmod(numerator, denominator)
    if not remainder:
        return floor
    negative = numerator < 0
    toward_zero = floor + 1 if negative else floor
    away = floor if negative else floor + 1
    if rounding == decimal.ROUND_FLOOR:
        return floor
    if rounding == decimal.ROUND_CEILING:
        return floor + 1
    if rounding == decimal.ROUND_DOWN:
        return toward_zero
    if rounding == decimal.ROUND_UP:
        return away
    if rounding == decimal.ROUND_05UP:
        return away if abs(toward_zero) % 10 in (0, 5) else toward_zero
    twice = 2 * remainder
    if twice != denominator:
        return floor if twice < denominator else floor + 1
    if rounding == decimal.ROUND_HALF_UP:
        return away
    if rounding == decimal.ROUND_HALF_DOWN:
        return toward_zero
    return floor if floor % 2 == 0 else floor + 1  # ROUND_HALF_EVEN


def quantize(parts: Parts, places: int, rounding: str) -> Parts:
    """Round to exactly ``places`` digits after the comma (pads with zeros)."""
    negative, integer, fraction = parts
    if len(fraction) <= places:
        return negative, integer, fraction.ljust(places, "0")
    # Built arithmetically: each part has at most 4300 digits, their joined string may not.
    numerator = (integer * 10 ** len(fraction) + int(fraction)) * (-1 if negative else 1)
    scaled = round_ratio(numerator, 10 ** (len(fraction) - places), rounding)
    whole, part = divmod(abs(scaled), 10**places)
    return scaled < 0, whole, str(part).rjust(places, "0") if places else ""
