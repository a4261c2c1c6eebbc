"""The examples of issue 12's signatures and footnotes render and check clean."""

from __future__ import annotations

import pytest

import baocao

from .conftest import ROOT

EXAMPLES = ("bc-tm-kt.yaml", "bc-lien-tich.yaml", "bc-chu-thich.yaml")


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_example_checks_clean(name: str) -> None:
    report = baocao.load(ROOT / "examples" / name)
    assert baocao.check(baocao.render(report)) == []


def test_the_examples_show_what_they_are_for() -> None:
    tm_kt, joint, notes = (baocao.load(ROOT / "examples" / name) for name in EXAMPLES)
    assert baocao.context(tm_kt)["signature"]["lines"][:2] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
    ]
    assert baocao.context(joint)["joint"] is True
    assert len(baocao.context(notes)["footnotes"]) == 3
