"""Where the signatures go on a PDF that LibreOffice printed from a baocao .docx.

The signature block is a layout baocao made (``_render/_signatures.py``): the title lines
(ô 7a), then ``gap.lines`` empty lines of the signature style (ô 7c), then the other title
(ô 7b, when there is one) and the name, all centred in the block's column. What the .docx
cannot say is the page LibreOffice put the block on and its height there, so this module
reads the PDF's text lines (pdfminer.six) and looks for *the exact strings baocao wrote*:
the block's last title line and, below it, the line after the gap (the other title or the
name). A pair counts only when it has the geometry of the layout: the two lines centred on
one axis, and their baselines ``gap.lines + 1`` lines of the signature style apart (1.15 ×
the size, ``_ooxml.line_height_pt``). The same words anywhere else (in the body, in an
appendix) do not have that geometry and are not taken.

Limits: the strings must reach the PDF as text (LibreOffice writes them so; a scanned or
flattened PDF has none); a template that lays the block out otherwise (another gap, the
name not centred under the title) is not found, and the caller gets a
:class:`~baocao.SigningError` saying so rather than a field in a guessed place.

Coordinates are PDF points, origin at the bottom left of the page, y upwards.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from .._errors import SigningError
from .._nd30 import SIGNATURE_SEAL_SHARE
from ._deps import need

__all__ = [
    "LINE_FACTOR",
    "Box",
    "Page",
    "Pages",
    "TextLine",
    "blank_boxes",
    "find_block",
    "person_box",
    "read_pages",
    "seal_box",
    "separate_box",
]

LINE_FACTOR = 1.15
"""A single line's height per point of size (as ``_render._signatures`` counts the gap)."""

PT_PER_MM = 72 / 25.4

_CENTRE_TOLERANCE_PT = 3.0  # centred lines: rounding of glyph widths, a trailing space
_BASELINE_TOLERANCE_PT = 2.0  # the baseline distance of the layout
_BLANK = "\u00a0"  # what the draft's blanks are made of (``_render`` DRAFT_NUMBER)


