"""Sealing a .docx before LibreOffice opens it: nothing from outside the package.

:func:`seal` removes every external link (linked pictures and templates, OLE links, frames,
a mail-merge source; hyperlinks stay) and turns the fields that fetch a file or a URL
(INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, …) into the text they show, so that a conversion
(``_pdf``) loads nothing that is not in the document.
"""

from __future__ import annotations

import re
from typing import cast

from lxml import etree

from .._errors import ConversionError
from .._ooxml import PKG_REL_NS, R_NS, REL_TYPE, W_NS, Compressed, Package, zip_entries

__all__ = ["FETCHING_FIELDS", "seal"]

_PKG_RELS = f"{{{PKG_REL_NS}}}"
_R = f"{{{R_NS}}}"
_W = f"{{{W_NS}}}"
_HYPERLINK = REL_TYPE + "hyperlink"

#: Field codes that make a word processor load a file or a URL when it updates them.
FETCHING_FIELDS = frozenset(
    {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO", "RD"}
)
#: Settings that point at something outside (the linked template's styles, a mail-merge
#: data source): removed.
_OUTWARD_SETTINGS = (f"{_W}attachedTemplate", f"{_W}linkStyles", f"{_W}mailMerge")
#: Elements that pull another document into this one, with whatever it links to: refused.
_IMPORTS = {
    f"{_W}altChunk": "w:altChunk, a chunk of another document (HTML, RTF or .docx)",
    f"{_W}subDoc": "w:subDoc, a sub-document kept in another file",
}
#: Bytes whose absence lets a part go through without being parsed.
_SIGNS = (
    b"instrText",
    b"fldSimple",
    b"attachedTemplate",
    b"linkStyles",
    b"mailMerge",
    b"altChunk",
    b"subDoc",
)


def _refused(reason: str) -> ConversionError:
    return ConversionError(f"the document is not converted: {reason}")


#: A target that names a place outside the package whatever its TargetMode says: a URL
#: (``http:``, ``file:``, ``C:``) or a network path (``\\\\server``).
_URL = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*:|\\\\|//)")
_URL_BYTES = re.compile(rb"""Target\s*=\s*["']\s*([A-Za-z][A-Za-z0-9+.-]*:|\\\\|//)""")


def _points_outside(rel: etree._Element) -> bool:
    return rel.get("TargetMode") == "External" or bool(_URL.match(rel.get("Target", "")))


def _source_part(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` -> ``word/document.xml``."""
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


def _remove(element: etree._Element) -> None:
    """Remove ``element``, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace ``element`` by its children (a field by the text it shows)."""
    parent = element.getparent()
    if parent is None:
        return
    position = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(position + offset, child)
    _remove(element)


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


def _seal_fields(root: etree._Element) -> bool:
    """Turn fetching fields into the text they show; return whether anything changed."""
    doomed: list[etree._Element] = []
    for simple in root.iter(f"{_W}fldSimple"):
        if _field_name(simple.get(f"{_W}instr", "")) in FETCHING_FIELDS:
            doomed.append(simple)
    for simple in reversed(doomed):  # inner ones first
        _unwrap(simple)
    changed = bool(doomed)
    # Complex fields: begin, instruction text, separate, the text shown, end.
    stack: list[list[etree._Element]] = []
    removed: list[etree._Element] = []
    for element in list(root.iter(f"{_W}fldChar", f"{_W}instrText")):
        if element.tag == f"{_W}instrText":
            if stack:
                stack[-1].append(element)
            continue
        kind = element.get(f"{_W}fldCharType")
        if kind == "begin":
            stack.append([element])
        elif stack and kind == "separate":
            stack[-1].append(element)
        elif stack and kind == "end":
            field = stack.pop()
            field.append(element)
            instruction = "".join(e.text or "" for e in field if e.tag == f"{_W}instrText")
            if _field_name(instruction) in FETCHING_FIELDS:
                removed.extend(field)
    for element in removed:
        _remove(element)
    return changed or bool(removed)


def _seal_part(name: str, root: etree._Element, dropped: set[str]) -> bool:
    for tag, what in _IMPORTS.items():
        if next(root.iter(tag), None) is not None:
            raise ConversionError(
                f"the document's part {name} pulls in another document ({what}), which "
                "LibreOffice would load with its own links; baocao does not convert it. "
                "Remove it from the template or document"
            )
    changed = False
    for element in list(root.iter(*_OUTWARD_SETTINGS)):
        _remove(element)
        changed = True
    if dropped:
        for element in root.iter():
            for attribute in [a for a in element.attrib if str(a).startswith(_R)]:
                if element.attrib[attribute] in dropped:
                    del element.attrib[attribute]
                    changed = True
    return _seal_fields(root) or changed


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def seal(data: bytes) -> bytes:
    """The .docx ``data`` with nothing that would make LibreOffice load a file or a URL.

    Removes every relationship with ``TargetMode="External"`` (linked images, the linked
    template ``attachedTemplate``, OLE links, frames, a mail-merge data source) except
    hyperlinks, which LibreOffice does not fetch and which stay links in the PDF, and the
    attributes that use them (the image keeps its place, empty); removes the settings
    ``w:attachedTemplate``, ``w:linkStyles`` and ``w:mailMerge``; turns the fields
    INCLUDEPICTURE, INCLUDETEXT, INCLUDE, IMPORT, LINK, DDE, DDEAUTO and RD into the text
    they show. Returns ``data`` itself when there is nothing to remove.

    Raises:
        ConversionError: the document pulls in another document (``w:altChunk``,
            ``w:subDoc``), or a part that must be read is not well-formed XML or has a DTD.
    """
    # The one bounded reader of check, lint and templates: sizes, entry counts, duplicate
    # names, and a DTD in any XML part (UTF-16 too) refused before LibreOffice sees it.
    # Not validated as a whole: a relationship to a URL is what this removes, not an error.
    package = Package(data, _refused)
    entries = {name: package.read(name) for name in sorted(package.names)}
    roots = {
        name: package.parse(name, content)
        for name, content in entries.items()
        if name.endswith((".xml", ".rels"))
    }
    dropped: dict[str, set[str]] = {}
    changed = False
    for name in [n for n in entries if n.endswith(".rels")]:
        if b"External" not in entries[name] and not _URL_BYTES.search(entries[name]):
            continue
        root = roots[name]
        outward = [
            rel
            for rel in root.iter(f"{_PKG_RELS}Relationship")
            if _points_outside(rel) and rel.get("Type") != _HYPERLINK
        ]
        for rel in outward:
            dropped.setdefault(_source_part(name), set()).add(rel.get("Id", ""))
            _remove(rel)
        if outward:
            entries[name] = _serialise(root)
            changed = True
    for name, content in list(entries.items()):
        if not name.endswith(".xml") or (
            name not in dropped and not any(sign in content for sign in _SIGNS)
        ):
            continue
        root = roots[name]
        if _seal_part(name, root, dropped.get(name, set())):
            entries[name] = _serialise(root)
            changed = True
    if not changed:
        return data
    return zip_entries(cast("dict[str, bytes | Compressed]", entries))
