"""The model refuses bad values with errors that name the field and the value."""

from __future__ import annotations

import datetime
import decimal
import unicodedata
from typing import Any

import attrs
import pytest

import baocao
from baocao import (
    Authority,
    DocumentType,
    Filing,
    Issuer,
    Item,
    Point,
    Section,
    Signatory,
    Table,
)
from baocao._check import check

from ..conftest import make_report


def test_values_are_frozen() -> None:
    report = make_report()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.number = 3  # type: ignore[misc]


def test_text_is_stored_in_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Sở Nội vụ")
    issuer = Issuer(name=nfd, abbreviation="SNV")
    assert issuer.name == "Sở Nội vụ"
    assert unicodedata.is_normalized("NFC", issuer.name)


def test_short_forms_are_converted() -> None:
    section = Section(title="Kết quả", body="Một đoạn", items=["Khoản không tiêu đề"])
    assert section.body == (baocao.Paragraph("Một đoạn"),)
    assert section.items[0].text == ("Khoản không tiêu đề",)
    issuer = Issuer(
        name=["Sở Nội vụ", "tỉnh Quảng Ninh"],
        abbreviation="SNV",
        parent=["Ủy ban nhân dân", "tỉnh Quảng Ninh"],
    )
    assert issuer.name == "Sở Nội vụ\ntỉnh Quảng Ninh"
    report = make_report(addressees="Bộ Nội vụ")
    assert report.addressees == ("Bộ Nội vụ",)


def test_symbol_joins_type_and_issuer() -> None:
    assert make_report().symbol == "BC-SNV"
    assert make_report(doc_type="Kế hoạch").symbol == "KH-SNV"
    assert make_report(doc_type=DocumentType.REGULATION).symbol == "QyĐ-SNV"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("BC", DocumentType.REPORT),
        ("Báo cáo", DocumentType.REPORT),
        ("BÁO CÁO", DocumentType.REPORT),
        ("tờ trình", DocumentType.SUBMISSION),
        ("TTr", DocumentType.SUBMISSION),
        ("QyĐ", DocumentType.REGULATION),
        ("ĐA", DocumentType.SCHEME),
        (DocumentType.PLAN, DocumentType.PLAN),
    ],
)
def test_document_type_by_name_or_abbreviation(value: Any, expected: DocumentType) -> None:
    assert DocumentType.parse(value) is expected


def test_every_type_uses_the_decree_abbreviation() -> None:
    table = {m.title: m.value for m in DocumentType}
    assert table["Báo cáo"] == "BC"
    assert table["Quy định"] == "QyĐ"
    assert table["Chương trình"] == "CTr"
    assert table["Giấy ủy quyền"] == "GUQ"
    assert table["Công văn"] == "CV"  # issue 13: baocao's code; no abbreviation in the ký hiệu
    assert len(table) == 18


def _report_error(**changes: Any) -> baocao.ValidationError:
    with pytest.raises(baocao.ValidationError) as info:
        make_report(**changes)
    return info.value


