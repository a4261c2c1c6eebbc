"""PDF/A and the same bytes every time (issue 14, §1), and the metadata of Phụ lục VI in
the PDF's XMP (§2).

LibreOffice writes PDF/A-2b or 1b itself (the export filter's ``SelectPdfVersion``), tagged
and with every font embedded, but it stamps the clock into the PDF: the Info dictionary's
CreationDate, the XMP's CreateDate, the date inside the sRGB profile of the output intent,
and a document ID made from the time. LibreOffice 7.4 ignores ``SOURCE_DATE_EPOCH``.
:func:`finish` rewrites those with pikepdf (qpdf): the dates become the document's own
date (the .docx's ``dcterms:created``: the report's date for a baocao .docx), the ID is a
digest of the content (qpdf's deterministic ID), and the XMP is written anew from the Info
dictionary so that the two agree, as PDF/A requires, with the fields of Phụ lục VI in
baocao's namespace (:data:`NAMESPACE`, declared by a PDF/A extension schema).
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree

from .._errors import ConversionError, ValidationError
from .._nd30 import METADATA_FIELDS
from .._ooxml import CustomValue

__all__ = [
    "EPOCH",
    "NAMESPACE",
    "PDF_VERSIONS",
    "PREFIX",
    "finish",
    "pdf_properties",
]

PDF_VERSIONS: dict[str, int] = {"2b": 2, "1b": 1, "plain": 0}
"""``pdf_version`` of :func:`~baocao.to_pdf` → LibreOffice's ``SelectPdfVersion``: PDF/A-2b
(the default), PDF/A-1b, or a plain PDF (1.6) without the PDF/A identification."""

EPOCH = _dt.datetime(2020, 3, 5, tzinfo=_dt.timezone.utc)
"""The date of a PDF made from a .docx that states none (no ``dcterms:created``): the date of
Nghị định 30/2020, which baocao also writes into a report without a date."""

NAMESPACE = "urn:baocao:nd30:phuluc6:1.0#"
"""The XMP namespace of the fields of Phụ lục VI (prefix :data:`PREFIX`)."""
PREFIX = "nd30"

_X = "adobe:ns:meta/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TYPES = {"String": "Text", "Number": "Integer", "Date": "Date"}
_LABELS = {row[0]: (row[1], row[2], row[3]) for row in METADATA_FIELDS}


def _pikepdf() -> Any:
    try:
        import pikepdf
    except ImportError as err:  # pragma: no cover - a dependency of baocao
        raise ConversionError("pikepdf is needed to finish the PDF (pip install pikepdf)") from err
    return pikepdf


def _info_date(stamp: _dt.datetime) -> str:
    return stamp.astimezone(_dt.timezone.utc).strftime("D:%Y%m%d%H%M%SZ")


def _xmp_date(stamp: _dt.datetime) -> str:
    return stamp.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(value: object) -> str:
    return escape(str(value))


def _schema(names: Sequence[str]) -> str:
    """The PDF/A extension schema that declares baocao's properties (ISO 19005-1, 6.7.8)."""
    rows = []
    for name in names:
        base = name.split(".")[-1] if name.startswith("SignerInfo.") else name
        number, label, kind = _LABELS[base]
        value_type = "Seq Text" if name == "To" else _TYPES[kind]
        rows.append(
            '<rdf:li rdf:parseType="Resource">'
            f"<pdfaProperty:name>{name}</pdfaProperty:name>"
            f"<pdfaProperty:valueType>{value_type}</pdfaProperty:valueType>"
            "<pdfaProperty:category>external</pdfaProperty:category>"
            f"<pdfaProperty:description>{_text(label)} (Phụ lục VI, Phần II, Mục I, "
            f"{number})</pdfaProperty:description></rdf:li>"
        )
    return (
        '<rdf:Description rdf:about="" '
        'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" '
        'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" '
        'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
        '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
        "<pdfaSchema:schema>Nghị định 30/2020/NĐ-CP, Phụ lục VI (baocao)</pdfaSchema:schema>"
        f"<pdfaSchema:namespaceURI>{NAMESPACE}</pdfaSchema:namespaceURI>"
        f"<pdfaSchema:prefix>{PREFIX}</pdfaSchema:prefix>"
        f"<pdfaSchema:property><rdf:Seq>{''.join(rows)}</rdf:Seq></pdfaSchema:property>"
        "</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"
    )


def _ours(properties: Sequence[tuple[str, CustomValue]]) -> tuple[list[str], str]:
    """The declared names and the ``nd30:`` properties, To as one sequence."""
    names: list[str] = []
    parts: list[str] = []
    organs = [str(v) for k, v in properties if k.startswith("To.")]
    for name, value in properties:
        if name.startswith("To."):
            if "To" not in names:
                names.append("To")
                items = "".join(f"<rdf:li>{_text(o)}</rdf:li>" for o in organs)
                parts.append(f"<{PREFIX}:To><rdf:Seq>{items}</rdf:Seq></{PREFIX}:To>")
            continue
        names.append(name)
        shown = value.isoformat() if isinstance(value, _dt.date) else value
        parts.append(f"<{PREFIX}:{name}>{_text(shown)}</{PREFIX}:{name}>")
    return names, "".join(parts)


