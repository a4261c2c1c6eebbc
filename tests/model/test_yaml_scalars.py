"""Issue 9 §1: every YAML scalar is read as typed, or refused with its field path.

One row per scalar kind and per field kind (the document number, a table cell, a date, a
text, an amount, the copies of Nơi nhận), plain and with each explicit ``!!tag`` of
PyYAML's SafeLoader. Then a property: any YAML text either loads or raises a
:class:`baocao.BaocaoError`, never anything else.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import baocao
from baocao._model import _parse

from ..test_bad_data import memory_bounded
from ..test_hostile import _full_data, _set

TEMPLATE = """\
issuer: {{name: Sở Nội vụ, abbreviation: SNV}}
number: {number}
place: Hà Nội
date: {date}
subject: {subject}
signatory: {{title: Giám đốc, name: Nguyễn Văn A}}
filing:
  unit: VP
  copies: {copies}
sections:
- title: Kết quả
  body:
  - text:
    - "Kinh phí "
    - money: {money}
  - table:
      header: [STT, Số lượng]
      rows:
      - - {cell}
        - 1
"""

DEFAULTS = {
    "number": "15",
    "date": "2026-03-05",
    "subject": "Kết quả",
    "copies": "2",
    "money": "5",
    "cell": "Một",
}

PATHS = {
    "number": "number",
    "date": "date",
    "subject": "subject",
    "copies": "filing.copies",
    "money": "sections[0].body[0].text[1].money",
    "cell": "sections[0].body[1].table.rows[0][0]",
}


def report_yaml(**typed: str) -> str:
    """The report of :data:`TEMPLATE` with some fields typed as given."""
    return TEMPLATE.format(**{**DEFAULTS, **typed})


def read(report: baocao.Report, field: str) -> object:
    """The value the report holds for ``field``."""
    if field == "copies":
        assert report.filing is not None
        return report.filing.copies
    if field == "money":
        paragraph = report.sections[0].body[0]
        assert isinstance(paragraph, baocao.Paragraph)
        money = paragraph.text[1]
        assert isinstance(money, baocao.Money)
        return money.amount
    if field == "cell":
        table = report.sections[0].body[1]
        assert isinstance(table, baocao.Table)
        row = table.rows[0]
        assert isinstance(row, tuple)
        return row[0]
    return getattr(report, field)


@attrs.frozen
class Err:
    """The error a typed value must give: its class, and words of its message."""

    error: type[baocao.BaocaoError]
    words: str


E, T = baocao.ValidationError, baocao.InvalidTypeError
NOT_WHOLE = "is not a whole number"
SEXAGESIMAL = "is a sexagesimal (base 60) number, which baocao does not read"
REFUSED_TAG = "is a tag which baocao does not accept"
TOO_LONG = "has more than 4000 digits, more than a report can print"
NOT_TEXT = "is not a text (str)"
CELL_FLOAT = "(write it as a string such as '47,67' inside {number: …})"
D = datetime.date

# (field, what is typed after "field: ", what the report holds or the error)
SCALARS: list[tuple[str, str, object]] = [
    # --- the document number: a leading zero is the decimal number typed
    ("number", "010", 10),
    ("number", "08", 8),
    ("number", "09", 9),
    ("number", "012", 12),
    ("number", "0008", 8),
    ("number", "+5", 5),
    ("number", "0" * 5000 + "7", 7),
    ("number", "-010", Err(E, "-10 is not between 1 and 9999999")),
    ("number", "0x1A", Err(T, f"'0x1A' {NOT_WHOLE}")),
    ("number", "0o17", Err(T, f"'0o17' {NOT_WHOLE}")),
    ("number", "0b101", Err(T, f"'0b101' {NOT_WHOLE}")),
    ("number", "1_000", Err(T, f"'1_000' {NOT_WHOLE}")),
    ("number", "1:30", Err(T, f"'1:30' {NOT_WHOLE}")),
    ("number", ".inf", Err(T, f"'.inf' {NOT_WHOLE}")),
    ("number", ".nan", Err(T, f"'.nan' {NOT_WHOLE}")),
    ("number", "1e3", Err(T, f"'1e3' {NOT_WHOLE}")),
    ("number", "1.000", Err(T, f"1.000 {NOT_WHOLE}")),
    ("number", "15.0", Err(T, f"15.0 {NOT_WHOLE}")),
    ("number", "9" * 5000, Err(E, f"<a whole number of 5000 digits> {TOO_LONG}")),
    ("number", "9" * 4001, Err(E, f"<a whole number of 4001 digits> {TOO_LONG}")),
    ("number", "9" * 4000, Err(E, "is not between 1 and 9999999")),
    ("number", "yes", Err(T, f"'yes' {NOT_WHOLE}")),
    ("number", "true", Err(T, f"True {NOT_WHOLE}")),
    ("number", "~", None),
    ("number", "null", None),
    ("number", "", None),
    # --- explicit tags on the number
    ("number", "!!int 010", 10),
    ("number", "!!int 08", 8),
    ("number", "!!int 0x1A", 26),
    ("number", "!!int 0o17", 15),
    ("number", "!!int 0b101", 5),
    ("number", "!!int 1_000", 1000),
    ("number", "!!int +0_7", 7),
    ("number", "!!int 1:30", Err(E, f"'!!int 1:30' {SEXAGESIMAL}")),
    ("number", "!!int " + "59:" * 20_000 + "1", Err(E, SEXAGESIMAL)),
    ("number", '!!int "-"', Err(E, f"'!!int -' {NOT_WHOLE}")),
    ("number", '!!int ""', Err(E, f"'!!int ' {NOT_WHOLE}")),
    ("number", "!!int 0x", Err(E, f"'!!int 0x' {NOT_WHOLE}")),
    ("number", "!!int _", Err(E, f"'!!int _' {NOT_WHOLE}")),
    ("number", "!!int abc", Err(E, f"'!!int abc' {NOT_WHOLE}")),
    ("number", "!!int Mười", Err(E, f"'!!int Mười' {NOT_WHOLE}")),
    ("number", "!!int " + "9" * 5000, Err(E, TOO_LONG)),
    ("number", "!!int 0x" + "F" * 20_000, Err(E, TOO_LONG)),
    ("number", "!!int 0x" + "F" * 4000, Err(E, "<int of about 4817 digits> is not between")),
    ("number", "!!float 15", Err(T, f"15 {NOT_WHOLE}")),
    ("number", "!!float .inf", Err(T, f".inf {NOT_WHOLE}")),
    ("number", "!!float -.inf", Err(T, f"-.inf {NOT_WHOLE}")),
    ("number", "!!float .NaN", Err(T, f".NaN {NOT_WHOLE}")),
    ("number", "!!float 1e400", Err(T, f"1e400 {NOT_WHOLE}")),
    ("number", "!!float 1_000.5", Err(T, f"1_000.5 {NOT_WHOLE}")),
    ("number", "!!float 1:30.5", Err(E, f"'!!float 1:30.5' {SEXAGESIMAL}")),
    ("number", "!!float " + "59:" * 2000 + "1.5", Err(E, SEXAGESIMAL)),
    ("number", "!!float abc", Err(E, "'!!float abc' is not a number")),
    ("number", "!!float", Err(E, "'!!float ' is not a number")),
    ("number", "!!bool yes", Err(T, f"True {NOT_WHOLE}")),
    ("number", "!!bool maybe", Err(E, "'!!bool maybe' is not true or false")),
    ("number", "!!bool", Err(E, "'!!bool ' is not true or false")),
    ("number", "!!null", None),
    ("number", "!!null ~", None),
    ("number", "!!null 15", Err(E, "'!!null 15' is not empty (null is written ~ or nothing)")),
    ("number", "!!str 15", Err(T, f"'15' {NOT_WHOLE}")),
    ("number", "! 15", Err(T, f"'15' {NOT_WHOLE}")),
    ("number", "!!timestamp 2026-03-05", Err(T, f"datetime.date(2026, 3, 5) {NOT_WHOLE}")),
    ("number", "!!binary MTU=", Err(E, "is binary data (!!binary), which a report cannot hold")),
    ("number", "!!seq 15", Err(E, "'!!seq 15' is a single value, but the tag !!seq is for a list")),
    ("number", "!!map 15", Err(E, "the tag !!map is for a mapping")),
    ("number", "!!set 15", Err(E, "the tag !!set is for a mapping")),
    ("number", "!!omap 15", Err(E, "the tag !!omap is for a list")),
    ("number", "!!pairs 15", Err(E, "the tag !!pairs is for a list")),
    ("number", "!!merge 15", Err(E, "has the tag !!merge, which baocao does not accept")),
    ("number", "!!value 15", Err(E, "has the tag !!value, which baocao does not accept")),
    ("number", "!!yaml 15", Err(E, "has the tag !!yaml, which baocao does not accept")),
    ("number", "!!python/int 15", Err(E, "has the tag !!python/int")),
    ("number", "!so 15", Err(E, "has the tag !so, which baocao does not accept")),
    ("number", "!<tag:example.com,2026:so> 15", Err(E, "has the tag tag:example.com,2026:so")),
    ("number", "[15]", Err(T, "is not a whole number")),
    ("number", "!!set {15}", Err(E, "'!!set' (a set) is not accepted; write a list")),
    # --- a cell typed with leading zeros is its decimal number, as 0.1 printed 01 and 02
    ("cell", "01", 1),
    ("cell", "010", 10),
    ("cell", "02", 2),
    ("cell", "-05", -5),
    ("cell", "0", 0),
    ("cell", "1341", 1341),
    ("cell", "-7", -7),
    ("cell", "0x1A", "0x1A"),
    ("cell", "1_000", "1_000"),
    ("cell", "1:30", "1:30"),
    ("cell", ".inf", ".inf"),
    ("cell", "1e3", "1e3"),
    ("cell", "yes", "yes"),
    ("cell", "NO", "NO"),
    ("cell", "2025-05-03", "2025-05-03"),
    ("cell", "=", "="),
    ("cell", "<<", "<<"),
    ("cell", "'010'", "010"),
    ("cell", "!!str 010", "010"),
    ("cell", "!!int 010", 10),
    ("cell", "!!int 0x1A", 26),
    ("cell", "{number: 010}", baocao.Number(10)),
    ("cell", "47.67", Err(T, f"47.67 is not a text, a whole number or {{number: …}} {CELL_FLOAT}")),
    ("cell", "1.000", Err(T, f"1.000 is not a text, a whole number or {{number: …}} {CELL_FLOAT}")),
    ("cell", "!!float 1", Err(T, CELL_FLOAT)),
    ("cell", "true", Err(T, "True is not a text, a whole number")),
    ("cell", "~", Err(T, "None is not a text, a whole number")),
    ("cell", "9" * 5000, Err(E, f"<a whole number of 5000 digits> {TOO_LONG}")),
    ("cell", "!!timestamp 2025-05-03", Err(T, "datetime.date(2025, 5, 3) is not a text")),
    # --- the date: YYYY-MM-DD, plain, quoted or tagged
    ("date", "2025-05-03", D(2025, 5, 3)),
    ("date", "'2025-05-03'", D(2025, 5, 3)),
    ("date", "!!timestamp 2025-05-03", D(2025, 5, 3)),
    ("date", "!!str 2025-05-03", D(2025, 5, 3)),
    ("date", "2020-02-30", Err(E, "'2020-02-30' is not a date written YYYY-MM-DD: day is out")),
    ("date", "!!timestamp 2020-02-30", Err(E, "'!!timestamp 2020-02-30' is not a date: day is")),
    ("date", "!!timestamp 2026-13-01", Err(E, "month must be in 1..12")),
    ("date", "2025-05-03 10:00:00+07:00", Err(E, "is not a date written YYYY-MM-DD")),
    ("date", "2025-05-03T10:00:00Z", Err(E, "is not a date written YYYY-MM-DD")),
    ("date", "!!timestamp 2025-05-03 10:00:00+07:00", Err(E, "write the date only, YYYY-MM-DD")),
    ("date", "!!timestamp 2001-12-14t21:59:43.10-05:00", Err(E, "write the date only")),
    ("date", "!!timestamp 2025-5-3", Err(E, "write the date only, YYYY-MM-DD")),
    ("date", "!!timestamp junk", Err(E, "'!!timestamp junk' is not a date written YYYY-MM-DD")),
    ("date", "!!timestamp", Err(E, "'!!timestamp ' is not a date written YYYY-MM-DD")),
    ("date", "20250503", Err(T, "20250503 is not a date written YYYY-MM-DD")),
    ("date", "!!int 20250503", Err(T, "20250503 is not a date written YYYY-MM-DD")),
    # --- a text
    ("subject", "!!str 010", "010"),
    ("subject", "! 010", "010"),
    ("subject", "'010'", "010"),
    ("subject", "yes", "yes"),
    ("subject", "on", "on"),
    ("subject", "=", "="),
    ("subject", "<<", "<<"),
    ("subject", "Họp lúc 1:30", "Họp lúc 1:30"),
    ("subject", "&a Kết quả", "Kết quả"),
    ("subject", "010", Err(T, f"010 {NOT_TEXT}")),
    ("subject", "!!binary S+G6v3QgcXXhuqM=", Err(E, "is binary data (!!binary)")),
    ("subject", "!!binary '***'", Err(E, "is binary data (!!binary)")),
    ("subject", "!!set {a, b}", Err(E, "'!!set' (a set) is not accepted; write a list")),
    ("subject", "!!omap [a: 1]", Err(E, "'!!omap' (ordered pairs) is not accepted")),
    ("subject", "!!pairs [a: 1]", Err(E, "'!!pairs' (ordered pairs) is not accepted")),
    ("subject", "!!null x", Err(E, "'!!null x' is not empty")),
    ("subject", "!!str [a]", Err(E, "'!!str' is on a list, but it is the tag of a text")),
    ("subject", "!!map [a]", Err(E, "'!!map' is on a list, but it is the tag of a mapping")),
    ("subject", "!!seq {a: 1}", Err(E, "'!!seq' is on a mapping, but it is the tag of a list")),
    ("subject", "!!python/object/apply:os.system [ls]", Err(E, REFUSED_TAG)),
    ("subject", "!!python/name:os.system ''", Err(E, "has the tag !!python/name:os.system")),
    # --- an amount
    ("money", "010", 10),
    ("money", "!!int 0x10", 16),
    ("money", "4.607.678.000", 4607678000),
    ("money", "'4.607.678.000'", 4607678000),
    ("money", "1.000", Err(T, "1.000 is not a whole number or a number in a string (write")),
    ("money", "9" * 5000, Err(E, TOO_LONG)),
    ("money", "'" + "9" * 5000 + "'", Err(E, TOO_LONG)),
    ("money", "'1" + ".000" * 2000 + "'", Err(E, TOO_LONG)),
    # --- the copies of Nơi nhận ("02" is printed by baocao itself)
    ("copies", "02", 2),
    ("copies", "010", 10),
    ("copies", "!!int 02", 2),
]


@pytest.mark.parametrize(
    ("field", "typed", "expected"), SCALARS, ids=[f"{f}: {t[:30]}" for f, t, _ in SCALARS]
)
def test_each_scalar_is_read_as_typed_or_refused_with_its_path(
    field: str, typed: str, expected: object
) -> None:
    text = report_yaml(**{field: typed})
    with memory_bounded():
        if not isinstance(expected, Err):
            assert read(baocao.loads(text), field) == expected
            return
        with pytest.raises(expected.error) as info:
            baocao.loads(text)
    error = info.value
    assert type(error) is expected.error
    assert isinstance(error, baocao.ValidationError)
    assert error.path == PATHS[field]
    assert str(error).startswith(f"{PATHS[field]}: ")
    assert expected.words in str(error)
    assert "more than 4000 digits" not in str(error) or TOO_LONG in expected.words


def test_a_table_row_typed_with_zeros_prints_its_decimal_numbers() -> None:
    """The issue's ``[02, 010]``: 0.1 printed "2" and "8"; now "2" and "10"."""
    text = report_yaml().replace("      - - Một\n        - 1\n", "      - [02, 010]\n")
    report = baocao.loads(text)
    table = report.sections[0].body[1]
    assert isinstance(table, baocao.Table)
    assert table.rows == ((2, 10),)
    xml = _document_xml(baocao.render(report))
    assert b">10<" in xml
    assert b">2<" in xml
    assert b">8<" not in xml


