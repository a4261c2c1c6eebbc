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
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import json
import math
import os
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union

import attrs
import yaml

from .._errors import InvalidTypeError, LoadError, ValidationError, join_path
from .._files import read_bounded
from .._text import check_text
from . import _classes as m

__all__ = ["MAX_DEPTH", "MAX_INPUT_BYTES", "MAX_ITEMS", "load", "loads", "structure"]

MAX_INPUT_BYTES = 10 * 1024 * 1024
"""Largest input file :func:`load` reads (10 MiB); a report is far smaller."""

Source = Union[str, "os.PathLike[str]", Mapping[str, Any]]


# --------------------------------------------------------------------------- limits

MAX_DEPTH = 32
"""Deepest nesting of lists and mappings in an input; a report needs about 16 levels."""

MAX_ITEMS = 1_000_000
"""Most values (texts, numbers, lists, mappings) in one input; a 500-page report holds far
fewer. It bounds the memory a small file can ask for (``[1,1,1,…]``)."""


class _Oversized:
    """A whole number of more than :data:`~baocao._model.MAX_DIGITS` digits, kept unread:
    reading it would cost time quadratic in its length, and no report can print it."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a whole number of {self.digits} digits>"


class _ZeroPadded(int):
    """A whole number typed with leading zeros (``08``, ``010``): its decimal value, and
    the text as typed, for messages that quote it."""

    typed: str

    def __new__(cls, typed: str, number: int) -> _ZeroPadded:
        self = super().__new__(cls, number)
        self.typed = typed
        return self

    def __repr__(self) -> str:
        return self.typed

    def __reduce__(self) -> tuple[Any, ...]:  # an error holding it crosses processes
        return (_ZeroPadded, (self.typed, int(self)))


class _Float(float):
    """A number with a fraction or an exponent as typed (``47.67``, ``1e3``, ``.inf``).
    baocao never takes a float; an error shows what was typed, not Python's reading."""

    typed: str

    def __new__(cls, typed: str) -> _Float:
        text = typed.replace("_", "").lower()
        try:
            number = (
                float(text.replace(".inf", "inf").replace(".nan", "nan"))
                if len(text) <= 64
                else math.nan
            )
        except ValueError:
            number = math.nan
        self = super().__new__(cls, number)
        self.typed = typed
        return self

    def __repr__(self) -> str:
        return self.typed

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Float, (self.typed,))


def _whole(text: str, base: int = 10) -> int | _Oversized:
    """Read the digits ``text`` (a sign allowed, no prefix) without quadratic cost."""
    body = text.lstrip("+-")
    digits = body.lstrip("0")
    if len(digits) > (m.MAX_DIGITS if base == 10 else 4 * m.MAX_DIGITS + 16):
        return _Oversized(len(digits) if base == 10 else int(len(digits) * math.log10(base)))
    number = int(("-" if text.startswith("-") else "") + (digits or "0"), base)
    if base == 10 and len(body) > 1 and body.startswith("0"):
        return _ZeroPadded(text, number)
    return number


# --------------------------------------------------------------------------- YAML

_YAML = "tag:yaml.org,2002:"
_NULLS = ("", "~", "null", "Null", "NULL")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_PLAIN_INT = re.compile(r"[-+]?[0-9]+")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TAGGED_INT = re.compile(r"([-+]?)(?:0b([01_]+)|0o([0-7_]+)|0x([0-9a-fA-F_]+)|([0-9][0-9_]*))")
_TAGGED_FLOAT = re.compile(
    r"[-+]?(?:(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)"
    r"(?:[eE][-+]?[0-9]+)?|\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN"
)
# No repeated group: Python's re keeps state for each repetition (57 MB for 1.2 MB of 59:).
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_:]*:[0-9_:]*(?:\.[0-9_]*)?")
_SEXAGESIMAL_REASON = (
    "is a sexagesimal (base 60) number, which baocao does not read; write the number in decimal"
)
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?", re.DOTALL)


class _RefusedError(Exception):
    """A scalar that has no faithful reading; the builder adds the field path."""

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(shown, reason)
        self.shown = shown
        self.reason = reason


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


