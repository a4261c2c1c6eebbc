"""A template loaded once and rendered many times.

Plain docxtpl, as its documentation shows it, re-opens the package, re-patches the XML
with about 18 regular expressions and compiles every part as a new Jinja template on each
render (nine compilations for baocao's template, five of them for document properties).
:class:`Template` does all of that once, at load time, and keeps:

* the compiled Jinja templates of the body, the headers and footers, the footnotes and
  the document properties;
* the zip entries that rendering never changes, as python-docx would write them;
* the styles part and its measured fonts for each size profile;
* the document element with an empty body, to graft each rendered body into.

Each render then runs Jinja, docxtpl's own post-processing (``resolve_listing``,
``fix_tables``), baocao's layout pass, and writes the zip: the same steps, on the same
strings, as the plain path (``tests/reference.py``), so the two give the
same bytes (a test compares them part by part).

A :class:`Template` is immutable after loading and safe to share between threads: every
render works on its own lxml trees, the compiled Jinja templates are thread-safe, and the
shared measurements are plain dicts.
"""

from __future__ import annotations

import copy
import hashlib
import io
import os
import re
import threading
import zipfile
from typing import IO, Any

import jinja2
from lxml import etree

from .. import _model as m
from .._errors import InvalidTypeError, TemplateError
from .._files import write_output
from .._ooxml import (
    FOOTNOTES_TYPE,
    WP_NS,
    Compressed,
    add_custom_properties,
    compress,
    qn,
    zip_entries,
)
from .._options import Margins, check_profile
from ._context import context as build_context
from ._describe import describe
from ._footnotes import add_report_footnotes
from ._grid_context import check_grids_printed, prints_grids
from ._layout import Styles, apply_profile, layout_body, set_core_properties
from ._limits import TemplateLimits, budget
from ._loading import (
    LETTER_TEMPLATE,
    default_template_path,
    load_template,
    reading_template,
    strip_template,
    template_name,
)
from ._metadata import flatten, report_metadata
from ._sandbox import jinja_environment
from ._strict import (
    check_text_sizes,
    compile_properties,
    core_values,
    parse_rendered,
    render_properties,
    rendered_error,
)
from ._upstream import (
    body_xml,
    core_properties,
    core_properties_part,
    fix_tables,
    headers_and_footers,
    open_docxtpl,
    parse_part,
    part_element,
    part_encoding,
    part_xml,
    patch_xml,
    resolve_listing,
    serialize_part,
    styles_part,
)

__all__ = ["Template", "cached_template", "render"]

_FOOTNOTES = FOOTNOTES_TYPE
_P_OPEN = re.compile(r"<w:p([ >])")
_BODY_MARK = b"<!--baocao-body-->"
_START_TAG = re.compile(rb'<(?![?!])[^\s/>]+((?:\s+xmlns(?::[^\s=]+)?="[^"]*")*)')
_NS_DECL = re.compile(rb'xmlns(?::([^\s=]+))?="([^"]*)"')


