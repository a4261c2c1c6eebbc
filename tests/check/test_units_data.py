"""The index of administrative units (``_check/units.json``) is what tools/gen_units.py builds
from the installed vietnamadminunits, and reads back to the same answers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from baocao._check import _units

from ..conftest import ROOT

GENERATOR = ROOT / "tools" / "gen_units.py"


def test_committed_index_matches_the_generator() -> None:
    pytest.importorskip("vietnamadminunits", reason="the source of units.json (test extra)")
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", [("Tỉnh Hà Giang", "Tỉnh Tuyên Quang")]),
        ("Ủy ban nhân dân tỉnh Quảng Ninh", []),
        ("UBND huyện Đông Anh", [("Huyện Đông Anh", "Thành phố Hà Nội")]),
    ],
)
def test_the_index_reads_back(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(u.name, u.current) for u in _units.abolished_in(text)] == expected


def test_the_index_is_whole() -> None:
    index = _units._index()
    assert len(index.current_provinces) == 34
    assert len(index.provinces) == 63 - 34  # the provinces merged into others
