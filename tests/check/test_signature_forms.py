"""``check`` knows the signature forms (issue 12, §5): every form of the decree, alone or
among blocks side by side, has no finding; a nonsense chain or a title under KT./TL./TUQ.
that is the head's own is a ``signature.form`` finding; side-by-side blocks are read as
blocks, not as one broken block."""

from __future__ import annotations

from typing import Any

import pytest

import baocao
from baocao import Signatory
from baocao._check import parse

from ..conftest import make_report
from ..model.test_signature import FORMS
from .test_check_rules import Parts, mutate, para, set_text

IDS = [" ".join(f[0]) or "-" for f in FORMS]
HEAD = Signatory(name="Nguyễn Văn A", title="Giám đốc")


def _rules(data: bytes) -> set[str]:
    return {finding.rule for finding in baocao.check(data)}


@pytest.mark.parametrize(("chain", "fields", "lines"), FORMS, ids=IDS)
def test_each_form_checks_clean(
    chain: tuple[str, ...], fields: dict[str, Any], lines: list[str]
) -> None:
    signer = Signatory(name="Trần Thị B", **fields)
    assert baocao.check(baocao.render(make_report(signatory=signer))) == []


@pytest.mark.parametrize(("chain", "fields", "lines"), FORMS, ids=IDS)
def test_each_form_checks_clean_beside_another(
    chain: tuple[str, ...], fields: dict[str, Any], lines: list[str]
) -> None:
    signer = Signatory(name="Trần Thị B", **fields)
    data = baocao.render(make_report(signatory=HEAD, cosignatories=[signer]))
    assert baocao.check(data) == []
    found = parse(data).elements
    assert [f.text for f in found.cosignatures[0].lines] == lines
    assert found.cosignatures[0].signer is not None
    assert found.signer is not None
    assert found.signer.text == "Nguyễn Văn A"


def test_four_blocks_are_four_blocks() -> None:
    others = [Signatory(name=f"Lê Văn {n}", title="Chánh Thanh tra") for n in "BCD"]
    data = baocao.render(make_report(signatory=HEAD, cosignatories=others))
    assert baocao.check(data) == []
    assert len(parse(data).elements.cosignatures) == 3


def _replace(old: str, new: str) -> Any:
    def edit(x: Parts) -> None:
        set_text(para(x.document, old), new)

    return edit


KT = Signatory(name="Trần Văn B", title="Phó Giám đốc", authority="KT.", acting_for="Giám đốc")
TL_KT = Signatory(
    name="Trần Văn B",
    title="Phó Chánh Văn phòng",
    authority="KT.",
    acting_for="Chánh Văn phòng",
    by_order_of="Bộ trưởng",
)
TM_KT = Signatory(
    name="Trần Văn B",
    title="Phó Chủ tịch",
    authority="KT.",
    acting_for="Chủ tịch",
    collective="Ủy ban nhân dân",
)
TL = Signatory(name="Trần Văn B", title="Chánh Văn phòng", authority="TL.", acting_for="Giám đốc")

# (signer, old line, new line, words of the finding)
BROKEN: list[tuple[Signatory, str, str, str]] = [
    (KT, "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "KT. GIÁM ĐỐC then GIÁM ĐỐC"),
    (TL, "CHÁNH VĂN PHÒNG", "GIÁM ĐỐC", "TL. GIÁM ĐỐC then GIÁM ĐỐC"),
    (KT, "KT. GIÁM ĐỐC", "KT. PHÓ GIÁM ĐỐC", "KT. before a deputy's title"),
    (TL_KT, "TL. BỘ TRƯỞNG", "TUQ. BỘ TRƯỞNG", "Điều 13.3"),
    (TM_KT, "TM. ỦY BAN NHÂN DÂN", "KT. ỦY BAN NHÂN DÂN", "KT. twice"),
    (TM_KT, "TM. ỦY BAN NHÂN DÂN", "Q. ỦY BAN NHÂN DÂN", "no line signs under it"),
]


@pytest.mark.parametrize(("signer", "old", "new", "words"), BROKEN, ids=[b[3] for b in BROKEN])
@pytest.mark.parametrize("joint", [False, True], ids=["alone", "beside another"])
def test_nonsense_in_a_document_is_a_finding(
    signer: Signatory, old: str, new: str, words: str, joint: bool
) -> None:
    report = make_report(signatory=signer, cosignatories=[HEAD] if joint else [])
    findings = baocao.check(mutate(baocao.render(report), _replace(old, new)))
    forms = [f for f in findings if f.rule == "signature.form"]
    assert forms, findings
    assert any(words in f.found for f in forms), [f.found for f in forms]


def test_a_cosigners_broken_name_is_still_found() -> None:
    report = make_report(signatory=HEAD, cosignatories=[KT])
    data = mutate(baocao.render(report), _replace("Trần Văn B", "TRẦN VĂN B"))
    assert "signature.name" in _rules(data)


OTHER = Signatory(name="Trần Văn B", title="Giám đốc", other_title="Phó Trưởng ban Thường trực")


def test_the_other_title_above_the_name_is_not_the_signers_title() -> None:
    """ô 7b's other title ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC", just above the name) is no
    deputy's title: the signer's own is the one above the room for the signature."""
    assert _rules(baocao.render(make_report(signatory=OTHER))) == set()
    deputy = mutate(
        baocao.render(make_report(signatory=OTHER)), _replace("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    )
    assert "signature.deputy" in _rules(deputy)
    kt_alone = mutate(
        baocao.render(make_report(signatory=OTHER)), _replace("GIÁM ĐỐC", "KT. GIÁM ĐỐC")
    )
    assert "signature.own-title" in _rules(kt_alone)
