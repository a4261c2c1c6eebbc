"""Chú thích: a footnote inside a body text (issue 12, §6).

A :class:`Footnote` is a piece of a text like a date or an amount: where it stands, the
document gets a real Word footnote (a superscript number, and the note at the foot of the
page); baocao numbers the notes 1, 2, … through the whole document, appendices included.
"""

from __future__ import annotations

import attrs

from ._fields import _text, _validate_text
from ._layout import ONE_LINE, _validate_layout

__all__ = ["Footnote"]


@attrs.frozen
class Footnote:
    """Chú thích: a footnote at this place of the text, ``{footnote: "…"}`` in YAML.

    Attributes:
        text: the note's text (nội dung chú thích), one line, printed at the foot of the
            page after its number.
    """

    text: str = attrs.field(
        converter=_text,
        validator=[_validate_text, _validate_layout],
        metadata={"layout": ONE_LINE},
    )
