"""Figures the Vietnamese way: numbers, percentages, rates and dates as documents write them.

The law (Luật Kế toán, Nghị định 123/2020) puts ``.`` between thousands and ``,``
before the decimals: ``4.607.678.000``, ``1.942,54``, ``47,67%``. Nghị định
30/2020 writes dates as ``ngày 03 tháng 7 năm 2020``.

Where Babel is used, and where not:

* The digits are grouped by baocao, with the symbols and grouping of the ``vi``
  locale in Babel's CLDR data (``.`` between groups of three, ``,`` before the
  decimals, ``-`` for minus), read once when the module is imported. For every
  value it writes what ``babel.numbers.format_decimal`` writes given a pattern
  with exactly as many decimals as the value has, inside a :mod:`decimal`
  context wide enough for it (the tests hold the two to each other, with Babel
  as the oracle), several times faster: Babel parses its pattern again on
  every call. Babel is not left to round either: it rounds half-even, drops
  trailing zeros (``47,60`` would become ``47,6``), writes ``-0`` and, with the
  default context, fails on values of more than 28 digits. baocao rounds first,
  exactly, with the mode each function documents, and writes no ``-0``.
* Percentages are not formatted with ``babel.numbers.format_percent``: it
  multiplies by 100 and its ``vi`` pattern has no decimals; baocao's values
  are already in per cent.
* Strings are not parsed with ``babel.numbers.parse_decimal``: even with
  ``strict=True`` it accepts ``1_000``, ``+5`` and non-ASCII digits, and it has
  no ``en``/``plain`` conventions without another locale. baocao's own parser
  accepts exactly the declared format.
"""

from __future__ import annotations

import datetime as _dt
import decimal
from decimal import Decimal

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from .._errors import InvalidTypeError, ValidationError
from ._inputs import (
    INPUT_FORMATS,
    LIMIT,
    MAX_DIGITS,
    NEGATIVE_LIMIT,
    InputFormat,
    NumberInput,
    check_rounding,
    coerce,
    quantize,
    round_ratio,
)

__all__ = ["format_date", "format_number", "format_percent", "rate"]

_VI = Locale.parse("vi")
# The CLDR data of the vi locale, read once: "." between groups of three, "," before
# the decimals, "-" for minus.
_GROUP: str = get_group_symbol(_VI)
_DECIMAL: str = get_decimal_symbol(_VI)
_MINUS: str = get_minus_sign_symbol(_VI)
_PRIMARY, _SECONDARY = _VI.decimal_formats[None].grouping
_THREES = _PRIMARY == _SECONDARY == 3 and "_" not in _DECIMAL
_MAX_DECIMALS = 100
# Built once for the fast paths (issue 16): the decimal symbol and n zeros, and the
# format spec that pads a Decimal to n places.
_PADS = tuple(_DECIMAL + "0" * n for n in range(_MAX_DECIMALS + 1))
_SPECS = tuple(f",.{n}f" for n in range(_MAX_DECIMALS + 1))


def _check_decimals(decimals: object, path: str = "decimals") -> int:
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise InvalidTypeError(decimals, "is not an int", path=path)
    if not 0 <= decimals <= _MAX_DECIMALS:
        raise ValidationError(decimals, f"is not between 0 and {_MAX_DECIMALS}", path=path)
    return decimals


def _group(integer: int) -> str:
    """The digits of ``integer`` (>= 0) with the group symbol between groups, as CLDR says."""
    digits = str(integer)
    size = _PRIMARY
    groups = []
    while len(digits) > size:
        groups.append(digits[-size:])
        digits = digits[:-size]
        size = _SECONDARY
    groups.append(digits)
    return _GROUP.join(reversed(groups))


def _format_parts(negative: bool, integer: int, fraction: str) -> str:
    """Write exact parts as Babel's ``format_decimal`` would, with as many decimals as given.

    The same string as ``format_decimal(value, format="#,##0.00…", locale="vi")``
    inside a context wide enough for the value (tests/words/test_format.py holds
    the two to each other), but for ``-0``: a value that is zero has no sign.
    """
    if _THREES:  # Python groups by threes itself, with "_", which no vi symbol is
        if fraction:
            text = f"{integer:_}{_DECIMAL}{fraction}".replace("_", _GROUP)
        else:
            text = f"{integer:_}".replace("_", _GROUP)
    else:
        text = f"{_group(integer)}{_DECIMAL}{fraction}" if fraction else _group(integer)
    if negative and (integer or fraction.strip("0")):
        return _MINUS + text
    return text


