"""Loading a report from YAML, JSON or a mapping, with errors that name the field path.

The input format mirrors the model: keys are the attrs field names. A few short forms
keep files readable:

* a block of a body may be a plain string (a paragraph), ``{text: …}``, ``{dash: …}``
  or ``{table: {header, rows, totals}}``;
* a text may be a string or a list of pieces: strings and ``{money: …}``,
  ``{percent: …}``, ``{rate: [actual, target], rounding: down}``, ``{number: …}``,
  ``{date: …}``;
* an item may be a plain string (an item without title), a point too;
* multi-line header names may be a list of lines.

YAML is read event by event into plain data, reading only what a report writer
obviously means: no aliases (so no "billion laughs"); ``010`` is ten (never YAML 1.1's
octal eight), in a table cell too (``01`` is one; ``"01"`` is the text); ``0x1A``, ``1_000``,
``1:30``, ``.inf``, ``yes`` and ``2025-05-03`` stay texts as typed; only
``true``/``false`` are booleans ("NO" stays a text). An explicit tag (``!!int 0x1A``)
gives its plain value, or a :class:`~baocao.ValidationError` with the field path
(``!!int 1:30``, ``!!binary``, a tag of one's own). Floats are refused where a number is
expected: write ``"47,67"`` instead of ``47.67``. The cost is bounded: at most
:data:`MAX_INPUT_BYTES` read, :data:`MAX_DEPTH` levels, :data:`MAX_ITEMS` values, and no
number is converted before its digits are counted (docs/errors.md, "Loading").
``_parse`` reads the text into plain data; this module turns the data into a report.
"""

from __future__ import annotations

import contextvars
import datetime as _dt
import decimal
import enum
import os
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union

import attrs

from .._errors import InvalidTypeError, LoadError, ValidationError, join_path
from .._files import read_bounded
from .._text import check_text
from . import _body, _fields, _grid, _kinds, _layout, _numbering, _report, _table_fields, _values
from ._body import Block, Cell, Dash, Item, Paragraph, Point, Table
from ._fields import MAX_DIGITS, ShortForm, short_form
from ._grid import GroupRow, HeaderCell, SubtotalRow
from ._parse import _ISO_DATE, _Oversized, _ZeroPadded, parsed
from ._report import Report
from ._table_fields import Row
from ._values import Date, Footnote, Money, Number, Percent, Rate, Segment

__all__ = ["MAX_INPUT_BYTES", "checked_text", "load", "loads", "loads_markdown", "structure"]

MAX_INPUT_BYTES = 10 * 1024 * 1024
"""Largest input file :func:`load` reads (10 MiB); a report is far smaller."""

Source = Union[str, "os.PathLike[str]", Mapping[str, Any]]


# --------------------------------------------------------------------------- reading


def loads(text: str | bytes, *, format: str = "yaml", name: str = "<string>") -> Report:
    """Parse a report from YAML or JSON text (``format`` is ``"yaml"`` or ``"json"``);
    bytes are read as UTF-8."""
    if format not in ("yaml", "json"):
        raise LoadError(f"{name}: unknown format {format!r}; expected 'yaml' or 'json'")
    text = checked_text(text, name)
    data = parsed(text, format, name)
    if not isinstance(data, Mapping):
        raise LoadError(
            f"{name}: expected a mapping of report fields at the top, got {type(data).__name__}"
        )
    return structure(data)


def checked_text(text: object, name: str) -> str:
    """``text`` as a str within :data:`MAX_INPUT_BYTES` (bytes are read as UTF-8), or the
    error that says why it is not one."""
    if isinstance(text, (bytes, bytearray)):  # as 0.1 took them (yaml.load reads bytes)
        if len(text) > MAX_INPUT_BYTES:
            raise LoadError(f"{name}: the input is larger than {MAX_INPUT_BYTES} bytes")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    if not isinstance(text, str):
        raise InvalidTypeError(text, "is not a text (str)")
    if len(text) > MAX_INPUT_BYTES:
        raise LoadError(f"{name}: the input is larger than {MAX_INPUT_BYTES} bytes")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise LoadError(
            f"{name}: not text: it holds U+{ord(text[exc.start]):04X}, half of a surrogate pair"
        ) from None
    if size > MAX_INPUT_BYTES:
        raise LoadError(f"{name}: the input is larger than {MAX_INPUT_BYTES} bytes")
    return text


