"""The committed template is what the generator builds, and it ships with the package."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import docxtpl
import pytest
from docx.oxml.ns import qn

import baocao
from baocao._ooxml import Compressed, paragraph_text, zip_entries
from baocao._render import default_template_path
from baocao._render._template_gen import build_template

from ..conftest import ROOT, make_report
from ..reference import render_document


def test_committed_template_is_up_to_date() -> None:
    committed = (ROOT / "templates" / "bao-cao.docx").read_bytes()
    assert committed == build_template(), (
        "templates/bao-cao.docx is stale: run `python -m baocao._render._template_gen`"
    )


def test_committed_letter_template_is_up_to_date() -> None:
    """Issue 13: the công văn's template (Mẫu 1.5) is built by the same generator."""
    committed = (ROOT / "templates" / "cong-van.docx").read_bytes()
    assert committed == build_template("1.5"), (
        "templates/cong-van.docx is stale: run `python -m baocao._render._template_gen`"
    )


def test_generator_is_deterministic() -> None:
    assert build_template() == build_template()
    assert build_template("1.5") == build_template("1.5")


def test_default_template_is_found() -> None:
    assert default_template_path().is_file()


def test_every_template_variable_is_in_the_context_and_documented() -> None:
    template = docxtpl.DocxTemplate(io.BytesIO(build_template()))
    variables = template.get_undeclared_template_variables()
    report = baocao.load(
        {
            "issuer": {"name": "Sở Nội vụ", "abbreviation": "SNV"},
            "number": 1,
            "place": "Hà Nội",
            "date": "2026-01-01",
            "subject": "Kết quả",
            "signatory": {"title": "Giám đốc", "name": "Nguyễn Văn A"},
            "sections": [{"title": "A", "body": ["x"]}],
        }
    )
    assert variables <= set(baocao.context(report))
    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    for key in baocao.context(report):
        assert f"`{key}`" in readme, f"templates/README.md does not document {key}"


def test_template_has_no_split_tags() -> None:
    with zipfile.ZipFile(io.BytesIO(build_template())) as package:
        xml = package.read("word/document.xml").decode()
    for tag in re.findall(r"\{[{%][^}]*[}%]\}", xml):
        assert "<" not in tag


# --------------------------------------------------------------------------- hostile templates
# Each is baocao's own template with its XML edited, as a careless or hostile author would.

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELS = "word/_rels/document.xml.rels"


def edited(
    changes: dict[str, Callable[[str], str]], added: dict[str, bytes] | None = None
) -> bytes:
    """The default template with some of its XML parts changed and parts added."""
    with zipfile.ZipFile(default_template_path()) as source:
        entries: dict[str, bytes | Compressed] = {n: source.read(n) for n in source.namelist()}
    for name, change in changes.items():
        old = entries.get(name, b"")
        assert isinstance(old, bytes)
        entries[name] = change(old.decode("utf-8")).encode("utf-8")
    entries.update(added or {})
    return zip_entries(entries)


def first_in_body(xml: str) -> Callable[[str], str]:
    return lambda document: document.replace("<w:body>", "<w:body>" + xml, 1)


def with_paragraph(xml: str) -> bytes:
    """The default template with ``xml`` (WordprocessingML) first in its body."""
    return edited({"word/document.xml": first_in_body(xml)})


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def add_rel(rel_id: str, reltype: str, target: str, external: bool = False) -> Callable[[str], str]:
    mode = ' TargetMode="External"' if external else ""
    return lambda rels: rels.replace(
        "</Relationships>",
        f'<Relationship Id="{rel_id}" Type="{reltype}" Target="{target}"{mode}/></Relationships>',
    )


def both(template: bytes, report: baocao.Report, **options: Any) -> list[bytes]:
    """The fast path and the plain docxtpl path, which must agree."""
    return [
        baocao.Template(template, **options).render(report),
        render_document(report, template, **options),
    ]


def refused(template: bytes, report: baocao.Report | None = None, **options: Any) -> list[str]:
    """The error of both render paths for ``template`` (loading included)."""
    report = report or make_report()
    messages = []
    with pytest.raises(baocao.TemplateError) as error:
        baocao.Template(template, **options).render(report)
    messages.append(str(error.value))
    with pytest.raises(baocao.TemplateError) as error:
        render_document(report, template, **options)
    messages.append(str(error.value))
    return messages


def texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [paragraph_text(p) for p in document.element.body.iter(qn("w:p"))]


WORK = [  # (template text, words of the error): each hung or took gigabytes in 0.1
    (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "operations (loop turns, calls, attribute lookups: 10 000 000, and 100 for each",
    ),
    ("{{ lipsum(10**6) }}", "operations (loop turns"),
    (
        "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        "operations",
    ),
    ("{{ 'a'.center(10**9) }}", "'center' makes would be 1 000 000 000 characters"),
    ("{{ ('a'|attr('center'))(10**9) }}", "'center' makes"),
    ("{{ 'a'|center(10**9) }}", "'center' makes"),
    ("{{ 'a'.ljust(10**9) }}{{ 'a'.zfill(10**9) }}", "makes would be 1 000 000 000"),
    ("{{ '%*s' % (10**9, 'a') }}", "formatted with '%'"),
    ("{{ '%1000000000s' % 'a' }}", "formatted with '%'"),
    ("{{ '%*s'|format(10**9, 'a') }}", "formatted with '%'"),
    ("{{ '{:>1000000000}'.format('a') }}", "formatted with format()"),
    ("{{ '{:.1000000000f}'.format(1.5) }}", "formatted with format()"),
    ("{{ '{:>{w}}'.format('a', w=10**9) }}", "formatted with format()"),
    ("{{ range(10)|batch(10**9, 'x')|list }}", "a batch would hold 1 000 000 000 items"),
    ("{{ range(10)|slice(10**9)|list }}", "a slice would hold"),
    ("{{ ('ab' * 500000).replace('a', 'a' * 200) }}", "'replace' makes"),
    ("{{ ('ab' * 500000)|replace('a', 'a' * 200) }}", "'replace' makes"),
    ("{{ range(100000)|map('string')|map('center', 1000)|join }}", "made with 'join'"),
    (
        "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}",
        "made with '~'",
    ),
    (
        "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
        "{% endfor %}",
        "made with '+'",
    ),
    (
        "{% for i in range(100000) %}{{ 'a' * 7000 }}{% endfor %}",  # 700 MB of output
        "the text of this part of the template would be",
    ),
    ("{{ 'a'.center(3000000)|list|length }}", "the list that '|list' makes would hold"),
    ("{{ 'a'.center(3000000)|batch(1)|list|length }}", "the list that '|batch' makes"),
    ("{{ '&lt;'.center(40000000, '&lt;')|forceescape|length }}", "'|forceescape' makes"),
    ("{{ '&lt;'.center(40000000, '&lt;') }}", "a value printed would be 160 000 000 characters"),
    ("{{ 'ab'.center(40000000)|wordwrap(1)|length }}", "operations (loop turns"),
]


@pytest.mark.parametrize(("text", "words"), WORK, ids=[w[0][:40] for w in WORK])
def test_a_template_has_a_budget(text: str, words: str) -> None:
    template = with_paragraph(para(f"Vòng lặp: {text}"))
    for message in refused(template):
        assert "the template does too much" in message
        assert words in message
        assert "(in the paragraph: Vòng lặp:" in message


def test_the_budget_is_configurable() -> None:
    template = with_paragraph(
        para("Đệm: {{ 'a'.center(20000) }}{% for i in range(20000) %}{% endfor %}")
    )
    report = make_report()
    fast, plain = both(template, report)
    assert fast == plain
    assert "a".center(20000) in "\n".join(texts(fast))
    small = baocao.TemplateLimits(output=1000)
    for message in refused(template, limits=small):
        assert "'center' makes would be 20 000 characters long" in message
        assert (
            "(limits=baocao.TemplateLimits(output=1 000), plus 500 for each of the "
            "report's 8 texts and 6 for each of their"
        ) in message
    fewer = baocao.TemplateLimits(operations=200)
    for message in refused(template, limits=fewer):
        assert "attribute lookups: 200, and 100 for each of the report's" in message
    with pytest.raises(baocao.TemplateError, match="attribute lookups: 200, and 100"):
        baocao.Template(template).render(report, limits=fewer)
    with pytest.raises(baocao.TemplateError, match="attribute lookups: 200, and 100"):
        baocao.render(report, template=template, limits=fewer)
    assert baocao.render(report, template=template, limits=baocao.TemplateLimits()) == fast


