"""Every report in ``examples/`` loads, renders, and passes ``check`` with no finding.

The examples are what a new user copies first: each shows one real shape of report
(examples/README.md lists them). A test per file keeps them honest as the model grows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import baocao

from .conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def test_there_are_examples_of_each_shape() -> None:
    assert len(EXAMPLES) >= 9  # the seed and the eight of issue 12


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_example_renders_with_no_finding(path: Path) -> None:
    report = baocao.load(path)
    data = baocao.render(report)
    findings = baocao.check(data)
    assert findings == [], "\n".join(str(f) for f in findings)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_example_is_listed_in_the_readme(path: Path) -> None:
    readme = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    assert path.name in readme


def test_the_draft_example_uses_what_it_shows() -> None:
    report = baocao.load(ROOT / "examples" / "draft-to-trinh.yaml")
    assert report.draft
    assert report.date is None
    assert report.year == 2026
    assert report.appendices[0].orientation.value == "landscape"
    ctx = baocao.context(report)
    assert ctx["recipient_lines"][-1] == "- Lưu: VT, NS, TH (2b)."
    assert ctx["marks"]["urgency"]["text"] == "KHẨN"


def test_the_signature_examples_show_what_they_are_for() -> None:
    names = ("bc-tm-kt.yaml", "bc-lien-tich.yaml", "bc-chu-thich.yaml")
    tm_kt, joint, notes = (baocao.load(ROOT / "examples" / name) for name in names)
    assert baocao.context(tm_kt)["signature"]["lines"][:2] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
    ]
    assert baocao.context(joint)["joint"] is True
    assert len(baocao.context(notes)["footnotes"]) == 3
