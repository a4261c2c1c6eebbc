"""Check a .docx template before rendering with it: ``baocao lint TEMPLATE.docx``.

:func:`lint` reads a template (baocao's own, or one made from it in Word or LibreOffice)
and returns a list of :class:`LintIssue`, each naming the template paragraph it is about,
as a reader sees it. It looks at every part Jinja fills: the body, the headers and
footers, the footnotes and the document properties. Nothing is rendered.

=========================  ========  ==========================================================
code                       severity  what it means
=========================  ========  ==========================================================
``split-tag``              warning   Word split a tag across formatting runs; docxtpl mends
                                     this one, but retype the tag in one go
``unclosed-tag``           error     ``{{``, ``{%`` or ``{#`` without its closing ``}}``,
                                     ``%}`` or ``#}`` in the same paragraph
``syntax``                 error     Jinja cannot read a tag (``{{ subject + }}``)
``unknown-filter``         error     a filter or test that does not exist
``unclosed-block``         error     ``{% if %}``, ``{% for %}``, … without its ``end…``
``unmatched-end``          error     an ``{% end… %}``, ``{% else %}`` or ``{% elif %}`` that
                                     closes nothing open
``misnested-block``        error     a block whose tags sit at different levels (a paragraph
                                     and a table row, two different tables): the filled
                                     document would be broken XML
``cross-paragraph-block``  warning   an inline block opened in one paragraph and closed in
                                     another: the paragraphs between are joined
``dropped-text``           warning   text beside a ``{%p``, ``{%tr`` or ``{%tc`` tag: docxtpl
                                     replaces the whole paragraph, row or cell with the tag
``unsupported-tag``        error     ``{% include %}``, ``{% import %}``, ``{% extends %}``:
                                     a template is one file
``unknown-variable``       error     a name the context does not have (see
                                     ``templates/README.md``)
``unknown-attribute``      error     a key that a dict of the context does not have
                                     (``issuer.phone``)
``python-internals``       error     an attribute or name that reaches for Python internals
                                     (``__class__``, ``__globals__``, anything starting with
                                     ``_``); the sandbox refuses it when rendering
``raw-xml``                error     ``|safe``, ``|urlize``, ``{% autoescape false %}``: a
                                     value written as raw XML, refused unless
                                     ``allow_raw_xml=True``
``tag-in-container``       warning   a value printed inside a hyperlink, a field
                                     (``fldSimple``), a content control or another run
                                     container: a page break (``\f``) in it cannot be
                                     rendered there
``foreign-content``        error or  macros, attached templates, mail-merge sources
                           warning   (warning: dropped when rendering); imported files
                                     (``altChunk``), subdocuments, OLE objects and ActiveX
                                     controls (error: refused)
=========================  ========  ==========================================================

A file that is not a .docx raises :class:`~baocao.TemplateError` instead.

>>> import baocao
>>> lint()  # baocao's own template
[]
"""

from __future__ import annotations

import functools
import html
import io
import os
import re
from collections.abc import Iterator
from typing import Any, Literal

import attrs
import docxtpl
import jinja2
import jinja2.meta
from docx.oxml.ns import qn
from jinja2 import nodes
from lxml import etree

from .. import _model as m
from ._context import context as build_context
from ._sandbox import (
    _RAW_XML,
    _load_template,
    foreign_content,
    jinja_environment,
    reading_template,
    template_name,
    use_w_prefix,
)

__all__ = ["LintIssue", "lint", "locate"]

Severity = Literal["error", "warning"]

