"""The rules of the appendices (Phụ lục): label, title, reference line, page numbering
(PL I, IV).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._nd30 import roman
from ._document import ParsedDocument
from ._rule import (
    _ALIGN,
    Problem,
    Rule,
    _flag,
    _flag_problem,
    _has_letters,
    _is_upper,
    _pt,
    _spans,
    _where,
)

# --------------------------------------------------------------------------- appendices

_APPENDIX = "Phụ lục"


def _appendix_label(doc: ParsedDocument) -> Iterator[Problem]:
    appendices = doc.elements.appendices
    for number, appendix in enumerate(appendices):
        para = appendix.label
        fragments = para.fragments
        text = " ".join(f.shown for f in fragments)
        issues = []
        match = re.fullmatch(r"(\S+ \S+)(?: (số))?(?: (\S+))?", text)
        word = match[1] if match else text
        if word != "Phụ lục":
            issues.append(f'"{word}"')
        label_number = match[3] if match else None
        # issue 12: "Phụ lục số 01" numbers in Arabic digits, as many bodies do
        wanted_number = f"{number + 1:02d}" if match and match[2] else roman(number + 1)
        if (len(appendices) > 1 or (match and match[2])) and label_number != wanted_number:
            issues.append(f'number "{label_number or ""}"')
        sizes = sorted({round(s.fmt.size, 2) for s in _spans(fragments)})
        if any(abs(s - 14) > 0.01 for s in sizes):
            issues.append(" and ".join(_pt(s) for s in sizes))
        if _flag(_spans(fragments), "bold") != "all":
            issues.append("not bold")
        if para.fmt.align != "center":
            issues.append(f"aligned {_ALIGN.get(para.fmt.align, para.fmt.align)}")
        if issues:
            wanted = f"Phụ lục {roman(number + 1)}" if len(appendices) > 1 else "Phụ lục"
            yield Problem(
                _where(_APPENDIX, fragments),
                "; ".join(issues),
                f'"{wanted}" in normal case, 14 pt, bold, centred',
            )


def _appendix_title(doc: ParsedDocument) -> Iterator[Problem]:
    for appendix in doc.elements.appendices:
        fragments = [f for p in appendix.title for f in p.fragments]
        if not fragments:
            yield Problem(
                _where(_APPENDIX, appendix.label.fragments),
                "no title",
                "the appendix title, upper case, bold, centred",
            )
            continue
        issues = []
        shown = " ".join(f.shown for f in fragments)
        if _has_letters(shown) and not _is_upper(shown):  # "2026" has no lower case
            issues.append("lower-case letters")
        if _flag(_spans(fragments), "bold") != "all":
            issues.append("not bold")
        if issues:
            yield Problem(
                _where("Tên phụ lục", fragments), "; ".join(issues), "upper case (in hoa), bold"
            )


def _appendix_reference(doc: ParsedDocument) -> Iterator[Problem]:
    for appendix in doc.elements.appendices:
        if appendix.reference is None:
            yield Problem(
                _where(_APPENDIX, appendix.label.fragments),
                'no "(Kèm theo …)" line',
                '"(Kèm theo <type> số … ngày … của …)" in italic under the title',
            )
            continue
        yield from _flag_problem("Kèm theo", appendix.reference.fragments, "italic", True)


def _appendix_pages(doc: ParsedDocument) -> Iterator[Problem]:
    for appendix in doc.elements.appendices:
        section = doc.section_of(appendix.label)
        if section.index == 0:
            found = "numbered on with the report (not in a section of its own)"
        elif section.page_start != 1:
            found = "page numbers continue from the previous pages"
        else:
            continue
        yield Problem(
            _where(_APPENDIX, appendix.label.fragments),
            found,
            "its own page numbering, from 1 (a new section restarting at 1)",
        )


APPENDIX_RULES: tuple[Rule, ...] = (
    Rule(
        "appendix.label",
        "PL I, III.1.b",
        "error",
        '"Phụ lục" (with I, II, … when there are several) in normal case, 14 pt, bold, centred.',
        _appendix_label,
    ),
    Rule(
        "appendix.title",
        "PL I, III.1.b",
        "error",
        "The appendix title is upper case and bold.",
        _appendix_title,
    ),
    Rule(
        "appendix.reference",
        "PL I, III.1.c",
        "error",
        'An italic "(Kèm theo … số … ngày … của …)" line under the appendix title.',
        _appendix_reference,
    ),
    Rule(
        "appendix.page-numbering",
        "PL I, III.1.đ",
        "error",
        "Each appendix has its own page numbering, starting at 1.",
        _appendix_pages,
    ),
)
"""The rows of the appendices."""
