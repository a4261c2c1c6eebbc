"""Vietnamese numbers, amounts and percentages in words, and back.

The spelling follows the school-book and accounting conventions (docs/numbers.md
states them one by one): *mười*/*mươi*, *mốt* only after tens of 20 or more,
*tư* (or *bốn*) after *mươi*, *lăm* after *mười*/*mươi* but *năm* after
*linh*/*lẻ*, *linh*/*lẻ* for a zero tens digit after a hundreds word, *không
trăm* at the start of every group after the first, all-zero groups skipped.
The regional choices are the fields of :class:`Style`::

    >>> number_to_words(4607678000)
    'bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn'
    >>> money_to_words(4607678000, style="south")
    'Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng'
    >>> words_to_number("bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn")
    4607678000

Values are ``int``, :class:`decimal.Decimal` or strings in a declared digit
format; binary floats are refused unless asked for, and nothing on the way
goes through a float. All functions are pure and thread-safe; the word tables
behind them are built once per :class:`Style` and cached.
"""

from __future__ import annotations

import decimal
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any, ClassVar, Final, Literal, TypeAlias

import attrs

from .._errors import BaocaoError, InvalidTypeError, ValidationError

__all__ = [
    "PRESETS",
    "InputFormat",
    "LargeStyle",
    "NumberInput",
    "Style",
    "money_to_words",
    "number_to_words",
    "ordinal_to_words",
    "percent_to_words",
    "words_to_money",
    "words_to_number",
    "words_to_percent",
]

NumberInput: TypeAlias = int | Decimal | str
"""What the functions accept as a number: an ``int``, a ``Decimal`` or a string."""

InputFormat: TypeAlias = Literal["vi", "en", "plain"]
"""How a number given as a string is written: ``"vi"`` = ``4.607.678.000,5``,
``"en"`` = ``4,607,678,000.5``, ``"plain"`` = ``4607678000.5``."""

LargeStyle: TypeAlias = Literal["recursive", "group_scale"]
"""How numbers of 10¹² and more are read (see :class:`Style`)."""

# --------------------------------------------------------------------------- fixes

# What an error tells the caller to do, named once so that ``baocao words`` can say the
# same with its own options (``--input-format en``, ``--rounding half-up``, …).


def fix_input_format(input_format: str) -> str:
    return f"pass input_format={input_format!r}"


FIX_ROUNDING: Final = "pass rounding=decimal.ROUND_HALF_UP (or another decimal rounding mode)"
FIX_MONEY: Final = "use words_to_money() for an amount in đồng"
FIX_PERCENT: Final = "use words_to_percent() for a percentage"
FIX_LARGE: Final = "pass large='recursive' or large='group_scale'"
FIX_UNACCENTED: Final = "pass unaccented=True"

# --------------------------------------------------------------------------- style


def _nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _one_of(*allowed: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    shown = ", ".join(repr(a) for a in allowed)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, str) and value in allowed:
            return
        error = ValidationError if isinstance(value, str) else InvalidTypeError
        raise error(value, f"is not one of {shown}", path=attribute.name)

    return validate


def _is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError(value, "is not True or False", path=attribute.name)


@attrs.frozen(cache_hash=True)
class Style:
    """How to read numbers: one field per choice that Vietnamese usage leaves open.

    Every field has a fixed set of allowed values; anything else raises a
    :class:`~baocao.ValidationError` that names the field. The two presets are
    ``Style.NORTH`` (the default, the textbook and national norm) and
    ``Style.SOUTH``; every function also takes their names, ``"north"`` and
    ``"south"``.

    Attributes:
        odd: ``"linh"`` or ``"lẻ"``, said for a zero tens digit after a hundreds
            word: 105 một trăm linh năm / một trăm lẻ năm.
        thousand: ``"nghìn"`` or ``"ngàn"`` for 10³.
        billion: ``"tỷ"`` or ``"tỉ"`` for 10⁹ (the law writes *tỷ*).
        four_after_tens: ``"tư"`` or ``"bốn"`` for a final 4 after *mươi*:
            24 hai mươi tư / hai mươi bốn. After *mười* it is always *bốn*.
        four_after_odd: ``"bốn"`` (default) or ``"tư"`` after *linh*/*lẻ*:
            104 một trăm linh bốn / một trăm linh tư.
        large: ``"recursive"`` reads the part above 10⁹ as one number followed
            by *tỷ* (1.234.000.000.000 một nghìn hai trăm ba mươi tư tỷ);
            ``"group_scale"`` gives every 3-digit group its own label (một
            nghìn tỷ hai trăm ba mươi tư tỷ). Both agree below 10¹².
        negative: ``"âm"`` or ``"trừ"`` before a negative number.
        point: ``"phẩy"`` or ``"chấm"`` for the decimal comma.
        fraction: ``"number"`` reads the digits after the comma as a number,
            each leading zero as *không* (2,05 hai phẩy không năm; a 3-digit
            part with one leading zero as *không trăm …*: 0,032 không phẩy
            không trăm ba mươi hai); ``"digits"`` reads them one by one
            (3,1415 ba phẩy một bốn một năm).
        keep_trailing_zeros: read 47,60 as written (… phẩy sáu mươi) instead of
            as 47,6 (… phẩy sáu, the textbook reading).

    >>> Style.SOUTH
    Style(odd='lẻ', thousand='ngàn', billion='tỷ', four_after_tens='tư', ...)
    >>> Style.preset("north") == Style()
    True
    >>> Style.NORTH.replace(large="group_scale").large
    'group_scale'
    >>> Style(odd="le")
    Traceback (most recent call last):
    ...
    baocao.ValidationError: odd: 'le' is not one of 'linh', 'lẻ'
    """

    NORTH: ClassVar[Style]
    SOUTH: ClassVar[Style]

    odd: Literal["linh", "lẻ"] = attrs.field(
        default="linh", converter=_nfc, validator=_one_of("linh", "lẻ")
    )
    thousand: Literal["nghìn", "ngàn"] = attrs.field(
        default="nghìn", converter=_nfc, validator=_one_of("nghìn", "ngàn")
    )
    billion: Literal["tỷ", "tỉ"] = attrs.field(
        default="tỷ", converter=_nfc, validator=_one_of("tỷ", "tỉ")
    )
    four_after_tens: Literal["tư", "bốn"] = attrs.field(
        default="tư", converter=_nfc, validator=_one_of("tư", "bốn")
    )
    four_after_odd: Literal["bốn", "tư"] = attrs.field(
        default="bốn", converter=_nfc, validator=_one_of("bốn", "tư")
    )
    large: LargeStyle = attrs.field(
        default="recursive", validator=_one_of("recursive", "group_scale")
    )
    negative: Literal["âm", "trừ"] = attrs.field(
        default="âm", converter=_nfc, validator=_one_of("âm", "trừ")
    )
    point: Literal["phẩy", "chấm"] = attrs.field(
        default="phẩy", converter=_nfc, validator=_one_of("phẩy", "chấm")
    )
    fraction: Literal["number", "digits"] = attrs.field(
        default="number", validator=_one_of("number", "digits")
    )
    keep_trailing_zeros: bool = attrs.field(default=False, validator=_is_bool)

    @classmethod
    def preset(cls, name: str) -> Style:
        """The preset called ``name`` (``"north"`` or ``"south"``)."""
        try:
            return PRESETS[name]
        except (KeyError, TypeError):
            raise _unknown_preset(name) from None

    def replace(self, **changes: Any) -> Style:
        """A copy with some fields changed (validated like a new style)."""
        return attrs.evolve(self, **changes)


