"""Footnotes as Word writes them (issue 12, §6): the footnotes part with its two separator
notes, the relationship and the content type that name it, and the two styles
("footnote text", "footnote reference"), added to a package only when it has notes.

The notes' texts are escaped here; nothing a user writes becomes markup. The reference in
the body (``<w:footnoteReference w:id="1"/>``) is written by the template; the ids are
1, 2, … in the order of the document, appendices included.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from lxml import etree

from ._ns import FOOTNOTES_TYPE, R_NS, REL_TYPE, W_NS, qn
from ._parts import with_override, with_relationship
from ._zip import Compressed

__all__ = [
    "FOOTNOTES_PART",
    "FOOTNOTE_REFERENCE_STYLE",
    "FOOTNOTE_TEXT_STYLE",
    "FootnotesClashError",
    "add_footnotes",
    "footnotes_xml",
]

FOOTNOTES_PART = "word/footnotes.xml"
FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"
FOOTNOTE_SIZE_PT = 12
"""The size of a note's text: the decree gives none; 12 pt, the size of "Nơi nhận:",
reads well under 13–14 pt body text."""

_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SEPARATOR_PPR = (
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
)


def _inflate(entry: bytes | Compressed) -> bytes:
    return entry if isinstance(entry, bytes) else zlib.decompress(entry.data, -15)


def footnotes_xml(notes: Sequence[str]) -> bytes:
    """The footnotes part: the separator (id -1) and continuation separator (id 0), then
    note ``i + 1`` for each text of ``notes``."""
    parts = [
        f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">',
        f'<w:footnote w:type="separator" w:id="-1"><w:p>{_SEPARATOR_PPR}'
        "<w:r><w:separator/></w:r></w:p></w:footnote>",
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{_SEPARATOR_PPR}'
        "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    from xml.sax.saxutils import escape  # urllib, http, ssl: only for a report with notes

    for number, text in enumerate(notes, start=1):
        parts.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{FOOTNOTE_TEXT_STYLE}"/>'
            f'</w:pPr><w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE_STYLE}"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
            "</w:p></w:footnote>"
        )
    parts.append("</w:footnotes>")
    return _DECL + "".join(parts).encode("utf-8")


def _styles(styles: bytes) -> bytes:
    root = etree.fromstring(styles)
    have = {s.get(qn("styleId")) for s in root.iter(qn("style"))}
    half = FOOTNOTE_SIZE_PT * 2
    added = []
    if FOOTNOTE_TEXT_STYLE not in have:
        added.append(
            f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="{FOOTNOTE_TEXT_STYLE}">'
            '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
            '<w:unhideWhenUsed/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
            'w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>'
            f'<w:rPr><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr></w:style>'
        )
    if FOOTNOTE_REFERENCE_STYLE not in have:
        added.append(
            f'<w:style xmlns:w="{W_NS}" w:type="character" '
            f'w:styleId="{FOOTNOTE_REFERENCE_STYLE}"><w:name w:val="footnote reference"/>'
            '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        )
    if not added:
        return styles
    for xml in added:
        root.append(etree.fromstring(xml))
    return _DECL + etree.tostring(root, encoding="UTF-8")


def _content_types(types: bytes) -> bytes:
    return with_override(types, "/" + FOOTNOTES_PART, FOOTNOTES_TYPE)


def _relationships(rels: bytes) -> bytes:
    return with_relationship(rels, REL_TYPE + "footnotes", "footnotes.xml")


class FootnotesClashError(ValueError):
    """The template's own footnotes part already holds notes with the ids of the report's."""


def add_footnotes(
    entries: dict[str, bytes | Compressed], notes: Sequence[str], *, styles: str
) -> None:
    """Add ``notes`` to the package ``entries`` (zip name → content), in place: the
    footnotes part, its relationship, its content type and the two styles in ``styles``
    (the styles part's name). A template's own footnotes part keeps its notes; the
    report's are added after them unless their ids clash (:class:`FootnotesClashError`)."""
    if not notes:
        return
    fresh = footnotes_xml(notes)
    if FOOTNOTES_PART in entries:
        root = etree.fromstring(_inflate(entries[FOOTNOTES_PART]))
        taken = {n.get(qn("id")) for n in root.iter(qn("footnote"))}
        ours = [
            n for n in etree.fromstring(fresh).iter(qn("footnote")) if n.get(qn("type")) is None
        ]
        for note in ours:
            number = note.get(qn("id")) or ""
            if number in taken:
                from xml.sax.saxutils import quoteattr

                raise FootnotesClashError(
                    f"the template's footnotes part already has a note with id {quoteattr(number)}"
                )
            root.append(note)
        entries[FOOTNOTES_PART] = _DECL + etree.tostring(root, encoding="UTF-8")
    else:
        entries[FOOTNOTES_PART] = fresh
    entries[styles] = _styles(_inflate(entries[styles]))
    entries["[Content_Types].xml"] = _content_types(_inflate(entries["[Content_Types].xml"]))
    rels = "word/_rels/document.xml.rels"
    entries[rels] = _relationships(_inflate(entries[rels]))
