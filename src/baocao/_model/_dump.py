"""Writing a report back as YAML: :func:`dumps`, whose output :func:`~baocao.loads` reads
back equal.

The data is the loader's input format (``_load``): the attrs field names as keys, a field
left out when it holds its default, the short forms where they read the same (a plain
paragraph as a string, a point or an item that is only a text as a string). Numbers that
are not whole are written the Vietnamese way (``"47,67"``), dates as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
from typing import Any

import attrs
import yaml

from ._body import Dash, Item, Paragraph, Point, Table
from ._grid import GroupRow, HeaderCell, SubtotalRow
from ._numbering import Numbering
from ._report import Report
from ._values import Date, Footnote, Money, Number, Percent, Rate

__all__ = ["dumps", "unstructure"]


def dumps(report: Report) -> str:
    """The report as YAML text, in the loader's format (``baocao.loads(dumps(r)) == r``).

    >>> import baocao, datetime
    >>> report = baocao.Report(
    ...     issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"), number=5,
    ...     place="Hà Nội", date=datetime.date(2026, 3, 5), subject="Kết quả quý I",
    ...     signatory=baocao.Signatory(title="Giám đốc", name="Nguyễn Văn A"),
    ...     sections=[baocao.Section(title="Kết quả", body=["Đã hoàn thành."])])
    >>> print(baocao.dumps(report), end="")
    issuer:
      name: Sở Nội vụ
      abbreviation: SNV
    place: Hà Nội
    date: '2026-03-05'
    subject: Kết quả quý I
    signatory:
      name: Nguyễn Văn A
      title: Giám đốc
    number: 5
    sections:
    - title: Kết quả
      body:
      - Đã hoàn thành.
    >>> baocao.loads(baocao.dumps(report)) == report
    True
    """
    return yaml.safe_dump(
        unstructure(report),
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )


def unstructure(value: Any) -> Any:
    """Plain data (mappings, lists, strings, whole numbers, booleans) for ``value``."""
    if isinstance(value, (Paragraph, Dash, Table)):
        return _block(value)
    if isinstance(value, (Point, Item)) and _only_text(value):
        return _text(value.text)
    if isinstance(value, Numbering) and value == Numbering(scheme=value.scheme):
        return value.scheme
    if isinstance(value, HeaderCell) and value.colspan == value.rowspan == 1:
        return value.text
    if isinstance(value, GroupRow):
        return {"group": value.text}
    if isinstance(value, SubtotalRow):
        return {"subtotal": [_cell(c) for c in value.cells]}
    if attrs.has(type(value)):
        return _fields(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [unstructure(v) for v in value]
    return value


def _fields(value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if default is not attrs.NOTHING and _same(item, default, field):
            continue
        if field.name == "rows" and isinstance(value, Table):
            out["rows"] = [_row(r) for r in item]
        elif field.name == "totals" and isinstance(value, Table):
            out["totals"] = [_cell(c) for c in item]
        elif field.name == "text" and isinstance(item, tuple):
            out["text"] = _text(item)
        elif field.name == "plus":
            out["plus"] = [_text(t) for t in item]
        else:
            out[field.name] = unstructure(item)
    return out


def _same(item: Any, default: Any, field: Any) -> bool:
    if field.converter is not None and default is not None:
        try:
            default = field.converter(default)
        except Exception:  # a default the converter refuses is never the value
            return False
    return bool(item == default and type(item) is type(default))


def _only_text(value: Point | Item) -> bool:
    if isinstance(value, Item) and (value.title is not None or value.text is None):
        return False
    if value.text is None or len(value.text) != 1 or not isinstance(value.text[0], str):
        return False  # a list of pieces is read as a list, not as a text
    extra = [f.name for f in attrs.fields(type(value)) if f.name != "text"]
    blank = type(value)(text=value.text)
    return all(getattr(value, name) == getattr(blank, name) for name in extra)


def _block(block: Paragraph | Dash | Table) -> Any:
    if isinstance(block, Paragraph):
        if len(block.text) == 1 and isinstance(block.text[0], str):
            return block.text[0]
        return {"text": _text(block.text)}
    if isinstance(block, Dash):
        if block.plus:
            return {"dash": _text(block.text), "plus": [_text(t) for t in block.plus]}
        return {"dash": _text(block.text)}
    return {"table": _fields(block)}


def _text(pieces: Any) -> Any:
    if len(pieces) == 1 and isinstance(pieces[0], str):
        return pieces[0]
    return [_segment(p) for p in pieces]


def _number(value: int | decimal.Decimal) -> int | str:
    if isinstance(value, int):
        return value
    text = format(value, "f")
    return text.replace(".", ",")


def _segment(piece: Any) -> Any:
    if isinstance(piece, str):
        return piece
    if isinstance(piece, Money):
        out: dict[str, Any] = {"money": _number(piece.amount)}
        if piece.style != "north":
            out["style"] = piece.style
        if piece.suffix is not None:
            out["suffix"] = piece.suffix
        return out
    if isinstance(piece, (Percent, Number)):
        key = "percent" if isinstance(piece, Percent) else "number"
        out = {key: _number(piece.value)}
        if piece.decimals != type(piece)(piece.value).decimals:
            out["decimals"] = piece.decimals
        return out
    if isinstance(piece, Rate):
        out = {"rate": [_number(piece.actual), _number(piece.target)], "rounding": piece.rounding}
        if piece.decimals != 2:
            out["decimals"] = piece.decimals
        return out
    if isinstance(piece, Date):
        return {"date": piece.value.isoformat()}
    if isinstance(piece, Footnote):
        return {"footnote": piece.text}
    raise AssertionError(f"unhandled piece {piece!r}")  # pragma: no cover


def _cell(cell: Any) -> Any:
    if isinstance(cell, (str, int)):
        return cell
    if isinstance(cell, decimal.Decimal):
        return {"number": _number(cell)}
    return _segment(cell)


def _row(row: Any) -> Any:
    if isinstance(row, (GroupRow, SubtotalRow)):
        return unstructure(row)
    return [_cell(c) for c in row]
