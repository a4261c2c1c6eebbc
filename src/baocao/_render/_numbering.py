"""The numbers of the body: every heading's label from the report's numbering (issue 12).

:func:`content_blocks` walks the tree of a report (or of an appendix) and gives each
heading the keys a template reads: ``kind``, ``label``, ``text`` (as in 0.1), and ``title``
and ``heading`` (label and title together, as printed). The labels come from the one
formatter of ``_nd30`` (:func:`~baocao._nd30.numbering_label`), in the styles of
:class:`~baocao.Numbering`; a heading with ``numbered: false`` has an empty label and does
not count among its siblings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from .. import _model as m
from .._nd30 import DECIMAL_STYLE, numbering_label
from .._text import upper
from ._footnotes import noted

__all__ = ["body_blocks", "content_blocks", "heading_of"]

BlockFunction = Callable[[m.Block], dict[str, Any]]
TextFunction = Callable[[tuple[m.Segment, ...]], str]


def heading_of(label: str, text: str) -> str:
    """A label and its text as printed on one line: ``"1.1. Kết quả"``; the text alone
    without a label.

    >>> heading_of("1.1.", "Kết quả"), heading_of("", "KẾT QUẢ")
    ('1.1. Kết quả', 'KẾT QUẢ')
    """
    return f"{label} {text}" if label else text


def _label(style: str | None, numbers: tuple[int, ...]) -> str:
    return "" if style is None else numbering_label(style, numbers)


def _numbers(parent: tuple[int, ...], style: str | None, own: int) -> tuple[int, ...]:
    """The numbers a decimal label prints: its parent's, then its own."""
    return (*parent, own) if style == DECIMAL_STYLE else (own,)


_Node = TypeVar("_Node", m.Item, m.Point)


def _labelled(
    nodes: Sequence[_Node], parent: tuple[int, ...], style: str | None
) -> Iterator[tuple[_Node, tuple[int, ...], str]]:
    """Each of ``nodes`` with its numbers and label; one with ``numbered: false`` has
    none and does not count."""
    count = 0
    for node in nodes:
        if not node.numbered:
            yield node, (), ""
            continue
        count += 1
        numbers = _numbers(parent, style, count)
        yield node, numbers, _label(style, numbers)


class _Walk:
    """One walk of a tree of sections, appending blocks to ``out``."""

    def __init__(
        self,
        numbering: m.Numbering,
        block: BlockFunction,
        text: TextFunction,
        out: list[dict[str, Any]],
    ) -> None:
        self.styles = numbering.styles
        self.case = numbering.heading_case
        self.block = block
        self.text = text
        self.out = out

    def blocks(self, blocks: Sequence[m.Block]) -> None:
        for block in blocks:
            self.out.append(self.block(block))
            if isinstance(block, m.Dash):
                for line in block.plus:
                    text = self.text(line)
                    plus = {"kind": "plus", "label": "+", "text": text, "heading": f"+ {text}"}
                    self.out.append(noted(plus, line, self.segment))

    def numbered(
        self,
        kind: str,
        label: str,
        text: str,
        *,
        title: bool,
        segments: tuple[m.Segment, ...] = (),
    ) -> None:
        entry: dict[str, Any] = {"kind": kind, "label": label, "text": text}
        if title:
            entry["title"] = text
        entry["heading"] = heading_of(label, text)
        self.out.append(noted(entry, segments, self.segment))  # footnotes: "runs"

    def segment(self, segment: m.Segment) -> str:
        return self.text((segment,))

    def sections(self, sections: Sequence[m.Section]) -> None:
        count = 0
        for section in sections:
            numbers: tuple[int, ...] = ()
            label = ""
            if section.numbered:
                count += 1
                numbers = (count,)
                label = _label(self.styles[0], numbers)
            title = upper(section.title) if self.case == "upper" else section.title
            self.numbered("section", label, title, title=True)
            self.blocks(section.body)
            self.items(section.items, numbers)
            self.blocks(section.closing)

    def items(self, items: Sequence[m.Item], parent: tuple[int, ...]) -> None:
        for item, numbers, label in _labelled(items, parent, self.styles[1]):
            if item.title is not None:
                self.numbered("item_title", label, item.title, title=True)
            else:
                assert item.text is not None
                self.numbered("item", label, self.text(item.text), title=False, segments=item.text)
            self.blocks(item.body)
            self.points(item.points, numbers, 2)

    def points(self, points: Sequence[m.Point], parent: tuple[int, ...], level: int) -> None:
        if not points:  # the model refuses points below the last level
            return
        for point, numbers, label in _labelled(points, parent, self.styles[level]):
            text = self.text(point.text)
            self.numbered("point", label, text, title=False, segments=point.text)
            self.blocks(point.body)
            self.points(point.points, numbers, level + 1)


def body_blocks(
    blocks: Sequence[m.Block], block: BlockFunction, text: TextFunction
) -> list[dict[str, Any]]:
    """The context of ``blocks``: ``block`` gives each one's (paragraph, dash line, table),
    and the "+" lines of a dash line follow it, ``kind: "plus"``."""
    out: list[dict[str, Any]] = []
    _Walk(m.Numbering(), block, text, out).blocks(blocks)
    return out


def content_blocks(
    numbering: m.Numbering,
    block: BlockFunction,
    text: TextFunction,
    out: list[dict[str, Any]],
    *,
    parts: Sequence[m.Part] = (),
    sections: Sequence[m.Section] = (),
) -> None:
    """Append the blocks of ``parts`` (each heading, its body, its sections), then of
    ``sections``, to ``out``, numbered by ``numbering``; ``block`` gives the context of one
    body block (paragraph, dash line, table), ``text`` the printed form of a text.

    A part on two lines (the decree's) is ``kind: "part"``, its label and its title each a
    centred paragraph; a part on one line ("PHẦN I - TÌNH HÌNH …", or a part without a
    number) is ``kind: "part_heading"``, printed from ``heading``.
    """
    walk = _Walk(numbering, block, text, out)
    count = 0
    for part in parts:
        title = upper(part.title)
        if part.numbered:
            count += 1
            label = numbering_label(numbering.part, (count,))
            if numbering.part_title == "dash":
                heading = f"{label} - {title}"
                kind = "part_heading"
            else:
                heading = f"{label}\n{title}"
                kind = "part"
        else:
            label, heading, kind = "", title, "part_heading"
        out.append(
            {"kind": kind, "label": label, "text": title, "title": title, "heading": heading}
        )
        walk.blocks(part.body)
        walk.sections(part.sections)
    walk.sections(sections)