def test_number_010_renders_so_10() -> None:
    document = baocao.render(baocao.loads(report_yaml(number="010")))
    assert b"10/BC-SNV" in _document_xml(document)
    assert b"08/BC-SNV" not in _document_xml(document)


def _document_xml(document: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(document)) as package:
        return package.read("word/document.xml")


KEYS: list[tuple[str, type[baocao.BaocaoError], str]] = [
    ("? !!bool\n: x\n", E, "'!!bool ' is not true or false"),
    ('? !!int "-"\n: x\n', E, "'!!int -' is not a whole number"),
    ("true: x\n", E, "True is not a field of Report"),
    ("010: x\n", E, "010 is not a field of Report"),
    ("<<: {subject: X}\n", E, "'<<' is not a field of Report"),
    ("? [a, b]\n: x\n", E, "'a list or a mapping' cannot be a key"),
    ("=: x\n", E, "'=' is not a field of Report"),
]


@pytest.mark.parametrize(("line", "error", "words"), KEYS, ids=[k[0] for k in KEYS])
def test_odd_keys_are_refused_with_the_mapping_path(
    line: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error) as info:
        baocao.loads(report_yaml() + line)
    assert isinstance(info.value, baocao.ValidationError)
    assert info.value.path == ""
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (report_yaml() + "---\nsubject: Hai\n", "expected one document, found a second one"),
        (report_yaml(subject="*a"), "aliases (*name) are not accepted"),
        (report_yaml() + "subject: Hai\n", "the key 'subject' appears twice in the top mapping"),
        (report_yaml() + "number: 015\n", "the key 'number' appears twice"),
        (report_yaml(subject="[" * 40 + "]" * 40), "nested too deeply (more than 32 levels)"),
        (report_yaml(subject="[" * 5000 + "]" * 5000), "nested too deeply"),
        ("subject: \ud800\n", "U+D800, half of a surrogate pair"),
    ],
)
def test_document_level_refusals(text: str, words: str) -> None:
    with pytest.raises(baocao.LoadError, match=re.escape(words)):
        baocao.loads(text)


