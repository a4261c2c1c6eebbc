"""The pieces of the Markdown dialect (issue 15, §1) below the blocks: the parser, texts
with their amounts, rates and dates, heading attributes and typed labels.

The parser is markdown-it-py (CommonMark) with GFM tables, YAML front matter and footnotes
(mdit-py-plugins), and one inline rule of baocao's: a piece ``{money: 4607678000 south}``.
Every construct that has no place in a report (emphasis, links, images, code, raw HTML)
is kept as a token that carries its offset, so that the error names its line and column.
A :class:`Spot` is a place in the Markdown file, 1-based like an editor's.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, autolink, backtick, html_inline, image, link
from markdown_it.rules_inline import emphasis as _emphasis
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .._errors import LoadError

__all__ = [
    "PIECE_KINDS",
    "Spot",
    "attributes",
    "located_error",
    "parser",
    "typed_label",
    "without_attributes",
]

Spot = tuple[int, int]
"""A line and a column of the Markdown file, both from 1."""

PIECE_KINDS = ("money", "percent", "rate", "number", "date")
"""The pieces of a text written ``{kind: value options}``, as the YAML pieces."""

_PIECE = re.compile(r"\{(" + "|".join(PIECE_KINDS) + r"):")

_OPTION_WORDS: dict[str, tuple[str, str]] = {
    # a bare word of a piece: the YAML key and value it stands for
    "north": ("style", "north"),
    "south": ("style", "south"),
    "chẵn": ("suffix", "chẵn"),
    "down": ("rounding", "down"),
    "half_up": ("rounding", "half_up"),
}

_REFUSED = {
    "em": "emphasis (*…* or _…_)",
    "strong": "bold (**…**)",
    "link": "a link",
    "image": "an image",
    "code_inline": "code (`…`)",
    "html_inline": "raw HTML",
}
"""Inline tokens with no place in a report, and what the error calls them."""


def located_error(name: str, spot: Spot, message: str) -> LoadError:
    """A :class:`~baocao.LoadError` that starts ``report.md:LINE:COL:``."""
    return LoadError(f"{name}:{spot[0]}:{spot[1]}: {message}")


def _offset_rule(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """``rule``, whose tokens remember the offset in the inline text where they start."""

    def offset_rule(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            for token in state.tokens[before:]:
                token.meta = {**(token.meta or {}), "offset": start}
        return matched

    return offset_rule


def _piece_rule(state: StateInline, silent: bool) -> bool:
    """``{money: 4607678000 south}``: a piece of a text, up to the next ``}``."""
    if state.src[state.pos] != "{" or not _PIECE.match(state.src, state.pos):
        return False
    end = state.src.find("}", state.pos, state.posMax)  # a piece may wrap onto the next line
    if not silent:
        token = state.push("baocao_piece", "", 0)
        token.content = (
            state.src[state.pos : end + 1] if end >= 0 else state.src[state.pos :].split("\n")[0]
        )
        token.meta = {"offset": state.pos, "closed": end >= 0}
    state.pos = end + 1 if end >= 0 else state.posMax
    return True


def _comment_rule(state: StateInline, silent: bool) -> bool:
    """``<!-- … -->`` inside a paragraph: a comment, kept out of the text."""
    if not state.src.startswith("<!--", state.pos):
        return False
    end = state.src.find("-->", state.pos + 4)
    if end < 0:
        return False
    if not silent:
        state.push("baocao_comment", "", 0)
    state.pos = end + 3
    return True


def parser() -> MarkdownIt:
    """The parser of the dialect: CommonMark, GFM tables, front matter, footnotes (no
    inline ``^[…]`` ones), ``::: closing`` and ``::: items`` blocks, the pieces of
    baocao, and offsets on refused constructs."""
    md = MarkdownIt("commonmark").enable("table")
    md.use(front_matter_plugin).use(footnote_plugin, inline=False)
    md.use(container_plugin, name="closing")  # ::: closing … ::: after a section's items
    md.use(container_plugin, name="items")  # ::: items … ::: items without a title
    for name, rule in (
        ("emphasis", _emphasis.tokenize),
        ("link", link),
        ("image", image),
        ("backticks", backtick),
        ("html_inline", html_inline),
        ("autolink", autolink),
    ):
        md.inline.ruler.at(name, _offset_rule(rule))
    md.inline.ruler.before("html_inline", "baocao_comment", _comment_rule)
    md.inline.ruler.before("emphasis", "baocao_piece", _piece_rule)
    return md


# --------------------------------------------------------------------------- places


class Lines:
    """The lines of the Markdown file, to turn an offset in a block's text into a place."""

    def __init__(self, text: str, name: str) -> None:
        self.lines = text.split("\n")
        self.name = name

    def spot(self, node: SyntaxTreeNode, offset: int = 0) -> Spot:
        """The place of ``offset`` in the inline text of ``node`` (an ``inline`` node,
        or a block whose first line is meant)."""
        first = node.map[0] if node.map else 0
        content = node.content if node.type == "inline" else ""
        before = content[:offset]
        line = first + before.count("\n")
        own = content.split("\n")[before.count("\n")] if content else ""
        source = self.lines[line] if line < len(self.lines) else ""
        start = source.find(own) if own else -1
        if start < 0:
            start = len(source) - len(source.lstrip())
        return line + 1, start + len(before.rsplit("\n", 1)[-1]) + 1

    def error(self, spot: Spot, message: str) -> LoadError:
        return located_error(self.name, spot, message)


