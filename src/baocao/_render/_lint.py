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

import html
import os
import re
from collections.abc import Iterator
from typing import Any

import jinja2
from lxml import etree

from .._ooxml import FOOTNOTES_TYPE
from ._lint_checks import Linter, LintIssue
from ._lint_tags import CLOSER, OPENER, QUOTES, TAG, Part, Unit, collapse, scan, units
from ._loading import (
    foreign_content,
    load_template,
    reading_template,
    template_name,
    use_w_prefix,
)
from ._strict import PROPERTIES
from ._upstream import body_xml, headers_and_footers, open_docxtpl, part_element, part_xml

__all__ = ["lint", "locate"]

_FOOTNOTES = FOOTNOTES_TYPE


# --------------------------------------------------------------------------- parts


def _open(template: str | os.PathLike[str] | bytes | None) -> tuple[str, Any]:
    name = template_name(template)
    data = load_template(template)
    with reading_template(name):
        tpl = open_docxtpl(data, strict=False)
        use_w_prefix(tpl)
    return name, tpl


def _parts(tpl: Any) -> Iterator[Part]:
    document = tpl.docx
    yield Part("", units(document.element.body), body_xml(tpl))
    for what, part in headers_and_footers(tpl):
        yield Part(
            f"in the {what} {part.partname.lstrip('/')}",
            units(part_element(part)),
            part_xml(tpl, part),
        )
    for part in document.part.package.parts:
        if part.content_type == _FOOTNOTES:
            blob = part.blob
            root = etree.fromstring(blob)
            text = blob.decode("utf-8") if isinstance(blob, bytes) else blob
            yield Part(f"in the footnotes {part.partname.lstrip('/')}", units(root), text)
    core = document.core_properties
    for name in PROPERTIES:
        value = getattr(core, name) or ""
        if OPENER.search(value):
            unit = Unit([(value, 0)], collapse(value))
            yield Part(f"in the document property '{name}'", [unit], None)


def lint(template: str | os.PathLike[str] | bytes | None = None) -> list[LintIssue]:
    """Check a .docx template and return its problems (an empty list when it is clean).

    ``template`` is a path, the bytes of a .docx, or ``None`` for baocao's own template.
    Names are checked against :func:`baocao.context` of a sample report that fills every
    key (``templates/README.md`` lists them).

    Raises:
        TemplateError: the file cannot be read, or is not a .docx.
    """
    name, tpl = _open(template)  # the package is checked there (_package)
    linter = Linter(tpl)
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
        for hit in TAG.finditer(source)
    ]
    wanted = [text for _line, text in found if text]
    roots = [document.element.body] + [
        rel.target_part.element
        for rel in document.part.rels.values()
        if rel.reltype.endswith(("/header", "/footer"))
    ]
    linter = Linter()
    dummy = Part("", [], None)
    for root in roots:
        paragraphs = units(root)
        scanned = [scan(unit) for unit in paragraphs]
        tags = [tag for found_tags, _open in scanned for tag in found_tags if tag.source]
        if [_normal(tag.source) for tag in tags] != wanted:
            continue
        for unit, (_tags, unclosed) in zip(paragraphs, scanned, strict=True):
            if unclosed:  # "{{ x" eats the XML up to the next "}}": whatever Jinja says
                closer = CLOSER[unclosed[0][:2]]
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
    text = collapse(html.unescape(re.sub(r"<[^>]+>", "", line)))
    return LintIssue("syntax", exc.message or "", text) if text else None


def _normal(text: str) -> str:
    """A tag as Jinja gets it, for comparing the patched XML with the paragraphs."""
    text = html.unescape(text).translate(QUOTES)
    if not text or text.startswith("{#"):
        return ""
    inner = text[2:-2].strip().removeprefix("-").removesuffix("-").strip()
    return f"{text[:2]} {collapse(inner)} {text[-2:]}"
