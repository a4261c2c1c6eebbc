"""What rendering fills, held to what a .docx can hold.

* A filled part is parsed strictly (:func:`parse_rendered`; docxtpl uses lxml's recover
  mode, which drops what it cannot read), and a flaw is an error naming its paragraph.
* A text of the report over :data:`MAX_TEXT_BYTES` is refused before rendering
  (:func:`check_text_sizes`).
* Table grids are mended as docxtpl's ``fix_tables`` mends them, on the strict tree
  (:func:`fix_table_grids`).
* The document properties are filled as text and taken from the report (its date, title
  and issuing body), never from the clock (:func:`core_values`).
"""

from __future__ import annotations

from typing import Any

import attrs
import jinja2
from lxml import etree

from .. import _model as m
from .._errors import ValidationError
from .._ooxml import W_NS, qn
from ._limits import grouped, reader_text
from ._sandbox import jinja_environment

__all__ = [
    "MAX_PROPERTY",
    "MAX_TEXT_BYTES",
    "PROPERTIES",
    "RenderedXMLError",
    "check_text_sizes",
    "compile_properties",
    "core_values",
    "fix_table_grids",
    "parse_rendered",
    "property_text",
    "render_properties",
    "rendered_error",
]

MAX_TEXT_BYTES = 10_000_000
"""The longest text (in UTF-8 bytes) one run of a .docx may hold: the limit of libxml2,
with which lxml, python-docx and baocao's own ``check`` read a .docx."""


class RenderedXMLError(jinja2.exceptions.TemplateRuntimeError):
    """The filled template is not well-formed XML (or holds a text too long for it)."""

    def __init__(self, message: str, paragraph: str) -> None:
        super().__init__(message)
        self.paragraph = paragraph


