"""Rendering: the .docx holds the text in order, in the decree's format, escaped."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

import baocao
from baocao._ooxml import _metrics, paragraph_text

from ..conftest import make_report, open_docx

TNR = "Times New Roman"


def _paragraphs(document: Any) -> list[Any]:
    """Every paragraph of the body, table cells included, in document order."""
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def _by_style(document: Any, style: str) -> list[Any]:
    return [p for p in _paragraphs(document) if p.style is not None and p.style.name == style]


def _effective(paragraph: Any, attr: str) -> Any:
    style = paragraph.style
    while style is not None:
        value = getattr(style.font, attr)
        if value is not None:
            return value
        style = style.base_style
    return None


@pytest.fixture(scope="module")
def rendered() -> Any:
    report = make_report(
        issuer=baocao.Issuer(
            name="Sở Nội vụ",
            abbreviation="SNV",
            parent=["Ủy ban nhân dân", "Thành phố Hồ Chí Minh"],
        ),
        addressees=["Ủy ban nhân dân Thành phố"],
        legal_bases=["Căn cứ Nghị định số 30/2020/NĐ-CP"],
        recipients=["Cục Văn thư và Lưu trữ nhà nước"],
        filing=baocao.Filing(unit="VP"),
        sections=[
            baocao.Section(
                title="Kết quả",
                items=[
                    baocao.Item(
                        title="Ban hành văn bản",
                        body=["Đoạn một."],
                        points=[baocao.Point("Điểm a", body=[baocao.Dash("Gạch đầu dòng")])],
                    )
                ],
            )
        ],
        closing=["Trên đây là báo cáo"],
        appendices=[
            baocao.Appendix(
                title="Số liệu",
                body=[baocao.Table(header=["Trình độ", "Số lượng"], rows=[["Đại học", 1341]])],
            )
        ],
    )
    return open_docx(baocao.render(report))


def test_text_in_order(rendered: Any) -> None:
    texts = [p.text for p in _paragraphs(rendered) if p.text.strip()]
    expected = [
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH",
        "SỞ NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/BC-SNV",
        "Hà Nội, ngày 05 tháng 3 năm 2026",
        "BÁO CÁO",
        "Kết quả thực hiện nhiệm vụ quý I năm 2026",
        "Kính gửi: Ủy ban nhân dân Thành phố",
        "Căn cứ Nghị định số 30/2020/NĐ-CP.",
        "I. KẾT QUẢ",
        "1. Ban hành văn bản",
        "Đoạn một.",
        "a) Điểm a",
        "- Gạch đầu dòng",
        "Trên đây là báo cáo./.",
        "Nơi nhận:",
        "- Như trên;",
        "- Cục Văn thư và Lưu trữ nhà nước;",
        "- Lưu: VT, VP.",
        "GIÁM ĐỐC",
        "Nguyễn Văn A",
        "Phụ lục",
        "SỐ LIỆU",
        "(Kèm theo Báo cáo số 15/BC-SNV ngày 05 tháng 3 năm 2026 của Sở Nội vụ)",
        "Trình độ",
        "Số lượng",
        "Đại học",
        "1.341",
        "./.",
    ]
    assert texts == expected


def test_page_setup(rendered: Any) -> None:
    sections = rendered.sections
    assert len(sections) == 2  # the report, then one section per appendix
    for section in sections:
        assert abs(section.page_width - Mm(210)) < Mm(0.1)
        assert abs(section.page_height - Mm(297)) < Mm(0.1)
        assert abs(section.top_margin - Mm(20)) < Mm(0.1)
        assert abs(section.bottom_margin - Mm(20)) < Mm(0.1)
        assert abs(section.left_margin - Mm(30)) < Mm(0.1)
        assert abs(section.right_margin - Mm(15)) < Mm(0.1)
        assert section.different_first_page_header_footer
        pg = section._sectPr.find(qn("w:pgNumType"))
        assert pg is not None
        assert pg.get(qn("w:start")) == "1"


def test_page_number_in_header_not_on_first_page(rendered: Any) -> None:
    section = rendered.sections[0]
    header_xml = section.header._element.xml
    assert " PAGE " in header_xml
    paragraph = section.header.paragraphs[0]
    assert paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _effective(paragraph, "size").pt == 14
    assert section.first_page_header.paragraphs[0].text == ""
    assert "PAGE" not in section.first_page_header._element.xml


def test_times_new_roman_on_all_four_slots(rendered: Any) -> None:
    styles = rendered.styles.element
    defaults = f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"
    fonts = styles.find(f"{defaults}/{qn('w:rFonts')}")
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(slot)) == TNR
    for style in styles.iter(qn("w:style")):
        rfonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if rfonts is not None:
            slots = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
            assert {rfonts.get(qn(s)) for s in slots} == {TNR}
    # No run overrides the font.
    assert not list(rendered.element.body.iter(qn("w:rFonts")))


# (style name, size pt, bold, italic)
FORMATS = [
    ("BC Parent Body", 13, None, None),
    ("BC Issuing Body", 13, True, None),
    ("BC National Name", 13, True, None),
    ("BC Motto", 14, True, None),
    ("BC Number", 13, None, None),
    ("BC Place Date", 14, None, True),
    ("BC Type Name", 14, True, None),
    ("BC Subject", 14, True, None),
    ("BC Addressee", 14, None, None),
    ("BC Legal Basis", 14, None, True),
    ("BC Body", 14, None, None),
    ("BC Section Heading", 14, True, None),
    ("BC Recipients Label", 12, True, True),
    ("BC Recipients", 11, None, None),
    ("BC Signature", 14, True, None),
    ("BC Signature Name", 14, True, None),
    ("BC Appendix Label", 14, True, None),
    ("BC Appendix Reference", 14, None, True),
]


@pytest.mark.parametrize(("style", "size", "bold", "italic"), FORMATS)
def test_sizes_and_weights(
    rendered: Any, style: str, size: int, bold: bool | None, italic: bool | None
) -> None:
    paragraphs = _by_style(rendered, style)
    assert paragraphs, style
    paragraph = paragraphs[0]
    assert _effective(paragraph, "size").pt == size
    assert _effective(paragraph, "bold") is bold
    assert _effective(paragraph, "italic") is italic


def test_body_paragraph_format(rendered: Any) -> None:
    body = _by_style(rendered, "BC Body")[0]
    fmt = body.style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Mm(10) <= fmt.first_line_indent <= Mm(12.7)
    assert fmt.space_before.pt >= 6
    assert 1.0 <= fmt.line_spacing <= 1.5


def test_header_table_columns_and_rows(rendered: Any) -> None:
    header = rendered.tables[0]
    assert len(header.rows) == 2
    widths = [int(c.get(qn("w:w"))) for c in header._tbl.tblGrid.findall(qn("w:gridCol"))]
    left_share = widths[0] / sum(widths)
    assert 0.35 <= left_share <= 0.42
    # "Số:" and the date are in the same row, so they sit on the same line.
    assert header.rows[1].cells[0].text == "Số: 15/BC-SNV"
    assert header.rows[1].cells[1].text == "Hà Nội, ngày 05 tháng 3 năm 2026"
    # The Quốc hiệu fits its column on one line.
    room = _metrics.mm_from_twips(widths[1])
    assert _metrics.text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True) < room


def _rule_after(document: Any, style: str) -> tuple[float, float]:
    """(rule length, longest text line above it) in mm."""
    for paragraph in _paragraphs(document):
        if paragraph.style.name != style:
            continue
        rule = paragraph._p.getnext()
        while rule is not None and rule.tag != qn("w:p"):
            rule = rule.getnext()
        assert rule.pPr.pStyle.val == "BCRule"
        style = document.styles.element.get_by_id("BCRule")
        assert style.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
        ind = rule.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        cell = rule.getparent()
        if cell.tag == qn("w:tc"):
            room = int(cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
        else:
            room = _metrics.twips(165)
        length = _metrics.mm_from_twips(
            room - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))
        )
        return length, 0.0
    raise AssertionError(style)


def test_rules_are_measured(rendered: Any) -> None:
    motto, _ = _rule_after(rendered, "BC Motto")
    assert motto == pytest.approx(
        _metrics.text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True), abs=0.2
    )
    issuer, _ = _rule_after(rendered, "BC Issuing Body")
    name = _metrics.text_width_mm("SỞ NỘI VỤ", 13, bold=True)
    assert name / 3 <= issuer <= name / 2
    subject, _ = _rule_after(rendered, "BC Subject")
    line = _metrics.text_width_mm("Kết quả thực hiện nhiệm vụ quý I năm 2026", 14, bold=True)
    assert line / 3 <= subject <= line / 2


def test_long_place_name_widens_the_right_column() -> None:
    report = make_report(place="Thành phố Hồ Chí Minh")
    document = open_docx(baocao.render(report))
    widths = [
        int(c.get(qn("w:w"))) for c in document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    ]
    needed = _metrics.text_width_mm(
        "Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2026", 14, italic=True
    )
    assert _metrics.mm_from_twips(widths[1]) >= needed
    assert sum(widths) == _metrics.twips(165)


def test_footer_table_puts_recipients_beside_signature(rendered: Any) -> None:
    footer = rendered.tables[1]
    assert len(footer.rows) == 1
    left, right = footer.rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:"
    assert right.paragraphs[0].text == "GIÁM ĐỐC"
    assert right.paragraphs[-1].text == "Nguyễn Văn A"


HOSTILE = [
    "R&D <b>in đậm</b> \"quote\" 'nháy'",
    "{{ subject }} {% if x %} {# c #} {_{ }_} {_% %_}",
    "Tab\there",
    "Dòng một\nDòng hai",
    "Dòng một\vDòng hai",
    "Ab\r\nBc",
    "\u00a0nbsp\u00a0",
    "מימין לשמאל",
    "emoji 📄✅",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_appears_exactly_as_typed(text: str) -> None:
    centred = "\t" not in text  # a centred line (the trích yếu) refuses a tab
    report = make_report(
        subject=text if centred else "Kết quả", sections=[baocao.Section(title="A", body=[text])]
    )
    document = open_docx(baocao.render(report))
    expected = text.replace("\r\n", "\n").replace("\v", "\n")
    if centred:
        assert _by_style(document, "BC Subject")[0].text == expected
    body = [p for p in _by_style(document, "BC Body") if p.text.strip()]
    assert body[0].text == expected + "./."


def test_form_feed_becomes_a_page_break() -> None:
    report = make_report(sections=[baocao.Section(title="A", body=["Trang một\fTrang hai"])])
    xml = open_docx(baocao.render(report)).element.body.xml
    assert 'w:type="page"' in xml
    texts = " ".join(
        paragraph_text(p) for p in open_docx(baocao.render(report)).element.body.iter(qn("w:p"))
    )
    assert "Trang một" in texts
    assert "Trang hai" in texts


def test_output_is_deterministic() -> None:
    report = make_report()
    first = baocao.render(report)
    assert baocao.render(report) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert package.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = open_docx(first).core_properties
    assert props.created.date().isoformat() == "2026-03-05"
    assert props.title == "Báo cáo Kết quả thực hiện nhiệm vụ quý I năm 2026"
    assert props.author == "Sở Nội vụ"


def test_render_to_path_and_stream(tmp_path: Path) -> None:
    report = make_report()
    target = tmp_path / "out.docx"
    data = baocao.render(report, target)
    assert target.read_bytes() == data
    assert list(tmp_path.iterdir()) == [target]
    stream = io.BytesIO()
    baocao.render(report, stream)
    assert stream.getvalue() == data


def test_failed_render_leaves_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    template = _custom_template(tmp_path, "{{ missing_value }}")
    with pytest.raises(baocao.TemplateError):
        baocao.render(make_report(), target, template=template)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["custom.docx", "out.docx"]


def test_render_refuses_wrong_types(tmp_path: Path) -> None:
    with pytest.raises(baocao.InvalidTypeError):
        baocao.render({"subject": "x"})  # type: ignore[arg-type]
    with pytest.raises(baocao.InvalidTypeError):
        baocao.render(make_report(), 42)  # type: ignore[arg-type]


def _custom_template(tmp_path: Path, *lines: str) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "custom.docx"
    document.save(str(path))
    return path


def test_custom_template(tmp_path: Path) -> None:
    template = _custom_template(
        tmp_path,
        "{{ doc_type.title_upper }}: {{ subject }}",
        "{{ number_line }} {{ issuer.parent }}",
        "{{ 4607678000 | money_words(style='south') }}",
    )
    document = open_docx(baocao.render(make_report(), template=template))
    assert [p.text for p in document.paragraphs] == [
        "BÁO CÁO: Kết quả thực hiện nhiệm vụ quý I năm 2026",
        "Số: 15/BC-SNV ",
        "Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng",
    ]


def test_missing_variable_is_an_error_naming_it(tmp_path: Path) -> None:
    template = _custom_template(tmp_path, "Kính gửi: {{ recipient_name }}")
    with pytest.raises(baocao.TemplateError) as info:
        baocao.render(make_report(), template=template)
    assert "'recipient_name' is undefined" in str(info.value)
    assert "(in the paragraph: Kính gửi: {{ recipient_name }})" in str(info.value)
    template = _custom_template(tmp_path, "{{ issuer.phone }}")
    with pytest.raises(baocao.TemplateError, match="phone"):
        baocao.render(make_report(), template=template)


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    template = _custom_template(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(baocao.TemplateError, match=r"sandbox|unsafe|undefined"):
        baocao.render(make_report(), template=template)


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04garbage"])
def test_unusable_template(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(baocao.NotADocxError, match=r"is not a usable \.docx \("):
        baocao.render(make_report(), template=path)
    with pytest.raises(baocao.TemplateError, match="cannot read"):
        baocao.render(make_report(), template=tmp_path / "missing.docx")


def test_size_profile_13_moves_sizes_together() -> None:
    document = open_docx(baocao.render(make_report(), profile="13"))
    sizes = {
        name: _effective(_by_style(document, name)[0], "size").pt
        for name in (
            "BC National Name",
            "BC Motto",
            "BC Number",
            "BC Place Date",
            "BC Body",
            "BC Recipients Label",
            "BC Recipients",
            "BC Signature",
        )
    }
    assert sizes == {
        "BC National Name": 12,
        "BC Motto": 13,
        "BC Number": 13,
        "BC Place Date": 13,
        "BC Body": 13,
        "BC Recipients Label": 12,
        "BC Recipients": 11,
        "BC Signature": 13,
    }
    assert baocao.render(make_report(), profile=14) == baocao.render(make_report())


@pytest.mark.parametrize("profile", ["12", 15, "", None, True])
def test_unknown_profile(profile: Any) -> None:
    with pytest.raises(baocao.ValidationError, match="is not a size profile"):
        baocao.render(make_report(), profile=profile)


def test_margins_inside_the_law() -> None:
    margins = baocao.Margins(top=25, bottom=25, left=35, right=20)
    document = open_docx(baocao.render(make_report(), margins=margins))
    section = document.sections[0]
    assert abs(section.left_margin - Mm(35)) < Mm(0.1)
    assert abs(section.right_margin - Mm(20)) < Mm(0.1)
    assert abs(section.top_margin - Mm(25)) < Mm(0.1)
    for table in document.tables[:2]:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(grid) - _metrics.twips(155)) <= 1  # twips rounding of three widths


@pytest.mark.parametrize(
    ("side", "value", "words"),
    [
        ("left", 29, "30–35 mm"),
        ("left", 36, "30–35 mm"),
        ("right", 14.9, "15–20 mm"),
        ("top", 26, "20–25 mm"),
        ("bottom", 19, "20–25 mm"),
    ],
)
def test_margins_outside_the_law(side: str, value: float, words: str) -> None:
    with pytest.raises(baocao.ValidationError) as info:
        baocao.Margins(**{side: value})
    assert info.value.path == f"margins.{side}"
    assert words in str(info.value)
    with pytest.raises(baocao.InvalidTypeError):
        baocao.Margins(top="20")  # type: ignore[arg-type]


def test_every_style_follows_the_profile() -> None:
    from baocao._nd30 import STYLE_SIZES

    document = open_docx(baocao.render(make_report(), profile="13"))
    for style in document.styles:
        if style.style_id.startswith("BC"):
            assert style.font.size.pt == STYLE_SIZES[style.style_id][1], style.name


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    target = tmp_path / "new.docx"
    baocao.render(make_report(), target)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    target.chmod(0o640)
    baocao.render(make_report(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_last_paragraph_keeps_with_the_signature(rendered: Any) -> None:
    footer = rendered.tables[1]._tbl
    before = footer.getprevious()
    last = before.getprevious()
    assert paragraph_text(last) == "Trên đây là báo cáo./."
    for paragraph in (before, last):
        assert paragraph.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
