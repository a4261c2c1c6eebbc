"""Issue 12's context keys: drafts and their blanks, the subtitle, the marks of ô 10–11, and
what each appendix chooses (orientation, number,
reference line, units line).

Every key added here has a value that leaves a 0.1 input's render as it was: ``False`` or
``None`` for what 0.1 did not have, the 0.1 text for what it had. ``templates/README.md``
documents them.
"""

from __future__ import annotations

from typing import Any

from .. import _model as m
from .._nd30 import DRAFT_MARK, UNITS_LABEL, URGENCY_MARKS
from .._nd30 import roman as _roman
from .._text import upper
from .._words import format_date

__all__ = [
    "BLANK",
    "appendix_keys",
    "date_text",
    "report_keys",
]

BLANK = "\u00a0" * 6
"""What stands for a blank the Văn thư fills in after signing: the number, a draft's day
and month (no-break spaces, so that Word keeps the room)."""


def date_text(report: m.Report) -> str:
    """``ngày 05 tháng 3 năm 2026``; a draft's blanks: ``ngày      tháng      năm 2026``
    (``year`` only) or ``ngày      tháng      năm      `` (no date at all)."""
    if report.date is not None:
        return format_date(report.date)
    if not report.number_and_date:
        return ""
    year = BLANK if report.year is None else str(report.year)
    return f"ngày {BLANK} tháng {BLANK} năm {year}"


def _urgency(urgency: m.Urgency | None) -> dict[str, Any] | None:
    if urgency is None:
        return None
    frame = URGENCY_MARKS[urgency.value]
    return {
        "text": urgency.value,
        "width_mm": None if frame is None else frame[0],
        "height_mm": None if frame is None else frame[1],
    }


def report_keys(report: m.Report) -> dict[str, Any]:
    """The report-level keys of issue 12 (merged into :func:`context`'s result)."""
    circulation = report.circulation
    return {
        "draft": report.draft,
        "contact_lines": list(report.contact),
        "draft_mark": DRAFT_MARK if report.draft else None,
        "subtitle": report.subtitle,
        "marks": {
            "confidentiality": (
                None if report.confidentiality is None else report.confidentiality.value
            ),
            "urgency": _urgency(report.urgency),
            "circulation": None if circulation is None else upper(circulation),
        },
    }


def _label(report: m.Report, appendix: m.Appendix, index: int) -> str:
    numbering = appendix.numbering or report.appendix_numbering
    if numbering is m.AppendixNumbering.NUMBER:
        return f"Phụ lục số {index + 1:02d}"
    return f"Phụ lục {_roman(index + 1)}" if len(report.appendices) > 1 else "Phụ lục"


def _reference(appendix: m.Appendix, default: str) -> str:
    given = appendix.reference
    if given is None:
        return default
    if given.startswith("(") and given.endswith(")"):
        return given
    return f"({given})"


def appendix_keys(report: m.Report, index: int, default_reference: str) -> dict[str, Any]:
    """The keys of the appendix at ``index``: its label, reference line, orientation and
    units line (merged into its entry of ``appendices``)."""
    appendix = report.appendices[index]
    return {
        "label": _label(report, appendix, index),
        "reference": _reference(appendix, default_reference),
        "orientation": appendix.orientation.value,
        "landscape": appendix.orientation is m.Orientation.LANDSCAPE,
        "units_line": None if appendix.units is None else f"{UNITS_LABEL}: {appendix.units}",
    }
