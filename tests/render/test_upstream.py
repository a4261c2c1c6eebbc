"""The python-docx and docxtpl internals baocao relies on (``baocao._render._upstream``).

pyproject.toml bounds both libraries below their next minor release; when a new release
is allowed, these tests say, naming the attribute, which internal it no longer has or no
longer behaves as baocao expects, and ``_upstream.py`` is the one module to mend.
"""

from __future__ import annotations

import importlib.metadata
import io
import re
import zipfile
from typing import Any

import docx
import docxtpl
import pytest
from docx.opc.part import Part, XmlPart
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from baocao._render import _upstream
from baocao._render._sandbox import jinja_environment

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _versions() -> str:
    return ", ".join(
        f"{name} {importlib.metadata.version(name)} (written against {tested})"
        for name, tested in _upstream.TESTED.items()
    )


def _require(owner: Any, name: str, where: str) -> Any:
    """``owner.name``, or a failure that names the internal that is gone."""
    if not hasattr(owner, name):
        pytest.fail(
            f"{where}.{name} is gone in the installed release ({_versions()}): "
            "mend src/baocao/_render/_upstream.py",
            pytrace=False,
        )
    return getattr(owner, name)


def _document() -> Any:
    document = docx.Document()
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "{{ x }}"
    document.add_paragraph("{{ x }}")
    document.core_properties.title = "{{ x }}"
    return document


