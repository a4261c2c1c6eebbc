"""The spoken forms: the digit words, the readings of 3-digit groups, and numbers in words.

The spelling follows the school-book and accounting conventions (docs/numbers.md
states them one by one): *mười*/*mươi*, *mốt* only after tens of 20 or more,
*tư* (or *bốn*) after *mươi*, *lăm* after *mười*/*mươi* but *năm* after
*linh*/*lẻ*, *linh*/*lẻ* for a zero tens digit after a hundreds word, *không
trăm* at the start of every group after the first, all-zero groups skipped.

What it gives the wing's other modules: ``DIGITS`` (the ten digit words),
``group_words`` (one group in one style), ``Tables`` (the 1,000 group readings of a
style, built once and cached: ``tables_for_style`` for a :class:`Style`,
``tables_for`` for a style or a preset name), ``read_int`` (an int in words) and
``read_parts`` (a signed number with its digits after the comma)::

    >>> read_int(4607678000, tables_for("north"))
    'bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn'
    >>> read_parts(True, 1005, "50", tables_for("south"))
    'âm một ngàn không trăm lẻ năm phẩy năm'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from ._style import Style, unknown_preset

__all__ = [
    "DIGITS",
    "TRILLION",
    "Tables",
    "group_words",
    "read_int",
    "read_parts",
    "tables_for",
    "tables_for_style",
]


# --------------------------------------------------------------------------- tables

DIGITS: Final = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
TRILLION: Final = 10**12


def group_words(n: int, *, full: bool, style: Style) -> str:
    """Read one 3-digit group. ``full``: not the first group, so a zero hundreds is read."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    said_hundreds = full or hundreds > 0
    if said_hundreds:
        words += (DIGITS[hundreds], "trăm")
    if tens == 0:
        if units:
            if said_hundreds:
                words += (style.odd, style.four_after_odd if units == 4 else DIGITS[units])
            else:
                words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += (DIGITS[tens], "mươi")
        if units == 1:
            words.append("mốt")
        elif units == 4:
            words.append(style.four_after_tens)
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(DIGITS[units])
    return " ".join(words)


class Tables:
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
        lead = tuple(group_words(g, full=False, style=style) for g in range(1000))
        full = tuple(group_words(g, full=True, style=style) for g in range(1000))
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
def tables_for_style(style: Style) -> Tables:
    return Tables(style)


_NAMED_TABLES: dict[str, Tables] = {}


def tables_for(style: object) -> Tables:
    if type(style) is str:
        tables = _NAMED_TABLES.get(style)
        if tables is None:
            tables = tables_for_style(Style.preset(style))
            _NAMED_TABLES[style] = tables
        return tables
    if isinstance(style, Style):
        return tables_for_style(style)
    raise unknown_preset(style)


# --------------------------------------------------------------------------- reading


def read_int(n: int, t: Tables) -> str:
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


def _read_large(n: int, t: Tables) -> str:
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


def _read_fraction(digits: str, t: Tables) -> str:
    if t.fraction_digits:
        return " ".join(DIGITS[int(c)] for c in digits)
    rest = digits.lstrip("0")
    zeros = len(digits) - len(rest)
    if not rest:
        return " ".join(["không"] * zeros)
    if len(digits) == 3 and zeros == 1:
        return t.full[int(digits)]  # 0,032: không phẩy không trăm ba mươi hai
    return "không " * zeros + read_int(int(rest), t)


def read_parts(negative: bool, integer: int, fraction: str, t: Tables) -> str:
    if not t.keep:
        fraction = fraction.rstrip("0")
    words = read_int(integer, t)
    if fraction:
        words = f"{words} {t.point} {_read_fraction(fraction, t)}"
    if negative and (integer or fraction.strip("0")):
        words = f"{t.negative} {words}"
    return words
