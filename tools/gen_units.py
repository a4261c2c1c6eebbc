"""Generate ``src/baocao/_check/units.json``: the index of abolished administrative units.

``check``'s ``unit.abolished`` rule asks whether a document dated from 1 July 2025 names a
unit that no longer exists (a district, a thị trấn, a merged province). The facts come from
the data files of the PyPI package ``vietnamadminunits`` (MIT licence, by Trần Ngọc Minh
Hiếu: the legacy 63-province list with its districts and communes, the 34-province list with
its communes, and the mapping between them). Building baocao's index from them took 0.1–0.2 s
and three JSON files of 10 MB at the first check of every process, and the package brings
numpy, shapely and geopy with it; so the index is built here, once, and shipped as a 140 kB
file that loads in about a millisecond.

Usage (development only; vietnamadminunits is a test dependency of baocao, not a runtime one)::

    python tools/gen_units.py            # rewrite src/baocao/_check/units.json
    python tools/gen_units.py --check    # exit 1 if the committed file is out of date
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generated import write_or_check  # tools/generated.py

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "baocao" / "_check" / "units.json"
PACKAGE = "vietnamadminunits"


def key(text: str) -> str:
    """A name reduced for comparing: NFC, case-folded, no spaces or punctuation (the same
    reduction as ``baocao._check._units._key``)."""
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"[\W_]+", "", text)


def _data_file(name: str) -> Any:
    spec = importlib.util.find_spec(PACKAGE)  # the package's data, without importing its code
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"gen_units: install {PACKAGE} (pip install -e '.[test]')")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((folder / "data" / name).read_text(encoding="utf-8"))


def build() -> dict[str, Any]:
    """The index: the abolished provinces, districts and thị trấn by their reduced short
    names, each with its full name and what it is now ("" when the data do not tell), and
    the reduced short names of today's provinces and communes."""
    legacy = _data_file("parser_legacy.json")
    new = _data_file("parser_from_2025.json")
    mapping = _data_file("converter_2025.json")
    new_provinces: dict[str, Any] = new["DICT_PROVINCE"]
    now_of: dict[str, str] = {}  # legacy province key → today's province name
    for new_key, old_keys in mapping["DICT_PROVINCE"].items():
        for old_key in old_keys:
            now_of[old_key] = new_provinces[new_key]["province"]
    provinces: dict[str, list[str]] = {}
    for old_key, old in legacy["DICT_PROVINCE"].items():
        if old_key not in new_provinces:
            provinces[key(old["provinceShort"])] = [old["province"], now_of.get(old_key, "")]
    districts: dict[str, list[list[str]]] = {}  # "type key|short key" → [name, now]
    for province_key, items in legacy["DICT_PROVINCE_DISTRICT"].items():
        for item in items.values():
            where = f"{key(item['districtType'])}|{key(item['districtShort'])}"
            districts.setdefault(where, []).append([item["district"], now_of.get(province_key, "")])
    new_wards: dict[tuple[str, str], str] = {}
    for province_key, wards in new["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
        for ward_key, ward in wards.items():
            new_wards[(province_key, ward_key)] = (
                f"{ward['ward']}, {new_provinces[province_key]['province']}"
            )
    ward_now: dict[str, str] = {}
    for province_key, wards in mapping["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_wards in wards.items():
            for old in old_wards:
                ward_now[old] = new_wards.get((province_key, ward_key), "")
    towns: dict[str, list[list[str]]] = {}
    for province_key, by_district in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        for district_key, wards in by_district.items():
            for ward_key, ward in wards.items():
                if ward["wardType"] != "Thị trấn":
                    continue
                now = ward_now.get(f"{province_key}_{district_key}_{ward_key}", "")
                towns.setdefault(key(ward["wardShort"]), []).append(
                    [ward["ward"], now or now_of.get(province_key, "")]
                )
    current_provinces = sorted({key(p["provinceShort"]) for p in new_provinces.values()})
    current = set(current_provinces)
    for wards in new["DICT_PROVINCE_WARD_NO_ACCENTED"].values():
        current.update(key(w["wardShort"]) for w in wards.values())
    return {
        "source": {
            "package": PACKAGE,
            "version": importlib.metadata.version(PACKAGE),
            "licence": "MIT",
            "author": "Trần Ngọc Minh Hiếu",
            "generated_by": "tools/gen_units.py",
        },
        "provinces": provinces,
        "districts": districts,
        "towns": towns,
        "current": sorted(current),
        "current_provinces": current_provinces,
    }


def render(index: dict[str, Any]) -> str:
    """The text of units.json: sorted keys, one value per line (a change reads as a diff)."""
    return json.dumps(index, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only compare with the file")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    output: Path = args.output
    text = render(build())
    return write_or_check(output, text, "gen_units", check=args.check)


if __name__ == "__main__":
    raise SystemExit(main())
