"""Vietnamese syllables (âm tiết): a letter as its base and its tone, whether a word is a
syllable, and where its tone mark goes.

A syllable is an initial consonant (phụ âm đầu, possibly none), a rhyme (vần: the
vowels and a final consonant) and one of six tones (thanh: ngang, huyền, sắc, hỏi, ngã,
nặng). Five tones are written with a mark (dấu thanh) on one vowel of the rhyme. Where
the mark goes is settled except for the open rhymes *oa*, *oe* and *uy*: the old
placement (kiểu cũ) writes *hoà*, *khoẻ*, *uỷ*, the new (kiểu mới) *hòa*, *khỏe*, *ủy*.
Both are in use, and Nghị định 30 itself writes both ("CỘNG HÒA" in Phụ lục I, Mục II.1.a;
"CỘNG HOÀ" in its Mục V; "ủy quyền" and "uỷ quyền").

    >>> is_syllable("nghiêng"), is_syllable("Việt"), is_syllable("Néi")
    (True, True, False)
    >>> place_tones("Hoà bình, hòa giải; UỶ BAN", "new")
    'Hòa bình, hòa giải; ỦY BAN'
    >>> place_tones("hòa thuận, thủy lợi, quý", "old")
    'hoà thuận, thuỷ lợi, quý'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal

__all__ = ["TONE_MARKS", "VOWEL_MARKS", "TonePlacement", "is_syllable", "place_tones", "split_tone"]

TonePlacement = Literal["old", "new"]

TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"
"""The five tone marks as combining characters: huyền (grave), sắc (acute), hỏi (hook
above), ngã (tilde), nặng (dot below)."""

VOWEL_MARKS = "\u0302\u0306\u031b"
"""The marks that make a vowel a letter of its own: â ê ô (circumflex), ă (breve), ơ ư
(horn)."""

_VOWELS = frozenset("aăâeêioôơuưy")

_INITIAL_LETTERS = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x"
_INITIALS = (*sorted(_INITIAL_LETTERS.split(" "), key=len, reverse=True), "")

# The rhymes, by nucleus: the open ones, then each nucleus with the final consonants it
# takes. Written from the syllable structure of standard Vietnamese; generous rather than
# strict, since it tells Vietnamese from text that a wrong decoding garbled.
_OPEN_RHYMES = (
    "a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uơ uy ưa ưi "
    "ưu iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu"
)
_CLOSED = {
    "a": "c ch m n ng nh p t",
    "ă": "c m n ng p t",
    "â": "c m n ng p t",
    "e": "c m n ng p t",
    "ê": "ch m n nh p t",
    "i": "ch m n nh p t",
    "o": "c m n ng p t",
    "ô": "c m n ng p t",
    "ơ": "m n p t",
    "u": "c m n ng p t",
    "ư": "c m n ng t",
    "iê": "c m n ng p t",
    "yê": "m n ng t",
    "uô": "c m n ng t",
    "ươ": "c m n ng p t",
    "oa": "c ch m n ng nh p t",
    "oă": "c m n ng t",
    "oe": "n t",
    "oo": "c ng",
    "uâ": "n ng t",
    "uê": "ch nh",
    "uy": "ch n nh p t",
    "uyê": "n t",
}
_STOPS = ("c", "ch", "p", "t")
_RHYMES = frozenset(_OPEN_RHYMES.split(" ")) | {
    nucleus + final for nucleus, finals in _CLOSED.items() for final in finals.split(" ")
}
_STOP_TONES = frozenset("\u0301\u0323")  # a syllable ending in -c, -ch, -p, -t is sắc or nặng

_SHIFTED = frozenset(("oa", "oe", "uy"))  # the open rhymes whose mark moves between styles


_FINALS = ("ch", "nh", "ng", "c", "m", "n", "p", "t")


def _tone_places(rhyme: str) -> tuple[int, ...]:
    """Where in ``rhyme`` either placement puts the tone mark: on the vowel with a mark of
    its own (the last: ươ → ơ); else before a final consonant on the last vowel; else on
    either vowel of oa, oe, uy, the middle of three vowels, the first of two."""
    nucleus = rhyme
    for final in _FINALS:
        if rhyme.endswith(final) and len(rhyme) > len(final):
            nucleus = rhyme[: -len(final)]
            break
    marked = [i for i, c in enumerate(nucleus) if c in "ăâêôơư"]
    if marked:
        return (marked[-1],)
    if nucleus != rhyme:
        return (len(nucleus) - 1,)
    if nucleus in _SHIFTED:
        return (0, 1)
    return ((len(nucleus) - 1) // 2,) if len(nucleus) != 2 else (0,)


def split_tone(char: str) -> tuple[str, str]:
    """A letter without its tone mark, and the mark ("" for none).

    >>> split_tone("ệ")
    ('ê', '̣')
    """
    parts = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in parts if c in TONE_MARKS)
    base = "".join(c for c in parts if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", base), tone


def _parse(word: str) -> tuple[str, str, str, int] | None:
    """``(initial, rhyme, tone, index of the marked letter)`` of a lower-case NFC word, or
    ``None`` when it is not a syllable."""
    bases: list[str] = []
    tone = ""
    marked = -1
    for index, char in enumerate(word):
        base, mark = split_tone(char)
        if len(base) != 1 or len(mark) > 1 or (mark and (tone or base not in _VOWELS)):
            return None
        if mark:
            tone, marked = mark, index
        bases.append(base)
    plain = "".join(bases)
    for initial in _INITIALS:
        rhyme = plain[len(initial) :]
        if plain.startswith(initial) and rhyme in _RHYMES:
            if tone and marked < len(initial):
                continue  # the mark sits on the "u" of "qu" or the "i" of "gi": try shorter
            if rhyme.endswith(_STOPS) and tone not in _STOP_TONES:
                return None
            if tone and marked - len(initial) not in _tone_places(rhyme):
                return None
            return initial, rhyme, tone, marked
    return None


@functools.lru_cache(maxsize=16384)  # words repeat: a report has a few thousand
def is_syllable(word: str) -> bool:
    """Whether ``word`` (letters only, any case) is one Vietnamese syllable, written with
    either tone placement."""
    word = unicodedata.normalize("NFC", word).lower()
    return 0 < len(word) <= 8 and _parse(word) is not None


_WORD = re.compile(r"[^\W\d_]+")


def _move_tone(word: str, style: TonePlacement) -> str:
    lower = word.lower()
    parsed = _parse(lower) if len(lower) <= 8 else None
    if parsed is None:
        return word
    initial, rhyme, tone, marked = parsed
    if not tone or rhyme not in _SHIFTED or initial == "qu":
        return word
    target = len(initial) + (0 if style == "new" else 1)
    if target == marked:
        return word
    letters = [split_tone(char)[0] for char in word]
    letters[target] = unicodedata.normalize("NFC", letters[target] + tone)
    return "".join(letters)


def place_tones(text: str, style: TonePlacement) -> str:
    """``text`` (NFC) with the tone mark of every *oa*, *oe* and *uy* syllable where
    ``style`` puts it: ``"new"`` hòa, khỏe, ủy; ``"old"`` hoà, khoẻ, uỷ. Every other
    syllable and word is left as it is."""
    return _WORD.sub(lambda m: _move_tone(m.group(), style), text)
