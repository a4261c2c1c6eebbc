"""The công văn (doc_type CV, Mẫu 1.5; issue 13): what it takes, what it refuses, its ký hiệu."""

from __future__ import annotations

from typing import Any

import pytest

import baocao

from ..conftest import make_report

LETTER: dict[str, Any] = {
    "doc_type": "CV",
    "issuer": baocao.Issuer(name="Sở Giáo dục và Đào tạo", abbreviation="SGDĐT"),
    "number": 2917,
    "subject": "báo cáo nhanh tình hình khai giảng",
    "addressees": ["Bộ Giáo dục và Đào tạo"],
    "sections": [],
    "opening": ["Sở Giáo dục và Đào tạo báo cáo nhanh như sau."],
    "filing": baocao.Filing(unit="VP"),
}


LETTER_DATA: dict[str, Any] = {
    "doc_type": "CV",
    "issuer": {"name": "Sở Giáo dục và Đào tạo", "abbreviation": "SGDĐT"},
    "number": 2917,
    "place": "Quảng Ninh",
    "date": "2026-09-08",
    "subject": "báo cáo nhanh",
    "addressees": ["Bộ Giáo dục và Đào tạo"],
    "opening": ["Xin báo cáo."],
    "filing": {"unit": "VP"},
    "signatory": {"title": "Giám đốc", "name": "Nguyễn Văn A"},
}
"""A công văn as data, the input of load and of the schema's tests."""


def make_letter(**changes: Any) -> baocao.Report:
    return make_report(**{**LETTER, **changes})


def test_a_letter_is_a_report_of_form_1_5() -> None:
    letter = make_letter()
    assert letter.doc_type is baocao.DocumentType.LETTER
    assert letter.doc_type.form == "1.5"
    assert not letter.doc_type.has_type_name
    assert baocao.DocumentType.parse("Công văn") is baocao.DocumentType.LETTER


def test_the_symbol_is_the_issuer_and_the_drafting_unit() -> None:
    ctx = baocao.context(make_letter())
    assert ctx["number_line"] == "Số: 2917/SGDĐT-VP"
    assert ctx["letter_subject"] == "V/v báo cáo nhanh tình hình khai giảng"
    assert ctx["doc_type"]["form"] == "1.5"
    assert ctx["recipient_lines"] == ["- Như trên;", "- Lưu: VT, VP."]


def test_a_report_has_no_letter_subject() -> None:
    ctx = baocao.context(make_report())
    assert ctx["letter_subject"] is None
    assert ctx["doc_type"]["form"] == "1.4"


REFUSED = [
    ({"addressees": []}, "addressees", "needs Kính gửi"),
    ({"filing": baocao.Filing()}, "filing.unit", "drafting unit"),
    ({"subject": "V/v báo cáo nhanh"}, "subject", "without it"),
    ({"subject": "về việc báo cáo nhanh"}, "subject", "without it"),
    ({"subtitle": "(Tài liệu hội nghị)"}, "subtitle", "no type name"),
    ({"legal_bases": ["Căn cứ Luật Giáo dục"]}, "legal_bases", "no căn cứ"),
    (
        {
            "parts": [
                baocao.Part(title="Kết quả", sections=[baocao.Section(title="A", body=["B."])])
            ],
            "opening": [],
        },
        "parts",
        "no phần",
    ),
]


@pytest.mark.parametrize(("changes", "path", "words"), REFUSED)
def test_what_a_letter_does_not_take_is_named(
    changes: dict[str, Any], path: str, words: str
) -> None:
    with pytest.raises(baocao.ValidationError) as info:
        make_letter(**changes)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert words in message


def test_the_error_says_which_fields_a_letter_takes() -> None:
    with pytest.raises(baocao.ValidationError, match=r"Công văn .* takes doc_type, issuer"):
        make_letter(addressees=[])


def test_load_picks_the_letter_from_doc_type() -> None:
    letter = baocao.load(LETTER_DATA)
    assert letter.symbol == "SGDĐT-VP"
