"""Statistics tables rendered (issue 12, §2): merged header cells as gridSpan and vMerge,
header rows repeated on each page, rows never split, widths fitted to the section, and
the document read back by python-docx and by baocao's own check."""

from __future__ import annotations

import decimal
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import baocao
from baocao._ooxml import W_NS, grid_table_xml, paragraph_text
from baocao._render._sections import SectionMap

from ..conftest import make_report, minimal_data
from ..strategies import as_rendered, laid_out, nonblank_texts, texts

W = f"{{{W_NS}}}"
NS = {"w": W_NS}

TABLE: dict[str, Any] = {
    "caption": "Bảng 1. Thu ngân sách năm 2025",
    "units": "triệu đồng",
    "header_rows": [
        [
            {"text": "STT", "rowspan": 2},
            {"text": "Đơn vị", "rowspan": 2},
            {"text": "Năm 2025", "colspan": 2},
            {"text": "Tỷ lệ", "rowspan": 2},
        ],
        ["Kế hoạch", "Thực hiện"],
    ],
    "column_numbers": True,
    "widths": [1, 5, 2, 2, 2],
    "rows": [
        {"group": "I. Khối sở, ngành"},
        [1, "Sở Nội vụ", 1200, 1341, {"percent": "111,75"}],
        [2, "Sở <Tư> & {{ pháp }}", 860, 802, {"percent": "93,26"}],
        {"subtotal": ["", "Cộng", 2060, 2143, {"percent": "104,03"}]},
    ],
    "totals": ["", "Tổng cộng", 2060, 2143, {"percent": "104,03"}],
    "notes": ["Số liệu ước thực hiện.", "Chưa gồm thu tiền sử dụng đất."],
    "source": "Kho bạc Nhà nước tỉnh",
}


def _report(table: dict[str, Any] = TABLE, **changes: Any) -> baocao.Report:
    body = ["Kết quả như sau.", {"table": table}, "Các đơn vị tiếp tục thực hiện."]
    return baocao.load(minimal_data(sections=[{"title": "Kết quả", "body": body}], **changes))


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return baocao.render(_report())


def _body(data: bytes) -> Any:
    document = docx.Document(io.BytesIO(data))
    return document.element.body


def _grid(data: bytes) -> Any:
    tables = [
        t for t in _body(data).iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblCaption") is not None
    ]
    assert len(tables) == 1
    return tables[0]


def test_the_context_block(rendered: bytes) -> None:
    block = baocao.context(_report())["body"][2]
    assert block["kind"] == "grid"
    assert block["units"] == "Đơn vị tính: triệu đồng"
    assert block["notes"] == [
        "Ghi chú:",
        "Số liệu ước thực hiện.",
        "Chưa gồm thu tiền sử dụng đất.",
    ]
    assert block["source"] == "Nguồn: Kho bạc Nhà nước tỉnh"
    assert block["column_numbers"] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert [c["align"] for c in block["columns"]] == ["center", "auto", "auto", "auto", "auto"]
    assert [r["kind"] for r in block["body_rows"]] == ["group", "data", "data", "subtotal", "total"]


def test_merged_header_cells_in_the_xml(rendered: bytes) -> None:
    rows = _grid(rendered).findall(f"{W}tr")
    first, second = rows[0], rows[1]
    spans = [
        (c.find(f"{W}tcPr/{W}gridSpan"), c.find(f"{W}tcPr/{W}vMerge"))
        for c in first.findall(f"{W}tc")
    ]
    assert [None if s is None else s.get(f"{W}val") for s, _ in spans] == [None, None, "2", None]
    assert [None if v is None else v.get(f"{W}val") for _, v in spans] == [
        "restart",
        "restart",
        None,
        "restart",
    ]
    merges = [c.find(f"{W}tcPr/{W}vMerge") for c in second.findall(f"{W}tc")]
    assert [m is not None and m.get(f"{W}val") is None for m in merges] == [
        True,
        True,
        False,
        False,
        True,
    ]
    group = rows[3].findall(f"{W}tc")
    assert len(group) == 1
    assert group[0].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "5"


