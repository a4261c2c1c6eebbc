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

YAML is read with a restricted loader: no aliases (so no "billion laughs"), no implicit
dates or sexagesimal numbers, and only ``true``/``false`` as booleans ("NO" stays a text).
Floats are refused where a number is expected: write ``"47,67"`` instead of ``47.67``.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import json
import os
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union

import attrs
import yaml

from . import _model as m
from ._errors import InvalidTypeError, LoadError, ValidationError, join_path
from ._text import check_text

__all__ = ["MAX_INPUT_BYTES", "load", "loads", "structure"]

MAX_INPUT_BYTES = 10 * 1024 * 1024
"""Largest input file :func:`load` reads (10 MiB); a report is far smaller."""

Source = Union[str, "os.PathLike[str]", Mapping[str, Any]]


# --------------------------------------------------------------------------- YAML


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader without aliases, timestamps, sexagesimals or YAML 1.1 booleans."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not accepted in baocao input",
                event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        # A key given twice would silently lose its first value: refuse it.
        seen: set[object] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, bool)) or key is None:
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping", node.start_mark,
                        f"the key {key!r} appears twice", key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


_SafeLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers
          if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool",
                         "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SafeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))
_SafeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_SafeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."))


class _DuplicateKeyError(Exception):
    pass


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def loads(text: str, *, format: str = "yaml", name: str = "<string>") -> m.Report:
    """Parse a report from YAML or JSON text (``format`` is ``"yaml"`` or ``"json"``)."""
    if format not in ("yaml", "json"):
        raise LoadError(f"{name}: unknown format {format!r}; expected 'yaml' or 'json'")
    if len(text) > MAX_INPUT_BYTES:
        raise LoadError(f"{name}: the input is larger than {MAX_INPUT_BYTES} bytes")
    try:
        data = (json.loads(text, object_pairs_hook=_json_object) if format == "json"
                else yaml.load(text, Loader=_SafeLoader))
    except _DuplicateKeyError as exc:
        raise LoadError(f"{name}: not valid JSON: the key {exc.args[0]!r} appears twice in "
                        "one object") from None
    except json.JSONDecodeError as exc:
        raise LoadError(f"{name}: not valid JSON: {exc}") from None
    except yaml.YAMLError as exc:
        raise LoadError(f"{name}: not valid YAML: {_one_line(str(exc))}") from None
    except RecursionError:
        raise LoadError(f"{name}: the input is nested too deeply") from None
    except ValueError:  # an int literal longer than Python reads (sys.get_int_max_str_digits)
        raise LoadError(f"{name}: a whole number in the input has more than "
                        f"{m.MAX_DIGITS} digits; a report cannot print it") from None
    if not isinstance(data, Mapping):
        raise LoadError(f"{name}: expected a mapping of report fields at the top, "
                        f"got {type(data).__name__}")
    return structure(data)


