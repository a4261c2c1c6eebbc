"""§3 Bad templates: ``baocao.lint`` finds them before rendering, rendering names them.

Each bad template of :data:`BAD` is made the way Word makes them (runs split in the
middle of a tag, a tag left open, a block without its end, …). :func:`baocao._render.lint`
must report it with its code, severity and the paragraph as a reader sees it; rendering
it must fail with a :class:`baocao.TemplateError` that names the same paragraph (or, for
the warnings, render).
"""

from __future__ import annotations

import argparse
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import baocao
from baocao._cli import _lint as _cli_lint
from baocao._render import LintIssue, default_template_path, lint

from ..conftest import make_report, open_docx
from ..reference import render_document
from ..strategies import document_paragraphs
from .test_template import add_rel, edited, para, with_macros, with_paragraph

Paragraph = str | tuple[str, ...] | list[str]  # text, runs of one paragraph, cells of a row


def template(*paragraphs: Paragraph, header: str | None = None, title: str | None = None) -> bytes:
    """A .docx template as Word would save it: a str is a paragraph, a tuple the runs of
    one paragraph (bold and not, as when Word splits a tag), a list a one-row table."""
    document = docx.Document()
    for paragraph in paragraphs:
        if isinstance(paragraph, tuple):
            para = document.add_paragraph()
            for index, run in enumerate(paragraph):
                para.add_run(run).bold = index % 2 == 1
        elif isinstance(paragraph, list):
            table = document.add_table(rows=1, cols=len(paragraph))
            for cell, text in zip(table.rows[0].cells, paragraph, strict=True):
                cell.paragraphs[0].text = text
        else:
            document.add_paragraph(paragraph)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if title is not None:
        document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@attrs.frozen
class Bad:
    id: str
    paragraphs: tuple[Paragraph, ...]
    code: str
    paragraph: str  # the paragraph the issue and the render error name
    severity: str = "error"
    render: str | None = ""  # words of the render error; None: it renders