def test_every_header_row_repeats_and_no_row_splits(rendered: bytes) -> None:
    rows = _grid(rendered).findall(f"{W}tr")
    headers = [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows]
    assert headers == [True, True, True] + [False] * (len(rows) - 3)
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)


def test_python_docx_reads_the_cells(rendered: bytes) -> None:
    document = docx.Document(io.BytesIO(rendered))
    table = next(t for t in document.tables if t.cell(0, 0).text == "STT")
    assert table.cell(0, 2).text == "Năm 2025"
    assert table.cell(0, 2)._tc is table.cell(0, 3)._tc  # one merged cell
    assert table.cell(1, 0)._tc is table.cell(0, 0)._tc  # merged down
    assert [table.cell(1, i).text for i in (2, 3)] == ["Kế hoạch", "Thực hiện"]
    assert [table.cell(2, i).text for i in range(5)] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert table.cell(3, 0).text == "I. Khối sở, ngành"
    assert [table.cell(4, i).text for i in range(5)] == [
        "1",
        "Sở Nội vụ",
        "1.200",
        "1.341",
        "111,75%",
    ]
    assert table.cell(5, 1).text == "Sở <Tư> & {{ pháp }}"
    assert table.cell(7, 1).text == "Tổng cộng"
    texts = [p.text for p in document.paragraphs]
    caption = texts.index("Bảng 1. Thu ngân sách năm 2025")
    assert texts[caption + 1] == "Đơn vị tính: triệu đồng"
    assert "Ghi chú:" in texts
    assert "Nguồn: Kho bạc Nhà nước tỉnh" in texts


def test_styles_and_alignment(rendered: bytes) -> None:
    rows = _grid(rendered).findall(f"{W}tr")

    def styles(row: Any) -> list[tuple[str, str | None]]:
        out = []
        for p in row.iter(f"{W}p"):
            jc = p.find(f"{W}pPr/{W}jc")
            out.append(
                (
                    p.find(f"{W}pPr/{W}pStyle").get(f"{W}val"),
                    None if jc is None else jc.get(f"{W}val"),
                )
            )
        return out

    assert styles(rows[4]) == [
        ("BCTableNumber", "center"),  # STT centred
        ("BCTableText", None),
        ("BCTableNumber", None),
        ("BCTableNumber", None),
        ("BCTableNumber", None),
    ]
    assert {s for s, _ in styles(rows[6])} == {"BCTableTotalText", "BCTableTotalNumber"}
    assert styles(rows[3]) == [("BCTableTotalText", None)]


def test_widths_follow_the_shares_and_fill_the_text_width(rendered: bytes) -> None:
    grid = _grid(rendered)
    cols = [int(c.get(f"{W}w")) for c in grid.find(f"{W}tblGrid")]
    assert sum(cols) == 11906 - 1701 - 850
    assert [round(c / cols[0]) for c in cols] == [1, 5, 2, 2, 2]
    merged = grid.findall(f"{W}tr")[0].findall(f"{W}tc")[2]
    assert int(merged.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) == cols[2] + cols[3]


def test_margins_change_the_width() -> None:
    data = baocao.render(_report(), margins=baocao.Margins(left=35, right=20))
    cols = [int(c.get(f"{W}w")) for c in _grid(data).find(f"{W}tblGrid")]
    assert abs(sum(cols) - baocao._ooxml.twips(210 - 35 - 20)) <= 2


def test_widths_by_content_when_none_are_given() -> None:
    table = {
        "header": ["STT", "Tên đơn vị"],
        "rows": [[1, "Ủy ban nhân dân thành phố Bắc Ninh"]],
        "units": "đơn vị",
    }
    cols = [int(c.get(f"{W}w")) for c in _grid(baocao.render(_report(table))).find(f"{W}tblGrid")]
    assert cols[1] > 3 * cols[0]
    assert sum(cols) == 11906 - 1701 - 850


