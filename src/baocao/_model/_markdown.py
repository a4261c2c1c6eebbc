"""A report written in Markdown with YAML front matter (issue 15, §1), read for
:func:`~baocao.loads_markdown`.

The front matter holds the fields of the YAML form except the body (issuer, number,
place, date, subject, addressees, signatory, recipients, numbering …). The body is
CommonMark, read by markdown-it-py into the same plain data as the YAML form, which
:func:`~baocao._model._load.structure` turns into a report; each piece of that data
remembers its line and column, so that an error names them (``report.md:12:3: …``).

The dialect (docs/authoring.md, "Markdown"):

* ``#`` a part (Phần), ``##`` a section (mục), ``###`` an item with a title (khoản);
  ``# Phụ lục: Title`` an appendix; a trailing ``{-}`` (or ``{.unnumbered}``) a heading
  without a number. A number typed at the start of a heading must be the one baocao
  assigns, and is then dropped.
* paragraphs; ``-`` lists are dash lines, a list under a dash its "+" lines; numbered
  lists are the items without a title of a section, or the points of an item (and the
  sub-points of a point), the blocks under a list entry its body.
* text before the first heading is the opening; a thematic break (``***``) ends the
  sections: what follows is the closing; ``::: closing`` … ``:::`` is the closing of a
  section, after its items, and ``::: items`` … ``:::`` items without a title after one
  with a title.
* GFM tables; a fenced ``table`` block holds a statistics table in YAML.
* ``[^1]`` footnotes; ``{money: 4607678000 south}``, ``{percent: 32,59}``,
  ``{rate: 41/86 down}``, ``{number: 1.942,54}``, ``{date: 2014-01-13}`` pieces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml
from markdown_it.tree import SyntaxTreeNode

from .._errors import LoadError, ValidationError
from .._nd30 import DECIMAL_STYLE, numbering_label, roman
from . import _numbering
from ._markdown_inline import (
    Lines,
    Spot,
    Texts,
    as_text,
    attributes,
    parser,
    typed_label,
    without_attributes,
)
from ._parse import parsed

__all__ = ["BODY_FIELDS", "read_markdown"]

BODY_FIELDS = ("opening", "parts", "sections", "closing", "appendices")
"""The fields of a report that its Markdown body writes, never its front matter."""

_APPENDIX = re.compile(r"(?:Phụ lục|PHỤ LỤC)(?:\s+(số\s+\d+|SỐ\s+\d+|[IVXLCDM]+))?\s*[:.\-–]\s*")
_APPENDIX_KEYS = ("orientation", "numbering", "reference", "units")
_BLOCKS = ("paragraph", "bullet_list", "table", "fence", "html_block")


def read_markdown(
    text: str, name: str
) -> tuple[dict[str, Any], Callable[[ValidationError], ValidationError]]:
    """The plain data (the YAML form) of the Markdown report ``text``, and the function
    that gives an error raised for a field of it the line and column it came from."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as markdown-it reads lines
    builder = _Builder(text, name)
    env: dict[str, Any] = {}
    tokens = parser().parse(text, env)
    for key, index in env.get("footnotes", {}).get("refs", {}).items():
        if index == -1:  # defined, never referred to: the parser drops it
            raise builder.unused_note(key[1:])
    return builder.build(SyntaxTreeNode(tokens)), builder.located


class _Container:
    """A part, section, item, point or appendix being filled, as YAML data."""

    def __init__(self, kind: str, path: str, data: dict[str, Any]) -> None:
        self.kind = kind
        self.path = path
        self.data = data

    def list(self, key: str) -> list[Any]:
        value = self.data.setdefault(key, [])
        assert isinstance(value, list)
        return value


