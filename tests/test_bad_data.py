"""§2 Bad data: each bad input gives a clear error, in bounded time and memory.

One case per row of :data:`CASES`: the input is written to a file, and

* :func:`baocao.load` raises the expected error, naming the field path (or the file)
  and what was expected, with Python's memory peak under :data:`MEMORY_LIMIT`;
* ``baocao render FILE`` prints one line, ``baocao: error: …``, exits 1 and writes
  nothing.

No test measures time: a hang would show as a test that never ends, and the memory
bounds show that nothing is expanded (a "billion laughs", a 50 MB file) before it is
refused.
"""

from __future__ import annotations

import decimal
import json
import os
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import baocao
from baocao._cli import main

from .conftest import make_report, minimal_data, open_docx
from .test_hostile import _full_data, _set

MEMORY_LIMIT = 16 * 1024 * 1024
"""Largest Python memory peak while a bad input is refused (the 50 MB file included)."""

BIG = "9" * 5000  # more digits than Python reads from text (4300)


@contextmanager
def memory_bounded(limit: int = MEMORY_LIMIT) -> Iterator[None]:
    tracemalloc.start()
    try:
        yield
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < limit, f"memory peak {peak} bytes"


def _changed(path: str, value: Any) -> dict[str, Any]:
    return _set(_full_data(), path, value)


def _holder(data: dict[str, Any], path: str) -> dict[str, Any]:
    """The mapping that holds the last key of ``path``."""
    parent, _, _last = path.rpartition(".")
    if not parent:
        return data
    found: Any = data
    for part in parent.replace("]", "").split("."):
        name, *indexes = part.split("[")
        found = found[name]
        for index in indexes:
            found = found[int(index)]
    assert isinstance(found, dict)
    return found


def _missing(path: str) -> dict[str, Any]:
    data = _full_data()
    del _holder(data, path)[path.rpartition(".")[2]]
    return data


@attrs.frozen
class Case:
    """One bad input: what is written to the file, and the error it must give."""

    id: str
    content: Callable[[], dict[str, Any] | str | bytes]
    error: type[baocao.BaocaoError]
    path: str | None  # the field path the error names (None: a LoadError about the file)
    words: str  # what the message says was expected
    name: str = "report.yaml"
    traced: bool = True  # measure the memory peak (tracemalloc slows deep recursion 40-fold)
    memory: int = MEMORY_LIMIT  # the largest memory peak allowed


def _yaml_or_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)  # JSON is YAML too


def _typed(path: str, raw: str) -> str:
    """The full report as YAML, with ``raw`` typed as the value at ``path``."""
    return yaml.safe_dump(_changed(path, "PLACEHOLDER"), allow_unicode=True).replace(
        "PLACEHOLDER", raw
    )


MISSING = [
    "issuer",
    "place",
    "date",
    "subject",
    "signatory",
    "issuer.name",
    "issuer.abbreviation",
    "signatory.name",
    "signatory.title",
    "sections[0].title",
    "sections[0].body[3].table.header",
    "sections[0].body[3].table.rows",
    "sections[0].items[0].points[1].text",
    "appendices[0].title",
    "signatory.acting_for",
]

