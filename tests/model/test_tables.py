"""Statistics tables in the model (issue 12, §2): header rows with merged cells, group and
subtotal rows, units, notes, widths and alignment; their validation and their YAML."""

from __future__ import annotations

import decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import baocao
from baocao import _model as m
from baocao._ooxml import W_NS, grid_table_xml

from ..conftest import minimal_data

HEADER_ROWS: list[list[Any]] = [
    [
        {"text": "STT", "rowspan": 2},
        {"text": "Đơn vị", "rowspan": 2},
        {"text": "Năm 2025", "colspan": 2},
        {"text": "Tỷ lệ (%)", "rowspan": 2},
    ],
    ["Kế hoạch", "Thực hiện"],
]


def _load_table(**table: Any) -> baocao.Table:
    data = minimal_data(sections=[{"title": "Kết quả", "body": [{"table": table}]}])
    found = baocao.load(data).sections[0].body[0]
    assert isinstance(found, baocao.Table)
    return found


def _error(**table: Any) -> baocao.ValidationError:
    with pytest.raises(baocao.ValidationError) as info:
        _load_table(**table)
    return info.value


def test_header_rows_load_with_their_short_forms() -> None:
    table = _load_table(
        header_rows=HEADER_ROWS,
        rows=[
            {"group": "I. Khối sở, ngành"},
            [1, "Sở Nội vụ", 1200, 1341, {"percent": "111,75"}],
            {"subtotal": ["", "Cộng", 1200, 1341, {"percent": "111,75"}]},
        ],
        column_numbers=True,
        units="triệu đồng",
        notes="Số liệu ước thực hiện.",
        source="Sở Tài chính",
        widths=[1, 5, 2, 2, 2],
        align=["center", "left", "auto", "auto", "right"],
    )
    assert table.header == ()
    assert table.header_rows[0][2] == m.HeaderCell(text="Năm 2025", colspan=2)
    assert table.header_rows[1][0] == m.HeaderCell(text="Kế hoạch")
    assert table.rows[0] == m.GroupRow("I. Khối sở, ngành")
    assert table.rows[2] == m.SubtotalRow(
        ("", "Cộng", 1200, 1341, m.Percent(decimal.Decimal("111.75")))
    )
    assert table.notes == ("Số liệu ước thực hiện.",)
    assert m.uses_grid(table)


def test_a_table_of_0_1_is_no_grid() -> None:
    table = _load_table(header=["A", "B"], rows=[["x", 1]], totals=["Tổng", 1])
    assert not m.uses_grid(table)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("column_numbers", True),
        ("units", "người"),
        ("caption", "Bảng 1"),
        ("notes", ["Ghi nhận"]),
        ("source", "Sở Nội vụ"),
        ("widths", [1, 2]),
        ("align", ["left", "right"]),
    ],
)
def test_each_new_field_makes_a_grid(field: str, value: Any) -> None:
    assert m.uses_grid(_load_table(header=["A", "B"], rows=[["x", 1]], **{field: value}))


# Header cells that do not tile the grid: (header_rows, path of the error, words in it).
BAD_SPANS = [
    ([["A", {"text": "B", "rowspan": 3}], ["C", "D"]], "header_rows[0][1].rowspan", "below"),
    ([[{"text": "A", "colspan": 3}], ["B", "C"]], "header_rows[1]", "fills 2 columns"),
    ([["A", "B"], ["C", "D", "E"]], "header_rows[1]", "fills 3 columns"),
    (
        [[{"text": "A", "rowspan": 2}, "B", "C"], [{"text": "D", "colspan": 2}, "E"]],
        "header_rows[1]",
        "fills 4 columns, but header_rows[0] fills 3",
    ),
    (
        [["A", {"text": "B", "rowspan": 2}, "C"], [{"text": "D", "colspan": 2}, "E"]],
        "header_rows[1][0].colspan",
        "runs into header_rows[0][1]",
    ),
    ([[{"text": "A", "colspan": 0}]], "header_rows[0][0].colspan", "between 1 and 63"),
]


@pytest.mark.parametrize(("rows", "path", "words"), BAD_SPANS)
def test_spans_that_do_not_tile_name_the_cell(rows: Any, path: str, words: str) -> None:
    error = _error(header_rows=rows, rows=[["x"] * 2])
    assert error.path.endswith(path), error
    assert words in str(error)


@pytest.mark.parametrize(
    ("table", "path", "words"),
    [
        ({"header": ["A"], "header_rows": [["A"]]}, "header", "give one of them"),
        ({}, "header", "is required"),
        ({"header": ["A", "B"], "widths": [1]}, "widths", "has 1 values but the table has 2"),
        ({"header": ["A", "B"], "widths": [1, 0]}, "widths[1]", "between 1 and 1000"),
        ({"header": ["A", "B"], "align": ["left", "middle"]}, "align[1]", "left, center"),
        ({"header": ["A", "B"], "units": "Đơn vị tính: người"}, "units", "writes itself"),
        ({"header": ["A", "B"], "source": "Nguồn: Sở"}, "source", "writes itself"),
        ({"header": ["A", "B"], "notes": ["Ghi chú: x"]}, "notes[0]", "writes itself"),
        ({"header": ["A", "B"], "caption": "Bảng\n1"}, "caption", "line"),
        ({"header": ["A", "B"], "column_numbers": "yes"}, "column_numbers", "true or false"),
    ],
)
def test_table_fields_are_validated(table: dict[str, Any], path: str, words: str) -> None:
    error = _error(rows=[["x", 1]] if "header_rows" not in table else [["x"]], **table)
    assert error.path.endswith(f"table.{path}"), error
    assert words in str(error)