def loads_markdown(text: str | bytes, *, source: str | None = None) -> Report:
    """A report from Markdown ``text`` with YAML front matter (issue 15, §1); ``source``
    names the file in errors, which start ``report.md:LINE:COLUMN:``.

    The front matter holds the fields of the YAML form but the body; the body is
    Markdown: ``#`` a part, ``##`` a section, ``###`` an item with a title, numbered lists
    the items without a title or the points, ``-`` lists dash lines (docs/authoring.md,
    "Markdown").

    >>> import baocao
    >>> report = baocao.loads_markdown('''---
    ... issuer: {name: Sở Nội vụ, abbreviation: SNV}
    ... place: Hà Nội
    ... date: 2026-01-05
    ... subject: Kết quả công tác văn thư
    ... signatory: {title: Giám đốc, name: Nguyễn Văn A}
    ... ---
    ... ## I. Kết quả
    ...
    ... Kinh phí là {money: 125000000}.
    ... ''', source="report.md")
    >>> report.sections[0].title, report.sections[0].body[0].text[1]
    ('Kết quả', Money(amount=125000000, style='north', suffix=None))
    >>> baocao.loads_markdown("## II. Kết quả\\n\\nĐã xong.\\n", source="report.md")
    Traceback (most recent call last):
    ...
    baocao.LoadError: report.md:1:4: the heading is numbered 'II.', but it is section 1, ...
    """
    from ._markdown import read_markdown  # markdown-it-py, only for Markdown

    name = source or "<markdown>"
    data, locate = read_markdown(checked_text(text, name), name)
    try:
        return structure(data)
    except ValidationError as exc:
        raise locate(exc) from None