BAD = [
    Bad(
        "unclosed variable",
        ("Trước", "Số: {{ number_line", "Sau"),
        "unclosed-tag",
        "Số: {{ number_line",
        render="'{{ number_line' is not closed",
    ),
    Bad(
        "variable closed in the next paragraph",
        ("Số: {{ number_", "line }}"),
        "unclosed-tag",
        "Số: {{ number_",
        render=None,
    ),  # docxtpl joins the paragraphs
    Bad(
        "unclosed block",
        ("Trước", "{% if subject %}Có", "Sau"),
        "unclosed-block",
        "{% if subject %}Có",
        render="'{% if subject %}' is never closed",
    ),
    Bad(
        "unclosed paragraph block",
        ("Trước", "{%p if subject %}", "Sau", "Cuối"),
        "unclosed-block",
        "{%p if subject %}",
        render="add {%p endif %}",
    ),
    Bad(
        "unclosed loop",
        ("{%p for b in body %}", "{{ b.text }}"),
        "unclosed-block",
        "{%p for b in body %}",
        render="is never closed",
    ),
    Bad(
        "wrong end",
        ("Một", "{% if subject %}x{% endfor %}", "Ba"),
        "unmatched-end",
        "{% if subject %}x{% endfor %}",
        render="closes no open {% for %}",
    ),
    Bad(
        "end without start",
        ("Một", "{%p endif %}", "Ba"),
        "unmatched-end",
        "{%p endif %}",
        render="syntax error",
    ),
    Bad(
        "bad expression",
        ("Một", "Hai {{ subject + }}", "Ba"),
        "syntax",
        "Hai {{ subject + }}",
        render="syntax error",
    ),
    Bad(
        "unknown tag",
        ("Một", "{% for b in body %}{% break %}{% endfor %}"),
        "syntax",
        "{% for b in body %}{% break %}{% endfor %}",
        render="unknown tag 'break'",
    ),
    Bad(
        "unknown filter",
        ("Tel: {{ subject|nofilter }}",),
        "unknown-filter",
        "Tel: {{ subject|nofilter }}",
        render="No filter named 'nofilter'",
    ),
    Bad(
        "unknown variable",
        ("Một", "Kính gửi: {{ recipient_name }}", "Ba"),
        "unknown-variable",
        "Kính gửi: {{ recipient_name }}",
        render="'recipient_name' is undefined",
    ),
    Bad(
        "unknown key",
        ("Tel: {{ issuer.phone }}",),
        "unknown-attribute",
        "Tel: {{ issuer.phone }}",
        render="has no attribute 'phone'",
    ),
    Bad(
        "unknown key in a loop",
        ("{%p for b in body %}", "Mục {{ b.txt }}", "{%p endfor %}"),
        "unknown-attribute",
        "Mục {{ b.txt }}",
        render="has no attribute 'txt'",
    ),
    Bad(
        "unknown key of a cell",
        (
            "{%p for b in body %}{%p if b.rows %}",
            "{{ b.rows[0][0].value }}",
            "{%p endif %}{%p endfor %}",
        ),
        "unknown-attribute",
        "{{ b.rows[0][0].value }}",
        render=None,
    ),  # the sample report has tables, a plain report has none: it renders
    Bad(
        "python internals",
        ("X {{ ''.__class__.__mro__[1].__subclasses__() }}",),
        "python-internals",
        "X {{ ''.__class__.__mro__[1].__subclasses__() }}",
        render="sandbox forbids",
    ),
    Bad(
        "internals through attr",
        ("{{ subject|attr('__class__') }}",),
        "python-internals",
        "{{ subject|attr('__class__') }}",
        render="sandbox forbids",
    ),
    Bad(
        "internals of a global",
        ("G {{ cycler.__init__.__globals__ }}",),
        "python-internals",
        "G {{ cycler.__init__.__globals__ }}",
        render="sandbox forbids",
    ),
    Bad(
        "builtins",
        ("B {{ __builtins__ }}",),
        "python-internals",
        "B {{ __builtins__ }}",
        render="'__builtins__' is undefined",
    ),
    Bad(
        "include",
        ("Một", "{% include 'other.docx' %}"),
        "unsupported-tag",
        "{% include 'other.docx' %}",
        render="includes another template (other.docx)",
    ),
    Bad(
        "tag split across runs",
        ("Một", ("Số: {{ num", "ber_", "line }}")),
        "split-tag",
        "Số: {{ number_line }}",
        severity="warning",
        render=None,
    ),
    Bad(
        "text beside a paragraph tag",
        ("Kết quả: {%p if subject %}", "Có", "{%p endif %}"),
        "dropped-text",
        "Kết quả: {%p if subject %}",
        severity="warning",
        render=None,
    ),
    Bad(
        "block across paragraphs",
        ("Một {% if subject %}", "hai", "ba {% endif %}"),
        "cross-paragraph-block",
        "Một {% if subject %}",
        severity="warning",
        render=None,
    ),
    Bad(
        "block across a table",
        (["{%p if subject %}", "ô"], "{%p endif %}"),
        "misnested-block",
        "{%p if subject %}",
        render=None,
    ),
]


def _plain(report: baocao.Report, *, template: bytes | Path) -> bytes:
    """The plain docxtpl path (``tests/reference.py``)."""
    return render_document(report, template)


def _find(issues: list[LintIssue], code: str) -> LintIssue:
    found = [issue for issue in issues if issue.code == code]
    assert found, issues
    return found[0]


@pytest.mark.parametrize("bad", BAD, ids=[b.id for b in BAD])
def test_lint_reports_the_problem_and_its_paragraph(bad: Bad) -> None:
    issue = _find(lint(template(*bad.paragraphs)), bad.code)
    assert issue.paragraph == bad.paragraph
    assert issue.severity == bad.severity
    assert str(issue) == (
        f"{bad.severity} {bad.code}: {issue.message} (in the paragraph: {bad.paragraph})"
    )


