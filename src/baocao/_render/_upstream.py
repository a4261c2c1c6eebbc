"""Everything baocao uses of python-docx's and docxtpl's private or undocumented internals.

Written against python-docx 1.2.0 and docxtpl 0.20.2 (:data:`TESTED`); ``pyproject.toml``
bounds both below their next minor release, and ``tests/render/test_upstream.py`` fails, naming
the attribute, when an installed release no longer has one of them. The other modules
call these small functions instead of reaching into the objects themselves, so that a new
upstream release is checked, and mended, here.

python-docx: a part's ``_element`` and ``_blob``, ``DocumentPart._styles_part``,
``OpcPackage._core_properties_part``, ``docx.opc.oxml.serialize_part_xml``,
``docx.oxml.parse_xml`` and the ``CoreProperties`` constructor.

docxtpl: ``DocxTemplate.init_docx``, ``get_xml``, ``get_headers_footers``,
``get_part_xml``, ``get_headers_footers_encoding``, ``patch_xml``, ``resolve_listing``,
``HEADER_URI`` and ``FOOTER_URI``, and the hooks :class:`StrictDocxTemplate` overrides
(``fix_tables``, ``map_headers_footers_xml``, ``render_properties``,
``render_footnotes``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import docx
import docxtpl
from docx.opc.coreprops import CoreProperties
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml

from .._ooxml import FOOTNOTES_TYPE
from ._strict import compile_properties, fix_table_grids, parse_rendered, render_properties

__all__ = [
    "HEADER_FOOTER_RELTYPES",
    "TESTED",
    "PackageNotFoundError",
    "StrictDocxTemplate",
    "body_xml",
    "core_properties",
    "core_properties_part",
    "fix_tables",
    "headers_and_footers",
    "new_document",
    "open_docxtpl",
    "parse_part",
    "part_element",
    "part_encoding",
    "part_xml",
    "patch_xml",
    "replace_part_xml",
    "replace_styles_part",
    "resolve_listing",
    "serialize_part",
    "set_part_blob",
    "set_part_element",
    "styles_part",
]

TESTED = {"python-docx": "1.2.0", "docxtpl": "0.20.2"}
"""The releases these functions were written against and tested with."""

_FOOTNOTES = FOOTNOTES_TYPE

# --------------------------------------------------------------------------- python-docx


def part_element(part: Any) -> Any:
    """The root element of an XML part (``XmlPart._element``), or ``None`` for a part
    python-docx keeps as bytes."""
    return getattr(part, "_element", None)


def set_part_element(part: Any, element: Any) -> None:
    """Make ``element`` the root of an XML part (``XmlPart._element``): python-docx
    serializes it when saving."""
    part._element = element


def replace_part_xml(part: Any, xml: bytes | str) -> None:
    """Make an XML part hold ``xml``, parsed as python-docx parses a part."""
    set_part_element(part, parse_part(xml))


def set_part_blob(part: Any, blob: bytes) -> None:
    """Make a part that python-docx keeps as bytes (``Part._blob``) hold ``blob``."""
    part._blob = blob


def styles_part(document: Any) -> Any:
    """The styles part of a python-docx document (``DocumentPart._styles_part``)."""
    return document.part._styles_part


def replace_styles_part(document: Any, xml: bytes | str) -> None:
    """Make the styles part of a python-docx document hold ``xml``."""
    replace_part_xml(styles_part(document), xml)


def core_properties_part(document: Any) -> Any:
    """The core properties part of a python-docx document
    (``OpcPackage._core_properties_part``)."""
    return document.part.package._core_properties_part


def serialize_part(element: Any) -> bytes:
    """An element as python-docx writes a part (``docx.opc.oxml.serialize_part_xml``:
    an XML declaration with ``standalone="yes"``, UTF-8)."""
    return serialize_part_xml(element)


def new_document() -> Any:
    """A new python-docx document (``docx.Document()``), for the template generator."""
    return docx.Document()


def parse_part(xml: bytes | str) -> Any:
    """XML parsed as python-docx parses a part (``docx.oxml.parse_xml``: its own element
    classes, entities not resolved)."""
    return parse_xml(xml)


def core_properties(element: Any) -> CoreProperties:
    """python-docx's ``CoreProperties`` over a ``cp:coreProperties`` element parsed with
    :func:`parse_part`."""
    return CoreProperties(element)


# --------------------------------------------------------------------------- docxtpl

HEADER_FOOTER_RELTYPES = (docxtpl.DocxTemplate.HEADER_URI, docxtpl.DocxTemplate.FOOTER_URI)
"""The relationship types of the header and footer parts docxtpl fills."""


class StrictDocxTemplate(docxtpl.DocxTemplate):  # type: ignore[misc]
    """docxtpl's ``DocxTemplate``, with what it fills parsed strictly.

    docxtpl re-parses the filled body in lxml's recover mode, which silently drops what
    it cannot read (every ``&``, ``<`` and ``>`` of the document after a flaw) and cuts a
    text over 10 MB with everything after it; here the body, the headers, footers and
    footnotes are parsed strictly and a flaw is an error. The document properties are
    filled as text (docxtpl escapes them twice).
    """

    def fix_tables(self, xml: str) -> Any:
        tree = parse_rendered(xml)
        fix_table_grids(tree)
        return tree

    def map_headers_footers_xml(self, relKey: str, xml: bytes) -> None:  # noqa: N803
        parse_rendered(xml)
        super().map_headers_footers_xml(relKey, xml)

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        core = self.docx.core_properties
        render_properties(core, compile_properties(core), context)

    def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        super().render_footnotes(context, jinja_env)
        for part in self.docx.part.package.parts:
            if part.content_type == _FOOTNOTES:
                parse_rendered(part.blob)


def open_docxtpl(data: bytes, *, strict: bool = True) -> Any:
    """A docxtpl template over the .docx ``data``, its document loaded (``init_docx``):
    a :class:`StrictDocxTemplate`, or docxtpl's own ``DocxTemplate`` (``strict=False``)."""
    tpl = (StrictDocxTemplate if strict else docxtpl.DocxTemplate)(io.BytesIO(data))
    tpl.init_docx()
    return tpl