def load(source: Source) -> Report:
    """Load a report from a YAML, JSON or Markdown (``.md``) file, or from a mapping.

    >>> import baocao
    >>> report = baocao.load({
    ...     "issuer": {"name": "Sở Nội vụ", "abbreviation": "SNV"},
    ...     "number": 5, "place": "Hà Nội", "date": "2026-01-05",
    ...     "subject": "Kết quả công tác văn thư năm 2025",
    ...     "signatory": {"title": "Giám đốc", "name": "Nguyễn Văn A"},
    ...     "sections": [{"title": "Kết quả", "body": ["Đã hoàn thành."]}],
    ... })
    >>> report.symbol
    'BC-SNV'
    >>> baocao.load({"issuer": {"name": "Sở Nội vụ"}})
    Traceback (most recent call last):
    ...
    baocao.ValidationError: issuer.abbreviation: None is required
    """
    if isinstance(source, Mapping):
        return structure(source)
    if not isinstance(source, (str, os.PathLike)):
        raise InvalidTypeError(source, "is not a path or a mapping")
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json", ".md"):
        raise LoadError(f"{path}: expected a .yaml, .yml, .json or .md file")
    raw = read_bounded(path, MAX_INPUT_BYTES, lambda reason: LoadError(f"{path}: {reason}"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    del raw  # a copy fewer while the text is parsed
    token = _BASE.set(path.parent)  # rows: {file: …} is relative to the input file
    try:
        if suffix == ".md":  # issue 15: Markdown with YAML front matter
            return loads_markdown(text, source=str(path))
        return loads(text, format="json" if suffix == ".json" else "yaml", name=str(path))
    finally:
        _BASE.reset(token)


_BASE: contextvars.ContextVar[Path | None] = contextvars.ContextVar("baocao_base", default=None)
"""The folder of the input file being loaded (``None``: the current folder)."""


# --------------------------------------------------------------------------- structuring


def structure(data: Mapping[str, Any]) -> Report:
    """Build a :class:`~baocao.Report` from plain data (the parsed YAML/JSON)."""
    report = _structure_class(Report, data, "")
    assert isinstance(report, Report)
    return report


_HINTS: dict[type, dict[str, Any]] = {}

# The names the annotations of the model use ("tuple[Block, ...]", "_dt.date"), from every
# module of the model: the public classes' __module__ reads "baocao", not theirs.
_NAMES: dict[str, Any] = {
    name: value
    for module in (
        _kinds,
        _layout,
        _fields,
        _values,
        _grid,
        _table_fields,
        _body,
        _numbering,
        _report,
    )
    for name, value in vars(module).items()
}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, _NAMES)
    return _HINTS[cls]


def _structure_class(cls: type, data: object, path: str) -> Any:
    if isinstance(data, cls):
        return data
    hint = _colon_hint(data)
    if hint and cls in (Item, Point):
        raise ValidationError(
            data, f"is not a text or a mapping of {cls.__name__} fields" + hint, path=path
        )
    if not isinstance(data, Mapping):
        raise InvalidTypeError(data, f"is not a mapping of {cls.__name__} fields", path=path)
    fields = {f.name: f for f in attrs.fields(cls)}
    for key in data:
        if key not in fields:
            raise ValidationError(
                key,
                f"is not a field of {cls.__name__}; expected one of " + ", ".join(fields),
                path=path,
            )
    kwargs: dict[str, Any] = {}
    hints = _hints(cls)
    for name, field in fields.items():
        where = join_path(path, name)
        if name not in data:
            if field.default is attrs.NOTHING:
                raise ValidationError(None, "is required", path=where)
            continue
        kwargs[name] = _structure_value(hints[name], data[name], where, field)
    try:
        return cls(**kwargs)
    except ValidationError as exc:
        raise exc.with_prefix(path) from None


def _structure_value(hint: Any, value: object, path: str, field: Any = None) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint == tuple[Segment, ...]:
        return _structure_text(value, path)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _structure_value(rest[0], value, path, field)
        raise AssertionError(f"unhandled union {hint}")  # pragma: no cover
    if origin is tuple:
        elem = args[0]
        if field is not None and short_form(field) is ShortForm.ONE and isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise InvalidTypeError(value, "is not a list", path=path)
        return tuple(_structure_element(elem, v, f"{path}[{i}]") for i, v in enumerate(value))
    if hint is str:
        if field is not None and short_form(field) is ShortForm.LINES and isinstance(value, list):
            for index, line in enumerate(value):
                check_text(line, path=f"{path}[{index}]")
            return value
        return check_text(value, path=path)
    if hint is int:
        return _structure_int(value, path)
    if hint is bool:  # issue 12: numbered: false, draft: true
        if not isinstance(value, bool):
            raise InvalidTypeError(value, "is not true or false", path=path)
        return value
    if hint is _dt.date:
        return _structure_date(value, path)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint.parse(value, path=path)  # type: ignore[attr-defined]
    if attrs.has(hint):
        if hint is _numbering.Numbering and isinstance(value, str):
            value = {"scheme": value}  # the short form: numbering: decimal
        return _structure_class(hint, value, path)
    raise AssertionError(f"unhandled type {hint}")  # pragma: no cover


def _structure_element(elem: Any, value: object, path: str) -> Any:
    if elem is Block:
        return _structure_block(value, path)
    if elem is Point:
        if isinstance(value, str):
            return _structure_class(Point, {"text": value}, path)
        return _structure_class(Point, value, path)
    if elem is Item:
        if isinstance(value, str):
            return _structure_class(Item, {"text": value}, path)
        return _structure_class(Item, value, path)
    if elem is Cell:
        return _structure_cell(value, path)
    if elem is Row:
        return _structure_row(value, path)
    if elem is HeaderCell and isinstance(value, str):
        return HeaderCell(text=check_text(value, path=path, allow_empty=True))
    if elem == tuple[Cell, ...]:
        if not isinstance(value, list):
            raise InvalidTypeError(value, "is not a list of cells", path=path)
        return tuple(_structure_cell(v, f"{path}[{i}]") for i, v in enumerate(value))
    return _structure_value(elem, value, path)


_BLOCK_KEYS = {"text": Paragraph, "dash": Dash, "table": Table}


def _colon_hint(value: object) -> str:
    """YAML reads ``- Kết quả như sau:`` as a mapping; say so instead of "not a text"."""
    if isinstance(value, Mapping) and len(value) == 1:
        ((key, inner),) = value.items()
        if isinstance(key, str) and inner is None:
            return (
                f" (YAML read the line ending in ':' as a key; put the text in quotes: \"{key}:\")"
            )
    return ""


def _structure_block(value: object, path: str) -> Block:
    if isinstance(value, str):
        return Paragraph(check_text(value, path=path))
    if isinstance(value, Mapping) and len(value) == 1:
        ((key, inner),) = value.items()
        if key in ("text", "dash"):
            pieces = _structure_text(inner, join_path(path, key))
            try:
                return _BLOCK_KEYS[key](pieces)  # type: ignore[no-any-return]
            except ValidationError as exc:  # a rule between pieces: "text[1]" of the block
                inner_path = key + exc.path.removeprefix("text")
                raise type(exc)(exc.value, exc.reason, path=join_path(path, inner_path)) from None
        if key == "table":
            return _structure_table(inner, join_path(path, "table"))
    if isinstance(value, Mapping) and "plus" in value:  # issue 12: "+" lines
        return _structure_plus(value, path)
    raise ValidationError(
        value,
        "is not a paragraph (a text), {text: …}, {dash: …, plus: […]} or {table: …}"
        + _colon_hint(value),
        path=path,
    )


def _structure_plus(value: Mapping[str, Any], path: str) -> Dash:
    """``{dash: …, plus: […]}``: a dash line with its "+" lines under it."""
    others = [k for k in value if k not in ("dash", "plus")]
    if "dash" not in value or others:
        raise ValidationError(
            others[0] if others and "dash" in value else value,
            'has "+" lines under something that is not a dash line: "+" lines go under '
            "a dash line, {dash: …, plus: […]}",
            path=join_path(path, others[0]) if others and "dash" in value else path,
        )
    dash = _structure_class(Dash, {"text": value["dash"], "plus": value["plus"]}, path)
    assert isinstance(dash, Dash)
    return dash


class _FileRow(tuple):  # type: ignore[type-arg]
    """A row read from a CSV or .xlsx file: its cells are values already."""


def _structure_table(value: object, path: str) -> Table:
    rows = value.get("rows") if isinstance(value, Mapping) else None
    if not isinstance(rows, Mapping):
        table = _structure_class(Table, value, path)
        assert isinstance(table, Table)
        return table
    from ._rows_file import RowsFile, located, read_rows

    assert isinstance(value, Mapping)
    where = join_path(path, "rows")
    read, origin = read_rows(RowsFile.from_input(rows, _BASE.get(), where), where)
    try:
        table = _structure_class(Table, {**value, "rows": [_FileRow(r) for r in read]}, path)
    except ValidationError as exc:
        raise located(exc, origin, where) from None
    assert isinstance(table, Table)
    return table


def _structure_row(value: object, path: str) -> Row:
    if isinstance(value, _FileRow):
        return tuple(value)
    if isinstance(value, list):
        return tuple(_structure_cell(v, f"{path}[{i}]") for i, v in enumerate(value))
    if isinstance(value, Mapping) and len(value) == 1:
        ((key, inner),) = value.items()
        if key == "group":
            try:
                return GroupRow(check_text(inner, path=join_path(path, "group")))
            except ValidationError as exc:
                raise type(exc)(exc.value, exc.reason, path=join_path(path, "group")) from None
        if key == "subtotal":
            where = join_path(path, "subtotal")
            if not isinstance(inner, list):
                raise InvalidTypeError(inner, "is not a list of cells", path=where)
            return SubtotalRow(
                tuple(_structure_cell(v, f"{where}[{i}]") for i, v in enumerate(inner))
            )
    raise InvalidTypeError(
        value, "is not a row: a list of cells, {group: …} or {subtotal: [...]}", path=path
    )


def _structure_text(value: object, path: str) -> tuple[Segment, ...]:
    if isinstance(value, str):
        return (check_text(value, path=path),)
    if not isinstance(value, list) or not value:
        raise InvalidTypeError(value, "is not a text or a non-empty list of text pieces", path=path)
    pieces = tuple(_structure_segment(v, f"{path}[{i}]") for i, v in enumerate(value))
    if all(isinstance(p, str) for p in pieces) and not "".join(pieces).strip():  # type: ignore[arg-type]
        raise ValidationError(value, "must not be empty", path=path)
    return pieces


_SEGMENT_KEYS: dict[str, tuple[type, str, tuple[str, ...]]] = {
    # key: (class, the field the key's value goes to, other allowed keys)
    "money": (Money, "amount", ("style", "suffix")),
    "percent": (Percent, "value", ("decimals",)),
    "number": (Number, "value", ("decimals",)),
    "date": (Date, "value", ()),
    "rate": (Rate, "", ("rounding", "decimals")),
    "footnote": (Footnote, "text", ()),  # issue 12: footnotes
}


def _structure_segment(value: object, path: str) -> Segment:
    if isinstance(value, str):
        return check_text(value, path=path, allow_empty=True)
    if isinstance(value, Mapping):
        kinds = [k for k in value if k in _SEGMENT_KEYS]
        if len(kinds) == 1:
            kind = kinds[0]
            cls, main, others = _SEGMENT_KEYS[kind]
            for key in value:
                if key != kind and key not in others:
                    raise ValidationError(
                        key,
                        f"is not a field of {{{kind}: …}}; expected "
                        + ", ".join(others or ("nothing else",)),
                        path=path,
                    )
            where = join_path(path, kind)
            kwargs: dict[str, Any] = {k: v for k, v in value.items() if k != kind}
            if "decimals" in kwargs:
                kwargs["decimals"] = _structure_int(kwargs["decimals"], join_path(path, "decimals"))
            if cls is Rate:
                pair = value[kind]
                if not isinstance(pair, list) or len(pair) != 2:
                    raise ValidationError(pair, "is not a pair [actual, target]", path=where)
                kwargs["actual"] = _structure_decimal(pair[0], f"{where}[0]")
                kwargs["target"] = _structure_decimal(pair[1], f"{where}[1]")
                if "rounding" not in kwargs:
                    raise ValidationError(
                        None, "is required (down or half_up)", path=join_path(path, "rounding")
                    )
            elif cls is Date:
                kwargs[main] = _structure_date(value[kind], where)
            elif cls is Footnote:
                kwargs[main] = check_text(value[kind], path=where)
            else:
                kwargs[main] = _structure_decimal(value[kind], where)
            try:
                return cls(**kwargs)  # type: ignore[no-any-return]
            except ValidationError as exc:
                # Name the key of the input ("money"), not the field it fills ("amount").
                if main and exc.path == main:
                    raise type(exc)(exc.value, exc.reason, path=join_path(path, kind)) from None
                raise exc.with_prefix(path) from None
    raise ValidationError(
        value,
        "is not a text or one of {money: …}, {percent: …}, {rate: […]}, {number: …}, "
        "{date: …}, {footnote: …}" + _colon_hint(value),
        path=path,
    )


def _oversized(value: _Oversized, path: str) -> ValidationError:
    return ValidationError(
        value, f"has more than {MAX_DIGITS} digits, more than a report can print", path=path
    )


def _structure_cell(value: object, path: str) -> Cell:
    if isinstance(value, str):
        return check_text(value, path=path, allow_empty=True)
    if isinstance(value, _ZeroPadded):  # 010 is ten; 0.1 printed 01 as 1, and still does
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, _Oversized):
        raise _oversized(value, path)
    if isinstance(value, Mapping):
        segment = _structure_segment(value, path)
        if isinstance(segment, Date):
            raise ValidationError(
                value, "a date cannot be a table cell; write it as text", path=path
            )
        if isinstance(segment, Footnote):  # issue 12: footnotes stand in body texts
            raise ValidationError(
                value, "a footnote cannot be a table cell; put it in a text", path=path
            )
        return segment
    hint = (
        " (write it as a string such as '47,67' inside {number: …})"
        if isinstance(value, float)
        else ""
    )
    raise InvalidTypeError(
        value, f"is not a text, a whole number or {{number: …}}{hint}", path=path
    )


