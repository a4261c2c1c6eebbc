"""The examples of issue 12 (drafts, marks, landscape appendices) render and check clean."""

from __future__ import annotations

import pytest

import baocao

from .conftest import ROOT

EXAMPLES = ("draft-to-trinh.yaml", "bao-cao-chuyen-de.yaml")


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_example_checks_clean(name: str) -> None:
    report = baocao.load(ROOT / "examples" / name)
    assert baocao.check(baocao.render(report)) == []


def test_the_draft_example_uses_what_it_shows() -> None:
    report = baocao.load(ROOT / "examples" / "draft-to-trinh.yaml")
    assert report.draft
    assert report.date is None
    assert report.year == 2026
    assert report.appendices[0].orientation.value == "landscape"
    ctx = baocao.context(report)
    assert ctx["recipient_lines"][-1] == "- Lưu: VT, NS, TH (2b)."
    assert ctx["marks"]["urgency"]["text"] == "KHẨN"