_W_P = qn("w:p")
_W_T = qn("w:t")
_W_TR = qn("w:tr")
_W_TC = qn("w:tc")
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENER = re.compile(r"\{[{%#]")
_LEVEL = re.compile(r"(p|tr|tc|r) ")
_KEYWORD = re.compile(r"[-+]?\s*([A-Za-z_]\w*)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}

_BLOCKS = frozenset(
    {"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "raw", "trans"}
)
_INCLUDES = frozenset({"include", "import", "from", "extends"})
_INTERNAL = frozenset(
    {
        "mro",
        "func_globals",
        "func_code",
        "func_closure",
        "func_defaults",
        "f_globals",
        "f_locals",
        "f_builtins",
        "f_code",
        "f_back",
        "gi_frame",
        "gi_code",
        "cr_frame",
        "cr_code",
        "ag_frame",
        "ag_code",
        "tb_frame",
        "tb_next",
        "im_func",
        "im_self",
        "im_class",
    }
)
_DICT_METHODS = frozenset(name for name in dir(dict) if not name.startswith("_"))
_PIECE = 60


@attrs.frozen
class LintIssue:
    """One problem :func:`lint` found in a template.

    Attributes:
        code: what kind of problem (``unclosed-tag``, ``unknown-variable``, …; the table
            in :mod:`baocao._lint`).
        message: what is wrong and what to do, in one sentence.
        paragraph: the template paragraph it is in, as a reader sees it (whitespace
            collapsed), so that it can be found with Word's search.
        severity: ``"error"`` (rendering fails or the output is wrong) or ``"warning"``
            (it renders, but the template is fragile or loses text).
    """

    code: str
    message: str
    paragraph: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f" (in the paragraph: {_short(self.paragraph)})" if self.paragraph else ""
        return f"{self.severity} {self.code}: {self.message}{where}"


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- reading


@attrs.define
class _Unit:
    """A paragraph (or a document property): where tags are written."""

    pieces: list[tuple[str, int]]  # (text of a w:t, index of its run)
    where: str  # the text as a reader sees it
    element: Any = None  # the w:p, None for a document property
    containers: dict[int, str] = attrs.Factory(dict)  # run index: what holds the run

    @property
    def text(self) -> str:
        return "".join(text for text, _run in self.pieces)


@attrs.define
class _Tag:
    text: str  # as typed: "{%p if x %}"
    kind: str  # "{{", "{%" or "{#"
    level: str  # docxtpl's level: "", "p", "tr", "tc" or "r"
    inner: str  # between the delimiters, without the level
    source: str  # what Jinja compiles ("" for a comment or docxtpl's vm/hm)
    unit: _Unit
    runs: int  # how many runs the tag is spread over
    container: str = ""  # what holds its run inside the paragraph (a hyperlink, …)

    @property
    def keyword(self) -> str:
        if self.kind != "{%":
            return ""
        found = _KEYWORD.match(self.inner.strip())
        return found.group(1) if found else ""

    @property
    def is_block_set(self) -> bool:
        return self.keyword == "set" and "=" not in self.inner


@attrs.define
class _Part:
    label: str  # "" for the body, else "in the header word/header1.xml"
    units: list[_Unit]
    xml: str | None  # the part as docxtpl compiles it, None for a document property


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _units(root: Any) -> list[_Unit]:
    """The paragraphs of a part, each with its own text (not that of nested text boxes)."""
    order: dict[Any, list[tuple[str, int]]] = {p: [] for p in root.iter(_W_P)}
    runs: dict[Any, int] = {}
    held: dict[Any, dict[int, str]] = {}
    for text in root.iter(_W_T):
        paragraph = text.getparent()
        while paragraph is not None and paragraph.tag != _W_P:
            paragraph = paragraph.getparent()
        if paragraph is None:
            continue
        run = text.getparent()
        index = runs.setdefault(run, len(runs))
        order[paragraph].append((text.text or "", index))
        container = _container_of(run, paragraph)
        if container:
            held.setdefault(paragraph, {})[index] = container
    out = []
    for paragraph, pieces in order.items():
        unit = _Unit(pieces, "", paragraph, held.get(paragraph, {}))
        unit.where = _collapse(unit.text)
        out.append(unit)
    return out


_CONTAINERS = {
    "hyperlink": "a hyperlink (w:hyperlink)",
    "fldSimple": "a field (w:fldSimple)",
    "sdt": "a content control (w:sdt)",
}


def _container_of(run: Any, paragraph: Any) -> str:
    """What holds ``run`` between it and its paragraph ("" when the paragraph does)."""
    names = []
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        names.append(etree.QName(parent).localname)
        parent = parent.getparent()
    for name in names:
        if name in _CONTAINERS:
            return _CONTAINERS[name]
    return f"a w:{names[-1]} element" if names else ""


def _make_tag(text: str, unit: _Unit, runs: int) -> _Tag:
    kind = text[:2]
    inner = text[2:-2]
    level = ""
    found = _LEVEL.match(inner)
    if found is not None:
        level = found.group(1)
        inner = inner[found.end() :]
    inner = inner.translate(_QUOTES)
    source = ""
    if kind == "{{":
        source = "{{" + inner + "}}"
    elif kind == "{%":
        words = inner.split()
        if words and words[0] in ("colspan", "cellbg"):
            source = "{{ " + " ".join(words[1:]) + " }}"
        elif words not in (["vm"], ["hm"]):
            source = "{%" + inner + "%}"
    return _Tag(text, kind, level, inner, source.replace("\n", " "), unit, runs)


def _scan(unit: _Unit) -> tuple[list[_Tag], list[str]]:
    """The tags of a paragraph, and the tags left open in it."""
    text = unit.text
    owner: list[int] = []
    for piece, run in unit.pieces:
        owner.extend([run] * len(piece))
    tags = []
    rest = list(text)
    for found in _TAG.finditer(text):
        spread = set(owner[found.start() : found.end()])
        tag = _make_tag(found.group(), unit, len(spread) if owner else 1)
        tag.container = next(
            (unit.containers[r] for r in sorted(spread) if r in unit.containers), ""
        )
        tags.append(tag)
        rest[found.start() : found.end()] = " " * (found.end() - found.start())
    remaining = "".join(rest)
    unclosed = [
        remaining[found.start() : found.start() + _PIECE].rstrip()
        for found in _OPENER.finditer(remaining)
    ]
    return tags, unclosed


# --------------------------------------------------------------------------- shapes

# What the context holds, as far as names go: a dict's keys, a list's items, or nothing
# known (a text, a number, or a value the template computed).


@attrs.frozen
class _Dict:
    keys: dict[str, Any]


@attrs.frozen
class _List:
    item: Any


_UNKNOWN: Any = None
_REPORTED = "\0"  # the label of a value already reported: no second issue for it


def _shape(value: object) -> Any:
    if isinstance(value, dict):
        return _Dict({key: _shape(inner) for key, inner in value.items()})
    if isinstance(value, list):
        item: Any = _UNKNOWN
        for inner in value:
            item = _merge(item, _shape(inner))
        return _List(item)
    return _UNKNOWN


def _merge(first: Any, second: Any) -> Any:
    if first is _UNKNOWN:
        return second
    if second is _UNKNOWN:
        return first
    if isinstance(first, _Dict) and isinstance(second, _Dict):
        keys = dict(first.keys)
        for key, inner in second.keys.items():
            keys[key] = _merge(keys.get(key, _UNKNOWN), inner)
        return _Dict(keys)
    if isinstance(first, _List) and isinstance(second, _List):
        return _List(_merge(first.item, second.item))
    return _UNKNOWN


def _sample_report() -> m.Report:
    """A report that fills every key of the context, for the names a template may use."""
    import datetime

    table = m.Table(
        header=["Nội dung", "Số lượng"], rows=[["Đại học", 41]], totals=["Tổng", m.Number(41)]
    )
    blocks: list[m.Block] = [m.Paragraph("Đoạn văn"), m.Dash("Gạch đầu dòng"), table]
    section = m.Section(
        title="Mục",
        body=blocks,
        items=[
            m.Item(title="Khoản có tiêu đề", body=blocks, points=[m.Point("Điểm", body=blocks)]),
            m.Item(text="Khoản không có tiêu đề"),
        ],
    )
    fields: dict[str, Any] = {
        "parts": [m.Part(title="Phần", body=blocks, sections=[section])],
        "appendices": [
            m.Appendix(title="Phụ lục", body=blocks, sections=[section]),
            m.Appendix(title="Phụ lục hai", body=blocks),
        ],
    }
    return m.Report(
        issuer=m.Issuer(name="Sở Nội vụ", abbreviation="SNV", parent="Ủy ban nhân dân"),
        number=1,
        place="Hà Nội",
        date=datetime.date(2026, 1, 5),
        subject="Mẫu",
        signatory=m.Signatory(
            name="Nguyễn Văn A", title="Phó Giám đốc", authority="KT.", acting_for="Giám đốc"
        ),
        addressees=["Bộ Nội vụ", "Bộ Tài chính"],
        legal_bases=["Căn cứ"],
        opening=blocks,
        closing=blocks,
        recipients=["Cục Văn thư"],
        filing=m.Filing(unit="VP"),
        **fields,
    )


@functools.lru_cache(maxsize=1)
def _context_shape() -> _Dict:
    shape = _shape(build_context(_sample_report()))
    assert isinstance(shape, _Dict)
    return shape


# --------------------------------------------------------------------------- checks


class _Linter:
    def __init__(self, tpl: Any = None) -> None:
        self.env = jinja_environment()
        self.tpl = tpl  # docxtpl's patch_xml, to compile a part as rendering does
        self.issues: list[LintIssue] = []
        self._seen: set[tuple[str, str, str]] = set()

    def add(
        self,
        code: str,
        message: str,
        tag_or_unit: _Tag | _Unit | None,
        part: _Part,
        severity: Severity = "error",
    ) -> None:
        unit = tag_or_unit.unit if isinstance(tag_or_unit, _Tag) else tag_or_unit
        where = "" if unit is None else unit.where
        if part.label:
            message = f"{message} ({part.label})"
        key = (code, message, where)
        if key not in self._seen:
            self._seen.add(key)
            self.issues.append(LintIssue(code, message, where, severity))

    # --- one part

    def part(self, part: _Part) -> None:
        first = len(self.issues)
        tags: list[_Tag] = []
        for unit in part.units:
            found, unclosed = _scan(unit)
            tags.extend(found)
            for piece in unclosed:
                closer = _CLOSER[piece[:2]]
                self.add(
                    "unclosed-tag",
                    f"the tag '{piece}' is not closed: '{closer}' is "
                    "missing in this paragraph (a tag must begin and end in the same "
                    "paragraph)",
                    unit,
                    part,
                )
        for tag in tags:
            if tag.container and tag.kind == "{{":
                self.add(
                    "tag-in-container",
                    f"the tag '{_short(tag.text, _PIECE)}' is inside "
                    f"{tag.container}: a value with a page break (\\f) cannot be printed "
                    "there (the paragraph cannot be split inside it) and rendering fails; "
                    "move the tag out of it",
                    tag,
                    part,
                    "warning",
                )
            if tag.runs > 1:
                self.add(
                    "split-tag",
                    f"the tag '{_short(tag.text, _PIECE)}' is split across "
                    f"{tag.runs} formatting runs; docxtpl mends it, but delete it and "
                    "type it again in one go, without changing its formatting",
                    tag,
                    part,
                    "warning",
                )
        failed = {id(tag): tag for tag in tags if not self.tag(tag, part)}
        start = len(self.issues)
        self.blocks(tags, part)
        if not self.errors_since(start) and all(t.kind == "{{" for t in failed.values()):
            # An expression Jinja cannot read is left out; the other names are checked.
            self.names(
                [attrs.evolve(tag, source="") if id(tag) in failed else tag for tag in tags], part
            )
        if part.xml is not None and self.tpl is not None and not self.errors_since(first):
            self.whole(part)

    def errors_since(self, start: int) -> bool:
        return any(issue.severity == "error" for issue in self.issues[start:])

    def tag(self, tag: _Tag, part: _Part) -> bool:
        """Compile one tag on its own, so that a syntax error names its paragraph;
        ``False`` when Jinja cannot read it."""
        keyword = tag.keyword
        if keyword in _INCLUDES:
            self.add(
                "unsupported-tag",
                f"'{_short(tag.text, _PIECE)}': a template is one "
                "file, it cannot include, import or extend another; put everything in "
                "this one",
                tag,
                part,
            )
            return True
        source = tag.source
        if not source or keyword.startswith("end"):
            return True
        if keyword in ("elif", "else"):
            source = "{% if true %}" + source + "{% endif %}"
        elif keyword in _BLOCKS or tag.is_block_set:
            source = source + "{% end" + keyword + " %}"
        try:
            self.env.compile(source)
        except jinja2.TemplateSyntaxError as exc:
            text = exc.message or str(exc)
            if text == _RAW_XML:
                self.add("raw-xml", f"'{_short(tag.text, _PIECE)}': {text}", tag, part)
                return True
            code = (
                "unknown-filter"
                if text.startswith(("No filter named", "No test named"))
                else "syntax"
            )
            self.add(code, f"Jinja cannot read '{_short(tag.text, _PIECE)}': {text}", tag, part)
            return False
        return True

    def blocks(self, tags: list[_Tag], part: _Part) -> None:
        """Match block tags (if/endif, for/endfor, …) and check where they sit."""
        stack: list[list[_Tag]] = []
        raw = False
        for tag in tags:
            keyword = tag.keyword
            if raw:
                if keyword == "endraw":
                    raw = False
                    stack.pop()
                continue
            if keyword in _BLOCKS or tag.is_block_set:
                stack.append([tag])
                raw = keyword == "raw"
            elif keyword in ("elif", "else"):
                if stack and stack[-1][0].keyword in (
                    ("if",) if keyword == "elif" else ("if", "for")
                ):
                    stack[-1].append(tag)
                else:
                    self.add(
                        "unmatched-end",
                        f"'{_short(tag.text, _PIECE)}' is not inside an "
                        "{% if %}" + (" or {% for %}" if keyword == "else" else ""),
                        tag,
                        part,
                    )
            elif keyword.startswith("end") and keyword != "end":
                want = keyword[3:]
                if not any(group[0].keyword == want for group in stack):
                    self.add(
                        "unmatched-end",
                        f"'{_short(tag.text, _PIECE)}' closes no open {{% {want} %}}",
                        tag,
                        part,
                    )
                    continue
                while stack[-1][0].keyword != want:
                    self.unclosed(stack.pop()[0], part)
                group = stack.pop()
                group.append(tag)
                self.placement(group, part)
        for group in stack:
            self.unclosed(group[0], part)

    def unclosed(self, tag: _Tag, part: _Part) -> None:
        self.add(
            "unclosed-block",
            f"'{_short(tag.text, _PIECE)}' is never closed: add "
            f"{{%{tag.level} end{tag.keyword} %}} where the block ends",
            tag,
            part,
        )

    def placement(self, group: list[_Tag], part: _Part) -> None:
        """The tags of one block must sit at the same level of the same container."""
        if group[0].unit.element is None:
            return
        levels = {tag.level if tag.level in ("p", "tr", "tc") else "" for tag in group}
        anchors = {_anchor(tag) for tag in group}
        first = group[0]
        if len(levels) > 1 or None in anchors or (len(anchors) > 1 and levels != {""}):
            self.add(
                "misnested-block",
                f"the tags of the block '{_short(first.text, _PIECE)}'"
                " sit at different levels ("
                + ", ".join(f"'{_short(t.text, 30)}'" for t in group)
                + "): put {%p …%} tags on "
                "paragraphs of their own, {%tr …%} in table rows and {%tc …%} in table "
                "cells, all in the same table or text",
                first,
                part,
            )
        elif levels == {""} and len({id(t.unit) for t in group}) > 1:
            parents = {t.unit.element.getparent() for t in group}
            if len(parents) > 1:
                self.add(
                    "misnested-block",
                    f"the block '{_short(first.text, _PIECE)}' opens "
                    "and closes in paragraphs of different tables or cells: use {%p …%} "
                    "tags on paragraphs of their own",
                    first,
                    part,
                )
            else:
                self.add(
                    "cross-paragraph-block",
                    f"the block '{_short(first.text, _PIECE)}' "
                    "opens in one paragraph and closes in another, which joins them: "
                    "use {%p …%} tags on paragraphs of their own",
                    first,
                    part,
                    "warning",
                )
        for tag in group:
            self.dropped(tag, part)

    def dropped(self, tag: _Tag, part: _Part) -> None:
        if tag.level not in ("p", "tr", "tc"):
            return
        container = _container(tag)
        if container is None:
            return
        text = "".join(t.text or "" for t in container.iter(_W_T))
        left = _collapse(_TAG.sub(" ", text))
        if left:
            what = {"p": "paragraph", "tr": "table row", "tc": "table cell"}[tag.level]
            self.add(
                "dropped-text",
                f"docxtpl replaces the whole {what} of "
                f"'{_short(tag.text, _PIECE)}' with the tag, so its other text "
                f"('{_short(left, 40)}') is lost: move it to a {what} of its own",
                tag,
                part,
                "warning",
            )

    def names(self, tags: list[_Tag], part: _Part) -> None:
        """Unknown variables and keys, and reaching for Python internals."""
        source = "\n".join(tag.source for tag in tags)
        try:
            tree = self.env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            tag = tags[exc.lineno - 1] if 0 < exc.lineno <= len(tags) else None
            self.add("syntax", f"Jinja cannot read the template: {exc.message}", tag, part)
            return
        known = set(_context_shape().keys) | set(self.env.globals)
        unknown = jinja2.meta.find_undeclared_variables(tree) - known
        _Walker(self, part, tags, unknown).walk(tree)

    def whole(self, part: _Part) -> None:
        """Compile the part as rendering does (docxtpl's patch_xml, then Jinja)."""
        assert part.xml is not None
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", self.tpl.patch_xml(part.xml))
        try:
            self.env.compile(source)
        except jinja2.TemplateSyntaxError as exc:
            line = (
                source.splitlines()[exc.lineno - 1]
                if 0 < exc.lineno <= len(source.splitlines())
                else ""
            )
            unit = _Unit([], _collapse(html.unescape(re.sub(r"<[^>]+>", "", line))))
            self.add("syntax", f"Jinja cannot read the template: {exc.message}", unit, part)


def _anchor(tag: _Tag) -> Any:
    """Where a block tag ends up once docxtpl has patched the XML."""
    element = tag.unit.element
    if tag.level in ("", "r"):
        return element
    container = _container(tag)
    return None if container is None else container.getparent()


def _container(tag: _Tag) -> Any:
    element = tag.unit.element
    if element is None:
        return None
    if tag.level == "p":
        return element
    wanted = _W_TR if tag.level == "tr" else _W_TC
    for ancestor in element.iterancestors():
        if ancestor.tag == wanted:
            return ancestor
    return None


class _Walker:
    """Walk the Jinja syntax tree of a part with what each name holds."""

    def __init__(self, linter: _Linter, part: _Part, tags: list[_Tag], unknown: set[str]) -> None:
        self.linter = linter
        self.part = part
        self.tags = tags
        self.unknown = unknown
        self.top = _context_shape()

    def walk(self, tree: nodes.Template) -> None:
        scope: dict[str, Any] = {}
        for node in tree.body:
            self.visit(node, scope)

    def at(self, node: nodes.Node) -> _Tag | None:
        line = getattr(node, "lineno", 0)
        return self.tags[line - 1] if 0 < line <= len(self.tags) else None

    def add(self, code: str, message: str, node: nodes.Node) -> None:
        self.linter.add(code, message, self.at(node), self.part)

    def attribute(self, base: tuple[Any, str], name: str, node: nodes.Node) -> tuple[Any, str]:
        shape, label = base
        if label == _REPORTED:
            return _UNKNOWN, _REPORTED
        path = f"{label}.{name}" if label else name
        if name.startswith("_") or name in _INTERNAL:
            self.add(
                "python-internals",
                f"'{path}' reaches for Python internals ('{name}'), which the sandbox refuses",
                node,
            )
            return _UNKNOWN, _REPORTED
        if isinstance(shape, _Dict):
            if name in shape.keys:
                return shape.keys[name], path
            if name not in _DICT_METHODS:
                have = ", ".join(sorted(shape.keys))
                self.add(
                    "unknown-attribute", f"'{label}' has no key '{name}'; it has: {have}", node
                )
                return _UNKNOWN, _REPORTED
        return _UNKNOWN, ""

    def bind(self, target: nodes.Node, shape: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = (shape, target.name)
        else:
            for child in target.find_all(nodes.Name):
                scope[child.name] = (_UNKNOWN, "")

    def visit(self, node: nodes.Node, scope: dict[str, Any]) -> tuple[Any, str]:
        if isinstance(node, nodes.Name):
            return self.name(node, scope)
        if isinstance(node, nodes.Getattr):
            return self.attribute(self.visit(node.node, scope), node.attr, node)
        if isinstance(node, nodes.Getitem):
            base = self.visit(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(base, node.arg.value, node)
            self.visit(node.arg, scope)
            if isinstance(base[0], _List):
                index = node.arg.value if isinstance(node.arg, nodes.Const) else "…"
                return base[0].item, f"{base[1]}[{index}]" if base[1] else ""
            return _UNKNOWN, ""
        if isinstance(node, nodes.Filter):
            base = self.visit(node.node, scope) if node.node is not None else (_UNKNOWN, "")
            for child in [*node.args, *node.kwargs]:
                self.visit(child, scope)
            for extra in (node.dyn_args, node.dyn_kwargs):
                if extra is not None:
                    self.visit(extra, scope)
            first = node.args[0] if node.args else None
            if (
                node.name == "attr"
                and isinstance(first, nodes.Const)
                and isinstance(first.value, str)
            ):
                return self.attribute(base, first.value, node)
            return _UNKNOWN, ""
        if isinstance(node, nodes.For):
            items = self.visit(node.iter, scope)[0]
            inner = dict(scope)
            self.bind(node.target, items.item if isinstance(items, _List) else _UNKNOWN, inner)
            inner["loop"] = (_UNKNOWN, "")
            for child in ([node.test] if node.test is not None else []) + list(node.body):
                self.visit(child, inner)
            for child in node.else_:
                self.visit(child, scope)
            return _UNKNOWN, ""
        if isinstance(node, nodes.Assign):
            value = self.visit(node.node, scope)
            self.bind(node.target, value[0], scope)
            return _UNKNOWN, ""
        if isinstance(node, nodes.AssignBlock):
            for child in node.body:
                self.visit(child, scope)
            self.bind(node.target, _UNKNOWN, scope)
            return _UNKNOWN, ""
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, expr in zip(node.targets, node.values, strict=False):
                self.bind(target, self.visit(expr, scope)[0], inner)
            for child in node.body:
                self.visit(child, inner)
            return _UNKNOWN, ""
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            if isinstance(node, nodes.CallBlock):
                self.visit(node.call, scope)
            inner = dict(scope)
            for default in node.defaults:
                self.visit(default, scope)
            for arg in node.args:
                self.bind(arg, _UNKNOWN, inner)
            for name in ("caller", "varargs", "kwargs"):
                inner[name] = (_UNKNOWN, "")
            if isinstance(node, nodes.Macro):
                scope[node.name] = (_UNKNOWN, "")
            for child in node.body:
                self.visit(child, inner)
            return _UNKNOWN, ""
        for child in node.iter_child_nodes():
            self.visit(child, scope)
        return _UNKNOWN, ""

    def name(self, node: nodes.Name, scope: dict[str, Any]) -> tuple[Any, str]:
        if node.ctx != "load":
            return _UNKNOWN, ""
        if node.name.startswith("_"):
            self.add(
                "python-internals",
                f"'{node.name}' reaches for Python internals, which the sandbox refuses",
                node,
            )
            return _UNKNOWN, ""
        if node.name in scope:
            found: tuple[Any, str] = scope[node.name]
            return found
        if node.name in self.top.keys:
            return self.top.keys[node.name], node.name
        if node.name in self.unknown:
            self.add(
                "unknown-variable",
                f"'{node.name}' is not a value of the context (see "
                "templates/README.md, or run `baocao context REPORT`)",
                node,
            )
            return _UNKNOWN, _REPORTED
        return _UNKNOWN, node.name if node.name in self.linter.env.globals else ""


# --------------------------------------------------------------------------- parts


def _open(template: str | os.PathLike[str] | bytes | None) -> tuple[str, Any]:
    name = template_name(template)
    tpl = docxtpl.DocxTemplate(io.BytesIO(_load_template(template)))
    with reading_template(name):
        tpl.init_docx()
        use_w_prefix(tpl)
    return name, tpl


def _parts(tpl: Any) -> Iterator[_Part]:
    document = tpl.docx
    yield _Part("", _units(document.element.body), tpl.get_xml())
    for uri, what in ((tpl.HEADER_URI, "header"), (tpl.FOOTER_URI, "footer")):
        for _rel, part in tpl.get_headers_footers(uri):
            yield _Part(
                f"in the {what} {part.partname.lstrip('/')}",
                _units(part._element),
                tpl.get_part_xml(part),
            )
    for part in document.part.package.parts:
        if part.content_type == _FOOTNOTES:
            blob = part.blob
            root = etree.fromstring(blob)
            text = blob.decode("utf-8") if isinstance(blob, bytes) else blob
            yield _Part(f"in the footnotes {part.partname.lstrip('/')}", _units(root), text)
    core = document.core_properties
    for name in _PROPERTIES:
        value = getattr(core, name) or ""
        if _OPENER.search(value):
            unit = _Unit([(value, 0)], _collapse(value))
            yield _Part(f"in the document property '{name}'", [unit], None)


def lint(template: str | os.PathLike[str] | bytes | None = None) -> list[LintIssue]:
    """Check a .docx template and return its problems (an empty list when it is clean).

    ``template`` is a path, the bytes of a .docx, or ``None`` for baocao's own template.
    Names are checked against :func:`baocao.context` of a sample report that fills every
    key (``templates/README.md`` lists them).

    Raises:
        TemplateError: the file cannot be read, or is not a .docx.
    """
    name, tpl = _open(template)  # the package is checked there (_package)
    linter = _Linter(tpl)
    with reading_template(name):
        for refused, what, target in foreign_content(tpl.docx):
            fate = (
                "rendering refuses it: paste that content into the template itself"
                if refused
                else "rendering drops it: a template is a layout"
            )
            linter.issues.append(
                LintIssue(
                    "foreign-content",
                    f"the template holds {what} ({target}); {fate}",
                    "",
                    "error" if refused else "warning",
                )
            )
        for part in _parts(tpl):
            linter.part(part)
    return linter.issues


# --------------------------------------------------------------------------- rendering errors


def locate(exc: jinja2.TemplateSyntaxError, document: Any) -> LintIssue | None:
    """What a Jinja syntax error met when rendering is about, and in which paragraph.

    ``exc`` comes from compiling a part the way docxtpl and :class:`baocao.Template` do
    (patched XML, a line per paragraph); ``document`` is the python-docx document of the
    template. Returns the lint issue that explains it (its ``paragraph`` as a reader sees
    it), or ``None`` when the paragraph cannot be told.
    """
    source = getattr(exc, "source", None)
    if not isinstance(source, str) or not exc.lineno:
        return None
    found = [
        (source.count("\n", 0, hit.start()) + 1, _normal(hit.group()))
        for hit in _TAG.finditer(source)
    ]
    wanted = [text for _line, text in found if text]
    roots = [document.element.body] + [
        rel.target_part.element
        for rel in document.part.rels.values()
        if rel.reltype.endswith(("/header", "/footer"))
    ]
    linter = _Linter()
    dummy = _Part("", [], None)
    for root in roots:
        units = _units(root)
        scanned = [_scan(unit) for unit in units]
        tags = [tag for found_tags, _open in scanned for tag in found_tags if tag.source]
        if [_normal(tag.source) for tag in tags] != wanted:
            continue
        for unit, (_tags, unclosed) in zip(units, scanned, strict=True):
            if unclosed:  # "{{ x" eats the XML up to the next "}}": whatever Jinja says
                closer = _CLOSER[unclosed[0][:2]]
                return LintIssue(
                    "unclosed-tag",
                    f"the tag '{unclosed[0]}' is not closed: "
                    f"'{closer}' is missing in its paragraph",
                    unit.where,
                )
        if (exc.message or "").startswith("Unexpected end of template"):
            linter.blocks(tags, dummy)
            return next((i for i in linter.issues if i.code == "unclosed-block"), None)
        at = [line for line, text in found if text]
        candidates = [tag for tag, line in zip(tags, at, strict=True) if line == exc.lineno]
        for tag in candidates:
            linter.issues = []
            linter.tag(tag, dummy)
            if linter.issues:
                return linter.issues[0]
        linter.issues = []
        linter.blocks(tags, dummy)
        for issue in linter.issues:
            if issue.code in ("unmatched-end", "unclosed-block") and any(
                issue.paragraph == tag.unit.where for tag in candidates
            ):
                return issue
        if candidates:
            return LintIssue("syntax", exc.message or "", candidates[0].unit.where)
        return None
    lines = source.splitlines()
    line = lines[exc.lineno - 1] if exc.lineno <= len(lines) else ""
    text = _collapse(html.unescape(re.sub(r"<[^>]+>", "", line)))
    return LintIssue("syntax", exc.message or "", text) if text else None


def _normal(text: str) -> str:
    """A tag as Jinja gets it, for comparing the patched XML with the paragraphs."""
    text = html.unescape(text).translate(_QUOTES)
    if not text or text.startswith("{#"):
        return ""
    inner = text[2:-2].strip().removeprefix("-").removesuffix("-").strip()
    return f"{text[:2]} {_collapse(inner)} {text[-2:]}"
