"""Writing numbers as Vietnamese words: numbers, percentages, amounts of đồng, ordinals.

The regional choices are the fields of :class:`Style`; the spelling itself is in
``_spoken``::

    >>> number_to_words(4607678000)
    'bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn'
    >>> money_to_words(4607678000, style="south")
    'Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng'

Values are ``int``, :class:`decimal.Decimal` or strings in a declared digit
format; binary floats are refused unless asked for, and nothing on the way
goes through a float. All functions are pure and thread-safe; the word tables
behind them are built once per :class:`Style` and cached.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from .._errors import InvalidTypeError, ValidationError
from .._lazy import publish
from ._fixes import FIX_ROUNDING
from ._inputs import INPUT_FORMATS, InputFormat, NumberInput, check_rounding, coerce, quantize
from ._spoken import TRILLION, read_int, read_parts, tables_for
from ._style import Style, nfc

__all__ = ["money_to_words", "number_to_words", "ordinal_to_words", "percent_to_words"]


def number_to_words(
    value: NumberInput | float,
    *,
    style: Style | str = "north",
    input_format: InputFormat = "vi",
    allow_float: bool = False,
) -> str:
    """Read a number in Vietnamese words.

    ``value`` is an ``int``, a :class:`decimal.Decimal` or a string in
    ``input_format`` (``"vi"``: ``4.607.678.000`` / ``-1.005,5``, ``"en"``:
    ``4,607,678,000.5``, ``"plain"``: ``4607678000.5``). A string that is not
    strictly in that format is an error, never a guess. A ``float`` is refused
    unless ``allow_float=True``, and is then read as its ``repr`` (0.1 is
    "không phẩy một"), never through binary rounding.

    >>> from decimal import Decimal
    >>> number_to_words(1001000)
    'một triệu không trăm linh một nghìn'
    >>> number_to_words(25), number_to_words(105), number_to_words(21), number_to_words(14)
    ('hai mươi lăm', 'một trăm linh năm', 'hai mươi mốt', 'mười bốn')
    >>> number_to_words("47,67")
    'bốn mươi bảy phẩy sáu mươi bảy'
    >>> number_to_words("2,05"), number_to_words("0,032")
    ('hai phẩy không năm', 'không phẩy không trăm ba mươi hai')
    >>> number_to_words(Decimal("-1005.5"), style="south")
    'âm một ngàn không trăm lẻ năm phẩy năm'
    >>> number_to_words(1234 * 10**9)
    'một nghìn hai trăm ba mươi tư tỷ'
    >>> number_to_words(1234 * 10**9, style=Style(large="group_scale"))
    'một nghìn tỷ hai trăm ba mươi tư tỷ'
    >>> number_to_words("1.00")
    Traceback (most recent call last):
    ...
    baocao.ValidationError: '1.00' is not a number in the 'vi' format (such as \
4.607.678.000 or -1.005,5); it is valid in the 'en' format: pass input_format='en'
    """
    t = tables_for(style)
    if type(value) is int and 0 <= value < TRILLION and input_format in INPUT_FORMATS:
        return read_int(value, t)
    return read_parts(*coerce(value, input_format=input_format, allow_float=allow_float), t)


def percent_to_words(
    value: NumberInput | float,
    *,
    style: Style | str = "north",
    input_format: InputFormat = "vi",
    allow_float: bool = False,
) -> str:
    """Read a percentage (the number is already in per cent) as "… phần trăm".

    >>> percent_to_words("47,67")
    'bốn mươi bảy phẩy sáu mươi bảy phần trăm'
    >>> percent_to_words(105, style="south")
    'một trăm lẻ năm phần trăm'
    """
    words = number_to_words(value, style=style, input_format=input_format, allow_float=allow_float)
    return f"{words} phần trăm"


_MONEY_ENDINGS: Final[Mapping[str | None, str]] = {
    None: " đồng",
    "chẵn": " đồng chẵn",
    "./.": " đồng./.",
    "chẵn./.": " đồng chẵn./.",
}


def money_to_words(
    amount: NumberInput,
    *,
    style: Style | str = "north",
    suffix: Literal["chẵn", "./.", "chẵn./."] | None = None,
    rounding: str | None = None,
    input_format: InputFormat = "vi",
) -> str:
    """Write an amount of Vietnamese đồng in words, in sentence case.

    ``suffix="chẵn"`` adds the customary "chẵn" (an exact amount); ``"./."`` and
    ``"chẵn./."`` add the closing mark some forms use. An amount that is not a
    whole number of đồng is an error unless ``rounding`` names a mode of the
    :mod:`decimal` module, e.g. ``decimal.ROUND_HALF_UP``.

    >>> import decimal
    >>> money_to_words(4607678000, style="south")
    'Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng'
    >>> money_to_words("1.005.000", suffix="chẵn")
    'Một triệu không trăm linh năm nghìn đồng chẵn'
    >>> money_to_words(-21000)
    'Âm hai mươi mốt nghìn đồng'
    >>> money_to_words("1.500,5", rounding=decimal.ROUND_HALF_UP)
    'Một nghìn năm trăm linh một đồng'
    """
    t = tables_for(style)
    key = nfc(suffix)
    ending = _MONEY_ENDINGS.get(key) if key is None or isinstance(key, str) else None
    if ending is None:
        error = ValidationError if isinstance(key, str) else InvalidTypeError
        raise error(suffix, "is not one of None, 'chẵn', './.', 'chẵn./.'", path="suffix")
    parts = coerce(amount, input_format=input_format)
    if parts[2].strip("0"):
        if rounding is None:
            raise ValidationError(
                amount,
                f"is not a whole number of đồng; {FIX_ROUNDING} to round it",
            )
        parts = quantize(parts, 0, check_rounding(rounding))
    elif rounding is not None:
        check_rounding(rounding)
    negative, integer, _ = parts
    words = read_parts(negative, integer, "", t) + ending
    return words[0].upper() + words[1:]


def ordinal_to_words(n: int, *, style: Style | str = "north") -> str:
    """Read an ordinal: thứ nhất, thứ hai, thứ ba, thứ tư, then *thứ* + the number.

    >>> [ordinal_to_words(i) for i in (1, 2, 4, 5, 14, 21, 24)]
    ['thứ nhất', 'thứ hai', 'thứ tư', 'thứ năm', 'thứ mười bốn', 'thứ hai mươi mốt', \
'thứ hai mươi tư']
    """
    t = tables_for(style)
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidTypeError(n, "is not an int")
    if n < 1:
        raise ValidationError(n, "is not a positive integer; ordinals start at 1 (thứ nhất)")
    if n == 1:
        return "thứ nhất"
    if n == 4:
        return "thứ tư"
    return "thứ " + read_int(coerce(n)[1], t)


publish(money_to_words, number_to_words, ordinal_to_words, percent_to_words)  # as baocao.X
