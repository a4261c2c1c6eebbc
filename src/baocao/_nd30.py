"""The decree's facts as data (Nghị định 30/2020/NĐ-CP, Phụ lục I): written once, read by
the renderer and the checker alike.

So far the numbering alphabets of the body (PL I, II.6.đ): Roman numerals for sections,
parts and appendices, and the letters of points. The re-housing issue gathers the rest
here (margin ranges, size profiles, Quốc hiệu and Tiêu ngữ, rule shares).
"""

from __future__ import annotations

__all__ = ["POINT_LETTERS", "ROMAN", "roman"]

POINT_LETTERS: tuple[str, ...] = tuple("abcdđeghiklmnopqrstuvxy")
"""The letters of points a), b), …: the Vietnamese alphabet without its accented vowels
(ă â ê ô ơ ư) and without f, j, w, z, as in the decree's own Điều 8."""

ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
"""The values of Roman numerals, largest first (I. II. for sections, Phần I, Phụ lục I)."""


def roman(number: int) -> str:
    """The Roman numeral of a positive number (no bound: a caller that prints one bounds
    it; the checker also writes out what a Word list counts to).

    >>> [roman(n) for n in (1, 2, 3, 4, 9, 14, 40, 1994)]
    ['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIV']
    """
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
