"""What a công văn (Mẫu 1.5 of Phụ lục III) takes, checked on a :class:`~baocao.Report`.

A công văn shares the report's header, number, place and date, Kính gửi, body, Nơi nhận
and signature (one model, not one per form); what is its own is checked here: no type name
(so no subtitle under it), the trích yếu printed after "V/v" under "Số:" (the user writes
the subject without "V/v"), a ký hiệu from the issuer and the drafting unit
(``Filing.unit``), and Kính gửi required.
"""

from __future__ import annotations

import re
from typing import Any

from .._errors import ValidationError
from .._nd30 import LETTER_SUBJECT_PREFIX

__all__ = ["LETTER_FIELDS", "check_letter"]

LETTER_FIELDS: tuple[str, ...] = (
    "doc_type",
    "issuer",
    "number",
    "place",
    "date",
    "subject",
    "addressees",
    "opening",
    "sections",
    "closing",
    "recipients",
    "filing",
    "signatory",
    "cosignatories",
    "appendices",
    "numbering",
    "draft",
    "year",
    "confidentiality",
    "urgency",
    "circulation",
    "appendix_numbering",
    "contact",
    "due_date",
)
"""The fields a công văn takes, in the order of the form."""

_REFUSED: tuple[tuple[str, str], ...] = (
    ("subtitle", "a công văn prints no type name, so no subtitle under it"),
    ("parts", "a công văn has no phần: write paragraphs, or sections"),
    ("legal_bases", "a công văn has no căn cứ"),
)

_TAKES = "; a Công văn (doc_type: CV, Mẫu 1.5) takes " + ", ".join(LETTER_FIELDS)
_PREFIX = re.compile(rf"^\s*(?:{re.escape(LETTER_SUBJECT_PREFIX)}|về việc)\b", re.IGNORECASE)


def check_letter(report: Any) -> None:
    """Refuse what a công văn does not take, naming the field and what it takes."""
    for name, reason in _REFUSED:
        value = getattr(report, name)
        if value:
            shown = list(value) if isinstance(value, tuple) else value
            raise ValidationError(shown, f"is not taken: {reason}{_TAKES}", path=name)
    if not report.number_and_date:
        raise ValidationError(
            False,
            f"is not taken: a công văn always has its Số and date lines{_TAKES}",
            path="number_and_date",
        )
    if _PREFIX.match(report.subject):
        raise ValidationError(
            report.subject,
            f"starts with '{LETTER_SUBJECT_PREFIX}': write the trích yếu without it, "
            f"baocao prints '{LETTER_SUBJECT_PREFIX} ' before it",
            path="subject",
        )
    if not report.addressees:
        raise ValidationError(
            [],
            f"is empty: a công văn needs Kính gửi, one addressee or more{_TAKES}",
            path="addressees",
        )
    if report.filing.unit is None:
        raise ValidationError(
            None,
            "is missing: the ký hiệu of a công văn is the issuer's abbreviation and the "
            "drafting unit's (2917/SGDĐT-VP): give filing.unit",
            path="filing.unit",
        )