def load(source: Source) -> m.Report:
    """Load a report from a YAML or JSON file, or from a mapping.

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
    if suffix not in (".yaml", ".yml", ".json"):
        raise LoadError(f"{path}: expected a .yaml, .yml or .json file")
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise LoadError(f"{path}: the file is larger than {MAX_INPUT_BYTES} bytes")
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return loads(text, format="json" if suffix == ".json" else "yaml", name=str(path))


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- structuring


def structure(data: Mapping[str, Any]) -> m.Report:
    """Build a :class:`~baocao.Report` from plain data (the parsed YAML/JSON)."""
    report = _structure_class(m.Report, data, "")
    assert isinstance(report, m.Report)
    return report


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, vars(m))
    return _HINTS[cls]


def _structure_class(cls: type, data: object, path: str) -> Any:
    if isinstance(data, cls):
        return data
    hint = _colon_hint(data)
    if hint and cls in (m.Item, m.Point):
        raise ValidationError(data, f"is not a text or a mapping of {cls.__name__} fields"
                              + hint, path=path)
    if not isinstance(data, Mapping):
        raise InvalidTypeError(data, f"is not a mapping of {cls.__name__} fields", path=path)
    fields = {f.name: f for f in attrs.fields(cls)}
    for key in data:
        if key not in fields:
            raise ValidationError(
                key, f"is not a field of {cls.__name__}; expected one of "
                + ", ".join(fields), path=path)
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
    if hint == tuple[m.Segment, ...]:
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
        if field is not None and field.converter is m._strings and isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise InvalidTypeError(value, "is not a list", path=path)
        return tuple(_structure_element(elem, v, f"{path}[{i}]") for i, v in enumerate(value))
    if hint is str:
        if field is not None and field.converter in (m._lines, m._opt_lines) and isinstance(
                value, list):
            for index, line in enumerate(value):
                check_text(line, path=f"{path}[{index}]")
            return value
        return check_text(value, path=path)
    if hint is int:
        return _structure_int(value, path)
    if hint is _dt.date:
        return _structure_date(value, path)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint.parse(value, path=path)  # type: ignore[attr-defined]
    if attrs.has(hint):
        return _structure_class(hint, value, path)
    raise AssertionError(f"unhandled type {hint}")  # pragma: no cover


def _structure_element(elem: Any, value: object, path: str) -> Any:
    if elem is m.Block:
        return _structure_block(value, path)
    if elem is m.Point:
        if isinstance(value, str):
            return _structure_class(m.Point, {"text": value}, path)
        return _structure_class(m.Point, value, path)
    if elem is m.Item:
        if isinstance(value, str):
            return _structure_class(m.Item, {"text": value}, path)
        return _structure_class(m.Item, value, path)
    if elem is m.Cell:
        return _structure_cell(value, path)
    if elem == tuple[m.Cell, ...]:
        if not isinstance(value, list):
            raise InvalidTypeError(value, "is not a list of cells", path=path)
        return tuple(_structure_cell(v, f"{path}[{i}]") for i, v in enumerate(value))
    return _structure_value(elem, value, path)


_BLOCK_KEYS = {"text": m.Paragraph, "dash": m.Dash, "table": m.Table}


def _colon_hint(value: object) -> str:
    """YAML reads ``- Kết quả như sau:`` as a mapping; say so instead of "not a text"."""
    if isinstance(value, Mapping) and len(value) == 1:
        ((key, inner),) = value.items()
        if isinstance(key, str) and inner is None:
            return (f" (YAML read the line ending in ':' as a key; put the text in quotes: "
                    f"\"{key}:\")")
    return ""


def _structure_block(value: object, path: str) -> m.Block:
    if isinstance(value, str):
        return m.Paragraph(check_text(value, path=path))
    if isinstance(value, Mapping) and len(value) == 1:
        ((key, inner),) = value.items()
        if key in ("text", "dash"):
            return _BLOCK_KEYS[key](_structure_text(inner, join_path(path, key)))  # type: ignore[no-any-return]
        if key == "table":
            table = _structure_class(m.Table, inner, join_path(path, "table"))
            assert isinstance(table, m.Table)
            return table
    raise ValidationError(
        value, "is not a paragraph (a text), {text: …}, {dash: …} or {table: …}"
        + _colon_hint(value), path=path)


def _structure_text(value: object, path: str) -> tuple[m.Segment, ...]:
    if isinstance(value, str):
        return (check_text(value, path=path),)
    if not isinstance(value, list) or not value:
        raise InvalidTypeError(value, "is not a text or a non-empty list of text pieces",
                               path=path)
    pieces = tuple(_structure_segment(v, f"{path}[{i}]") for i, v in enumerate(value))
    if all(isinstance(p, str) for p in pieces) and not "".join(pieces).strip():  # type: ignore[arg-type]
        raise ValidationError(value, "must not be empty", path=path)
    return pieces


_SEGMENT_KEYS: dict[str, tuple[type, str, tuple[str, ...]]] = {
    # key: (class, the field the key's value goes to, other allowed keys)
    "money": (m.Money, "amount", ("style", "suffix")),
    "percent": (m.Percent, "value", ("decimals",)),
    "number": (m.Number, "value", ("decimals",)),
    "date": (m.Date, "value", ()),
    "rate": (m.Rate, "", ("rounding", "decimals")),
}


def _structure_segment(value: object, path: str) -> m.Segment:
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
                        key, f"is not a field of {{{kind}: …}}; expected "
                        + ", ".join(others or ("nothing else",)), path=path)
            where = join_path(path, kind)
            kwargs: dict[str, Any] = {k: v for k, v in value.items() if k != kind}
            if "decimals" in kwargs:
                kwargs["decimals"] = _structure_int(kwargs["decimals"], join_path(path, "decimals"))
            if cls is m.Rate:
                pair = value[kind]
                if not isinstance(pair, list) or len(pair) != 2:
                    raise ValidationError(pair, "is not a pair [actual, target]", path=where)
                kwargs["actual"] = _structure_decimal(pair[0], f"{where}[0]")
                kwargs["target"] = _structure_decimal(pair[1], f"{where}[1]")
                if "rounding" not in kwargs:
                    raise ValidationError(None, "is required (down or half_up)",
                                          path=join_path(path, "rounding"))
            elif cls is m.Date:
                kwargs[main] = _structure_date(value[kind], where)
            else:
                kwargs[main] = _structure_decimal(value[kind], where)
            try:
                return cls(**kwargs)  # type: ignore[no-any-return]
            except ValidationError as exc:
                # Name the key of the input ("money"), not the field it fills ("amount").
                if main and exc.path == main:
                    raise type(exc)(exc.value, exc.reason,
                                    path=join_path(path, kind)) from None
                raise exc.with_prefix(path) from None
    raise ValidationError(
        value, "is not a text or one of {money: …}, {percent: …}, {rate: […]}, {number: …}, "
        "{date: …}" + _colon_hint(value), path=path)


def _structure_cell(value: object, path: str) -> m.Cell:
    if isinstance(value, str):
        return check_text(value, path=path, allow_empty=True)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Mapping):
        segment = _structure_segment(value, path)
        if isinstance(segment, m.Date):
            raise ValidationError(value, "a date cannot be a table cell; write it as text",
                                  path=path)
        return segment
    hint = " (write it as a string such as '47,67' inside {number: …})" if isinstance(
        value, float) else ""
    raise InvalidTypeError(value, f"is not a text, a whole number or {{number: …}}{hint}",
                           path=path)


def _structure_int(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(value, "is not a whole number", path=path)
    return value


_VI_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")


def _structure_decimal(value: object, path: str) -> int | decimal.Decimal:
    """A number: an int, or a string in the Vietnamese format ("4.607.678.000", "47,67")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, decimal.Decimal) and value.is_finite():
        return value
    if isinstance(value, str):
        text = value.strip()
        if _VI_NUMBER.match(text):
            number = decimal.Decimal(text.replace(".", "").replace(",", "."))
            return int(number) if "," not in text else number
        raise ValidationError(value, "is not a number written the Vietnamese way "
                              "(\"4.607.678\", \"47,67\")", path=path)
    hint = " (write it as a string such as '47,67')" if isinstance(value, float) else ""
    raise InvalidTypeError(value, f"is not a whole number or a number in a string{hint}",
                           path=path)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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
            raise ValidationError(value, f"is not a date written YYYY-MM-DD: {exc}",
                                  path=path) from None
    raise InvalidTypeError(value, "is not a date written YYYY-MM-DD", path=path)
