"""The template context: numbering, lines and punctuation come from the library."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import baocao
from baocao import Item, Point, Section, Signatory
from baocao._render._context import POINT_LETTERS, filing_line, point_letter, roman

from ..conftest import make_report


def _labels(report: baocao.Report) -> list[tuple[str, str]]:
    return [(b["kind"], b["label"]) for b in baocao.context(report)["body"]]


def test_context_is_plain_json() -> None:
    ctx = baocao.context(make_report(appendices=[baocao.Appendix(title="Số liệu", body=["x"])]))
    assert json.loads(json.dumps(ctx)) == ctx


def test_sections_items_and_points_are_numbered_by_order() -> None:
    report = make_report(
        sections=[
            Section(
                title="Kết quả",
                items=[
                    Item(title="Ban hành văn bản"),
                    Item(text="Khoản không tiêu đề", points=["a", "b", "c", "d", "e", "f"]),
                ],
            ),
            Section(title="Nhận xét", body=["x"]),
            Section(title="Kiến nghị", body=["y"]),
        ]
    )
    assert _labels(report) == [
        ("section", "I."),
        ("item_title", "1."),
        ("item", "2."),
        ("point", "a)"),
        ("point", "b)"),
        ("point", "c)"),
        ("point", "d)"),
        ("point", "đ)"),
        ("point", "e)"),
        ("section", "II."),
        ("paragraph", ""),
        ("section", "III."),
        ("paragraph", ""),
    ]


def test_the_letter_after_d_is_dd_and_the_last_is_y() -> None:
    assert POINT_LETTERS[:7] == ("a", "b", "c", "d", "đ", "e", "g")
    assert POINT_LETTERS[-1] == "y"
    assert len(POINT_LETTERS) == 23
    assert not set("fjwz") & set(POINT_LETTERS)
    with pytest.raises(baocao.ValidationError, match="run out after y"):
        point_letter(23)


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "I"), (3, "III"), (4, "IV"), (9, "IX"), (12, "XII"), (49, "XLIX"), (3999, "MMMCMXCIX")],
)
def test_roman(n: int, text: str) -> None:
    assert roman(n) == text


def test_parts_restart_section_numbers() -> None:
    report = make_report(
        sections=(),
        parts=[
            baocao.Part(
                title="Tình hình",
                sections=[Section(title="A", body=["x"]), Section(title="B", body=["y"])],
            ),
            baocao.Part(title="Phương hướng", sections=[Section(title="C", body=["z"])]),
        ],
    )
    ctx = baocao.context(report)
    assert [(b["label"], b["text"]) for b in ctx["body"] if b["kind"] in ("part", "section")] == [
        ("Phần I", "TÌNH HÌNH"),
        ("I.", "A"),
        ("II.", "B"),
        ("Phần II", "PHƯƠNG HƯỚNG"),
        ("I.", "C"),
    ]


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("Trên đây là báo cáo", "Trên đây là báo cáo./."),
        ("Trên đây là báo cáo.", "Trên đây là báo cáo./."),
        ("Trên đây là báo cáo./.", "Trên đây là báo cáo./."),
        ("Trên đây là báo cáo  ", "Trên đây là báo cáo./."),
    ],
)
def test_content_ends_with_end_mark(last: str, expected: str) -> None:
    body = baocao.context(make_report(closing=[last]))["body"]
    assert body[-1]["text"] == expected
    assert sum(b["text"].endswith("./.") for b in body) == 1


def test_end_mark_after_a_table_is_its_own_paragraph() -> None:
    table = baocao.Table(header=["A"], rows=[["x"]])
    body = baocao.context(make_report(sections=[Section(title="A", body=[table])]))["body"]
    assert body[-1] == {"kind": "paragraph", "label": "", "text": "./."}


@pytest.mark.parametrize(
    ("number", "line"),
    [
        (2710, "Số: 2710/BC-SNV"),
        (5, "Số: 05/BC-SNV"),
        (10, "Số: 10/BC-SNV"),
        (None, "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-SNV"),
    ],
)
def test_number_line(number: int | None, line: str) -> None:
    assert baocao.context(make_report(number=number))["number_line"] == line


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2020, 7, 3), "Hà Nội, ngày 03 tháng 7 năm 2020"),
        (datetime.date(2021, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2021"),
        (datetime.date(2024, 2, 29), "Hà Nội, ngày 29 tháng 02 năm 2024"),
        (datetime.date(2020, 12, 10), "Hà Nội, ngày 10 tháng 12 năm 2020"),
        (datetime.date(2026, 3, 9), "Hà Nội, ngày 09 tháng 3 năm 2026"),
    ],
)
def test_place_and_date_line(day: datetime.date, text: str) -> None:
    assert baocao.context(make_report(date=day))["place_date"] == text


@pytest.mark.parametrize(
    ("filing", "line"),
    [
        (baocao.Filing(), "- Lưu: VT."),
        (baocao.Filing(unit="VP"), "- Lưu: VT, VP."),
        (baocao.Filing(unit="TCCB", copies=2), "- Lưu: VT, TCCB, 02."),
        (baocao.Filing(unit="VP", drafter="PL", issued=300), "- Lưu: VT, VP. PL.(300)."),
        (baocao.Filing(unit="VP", drafter="NTH"), "- Lưu: VT, VP. NTH."),
    ],
)
def test_filing_line(filing: baocao.Filing, line: str) -> None:
    assert filing_line(filing) == line


def test_recipients_start_with_nhu_tren_under_kinh_gui() -> None:
    ctx = baocao.context(
        make_report(
            addressees=["Ủy ban nhân dân Thành phố"], recipients=["Cục Văn thư và Lưu trữ nhà nước"]
        )
    )
    assert ctx["addressee"] == "Ủy ban nhân dân Thành phố"
    assert ctx["addressee_lines"] == []
    assert ctx["recipient_lines"] == [
        "- Như trên;",
        "- Cục Văn thư và Lưu trữ nhà nước;",
        "- Lưu: VT.",
    ]


def test_several_addressees_are_punctuated() -> None:
    ctx = baocao.context(make_report(addressees=["Bộ Nội vụ", "Ủy ban nhân dân tỉnh"]))
    assert ctx["addressee"] is None
    assert ctx["addressee_lines"] == ["- Bộ Nội vụ;", "- Ủy ban nhân dân tỉnh."]


def test_without_kinh_gui_there_is_no_nhu_tren() -> None:
    ctx = baocao.context(make_report(recipients=["Bộ Nội vụ"]))
    assert ctx["recipient_lines"] == ["- Bộ Nội vụ;", "- Lưu: VT."]


def test_legal_bases() -> None:
    ctx = baocao.context(
        make_report(
            legal_bases=["Căn cứ Luật Lưu trữ năm 2024", "Căn cứ Nghị định số 30/2020/NĐ-CP"]
        )
    )
    assert ctx["legal_bases"] == [
        "Căn cứ Luật Lưu trữ năm 2024;",
        "Căn cứ Nghị định số 30/2020/NĐ-CP.",
    ]


SIGNATURES: list[tuple[dict[str, Any], list[str]]] = [
    ({"title": "Giám đốc"}, ["GIÁM ĐỐC"]),
    ({"title": "Giám đốc", "authority": "Q."}, ["Q. GIÁM ĐỐC"]),
    (
        {"title": "Phó Giám đốc", "authority": "KT.", "acting_for": "Giám đốc"},
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
    ),
    (
        {"title": "Chánh Văn phòng", "authority": "TL.", "acting_for": "Giám đốc"},
        ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
    ),
    (
        {"title": "Trưởng phòng Tổ chức", "authority": "TUQ.", "acting_for": "Giám đốc"},
        ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG TỔ CHỨC"],
    ),
    (
        {"title": "Chủ tịch", "authority": "TM.", "acting_for": "Ủy ban nhân dân"},
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ),
    (
        {
            "title": "Phó Chủ tịch",
            "authority": "KT.",
            "acting_for": "Chủ tịch",
            "collective": "Ủy ban nhân dân",
        },
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    ),
]


@pytest.mark.parametrize(("fields", "lines"), SIGNATURES)
def test_signature_lines(fields: dict[str, Any], lines: list[str]) -> None:
    signatory = Signatory(name="Trần Thị B", **fields)
    ctx = baocao.context(make_report(signatory=signatory))
    assert (ctx["signature"]["lines"], ctx["signature"]["name"]) == (lines, "Trần Thị B")


def test_upper_case_is_in_the_text() -> None:
    ctx = baocao.context(
        make_report(
            issuer=baocao.Issuer(
                name="Sở Nội vụ", abbreviation="SNV", parent=["Ủy ban nhân dân", "tỉnh Quảng Ninh"]
            ),
            doc_type="Tờ trình",
        )
    )
    assert ctx["issuer"]["name_upper"] == "SỞ NỘI VỤ"
    assert ctx["issuer"]["parent_upper"] == "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH"
    assert ctx["doc_type"]["title_upper"] == "TỜ TRÌNH"


def test_appendices() -> None:
    one = baocao.context(make_report(appendices=[baocao.Appendix(title="Số liệu", body=["x"])]))
    assert one["appendices"][0]["label"] == "Phụ lục"
    assert one["appendices"][0]["title"] == "SỐ LIỆU"
    assert one["appendices"][0]["reference"] == (
        "(Kèm theo Báo cáo số 15/BC-SNV ngày 05 tháng 3 năm 2026 của Sở Nội vụ)"
    )
    assert one["appendices"][0]["body"][-1]["text"] == "x./."
    two = baocao.context(
        make_report(
            appendices=[
                baocao.Appendix(title="A", body=["x"]),
                baocao.Appendix(title="B", body=["y"]),
            ]
        )
    )
    assert [a["label"] for a in two["appendices"]] == ["Phụ lục I", "Phụ lục II"]


def test_text_pieces_are_written_out() -> None:
    import decimal

    point = Point(
        [
            "Kinh phí là ",
            baocao.Money(4607678000, style="south"),
            ", đạt ",
            baocao.Rate(320, 788, rounding="down"),
            " (",
            baocao.Rate(320, 788, rounding="half_up"),
            "), ",
            baocao.Percent(decimal.Decimal("32.59")),
            ", ",
            baocao.Number(1341),
            " người, ",
            baocao.Date(datetime.date(2014, 1, 13)),
        ]
    )
    report = make_report(sections=[Section(title="A", items=[Item(text="x", points=[point])])])
    text = baocao.context(report)["body"][2]["text"]
    assert text == (
        "Kinh phí là 4.607.678.000 đồng (Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám "
        "ngàn đồng), đạt 40,60% (40,61%), 32,59%, 1.341 người, ngày 13 tháng 01 năm 2014./."
    )


def test_table_cells() -> None:
    import decimal

    table = baocao.Table(
        header=["Trình độ", "Số lượng", "Tỷ lệ"],
        rows=[
            ["Đại học", 1341, baocao.Rate(41, 86, rounding="down")],
            ["Trung cấp", decimal.Decimal("320.5"), ""],
        ],
        totals=["Tổng", 1661, ""],
    )
    block = baocao.context(make_report(sections=[Section(title="A", body=[table])]))["body"][1]
    assert block["header"] == ["Trình độ", "Số lượng", "Tỷ lệ"]
    assert block["rows"][0] == [
        {"text": "Đại học", "numeric": False},
        {"text": "1.341", "numeric": True},
        {"text": "47,67%", "numeric": True},
    ]
    assert block["rows"][1][1] == {"text": "320,5", "numeric": True}
    assert block["totals"][1] == {"text": "1.661", "numeric": True}