def test_the_section_of_a_table_gives_its_width() -> None:
    body = etree.fromstring(
        f'<w:body xmlns:w="{W_NS}"><w:tbl/><w:p><w:pPr><w:sectPr>'
        '<w:pgSz w:w="16838" w:h="11906"/><w:pgMar w:left="1134" w:right="1134"/>'
        '</w:sectPr></w:pPr></w:p><w:tbl/><w:sectPr><w:pgSz w:w="11906"/>'
        '<w:pgMar w:left="1701" w:right="850"/></w:sectPr></w:body>'
    )
    first, second = body.findall(f"{W}tbl")
    sections = SectionMap(body)  # the one reader of section geometry the layout uses

    def text_twips(table: object) -> int:
        geometry = sections.of(table)
        return geometry.width - geometry.left - geometry.right

    assert text_twips(first) == 16838 - 2268  # landscape: its own section
    assert text_twips(second) == 11906 - 2551


def test_check_finds_nothing(rendered: bytes) -> None:
    assert baocao.check(rendered) == []


def test_a_grid_ending_the_content_gets_the_end_mark_after_it() -> None:
    data = minimal_data(sections=[{"title": "Kết quả", "body": [{"table": TABLE}]}])
    body = baocao.context(baocao.load(data))["body"]
    assert body[-2]["kind"] == "grid"
    assert body[-1] == {
        "kind": "paragraph",
        "label": "",
        "text": "./.",
    }


@pytest.mark.parametrize(
    ("block", "words"),
    [
        ([], "block: [] is not a mapping"),
        ({"columns": []}, "columns: [] must list at least one column"),
        ({"columns": [{"align": "up"}], "header_rows": []}, "columns[0].align: 'up'"),
        (
            {"columns": [{}], "header_rows": [[{"text": "A", "colspan": 2}]]},
            "header_rows[0][0].colspan: 2 runs past the last column",
        ),
        (
            {"columns": [{}], "header_rows": [[{"text": 5}]]},
            "header_rows[0][0].text: 5 is not a text",
        ),
        (
            {"columns": [{}], "header_rows": [], "body_rows": [{"kind": "data", "cells": []}]},
            "body_rows[0].cells: 0 cells, not 1",
        ),
    ],
)
def test_the_filter_refuses_what_is_no_grid(block: Any, words: str) -> None:
    with pytest.raises(baocao.ValidationError) as info:
        grid_table_xml(block)
    assert words in str(info.value)


def test_a_long_table_renders_and_repeats_its_header() -> None:
    rows = [[n, f"Đơn vị {n}", n * 1000] for n in range(1, 2001)]
    table = {"header_rows": [["STT", "Đơn vị", "Số"]], "rows": rows, "column_numbers": True}
    data = baocao.render(_report(table))
    grid = _grid(data)
    assert len(grid.findall(f"{W}tr")) == 2 + 2000
    assert grid.findall(f"{W}tr")[-1].findall(f"{W}tc")[2].findtext(f".//{W}t") == "2.000.000"


def test_the_xlsx_example_renders_clean() -> None:
    root = Path(__file__).resolve().parents[2] / "examples"
    report = baocao.load(root / "thu-ngan-sach.yaml")
    table = report.sections[0].body[1]
    assert isinstance(table, baocao.Table)
    assert len(table.rows) == 8
    assert table.rows[1] == (2, "Sở Tư pháp", 860, 802, baocao.Percent(decimal.Decimal("93.26")))
    data = baocao.render(report)
    assert baocao.check(data) == []
    cells = docx.Document(io.BytesIO(data)).tables[1]
    assert cells.cell(4, 4).text == "93,26%"