def _docx_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_footnotes(data: bytes) -> bytes:
    """``data`` with a footnotes part, which python-docx keeps as bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name in source.namelist():
            blob = source.read(name)
            if name == "[Content_Types].xml":
                blob = blob.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="'
                    + FOOTNOTES.encode()
                    + b'"/></Types>',
                )
            elif name == "word/_rels/document.xml.rels":
                blob = blob.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            package.writestr(name, blob)
        package.writestr(
            "word/footnotes.xml",
            f"<w:footnotes {W}><w:footnote w:id='1'><w:p><w:r><w:t>{{{{ x }}}}</w:t></w:r>"
            "</w:p></w:footnote></w:footnotes>",
        )
    return out.getvalue()


# --------------------------------------------------------------------------- python-docx


@pytest.mark.parametrize(
    ("where", "name"),
    [
        ("docx.parts.document.DocumentPart", "_styles_part"),
        ("docx.opc.package.OpcPackage", "_core_properties_part"),
    ],
)
def test_python_docx_has_the_private_properties(where: str, name: str) -> None:
    module, _, cls = where.rpartition(".")
    owner = getattr(importlib.import_module(module), cls)
    _require(owner, name, where)


def test_an_xml_part_keeps_its_root_in_element() -> None:
    document = docx.Document()
    part = document.part
    element = _require(part, "_element", "docx.opc.part.XmlPart")
    assert element is part.element, "XmlPart._element is no longer what XmlPart.element gives"
    assert _upstream.part_element(part) is element
    new = _upstream.parse_part(f"<w:document {W}><w:body/></w:document>")
    _upstream.set_part_element(part, new)
    assert part.element is new, "setting XmlPart._element no longer replaces the part's root"
    assert b"<w:body/>" in part.blob


def test_a_part_kept_as_bytes_keeps_them_in_blob() -> None:
    document = docx.Document(io.BytesIO(_with_footnotes(_docx_bytes(docx.Document()))))
    parts = [p for p in document.part.package.parts if p.content_type == FOOTNOTES]
    assert len(parts) == 1
    footnotes = parts[0]
    assert type(footnotes) is Part, (
        f"python-docx now loads the footnotes as {type(footnotes).__name__}, not as bytes: "
        "use_w_prefix and docxtpl's render_footnotes set Part._blob"
    )
    _require(footnotes, "_blob", "docx.opc.part.Part")
    assert _upstream.part_element(footnotes) is None
    _upstream.set_part_blob(footnotes, b"<new/>")
    assert footnotes.blob == b"<new/>", "setting Part._blob no longer changes Part.blob"


def test_the_styles_and_core_properties_parts() -> None:
    document = docx.Document()
    styles = _upstream.styles_part(document)
    assert isinstance(styles, XmlPart)
    assert styles.partname == "/word/styles.xml"
    _upstream.replace_styles_part(document, f"<w:styles {W}/>".encode())
    assert _upstream.styles_part(document).element.tag.endswith("}styles")
    assert len(document.styles) == 0, "replace_styles_part no longer replaces the styles"
    core = _upstream.core_properties_part(document)
    assert core.partname == "/docProps/core.xml"
    assert _upstream.part_element(core) is not None


def test_serialize_parse_and_core_properties() -> None:
    element = _upstream.parse_part(f"<w:p {W}/>")
    assert type(element).__name__ == "CT_P", "docx.oxml.parse_xml no longer makes CT_P"
    assert _upstream.serialize_part(element) == (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + f"<w:p {W}/>".encode()
    ), "docx.opc.oxml.serialize_part_xml writes parts differently"
    core = _upstream.parse_part(
        _upstream.serialize_part(
            _upstream.part_element(_upstream.core_properties_part(docx.Document()))
        )
    )
    props = _upstream.core_properties(core)
    props.title = "Báo cáo"
    assert b"<dc:title>B\xc3\xa1o c\xc3\xa1o</dc:title>" in _upstream.serialize_part(core)


def test_replace_part_xml() -> None:
    document = _document()
    part = document.sections[0].header.part
    _upstream.replace_part_xml(part, f"<w:hdr {W}><w:p/></w:hdr>".encode())
    assert b"{{ x }}" not in part.blob


# --------------------------------------------------------------------------- docxtpl

DOCXTPL_INTERNALS = [
    "HEADER_URI",
    "FOOTER_URI",
    "init_docx",
    "get_xml",
    "get_headers_footers",
    "get_part_xml",
    "get_headers_footers_encoding",
    "patch_xml",
    "resolve_listing",
    "fix_tables",
    "map_headers_footers_xml",
    "render_properties",
    "render_footnotes",
]


@pytest.mark.parametrize("name", DOCXTPL_INTERNALS)
def test_docxtpl_has_the_internals(name: str) -> None:
    _require(docxtpl.DocxTemplate, name, "docxtpl.DocxTemplate")


def test_header_and_footer_relationship_types() -> None:
    assert _upstream.HEADER_FOOTER_RELTYPES == (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
    )


def _tools() -> Any:
    return docxtpl.DocxTemplate.__new__(docxtpl.DocxTemplate)


def test_patch_xml_joins_split_tags_and_lifts_paragraph_tags() -> None:
    xml = (
        "<w:p><w:r><w:t>{%p if x %}</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>{{</w:t></w:r><w:r><w:t> y }}</w:t></w:r></w:p>"
    )
    assert _upstream.patch_xml(_tools(), xml) == (
        '{% if x %}<w:p><w:r><w:t xml:space="preserve">{{ y }}</w:t></w:r></w:p>'
    ), "docxtpl's patch_xml changed"


def test_resolve_listing_writes_breaks_and_tabs() -> None:
    xml = "<w:p><w:r><w:t>a\nb\tc</w:t></w:r></w:p>"
    assert _upstream.resolve_listing(_tools(), xml) == (
        '<w:p><w:r><w:t>a</w:t><w:br/><w:t xml:space="preserve">b</w:t></w:r>'
        '<w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">c</w:t></w:r></w:p>'
    ), "docxtpl's resolve_listing changed"


# Pieces of a filled body, in any order: paragraphs (one inside another, as in a text
# box), their properties, runs, texts with and without attributes, and the characters
# docxtpl rewrites, inside a text and between tags.
LISTING_PIECES = st.sampled_from(
    [
        "<w:p>",
        '<w:p w:rsidR="00A1">',
        "</w:p>",
        "<w:pPr><w:jc/></w:pPr>",
        "<w:pPr>",
        "<w:r>",
        '<w:r w:rsidR="1">',
        "</w:r>",
        "<w:rPr><w:b/></w:rPr>",
        "<w:t>",
        '<w:t xml:space="preserve">',
        "</w:t>",
        "<w:tab/>",
        "<w:txbxContent>",
        "a",
        "ă b",
        "\n",
        "\t",
        "\a",
        "\f",
        "<",
        ">",
    ]
)


LISTING_TEXT = st.text(alphabet="ab \t\n\a\f", max_size=6)
LISTING_RUN = st.builds(
    "{}{}<w:t{}>{}</w:t></w:r>".format,
    st.sampled_from(["<w:r>", '<w:r w:rsidR="1">']),
    st.sampled_from(["", "<w:rPr><w:b/></w:rPr>"]),
    st.sampled_from(["", ' xml:space="preserve"']),
    LISTING_TEXT,
)
LISTING_PARAGRAPH = st.recursive(
    st.builds(
        "{}{}{}</w:p>".format,
        st.sampled_from(["<w:p>", '<w:p w:rsidR="00A1">']),
        st.sampled_from(["", "<w:pPr><w:jc/></w:pPr>"]),
        st.lists(LISTING_RUN, max_size=3).map("".join),
    ),
    lambda inner: st.builds(
        "<w:p><w:r><w:txbxContent>{}</w:txbxContent></w:r>{}</w:p>".format,
        inner,
        LISTING_RUN,
    ),
    max_leaves=3,
)
LISTING_BODY = st.lists(LISTING_PARAGRAPH | LISTING_TEXT, max_size=6).map("".join)


@given(LISTING_BODY | st.lists(LISTING_PIECES, max_size=40).map("".join))
@example("<w:p><w:r><w:t>a\nb</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p>")
@example("<w:p><w:r><w:t>\a</w:t></w:r></w:p>")
@example("<w:p><w:r><w:t>\f</w:t></w:r></w:p>")
@example("<w:p><w:txbxContent><w:p><w:r><w:t>a\tb</w:t></w:r></w:p></w:txbxContent></w:p>")
def test_resolve_listing_by_paragraph_equals_docxtpl_on_the_whole(xml: str) -> None:
    """baocao hands docxtpl only the paragraphs with a tab or a break: the same string."""
    tools = _tools()
    assert _upstream.resolve_listing(tools, xml) == tools.resolve_listing(xml)


def test_fix_tables_widens_a_grid_as_baocao_does() -> None:
    xml = (
        f'<w:body {W}><w:tbl><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>'
        "<w:tr><w:tc/><w:tc/></w:tr></w:tbl></w:body>"
    )
    theirs = etree.tostring(_upstream.fix_tables(_tools(), xml))
    assert re.findall(rb'w:w="(\d+)"', theirs) == [b"500", b"500"], "docxtpl's fix_tables changed"
    strict = _upstream.StrictDocxTemplate.__new__(_upstream.StrictDocxTemplate)
    assert etree.tostring(_upstream.fix_tables(strict, xml)) == theirs


def test_encoding_of_a_header() -> None:
    assert _upstream.part_encoding(_tools(), '<?xml version="1.0" encoding="ascii"?><a/>') == (
        "ascii"
    )
    assert _upstream.part_encoding(_tools(), "<a/>") == "utf-8"


def test_a_template_reads_its_parts() -> None:
    data = _docx_bytes(_document())
    for strict in (True, False):
        tpl = _upstream.open_docxtpl(data, strict=strict)
        assert isinstance(tpl, _upstream.StrictDocxTemplate) is strict
        assert tpl.docx is not None, "docxtpl's init_docx no longer loads tpl.docx"
        assert _upstream.body_xml(tpl).startswith("<w:body")
        found = list(_upstream.headers_and_footers(tpl))
        assert [what for what, _part in found] == ["header"]
        assert "{{ x }}" in _upstream.part_xml(tpl, found[0][1])


def test_docxtpl_render_calls_the_hooks_baocao_overrides() -> None:
    """StrictDocxTemplate parses what docxtpl fills by overriding four of its methods:
    each must still be called by ``render``, or the strictness is silently lost."""
    called: list[str] = []

    class Spy(_upstream.StrictDocxTemplate):
        def fix_tables(self, xml: str) -> Any:
            called.append("fix_tables")
            return super().fix_tables(xml)

        def map_headers_footers_xml(self, relKey: str, xml: bytes) -> None:  # noqa: N803
            called.append("map_headers_footers_xml")
            super().map_headers_footers_xml(relKey, xml)

        def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            called.append("render_properties")
            super().render_properties(context, jinja_env)

        def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            called.append("render_footnotes")
            super().render_footnotes(context, jinja_env)

    tpl = Spy(io.BytesIO(_with_footnotes(_docx_bytes(_document()))))
    tpl.render({"x": "v&"}, jinja_env=jinja_environment())
    for hook in ("fix_tables", "map_headers_footers_xml", "render_properties", "render_footnotes"):
        assert hook in called, f"docxtpl.DocxTemplate.render no longer calls {hook}"
    assert tpl.docx.core_properties.title == "v&"
    footnotes = next(p for p in tpl.docx.part.package.parts if p.content_type == FOOTNOTES)
    assert b"v&amp;" in footnotes.blob
