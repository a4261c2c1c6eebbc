"""How the body is numbered: the scheme of a report and its per-level choices (issue 12).

The user never types a number: :class:`Numbering` says which labels the levels carry
(Phần, sections, items, points, sub-points) and the renderer assigns them from the order
of the tree. The default is the decree's (PL I, II.6.đ; Mục V, 6b): "Phần I", "I.", "1.",
"a)", then "-" lines. The styles and the one formatter of labels live in ``_nd30``.

:func:`check_depth` holds a report's tree to its numbering: a level the scheme does not
number, more labels than a style has (letters run out at y), a decimal number under a
heading without one, each refused with the path of the field and its value.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .._errors import ValidationError
from .._nd30 import (
    DECIMAL_STYLE,
    LABEL_STYLES,
    NUMBERING_SCHEMES,
    PART_STYLES,
    style_limit,
)
from ._body import Item, Part, Point, Section
from ._fields import one_of

__all__ = ["LEVELS", "Numbering", "check_depth"]

LEVELS = ("section", "item", "point", "subpoint")
"""The levels under Phần, outermost first: mục, khoản, điểm and the level below a point."""

_LEVEL_WORDS = {
    "part": "a part (phần)",
    "section": "a section (mục)",
    "item": "an item (khoản)",
    "point": "a point (điểm)",
    "subpoint": "a sub-point (the level below a point)",
}


_BELOW = tuple(s for s in LABEL_STYLES if s[0] not in "IA")
"""The styles of the levels below the sections: numbers and letters (capitals and Roman
numerals read above them)."""


@attrs.frozen(kw_only=True)
class Numbering:
    """The numbering of the body (đánh số các phần, mục, khoản, điểm): a scheme, and the
    choices a body makes within it. The default prints what the decree shows.

    Attributes:
        scheme: the preset: "decree" (Phần I / I. / 1. / a) / -, PL I, II.6.đ), "arabic"
            (1. / a) / -, no Roman level), or "decimal" (đánh số thập phân: 1. / 1.1. /
            1.1.1. / 1.1.1.1., common practice, not the decree's).
        part: the label of a phần: "Phần I" (the decree's), "PHẦN I", "Phần thứ nhất",
            "PHẦN THỨ NHẤT", "Phần A" or "PHẦN A".
        part_title: where the title of a phần goes: "next_line" (the decree's, centred
            under "Phần I") or "dash" (one line, "PHẦN I - TÌNH HÌNH …").
        section: the label style of the sections (mục), overriding the scheme's: "I.",
            "I-", "A.", "A-", "1.", "1-" or "1)".
        item: the label style of the items (khoản), overriding the scheme's: "1.",
            "1-", "1)", "a)" or "1.1." (decimal, after the section's number).
        point: the label style of the points (điểm), overriding the scheme's: one of
            the styles of items, reading below them.
        subpoint: the label style of sub-points (the level below a point), overriding
            the scheme's (only "decimal" numbers them by default), as for points.
        heading_case: the case of section titles (tiêu đề của mục): "upper" (the
            decree's, as Mục V shows "I. NHỮNG KẾT QUẢ …") or "as_typed" (the body's
            choice: "I. Những kết quả đạt được"). Titles of a phần are always upper case.
    """

    scheme: str = attrs.field(default="decree", validator=one_of(*NUMBERING_SCHEMES))
    part: str = attrs.field(default="Phần I", validator=one_of(*PART_STYLES))
    part_title: str = attrs.field(default="next_line", validator=one_of("next_line", "dash"))
    section: str | None = attrs.field(
        default=None, validator=one_of(None, *(s for s in LABEL_STYLES if s != DECIMAL_STYLE))
    )
    item: str | None = attrs.field(default=None, validator=one_of(None, *_BELOW))
    point: str | None = attrs.field(default=None, validator=one_of(None, *_BELOW))
    subpoint: str | None = attrs.field(default=None, validator=one_of(None, *_BELOW))
    heading_case: str = attrs.field(default="upper", validator=one_of("upper", "as_typed"))

    def __attrs_post_init__(self) -> None:
        styles = self.styles
        for index, (level, style) in enumerate(zip(LEVELS, styles, strict=True)):
            if style is None or index == 0:
                continue
            parent = styles[index - 1]
            if style == DECIMAL_STYLE and parent not in ("1.", DECIMAL_STYLE):
                raise ValidationError(
                    style,
                    f"is a decimal number, but the level above ({LEVELS[index - 1]}) is "
                    f"labelled {parent or 'without a number'}: a decimal number continues "
                    "an Arabic one (1. then 1.1.)",
                    path=level,
                )
            if parent is not None and style != DECIMAL_STYLE and _rank(style) <= _rank(parent):
                raise ValidationError(
                    style,
                    f"is below the {LEVELS[index - 1]}s labelled {parent!r}: a reader (and "
                    "baocao check) tells the levels apart by their labels, Roman numerals "
                    "or capitals above numbers above letters (I. / 1. / a))",
                    path=level,
                )

    @property
    def styles(self) -> tuple[str | None, ...]:
        """The label style of each of :data:`LEVELS`: the override, else the scheme's
        (``None`` for a level that is not numbered)."""
        preset = NUMBERING_SCHEMES[self.scheme]
        chosen = (self.section, self.item, self.point, self.subpoint)
        return tuple(c if c is not None else p for c, p in zip(chosen, preset, strict=True))


def _rank(style: str) -> int:
    """How deep a style's labels read: capitals and Roman numerals (0), numbers and
    decimal numbers (1), letters (2)."""
    if style[0] in "IA":
        return 0
    return 2 if style[0] == "a" else 1


# --------------------------------------------------------------------------- the tree


def _count(nodes: Sequence[Any], style: str | None, path: str, level: str) -> None:
    """Hold the numbered ``nodes`` of one level to ``style``: numbered at all, and no
    more of them than the style has labels."""
    numbered = [i for i, node in enumerate(nodes) if getattr(node, "numbered", True)]
    if not numbered:
        return
    if style is None:
        index = numbered[0]
        raise ValidationError(
            _shown(nodes[index]),
            f"is {_LEVEL_WORDS[level]}, a level this numbering does not number: choose a "
            f"scheme or a style for numbering.{level} (the decimal scheme numbers four levels)",
            path=f"{path}[{index}]",
        )
    limit = style_limit(style)
    if len(numbered) > limit:
        index = numbered[limit]
        raise ValidationError(
            _shown(nodes[index]),
            f"is number {limit + 1} of a level labelled {style!r}, which has {limit} "
            "labels: split the level or choose another style",
            path=f"{path}[{index}]",
        )


def _shown(node: object) -> object:
    title = getattr(node, "title", None)
    if title is not None:
        return title
    text = getattr(node, "text", None)
    if isinstance(text, tuple) and all(isinstance(piece, str) for piece in text):
        return "".join(text)
    return text if text is not None else node


def _decimal_under_unnumbered(
    nodes: Sequence[Any], child_style: str | None, children: str, path: str
) -> None:
    if child_style != DECIMAL_STYLE:
        return
    for index, node in enumerate(nodes):
        if not node.numbered and getattr(node, children):
            raise ValidationError(
                _shown(node),
                f"has no number, but its {children} are numbered after it (1.1.): number "
                "it, or put its content in its body",
                path=f"{path}[{index}].{children}",
            )


def _points(points: Sequence[Point], styles: tuple[str | None, ...], path: str) -> None:
    _count(points, styles[2], path, "point")
    _decimal_under_unnumbered(points, styles[3], "points", path)
    for index, point in enumerate(points):
        _count(point.points, styles[3], f"{path}[{index}].points", "subpoint")
        for sub_index, sub in enumerate(point.points):
            if sub.points:
                raise ValidationError(
                    _shown(sub.points[0]),
                    "is nested below a sub-point: no scheme numbers a fifth level; use dash lines",
                    path=f"{path}[{index}].points[{sub_index}].points[0]",
                )


def _sections(sections: Sequence[Section], styles: tuple[str | None, ...], path: str) -> None:
    _count(sections, styles[0], path, "section")
    _decimal_under_unnumbered(sections, styles[1], "items", path)
    for s_index, section in enumerate(sections):
        items: Sequence[Item] = section.items
        where = f"{path}[{s_index}].items"
        _count(items, styles[1], where, "item")
        _decimal_under_unnumbered(items, styles[2], "points", where)
        for i_index, item in enumerate(items):
            _points(item.points, styles, f"{where}[{i_index}].points")


def _trees(report: Any) -> Iterator[tuple[Sequence[Section], str]]:
    parts: Sequence[Part] = report.parts
    for index, part in enumerate(parts):
        yield part.sections, f"parts[{index}].sections"
    yield report.sections, "sections"
    for index, appendix in enumerate(report.appendices):
        yield appendix.sections, f"appendices[{index}].sections"


def check_depth(report: Any) -> None:
    """Hold the tree of ``report`` (a :class:`~baocao.Report`) to its numbering."""
    numbering: Numbering = report.numbering
    styles = numbering.styles
    _count(report.parts, numbering.part, "parts", "part")
    for sections, path in _trees(report):
        _sections(sections, styles, path)