CASES: list[Case] = [
    # --- each required field missing
    *[
        Case(
            f"missing {path}",
            lambda path=path: _missing(path),  # type: ignore[misc]
            baocao.ValidationError,
            path,
            "is required",
        )
        for path in MISSING
    ],
    # --- wrong types
    Case(
        "subject is a number",
        lambda: _changed("subject", 42),
        baocao.InvalidTypeError,
        "subject",
        "is not a text",
    ),
    Case(
        "issuer is a text",
        lambda: _changed("issuer", "Sở Nội vụ"),
        baocao.InvalidTypeError,
        "issuer",
        "is not a mapping of Issuer fields",
    ),
    Case(
        "sections is a mapping",
        lambda: _changed("sections", {"title": "A"}),
        baocao.InvalidTypeError,
        "sections",
        "is not a list",
    ),
    Case(
        "number is a text",
        lambda: _changed("number", "15"),
        baocao.InvalidTypeError,
        "number",
        "is not a whole number",
    ),
    Case(
        "number is a bool",
        lambda: _changed("number", True),
        baocao.InvalidTypeError,
        "number",
        "is not a whole number",
    ),
    Case(
        "number is a float",
        lambda: _changed("number", 15.0),
        baocao.InvalidTypeError,
        "number",
        "is not a whole number",
    ),
    Case(
        "date is a number",
        lambda: _changed("date", 20260305),
        baocao.InvalidTypeError,
        "date",
        "YYYY-MM-DD",
    ),
    Case(
        "a block is a number",
        lambda: _changed("sections[0].body[0]", 5),
        baocao.ValidationError,
        "sections[0].body[0]",
        "is not a paragraph",
    ),
    Case(
        "a cell is a float",
        lambda: _changed("sections[0].body[3].table.rows[0][1]", 1.5),
        baocao.InvalidTypeError,
        "sections[0].body[3].table.rows[0][1]",
        "'47,67'",
    ),
    Case(
        "a cell is null",
        lambda: _changed("sections[0].body[3].table.rows[0][1]", None),
        baocao.InvalidTypeError,
        "sections[0].body[3].table.rows[0][1]",
        "is not a text",
    ),
    Case(
        "a row is a text",
        lambda: _changed("sections[0].body[3].table.rows[0]", "x"),
        baocao.InvalidTypeError,
        "sections[0].body[3].table.rows[0]",
        "list of cells",
    ),
    Case(
        "money is a float",
        lambda: _changed("sections[0].body[2].text[1]", {"money": 47.67}),
        baocao.InvalidTypeError,
        "sections[0].body[2].text[1].money",
        "'47,67'",
    ),
    Case(
        "copies is a text",
        lambda: _changed("filing.copies", "02"),
        baocao.InvalidTypeError,
        "filing.copies",
        "is not a whole number",
    ),
    Case(
        "authority without its period",
        lambda: _changed("signatory.authority", "KT"),
        baocao.ValidationError,
        "signatory.authority",
        "TM., KT., TL., TUQ., Q.",
    ),
    Case(
        "unknown document type",
        lambda: _changed("doc_type", "XYZ"),
        baocao.ValidationError,
        "doc_type",
        "BC (Báo cáo)",
    ),
    Case(
        "a title is a list",
        lambda: _changed("sections[0].items[0].title", ["a"]),
        baocao.InvalidTypeError,
        "sections[0].items[0].title",
        "is not a text",
    ),
    Case(
        "an unknown field",
        lambda: _changed("sections[0].heading", "x"),
        baocao.ValidationError,
        "sections[0]",
        "expected one of title, body, items",
    ),
    Case(
        "JSON NaN",
        lambda: json.dumps(_full_data()).replace('{"number": 5}', '{"number": NaN}'),
        baocao.InvalidTypeError,
        "sections[0].body[2].text[1].number",
        "'47,67'",
        "report.json",
    ),
    # --- impossible dates
    Case(
        "30 February",
        lambda: _changed("date", "2026-02-30"),
        baocao.ValidationError,
        "date",
        "day is out of range for month",
    ),
    Case(
        "29 February 2025",
        lambda: _changed("sections[0].body[2].text[1]", {"date": "2025-02-29"}),
        baocao.ValidationError,
        "sections[0].body[2].text[1].date",
        "out of range",
    ),
    Case(
        "month 13",
        lambda: _changed("date", "2026-13-01"),
        baocao.ValidationError,
        "date",
        "month must be in 1..12",
    ),
    Case(
        "date written 30/02/2026",
        lambda: _changed("date", "30/02/2026"),
        baocao.ValidationError,
        "date",
        "YYYY-MM-DD",
    ),
    Case(
        "date written 20260305",
        lambda: _changed("date", "20260305"),
        baocao.ValidationError,
        "date",
        "YYYY-MM-DD",
    ),
    # --- amounts out of range
    Case(
        "money of 4001 digits",
        lambda: _changed("sections[0].body[2].text[1]", {"money": "9" * 4001}),
        baocao.ValidationError,
        "sections[0].body[2].text[1].money",
        "more than 4000 digits",
    ),
    Case(
        "a cell of 10**4000",
        lambda: _changed("sections[0].body[3].table.rows[0][1]", {"number": "1" + "0" * 4000}),
        baocao.ValidationError,
        "sections[0].body[3].table.rows[0][1].number",
        "more than 4000 digits",
    ),
    Case(
        "a rate beyond 4000 digits",
        lambda: _changed(
            "sections[0].body[2].text[1]", {"rate": ["1" + "0" * 3999, "0,001"], "rounding": "down"}
        ),
        baocao.ValidationError,
        "sections[0].body[2].text[1].actual",
        "percentage of more than",
    ),
    Case(
        "a 5000-digit number in the file",
        lambda: _yaml_or_json(_changed("sections[0].body[3].table.rows[0][1]", "BIG")).replace(
            '"BIG"', BIG
        ),
        baocao.ValidationError,
        "sections[0].body[3].table.rows[0][1]",
        "<a whole number of 5000 digits> has more than 4000 digits",
    ),
    Case(
        "an exponent",
        lambda: _changed("sections[0].body[2].text[1]", {"percent": "1e999999"}),
        baocao.ValidationError,
        "sections[0].body[2].text[1].percent",
        "Vietnamese way",
    ),
    Case(
        "document number too large",
        lambda: _changed("number", 10_000_000),
        baocao.ValidationError,
        "number",
        "between 1 and 9999999",
    ),
    Case(
        "document number zero",
        lambda: _changed("number", 0),
        baocao.ValidationError,
        "number",
        "between 1 and 9999999",
    ),
    Case(
        "1000 copies",
        lambda: _changed("filing.copies", 1000),
        baocao.ValidationError,
        "filing.copies",
        "between 1 and 999",
    ),
    Case(
        "11 decimals",
        lambda: _changed("sections[0].body[2].text[1]", {"percent": 5, "decimals": 11}),
        baocao.ValidationError,
        "sections[0].body[2].text[1].decimals",
        "between 0 and 10",
    ),
    Case(
        "a rate of zero target",
        lambda: _changed("sections[0].body[2].text[1]", {"rate": [1, 0], "rounding": "down"}),
        baocao.ValidationError,
        "sections[0].body[2].text[1].target",
        "must not be zero",
    ),
    # --- empty content
    Case(
        "a section with nothing",
        lambda: _changed("sections[0]", {"title": "Mục"}),
        baocao.ValidationError,
        "sections[0].items",
        "no body and no items",
    ),
    Case(
        "a report with nothing",
        lambda: minimal_data(sections=[]),
        baocao.ValidationError,
        "sections",
        "a report needs some content",
    ),
    Case(
        "a part with nothing",
        lambda: minimal_data(sections=[], parts=[{"title": "A"}]),
        baocao.ValidationError,
        "parts[0].sections",
        "no body and no sections",
    ),
    Case(
        "an appendix with nothing",
        lambda: _changed("appendices[0]", {"title": "A"}),
        baocao.ValidationError,
        "appendices[0].body",
        "no body and no sections",
    ),
    Case(
        "a table with no rows",
        lambda: _changed("sections[0].body[3].table.rows", []),
        baocao.ValidationError,
        "sections[0].body[3].table.rows",
        "at least one row",
    ),
    Case(
        "a table with no columns",
        lambda: _changed("sections[0].body[3].table.header", []),
        baocao.ValidationError,
        "sections[0].body[3].table.header",
        "at least one column",
    ),
    Case(
        "a row too short",
        lambda: _changed("sections[0].body[3].table.rows[0]", ["x"]),
        baocao.ValidationError,
        "sections[0].body[3].table.rows[0]",
        "the header has 2",
    ),
    Case(
        "an empty subject",
        lambda: _changed("subject", ""),
        baocao.ValidationError,
        "subject",
        "must not be empty",
    ),
    Case(
        "a blank subject",
        lambda: _changed("subject", " \t\n\v\f\u00a0\u2028"),
        baocao.ValidationError,
        "subject",
        "must not be empty",
    ),
    Case(
        "an empty paragraph",
        lambda: _changed("sections[0].body[0]", ""),
        baocao.ValidationError,
        "sections[0].body[0]",
        "must not be empty",
    ),
    Case(
        "blank text pieces",
        lambda: _changed("sections[0].body[2].text", ["", " "]),
        baocao.ValidationError,
        "sections[0].body[2].text",
        "must not be empty",
    ),
    Case(
        "no text pieces",
        lambda: _changed("sections[0].body[2].text", []),
        baocao.InvalidTypeError,
        "sections[0].body[2].text",
        "non-empty list",
    ),
    # --- a signatory without a name
    Case(
        "signatory without name",
        lambda: _missing("signatory.name"),
        baocao.ValidationError,
        "signatory.name",
        "None is required",
    ),
    Case(
        "signatory name empty",
        lambda: _changed("signatory.name", ""),
        baocao.ValidationError,
        "signatory.name",
        "must not be empty",
    ),
    Case(
        "signatory name blank",
        lambda: _changed("signatory.name", "  \u00a0 "),
        baocao.ValidationError,
        "signatory.name",
        "must not be empty",
    ),
    Case(
        "signatory name null",
        lambda: _changed("signatory.name", None),
        baocao.InvalidTypeError,
        "signatory.name",
        "is not a text",
    ),
    # --- files that are not YAML or JSON
    Case(
        "a .txt file",
        lambda: "subject: x",
        baocao.LoadError,
        None,
        "expected a .yaml, .yml, .json or .md file",
        "report.txt",
    ),
    Case(
        "a .docx file",
        lambda: baocao.render(make_report()),
        baocao.LoadError,
        None,
        "expected a .yaml, .yml, .json or .md file",
        "report.docx",
    ),
    Case(
        "a .docx named .yaml",
        lambda: baocao.render(make_report()),
        baocao.LoadError,
        None,
        "not UTF-8 text",
    ),
    Case(
        "UTF-16",
        lambda: "subject: Báo cáo".encode("utf-16"),
        baocao.LoadError,
        None,
        "not UTF-8 text",
    ),
    Case(
        "Latin-1",
        lambda: "subject: Báo cáo".encode("latin-1"),
        baocao.LoadError,
        None,
        "not UTF-8 text",
    ),
    Case("broken YAML", lambda: "subject: [Báo cáo\n", baocao.LoadError, None, "not valid YAML"),
    Case(
        "broken JSON",
        lambda: '{"subject": "x",}',
        baocao.LoadError,
        None,
        "not valid JSON",
        "report.json",
    ),
    Case(
        "YAML in a .json file",
        lambda: "subject: x\n",
        baocao.LoadError,
        None,
        "not valid JSON",
        "report.json",
    ),
    Case(
        "an empty file",
        lambda: "",
        baocao.LoadError,
        None,
        "expected a mapping of report fields at the top, got NoneType",
    ),
    Case(
        "a list at the top",
        lambda: "- a\n- b\n",
        baocao.LoadError,
        None,
        "expected a mapping of report fields at the top, got list",
    ),
    Case(
        "a Python object tag",
        lambda: "subject: !!python/object/apply:os.system [ls]\n",
        baocao.ValidationError,
        "subject",
        "is a tag which baocao does not accept",
    ),
    Case(
        "a key given twice",
        lambda: "subject: Một\nsubject: Hai\n",
        baocao.LoadError,
        None,
        "the key 'subject' appears twice",
    ),
    Case(
        "a JSON key given twice",
        lambda: '{"subject": "Một", "subject": "Hai"}',
        baocao.LoadError,
        None,
        "the key 'subject' appears twice",
        "report.json",
    ),
    Case(
        "nested too deeply",
        lambda: "subject: " + "[" * 5_000 + "]" * 5_000 + "\n",
        baocao.LoadError,
        None,
        "nested too deeply",
        traced=False,
    ),
    Case(
        "JSON nested too deeply",
        lambda: '{"subject": ' + "[" * 5_000 + "]" * 5_000 + "}",
        baocao.LoadError,
        None,
        "nested too deeply",
        "report.json",
    ),
    # --- YAML scalars that 0.1 misread or crashed on (issue 9 §1)
    Case(
        "!!int on a text",
        lambda: _typed("number", "!!int mười"),
        baocao.ValidationError,
        "number",
        "'!!int mười' is not a whole number",
    ),
    Case(
        "!!int of a dash",
        lambda: _typed("number", '!!int "-"'),
        baocao.ValidationError,
        "number",
        "'!!int -' is not a whole number",
    ),
    Case(
        "an unparsable timestamp",
        lambda: _typed("date", "!!timestamp 2026-03-05 x"),
        baocao.ValidationError,
        "date",
        "write the date only, YYYY-MM-DD",
    ),
    Case(
        "a timestamp with a time zone",
        lambda: _typed("date", "2026-03-05 10:00:00+07:00"),
        baocao.ValidationError,
        "date",
        "is not a date written YYYY-MM-DD",
    ),
    Case(
        "2020-02-30 unquoted",
        lambda: _typed("date", "2020-02-30"),
        baocao.ValidationError,
        "date",
        "day is out of range for month",
    ),
    Case(
        "an empty boolean key",
        lambda: _typed("filing", "{? !!bool : x}"),
        baocao.ValidationError,
        "filing",
        "'!!bool ' is not true or false",
    ),
    Case(
        "a huge sexagesimal float",
        lambda: _typed("sections[0].body[2].text[1].number", "!!float " + "59:" * 400 + "1.5"),
        baocao.ValidationError,
        "sections[0].body[2].text[1].number",
        "sexagesimal",
    ),
    Case(
        "1.2 MB of !!int 59:59:…",
        lambda: _typed("number", "!!int " + "59:" * 400_000 + "1"),
        baocao.ValidationError,
        "number",
        "is a sexagesimal (base 60) number",
    ),
    Case(
        "!!binary junk",
        lambda: _typed("subject", "!!binary '*** not base64'"),
        baocao.ValidationError,
        "subject",
        "is binary data (!!binary)",
    ),
    Case(
        "a tag that is not YAML's",
        lambda: _typed("place", "!vn Hà Nội"),
        baocao.ValidationError,
        "place",
        "has the tag !vn, which baocao does not accept",
    ),
    Case(
        "9 MB of digits in an amount",
        lambda: _changed("sections[0].body[2].text[1]", {"money": "9" * 9_000_000}),
        baocao.ValidationError,
        "sections[0].body[2].text[1].money",
        "more than 4000 digits",
        "report.json",
        memory=6 * 9_000_000,
    ),
    Case(
        "a second document",
        lambda: "subject: Một\n---\nsubject: Hai\n",
        baocao.LoadError,
        None,
        "expected one document, found a second one",
    ),
    # --- a YAML "billion laughs"
    Case(
        "billion laughs",
        lambda: (
            "\n".join(
                ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
                + [
                    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]"
                    for i in range(8)
                ]
            )
            + "\n"
        ),
        baocao.LoadError,
        None,
        "aliases",
    ),
]


