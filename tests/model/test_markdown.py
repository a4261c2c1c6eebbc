"""A report written in Markdown (issue 15, §1): each construct gives its model value,
each error names its line and column, and the example equals its YAML twin."""

from __future__ import annotations

import datetime
import decimal
from pathlib import Path
from typing import Any

import pytest

import baocao

ROOT = Path(__file__).resolve().parents[2]

FRONT = """---
issuer: {name: Sở Nội vụ, abbreviation: SNV}
place: Hà Nội
date: 2026-03-05
subject: Kết quả công tác
signatory: {title: Giám đốc, name: Nguyễn Văn A}
---
"""
FRONT_LINES = FRONT.count("\n")


def report(body: str, front: str = FRONT) -> baocao.Report:
    return baocao.loads_markdown(front + body, source="report.md")


def first_section_body(r: baocao.Report) -> Any:
    return r.sections[0].body


# Each construct of the dialect and the value it gives: (Markdown body, a function of
# the report, the expected value).
CONSTRUCTS: list[tuple[str, str, Any, Any]] = [
    (
        "paragraph",
        "## Kết quả\n\nĐã hoàn thành\nđúng hạn.\n",
        lambda r: r.sections[0].body,
        (baocao.Paragraph("Đã hoàn thành đúng hạn."),),
    ),
    (
        "typed number stripped",
        "## I. Kết quả\n\n### 1. Văn thư\n\nXong.\n",
        lambda r: (r.sections[0].title, r.sections[0].items[0].title),
        ("Kết quả", "Văn thư"),
    ),
    (
        "escaped label stays text",
        "## A\\. Kết quả\n\nXong.\n",
        lambda r: r.sections[0].title,
        "A. Kết quả",
    ),
    (
        "unnumbered heading",
        "## Kết quả\n\nA.\n\n## Tồn tại {-}\n\nB.\n\n## II. Nhiệm vụ {.unnumbered}\n\nC.\n",
        lambda r: [(s.title, s.numbered) for s in r.sections],
        [("Kết quả", True), ("Tồn tại", False), ("II. Nhiệm vụ", False)],
    ),
    (
        "dash lines and plus lines",
        "## Kết quả\n\n- Rà soát hồ sơ\n  + Đất ở\n  + Đất nông nghiệp\n- Báo cáo\n",
        lambda r: r.sections[0].body,
        (
            baocao.Dash("Rà soát hồ sơ", plus=["Đất ở", "Đất nông nghiệp"]),
            baocao.Dash("Báo cáo"),
        ),
    ),
    (
        "items without a title",
        "## Kết quả\n\nMở.\n\n1. Một.\n2. Hai.\n\nKết mục.\n",
        lambda r: (r.sections[0].body, r.sections[0].items, r.sections[0].closing),
        (
            (baocao.Paragraph("Mở."),),
            (baocao.Item(text="Một."), baocao.Item(text="Hai.")),
            (baocao.Paragraph("Kết mục."),),
        ),
    ),
    (
        "points with their body and an unnumbered point",
        "## Kết quả\n\n### Văn thư\n\nMở.\n\n1. Một\n\n   - dash\n\n   Đoạn.\n1. Hai {-}\n",
        lambda r: r.sections[0].items[0],
        baocao.Item(
            title="Văn thư",
            body=["Mở."],
            points=[
                baocao.Point("Một", body=[baocao.Dash("dash"), baocao.Paragraph("Đoạn.")]),
                baocao.Point("Hai", numbered=False),
            ],
        ),
    ),
    (
        "parts",
        "# Tình hình\n\nMở phần.\n\n## Kết quả\n\nA.\n\n# Phần II: Nhiệm vụ\n\n## Chung\n\nB.\n",
        lambda r: [(p.title, len(p.body), len(p.sections)) for p in r.parts],
        [("Tình hình", 1, 1), ("Nhiệm vụ", 0, 1)],
    ),
    (
        "opening and closing",
        "Mở đầu.\n\n## Kết quả\n\nA.\n\n***\n\nTrên đây là báo cáo\n",
        lambda r: (r.opening, r.closing),
        ((baocao.Paragraph("Mở đầu."),), (baocao.Paragraph("Trên đây là báo cáo"),)),
    ),
    (
        "pieces",
        "## A\n\n{money: 4.607.678.000 south} {money: 5000 chẵn} {percent: 32,59}"
        " {rate: 320/788 down} {rate: 1/3 half_up decimals=1} {number: 1.942,54}"
        " {date: 2014-01-13}\n",
        lambda r: [p for p in r.sections[0].body[0].text if not isinstance(p, str)],
        [
            baocao.Money(4607678000, style="south"),
            baocao.Money(5000, suffix="chẵn"),
            baocao.Percent(decimal.Decimal("32.59")),
            baocao.Rate(320, 788, rounding="down"),
            baocao.Rate(1, 3, rounding="half_up", decimals=1),
            baocao.Number(decimal.Decimal("1942.54")),
            baocao.Date(datetime.date(2014, 1, 13)),
        ],
    ),
    (
        "a piece that wraps",
        "## A\n\nKinh phí là {money:\n5000}.\n",
        lambda r: r.sections[0].body[0].text,
        ("Kinh phí là ", baocao.Money(5000), "."),
    ),
    (
        "footnotes",
        "## A\n\nTỷ lệ đạt 92%[^a].\n\n[^a]: Số liệu đến ngày 31/12/2025.\n",
        lambda r: r.sections[0].body[0].text,
        ("Tỷ lệ đạt 92%", baocao.Footnote("Số liệu đến ngày 31/12/2025."), "."),
    ),
    (
        "table",
        "## A\n\n| STT | Nội dung | Số | Tỷ lệ |\n|---|---|--:|--:|\n"
        "| 01 | Thu | 1.200 | {percent: 47,67} |\n| 2 | Chi, khác | 860,5 | |\n",
        lambda r: r.sections[0].body[0],
        baocao.Table(
            header=["STT", "Nội dung", "Số", "Tỷ lệ"],
            rows=[
                [1, "Thu", baocao.Number(1200), baocao.Percent(decimal.Decimal("47.67"))],
                [2, "Chi, khác", baocao.Number(decimal.Decimal("860.5")), ""],
            ],
        ),
    ),
    (
        "statistics table in a fence",
        "## A\n\n```table\nunits: triệu đồng\nheader: [Đơn vị, Số]\nrows:\n  - {group: I. Sở}\n"
        "  - [Sở Nội vụ, 1200]\ntotals: [Tổng cộng, 1200]\n```\n",
        lambda r: r.sections[0].body[0],
        baocao.Table(
            header=["Đơn vị", "Số"],
            rows=[baocao.GroupRow("I. Sở"), ["Sở Nội vụ", 1200]],
            totals=["Tổng cộng", 1200],
            units="triệu đồng",
        ),
    ),
    (
        "appendices",
        '## A\n\nB.\n\n# Phụ lục: Số liệu {orientation=landscape units="triệu đồng"}\n\n'
        "Nội dung.\n\n## Chi tiết\n\nC.\n\n# Phụ lục II: Danh mục {numbering=roman}\n\nD.\n",
        lambda r: [(a.title, a.orientation.value, a.units, len(a.sections)) for a in r.appendices],
        [("Số liệu", "landscape", "triệu đồng", 1), ("Danh mục", "portrait", None, 0)],
    ),
    (
        "a section's closing after items with a title",
        "## A\n\n### B\n\nC.\n\n::: closing\nNhìn chung đạt.\n\n- Còn chậm.\n:::\n\nD.\n",
        lambda r: (r.sections[0].items[0].body, r.sections[0].closing),
        (
            (baocao.Paragraph("C."),),
            (baocao.Paragraph("Nhìn chung đạt."), baocao.Dash("Còn chậm."), baocao.Paragraph("D.")),
        ),
    ),
    (
        "items without a title after one with a title",
        "## A\n\n### B\n\n1. Điểm\n\n::: items\n1. Khoản\n:::\n\nKết.\n",
        lambda r: r.sections[0],
        baocao.Section(
            title="A",
            items=[baocao.Item(title="B", points=["Điểm"]), baocao.Item(text="Khoản")],
            closing=["Kết."],
        ),
    ),
    (
        "comments",
        "<!-- a note to the writer -->\n\n## A\n\nB <!-- not printed -->.\n",
        lambda r: (r.opening, r.sections[0].body[0].text),
        ((), ("B .",)),
    ),
]