@pytest.mark.soffice
def test_libreoffice_repeats_the_header_rows_on_each_page() -> None:
    from ..conftest import require_tools
    from ..pdftext import pdf_text_layout

    require_tools()
    rows = [[n, f"Đơn vị số {n}", n * 100, n * 90, {"percent": "90"}] for n in range(1, 61)]
    pdf = baocao.to_pdf(baocao.render(_report({**TABLE, "rows": rows, "totals": None})))
    pages = pdf_text_layout(pdf)
    assert len(pages) >= 2
    with_table = [page for page in pages if "Đơn vị số" in page]
    assert len(with_table) >= 2
    for page in with_table:  # both header rows and the column numbers, on every page
        assert all(text in page for text in ("Năm 2025", "Kế hoạch", "(5)")), page
    assert "Đơn vị tính: triệu đồng" in pages[0]


@st.composite
def _grids(draw: st.DrawFn) -> baocao.Report:
    """A statistics table of hostile texts (any character a .docx can hold, "{{ x }}",
    "&", line breaks, tabs …): a merged header, a group row, a subtotal row."""
    cell = laid_out(texts(max_size=6), baocao._model.HEADING)
    width = draw(st.integers(2, 4))
    top = [baocao.HeaderCell(text=draw(cell), colspan=width)]
    heads = draw(st.lists(cell, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=3))
    group = baocao.GroupRow(draw(laid_out(nonblank_texts(max_size=6), baocao._model.HEADING)))
    table = baocao.Table(
        header_rows=[top, heads],
        rows=[
            group,
            *rows,
            baocao.SubtotalRow(draw(st.lists(cell, min_size=width, max_size=width))),
        ],
        units=draw(laid_out(nonblank_texts(max_size=6), baocao._model.ONE_LINE)).strip() or "người",
    )
    return make_report(sections=[baocao.Section(title="Kết quả", body=[table])])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_grids())
def test_every_text_of_a_grid_comes_back(report: baocao.Report) -> None:
    table = report.sections[0].body[0]
    assert isinstance(table, baocao.Table)
    document = docx.Document(io.BytesIO(baocao.render(report)))
    grid = next(t for t in document.tables if t._tbl.tblPr.find(f"{W}tblCaption") is not None)
    read = [[paragraph_text(p) for p in tc.iter(f"{W}p")] for tc in grid._tbl.iter(f"{W}tc")]
    expected = [cell.text for row in table.header_rows for cell in row]
    for row in table.rows:
        if isinstance(row, baocao.GroupRow):
            expected.append(row.text)
        else:
            cells = row.cells if isinstance(row, baocao.SubtotalRow) else row
            expected.extend(str(c) for c in cells)
    got = ["".join(paras) if len(paras) == 1 else "\n".join(paras) for paras in read]
    got = [g for g in got if g]  # the continuing cells of merges are empty
    assert got == [as_rendered(t)[0] for t in expected if t]


def _custom(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_template_that_would_drop_a_grid_refuses_it() -> None:
    old = _custom(
        "{%p for b in body %}",
        "{%p if b.kind != 'table' %}",
        "{{ b.label }} {{ b.text }}",
        "{%p endif %}",
        "{%p endfor %}",
    )
    with pytest.raises(baocao.TemplateError, match=r'statistics table .*kind "grid"'):
        baocao.render(_report(), template=old)
    plain = {"header": ["A", "B"], "rows": [["x", 1]]}
    assert baocao.render(_report(plain), template=old)  # a table of 0.1: as before


def test_a_template_may_print_a_grid_itself() -> None:
    own = _custom(
        "{%p for b in body %}",
        "{%p if b.kind == 'grid' %}",
        "{%p for r in b.body_rows %}",
        "{{ r.kind }} {{ r.text }}",
        "{%p endfor %}",
        "{%p endif %}",
        "{%p endfor %}",
    )
    texts = [
        p.text for p in docx.Document(io.BytesIO(baocao.render(_report(), template=own))).paragraphs
    ]
    assert "group I. Khối sở, ngành" in texts
