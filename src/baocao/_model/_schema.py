"""The JSON Schema of baocao's input format, generated from the model.

``baocao schema`` prints it, so that other tools (web forms, e-office systems) can
validate and build input without Python. It walks the same attrs classes and type hints
as the loader (``_load``), and takes each field's description from the
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

from .._nd30 import CIRCULATION_NOTES, CIRCULATION_RETURN_AFTER, RECALL_MARK
from ._body import Block, Cell, Dash, Item, Paragraph, Part, Point, Section, Table
from ._fields import ShortForm, _no_end_punctuation, _OneOf, bounds, field_bounds, short_form
from ._grid import HeaderCell
from ._kinds import DocumentType
from ._layout import HEADING, LISTED, ONE_LINE, Layout, field_layout
from ._letter import LETTER_FIELDS
from ._load import _hints
from ._numbering import Numbering
from ._report import ABBREVIATION, ORGAN_ID, Appendix, Filing, Issuer, Report, Signatory
from ._table_fields import Row
from ._table_schema import table_definitions, table_properties
from ._values import Date, Footnote, Money, Number, Percent, Rate, Segment

__all__ = ["json_schema"]

# Character classes, written so that Python's ``re`` (jsonschema, hypothesis-jsonschema) and
# ECMA-262 read them alike: no ``\s``/``\d`` (their sets differ), no ``$`` (Python's also
# matches before a final newline; ``(?![\s\S])`` is the end of the text in both).
_END = r"(?![\s\S])"
_FORBIDDEN = r"\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff"  # what XML 1.0 cannot carry
_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""What Python's ``str.isspace`` (and so ``str.strip``) counts as white space."""
_SPACE_OK = r"\t-\r\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_BREAKS = r"\n\r\x0b\x0c\x85\u2028\u2029"  # LINE_BREAKS
_MARKS = r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""The combining diacritical marks of Latin text (the tone marks among them): no text
starts with one (``load`` refuses every combining mark, Unicode category M)."""
_START = f"^(?![{_MARKS}])"

_ANY_TEXT = {"type": "string", "pattern": f"{_START}[^{_FORBIDDEN}]*{_END}"}
_TEXT = {
    "type": "string",
    "pattern": f"{_START}[^{_FORBIDDEN}]*[^{_FORBIDDEN}{_SPACE}][^{_FORBIDDEN}]*{_END}",
    "description": "a text with at least one character that is not a space",
}
_LINE = {
    "type": "string",
    "pattern": f"{_START}[^{_FORBIDDEN}]*[^{_FORBIDDEN}{_SPACE};,\u037e][{_SPACE_OK}]*{_END}",
    "description": "a line, not ending with ';' or ',' (baocao adds the punctuation)",
}
_INLINE_SPACE = r"\t\x20\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"  # white space, no break
_ONE_LINE = {
    "type": "string",
    "pattern": f"{_START}[^{_FORBIDDEN}{_BREAKS}]*[^{_FORBIDDEN}{_SPACE};,\u037e]"
    f"[{_INLINE_SPACE}]*{_END}",
    "description": "one line, not ending with ';' or ',' (baocao adds them)",
}
_PLACE = {
    "type": "string",
    "pattern": f"{_START}[^{_FORBIDDEN}{_SPACE}](?:[^{_FORBIDDEN}{_BREAKS}\\t]*"
    f"[^{_FORBIDDEN}{_SPACE}])?{_END}",
}
_BLANK = {"type": "string", "pattern": f"^[{_SPACE_OK}]*{_END}"}

_DIGITS = r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)"
_VI_NUMBER = f"^-?{_DIGITS}(?:,[0-9]+)?{_END}"
_NUMBER = {
    "oneOf": [
        {"type": "integer"},
        {
            "type": "string",
            "pattern": _VI_NUMBER,
            "description": "a number written the Vietnamese way: 4.607.678, 47,67",
        },
    ]
}
_WHOLE = {
    "oneOf": [
        {"type": "integer"},
        {
            "type": "string",
            "pattern": f"^-?{_DIGITS}(?:,0+)?{_END}",
            "description": "a whole number written the Vietnamese way: 4.607.678",
        },
    ]
}
_NONZERO = {
    "allOf": [
        _NUMBER,
        {
            "not": {
                "oneOf": [{"const": 0}, {"type": "string", "pattern": f"^-?[0.]+(?:,0+)?{_END}"}]
            }
        },
    ],
    "description": "a number that is not zero",
}
_JSON_TYPES = ["null", "boolean", "object", "array", "number", "string"]
_DATE = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {
            "not": {"type": _JSON_TYPES},
            "description": "a value that is no JSON type at all: the date object that YAML makes "
            "of an unquoted 2025-05-03 (yaml.safe_load)",
        },
    ],
    "description": "a date written YYYY-MM-DD (or unquoted in YAML)",
}

CROSS_FIELD_RULES = (
    "a recipient (recipients) is not also an addressee (addressees), compared case-blind: "
    "Nơi nhận opens with 'Như trên', which covers them",
    "every row of a table, and its totals, has as many cells as the header",
    "the header cells of a table (header_rows) tile its grid: every row fills as many "
    "columns, no cell runs into another or below the last header row; widths and align "
    "have one value per column",
    "rows read from a file (rows: {file: …}) exist, relative to the input file and inside "
    "its folder, and fit the "
    "table; units, notes and source do not repeat the labels baocao prints (Đơn vị tính, "
    "Ghi chú, Nguồn)",
    "the place (địa danh) starts with a capital letter (str.isupper)",
    "the subject (trích yếu) and the signer's name are not all capitals",
    "a number has at most 4000 digits, and a rate's percentage too",
    "whole numbers are written as integers (15), never with a fraction (15.0)",
    "an amount ({money}) does not follow a text, a number or a date that ends in a digit: "
    "the two would print as one number",
    "the trích yếu does not start with a body label in digits of another script ('١. '): "
    "the schema names the ASCII ones ('1. ', 'I. ', 'a) ')",
    "no text starts with a combining mark: the schema names the combining diacritical "
    "marks of Latin text, load refuses every one (Unicode category M)",
    "the body is numbered as deep as its numbering numbers: points (điểm) only where the "
    "scheme or numbering.point labels them (not under an 'arabic' item), sub-points only in "
    "the decimal scheme or with numbering.subpoint, nothing below a sub-point; no level has "
    "more entries than its style has labels (23 letters, 20 ordinals in words); a decimal "
    "style (1.1.) continues a level labelled '1.' or '1.1.', and no decimal numbers stand "
    "under a heading with numbered: false; the numbered levels read Roman numerals or "
    "capitals above numbers above letters (no two levels labelled alike but decimal ones)",
    "a signature block is one of the decree's forms (collective and by_order_of are not "
    "both given); the signer's title is not the title signed for (acting_for) and "
    "by_order_of is not acting_for, compared case-blind; acting_for and by_order_of are "
    "not a deputy's title ('Phó …'), nor is the title with Q.; TM.'s acting_for is not "
    "the signer's title",
    "a text is not made of footnotes ({footnote: …}) and blank texts alone",
    "a date is a real date: 'format: date' only says so to a validator that asserts "
    "formats (jsonschema: format_checker=Draft202012Validator.FORMAT_CHECKER); a date "
    "object (YAML's unquoted 2025-05-03) is accepted as a date, a date-time object is not",
)
"""What :func:`baocao.load` checks that this schema cannot say (also in its description)."""

_DESCRIPTION = (
    "The input of baocao (Nghị định 30/2020/NĐ-CP, Mẫu 1.4), as baocao.load reads it. "
    "Besides what this schema says, load checks: " + "; ".join(CROSS_FIELD_RULES) + ". "
    "The schema is stricter than load in three places: doc_type is one of the listed "
    "spellings (load also takes a type name in any case), numbers and dates written as "
    "text have no spaces around them, and their digits are ASCII."
)


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


def _decimals(cls: type) -> dict[str, Any]:
    return {"type": "integer", **bounds(cls, "decimals")}


def _segment_schemas() -> list[dict[str, Any]]:
    return [
        _ANY_TEXT,
        {
            "type": "object",
            "description": _summary(Money),
            "required": ["money"],
            "additionalProperties": False,
            "properties": {
                "money": _WHOLE,
                "style": {"enum": ["north", "south"]},
                "suffix": {"enum": [None, "chẵn"]},
            },
        },
        {
            "type": "object",
            "description": _summary(Percent),
            "required": ["percent"],
            "additionalProperties": False,
            "properties": {"percent": _NUMBER, "decimals": _decimals(Percent)},
        },
        {
            "type": "object",
            "description": _summary(Number),
            "required": ["number"],
            "additionalProperties": False,
            "properties": {"number": _NUMBER, "decimals": _decimals(Number)},
        },
        {
            "type": "object",
            "description": _summary(Rate),
            "required": ["rate", "rounding"],
            "additionalProperties": False,
            "properties": {
                "rate": {
                    "type": "array",
                    "prefixItems": [_NUMBER, _NONZERO],
                    "items": False,
                    "minItems": 2,
                    "description": "[actual, target]; the target is not zero",
                },
                "rounding": {"enum": ["down", "half_up"]},
                "decimals": _decimals(Rate),
            },
        },
        {
            "type": "object",
            "description": _summary(Date),
            "required": ["date"],
            "additionalProperties": False,
            "properties": {"date": _DATE},
        },
        {  # issue 12: footnotes
            "type": "object",
            "description": _summary(Footnote),
            "required": ["footnote"],
            "additionalProperties": False,
            "properties": {"footnote": _with_layout(_TEXT, ONE_LINE)},
        },
    ]


def _nonempty(*names: str) -> dict[str, Any]:
    """At least one of the lists ``names`` is given and not empty."""
    return {
        "anyOf": [{"required": [name], "properties": {name: {"minItems": 1}}} for name in names]
    }


def _one_of_given(first: str, second: str) -> dict[str, Any]:
    """Exactly one of ``first`` and ``second`` is given and not null."""
    return {
        "oneOf": [
            {"required": [name], "properties": {name: {"not": {"type": "null"}}}}
            for name in (first, second)
        ]
    }


# Rules between the fields of one class, that JSON Schema can say (each mirrors a check of
# the class's __attrs_post_init__ or of a validator in baocao._model).
_LETTER_RULE: dict[str, Any] = {
    "if": {
        "required": ["doc_type"],
        "properties": {"doc_type": {"enum": [DocumentType.LETTER.value, "Công văn", "công văn"]}},
    },
    "then": {
        "required": ["addressees", "filing"],
        "properties": {
            "addressees": {"minItems": 1, "not": {"type": "null"}},
            "filing": {"required": ["unit"], "properties": {"unit": {"type": "string"}}},
            "subject": {"not": {"pattern": "^\\s*(?:[Vv]/[Vv]|[Vv]ề việc)\\b"}},
            "subtitle": {"type": "null"},
            "legal_bases": {"maxItems": 0},
            "parts": {"maxItems": 0},
            "number_and_date": {"const": True},
        },
        "description": "a Công văn (doc_type CV, Mẫu 1.5) takes "
        + ", ".join(LETTER_FIELDS)
        + ": Kính gửi (addressees) and the drafting unit (filing.unit, the ký hiệu's "
        "second part) required; the subject without 'V/v'; no subtitle, căn cứ or parts",
    },
}

_CLASS_RULES: dict[type, list[dict[str, Any]]] = {
    Item: [_one_of_given("title", "text")],
    Section: [_nonempty("body", "items")],
    Part: [_nonempty("body", "sections")],
    Appendix: [_nonempty("body", "sections")],
    Report: [
        _nonempty("opening", "parts", "sections", "closing"),
        _LETTER_RULE,  # issue 13: what a công văn takes
        {
            "not": {
                "required": ["parts", "sections"],
                "properties": {"parts": {"minItems": 1}, "sections": {"minItems": 1}},
            },
            "description": "parts and sections are not both given: put the sections in the parts",
        },
        # issue 12: only a draft leaves the date blank (check_draft in _model/_marks.py)
        {
            "if": {
                "required": ["number_and_date"],
                "properties": {"number_and_date": {"const": False}},
            },
            "then": {
                "properties": {
                    "number": {"type": "null"},
                    "date": {"type": "null"},
                    "year": {"type": "null"},
                    "place": {"type": "null"},
                }
            },
            "else": {"required": ["place"], "properties": {"place": {"type": "string"}}},
            "description": "without the number and date line, no number, date, year or place; "
            "with it, a place",
        },
        {
            "if": {
                "not": {
                    "anyOf": [
                        {"required": ["draft"], "properties": {"draft": {"const": True}}},
                        {
                            "required": ["number_and_date"],
                            "properties": {"number_and_date": {"const": False}},
                        },
                    ]
                }
            },
            "then": {
                "required": ["date"],
                "properties": {"date": {"not": {"type": "null"}}, "year": {"type": "null"}},
            },
            "description": "date is given unless draft is true or number_and_date false; "
            "year only for a draft",
        },
        {
            "if": {"required": ["date"], "properties": {"date": {"not": {"type": "null"}}}},
            "then": {"properties": {"year": {"type": "null"}}},
            "description": "year is not given beside a full date",
        },
    ],
    Signatory: [
        {
            "if": {
                "required": ["authority"],
                "properties": {"authority": {"enum": ["TM.", "KT.", "TL.", "TUQ."]}},
            },
            "then": {"required": ["acting_for"], "properties": {"acting_for": {"type": "string"}}},
            "else": {"properties": {"acting_for": {"type": "null"}}},
            "description": "acting_for is given with TM., KT., TL. and TUQ., and only then",
        },
        {
            "if": {
                "not": {
                    "required": ["authority"],
                    "properties": {"authority": {"enum": ["KT.", "Q.", "TL.", "TUQ."]}},
                }
            },
            "then": {"properties": {"collective": {"type": "null"}}},
            "description": "collective is only given with KT., Q., TL. or TUQ.",
        },
        # issue 12: signatures
        {
            "if": {
                "not": {"required": ["authority"], "properties": {"authority": {"const": "KT."}}}
            },
            "then": {"properties": {"by_order_of": {"type": "null"}}},
            "description": "by_order_of is only given with KT.",
        },
    ],
    Filing: [
        {
            "if": {"required": ["issued"], "properties": {"issued": {"type": "integer"}}},
            "then": {"required": ["drafter"], "properties": {"drafter": {"type": "string"}}},
            "description": "issued needs the drafter's initials",
        },
        {
            "if": {"required": ["more_units"], "properties": {"more_units": {"minItems": 1}}},
            "then": {"required": ["unit"], "properties": {"unit": {"type": "string"}}},
            "description": "more_units needs the drafting unit (unit)",
        },
    ],
}

_CAPITALS = "A-Z0-9()ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

# Fields whose text has a rule of its own.
_FIELD_TEXT: dict[tuple[type, str], dict[str, Any]] = {
    (Report, "place"): {
        **_PLACE,
        "description": "one line, starting with a capital, without a space at the end",
    },
    (Signatory, "name"): {
        **_PLACE,
        "pattern": _TEXT["pattern"].replace(f"[^{_FORBIDDEN}]*", f"[^{_FORBIDDEN}{_BREAKS}]*"),
        "description": "one line",
    },
    (Issuer, "abbreviation"): {"type": "string", "pattern": f"^{ABBREVIATION}{_END}"},
    (Issuer, "organ_id"): {"type": "string", "pattern": f"^{ORGAN_ID}{_END}"},  # issue 14
    # issue 12: the circulation notes the decree names (check_circulation in _model/_marks)
    (Report, "circulation"): {
        "type": "string",
        "pattern": "^(?:"
        + "|".join((*CIRCULATION_NOTES, RECALL_MARK))
        + f"|{CIRCULATION_RETURN_AFTER} [{_CAPITALS}]([{_CAPITALS} ]*[{_CAPITALS}])?)$",
        "description": "a circulation note of the decree, in capitals",
    },
}


def _definitions() -> dict[str, Any]:
    text = {
        "oneOf": [
            _TEXT,
            {
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/Segment"},
                "not": {"items": _BLANK},
            },
        ],
        "description": "a text, or a list of pieces: texts and {money}, {percent}, "
        "{rate}, {number}, {date}; not only blank texts",
    }
    listed = {
        "oneOf": [
            _with_layout(_TEXT, LISTED),
            {
                "type": "array",
                "minItems": 1,
                "not": {"items": _BLANK},
                "items": {"oneOf": [_with_layout(_ANY_TEXT, LISTED), *_segment_schemas()[1:]]},
            },
        ],
        "description": "a text, or a list of pieces, as Text; no page break (a numbered or "
        "dash line)",
    }
    cell = {
        "oneOf": [_with_layout(_ANY_TEXT, HEADING), {"type": "integer"}, *_segment_schemas()[1:5]]
    }
    defs: dict[str, Any] = {
        "Segment": {"oneOf": _segment_schemas()},
        "Text": text,
        "ListedText": listed,
        "Cell": cell,
        "Block": {
            "description": "a paragraph (a text), {text: …}, {dash: …} or {table: …}",
            "oneOf": [
                _TEXT,
                {
                    "type": "object",
                    "required": ["text"],
                    "additionalProperties": False,
                    "properties": {"text": {"$ref": "#/$defs/Text"}},
                    "description": _summary(Paragraph),
                },
                {
                    "type": "object",
                    "required": ["dash"],
                    "additionalProperties": False,
                    "properties": {
                        "dash": {"$ref": "#/$defs/ListedText"},
                        "plus": {  # issue 12: the "+" lines under the dash line
                            "type": "array",
                            "items": {"$ref": "#/$defs/ListedText"},
                            "description": _field_docs(Dash)["plus"],
                        },
                    },
                    "description": _summary(Dash),
                },
                {
                    "type": "object",
                    "required": ["table"],
                    "additionalProperties": False,
                    "properties": {"table": {"$ref": "#/$defs/Table"}},
                },
            ],
        },
    }
    for cls in (
        Report,
        Issuer,
        Signatory,
        Filing,
        Part,
        Section,
        Item,
        Point,
        Appendix,
        Table,
        Numbering,
    ):
        defs[cls.__name__] = _class_schema(cls)
    defs["Numbering"] = {  # issue 12: the short form, a scheme's name
        "oneOf": [defs["Numbering"]["properties"]["scheme"], defs["Numbering"]]
    }
    defs.update(table_definitions(_with_layout(_ANY_TEXT, HEADING), _with_layout(_TEXT, HEADING)))
    defs["Item"] = {"oneOf": [_with_layout(_TEXT, LISTED), defs["Item"]]}
    defs["Point"] = {"oneOf": [_with_layout(_TEXT, LISTED), defs["Point"]]}
    return defs


def _class_schema(cls: type) -> dict[str, Any]:
    docs = _field_docs(cls)
    hints = _hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], field, cls)
        if field.name in docs:
            schema = {**schema, "description": docs[field.name]}
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {
        "type": "object",
        "description": _summary(cls),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        out["required"] = required
    if cls is Table:
        properties["header"] = {
            **_with_layout(
                {"oneOf": [_TEXT, {"type": "array", "items": _TEXT, "minItems": 1}]}, HEADING
            ),
            "description": docs["header"],
        }
        properties["rows"]["minItems"] = 1
        table_properties(properties, out)
    if cls in _CLASS_RULES:
        out["allOf"] = _CLASS_RULES[cls]
    return out


def _type_schema(hint: Any, field: Any = None, cls: type | None = None) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    limits = field_bounds(field) if field is not None else {}
    layout = field_layout(field) if field is not None else None
    if hint == tuple[Segment, ...]:
        listed = layout is not None and not layout.page
        return {"$ref": "#/$defs/ListedText" if listed else "#/$defs/Text"}
    if origin in (Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        inner = _type_schema(rest[0], field, cls)
        return {"oneOf": [{"type": "null"}, inner]} if type(None) in args else inner
    if origin is tuple:
        elem = args[0]
        if elem is Block:
            items: dict[str, Any] = {"$ref": "#/$defs/Block"}
        elif elem is Cell:
            items = {"$ref": "#/$defs/Cell"}
        elif elem == tuple[Cell, ...]:
            items = {"type": "array", "items": {"$ref": "#/$defs/Cell"}}
        elif elem is Row:
            items = {"$ref": "#/$defs/Row"}
        elif elem == tuple[HeaderCell, ...]:
            items = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/HeaderCell"}}
        elif layout is not None and not layout.lines:
            items = _ONE_LINE
        elif field is not None and _no_end_punctuation in _validators(field):
            items = _LINE
        else:
            items = _type_schema(elem)
        if layout is not None:
            items = _with_layout(items, layout)
        array = {"type": "array", "items": items, **limits}
        if field is not None and short_form(field) is ShortForm.ONE:
            return {"oneOf": [items, array]}
        return array
    if hint is str:
        choices = _choices(field)
        if choices is not None:  # issue 12: numbering (a closed list of words)
            return {"enum": [c for c in choices if c is not None]}
        if (cls, field.name if field is not None else "") in _FIELD_TEXT:
            text = dict(_FIELD_TEXT[cls, field.name])  # type: ignore[index]
        elif field is not None and short_form(field) is ShortForm.LINES:
            text = {
                "oneOf": [_TEXT, {"type": "array", "items": _TEXT, "minItems": 1}],
                "description": "a text, or a list of its lines",
            }
        else:
            text = dict(_TEXT)
        return text if layout is None else _with_layout(text, layout)
    if hint is int:
        return {"type": "integer", **limits}
    if hint is bool:  # issue 12: numbered: false, draft: true
        return {"type": "boolean"}
    if hint is datetime.date:
        return dict(_DATE)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        values = [member.value for member in hint]
        if hint is DocumentType:
            values += [member.title for member in DocumentType]
        return {"enum": values}
    if attrs.has(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise AssertionError(f"no schema for {hint}")  # pragma: no cover


def _layout_rules(layout: Layout) -> list[dict[str, Any]]:
    """The rules of a :class:`~baocao._model.Layout` as patterns, each line of a text
    or list of lines on its own."""
    forbid = (
        ("" if layout.page else r"\x0c")
        + ("" if layout.tabs else r"\t")
        + ("" if layout.lines else _BREAKS)
    )
    rules: list[dict[str, Any]] = []
    if forbid:
        rules.append({"pattern": f"^[^{forbid}]*{_END}"})
    if not layout.lead_space:
        rules.append({"pattern": f"^(?![{_SPACE}])"})
    if not layout.lead_dash:
        rules.append({"pattern": f"^(?![{_SPACE}]*[-\u2013\u2014])"})
    if not layout.lead_label:
        rules.append(
            {"pattern": f"^(?![{_SPACE}]*(?:[IVXLCDM]+\\.|[0-9]+\\.|[a-zđ]\\))[{_SPACE}])"}
        )
    if not layout.lead_paren:
        rules.append({"pattern": f"^(?![{_SPACE}]*\\()"})
    return rules


def _with_layout(schema: dict[str, Any], layout: Layout) -> dict[str, Any]:
    """``schema`` (a text, or a text or list of texts) with the layout's rules added."""
    rules = _layout_rules(layout)
    if not rules:
        return schema
    if "oneOf" in schema:
        return {**schema, "oneOf": [_with_layout(branch, layout) for branch in schema["oneOf"]]}
    if schema.get("type") == "array":
        return {**schema, "items": _with_layout(schema["items"], layout)}
    return {**schema, "allOf": [*schema.get("allOf", ()), *rules]}


