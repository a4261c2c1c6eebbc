"""The rules of the header (ô 1–2): the Quốc hiệu, the Tiêu ngữ and the lines under them,
the parent and the issuing body (PL I, II.1–2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .._nd30 import MOTTO, NATIONAL_NAME_VARIANTS, SIZE_RANGES
from .._ooxml import Fragment, fragment_width_mm
from ._document import ParsedDocument
from ._rule import (
    Problem,
    Rule,
    _case_problem,
    _flag_problem,
    _line_found,
    _mm,
    _pt,
    _share_problem,
    _size_problem,
    _spans,
    _upper,
    _where,
    _wrap_problem,
)

# --------------------------------------------------------------------------- Quốc hiệu

_QH = "Quốc hiệu"


def _qh(doc: ParsedDocument) -> list[Fragment]:
    found = doc.elements.national_name
    return [] if found is None else [found]


def _qh_text(doc: ParsedDocument) -> Iterator[Problem]:
    for fragment in _qh(doc):
        if _upper(fragment.shown) not in NATIONAL_NAME_VARIANTS:
            yield Problem(
                _where(_QH, fragment), f'"{fragment.shown}"', f'"{NATIONAL_NAME_VARIANTS[0]}"'
            )


def _qh_case(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _case_problem(_QH, _qh(doc), True)


def _qh_size(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _size_problem(_QH, _qh(doc), *SIZE_RANGES["national_name"])


def _qh_bold(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _flag_problem(_QH, _qh(doc), "bold", True)


def _qh_single_line(doc: ParsedDocument) -> Iterator[Problem]:
    for fragment in _qh(doc):
        yield from _wrap_problem(_QH, fragment, "one line (widen its column)")


# --------------------------------------------------------------------------- Tiêu ngữ

_MOTTO = "Tiêu ngữ"


def _motto(doc: ParsedDocument) -> list[Fragment]:
    found = doc.elements.motto
    return [] if found is None else [found]


def _motto_text(doc: ParsedDocument) -> Iterator[Problem]:
    for fragment in _motto(doc):
        shown = fragment.shown
        if shown != MOTTO:
            notes = []
            if re.search("[‐‑‒–—−]", shown):
                notes.append('a dash "–" instead of the hyphen "-"')
            if re.search(r"\S-|-\S", shown):
                notes.append('no space around "-"')
            if not re.search("[-‐‑‒–—−]", shown):
                notes.append('no hyphen "-" between the phrases')
            note = f" ({'; '.join(notes)})" if notes else ""
            yield Problem(_where(_MOTTO, fragment), f'"{shown}"{note}', f'"{MOTTO}"')


def _motto_size(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _size_problem(_MOTTO, _motto(doc), *SIZE_RANGES["motto"])


def _motto_bold(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _flag_problem(_MOTTO, _motto(doc), "bold", True)


def _one_size(fragments: Sequence[Fragment]) -> float | None:
    sizes = {round(s.fmt.size, 2) for s in _spans(fragments)}
    return sizes.pop() if len(sizes) == 1 else None


def _motto_pair(doc: ParsedDocument) -> Iterator[Problem]:
    qh, motto = _qh(doc), _motto(doc)
    if not qh or not motto:
        return
    qh_size, motto_size = _one_size(qh), _one_size(motto)
    if (
        qh_size is None
        or motto_size is None
        or not 12 <= qh_size <= 13
        or not 13 <= motto_size <= 14
    ):
        return  # a size out of its own range is reported by its own rule
    if abs(motto_size - (qh_size + 1)) > 0.01:
        yield Problem(
            _where(_MOTTO, motto),
            f"Quốc hiệu {_pt(qh_size)}, Tiêu ngữ {_pt(motto_size)}",
            f"Tiêu ngữ {_pt(qh_size + 1)} (one point "
            "larger than the Quốc hiệu: 13 and 14, or 12 and 13)",
        )


def _motto_rule(doc: ParsedDocument) -> Iterator[Problem]:
    for fragment in _motto(doc):
        width = fragment_width_mm(fragment)
        line = doc.elements.motto_line
        expected = f"a solid line as long as the Tiêu ngữ, {_mm(width)} (±10 %)"
        if line is None:
            yield Problem(_where(_MOTTO, fragment), "no line under the Tiêu ngữ", expected)
        elif line.kind == "underline":
            yield Problem(
                _where(_MOTTO, fragment),
                "the Tiêu ngữ is underlined instead of having a line below it",
                expected,
            )
        elif abs(line.length_mm - width) > 0.10 * width:
            yield Problem(_where(_MOTTO, fragment), _line_found(line), expected)


def _typed_rules(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    for label, fragments, line in (
        ("Tiêu ngữ", _motto(doc), el.motto_line),
        ("Tên cơ quan ban hành", el.issuer, el.issuer_line),
        ("Trích yếu", el.subject, el.subject_line),
    ):
        if line is not None and line.kind == "typed" and fragments:
            yield Problem(
                _where(label, fragments),
                "the line under it is typed as underscores",
                "a drawn line (paragraph border or line shape)",
            )


# --------------------------------------------------------------------------- cơ quan

_PARENT = "Tên cơ quan chủ quản"
_ISSUER = "Tên cơ quan ban hành"


def _parent_case(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.parent:
        yield from _case_problem(_PARENT, doc.elements.parent, True)


def _parent_bold(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.parent:
        yield from _flag_problem(_PARENT, doc.elements.parent, "bold", False)


def _issuer_case(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.issuer:
        yield from _case_problem(_ISSUER, doc.elements.issuer, True)


def _issuer_bold(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.issuer:
        yield from _flag_problem(_ISSUER, doc.elements.issuer, "bold", True)


def _issuer_size(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    if el.parent:
        yield from _size_problem(_PARENT, el.parent, *SIZE_RANGES["parent"])
    if el.issuer:
        yield from _size_problem(_ISSUER, el.issuer, *SIZE_RANGES["issuer"])


def _issuer_rule(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _share_problem(
        _ISSUER, doc.elements.issuer, doc.elements.issuer_line, "issuing body"
    )


HEADER_RULES: tuple[Rule, ...] = (
    Rule(
        "national-name.text",
        "PL I, II.1.a",
        "error",
        'The Quốc hiệu reads "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".',
        _qh_text,
    ),
    Rule("national-name.case", "PL I, II.1.a", "error", "The Quốc hiệu is upper case.", _qh_case),
    Rule("national-name.size", "PL I, II.1.a", "error", "The Quốc hiệu is 12–13 pt.", _qh_size),
    Rule("national-name.bold", "PL I, II.1.a", "error", "The Quốc hiệu is bold.", _qh_bold),
    Rule(
        "national-name.single-line",
        "PL I, II.1.a",
        "error",
        "The Quốc hiệu fits on one line of its column (measured).",
        _qh_single_line,
    ),
    Rule(
        "motto.text",
        "PL I, II.1.b",
        "error",
        'The Tiêu ngữ reads exactly "Độc lập - Tự do - Hạnh phúc" (hyphens with spaces, '
        "capital only at the start of each phrase).",
        _motto_text,
    ),
    Rule("motto.size", "PL I, II.1.b", "error", "The Tiêu ngữ is 13–14 pt.", _motto_size),
    Rule("motto.bold", "PL I, II.1.b", "error", "The Tiêu ngữ is bold.", _motto_bold),
    Rule(
        "motto.size-pair",
        "PL I, Mục V",
        "error",
        "The Tiêu ngữ is one point larger than the Quốc hiệu (13/14 or 12/13).",
        _motto_pair,
    ),
    Rule(
        "motto.rule",
        "PL I, II.1.b",
        "error",
        "A solid line under the Tiêu ngữ, as long as the Tiêu ngữ (±10 %, measured).",
        _motto_rule,
    ),
    Rule(
        "rule.typed",
        "PL I, II.1.b, II.2.b, II.5.b",
        "warning",
        "The lines under the Tiêu ngữ, issuing body and trích yếu are drawn, not typed as "
        "underscores.",
        _typed_rules,
    ),
    Rule(
        "parent.case",
        "PL I, II.2.a",
        "error",
        "The parent body (cơ quan chủ quản) is upper case.",
        _parent_case,
    ),
    Rule("parent.bold", "PL I, II.2.a", "error", "The parent body is not bold.", _parent_bold),
    Rule("issuer.case", "PL I, II.2.b", "error", "The issuing body is upper case.", _issuer_case),
    Rule("issuer.bold", "PL I, II.2.b", "error", "The issuing body is bold.", _issuer_bold),
    Rule(
        "issuer.size",
        "PL I, II.2",
        "error",
        "The parent and issuing bodies are 12–13 pt.",
        _issuer_size,
    ),
    Rule(
        "issuer.rule",
        "PL I, II.2.b",
        "error",
        "A solid line under the issuing body, 1/3 to 1/2 of its longest line (measured).",
        _issuer_rule,
    ),
)
"""The rows of the Quốc hiệu, the Tiêu ngữ and the issuing body."""