def format_number(
    value: NumberInput | float,
    *,
    decimals: int | None = None,
    input_format: InputFormat = "vi",
    allow_float: bool = False,
) -> str:
    """Write a number with Vietnamese digit grouping: ``4.607.678.000``, ``1.942,54``.

    With ``decimals=None`` the digits are kept as given (``Decimal("47.60")``
    gives ``47,60``). With ``decimals=n`` the value is rounded to ``n`` places,
    **half away from zero** (``decimal.ROUND_HALF_UP``: 2,345 → 2,35;
    −2,345 → −2,35), and padded with zeros. Inputs are read as by
    :func:`baocao.number_to_words` (``int``, ``Decimal``, a string in
    ``input_format``; floats only with ``allow_float=True``).

    >>> from decimal import Decimal
    >>> format_number(4607678000)
    '4.607.678.000'
    >>> format_number(Decimal("1942.54")), format_number("-1.005")
    ('1.942,54', '-1.005')
    >>> format_number("2,345", decimals=2), format_number(7, decimals=2)
    ('2,35', '7,00')
    >>> format_number("4,607,678,000.5", input_format="en")
    '4.607.678.000,5'
    """
    if (
        type(value) is int
        and _THREES
        and NEGATIVE_LIMIT < value < LIMIT
        and input_format in INPUT_FORMATS
    ):
        # The commonest case inline (issue 16: a call less is what counts here).
        if value < 0:
            text = _MINUS + f"{-value:_}".replace("_", _GROUP)
        else:
            text = f"{value:_}".replace("_", _GROUP)
        if decimals is None or (decimals == 0 and type(decimals) is int):
            return text
        if type(decimals) is int and 0 < decimals <= _MAX_DECIMALS:
            return text + _PADS[decimals]
    elif _THREES and input_format in INPUT_FORMATS:
        text = _fast(value, decimals)  # type: ignore[assignment]
        if text is not None:
            return text
    parts = coerce(value, input_format=input_format, allow_float=allow_float, path="value")
    negative, integer, fraction = parts
    if decimals is not None:
        if type(decimals) is not int or not 0 <= decimals <= _MAX_DECIMALS:
            _check_decimals(decimals)  # raises
        places = len(fraction)
        if places > decimals:
            negative, integer, fraction = quantize(parts, decimals, decimal.ROUND_HALF_UP)
        elif places < decimals:  # what quantize does, without the call
            fraction += "0" * (decimals - places)
    return _format_parts(negative, integer, fraction)


def _fast(value: object, decimals: object) -> str | None:
    """The common cases of :func:`format_number` in one call: an ``int``, or a finite
    ``Decimal`` with no more places than ``decimals``; ``None`` for the general path.

    The same strings as the general path (tests/words/test_format.py holds the two to each
    other): one function call instead of four is what takes it past 10x Babel (issue 16).
    """
    if decimals is None:
        pad = 0
    elif type(decimals) is int and 0 <= decimals <= _MAX_DECIMALS:
        pad = decimals
    else:
        return None  # the general path reports the bad decimals
    kind = type(value)
    if kind is int:
        if not NEGATIVE_LIMIT < value < LIMIT:  # type: ignore[operator]
            return None
        if value < 0:  # type: ignore[operator]
            text = _MINUS + f"{-value:_}".replace("_", _GROUP)  # type: ignore[operator]
        else:
            text = f"{value:_}".replace("_", _GROUP)
        return text + _PADS[pad] if pad else text
    if kind is not Decimal:
        return None
    digits = str(value)
    if len(digits) > MAX_DIGITS or "E" in digits or "n" in digits or "N" in digits:
        return None  # exponents, NaN and Infinity take the general path
    # Without an exponent, format "f" writes the same digits as str(), grouped by threes,
    # and pads them to the places asked for (no rounding: a value with more places takes
    # the general path).
    if decimals is None:
        head, _, fraction = format(value, ",f").partition(".")
    else:
        point = digits.find(".")
        if point >= 0 and len(digits) - point - 1 > pad:
            return None  # rounding: the general path
        head, _, fraction = format(value, _SPECS[pad]).partition(".")
    text = (
        head.replace(",", _GROUP) + _DECIMAL + fraction if fraction else head.replace(",", _GROUP)
    )
    if text[0] == "-" and not (head.strip("-0,") or fraction.strip("0")):
        return text[1:]  # no -0
    return text if _MINUS == "-" else text.replace("-", _MINUS, 1)