def test_limits_are_checked() -> None:
    with pytest.raises(baocao.ValidationError, match="operations: 0 must be at least 1"):
        baocao.TemplateLimits(operations=0)
    with pytest.raises(baocao.InvalidTypeError, match="output"):
        baocao.TemplateLimits(output=1.5)  # type: ignore[arg-type]
    with pytest.raises(baocao.InvalidTypeError, match="limits"):
        baocao.Template(limits=10)  # type: ignore[arg-type]


def test_the_default_template_is_far_inside_its_budget() -> None:
    report = make_report(sections=[baocao.Section(title="A", body=["x"] * 2000)])
    assert baocao.render(report) == render_document(report)


# --------------------------------------------------------------------------- faithful text

LOST = "Thu chi R&D <nội bộ>"
LOST_XML = "Thu chi R&amp;D &lt;nội bộ&gt;"


@pytest.mark.parametrize(
    "container",
    [
        '<w:hyperlink w:anchor="muc">{}</w:hyperlink>',
        '<w:fldSimple w:instr=" MERGEFIELD x ">{}</w:fldSimple>',
        "<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>",
    ],
    ids=["hyperlink", "fldSimple", "content control"],
)
def test_a_page_break_in_a_container_is_an_error_not_lost_text(container: str) -> None:
    run = '<w:r><w:t xml:space="preserve">Mục: {{ body[0].text }}</w:t></w:r>'
    template = with_paragraph(f"<w:p>{container.format(run)}</w:p>" + para(LOST_XML))
    report = make_report(sections=[], closing=["Kết quả\fquý I"])  # body text: \f taken
    for message in refused(template, report):
        assert "not well-formed XML" in message
        assert "page break (\\f) inside a hyperlink, a field or a content control" in message
        assert "(in the paragraph: Mục: Kết quả" in message
    # Without a page break the same template keeps every character.
    fast, plain = both(template, make_report(sections=[], closing=["Kết quả <quý> I & II"]))
    assert fast == plain
    assert LOST in texts(fast)
    assert "Mục: Kết quả <quý> I & II./." in texts(fast)


def test_safe_and_raw_xml_are_refused_unless_allowed() -> None:
    for text in (
        "{{ subject|safe }}",
        "{% autoescape false %}{{ subject }}{% endautoescape %}",
        "{{ [subject]|map('safe')|join }}",
        "{{ 'http://x.vn'|urlize }}",
        "{% filter safe %}{{ subject }}{% endfilter %}",
    ):
        template = with_paragraph(para(f"Thô: {text}") + para(LOST_XML))
        for message in refused(template):
            assert "the template writes raw XML: '|safe'" in message, message
            assert "allow_raw_xml=True" in message
            assert "(in the paragraph: Thô:" in message
    raw = with_paragraph(
        para("Ngắt:{{ '&lt;/w:t&gt;&lt;w:br/&gt;&lt;w:t&gt;'|safe }}dòng") + para(LOST_XML)
    )
    fast, plain = both(raw, make_report(), allow_raw_xml=True)
    assert fast == plain
    assert "Ngắt:\ndòng" in texts(fast)
    assert LOST in texts(fast)
    assert baocao.render(make_report(), template=raw, allow_raw_xml=True) == fast
    # Allowed, but broken XML: an error, never a document with its & < > dropped.
    broken = with_paragraph(para("Thô: {{ subject|safe }}") + para(LOST_XML))
    for message in refused(broken, make_report(subject="a < b"), allow_raw_xml=True):
        assert "not well-formed XML" in message
        assert "raw XML written with |safe" in message


def test_broken_xml_in_a_header_or_footnote_is_an_error() -> None:
    header = edited(
        {
            "word/header1.xml": lambda xml: xml.replace(
                "</w:hdr>", para("{{ subject|safe }}") + "</w:hdr>"
            )
        }
    )
    for message in refused(header, make_report(subject="a < b"), allow_raw_xml=True):
        assert "not well-formed XML" in message


