"""Vietnam's administrative units (đơn vị hành chính) before and after 1 July 2025.

On 1 July 2025 the district level (cấp huyện: huyện, quận, thị xã, thành phố thuộc tỉnh)
was abolished, with the thị trấn, and 63 provinces became 34 (Nghị quyết 202/2025/QH15,
Nghị quyết 1656–1687/NQ-UBTVQH15). A document dated from then on that names such a unit
in its place name or its parent body is out of date; :func:`abolished_in` says which unit
and, where the data tell, what it is now.

The data are not typed here: they come from the data files of the PyPI package
``vietnamadminunits`` (MIT licence; the legacy 63-province list with its districts and
communes, the 34-province list with its communes, and the mapping between them; by Trần
Ngọc Minh Hiếu). ``tools/gen_units.py`` builds baocao's index from them once, into
``units.json`` beside this module (140 kB, read in about a millisecond when a rule first
asks); a test checks that the committed file is what the installed package gives.

    >>> [(u.name, u.current) for u in abolished_in("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG")]
    [('Tỉnh Hà Giang', 'Tỉnh Tuyên Quang')]
    >>> abolished_in("Ủy ban nhân dân tỉnh Quảng Ninh")
    []
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import unicodedata
from importlib import resources

import attrs

__all__ = ["ABOLISHED_ON", "Abolished", "abolished_in", "abolished_place"]

ABOLISHED_ON = datetime.date(2025, 7, 1)
"""The day the district level and the merged provinces ceased to exist."""


@attrs.frozen
class Abolished:
    """A unit that no longer exists: its full name and what it is now ("" when unknown)."""

    name: str
    current: str


def _key(text: str) -> str:
    """A name reduced for comparing: NFC, case-folded, no spaces or punctuation."""
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"[\W_]+", "", text)


@attrs.frozen
class _Index:
    provinces: dict[str, Abolished]  # short name key → a merged province
    districts: dict[tuple[str, str], list[Abolished]]  # (type key, short key) → districts
    towns: dict[str, list[Abolished]]  # short key → thị trấn
    current: frozenset[str]  # short keys of today's provinces and communes
    current_provinces: frozenset[str]  # short keys of today's provinces


@functools.cache
def _index() -> _Index:
    data = json.loads(resources.files(__package__).joinpath("units.json").read_bytes())
    provinces = {short: Abolished(*unit) for short, unit in data["provinces"].items()}
    districts = {
        (where.partition("|")[0], where.partition("|")[2]): [Abolished(*unit) for unit in units]
        for where, units in data["districts"].items()
    }
    towns = {short: [Abolished(*unit) for unit in units] for short, units in data["towns"].items()}
    return _Index(
        provinces,
        districts,
        towns,
        frozenset(data["current"]),
        frozenset(data["current_provinces"]),
    )


_KIND = re.compile(r"(?<!\w)(huyện|quận|thị xã|thành phố|tp\.|thị trấn|tỉnh)\s+", re.IGNORECASE)
_MAX_WORDS = 5


def _one(found: list[Abolished]) -> list[Abolished]:
    """One unit for a name; when several units bear it, today's unit only if they agree."""
    currents = {unit.current for unit in found}
    return [Abolished(found[0].name, currents.pop() if len(currents) == 1 else "")]


def _lookup(kind: str, words: list[str]) -> list[Abolished]:
    index = _index()
    kind_key = "thànhphố" if kind == "tp." else _key(kind)
    for count in range(min(len(words), _MAX_WORDS), 0, -1):
        name = _key(" ".join(words[:count]))
        if kind_key == "tỉnh" and name in index.provinces:
            return [index.provinces[name]]
        if kind_key == "thịtrấn" and name in index.towns:
            return _one(index.towns[name])
        if kind_key in ("huyện", "quận", "thịxã", "thànhphố"):
            if kind_key == "thànhphố" and name in index.current_provinces:
                return []  # Thành phố Hà Nội, Huế, …: a province today
            found = index.districts.get((kind_key, name))
            if found:
                return _one(found)
    return []


def abolished_in(text: str) -> list[Abolished]:
    """The abolished units that ``text`` names with their kind ("huyện Đông Anh", "TỈNH
    HÀ GIANG"), in order."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    out: list[Abolished] = []
    for match in _KIND.finditer(text):
        rest = re.split(r"[,;:()/\-–]", text[match.end() :], maxsplit=1)[0]
        out.extend(u for u in _lookup(match.group(1).casefold(), rest.split()) if u not in out)
    return out


def abolished_place(place: str) -> list[Abolished]:
    """What a place name (địa danh: "Hà Giang", "huyện Đông Anh") names that no longer
    exists. A bare name is reported only when no unit of today bears it (a commune's
    documents use the commune's name, which may be that of its old district)."""
    named = abolished_in(place)
    if named:
        return named
    name = _key(place)
    index = _index()
    if not name or name in index.current:
        return []
    if name in index.provinces:
        return [index.provinces[name]]
    found = [
        unit for (_kind, short), units in index.districts.items() if short == name for unit in units
    ]
    return _one(found) if found else []
