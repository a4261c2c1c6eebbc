"""The model wing: the report as frozen, validated attrs classes, its loader and its schema.

Every text is stored in Unicode NFC. Invalid values raise :class:`~baocao.ValidationError`
(or :class:`~baocao.InvalidTypeError`) naming the field and the value; errors from
:func:`baocao.load` carry the full path (``sections[1].items[0].title``). Each class lists
its fields under *Attributes*, with the Vietnamese term of art that the field carries (see
``docs/glossary.md``).

The rooms, each importing only those above it:

* ``_kinds``: the decree's closed lists, :class:`DocumentType` and :class:`Authority`;
* ``_layout``: what a text may hold by where it is printed (:class:`Layout`);
* ``_fields``: converters, validators and the readers of a field's metadata;
* ``_values``: money, percentages, rates, numbers and dates in body text;
* ``_grid`` and ``_table_fields``: the pieces and fields of a statistics table (merged
  header cells, group and subtotal rows); ``_rows_file``: table rows from CSV or .xlsx;
* ``_body``: paragraphs, dash lines, tables, and the tree of parts, sections, items, points;
* ``_numbering``: how the tree is numbered (:class:`Numbering`: schemes, label styles);
* ``_report``: the issuer, the signatory, the filing line, appendices and the report;
* ``_parse``: YAML and JSON text into plain data, at bounded cost;
* ``_load``: files, texts and mappings into a report; ``_markdown`` (with
  ``_markdown_inline``): a report written in Markdown with YAML front matter; ``_dump``: a
  report back as YAML; ``_schema``: the JSON Schema of the input.

It imports only ``_errors``, ``_text``, ``_files`` and ``_nd30``. The loader (PyYAML) and the
JSON Schema load on first use.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names, publish
from ._body import (
    MAX_POINTS,
    Block,
    Cell,
    Dash,
    Item,
    Paragraph,
    Part,
    Point,
    Row,
    Section,
    Table,
)
from ._fields import MAX_DECIMALS, MAX_DIGITS, all_capitals, bounds
from ._grid import GroupRow, HeaderCell, SubtotalRow
from ._kinds import Authority, DocumentType
from ._layout import (
    AUTHORITY_LINE,
    BODY,
    CENTRED,
    ENTRY,
    HEADING,
    LINE_BREAKS,
    LISTED,
    ONE_LINE,
    PAGE_BREAK,
    SIGNATURE,
    SIGNER,
    SUBJECT,
    Layout,
    field_layout,
    layout_problem,
)
from ._marks import AppendixNumbering, Confidentiality, CopiesForm, Orientation, Urgency
from ._numbering import Numbering
from ._report import ABBREVIATION, MAX_DOCUMENT_NUMBER, Appendix, Filing, Issuer, Report, Signatory
from ._table_fields import uses_grid
from ._values import Date, Footnote, Money, Number, Percent, Rate, Segment

if TYPE_CHECKING:
    from ._dump import dumps
    from ._load import MAX_INPUT_BYTES, load, loads, loads_markdown
    from ._rows_file import rows_from_file
    from ._schema import json_schema

publish(
    Appendix,
    Authority,
    Dash,
    Date,
    Footnote,
    DocumentType,
    Filing,
    GroupRow,
    HeaderCell,
    Issuer,
    Item,
    Money,
    Number,
    Numbering,
    Paragraph,
    Part,
    Percent,
    Point,
    Rate,
    Report,
    Section,
    Signatory,
    SubtotalRow,
    Table,
)  # the names of baocao.__all__

__getattr__ = lazy_names(
    __name__,
    {
        "MAX_INPUT_BYTES": "._load",
        "dumps": "._dump",
        "load": "._load",
        "loads": "._load",
        "loads_markdown": "._load",
        "json_schema": "._schema",
        "rows_from_file": "._rows_file",
    },
)

__all__ = [
    "ABBREVIATION",
    "AUTHORITY_LINE",
    "BODY",
    "CENTRED",
    "ENTRY",
    "HEADING",
    "LINE_BREAKS",
    "LISTED",
    "MAX_DECIMALS",
    "MAX_DIGITS",
    "MAX_DOCUMENT_NUMBER",
    "MAX_INPUT_BYTES",
    "MAX_POINTS",
    "ONE_LINE",
    "PAGE_BREAK",
    "SIGNATURE",
    "SIGNER",
    "SUBJECT",
    "Appendix",
    "AppendixNumbering",
    "Authority",
    "Block",
    "Cell",
    "Confidentiality",
    "CopiesForm",
    "Dash",
    "Date",
    "DocumentType",
    "Filing",
    "Footnote",
    "GroupRow",
    "HeaderCell",
    "Issuer",
    "Item",
    "Layout",
    "Money",
    "Number",
    "Numbering",
    "Orientation",
    "Paragraph",
    "Part",
    "Percent",
    "Point",
    "Rate",
    "Report",
    "Row",
    "Section",
    "Segment",
    "Signatory",
    "SubtotalRow",
    "Table",
    "Urgency",
    "all_capitals",
    "bounds",
    "dumps",
    "field_layout",
    "json_schema",
    "layout_problem",
    "load",
    "loads",
    "loads_markdown",
    "rows_from_file",
    "uses_grid",
]
