"""Custom document properties (``docProps/custom.xml``, issue 14): written with their types
and read back; other types are ignored; the package gets its relationship and content type
once."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from baocao._ooxml import add_custom_properties, custom_properties_xml, read_custom_properties
from baocao._ooxml._custom import CUSTOM_PART

TYPES = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"""
RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="x" Target="word/document.xml"/></Relationships>"""


def test_values_come_back_with_their_types() -> None:
    values: list[tuple[str, str | int | dt.date]] = [
        ("Subject", 'Kết quả <năm> & "2026"'),
        ("Priority", 2),
        ("IssuedDate", dt.date(2026, 3, 5)),
    ]
    root = etree.fromstring(custom_properties_xml(values))
    assert read_custom_properties(root) == dict(values)
    pids = [p.get("pid") for p in root]
    assert pids == ["2", "3", "4"]


def test_other_types_are_ignored() -> None:
    xml = (
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'docPropsVTypes"><property fmtid="x" pid="2" name="Done"><vt:bool>true</vt:bool>'
        b'</property><property fmtid="x" pid="3" name="N"><vt:i4>x</vt:i4></property>'
        b"</Properties>"
    )
    assert read_custom_properties(etree.fromstring(xml)) == {}


def test_a_value_of_another_type_is_refused() -> None:
    with pytest.raises(TypeError, match="is not a text, int or date"):
        custom_properties_xml([("Flag", True)])


def test_the_package_gets_the_part_once() -> None:
    entries: dict[str, bytes] = {"[Content_Types].xml": TYPES, "_rels/.rels": RELS}
    add_custom_properties(entries, [("A", "1")])  # type: ignore[arg-type]
    add_custom_properties(entries, [("A", "2")])  # type: ignore[arg-type]
    assert entries["[Content_Types].xml"].count(b"/docProps/custom.xml") == 1
    assert entries["_rels/.rels"].count(b"custom-properties") == 1
    assert b'Id="rId2"' in entries["_rels/.rels"]
    assert read_custom_properties(etree.fromstring(entries[CUSTOM_PART])) == {"A": "2"}


def test_a_templates_own_properties_stay() -> None:
    own = custom_properties_xml([("Dept", "VP"), ("Subject", "cũ")])
    entries: dict[str, bytes] = {
        "[Content_Types].xml": TYPES,
        "_rels/.rels": RELS,
        CUSTOM_PART: own,
    }
    add_custom_properties(entries, [("Subject", "mới"), ("Priority", 1)])  # type: ignore[arg-type]
    root = etree.fromstring(entries[CUSTOM_PART])
    assert read_custom_properties(root) == {"Dept": "VP", "Subject": "mới", "Priority": 1}
    assert [p.get("pid") for p in root] == ["2", "3", "4"]
