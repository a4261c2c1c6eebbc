"""Reading Vietnamese words back: numbers, amounts of đồng ("bằng chữ"), percentages.

The number itself is read by ``_parser``, as strictly as it is written; this module
reads what documents put around it (a label, parentheses, the unit, *chẵn*, a closing
``./.``, commas between groups) and restores the diacritics of words written without
them when asked to::

    >>> words_to_number("bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn")
    4607678000
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

from .._errors import BaocaoError, InvalidTypeError, ValidationError
from .._lazy import publish
from ._fixes import FIX_UNACCENTED
from ._parser import LARGE_STYLES, check_large, fast_read, parse_words, split_text
from ._spoken import DIGITS
from ._style import LargeStyle

__all__ = ["words_to_money", "words_to_number", "words_to_percent"]


# --------------------------------------------------------------------------- unaccented text

_DIGIT_WORDS: Final = frozenset(DIGITS[2:])
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
    if type(text) is str and large in LARGE_STYLES and unaccented is False:
        value = fast_read(text)
        if value is not None:
            return value
    _check_unaccented(unaccented)
    normalized, words = split_text(text)
    if unaccented:
        return parse_words(_restore_accents(words), normalized, large, display=words)
    try:
        return parse_words(words, normalized, large)
    except ValidationError:
        _refuse_unaccented(
            words, normalized, lambda: parse_words(_restore_accents(words), normalized, large)
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
    normalized, tokens = split_text(text)

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
    value = parse_words(parse, normalized, large, display=number, positions=positions)
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
    if type(text) is str and large in LARGE_STYLES and unaccented is False:
        for ending in (" đồng", " đồng chẵn"):
            if text.endswith(ending):
                value = fast_read(text[: -len(ending)])
                if value is not None:
                    return value
    check_large(large)
    _check_unaccented(unaccented)
    if unaccented:
        return _read_amount(text, large, True)
    try:
        return _read_amount(text, large, False)
    except ValidationError:
        normalized, words = split_text(text)
        _refuse_unaccented(words, normalized, lambda: _read_amount(text, large, True))
        raise


def _strip_unit(
    text: object, unit: tuple[str, ...], optional: tuple[str, ...]
) -> tuple[str, list[str]]:
    normalized, words = split_text(text)
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
    return parse_words(words, normalized, large)


publish(words_to_money, words_to_number, words_to_percent)  # they read as baocao.X
