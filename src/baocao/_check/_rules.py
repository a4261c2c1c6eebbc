"""The rules of the checker, as data: one :class:`Rule` row per rule in :data:`RULES`.

Each row gives a stable id (``"date.padding"``), the clause of Nghị định 30/2020/NĐ-CP it
comes from ("PL I, II.4.b" = Phụ lục I, Mục II, khoản 4, điểm b), a severity, a one-line
description and a *check*: a function of a :class:`~baocao._check._document.ParsedDocument` that
yields a :class:`Problem` for each place the rule is not met. Adding a rule is adding a row;
:func:`conformance_table` turns the table into the Markdown of ``docs/conformance.md``.

The rows live in one module per area of the report (``_rules_page``, ``_rules_header``,
``_rules_number_date``, ``_rules_body``, ``_rules_tail``, ``_rules_appendices``,
``_rules_amounts``, ``_rules_letter`` for the công văn; the shared helpers in ``_rule``):
a new rule goes in its area's table.
This module assembles :data:`RULES` from them in a fixed order, runs them
(:func:`run_rules`) and gives :func:`check`.

Severities: ``error`` when the decree is not followed; ``warning`` when the document is
legal but fragile or inconsistent (a rule typed as underscores, decomposed Unicode, two
ways of writing percentages, a printed signature annotation).

    >>> [rule.id for rule in RULES][:4]
    ['structure.elements', 'page.size', 'page.orientation', 'page.margins']
    >>> rule_by_id("date.padding").clause
    'PL I, II.4.b'
"""

from __future__ import annotations

from collections.abc import Sequence

from ._document import DocxInput, ParsedDocument, parse
from ._finding import Finding
from ._rule import Problem, Rule
from ._rules_amounts import AMOUNT_RULES
from ._rules_appendices import APPENDIX_RULES
from ._rules_body import BODY_RULES
from ._rules_header import HEADER_RULES
from ._rules_letter import LETTER_RULES
from ._rules_marks import MARK_RULES
from ._rules_number_date import NUMBER_DATE_RULES
from ._rules_page import PAGE_NUMBER_RULES, PAGE_RULES
from ._rules_tail import TAIL_RULES

__all__ = [
    "RULES",
    "Problem",
    "Rule",
    "check",
    "conformance_table",
    "rule_by_id",
    "run_rules",
]

RULES: tuple[Rule, ...] = (
    *PAGE_RULES,
    *HEADER_RULES,
    *NUMBER_DATE_RULES,
    *MARK_RULES,
    *LETTER_RULES,
    *BODY_RULES,
    *TAIL_RULES,
    *PAGE_NUMBER_RULES,
    *APPENDIX_RULES,
    *AMOUNT_RULES,
)
"""Every rule, in the order of the findings and of ``docs/conformance.md``: the page, the
header, the number and date, the body, the tail, the page numbers, the appendices, the
amounts."""

_BY_ID = {rule.id: rule for rule in RULES}


def rule_by_id(rule_id: str) -> Rule:
    """The rule with id ``rule_id`` (``KeyError`` if there is none)."""
    return _BY_ID[rule_id]


def run_rules(doc: ParsedDocument, rules: Sequence[Rule] = RULES) -> list[Finding]:
    """Run ``rules`` on ``doc``; the findings in table order, then document order."""
    findings: list[Finding] = []
    for rule in rules:
        for problem in rule.check(doc):
            findings.append(
                Finding(
                    rule.id,
                    rule.clause,
                    rule.severity,
                    problem.where,
                    problem.found,
                    problem.expected,
                )
            )
    return findings


def conformance_table(rules: Sequence[Rule] = RULES) -> str:
    """The rule table as Markdown (id, clause, what is checked, severity).

    >>> print(conformance_table([rule_by_id("page.size")]))
    | Rule | Clause | What is checked | Severity |
    |---|---|---|---|
    | `page.size` | PL I, I.1 | Paper is A4, 210 × 297 mm. | error |
    """
    lines = ["| Rule | Clause | What is checked | Severity |", "|---|---|---|---|"]
    for rule in rules:
        description = rule.description.replace("|", "\\|")
        lines.append(f"| `{rule.id}` | {rule.clause} | {description} | {rule.severity} |")
    return "\n".join(lines)


def check(docx: DocxInput) -> list[Finding]:
    """Check a .docx against Nghị định 30/2020/NĐ-CP, Phụ lục I; return the findings.

    ``docx`` is a path, the bytes of a .docx, or a binary stream. Any .docx can be checked,
    not only those baocao makes. The findings come in the order of the rule table
    (``docs/conformance.md``), and within a rule in document order; an empty list means
    nothing was found.

    Raises:
        ValidationError: the input is not a readable .docx (the message says why).
        InvalidTypeError: the input is neither a path, bytes nor a binary stream.
    """
    return run_rules(parse(docx))
