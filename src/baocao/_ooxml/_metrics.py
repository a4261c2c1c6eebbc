"""How wide a line of Times New Roman text is, and unit conversions for the layout.

Nghị định 30/2020, Phụ lục I asks for rules whose length depends on the text above them: under
the Tiêu ngữ a rule as long as "Độc lập - Tự do - Hạnh phúc" (II.1.b), under the name of the
issuing body and under the trích yếu a rule 1/3 to 1/2 as long as that line (II.2.b, II.5.b).
baocao draws them as real lines whose length it computes here, and uses the same widths to size
the header columns so that the Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" stays on one line.

Word does not kern by default, so the width of a line is the sum of the advance widths of its
characters. The widths are those of Liberation Serif 2.x, which has the metrics of Times New
Roman (table in :mod:`baocao._metrics_data`, made by ``tools/gen_metrics.py``)::

    >>> round(text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True), 1)
    60.5
    >>> round(text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True), 1)
    95.7

Characters are measured after NFC normalisation, so decomposed input ("e" + U+0302 + U+0301)
measures like the composed letter ("ế"). A character that is not in the table is measured as:

* 0 if it is a combining mark (it sits on the previous letter) or a format control;
* the width of its base letter if it decomposes canonically (e.g. "ṁ" is measured as "m");
* otherwise the width of "n" in the same face (the *fallback*, :data:`FALLBACK_CHAR`), about
  half an em: a guess, not a measurement, for symbols and scripts outside Vietnamese text,
  and for a tab (whose real width depends on the tab stops) or another control character.

A line break has no width: :func:`text_width_pt` refuses text with one (use
:func:`longest_line_mm` for text of several lines).
"""

from __future__ import annotations

import math
import unicodedata

from .._errors import InvalidTypeError, ValidationError
from . import _metrics_data

__all__ = [
    "FALLBACK_CHAR",
    "FONT_VERSION",
    "MM_PER_PT",
    "TWIPS_PER_MM",
    "longest_line_mm",
    "mm_from_twips",
    "text_width_mm",
    "text_width_pt",
    "twips",
]

#: Millimetres per typographic point (1 pt = 1/72 inch).
MM_PER_PT = 25.4 / 72
#: Twips (twentieths of a point) per millimetre: 1440 / 25.4 = 56.692...
TWIPS_PER_MM = 1440 / 25.4
#: The character whose width stands in for characters the table does not have.
FALLBACK_CHAR = "n"
#: Version of Liberation Serif the widths were taken from.
FONT_VERSION = _metrics_data.FONT_VERSION

_UNITS_PER_EM = _metrics_data.UNITS_PER_EM


def _build_tables() -> dict[tuple[bool, bool], dict[str, int]]:
    chars = [chr(cp) for first, last in _metrics_data.RANGES for cp in range(first, last + 1)]
    faces = {
        (False, False): "regular",
        (True, False): "bold",
        (False, True): "italic",
        (True, True): "bolditalic",
    }
    tables: dict[tuple[bool, bool], dict[str, int]] = {}
    for key, face in faces.items():
        widths = _metrics_data.WIDTHS[face]
        tables[key] = dict(zip(chars, widths, strict=True))
    return tables


_TABLES = _build_tables()


def _char_units(char: str, table: dict[str, int]) -> int:
    """Advance of one (NFC) character that is not in ``table``, by the rules of the module."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    decomposed = unicodedata.normalize("NFD", char)
    if decomposed != char and decomposed[0] in table:
        return table[decomposed[0]]
    return table[FALLBACK_CHAR]


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidTypeError(text, "is not a str")
    return text


def _check_size(size_pt: object) -> float:
    if isinstance(size_pt, bool) or not isinstance(size_pt, (int, float)):
        raise InvalidTypeError(size_pt, "is not a font size in points (int or float)")
    if not math.isfinite(size_pt) or size_pt <= 0:
        raise ValidationError(size_pt, "is not a positive font size in points")
    return float(size_pt)


def _units(text: str, bold: bool, italic: bool) -> int:
    table = _TABLES[bool(bold), bool(italic)]
    normal = unicodedata.normalize("NFC", text)
    try:
        return sum(map(table.__getitem__, normal))  # every character in the table: fast
    except KeyError:
        pass
    total = 0
    for char in normal:
        units = table.get(char)
        if units is None:
            if char in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029":
                raise ValidationError(
                    text, "contains a line break; measure it with longest_line_mm()"
                )
            units = _char_units(char, table)
        total += units
    return total


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` on one line in Times New Roman ``size_pt``, without kerning.

    >>> text_width_pt("n", 12)
    6.0
    >>> text_width_pt("", 14)
    0.0

    Raises:
        InvalidTypeError: ``text`` is not a str, or ``size_pt`` not a number.
        ValidationError: ``size_pt`` is not a positive finite number, or ``text`` contains a
            line break (``"\\n"``, ``"\\r"``, ``"\\v"``, ...; see :func:`longest_line_mm`).
    """
    text = _check_text(text)
    size = _check_size(size_pt)
    return _units(text, bold, italic) * size / _UNITS_PER_EM


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in millimetres of ``text``; see :func:`text_width_pt`.

    >>> round(text_width_mm("SỞ NỘI VỤ", 13, bold=True), 1)
    23.7
    """
    return text_width_pt(text, size_pt, bold=bold, italic=italic) * MM_PER_PT


def longest_line_mm(
    text: str, size_pt: float, *, bold: bool = False, italic: bool = False
) -> float:
    """Width in millimetres of the longest line of ``text`` (lines split at ``"\\n"``).

    For a multi-line agency name or trích yếu the decree does not say which line the rule
    is measured from; baocao uses the longest. ``"\\r\\n"``, ``"\\v"`` (a Word line break) and
    the other separators of :meth:`str.splitlines` also end a line. Empty text is 0.

    >>> round(text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True), 1)
    43.2
    >>> round(longest_line_mm("ỦY BAN NHÂN DÂN\\nTHÀNH PHỐ HÀ NỘI", 13, bold=True), 1)
    45.7
    """
    text = _check_text(text)
    size = _check_size(size_pt)
    lines = unicodedata.normalize("NFC", text).splitlines()
    units = max((_units(line, bold, italic) for line in lines), default=0)
    return units * size / _UNITS_PER_EM * MM_PER_PT


def twips(mm: float) -> int:
    """Millimetres to twips (1/20 pt; 1 mm = 56.692... twips), rounded to the nearest.

    >>> twips(100.0)
    5669
    >>> twips(-3.5)
    -198
    """
    if isinstance(mm, bool) or not isinstance(mm, (int, float)):
        raise InvalidTypeError(mm, "is not a length in millimetres (int or float)")
    if not math.isfinite(mm):
        raise ValidationError(mm, "is not a finite length in millimetres")
    return round(mm * TWIPS_PER_MM)


def mm_from_twips(tw: int) -> float:
    """Twips to millimetres.

    >>> round(mm_from_twips(5670), 2)
    100.01
    """
    if isinstance(tw, bool) or not isinstance(tw, int):
        raise InvalidTypeError(tw, "is not a whole number of twips")
    return tw / TWIPS_PER_MM