def _plain(value: str) -> object:
    """An untagged, unquoted scalar: only what a report writer obviously means."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _PLAIN_INT.fullmatch(value):
        return _whole(value)  # 010 is ten, never eight (YAML 1.1 octal)
    if _PLAIN_FLOAT.fullmatch(value):
        return _Float(value)
    return value  # 0x1A, 1_000, 1:30, .inf, 1e3, yes, 2025-05-03: the text as typed


def _tagged_int(value: str, shown: str) -> int | _Oversized:
    found = _TAGGED_INT.fullmatch(value)
    if found is None:
        if _SEXAGESIMAL.fullmatch(value):
            raise _RefusedError(shown, _SEXAGESIMAL_REASON)
        raise _RefusedError(shown, "is not a whole number")
    sign = found.group(1)
    for base, digits in zip((2, 8, 16, 10), found.groups()[1:], strict=True):
        if digits is not None:
            digits = digits.replace("_", "")
            if not digits:
                raise _RefusedError(shown, "is not a whole number")
            number = _whole(sign + digits, base)
            return int(number) if isinstance(number, _ZeroPadded) else number
    raise AssertionError(value)  # pragma: no cover


def _tagged_date(value: str, shown: str) -> _dt.date:
    if _ISO_DATE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError as exc:
            raise _RefusedError(shown, f"is not a date: {exc}") from None
    if _TIMESTAMP.fullmatch(value):
        raise _RefusedError(
            shown, "is a date with a time or in another form; write the date only, YYYY-MM-DD"
        )
    raise _RefusedError(shown, "is not a date written YYYY-MM-DD")


def _tagged(tag: str, value: str) -> object:
    """A scalar with an explicit tag (``!!int 010``): its value, or :class:`_RefusedError`."""
    shown = f"{_short_tag(tag)} {value}"
    kind = tag[len(_YAML) :] if tag.startswith(_YAML) else None
    if kind == "str":
        return value
    if kind == "int":
        return _tagged_int(value, shown)
    if kind == "float":
        if _SEXAGESIMAL.fullmatch(value):
            raise _RefusedError(shown, _SEXAGESIMAL_REASON)
        if not _TAGGED_FLOAT.fullmatch(value):
            raise _RefusedError(shown, "is not a number")
        return _Float(value)
    if kind == "bool":
        if value.lower() not in _YAML11_BOOLS:
            raise _RefusedError(shown, "is not true or false")
        return _YAML11_BOOLS[value.lower()]
    if kind == "null":
        if value not in _NULLS:
            raise _RefusedError(shown, "is not empty (null is written ~ or nothing)")
        return None
    if kind == "timestamp":
        return _tagged_date(value, shown)
    if kind == "binary":
        raise _RefusedError(
            shown if len(shown) < 40 else shown[:40] + "…",
            "is binary data (!!binary), which a report cannot hold",
        )
    if kind in ("seq", "map", "set", "omap", "pairs"):
        raise _RefusedError(
            shown,
            f"is a single value, but the tag {_short_tag(tag)} is "
            "for " + ("a list" if kind in ("seq", "omap", "pairs") else "a mapping"),
        )
    raise _RefusedError(
        shown,
        f"has the tag {_short_tag(tag)}, which baocao does not accept (write the value without it)",
    )


def _scalar(event: Any) -> object:
    tag = event.tag
    if tag is None:
        return _plain(event.value) if event.implicit[0] else event.value
    if tag == "!":  # the non-specific tag: a text as typed (YAML 1.2)
        return event.value
    return _tagged(tag, event.value)


def _collection_tag(event: Any, kind: str) -> None:
    tag = event.tag
    if tag is None or tag == "!" or tag == _YAML + kind:
        return
    shown, what = _short_tag(tag), "a list" if kind == "seq" else "a mapping"
    if tag == _YAML + "set":
        reason = "(a set) is not accepted; write a list"
    elif tag in (_YAML + "omap", _YAML + "pairs"):
        reason = "(ordered pairs) is not accepted; write a plain mapping"
    elif tag in (_YAML + "seq", _YAML + "map", _YAML + "str"):
        reason = (
            f"is on {what}, but it is the tag of "
            + {"seq": "a list", "map": "a mapping", "str": "a text"}[tag[len(_YAML) :]]
        )
    else:
        reason = "is a tag which baocao does not accept (write the value without it)"
    raise _RefusedError(shown, reason)


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 20x faster


class _Frame:
    """A list or a mapping being built, with its field path."""

    __slots__ = ("has_key", "key", "path", "value")

    def __init__(self, value: list[Any] | dict[Any, Any], path: str) -> None:
        self.value = value
        self.path = path
        self.key: object = None
        self.has_key = False

    def child(self) -> str:
        if isinstance(self.value, list):
            return f"{self.path}[{len(self.value)}]"
        return join_path(self.path, self.key if isinstance(self.key, str) else repr(self.key))


def _where(event: Any) -> str:
    mark = event.start_mark
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _yaml_data(text: str, name: str) -> object:
    """Parse YAML into plain data, one event at a time (no recursion, no node tree).

    Only what a report writer means is read: no aliases ("billion laughs"), ``true`` and
    ``false`` as booleans, ``010`` as ten, no implicit dates or sexagesimals; an explicit
    tag either gives its plain value or is refused with the field path.
    """
    loader = _Loader(text)
    try:
        return _build(loader, name)
    finally:
        loader.dispose()


def _build(loader: Any, name: str) -> object:
    loader.get_event()  # StreamStartEvent
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # DocumentStartEvent
    stack: list[_Frame] = []
    items = 0
    result: object = None
    while True:
        event = loader.get_event()
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            value: object = stack.pop().value
        else:
            frame = stack[-1] if stack else None
            if isinstance(event, yaml.AliasEvent):
                raise LoadError(
                    f"{name}: {_where(event)}: aliases (*name) are not accepted in baocao input"
                )
            if frame is not None and isinstance(frame.value, dict) and not frame.has_key:
                if not isinstance(event, yaml.ScalarEvent):
                    raise ValidationError(
                        "a list or a mapping",
                        "cannot be a key; a key is a field name",
                        path=frame.path,
                    )
                try:
                    key = _scalar(event)
                except _RefusedError as exc:
                    raise ValidationError(exc.shown, exc.reason, path=frame.path) from None
                if key in frame.value:
                    raise LoadError(
                        f"{name}: {_where(event)}: the key {key!r} appears "
                        f"twice in {frame.path or 'the top mapping'}"
                    )
                frame.key, frame.has_key = key, True
                continue
            items += 1
            if items > MAX_ITEMS:
                raise LoadError(
                    f"{name}: {_where(event)}: the input holds more than "
                    f"{MAX_ITEMS} values; split the report"
                )
            try:
                if isinstance(event, yaml.ScalarEvent):
                    value = _scalar(event)
                else:
                    is_list = isinstance(event, yaml.SequenceStartEvent)
                    _collection_tag(event, "seq" if is_list else "map")
                    if len(stack) >= MAX_DEPTH:
                        raise LoadError(
                            f"{name}: {_where(event)}: the input is nested too "
                            f"deeply (more than {MAX_DEPTH} levels)"
                        )
                    path = frame.child() if frame is not None else ""
                    stack.append(_Frame([] if is_list else {}, path))
                    continue
            except _RefusedError as exc:
                path = frame.child() if frame is not None else ""
                raise ValidationError(exc.shown, exc.reason, path=path) from None
        if not stack:
            result = value
            break
        parent = stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(value)
        else:
            parent.value[parent.key] = value
            parent.has_key = False
    loader.get_event()  # DocumentEndEvent
    if not loader.check_event(yaml.StreamEndEvent):
        raise LoadError(
            f"{name}: {_where(loader.peek_event())}: expected one document, "
            "found a second one (after '---')"
        )
    return result


# --------------------------------------------------------------------------- JSON


class _DuplicateKeyError(Exception):
    pass


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def _json_data(text: str, name: str) -> object:
    data = json.loads(
        text,
        object_pairs_hook=_json_object,
        parse_int=_whole,
        parse_float=_Float,
        parse_constant=_Float,
    )
    # Bound the shape as the YAML reader does; json itself stops near 1000 levels.
    items = 0
    todo: list[tuple[object, int]] = [(data, 0)]
    while todo:
        value, depth = todo.pop()
        items += 1
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                raise LoadError(
                    f"{name}: the input is nested too deeply (more than {MAX_DEPTH} levels)"
                )
            todo.extend(
                (v, depth + 1) for v in (value.values() if isinstance(value, dict) else value)
            )
        if items > MAX_ITEMS:
            raise LoadError(
                f"{name}: the input holds more than {MAX_ITEMS} values; split the report"
            )
    return data


# --------------------------------------------------------------------------- reading


def loads(text: str | bytes, *, format: str = "yaml", name: str = "<string>") -> m.Report:
    """Parse a report from YAML or JSON text (``format`` is ``"yaml"`` or ``"json"``);
    bytes are read as UTF-8."""
    if format not in ("yaml", "json"):
        raise LoadError(f"{name}: unknown format {format!r}; expected 'yaml' or 'json'")
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
    try:
        data = _json_data(text, name) if format == "json" else _yaml_data(text, name)
    except _DuplicateKeyError as exc:
        raise LoadError(
            f"{name}: not valid JSON: the key {exc.args[0]!r} appears twice in one object"
        ) from None
    except json.JSONDecodeError as exc:
        raise LoadError(f"{name}: not valid JSON: {exc}") from None
    except yaml.YAMLError as exc:
        if "maximum nesting depth" in str(exc):  # libyaml's own bound, 1000 levels
            raise LoadError(
                f"{name}: the input is nested too deeply (more than {MAX_DEPTH} levels)"
            ) from None
        raise LoadError(f"{name}: not valid YAML: {_one_line(str(exc))}") from None
    except RecursionError:
        raise LoadError(f"{name}: the input is nested too deeply") from None
    if not isinstance(data, Mapping):
        raise LoadError(
            f"{name}: expected a mapping of report fields at the top, got {type(data).__name__}"
        )
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
    raw = read_bounded(path, MAX_INPUT_BYTES, lambda reason: LoadError(f"{path}: {reason}"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    del raw  # a copy fewer while the text is parsed
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
        if (
            field is not None
            and field.converter in (m._lines, m._opt_lines)
            and isinstance(value, list)
        ):
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
            return (
                f" (YAML read the line ending in ':' as a key; put the text in quotes: \"{key}:\")"
            )
    return ""


def _structure_block(value: object, path: str) -> m.Block:
    if isinstance(value, str):
        return m.Paragraph(check_text(value, path=path))
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
            table = _structure_class(m.Table, inner, join_path(path, "table"))
            assert isinstance(table, m.Table)
            return table
    raise ValidationError(
        value,
        "is not a paragraph (a text), {text: …}, {dash: …} or {table: …}" + _colon_hint(value),
        path=path,
    )


def _structure_text(value: object, path: str) -> tuple[m.Segment, ...]:
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
                        key,
                        f"is not a field of {{{kind}: …}}; expected "
                        + ", ".join(others or ("nothing else",)),
                        path=path,
                    )
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
                    raise ValidationError(
                        None, "is required (down or half_up)", path=join_path(path, "rounding")
                    )
            elif cls is m.Date:
                kwargs[main] = _structure_date(value[kind], where)
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
        "{date: …}" + _colon_hint(value),
        path=path,
    )


def _oversized(value: _Oversized, path: str) -> ValidationError:
    return ValidationError(
        value, f"has more than {m.MAX_DIGITS} digits, more than a report can print", path=path
    )


def _structure_cell(value: object, path: str) -> m.Cell:
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
        if isinstance(segment, m.Date):
            raise ValidationError(
                value, "a date cannot be a table cell; write it as text", path=path
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
        if len(digits) - digits.count(".") - digits.count(",") > m.MAX_DIGITS and (
            _VI_CHARS.fullmatch(text)
        ):
            raise ValidationError(
                value,
                f"has more than {m.MAX_DIGITS} digits, more than a report can print",
                path=path,
            )
        if len(text) <= 2 * m.MAX_DIGITS + 2 and _VI_NUMBER.match(text):
            number = decimal.Decimal(text.replace(".", "").replace(",", "."))
            return int(number) if "," not in text else number
        raise ValidationError(
            value, 'is not a number written the Vietnamese way ("4.607.678", "47,67")', path=path
        )
    hint = " (write it as a string such as '47,67')" if isinstance(value, float) else ""
    raise InvalidTypeError(value, f"is not a whole number or a number in a string{hint}", path=path)


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
            raise ValidationError(
                value, f"is not a date written YYYY-MM-DD: {exc}", path=path
            ) from None
    raise InvalidTypeError(value, "is not a date written YYYY-MM-DD", path=path)
