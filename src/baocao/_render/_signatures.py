"""The signature blocks a template receives (issue 12, §5): each block's lines, the space
left for the signature and the seal, the signer's other title and name; several blocks side
by side for a joint report.

The space (ô 7c) is :data:`GAP_LINES` empty paragraphs of the signature style between the
last title line and the other title or the name. Its height is measured as the checker
measures a line (1.15 × the size: ``_ooxml.line_height_pt``): 22.7 mm at 14 pt, 21.1 mm
at 13 pt, both above the 20 mm (``_nd30.SIGNATURE_GAP_MIN_MM``) a signature image and the
seal over its left third need. ``templates/README.md`` documents the keys.
"""

from __future__ import annotations

from typing import Any

from .. import _model as m
from .._nd30 import PROFILES, SIGNATURE_GAP_MIN_MM, STYLE_SIZES
from .._ooxml import MM_PER_PT
from .._text import upper

__all__ = ["GAP_LINES", "gap_mm", "signature_block", "signature_lines", "signatures"]

GAP_LINES = 4
"""The empty paragraphs of the default template between the title and the name."""

LINE_FACTOR = 1.15
"""A single line's height per point of size, as ``_ooxml.line_height_pt`` counts it."""


def gap_mm(profile: str = "14", lines: int = GAP_LINES) -> float:
    """The height of the signature space in a size profile, in millimetres (one decimal).

    >>> gap_mm("14"), gap_mm("13")
    (22.7, 21.1)
    """
    size = STYLE_SIZES["BCSignature"][PROFILES.index(profile)]
    return round(lines * size * LINE_FACTOR * MM_PER_PT, 1)


def signature_lines(signatory: m.Signatory) -> list[str]:
    """The upper-case lines above the signature (quyền hạn, chức vụ), top line first."""
    lines = []
    if signatory.collective is not None:
        lines.append(f"TM. {upper(signatory.collective)}")
    if signatory.by_order_of is not None:
        lines.append(f"TL. {upper(signatory.by_order_of)}")
    authority = signatory.authority
    if authority is m.Authority.Q:
        lines.append(f"Q. {upper(signatory.title)}")
        return lines
    if authority is not None:
        assert signatory.acting_for is not None
        lines.append(f"{authority.value} {upper(signatory.acting_for)}")
    lines.append(upper(signatory.title))
    return lines


def signature_block(signatory: m.Signatory) -> dict[str, Any]:
    """One block: ``lines``, ``gap``, ``other_title``, ``name`` (templates/README.md)."""
    lines = signature_lines(signatory)
    other = signatory.other_title
    return {
        "lines": lines,
        "name": signatory.name,
        "other_title": None if other is None else upper(other),
        "gap": {
            "lines": GAP_LINES,
            "after": len(lines),
            "height_mm": {profile: gap_mm(profile) for profile in PROFILES},
            "min_mm": SIGNATURE_GAP_MIN_MM,
        },
    }


def signatures(report: m.Report) -> dict[str, Any]:
    """The context keys of the signature: ``signature`` (the signatory's block),
    ``signatures`` (every block, left to right, the signatory last) and ``joint``."""
    blocks = [signature_block(s) for s in (*report.cosignatories, report.signatory)]
    return {"signature": blocks[-1], "signatures": blocks, "joint": len(blocks) > 1}
