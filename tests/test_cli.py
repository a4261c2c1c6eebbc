"""The ``baocao`` command behaves like other Python command-line tools."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import baocao
from baocao._cli import main

from .conftest import EXAMPLE_YAML, minimal_data, open_docx, require_tools


def _write(tmp_path: Path, data: object, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_render_to_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, minimal_data())
    target = tmp_path / "out" / "r.docx"
    target.parent.mkdir()
    assert main(["render", str(source), "-o", str(target)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert open_docx(target.read_bytes()).paragraphs


def test_render_defaults_to_input_name(tmp_path: Path) -> None:
    source = _write(tmp_path, minimal_data())
    assert main(["render", "-q", str(source)]) == 0
    assert (tmp_path / "r.docx").exists()


def test_render_from_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch,
                                     capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(minimal_data())))
    assert main(["render", "-", "-o", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"PK")


def test_stdin_needs_an_output(monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("{}"))
    assert main(["render", "-"]) == 1
    assert "needs -o OUTPUT" in capsys.readouterr().err


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal_data(sections=[{"title": "A", "items": [{"title": "", "body": ["x"]}]}])
    assert main(["render", str(_write(tmp_path, data))]) == 1
    err = capsys.readouterr().err
    assert err == "baocao: error: sections[0].items[0].title: '' must not be empty\n"


@pytest.mark.parametrize(("argv", "words"), [
    (["render", "missing.yaml"], "cannot read the file"),
    (["render", "report.txt"], "expected a .yaml, .yml or .json file"),
    (["render", str(EXAMPLE_YAML), "--template", "missing.docx"], "cannot read the template"),
    (["context", "missing.json"], "cannot read the file"),
])
def test_user_errors(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("baocao: error: ")
    assert words in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_context_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["context", str(EXAMPLE_YAML)]) == 0
    ctx = json.loads(capsys.readouterr().out)
    assert ctx == baocao.context(baocao.load(EXAMPLE_YAML))
    assert ctx["number_line"] == "Số: 2710/BC-SNV"


def test_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == baocao.json_schema()
    target = tmp_path / "schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == baocao.json_schema()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["render"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


@pytest.mark.parametrize("command", ["render", "context", "schema", "words", "check", "lint"])
def test_help_documents_every_option(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: baocao {command}")


def test_python_dash_m_and_version() -> None:
    result = subprocess.run([sys.executable, "-m", "baocao", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.startswith("baocao ")
    result = subprocess.run([sys.executable, "-m", "baocao", "--help"],
                            capture_output=True, text=True, check=True)
    for command in ("render", "context", "schema", "words"):
        assert command in result.stdout


def test_profile_and_margins_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, minimal_data())
    target = tmp_path / "r.docx"
    assert main(["render", "-q", str(source), "-o", str(target), "--profile", "13",
                 "--margins", "25,25,35,20"]) == 0
    document = open_docx(target.read_bytes())
    assert document.styles["BC Body"].font.size.pt == 13
    with pytest.raises(SystemExit) as info:
        main(["render", str(source), "--margins", "20,20,40,15"])
    assert info.value.code == 2
    assert "margins.left: 40.0 mm is outside the legal range 30–35 mm" in capsys.readouterr().err


@pytest.mark.soffice
def test_render_pdf(tmp_path: Path) -> None:
    from baocao._pdf import pdf_text_layout

    require_tools()
    source = _write(tmp_path, minimal_data())
    assert main(["render", "-q", "--pdf", str(source)]) == 0
    pdf = (tmp_path / "r.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    page = pdf_text_layout(pdf)[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
    assert "Số: 15/BC-SNV" in page


def test_a_write_failure_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, minimal_data())
    target = tmp_path / "missing folder" / "r.docx"
    assert main(["render", str(source), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("baocao: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
