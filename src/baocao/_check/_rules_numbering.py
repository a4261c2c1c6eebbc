"""The numbering of the body, in any of the schemes baocao writes (issue 12).

A label is read from the start of a paragraph and given its rank: Phần (or Chương), an
upper level (Roman numerals or capital letters: ``I.``, ``I-``, ``A.``, ``A-``), an Arabic
level (``1.``, ``1-``, ``1)``, and the decimal ``1.1.``, ``1.1.1.`` below it), and the
lettered points (``a)``). A rank restarts under the rank above it. Within a story (the
content, each appendix), a document numbered consistently passes, whatever its scheme:
the decree's Phần I / I. / 1. / a), the Arabic 1. / a), the decimal 1. / 1.1. / 1.1.1.,
Phần thứ nhất, Phần A, I- and A-. Gaps and repeats are findings of the rank's rule;
labels written two ways at one rank ("I." then "II-", "Phần I" then "Phần thứ hai", Roman
then letters) are ``numbering.scheme``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .._nd30 import PART_ORDINALS, POINT_LETTERS, UPPER_LETTERS, numbering_label, roman
from .._ooxml import Para, bounded_int
from ._document import ParsedDocument
from ._finding import shorten
from ._patterns import roman_value
from ._rule import Problem, _flag, _where_para

__all__ = ["Label", "read_label"]

_PART_WORDS = "Phần|PHẦN|Chương|CHƯƠNG"
_PART_ORDINAL_RE = re.compile(rf"^({_PART_WORDS})\s+(thứ|THỨ)\s+(\w+(?:\s\w+)?)")
_PART_MARK_RE = re.compile(rf"^({_PART_WORDS})\s+([IVXLCDM]+|[A-ZĐ])(?!\w)")
_DECIMAL_RE = re.compile(r"^(\d+(?:\.\d+)+)\.?\s")
_ARABIC_RE = re.compile(r"^(\d+)([.)-])\s")
_UPPER_RE = re.compile(r"^([IVXLCDM]+|[A-ZĐ])([.-])\s")
_POINT_RE = re.compile(r"^([a-zđ])\)\s")
_MAX_ITEM = 10**6
_ORDINALS = {word: index + 1 for index, word in enumerate(PART_ORDINALS)}

PART, UPPER, ARABIC, DECIMAL, POINT = "part", "upper", "arabic", "decimal", "point"
"""The ranks of a label, outermost first (the decimal one is under the Arabic one)."""


@attrs.frozen
class Label:
    """A label read from the start of a paragraph.

    ``rank`` is one of :data:`PART` … :data:`POINT`; ``token`` the number or letters as
    written ("II", "B", "thứ hai", "1.2"); ``form`` what must be alike at one rank ("Phần
    I" and "PHẦN I" differ; the closing "." or "-"); ``value`` the number it stands for
    when the rank's form says how to read it (words, digits), else ``None``.
    """

    rank: str
    token: str
    form: str
    value: int | None
    shown: str


def read_label(text: str) -> Label | None:
    """The label at the start of ``text``, or ``None``.

    >>> read_label("PHẦN THỨ HAI - TÌNH HÌNH").value
    2
    >>> read_label("1.2. Kết quả").token, read_label("B- NHIỆM VỤ").form
    ('1.2', '-')
    """
    ordinal = _PART_ORDINAL_RE.match(text)
    if ordinal:
        words = ordinal[3].casefold()
        value = _ORDINALS.get(words) or _ORDINALS.get(words.split()[0])
        form = f"{ordinal[1]} {ordinal[2]}"
        shown = f"{ordinal[1]} {ordinal[2]} {ordinal[3]}"
        return Label(PART, words, form, value, shown)
    mark = _PART_MARK_RE.match(text)
    if mark:
        return Label(PART, mark[2], f"{mark[1]} mark", None, f"{mark[1]} {mark[2]}")
    decimal = _DECIMAL_RE.match(text)
    if decimal:
        return Label(DECIMAL, decimal[1], ".", None, f"{decimal[1]}.")
    arabic = _ARABIC_RE.match(text)
    if arabic:
        value = bounded_int(arabic[1], 0, _MAX_ITEM, 0)
        return Label(ARABIC, arabic[1], arabic[2], value, f"{shorten(arabic[1], 20)}{arabic[2]}")
    upper = _UPPER_RE.match(text)
    if upper and (roman_value(upper[1]) or len(upper[1]) == 1):
        return Label(UPPER, upper[1], upper[2], None, f"{upper[1]}{upper[2]}")
    point = _POINT_RE.match(text)
    if point:
        return Label(POINT, point[1], ")", None, f"{point[1]})")
    return None


# --------------------------------------------------------------------------- one story


def _kind(token: str) -> str:
    """How the first label of a lettered-or-Roman rank is read: "A" and the capitals that
    are no Roman numeral are letters; "I", "II", "V", … Roman numerals."""
    return "letter" if token == "A" or roman_value(token) is None else "roman"


def _value(token: str, kind: str) -> int | None:
    if kind == "roman":
        return roman_value(token)
    return UPPER_LETTERS.index(token) + 1 if token in UPPER_LETTERS else None


def _shown(token: str, kind: str, number: int) -> str:
    if kind == "roman":
        return roman(number)
    return UPPER_LETTERS[number - 1] if number <= len(UPPER_LETTERS) else "?"


@attrs.define
class _Rank:
    """What one rank has seen in a story: its form and kind (kept across parents, to find
    a scheme mixed at one level) and its count (restarted by the rank above)."""

    form: str | None = None
    kind: str | None = None
    count: int = 0


_LEVEL_NAMES = {PART: "Phần", UPPER: "sections (mục)", ARABIC: "items (khoản)"}


@attrs.define
class _Story:
    """The walk of one story, yielding (rule, problem) pairs."""

    ranks: dict[str, _Rank] = attrs.field(factory=lambda: {r: _Rank() for r in (PART, UPPER)})
    arabic: _Rank = attrs.field(factory=_Rank)
    path: list[int] = attrs.field(factory=list)
    point: int = 0
    restart: set[str] = attrs.field(factory=set)
    """The ranks that may restart at 1: after a heading without a number (a bold line
    with no label), the next label of each rank below it may begin again (the heading
    opened a group: "TỒN TẠI", then 1., 2.) or go on (it did not). The first label of a
    rank uses its chance, so points under an unnumbered item leave the items theirs."""

    def wanted(self, state: _Rank, value: int | None, rank: str) -> int:
        """The number the next label of ``state``'s level (``rank``) must have."""
        if rank in self.restart and value == 1:
            state.count = 0
        return state.count + 1

    def below(self, rank: str) -> None:
        if rank == PART:
            self.ranks[UPPER].count = 0
        if rank in (PART, UPPER):
            self.arabic.count = 0
            self.path = []
        self.point = 0

    def form(self, para: Para, label: Label, state: _Rank) -> Iterator[tuple[str, Problem]]:
        if state.form is None:
            state.form = label.form
        elif state.form != label.form:
            first = state.form.replace(" mark", "")
            yield (
                "scheme",
                Problem(
                    _where_para(para),
                    f'"{label.shown}"',
                    f'labels written as the first of the {_LEVEL_NAMES[label.rank]} ("{first} …"): '
                    "one scheme per level",
                ),
            )

    def marked(self, para: Para, label: Label) -> Iterator[tuple[str, Problem]]:
        """A Phần or an upper label: Roman numerals, letters or words."""
        state = self.ranks[label.rank]
        yield from self.form(para, label, state)
        value = label.value
        if label.form.endswith(("thứ", "THỨ")):
            kind = "words"
        else:
            kind = state.kind if state.kind in ("roman", "letter") else _kind(label.token)
            value = _value(label.token, kind)
            if value is None:
                yield (
                    "scheme",
                    Problem(
                        _where_para(para),
                        f'"{label.shown}"',
                        f"{'a Roman numeral' if kind == 'roman' else 'a letter'} as the first "
                        f"of the {_LEVEL_NAMES[label.rank]}: one scheme per level",
                    ),
                )
                value = state.count + 1
        if state.kind is None:
            state.kind = kind
        wanted = self.wanted(state, value, UPPER) if label.rank == UPPER else state.count + 1
        if value != wanted:
            yield (
                "sections",
                Problem(_where_para(para), f'"{label.shown}"', self.expected(label, kind, wanted)),
            )
        state.count = value or wanted
        self.below(label.rank)

    def expected(self, label: Label, kind: str, wanted: int) -> str:
        if label.rank == PART:
            word = label.form.split()[0]
            if kind == "words":
                style = "PHẦN THỨ NHẤT" if label.form.endswith("THỨ") else "Phần thứ nhất"
                words = numbering_label(style, (min(wanted, len(PART_ORDINALS)),))
                return f'"{word} {words.split(" ", 1)[1]}"'
            return f'"{word} {_shown(label.token, kind, wanted)}"'
        series = "I, II, III" if kind == "roman" else "A, B, C"
        return (
            f'"{_shown(label.token, kind, wanted)}{label.form}" ({series}, … with no gap or repeat)'
        )

    def item(self, para: Para, label: Label) -> Iterator[tuple[str, Problem]]:
        yield from self.form(para, label, self.arabic)
        value = label.value or 0
        if value != self.wanted(self.arabic, value, ARABIC):
            yield (
                "items",
                Problem(
                    _where_para(para),
                    f'"{label.shown}"',
                    f'"{self.arabic.count + 1}{label.form}" (1, 2, 3, … with no gap or repeat)',
                ),
            )
        self.arabic.count = value
        self.path = [value]
        self.point = 0

    def decimal(self, para: Para, label: Label) -> Iterator[tuple[str, Problem]]:
        numbers = [bounded_int(n, 0, _MAX_ITEM, 0) for n in label.token.split(".")]
        depth = len(numbers)
        parent = self.path[: depth - 1]
        if len(parent) < depth - 1:
            wanted = [*self.path, 1] if self.path else None
        else:
            own = self.path[depth - 1] + 1 if len(self.path) >= depth else 1
            wanted = [*parent, own]
        if numbers != wanted:
            expected = (
                f'"{".".join(map(str, wanted))}." (1.2. after 1.1.; 2.1. only under 2.)'
                if wanted
                else 'a heading numbered "1." above it (1.1. only under 1.)'
            )
            yield "nested", Problem(_where_para(para), f'"{shorten(label.shown, 30)}"', expected)
        self.path = numbers
        self.point = 0

    def letter(self, para: Para, label: Label) -> Iterator[tuple[str, Problem]]:
        letter = label.token
        if POINT in self.restart and letter == POINT_LETTERS[0]:
            self.point = 0
        wanted = POINT_LETTERS[self.point] if self.point < len(POINT_LETTERS) else "?"
        if letter != wanted:
            yield (
                "points",
                Problem(
                    _where_para(para),
                    f'"{letter})"',
                    f'"{wanted})" (a, b, c, d, đ, e, g, h, i, k, …)',
                ),
            )
        self.point = POINT_LETTERS.index(letter) + 1 if letter in POINT_LETTERS else self.point + 1


def _stories(doc: ParsedDocument) -> list[list[Para]]:
    el = doc.elements
    stories = [list(el.content)] + [list(a.content) for a in el.appendices]
    return [[p for p in story if p.container.kind == "body"] for story in stories]


def _problems(doc: ParsedDocument) -> Iterator[tuple[str, Problem]]:
    for story in _stories(doc):
        walk = _Story()
        for para in story:
            label = read_label(para.numbered_text)
            if label is None:
                spans = [s for s in para.spans if s.text.strip()]
                if spans and _flag(spans, "bold") == "all":  # a heading without a number
                    walk.restart = {UPPER, ARABIC, POINT}
                continue
            if label.rank in (PART, UPPER):
                yield from walk.marked(para, label)
            elif label.rank == ARABIC:
                yield from walk.item(para, label)
            elif label.rank == DECIMAL:
                yield from walk.decimal(para, label)
            else:
                yield from walk.letter(para, label)
            walk.restart.discard(label.rank)


def numbering(doc: ParsedDocument, level: str) -> Iterator[Problem]:
    """The problems of one rule: "sections" (Phần, I.), "items" (1.), "points" (a)),
    "nested" (1.1.) or "scheme" (two ways at one level)."""
    for rule, problem in _problems(doc):
        if rule == level:
            yield problem
