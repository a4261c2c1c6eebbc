"""The rules of the công văn (Mẫu 1.5 of Phụ lục III; issue 13), one row each.

A document is a công văn when it has no type name and a "V/v …" line under "Số:" in the
left column of the header (:attr:`Elements.letter_subject`); these rules then check that
line and the Kính gửi a công văn needs. A report (a document with a type name) gets none
of them, and a công văn none of the type name's and trích yếu's rules of Mẫu 1.4.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._nd30 import LETTER_SUBJECT_SIZE
from ._document import ParsedDocument
from ._rule import Problem, Rule, _align_problem, _flag_problem, _size_problem, _where

__all__ = ["LETTER_RULES"]

_LETTER = "Trích yếu công văn"


def _position(doc: ParsedDocument) -> Iterator[Problem]:
    """The V/v line follows "Số:" directly in its column and is centred under it."""
    el = doc.elements
    if not el.letter_subject or el.number is None:
        return
    first = el.letter_subject[0]
    if first.para.container != el.number.para.container:
        yield Problem(
            _where(_LETTER, first),
            'not in the column of "Số:"',
            'under "Số:" in the left column of the header (ô 5b)',
        )
    if not first.text.startswith("V/v "):
        yield Problem(_where(_LETTER, first), f'"{first.text[:12]}…"', '"V/v " then the trích yếu')
    yield from _align_problem(_LETTER, el.letter_subject)


def _size(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.letter_subject:
        yield from _size_problem(_LETTER, doc.elements.letter_subject, *LETTER_SUBJECT_SIZE)


def _upright(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.letter_subject:
        yield from _flag_problem(_LETTER, doc.elements.letter_subject, "italic", False)
        yield from _flag_problem(_LETTER, doc.elements.letter_subject, "bold", False)


def _addressee(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    if el.letter_subject and not el.addressee:
        yield Problem("Văn bản", "no Kính gửi", '"Kính gửi:" and the addressees of the công văn')


LETTER_RULES: tuple[Rule, ...] = (
    Rule(
        "letter.subject",
        "PL I, II.5.b",
        "error",
        'A công văn\'s trích yếu is "V/v …", centred under "Số:" in the left column.',
        _position,
    ),
    Rule(
        "letter.subject_size",
        "PL I, II.5.b",
        "error",
        "A công văn's trích yếu is 12–13 pt.",
        _size,
    ),
    Rule(
        "letter.subject_style",
        "PL I, II.5.b",
        "error",
        "A công văn's trích yếu is upright and not bold.",
        _upright,
    ),
    Rule(
        "letter.addressee",
        "PL I, II.9.b",
        "error",
        'A công văn has "Kính gửi:" and its addressees.',
        _addressee,
    ),
)