def format_percent(
    value: NumberInput | float,
    *,
    decimals: int | None = 2,
    input_format: InputFormat = "vi",
    allow_float: bool = False,
) -> str:
    """Write a percentage (already in per cent) as ``47,67%``, with no space before ``%``.

    Rounds like :func:`format_number` (half away from zero) to ``decimals``
    places, 2 by default; ``decimals=None`` keeps the digits as given.

    >>> from decimal import Decimal
    >>> format_percent("47,67"), format_percent(50), format_percent(Decimal("269.4915"))
    ('47,67%', '50,00%', '269,49%')
    >>> format_percent("32,5", decimals=None)
    '32,5%'
    """
    return (
        format_number(value, decimals=decimals, input_format=input_format, allow_float=allow_float)
        + "%"
    )


def rate(
    actual: NumberInput,
    target: NumberInput,
    *,
    decimals: int = 2,
    rounding: str,
    input_format: InputFormat = "vi",
) -> Decimal:
    """``actual / target × 100``, rounded to ``decimals`` places with the mode you choose.

    There is no default ``rounding``: reports differ. The seed report truncates
    (1.341 of 2.257 is "59,41 %", 320 of 788 is "40,60 %"), which is
    ``decimal.ROUND_DOWN``; ``decimal.ROUND_HALF_UP`` gives 59,42 and 40,61.
    The division is exact (no float, no context precision), so the rounding
    mode alone decides the last digit.

    >>> import decimal
    >>> rate(320, 788, rounding=decimal.ROUND_DOWN), rate(320, 788, rounding=decimal.ROUND_HALF_UP)
    (Decimal('40.60'), Decimal('40.61'))
    >>> format_percent(rate("1.341", "2.257", rounding=decimal.ROUND_DOWN))
    '59,41%'
    >>> rate(5, 0, rounding=decimal.ROUND_DOWN)
    Traceback (most recent call last):
    ...
    baocao.ValidationError: target: 0 is zero; a rate needs a non-zero target
    """
    mode = check_rounding(rounding)
    places = _check_decimals(decimals)
    a_negative, a_integer, a_fraction = coerce(actual, input_format=input_format, path="actual")
    t_negative, t_integer, t_fraction = coerce(target, input_format=input_format, path="target")
    if not t_integer and not t_fraction.strip("0"):
        raise ValidationError(target, "is zero; a rate needs a non-zero target", path="target")
    numerator = int(f"{a_integer}{a_fraction}") * 10 ** len(t_fraction) * 100 * 10**places
    denominator = int(f"{t_integer}{t_fraction}") * 10 ** len(a_fraction)
    if a_negative != t_negative:
        numerator = -numerator
    scaled = round_ratio(numerator, denominator, mode)
    return Decimal(f"{scaled}E-{places}")


def format_date(value: _dt.date) -> str:
    """Write a date as Nghị định 30/2020 wants it in a document.

    The day gets a leading zero below 10, the month only when it is January or
    February (so that nobody can turn "1" into "11" or "12"). A
    ``datetime.datetime`` is written as its date::

        >>> import datetime
        >>> format_date(datetime.date(2020, 7, 3))
        'ngày 03 tháng 7 năm 2020'
        >>> format_date(datetime.date(2014, 1, 13))
        'ngày 13 tháng 01 năm 2014'
        >>> format_date(datetime.datetime(2024, 2, 29, 16, 30))
        'ngày 29 tháng 02 năm 2024'
    """
    if isinstance(value, _dt.datetime):
        value = value.date()
    if not isinstance(value, _dt.date):
        raise InvalidTypeError(value, "is not a datetime.date")
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"