# --------------------------------------------------------------------------- texts


class Texts:
    """Texts of the body as YAML writes them: a string, or a list of strings and pieces
    (``{money: …}``, ``{footnote: …}``); the place of each piece goes to ``spots``."""

    def __init__(
        self, lines: Lines, notes: dict[str, str], spots: dict[str, Spot], used: set[str]
    ) -> None:
        self.lines = lines
        self.notes = notes
        self.spots = spots
        self.used = used

    def pieces(self, inline: SyntaxTreeNode, path: str) -> list[Any]:
        """The pieces of ``inline``: strings (runs of text joined) and mappings."""
        out: list[Any] = []
        for child in inline.children:
            kind = child.type
            if kind == "text":
                self._no_loose_note(inline, child.content)
                _add(out, child.content)
            elif kind == "softbreak":
                _add(out, " ")
            elif kind == "hardbreak":
                _add(out, "\n")
            elif kind == "baocao_comment":
                continue
            elif kind == "baocao_piece":
                spot = self.lines.spot(inline, child.meta["offset"])
                self.spots[f"{path}[{len(out)}]"] = spot
                out.append(self._piece(child.content, child.meta["closed"], spot))
            elif kind == "footnote_ref":
                label = child.meta["label"]
                self.used.add(label)
                self.spots[f"{path}[{len(out)}]"] = self.lines.spot(inline)
                out.append({"footnote": self.notes[label]})
            else:
                offset = (child.meta or {}).get("offset", 0)
                what = _REFUSED.get(kind, kind.replace("_", " "))
                raise self.lines.error(
                    self.lines.spot(inline, offset),
                    f"{what} has no place in a report: write plain text "
                    "(baocao sets the bold, italics and case the decree asks for)",
                )
        return out

    def _no_loose_note(self, inline: SyntaxTreeNode, text: str) -> None:
        match = re.search(r"\[\^([^\]\s]+)\]", text)
        if match:
            offset = inline.content.find(match[0])
            raise self.lines.error(
                self.lines.spot(inline, max(offset, 0)),
                f"the footnote [^{match[1]}] has no text: add a line "
                f"'[^{match[1]}]: …' below the body",
            )

    def _piece(self, raw: str, closed: bool, spot: Spot) -> dict[str, Any]:
        if not closed:
            raise self.lines.error(spot, f"{raw!r} has no closing '}}' in its paragraph")
        kind, _, rest = raw[1:-1].partition(":")
        words = rest.split()
        if not words:
            raise self.lines.error(spot, f"{raw!r} has no value: write {{{kind}: VALUE}}")
        value: Any = words[0]
        if kind == "rate":
            actual, slash, target = value.partition("/")
            if not slash:
                raise self.lines.error(
                    spot, f"{raw!r} is not a rate: write {{rate: ACTUAL/TARGET down}} (or half_up)"
                )
            value = [actual, target]
        piece: dict[str, Any] = {kind: value}
        for word in words[1:]:
            key, equals, option = word.partition("=")
            if equals:
                piece[key] = int(option) if key == "decimals" and option.isdigit() else option
            elif word in _OPTION_WORDS:
                key, option = _OPTION_WORDS[word]
                piece[key] = option
            else:
                raise self.lines.error(
                    spot,
                    f"{word!r} is not an option of {{{kind}: …}}: write key=value "
                    "(decimals=1) or one of " + ", ".join(_OPTION_WORDS),
                )
        return piece

    def plain(self, inline: SyntaxTreeNode, what: str) -> str:
        """The text of ``inline``, which must hold no piece and no footnote."""
        pieces = self.pieces(inline, "")
        if any(not isinstance(p, str) for p in pieces):
            raise self.lines.error(
                self.lines.spot(inline),
                f"{what} holds text only: an amount, a rate, a date or a footnote "
                "goes in a paragraph",
            )
        return "".join(pieces)


