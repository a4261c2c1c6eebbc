"""The legacy Vietnamese encodings, as data: TCVN3 (ABC), VNI-Windows and VIQR.

Text typed in these encodings before Unicode reaches Python as Latin-1 characters (a
.docx keeps each byte of a ``.VnTime`` or ``VNI-Times`` run as the character of that code
point; a ``.txt`` file is read byte for byte): "Céng hoµ" is TCVN3 for "Cộng hoà",
"Coäng hoøa" VNI for "Cộng hòa". VIQR ("Co^.ng hoa`") is plain ASCII.

* **TCVN3** (TCVN 5712:1993, VN3; the fonts ``.VnTime``, ``.VnArial``, …): one byte per
  letter, 67 lower-case letters and the 7 upper-case letters without a tone (Ă Â Ê Ô Ơ Ư
  Đ). The upper-case letters with a tone are written in an all-capitals font
  (``.VnTimeH``, ``.VnArialH``): the same codes as the lower-case ones, shown as capitals.
  A line of such capitals whose font was lost is told by its words ("HéI" is "HỘI").
* **VNI-Windows** (``VNI-Times``, ``VNI-Helve``, …): a base letter followed by one code for
  its marks ("a" + "ù" = á, "a" + "á" = ấ); ơ, ư, đ and the toned i's are codes of their
  own.
* **VIQR** (RFC 1456, Viet-Std 1992): ASCII marks after the letter: ``'`` sắc, ``\\```
  huyền, ``?`` hỏi, ``~`` ngã, ``.`` nặng, ``^`` â ê ô, ``(`` ă, ``+`` ơ ư; ``dd`` đ,
  ``DD`` (or ``Dd``) Đ. A mark is read as one only when it can join the letter before it;
  a backslash before it keeps it as itself (``gi`\\?`` is "gì?").

The tables below are written from the published code tables of TCVN 5712:1993 and
VNI-Windows, as data; ``tests/data/legacy_*.tsv`` holds every letter in every encoding.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

from .._errors import ValidationError
from ._syllables import split_tone

__all__ = [
    "LEGACY_ENCODINGS",
    "LegacyEncoding",
    "decode",
    "encode",
    "font_encoding",
]

LegacyEncoding = Literal["tcvn3", "tcvn3-caps", "vni", "viqr"]
LEGACY_ENCODINGS: Final[tuple[LegacyEncoding, ...]] = ("tcvn3", "tcvn3-caps", "vni", "viqr")

_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"

# TCVN 5712:1993 VN3: each vowel with the codes of its five tones, in the order of the
# standard's table (huyền, hỏi, ngã, sắc, nặng), then the letters without a tone.
_TCVN3_TONED: Final = (
    ("a", 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    ("ă", 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    ("â", 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    ("e", 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    ("ê", 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    ("i", 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    ("o", 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    ("ô", 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    ("ơ", 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    ("u", 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    ("ư", 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    ("y", 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
)
_TCVN3_PLAIN: Final = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
}
_TCVN3_TONE_ORDER: Final = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)

# VNI-Windows: the codes that follow a base letter (lower case; the upper-case codes are
# the upper case of these, Latin-1 pairs), and the letters that are a code of their own.
_VNI_TONES: Final = {_ACUTE: "ù", _GRAVE: "ø", _HOOK: "û", _TILDE: "õ", _DOT: "ï"}
_VNI_CIRCUMFLEX: Final = {"": "â", _ACUTE: "á", _GRAVE: "à", _HOOK: "å", _TILDE: "ã", _DOT: "ä"}
_VNI_BREVE: Final = {"": "ê", _ACUTE: "é", _GRAVE: "è", _HOOK: "ú", _TILDE: "ü", _DOT: "ë"}
_VNI_OWN: Final = {
    "ơ": "ô",
    "ư": "ö",
    "đ": "ñ",
    "ì": "ì",
    "í": "í",
    "ỉ": "æ",
    "ĩ": "ó",
    "ị": "ò",
    "ỵ": "î",
}

# VIQR (RFC 1456): the marks as ASCII.
_VIQR_TONES: Final = {_ACUTE: "'", _GRAVE: "`", _HOOK: "?", _TILDE: "~", _DOT: "."}
_VIQR_VOWEL: Final = {"â": "a^", "ê": "e^", "ô": "o^", "ă": "a(", "ơ": "o+", "ư": "u+"}
_VIQR_ESCAPABLE: Final = frozenset("'`?~.^(+dD\\")


def _letters() -> list[str]:
    """Every Vietnamese vowel letter with and without its tone, lower case."""
    return [
        unicodedata.normalize("NFC", base + tone)
        for base, *_codes in _TCVN3_TONED
        for tone in ("", *_TCVN3_TONE_ORDER)
    ]


def _tcvn3_table() -> dict[str, str]:
    table = {chr(code): letter for code, letter in _TCVN3_PLAIN.items()}
    for base, *codes in _TCVN3_TONED:
        for tone, code in zip(_TCVN3_TONE_ORDER, codes, strict=True):
            table[chr(code)] = unicodedata.normalize("NFC", base + tone)
    return table


_TCVN3_DECODE: Final = _tcvn3_table()
_TCVN3_ENCODE: Final = {letter: code for code, letter in _TCVN3_DECODE.items()}


def _vni_codes(letter: str) -> str:
    """The VNI-Windows form of one lower-case letter ("" for an ASCII one)."""
    if letter in _VNI_OWN:
        return _VNI_OWN[letter]
    base, tone = split_tone(letter)
    if base in _VNI_OWN:  # ơ, ư with a tone
        return _VNI_OWN[base] + _VNI_TONES[tone]
    if base in "âêô":
        return unicodedata.normalize("NFD", base)[0] + _VNI_CIRCUMFLEX[tone]
    if base == "ă":
        return "a" + _VNI_BREVE[tone]
    if tone:
        return base + _VNI_TONES[tone]
    return ""


def _vni_table() -> dict[str, str]:
    """VNI-Windows code (one or two characters, both cases) → letter."""
    table: dict[str, str] = {}
    for letter in [*_letters(), "đ"]:
        codes = _vni_codes(letter)
        if not codes:
            continue
        upper = letter.upper()
        table[codes] = letter
        table[codes.upper()] = upper
        if len(codes) == 2:  # Word's change of case may leave the two halves apart
            table[codes[0] + codes[1].upper()] = letter
            table[codes[0].upper() + codes[1]] = upper
    return table


_VNI_DECODE: Final = _vni_table()
_VNI_ENCODE: Final = {
    letter: codes
    for codes, letter in _VNI_DECODE.items()
    if codes in (codes.lower(), codes.upper())
}
_VNI_RE: Final = re.compile(
    "|".join(re.escape(code) for code in sorted(_VNI_DECODE, key=len, reverse=True))
)

_VIQR_COMBINE: Final = {
    **{marked: letter for letter, marked in _VIQR_VOWEL.items()},
    **{
        split_tone(letter)[0] + mark: letter
        for letter in _letters()
        for tone, mark in _VIQR_TONES.items()
        if split_tone(letter)[1] == tone
    },
}
"""A letter and the VIQR mark after it → the letter they make (lower case)."""


def _viqr_decode(text: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        nxt = text[index + 1] if index + 1 < len(text) else ""
        if char == "\\" and nxt in _VIQR_ESCAPABLE:
            out.append(nxt)
            index += 2
            continue
        if char in "dD" and nxt in ("d", "D") and (char, nxt) != ("d", "D"):
            out.append("đ" if char == "d" else "Đ")
            index += 2
            continue
        if out and (made := _VIQR_COMBINE.get(out[-1].lower() + char)) is not None:
            out[-1] = made.upper() if out[-1].isupper() else made
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _viqr_encode(text: str) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        base, tone = split_tone(lower)
        if lower == "đ":
            out.append("DD" if char.isupper() else "dd")
            continue
        if base in _VIQR_VOWEL or tone:
            plain = _VIQR_VOWEL.get(base, base) + _VIQR_TONES.get(tone, "")
            out.append(plain.upper() if char.isupper() else plain)
            continue
        if char in "dD":  # "dd" is đ: a d before another d (or đ) is kept as itself
            escape = text[index + 1 : index + 2] in ("d", "D", "đ", "Đ")
        else:
            escape = char in _VIQR_ESCAPABLE and (text[index - 1 : index].isalpha() or char == "\\")
        if escape:  # it would join the letter before it: keep it as itself
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def decode(text: str, encoding: LegacyEncoding) -> str:
    """``text`` in ``encoding`` as Unicode (NFC). Characters that are no code of the
    encoding are kept as they are."""
    if encoding == "viqr":
        decoded = _viqr_decode(text)
    elif encoding == "vni":
        decoded = _VNI_RE.sub(lambda m: _VNI_DECODE[m.group()], text)
    elif encoding == "tcvn3-caps":
        decoded = _tcvn3(text).upper()
    else:
        decoded = "".join(
            _tcvn3(line).upper() if _in_capitals(line) else _tcvn3(line)
            for line in text.splitlines(keepends=True)
        )
    return unicodedata.normalize("NFC", decoded)


def _tcvn3(text: str) -> str:
    return "".join(_TCVN3_DECODE.get(char, char) for char in text)


_TCVN3_LOWER: Final = frozenset(code for code, letter in _TCVN3_DECODE.items() if letter.islower())
_ASCII_LOWER: Final = re.compile("[a-z]")
_CAPITALS_WORD: Final = re.compile(r"\S*[A-Z]\S*[A-Z]\S*")


def _in_capitals(line: str) -> bool:
    """Whether a TCVN3 ``line`` was typed in an all-capitals font whose name is lost (text
    copied out of Word): no ASCII letter in lower case, and a word of capitals holding a
    lower-case code ("HéI"), which no one types in the lower-case font. "Sè 12/BC-UBND"
    ("Số 12/…", one capital before its code) is not."""
    if _ASCII_LOWER.search(line):
        return False
    return any(any(char in _TCVN3_LOWER for char in word) for word in _CAPITALS_WORD.findall(line))


def encode(text: str, encoding: LegacyEncoding) -> str:
    """``text`` written in ``encoding``: what a legacy font or VIQR writer would have
    stored (for the tests' round trips and for callers who must write legacy text).

    Raises :class:`~baocao.ValidationError` (a ``ValueError``) for a letter the encoding
    cannot hold: an upper-case letter with a tone in ``tcvn3`` (it lives in an
    all-capitals font, ``tcvn3-caps``)."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "viqr":
        return _viqr_encode(text)
    if encoding == "vni":
        return "".join(_VNI_ENCODE.get(char, char) for char in text)
    if encoding == "tcvn3-caps":
        text = text.lower()
    out: list[str] = []
    for char in text:
        if char in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[char])
        elif char.lower() in _TCVN3_ENCODE and char != char.lower():
            raise ValidationError(
                char, "has no code in TCVN3: write it in an all-capitals font", path="text"
            )
        else:
            out.append(char)
    return "".join(out)


def font_encoding(font: str) -> LegacyEncoding | None:
    """The encoding a legacy font's name tells, or ``None`` for a Unicode font.

    ``.VnTime``, ``.VnArial`` and every ``.Vn…`` font are TCVN3; those whose name ends in
    a capital ``H`` (``.VnTimeH``, ``.VnArialH``) are its all-capitals fonts; ``VNI-Times``
    and every ``VNI-…`` font are VNI-Windows.

    >>> font_encoding(".VnTime"), font_encoding(".VnTimeH"), font_encoding("VNI-Times")
    ('tcvn3', 'tcvn3-caps', 'vni')
    >>> font_encoding("Times New Roman") is None
    True
    """
    name = font.strip()
    if name[:3].lower() == ".vn":
        return "tcvn3-caps" if name.endswith("H") else "tcvn3"
    if name[:4].lower() == "vni-":
        return "vni"
    return None
