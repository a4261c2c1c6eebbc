"""Footnotes as real Word footnotes (issue 12, §6): ``{footnote: "…"}`` in a body text gives
a footnote reference there and the note in word/footnotes.xml, numbered through the whole
document (appendices included); a report without notes gets no footnotes part at all."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

import baocao
from baocao import Appendix, Dash, Footnote, Item, Paragraph, Point, Section

from ..conftest import make_report, minimal_data, require_tools

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOSTILE = '</w:t></w:r><w:r><w:t>{{ x }}{%p if x %}</w:t> & "x"'


def _noted(hostile: str = HOSTILE) -> baocao.Report:
    return make_report(
        sections=[
            Section(
                title="Kết quả",
                body=[
                    Paragraph(["Tỷ lệ đạt 92%", Footnote("Số liệu đến ngày 31/12/2025."), " năm."]),
                    Dash(["Dòng", Footnote(hostile)]),
                ],
                items=[
                    Item(
                        text=["Khoản", Footnote("Chú thích của khoản.")],
                        points=[Point(["Điểm ", hostile, Footnote("Chú thích của điểm.")])],
                    )
                ],
            )
        ],
        appendices=[Appendix(title="Số liệu", body=[Paragraph(["Bảng", Footnote("Nguồn.")])])],
    )


NOTES = [
    "Số liệu đến ngày 31/12/2025.",
    HOSTILE,
    "Chú thích của khoản.",
    "Chú thích của điểm.",
    "Nguồn.",
]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_footnotes_load_from_data_and_the_schema_knows_them() -> None:
    text = ["Theo số liệu", {"footnote": "Của Cục Thống kê."}, "."]
    report = baocao.load(minimal_data(sections=[{"title": "A", "body": [{"text": text}]}]))
    assert report.sections[0].body[0] == Paragraph(
        ["Theo số liệu", Footnote("Của Cục Thống kê."), "."]
    )
    segment = baocao.json_schema()["$defs"]["Segment"]["oneOf"]
    assert any(s.get("required") == ["footnote"] for s in segment)


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        ([{"footnote": "A"}], "sections[0].body[0].text", "holds only footnotes"),
        ([" ", {"footnote": "A"}], "sections[0].body[0].text", "holds only footnotes"),
        (["A", {"footnote": ""}], "sections[0].body[0].text[1].footnote", "must not be empty"),
        (["A", {"footnote": "a\nb"}], "sections[0].body[0].text[1].footnote", ""),
        (["A", {"footnote": "x", "style": 1}], "sections[0].body[0].text[1]", "not a field"),
    ],
)
def test_bad_footnotes_name_their_place(text: list[Any], path: str, words: str) -> None:
    with pytest.raises(baocao.ValidationError) as info:
        baocao.load(minimal_data(sections=[{"title": "A", "body": [{"text": text}]}]))
    assert info.value.path == path
    assert words in str(info.value)


def test_a_footnote_is_not_a_table_cell() -> None:
    table = {"header": ["A", "B"], "rows": [["x", {"footnote": "y"}]]}
    with pytest.raises(baocao.ValidationError) as info:
        baocao.load(minimal_data(sections=[{"title": "A", "body": [{"table": table}]}]))
    assert "a footnote cannot be a table cell" in str(info.value)


def test_the_context_numbers_the_notes_through_the_document() -> None:
    ctx = baocao.context(_noted())
    assert ctx["footnotes"] == [{"id": n, "text": t} for n, t in enumerate(NOTES, start=1)]
    first = ctx["body"][1]
    assert first["text"] == "Tỷ lệ đạt 92% năm."
    assert [(r["text"], r["note"]) for r in first["runs"]] == [
        ("Tỷ lệ đạt 92%", None),
        ("", 1),
        (" năm.", None),
    ]
    last = ctx["appendices"][0]["body"][-1]
    assert [(r["text"], r["note"]) for r in last["runs"]] == [
        ("Bảng", None),
        ("", 5),
        ("./.", None),
    ]
    assert last["text"] == "Bảng./."
    plain = baocao.context(make_report())
    assert plain["footnotes"] == []
    assert all("runs" not in b for b in plain["body"])


def test_the_document_has_real_footnotes() -> None:
    data = baocao.render(_noted())
    parts = _parts(data)
    notes = etree.fromstring(parts["word/footnotes.xml"])
    found = {
        n.get(f"{W}id"): "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in notes.iter(f"{W}footnote")
    }
    assert found == {"-1": "", "0": "", **{str(i): t for i, t in enumerate(NOTES, start=1)}}
    types = [n.get(f"{W}type") for n in notes.iter(f"{W}footnote")][:2]
    assert types == ["separator", "continuationSeparator"]
    body = etree.fromstring(parts["word/document.xml"])
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert refs == ["1", "2", "3", "4", "5"]
    assert b"footnotes+xml" in parts["[Content_Types].xml"]
    assert b'Target="footnotes.xml"' in parts["word/_rels/document.xml.rels"]
    styles = etree.fromstring(parts["word/styles.xml"])
    ids = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}
    assert {"FootnoteText", "FootnoteReference"} <= ids
    # python-docx opens it, and the hostile text is text, in the body and in the note
    document = docx.Document(io.BytesIO(data))
    assert any(HOSTILE in p.text for p in document.paragraphs)
    assert found["2"] == HOSTILE


def test_no_footnotes_no_part() -> None:
    parts = _parts(baocao.render(make_report()))
    assert "word/footnotes.xml" not in parts
    assert b"footnotes" not in parts["[Content_Types].xml"]
    assert b"FootnoteText" not in parts["word/styles.xml"]


def test_check_and_lint_do_not_complain() -> None:
    """(lint reads a .docx as a template: the hostile text would be tags there.)"""
    data = baocao.render(_noted("Chú thích của dòng."))
    assert baocao.check(data) == []
    assert baocao.lint(data) == []


def test_libreoffice_prints_the_notes(tmp_path: Path) -> None:
    require_tools()
    pdf = tmp_path / "notes.pdf"
    pdf.write_bytes(baocao.to_pdf(baocao.render(_noted())))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for note in ("Số liệu đến ngày 31/12/2025.", "Chú thích của khoản.", "Nguồn."):
        assert note in text


def _template_with_notes(notes: list[str]) -> bytes:
    """The default template with a footnotes part of its own holding ``notes``."""
    from baocao._ooxml import add_footnotes, zip_entries

    source = (Path(baocao.__file__).parents[2] / "templates" / "bao-cao.docx").read_bytes()
    entries: dict[str, Any] = _parts(source)
    add_footnotes(entries, notes or ["bỏ"], styles="word/styles.xml")
    if not notes:  # only the two separators
        root = etree.fromstring(entries["word/footnotes.xml"])
        for note in [n for n in root.iter(f"{W}footnote") if n.get(f"{W}type") is None]:
            root.remove(note)
        entries["word/footnotes.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return zip_entries(entries)


def test_a_templates_own_footnotes_part_takes_the_notes() -> None:
    data = baocao.render(_noted("Chú thích của dòng."), template=_template_with_notes([]))
    notes = etree.fromstring(_parts(data)["word/footnotes.xml"])
    ids = [n.get(f"{W}id") for n in notes.iter(f"{W}footnote")]
    assert ids == ["-1", "0", "1", "2", "3", "4", "5"]


def test_a_clash_with_the_templates_notes_is_an_error() -> None:
    with pytest.raises(baocao.TemplateError, match="already has a note with id"):
        baocao.render(_noted(), template=_template_with_notes(["Mẫu"]))
