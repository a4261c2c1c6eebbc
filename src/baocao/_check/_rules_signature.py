"""The forms of the signature block (issue 12, §5): the blocks of a document (one, or
several side by side), their title lines, and the rule that reads each block's chain of
authority prefixes against the decree's forms (``_nd30.SIGNATURE_FORMS``, Điều 13 and Phụ
lục I, II.7.b) and the titles under them ("KT. GIÁM ĐỐC / GIÁM ĐỐC" is a finding).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .._nd30 import SIGNATURE_FORMS, signature_form_problem
from .._ooxml import Fragment
from ._document import ParsedDocument
from ._rule import Problem, Rule, _upper, _where

__all__ = ["PREFIX_RE", "SIGNATURE_FORM_RULES", "above_gap", "blocks", "prefix_of", "title_lines"]

PREFIX_RE = re.compile(
    r"^(?P<p>T\s*[./]?\s*M|K\s*[./]?\s*T|T\s*[./]?\s*U\s*[./]?\s*Q|"
    r"T\s*[./]?\s*L|Q)(?P<sep>[./]+\s*|\s+)(?=\S)"
)
"""An authority prefix at the start of a signature line, however it is written."""

_SIGNATURE = "Chữ ký"


def blocks(doc: ParsedDocument) -> list[tuple[tuple[Fragment, ...], Fragment | None]]:
    """Each signature block as (title lines, signer), left to right."""
    el = doc.elements
    out = [(block.lines, block.signer) for block in el.cosignatures]
    if el.signature or el.signer is not None:
        out.append((el.signature, el.signer))
    return out


def above_gap(block: Sequence[Fragment]) -> tuple[Fragment, ...]:
    """The lines of a block above the room for the signature: the authority and the
    signer's title (ô 7a). A line after empty paragraphs is the other title of ô 7b
    ("chức vụ khác", printed just above the name), not the signer's title."""
    for index in range(len(block) - 1):
        if block[index + 1].para.index - block[index].para.index > 1:
            return tuple(block[: index + 1])
    return tuple(block)


def title_lines(doc: ParsedDocument) -> list[Fragment]:
    """The title lines of every block."""
    return [line for block, _signer in blocks(doc) for line in block]


def prefix_of(line: Fragment) -> str:
    """The line's authority prefix as the decree writes it ("KT."), or "" for none."""
    match = PREFIX_RE.match(line.shown)
    return "" if match is None else re.sub(r"[^A-Z]", "", match["p"]) + "."


def _rest(line: Fragment) -> str:
    match = PREFIX_RE.match(line.shown)
    text = line.shown if match is None else line.shown[match.end() :]
    return " ".join(_upper(text).split())


def _block_problems(block: Sequence[Fragment]) -> Iterator[Problem]:
    prefixed = [(line, prefix_of(line)) for line in block if prefix_of(line)]
    if not prefixed:
        return
    chain = tuple(prefix for _line, prefix in prefixed)
    problem = signature_form_problem(chain)
    if problem is not None:
        yield Problem(
            _where(_SIGNATURE, [line for line, _p in prefixed]),
            f"{' / '.join(chain)}: {problem}",
            "one of the forms of Điều 13: "
            + ", ".join(" / ".join(form) for form in SIGNATURE_FORMS if form),
        )
    for index, line in enumerate(block):
        prefix = prefix_of(line)
        head = _rest(line)
        following = block[index + 1] if index + 1 < len(block) else None
        if (
            prefix in ("KT.", "TL.", "TUQ.")
            and following is not None
            and not prefix_of(following)
            and _rest(following) == head
        ):
            yield Problem(
                _where(_SIGNATURE, [line, following]),
                f"{prefix} {head} then {head}: the signer's own title is the title signed for",
                f"the signer's own title under {prefix} {head} (KT. GIÁM ĐỐC, then PHÓ "
                "GIÁM ĐỐC; TL. GIÁM ĐỐC, then CHÁNH VĂN PHÒNG)",
            )
        if prefix in ("Q.", "KT.", "TL.", "TUQ.") and head.startswith("PHÓ "):
            yield Problem(
                _where(_SIGNATURE, line),
                f"{prefix} before a deputy's title",
                f"{prefix} before the head's title (PL I, II.7.b: Q. GIÁM ĐỐC, KT. GIÁM ĐỐC)",
            )


def _signature_form(doc: ParsedDocument) -> Iterator[Problem]:
    for block, _signer in blocks(doc):
        yield from _block_problems(block)


SIGNATURE_FORM_RULES: tuple[Rule, ...] = (
    Rule(
        "signature.form",
        "PL I, II.7.b; Điều 13",
        "error",
        "The authority prefixes of each signature block form one of the decree's chains "
        "(TM. / KT., TL. / KT., …), and the title under KT., TL. or TUQ. is the signer's own, "
        "not the head's.",
        _signature_form,
    ),
)
"""The row of the signature's forms (after the other signature rules)."""