def _add(out: list[Any], text: str) -> None:
    if out and isinstance(out[-1], str):
        out[-1] += text
    else:
        out.append(text)


def as_text(pieces: list[Any]) -> Any:
    """A text as YAML writes it: one string when it holds no piece."""
    if len(pieces) == 1 and isinstance(pieces[0], str):
        return pieces[0]
    return pieces


# --------------------------------------------------------------------------- attributes

_ATTRIBUTES = re.compile(r"\s*\{([^{}]*)\}\s*$")


def without_attributes(raw: str, text: str) -> tuple[str, dict[str, str] | None]:
    """``text`` (read from the source ``raw``) without the attribute block that ends
    ``raw``, and the block (see :func:`attributes`): found in the source, so that an
    escaped ``\\{-\\}`` stays text."""
    rest, found = attributes(raw)
    if found is None:
        return text, None
    suffix = raw[len(rest) :]
    return (text[: -len(suffix)] if text.endswith(suffix) else text), found


def attributes(text: str) -> tuple[str, dict[str, str] | None]:
    """``text`` without a trailing attribute block, and the block: ``{-}`` and
    ``{.unnumbered}`` give ``{"numbered": "false"}``; ``key=value`` pairs (quoted when
    they hold spaces) give themselves. ``None`` when there is no block."""
    match = _ATTRIBUTES.search(text)
    if match is None:
        return text, None
    brace = match.start(0) + match[0].index("{")
    escapes = len(text[:brace]) - len(text[:brace].rstrip("\\"))
    if escapes % 2 or "\\" in match[1] or _PIECE.match(text, brace):  # \{…\} is text
        return text, None
    try:
        words = shlex.split(match[1])
    except ValueError:
        words = match[1].split()
    found: dict[str, str] = {}
    for word in words:
        if word in ("-", ".unnumbered"):
            found["numbered"] = "false"
        else:
            key, _, value = word.partition("=")
            found[key] = value
    return text[: match.start()], found


# --------------------------------------------------------------------------- typed labels

_ANY_LABEL = re.compile(
    r"(?:[IVXLCDM]+[.\-]|[A-Z][.\-]|\d+(?:\.\d+)*[.)\-]|[a-zđ]\))(?=\s|$)",
)
_ANY_PART = re.compile(
    r"(?:Phần|PHẦN)\s+(?:thứ\s+[^\s.:\-–]+|THỨ\s+[^\s.:\-–]+|[IVXLCDM]+|[A-Z])(?=[\s.:\-–]|$)",
)
_AFTER_PART = re.compile(r"\s*[.:\-–]?\s*")


def typed_label(text: str, expected: str | None, part: bool) -> tuple[str, str | None]:
    """The title without the label the author typed, and that label when it is not
    ``expected`` (``None`` when it is, or when none was typed)."""
    # "PHẦN I" for "Phần I" is the same number: a part's label may differ in case
    head = text[: len(expected)] if expected else ""
    if expected and (head == expected or (part and head.casefold() == expected.casefold())):
        rest = text[len(expected) :]
        if not rest or rest[0].isspace() or (part and rest[0] in ".:-–"):
            if part:
                rest = rest[_AFTER_PART.match(rest).end() :]  # type: ignore[union-attr]
            return rest.lstrip(), None
    match = (_ANY_PART if part else _ANY_LABEL).match(text)
    if match is None:
        return text, None
    return text, match[0]