def test_a_subtotal_row_as_wide_as_the_table() -> None:
    error = _error(header=["A", "B"], rows=[["x", 1], {"subtotal": ["Cộng"]}])
    assert error.path.endswith("table.rows[1].subtotal")
    assert "has 1 cells but the header has 2" in str(error)


def test_a_row_that_is_no_row() -> None:
    error = _error(header=["A", "B"], rows=[{"total": [1, 2]}])
    assert error.path.endswith("table.rows[0]")
    assert "{group: …} or {subtotal: [...]}" in str(error)


def test_header_rows_in_python() -> None:
    table = baocao.Table(
        header_rows=[["STT", baocao.HeaderCell(text="Số lượng", colspan=2)], ["", "Nam", "Nữ"]],
        rows=[[1, 20, 21], baocao.GroupRow("Nhóm"), baocao.SubtotalRow(["", 20, 21])],
    )
    assert len(table.header_rows) == 2
    with pytest.raises(baocao.ValidationError, match=r"header_rows\[1\]: .* fills 2 columns"):
        baocao.Table(header_rows=[["A", "B", "C"], ["", "D"]], rows=[[1, 2, 3]])


def test_header_grid_places_each_cell() -> None:
    cells = tuple(
        tuple(m.HeaderCell(text=c) if isinstance(c, str) else m.HeaderCell(**c) for c in row)
        for row in HEADER_ROWS
    )
    placed = m._grid.header_grid(cells)
    assert [(column, row, cell.text) for column, row, cell in placed[1]] == [
        (2, 1, "Kế hoạch"),
        (3, 1, "Thực hiện"),
    ]
    assert [column for column, _row, _cell in placed[0]] == [0, 1, 2, 4]


def test_the_schema_knows_the_new_fields() -> None:
    import jsonschema

    schema = baocao.json_schema()
    validator = jsonschema.Draft202012Validator(schema)
    table = {"header_rows": HEADER_ROWS, "rows": [[1, "A", 1, 2, 3], {"group": "I. A"}]}
    data = minimal_data(sections=[{"title": "Kết quả", "body": [{"table": table}]}])
    assert validator.is_valid(data)
    for bad in (
        {**table, "align": ["middle"] * 5},
        {**table, "header": ["A"]},
        {**table, "column_numbers": "yes"},
        {**table, "rows": {"file": "dulieu.txt"}},
    ):
        data = minimal_data(sections=[{"title": "Kết quả", "body": [{"table": bad}]}])
        assert not validator.is_valid(data), bad
    good = {**table, "rows": {"file": "dulieu.xlsx", "sheet": "Sheet1", "range": "A3:E40"}}
    data = minimal_data(sections=[{"title": "Kết quả", "body": [{"table": good}]}])
    assert validator.is_valid(data)


@st.composite
def tilings(draw: st.DrawFn) -> list[list[dict[str, Any]]]:
    """Header rows whose cells tile a grid of 1–6 columns and 1–3 rows (only valid ones)."""
    width = draw(st.integers(1, 6))
    height = draw(st.integers(1, 3))
    taken: set[tuple[int, int]] = set()
    rows: list[list[dict[str, Any]]] = [[] for _ in range(height)]
    for r in range(height):
        for c in range(width):
            if (r, c) in taken:
                continue
            run = 1
            while c + run < width and (r, c + run) not in taken:
                run += 1
            colspan = draw(st.integers(1, run))
            rowspan = draw(st.integers(1, height - r))
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            rows[r].append({"text": f"{r}.{c}", "colspan": colspan, "rowspan": rowspan})
    return [row for row in rows if row] if all(rows) else draw(tilings())


def _span(tc: Any) -> int:
    span = tc.find(f"{{{W_NS}}}tcPr/{{{W_NS}}}gridSpan")
    return 1 if span is None else int(span.get(f"{{{W_NS}}}val", "1"))


@settings(max_examples=60, deadline=None)
@given(tilings())
def test_every_tiling_is_accepted_and_written_whole(rows: list[list[dict[str, Any]]]) -> None:
    width = sum(cell["colspan"] for cell in rows[0])
    table = _load_table(header_rows=rows, rows=[["x"] * width])
    assert len(table.header_rows) == len(rows)
    data = {"header_rows": rows, "rows": [["x"] * width]}
    report = baocao.load(minimal_data(sections=[{"title": "Kết quả", "body": [{"table": data}]}]))
    block = baocao.context(report)["body"][1]
    xml = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{grid_table_xml(block)}</w:body>')
    for tr in xml.iter(f"{{{W_NS}}}tr"):  # every row, merged cells included, fills the grid
        assert sum(_span(tc) for tc in tr.findall(f"{{{W_NS}}}tc")) == width