# (constructor, kwargs, path, words the message must hold)
CASES: list[tuple[Any, dict[str, Any], str, str]] = [
    (
        Signatory,
        {"name": "Lê A", "title": "B", "authority": "KT"},
        "authority",
        "'KT' is not one of TM., KT., TL., TUQ., Q.",
    ),
    (
        Signatory,
        {"name": "Lê A", "title": "Phó Giám đốc", "authority": "KT."},
        "acting_for",
        "is required with KT.",
    ),
    (
        Signatory,
        {"name": "Lê A", "title": "Giám đốc", "acting_for": "X"},
        "acting_for",
        "only used with",
    ),
    (
        Signatory,
        {
            "name": "Lê A",
            "title": "Chủ tịch",
            "authority": "TM.",
            "acting_for": "Hội đồng nhân dân",
            "collective": "Ủy ban nhân dân",
        },
        "collective",
        "only used with KT., Q., TL. or TUQ.",
    ),
    (Signatory, {"name": "", "title": "Giám đốc"}, "name", "must not be empty"),
    (Signatory, {"name": "   ", "title": "Giám đốc"}, "name", "must not be empty"),
    (Signatory, {"name": 5, "title": "Giám đốc"}, "name", "is not a text"),
    (
        Issuer,
        {"name": "Sở Nội vụ", "abbreviation": "S NV"},
        "abbreviation",
        "is not an abbreviation",
    ),
    (Issuer, {"name": "Sở\x00 Nội vụ", "abbreviation": "SNV"}, "name", "U+0000"),
    (Issuer, {"name": "Sở\ufffe", "abbreviation": "SNV"}, "name", "U+FFFE"),
    (Issuer, {"name": "Sở\x1b", "abbreviation": "SNV"}, "name", "U+001B"),
    (Filing, {"issued": 300}, "issued", "drafter"),
    (Filing, {"copies": 0}, "copies", "between 1 and 999"),
    (Filing, {"copies": True}, "copies", "is not a whole number"),
    (Item, {}, "title", "exactly one of title"),
    (Item, {"title": "A", "text": "B"}, "title", "exactly one of title"),
    (
        Item,
        {"text": "x", "points": [f"điểm {i}" for i in range(24)]},
        "points[23]",
        "run out at y)",
    ),
    (Section, {"title": "Kết quả"}, "items", "no body and no items"),
    (Section, {"title": "Kết quả", "body": [3]}, "body[0]", "is not a paragraph"),
    (Point, {"text": ""}, "text", "must not be empty"),
    (Point, {"text": ["", " "]}, "text", "must not be empty"),
    (Point, {"text": ["a", 1.5]}, "text[1]", "is not a text, money"),
    (Table, {"header": [], "rows": [["a"]]}, "header", "at least one column"),
    (Table, {"header": ["A"], "rows": []}, "rows", "at least one row"),
    (Table, {"header": ["A", "B"], "rows": [["a"]]}, "rows[0]", "has 1 cells but the header has 2"),
    (Table, {"header": ["A"], "rows": [[1.5]]}, "rows[0][0]", "'47,67'"),
    (Table, {"header": ["A"], "rows": [[True]]}, "rows[0][0]", "is not a text"),
    (
        Table,
        {"header": ["A"], "rows": [[decimal.Decimal("NaN")]]},
        "rows[0][0]",
        "not a finite number",
    ),
    (Table, {"header": ["A"], "rows": [["x"]], "totals": ["a", "b"]}, "totals", "has 2 cells"),
    (baocao.Money, {"amount": decimal.Decimal("10.5")}, "amount", "not a whole number"),
    (baocao.Money, {"amount": 1.0}, "amount", "'47,67'"),
    (baocao.Money, {"amount": 10, "style": "west"}, "style", "north, south"),
    (baocao.Money, {"amount": 10, "suffix": "chan"}, "suffix", "'chẵn'"),
    (baocao.Rate, {"actual": 1, "target": 0, "rounding": "down"}, "target", "zero"),
    (baocao.Rate, {"actual": 1, "target": 2, "rounding": "up"}, "rounding", "down, half_up"),
    (baocao.Percent, {"value": decimal.Decimal("Infinity")}, "value", "not a finite number"),
    (baocao.Date, {"value": datetime.datetime(2020, 1, 1)}, "value", "is not a date"),
]


@pytest.mark.parametrize(
    ("cls", "kwargs", "path", "words"), CASES, ids=[f"{c[0].__name__}.{c[2]}" for c in CASES]
)
def test_bad_values_name_their_field(
    cls: Any, kwargs: dict[str, Any], path: str, words: str
) -> None:
    with pytest.raises(baocao.ValidationError) as info:
        cls(**kwargs)
    assert info.value.path == path
    assert str(info.value).startswith(f"{path}: ")
    assert words in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, baocao.BaocaoError)


def test_type_errors_are_also_type_errors() -> None:
    with pytest.raises(TypeError) as info:
        Signatory(name=5, title="Giám đốc")  # type: ignore[arg-type]
    assert isinstance(info.value, baocao.InvalidTypeError)


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        ({"number": 0}, "number", "between 1 and 9999999"),
        ({"number": 10**7}, "number", "between 1 and 9999999"),
        ({"number": True}, "number", "is not a whole number"),
        ({"number": "2710"}, "number", "is not a whole number"),
        ({"date": "2020-07-03"}, "date", "is not a date"),
        ({"date": datetime.datetime(2020, 7, 3)}, "date", "is not a date"),
        ({"doc_type": "Quyết định"}, "doc_type", "is not one of BC (Báo cáo)"),
        ({"sections": [], "opening": []}, "sections", "a report needs some content"),
        ({"parts": [baocao.Part(title="Phần một", body=["x"])]}, "sections", "beside parts"),
        ({"addressees": ["Bộ Nội vụ"], "recipients": ["Bộ Nội vụ"]}, "recipients[0]", "Như trên"),
        ({"recipients": ["Bộ Nội vụ;"]}, "recipients[0]", "baocao adds the punctuation"),
        ({"legal_bases": ["Căn cứ Luật Lưu trữ,"]}, "legal_bases[0]", "punctuation"),
        ({"issuer": "Sở Nội vụ"}, "issuer", "is not an issuer"),
        ({"signatory": None}, "signatory", "is not a signatory"),
        ({"appendices": ["x"]}, "appendices[0]", "is not an appendix"),
    ],
)
def test_report_level_errors(changes: dict[str, Any], path: str, words: str) -> None:
    error = _report_error(**changes)
    assert error.path == path
    assert words in str(error)