def _choices(field: Any) -> tuple[object, ...] | None:
    """The options of a field checked by :func:`~._fields.one_of`, else ``None``."""
    if field is None:
        return None
    for validator in _validators(field):
        if isinstance(validator, _OneOf):
            return validator.options
    return None


def _validators(field: Any) -> tuple[Any, ...]:
    """The validator functions of an attrs field (a list of them is an ``_AndValidator``)."""
    validator = field.validator
    return tuple(getattr(validator, "_validators", (validator,)))


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the input that :func:`baocao.load` accepts.

    Every rule of the model that JSON Schema can say is in it (bounds, patterns, which
    fields go together); the few it cannot say are listed in its ``description``.

    >>> import baocao
    >>> schema = baocao.json_schema()
    >>> schema["required"]
    ['issuer', 'subject', 'signatory']
    >>> schema["properties"]["signatory"]
    {'$ref': '#/$defs/Signatory', 'description': 'người ký (ô 7).'}
    >>> schema["properties"]["number"]["oneOf"][1]
    {'type': 'integer', 'minimum': 1, 'maximum': 9999999}
    """
    defs = _definitions()
    report = defs.pop("Report")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://baocao.readthedocs.io/schema/report.json",
        "title": "baocao report",
        **report,
        "description": _DESCRIPTION,
        "$defs": defs,
    }
