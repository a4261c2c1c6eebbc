"""Reading YAML or JSON text into plain data (dicts, lists, texts, numbers), at bounded cost.

YAML is read event by event, reading only what a report writer obviously means: no
aliases (so no "billion laughs"); ``010`` is ten (never YAML 1.1's octal eight), in a table
cell too (``01`` is one; ``"01"`` is the text); ``0x1A``, ``1_000``, ``1:30``, ``.inf``,
``yes`` and ``2025-05-03`` stay texts as typed; only ``true``/``false`` are booleans ("NO"
stays a text). An explicit tag (``!!int 0x1A``) gives its plain value, or a
:class:`~baocao.ValidationError` with the field path. JSON is read with the same number
types. The cost is bounded: at most :data:`MAX_DEPTH` levels, :data:`MAX_ITEMS` values,
and no number is converted before its digits are counted (docs/errors.md, "Loading").
``_load`` turns the data into a report.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from typing import Any

import yaml

from .._errors import LoadError, ValidationError, join_path
from ._fields import MAX_DIGITS

__all__ = ["MAX_DEPTH", "MAX_ITEMS", "parsed"]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""A date as the input writes it, YYYY-MM-DD (``date.fromisoformat`` reads more)."""


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
    if len(digits) > (MAX_DIGITS if base == 10 else 4 * MAX_DIGITS + 16):
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


def parsed(text: str, format: str, name: str, line: int = 0) -> Any:
    """The plain data of a YAML or JSON ``text``, or a :class:`~baocao.LoadError` saying
    why not; ``line`` is where the text starts in its file (YAML front matter)."""
    try:
        return _json_data(text, name) if format == "json" else _yaml_data(text, name)
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
        mark = getattr(exc, "problem_mark", None)
        if line and mark is not None:  # front matter: name the line of the file
            where = f"{name}:{line + mark.line + 1}:{mark.column + 1}"
            raise LoadError(f"{where}: not valid YAML: {_one_line(str(exc))}") from None
        raise LoadError(f"{name}: not valid YAML: {_one_line(str(exc))}") from None
    except RecursionError:
        raise LoadError(f"{name}: the input is nested too deeply") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())