def test_authority_values() -> None:
    assert [a.value for a in Authority] == ["TM.", "KT.", "TL.", "TUQ.", "Q."]
    signatory = Signatory(name="Lê A", title="Phó Giám đốc", authority="KT.", acting_for="Giám đốc")
    assert signatory.authority is Authority.KT


def test_twenty_three_points_are_allowed() -> None:
    item = Item(text="x", points=[f"điểm {i}" for i in range(23)])
    assert len(item.points) == 23


def test_equal_reports_compare_equal() -> None:
    assert make_report() == make_report()
    assert hash(make_report()) == hash(make_report())


# What render would print and check then refuse is refused here, saying what to write.
REFUSED_FOR_CHECK: list[tuple[dict[str, Any], str, str]] = [
    ({"place": ".........."}, "place", "does not start with a capital letter"),
    ({"place": "hà Nội"}, "place", "e.g. 'Hà Nội'"),
    ({"place": " Hà Nội"}, "place", "does not start with a capital letter"),
    ({"place": "Hà Nội\nViệt Nam"}, "place", "on one line"),
    ({"place": "Hà Nội "}, "place", "ends with a space"),
    ({"place": "Hà\tNội"}, "place", "a tab"),
    ({"recipients": ["Sở Tài chính\x85Sở Nội vụ"]}, "recipients[0]", "on one line"),
    ({"addressees": ["Bộ Nội vụ", "Sở\nTư pháp"]}, "addressees[1]", "on one line"),
    ({"subject": "KẾT QUẢ CÔNG TÁC NĂM 2025"}, "subject", "write the trích yếu in normal case"),
    (
        {"signatory": {"name": "NGUYỄN VĂN A", "title": "Giám đốc"}},
        "signatory.name",
        "in normal case",
    ),
    (
        {"signatory": {"name": "Nguyễn\nVăn A", "title": "Giám đốc"}},
        "signatory.name",
        "on one line",
    ),
    (
        {"issuer": {"name": "Sở Nội vụ", "abbreviation": "SNV\n"}},
        "issuer.abbreviation",
        "is not an abbreviation",
    ),
    # What each field may hold (docs/errors.md): found by check(render(r)) == [].
    ({"subject": "Kết quả\fnăm 2025"}, "subject", "only body text may hold"),
    ({"subject": "Kết quả\tnăm 2025"}, "subject", "the trích yếu cannot print"),
    ({"subject": "1. Kết quả công tác văn thư"}, "subject", "starts with a body label ('1.')"),
    ({"subject": "II. Kết quả"}, "subject", "the first heading of the body"),
    ({"subject": "a) Kết quả"}, "subject", "the first heading of the body"),
    ({"issuer": {"name": "Sở\tNội vụ", "abbreviation": "SNV"}}, "issuer.name", "a tab"),
    (
        {"issuer": {"name": ["Sở Nội vụ", "Phòng\f1"], "abbreviation": "SNV"}},
        "issuer.name",
        "a page break",
    ),
    ({"sections": [{"title": "Kết\fquả", "body": ["Đạt."]}]}, "sections[0].title", "a page break"),
    (
        {"sections": [{"title": "A", "items": [{"title": "B\fC", "body": ["D"]}]}]},
        "sections[0].items[0].title",
        "a page break",
    ),
    ({"appendices": [{"title": "Số\tliệu", "body": ["D"]}]}, "appendices[0].title", "a tab"),
    (
        {"sections": [{"title": "A", "body": [{"table": {"header": ["x\fy"], "rows": [[1]]}}]}]},
        "sections[0].body[0].table.header[0]",
        "a page break",
    ),
    (
        {"sections": [{"title": "A", "body": [{"table": {"header": ["x"], "rows": [["\f"]]}}]}]},
        "sections[0].body[0].table.rows[0][0]",
        "a page break",
    ),
    ({"legal_bases": ["Căn cứ\fLuật"]}, "legal_bases[0]", "a page break"),
    (
        {"closing": [{"dash": ["Gạch", "\fđầu dòng"]}]},
        "closing[0].dash[1]",
        "part it from its label",
    ),
    (
        {"sections": [{"title": "A", "items": ["\fKhoản"]}]},
        "sections[0].items[0].text[0]",
        "a page break",
    ),
    (
        {"sections": [{"title": "A", "items": [{"title": "B", "points": ["Đ\fiểm"]}]}]},
        "sections[0].items[0].points[0].text[0]",
        "a page break",
    ),
    ({"signatory": {"name": "Nguyễn\tVăn A", "title": "Giám đốc"}}, "signatory.name", "a tab"),
    (
        {"signatory": {"name": "(Đã ký) Lê A", "title": "Giám đốc"}},
        "signatory.name",
        "an annotation",
    ),
    ({"signatory": {"name": "Lê A", "title": "Giám\tđốc"}}, "signatory.title", "a tab"),
    ({"signatory": {"name": "Lê A", "title": "(Giám đốc)"}}, "signatory.title", "annotation"),
    (
        {
            "signatory": {
                "name": "Lê A",
                "title": "Phó Giám đốc",
                "authority": "KT.",
                "acting_for": "  Giám đốc",
            }
        },
        "signatory.acting_for",
        "white space",
    ),
    (
        {
            "signatory": {
                "name": "Lê A",
                "title": "Phó Chủ tịch",
                "authority": "KT.",
                "acting_for": "Chủ tịch",
                "collective": "\tỦy ban",
            }
        },
        "signatory.collective",
        "a tab",
    ),
    ({"recipients": ["- Như trên"]}, "recipients[0]", "starts with a dash"),
    ({"addressees": ["Bộ Nội vụ", "— Sở Tư pháp"]}, "addressees[1]", "starts with a dash"),
    ({"recipients": ["Sở\tTài chính"]}, "recipients[0]", "a tab"),
    ({"filing": {"unit": "VP\nTCCB"}}, "filing.unit", "on one line"),
    ({"filing": {"unit": "VP", "drafter": "P\tL"}}, "filing.drafter", "a tab"),
    (
        {"issuer": {"name": "Sở Nội vụ", "abbreviation": "Snv"}},
        "issuer.abbreviation",
        "write 'SNV'",
    ),
    ({"subject": "\u0301Kết quả"}, "subject", "starts with U+0301, a combining mark"),
    ({"closing": [{"text": ["Năm", "\u0309a"]}]}, "closing[0].text[1]", "U+0309"),
    (
        {"closing": [{"text": ["Năm 1927", {"money": 271}]}]},
        "closing[0].text[1]",
        "follows a digit",
    ),
    (
        {"closing": [{"text": [{"number": 19}, {"money": 27}]}]},
        "closing[0].text[1]",
        'prints "167 đồng"',
    ),
    (
        {"closing": [{"text": [{"date": "2026-01-02"}, {"money": 27}]}]},
        "closing[0].text[1]",
        "follows a digit",
    ),
    (
        {"closing": [{"text": [{"date": "1953-12-09"}, "", {"money": 612}]}]},
        "closing[0].text[2]",
        "follows a digit",
    ),  # an empty text prints nothing
]

