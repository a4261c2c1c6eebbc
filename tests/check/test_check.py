"""The checker's reading of a .docx: effective formatting, where the parts of a report are
found, bad inputs, the ``check`` command and the generated conformance table."""

from __future__ import annotations

import argparse
import decimal
import functools
import io
import json
import re
import runpy
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import baocao
from baocao._check._document import ParsedDocument, parse
from baocao._check._finding import Finding, shorten
from baocao._check._rules import RULES, check, conformance_table
from baocao._cli import _check as _cli_check
from baocao._errors import BaocaoError, InvalidTypeError, ValidationError
from baocao._model import Segment
from baocao._ooxml import Font, RunFormat

from ..conftest import make_report

ROOT = Path(__file__).resolve().parents[2]

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)
A4 = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" '
    'w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
TNR_DEFAULTS = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
    'w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
)


def build(
    body: str,
    *,
    styles: str | None = None,
    theme: str | None = None,
    numbering: str | None = None,
    header: str | None = None,
    sect: str = A4,
) -> bytes:
    """A minimal .docx: ``body`` is the inner XML of ``w:body`` (the sectPr is added)."""
    parts: dict[str, str] = {}
    rels = []
    overrides = [
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    ]
    if styles is not None:
        parts["word/styles.xml"] = f"<w:styles {NS}>{styles}</w:styles>"
        rels.append(("rStyles", "styles", "styles.xml"))
    if theme is not None:
        parts["word/theme/theme1.xml"] = theme
        rels.append(("rTheme", "theme", "theme/theme1.xml"))
    if numbering is not None:
        parts["word/numbering.xml"] = f"<w:numbering {NS}>{numbering}</w:numbering>"
        rels.append(("rNumbering", "numbering", "numbering.xml"))
    if header is not None:
        parts["word/header1.xml"] = f"<w:hdr {NS}>{header}</w:hdr>"
        rels.append(("rHeader", "header", "header1.xml"))
    parts["word/document.xml"] = f"<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{i}" Type="{REL}{t}" Target="{target}"/>' for i, t, target in rels
        )
        + "</Relationships>"
    )
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(overrides)
        + "</Types>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def p(text: str, *, ppr: str = "", rpr: str = "") -> str:
    """A paragraph of one run."""
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def style(
    style_id: str,
    *,
    based: str = "",
    kind: str = "paragraph",
    rpr: str = "",
    ppr: str = "",
    default: bool = False,
) -> str:
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    flag = ' w:default="1"' if default else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"{flag}>'
        f'<w:name w:val="{style_id}"/>{based_xml}<w:pPr>{ppr}</w:pPr>'
        f"<w:rPr>{rpr}</w:rPr></w:style>"
    )


def first_format(data: bytes, index: int = 0) -> RunFormat:
    doc = parse(data)
    return doc.paragraphs[index].spans[0].fmt


# --------------------------------------------------------------------------- formatting


def test_document_defaults_and_word_defaults() -> None:
    fmt = first_format(build(p("Sở Nội vụ"), styles=TNR_DEFAULTS))
    assert (fmt.size, fmt.bold, fmt.italic) == (14.0, False, False)
    assert fmt.h_ansi == Font("Times New Roman")
    bare = first_format(build(p("Sở Nội vụ")))
    assert bare.size == 10.0  # Word's size when nothing gives one
    assert bare.ascii.name == "Times New Roman"  # ... and its font
    assert bare.color == "auto"
    assert bare.black


def test_style_chain_through_based_on() -> None:
    styles = TNR_DEFAULTS + "".join(
        [
            style("Normal", default=True, rpr='<w:sz w:val="28"/>', ppr='<w:jc w:val="both"/>'),
            style(
                "Parent",
                based="Normal",
                rpr='<w:b/><w:sz w:val="26"/>',
                ppr='<w:ind w:firstLine="720"/>',
            ),
            style("Child", based="Parent", rpr="<w:i/>", ppr='<w:spacing w:before="120"/>'),
        ]
    )
    doc = parse(build(p("A", ppr='<w:pStyle w:val="Child"/>') + p("B"), styles=styles))
    child, normal = doc.paragraphs
    fmt = child.spans[0].fmt
    assert (fmt.size, fmt.bold, fmt.italic) == (13.0, True, True)
    assert (child.fmt.align, child.fmt.first_line, child.fmt.before) == ("both", 720, 120)
    assert normal.style_id == "Normal"
    assert normal.spans[0].fmt.size == 14.0
    assert not normal.spans[0].fmt.bold


def test_direct_formatting_wins_and_toggles_xor_between_style_levels() -> None:
    styles = TNR_DEFAULTS + "".join(
        [
            style("Heading", rpr="<w:b/><w:i/>"),
            style("Strong", kind="character", rpr="<w:b/>"),
            style("Soft", kind="character", rpr='<w:i w:val="0"/>'),
        ]
    )
    runs = (
        '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>x</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Soft"/></w:rPr><w:t>y</w:t></w:r>'
        '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>z</w:t></w:r>'
    )
    body = f'<w:p><w:pPr><w:pStyle w:val="Heading"/></w:pPr>{runs}</w:p>'
    spans = parse(build(body, styles=styles)).paragraphs[0].spans
    strong, soft, direct = (s.fmt for s in spans)
    assert not strong.bold  # bold paragraph style + bold character style toggle off
    assert soft.italic  # a false toggle in a style does not switch it off
    assert not direct.bold
    assert direct.italic