def body_xml(tpl: Any) -> str:
    """The body of the template as docxtpl compiles it (``get_xml``)."""
    return str(tpl.get_xml())


def headers_and_footers(tpl: Any) -> Iterator[tuple[str, Any]]:
    """``("header", part)`` for each header part docxtpl fills, then ``("footer", part)``
    for each footer part (``get_headers_footers``: the non-empty ones, in the order of
    the document's relationships)."""
    for uri, what in ((tpl.HEADER_URI, "header"), (tpl.FOOTER_URI, "footer")):
        for _rel, part in tpl.get_headers_footers(uri):
            yield what, part


def part_xml(tpl: Any, part: Any) -> str:
    """A header or footer part as docxtpl compiles it (``get_part_xml``)."""
    return str(tpl.get_part_xml(part))


def part_encoding(tpl: Any, xml: str) -> str:
    """The encoding docxtpl writes a filled header or footer in
    (``get_headers_footers_encoding``)."""
    return str(tpl.get_headers_footers_encoding(xml))


def patch_xml(tpl: Any, xml: str) -> str:
    """docxtpl's cleaning of a part before Jinja compiles it (``patch_xml``: tags split
    across runs joined, ``{%p``/``{%tr``/``{%tc`` lifted to their element, …)."""
    return str(tpl.patch_xml(xml))


# The paragraphs docxtpl's resolve_listing rewrites one by one (its own expression), and
# the characters it rewrites in them.
_LISTING_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_LISTING_CHARS = re.compile("[\t\n\a\f]")


def resolve_listing(tpl: Any, xml: str) -> str:
    """docxtpl's rewriting of tabs, line and page breaks in filled text
    (``resolve_listing``), given only the paragraphs that hold one.

    docxtpl runs ``re.sub`` over every paragraph, and in each over every run and text,
    with a Python callback at each level: a fifth of a one-page render. Each of its
    replacements replaces a tab, ``\\n``, ``\\a`` or ``\\f``, so a paragraph without
    any comes back as it was; and ``re.sub`` rewrites each paragraph alone, so handing
    docxtpl each paragraph that has one, cut where its expression cuts them, gives the
    same string (``tests/render/test_upstream.py`` holds the two to each other)."""
    pieces: list[str] = []
    last = 0
    for match in _LISTING_PARAGRAPH.finditer(xml):
        start, end = match.span()
        if _LISTING_CHARS.search(xml, start, end) is None:
            continue
        pieces.append(xml[last:start])
        pieces.append(str(tpl.resolve_listing(match.group(0))))
        last = end
    if not pieces:
        return xml
    pieces.append(xml[last:])
    return "".join(pieces)


def fix_tables(tpl: Any, xml: str | bytes) -> Any:
    """The filled body as a tree, its table grids mended (``fix_tables``; on a
    :class:`StrictDocxTemplate`, parsed strictly)."""
    return tpl.fix_tables(xml)