def _write(tmp_path: Path, case: Case) -> Path:
    content = case.content()
    path = tmp_path / case.name
    if isinstance(content, dict):
        content = _yaml_or_json(content)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _check(error: baocao.BaocaoError, case: Case, file: Path) -> None:
    if case.path is None:
        assert str(file) in str(error)
    else:
        assert isinstance(error, baocao.ValidationError)
        assert error.path == case.path
        assert str(error).startswith(f"{case.path}: ")
    assert case.words in str(error)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_load_refuses_clearly(case: Case, tmp_path: Path) -> None:
    file = _write(tmp_path, case)
    with (
        memory_bounded(case.memory) if case.traced else nullcontext(),
        pytest.raises(case.error) as info,
    ):
        baocao.load(file)
    _check(info.value, case, file)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cli_prints_one_line_and_exits_1(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = _write(tmp_path, case)
    before = sorted(tmp_path.iterdir())
    assert main(["render", str(file), "-o", str(tmp_path / "out.docx")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("baocao: error: ")
    assert captured.err.endswith("\n")
    assert "\n" not in captured.err[:-1], captured.err
    assert case.words in captured.err
    if case.path is not None:
        assert f"error: {case.path}: " in captured.err
    assert sorted(tmp_path.iterdir()) == before  # nothing written


def test_cli_context_also_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = _write(tmp_path, CASES[0])
    assert main(["context", str(file)]) == 1
    assert capsys.readouterr().err.count("\n") == 1


# --------------------------------------------------------------------------- big inputs


def test_a_50_mb_file_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:  # a sparse file: 50 MB on paper, nothing on disk
        stream.truncate(50 * 1024 * 1024)
    with memory_bounded(1024 * 1024), pytest.raises(baocao.LoadError) as info:
        baocao.load(big)
    assert f"{big}: the file is larger than 10485760 bytes" in str(info.value)
    assert main(["render", str(big)]) == 1
    err = capsys.readouterr().err
    assert err == f"baocao: error: {big}: the file is larger than 10485760 bytes\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_yaml_symlink_to_dev_zero_is_refused_unread(tmp_path: Path) -> None:
    """0.1 trusted stat (size 0) and read until MemoryError."""
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    with memory_bounded(1024 * 1024), pytest.raises(baocao.LoadError) as info:
        baocao.load(link)
    assert str(info.value) == f"{link}: not a regular file (a device, a pipe or a socket)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "report.yaml"
    os.mkfifo(fifo)
    with pytest.raises(baocao.LoadError, match="not a regular file"):
        baocao.load(fifo)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_the_size_is_that_of_what_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A /proc file says it has 0 bytes; what is read is counted (at most limit + 1)."""
    monkeypatch.setattr(baocao._model._load, "MAX_INPUT_BYTES", 100)
    link = tmp_path / "status.yaml"
    link.symlink_to("/proc/self/status")
    assert link.stat().st_size == 0
    with pytest.raises(baocao.LoadError, match="the file is larger than 100 bytes"):
        baocao.load(link)


def test_loads_counts_bytes_not_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(baocao._model._load, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(baocao.LoadError, match="larger than 1000 bytes"):
        baocao.loads("subject: " + "ệ" * 400)  # 409 characters, 1209 bytes


def test_a_50_mb_text_is_refused_before_it_is_parsed() -> None:
    text = "subject: " + "x" * (50 * 1024 * 1024)
    with memory_bounded(1024 * 1024), pytest.raises(baocao.LoadError, match="larger than"):
        baocao.loads(text)


def test_a_9_mb_report_loads_in_bounded_memory(tmp_path: Path) -> None:
    """Just under the limit: parsed, and memory stays a small multiple of the input."""
    paragraph = "Ủy ban nhân dân Thành phố đã triển khai. " * 25
    data = minimal_data(sections=[{"title": "A", "body": [paragraph] * 7000}])
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert 8_000_000 < path.stat().st_size < baocao._model.MAX_INPUT_BYTES
    with memory_bounded(200 * 1024 * 1024):
        report = baocao.load(path)
    assert len(report.sections[0].body) == 7000


# --------------------------------------------------------------------------- huge numbers


def test_the_largest_amount_renders_exactly() -> None:
    """Deliberate behaviour: up to 4000 digits a number renders exactly, figures and words."""
    amount = 10**4000 - 1
    report = make_report(
        sections=[
            baocao.Section(
                title="A",
                body=[
                    baocao.Paragraph(["Tổng ", baocao.Money(amount)]),
                    baocao.Table(header=["Số"], rows=[[amount]]),
                ],
            )
        ]
    )
    with memory_bounded(64 * 1024 * 1024):
        document = open_docx(baocao.render(report))
    figures = baocao.format_number(amount)
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith(f"Tổng {figures} đồng (Chín ") for t in texts)
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    assert figures in cells


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: baocao.Money(10**5000), "amount"),
        (lambda: baocao.Money(-(10**4000)), "amount"),
        (lambda: baocao.Number(decimal.Decimal("1E+100000")), "value"),
        (lambda: baocao.Number(decimal.Decimal("1E-4001")), "value"),
        (lambda: baocao.Percent(decimal.Decimal("0." + "1" * 4000)), "value"),
        (lambda: baocao.Rate(10**3999, decimal.Decimal("0.001"), rounding="down"), "actual"),
        (lambda: baocao.Table(header=["A"], rows=[[10**5000]]), "rows[0][0]"),
        (
            lambda: baocao.Table(header=["A"], rows=[["x"]], totals=[decimal.Decimal("9E+4000")]),
            "totals[0]",
        ),
    ],
)
def test_huge_numbers_are_refused_when_the_report_is_made(
    build: Callable[[], object], path: str
) -> None:
    with memory_bounded(), pytest.raises(baocao.ValidationError) as info:
        build()
    assert info.value.path == path
    assert "more than 4000 digits" in str(info.value)


@pytest.mark.parametrize(
    "value",
    [
        decimal.Decimal("NaN"),
        decimal.Decimal("Infinity"),
        decimal.Decimal("-Infinity"),
        decimal.Decimal("sNaN"),
    ],
)
def test_non_finite_numbers_are_refused(value: decimal.Decimal) -> None:
    with pytest.raises(baocao.ValidationError, match="finite"):
        baocao.Number(value)
    with pytest.raises(baocao.ValidationError, match="finite"):
        baocao.Table(header=["A"], rows=[[value]])


# --------------------------------------------------------------------------- linear loading


def _calls(text: str, format: str) -> int:
    """Python function calls made by loading ``text``: a measure of work that, unlike
    time, does not depend on the machine."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(baocao.loads, text, format=format)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_loading_work_is_linear_in_the_size(format: str) -> None:
    """Twice the sections, twice the work (0.1's 10 MiB JSON ran past 400 s)."""

    def text(count: int) -> str:
        data = _full_data()
        data["sections"] = [{**data["sections"][0], "title": f"Mục {i}"} for i in range(count)]
        if format == "json":
            return json.dumps(data, ensure_ascii=False)
        return yaml.safe_dump(json.loads(json.dumps(data)), allow_unicode=True)  # no aliases

    small, large = _calls(text(100), format), _calls(text(200), format)
    assert large / small < 2.05, (small, large)
