"""The rules of amounts: sums of money written in words agree with their digits, and
percentages are written one way (PL I, II.6).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._errors import BaocaoError
from .._ooxml import Para
from ._document import ParsedDocument
from ._finding import shorten
from ._rule import Problem, Rule, _where_para

# --------------------------------------------------------------------------- amounts

_AMOUNT_RE = re.compile(
    r"(?<![\d.,])(?P<digits>\d{1,3}(?:\.\d{3})+|\d+)(?!,\d)(?![\d.]*\d)\s*"
    r"(?:đồng|đ|VNĐ|VND)?\s*\((?P<words>[^()]*?(?:đồng|VNĐ|VND|chẵn)[^()]*)\)",
    re.IGNORECASE,
)
_MAX_AMOUNT_DIGITS = 40
_PERCENT_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?P<space>\s*)%")


def _texts(doc: ParsedDocument) -> Iterator[Para]:
    el = doc.elements
    yield from el.content
    for appendix in el.appendices:
        yield from appendix.content


def _amounts(doc: ParsedDocument) -> Iterator[Problem]:
    for para in _texts(doc):
        for match in _AMOUNT_RE.finditer(para.text):
            if len(match["digits"]) > _MAX_AMOUNT_DIGITS:
                continue  # more than any amount in words can say
            from .._words import words_to_money  # the reader of words, only for an amount

            digits = int(match["digits"].replace(".", ""))
            words = " ".join(match["words"].split())
            try:
                value = words_to_money(words)
            except BaocaoError:
                continue
            # "-46.234 đồng (Âm …)": a minus sign, or a hyphen ("2019-46.234") either way.
            signed = para.text[max(match.start() - 1, 0) : match.start()] in ("-", "−")
            if value != digits and not (signed and value == -digits):
                yield Problem(
                    _where_para(para),
                    f"{match['digits']} in digits but "
                    f'"{shorten(words, 50)}" ({value:,} đồng) in words'.replace(",", "."),
                    "the same amount in digits and in words",
                )


def _percent_spacing(doc: ParsedDocument) -> Iterator[Problem]:
    spaced: list[tuple[Para, str]] = []
    tight: list[tuple[Para, str]] = []
    for para in _texts(doc):
        for match in _PERCENT_RE.finditer(para.text):
            (spaced if match["space"] else tight).append((para, match.group(0)))
    if spaced and tight:
        minority = spaced if len(spaced) <= len(tight) else tight
        majority = tight if minority is spaced else spaced
        para, text = minority[0]
        yield Problem(
            _where_para(para),
            f'"{" ".join(text.split())}" beside "{" ".join(majority[0][1].split())}"',
            "one way of writing percentages throughout",
        )


AMOUNT_RULES: tuple[Rule, ...] = (
    Rule(
        "amount.words",
        "PL I, II.6",
        "error",
        'An amount written in digits and in words says the same in both ("4.607.678.000 '
        'đồng (Bốn tỷ … đồng)").',
        _amounts,
    ),
    Rule(
        "percent.spacing",
        "PL I, II.6",
        "warning",
        'Percentages are written one way throughout ("47,67%" or "47,67 %", not both).',
        _percent_spacing,
    ),
)
"""The rows of amounts and percentages, last in the table."""