@pytest.mark.parametrize(
    ("body", "get", "expected"),
    [pytest.param(body, get, expected, id=name) for name, body, get, expected in CONSTRUCTS],
)
def test_construct(body: str, get: Any, expected: Any) -> None:
    assert get(report(body)) == expected


def test_numbering_of_the_front_matter_checks_typed_numbers() -> None:
    front = FRONT.replace("---\nissuer", "---\nnumbering: decimal\nissuer")
    r = report("## 1. Kết quả\n\n### 1.1. Kinh tế\n\nA.\n\n### 1.2. Xã hội\n\nB.\n", front)
    assert [i.title for i in r.sections[0].items] == ["Kinh tế", "Xã hội"]
    assert r.sections[0].items[0].title == "Kinh tế"
    sub = report("## Kết quả\n\n### Kinh tế\n\n1. Nông nghiệp\n   1. Trồng trọt\n", front)
    assert sub.sections[0].items[0].points[0].points == (baocao.Point("Trồng trọt"),)
    with pytest.raises(baocao.LoadError, match=r"report\.md:15:5: .* numbers '1\.2\.'"):
        report("## 1. Kết quả\n\n### 1.1. Kinh tế\n\nA.\n\n### 2.2. Xã hội\n\nB.\n", front)


# Each error and the line and column it names (lines counted in the body, after the
# front matter of FRONT_LINES lines), and a part of its message.
ERRORS: list[tuple[str, str, int, int, str]] = [
    ("wrong section number", "## II. Kết quả\n\nA.\n", 1, 4, "numbered 'II.'"),
    ("wrong item number", "## A\n\n### 3. B\n\nC.\n", 3, 5, "numbered '3.'"),
    ("wrong part number", "# Phần II: A\n\n## B\n\nC.\n", 1, 3, "numbered 'Phần II'"),
    ("wrong appendix", "## A\n\nB.\n\n# Phụ lục II: C\n\nD.\n", 5, 3, "'Phụ lục'"),
    ("bold", "## A\n\nMột **hai** ba.\n", 3, 5, "bold"),
    ("emphasis", "## A\n\nMột\nhai *ba*.\n", 4, 5, "emphasis"),
    ("link", "## A\n\nXem [đây](http://x.vn).\n", 3, 5, "a link"),
    ("image", "## A\n\n![ảnh](a.png)\n", 3, 1, "an image"),
    ("code", "## A\n\nMột `hai`.\n", 3, 5, "code"),
    ("raw HTML inline", "## A\n\nMột <b>hai</b>.\n", 3, 5, "raw HTML"),
    ("raw HTML block", "## A\n\n<div>hai</div>\n", 3, 1, "raw HTML"),
    ("block quote", "## A\n\n> hai\n", 3, 3, "block quote"),
    ("code block", "## A\n\n```python\nx = 1\n```\n", 3, 1, "fenced code block"),
    ("level 4", "## A\n\n#### B\n", 3, 6, "level 4"),
    ("item outside a section", "### A\n\nB.\n", 1, 5, "under a section"),
    ("list outside a section", "1. A\n", 1, 4, "numbered list has no place"),
    ("block after points", "## A\n\n### B\n\n1. C\n\nD.\n", 7, 1, "after the points"),
    ("unclosed piece", "## A\n\nLà {money: 5 đồng.\n", 3, 4, "no closing"),
    ("bad rate", "## A\n\nĐạt {rate: 41 down}.\n", 3, 5, "not a rate"),
    ("bad option", "## A\n\n{money: 5 east}\n", 3, 1, "'east'"),
    ("loose footnote", "## A\n\nMột[^9].\n", 3, 4, "[^9] has no text"),
    ("unused footnote", "## A\n\nMột.\n\n[^1]: Hai.\n", 5, 1, "never used"),
    ("second break", "## A\n\nB.\n\n***\n\nC.\n\n***\n", 9, 1, "this is a second one"),
    ("closing outside a section", "::: closing\nA.\n:::\n\n## B\n\nC.\n", 1, 1, "closes a section"),
    ("another container", "## A\n\n::: note\nB.\n:::\n", 3, 1, "only '::: closing'"),
    ("items outside a section", "::: items\n1. A\n:::\n", 2, 4, "numbered list has no"),
    ("a paragraph in items", "## A\n\n::: items\nB.\n:::\n", 4, 1, "holds one numbered"),
    ("items after a closing", "## A\n\n::: closing\nB.\n:::\n\n1. C\n", 7, 4, "after the closing"),
    ("heading after closing", "## A\n\nB.\n\n***\n\n## C\n", 7, 4, "after the closing"),
    # errors of the model, with the place of the value
    ("bad money", "## A\n\nLà {money: 5,5}.\n", 3, 4, "money"),
    ("bad date", "## A\n\nNgày {date: 2026-02-30}.\n", 3, 6, "date"),
    ("empty section", "## A\n\n## B\n\nC.\n", 1, 4, "sections[0].items"),
    ("table width", "## A\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", 5, 1, "has 3 cells"),
]