TAKEN_BESIDE_THOSE: list[dict[str, Any]] = [  # the same characters where they belong
    {"closing": ["Trang một\fTrang hai"]},
    {"sections": [{"title": "Cột\tmột", "body": ["Cột\thai"]}]},
    {"legal_bases": ["Căn cứ\tLuật"]},
    {"closing": [{"text": ["Năm 1927: ", {"money": 271}]}]},
    {"closing": [{"text": ["Năm 1927", {"money": -271}]}]},  # "-" parts it
    {"signatory": {"name": "Lê A", "title": " Giám đốc"}},
    {"recipients": ["Sở Tài chính (để báo cáo)"]},
    {"recipients": ["+ Phòng A"]},
    {"subject": "Phần mềm quản lý văn bản điện tử"},  # a word, not "Phần I"
    {"subject": "Kết quả năm 2025\n2. Phương hướng"},  # a label on a later line
    {"subject": "06 tháng đầu năm 2026"},
]


@pytest.mark.parametrize("changes", TAKEN_BESIDE_THOSE)
def test_the_same_characters_are_taken_where_they_belong(changes: dict[str, Any]) -> None:
    from ..conftest import minimal_data

    report = baocao.load(minimal_data(**changes))
    assert check(baocao.render(report)) == []


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    REFUSED_FOR_CHECK,
    ids=[c[1] + ":" + repr(next(iter(c[0].values())))[:20] for c in REFUSED_FOR_CHECK],
)
def test_what_check_would_refuse_is_refused(changes: dict[str, Any], path: str, words: str) -> None:
    from ..conftest import minimal_data

    with pytest.raises(baocao.ValidationError) as info:
        baocao.load(minimal_data(**changes))
    assert info.value.path == path
    assert words in str(info.value)


@pytest.mark.parametrize("subject", ["Kết quả của UBND", "שלום עולם", "2026", "Đề án 06"])
def test_a_subject_in_normal_case_or_without_case_is_taken(subject: str) -> None:
    from ..conftest import minimal_data

    assert baocao.load(minimal_data(subject=subject)).subject == subject
