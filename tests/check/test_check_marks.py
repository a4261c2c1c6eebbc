"""The checker and issue 12's elements: a draft's blanks, the marks of ô 10–11, the
subtitle, and appendices numbered "Phụ lục số 01" or referred to "(Ban hành kèm theo …)".

A rendered draft with every mark has no finding (no false findings); each broken copy
fires exactly its rule.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

import baocao
from baocao import Appendix, Filing
from baocao._check import check
from baocao._check._rules import RULES

from ..conftest import make_report
from .test_check_rules import Parts, W, mutate, para, set_rpr, set_text


def marked_report(**changes: object) -> baocao.Report:
    """A draft with a blank day and month, a subtitle, the three marks and two appendices,
    the first landscape with a units line, the second numbered and referred to its own way."""
    fields: dict[str, object] = {
        "draft": True,
        "date": None,
        "year": 2026,
        "subtitle": "(Tài liệu phục vụ Hội nghị sơ kết quý I)",
        "confidentiality": "MẬT",
        "urgency": "HỎA TỐC",
        "circulation": "XEM XONG TRẢ LẠI",
        "contact": ["Địa chỉ: Số 8 Tràng Thi, Hà Nội", "ĐT: 024 3825 1234, Fax: 024 3825 5678"],
        "addressees": ["Ủy ban nhân dân tỉnh"],
        "filing": Filing(unit="NC", more_units=["TH"], copies=2, copies_form="b"),
        "appendices": [
            Appendix(
                title="Số liệu kinh tế",
                orientation="landscape",
                units="triệu đồng",
                body=[
                    baocao.Table(
                        header=["STT", "Chỉ tiêu", "Năm 2025", "Năm 2026", "Tăng"],
                        rows=[["1", "Thu ngân sách", 1200, 1500, 300]],
                    )
                ],
            ),
            Appendix(
                title="Danh mục",
                numbering="number",
                reference="Ban hành kèm theo Báo cáo của Sở Nội vụ",
                body=["Các nhiệm vụ trọng tâm."],
            ),
        ],
    }
    fields.update(changes)
    return make_report(**fields)


@pytest.fixture(scope="module")
def marked() -> bytes:
    return baocao.render(marked_report())


def test_a_marked_draft_has_no_finding(marked: bytes) -> None:
    assert check(marked) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"draft": False, "date": datetime.date(2026, 3, 5), "year": None},
        {"date": None, "year": None},  # a wholly blank date
        {"urgency": "HỎA TỐC HẸN GIỜ", "circulation": "TRẢ LẠI SAU KHI HỌP (HỘI NGHỊ)"},
        {"confidentiality": "TUYỆT MẬT", "urgency": "KHẨN", "circulation": "TÀI LIỆU THU HỒI"},
        {"appendix_numbering": "number"},
    ],
    ids=["signed", "blank-date", "timed", "top-secret", "numbered"],
)
def test_every_variant_has_no_finding(changes: dict[str, object]) -> None:
    assert check(baocao.render(marked_report(**changes))) == []


def test_the_checker_finds_the_marks_and_the_subtitle(marked: bytes) -> None:
    from baocao._check._document import parse

    elements = parse(marked).elements
    assert elements.draft is not None
    assert elements.draft.text == "DỰ THẢO"
    assert [f.text for f in elements.marks] == ["XEM XONG TRẢ LẠI", "MẬT", "HỎA TỐC"]
    assert " ".join(f.text for f in elements.subtitle) == "(Tài liệu phục vụ Hội nghị sơ kết quý I)"
    assert [a.label.text for a in elements.appendices] == ["Phụ lục I", "Phụ lục số 02"]
    assert all(a.reference is not None for a in elements.appendices)
    assert elements.addressee, "Kính gửi is found after the subtitle"


def test_a_subtitle_without_parentheses_is_the_subtitle() -> None:
    """A subtitle is any centred text under the trích yếu that is not bold; bodies put it
    in parentheses, but the model does not ask for them (found by the rich-report
    property: "hiện ban quả" was read as a body paragraph, centred)."""
    from baocao._check._document import parse

    data = baocao.render(make_report(subtitle="Tài liệu phục vụ Hội nghị sơ kết"))
    assert check(data) == []
    assert [f.text for f in parse(data).elements.subtitle] == ["Tài liệu phục vụ Hội nghị sơ kết"]


def _no_draft_mark(x: Parts) -> None:
    p = para(x.document, "DỰ THẢO")
    p.getparent().remove(p)


def _mark_not_bold(x: Parts) -> None:
    set_rpr(para(x.document, "MẬT"), "b", val="0")


def _mark_lower_case(x: Parts) -> None:
    set_text(para(x.document, "XEM XONG TRẢ LẠI"), "Xem xong trả lại")


def _circulation_below(x: Parts) -> None:
    p = para(x.document, "XEM XONG TRẢ LẠI")
    body = p.getparent()
    body.remove(p)
    para(x.document, "BÁO CÁO").addprevious(p)


def _secret_mark_moved(x: Parts) -> None:
    p = para(x.document, "MẬT")
    p.getparent().remove(p)
    para(x.document, "BÁO CÁO").addprevious(p)


def _urgency_unframed(x: Parts) -> None:
    ppr = para(x.document, "HỎA TỐC").find(W + "pPr")
    ppr.remove(ppr.find(W + "pBdr"))


def _urgency_frame_as_wide_as_its_column(x: Parts) -> None:
    ind = para(x.document, "HỎA TỐC").find(f"{W}pPr/{W}ind")
    ind.set(W + "left", "0")
    ind.set(W + "right", "0")


MARK_CASES: list[tuple[str, Callable[[Parts], None]]] = [
    ("date.blank", _no_draft_mark),
    ("marks.format", _mark_not_bold),
    ("marks.position", _circulation_below),
    ("marks.frame", _urgency_unframed),
]


@pytest.mark.parametrize(
    ("rule", "edit"),
    [
        *MARK_CASES,
        ("marks.format", _mark_lower_case),
        ("marks.position", _secret_mark_moved),
        ("marks.frame", _urgency_frame_as_wide_as_its_column),
    ],
    ids=[
        *(rule for rule, _ in MARK_CASES),
        "marks.format-case",
        "marks.position-10a",
        "marks.frame-size",
    ],
)
def test_exactly_the_broken_rule_fires(
    marked: bytes, rule: str, edit: Callable[[Parts], None]
) -> None:
    findings = check(mutate(marked, edit))
    assert {f.rule for f in findings} == {rule}, "\n".join(str(f) for f in findings)
    expected = next(r for r in RULES if r.id == rule)
    assert all((f.clause, f.severity) == (expected.clause, expected.severity) for f in findings)


def test_a_signed_report_with_a_blank_day_is_a_finding() -> None:
    """A typed date line with the day and month left blank, in a report that is no draft."""
    data = baocao.render(make_report())

    def blank(x: Parts) -> None:
        set_text(
            para(x.document, "Hà Nội, ngày"),
            "Hà Nội, ngày \u00a0\u00a0 tháng \u00a0\u00a0 năm 2026",
        )

    findings = check(mutate(data, blank))
    assert [f.rule for f in findings] == ["date.blank"]
    assert "day and month left blank" in findings[0].found


def test_a_draft_number_is_never_a_finding() -> None:
    """The Văn thư writes the number after signing (Điều 15): a blank number is normal."""
    assert check(baocao.render(make_report(number=None))) == []


def test_a_wrong_appendix_number_is_a_finding() -> None:
    data = baocao.render(marked_report())

    def renumber(x: Parts) -> None:
        set_text(para(x.document, "Phụ lục số 02"), "Phụ lục số 2")

    assert {f.rule for f in check(mutate(data, renumber))} == {"appendix.label"}


def test_a_report_without_number_and_date_line_checks_clean() -> None:
    """A báo cáo chuyên đề for a conference: no "Số:" line and no date line, on request."""
    report = make_report(
        number_and_date=False,
        number=None,
        date=None,
        place=None,
        subtitle="(Tài liệu phục vụ Hội nghị xúc tiến đầu tư)",
    )
    ctx = baocao.context(report)
    assert (ctx["number_line"], ctx["place_date"], ctx["date_text"]) == ("", "", "")
    data = baocao.render(report)
    assert check(data) == []
    from baocao._check._document import parse

    elements = parse(data).elements
    assert [f.text for f in elements.issuer] == ["SỞ NỘI VỤ"]
    assert (elements.number, elements.date) == (None, None)


def test_a_missing_number_line_alone_is_still_a_finding() -> None:
    data = baocao.render(make_report())

    def drop(x: Parts) -> None:
        set_text(para(x.document, "Số: 15/BC-SNV"), "")

    assert {f.rule for f in check(mutate(data, drop))} == {"structure.elements"}