Style.NORTH = Style()
Style.SOUTH = Style(odd="lẻ", thousand="ngàn")

PRESETS: Final[Mapping[str, Style]] = MappingProxyType({"north": Style.NORTH, "south": Style.SOUTH})
"""The named styles: ``north`` = linh · nghìn · tỷ · tư, ``south`` = lẻ · ngàn · tỷ · tư."""


def _unknown_preset(name: object) -> ValidationError:
    shown = ", ".join(repr(n) for n in PRESETS)
    if isinstance(name, str):
        return ValidationError(
            name, f"is not a style preset; expected one of {shown}", path="style"
        )
    return InvalidTypeError(name, f"is not a Style or a preset name ({shown})", path="style")


# --------------------------------------------------------------------------- tables

_DIGITS: Final = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_TRILLION: Final = 10**12
_MAX_DIGITS: Final = 4300  # the same bound as CPython's int/str conversion limit
_LIMIT: Final = 10**_MAX_DIGITS


def _group_words(n: int, *, full: bool, style: Style) -> str:
    """Read one 3-digit group. ``full``: not the first group, so a zero hundreds is read."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    said_hundreds = full or hundreds > 0
    if said_hundreds:
        words += (_DIGITS[hundreds], "trăm")
    if tens == 0:
        if units:
            if said_hundreds:
                words += (style.odd, style.four_after_odd if units == 4 else _DIGITS[units])
            else:
                words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += (_DIGITS[tens], "mươi")
        if units == 1:
            words.append("mốt")
        elif units == 4:
            words.append(style.four_after_tens)
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(_DIGITS[units])
    return " ".join(words)


class _Tables:
    """Precomputed readings of the 1,000 groups for one style.

    ``lead[g]`` is the first group of a number (no *không trăm*), ``full[g]``
    any later group. ``lk``/``lm``/``lb`` are first groups followed by their
    scale word, ``fu``/``fk``/``fm`` later groups with a leading space and their
    scale word, empty for an all-zero group.
    """

    __slots__ = (
        "billion",
        "fk",
        "fm",
        "fraction_digits",
        "fu",
        "full",
        "keep",
        "lb",
        "lead",
        "lk",
        "lm",
        "negative",
        "point",
        "recursive",
        "style",
        "thousand",
    )

    def __init__(self, style: Style) -> None:
        self.style = style
        self.thousand: str = style.thousand
        self.billion: str = style.billion
        self.negative: str = style.negative
        self.point: str = style.point
        self.recursive = style.large == "recursive"
        self.fraction_digits = style.fraction == "digits"
        self.keep = style.keep_trailing_zeros
        lead = tuple(_group_words(g, full=False, style=style) for g in range(1000))
        full = tuple(_group_words(g, full=True, style=style) for g in range(1000))
        self.lead: tuple[str, ...] = ("không", *lead[1:])
        self.full: tuple[str, ...] = full
        k, b = f" {style.thousand}", f" {style.billion}"
        self.lk = tuple(w + k for w in lead)
        self.lm = tuple(w + " triệu" for w in lead)
        self.lb = tuple(w + b for w in lead)
        self.fu = ("", *(" " + w for w in full[1:]))
        self.fk = ("", *(" " + w + k for w in full[1:]))
        self.fm = ("", *(" " + w + " triệu" for w in full[1:]))


@lru_cache(maxsize=64)
def _tables_for_style(style: Style) -> _Tables:
    return _Tables(style)


_NAMED_TABLES: dict[str, _Tables] = {}


def _tables(style: object) -> _Tables:
    if type(style) is str:
        tables = _NAMED_TABLES.get(style)
        if tables is None:
            tables = _tables_for_style(Style.preset(style))
            _NAMED_TABLES[style] = tables
        return tables
    if isinstance(style, Style):
        return _tables_for_style(style)
    raise _unknown_preset(style)


# --------------------------------------------------------------------------- reading


def _read_int(n: int, t: _Tables) -> str:
    """Read ``0 <= n < 10**4300``; the common case (< 10¹²) is four table look-ups."""
    if n < 1000:
        return t.lead[n]
    q, r0 = divmod(n, 1000)
    if q < 1000:
        return t.lk[q] + t.fu[r0]
    q, r1 = divmod(q, 1000)
    if q < 1000:
        return t.lm[q] + t.fk[r1] + t.fu[r0]
    q, r2 = divmod(q, 1000)
    if q < 1000:
        return t.lb[q] + t.fm[r2] + t.fk[r1] + t.fu[r0]
    return _read_large(n, t)


def _read_large(n: int, t: _Tables) -> str:
    groups: list[int] = []  # lowest first
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    top = len(groups) - 1
    lower_scale = ("", t.thousand, "triệu")
    parts: list[str] = []
    for k in range(top, -1, -1):
        g = groups[k]
        level, position = divmod(k, 3)
        if g:
            parts.append(t.lead[g] if k == top else t.full[g])
            if position:
                parts.append(lower_scale[position])
            if not t.recursive:
                parts.extend([t.billion] * level)
        if t.recursive and level and not position:
            # N = A·10⁹ + B is read "A tỷ B": the tỷ closes every level, even an empty one.
            parts.append(t.billion)
    return " ".join(parts)


def _read_fraction(digits: str, t: _Tables) -> str:
    if t.fraction_digits:
        return " ".join(_DIGITS[int(c)] for c in digits)
    rest = digits.lstrip("0")
    zeros = len(digits) - len(rest)
    if not rest:
        return " ".join(["không"] * zeros)
    if len(digits) == 3 and zeros == 1:
        return t.full[int(digits)]  # 0,032: không phẩy không trăm ba mươi hai
    return "không " * zeros + _read_int(int(rest), t)


def _render(negative: bool, integer: int, fraction: str, t: _Tables) -> str:
    if not t.keep:
        fraction = fraction.rstrip("0")
    words = _read_int(integer, t)
    if fraction:
        words = f"{words} {t.point} {_read_fraction(fraction, t)}"
    if negative and (integer or fraction.strip("0")):
        words = f"{t.negative} {words}"
    return words


# --------------------------------------------------------------------------- inputs

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
        return f"<an int of more than {_MAX_DIGITS} digits>"


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
    if len(integer) > _MAX_DIGITS or len(fraction) > _MAX_DIGITS:
        raise ValidationError(text, f"has more than {_MAX_DIGITS} digits", path=path)
    return match["sign"] is not None, int(integer), fraction


def _decimal_parts(value: Decimal, original: object, path: str) -> Parts:
    if not value.is_finite():
        raise ValidationError(original, "is not a finite number", path=path)
    sign, digit_tuple, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    if len(digit_tuple) + max(exponent, 0) > _MAX_DIGITS or -exponent > _MAX_DIGITS:
        raise ValidationError(original, f"has more than {_MAX_DIGITS} digits", path=path)
    digits = "".join(map(str, digit_tuple))
    if exponent >= 0:
        return bool(sign), int(digits) * 10**exponent, ""
    places = -exponent
    digits = digits.rjust(places + 1, "0")
    return bool(sign), int(digits[:-places]), digits[-places:]


def _coerce(
    value: object, *, input_format: str = "vi", allow_float: bool = False, path: str = ""
) -> Parts:
    """Split a number into sign, integer part and fraction digits, exactly."""
    _check_input_format(input_format)
    if isinstance(value, bool):
        raise InvalidTypeError(value, "is a bool, not a number", path=path)
    if isinstance(value, int):
        n = int(value)
        if not -_LIMIT < n < _LIMIT:
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


def _parts_to_decimal(parts: Parts) -> Decimal:
    """The exact Decimal of ``parts``, with the fraction digits as written."""
    negative, integer, fraction = parts
    sign = "-" if negative else ""
    return Decimal(f"{sign}{integer}.{fraction}" if fraction else f"{sign}{integer}")


def _check_rounding(rounding: object) -> str:
    if rounding in _ROUNDING_MODES:
        return rounding
    error = ValidationError if isinstance(rounding, str) else InvalidTypeError
    raise error(
        rounding,
        "is not a rounding mode of the decimal module (e.g. decimal.ROUND_HALF_UP)",
        path="rounding",
    )


def _round_ratio(numerator: int, denominator: int, rounding: str) -> int:
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


def _quantize(parts: Parts, places: int, rounding: str) -> Parts:
    """Round to exactly ``places`` digits after the comma (pads with zeros)."""
    negative, integer, fraction = parts
    if len(fraction) <= places:
        return negative, integer, fraction.ljust(places, "0")
    # Built arithmetically: each part has at most 4300 digits, their joined string may not.
    numerator = (integer * 10 ** len(fraction) + int(fraction)) * (-1 if negative else 1)
    scaled = _round_ratio(numerator, 10 ** (len(fraction) - places), rounding)
    whole, part = divmod(abs(scaled), 10**places)
    return scaled < 0, whole, str(part).rjust(places, "0") if places else ""


# --------------------------------------------------------------------------- public API


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
    t = _tables(style)
    if type(value) is int and 0 <= value < _TRILLION and input_format in INPUT_FORMATS:
        return _read_int(value, t)
    return _render(*_coerce(value, input_format=input_format, allow_float=allow_float), t)


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
    t = _tables(style)
    key = _nfc(suffix)
    ending = _MONEY_ENDINGS.get(key) if key is None or isinstance(key, str) else None
    if ending is None:
        error = ValidationError if isinstance(key, str) else InvalidTypeError
        raise error(suffix, "is not one of None, 'chẵn', './.', 'chẵn./.'", path="suffix")
    parts = _coerce(amount, input_format=input_format)
    if parts[2].strip("0"):
        if rounding is None:
            raise ValidationError(
                amount,
                f"is not a whole number of đồng; {FIX_ROUNDING} to round it",
            )
        parts = _quantize(parts, 0, _check_rounding(rounding))
    elif rounding is not None:
        _check_rounding(rounding)
    negative, integer, _ = parts
    words = _render(negative, integer, "", t) + ending
    return words[0].upper() + words[1:]


def ordinal_to_words(n: int, *, style: Style | str = "north") -> str:
    """Read an ordinal: thứ nhất, thứ hai, thứ ba, thứ tư, then *thứ* + the number.

    >>> [ordinal_to_words(i) for i in (1, 2, 4, 5, 14, 21, 24)]
    ['thứ nhất', 'thứ hai', 'thứ tư', 'thứ năm', 'thứ mười bốn', 'thứ hai mươi mốt', \
'thứ hai mươi tư']
    """
    t = _tables(style)
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidTypeError(n, "is not an int")
    if n < 1:
        raise ValidationError(n, "is not a positive integer; ordinals start at 1 (thứ nhất)")
    if n == 1:
        return "thứ nhất"
    if n == 4:
        return "thứ tư"
    return "thứ " + _read_int(_coerce(n)[1], t)


# --------------------------------------------------------------------------- words → number

_CANONICAL: Final = {"lẻ": "linh", "ngàn": "nghìn", "tỉ": "tỷ", "trừ": "âm", "chấm": "phẩy"}
_DIGIT_VALUE: Final = {w: i for i, w in enumerate(_DIGITS)}
_UNIT_VALUE: Final = {**{w: i for i, w in enumerate(_DIGITS) if i}, "mốt": 1, "lăm": 5}
_SCALE_VALUE: Final = {"nghìn": 1000, "triệu": 10**6, "tỷ": 10**9}
_UNIT_WORDS: Final = {
    "đồng": FIX_MONEY,
    "chẵn": FIX_MONEY,
    "đ": FIX_MONEY,
    "vnđ": FIX_MONEY,
    "vnd": FIX_MONEY,
    "phần": FIX_PERCENT,
    "%": FIX_PERCENT,
}
_NOT_WRITTEN: Final = {
    "chục": "is spoken; documents write 'mươi' (hai mươi) or 'mười'",
    "nhăm": "is spoken; documents write 'lăm' (hai mươi lăm)",
    "hăm": "is spoken; documents write 'hai mươi'",
    "băm": "is spoken; documents write 'ba mươi'",
    "rưỡi": "(a half) is spoken; documents write the number in full",
    "lẽ": "is a misspelling of 'lẻ'",
    "muời": "is a misspelling of 'mười'",
    "bẩy": "is a spoken spelling; documents write 'bảy'",
}
_CANONICAL_STYLES: Final = {
    (large, fraction): Style(
        four_after_tens="bốn",
        four_after_odd="bốn",
        keep_trailing_zeros=True,
        large=large,
        fraction=fraction,
    )
    for large in ("recursive", "group_scale")
    for fraction in ("number", "digits")
}


class _WordError(Exception):
    def __init__(self, index: int, reason: str) -> None:
        super().__init__(reason)
        self.index = index
        self.reason = reason


def _parse_group(words: list[str], j: int, offset: int) -> tuple[int, int]:
    """Read one group (0–999) starting at ``words[j]``; return its value and the next index."""

    def at(k: int) -> str | None:
        return words[k] if k < len(words) else None

    start, value, hundreds = j, 0, False
    if at(j) in _DIGIT_VALUE and at(j + 1) == "trăm":
        value, j, hundreds = _DIGIT_VALUE[words[j]] * 100, j + 2, True
    word = at(j)
    if word == "linh":
        if not hundreds:
            raise _WordError(
                offset + j, "can only follow 'trăm' (after a scale word, write 'không trăm linh …')"
            )
        unit = at(j + 1)
        if unit is None or unit not in _UNIT_VALUE:
            raise _WordError(offset + j, "must be followed by a digit from một to chín")
        value, j = value + _UNIT_VALUE[unit], j + 2
    elif word == "mười":
        value, j = value + 10, j + 1
        if at(j) in _UNIT_VALUE:
            value, j = value + _UNIT_VALUE[words[j]], j + 1
    elif word in _DIGIT_VALUE and at(j + 1) == "mươi":
        value, j = value + 10 * _DIGIT_VALUE[word], j + 2
        if at(j) in _UNIT_VALUE:
            value, j = value + _UNIT_VALUE[words[j]], j + 1
    elif word in _DIGIT_VALUE:
        value, j = value + _DIGIT_VALUE[word], j + 1
    if j == start and word == "tư":
        raise _WordError(offset + j, "is only said after 'mươi' or 'linh' (4 is 'bốn')")
    if j == start:
        raise _WordError(offset + j, "is not a number word here")
    return value, j


def _eval_int(words: list[str], offset: int, large: str) -> int:
    items: list[tuple[int, list[int]]] = []
    j = 0
    while j < len(words):
        if words[j] in _SCALE_VALUE:
            if not items:
                raise _WordError(offset + j, "has no number before it")
            items[-1][1].append(_SCALE_VALUE[words[j]])
            j += 1
        else:
            if items and not items[-1][1]:
                if words[j] == "tư":
                    raise _WordError(
                        offset + j, "is only said after 'mươi' or 'linh' (14 is 'mười bốn')"
                    )
                raise _WordError(offset + j, "does not fit after the words before it")
            group, j = _parse_group(words, j, offset)
            items.append((group, []))
    total = 0
    if large == "recursive":
        below_billion = 0
        for group, scales in items:
            pending = group
            for scale in scales:
                if scale == 10**9:
                    total = (total + below_billion + pending) * scale
                    below_billion = pending = 0
                else:
                    below_billion += pending * scale
                    pending = 0
            below_billion += pending
            if total >= _LIMIT:
                raise _WordError(offset + len(words) - 1, "makes the number too large")
        total += below_billion
    else:
        for group, scales in items:
            if len(scales) > _MAX_DIGITS // 9:
                raise _WordError(offset + len(words) - 1, "makes the number too large")
            total += group * math.prod(scales)
    if total >= _LIMIT:
        raise _WordError(offset + len(words) - 1, "makes the number too large")
    return total


def _eval_fraction(words: list[str], offset: int, large: str) -> str:
    if all(w in _DIGIT_VALUE for w in words):
        return "".join(str(_DIGIT_VALUE[w]) for w in words)
    zeros = 0
    while words[zeros] == "không" and words[zeros + 1] != "trăm":
        zeros += 1
    rest = words[zeros:]
    value = _eval_int(rest, offset + zeros, large)
    width = 3 if rest[:2] == ["không", "trăm"] else 0
    return "0" * zeros + str(value).rjust(width, "0")


def _evaluate(words: list[str], large: str) -> tuple[bool, int, str | None]:
    negative = words[0] == "âm"
    start = 1 if negative else 0
    points = [k for k, w in enumerate(words) if w == "phẩy"]
    if len(points) > 1:
        raise _WordError(points[1], "appears twice")
    end = points[0] if points else len(words)
    if end == start:
        if points:
            raise _WordError(end, "has no number before it")
        raise _WordError(start - 1, "is not followed by a number")
    integer = _eval_int(words[start:end], start, large)
    if not points:
        return negative, integer, None
    if end + 1 == len(words):
        raise _WordError(end, "is not followed by the digits after the comma")
    return negative, integer, _eval_fraction(words[end + 1 :], end + 1, large)


def _parse_words(
    words: Sequence[str],
    text: str,
    large: object,
    *,
    display: Sequence[str] | None = None,
    positions: Sequence[int] | None = None,
) -> int | Decimal:
    """Read ``words`` (the number part of ``text``); ``text`` is only for the messages.

    ``display`` are the words as the text writes them (when ``words`` had their accents
    restored) and ``positions`` their word numbers in ``text`` (when something comes
    before the number), both for the messages only.
    """
    _check_large(large)
    shown_words = words if display is None else display
    where = range(1, len(words) + 1) if positions is None else positions
    if not words:
        raise ValidationError(text, "is empty; expected a number in words")
    lowered = [w.lower() for w in words]
    for k, word in enumerate(lowered):
        if word in _UNIT_WORDS:
            reason = f"contains the unit word {shown_words[k]!r}, which is not part of a number"
            raise ValidationError(text, f"{reason}; {_UNIT_WORDS[word]}")
        if word in _NOT_WRITTEN:
            reason = f"word {where[k]}, {shown_words[k]!r}, {_NOT_WRITTEN[word]}"
            raise ValidationError(text, f"is not a number in words: {reason}")
    canonical: list[str] = []
    shown: dict[str, str] = {}  # canonical word → the variant the text uses, for messages
    for word in lowered:
        canon = _CANONICAL.get(word, word)
        if canon == "tư" and canonical and canonical[-1] in ("mươi", "linh"):
            canon = "bốn"
        if canon != word and canon != "bốn":  # "bốn" is also right after mười
            shown[canon] = word
        canonical.append(canon)
    if shown.get("nghìn") == "ngàn":
        shown.setdefault("linh", "lẻ")

    candidates: tuple[str, ...] = ("recursive", "group_scale") if large is None else (str(large),)
    readings: dict[str, int | Decimal] = {}
    best: tuple[int, str] = (-1, "")
    for candidate in candidates:
        try:
            negative, integer, fraction = _evaluate(canonical, candidate)
        except _WordError as exc:
            if exc.index > best[0]:
                best = (
                    exc.index,
                    f"cannot place word {where[exc.index]}, {shown_words[exc.index]!r}: "
                    f"it {exc.reason}",
                )
            continue
        modes = ("number",) if fraction is None else ("number", "digits")
        for mode in modes:
            t = _tables_for_style(_CANONICAL_STYLES[(candidate, mode)])
            expected = _render(negative, integer, fraction or "", t).split()
            mismatch = next(
                (k for k, (a, b) in enumerate(zip(canonical, expected, strict=False)) if a != b),
                min(len(canonical), len(expected)),
            )
            if mismatch == len(canonical) == len(expected):
                if fraction is None:
                    readings[candidate] = -integer if negative else integer
                else:
                    readings[candidate] = _parts_to_decimal((negative, integer, fraction))
                break
            if mismatch >= best[0]:
                if mismatch < len(canonical):
                    want = (
                        f"; expected {shown.get(expected[mismatch], expected[mismatch])!r}"
                        if mismatch < len(expected)
                        else "; the number ends before it"
                    )
                    best = (
                        mismatch,
                        f"word {where[mismatch]}, {shown_words[mismatch]!r}, "
                        f"is not where it belongs{want}",
                    )
                else:
                    missing = shown.get(expected[mismatch], expected[mismatch])
                    best = (
                        mismatch,
                        f"ends too early; expected {missing!r} after word {where[-1]}, "
                        f"{shown_words[-1]!r}",
                    )
    values = set(readings.values())
    if len(values) == 1:
        value = values.pop()
        if isinstance(value, Decimal) and canonical[-1] in _SCALE_VALUE:
            # "một phẩy năm triệu": 1,5000000 as the textbook reads the digits after the
            # comma, but 1,5 triệu (1.500.000) as the press writes it. Refused, not guessed.
            scale = shown_words[-1]
            raise ValidationError(
                text,
                f"is ambiguous: read as digits after the comma it is {_vi_digits(value)}, but "
                f"a decimal number followed by {scale!r} can also mean that many {scale!r} "
                "('một phẩy năm triệu' is 1.500.000 in the press); write the number in full, "
                "or the digits after the comma without a scale word",
            )
        return value
    if len(values) > 1:
        raise ValidationError(
            text,
            f"is ambiguous: it reads {_vi_digits(readings['recursive'])} in the recursive style "
            f"and {_vi_digits(readings['group_scale'])} in the group-scale style; "
            f"{FIX_LARGE}",
        )
    raise ValidationError(text, f"is not a number in words: {best[1]}")


_LARGE_STYLES: Final = (None, "recursive", "group_scale")


def _check_large(large: object) -> None:
    if large not in _LARGE_STYLES:
        error = ValidationError if isinstance(large, str) else InvalidTypeError
        raise error(large, "is not one of None, 'recursive', 'group_scale'", path="large")


def _vi_digits(value: int | Decimal) -> str:
    return f"{value:,}".translate(str.maketrans(",.", ".,"))


def _split_text(text: object) -> tuple[str, list[str]]:
    if not isinstance(text, str):
        raise InvalidTypeError(text, "is not a string")
    normalized = unicodedata.normalize("NFC", text)
    return normalized, normalized.split()


# --------------------------------------------------------------------------- the fast path

# Every number below 10¹² written out in full is a first group, then up to three later
# groups, each closed by a smaller scale word than the one before. The readings of the
# 1,000 groups (first and later forms, every accepted variant: linh/lẻ, tư/bốn) are keys
# of two dicts, so a text as documents usually write it (NFC, lower case but perhaps its
# first letter, single spaces) is read with at most three ``str.partition`` calls and four
# look-ups. Anything else — other spacing or case, decimals, numbers of 10¹² and more, and
# every text with a mistake — goes to the full reader above, which gives the same values
# and the messages.


def _fast_groups() -> tuple[dict[str, int], dict[str, int]]:
    lead: dict[str, int] = {}
    full: dict[str, int] = {}
    for odd in ("linh", "lẻ"):
        for four in ("tư", "bốn"):
            style = Style(odd=odd, four_after_tens=four, four_after_odd=four)
            for g in range(1, 1000):
                words = _group_words(g, full=False, style=style)
                lead[words] = lead[words[0].upper() + words[1:]] = g
                full[_group_words(g, full=True, style=style)] = g
    return lead, full


_FAST_LEAD, _FAST_FULL = _fast_groups()
_FAST_SCALES: Final = (
    ((" tỷ", " tỉ"), 10**9),
    ((" triệu",), 10**6),
    ((" nghìn", " ngàn"), 1000),
)
_FAST_NEGATIVE: Final = ("âm ", "Âm ", "trừ ", "Trừ ")


def _fast_read(text: str) -> int | None:
    """The value of ``text`` if it is an integer below 10¹² in full words, written in NFC
    and lower case (but perhaps its first letter) with single spaces; else ``None``."""
    negative = text.startswith(_FAST_NEGATIVE)
    if negative:
        text = text[text.index(" ") + 1 :]
    total = 0
    table = _FAST_LEAD
    for marks, factor in _FAST_SCALES:
        for mark in marks:
            head, found, tail = text.partition(mark)
            if found:
                break
        else:
            continue
        value = table.get(head)
        if value is None:
            return None
        total += value * factor
        if not tail:
            return -total if negative else total
        if tail[0] != " ":
            return None
        text = tail[1:]
        table = _FAST_FULL
    value = table.get(text)
    if value is None:
        if text in ("không", "Không") and table is _FAST_LEAD and not negative:
            return 0
        return None
    total += value
    return -total if negative else total


# --------------------------------------------------------------------------- unaccented text

_DIGIT_WORDS: Final = frozenset(_DIGITS[2:])
_UNACCENTED_NUMBER: Final = {
    "khong": "không",
    "mot": "một",
    "bon": "bốn",
    "nam": "năm",
    "sau": "sáu",
    "bay": "bảy",
    "tam": "tám",
    "chin": "chín",
    "lam": "lăm",
    "tu": "tư",
    "tram": "trăm",
    "le": "lẻ",
    "nghin": "nghìn",
    "ngan": "ngàn",
    "trieu": "triệu",
    "ty": "tỷ",
    "ti": "tỉ",
    "am": "âm",
    "tru": "trừ",
    "phay": "phẩy",
    "cham": "chấm",
    "dong": "đồng",
    "chan": "chẵn",
}
_UNACCENTED_OTHER: Final = {
    "dong": "đồng",
    "chan": "chẵn",
    "viet": "việt",
    "bang": "bằng",
    "chu": "chữ",
    "so": "số",
    "tien": "tiền",
}


_UNACCENTED: Final = frozenset({*_UNACCENTED_NUMBER, *_UNACCENTED_OTHER, "muoi", "mot"})


def _restore_accents(words: Sequence[str]) -> list[str]:
    """Put the diacritics back on number words written without them ("mot tram").

    Only words written entirely in ASCII are changed; each has one accented form, except
    *muoi* (*mươi* right after a digit word, *mười* anywhere else) and *mot* (*mốt* right
    after *mươi*, *một* anywhere else). These are the only places each form can stand in
    a number written in full, so the result is the one text that could have been meant,
    and it is then read as strictly as any other.
    """
    restored: list[str] = []
    for word in words:
        lower = word.lower()
        if lower.isascii():
            if lower == "muoi":
                lower = "mươi" if restored and restored[-1] in _DIGIT_WORDS else "mười"
            elif lower == "mot":
                lower = "mốt" if restored and restored[-1] == "mươi" else "một"
            else:
                lower = _UNACCENTED_NUMBER.get(lower, lower)
        restored.append(lower)
    return restored


# --------------------------------------------------------------------------- public readers


def words_to_number(
    text: str, *, large: LargeStyle | None = None, unaccented: bool = False
) -> int | Decimal:
    """Read a number written in Vietnamese words: the inverse of :func:`number_to_words`.

    Every variant of :class:`Style` is accepted (linh/lẻ, nghìn/ngàn, tỷ/tỉ,
    tư/bốn, âm/trừ, phẩy/chấm), in any case, NFC or NFD, with any spacing. The
    text must be a number as it is written out in full: "một nghìn lẻ năm"
    (without *không trăm*) or "hai mươi năm" (instead of *lăm*) are refused
    with a message that names the word. The result is an ``int``, or a
    ``Decimal`` when there is a *phẩy* (with the digits as read: "phẩy sáu
    mươi" gives ``…60``).

    From 10¹² up the two ``large`` styles can read the same words as different
    numbers: *một nghìn tỷ hai trăm ba mươi tư tỷ* is 1.234·10¹² in the
    group-scale style and 10²¹ + 234·10⁹ in the recursive one. By default both
    are tried and such a text is refused as ambiguous unless ``large`` says
    which. Recursive readings of numbers below 10²¹ are never ambiguous; a
    group-scale reading is whenever more than one of its groups is labelled
    with *tỷ*.

    ``unaccented=True`` also reads words written without diacritics ("mot tram
    hai muoi mot"), each restored to the one form that can stand where it is;
    words that carry diacritics must still be spelled right. Without it such
    words are refused.

    Unit words are not part of a number: use :func:`words_to_money` and
    :func:`words_to_percent` for "… đồng" and "… phần trăm".

    >>> words_to_number("Một nghìn không trăm lẻ năm")
    1005
    >>> words_to_number("âm bốn mươi bảy phẩy sáu mươi bảy")
    Decimal('-47.67')
    >>> words_to_number("một nghìn hai trăm ba mươi tư tỉ")
    1234000000000
    >>> words_to_number("mot tram hai muoi mot", unaccented=True)
    121
    >>> words_to_number("hai mươi năm")
    Traceback (most recent call last):
    ...
    baocao.ValidationError: 'hai mươi năm' is not a number in words: word 3, 'năm', \
is not where it belongs; expected 'lăm'
    """
    if type(text) is str and large in _LARGE_STYLES and unaccented is False:
        value = _fast_read(text)
        if value is not None:
            return value
    _check_unaccented(unaccented)
    normalized, words = _split_text(text)
    if unaccented:
        return _parse_words(_restore_accents(words), normalized, large, display=words)
    try:
        return _parse_words(words, normalized, large)
    except ValidationError:
        _refuse_unaccented(
            words, normalized, lambda: _parse_words(_restore_accents(words), normalized, large)
        )
        raise


def _check_unaccented(unaccented: object) -> None:
    if not isinstance(unaccented, bool):
        raise InvalidTypeError(unaccented, "is not True or False", path="unaccented")


def _refuse_unaccented(words: Sequence[str], text: str, read: Callable[[], object]) -> None:
    """Raise a clear error if ``text`` reads once its accents are restored."""
    bare = [word.strip("():,./") for word in words]
    changed = next((k for k, word in enumerate(bare) if word.lower() in _UNACCENTED), None)
    if changed is None:
        return
    try:
        read()
    except BaocaoError:
        return
    raise ValidationError(
        text,
        f"is written without diacritics (word {changed + 1}, {bare[changed]!r}); "
        f"{FIX_UNACCENTED} to read it",
    )


# --------------------------------------------------------------------------- amounts

_AMOUNT_UNITS: Final = (
    ("việt", "nam", "đồng"),
    ("đồng", "việt", "nam"),
    ("đồng",),
    ("vnđ",),
    ("vnd",),
    ("đ",),
)
_AMOUNT_UNIT_WORDS: Final = frozenset({"đồng", "vnđ", "vnd", "đ", "chẵn"})
_AMOUNT_LABELS: Final = (
    ("số", "tiền", "viết", "bằng", "chữ"),
    ("số", "tiền", "bằng", "chữ"),
    ("viết", "bằng", "chữ"),
    ("bằng", "chữ"),
)
_AMOUNT_ENDINGS: Final = (
    "'đồng', 'Việt Nam đồng', 'đồng Việt Nam', 'VNĐ', 'VND' or 'đ' (then optionally "
    "'chẵn'), or 'chẵn'"
)
_SCALE_RANK: Final = {"nghìn": 1, "ngàn": 1, "triệu": 2, "tỷ": 3, "tỉ": 3}


def _amount_key(word: str, unaccented: bool) -> str:
    lower = word.lower()
    if unaccented and lower.isascii():
        return _UNACCENTED_OTHER.get(lower, lower)
    return lower


def _read_amount(text: object, large: object, unaccented: bool) -> int:
    normalized, tokens = _split_text(text)

    def refuse(reason: str) -> ValidationError:
        return ValidationError(normalized, reason)

    # (position, word) pairs; positions are word numbers in the text, for the messages
    words = [(k + 1, w) for k, w in enumerate(tokens)]
    if not words:
        raise refuse("is empty; expected an amount in words such as 'Một trăm nghìn đồng'")

    # a closing full stop, after the parenthesis or inside it
    def strip_stop() -> None:
        position, last = words[-1]
        for stop in ("./.", "."):
            if last.endswith(stop):
                words[-1] = (position, last[: -len(stop)])
                break

    strip_stop()
    first, last = words[0][1], words[-1][1]
    if first.startswith("("):
        if not last.endswith(")"):
            raise refuse(
                f"opens a parenthesis at word 1, {first!r}, and does not close it at the end"
            )
        words[0] = (words[0][0], words[0][1][1:])
        words[-1] = (words[-1][0], words[-1][1][:-1])
        strip_stop()
    words = [(p, w) for p, w in words if w]
    for position, word in words:
        if "(" in word or ")" in word:
            raise refuse(
                f"has a parenthesis in word {position}, {word!r}; only the whole amount "
                "may be in parentheses"
            )
    keys = [_amount_key(w, unaccented) for _, w in words]

    # a label: "Bằng chữ:", "Số tiền (viết) bằng chữ:"
    for label in _AMOUNT_LABELS:
        n = len(label)
        head = [_amount_key(w.rstrip(":"), unaccented) for _, w in words[:n]]
        if head == list(label):
            skip = n + 1 if len(keys) > n and keys[n] == ":" else n
            words, keys = words[skip:], keys[skip:]
            break

    # commas between groups, kept aside and checked once the number is known
    commas: list[int] = []  # indexes (in words) of the words a comma follows
    cleaned: list[tuple[int, str]] = []
    for position, word in words:
        if word == ",":
            if not cleaned:
                raise refuse(f"has a comma at word {position} before any number")
            commas.append(len(cleaned) - 1)
            continue
        if word.endswith(","):
            commas.append(len(cleaned))
            word = word[:-1]
        cleaned.append((position, word))
    words = cleaned
    keys = [_amount_key(w, unaccented) for _, w in words]
    if not words:
        raise refuse("has no amount in words")

    # the unit at the end: "đồng", "Việt Nam đồng", "VNĐ"…, then "chẵn"; or "chẵn" alone
    end = len(words)
    chan = keys[-1] == "chẵn"
    if chan:
        end -= 1
    unit: tuple[str, ...] = ()
    for candidate in _AMOUNT_UNITS:
        if end > len(candidate) - 1 and tuple(keys[end - len(candidate) : end]) == candidate:
            unit = candidate
            break
    end -= len(unit)
    for k in range(end):
        if keys[k] in _AMOUNT_UNIT_WORDS:
            position, word = words[k]
            after = " ".join(w for _, w in words[k + 1 :])
            raise refuse(
                f"has {after!r} after the unit {word!r} (word {position}); only 'chẵn' and a "
                "closing '.' or './.' may follow the unit"
            )
    if end == 0:
        ending = " ".join(w for _, w in words)
        raise refuse(f"has no number in words before {ending!r}")
    number = [w for _, w in words[:end]]
    positions = [p for p, _ in words[:end]]
    parse = _restore_accents(number) if unaccented else number
    ranks = [_SCALE_RANK.get(w.lower(), 0) for w in parse]
    for k in commas:
        position, word = words[k]
        if k >= end:
            raise refuse(
                f"has a comma after word {position}, {word!r}, after the number; a comma may "
                "only separate the groups of the number, and the amount ends in '.' or './.'"
            )
        if k == end - 1:
            raise refuse(
                f"has a comma after word {position}, {word!r}, before the unit; a comma may "
                "only separate the groups of the number"
            )
        if not ranks[k] or any(r >= ranks[k] for r in ranks[k + 1 :]):
            raise refuse(
                f"has a comma after word {position}, {word!r}; a comma may only separate "
                "two groups of the number, after 'nghìn', 'triệu' or 'tỷ' and before a "
                "smaller scale"
            )
    value = _parse_words(parse, normalized, large, display=number, positions=positions)
    if isinstance(value, Decimal):
        point = next(k for k, w in enumerate(parse) if w.lower() in ("phẩy", "chấm"))
        raise refuse(
            f"has a decimal part (word {positions[point]}, {number[point]!r}); amounts in "
            "đồng are whole numbers"
        )
    if not unit and not chan:
        raise refuse(
            f"is not followed by 'đồng': the number ends at word {positions[-1]}, "
            f"{number[-1]!r}; an amount in words ends in {_AMOUNT_ENDINGS}"
        )
    return value


def words_to_money(text: str, *, large: LargeStyle | None = None, unaccented: bool = False) -> int:
    """Read an amount of đồng in words ("bằng chữ"), as documents write it.

    The inverse of :func:`money_to_words`. The number is read as strictly as by
    :func:`words_to_number`; around it, the forms that real documents use are accepted
    (docs/numbers.md lists them):

    * the unit "đồng", "Việt Nam đồng", "đồng Việt Nam", "VNĐ", "VND" or "đ", then
      optionally "chẵn"; or "chẵn" alone ("Một trăm triệu chẵn");
    * a closing "." or "./.";
    * the whole in parentheses, "(Một trăm triệu đồng)", and a label before it,
      "Bằng chữ:", "Viết bằng chữ:", "Số tiền (viết) bằng chữ:";
    * commas between the groups of the number, after a scale word: "Một tỷ, hai
      trăm triệu đồng";
    * any case for every letter.

    ``unaccented=True`` also reads words written without diacritics ("mot tram
    trieu dong"); without it they are refused with a message that says so. Anything
    else is a :class:`~baocao.ValidationError` that names the word and its number.

    >>> words_to_money("Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng chẵn./.")
    4607678000
    >>> words_to_money("(Bằng chữ: Một tỷ, hai trăm triệu đồng.)")
    1200000000
    >>> words_to_money("mot tram trieu dong", unaccented=True)
    100000000
    """
    if type(text) is str and large in _LARGE_STYLES and unaccented is False:
        for ending in (" đồng", " đồng chẵn"):
            if text.endswith(ending):
                value = _fast_read(text[: -len(ending)])
                if value is not None:
                    return value
    _check_large(large)
    _check_unaccented(unaccented)
    if unaccented:
        return _read_amount(text, large, True)
    try:
        return _read_amount(text, large, False)
    except ValidationError:
        normalized, words = _split_text(text)
        _refuse_unaccented(words, normalized, lambda: _read_amount(text, large, True))
        raise


def _strip_unit(
    text: object, unit: tuple[str, ...], optional: tuple[str, ...]
) -> tuple[str, list[str]]:
    normalized, words = _split_text(text)
    if words and words[-1].endswith("./."):
        words[-1] = words[-1][:-3]
        if not words[-1]:
            words.pop()
    lowered = [w.lower() for w in words]
    if optional and lowered[-len(optional) :] == list(optional):
        del words[-len(optional) :], lowered[-len(optional) :]
    if lowered[-len(unit) :] != list(unit) or len(words) == len(unit):
        what = "a number in words followed by " + repr(" ".join(unit))
        raise ValidationError(normalized, f"is not {what}")
    return normalized, words[: -len(unit)]


def words_to_percent(text: str, *, large: LargeStyle | None = None) -> int | Decimal:
    """Read a percentage in words ending in "phần trăm"; the number is in per cent.

    >>> words_to_percent("bốn mươi bảy phẩy sáu mươi bảy phần trăm")
    Decimal('47.67')
    """
    normalized, words = _strip_unit(text, ("phần", "trăm"), ())
    return _parse_words(words, normalized, large)