def _with_properties(**values: str) -> bytes:
    def change(core: str) -> str:
        for name, value in values.items():
            core = re.sub(f"<dc:{name}>[^<]*</dc:{name}>", f"<dc:{name}>{value}</dc:{name}>", core)
        return core

    return edited({"docProps/core.xml": change})


def test_document_properties_are_escaped_once_and_fit() -> None:
    template = _with_properties(identifier="{{ subject }}", language="{{ place }} &amp; x")
    report = make_report(subject="Thu chi R&D <nội bộ> " + "rất dài " * 40, place="A&B")
    for data in both(template, report):
        core = docx.Document(io.BytesIO(data)).core_properties
        assert core.identifier.startswith("Thu chi R&D <nội bộ> rất dài")
        assert len(core.identifier) == 255
        assert core.identifier.endswith("…")
        assert core.language == "A&B & x"
    fast, plain = both(template, report)
    assert fast == plain


def _ns0(xml: str) -> str:
    """``xml`` written with the prefix ``ns0:`` for WordprocessingML, as Python's
    ElementTree (and so pandoc's ns0-reference.docx) writes it."""
    xml = xml.replace('xmlns:w="', 'xmlns:ns0="')
    return re.sub(r"(</?|\s)w:", r"\1ns0:", xml)


def test_a_template_with_another_prefix_renders() -> None:
    template = edited({"word/document.xml": _ns0, "word/header1.xml": _ns0})
    with zipfile.ZipFile(io.BytesIO(template)) as package:
        assert b"<ns0:body>" in package.read("word/document.xml")
    report = make_report(sections=[baocao.Section(title="A", body=["x\ny\tz", "R&D <x>"])])
    fast, plain = both(template, report)
    assert fast == plain
    assert texts(fast) == texts(baocao.render(report))
    assert baocao.lint(template) == []


