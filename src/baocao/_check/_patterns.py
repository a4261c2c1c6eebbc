"""How the parts of a report are recognised in text: the loose form of a text (case, dashes,
old and new tone marks, spaces), the Quốc hiệu and the Tiêu ngữ, "Số:", the date line, the
type names of Mẫu 1.4, typed rules, heading numbers and Roman numerals.
"""

from __future__ import annotations

import re
import unicodedata

from .._nd30 import DOCUMENT_TYPES, MOTTO, NATIONAL_NAME, roman
from .._ooxml import DASHES

_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}


_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))


def loose(text: str) -> str:
    """Text reduced for recognising an element: NFC, case-folded, new tone placement
    (hoà → hòa, uỷ → ủy), every dash a hyphen, no spaces."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group()], text)
    text = re.sub(f"[{DASHES}]", "-", text)
    return re.sub(r"\s+", "", text)


LOOSE_NATIONAL = loose(NATIONAL_NAME)


_LOOSE_MOTTO = loose(MOTTO)


_MOTTO_WORDS = re.sub(r"\W", "", _LOOSE_MOTTO)


def motto_words(text: str) -> bool:
    """True when the loose ``text`` has the words of the Tiêu ngữ in order, whatever
    stands between them ("Độc lập – Tự do – Hạnh phúc", "Độc lập, Tự do, Hạnh phúc"): the
    Tiêu ngữ written wrong is reported by ``motto.text``, not as missing."""
    return text == _LOOSE_MOTTO or re.sub(r"\W", "", text) == _MOTTO_WORDS


NUMBER_RE = re.compile(r"^Số(?=\s*[:.]|\s*[\d\s\u00a0.…]*/)")


LETTER_RE = re.compile(r"^\s*V\s*/\s*v\b", re.IGNORECASE)
"""The start of a công văn's trích yếu, "V/v …" (về việc; issue 13)."""


DATE_RE = re.compile(r"ngày[\s\d.…]*tháng[\s\d.…]*năm", re.IGNORECASE)


_RULE_CHARS = re.compile(r"^[_\-–—‾⎯─━]{3,}$")


PLACEHOLDER_RE = re.compile(r"^\((?:chữ\s+ký|ký\b|ký,|ký tên)", re.IGNORECASE)


TYPE_TITLES: dict[str, str] = {loose(title): abbr for abbr, title in DOCUMENT_TYPES.items()}
"""The loose form of each document type's name → its abbreviation (from ``_nd30``)."""


"""Loose form of each Mẫu 1.4 type name → its abbreviation (``"báocáo"`` → ``"BC"``)."""


def is_rule_text(text: str) -> bool:
    """A line typed as characters: ``_____`` or ``-----``."""
    return bool(_RULE_CHARS.match(text.strip()))


def roman_value(text: str) -> int | None:
    """The value of a well-formed Roman numeral, else None (``roman_value("IV") == 4``)."""
    if not text or not re.fullmatch(r"[IVXLCDM]+", text):
        return None
    total = 0
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    for index, char in enumerate(text):
        value = values[char]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if total > 0 and roman(total) == text else None


_HEADING_RE = re.compile(r"^(?:[IVXLCDM]+\.|\d+\.|[a-zđ]\))\s")


_PART_RE = re.compile(r"^(?:Phần|PHẦN) (?:(?:[IVXLCDM]+|[A-Z]|\d+)(?!\w)|(?:thứ|THỨ) )")


"""A Phần label ("Phần I", "PHẦN A", "Phần thứ nhất"), not a word ("Phần mềm …")."""


def heading_number(text: str) -> bool:
    return bool(_HEADING_RE.match(text)) or bool(_PART_RE.match(text))
