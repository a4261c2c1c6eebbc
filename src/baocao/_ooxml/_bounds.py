"""Reading the numbers of WordprocessingML within the bounds Word keeps.

Every number in the XML goes through :func:`bounded_number`: a 400-digit margin is the
largest margin Word allows, a list start of 10¹¹ the largest start, a size that is not a
number is not set. Lengths are read in twips (:func:`read_twips`, with the units of ISO 29500
such as ``"1.27cm"``), font sizes in points (:func:`read_points`), drawing sizes in EMU.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ._ns import W_NS, W_VAL

EMU_PER_MM = 36000.0


_UNIT_TWIPS = {
    "mm": 1440 / 25.4,
    "cm": 1440 / 2.54,
    "in": 1440.0,
    "pt": 20.0,
    "pc": 240.0,
    "pi": 240.0,
}


_MEASURE_RE = re.compile(r"\s*([+-]?)([0-9]+)(?:\.([0-9]*))?\s*([a-z]*)\s*", re.ASCII)


_MAX_DIGITS = 15


#: Bounds of what Word itself accepts: lengths of ±22 inches (31680 twips), list levels 0–8,
#: list and page starts up to 32767, 63 grid columns, font sizes up to 1638 pt.
TWIPS_LIMIT = 31680


MAX_LEVEL = 8


MAX_START = 32767


MAX_COLUMNS = 63


MAX_POINTS = 1638.0


MAX_EMU = 20_000_000_000


def bounded_number(
    value: str | None,
    low: float,
    high: float,
    *,
    units: dict[str, float] | None = None,
) -> float | None:
    """The number an XML attribute holds, clamped to ``low``–``high``; None when it is not
    a number (``"abc"``, ``"nan"``, an unknown unit).

    Plain decimals (``"720"``, ``"-1.5"``) are read; with ``units`` (name → factor) a unit
    may follow (``"1.27cm"``); a bare number then uses the factor of ``""`` (1 if none is
    given). A value of any length is read in time linear in its length and never
    overflows: a 400-digit margin is the largest margin, not an ``OverflowError``.

    >>> bounded_number("720", 0, 31680), bounded_number("9" * 400, 0, 31680)
    (720.0, 31680.0)
    >>> bounded_number("1cm", 0, 31680, units={"cm": 567.0}), bounded_number("x", 0, 9)
    (567.0, None)
    """
    if value is None:
        return None
    match = _MEASURE_RE.fullmatch(value)
    if match is None:
        return None
    sign, whole, fraction, unit = match.groups()
    factors = units or {}
    if unit and unit not in factors:
        return None
    factor = factors.get(unit, 1.0)
    whole = whole.lstrip("0") or "0"
    if len(whole) > _MAX_DIGITS:
        number = math.inf
    else:
        number = float(f"{whole}.{(fraction or '0')[:_MAX_DIGITS]}") * factor
    if sign == "-":
        number = -number
    return float(min(high, max(low, number)))


def bounded_int(value: str | None, low: int, high: int, default: int) -> int:
    """:func:`bounded_number` for a whole number (rounded), ``default`` when it is none."""
    number = bounded_number(value, low, high)
    return default if number is None else round(number)


def read_twips(value: str | None, default: int | None = None) -> int | None:
    """A twips measure (``"720"``; also ``"1.27cm"``, ``"12pt"`` of ISO 29500), within
    ±:data:`TWIPS_LIMIT`."""
    number = bounded_number(value, -TWIPS_LIMIT, TWIPS_LIMIT, units=_UNIT_TWIPS)
    return default if number is None else round(number)


def read_points(value: str | None) -> float | None:
    """A font size in points from ``w:sz`` (half-points, or ``"12pt"`` in ISO 29500)."""
    number = bounded_number(value, 0.0, 2 * MAX_POINTS, units={"": 0.5, "pt": 1.0})
    return None if number is None else min(number, MAX_POINTS)


def is_on(element: Any) -> bool:
    value = element.get(W_VAL)
    return value is None or value.lower() not in ("0", "false", "off", "none")


def local_name(tag: object) -> str:
    if not isinstance(tag, str) or not tag.startswith(f"{{{W_NS}}}"):
        return ""
    return tag[len(W_NS) + 2 :]