class Template:
    """A .docx template, loaded once, that renders reports fast.

    ``source`` is a path to a .docx template, its bytes, or ``None`` for baocao's own
    Mẫu 1.4 template. Broken templates fail here, when loading, with a
    :class:`~baocao.TemplateError` that names the problem.

    ``limits`` (a :class:`baocao.TemplateLimits`) is the budget of each render: loop
    turns and calls, and the length of the texts the template makes. ``allow_raw_xml``
    lets the template write values as raw XML (``|safe``, ``{% autoescape false %}``),
    which baocao refuses by default. A template is a layout: macros, attached templates
    and mail-merge sources are dropped; imported files (``altChunk``), subdocuments, OLE
    objects and ActiveX controls refused (``templates/README.md``).

    >>> import baocao, datetime
    >>> template = baocao.Template()
    >>> report = baocao.Report(
    ...     issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"),
    ...     place="Hà Nội", date=datetime.date(2026, 3, 5), subject="Kết quả quý I",
    ...     signatory=baocao.Signatory(name="Nguyễn Văn A", title="Giám đốc"),
    ...     sections=[baocao.Section(title="Kết quả", body=["Đã hoàn thành."])])
    >>> template.render(report) == baocao.render(report)
    True
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | bytes | None = None,
        *,
        name: str | None = None,
        limits: TemplateLimits | None = None,
        allow_raw_xml: bool = False,
    ) -> None:
        self._name = name or template_name(source)
        if limits is not None and not isinstance(limits, TemplateLimits):
            raise InvalidTypeError(limits, "is not a baocao.TemplateLimits", path="limits")
        self._limits = limits
        self._raw_xml = bool(allow_raw_xml)
        self._source = load_template(source)
        with reading_template(self.name):
            tpl = open_docxtpl(self._source)
            try:
                strip_template(tpl, self.name)
                self._compile(tpl)
            except jinja2.TemplateError as exc:
                raise TemplateError(f"{self.name}: {describe(exc, tpl.docx)}") from None

    @property
    def name(self) -> str:
        """How errors name the template: its path, or "the default template"."""
        return self._name

    @property
    def source(self) -> bytes:
        """The template's .docx bytes, as loaded."""
        return self._source

    def _compile(self, tpl: Any) -> None:
        env = jinja_environment(raw_xml=self._raw_xml)
        document = tpl.docx
        self._tools = tpl  # docxtpl's patch_xml, resolve_listing, fix_tables: pure functions
        self._body = env.from_string(_P_OPEN.sub(r"\n<w:p\1", patch_xml(tpl, body_xml(tpl))))
        self._prints_grids = prints_grids(getattr(self._body, "baocao_source", ""))
        self._parts: list[tuple[str, jinja2.Template, str]] = []
        for _what, part in headers_and_footers(tpl):
            xml = part_xml(tpl, part)
            encoding = part_encoding(tpl, xml)
            source = _P_OPEN.sub(r"\n<w:p\1", patch_xml(tpl, xml))
            self._parts.append((part.partname.lstrip("/"), env.from_string(source), encoding))
        self._footnotes: list[tuple[str, jinja2.Template]] = []
        for part in document.part.package.parts:
            if part.content_type == _FOOTNOTES:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                source = _P_OPEN.sub(r"\n<w:p\1", patch_xml(tpl, blob))
                self._footnotes.append((part.partname.lstrip("/"), env.from_string(source)))
        self._properties = compile_properties(document.core_properties)
        core_part = core_properties_part(document)
        self._core_name = core_part.partname.lstrip("/")
        self._core = serialize_part(part_element(core_part))
        # The document element with an empty body.
        shell = copy.deepcopy(document.element)
        body = shell.find(qn("body"))
        for child in list(body):
            body.remove(child)
        self._shell = etree.tostring(shell)
        self._frame = _frame(shell)
        # Styles and their measured fonts, for each size profile.
        styles = styles_part(document)
        self._styles_name = styles.partname.lstrip("/")
        self._styles: dict[str, tuple[Compressed, Styles]] = {}
        for profile in ("14", "13"):
            element = copy.deepcopy(styles.element)
            if profile != "14":
                apply_profile(element, profile)
            self._styles[profile] = (compress(serialize_part(element)), Styles(element))
        # Everything else, as python-docx writes it.
        buffer = io.BytesIO()
        document.save(buffer)
        with zipfile.ZipFile(buffer) as package:
            self._static: dict[str, bytes | Compressed] = {
                name: compress(package.read(name)) for name in package.namelist()
            }

    def _finish(self, xml: str) -> str:
        """docxtpl's post-processing of a rendered part (``render_xml_part``)."""
        # The "\n" put before each <w:p at compile time, taken out (as r"\n<w:p([ >])"
        # would take it out, but faster).
        xml = xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        if "\n" not in xml and "\t" not in xml and "\a" not in xml and "\f" not in xml:
            return xml  # nothing for resolve_listing to change
        return resolve_listing(self._tools, xml)

    def _document_part(
        self, ctx: dict[str, Any], styles: Styles, margins: Margins | None
    ) -> Compressed:
        """The document part, filled, laid out and compressed (written once, into one
        buffer: a 100,000-row table is 65 MB of XML, beside 600 MB of tree)."""
        xml = _utf8(self._finish(self._body.render(ctx)))
        tree = fix_tables(self._tools, xml)
        del xml
        _number_pictures(tree)
        landscape = [bool(a.get("landscape")) for a in ctx.get("appendices") or ()]
        layout_body(tree, styles, margins, landscape)  # issue 12: landscape appendices
        document = self._document(tree)
        del tree
        return compress(document)  # type: ignore[arg-type]  # bytes-like

    def _document(self, tree: Any) -> bytes | bytearray:
        """The document part: the shell with the rendered body ``tree`` in it, as
        python-docx writes it. Grafting the body into the shell (``replace``) is what
        this must equal; lxml does that in time quadratic in the number of ``xml:space``
        attributes, so the body is written alone (into one buffer, after the shell's first
        half) and the shell's second half after it, when that gives the same bytes: when
        every namespace the body declares is declared with the same prefix on the document
        element (lxml drops such declarations when grafting), nothing inside the body
        declares one, and nothing but the body is in its tree."""
        alone = tree.getprevious() is None and tree.getnext() is None
        if self._frame is not None and alone and not tree.getroottree().docinfo.doctype:
            head, tail, declared = self._frame
            sink = _Sink(head)
            etree.ElementTree(tree).write(sink, encoding="UTF-8", xml_declaration=False)  # type: ignore[arg-type]
            data = sink.data
            start = _START_TAG.match(data, len(head))
            if start is not None and data.find(b"xmlns", start.end()) < 0:
                own = _NS_DECL.findall(start.group(1))
                if all(declared.get(href) == prefix for prefix, href in own):
                    del data[start.start(1) : start.end(1)]
                    data += tail
                    return data
        root = etree.fromstring(self._shell)
        empty = root.find(qn("body"))
        assert empty is not None  # the shell keeps its w:body
        root.replace(empty, tree)
        return serialize_part(root)

    def _render_parts(
        self,
        ctx: dict[str, Any],
        report: m.Report,
        profile: str,
        margins: Margins | None,
        metadata: bool = False,
    ) -> dict[str, bytes | Compressed]:
        entries = dict(self._static)
        styles_blob, styles = self._styles[profile]
        entries["word/document.xml"] = self._document_part(ctx, styles, margins)
        entries[self._styles_name] = styles_blob
        for name, compiled, encoding in self._parts:
            xml = self._finish(compiled.render(ctx)).encode(encoding)
            try:
                entries[name] = serialize_part(parse_part(xml))
            except etree.XMLSyntaxError as exc:
                raise rendered_error(exc, xml) from None
        for name, compiled in self._footnotes:
            footnotes = self._finish(compiled.render(ctx)).encode("utf-8")
            parse_rendered(footnotes)
            entries[name] = footnotes
        if ctx["footnotes"]:  # issue 12: footnotes, a part only when there are notes
            add_report_footnotes(entries, ctx["footnotes"], styles=self._styles_name)
        core = parse_part(self._core)
        props = core_properties(core)
        render_properties(props, self._properties, ctx)
        set_core_properties(props, **core_values(report))
        entries[self._core_name] = serialize_part(core)
        if metadata:  # issue 14: Phụ lục VI as custom properties, only when asked
            add_custom_properties(entries, flatten(report_metadata(report)))
        return entries

    def render(
        self,
        report: m.Report,
        out: str | os.PathLike[str] | IO[bytes] | None = None,
        *,
        profile: str | int = "14",
        margins: Margins | None = None,
        limits: TemplateLimits | None = None,
        metadata: bool = False,
    ) -> bytes:
        """Render ``report`` and return the .docx bytes; also write them to ``out``
        (a path, written atomically, or a binary stream). Options as :func:`baocao.render`;
        ``limits`` replaces the template's own for this render.
        """
        if not isinstance(metadata, bool):
            raise InvalidTypeError(metadata, "is not True or False", path="metadata")
        if not isinstance(report, m.Report):
            raise InvalidTypeError(report, "is not a baocao.Report", path="report")
        if self.name == template_name(None) and not report.doc_type.has_type_name:
            # issue 13: the default template of Mẫu 1.4 hands a công văn to Mẫu 1.5's
            # (render_many and its workers hold the default template by this name)
            letter = cached_template(default_template_path(LETTER_TEMPLATE))
            return letter.render(
                report, out, profile=profile, margins=margins, limits=limits, metadata=metadata
            )
        if margins is not None and not isinstance(margins, Margins):
            raise InvalidTypeError(margins, "is not a baocao.Margins", path="margins")
        checked = check_profile(profile)
        size = check_text_sizes(report)
        ctx = build_context(report)
        check_grids_printed(ctx, self._prints_grids, self.name)  # issue 12: no table dropped
        try:
            with budget(limits or self._limits, size):
                entries = self._render_parts(ctx, report, checked, margins, metadata)
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{self.name}: {describe(exc, self._tools.docx)}") from None
        data = zip_entries(entries)
        write_output(out, data)
        return data

    def __repr__(self) -> str:
        return f"<baocao.Template {self.name}>"


