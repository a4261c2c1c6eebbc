"""check on a công văn (Mẫu 1.5; issue 13): recognised by its "V/v" line under "Số:" and no
type name; one broken document per rule of ``_rules_letter``."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

import baocao

from ..conftest import ROOT

EXAMPLE = ROOT / "examples" / "cong-van-bao-cao-nhanh.yaml"


@pytest.fixture(scope="module")
def letter_docx() -> bytes:
    return baocao.render(baocao.load(EXAMPLE))


def _letter_para(document: Any) -> Any:
    for table in document.tables:
        for cell in table._cells:
            for para in cell.paragraphs:
                if para.text.startswith("V/v"):
                    return para
    raise AssertionError("no V/v line")


def _bold(document: Any) -> None:
    for run in _letter_para(document).runs:
        run.bold = True


def _large(document: Any) -> None:
    for run in _letter_para(document).runs:
        run.font.size = Pt(14)


def _left(document: Any) -> None:
    _letter_para(document).alignment = WD_ALIGN_PARAGRAPH.LEFT


def _moved(document: Any) -> None:
    para = _letter_para(document)
    text = para.text
    para._p.getparent().remove(para._p)
    right = document.tables[0].cell(1, 1)
    right.add_paragraph(text)


def _no_addressee(document: Any) -> None:
    for para in list(document.paragraphs):
        if para.text.startswith(("Kính gửi", "- Bộ", "- Ủy ban")):
            para._p.getparent().remove(para._p)


LETTER_CASES: list[tuple[str, Callable[[Any], None]]] = [
    ("letter.subject_style", _bold),
    ("letter.subject_size", _large),
    ("letter.subject", _left),
    ("letter.subject", _moved),
    ("letter.addressee", _no_addressee),
]
"""One broken công văn per rule of ``_rules_letter`` (test_check_rules counts them)."""


def _break(data: bytes, change: Callable[[Any], None]) -> bytes:
    document = docx.Document(io.BytesIO(data))
    change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_letter_has_no_report_only_findings(letter_docx: bytes) -> None:
    assert baocao.check(letter_docx) == []


@pytest.mark.parametrize(
    ("rule", "change"), LETTER_CASES, ids=[case[1].__name__ for case in LETTER_CASES]
)
def test_each_letter_rule_finds_its_broken_document(
    letter_docx: bytes, rule: str, change: Callable[[Any], None]
) -> None:
    findings = baocao.check(_break(letter_docx, change))
    assert rule in {f.rule for f in findings}, [str(f) for f in findings]
    assert not {f.rule for f in findings} & {"type.bold", "type.align", "type.size"}


def test_a_report_gets_no_letter_rule() -> None:
    data = baocao.render(baocao.load(ROOT / "examples" / "2710-BC-SNV.yaml"))
    document = docx.Document(io.BytesIO(data))
    assert not [p for p in document.paragraphs if p.text.startswith("V/v")]
    assert not [f for f in baocao.check(data) if f.rule.startswith("letter.")]


VARIANTS: dict[str, dict[str, Any]] = {
    "marks": {"urgency": "KHẨN", "confidentiality": "MẬT"},
    "draft": {"draft": True, "number": None},
    "appendix": {"appendices": [{"title": "Số liệu khai giảng", "body": ["Bảng số liệu."]}]},
    "three addressees and a long subject": {
        "subject": "báo cáo nhanh tình hình khai giảng năm học 2026 - 2027 và công tác bảo đảm "
        "an toàn trường học trong mùa mưa bão trên địa bàn tỉnh",
        "addressees": ["Bộ Giáo dục và Đào tạo", "Ủy ban nhân dân tỉnh", "Sở Tài chính"],
    },
    "numbered items": {
        "sections": [{"title": "Kết quả", "items": ["Đã khai giảng.", "Đã bảo đảm an toàn."]}]
    },
}
"""Công văn with the shared parts of a report: each renders with no finding."""


@pytest.mark.parametrize("profile", ["14", "13"])
@pytest.mark.parametrize("name", list(VARIANTS))
def test_letters_with_the_shared_parts_check_clean(name: str, profile: str) -> None:
    from ..model.test_letter import LETTER_DATA

    letter = baocao.load({**LETTER_DATA, **VARIANTS[name]})
    findings = baocao.check(baocao.render(letter, profile=profile))
    assert findings == [], [str(f) for f in findings]
