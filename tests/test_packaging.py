"""A wheel carries the templates, so an installed baocao renders without the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("baocao-*.whl")
    return built


def test_wheel_holds_templates_and_types(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as package:
        names = set(package.namelist())
        assert "baocao/templates/bao-cao.docx" in names
        assert "baocao/py.typed" in names
        assert "baocao/_check/units.json" in names  # the index of administrative units
        template = package.read("baocao/templates/bao-cao.docx")
    assert template == (ROOT / "templates" / "bao-cao.docx").read_bytes()


def test_wheel_declares_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as package:
        entry = next(n for n in package.namelist() if n.endswith("entry_points.txt"))
        assert "baocao = baocao._cli:main" in package.read(entry).decode()


def test_the_wheel_needs_no_administrative_units_package(wheel: Path) -> None:
    """vietnamadminunits (and its numpy, shapely, geopy) is where units.json comes from,
    at build time; the wheel does not require it."""
    with zipfile.ZipFile(wheel) as package:
        meta = next(n for n in package.namelist() if n.endswith(".dist-info/METADATA"))
        requires = [
            line
            for line in package.read(meta).decode().splitlines()
            if line.startswith("Requires-Dist:") and "extra ==" not in line
        ]
    assert not [line for line in requires if "vietnamadminunits" in line]