def _structure_int(value: object, path: str) -> int:
    if isinstance(value, _Oversized):
        raise _oversized(value, path)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(value, "is not a whole number", path=path)
    return int(value)  # number: 08 is eight


_VI_CHARS = re.compile(r"-?[0-9.,]+")
_VI_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")


def _structure_decimal(value: object, path: str) -> int | decimal.Decimal:
    """A number: an int, or a string in the Vietnamese format ("4.607.678.000", "47,67")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, _Oversized):
        raise _oversized(value, path)
    if isinstance(value, decimal.Decimal) and value.is_finite():
        return value
    if isinstance(value, str):
        text = value.strip()
        # Count the digits before reading: int() of a long Decimal is quadratic, and the
        # repeated group of _VI_NUMBER costs memory for each group of three digits.
        digits = text.lstrip("-").lstrip("0.")
        if len(digits) - digits.count(".") - digits.count(",") > MAX_DIGITS and (
            _VI_CHARS.fullmatch(text)
        ):
            raise ValidationError(
                value,
                f"has more than {MAX_DIGITS} digits, more than a report can print",
                path=path,
            )
        if len(text) <= 2 * MAX_DIGITS + 2 and _VI_NUMBER.match(text):
            number = decimal.Decimal(text.replace(".", "").replace(",", "."))
            return int(number) if "," not in text else number
        raise ValidationError(
            value, 'is not a number written the Vietnamese way ("4.607.678", "47,67")', path=path
        )
    hint = " (write it as a string such as '47,67')" if isinstance(value, float) else ""
    raise InvalidTypeError(value, f"is not a whole number or a number in a string{hint}", path=path)


def _structure_date(value: object, path: str) -> _dt.date:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str):
        text = value.strip()
        # Python 3.11 also reads "20260305" and "2026-W10-4": accept YYYY-MM-DD only.
        if not _ISO_DATE.fullmatch(text):
            raise ValidationError(value, "is not a date written YYYY-MM-DD", path=path)
        try:
            return _dt.date.fromisoformat(text)
        except ValueError as exc:  # 2026-02-30
            raise ValidationError(
                value, f"is not a date written YYYY-MM-DD: {exc}", path=path
            ) from None
    raise InvalidTypeError(value, "is not a date written YYYY-MM-DD", path=path)
