"""The names a template uses, checked against what the context holds.

:func:`context_shape` is the shape of :func:`baocao.context` for a sample report that
fills every key (a dict's keys, a list's items, or nothing known); :class:`Walker` walks
the Jinja syntax tree of a part with what each name holds, and reports unknown variables,
unknown keys and names that reach for Python internals.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from typing import Any

import attrs
from jinja2 import nodes

from .. import _model as m
from ._context import context as build_context
from ._lint_tags import Tag

__all__ = ["Walker", "context_shape"]

_INTERNAL = frozenset(
    {
        "mro",
        "func_globals",
        "func_code",
        "func_closure",
        "func_defaults",
        "f_globals",
        "f_locals",
        "f_builtins",
        "f_code",
        "f_back",
        "gi_frame",
        "gi_code",
        "cr_frame",
        "cr_code",
        "ag_frame",
        "ag_code",
        "tb_frame",
        "tb_next",
        "im_func",
        "im_self",
        "im_class",
    }
)
_DICT_METHODS = frozenset(name for name in dir(dict) if not name.startswith("_"))


# --------------------------------------------------------------------------- shapes

# What the context holds, as far as names go: a dict's keys, a list's items, or nothing
# known (a text, a number, or a value the template computed).


@attrs.frozen
class _Dict:
    keys: dict[str, Any]


@attrs.frozen
class _List:
    item: Any


_UNKNOWN: Any = None
_REPORTED = "\0"  # the label of a value already reported: no second issue for it


def _shape(value: object) -> Any:
    if isinstance(value, dict):
        return _Dict({key: _shape(inner) for key, inner in value.items()})
    if isinstance(value, list):
        item: Any = _UNKNOWN
        for inner in value:
            item = _merge(item, _shape(inner))
        return _List(item)
    return _UNKNOWN


def _merge(first: Any, second: Any) -> Any:
    if first is _UNKNOWN:
        return second
    if second is _UNKNOWN:
        return first
    if isinstance(first, _Dict) and isinstance(second, _Dict):
        keys = dict(first.keys)
        for key, inner in second.keys.items():
            keys[key] = _merge(keys.get(key, _UNKNOWN), inner)
        return _Dict(keys)
    if isinstance(first, _List) and isinstance(second, _List):
        return _List(_merge(first.item, second.item))
    return _UNKNOWN


def _sample_report() -> m.Report:
    """A report that fills every key of the context, for the names a template may use."""
    import datetime

    table = m.Table(
        header=["Nội dung", "Số lượng"], rows=[["Đại học", 41]], totals=["Tổng", m.Number(41)]
    )
    grid = m.Table(  # issue 12: a statistics table, every key of a "grid" block
        header=["STT", "Số lượng"],
        rows=[m.GroupRow("I. Nhóm"), [1, 41], m.SubtotalRow(("", 41))],
        totals=["", 41],
        units="người",
        caption="Bảng",
        notes=["Số liệu sơ bộ"],
        source="Sở Nội vụ",
    )
    noted = m.Paragraph(["Đoạn văn", m.Footnote("Chú thích")])  # issue 12: footnotes
    blocks: list[m.Block] = [
        m.Paragraph("Đoạn văn"),
        m.Dash("Gạch đầu dòng"),
        table,
        grid,
        noted,
    ]
    section = m.Section(
        title="Mục",
        body=blocks,
        items=[
            m.Item(title="Khoản có tiêu đề", body=blocks, points=[m.Point("Điểm", body=blocks)]),
            m.Item(text="Khoản không có tiêu đề"),
        ],
    )
    fields: dict[str, Any] = {
        "parts": [m.Part(title="Phần", body=blocks, sections=[section])],
        "appendices": [
            m.Appendix(title="Phụ lục", body=blocks, sections=[section]),
            m.Appendix(title="Phụ lục hai", body=blocks),
        ],
    }
    return m.Report(
        issuer=m.Issuer(name="Sở Nội vụ", abbreviation="SNV", parent="Ủy ban nhân dân"),
        number=1,
        place="Hà Nội",
        date=datetime.date(2026, 1, 5),
        subject="Mẫu",
        signatory=m.Signatory(
            name="Nguyễn Văn A", title="Phó Giám đốc", authority="KT.", acting_for="Giám đốc"
        ),
        addressees=["Bộ Nội vụ", "Bộ Tài chính"],
        legal_bases=["Căn cứ"],
        opening=blocks,
        closing=blocks,
        recipients=["Cục Văn thư"],
        filing=m.Filing(unit="VP"),
        **fields,
    )


@functools.lru_cache(maxsize=1)
def context_shape() -> _Dict:
    """What the context holds for a report that fills every key."""
    shape = _shape(build_context(_sample_report()))
    assert isinstance(shape, _Dict)
    return shape


class Walker:
    """Walk the Jinja syntax tree of a part with what each name holds."""

    def __init__(
        self,
        report: Callable[[str, str, Tag | None], None],
        env_globals: Collection[str],
        tags: list[Tag],
        unknown: set[str],
    ) -> None:
        self.report = report  # (code, message, the tag it is about)
        self.env_globals = env_globals
        self.tags = tags
        self.unknown = unknown
        self.top = context_shape()

    def walk(self, tree: nodes.Template) -> None:
        scope: dict[str, Any] = {}
        for node in tree.body:
            self.visit(node, scope)

    def at(self, node: nodes.Node) -> Tag | None:
        line = getattr(node, "lineno", 0)
        return self.tags[line - 1] if 0 < line <= len(self.tags) else None

    def add(self, code: str, message: str, node: nodes.Node) -> None:
        self.report(code, message, self.at(node))

    def attribute(self, base: tuple[Any, str], name: str, node: nodes.Node) -> tuple[Any, str]:
        shape, label = base
        if label == _REPORTED:
            return _UNKNOWN, _REPORTED
        path = f"{label}.{name}" if label else name
        if name.startswith("_") or name in _INTERNAL:
            self.add(
                "python-internals",
                f"'{path}' reaches for Python internals ('{name}'), which the sandbox refuses",
                node,
            )
            return _UNKNOWN, _REPORTED
        if isinstance(shape, _Dict):
            if name in shape.keys:
                return shape.keys[name], path
            if name not in _DICT_METHODS:
                have = ", ".join(sorted(shape.keys))
                self.add(
                    "unknown-attribute", f"'{label}' has no key '{name}'; it has: {have}", node
                )
                return _UNKNOWN, _REPORTED
        return _UNKNOWN, ""

    def bind(self, target: nodes.Node, shape: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = (shape, target.name)
        else:
            for child in target.find_all(nodes.Name):
                scope[child.name] = (_UNKNOWN, "")

    def visit(self, node: nodes.Node, scope: dict[str, Any]) -> tuple[Any, str]:
        if isinstance(node, nodes.Name):
            return self.name(node, scope)
        if isinstance(node, nodes.Getattr):
            return self.attribute(self.visit(node.node, scope), node.attr, node)
        if isinstance(node, nodes.Getitem):
            base = self.visit(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(base, node.arg.value, node)
            self.visit(node.arg, scope)
            if isinstance(base[0], _List):
                index = node.arg.value if isinstance(node.arg, nodes.Const) else "…"
                return base[0].item, f"{base[1]}[{index}]" if base[1] else ""
            return _UNKNOWN, ""
        if isinstance(node, nodes.Filter):
            base = self.visit(node.node, scope) if node.node is not None else (_UNKNOWN, "")
            for child in [*node.args, *node.kwargs]:
                self.visit(child, scope)
            for extra in (node.dyn_args, node.dyn_kwargs):
                if extra is not None:
                    self.visit(extra, scope)
            first = node.args[0] if node.args else None
            if (
                node.name == "attr"
                and isinstance(first, nodes.Const)
                and isinstance(first.value, str)
            ):
                return self.attribute(base, first.value, node)
            return _UNKNOWN, ""
        if isinstance(node, nodes.For):
            items = self.visit(node.iter, scope)[0]
            inner = dict(scope)
            self.bind(node.target, items.item if isinstance(items, _List) else _UNKNOWN, inner)
            inner["loop"] = (_UNKNOWN, "")
            for child in ([node.test] if node.test is not None else []) + list(node.body):
                self.visit(child, inner)
            for child in node.else_:
                self.visit(child, scope)
            return _UNKNOWN, ""
        if isinstance(node, nodes.Assign):
            value = self.visit(node.node, scope)
            self.bind(node.target, value[0], scope)
            return _UNKNOWN, ""
        if isinstance(node, nodes.AssignBlock):
            for child in node.body:
                self.visit(child, scope)
            self.bind(node.target, _UNKNOWN, scope)
            return _UNKNOWN, ""
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, expr in zip(node.targets, node.values, strict=False):
                self.bind(target, self.visit(expr, scope)[0], inner)
            for child in node.body:
                self.visit(child, inner)
            return _UNKNOWN, ""
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            if isinstance(node, nodes.CallBlock):
                self.visit(node.call, scope)
            inner = dict(scope)
            for default in node.defaults:
                self.visit(default, scope)
            for arg in node.args:
                self.bind(arg, _UNKNOWN, inner)
            for name in ("caller", "varargs", "kwargs"):
                inner[name] = (_UNKNOWN, "")
            if isinstance(node, nodes.Macro):
                scope[node.name] = (_UNKNOWN, "")
            for child in node.body:
                self.visit(child, inner)
            return _UNKNOWN, ""
        for child in node.iter_child_nodes():
            self.visit(child, scope)
        return _UNKNOWN, ""

    def name(self, node: nodes.Name, scope: dict[str, Any]) -> tuple[Any, str]:
        if node.ctx != "load":
            return _UNKNOWN, ""
        if node.name.startswith("_"):
            self.add(
                "python-internals",
                f"'{node.name}' reaches for Python internals, which the sandbox refuses",
                node,
            )
            return _UNKNOWN, ""
        if node.name in scope:
            found: tuple[Any, str] = scope[node.name]
            return found
        if node.name in self.top.keys:
            return self.top.keys[node.name], node.name
        if node.name in self.unknown:
            self.add(
                "unknown-variable",
                f"'{node.name}' is not a value of the context (see "
                "templates/README.md, or run `baocao context REPORT`)",
                node,
            )
            return _UNKNOWN, _REPORTED
        return _UNKNOWN, node.name if node.name in self.env_globals else ""