def test_json_numbers_are_read_as_typed_or_refused_with_their_path() -> None:
    import json

    def load(number: str) -> baocao.Report:
        return baocao.loads(
            json.dumps(_full_data()).replace('"number": 15', f'"number": {number}'), format="json"
        )

    assert load("10").number == 10
    for typed, words in [
        ("1e3", f"1e3 {NOT_WHOLE}"),
        ("15.0", f"15.0 {NOT_WHOLE}"),
        ("NaN", f"NaN {NOT_WHOLE}"),
        ("-Infinity", f"-Infinity {NOT_WHOLE}"),
        ("9" * 5000, f"<a whole number of 5000 digits> {TOO_LONG}"),
    ]:
        with pytest.raises(baocao.ValidationError) as info:
            load(typed)
        assert info.value.path == "number"
        assert words in str(info.value)


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_item_count_and_depth_are_bounded(format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.setattr(_parse, "MAX_ITEMS", 1000)
    data = _full_data()
    data["recipients"] = ["Nơi nhận"] * 1000
    text = json.dumps(data, ensure_ascii=False)
    with pytest.raises(baocao.LoadError, match="holds more than 1000 values; split the report"):
        baocao.loads(text, format=format)
    data["recipients"] = ["Nơi nhận"] * 900
    assert len(baocao.loads(json.dumps(data), format=format).recipients) == 900
    deep = json.dumps(_set(_full_data(), "subject", "DEEP")).replace('"DEEP"', "[" * 32 + "]" * 32)
    with pytest.raises(baocao.LoadError, match="nested too deeply"):
        baocao.loads(deep, format=format)
    with pytest.raises(baocao.InvalidTypeError, match=r"subject: .* is not a text"):
        baocao.loads(deep.replace("[]", ""), format=format)  # 32 levels are read


# --------------------------------------------------------------------------- the property

# Scalars as a person types them, in every form the YAML 1.1 resolver knows.
_PIECES = st.sampled_from(
    [
        "0",
        "00",
        "01",
        "010",
        "08",
        "09",
        "1",
        "15",
        "-",
        "+",
        "_",
        ":",
        ".",
        "e",
        "E",
        "x",
        "0x",
        "0o",
        "0b",
        "1A",
        "1_000",
        "1:30",
        "59:59",
        ".inf",
        ".nan",
        "1e3",
        "1.5",
        "47,67",
        "true",
        "yes",
        "No",
        "on",
        "~",
        "null",
        "2020-02-30",
        "2025-05-03",
        "T10:00:00",
        " 10:00:00+07:00",
        "Z",
        "=",
        "<<",
        "Sở",
        "'",
        '"',
        "9" * 50,
    ]
)
_TAGS = st.sampled_from(
    [
        "",
        "",
        "",
        "!!int ",
        "!!float ",
        "!!bool ",
        "!!null ",
        "!!str ",
        "!!timestamp ",
        "!!binary ",
        "!!set ",
        "!!omap ",
        "!!pairs ",
        "!!seq ",
        "!!map ",
        "!!merge ",
        "!!value ",
        "!!yaml ",
        "! ",
        "!foo ",
        "!!python/none ",
    ]
)


@st.composite
def _scalars(draw: st.DrawFn) -> str:
    text = "".join(draw(st.lists(_PIECES, min_size=0, max_size=4)))
    quote = draw(st.sampled_from(["", "", "'", '"']))
    if quote:
        text = quote + text.replace(quote, "") + quote
    return draw(_TAGS) + text


def _values() -> st.SearchStrategy[str]:
    return st.recursive(
        _scalars(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
            st.lists(st.tuples(_scalars(), inner), max_size=3).map(
                lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
            ),
            st.tuples(_TAGS, inner).map("".join),
        ),
        max_leaves=6,
    )


_FIELDS = [
    "number",
    "date",
    "subject",
    "place",
    "filing.copies",
    "issuer.abbreviation",
    "sections[0].body[0]",
    "sections[0].body[2].text[1].number",
    "sections[0].body[3].table.rows[0][1]",
    "sections[0].body[3].table.totals[0]",
    "sections[0].items[0].points[1].text",
    "signatory.authority",
    "doc_type",
    "recipients[0]",
    "appendices[0].title",
    "sections",
    "issuer",
]
_MARK = "PLACEHOLDER"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_FIELDS), _values(), st.sampled_from(["value", "key", "top"]))
def test_any_yaml_loads_or_raises_a_baocao_error(field: str, value: str, where: str) -> None:
    """In a real report field, as a key of a mapping, or as the whole document."""
    if where == "top":
        text = value + "\n"
    else:
        data: Any = _set(_full_data(), field, _MARK)
        if where == "key":
            data = _set(data, field, {_MARK: "x"})
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).replace(_MARK, value)
    try:
        report = baocao.loads(text)
    except baocao.BaocaoError:
        return
    assert isinstance(report, baocao.Report)


