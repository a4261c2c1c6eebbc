"""Measuring and wrapping text with the Times New Roman metrics of :mod:`._metrics`: the
width of a span (superscript at :data:`SUPERSCRIPT_SCALE`), greedy line wrapping
(:func:`wrap_widths` for spans, :func:`wrap_text` for a plain string), the longest wrapped
line of an element, line and paragraph heights.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._formats import DEFAULT_FONT, Font, RunFormat
from ._metrics import MM_PER_PT, mm_from_twips, text_width_mm
from ._paragraphs import Fragment, Para, Span


def line_height_pt(para: Para) -> float:
    """The height of one line of a paragraph (points): its largest size and line spacing."""
    sizes = [s.fmt.size for s in para.spans if s.text.strip()] or [para.mark_size]
    natural = max(sizes) * 1.15
    if para.fmt.line_rule == "auto":
        return natural * para.fmt.line / 240
    if para.fmt.line_rule == "exact":
        return para.fmt.line / 20
    return max(natural, para.fmt.line / 20)


def paragraph_height_mm(para: Para) -> float:
    """The height a paragraph takes: its wrapped lines, line spacing and spacing."""
    line_pt = line_height_pt(para)
    lines = (
        len(
            wrap_widths(
                para.spans,
                para.width_mm,
                first_line_mm=mm_from_twips(max(0, para.fmt.first_line)),
            )
        )
        if para.spans
        else 1
    )
    spacing = (para.fmt.before + para.fmt.after) / 20
    text_mm = lines * line_pt * MM_PER_PT
    exact = para.fmt.line_rule == "exact"
    return max(text_mm, 0.0 if exact else para.inline_mm) + spacing * MM_PER_PT


#: The size of superscript and subscript text relative to its run, as LibreOffice prints it
#: (58 %; the 2/3 of 0.1 made the decree's own typed rules of Mẫu 1.1, 1.2 and 1.5 too long).
SUPERSCRIPT_SCALE = 0.58


def span_width_mm(text: str, fmt: RunFormat) -> float:
    """Width of ``text`` in the run's size and weight (superscript at
    :data:`SUPERSCRIPT_SCALE` of it)."""
    if not text or fmt.size <= 0:
        return 0.0
    scale = SUPERSCRIPT_SCALE if fmt.vert_align in ("superscript", "subscript") else 1.0
    size = fmt.size * scale
    shown = text.upper() if fmt.caps else text
    return text_width_mm(shown.replace("\t", " "), size, bold=fmt.bold, italic=fmt.italic)


def wrap_widths(
    spans: Sequence[Span], width_mm: float, *, first_line_mm: float = 0.0
) -> list[float]:
    """The widths of the lines a word processor makes of ``spans`` in ``width_mm``.

    Greedy breaking at spaces (and at explicit line breaks), each character measured in its
    run's formatting. Trailing spaces do not count.
    """
    lines: list[float] = []
    line = 0.0
    pending_space = 0.0
    word = 0.0
    room = width_mm - first_line_mm

    def end_word() -> None:
        nonlocal line, pending_space, word, room
        if word == 0.0:
            return
        if line > 0 and line + pending_space + word > room + 0.01:
            lines.append(line)
            line = word
            room = width_mm
        else:
            line += (pending_space if line > 0 else 0.0) + word
        pending_space = 0.0
        word = 0.0

    for span in spans:
        for piece in re.split(r"(\n| +)", span.text):
            if not piece:
                continue
            if piece == "\n":
                end_word()
                lines.append(line)
                line = 0.0
                pending_space = 0.0
                room = width_mm
            elif piece.startswith(" "):
                end_word()
                pending_space += span_width_mm(piece, span.fmt)
            else:
                word += span_width_mm(piece, span.fmt)
    end_word()
    lines.append(line)
    return lines


def wrap_text(
    text: str,
    width_mm: float,
    size_pt: float,
    *,
    bold: bool = False,
    italic: bool = False,
    first_line_mm: float = 0.0,
) -> list[float]:
    """:func:`wrap_widths` for a plain string in one size and weight (Times New Roman): the
    widths of the lines ``text`` makes in ``width_mm``, line breaks (``"\\n"``) kept.

    >>> [round(w, 1) for w in wrap_text("Độc lập - Tự do - Hạnh phúc", 40, 14, bold=True)]
    [35.8, 23.5]
    """
    font = Font(DEFAULT_FONT)
    fmt = RunFormat(
        font, font, font, font, float(size_pt), bold, italic,
        False, False, False, "auto", "baseline", "", False,
    )  # fmt: skip
    return wrap_widths([Span(text, fmt)], width_mm, first_line_mm=first_line_mm)


def fragment_width_mm(fragment: Fragment) -> float:
    """The width of a fragment as typed on one line (no wrapping)."""
    return sum(span_width_mm(s.text, s.fmt) for s in fragment.spans)


def longest_wrapped_mm(fragments: Sequence[Fragment]) -> float:
    """The longest line of an element as laid out in its container (wrapped)."""
    widths: list[float] = []
    for fragment in fragments:
        room = fragment.para.width_mm if fragment.whole_line else 10_000.0
        widths += wrap_widths(fragment.spans, room)
    return max(widths, default=0.0)
