"""One broken document per rule: break exactly one thing, and exactly that rule fires.

The base is a report rendered by baocao with every part the rules look at (parent body,
several addressees, căn cứ, sections with items and points, an amount in words, two
percentages, a table, two appendices, a KT. signature); it has no finding. Each case edits
its XML (document, styles or header part) in one place.
"""

from __future__ import annotations

import datetime
import decimal
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree

import baocao
from baocao import (
    Appendix,
    Filing,
    Issuer,
    Item,
    Money,
    Percent,
    Point,
    Section,
    Signatory,
    Table,
)
from baocao._check import check, parse
from baocao._check._rules import RULES
from baocao._ooxml import mm_from_twips, text_width_mm, twips

from ..conftest import make_report, require_tools

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"

TABLE = Table(
    header=["Chỉ tiêu", "Kế hoạch", "Thực hiện"],
    rows=[["Đào tạo", 86, 41], ["Bồi dưỡng", 2257, 1341]],
    totals=["Tổng", 2343, 1382],
)


def base_report() -> baocao.Report:
    """A report that uses every part the rules look at."""
    return make_report(
        issuer=Issuer(
            name="Sở Nội vụ", abbreviation="SNV", parent="Ủy ban nhân dân tỉnh Quảng Ninh"
        ),
        place="Quảng Ninh",
        date=datetime.date(2026, 3, 5),
        addressees=["Bộ Nội vụ", "Ủy ban nhân dân tỉnh"],
        legal_bases=[
            "Căn cứ Luật Cán bộ, công chức",
            "Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư",
        ],
        sections=[
            Section(
                title="Kết quả",
                body=["Sở đã triển khai các nhiệm vụ sau:"],
                items=[
                    Item(
                        title="Đào tạo",
                        points=[Point(text=f"Nội dung đào tạo thứ {n}") for n in range(1, 7)],
                    ),
                    Item(text=["Kinh phí đào tạo là ", Money(4607678000, style="south"), "."]),
                    Item(
                        text=[
                            "Tỷ lệ đạt ",
                            Percent(decimal.Decimal("47.67")),
                            " và ",
                            Percent(decimal.Decimal("32.59")),
                            " so với chỉ tiêu.",
                        ]
                    ),
                ],
            ),
            Section(title="Tồn tại", body=["Còn một số hạn chế.", TABLE]),
            Section(
                title="Kiến nghị",
                items=[Item(text="Tiếp tục đào tạo."), Item(text="Bố trí kinh phí.")],
            ),
        ],
        closing=["Trên đây là báo cáo kết quả thực hiện nhiệm vụ quý I năm 2026"],
        recipients=["Sở Tài chính", "Các phòng thuộc Sở"],
        signatory=Signatory(
            title="Phó Giám đốc", name="Nguyễn Văn C", authority="KT.", acting_for="Giám đốc"
        ),
        filing=Filing(unit="VP"),
        appendices=[
            Appendix(title="Số liệu chi tiết", body=[TABLE]),
            Appendix(title="Danh sách đơn vị", body=["Các đơn vị thuộc Sở."]),
        ],
    )


@pytest.fixture(scope="module")
def base() -> bytes:
    return baocao.render(base_report())


# --------------------------------------------------------------------------- XML editing


@attrs.define
class Parts:
    """The XML parts a case may edit."""

    document: Any
    styles: Any
    header: Any