class _Sink:
    """A file for lxml to write into: one growing buffer."""

    __slots__ = ("data",)

    def __init__(self, head: bytes) -> None:
        self.data = bytearray(head)

    def write(self, chunk: bytes) -> None:
        self.data += chunk


def _number_pictures(tree: Any) -> None:
    """Number the pictures' ``wp:docPr`` from 1001, as docxtpl's ``fix_docpr_ids``."""
    for index, element in enumerate(tree.xpath("//wp:docPr", namespaces={"wp": WP_NS})):
        element.attrib["id"] = str(1001 + index)


def _utf8(xml: str) -> bytes | str:
    """The filled body as UTF-8, which lxml parses as it parses the text (the same tree,
    the same error positions) in less memory than a text of wide characters; the text
    itself if it cannot be encoded (a lone surrogate: lxml says what is wrong)."""
    try:
        return xml.encode("utf-8")
    except UnicodeEncodeError:
        return xml


def _frame(shell: Any) -> tuple[bytes, bytes, dict[bytes, bytes]] | None:
    """The document part of ``shell`` (a ``w:document`` with an empty ``w:body``) as
    python-docx writes it, cut where the body goes, with the namespaces the document
    element declares (the first prefix of each URI, as lxml looks them up); ``None`` if
    it cannot be cut."""
    root = etree.fromstring(etree.tostring(shell))
    body = root.find(qn("body"))
    if body is None or body.getparent() is not root:
        return None
    root.replace(body, etree.Comment(_BODY_MARK[4:-3].decode()))
    data = serialize_part(root)
    if data.count(_BODY_MARK) != 1:
        return None
    head, tail = data.split(_BODY_MARK)
    start = _START_TAG.search(head)
    declared: dict[bytes, bytes] = {}
    if start is not None:
        for prefix, href in _NS_DECL.findall(start.group(1)):
            if not prefix:
                return None  # a default namespace: lxml may map a prefix to it
            declared.setdefault(href, prefix)
    return head, tail, declared