def parse_rendered(xml: str | bytes, parser: Any = None) -> Any:
    """Parse a filled part strictly (never in recover mode, which drops what it cannot
    read); a flaw is a Jinja error naming the paragraph it is in."""
    try:
        return etree.fromstring(
            xml, parser or etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as exc:
        raise rendered_error(exc, xml) from None


def rendered_error(exc: etree.XMLSyntaxError, xml: str | bytes) -> RenderedXMLError:
    text = xml.decode("utf-8", "replace") if isinstance(xml, bytes) else xml
    line, column = exc.position
    lines = text.split("\n")
    offset = sum(len(piece) + 1 for piece in lines[: line - 1]) + max(column - 1, 0)
    start = max(text.rfind("<w:p>", 0, offset), text.rfind("<w:p ", 0, offset))
    end = text.find("</w:p>", offset)
    paragraph = reader_text(text[start : end if end >= 0 else None][:100_000]) if start >= 0 else ""
    if "XML_PARSE_HUGE" in (exc.msg or ""):
        return RenderedXMLError(
            f"a text of the filled document is longer than {grouped(MAX_TEXT_BYTES)} bytes "
            "(UTF-8), the most that one text of a .docx may hold for the XML readers that "
            "open it (libxml2, lxml, python-docx)",
            paragraph,
        )
    message = (exc.msg or "").split(", line ")[0]
    return RenderedXMLError(
        f"the filled template is not well-formed XML ({message}): a value with a page break "
        "(\\f) inside a hyperlink, a field or a content control, or raw XML written with "
        "|safe, breaks the document (`baocao lint` names such placeholders)",
        paragraph,
    )


def check_text_sizes(value: object, path: str = "") -> tuple[int, int]:
    """Refuse, before rendering, a text of the report longer than :data:`MAX_TEXT_BYTES`
    (in UTF-8): the .docx would not open (lxml would cut it and drop what follows).
    Returns how many texts the report has, and how many characters they have."""
    try:
        return _sizes(value)
    except _TooLongError:
        return _check_sizes(value, path)  # again, slowly, to name the text


class _TooLongError(Exception):
    pass


_FIELDS: dict[type, tuple[str, ...] | None] = {m.Numbering: None}
"""The fields of each class that may hold texts; ``None`` for none (the numbering's words
are choices from a list, not texts of the report: issue 12)."""


def _sizes(value: object) -> tuple[int, int]:
    """:func:`_check_sizes` without the paths, fast; :class:`_TooLongError` for a text too
    long."""
    if isinstance(value, str):
        if len(value) * 4 > MAX_TEXT_BYTES and len(value.encode("utf-8")) > MAX_TEXT_BYTES:
            raise _TooLongError
        return 1, len(value)
    if isinstance(value, (list, tuple)):
        items: Any = value
    else:
        kind = type(value)
        names = _FIELDS.get(kind, ())
        if names == ():
            names = tuple(field.name for field in attrs.fields(kind)) if attrs.has(kind) else None
            _FIELDS[kind] = names
        if names is None:
            return 0, 0
        items = [getattr(value, name) for name in names]
    texts = chars = 0
    for item in items:
        if isinstance(item, str):
            if len(item) * 4 > MAX_TEXT_BYTES:
                raise _TooLongError
            texts += 1
            chars += len(item)
        elif item is not None and not isinstance(item, int):
            more, longer = _sizes(item)
            texts += more
            chars += longer
    return texts, chars


def _check_sizes(value: object, path: str = "") -> tuple[int, int]:
    if isinstance(value, str):
        if len(value) * 4 > MAX_TEXT_BYTES and len(value.encode("utf-8")) > MAX_TEXT_BYTES:
            raise ValidationError(
                value,
                f"is {grouped(len(value.encode('utf-8')))} bytes long (UTF-8); a "
                f".docx text holds at most {grouped(MAX_TEXT_BYTES)} bytes: split it into "
                "several paragraphs",
                path=path,
            )
        return 1, len(value)
    if isinstance(value, (list, tuple)):
        items = [_check_sizes(item, f"{path}[{index}]") for index, item in enumerate(value)]
    elif attrs.has(type(value)) and _FIELDS.get(type(value), ()) is not None:
        fields: tuple[Any, ...] = attrs.fields(type(value))  # type: ignore[arg-type]
        items = [
            _check_sizes(getattr(value, field.name), f"{path}.{field.name}" if path else field.name)
            for field in fields
        ]
    else:
        return 0, 0
    return sum(texts for texts, _ in items), sum(chars for _, chars in items)


def fix_table_grids(tree: Any) -> None:
    """docxtpl's ``fix_tables``, on a tree already parsed (strictly) and for any prefix of
    the WordprocessingML namespace: a table whose rows have more cells than its grid has
    columns gets more columns, one with fewer cells loses its extra columns, its width
    kept."""
    w = qn("w")
    tc = qn("tc")
    for table in tree.iter(qn("tbl")):
        grid = table.find(qn("tblGrid"))
        if grid is None:
            continue
        columns = grid.findall(qn("gridCol"))
        rows = [list(row.iterchildren(tc)) for row in table.iter(qn("tr"))]
        most = max((len(cells) for cells in rows), default=0)
        to_add = most - len(columns)
        if to_add > 0:
            width = sum(_width(c) for c in columns if c.get(w) is not None)
            if width > 0:
                old_average = width / len(columns)
                new_average = width / (len(columns) + to_add)
                for column in columns:
                    column.set(w, str(int(_width(column) * new_average / old_average)))
                for _ in range(to_add):
                    etree.SubElement(grid, qn("gridCol"), {w: str(int(new_average))})
        columns = grid.findall(qn("gridCol"))
        if _NO_SPANS(table):  # every cell spans one column: count them
            spans = most
        else:
            spans = max((sum(_span(cell) for cell in cells) for cells in rows), default=0)
        to_remove = len(columns) - spans
        if to_remove > 0:
            removed = 0.0
            for column in columns[-to_remove:]:
                removed += _width(column)
                grid.remove(column)
            left = grid.findall(qn("gridCol"))
            extra = int(removed / len(left)) if left else 0
            for column in left:
                column.set(w, str(int(_width(column) + extra)))


# No cell of the table's rows (table.iter("tr"): its own and those of tables inside it)
# has a w:tcPr/w:gridSpan: _span() is 1 for each.
_NO_SPANS = etree.XPath(
    "not(descendant::w:gridSpan[parent::w:tcPr/parent::w:tc/parent::w:tr])",
    namespaces={"w": W_NS},
)


def _width(column: Any) -> float:
    try:
        return float(column.get(qn("w")))
    except (TypeError, ValueError):
        return 0.0


def _span(cell: Any) -> int:
    span = cell.find(f"{qn('tcPr')}/{qn('gridSpan')}")
    if span is None:
        return 1
    try:
        return int(span.get(qn("val")))
    except (TypeError, ValueError):
        return 1


def render_properties(core: Any, compiled: dict[str, jinja2.Template], ctx: dict[str, Any]) -> None:
    """Fill the document properties (text, escaped once by python-docx when written; at
    most :data:`MAX_PROPERTY` characters, cut with "…")."""
    for key, template in compiled.items():
        setattr(core, key, property_text(template.render(ctx)))


PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
"""The document properties docxtpl fills from the template."""


def compile_properties(core: Any) -> dict[str, jinja2.Template]:
    env = jinja_environment(properties=True)
    return {key: env.from_string(getattr(core, key)) for key in PROPERTIES}


def core_values(report: m.Report) -> dict[str, Any]:
    """The document properties of a rendered report: its date, title, body and subject."""
    return {
        "created": report.date,
        "title": _plain(f"{report.doc_type.title} {report.subject}"),
        "author": _plain(report.issuer.name),
        "subject": _plain(report.subject),
    }


MAX_PROPERTY = 255
"""Longest document property (title, subject, author) a .docx holds (python-docx's limit)."""


def _plain(text: str) -> str:
    """One line of text for the document properties (no line breaks or tabs), cut to
    :data:`MAX_PROPERTY` characters with "…": the document itself holds the whole text."""
    return property_text(" ".join(text.split()))


def property_text(text: str) -> str:
    """A document property as a .docx holds it: cut to :data:`MAX_PROPERTY` characters,
    with "…"."""
    return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1] + "…"
