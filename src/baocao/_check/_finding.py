"""What the checker reports: a :class:`Finding` per departure from the decree, with
where it is (:func:`shorten` makes the ``where`` one short line).
"""

from __future__ import annotations

import unicodedata
from typing import Literal

import attrs

__all__ = ["Finding", "Severity", "shorten"]

Severity = Literal["error", "warning"]


@attrs.frozen
class Finding:
    """One departure from the format of Nghị định 30/2020/NĐ-CP.

    Attributes:
        rule: the stable id of the rule, e.g. ``"date.padding"`` (see ``docs/conformance.md``).
        clause: the clause of the decree, e.g. ``"PL I, II.4.b"`` (Phụ lục I, Mục II,
            khoản 4, điểm b).
        severity: ``"error"`` (the decree is not followed) or ``"warning"`` (tolerated but
            not recommended, or inconsistent).
        where: the element and the start of its text, e.g. ``Địa danh, ngày tháng "Hà Nội,
            ngày 5 tháng 3 năm 2026"``; never an XML offset.
        found: what the document has.
        expected: what the decree asks for.

    >>> print(Finding("date.padding", "PL I, II.4.b", "error", 'Ngày tháng "ngày 5"',
    ...               'day "5"', 'day "05"'))
    error date.padding (PL I, II.4.b): Ngày tháng "ngày 5": found day "5", expected day "05"
    """

    rule: str
    clause: str
    severity: Severity
    where: str
    found: str
    expected: str

    def __str__(self) -> str:
        return (
            f"{self.severity} {self.rule} ({self.clause}): {self.where}: "
            f"found {self.found}, expected {self.expected}"
        )

    def to_dict(self) -> dict[str, str]:
        """The finding as a plain dict (for JSON)."""
        return {
            "rule": self.rule,
            "clause": self.clause,
            "severity": self.severity,
            "where": self.where,
            "found": self.found,
            "expected": self.expected,
        }


def shorten(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, for the ``where`` of a finding.

    >>> shorten("Tổng kết   thực hiện\\nĐề án nâng cao năng lực đội ngũ cán bộ, công chức", 30)
    'Tổng kết thực hiện Đề án nâng…'
    """
    flat = " ".join(unicodedata.normalize("NFC", text).split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip() + "…"
