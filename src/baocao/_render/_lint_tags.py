"""Reading a template as lint sees it: its paragraphs (:class:`Unit`), the Jinja and
docxtpl tags written in them (:class:`Tag`, :func:`scan`) and the parts that hold them
(:class:`Part`).

A paragraph's text is read from its ``w:t`` elements (not those of nested text boxes),
with the formatting run each piece is in, so that a tag split across runs, and what holds
a run inside the paragraph (a hyperlink, a field, a content control), can be told.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from lxml import etree

from .._ooxml import qn

__all__ = [
    "CLOSER",
    "OPENER",
    "PIECE",
    "QUOTES",
    "TAG",
    "W_T",
    "W_TC",
    "W_TR",
    "Part",
    "Tag",
    "Unit",
    "collapse",
    "scan",
    "short",
    "units",
]

_W_P = qn("p")
W_T = qn("t")
W_TR = qn("tr")
W_TC = qn("tc")

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
OPENER = re.compile(r"\{[{%#]")
_LEVEL = re.compile(r"(p|tr|tc|r) ")
_KEYWORD = re.compile(r"[-+]?\s*([A-Za-z_]\w*)")
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}

PIECE = 60


def short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@attrs.define
class Unit:
    """A paragraph (or a document property): where tags are written."""

    pieces: list[tuple[str, int]]  # (text of a w:t, index of its run)
    where: str  # the text as a reader sees it
    element: Any = None  # the w:p, None for a document property
    containers: dict[int, str] = attrs.Factory(dict)  # run index: what holds the run

    @property
    def text(self) -> str:
        return "".join(text for text, _run in self.pieces)


@attrs.define
class Tag:
    text: str  # as typed: "{%p if x %}"
    kind: str  # "{{", "{%" or "{#"
    level: str  # docxtpl's level: "", "p", "tr", "tc" or "r"
    inner: str  # between the delimiters, without the level
    source: str  # what Jinja compiles ("" for a comment or docxtpl's vm/hm)
    unit: Unit
    runs: int  # how many runs the tag is spread over
    container: str = ""  # what holds its run inside the paragraph (a hyperlink, …)

    @property
    def keyword(self) -> str:
        if self.kind != "{%":
            return ""
        found = _KEYWORD.match(self.inner.strip())
        return found.group(1) if found else ""

    @property
    def is_block_set(self) -> bool:
        return self.keyword == "set" and "=" not in self.inner


@attrs.define
class Part:
    label: str  # "" for the body, else "in the header word/header1.xml"
    units: list[Unit]
    xml: str | None  # the part as docxtpl compiles it, None for a document property


def collapse(text: str) -> str:
    return " ".join(text.split())


def units(root: Any) -> list[Unit]:
    """The paragraphs of a part, each with its own text (not that of nested text boxes)."""
    order: dict[Any, list[tuple[str, int]]] = {p: [] for p in root.iter(_W_P)}
    runs: dict[Any, int] = {}
    held: dict[Any, dict[int, str]] = {}
    for text in root.iter(W_T):
        paragraph = text.getparent()
        while paragraph is not None and paragraph.tag != _W_P:
            paragraph = paragraph.getparent()
        if paragraph is None:
            continue
        run = text.getparent()
        index = runs.setdefault(run, len(runs))
        order[paragraph].append((text.text or "", index))
        container = _container_of(run, paragraph)
        if container:
            held.setdefault(paragraph, {})[index] = container
    out = []
    for paragraph, pieces in order.items():
        unit = Unit(pieces, "", paragraph, held.get(paragraph, {}))
        unit.where = collapse(unit.text)
        out.append(unit)
    return out


_CONTAINERS = {
    "hyperlink": "a hyperlink (w:hyperlink)",
    "fldSimple": "a field (w:fldSimple)",
    "sdt": "a content control (w:sdt)",
}


def _container_of(run: Any, paragraph: Any) -> str:
    """What holds ``run`` between it and its paragraph ("" when the paragraph does)."""
    names = []
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        names.append(etree.QName(parent).localname)
        parent = parent.getparent()
    for name in names:
        if name in _CONTAINERS:
            return _CONTAINERS[name]
    return f"a w:{names[-1]} element" if names else ""


def _make_tag(text: str, unit: Unit, runs: int) -> Tag:
    kind = text[:2]
    inner = text[2:-2]
    level = ""
    found = _LEVEL.match(inner)
    if found is not None:
        level = found.group(1)
        inner = inner[found.end() :]
    inner = inner.translate(QUOTES)
    source = ""
    if kind == "{{":
        source = "{{" + inner + "}}"
    elif kind == "{%":
        words = inner.split()
        if words and words[0] in ("colspan", "cellbg"):
            source = "{{ " + " ".join(words[1:]) + " }}"
        elif words not in (["vm"], ["hm"]):
            source = "{%" + inner + "%}"
    return Tag(text, kind, level, inner, source.replace("\n", " "), unit, runs)


def scan(unit: Unit) -> tuple[list[Tag], list[str]]:
    """The tags of a paragraph, and the tags left open in it."""
    text = unit.text
    owner: list[int] = []
    for piece, run in unit.pieces:
        owner.extend([run] * len(piece))
    tags = []
    rest = list(text)
    for found in TAG.finditer(text):
        spread = set(owner[found.start() : found.end()])
        tag = _make_tag(found.group(), unit, len(spread) if owner else 1)
        tag.container = next(
            (unit.containers[r] for r in sorted(spread) if r in unit.containers), ""
        )
        tags.append(tag)
        rest[found.start() : found.end()] = " " * (found.end() - found.start())
    remaining = "".join(rest)
    unclosed = [
        remaining[found.start() : found.start() + PIECE].rstrip()
        for found in OPENER.finditer(remaining)
    ]
    return tags, unclosed