@attrs.frozen
class Box:
    """A rectangle in PDF points: lower left ``(x0, y0)``, upper right ``(x1, y1)``."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def centre_y(self) -> float:
        return (self.y0 + self.y1) / 2

    def rounded(self) -> tuple[int, int, int, int]:
        """The box in whole points, grown to hold the exact one (a field's ``/Rect``)."""
        import math

        return (math.floor(self.x0), math.floor(self.y0), math.ceil(self.x1), math.ceil(self.y1))


@attrs.frozen
class TextLine:
    """One line of text as printed: its text (NFC), its box, and each character's span."""

    text: str
    box: Box
    chars: tuple[tuple[str, float, float], ...] = ()

    @property
    def size(self) -> float:
        """The font size of the line (pdfminer's line box is one size high)."""
        return self.box.height


@attrs.frozen
class Page:
    """A page: its index (from 0), size, and text lines."""

    index: int
    width: float
    height: float
    lines: tuple[TextLine, ...]


def _norm(text: str) -> str:
    """NFC, and runs of ordinary spaces as one (the PDF's spacing is not the text's)."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.replace("\n", " ").split(" ")).strip(" ")


def _squash(text: str) -> str:
    return " ".join(_norm(text).split())


class Pages(Sequence[Page]):
    """The pages of a PDF, read (pdfminer.six) as far as they are asked for: the signature
    comes before the appendices, which a search for it then never reads."""

    def __init__(self, pdf: bytes) -> None:
        self._source: Iterator[Page] | None = _generate(pdf)
        self._read: list[Page] = []

    def _fill(self, upto: int | None) -> None:
        while self._source is not None and (upto is None or len(self._read) <= upto):
            try:
                self._read.append(next(self._source))
            except StopIteration:
                self._source = None

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | Sequence[Page]:
        if isinstance(index, slice) or index < 0:
            self._fill(None)
        else:
            self._fill(index)
        return self._read[index]

    def __len__(self) -> int:
        self._fill(None)
        return len(self._read)

    def __iter__(self) -> Iterator[Page]:
        index = 0
        while True:
            self._fill(index)
            if index >= len(self._read):
                return
            yield self._read[index]
            index += 1


def read_pages(pdf: bytes) -> Pages:
    """The text lines of the pages of ``pdf`` (pdfminer.six), read on first use.

    Raises:
        SigningError: the PDF cannot be read, or pdfminer.six is not installed.
    """
    return Pages(pdf)


def _generate(pdf: bytes) -> Iterator[Page]:
    high_level = need("pdfminer.high_level")
    layout = need("pdfminer.layout")
    params = layout.LAParams(line_margin=0.01, char_margin=1.0, word_margin=0.1)
    try:
        for index, page in enumerate(high_level.extract_pages(io.BytesIO(pdf), laparams=params)):
            lines = tuple(_lines(page, layout))
            x0, y0, x1, y1 = page.bbox
            yield Page(index, float(x1 - x0), float(y1 - y0), lines)
    except SigningError:
        raise
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise SigningError(f"the PDF cannot be read: {exc}") from None


def _lines(page: Any, layout: Any) -> Iterable[TextLine]:
    for element in page:
        if not isinstance(element, layout.LTTextContainer):
            continue
        for line in element:
            if not isinstance(line, layout.LTTextLine):
                continue
            chars = tuple(
                (unicodedata.normalize("NFC", c.get_text()), float(c.x0), float(c.x1))
                for c in line
                if isinstance(c, layout.LTChar)
            )
            text = _norm(line.get_text())
            if text:
                yield TextLine(text, Box(*(float(v) for v in line.bbox)), chars)


# --- the signature block (ô 7a-7c) ------------------------------------------------------------


@attrs.frozen
class Found:
    """A signature block found on a page: its last title line and the line after the gap."""

    page: int
    title: TextLine
    below: TextLine
    name: TextLine


def _is_last_line_of(line: str, text: str) -> bool:
    """Whether ``line`` is ``text``, or its last printed line when the column wrapped it."""
    line, text = _squash(line), _squash(text)
    return line == text or (text.endswith(line) and text[: -len(line)].endswith(" "))


def _ends_title(page: Page, line: TextLine, title: str) -> bool:
    """Whether ``line`` is the last printed line of ``title``: the title itself, or, when
    the column wrapped it, its end with the rest on the line(s) right above, centred."""
    if _squash(line.text) == _squash(title):
        return True
    if not _is_last_line_of(line.text, title):
        return False
    rest = _squash(title)[: -len(_squash(line.text))].rstrip()
    step = LINE_FACTOR * line.size
    above = [
        other
        for other in page.lines
        if abs(other.box.y0 - line.box.y0 - step) <= _BASELINE_TOLERANCE_PT
        and abs(other.box.centre_x - line.box.centre_x) <= _CENTRE_TOLERANCE_PT
        and _is_last_line_of(other.text, rest)
    ]
    return any(_ends_title(page, other, rest) for other in above)


def _is_first_line_of(line: str, text: str) -> bool:
    line, text = _squash(line), _squash(text)
    return line == text or (text.startswith(line) and text[len(line) :].startswith(" "))


def find_block(pages: Sequence[Page], block: dict[str, Any]) -> Found:
    """Find the signature block ``block`` (a context block: ``lines``, ``other_title``,
    ``name``, ``gap``) on ``pages``: the first place that has its layout (the signature
    comes before the appendices).

    Raises:
        SigningError: no page has the block with baocao's layout.
    """
    title = str(block["lines"][-1])
    name = str(block["name"])
    other = block.get("other_title")
    gap_lines = int(block["gap"]["lines"])
    for page in pages:
        for name_line in page.lines:
            if _squash(name_line.text) != _squash(name):
                continue
            below = name_line
            if other:
                below_candidates = [
                    line
                    for line in page.lines
                    if line.box.y0 > name_line.box.y0
                    and _is_first_line_of(line.text, str(other))
                    and abs(line.box.centre_x - name_line.box.centre_x) <= _CENTRE_TOLERANCE_PT
                ]
                if not below_candidates:
                    continue
                below = min(below_candidates, key=lambda line: line.box.y0)
            for title_line in page.lines:
                if not _ends_title(page, title_line, title):
                    continue
                if abs(title_line.box.centre_x - below.box.centre_x) > _CENTRE_TOLERANCE_PT:
                    continue
                step = LINE_FACTOR * title_line.size
                distance = title_line.box.y0 - below.box.y0
                if abs(distance - (gap_lines + 1) * step) <= _BASELINE_TOLERANCE_PT:
                    return Found(page.index, title_line, below, name_line)
    raise SigningError(
        f"the signature block of {name!r} (under {title!r}) is not in the PDF with the "
        f"layout baocao gives it ({gap_lines} empty lines between the title and the name, "
        "centred): was the PDF converted from this report's .docx, rendered with baocao's "
        "template?"
    )


def person_box(found: Found, block_widths: Iterable[float] = ()) -> Box:
    """The field of the signer's signature (ô 7c): the whole gap between the title line and
    the line after it, centred on the block's axis, as wide as the block's widest line and at
    least twice as wide as it is high."""
    top = found.title.box.y0
    bottom = found.below.box.y1
    height = top - bottom
    width = max([2 * height, found.title.box.width, found.name.box.width, *block_widths])
    centre = found.title.box.centre_x
    return Box(centre - width / 2, bottom, centre + width / 2, top)


def seal_box(person: Box, seal_mm: float) -> Box:
    """The field of the body's seal (ô 8): a square of the seal's real size, centred on the
    signature's height, covering the left third of the signature (PL I, II.8.a)."""
    side = seal_mm * PT_PER_MM
    right = person.x0 + person.width * SIGNATURE_SEAL_SHARE
    return Box(right - side, person.centre_y - side / 2, right, person.centre_y + side / 2)


def separate_box(page: Page, right_mm: float, width_mm: float, height_mm: float) -> Box:
    """The field of the body's text signature on a separate file (ô 14): the top right
    corner of page 1, its right edge on the right margin, its top 4 mm under the page's."""
    right = page.width - right_mm * PT_PER_MM
    top = page.height - 4 * PT_PER_MM
    return Box(right - width_mm * PT_PER_MM, top - height_mm * PT_PER_MM, right, top)


# --- the blanks of a number and date left to the document system (Điều 15.3) -----------------


def _blank_runs(line: TextLine) -> list[Box]:
    """The runs of no-break spaces in ``line`` (the draft's blanks), as boxes."""
    runs: list[Box] = []
    start: float | None = None
    end = 0.0
    for char, x0, x1 in (*line.chars, ("", 0.0, 0.0)):
        if char == _BLANK:
            start = x0 if start is None else start
            end = x1
        elif start is not None:
            runs.append(Box(start, line.box.y0, end, line.box.y1))
            start = None
    return runs


def blank_boxes(page: Page, number_line: str, date_line: str, year_blank: bool) -> dict[str, Box]:
    """The fields of the number (``number``) and of the day, month and (when blank) year of
    the date (``day``, ``month``, ``year``) that the document system fills at issuing: the
    blanks baocao printed in the number line and the date line of page 1. Only the lines
    given (non-empty) are looked for."""
    boxes: dict[str, Box] = {}
    for text, names in ((number_line, ["number"]), (date_line, ["day", "month", "year"])):
        if not text:
            continue
        line = next((ln for ln in page.lines if _squash(ln.text) == _squash(text)), None)
        if line is None:
            raise SigningError(f"the line {_squash(text)!r} is not on page 1 of the PDF")
        runs = _blank_runs(line)
        wanted = names if year_blank or names == ["number"] else names[:2]
        if len(runs) < len(wanted):
            raise SigningError(f"the blanks of {_squash(text)!r} are not in the PDF")
        boxes.update(zip(wanted, runs[: len(wanted)], strict=True))
    return boxes