class _Builder:
    """One reading of a Markdown report into the plain data of the YAML form."""

    def __init__(self, text: str, name: str) -> None:
        self.lines = Lines(text, name)
        self.name = name
        self.spots: dict[str, Spot] = {}
        self.notes: dict[str, str] = {}
        self.used: set[str] = set()
        self.texts = Texts(self.lines, self.notes, self.spots, self.used)
        self.front: dict[str, Any] = {}
        self.front_text = ""
        self.front_line = 0  # the line of the file where the front matter's YAML starts
        self.data: dict[str, Any] = {}
        self.numbering: _numbering.Numbering | None = _numbering.Numbering()
        self.part: _Container | None = None
        self.section: _Container | None = None
        self.item: _Container | None = None
        self.appendix: _Container | None = None
        self.closing = False
        self.appendix_labels: list[tuple[int, str, Spot]] = []

    # ------------------------------------------------------------------ the whole

    def build(self, root: SyntaxTreeNode) -> dict[str, Any]:
        nodes = list(root.children)
        if nodes and nodes[0].type == "front_matter":
            self._front_matter(nodes.pop(0))
        for node in nodes:
            if node.type == "footnote_block":
                self._footnotes(node)
        for node in nodes:
            if node.type != "footnote_block":
                self._top(node)
        self._check_appendix_labels()
        return {**self.front, **self.data}

    def unused_note(self, label: str) -> LoadError:
        """The error of a footnote defined and never referred to."""
        mark = f"[^{label}]:"
        spots = [
            (number, line.index(mark) + 1)
            for number, line in enumerate(self.lines.lines, 1)
            if line.lstrip().startswith(mark)
        ]
        number, column = spots[0] if spots else (1, 1)
        return self.lines.error(
            (number, column), f"the footnote [^{label}] is never used in the text"
        )

    def _front_matter(self, node: SyntaxTreeNode) -> None:
        self.front_text = node.content
        self.front_line = (node.map[0] if node.map else 0) + 1
        try:
            data = parsed(node.content, "yaml", self.name, line=self.front_line)
        except ValidationError as exc:
            raise self.located(exc) from None
        if data is None:
            return
        if not isinstance(data, Mapping):
            raise self.lines.error(
                (self.front_line + 1, 1),
                f"the front matter is not a mapping of report fields (it is a "
                f"{type(data).__name__})",
            )
        for key in data:
            if key in BODY_FIELDS:
                raise self.lines.error(
                    self._front_spot(key, of_key=True),
                    f"{key} is the body of the report: write it in Markdown below the "
                    "front matter, not in it",
                )
        self.front = dict(data)
        self.numbering = _numbering_of(data.get("numbering"))

    def _footnotes(self, block: SyntaxTreeNode) -> None:
        for note in block.children:
            label = note.meta["label"]
            paragraphs = [c for c in note.children if c.type == "paragraph"]
            spot = self.lines.spot(paragraphs[0]) if paragraphs else (1, 1)
            if len(paragraphs) != 1 or len(note.children) != 1:
                raise self.lines.error(spot, f"the footnote [^{label}] is not one paragraph")
            self.notes[label] = self.texts.plain(paragraphs[0].children[0], "a footnote")

    # ------------------------------------------------------------------ the top level

    def _top(self, node: SyntaxTreeNode) -> None:
        kind = node.type
        if kind == "heading":
            self._heading(node)
        elif kind == "hr":
            self._thematic_break(node)
        elif kind == "ordered_list":
            self._numbered_list(node)
        elif kind == "container_closing":
            self._section_closing(node)
        elif kind == "container_items":
            self._section_items(node)
        elif kind in _BLOCKS:
            blocks, path = self._blocks_here(node)
            self._block(node, blocks, path)
        else:
            raise self._refused(node)

    def _refused(self, node: SyntaxTreeNode) -> LoadError:
        what = {
            "blockquote": "a block quote (>)",
            "code_block": "an indented code block",
            "fence": "a fenced code block (only ```table holds a table)",
            "html_block": "raw HTML",
            "front_matter": "front matter (only at the very start)",
            "heading": "a heading",
            "ordered_list": "a numbered list",
        }.get(node.type, node.type.replace("_", " "))
        return self.lines.error(self._spot(node), f"{what} has no place here in a report")

    def _spot(self, node: SyntaxTreeNode) -> Spot:
        inline = _first_inline(node)
        return self.lines.spot(inline) if inline is not None else self.lines.spot(node)

    def _section_closing(self, node: SyntaxTreeNode) -> None:
        """``::: closing`` … ``:::``: the closing of the section, after its items (also
        after items with a title, whose body would otherwise hold the blocks)."""
        section = self.section
        if section is None or self.closing:
            raise self.lines.error(
                self.lines.spot(node),
                "a ::: closing block closes a section: put it under one (the report's "
                "own closing follows a *** line)",
            )
        self.item = None
        blocks = section.list("closing")
        for child in node.children:
            self._block(child, blocks, f"{section.path}.closing")

    def _section_items(self, node: SyntaxTreeNode) -> None:
        """``::: items`` … ``:::``: a numbered list of items without a title, also after
        an item with a title (whose points a numbered list would otherwise be)."""
        self.item = None
        for child in node.children:
            if child.type != "ordered_list":
                raise self.lines.error(
                    self._spot(child), "a ::: items block holds one numbered list of items"
                )
            self._numbered_list(child)

    def _thematic_break(self, node: SyntaxTreeNode) -> None:
        if self.closing or self.appendix is not None:
            raise self.lines.error(
                self._spot(node),
                "a thematic break (***) ends the sections of the report once, before its "
                "closing: "
                + ("this one is in an appendix" if self.appendix else "this is a second one"),
            )
        self.closing = True
        self.part = self.section = self.item = None
        self.spots["closing"] = self._spot(node)
        self.data["closing"] = []

    def _heading(self, node: SyntaxTreeNode) -> None:
        level = int(node.tag[1:])
        inline = node.children[0]
        raw, attrs = attributes(inline.content)
        text, _ = without_attributes(inline.content, self.texts.plain(inline, "a heading"))
        spot = self.lines.spot(inline)
        if level == 1 and _APPENDIX.match(text):
            self._appendix(text, attrs, spot)
            return
        if level > 3:
            raise self.lines.error(
                spot,
                f"a heading of level {level} has no place: # is a part, ## a section, "
                "### an item; points are a numbered list under an item",
            )
        if self.closing or (self.appendix is not None and level == 1):
            where = "the appendices" if self.appendix is not None else "the closing (***)"
            raise self.lines.error(spot, f"a heading after {where} has no place")
        numbered = _numbered(attrs, spot, self.lines, ())
        data: dict[str, Any] = {"title": text}
        kind = ("part", "section", "item")[level - 1]
        if not numbered:
            data["numbered"] = False
        else:  # a number typed anyway: checked on the source, so that "A\\." stays text
            expected = self._label(kind)
            rest, wrong = typed_label(raw, expected, part=level == 1)
            if wrong is not None and expected is not None:
                raise self.lines.error(
                    spot,
                    f"the heading is numbered {wrong!r}, but it is {kind} "
                    f"{self._count(kind)}, which baocao numbers {expected!r}: leave the "
                    "number out (baocao writes it) or correct it (another style of "
                    "label is chosen in the front matter's numbering)",
                )
            if rest != raw:
                data["title"] = typed_label(text, expected, part=level == 1)[0]
        getattr(self, f"_open_{kind}")(data, spot)

    def _open_part(self, data: dict[str, Any], spot: Spot) -> None:
        parts = self.data.setdefault("parts", [])
        self.part = _Container("part", f"parts[{len(parts)}]", data)
        parts.append(data)
        self.spots[self.part.path] = spot
        self.section = self.item = None

    def _sections_here(self) -> tuple[list[Any], str]:
        owner = self.appendix or self.part
        if owner is not None:
            return owner.list("sections"), f"{owner.path}.sections"
        return self.data.setdefault("sections", []), "sections"

    def _open_section(self, data: dict[str, Any], spot: Spot) -> None:
        sections, path = self._sections_here()
        self.section = _Container("section", f"{path}[{len(sections)}]", data)
        sections.append(data)
        self.spots[self.section.path] = spot
        self.item = None

    def _open_item(self, data: dict[str, Any], spot: Spot) -> None:
        section = self.section
        if section is None:
            raise self.lines.error(spot, "an item heading (###) must be under a section (##)")
        if section.data.get("closing"):
            raise self.lines.error(
                spot, "an item after the closing paragraphs of its section has no place"
            )
        items = section.list("items")
        self.item = _Container("item", f"{section.path}.items[{len(items)}]", data)
        items.append(data)
        self.spots[self.item.path] = spot

    def _appendix(self, text: str, attrs: dict[str, str] | None, spot: Spot) -> None:
        match = _APPENDIX.match(text)
        assert match is not None
        data: dict[str, Any] = {"title": text[match.end() :]}
        for key, value in (attrs or {}).items():
            if key not in _APPENDIX_KEYS:
                raise self.lines.error(
                    spot,
                    f"{key!r} is not an attribute of an appendix: "
                    + ", ".join(f"{k}=…" for k in _APPENDIX_KEYS),
                )
            data[key] = value
        appendices = self.data.setdefault("appendices", [])
        if match[1]:
            self.appendix_labels.append((len(appendices), match[1], spot))
        self.appendix = _Container("appendix", f"appendices[{len(appendices)}]", data)
        appendices.append(data)
        self.spots[self.appendix.path] = spot
        self.part = self.section = self.item = None
        self.closing = False

    # ------------------------------------------------------------------ numbers

    def _count(self, kind: str) -> int:
        if kind == "part":
            siblings = self.data.get("parts", [])
        elif kind == "section":
            siblings = self._sections_here()[0]
        else:
            siblings = self.section.list("items") if self.section else []
        return 1 + sum(1 for s in siblings if s.get("numbered", True) is not False)

    def _label(self, kind: str) -> str | None:
        """The label baocao gives the next numbered heading of ``kind``."""
        numbering = self.numbering
        if numbering is None:
            return None
        if kind == "part":
            return numbering_label(numbering.part, (self._count("part"),))
        style = numbering.styles[0 if kind == "section" else 1]
        if style is None:
            return None
        own = self._count(kind)
        if kind == "item" and style == DECIMAL_STYLE:  # 1.2.: the section's number first
            section_number = self._section_number()
            return numbering_label(style, (section_number, own)) if section_number else None
        return numbering_label(style, (own,))

    def _section_number(self) -> int:
        sections = self._sections_here()[0]
        current = self.section.data if self.section else None
        if current is None or current.get("numbered", True) is False:
            return 0
        return sum(1 for s in sections[: sections.index(current) + 1] if s.get("numbered", True))

    def _check_appendix_labels(self) -> None:
        appendices = self.data.get("appendices", [])
        default = str(self.front.get("appendix_numbering", "roman")).lower()
        for index, typed, spot in self.appendix_labels:
            style = str(appendices[index].get("numbering", default)).lower()
            if style == "number":
                expected = f"số {index + 1:02d}"
            elif len(appendices) > 1:
                expected = roman(index + 1)
            else:
                expected = ""
            if typed.lower() != expected.lower():
                shown = f"Phụ lục {expected}".strip()
                raise self.lines.error(
                    spot,
                    f"the appendix is numbered 'Phụ lục {typed}', but baocao numbers it "
                    f"{shown!r}: leave the number out (baocao writes it) or correct it",
                )

    # ------------------------------------------------------------------ blocks

    def _blocks_here(self, node: SyntaxTreeNode) -> tuple[list[Any], str]:
        """The list of blocks a block at the top level goes to, and its path."""
        if self.closing:
            return self.data["closing"], "closing"
        if self.item is not None:
            if self.item.data.get("points"):
                raise self.lines.error(
                    self._spot(node),
                    "a block after the points of an item has no place: indent it under "
                    "the last point (its body), or start a new item or section",
                )
            return self.item.list("body"), f"{self.item.path}.body"
        if self.section is not None:
            data = self.section.data
            key = "closing" if data.get("items") or data.get("closing") else "body"
            return self.section.list(key), f"{self.section.path}.{key}"
        owner = self.appendix or self.part
        if owner is not None:
            return owner.list("body"), f"{owner.path}.body"
        return self.data.setdefault("opening", []), "opening"

    def _block(self, node: SyntaxTreeNode, blocks: list[Any], path: str) -> None:
        """Append the block(s) of ``node`` (a paragraph, a dash list, a table) to ``blocks``."""
        kind = node.type
        if kind == "html_block" and _is_comment(node.content):
            return
        where = f"{path}[{len(blocks)}]"
        self.spots[where] = self._spot(node)
        if kind == "paragraph":
            if node.children[0].content.startswith(":::"):
                raise self.lines.error(
                    self.lines.spot(node),
                    "only '::: closing' and '::: items' blocks have a place in a report "
                    "(and a ::: line ends one)",
                )
            pieces = self.texts.pieces(node.children[0], f"{where}.text")
            text = as_text(pieces)
            blocks.append(text if isinstance(text, str) else {"text": text})
        elif kind == "bullet_list":
            for entry in node.children:
                where = f"{path}[{len(blocks)}]"
                self.spots[where] = self._spot(entry)
                blocks.append(self._dash(entry, where))
        elif kind == "table":
            blocks.append({"table": self._table(node, f"{where}.table")})
        elif kind == "fence" and node.info.strip() == "table":
            blocks.append({"table": self._fenced_table(node)})
        else:
            raise self._refused(node)

    def _dash(self, entry: SyntaxTreeNode, path: str) -> dict[str, Any]:
        children = list(entry.children)
        if not children or children[0].type != "paragraph":
            raise self.lines.error(self._spot(entry), "a dash line (-) must start with its text")
        dash: dict[str, Any] = {
            "dash": as_text(self.texts.pieces(children[0].children[0], f"{path}.dash"))
        }
        for child in children[1:]:
            if child.type != "bullet_list" or "plus" in dash:
                raise self.lines.error(
                    self._spot(child),
                    "under a dash line only a list of '+' lines has a place "
                    "(a nested list: write '+ …' indented under the dash)",
                )
            plus = dash["plus"] = []
            for index, line in enumerate(child.children):
                where = f"{path}.plus[{index}]"
                self.spots[where] = self._spot(line)
                if len(line.children) != 1 or line.children[0].type != "paragraph":
                    raise self.lines.error(
                        self._spot(line), "a '+' line holds one line of text, nothing under it"
                    )
                plus.append(as_text(self.texts.pieces(line.children[0].children[0], where)))
        return dash

    def _table(self, node: SyntaxTreeNode, path: str) -> dict[str, Any]:
        head, *bodies = node.children
        header = [self.texts.plain(cell.children[0], "a column heading") for cell in _cells(head)]
        rows: list[Any] = []
        for body in bodies:
            for row in body.children:
                where = f"{path}.rows[{len(rows)}]"
                self.spots[where] = spot = self.lines.spot(row)
                typed = _typed_cells(self.lines.lines[spot[0] - 1])
                if typed > len(header):  # the parser drops the cells past the header's
                    raise self.lines.error(
                        spot, f"the row has {typed} cells but the header has {len(header)}"
                    )
                rows.append(
                    [
                        self._cell(cell.children[0], f"{where}[{i}]")
                        for i, cell in enumerate(row.children)
                    ]
                )
        return {"header": header, "rows": rows}

    def _cell(self, inline: SyntaxTreeNode, path: str) -> Any:
        if not inline.children:
            return ""
        pieces = self.texts.pieces(inline, path)
        self.spots[path] = self.lines.spot(inline)
        if len(pieces) == 1 and isinstance(pieces[0], str):
            return _cell_value(pieces[0])
        kept = [p for p in pieces if not (isinstance(p, str) and not p.strip())]
        if len(kept) == 1 and isinstance(kept[0], Mapping):
            return kept[0]
        raise self.lines.error(
            self.lines.spot(inline),
            "a table cell is a text or one value ({percent: …}, {rate: …}, {number: …}, "
            "{money: …}), not both",
        )

    def _fenced_table(self, node: SyntaxTreeNode) -> Any:
        line = (node.map[0] if node.map else 0) + 1
        try:
            data = parsed(node.content, "yaml", self.name, line=line)
        except ValidationError as exc:
            raise exc.__class__(
                exc.value, exc.reason, path=exc.path, where=f"{self.name}:{line + 1}:1"
            ) from None
        return data

    # ------------------------------------------------------------------ numbered lists

    def _numbered_list(self, node: SyntaxTreeNode) -> None:
        if self.item is not None and not self.closing:
            self._entries(node, self.item, "points")
            return
        section = self.section
        if section is None or self.closing:
            raise self.lines.error(
                self._spot(node),
                "a numbered list has no place here: items (a numbered list, or ### "
                "headings) go under a section (##), points under an item",
            )
        if section.data.get("closing"):
            raise self.lines.error(
                self._spot(node),
                "a numbered list after the closing paragraphs of its section has no place",
            )
        self._entries(node, section, "items")

    def _entries(self, node: SyntaxTreeNode, owner: _Container, key: str) -> None:
        """The entries of a numbered list as ``owner``'s items or points."""
        entries = owner.list(key)
        for entry in node.children:
            path = f"{owner.path}.{key}[{len(entries)}]"
            self.spots[path] = self._spot(entry)
            entries.append(self._entry(entry, path, key))

    def _entry(self, entry: SyntaxTreeNode, path: str, key: str) -> Any:
        children = list(entry.children)
        if not children or children[0].type != "paragraph":
            raise self.lines.error(
                self._spot(entry), "an entry of a numbered list must start with its text"
            )
        inline = children[0].children[0]
        pieces = self.texts.pieces(inline, f"{path}.text")
        numbered = True
        if pieces and isinstance(pieces[-1], str):
            rest, attrs = without_attributes(inline.content.split("\n")[-1], pieces[-1])
            if attrs is not None:
                numbered = _numbered(attrs, self.lines.spot(inline), self.lines, ())
                pieces[-1] = rest
                if not rest:
                    pieces.pop()
        data: dict[str, Any] = {"text": as_text(pieces)}
        if not numbered:
            data["numbered"] = False
        below = "points"
        container = _Container(key, path, data)
        for child in children[1:]:
            if child.type == "ordered_list":
                self._entries(child, container, below)
            elif data.get(below):
                raise self.lines.error(
                    self._spot(child),
                    "a block after the sub-entries of an entry has no place: put it "
                    "under the last of them, or before them",
                )
            else:
                blocks = container.list("body")
                self._block(child, blocks, f"{path}.body")
        return data

    # ------------------------------------------------------------------ errors

    def located(self, exc: ValidationError) -> ValidationError:
        """``exc`` (raised for a field path) with the line and column it was read from."""
        spot = self._spot_of(exc)
        return type(exc)(
            exc.value, exc.reason, path=exc.path, where=f"{self.name}:{spot[0]}:{spot[1]}"
        )

    def _spot_of(self, exc: ValidationError) -> Spot:
        path = exc.path
        while True:
            if path in self.spots:
                return self.spots[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                break
            path = path[:cut]
        top = re.split(r"[.\[]", exc.path, maxsplit=1)[0]
        if top in self.front:
            return self._front_spot(exc.path)
        if not exc.path and isinstance(exc.value, str) and exc.value in self.front:
            return self._front_spot(exc.value)  # "is not a field of Report"
        return (self.front_line + 1, 1) if self.front_line else (1, 1)

    def _front_spot(self, path: str, *, of_key: bool = False) -> Spot:
        """The place in the front matter of the value at ``path`` (of its key, when the
        value is empty)."""
        try:
            node: Any = yaml.compose(self.front_text, Loader=yaml.SafeLoader)
        except yaml.YAMLError:  # pragma: no cover - the data was read already
            node = None
        if node is None:
            return (self.front_line + 1, 1)
        mark = node.start_mark
        for key in re.findall(r"[^.\[\]]+", path):
            if isinstance(node, yaml.MappingNode):
                found = [(k, v) for k, v in node.value if k.value == key]
                if not found:
                    break
                name, node = found[0]
                empty = node.value in ("", None) or of_key
                mark = name.start_mark if empty else node.start_mark
            elif (
                isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value)
            ):
                node = node.value[int(key)]
                mark = node.start_mark
            else:
                break
        return (self.front_line + 1 + mark.line, mark.column + 1)