def mutate(data: bytes, edit: Callable[[Parts], None]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    files = {name: source.read(name) for name in source.namelist()}
    names = {
        "document": "word/document.xml",
        "styles": "word/styles.xml",
        "header": "word/header1.xml",
    }
    parts = Parts(**{k: etree.fromstring(files[v]) for k, v in names.items()})
    edit(parts)
    for key, name in names.items():
        files[name] = etree.tostring(
            getattr(parts, key), xml_declaration=True, encoding="UTF-8", standalone=True
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in files.items():
            target.writestr(name, content)
    return out.getvalue()


def el(tag: str, **attributes: str) -> Any:
    element = etree.Element(W + tag)
    for key, value in attributes.items():
        element.set(W + key, value)
    return element


def text_of(p: Any) -> str:
    return unicodedata.normalize("NFC", "".join(t.text or "" for t in p.iter(W + "t")))


def para(root: Any, start: str, nth: int = 0) -> Any:
    found = [p for p in root.iter(W + "p") if text_of(p).startswith(start)]
    return found[nth]


def after(p: Any) -> Any:
    """The next paragraph (the rule paragraph under an element)."""
    node = p.getnext()
    while node is not None and node.tag != W + "p":
        node = node.getnext()
    return node


def set_rpr(p: Any, tag: str, **attributes: str) -> None:
    for run in p.iter(W + "r"):
        rpr = run.find(W + "rPr")
        if rpr is None:
            rpr = el("rPr")
            run.insert(0, rpr)
        for old in rpr.findall(W + tag):
            rpr.remove(old)
        rpr.append(el(tag, **attributes))


def set_ppr(p: Any, tag: str, **attributes: str) -> None:
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = el("pPr")
        p.insert(0, ppr)
    for old in ppr.findall(W + tag):
        ppr.remove(old)
    ppr.append(el(tag, **attributes))


def set_text(p: Any, text: str) -> None:
    texts = list(p.iter(W + "t"))
    texts[0].text = text
    for t in texts[1:]:
        t.text = ""


def cell_width_mm(p: Any) -> float:
    cell = next(a for a in p.iterancestors() if a.tag == W + "tc")
    return mm_from_twips(int(cell.find(f"{W}tcPr/{W}tcW").get(W + "w")))


def set_rule(rule: Any, room_mm: float, length_mm: float) -> None:
    side = str(twips((room_mm - length_mm) / 2))
    set_ppr(rule, "ind", left=side, right=side)


def sect(parts: Parts, index: int) -> Any:
    sections = list(parts.document.iter(W + "sectPr"))
    return sections[index]


# --------------------------------------------------------------------------- the cases


def _drop_motto(x: Parts) -> None:
    p = para(x.document, "Độc lập")
    p.getparent().remove(p)


def _landscape_appendix(x: Parts) -> None:
    size = sect(x, 2).find(W + "pgSz")
    size.set(W + "w", "16838")
    size.set(W + "h", "11906")
    size.set(W + "orient", "landscape")


def _letter(x: Parts) -> None:
    for section in x.document.iter(W + "sectPr"):
        size = section.find(W + "pgSz")
        size.set(W + "w", "12240")
        size.set(W + "h", "15840")


def _top_margin(x: Parts) -> None:
    sect(x, 0).find(W + "pgMar").set(W + "top", "1000")


def _arial(x: Parts) -> None:
    set_rpr(para(x.document, "Sở đã triển khai"), "rFonts", ascii="Arial", hAnsi="Arial")


def _red(x: Parts) -> None:
    set_rpr(para(x.document, "Sở đã triển khai"), "color", val="FF0000")


def _nfd(x: Parts) -> None:
    p = para(x.document, "Sở đã triển khai")
    set_text(p, unicodedata.normalize("NFD", text_of(p)))


def _qh_double_space(x: Parts) -> None:
    set_text(para(x.document, "CỘNG HÒA"), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA  VIỆT NAM")


def _qh_lower(x: Parts) -> None:
    set_text(para(x.document, "CỘNG HÒA"), "Cộng hòa xã hội chủ nghĩa Việt Nam")


def _qh_11pt(x: Parts) -> None:
    set_rpr(para(x.document, "CỘNG HÒA"), "sz", val="22")


def _qh_regular(x: Parts) -> None:
    set_rpr(para(x.document, "CỘNG HÒA"), "b", val="0")


def _qh_narrow(x: Parts) -> None:
    set_ppr(para(x.document, "CỘNG HÒA"), "ind", left="0", right="567")


def _motto_en_dash(x: Parts) -> None:
    set_text(para(x.document, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")


def _motto_15pt(x: Parts) -> None:
    set_rpr(para(x.document, "Độc lập"), "sz", val="30")


def _motto_regular(x: Parts) -> None:
    set_rpr(para(x.document, "Độc lập"), "b", val="0")


def _motto_13pt(x: Parts) -> None:
    set_rpr(para(x.document, "Độc lập"), "sz", val="26")


def _motto_short_rule(x: Parts) -> None:
    motto = para(x.document, "Độc lập")
    set_rule(after(motto), cell_width_mm(motto), 30.0)


def _motto_typed_rule(x: Parts) -> None:
    rule = after(para(x.document, "Độc lập"))
    for child in list(rule):
        rule.remove(child)
    rule.append(el("pPr"))
    rule[0].append(el("jc", val="center"))
    run = el("r")
    rpr = el("rPr")
    rpr.append(el("vertAlign", val="superscript"))
    run.append(rpr)
    t = el("t")
    t.text = "_" * 40
    run.append(t)
    rule.append(run)


def _parent_lower(x: Parts) -> None:
    set_text(para(x.document, "ỦY BAN NHÂN DÂN TỈNH"), "Ủy ban nhân dân tỉnh Quảng Ninh")


def _parent_bold(x: Parts) -> None:
    set_rpr(para(x.document, "ỦY BAN NHÂN DÂN TỈNH"), "b")


def _issuer_lower(x: Parts) -> None:
    issuer = para(x.document, "SỞ NỘI VỤ")
    set_text(issuer, "Sở Nội vụ")
    set_rule(after(issuer), cell_width_mm(issuer), 0.4 * text_width_mm("Sở Nội vụ", 13, bold=True))


def _issuer_regular(x: Parts) -> None:
    set_rpr(para(x.document, "SỞ NỘI VỤ"), "b", val="0")


def _issuer_15pt(x: Parts) -> None:
    set_rpr(para(x.document, "SỞ NỘI VỤ"), "sz", val="30")


def _issuer_long_rule(x: Parts) -> None:
    issuer = para(x.document, "SỞ NỘI VỤ")
    set_rule(after(issuer), cell_width_mm(issuer), 20.0)


def _number_no_colon(x: Parts) -> None:
    set_text(para(x.document, "Số: 15"), "Số 15/BC-SNV")


def _number_unpadded(x: Parts) -> None:
    set_text(para(x.document, "Số: 15"), "Số: 5/BC-SNV")


def _number_wrong_type(x: Parts) -> None:
    set_text(para(x.document, "Số: 15"), "Số: 15/KH-SNV")


def _number_14pt(x: Parts) -> None:
    set_rpr(para(x.document, "Số: 15"), "sz", val="28")


def _date_no_comma(x: Parts) -> None:
    set_text(para(x.document, "Quảng Ninh, ngày"), "Quảng Ninh ngày 05 tháng 3 năm 2026")


def _date_month_03(x: Parts) -> None:
    set_text(para(x.document, "Quảng Ninh, ngày"), "Quảng Ninh, ngày 05 tháng 03 năm 2026")


def _date_upright(x: Parts) -> None:
    set_rpr(para(x.document, "Quảng Ninh, ngày"), "i", val="0")


def _date_narrow(x: Parts) -> None:
    set_ppr(para(x.document, "Quảng Ninh, ngày"), "ind", left="1200", right="1200")


def _date_12pt(x: Parts) -> None:
    set_rpr(para(x.document, "Quảng Ninh, ngày"), "sz", val="24")


def _date_moved_up(x: Parts) -> None:
    date = para(x.document, "Quảng Ninh, ngày")
    cell = date.getparent()
    motto_rule = after(para(x.document, "Độc lập"))
    cell.remove(date)
    cell.append(el("p"))
    motto_rule.addnext(date)


def _date_right(x: Parts) -> None:
    set_ppr(para(x.document, "Quảng Ninh, ngày"), "jc", val="right")


def _type_lower(x: Parts) -> None:
    set_text(para(x.document, "BÁO CÁO"), "Báo cáo")


def _type_regular(x: Parts) -> None:
    set_rpr(para(x.document, "BÁO CÁO"), "b", val="0")


def _type_left(x: Parts) -> None:
    set_ppr(para(x.document, "BÁO CÁO"), "jc", val="left")


def _type_16pt(x: Parts) -> None:
    set_rpr(para(x.document, "BÁO CÁO"), "sz", val="32")


SUBJECT = "Kết quả thực hiện nhiệm vụ quý I năm 2026"
TEXT_MM = 165.0


def _subject_regular(x: Parts) -> None:
    set_rpr(para(x.document, SUBJECT), "b", val="0")


def _subject_left(x: Parts) -> None:
    set_ppr(para(x.document, SUBJECT), "jc", val="left")


def _subject_12pt(x: Parts) -> None:
    set_rpr(para(x.document, SUBJECT), "sz", val="24")


def _subject_upper(x: Parts) -> None:
    subject = para(x.document, SUBJECT)
    set_text(subject, SUBJECT.upper())
    set_rule(after(subject), TEXT_MM, 0.4 * text_width_mm(SUBJECT.upper(), 14, bold=True))


def _subject_short_rule(x: Parts) -> None:
    set_rule(after(para(x.document, SUBJECT)), TEXT_MM, 10.0)


def _addressee_no_semicolon(x: Parts) -> None:
    set_text(para(x.document, "- Bộ Nội vụ;"), "- Bộ Nội vụ")


def _addressee_12pt(x: Parts) -> None:
    set_rpr(para(x.document, "- Bộ Nội vụ;"), "sz", val="24")


def _basis_upright(x: Parts) -> None:
    set_rpr(para(x.document, "Căn cứ Luật"), "i", val="0")


def _basis_comma(x: Parts) -> None:
    p = para(x.document, "Căn cứ Nghị định")
    set_text(p, text_of(p)[:-1] + ",")


def _body_left(x: Parts) -> None:
    set_ppr(para(x.document, "Sở đã triển khai"), "jc", val="left")


def _body_no_indent(x: Parts) -> None:
    set_ppr(para(x.document, "Sở đã triển khai"), "ind", firstLine="0")


def _body_no_space(x: Parts) -> None:
    set_ppr(
        para(x.document, "Còn một số hạn chế"),
        "spacing",
        before="0",
        after="0",
        line="276",
        lineRule="auto",
    )


def _body_double(x: Parts) -> None:
    set_ppr(
        para(x.document, "Sở đã triển khai"),
        "spacing",
        before="120",
        after="0",
        line="480",
        lineRule="auto",
    )


def _body_12pt(x: Parts) -> None:
    set_rpr(para(x.document, "Sở đã triển khai"), "sz", val="24")


def _no_end_mark(x: Parts) -> None:
    p = para(x.document, "Trên đây là")
    set_text(p, text_of(p).replace("./.", "."))


def _section_gap(x: Parts) -> None:
    set_text(para(x.document, "II. TỒN TẠI"), "III. TỒN TẠI")


def _item_gap(x: Parts) -> None:
    p = para(x.document, "2. Kinh phí")
    set_text(p, "3." + text_of(p)[2:])


def _point_e(x: Parts) -> None:
    p = para(x.document, "đ) ")
    set_text(p, "e)" + text_of(p)[2:])


def _nested(x: Parts) -> None:
    p = para(x.document, "Còn một số hạn chế")
    new = etree.fromstring(etree.tostring(p))
    set_text(new, "1.1. Hạn chế về kinh phí.")
    p.addnext(new)


def _label_no_colon(x: Parts) -> None:
    set_text(para(x.document, "Nơi nhận:"), "Nơi nhận")


def _recipient_12pt(x: Parts) -> None:
    set_rpr(para(x.document, "- Sở Tài chính;"), "sz", val="24")


def _recipient_no_semicolon(x: Parts) -> None:
    set_text(para(x.document, "- Sở Tài chính;"), "- Sở Tài chính")


def _recipients_below(x: Parts) -> None:
    label = para(x.document, "Nơi nhận:")
    cell = label.getparent()
    row = cell.getparent()
    new_row = etree.fromstring(etree.tostring(row))
    row.addnext(new_row)
    for child in [c for c in cell if c.tag == W + "p"]:
        cell.remove(child)
    cell.append(el("p"))
    signature_cell = [c for c in new_row if c.tag == W + "tc"][1]
    for child in [c for c in signature_cell if c.tag == W + "p"]:
        signature_cell.remove(child)
    signature_cell.append(el("p"))


def _title_regular(x: Parts) -> None:
    set_rpr(para(x.document, "PHÓ GIÁM ĐỐC"), "b", val="0")


def _authority_no_space(x: Parts) -> None:
    set_text(para(x.document, "KT. GIÁM ĐỐC"), "KT.GIÁM ĐỐC")


def _own_title_is_the_heads(x: Parts) -> None:
    """KT. GIÁM ĐỐC / GIÁM ĐỐC: the deputy signs for himself (issue 12)."""
    set_text(para(x.document, "PHÓ GIÁM ĐỐC"), "GIÁM ĐỐC")


def _name_upper(x: Parts) -> None:
    set_text(para(x.document, "Nguyễn Văn C"), "NGUYỄN VĂN C")


def _signature_12pt(x: Parts) -> None:
    set_rpr(para(x.document, "PHÓ GIÁM ĐỐC"), "sz", val="24")


def _placeholder(x: Parts) -> None:
    title = para(x.document, "PHÓ GIÁM ĐỐC")
    note = etree.fromstring(etree.tostring(title))
    set_text(note, "(Chữ ký của người có thẩm quyền, dấu/chữ ký số của cơ quan, tổ chức)")
    set_rpr(note, "b", val="0")
    title.addnext(note)


def _no_page_field(x: Parts) -> None:
    p = next(x.header.iter(W + "p"))
    for run in list(p.iter(W + "r")):
        run.getparent().remove(run)


def _no_title_page(x: Parts) -> None:
    section = sect(x, 0)
    section.remove(section.find(W + "titlePg"))


def _page_number_right(x: Parts) -> None:
    set_ppr(next(x.header.iter(W + "p")), "jc", val="right")


def _page_number_12pt(x: Parts) -> None:
    set_rpr(next(x.header.iter(W + "p")), "sz", val="24")


def _appendix_caps(x: Parts) -> None:
    set_text(para(x.document, "Phụ lục I"), "PHỤ LỤC I")


def _appendix_title_lower(x: Parts) -> None:
    set_text(para(x.document, "SỐ LIỆU CHI TIẾT"), "Số liệu chi tiết")


def _appendix_reference_upright(x: Parts) -> None:
    set_rpr(para(x.document, "(Kèm theo"), "i", val="0")


def _appendix_continues(x: Parts) -> None:
    sect(x, 1).remove(sect(x, 1).find(W + "pgNumType"))


def _amount_words(x: Parts) -> None:
    p = para(x.document, "2. Kinh phí")
    set_text(p, "2. Kinh phí đào tạo là 4.607.678.000 đồng (Bốn tỷ sáu trăm lẻ bảy triệu đồng).")


def _percent_spaced(x: Parts) -> None:
    set_text(para(x.document, "3. Tỷ lệ"), "3. Tỷ lệ đạt 47,67 % và 32,59% so với chỉ tiêu.")


CASES: list[tuple[str, Callable[[Parts], None]]] = [
    ("structure.elements", _drop_motto),
    ("page.size", _letter),
    ("page.orientation", _landscape_appendix),
    ("page.margins", _top_margin),
    ("font.family", _arial),
    ("font.color", _red),
    ("text.nfc", _nfd),
    ("national-name.text", _qh_double_space),
    ("national-name.case", _qh_lower),
    ("national-name.size", _qh_11pt),
    ("national-name.bold", _qh_regular),
    ("national-name.single-line", _qh_narrow),
    ("motto.text", _motto_en_dash),
    ("motto.size", _motto_15pt),
    ("motto.bold", _motto_regular),
    ("motto.size-pair", _motto_13pt),
    ("motto.rule", _motto_short_rule),
    ("rule.typed", _motto_typed_rule),
    ("parent.case", _parent_lower),
    ("parent.bold", _parent_bold),
    ("issuer.case", _issuer_lower),
    ("issuer.bold", _issuer_regular),
    ("issuer.size", _issuer_15pt),
    ("issuer.rule", _issuer_long_rule),
    ("number.format", _number_no_colon),
    ("number.padding", _number_unpadded),
    ("number.type", _number_wrong_type),
    ("number.size", _number_14pt),
    ("date.format", _date_no_comma),
    ("date.padding", _date_month_03),
    ("date.wrapped", _date_narrow),
    ("date.italic", _date_upright),
    ("date.size", _date_12pt),
    ("date.position", _date_moved_up),
    ("date.align", _date_right),
    ("type.case", _type_lower),
    ("type.bold", _type_regular),
    ("type.align", _type_left),
    ("type.size", _type_16pt),
    ("subject.bold", _subject_regular),
    ("subject.align", _subject_left),
    ("subject.size", _subject_12pt),
    ("subject.case", _subject_upper),
    ("subject.rule", _subject_short_rule),
    ("addressee.format", _addressee_no_semicolon),
    ("addressee.size", _addressee_12pt),
    ("basis.italic", _basis_upright),
    ("basis.punctuation", _basis_comma),
    ("body.align", _body_left),
    ("body.indent", _body_no_indent),
    ("body.spacing", _body_no_space),
    ("body.line-spacing", _body_double),
    ("body.size", _body_12pt),
    ("body.end-mark", _no_end_mark),
    ("numbering.sections", _section_gap),
    ("numbering.items", _item_gap),
    ("numbering.points", _point_e),
    ("numbering.nested", _nested),
    ("recipients.label", _label_no_colon),
    ("recipients.size", _recipient_12pt),
    ("recipients.lines", _recipient_no_semicolon),
    ("recipients.position", _recipients_below),
    ("signature.title", _title_regular),
    ("signature.authority", _authority_no_space),
    ("signature.name", _name_upper),
    ("signature.size", _signature_12pt),
    ("signature.placeholder", _placeholder),
    ("signature.form", _own_title_is_the_heads),
    ("page-number.present", _no_page_field),
    ("page-number.first-page", _no_title_page),
    ("page-number.centred", _page_number_right),
    ("page-number.size", _page_number_12pt),
    ("appendix.label", _appendix_caps),
    ("appendix.title", _appendix_title_lower),
    ("appendix.reference", _appendix_reference_upright),
    ("appendix.page-numbering", _appendix_continues),
    ("amount.words", _amount_words),
    ("percent.spacing", _percent_spaced),
]


def test_the_base_has_no_finding(base: bytes) -> None:
    assert check(base) == []


def test_every_rule_has_a_case() -> None:
    from .test_check_letter import LETTER_CASES  # the công văn's rules (issue 13)
    from .test_check_marks import MARK_CASES  # the rules of issue 12 (drafts, marks)
    from .test_check_rules_new import NEW_CASES  # the rules of issue 9 §4, cased there

    cased = {rule for rule, _ in CASES + NEW_CASES + MARK_CASES} | {r for r, _ in LETTER_CASES}
    assert [rule.id for rule in RULES if rule.id in cased] == [rule.id for rule in RULES]


@pytest.mark.parametrize(("rule", "edit"), CASES, ids=[rule for rule, _ in CASES])
def test_exactly_the_broken_rule_fires(
    base: bytes, rule: str, edit: Callable[[Parts], None]
) -> None:
    findings = check(mutate(base, edit))
    assert findings, f"{rule} did not fire"
    assert {f.rule for f in findings} == {rule}, "\n".join(str(f) for f in findings)
    expected = next(r for r in RULES if r.id == rule)
    for finding in findings:
        assert finding.clause == expected.clause
        assert finding.severity == expected.severity
        assert finding.where
        assert finding.found
        assert finding.expected


# --------------------------------------------------------------------------- hostile numbers

DATE = "Quảng Ninh, ngày"


def _retype(start: str, text: str) -> Callable[[Parts], None]:
    def edit(x: Parts) -> None:
        set_text(para(x.document, start), text)

    return edit


#: Numbers typed in the text that 0.1 passed to int() (ValueError, OverflowError): each is
#: now read as text, and reported where it is wrong.
HOSTILE_NUMBERS: list[tuple[str, Callable[[Parts], None], set[str]]] = [
    ("superscript digit in Số", _retype("Số: 15", "Số: ²/BC-SNV"), {"number.format"}),
    ("5000-digit Số", _retype("Số: 15", "Số: " + "1" * 5000 + "/BC-SNV"), set()),
    (
        "padded 5000-digit Số",
        _retype("Số: 15", "Số: 0" + "1" * 5000 + "/BC-SNV"),
        {"number.padding"},
    ),
    (  # a date line that long wraps, too
        "20-digit year",
        _retype(DATE, f"{DATE} 05 tháng 3 năm {'9' * 20}"),
        {"date.format", "date.wrapped"},
    ),
    (
        "5000-digit day",
        _retype(DATE, f"{DATE} 0{'1' * 5000} tháng 3 năm 2026"),
        {"date.format", "date.padding", "date.wrapped"},
    ),
    ("5000-digit item", _retype("2. Kinh phí", "9" * 5000 + ". Kinh phí."), {"numbering.items"}),
    (
        "5000-digit amount",
        _retype("2. Kinh phí", "2. Là " + "9" * 5000 + " đồng (một đồng)."),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("edit", "rules"),
    [(edit, rules) for _, edit, rules in HOSTILE_NUMBERS],
    ids=[what for what, _, _ in HOSTILE_NUMBERS],
)
def test_hostile_numbers_are_read_as_text(
    base: bytes, edit: Callable[[Parts], None], rules: set[str]
) -> None:
    findings = check(mutate(base, edit))
    assert {f.rule for f in findings} == rules, "\n".join(str(f) for f in findings)
    assert all(len(str(f)) < 1000 for f in findings)


# --------------------------------------------------------------------------- misses of 0.1

#: The 9 misses and 3 false positives measured against an independent checker on broken
#: variants of documents baocao did not make (issue 9, §4): one broken document each,
#: with the rules it must give (none for a false positive).


def _signature_above_recipients(x: Parts) -> None:
    """The signature stays in its table; "Nơi nhận:" and its list go below the table."""
    label = para(x.document, "Nơi nhận:")
    cell = label.getparent()
    table = cell.getparent().getparent()
    moved = [c for c in cell if c.tag == W + "p"]
    for child in moved:
        cell.remove(child)
    cell.append(el("p"))
    for child in reversed(moved):
        table.addnext(child)


def _annotation_on_two_lines(x: Parts) -> None:
    title = para(x.document, "PHÓ GIÁM ĐỐC")
    anchor = title
    for text in ("(Chữ ký của người có thẩm quyền,", "dấu/chữ ký số của cơ quan, tổ chức)"):
        note = etree.fromstring(etree.tostring(title))
        set_text(note, text)
        set_rpr(note, "b", val="0")
        set_rpr(note, "i")
        anchor.addnext(note)
        anchor = note


MOTTO_COMMAS = "Độc lập, Tự do, Hạnh phúc"


def _motto_commas(x: Parts) -> None:
    motto = para(x.document, "Độc lập")
    set_text(motto, MOTTO_COMMAS)
    set_rule(after(motto), cell_width_mm(motto), text_width_mm(MOTTO_COMMAS, 14, bold=True))


def _motto_typed_like_the_decree(x: Parts) -> None:
    """The line under the Tiêu ngữ as Mẫu 1.1 types it: 41 superscript underscores."""
    _motto_typed_rule(x)
    rule = after(para(x.document, "Độc lập"))
    set_text(rule, "_" * 41)


def _line_run(length_mm: float) -> Any:
    """A run holding a drawn line (DrawingML) of ``length_mm``."""
    cx = str(round(length_mm * 36000))
    return etree.fromstring(
        f'<w:r xmlns:w="{W_NS}" xmlns:wp="{WP_NS}" xmlns:a="{A_NS}" xmlns:wps="{WPS_NS}">'
        f'<w:drawing><wp:anchor><wp:extent cx="{cx}" cy="0"/><a:graphic><a:graphicData>'
        f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic>'
        "</wp:anchor></w:drawing></w:r>"
    )


def _subject_upper_then_a_heading(x: Parts) -> None:
    """An all-caps trích yếu with its line drawn in its own paragraph, and the content
    opening on a centred bold heading: 0.1 read the heading as a second line of the trích
    yếu, and "all upper case" went unreported."""
    subject = para(x.document, SUBJECT)
    set_text(subject, SUBJECT.upper())
    rule = after(subject)
    rule.getparent().remove(rule)
    subject.append(_line_run(0.4 * text_width_mm(SUBJECT.upper(), 14, bold=True)))
    for start in ("Kính gửi", "- Bộ Nội vụ", "- Ủy ban nhân dân tỉnh", "Căn cứ", "Căn cứ"):
        gone = para(x.document, start)
        gone.getparent().remove(gone)
    heading = etree.fromstring(etree.tostring(subject))
    for run in heading.findall(W + "r")[1:]:
        heading.remove(run)
    set_text(heading, "Đánh giá chung")
    subject.addnext(heading)


def _page_number_at_a_centre_tab(x: Parts) -> None:
    """The page number as Word's "Header" style places it: aligned left, a tab, and a
    centre tab stop in the middle of the text width."""
    header = next(x.header.iter(W + "p"))
    set_ppr(header, "jc", val="left")
    middle = str(round(twips(TEXT_MM / 2)))
    tabs = el("tabs")
    tabs.append(el("tab", val="center", pos=middle))
    tabs.append(el("tab", val="right", pos=str(round(twips(TEXT_MM)))))
    header.find(W + "pPr").append(tabs)
    tab_run = el("r")
    tab_run.append(el("tab"))
    header.find(W + "pPr").addnext(tab_run)


def _number_lower_than_the_date(x: Parts) -> None:
    """Space before "Số:" pushes it 4.5 mm below the date beside it, in the same row."""
    set_ppr(para(x.document, "Số: 15"), "spacing", before=str(round(twips(4.5))))


def _header_in_frames(x: Parts) -> None:
    """The header laid out in two Word frames (``w:framePr``) side by side instead of a
    table, as older templates do: the issuing body and "Số:" in the left frame, the Quốc
    hiệu, Tiêu ngữ and date in the right one, spaced so that the date is level with Số."""
    table = next(x.document.iter(W + "tbl"))
    columns: list[list[Any]] = [[], []]
    for row in (r for r in table if r.tag == W + "tr"):
        for number, cell in enumerate(c for c in row if c.tag == W + "tc"):
            columns[number] += [c for c in cell if c.tag == W + "p"]
    anchor = table
    for paras, width, side in zip(columns, ("3742", "5612"), ("left", "right"), strict=True):
        for p in paras:
            set_ppr(p, "framePr", w=width, wrap="around", hAnchor="margin", xAlign=side, y="1")
            ppr = p.find(W + "pPr")
            frame = ppr.find(W + "framePr")
            ppr.remove(frame)
            ppr.insert(1, frame)  # after pStyle, as the schema orders it
            anchor.addnext(p)
            anchor = p
    table.getparent().remove(table)
    set_ppr(para(x.document, "Quảng Ninh, ngày"), "spacing", before="396")


def _page_number_at_a_positional_tab(x: Parts) -> None:
    """The page number after a centred positional tab (``w:ptab``), as Word's built-in
    three-column header places it."""
    header = next(x.header.iter(W + "p"))
    set_ppr(header, "jc", val="left")
    tab_run = el("r")
    tab_run.append(el("ptab", relativeTo="margin", alignment="center", leader="none"))
    header.find(W + "pPr").addnext(tab_run)


MISSES: list[tuple[str, Callable[[Parts], None], set[str]]] = [
    ("date 4.5 mm above Số", _number_lower_than_the_date, {"date.position"}),
    ("header in frames", _header_in_frames, set()),
    ("signature above Nơi nhận", _signature_above_recipients, {"recipients.position"}),
    ("annotation on two lines", _annotation_on_two_lines, {"signature.placeholder"}),
    ("motto without hyphens", _motto_commas, {"motto.text"}),
    ("typed rule of Mẫu 1.1", _motto_typed_like_the_decree, {"rule.typed"}),
    ("page number at a centre tab", _page_number_at_a_centre_tab, set()),
    ("page number at a positional tab", _page_number_at_a_positional_tab, set()),
    ("all-caps trích yếu, then a heading", _subject_upper_then_a_heading, {"subject.case"}),
]


@pytest.mark.parametrize(
    ("edit", "rules"), [(edit, rules) for _, edit, rules in MISSES], ids=[w for w, _, _ in MISSES]
)
def test_misses_and_false_positives_of_0_1(
    base: bytes, edit: Callable[[Parts], None], rules: set[str]
) -> None:
    findings = check(mutate(base, edit))
    assert {f.rule for f in findings} == rules, "\n".join(str(f) for f in findings)


PHULUC3 = Path(__file__).parents[1] / "data" / "Phuluc3.docx"
"""Phụ lục III of Nghị định 30/2020/NĐ-CP as published: the forms (Mẫu 1.1 – 1.10)."""


def decree_form(number: str) -> bytes:
    """Mẫu ``number`` of Phụ lục III alone: the body between its heading and the next."""

    def text(element: Any) -> str:
        return "".join(t.text or "" for t in element.iter(W + "t")).strip()

    def edit(x: Parts) -> None:
        body = x.document.find(W + "body")
        children = list(body)
        heads = [
            i
            for i, c in enumerate(children)
            if c.tag == W + "p" and re.match(r"Mẫu \d+\.\d+ -", text(c))
        ]
        start = next(i for i in heads if text(children[i]).startswith(f"Mẫu {number} -"))
        end = next((i for i in heads if i > start), len(children) - 1)
        for index, child in enumerate(children):
            if not start < index < end and child.tag != W + "sectPr":
                body.remove(child)

    return mutate(PHULUC3.read_bytes(), edit)


@pytest.mark.parametrize("form", ["1.1", "1.2", "1.4", "1.5"])
def test_the_decree_forms_typed_rules_are_measured_as_printed(form: str) -> None:
    """The forms type the line under the Tiêu ngữ as superscript underscores; LibreOffice
    prints superscript at 58 % (0.1 measured 2/3, and Mẫu 1.1, 1.2 and 1.5 failed
    ``motto.rule``). The printed annotation under the signature, on two lines, is one
    annotation (0.1 read its second line as the signer's title)."""
    findings = check(decree_form(form))
    rules = {f.rule for f in findings}
    assert "motto.rule" not in rules, [str(f) for f in findings]
    assert "signature.title" not in rules
    assert "signature.placeholder" in rules


# --------------------------------------------------------------------------- page estimate


def table_of_rows(rows: int, height_mm: float) -> bytes:
    """A python-docx document: one A4 page setup and a table of ``rows`` rows, each set to
    ``height_mm`` high (``w:trHeight``) and holding one short word."""
    import docx
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    table = document.add_table(rows=rows, cols=2)
    table.style = "Table Grid"
    for row in table.rows:
        row.height = Mm(height_mm)
        row.cells[0].text = "Dòng"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_row_heights_count_in_the_page_estimate() -> None:
    """0.1 counted a table row by its text only: 30 rows set to 10 mm were 0.6 of a page,
    and a document LibreOffice prints on two pages needed no page number."""
    assert parse(table_of_rows(30, 10)).page_estimate() > 1.0
    assert parse(table_of_rows(20, 10)).page_estimate() < 1.0


@pytest.mark.soffice
@pytest.mark.parametrize(("rows", "pages"), [(20, 1), (30, 2)])
def test_the_page_estimate_agrees_with_libreoffice(rows: int, pages: int) -> None:
    """Whether page numbers are due (``page-number.present``) depends on the estimate: it
    must say two pages where LibreOffice prints two."""
    require_tools()
    from baocao._render import to_pdf

    from ..pdftext import pdf_text_layout

    data = table_of_rows(rows, 10)
    assert len(pdf_text_layout(to_pdf(data))) == pages
    assert (parse(data).page_estimate() > 1.0) == (pages > 1)
    assert ("page-number.present" in {f.rule for f in check(data)}) == (pages > 1)
