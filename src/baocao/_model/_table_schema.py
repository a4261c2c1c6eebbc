"""The JSON Schema of a statistics table's pieces (issue 12, §2), for ``_schema``: header
cells, rows (cells, ``{group}``, ``{subtotal}``), rows from a file, widths and alignment."""

from __future__ import annotations

from typing import Any

from ._grid import MAX_SPAN
from ._table_fields import _ALIGN_WORDS, MAX_WIDTH

__all__ = ["table_definitions", "table_properties"]


def table_definitions(cell_text: dict[str, Any], heading: dict[str, Any]) -> dict[str, Any]:
    """``$defs`` entries: ``HeaderCell`` and ``Row``."""
    span = {"type": "integer", "minimum": 1, "maximum": MAX_SPAN}
    return {
        "HeaderCell": {
            "description": "a header cell: a text, or {text, colspan, rowspan}",
            "oneOf": [
                cell_text,
                {
                    "type": "object",
                    "required": ["text"],
                    "additionalProperties": False,
                    "properties": {"text": cell_text, "colspan": span, "rowspan": span},
                },
            ],
        },
        "Row": {
            "description": "a row: a list of cells, {group: …} (a row spanning the table) "
            "or {subtotal: [...]} (a bold row of subtotals)",
            "oneOf": [
                {"type": "array", "items": {"$ref": "#/$defs/Cell"}},
                {
                    "type": "object",
                    "required": ["group"],
                    "additionalProperties": False,
                    "properties": {"group": heading},
                },
                {
                    "type": "object",
                    "required": ["subtotal"],
                    "additionalProperties": False,
                    "properties": {
                        "subtotal": {"type": "array", "items": {"$ref": "#/$defs/Cell"}}
                    },
                },
            ],
        },
    }


_ROWS_FILE = {
    "type": "object",
    "required": ["file"],
    "additionalProperties": False,
    "description": "rows read from a CSV file or a sheet of an .xlsx workbook, the path "
    "relative to the input file and inside its folder",
    "properties": {
        "file": {"type": "string", "pattern": r"\.(?:[Cc][Ss][Vv]|[Xx][Ll][Ss][XxMm])(?![\s\S])"},
        "sheet": {"type": "string", "pattern": r"^[^\x00-\x1f\[\]:*?/\\]{1,31}(?![\s\S])"},
        "range": {
            "type": "string",
            "pattern": r"^[A-Za-z]{1,3}[0-9]{1,7}:[A-Za-z]{1,3}[0-9]{1,7}(?![\s\S])",
        },
        "delimiter": {"type": "string", "pattern": r"^[^\x00-\x1f\r\n\"](?![\s\S])"},
    },
}


def table_properties(properties: dict[str, Any], schema: dict[str, Any]) -> None:
    """Complete the generated properties of ``Table`` and its rules between fields."""
    rows = properties["rows"]
    properties["rows"] = {
        "description": rows.get("description", ""),
        "oneOf": [{k: v for k, v in rows.items() if k != "description"}, _ROWS_FILE],
    }
    properties["widths"] = {
        **properties["widths"],
        "items": {"type": "integer", "minimum": 1, "maximum": MAX_WIDTH},
    }
    properties["align"] = {**properties["align"], "items": {"enum": list(_ALIGN_WORDS)}}
    properties["header_rows"] = {**properties["header_rows"]}
    schema["required"] = [name for name in schema.get("required", []) if name != "header"]
    schema.setdefault("allOf", []).append(
        {
            "oneOf": [
                {"required": ["header"], "not": {"required": ["header_rows"]}},
                {
                    "required": ["header_rows"],
                    "properties": {"header_rows": {"minItems": 1}},
                    "not": {"required": ["header"]},
                },
            ],
            "description": "one of header (one header row) or header_rows",
        }
    )
