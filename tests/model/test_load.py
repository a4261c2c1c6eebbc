"""Loading from YAML, JSON and mappings; every bad input names its path."""

from __future__ import annotations

import datetime
import decimal
import json
from pathlib import Path
from typing import Any

import pytest

import baocao
from baocao._model import _load

from ..conftest import EXAMPLE_YAML, minimal_data


def test_mapping_yaml_and_json_give_the_same_report(tmp_path: Path) -> None:
    data = minimal_data()
    from_mapping = baocao.load(data)
    (tmp_path / "r.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import yaml

    (tmp_path / "r.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert baocao.load(tmp_path / "r.json") == from_mapping
    assert baocao.load(str(tmp_path / "r.yaml")) == from_mapping
    assert baocao.loads(json.dumps(data), format="json") == from_mapping


def test_example_loads() -> None:
    report = baocao.load(EXAMPLE_YAML)
    assert report.number == 2710
    assert report.symbol == "BC-SNV"
    assert report.issuer.parent == "Ủy ban nhân dân\nThành phố Hồ Chí Minh"
    assert [s.title for s in report.sections] == [
        "Kết quả triển khai thực hiện",
        "Nhật xét, đánh giá",
        "Đề xuất, kiến nghị",
    ]


def test_text_pieces_are_structured() -> None:
    data = minimal_data(
        sections=[
            {
                "title": "A",
                "body": [
                    {
                        "text": [
                            "Kinh phí là ",
                            {"money": "4.607.678.000", "style": "south"},
                            ", đạt ",
                            {"rate": [41, 86], "rounding": "down"},
                            ", tỷ lệ ",
                            {"percent": "32,59"},
                            ", số ",
                            {"number": 1341},
                            ", ",
                            {"date": "2014-01-13"},
                            ".",
                        ]
                    }
                ],
            }
        ]
    )
    paragraph = baocao.load(data).sections[0].body[0]
    assert isinstance(paragraph, baocao.Paragraph)
    assert paragraph.text[1] == baocao.Money(4607678000, style="south")
    assert paragraph.text[3] == baocao.Rate(41, 86, rounding="down")
    assert paragraph.text[5] == baocao.Percent(decimal.Decimal("32.59"))
    assert paragraph.text[7] == baocao.Number(1341)
    assert paragraph.text[9] == baocao.Date(datetime.date(2014, 1, 13))


def test_blocks_points_and_items_short_forms() -> None:
    data = minimal_data(
        sections=[
            {
                "title": "A",
                "items": [
                    "Khoản không tiêu đề",
                    {
                        "title": "Khoản có tiêu đề",
                        "body": [
                            {"dash": "gạch"},
                            {
                                "table": {
                                    "header": ["Trình độ", "Số lượng"],
                                    "rows": [["Đại học", 41]],
                                    "totals": ["Tổng", 41],
                                }
                            },
                        ],
                        "points": ["điểm a", {"text": "điểm b", "body": ["đoạn"]}],
                    },
                ],
            }
        ]
    )
    section = baocao.load(data).sections[0]
    assert section.items[0] == baocao.Item(text="Khoản không tiêu đề")
    assert section.items[1].points[1] == baocao.Point("điểm b", body=["đoạn"])
    table = section.items[1].body[1]
    assert isinstance(table, baocao.Table)
    assert table.rows == (("Đại học", 41),)


def _error(data: Any) -> baocao.ValidationError:
    with pytest.raises(baocao.ValidationError) as info:
        baocao.load(data)
    return info.value


BAD: list[tuple[dict[str, Any], str, str]] = [
    (minimal_data(extra=1), "", "'extra' is not a field of Report"),
    ({k: v for k, v in minimal_data().items() if k != "subject"}, "subject", "is required"),
    (minimal_data(number="15"), "number", "is not a whole number"),
    (minimal_data(number=15.0), "number", "is not a whole number"),
    (minimal_data(date="30/02/2020"), "date", "YYYY-MM-DD"),
    (minimal_data(date="2020-02-30"), "date", "YYYY-MM-DD"),
    (minimal_data(date=20200703), "date", "YYYY-MM-DD"),
    (
        minimal_data(issuer={"name": "Sở Nội vụ", "abbreviation": "SNV", "x": 1}),
        "issuer",
        "'x' is not a field of Issuer",
    ),
    (minimal_data(issuer="Sở Nội vụ"), "issuer", "is not a mapping of Issuer fields"),
    (
        minimal_data(issuer={"name": ["Sở", 3], "abbreviation": "SNV"}),
        "issuer.name[1]",
        "is not a text",
    ),
    (
        minimal_data(signatory={"title": "Phó Giám đốc", "name": "A", "authority": "KT"}),
        "signatory.authority",
        "is not one of TM., KT., TL., TUQ., Q.",
    ),
    (
        minimal_data(
            sections=[
                {"title": "A", "body": ["x"]},
                {"title": "B", "items": ["x", {"title": "", "body": ["y"]}]},
            ]
        ),
        "sections[1].items[1].title",
        "must not be empty",
    ),
    (
        minimal_data(
            sections=[
                {
                    "title": "A",
                    "items": [
                        {
                            "title": "B",
                            "points": [
                                {
                                    "text": "p",
                                    "body": [{"table": {"header": ["A"], "rows": [[1.5]]}}],
                                }
                            ],
                        }
                    ],
                }
            ]
        ),
        "sections[0].items[0].points[0].body[0].table.rows[0][0]",
        "'47,67'",
    ),
    (
        minimal_data(sections=[{"title": "A", "body": [{"dash": "x", "text": "y"}]}]),
        "sections[0].body[0]",
        "is not a paragraph",
    ),
    (
        minimal_data(sections=[{"title": "A", "body": [{"text": ["a", {"money": 1.5}]}]}]),
        "sections[0].body[0].text[1].money",
        "'47,67'",
    ),
    (
        minimal_data(sections=[{"title": "A", "body": [{"text": [{"money": "1.2.3"}]}]}]),
        "sections[0].body[0].text[0].money",
        "Vietnamese way",
    ),
    (
        minimal_data(sections=[{"title": "A", "body": [{"text": [{"rate": [1, 2]}]}]}]),
        "sections[0].body[0].text[0].rounding",
        "is required",
    ),
    (
        minimal_data(sections=[{"title": "A", "body": [{"text": [{"rate": [1]}]}]}]),
        "sections[0].body[0].text[0].rate",
        "pair",
    ),
    (
        minimal_data(
            sections=[{"title": "A", "body": [{"text": [{"rate": [1, 0], "rounding": "down"}]}]}]
        ),
        "sections[0].body[0].text[0].target",
        "must not be zero",
    ),
    (
        minimal_data(sections=[{"title": "A", "body": [{"text": [{"money": 5, "x": 1}]}]}]),
        "sections[0].body[0].text[0]",
        "'x' is not a field of {money: …}",
    ),
    (
        minimal_data(sections=[{"title": "A", "body": [{"text": []}]}]),
        "sections[0].body[0].text",
        "non-empty list",
    ),
    (minimal_data(sections="x"), "sections", "is not a list"),
    (minimal_data(sections=[]), "sections", "a report needs some content"),
    (
        minimal_data(appendices=[{"title": "Phụ lục"}]),
        "appendices[0].body",
        "no body and no sections",
    ),
    (minimal_data(doc_type="QĐ"), "doc_type", "is not one of"),
    (
        minimal_data(sections=[{"title": "A", "body": [{"Kết quả như sau": None}]}]),
        "sections[0].body[0]",
        'put the text in quotes: "Kết quả như sau:"',
    ),
    (
        minimal_data(sections=[{"title": "A", "items": [{"Kết quả như sau": None}]}]),
        "sections[0].items[0]",
        "put the text in quotes",
    ),
]


@pytest.mark.parametrize(("data", "path", "words"), BAD, ids=[b[1] or "root" for b in BAD])
def test_bad_input_names_the_path(data: dict[str, Any], path: str, words: str) -> None:
    error = _error(data)
    assert error.path == path
    assert words in str(error)


def test_yaml_is_read_safely(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text('a: &a ["x", "x"]\nb: &b [*a, *a]\nc: [*b, *b]\n', encoding="utf-8")
    with pytest.raises(baocao.LoadError, match="aliases"):
        baocao.load(bomb)


def test_yaml_keeps_texts_that_yaml_11_would_convert() -> None:
    text = """
issuer: {name: Sở Nội vụ, abbreviation: NO}
number: 7
place: Hà Nội
date: 2026-03-05
subject: "Kết quả"
signatory: {title: Giám đốc, name: Nguyễn Văn A}
sections: [{title: Kết quả, body: [on, 12:30, 1_000]}]
"""
    report = baocao.loads(text)
    assert report.issuer.abbreviation == "NO"
    assert report.date == datetime.date(2026, 3, 5)
    assert report.sections[0].body == tuple(baocao.Paragraph(t) for t in ("on", "12:30", "1_000"))


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("r.txt", "x", "expected a .yaml, .yml, .json or .md file"),
        ("r.yaml", "a: [", "not valid YAML"),
        ("r.json", "{", "not valid JSON"),
        ("r.yaml", "- 1\n- 2\n", "expected a mapping"),
        ("r.yaml", "", "expected a mapping"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: str, words: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(baocao.LoadError, match=words):
        baocao.load(path)


def test_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    with pytest.raises(baocao.LoadError, match="cannot read"):
        baocao.load(tmp_path / "missing.yaml")
    path = tmp_path / "latin1.yaml"
    path.write_bytes("subject: Báo cáo".encode("latin-1"))
    with pytest.raises(baocao.LoadError, match="not UTF-8"):
        baocao.load(path)


def test_huge_input_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_load, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000, encoding="utf-8")
    with pytest.raises(baocao.LoadError, match="larger than 1000 bytes"):
        baocao.load(path)
    with pytest.raises(baocao.LoadError, match="larger than 1000 bytes"):
        baocao.loads("a: " + "x" * 2000)


def test_load_refuses_other_types() -> None:
    with pytest.raises(baocao.InvalidTypeError):
        baocao.load(42)  # type: ignore[arg-type]


def test_nfd_input_is_normalised() -> None:
    import unicodedata

    data = minimal_data(subject=unicodedata.normalize("NFD", "Kết quả thực hiện"))
    assert baocao.load(data).subject == "Kết quả thực hiện"


def test_loads_takes_bytes_as_0_1_did() -> None:
    data = minimal_data()
    assert baocao.loads(json.dumps(data).encode(), format="json") == baocao.load(data)
    assert baocao.loads(b"\xef\xbb\xbf" + json.dumps(data).encode()) == baocao.load(data)
    with pytest.raises(baocao.LoadError, match="not UTF-8 text"):
        baocao.loads(b"subject: \xff")
