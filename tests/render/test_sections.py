"""Landscape appendices and the geometry of each section (issue 12 §3).

The regression: with a landscape last section, the layout pass measured page 1 with the
last section's width, and the rule under the trích yếu came out about 12 mm long on the
portrait page 1 (its indents were computed for a 252 mm line). Every measurement now
uses its own section's geometry.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from lxml import etree

import baocao
from baocao import Appendix, Table
from baocao._ooxml import W_NS, mm_from_twips, paragraph_text, qn, wrap_text
from baocao._render._layout import RULE_SHARE, Styles, layout_body
from baocao._render._sections import SectionMap, section_geometry

from ..conftest import make_report

LONG_SUBJECT = (
    "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh "
    "sáu tháng đầu năm 2026"
)
WIDE = Table(
    header=["STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Ghi chú"],
    rows=[["1", "Tổng sản phẩm trên địa bàn", "tỷ đồng", 1500, 1480, 98, ""]],
)


def _document(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _rule_under(root: Any, style: str) -> tuple[Any, Any]:
    paragraphs = list(root.iter(qn("p")))
    for index, paragraph in enumerate(paragraphs):
        ppr = paragraph.find(qn("pPr"))
        name = None if ppr is None or ppr.find(qn("pStyle")) is None else ppr.find(qn("pStyle"))
        if name is not None and name.get(qn("val")) == style:
            return paragraph, paragraphs[index + 1]
    raise AssertionError(f"no {style} paragraph")


def _drawn_mm(rule: Any, room_mm: float) -> float:
    ind = rule.find(f"{qn('pPr')}/{qn('ind')}")
    return room_mm - mm_from_twips(int(ind.get(qn("left"))) + int(ind.get(qn("right"))))


def _landscape_report(**changes: Any) -> baocao.Report:
    fields: dict[str, Any] = {
        "subject": LONG_SUBJECT,
        "appendices": [Appendix(title="Số liệu", orientation="landscape", body=[WIDE])],
    }
    fields.update(changes)
    return make_report(**fields)


@pytest.mark.parametrize("orientations", [("landscape",), ("portrait", "landscape")])
def test_the_subject_rule_on_page_1_is_measured_on_page_1(orientations: tuple[str, ...]) -> None:
    appendices = [Appendix(title="Số liệu", orientation=o, body=[WIDE]) for o in orientations]
    root = _document(baocao.render(_landscape_report(appendices=appendices)))
    subject, rule = _rule_under(root, "BCSubject")
    page_1 = 210 - 30 - 15
    lines = wrap_text(paragraph_text(subject), page_1, 14, bold=True)
    drawn = _drawn_mm(rule, page_1)
    assert drawn == pytest.approx(max(lines) * RULE_SHARE, abs=0.2)
    assert max(lines) / 3 <= drawn <= max(lines) / 2  # the decree's 1/3 to 1/2
    assert drawn > 30  # not the 12 mm of the bug


def test_a_last_landscape_section_in_any_docx_leaves_page_1_alone() -> None:
    """The bug reproduced on a plain body: a portrait section, then a landscape one last."""
    data = baocao.render(
        make_report(subject=LONG_SUBJECT, appendices=[Appendix(title="A", body=["x"])])
    )
    root = _document(data)
    body = root.find(qn("body"))
    final = body[-1]
    size = final.find(qn("pgSz"))
    size.set(qn("w"), "16838")
    size.set(qn("h"), "11906")
    size.set(qn("orient"), "landscape")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = Styles(etree.fromstring(package.read("word/styles.xml")))
    layout_body(body, styles)
    _subject, rule = _rule_under(root, "BCSubject")
    assert _drawn_mm(rule, 165) > 30
    # the rule under the appendix reference is measured on the landscape page
    references = [p for p in body.iter(qn("p")) if paragraph_text(p).startswith("(Kèm theo")]
    after = references[0].getnext()
    geometry = section_geometry(body, after)
    assert geometry.landscape
    assert geometry.text_width_mm == pytest.approx(297 - 45, abs=0.1)


def test_each_appendix_section_has_its_orientation() -> None:
    appendices = [
        Appendix(title="Một", body=["x"]),
        Appendix(title="Hai", orientation="landscape", body=[WIDE]),
        Appendix(title="Ba", body=["y"]),
        Appendix(title="Bốn", orientation="landscape", body=[WIDE]),
    ]
    root = _document(baocao.render(make_report(appendices=appendices)))
    sections = SectionMap(root.find(qn("body"))).sections
    assert [s.landscape for s in sections] == [False, False, True, False, True]
    sizes = [s for s in root.iter(qn("pgSz"))]
    for geometry, size in zip(sections, sizes, strict=True):
        orient = size.get(qn("orient"))
        assert orient == ("landscape" if geometry.landscape else None)
        assert (geometry.width, geometry.height) == (
            (16838, 11906) if geometry.landscape else (11906, 16838)
        )


def test_a_table_fills_its_own_section_width() -> None:
    root = _document(baocao.render(_landscape_report()))
    body = root.find(qn("body"))
    tables = [
        t
        for t in body.iter(qn("tbl"))
        if any(paragraph_text(p) == "Chỉ tiêu" for p in t.iter(qn("p")))
    ]
    (table,) = tables
    grid = sum(int(c.get(qn("w"))) for c in table.find(qn("tblGrid")))
    assert mm_from_twips(grid) == pytest.approx(
        section_geometry(body, table).text_width_mm, abs=0.2
    )
    assert mm_from_twips(grid) > 250


def test_a_landscape_appendix_checks_clean() -> None:
    assert baocao.check(baocao.render(_landscape_report())) == []


def test_margins_apply_to_every_section() -> None:
    margins = baocao.Margins(top=25, bottom=25, left=35, right=20)
    root = _document(baocao.render(_landscape_report(), margins=margins))
    body = root.find(qn("body"))
    sections = SectionMap(body).sections
    assert [round(s.text_width_mm) for s in sections] == [155, 242]
    _subject, rule = _rule_under(root, "BCSubject")
    assert _drawn_mm(rule, 155) > 30


def test_section_map_without_a_final_section() -> None:
    body = etree.fromstring(f'<w:body xmlns:w="{W_NS}"><w:p/></w:body>')
    geometry = section_geometry(body, body[0])
    assert (geometry.width, geometry.landscape) == (11906, False)
