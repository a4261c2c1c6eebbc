"""What reading a story gives: :class:`Para` (a paragraph with its effective formatting, in
its :class:`Container`), cut into :class:`Span` (text of one formatting) and
:class:`Fragment` (a line, or a tab-separated piece of one); its :class:`Field` and drawn
:class:`Shape`; and the page setup of each section (:class:`SectionInfo`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal

import attrs

from ._formats import ParaFormat, RunFormat
from ._metrics import TWIPS_PER_MM, mm_from_twips


@attrs.frozen
class Span:
    """A piece of text with one formatting (a run, or part of one)."""

    text: str
    fmt: RunFormat


@attrs.frozen
class Field:
    """A field (``PAGE``, ``NUMPAGES``, …): its instruction and the spans of its result."""

    instruction: str
    result: tuple[Span, ...]

    @property
    def name(self) -> str:
        words = self.instruction.split()
        return words[0].upper() if words else ""


@attrs.frozen
class Shape:
    """A drawn line (DrawingML or VML) found in a paragraph."""

    length_mm: float


@attrs.frozen
class Container:
    """Where a paragraph sits: the body, a table cell, a text box, a Word frame
    (``w:framePr``), a header or a footer.

    ``width_mm`` is the width its text can use (for a cell: the cell less its margins; for
    a frame: its ``w:w``). Frames are numbered in ``textbox``; frames that stand side by
    side (anchored to the same paragraph, at the same height) share their ``row``.
    """

    kind: Literal["body", "cell", "textbox", "frame", "header", "footer"]
    width_mm: float
    table: int = -1
    row: int = -1
    column: int = -1
    textbox: int = -1

    @property
    def key(self) -> tuple[str, int, int, int, int]:
        return (self.kind, self.table, self.row, self.column, self.textbox)


@attrs.frozen(eq=False)
class Para:
    """A paragraph with its effective formatting, in the order of its story."""

    index: int
    part: str
    section: int
    container: Container
    style_id: str
    label: str
    spans: tuple[Span, ...]
    fmt: ParaFormat
    mark_size: float
    shapes: tuple[Shape, ...] = ()
    fields: tuple[Field, ...] = ()
    page_break: bool = False
    raw_text: str = ""
    inline_mm: float = 0.0
    """The height of the tallest picture or drawing in the line (``wp:inline``)."""
    tab_kinds: tuple[str, ...] = ()
    """Each tab of the text in order: ``""`` for a tab, the alignment of a positional tab
    (``w:ptab``: ``"center"``, ``"right"``, ``"left"``)."""

    @functools.cached_property
    def text(self) -> str:
        """The paragraph's text in NFC (line breaks ``\\n``, tabs ``\\t``), no label."""
        return unicodedata.normalize("NFC", "".join(s.text for s in self.spans))

    @property
    def numbered_text(self) -> str:
        """The text with its automatic number in front ("I. KẾT QUẢ"), stripped."""
        text = self.text.strip()
        return f"{self.label} {text}".strip() if self.label else text

    @property
    def in_table(self) -> bool:
        return self.container.kind == "cell"

    @property
    def empty(self) -> bool:
        return not self.text.strip() and not self.label

    @functools.cached_property
    def fragments(self) -> tuple[Fragment, ...]:
        """The paragraph cut at line breaks and tabs (non-empty pieces only)."""
        out: list[Fragment] = []
        line: list[list[Span]] = [[]]
        line_no = 0

        def flush() -> None:
            for chunk_no, chunk in enumerate(line):
                fragment = Fragment(self, line_no, chunk_no, tuple(chunk))
                if fragment.text:
                    out.append(fragment)

        for span in self.spans:
            pieces = re.split(r"([\n\t])", span.text)
            for piece in pieces:
                if piece == "\n":
                    flush()
                    line = [[]]
                    line_no += 1
                elif piece == "\t":
                    line.append([])
                elif piece:
                    line[-1].append(Span(piece, span.fmt))
        flush()
        return tuple(out)

    @property
    def centred_by_tab(self) -> bool:
        """True when the paragraph's text stands after tabs that reach a centre tab stop in
        the middle of its container (the page number of Word's "Header" style: a tab, then
        the PAGE field), or after a centred positional tab (``w:ptab``), so that it prints
        centred although it is aligned left."""
        text = self.text
        lead = text[: len(text) - len(text.lstrip("\t "))]
        count = lead.count("\t")
        if not text.strip() or count == 0 or "\t" in text.strip() or self.fmt.align != "left":
            return False
        if len(self.tab_kinds) >= count and self.tab_kinds[count - 1]:
            return self.tab_kinds[count - 1] == "center"  # a positional tab: no stops
        stops = [stop for stop in self.fmt.tabs if stop[0] > self.fmt.left]
        if len(stops) < count:
            return False
        position, kind = stops[count - 1]
        middle = TWIPS_PER_MM * self.container.width_mm / 2
        return kind == "center" and abs(position - middle) <= TWIPS_PER_MM * 5

    @property
    def width_mm(self) -> float:
        """The width the paragraph's lines can use: its container less its indents."""
        return max(1.0, self.container.width_mm - mm_from_twips(self.fmt.left + self.fmt.right))


@attrs.frozen(eq=False)
class Fragment:
    """One line of a paragraph, or one tab-separated piece of a line."""

    para: Para
    line: int
    chunk: int
    spans: tuple[Span, ...]

    @functools.cached_property
    def text(self) -> str:
        """The text as typed, NFC, without surrounding white space."""
        return unicodedata.normalize("NFC", "".join(s.text for s in self.spans)).strip()

    @functools.cached_property
    def shown(self) -> str:
        """The text as displayed: runs with ``caps`` in upper case."""
        joined = "".join(s.text.upper() if s.fmt.caps else s.text for s in self.spans)
        return unicodedata.normalize("NFC", joined).strip()

    @property
    def whole_line(self) -> bool:
        """True when the fragment is a whole line (no tab splits it from other text)."""
        return sum(1 for f in self.para.fragments if f.line == self.line) == 1

    @property
    def inked(self) -> tuple[Span, ...]:
        """The spans that put ink on the page (not white space)."""
        return tuple(s for s in self.spans if s.text.strip())


@attrs.frozen
class SectionInfo:
    """Page setup of one section (twips), and the header/footer parts it uses."""

    index: int
    width: int | None
    height: int | None
    orient: str
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    gutter: int
    title_pg: bool
    page_start: int | None
    kind: str
    headers: tuple[tuple[str, str], ...]
    footers: tuple[tuple[str, str], ...]
    first_para: int
    last_para: int

    @property
    def text_width_mm(self) -> float:
        width = 11906 if self.width is None else self.width
        left = 1440 if self.left is None else self.left
        right = 1440 if self.right is None else self.right
        return mm_from_twips(max(567, width - left - right - self.gutter))

    def header(self, kind: str) -> str | None:
        return dict(self.headers).get(kind)

    def footer(self, kind: str) -> str | None:
        return dict(self.footers).get(kind)