@pytest.mark.parametrize(
    ("body", "line", "column", "part"),
    [pytest.param(b, line, col, part, id=name) for name, b, line, col, part in ERRORS],
)
def test_error_names_line_and_column(body: str, line: int, column: int, part: str) -> None:
    with pytest.raises(baocao.BaocaoError) as caught:
        report(body)
    message = str(caught.value)
    assert message.startswith(f"report.md:{FRONT_LINES + line}:{column}: "), message
    assert part in message


# Errors in the front matter: (a change of FRONT, the line and column named, a part of
# the message).
FRONT_ERRORS = [
    (("---\nissuer", "---\nsections: []\nissuer"), 2, 1, "sections is the body"),
    (("place: Hà Nội", "place: 5"), 3, 8, "place: 5 is not a text"),
    (("abbreviation: SNV", "abbreviation: snv"), 2, 41, "issuer.abbreviation"),
    (("name: Nguyễn Văn A", "nam: Nguyễn Văn A"), 6, 12, "'nam' is not a field of Signatory"),
    (("subject: Kết quả công tác\n", ""), 2, 1, "subject: None is required"),
]


@pytest.mark.parametrize(("change", "line", "column", "part"), FRONT_ERRORS)
def test_front_matter_errors_name_line_and_column(
    change: tuple[str, str], line: int, column: int, part: str
) -> None:
    with pytest.raises(baocao.BaocaoError) as caught:
        report("## A\n\nB.\n", FRONT.replace(*change))
    message = str(caught.value)
    assert message.startswith(f"report.md:{line}:{column}: "), message
    assert part in message