def test_character_style_chain_and_run_properties() -> None:
    styles = (
        TNR_DEFAULTS
        + style("Base", kind="character", rpr='<w:sz w:val="22"/>')
        + style("Small", kind="character", based="Base", rpr='<w:color w:val="FF0000"/><w:caps/>')
    )
    body = (
        '<w:p><w:r><w:rPr><w:rStyle w:val="Small"/></w:rPr><w:t>nơi nhận</w:t></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r></w:p>"
    )
    doc = parse(build(body, styles=styles))
    para = doc.paragraphs[0]
    assert [s.text for s in para.spans] == ["nơi nhận"]  # hidden text is not text
    fmt = para.spans[0].fmt
    assert (fmt.size, fmt.color, fmt.caps, fmt.black) == (11.0, "FF0000", True, False)
    assert para.fragments[0].shown == "NƠI NHẬN"


THEME = (
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="T">'
    '<a:themeElements><a:clrScheme name="C"><a:dk1><a:sysClr val="windowText" '
    'lastClr="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>'
    '<a:accent1><a:srgbClr val="4F81BD"/></a:accent1></a:clrScheme>'
    '<a:fontScheme name="F"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/>'
    '<a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/>'
    '<a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>'
    "</a:themeElements></a:theme>"
)


def test_theme_fonts_and_colours_are_resolved() -> None:
    styles = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" '
        'w:hAnsiTheme="minorHAnsi" w:ascii="Times New Roman"/><w:sz w:val="28"/>'
        "</w:rPr></w:rPrDefault></w:docDefaults>"
    )
    body = (
        p("Báo cáo")
        + p("x", rpr='<w:color w:val="000000" w:themeColor="text1"/>')
        + p("y", rpr='<w:color w:val="000000" w:themeColor="text1" w:themeTint="BF"/>')
        + p("z", rpr='<w:color w:val="000000" w:themeColor="accent1"/>')
    )
    doc = parse(build(body, styles=styles, theme=THEME))
    fmt = doc.paragraphs[0].spans[0].fmt
    assert fmt.h_ansi == Font("Calibri", "minorHAnsi")  # the theme attribute wins
    assert str(fmt.ascii) == "Calibri (theme font minorHAnsi)"
    colours = [para.spans[0].fmt.color for para in doc.paragraphs[1:]]
    assert colours == ["000000", "404040", "4F81BD"]
    found = [f for f in check(build(body, styles=styles, theme=THEME)) if f.rule == "font.family"]
    assert found
    assert "Calibri (theme font minorHAnsi)" in found[0].found


def test_table_style_sits_between_defaults_and_paragraph_style() -> None:
    styles = (
        TNR_DEFAULTS
        + style("Grid", kind="table", rpr='<w:sz w:val="24"/>')
        + style("Big", rpr='<w:sz w:val="32"/>')
    )
    big = p("b", ppr='<w:pStyle w:val="Big"/>')
    cell = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr>'
        f"<w:tc>{p('a')}</w:tc><w:tc>{big}</w:tc></w:tr></w:tbl>"
    )
    doc = parse(build(cell + p("c"), styles=styles))
    a, b, c = doc.paragraphs
    assert (a.spans[0].fmt.size, b.spans[0].fmt.size, c.spans[0].fmt.size) == (12, 16, 14)
    assert a.container.kind == "cell"
    assert (a.container.row, a.container.column) == (0, 0)
    assert b.container.column == 1
    assert a.container.width_mm == pytest.approx((4000 - 216) / 56.6929, abs=0.01)


