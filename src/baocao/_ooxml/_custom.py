"""Custom document properties (issue 14, §2): ``docProps/custom.xml``, the part in which Word
keeps "File > Properties > Custom", with its relationship and content type.

A property is a name and a value: a text (``vt:lpwstr``), a whole number (``vt:i4``) or a
date (``vt:filetime``, midnight UTC). Names and values are escaped here; the order is the
caller's. Reading gives the values back with their type, and ignores properties of other
types (a Word user's own booleans or floats).
"""

from __future__ import annotations

import datetime as _dt
import zlib
from collections.abc import Sequence
from typing import Any

from lxml import etree

from ._parts import with_override, with_relationship
from ._zip import Compressed

__all__ = [
    "CUSTOM_PART",
    "CustomValue",
    "add_custom_properties",
    "custom_properties_xml",
    "read_custom_properties",
]

CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_CP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every custom property carries (the "user defined" property set).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CustomValue = str | int | _dt.date


def _inflate(entry: bytes | Compressed) -> bytes:
    return entry if isinstance(entry, bytes) else zlib.decompress(entry.data, -15)


def custom_properties_xml(
    properties: Sequence[tuple[str, CustomValue]], existing: bytes | None = None
) -> bytes:
    """The part ``docProps/custom.xml`` holding ``properties`` (name, value), in order,
    after those of the ``existing`` part (a template's own) that have other names."""
    root = etree.fromstring(f'<Properties xmlns="{_CP_NS}" xmlns:vt="{_VT_NS}"/>')
    names = {name for name, _ in properties}
    if existing is not None:
        for kept in etree.fromstring(existing).iter(f"{{{_CP_NS}}}property"):
            if kept.get("name") not in names:
                root.append(kept)
    for name, value in properties:
        prop = etree.SubElement(
            root, f"{{{_CP_NS}}}property", {"fmtid": _FMTID, "pid": "", "name": name}
        )
        if isinstance(value, bool) or not isinstance(value, (str, int, _dt.date)):
            raise TypeError(f"custom property {name!r}: {value!r} is not a text, int or date")
        if isinstance(value, str):
            etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
        elif isinstance(value, int):
            etree.SubElement(prop, f"{{{_VT_NS}}}i4").text = str(value)
        else:
            stamp = f"{value.isoformat()}T00:00:00Z"
            etree.SubElement(prop, f"{{{_VT_NS}}}filetime").text = stamp
    for pid, prop in enumerate(root, start=2):  # Word numbers them from 2
        prop.set("pid", str(pid))
    return _DECL + etree.tostring(root, encoding="UTF-8")


def add_custom_properties(
    entries: dict[str, bytes | Compressed], properties: Sequence[tuple[str, CustomValue]]
) -> None:
    """Put ``properties`` into the package ``entries`` (zip name → content), in place: the
    part (keeping a template's own properties of other names), its relationship and its
    content type."""
    existing = entries.get(CUSTOM_PART)
    entries[CUSTOM_PART] = custom_properties_xml(
        properties, None if existing is None else _inflate(existing)
    )
    types = _inflate(entries["[Content_Types].xml"])
    entries["[Content_Types].xml"] = with_override(types, "/" + CUSTOM_PART, _CUSTOM_TYPE)
    rels = _inflate(entries["_rels/.rels"])
    entries["_rels/.rels"] = with_relationship(rels, _CUSTOM_REL, CUSTOM_PART)


def read_custom_properties(root: Any) -> dict[str, CustomValue]:
    """The text, whole-number and date properties of a parsed ``docProps/custom.xml``."""
    found: dict[str, CustomValue] = {}
    for prop in root.iter(f"{{{_CP_NS}}}property"):
        name = prop.get("name")
        value = next(iter(prop), None)
        if name is None or value is None or not isinstance(value.tag, str):
            continue
        text = value.text or ""
        kind = etree.QName(value).localname
        if kind in ("lpwstr", "bstr"):
            found[name] = text
        elif kind in ("i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint"):
            try:
                found[name] = int(text)
            except ValueError:
                continue
        elif kind in ("filetime", "date"):
            try:
                found[name] = _dt.date.fromisoformat(text[:10])
            except ValueError:
                continue
    return found
