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
        template = package.read("baocao/templates/bao-cao.docx")
    assert template == (ROOT / "templates" / "bao-cao.docx").read_bytes()


def test_wheel_declares_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as package:
        entry = next(n for n in package.namelist() if n.endswith("entry_points.txt"))
        assert "baocao = baocao._cli:main" in package.read(entry).decode()