@settings(max_examples=100)
@given(st.lists(st.sampled_from(["0", "1", "7", "9"]), min_size=2, max_size=8).map("".join))
def test_a_zero_padded_number_is_its_decimal_value(typed: str) -> None:
    number = int(typed, 10)
    if not 1 <= number <= 9_999_999:
        return
    assert baocao.loads(report_yaml(number=typed)).number == number
    assert read(baocao.loads(report_yaml(cell=typed)), "cell") == number


@pytest.mark.parametrize(
    ("field", "typed"),
    [("number", "1.000"), ("number", "9" * 5000), ("subject", "010"), ("date", "!!timestamp x")],
)
def test_errors_cross_processes_with_what_was_typed(field: str, typed: str) -> None:
    """render_many sends a worker's error to the parent by pickle."""
    import pickle

    with pytest.raises(baocao.ValidationError) as info:
        baocao.loads(report_yaml(**{field: typed}))
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == str(info.value)
    assert type(copy) is type(info.value)


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["010", "2025-05-03", "2020-02-30", "4.607.678", "47,67", "9" * 5000]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=200)
@given(st.sampled_from(_FIELDS), _JSON_VALUES)
def test_any_json_loads_or_raises_a_baocao_error(field: str, value: object) -> None:
    import json

    text = json.dumps(_set(_full_data(), field, value))
    with contextlib.suppress(baocao.BaocaoError):
        baocao.loads(text, format="json")