@pytest.mark.parametrize(
    "bad", [b for b in BAD if b.render is not None], ids=[b.id for b in BAD if b.render is not None]
)
@pytest.mark.parametrize("path", ["fast", "plain"])
def test_rendering_names_the_paragraph(bad: Bad, path: str) -> None:
    data = template(*bad.paragraphs)
    render = baocao.render if path == "fast" else _plain
    with pytest.raises(baocao.TemplateError) as info:
        render(make_report(), template=data)
    message = str(info.value)
    assert bad.render is not None
    assert bad.render in message
    assert message.endswith(f"(in the paragraph: {bad.paragraph})"), message
    assert "\n" not in message


@pytest.mark.parametrize(
    "bad",
    [b for b in BAD if b.severity == "warning"],
    ids=[b.id for b in BAD if b.severity == "warning"],
)
def test_warnings_alone_render(bad: Bad) -> None:
    data = template(*bad.paragraphs)
    assert all(i.severity == "warning" for i in lint(data))
    assert open_docx(baocao.render(make_report(), template=data)).paragraphs


def test_docxtpl_mends_a_split_tag() -> None:
    paragraphs = document_paragraphs(
        baocao.render(make_report(), template=template(("Số: {{ num", "ber_", "line }}")))
    )
    assert "Số: Số: 15/BC-SNV" in paragraphs


def test_a_clean_template_has_no_issues() -> None:
    data = template(
        "{{ doc_type.title_upper }}: {{ subject }}",
        "{%p for b in body %}",
        "{{ b.label }} {{ b.text }}",
        "{%p endfor %}",
        "{% for line in recipient_lines %}{{ line }}{% endfor %}",
        "{{ 4607678000 | money_words(style='south') }} {{ issuer.items()|list }}",
        "{% set x = issuer.name %}{{ x }} {{ loop_free|default('') if false }}",
    )
    issues = lint(data)
    assert [i.code for i in issues] == ["unknown-variable"]  # loop_free, on purpose
    assert "'loop_free'" in issues[0].message


def test_the_default_template_lints_clean() -> None:
    assert lint() == []
    assert lint(default_template_path()) == []
    assert lint(default_template_path().read_bytes()) == []


def test_a_broken_tag_in_the_default_template() -> None:
    """Word splitting {{ subject }} into runs: a warning, and the same document."""
    data = default_template_path().read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    split = xml.replace(
        "{{ subject }}",
        '{{ sub</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">ject }}',
        1,
    )
    assert split != xml
    parts["word/document.xml"] = split.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, blob in parts.items():
            package.writestr(name, blob)
    broken = buffer.getvalue()
    issues = lint(broken)
    assert [(i.code, i.severity, i.paragraph) for i in issues] == [
        ("split-tag", "warning", "{{ subject }}")
    ]
    report = make_report()
    assert document_paragraphs(baocao.render(report, template=broken)) == document_paragraphs(
        baocao.render(report)
    )


def test_headers_and_properties_are_linted() -> None:
    issues = lint(template("Một", header="Trang {{ page_number }}", title="{{ titel }}"))
    where = {(i.code, i.paragraph): i.message for i in issues}
    header = where[("unknown-variable", "Trang {{ page_number }}")]
    assert header.endswith("(in the header word/header1.xml)")
    title = where[("unknown-variable", "{{ titel }}")]
    assert title.endswith("(in the document property 'title')")
    with pytest.raises(baocao.TemplateError) as info:
        baocao.render(make_report(), template=template("Một", header="Trang {{ page_number }}"))
    assert str(info.value).endswith("(in the paragraph: Trang {{ page_number }})")


# --------------------------------------------------------------------------- not a .docx


