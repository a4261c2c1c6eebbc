"""Issue 14 on the command line: ``render DIR -o OUT --pdf`` through one LibreOffice (the
fake one of tests/render/test_pdf.py), ``--pdf-version``, ``--metadata`` and ``baocao
metadata FILE``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import baocao
from baocao._cli import main
from baocao._render import _pdf
from baocao._render._metadata import report_metadata

from ..conftest import minimal_data
from ..render.test_pdf import install_fake_soffice, posix_only, runs


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(_pdf.SOFFICE_ENV, install_fake_soffice(tmp_path, monkeypatch))
    return tmp_path


def _inputs(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(1, count + 1):
        data = minimal_data(number=number)
        (folder / f"r{number}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    return folder


@posix_only
def test_render_a_folder_to_pdf(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _inputs(fake / "in", 3)
    out = fake / "out"
    assert main(["render", str(folder), "-o", str(out), "--pdf", "-j", "1"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["r1.pdf", "r2.pdf", "r3.pdf"]
    assert len(runs(fake)) == 1  # one LibreOffice for the three
    assert "rendered 3 of 3 reports" in capsys.readouterr().err
    assert main(["metadata", str(out / "r2.pdf")]) == 0
    printed = json.loads(capsys.readouterr().out)
    report = baocao.load(folder / "r2.yaml")
    assert printed == {**report_metadata(report), "PageAmount": 1}


@posix_only
def test_pdf_version_goes_to_libreoffice(fake: Path) -> None:
    (source,) = _inputs(fake / "in", 1).iterdir()
    assert main(["render", "-q", str(source), "--pdf", "--pdf-version", "1b"]) == 0
    (run,) = runs(fake)
    assert '"SelectPdfVersion":{"type":"long","value":"1"}' in run["args"][4]
    assert source.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_metadata_of_a_report_and_a_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(yaml.safe_dump(minimal_data(), allow_unicode=True))
    expected = report_metadata(baocao.load(source))
    assert main(["metadata", str(source)]) == 0
    assert json.loads(capsys.readouterr().out) == expected
    assert main(["render", "-q", str(source), "--metadata"]) == 0
    assert main(["metadata", str(tmp_path / "r.docx")]) == 0
    assert json.loads(capsys.readouterr().out) == expected
    assert main(["render", "-q", str(source), "-o", str(tmp_path / "plain.docx")]) == 0
    assert main(["metadata", str(tmp_path / "plain.docx")]) == 0
    assert json.loads(capsys.readouterr().out) == {}


def test_metadata_of_another_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    assert main(["metadata", str(other)]) == 1
    assert "is not a report (.yaml, .json), a .docx or a PDF" in capsys.readouterr().err
    assert main(["metadata", str(tmp_path / "missing.pdf")]) == 1
    assert "does not exist" in capsys.readouterr().err
