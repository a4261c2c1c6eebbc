"""The strict reader of a number in Vietnamese words, and its fast path.

``parse_words`` reads a list of words as a number written out in full, in any
:class:`Style`: it evaluates the words, writes the value back with ``_spoken`` and
accepts the text only if the two agree word for word; otherwise the message names the
first word out of place. ``fast_read`` reads the texts documents usually write (an
integer below 10¹², in NFC, single spaces) with a few dict look-ups, and gives ``None``
for everything else. ``split_text`` (a text → its NFC form and words), ``check_large``
and ``LARGE_STYLES`` (the ``large`` argument) are shared by the public readers::

    >>> parse_words(["một", "nghìn", "không", "trăm", "lẻ", "năm"], "…", None)
    1005
    >>> fast_read("Một nghìn không trăm lẻ năm"), fast_read("một  nghìn")
    (1005, None)
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from .._errors import InvalidTypeError, ValidationError
from ._fixes import FIX_LARGE, FIX_MONEY, FIX_PERCENT
from ._inputs import LIMIT, MAX_DIGITS, parts_to_decimal
from ._spoken import DIGITS, group_words, read_parts, tables_for_style
from ._style import Style

__all__ = ["LARGE_STYLES", "check_large", "fast_read", "parse_words", "split_text"]


# --------------------------------------------------------------------------- words → number

_CANONICAL: Final = {"lẻ": "linh", "ngàn": "nghìn", "tỉ": "tỷ", "trừ": "âm", "chấm": "phẩy"}
_DIGIT_VALUE: Final = {w: i for i, w in enumerate(DIGITS)}
_UNIT_VALUE: Final = {**{w: i for i, w in enumerate(DIGITS) if i}, "mốt": 1, "lăm": 5}
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
            if total >= LIMIT:
                raise _WordError(offset + len(words) - 1, "makes the number too large")
        total += below_billion
    else:
        for group, scales in items:
            if len(scales) > MAX_DIGITS // 9:
                raise _WordError(offset + len(words) - 1, "makes the number too large")
            total += group * math.prod(scales)
    if total >= LIMIT:
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


def parse_words(
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
    check_large(large)
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
            t = tables_for_style(_CANONICAL_STYLES[(candidate, mode)])
            expected = read_parts(negative, integer, fraction or "", t).split()
            mismatch = next(
                (k for k, (a, b) in enumerate(zip(canonical, expected, strict=False)) if a != b),
                min(len(canonical), len(expected)),
            )
            if mismatch == len(canonical) == len(expected):
                if fraction is None:
                    readings[candidate] = -integer if negative else integer
                else:
                    readings[candidate] = parts_to_decimal((negative, integer, fraction))
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


LARGE_STYLES: Final = (None, "recursive", "group_scale")


def check_large(large: object) -> None:
    if large not in LARGE_STYLES:
        error = ValidationError if isinstance(large, str) else InvalidTypeError
        raise error(large, "is not one of None, 'recursive', 'group_scale'", path="large")


def _vi_digits(value: int | Decimal) -> str:
    return f"{value:,}".translate(str.maketrans(",.", ".,"))


def split_text(text: object) -> tuple[str, list[str]]:
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
                words = group_words(g, full=False, style=style)
                lead[words] = lead[words[0].upper() + words[1:]] = g
                full[group_words(g, full=True, style=style)] = g
    return lead, full


_FAST_LEAD, _FAST_FULL = _fast_groups()
_FAST_SCALES: Final = (
    ((" tỷ", " tỉ"), 10**9),
    ((" triệu",), 10**6),
    ((" nghìn", " ngàn"), 1000),
)
_FAST_NEGATIVE: Final = ("âm ", "Âm ", "trừ ", "Trừ ")


def fast_read(text: str) -> int | None:
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