def _not_docx() -> dict[str, bytes]:
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as package:
        package.writestr("hello.txt", "không phải .docx")
    good = template("{{ subject }}")
    return {
        "empty": b"",
        "text": "Báo cáo".encode(),
        "a zip that is not a .docx": zipped.getvalue(),
        "a truncated .docx": good[: len(good) // 2],
        "a .docx with garbage inside": good.replace(b"word/document.xml", b"word/documenX.xml"),
    }


NOT_DOCX = _not_docx()


@pytest.mark.parametrize("name", list(NOT_DOCX))
def test_not_a_docx(name: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(NOT_DOCX[name])
    with pytest.raises(baocao.NotADocxError) as info:
        lint(path)
    assert isinstance(info.value, baocao.TemplateError)  # what 0.1 raised, still caught
    assert str(info.value).startswith(f"template: {str(path)!r} is not a usable .docx (")
    for render in (baocao.render, _plain):
        with pytest.raises(baocao.NotADocxError) as info:
            render(make_report(), template=path)
        assert str(info.value).startswith(f"template: {str(path)!r} is not a usable .docx (")


def test_a_missing_template(tmp_path: Path) -> None:
    with pytest.raises(baocao.TemplateError, match="cannot read the template"):
        lint(tmp_path / "missing.docx")


# --------------------------------------------------------------------------- the sandbox


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{{ 'a' * 10**9 }}", "the result of '*' would be too large"),
        ("{{ [1] * 10**8 }}", "the result of '*' would be too large"),
        ("{{ 10 ** 100000 }}", "the result of '**' would be too large"),
        ("{{ (10 ** 1000) ** 1000 }}", "the result of '**' would be too large"),
        ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
        ("{% for i in range(10**9) %}{% endfor %}", "OverflowError: Range too big"),
        ("{{ 1 + 'a' }}", "TypeError"),
        ("{% include 'x.docx' %}", "includes another template (x.docx)"),
        ("{% import 'x.docx' as x %}", "includes another template (x.docx)"),
    ],
)
def test_hostile_templates_fail_clearly(text: str, words: str) -> None:
    """Jinja lets these out as plain Python errors or runs them for ever; not here."""
    data = template(text)
    for render in (baocao.render, _plain):
        with pytest.raises(baocao.TemplateError) as info:
            render(make_report(), template=data)
        assert words in str(info.value)


def test_small_arithmetic_still_works() -> None:
    data = template("{{ 6 * 7 }} {{ 2 ** 10 }} {{ '-' * 3 }} {{ 7 // 2 }}")
    assert open_docx(baocao.render(make_report(), template=data)).paragraphs[0].text == (
        "42 1024 --- 3"
    )


# --------------------------------------------------------------------------- the command


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="baocao")
    sub = parser.add_subparsers(dest="command", required=True)
    _cli_lint.add_parser(sub)
    args = parser.parse_args(list(argv))
    status: int = args.func(args)
    return status


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, data in [
        ("good", template("{{ subject }}")),
        ("bad", template("{{ recipient_name }}", "{{ subject + }}")),
        ("warn", template(("{{ sub", "ject }}"))),
        ("zip", NOT_DOCX["a zip that is not a .docx"]),
    ]:
        out[name] = tmp_path / f"{name}.docx"
        out[name].write_bytes(data)
    return out