def _xmp(
    info: dict[str, str],
    stamp: _dt.datetime,
    part: int,
    properties: Sequence[tuple[str, CustomValue]],
) -> bytes:
    date = _xmp_date(stamp)
    described = [
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:CreateDate>{date}</xmp:CreateDate><xmp:ModifyDate>{date}</xmp:ModifyDate>"
        f"<xmp:MetadataDate>{date}</xmp:MetadataDate>"
        + (
            f"<xmp:CreatorTool>{_text(info['Creator'])}</xmp:CreatorTool>"
            if "Creator" in info
            else ""
        )
        + "</rdf:Description>",
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        + (f"<pdf:Producer>{_text(info['Producer'])}</pdf:Producer>" if "Producer" in info else "")
        + (f"<pdf:Keywords>{_text(info['Keywords'])}</pdf:Keywords>" if "Keywords" in info else "")
        + "</rdf:Description>",
    ]
    dc = []
    if "Title" in info:
        dc.append(
            '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
            f"{_text(info['Title'])}</rdf:li></rdf:Alt></dc:title>"
        )
    if "Author" in info:
        dc.append(
            f"<dc:creator><rdf:Seq><rdf:li>{_text(info['Author'])}</rdf:li></rdf:Seq></dc:creator>"
        )
    if "Subject" in info:
        dc.append(
            '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
            f"{_text(info['Subject'])}</rdf:li></rdf:Alt></dc:description>"
        )
    described.append(
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:format>application/pdf</dc:format>" + "".join(dc) + "</rdf:Description>"
    )
    if part:
        described.append(
            '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
            f"<pdfaid:part>{part}</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
            "</rdf:Description>"
        )
    if properties:
        names, values = _ours(properties)
        described.append(
            f'<rdf:Description rdf:about="" xmlns:{PREFIX}="{NAMESPACE}">{values}</rdf:Description>'
        )
        if part:
            described.append(_schema(names))
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        f'<x:xmpmeta xmlns:x="{_X}"><rdf:RDF xmlns:rdf="{_RDF}">'
        + "".join(described)
        + '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _zero_profile_date(pdf: Any) -> None:
    """Blank the creation date (and the ID computed over it) in each ICC profile of the
    output intents: LibreOffice makes its sRGB profile anew, dated now."""
    for intent in pdf.Root.get("/OutputIntents", []):
        stream = intent.get("/DestOutputProfile")
        if stream is None:
            continue
        profile = bytearray(stream.read_bytes())
        if len(profile) < 128 or profile[36:40] != b"acsp":
            continue
        profile[24:36] = bytes(12)  # dateTimeNumber
        profile[84:100] = bytes(16)  # profile ID: zero means "not computed"
        stream.write(bytes(profile))  # compressed again when saved


def finish(
    pdf: bytes,
    *,
    version: str,
    created: _dt.datetime | None,
    properties: Sequence[tuple[str, CustomValue]] = (),
) -> bytes:
    """The PDF from LibreOffice with its dates ``created`` (else :data:`EPOCH`), an ID from
    its content, an XMP that agrees with the Info dictionary, and ``properties`` (the flat
    fields of Phụ lục VI) in the XMP, PageAmount counted from the pages."""
    pikepdf = _pikepdf()
    stamp = created or EPOCH
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as err:
        raise ConversionError(f"LibreOffice wrote a PDF that cannot be read: {err}") from None
    with document:
        fields = list(properties)
        if fields and not any(name == "PageAmount" for name, _ in fields):
            at = next(
                (i for i, (n, _) in enumerate(fields) if n.startswith(("SignerInfo.", "To."))),
                len(fields),
            )
            fields.insert(at, ("PageAmount", len(document.pages)))
        info = document.docinfo
        kept: dict[str, str] = {}
        for key in ("Title", "Author", "Subject", "Keywords", "Creator", "Producer"):
            value = info.get(f"/{key}")
            if value is not None and str(value):
                kept[key] = str(value)
        for key in list(info.keys()):
            if str(key)[1:] not in kept:
                del info[key]
        info["/CreationDate"] = _info_date(stamp)
        info["/ModDate"] = _info_date(stamp)
        _zero_profile_date(document)
        document.Root.Metadata = pikepdf.Stream(
            document, _xmp(kept, stamp, PDF_VERSIONS[version], fields)
        )
        document.Root.Metadata.Type = pikepdf.Name.Metadata
        document.Root.Metadata.Subtype = pikepdf.Name.XML
        for key in list(document.trailer.keys()):  # LibreOffice's /ID and /DocChecksum
            if key not in ("/Root", "/Info", "/Size"):  # are made from the clock
                del document.trailer[key]
        out = io.BytesIO()
        document.save(
            out,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable
            if version == "1b"
            else pikepdf.ObjectStreamMode.preserve,
            compress_streams=True,
        )
    return out.getvalue()


def pdf_properties(pdf: bytes) -> dict[str, str]:
    """The ``nd30:`` properties in the XMP of ``pdf``, flat (To as ``To.i.OrganName``).

    Raises:
        ValidationError: ``pdf`` is not a PDF that can be read.
    """
    pikepdf = _pikepdf()
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as err:
        raise ValidationError("pdf", f"is not a readable PDF: {err}", path="file") from None
    with document:
        metadata = document.Root.get("/Metadata")
        if metadata is None:
            return {}
        blob = metadata.read_bytes()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError:
        return {}
    found: dict[str, str] = {}
    for element in root.iter(f"{{{NAMESPACE}}}*"):
        name = etree.QName(element).localname
        if name == "To":
            for index, item in enumerate(element.iter(f"{{{_RDF}}}li"), start=1):
                found[f"To.{index}.OrganName"] = item.text or ""
        else:
            found[name] = element.text or ""
    return found