_CACHE: dict[tuple[object, ...], Template] = {}
_CACHE_SIZE = 8
_CACHE_LOCK = threading.Lock()


def cached_template(
    template: str | os.PathLike[str] | bytes | None, allow_raw_xml: bool = False
) -> Template:
    """A loaded :class:`Template`, kept by its content (a SHA-256 of the bytes): a file
    replaced by another is loaded again, whatever its size and modification time."""
    data = load_template(template)
    key = (hashlib.sha256(data).hexdigest(), template_name(template), bool(allow_raw_xml))
    with _CACHE_LOCK:
        found = _CACHE.get(key)
    if found is None:
        found = Template(data, name=template_name(template), allow_raw_xml=allow_raw_xml)
        with _CACHE_LOCK:
            if len(_CACHE) >= _CACHE_SIZE:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = found
    return found


def render(
    report: m.Report,
    out: str | os.PathLike[str] | IO[bytes] | None = None,
    *,
    template: str | os.PathLike[str] | bytes | None = None,
    profile: str | int = "14",
    margins: Margins | None = None,
    limits: TemplateLimits | None = None,
    allow_raw_xml: bool = False,
    metadata: bool = False,
) -> bytes:
    """Render ``report`` to .docx and return the bytes; also write them to ``out``.

    ``out`` may be a path (written atomically) or a binary stream. ``template`` is a
    path to a .docx template (or its bytes); by default baocao's own Mẫu 1.4 template,
    and for a công văn (``doc_type`` CV) its Mẫu 1.5 template, ``cong-van.docx``.
    ``profile`` is the size profile of the decree's footnote: ``"14"`` (Quốc hiệu 13,
    Tiêu ngữ 14, body 14 pt; the default) or ``"13"`` (12, 13, 13). ``margins`` are
    :class:`baocao.Margins`, each inside its legal range.

    ``limits`` (a :class:`baocao.TemplateLimits`) bounds the work of the template;
    ``allow_raw_xml`` lets it use ``|safe`` (see :class:`baocao.Template`).

    ``metadata=True`` writes the fields of Phụ lục VI that the report knows as the
    document's custom properties (``docProps/custom.xml``; see docs/electronic.md); by
    default there are none, so a report renders the same bytes as in baocao 0.1.

    Templates are loaded once and kept by their content (see :class:`baocao.Template`);
    a template file that changes on disk is loaded again.

    >>> import baocao, datetime, io, docx
    >>> report = baocao.Report(
    ...     issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"),
    ...     number=15, place="Hà Nội", date=datetime.date(2026, 3, 5),
    ...     subject="Kết quả thực hiện nhiệm vụ quý I năm 2026",
    ...     signatory=baocao.Signatory(name="Nguyễn Văn A", title="Giám đốc"),
    ...     sections=[baocao.Section(title="Kết quả", body=["R&D <không> {{ x }}"])],
    ... )
    >>> data = baocao.render(report)
    >>> texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    >>> "R&D <không> {{ x }}./." in texts
    True
    """
    if template is None and isinstance(report, m.Report) and not report.doc_type.has_type_name:
        template = default_template_path(LETTER_TEMPLATE)  # issue 13: Mẫu 1.5
    return cached_template(template, allow_raw_xml).render(
        report, out, profile=profile, margins=margins, limits=limits, metadata=metadata
    )
