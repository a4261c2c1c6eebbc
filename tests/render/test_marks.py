"""Issue 12's context keys and what the default template prints for them: the draft's mark
and blanks, the subtitle, the marks of ô 10–11, the "Lưu" line's forms and each appendix's
label, reference and units line."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from lxml import etree

import baocao
from baocao import Appendix, Filing
from baocao._ooxml import mm_from_twips, paragraph_text, qn

from ..conftest import make_report

NBSP6 = "\u00a0" * 6


def _paragraphs(data: bytes) -> list[Any]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return list(root.iter(qn("p")))


def _texts(data: bytes) -> list[str]:
    return [paragraph_text(p) for p in _paragraphs(data)]


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        ({}, "Hà Nội, ngày 05 tháng 3 năm 2026"),
        (
            {"draft": True, "date": None, "year": 2026},
            f"Hà Nội, ngày {NBSP6} tháng {NBSP6} năm 2026",
        ),
        ({"draft": True, "date": None}, f"Hà Nội, ngày {NBSP6} tháng {NBSP6} năm {NBSP6}"),
    ],
    ids=["dated", "year-only", "blank"],
)
def test_the_date_line(changes: dict[str, Any], line: str) -> None:
    ctx = baocao.context(make_report(**changes))
    assert ctx["place_date"] == line
    assert ctx["draft_mark"] == ("DỰ THẢO" if changes else None)
    assert (ctx["date"] is None) == bool(changes)


def test_the_draft_mark_stands_above_the_type_name() -> None:
    texts = _texts(baocao.render(make_report(draft=True)))
    index = texts.index("DỰ THẢO")
    assert texts[index + 1] == "BÁO CÁO"


def test_the_subtitle_is_under_the_rule_and_not_bold() -> None:
    data = baocao.render(make_report(subtitle="(Tài liệu phục vụ Hội nghị sơ kết)"))
    paragraphs = _paragraphs(data)
    texts = [paragraph_text(p) for p in paragraphs]
    index = texts.index("(Tài liệu phục vụ Hội nghị sơ kết)")
    assert texts[index - 2] == "Kết quả thực hiện nhiệm vụ quý I năm 2026"
    assert texts[index - 1] == ""  # the rule, measured on the subject
    bold = paragraphs[index].find(f"{qn('r')}/{qn('rPr')}/{qn('b')}")
    assert bold is not None
    assert bold.get(qn("val")) == "0"


def _frame_mm(paragraph: Any, room_mm: float) -> float:
    ind = paragraph.find(f"{qn('pPr')}/{qn('ind')}")
    return room_mm - mm_from_twips(int(ind.get(qn("left"))) + int(ind.get(qn("right"))))


@pytest.mark.parametrize(("urgency", "width"), [("KHẨN", 20), ("THƯỢNG KHẨN", 40), ("HỎA TỐC", 30)])
def test_the_urgency_stamp_has_the_decree_s_size(urgency: str, width: float) -> None:
    paragraphs = _paragraphs(baocao.render(make_report(urgency=urgency, confidentiality="MẬT")))
    texts = [paragraph_text(p) for p in paragraphs]
    stamp = paragraphs[texts.index(urgency)]
    assert texts.index("MẬT") < texts.index(urgency)  # 10a above 10b
    assert texts.index(urgency) < texts.index("BÁO CÁO")
    cell = next(a for a in stamp.iterancestors() if a.tag == qn("tc"))
    room = mm_from_twips(int(cell.find(f"{qn('tcPr')}/{qn('tcW')}").get(qn("w"))))
    assert _frame_mm(stamp, room) == pytest.approx(width, abs=0.2)
    colour = stamp.find(f"{qn('r')}/{qn('rPr')}/{qn('color')}")
    assert colour.get(qn("val")) == "FF0000"


def test_the_circulation_note_is_first_and_at_the_right() -> None:
    paragraphs = _paragraphs(baocao.render(make_report(circulation="lưu hành nội bộ")))
    first = paragraphs[0]
    assert paragraph_text(first) == "LƯU HÀNH NỘI BỘ"
    ind = first.find(f"{qn('pPr')}/{qn('ind')}")
    assert ind.get(qn("right")) == "0"
    assert int(ind.get(qn("left"))) > 0


@pytest.mark.parametrize(
    ("filing", "line"),
    [
        (Filing(), "- Lưu: VT."),
        (Filing(unit="VP", copies=2), "- Lưu: VT, VP, 02."),
        (Filing(unit="NC", copies=2, copies_form="b"), "- Lưu: VT, NC (2b)."),
        (Filing(unit="NC", more_units=["TH", "KT"]), "- Lưu: VT, NC, TH, KT."),
        (
            Filing(unit="NC", more_units=["TH"], copies=3, copies_form="b", drafter="PL"),
            "- Lưu: VT, NC, TH (3b). PL.",
        ),
    ],
)
def test_the_filing_line(filing: Filing, line: str) -> None:
    assert baocao.context(make_report(filing=filing))["recipient_lines"][-1] == line


def _appendices(**changes: Any) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = baocao.context(make_report(**changes))["appendices"]
    return result


def test_appendix_labels() -> None:
    one = [Appendix(title="A", body=["x"])]
    two = [Appendix(title="A", body=["x"]), Appendix(title="B", body=["y"], numbering="number")]
    assert [a["label"] for a in _appendices(appendices=one)] == ["Phụ lục"]
    assert [a["label"] for a in _appendices(appendices=two)] == ["Phụ lục I", "Phụ lục số 02"]
    numbered = _appendices(appendices=one, appendix_numbering="number")
    assert [a["label"] for a in numbered] == ["Phụ lục số 01"]


def test_appendix_reference_units_and_orientation() -> None:
    given = [
        Appendix(title="A", body=["x"]),
        Appendix(
            title="B",
            body=["y"],
            reference="Ban hành kèm theo Báo cáo số 15/BC-SNV",
            units="triệu đồng",
            orientation="landscape",
        ),
        Appendix(title="C", body=["z"], reference="(Kèm theo Báo cáo này)"),
    ]
    first, second, third = _appendices(appendices=given)
    assert first["reference"].startswith("(Kèm theo Báo cáo số 15/BC-SNV ngày 05 tháng 3")
    assert (first["units_line"], first["orientation"], first["landscape"]) == (
        None,
        "portrait",
        False,
    )
    assert second["reference"] == "(Ban hành kèm theo Báo cáo số 15/BC-SNV)"
    assert second["units_line"] == "Đơn vị tính: triệu đồng"
    assert (second["orientation"], second["landscape"]) == ("landscape", True)
    assert third["reference"] == "(Kèm theo Báo cáo này)"


def test_the_units_line_is_right_and_italic() -> None:
    appendix = Appendix(title="A", body=["x"], units="triệu đồng")
    paragraphs = _paragraphs(baocao.render(make_report(appendices=[appendix])))
    (units,) = [p for p in paragraphs if paragraph_text(p) == "Đơn vị tính: triệu đồng"]
    assert units.find(f"{qn('pPr')}/{qn('jc')}").get(qn("val")) == "right"
    assert units.find(f"{qn('r')}/{qn('rPr')}/{qn('i')}") is not None


def test_a_draft_appendix_reference_has_the_blanks() -> None:
    appendix = Appendix(title="A", body=["x"])
    (entry,) = _appendices(appendices=[appendix], draft=True, date=None, year=2026, number=None)
    assert entry["reference"] == (
        f"(Kèm theo Báo cáo số {NBSP6}/BC-SNV ngày {NBSP6} tháng {NBSP6} năm 2026 của Sở Nội vụ)"
    )


def test_the_contact_block_is_a_frame_at_the_foot_of_page_1() -> None:
    lines = ["Địa chỉ: Số 8 Tràng Thi, Hà Nội", "ĐT: 024 3825 1234"]
    report = make_report(contact=lines)
    assert baocao.context(report)["contact_lines"] == lines
    paragraphs = _paragraphs(baocao.render(report))
    texts = [paragraph_text(p) for p in paragraphs]
    found = [paragraphs[texts.index(line)] for line in lines]
    assert texts.index(lines[0]) < texts.index("BÁO CÁO")  # anchored on page 1
    for paragraph in found:
        frame = paragraph.find(f"{qn('pPr')}/{qn('framePr')}")
        assert frame.get(qn("yAlign")) == "bottom"
        assert mm_from_twips(int(frame.get(qn("w")))) == pytest.approx(165, abs=0.1)
        assert paragraph.find(f"{qn('pPr')}/{qn('pBdr')}/{qn('top')}") is not None
    assert baocao.context(make_report())["contact_lines"] == []