def test_the_cache_follows_the_content(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    first = with_paragraph(para("Mẫu số 1"))
    number, second = next(
        (n, t) for n in range(2, 100) if len(t := with_paragraph(para(f"Mẫu số {n}"))) == len(first)
    )
    path.write_bytes(first)
    stat = path.stat()
    report = make_report()
    assert "Mẫu số 1" in texts(baocao.render(report, template=path))
    path.write_bytes(second)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    assert path.stat().st_size == stat.st_size
    assert f"Mẫu số {number}" in texts(baocao.render(report, template=path))


# --------------------------------------------------------------------------- foreign parts

_MS_RT = "http://schemas.microsoft.com/office/2006/relationships/"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _names(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def with_macros() -> bytes:
    """The default template with a macro project (vbaProject.bin), as a .docm has."""
    return edited(
        {
            _RELS: add_rel("rId99", _MS_RT + "vbaProject", "vbaProject.bin"),
            "[Content_Types].xml": lambda types: types.replace(
                "</Types>",
                (
                    '<Override PartName="/word/vbaProject.bin" '
                    'ContentType="application/vnd.ms-office.vbaProject"/></Types>'
                ),
            ),
        },
        {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"},
    )


def test_macros_are_dropped() -> None:
    template = with_macros()
    assert "word/vbaProject.bin" in _names(template)
    report = make_report()
    fast, plain = both(template, report)
    assert fast == plain == baocao.render(report)
    assert "word/vbaProject.bin" not in _names(fast)
    assert b"vbaProject" not in b"".join(_names(fast).values())


def test_an_attached_template_is_dropped() -> None:
    template = edited(
        {
            "word/settings.xml": lambda xml: re.sub(
                "(<w:settings [^>]*>)", r'\1<w:attachedTemplate r:id="rId1"/>', xml, count=1
            ),
            "word/_rels/settings.xml.rels": lambda _: (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                "</Relationships>"
            ),
        }
    )
    template = edited(
        {},
        {
            "word/_rels/settings.xml.rels": add_rel(
                "rId1", _RT + "attachedTemplate", "http://127.0.0.1:9/normal.dotm", external=True
            )(_names(template)["word/_rels/settings.xml.rels"].decode()).encode()
        }
        | {
            name: value
            for name, value in _names(template).items()
            if name != "word/_rels/settings.xml.rels"
        },
    )
    assert b"127.0.0.1" in b"".join(_names(template).values())
    report = make_report()
    fast, plain = both(template, report)
    assert fast == plain == baocao.render(report)
    assert b"127.0.0.1" not in b"".join(_names(fast).values())
    assert b"attachedTemplate" not in _names(fast)["word/settings.xml"]


@pytest.mark.parametrize(
    ("element", "rel", "target", "words"),
    [
        ('<w:altChunk r:id="rId98"/>', _RT + "aFChunk", "chunk.html", "an imported file"),
        (
            '<w:subDoc r:id="rId98"/>',
            _RT + "subDocument",
            "file:///tmp/chuong-2.docx",
            "a linked subdocument",
        ),
        (
            '<w:p><w:r><w:object><o:OLEObject r:id="rId98" ProgID="Equation.3"/></w:object></w:r>'
            "</w:p>",
            _RT + "oleObject",
            "file:///tmp/equation.bin",
            "an embedded or linked OLE",
        ),
    ],
    ids=["altChunk", "subDocument", "OLE object"],
)
def test_imported_files_and_subdocuments_are_refused(
    element: str, rel: str, target: str, words: str
) -> None:
    external = target.startswith("file:")
    template = edited(
        {
            "word/document.xml": first_in_body(element),
            _RELS: add_rel("rId98", rel, target, external=external),
            "[Content_Types].xml": lambda types: types.replace(
                "</Types>",
                ('<Override PartName="/word/chunk.html" ContentType="text/html"/></Types>'),
            ),
        },
        {} if external else {"word/chunk.html": b"<html><body>R&amp;D</body></html>"},
    )
    for message in refused(template):
        assert words in message
        assert "a template is a layout" in message


# --------------------------------------------------------------------------- long text


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("body", "sections[0].body[0]"),
        ("subject", "subject"),
        ("cell", "sections[0].body[1].rows[0][0]"),
        ("recipient", "recipients[0]"),
    ],
)
def test_a_text_over_what_a_docx_holds_is_refused_before_rendering(field: str, path: str) -> None:
    huge = "x" * 10_200_000
    table = baocao.Table(header=["A"], rows=[[huge if field == "cell" else "1"]])
    report = make_report(
        sections=[baocao.Section(title="A", body=[huge if field == "body" else "x", table])],
        subject=huge if field == "subject" else "Báo cáo",
        recipients=[huge if field == "recipient" else "Cục Văn thư"],
    )
    for render in (baocao.render, render_document):
        with pytest.raises(baocao.ValidationError) as error:
            render(report)
        assert error.value.path.startswith(path)
        assert "is 10 200 000 bytes long (UTF-8); a .docx text holds at most 10 000 000" in str(
            error.value
        )


def test_a_long_text_renders_in_full() -> None:
    long = "Đ" + "x" * 9_999_000
    report = make_report(
        sections=[baocao.Section(title="A", body=[long, "Đoạn sau"])], recipients=["Cục Văn thư"]
    )
    data = baocao.render(report)
    document = docx.Document(io.BytesIO(data))
    body = [paragraph_text(p) for p in document.element.body.iter(qn("w:p"))]
    assert long in body
    assert "Đoạn sau./." in body
    assert "- Cục Văn thư;" in body
    assert "Nguyễn Văn A" in body
    assert document.element.body[-1].tag == qn("w:sectPr")


def test_a_template_that_makes_a_text_too_long_is_refused() -> None:
    template = with_paragraph(para("{{ subject }}{{ subject }}"))
    report = make_report(subject="x" * 6_000_000)
    for message in refused(template, report):
        assert "longer than 10 000 000 bytes (UTF-8)" in message


def test_the_letter_template_lints_clean_and_is_picked_for_a_letter() -> None:
    """Issue 13: render uses cong-van.docx for a công văn, bao-cao.docx for the rest."""
    from baocao._render import lint
    from baocao._render._loading import LETTER_TEMPLATE

    path = default_template_path(LETTER_TEMPLATE)
    assert lint(path) == []
    letter = baocao.load(ROOT / "examples" / "cong-van-bao-cao-nhanh.yaml")
    assert baocao.render(letter) == baocao.render(letter, template=path)
    assert baocao.render(letter) != baocao.render(letter, template=default_template_path())
