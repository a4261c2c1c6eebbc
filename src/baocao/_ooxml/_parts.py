"""Adding a part to a package: its content type (``[Content_Types].xml``) and the
relationship that names it (a ``.rels`` part), each added once."""

from __future__ import annotations

from lxml import etree

from ._ns import CT_NS, PKG_REL_NS

__all__ = ["DECLARATION", "with_override", "with_relationship"]

DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def with_override(types: bytes, part: str, content_type: str) -> bytes:
    """``[Content_Types].xml`` with an Override for ``part`` (``/word/footnotes.xml``)."""
    root = etree.fromstring(types)
    if any(o.get("PartName") == part for o in root.iter(f"{{{CT_NS}}}Override")):
        return types
    etree.SubElement(root, f"{{{CT_NS}}}Override", {"PartName": part, "ContentType": content_type})
    return DECLARATION + etree.tostring(root, encoding="UTF-8")


def with_relationship(rels: bytes, kind: str, target: str) -> bytes:
    """The relationships ``rels`` with one of type ``kind`` to ``target``, under the first
    free ``rIdN``, unless one of that type is there."""
    root = etree.fromstring(rels)
    found = list(root.iter(f"{{{PKG_REL_NS}}}Relationship"))
    if any(r.get("Type") == kind for r in found):
        return rels
    ids = {r.get("Id") for r in found}
    number = len(ids) + 1
    while f"rId{number}" in ids:
        number += 1
    etree.SubElement(
        root,
        f"{{{PKG_REL_NS}}}Relationship",
        {"Id": f"rId{number}", "Type": kind, "Target": target},
    )
    return DECLARATION + etree.tostring(root, encoding="UTF-8")
