"""Table rows from a CSV file or an .xlsx sheet (issue 12, §2): what each cell becomes,
and errors that name the file and the cell. The fixtures are made here, with openpyxl."""

from __future__ import annotations

import datetime
import decimal
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

import baocao

from ..conftest import minimal_data

D = decimal.Decimal


def _xlsx(path: Path, rows: list[list[Any]], *, sheet: str = "Sheet1", **formats: str) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for cell, number_format in formats.items():
        ws[cell].number_format = number_format
    book.save(path)
    return path


def _patch(path: Path, cell: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the XML of ``cell`` (what openpyxl cannot write: a
    formula's saved value, a value with 17 significant digits, an error cell)."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index(f'<c r="{cell}"')
    end = sheet.index("</c>", start)
    sheet = sheet[:start] + sheet[start:end].replace(old, new) + sheet[end:]
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _cache(path: Path, cell: str, value: str) -> None:
    """Give the formula of ``cell`` the saved value ``value``, as a spreadsheet does."""
    _patch(path, cell, "<v></v>", f"<v>{value}</v>")


def _report(folder: Path, table: dict[str, Any]) -> Path:
    data = minimal_data(sections=[{"title": "Kết quả", "body": [{"table": table}]}])
    path = folder / "baocao.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _table(path: Path) -> baocao.Table:
    table = baocao.load(path).sections[0].body[0]
    assert isinstance(table, baocao.Table)
    return table


def test_xlsx_cells_become_numbers_and_texts(tmp_path: Path) -> None:
    _xlsx(
        tmp_path / "dulieu.xlsx",
        [
            ["Bảng", None, None, None],
            ["STT", "Đơn vị", "Số", "Tỷ lệ"],
            [1, "Sở Nội vụ", 0.1, 0.4767],
            [2.0, "Sở Tư pháp", 1341, 1],
            [3, None, D("12.50"), 0.5],
        ],
        D3="0.00%",
        D4="0%",
        D5="0.0%",
    )
    path = _report(
        tmp_path,
        {
            "header": ["STT", "Đơn vị", "Số", "Tỷ lệ"],
            "rows": {"file": "dulieu.xlsx", "sheet": "Sheet1", "range": "A3:D5"},
        },
    )
    table = _table(path)
    assert table.rows == (
        (1, "Sở Nội vụ", D("0.1"), baocao.Percent(D("47.67"), decimals=2)),
        (2, "Sở Tư pháp", 1341, baocao.Percent(100, decimals=0)),
        (3, "", D("12.5"), baocao.Percent(50, decimals=1)),
    )
    cells = baocao.context(baocao.load(path))["body"][1]["rows"][0]
    assert [c["text"] for c in cells] == ["1", "Sở Nội vụ", "0,1", "47,67%"]


def test_the_whole_first_sheet_by_default(tmp_path: Path) -> None:
    _xlsx(tmp_path / "a.xlsx", [["x", 1], ["y", 2]])
    assert baocao.rows_from_file(tmp_path / "a.xlsx") == (("x", 1), ("y", 2))


def test_a_formula_gives_its_saved_value(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "f.xlsx", [["a", 2, "=B1*2"]])
    _cache(path, "C1", "4")
    assert baocao.rows_from_file(path) == (("a", 2, 4),)


# A cell that cannot be a table cell: (the value, how the sheet stores it when openpyxl
# cannot write it so, words of the error).
BAD_CELLS = [
    (0.3, "0.30000000000000004", "not an exact decimal"),
    (datetime.date(2026, 1, 5), None, "a date or a time"),
    (True, None, "true or false"),
    ("=B1*2", None, "a formula with no saved value"),
]


@pytest.mark.parametrize(("value", "stored", "words"), BAD_CELLS)
def test_a_bad_xlsx_cell_is_named(tmp_path: Path, value: Any, stored: Any, words: str) -> None:
    rows = [["STT", "Số", "Ghi"]] + [[n, n, "x"] for n in range(1, 6)] + [[6, 1, value]]
    _xlsx(tmp_path / "dulieu.xlsx", rows)
    if stored is not None:  # as a spreadsheet stores 0.1 + 0.2
        _patch(tmp_path / "dulieu.xlsx", "C7", f"<v>{value}</v>", f"<v>{stored}</v>")
    path = _report(tmp_path, {"header": ["STT", "Số", "Ghi"], "rows": {"file": "dulieu.xlsx"}})
    with pytest.raises(baocao.ValidationError) as info:
        baocao.load(path)
    message = str(info.value)
    assert "dulieu.xlsx, Sheet1!C7" in message
    assert words in message
    assert info.value.path == "sections[0].body[0].table.rows"


def test_an_error_value_is_named(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "e.xlsx", [["a", 0, "=1/B1"]])
    _cache(path, "C1", "#DIV/0!")
    _patch(path, "C1", '<c r="C1">', '<c r="C1" t="e">')  # a saved error is typed "e"
    with pytest.raises(baocao.ValidationError, match=r"e\.xlsx, Sheet1!C1 is an error value"):
        baocao.rows_from_file(path)


def test_a_row_wider_than_the_table_is_named_by_its_cells(tmp_path: Path) -> None:
    _xlsx(tmp_path / "w.xlsx", [["a", 1, 2], ["b", 3, 4]])
    path = _report(tmp_path, {"header": ["A", "B"], "rows": {"file": "w.xlsx", "range": "A1:C2"}})
    with pytest.raises(baocao.ValidationError) as info:
        baocao.load(path)
    assert "w.xlsx, Sheet1!A1:C1 has 3 cells but the header has 2" in str(info.value)


@pytest.mark.parametrize(
    ("rows", "path", "words"),
    [
        ({"file": "x.xlsx", "sheet": "Trang 2"}, "rows.sheet", "is not a sheet of x.xlsx"),
        ({"file": "x.xlsx", "range": "3A:F4"}, "rows.range", "such as A3:F40"),
        ({"file": "x.xlsx", "range": "B4:A3"}, "rows.range", "top-left"),
        ({"file": "thieu.xlsx"}, "rows.file", "cannot read the file"),
        ({"file": "x.txt"}, "rows.file", "is not a .csv or an .xlsx"),
        ({"file": "x.xlsx", "columns": 3}, "rows", "is not a key of rows from a file"),
        ({"file": "x.xlsx", "delimiter": ";"}, "rows", "has no delimiter"),
    ],
)
def test_a_bad_source_is_named(tmp_path: Path, rows: dict[str, Any], path: str, words: str) -> None:
    _xlsx(tmp_path / "x.xlsx", [["a", 1]])
    (tmp_path / "x.txt").write_text("a,1", encoding="utf-8")
    report = _report(tmp_path, {"header": ["A", "B"], "rows": rows})
    with pytest.raises(baocao.ValidationError) as info:
        baocao.load(report)
    assert info.value.path == f"sections[0].body[0].table.{path}"
    assert words in str(info.value)


def test_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    (tmp_path / "hong.xlsx").write_bytes(b"not a zip")
    with pytest.raises(baocao.ValidationError, match=r"is not an \.xlsx workbook"):
        baocao.rows_from_file(tmp_path / "hong.xlsx")


def test_csv_cells(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text(
        '1,Sở Nội vụ,4.607.678,"47,67",12.5\n\n2,"Sở, ngành",-5,0,x\n', encoding="utf-8"
    )
    assert baocao.rows_from_file(tmp_path / "d.csv") == (
        (1, "Sở Nội vụ", 4607678, D("47.67"), "12.5"),
        (2, "Sở, ngành", -5, 0, "x"),
    )
    (tmp_path / "s.csv").write_text("a;1\n", encoding="utf-8")
    assert baocao.rows_from_file(tmp_path / "s.csv", delimiter=";") == (("a", 1),)


def test_csv_errors_name_the_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("a,1\nb,2\n\nc,3,4\n", encoding="utf-8")
    path = _report(tmp_path, {"header": ["A", "B"], "rows": {"file": "d.csv"}})
    with pytest.raises(baocao.ValidationError, match=r"d\.csv, line 4 has 3 cells"):
        baocao.load(path)
    (tmp_path / "d.csv").write_text('a,1\nb,"x\fy"\n', encoding="utf-8")
    with pytest.raises(baocao.ValidationError, match=r"d\.csv, line 2, column 2 .*page break"):
        baocao.load(path)
    (tmp_path / "d.csv").write_bytes(b"a,\xff\n")
    with pytest.raises(baocao.ValidationError, match="not UTF-8"):
        baocao.load(path)
    with pytest.raises(baocao.ValidationError, match="has no sheet"):
        baocao.rows_from_file(tmp_path / "d.csv", sheet="Sheet1")


def test_table_from_file(tmp_path: Path) -> None:
    _xlsx(tmp_path / "t.xlsx", [["STT", "Đơn vị"], [1, "Sở Nội vụ"], [2, "Sở Tư pháp"]])
    table = baocao.Table.from_file(
        tmp_path / "t.xlsx", range="A2:B3", header=["STT", "Đơn vị"], units="đơn vị"
    )
    assert table.rows == ((1, "Sở Nội vụ"), (2, "Sở Tư pháp"))
    assert table.units == "đơn vị"
    with pytest.raises(baocao.ValidationError, match=r"t\.xlsx, Sheet1!A1:B1 has 2 cells"):
        baocao.Table.from_file(tmp_path / "t.xlsx", header=["A", "B", "C"])


@pytest.mark.parametrize("name", ["../x.csv", "sub/../../x.csv", "/etc/x.csv", "link/x.csv"])
def test_rows_are_read_only_inside_the_folder_of_the_input(tmp_path: Path, name: str) -> None:
    (tmp_path / "x.csv").write_text("a,1\n", encoding="utf-8")
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "sub").mkdir()
    (folder / "link").symlink_to(tmp_path)  # a link out of the folder
    path = _report(folder, {"header": ["A", "B"], "rows": {"file": name}})
    with pytest.raises(baocao.ValidationError, match="outside the folder of the input file"):
        baocao.load(path)


def test_a_report_from_text_reads_no_file(tmp_path: Path) -> None:
    data = minimal_data(
        sections=[
            {"title": "Kết quả", "body": [{"table": {"header": ["A"], "rows": {"file": "x.csv"}}}]}
        ]
    )
    with pytest.raises(baocao.ValidationError, match="only from a report loaded from a file"):
        baocao.load(data)
    with pytest.raises(baocao.ValidationError, match="only from a report loaded from a file"):
        baocao.loads(yaml.safe_dump(data, allow_unicode=True))


def test_a_subfolder_is_inside(tmp_path: Path) -> None:
    (tmp_path / "so-lieu").mkdir()
    (tmp_path / "so-lieu" / "x.csv").write_text("a,1\n", encoding="utf-8")
    path = _report(tmp_path, {"header": ["A", "B"], "rows": {"file": "so-lieu/x.csv"}})
    assert _table(path).rows == (("a", 1),)