# --------------------------------------------------------------------------- helpers


def _numbering_of(value: object) -> _numbering.Numbering | None:
    """The numbering the front matter asks for, or ``None`` if it is not valid (the
    report's own validation says why, at its line)."""
    try:
        if value is None:
            return _numbering.Numbering()
        if isinstance(value, str):
            return _numbering.Numbering(scheme=value)
        if isinstance(value, Mapping):
            return _numbering.Numbering(**value)
    except (ValidationError, TypeError):
        pass
    return None


def _numbered(
    attrs: dict[str, str] | None, spot: Spot, lines: Lines, allowed: tuple[str, ...]
) -> bool:
    if attrs is None:
        return True
    for key, value in attrs.items():
        if key == "numbered" and value == "false":
            continue
        if key not in allowed:
            raise lines.error(
                spot,
                f"{{{key}{'=' + value if value else ''}}} is not an attribute here: "
                "{-} (or {.unnumbered}) makes a heading or an entry without a number",
            )
    return attrs.get("numbered") != "false"


def _first_inline(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    if node.type == "inline":
        return node
    for child in node.children:
        found = _first_inline(child)
        if found is not None:
            return found
    return None


def _cells(head: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    return [cell for row in head.children for cell in row.children]


def _typed_cells(line: str) -> int:
    """How many cells a table row's line holds, as typed (``|`` not escaped)."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return len(re.split(r"(?<!\\)\|", text))


def _is_comment(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("<!--") and stripped.endswith("-->")


_WHOLE = re.compile(r"-?\d+")
_VIETNAMESE = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")


def _cell_value(text: str) -> Any:
    """A cell as a YAML cell reads: a whole number (``41``) or a number written the
    Vietnamese way (``1.341``, ``47,67``) is a number, anything else a text."""
    stripped = text.strip()
    if _WHOLE.fullmatch(stripped) and len(stripped) <= 30:
        return int(stripped)
    if _VIETNAMESE.fullmatch(stripped):
        return {"number": stripped}
    return stripped
