"""``baocao init`` (baocao._cli._init, issue 15 §1): a starter report for every type of
Mẫu 1.4, in Markdown and YAML, that renders and checks with no finding; and ``baocao
render report.md``."""

from __future__ import annotations

from pathlib import Path

import pytest

import baocao
from baocao._cli import main
from baocao._cli._init import FORMATS, starter
from baocao._nd30 import DOCUMENT_TYPES


@pytest.mark.parametrize("doc_type", list(DOCUMENT_TYPES))
def test_every_starter_renders_with_no_finding(doc_type: str, tmp_path: Path) -> None:
    reports = []
    for form, name in FORMATS.items():
        path = tmp_path / name
        assert main(["init", "--format", form, "--type", doc_type, "-o", str(path)]) == 0
        reports.append(baocao.load(path))
    markdown, yaml = reports
    assert markdown == yaml  # the two starters are one report
    assert markdown.doc_type.value == doc_type
    assert baocao.check(baocao.render(markdown)) == []


def test_the_format_follows_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "-o", str(tmp_path / "a.yaml")]) == 0
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == starter("yaml")
    assert main(["init"]) == 0
    assert capsys.readouterr().out == starter("md")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "yaml", "-o", "a.md"], "a yaml starter goes in a .yaml file"),
        (["-o", "old.md"], "exists; baocao init writes only a new file"),
    ],
)
def test_refused(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.md").write_text("mine", encoding="utf-8")
    assert main(["init", *argv]) == 2
    assert message in capsys.readouterr().err
    assert (tmp_path / "old.md").read_text(encoding="utf-8") == "mine"


def test_render_reads_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.md"
    assert main(["init", "-o", str(source)]) == 0
    assert main(["render", str(source), "-q"]) == 0
    assert baocao.check((tmp_path / "report.docx").read_bytes()) == []
    source.write_text(starter().replace("## Phương hướng", "## III. Phương hướng"), "utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "b.docx")]) == 1
    err = capsys.readouterr().err
    assert f"baocao: error: {source}:57:4: the heading is numbered 'III.'" in err


def test_a_folder_renders_its_markdown_reports_not_its_readme(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Các báo cáo\n", encoding="utf-8")
    assert main(["init", "-o", str(tmp_path / "a.md")]) == 0
    assert main(["render", str(tmp_path), "-o", str(tmp_path / "out"), "-q", "-j", "1"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.docx"]
