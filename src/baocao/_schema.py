"""The JSON Schema of baocao's input format, generated from the model.

``baocao schema`` prints it, so that other tools (web forms, e-office systems) can
validate and build input without Python. It walks the same attrs classes and type hints
as the loader (``baocao._load``), and takes each field's description from the
*Attributes* section of its class's docstring, so the three cannot drift apart.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import re
import types
import typing
from typing import Any, Union

import attrs

from . import _model as m
from ._load import _hints

__all__ = ["json_schema"]

_VI_NUMBER = r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$"
_NUMBER = {"oneOf": [{"type": "integer"},
                     {"type": "string", "pattern": _VI_NUMBER,
                      "description": "a number written the Vietnamese way: 4.607.678, 47,67"}]}
_DATE = {"type": "string", "format": "date", "description": "YYYY-MM-DD"}
_TEXT = {"type": "string", "minLength": 1}


def _field_docs(cls: type) -> dict[str, str]:
    doc = inspect.getdoc(cls) or ""
    docs: dict[str, str] = {}
    if "Attributes:" not in doc:
        return docs
    current = None
    for line in doc.split("Attributes:", 1)[1].splitlines():
        found = re.match(r"^    (\w+): (.*)$", line)
        if found:
            current = found.group(1)
            docs[current] = found.group(2).strip()
        elif current and line.startswith("        "):
            docs[current] += " " + line.strip()
        elif line.strip():
            current = None
    return docs


def _summary(cls: type) -> str:
    return (inspect.getdoc(cls) or "").split("\n\n", 1)[0].replace("\n", " ")


def _segment_schemas() -> list[dict[str, Any]]:
    return [
        {"type": "string"},
        {"type": "object", "description": _summary(m.Money), "required": ["money"],
         "additionalProperties": False,
         "properties": {"money": _NUMBER, "style": {"enum": ["north", "south"]},
                        "suffix": {"enum": [None, "chẵn"]}}},
        {"type": "object", "description": _summary(m.Percent), "required": ["percent"],
         "additionalProperties": False,
         "properties": {"percent": _NUMBER, "decimals": {"type": "integer", "minimum": 0}}},
        {"type": "object", "description": _summary(m.Number), "required": ["number"],
         "additionalProperties": False,
         "properties": {"number": _NUMBER, "decimals": {"type": "integer", "minimum": 0}}},
        {"type": "object", "description": _summary(m.Rate), "required": ["rate", "rounding"],
         "additionalProperties": False,
         "properties": {"rate": {"type": "array", "items": _NUMBER, "minItems": 2,
                                 "maxItems": 2, "description": "[actual, target]"},
                        "rounding": {"enum": ["down", "half_up"]},
                        "decimals": {"type": "integer", "minimum": 0}}},
        {"type": "object", "description": _summary(m.Date), "required": ["date"],
         "additionalProperties": False, "properties": {"date": _DATE}},
    ]


def _definitions() -> dict[str, Any]:
    text = {"oneOf": [_TEXT, {"type": "array", "minItems": 1,
                              "items": {"$ref": "#/$defs/Segment"}}],
            "description": "a text, or a list of pieces: texts and {money}, {percent}, "
                           "{rate}, {number}, {date}"}
    cell = {"oneOf": [{"type": "string"}, {"type": "integer"}, *_segment_schemas()[1:5]]}
    defs: dict[str, Any] = {
        "Segment": {"oneOf": _segment_schemas()},
        "Text": text,
        "Cell": cell,
        "Block": {
            "description": "a paragraph (a text), {text: …}, {dash: …} or {table: …}",
            "oneOf": [
                _TEXT,
                {"type": "object", "required": ["text"], "additionalProperties": False,
                 "properties": {"text": {"$ref": "#/$defs/Text"}},
                 "description": _summary(m.Paragraph)},
                {"type": "object", "required": ["dash"], "additionalProperties": False,
                 "properties": {"dash": {"$ref": "#/$defs/Text"}},
                 "description": _summary(m.Dash)},
                {"type": "object", "required": ["table"], "additionalProperties": False,
                 "properties": {"table": {"$ref": "#/$defs/Table"}}},
            ],
        },
    }
    for cls in (m.Report, m.Issuer, m.Signatory, m.Filing, m.Part, m.Section, m.Item,
                m.Point, m.Appendix, m.Table):
        defs[cls.__name__] = _class_schema(cls)
    defs["Item"] = {"oneOf": [_TEXT, defs["Item"]]}
    defs["Point"] = {"oneOf": [_TEXT, defs["Point"]]}
    return defs


def _class_schema(cls: type) -> dict[str, Any]:
    docs = _field_docs(cls)
    hints = _hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], field)
        if field.name in docs:
            schema = {**schema, "description": docs[field.name]}
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {"type": "object", "description": _summary(cls),
                           "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


def _type_schema(hint: Any, field: Any = None) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint == tuple[m.Segment, ...]:
        return {"$ref": "#/$defs/Text"}
    if origin in (Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        inner = _type_schema(rest[0], field)
        return {"oneOf": [{"type": "null"}, inner]} if type(None) in args else inner
    if origin is tuple:
        elem = args[0]
        if elem is m.Block:
            items: dict[str, Any] = {"$ref": "#/$defs/Block"}
        elif elem is m.Cell:
            items = {"$ref": "#/$defs/Cell"}
        elif elem == tuple[m.Cell, ...]:
            items = {"type": "array", "items": {"$ref": "#/$defs/Cell"}}
        else:
            items = _type_schema(elem)
        array = {"type": "array", "items": items}
        if field is not None and field.converter is m._strings:
            return {"oneOf": [_TEXT, array]}
        return array
    if hint is str:
        if field is not None and field.converter in (m._lines, m._opt_lines):
            return {"oneOf": [_TEXT, {"type": "array", "items": _TEXT, "minItems": 1}],
                    "description": "a text, or a list of its lines"}
        return dict(_TEXT)
    if hint is int:
        return {"type": "integer"}
    if hint is datetime.date:
        return dict(_DATE)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        values = [member.value for member in hint]
        if hint is m.DocumentType:
            values += [member.title for member in m.DocumentType]
        return {"enum": values}
    if attrs.has(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise AssertionError(f"no schema for {hint}")  # pragma: no cover


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the input that :func:`baocao.load` accepts.

    >>> import baocao
    >>> schema = baocao.json_schema()
    >>> schema["required"]
    ['issuer', 'place', 'date', 'subject', 'signatory']
    >>> schema["properties"]["signatory"]
    {'$ref': '#/$defs/Signatory', 'description': 'người ký (ô 7).'}
    """
    defs = _definitions()
    report = defs.pop("Report")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://baocao.readthedocs.io/schema/report.json",
        "title": "baocao report",
        **report,
        "$defs": defs,
    }
