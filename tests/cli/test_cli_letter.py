"""A công văn round-trips through the CLI (issue 13): render, check, schema, context."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from baocao._cli import main

from ..conftest import ROOT, open_docx

EXAMPLE = ROOT / "examples" / "cong-van-bao-cao-nhanh.yaml"


@pytest.mark.parametrize("profile", ["14", "13"])
def test_render_then_check_a_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], profile: str
) -> None:
    out = tmp_path / "cv.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out), "--profile", profile]) == 0
    texts = [p.text for p in open_docx(out.read_bytes()).paragraphs]
    assert "Kính gửi:" in texts
    assert not any(t.isupper() and "CÔNG VĂN" in t for t in texts)
    capsys.readouterr()
    assert main(["check", str(out)]) == 0
    assert "no findings" in capsys.readouterr().err


def test_the_schema_names_the_letter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "CV" in schema["properties"]["doc_type"]["enum"]
    assert "a Công văn (doc_type CV, Mẫu 1.5) takes" in json.dumps(schema, ensure_ascii=False)


def test_a_letter_without_addressees_is_refused_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    del data["addressees"]
    source = tmp_path / "cv.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code = main(["render", str(source), "-o", str(tmp_path / "cv.docx")])
    err = capsys.readouterr().err
    assert code != 0
    assert "addressees" in err
    assert "Traceback" not in err
