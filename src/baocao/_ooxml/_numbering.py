"""Word's automatic numbering (``numbering.xml``): the label ("I.", "1.", "a)", "-") each
numbered paragraph displays, counted as Word counts it.
"""

from __future__ import annotations

import re
from typing import Any

from ._bounds import MAX_LEVEL, MAX_START, bounded_int, bounded_number
from ._ns import W_PPR, W_VAL, qn
from ._styles import Props, Styles, ppr_props

DASHES = "-‐‑‒–—−"


#: The numerals of Word's ``upperRoman``/``lowerRoman`` list formats. The same numerals as
#: the decree's (``_nd30.roman``; a test compares them), written here because the OOXML
#: layer imports nothing of the decree.
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """The Roman numeral Word shows for ``number`` in an ``upperRoman`` list (no bound).

    >>> [roman(n) for n in (1, 4, 9, 14, 40, 1994)]
    ['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIV']
    """
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letters(number: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    count, rest = divmod(number - 1, 26)
    return letters[rest] * (count + 1)


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(max(1, value))
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        text = _letters(max(1, value))
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


def _level_number(element: Any) -> int | None:
    """The ``w:ilvl`` of a level or a level override, None when it is not 0–8."""
    number = bounded_number(element.get(qn("ilvl")) or "0", -1, MAX_LEVEL + 1)
    if number is None or not 0 <= number <= MAX_LEVEL:
        return None
    return round(number)


class Numbering:
    """Word's automatic numbering: the label each numbered paragraph displays."""

    def __init__(self, root: Any | None, styles: Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, Any]] = {}
        self.nums: dict[str, tuple[str, dict[int, Any], dict[int, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[tuple[str, int]] = set()
        if root is None:
            return
        for abstract in root.iter(qn("abstractNum")):
            levels = {}
            for lvl in abstract.iter(qn("lvl")):
                ilvl = _level_number(lvl)
                if ilvl is not None:
                    levels[ilvl] = lvl
            self.abstract[abstract.get(qn("abstractNumId"), "")] = levels
        for num in root.iter(qn("num")):
            abstract_id = num.find(qn("abstractNumId"))
            overrides: dict[int, Any] = {}
            starts: dict[int, int] = {}
            for override in num.iter(qn("lvlOverride")):
                ilvl = _level_number(override)
                if ilvl is None:
                    continue  # Word has levels 0–8 only
                start = override.find(qn("startOverride"))
                if start is not None:
                    starts[ilvl] = bounded_int(start.get(W_VAL), 0, MAX_START, 1)
                lvl = override.find(qn("lvl"))
                if lvl is not None:
                    overrides[ilvl] = lvl
            self.nums[num.get(qn("numId"), "")] = (
                "" if abstract_id is None else abstract_id.get(W_VAL, ""),
                overrides,
                starts,
            )

    def _level(self, num_id: str, ilvl: int) -> Any | None:
        abstract_id, overrides, _ = self.nums.get(num_id, ("", {}, {}))
        if ilvl in overrides:
            return overrides[ilvl]
        return self.abstract.get(abstract_id, {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> tuple[str, Props]:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl``, and the
        paragraph properties the level sets."""
        if num_id in ("", "0") or num_id not in self.nums:
            return "", {}
        abstract_id, _, starts = self.nums[num_id]
        level = self._level(num_id, ilvl)
        if level is None:
            return "", {}
        counters = self.counters.setdefault(abstract_id, [0] * 10)
        if (num_id, ilvl) not in self.started and ilvl in starts:
            counters[ilvl] = starts[ilvl] - 1
        self.started.add((num_id, ilvl))
        if ilvl < len(counters):
            if counters[ilvl] == 0:
                counters[ilvl] = self._start(num_id, ilvl) - 1
            counters[ilvl] += 1
            for deeper in range(ilvl + 1, len(counters)):
                counters[deeper] = 0
        fmt_el = level.find(qn("numFmt"))
        fmt = "decimal" if fmt_el is None else fmt_el.get(W_VAL, "decimal")
        text_el = level.find(qn("lvlText"))
        pattern = "" if text_el is None else text_el.get(W_VAL, "")
        if fmt == "bullet":
            label = pattern.strip() or "•"
            label = "-" if label in DASHES else label
        else:

            def sub(match: re.Match[str]) -> str:
                index = int(match.group(1)) - 1
                lvl = self._level(num_id, index)
                lvl_fmt = fmt
                if lvl is not None:
                    found = lvl.find(qn("numFmt"))
                    lvl_fmt = "decimal" if found is None else found.get(W_VAL, "decimal")
                    if level.find(qn("isLgl")) is not None:
                        lvl_fmt = "decimal"
                value = counters[index] if 0 <= index < len(counters) else 0
                return _format_number(value, lvl_fmt)

            label = re.sub(r"%(\d)", sub, pattern)
        return label.strip(), ppr_props(level.find(W_PPR))

    def _start(self, num_id: str, ilvl: int) -> int:
        level = self._level(num_id, ilvl)
        start = None if level is None else level.find(qn("start"))
        return 1 if start is None else bounded_int(start.get(W_VAL), 0, MAX_START, 1)