def test_cli_clean(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("lint", str(files["good"])) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"{files['good']}: no problems\n"


def test_cli_errors(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("lint", str(files["bad"]), str(files["good"])) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 2
    pattern = re.compile(
        rf"{re.escape(str(files['bad']))}: error [a-z-]+: .+ "
        r"\(in the paragraph: .+\)"
    )
    assert all(pattern.fullmatch(line) for line in lines), lines
    assert "unknown-variable" in lines[0] or "unknown-variable" in lines[1]
    assert f"{files['bad']}: 2 errors" in captured.err


def test_cli_warnings_exit_0(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("lint", str(files["warn"])) == 0
    assert capsys.readouterr().out.startswith(f"{files['warn']}: warning split-tag: ")


def test_cli_unreadable(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.docx"
    assert _run("lint", str(files["zip"]), str(missing), str(files["good"])) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"baocao: error: template: {str(files['zip'])!r} is not a usable")
    assert err[1].startswith(f"baocao: error: {missing}: cannot read the template")
    assert err[2] == f"{files['good']}: no problems"


def test_baocao_lint_command(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    from baocao._cli._main import build_parser, main

    parser: Any = build_parser()
    choices = next(a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "lint" not in choices:
        pytest.skip("baocao lint is not wired into baocao._cli._main yet (the lead adds it)")
    assert main(["lint", str(files["bad"])]) == 1
    assert capsys.readouterr().out.count("\n") == 2
    assert main(["lint", str(default_template_path())]) == 0


# --------------------------------------------------------------------------- any template

_FRAGMENTS = [
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{%p",
    "{%tr",
    "{%tc",
    "{{r",
    " if ",
    " for b in body ",
    " endif ",
    " endfor ",
    " else ",
    " subject ",
    " b.text ",
    " issuer.name ",
    " x ",
    "|upper",
    " + ",
    "'",
    '"',
    "(",
    ")",
    "Kết quả",
    " ",
    "{{ subject }}",
    "{% if subject %}",
    "{% endif %}",
    "{%p for b in body %}",
    "{%p endfor %}",
    "{{ b.label }}",
    "-",
    "{%-",
    "-%}",
    "{% raw %}",
    "{% endraw %}",
]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(
            st.lists(st.sampled_from(_FRAGMENTS), max_size=4).map("".join), min_size=1, max_size=3
        ).map(tuple),
        min_size=1,
        max_size=5,
    )
)
def test_lint_never_crashes_and_agrees_with_jinja(paragraphs: list[tuple[str, ...]]) -> None:
    """Whatever Word saved: lint answers, and a template without lint errors compiles
    (lint may be stricter: docxtpl silently drops a stray "{%" beside a {%p tag)."""
    data = template(*paragraphs)
    issues = lint(data)
    if not any(issue.severity == "error" for issue in issues):
        baocao.Template(data)  # no TemplateError


# --------------------------------------------------------------------------- custom templates


@pytest.mark.parametrize(
    ("container", "what"),
    [
        ('<w:hyperlink w:anchor="muc">{}</w:hyperlink>', "a hyperlink (w:hyperlink)"),
        ('<w:fldSimple w:instr=" MERGEFIELD x ">{}</w:fldSimple>', "a field (w:fldSimple)"),
        ("<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>", "a content control (w:sdt)"),
        ("<w:smartTag w:element='place'>{}</w:smartTag>", "a w:smartTag element"),
    ],
    ids=["hyperlink", "fldSimple", "sdt", "smartTag"],
)
def test_lint_reports_tags_in_containers(container: str, what: str) -> None:
    run = '<w:r><w:t xml:space="preserve">Mục: {{ subject }}</w:t></w:r>'
    issues = lint(with_paragraph(f"<w:p>{container.format(run)}</w:p>"))
    issue = _find(issues, "tag-in-container")
    assert issue.severity == "warning"
    assert issue.paragraph == "Mục: {{ subject }}"
    assert what in issue.message
    assert [i for i in issues if i.code != "tag-in-container"] == []


def test_lint_reports_raw_xml() -> None:
    for text in ("{{ subject|safe }}", "{% autoescape false %}{{ subject }}{% endautoescape %}"):
        issues = lint(with_paragraph(para(f"Thô: {text}")))
        issue = _find(issues, "raw-xml")
        assert issue.severity == "error"
        assert issue.paragraph == f"Thô: {text}"
        assert "allow_raw_xml=True" in issue.message


def test_lint_reports_foreign_content() -> None:
    issue = _find(lint(with_macros()), "foreign-content")
    assert (issue.severity, "macros (vbaProject.bin)" in issue.message) == ("warning", True)
    assert "rendering drops it" in issue.message
    chunk = edited(
        {
            "word/document.xml": lambda xml: xml.replace(
                "<w:body>", '<w:body><w:altChunk r:id="rId98"/>', 1
            ),
            "word/_rels/document.xml.rels": add_rel(
                "rId98",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk",
                "chunk.html",
            ),
            "[Content_Types].xml": lambda types: types.replace(
                "</Types>",
                ('<Override PartName="/word/chunk.html" ContentType="text/html"/></Types>'),
            ),
        },
        {"word/chunk.html": b"<html>x</html>"},
    )
    issue = _find(lint(chunk), "foreign-content")
    assert issue.severity == "error"
    assert "rendering refuses it" in issue.message
