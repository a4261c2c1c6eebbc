"""The effective formatting of text: :class:`Font`, :class:`RunFormat` (a run, after styles,
``basedOn`` and ``docDefaults``) and :class:`ParaFormat` (a paragraph), and Word's defaults
when nothing sets them.
"""

from __future__ import annotations

import attrs

#: Word's font when no level of the style hierarchy names one.
DEFAULT_FONT = "Times New Roman"


#: Word's size (pt) when no level of the style hierarchy gives one.
DEFAULT_SIZE = 10.0


@attrs.frozen
class Font:
    """A resolved font name; ``theme`` names the theme slot it came from (``minorHAnsi``)."""

    name: str
    theme: str = ""

    def __str__(self) -> str:
        return f"{self.name} (theme font {self.theme})" if self.theme else self.name


@attrs.frozen
class RunFormat:
    """The effective formatting of a run (after styles, basedOn and docDefaults)."""

    ascii: Font
    h_ansi: Font
    east_asia: Font
    cs: Font
    size: float
    bold: bool
    italic: bool
    caps: bool
    small_caps: bool
    underline: bool
    color: str
    vert_align: str
    hint: str
    complex: bool

    def font(self, slot: str) -> Font:
        """The font of ``slot``: ``ascii``, ``hAnsi``, ``eastAsia`` or ``cs``."""
        return {
            "ascii": self.ascii,
            "hAnsi": self.h_ansi,
            "eastAsia": self.east_asia,
            "cs": self.cs,
        }[slot]

    @property
    def black(self) -> bool:
        return self.color in ("auto", "000000")


@attrs.frozen
class ParaFormat:
    """The effective paragraph properties (twips unless said otherwise)."""

    align: str = "left"
    left: int = 0
    right: int = 0
    first_line: int = 0
    before: int = 0
    after: int = 0
    line: int = 240
    line_rule: str = "auto"
    contextual: bool = False
    border_bottom: bool = False
    page_break_before: bool = False
    frame_centred: bool = False
    tabs: tuple[tuple[int, str], ...] = ()
    """The custom tab stops (position in twips from the margin, kind), styles merged."""
    boxed: bool = False
    """A border on all four sides (``w:pBdr``): the single-line frame of a stamp."""


HIDDEN = RunFormat(
    Font(""),
    Font(""),
    Font(""),
    Font(""),
    0.0,
    False,
    False,
    False,
    False,
    False,
    "auto",
    "baseline",
    "",
    False,
)