def test_errors_are_the_library_s_own() -> None:
    with pytest.raises(baocao.ValidationError) as caught:
        report("## A\n\nNgày {date: 2026-02-30}.\n")
    assert caught.value.path == "sections[0].body[0].text[1].date"
    assert caught.value.where == f"report.md:{FRONT_LINES + 3}:6"
    with pytest.raises(baocao.LoadError, match="not valid YAML"):
        report("A.\n", "---\nissuer: [\n---\n")


def test_the_example_equals_its_yaml_twin_and_renders_the_same_bytes() -> None:
    yaml_report = baocao.load(ROOT / "examples" / "2710-BC-SNV.yaml")
    markdown_report = baocao.load(ROOT / "examples" / "2710-BC-SNV.md")
    assert markdown_report == yaml_report
    assert baocao.render(markdown_report) == baocao.render(yaml_report)


def test_load_reads_markdown_files_and_their_rows(tmp_path: Path) -> None:
    (tmp_path / "dulieu.csv").write_text("1,Sở Nội vụ,1.200\n", encoding="utf-8")
    path = tmp_path / "report.md"
    path.write_text(
        FRONT + "## A\n\n```table\nheader: [STT, Đơn vị, Số]\nrows: {file: dulieu.csv}\n```\n",
        encoding="utf-8",
    )
    table = baocao.load(path).sections[0].body[0]
    assert isinstance(table, baocao.Table)
    assert table.rows == ((1, "Sở Nội vụ", 1200),)


def test_bytes_and_the_limit() -> None:
    r = baocao.loads_markdown((FRONT + "## A\n\nB.\n").encode("utf-8"))
    assert r.sections[0].title == "A"
    with pytest.raises(baocao.LoadError, match="not UTF-8"):
        baocao.loads_markdown(b"\xff")


def test_the_place_crosses_processes() -> None:
    import pickle

    with pytest.raises(baocao.ValidationError) as caught:
        report("## A\n\nNgày {date: 2026-02-30}.\n")
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.where, again.path, str(again)) == (
        caught.value.where,
        caught.value.path,
        str(caught.value),
    )
    assert str(again.with_prefix("x")).startswith(caught.value.where + ": x.sections[0]")


def test_part_labels_and_decimal_items() -> None:
    r = report("# PHẦN I - Tình hình\n\n## Kết quả\n\nA.\n\n# Phần mềm\n\nB.\n")
    assert [p.title for p in r.parts] == ["Tình hình", "Phần mềm"]  # a word, not a label
    with pytest.raises(baocao.LoadError, match="numbered 'Phần III'"):
        report("# Phần III: A\n\nB.\n")
    with pytest.raises(baocao.LoadError, match=r"numbered 'Phần thứ nhất'.* 'Phần I'"):
        report("# Phần thứ nhất: A\n\nB.\n")  # another style: say numbering.part
    front = FRONT.replace("---\nissuer", "---\nnumbering: {part: Phần thứ nhất}\nissuer")
    assert report("# Phần thứ nhất: A\n\nB.\n", front).parts[0].title == "A"


def test_windows_line_ends_read_the_same() -> None:
    body = "## A\n\nMột {money: 5}.\n\n- Hai\n"
    assert report(body.replace("\n", "\r\n"), FRONT.replace("\n", "\r\n")) == report(body)
    with pytest.raises(baocao.LoadError, match=rf"^report\.md:{FRONT_LINES + 3}:5: bold"):
        report("## A\r\n\r\nMột **hai**.\r\n")