def test_paragraph_properties_merge_attribute_by_attribute() -> None:
    styles = TNR_DEFAULTS + style(
        "Body",
        ppr='<w:ind w:left="100" w:hanging="200"/>'
        '<w:spacing w:before="120" w:line="360" w:lineRule="auto"/>',
    )
    body = p("x", ppr='<w:pStyle w:val="Body"/><w:ind w:firstLine="567"/><w:spacing w:after="60"/>')
    fmt = parse(build(body, styles=styles)).paragraphs[0].fmt
    assert (fmt.left, fmt.first_line) == (100, 567)
    assert (fmt.before, fmt.after, fmt.line, fmt.line_rule) == (120, 60, 360, "auto")


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%3)"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def numbered(level: int, text: str) -> str:
    return p(text, ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>')


def test_automatic_numbering_is_computed() -> None:
    body = (
        numbered(0, "KẾT QUẢ")
        + numbered(1, "Đào tạo")
        + "".join(numbered(2, f"Điểm {n}") for n in range(5))
        + numbered(0, "TỒN TẠI")
        + numbered(1, "Kinh phí")
    )
    doc = parse(build(body, styles=TNR_DEFAULTS, numbering=NUMBERING))
    labels = [para.numbered_text for para in doc.paragraphs]
    assert labels == [
        "I. KẾT QUẢ",
        "1. Đào tạo",
        "a) Điểm 0",
        "b) Điểm 1",
        "c) Điểm 2",
        "d) Điểm 3",
        "e) Điểm 4",
        "II. TỒN TẠI",
        "1. Kinh phí",
    ]
    assert doc.paragraphs[2].fmt.first_line == 720  # the level's indent applies


def test_word_letters_break_the_vietnamese_point_order() -> None:
    header = report_header()
    body = (
        header
        + numbered(0, "KẾT QUẢ")
        + numbered(1, "Đào tạo")
        + "".join(numbered(2, f"Điểm {n}") for n in range(5))
    )
    found = [
        f
        for f in check(build(body, styles=TNR_DEFAULTS, numbering=NUMBERING))
        if f.rule == "numbering.points"
    ]
    assert [(f.found, f.expected[:4]) for f in found] == [('"e)"', '"đ)"')]


# --------------------------------------------------------------------------- finding parts

QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BOLD = "<w:b/>"
CENTRE = '<w:jc w:val="center"/>'


def report_header() -> str:
    """A header written as plain paragraphs (no table), then the type name."""
    return (
        p("SỞ NỘI VỤ", rpr=BOLD, ppr=CENTRE)
        + p(QH, rpr=BOLD, ppr=CENTRE)
        + p(MOTTO, rpr=BOLD, ppr=CENTRE)
        + p("Số: 15/BC-SNV", ppr=CENTRE)
        + p("Hà Nội, ngày 05 tháng 3 năm 2026", rpr="<w:i/>", ppr=CENTRE)
        + p("BÁO CÁO", rpr=BOLD, ppr=CENTRE)
        + p("Kết quả quý I", rpr=BOLD, ppr=CENTRE)
    )


def test_parts_found_in_plain_paragraphs() -> None:
    doc = parse(build(report_header(), styles=TNR_DEFAULTS))
    el = doc.elements
    assert el.national_name is not None
    assert el.national_name.text == QH
    assert el.motto is not None
    assert el.number is not None
    assert el.date is not None
    assert [f.text for f in el.issuer] == ["SỞ NỘI VỤ"]
    assert el.type_name is not None
    assert el.type_name.text == "BÁO CÁO"
    assert [f.text for f in el.subject] == ["Kết quả quý I"]
    rules = {f.rule for f in check(build(report_header(), styles=TNR_DEFAULTS))}
    assert "date.position" in rules  # "Số:" and the date are on different lines


def test_parts_found_in_table_cells_of_a_rendered_report() -> None:
    doc = parse(baocao.render(make_report(addressees=["Bộ Nội vụ"])))
    el = doc.elements
    assert el.national_name is not None
    assert el.date is not None
    assert el.number is not None
    assert el.national_name.para.container.kind == "cell"
    assert (el.number.para.container.row, el.number.para.container.column) == (1, 0)
    assert (el.date.para.container.row, el.date.para.container.column) == (1, 1)
    assert doc.same_row(el.number, el.date)
    assert [f.text for f in el.addressee] == ["Kính gửi: Bộ Nội vụ"]
    assert el.recipients_label is not None
    assert el.signer is not None
    assert el.signer.text == "Nguyễn Văn A"
    assert [f.text for f in el.signature] == ["GIÁM ĐỐC"]
    assert el.motto_line is not None
    assert el.motto_line.kind == "border"
    assert el.motto_line.length_mm == pytest.approx(60.5, abs=0.1)


def test_tab_and_line_break_layouts() -> None:
    br = "<w:br/>"
    tab = "<w:tab/>"
    body = (
        f"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>SỞ NỘI VỤ</w:t>{tab}<w:t>{QH}</w:t>{br}"
        f"{tab}<w:t>{MOTTO}</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>Số: 15/BC-SNV</w:t>{tab}</w:r><w:r><w:rPr><w:i/></w:rPr>"
        "<w:t>Hà Nội, ngày 05 tháng 3 năm 2026</w:t></w:r></w:p>"
        + p("BÁO CÁO", rpr=BOLD, ppr=CENTRE)
    )
    doc = parse(build(body, styles=TNR_DEFAULTS))
    el = doc.elements
    assert el.national_name is not None
    assert el.motto is not None
    assert el.national_name.para is el.motto.para  # one paragraph, two lines
    assert el.number is not None
    assert el.date is not None
    assert doc.same_row(el.number, el.date)  # one line, split by a tab
    assert [f.text for f in el.issuer] == ["SỞ NỘI VỤ"]
    assert not el.date.whole_line


def test_alternate_content_is_read_once_and_text_boxes_are_containers() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Trong khung</w:t></w:r></w:p></w:txbxContent>"
    body = (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor><wp:extent cx="1800000" cy="360000"/><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    doc = parse(build(body))
    texts = [(para.text, para.container.kind) for para in doc.paragraphs]
    assert texts == [("", "body"), ("Trong khung", "textbox")]
    assert doc.paragraphs[1].container.width_mm == pytest.approx(50 - 5.08)


def _line_shape(length_mm: float) -> str:
    cx = int(length_mm * 36000)
    return (
        f'<w:r><w:drawing><wp:anchor><wp:extent cx="{cx}" cy="0"/><a:graphic>'
        "<a:graphicData><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm>"
        f'<a:ext cx="{cx}" cy="0"/></a:xfrm><a:prstGeom prst="line"/></wps:spPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


@pytest.mark.parametrize(
    ("after_motto", "kind", "length"),
    [
        (f"<w:p>{_line_shape(60.0)}</w:p>", "shape", 60.0),
        (
            '<w:p><w:r><w:pict><v:line from="0,0" to="170.1pt,0"/></w:pict></w:r></w:p>',
            "shape",
            60.0,
        ),
        (p("_" * 24, ppr=CENTRE), "typed", 24 * 7 * 25.4 / 72),
        (
            '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6"/></w:pBdr>'
            '<w:ind w:left="2835" w:right="2835"/></w:pPr></w:p>',
            "border",
            165.0 - 100.0,
        ),
    ],
    ids=["drawingml", "vml", "underscores", "border"],
)
def test_the_line_under_the_motto(after_motto: str, kind: str, length: float) -> None:
    body = p(QH, rpr=BOLD, ppr=CENTRE) + p(MOTTO, rpr=BOLD, ppr=CENTRE) + after_motto
    line = parse(build(body, styles=TNR_DEFAULTS)).elements.motto_line
    assert line is not None
    assert line.kind == kind
    assert line.length_mm == pytest.approx(length, abs=0.1)


def test_an_underlined_motto_has_no_line() -> None:
    body = p(QH, rpr=BOLD, ppr=CENTRE) + p(MOTTO, rpr=BOLD + '<w:u w:val="single"/>', ppr=CENTRE)
    found = [f for f in check(build(body, styles=TNR_DEFAULTS)) if f.rule == "motto.rule"]
    assert len(found) == 1
    assert "underlined" in found[0].found


# --------------------------------------------------------------------------- inputs


def test_path_bytes_and_stream_give_the_same_findings(tmp_path: Path) -> None:
    data = build(report_header(), styles=TNR_DEFAULTS)
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    by_bytes = check(data)
    assert by_bytes == check(path) == check(str(path)) == check(io.BytesIO(data))
    assert by_bytes == check(data)  # deterministic


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"plain text, not a document", "not a ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Word 97-2003 .doc"),
        (_zip({"hello.txt": b"hi"}), "no word/document.xml"),
        (_zip({"word/document.xml": b"<w:document"}), "not well-formed XML"),
        (_zip({"word/document.xml": b"<html/>"}), "not a Word document"),
        (
            _zip(
                {
                    "word/document.xml": b'<w:document xmlns:w="http://purl.oclc.org/ooxml/'
                    b'wordprocessingml/main"/>'
                }
            ),
            "Strict Open XML",
        ),
    ],
    ids=["text", "old-doc", "no-document", "broken-xml", "not-wordml", "strict"],
)
def test_bad_inputs_raise_a_validation_error(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as info:
        check(data)
    assert isinstance(info.value, BaocaoError)


def test_missing_path_and_wrong_types(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        check(tmp_path / "missing.docx")
    with pytest.raises(InvalidTypeError, match="binary mode"):
        check(io.StringIO("text"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        check(42)  # type: ignore[arg-type]


def test_parsed_document_type() -> None:
    assert isinstance(parse(build(p("x"))), ParsedDocument)


# --------------------------------------------------------------------------- findings


def test_finding_is_frozen_and_readable() -> None:
    finding = Finding(
        "date.padding", "PL I, II.4.b", "error", 'Ngày "x"', 'month "03"', 'month "3"'
    )
    assert str(finding) == (
        'error date.padding (PL I, II.4.b): Ngày "x": found month "03", expected month "3"'
    )
    assert finding.to_dict()["rule"] == "date.padding"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.rule = "x"  # type: ignore[misc]


def test_shorten() -> None:
    assert shorten("a  b\nc") == "a b c"
    assert len(shorten("x" * 100, 20)) == 20


def test_rule_ids_are_unique_and_described() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.severity in ("error", "warning")
        assert rule.clause
        assert rule.description.endswith(".")


# --------------------------------------------------------------------------- command line


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="baocao")
    sub = parser.add_subparsers(dest="command", required=True)
    _cli_check.add_parser(sub)
    args = parser.parse_args(argv)
    status: int = args.func(args)
    out = capsys.readouterr()
    return status, out.out, out.err


def test_cli_prints_one_finding_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.docx"
    good.write_bytes(baocao.render(make_report()))
    bad = tmp_path / "bad.docx"
    status, out, err = run_cli(["check", str(good)], capsys)
    assert (status, out) == (0, "")
    assert "good.docx: no findings" in err
    header = build(report_header(), styles=TNR_DEFAULTS)
    bad.write_bytes(header)
    status, out, err = run_cli(["check", str(bad)], capsys)
    assert status == 1
    lines = out.splitlines()
    assert lines
    assert all(line.startswith(f"{bad}: ") for line in lines)
    assert any(
        f"{bad}: error date.position (PL I, II.4.c): " in line
        and ": found " in line
        and ", expected " in line
        for line in lines
    )
    assert "errors" in err


def test_cli_warnings_alone_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text: list[Segment] = ["Đạt ", baocao.Percent(decimal.Decimal("47.67")), " và 32,59 %."]
    report = make_report(
        sections=[baocao.Section(title="Kết quả", body=[baocao.Paragraph(text=text)])]
    )
    path = tmp_path / "warn.docx"
    path.write_bytes(baocao.render(report))
    status, out, _ = run_cli(["check", str(path)], capsys)
    assert status == 0
    assert "warning percent.spacing" in out


def test_cli_json_and_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(build(report_header(), styles=TNR_DEFAULTS))
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    status, out, err = run_cli(["check", "--json", str(broken), str(bad)], capsys)
    assert status == 1
    assert err.startswith("baocao: error: ")
    assert "not a ZIP archive" in err
    data = json.loads(out)
    assert data
    assert {item["file"] for item in data} == {str(bad)}
    assert set(data[0]) == {"file", "rule", "clause", "severity", "where", "found", "expected"}
    status, out, err = run_cli(["check", str(tmp_path / "missing.docx")], capsys)
    assert status == 1
    assert out == ""
    assert "does not exist" in err


# --------------------------------------------------------------------------- docs


def test_conformance_doc_matches_the_rule_table() -> None:
    text = (ROOT / "docs" / "conformance.md").read_text(encoding="utf-8")
    namespace: dict[str, Any] = runpy.run_path(str(ROOT / "tools" / "gen_conformance_doc.py"))
    assert namespace["render"](text) == text, (
        "docs/conformance.md is out of date: run python tools/gen_conformance_doc.py"
    )
    assert conformance_table() in text


# --------------------------------------------------------------------------- more layouts


def footer_paragraphs(recipients: list[str]) -> str:
    """A footer written as plain paragraphs: the signature, then Nơi nhận below it."""
    small = '<w:sz w:val="22"/>'
    return (
        p("GIÁM ĐỐC", rpr=BOLD, ppr=CENTRE)
        + p("")
        + p("Nguyễn Văn A", rpr=BOLD, ppr=CENTRE)
        + p("Nơi nhận:", rpr='<w:b/><w:i/><w:sz w:val="24"/>')
        + "".join(p(line, rpr=small) for line in recipients)
    )


def test_signature_written_as_paragraphs() -> None:
    body = report_header() + footer_paragraphs(["- Như trên;", "- Lưu: VT."])
    doc = parse(build(body, styles=TNR_DEFAULTS))
    el = doc.elements
    assert [f.text for f in el.signature] == ["GIÁM ĐỐC"]
    assert el.signer is not None
    assert el.signer.text == "Nguyễn Văn A"
    assert [f.text for f in el.recipients] == ["- Như trên;", "- Lưu: VT."]
    rules = {f.rule for f in check(build(body, styles=TNR_DEFAULTS))}
    assert "recipients.position" in rules  # below the signature, not beside it
    assert not {"signature.title", "signature.name", "recipients.lines"} & rules


def test_recipient_groups_with_plus_lines() -> None:
    lines = ["- Như trên;", "- Các sở:", "+ Sở Tài chính;", "+ Sở Tư pháp;", "- Lưu: VT, VP."]
    body = report_header() + footer_paragraphs(lines)
    assert "recipients.lines" not in {f.rule for f in check(build(body, styles=TNR_DEFAULTS))}
    bad = report_header() + footer_paragraphs(["+ Sở Tài chính;", "- Lưu: VT."])
    found = [f for f in check(build(bad, styles=TNR_DEFAULTS)) if f.rule == "recipients.lines"]
    assert [f.found for f in found] == ['"+" at the start']


def test_a_units_line_next_to_a_table_is_not_body_text() -> None:
    body_style = '<w:jc w:val="both"/><w:ind w:firstLine="720"/><w:spacing w:before="120"/>'
    table = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc>'
        f"{p('Số liệu')}</w:tc></w:tr></w:tbl>"
    )
    body = (
        report_header()
        + p("Kết quả như sau:", ppr=body_style)
        + p("(Đơn vị tính: người)", rpr="<w:i/>", ppr='<w:jc w:val="right"/>')
        + table
        + p("Đã hoàn thành./.", ppr=body_style)
    )
    rules = {f.rule for f in check(build(body, styles=TNR_DEFAULTS))}
    assert not {"body.align", "body.indent"} & rules


def header_sect(first_page: bool) -> str:
    title = "<w:titlePg/>" if first_page else ""
    return A4.replace(
        "<w:sectPr>", '<w:sectPr><w:headerReference w:type="default" r:id="rHeader"/>'
    ).replace("</w:sectPr>", f"{title}</w:sectPr>")


def long_body() -> str:
    text = "Nội dung báo cáo rất dài. " * 40
    return "".join(p(text) for _ in range(12))


def test_page_number_field_forms() -> None:
    simple = (
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE ">'
        "<w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>"
    )
    doc = build(long_body(), styles=TNR_DEFAULTS, header=simple, sect=header_sect(True))
    parsed = parse(doc)
    assert parsed.page_estimate() > 1
    assert [f.name for f in parsed.story("word/header1.xml")[0].fields] == ["PAGE"]
    rules = {f.rule for f in check(doc)}
    assert not {r for r in rules if r.startswith("page-number")}
    shown = build(long_body(), styles=TNR_DEFAULTS, header=simple, sect=header_sect(False))
    assert "page-number.first-page" in {f.rule for f in check(shown)}
    none = build(long_body(), styles=TNR_DEFAULTS, header=p(""), sect=header_sect(True))
    assert "page-number.present" in {f.rule for f in check(none)}


def test_the_page_estimate_stops_once_past_its_limit() -> None:
    """Whether page numbers are due needs only "more than one page?": a long document is
    not wrapped to its end (a million paragraphs took minutes)."""
    parsed = parse(build(long_body() * 20, styles=TNR_DEFAULTS))
    full = parsed.page_estimate()
    early = parsed.page_estimate(at_most=1.0)
    assert full > 10
    assert 1.0 < early < full
    short = parse(build(report_header(), styles=TNR_DEFAULTS))
    assert short.page_estimate(at_most=1.0) == short.page_estimate()


def test_one_page_needs_no_page_number() -> None:
    doc = parse(build(report_header(), styles=TNR_DEFAULTS))
    assert doc.page_estimate() < 1
    assert "page-number.present" not in {f.rule for f in check(build(report_header()))}


def test_official_form_layout_one_header_row_with_typed_rules() -> None:
    """Mẫu 1.4 as the Government's file draws it: one header row, the left cell holding the
    bodies, a typed rule and "Số:", the right cell the Quốc hiệu, the Tiêu ngữ, a typed rule
    and the date; rules typed as superscript underscores. The parent body fits one line of its
    64.5 mm cell, so "Số:" stands level with the date."""
    sup = '<w:vertAlign w:val="superscript"/>'
    left = (
        p("UBND TỈNH QUẢNG NINH", rpr='<w:sz w:val="26"/>', ppr=CENTRE)
        + p("SỞ NỘI VỤ", rpr=BOLD + '<w:sz w:val="26"/>', ppr=CENTRE)
        + p("_" * 6, rpr=sup + '<w:sz w:val="26"/>', ppr=CENTRE)
        + p("Số: 15/BC-SNV", rpr='<w:sz w:val="26"/>', ppr=CENTRE)
    )
    right = (
        p(QH, rpr=BOLD + '<w:sz w:val="26"/>', ppr=CENTRE)
        + p(MOTTO, rpr=BOLD, ppr=CENTRE)
        + p("_" * 40, rpr=sup, ppr=CENTRE)
        + p("Quảng Ninh, ngày 05 tháng 3 năm 2026", rpr="<w:i/>", ppr=CENTRE)
    )
    table = (
        '<w:tbl><w:tblPr><w:tblCellMar><w:left w:w="85" w:type="dxa"/>'
        '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="3829"/><w:gridCol w:w="5670"/></w:tblGrid><w:tr>'
        f'<w:tc><w:tcPr><w:tcW w:w="3829" w:type="dxa"/></w:tcPr>{left}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="5670" w:type="dxa"/></w:tcPr>{right}</w:tc>'
        "</w:tr></w:tbl>"
    )
    doc = parse(build(table + p("BÁO CÁO", rpr=BOLD, ppr=CENTRE), styles=TNR_DEFAULTS))
    el = doc.elements
    assert [f.text for f in el.parent] == ["UBND TỈNH QUẢNG NINH"]
    assert [f.text for f in el.issuer] == ["SỞ NỘI VỤ"]
    assert el.issuer_line is not None
    assert el.issuer_line.kind == "typed"
    assert el.motto_line is not None
    assert el.motto_line.kind == "typed"
    assert el.number is not None
    assert el.date is not None
    assert doc.same_row(el.number, el.date)
    rules = {f.rule for f in check(build(table, styles=TNR_DEFAULTS))}
    assert "rule.typed" in rules
    assert not {"motto.rule", "issuer.rule", "date.position", "issuer.bold"} & rules


def test_font_size_in_points_iso_form() -> None:
    fmt = first_format(build(p("x", rpr='<w:sz w:val="13pt"/>'), styles=TNR_DEFAULTS))
    assert fmt.size == 13.0


# --------------------------------------------------------------------------- hostile values

BIG = "9" * 400


def _list(level_xml: str, override: str = "", ilvl: str = "0") -> bytes:
    numbering = (
        f'<w:abstractNum w:abstractNumId="0">{level_xml}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{override}</w:num>'
    )
    body = "".join(
        p(f"Mục {n}", ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>')
        for n in range(3)
    )
    return build(body, styles=TNR_DEFAULTS, numbering=numbering)


def _letters(start: str) -> str:
    return (
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%1)"/></w:lvl>'
    )


def _sect(**margins: str) -> str:
    values = {"top": "1134", "right": "850", "bottom": "1134", "left": "1701", **margins}
    attributes = " ".join(f'w:{k}="{v}"' for k, v in values.items())
    return f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar {attributes}/></w:sectPr>'


def _drawn(cx: str) -> str:
    return (
        f'<w:p><w:r><w:drawing><wp:anchor><wp:extent cx="{cx}" cy="0"/><a:graphic>'
        "<a:graphicData><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm>"
        f'<a:ext cx="{cx}" cy="x"/></a:xfrm><a:prstGeom prst="line"/></wps:spPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"
    )


def _cell(tc_pr: str, tr_pr: str = "") -> bytes:
    table = (
        f'<w:tbl><w:tblGrid><w:gridCol w:w="{BIG}"/><w:gridCol w:w="-5"/></w:tblGrid>'
        f"<w:tr><w:trPr>{tr_pr}</w:trPr><w:tc><w:tcPr>{tc_pr}</w:tcPr>{p('ô')}</w:tc></w:tr>"
        "</w:tbl>"
    )
    return build(table, styles=TNR_DEFAULTS)


#: (what, document, the rule it must give or "" for none in particular). 0.1 raised the
#: error in the comment on each; now each is read within Word's own bounds.
HOSTILE_VALUES: list[tuple[str, bytes, str]] = [
    (  # IndexError
        "level override past level 9",
        _list(
            _letters("1"),
            '<w:lvlOverride w:ilvl="12"><w:startOverride w:val="3"/>'
            + _letters("1").replace('w:ilvl="0"', 'w:ilvl="12"')
            + "</w:lvlOverride>",
            ilvl="12",
        ),
        "",
    ),
    (
        "level 12 in the list",
        _list(_letters("1").replace('w:ilvl="0"', 'w:ilvl="12"'), ilvl="12"),
        "",
    ),
    ("negative level", _list(_letters("1"), ilvl="-3"), ""),
    ("list start of 10^11 in letters", _list(_letters("100000000000")), ""),  # MemoryError
    ("400-digit list start", _list(_letters(BIG)), ""),  # OverflowError
    (
        "400-digit start override",
        _list(
            _letters("1"),
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{BIG}"/></w:lvlOverride>',
        ),
        "",
    ),
    ("400-digit page margin", build(p("x"), sect=_sect(left=BIG)), "page.margins"),
    ("negative 400-digit margin", build(p("x"), sect=_sect(top="-" + BIG)), "page.margins"),
    ("a margin in nonsense units", build(p("x"), sect=_sect(top="12parsecs")), "page.margins"),
    ("shape size that is not a number", build(_drawn("abc")), ""),  # ValueError
    ("shape size of 400 digits", build(_drawn(BIG)), ""),
    (
        "VML line of 1e999 pt",
        build('<w:p><w:r><w:pict><v:line from="0,0" to="1e999pt,nan"/></w:pict></w:r></w:p>'),
        "",
    ),
    (
        "text box of no width",
        build(
            '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="wide" cy="1"/><a:graphic>'
            "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
            + p("Trong khung")
            + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline>"
            "</w:drawing></w:r></w:p>"
        ),
        "",
    ),
    (
        "font size of 400 digits",
        build(p("x", rpr=f'<w:sz w:val="{BIG}"/>'), styles=TNR_DEFAULTS),
        "",
    ),
    (
        "theme tint of 400 digits",
        build(p("x", rpr=f'<w:color w:val="FF0000" w:themeColor="text1" w:themeTint="{BIG}"/>')),
        "font.color",
    ),
    ("grid span of 400 digits", _cell(f'<w:gridSpan w:val="{BIG}"/>'), ""),
    ("grid before of 400 digits", _cell("", f'<w:gridBefore w:val="{BIG}"/>'), ""),
    ("cell width of 400 digits", _cell(f'<w:tcW w:w="{BIG}" w:type="dxa"/>'), ""),
    (
        "page numbers from 400 digits",
        build(p("x"), sect=A4.replace("</w:sectPr>", f'<w:pgNumType w:start="{BIG}"/></w:sectPr>')),
        "",
    ),
    (
        "indent and spacing of 400 digits",
        build(
            p(
                "x",
                ppr=(
                    f'<w:ind w:left="{BIG}" w:hanging="-{BIG}"/>'
                    f'<w:spacing w:before="{BIG}" w:line="{BIG}" w:lineRule="exact"/>'
                ),
            )
        ),
        "",
    ),
]


@pytest.mark.parametrize(
    ("data", "rule"),
    [(data, rule) for _, data, rule in HOSTILE_VALUES],
    ids=[what for what, _, _ in HOSTILE_VALUES],
)
def test_out_of_range_values_are_read_within_bounds(data: bytes, rule: str) -> None:
    findings = check(data)
    if rule:
        assert rule in {f.rule for f in findings}
    doc = parse(data)
    assert all(len(para.label) < 2000 for para in doc.paragraphs)
    for section in doc.sections:
        for value in (section.width, section.height, section.top, section.left):
            assert value is None or abs(value) <= 31680
        assert section.page_start is None or 0 <= section.page_start <= 32767


def python_docx_document() -> bytes:
    """A document made with python-docx, with what real documents hold and baocao never
    writes: automatic numbering and bullets, a frame, a second (landscape) section, a PAGE
    field in the header, a footnote reference, merged table cells."""
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml import parse_xml

    document = docx.Document()
    w = f'xmlns:w="{W_NS}"'
    document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("Số: 15/BC-SNV")
    framed = document.add_paragraph("Hà Nội, ngày 05 tháng 3 năm 2026")
    framed._p.get_or_add_pPr().append(
        parse_xml(f'<w:framePr {w} w:w="4000" w:hSpace="180" w:wrap="around" w:xAlign="right"/>')
    )
    document.add_paragraph("BÁO CÁO")
    for text in ("Kết quả", "Tồn tại"):
        document.add_paragraph(text, style="List Number")
        document.add_paragraph(f"Nội dung {text.lower()}", style="List Bullet")
    noted = document.add_paragraph("Có chú thích")
    noted._p.append(parse_xml(f'<w:r {w}><w:footnoteReference w:id="1"/></w:r>'))
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gộp"
    table.cell(1, 2).text = "Ô"
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    header = document.sections[0].header.paragraphs[0]
    header._p.append(
        parse_xml(
            f'<w:r {w}><w:fldChar w:fldCharType="begin"/>'
            '<w:instrText xml:space="preserve"> PAGE </w:instrText>'
            '<w:fldChar w:fldCharType="separate"/><w:t>1</w:t>'
            '<w:fldChar w:fldCharType="end"/></w:r>'
        )
    )
    document.add_paragraph("Nơi nhận:")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_a_python_docx_document_is_read() -> None:
    doc = parse(python_docx_document())
    labels = [para.label for para in doc.paragraphs if para.label]
    assert labels[0] == "1."
    assert len(labels) == 4  # the numbers and the bullets (a Symbol-font glyph)
    assert len(doc.sections) == 2
    framed = next(p for p in doc.paragraphs if p.text.startswith("Hà Nội"))
    assert framed.container.kind == "frame"
    assert framed.container.width_mm == pytest.approx(4000 / 1440 * 25.4)
    assert any(p.fields for story in doc.stories.values() for p in story)
    assert isinstance(check(python_docx_document()), list)


HOSTILE_STRINGS = [
    BIG,
    "-" + BIG,
    "9" * 5000,
    "100000000000",
    "-1",
    "12",
    "0",
    "abc",
    "nan",
    "inf",
    "-inf",
    "1e999",
    "",
    " ",
    "0x1A",
    "½",
    "²",
    "١٢",
    "1.5",
    "1.2.3",
    "99999999999999999999pt",
    "12parsecs",
    "%9%9%9",
    "FFFFFFFFFFFF",
]
#: Attribute values XML can hold (no control characters or lone surrogates).
hostile_values = st.sampled_from(HOSTILE_STRINGS) | st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=12
)


VAL = f"{{{W_NS}}}val"


@functools.cache
def _attributes(data: bytes) -> tuple[tuple[str, int, str], ...]:
    """(part, element number, attribute) of every attribute of the XML parts of ``data``
    that holds a number (where 0.1 had its crashes) or is a ``w:val``."""
    out: list[tuple[str, int, str]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root: Any = etree.fromstring(archive.read(name))
                for number, element in enumerate(root.iter()):
                    out += [
                        (name, number, key)
                        for key, value in element.items()
                        if key == VAL or re.match(r"-?[0-9]", value)
                    ]
    return tuple(out)


def _set_attributes(data: bytes, changes: list[tuple[tuple[str, int, str], str]]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    roots: dict[str, Any] = {}
    for (name, number, key), value in changes:
        root = roots.setdefault(name, etree.fromstring(files[name]))
        for index, element in enumerate(root.iter()):
            if index == number:
                element.set(key, value)
                break
    for name, root in roots.items():
        files[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return _zip(files)


@pytest.fixture(scope="module")
def real_documents(example_docx: bytes) -> list[bytes]:
    """A report baocao made (the seed example) and a python-docx document."""
    return [example_docx, python_docx_document()]


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_attribute_values_give_findings_or_a_baocao_error(
    real_documents: list[bytes], data: st.DataObject
) -> None:
    document = data.draw(st.sampled_from(real_documents))
    places = _attributes(document)
    changes = data.draw(
        st.lists(st.tuples(st.sampled_from(places), hostile_values), min_size=1, max_size=6)
    )
    mutated = _set_attributes(document, changes)
    try:
        findings = check(mutated)
    except BaocaoError:
        return
    assert all(isinstance(finding, Finding) for finding in findings)


hostile_numbers = st.sampled_from(["²", "٣", "9" * 5000, "99999999999999999999", "0" * 50]) | (
    st.text(alphabet="0123456789²./-", min_size=1, max_size=30)
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_numbers_in_the_text_give_findings(
    real_documents: list[bytes], data: st.DataObject
) -> None:
    """Numbers typed in the text (Số, the date, item numbers, amounts) of any length or
    script are read as text: a finding, never a ValueError or OverflowError."""
    document = real_documents[0]
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(files["word/document.xml"])
    texts = [t for t in root.iter(f"{{{W_NS}}}t") if t.text and any(c.isdigit() for c in t.text)]
    for _ in range(data.draw(st.integers(1, 4))):
        node = data.draw(st.sampled_from(texts))
        number = data.draw(hostile_numbers)
        node.text = re.sub(r"\d+", number.replace("\\", ""), str(node.text), count=1)
    files["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    assert all(isinstance(finding, Finding) for finding in check(_zip(files)))


# --------------------------------------------------------------------------- page estimate


def test_pictures_count_in_the_page_estimate() -> None:
    """A picture in a line (``wp:inline``) is as high as the picture."""
    picture = (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="3600000" cy="9000000"/>'
        "</wp:inline></w:drawing></w:r></w:p>"
    )
    assert parse(build(picture * 2)).page_estimate() > 1.0  # two 250 mm pictures


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_moved_and_dropped_elements_give_findings_or_a_baocao_error(
    real_documents: list[bytes], data: st.DataObject
) -> None:
    """Well-formed XML in an unexpected shape (a cell with no paragraph, a level with no
    format, a field that ends before it begins, a sectPr in a table): findings, or a
    ``BaocaoError`` for a document that is not a document any more."""
    document = data.draw(st.sampled_from(real_documents))
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    parts = sorted(n for n in files if n.startswith("word/") and n.endswith(".xml"))
    for _ in range(data.draw(st.integers(1, 5))):
        name = data.draw(st.sampled_from(parts))
        root: Any = etree.fromstring(files[name])
        elements = list(root.iter())[1:]
        if not elements:
            continue
        element = elements[data.draw(st.integers(0, len(elements) - 1))]
        if data.draw(st.booleans()):
            element.getparent().remove(element)
        else:
            element.getparent().insert(0, etree.fromstring(etree.tostring(element)))
        files[name] = etree.tostring(root)
    try:
        findings = check(_zip(files))
    except BaocaoError:
        return
    assert all(isinstance(finding, Finding) for finding in findings)
