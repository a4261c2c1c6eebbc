"""What a text field may hold besides its words, by where it is printed.

A :class:`Layout` sits in the field's attrs metadata (``"layout"``); :func:`field_layout`
reads it there, :func:`layout_problem` says why a text may not stand in it, and the JSON
Schema turns the same rules into patterns (``docs/errors.md``, "What each field may hold").
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._errors import ValidationError
from ._validators import named

__all__ = [
    "AUTHORITY_LINE",
    "BODY",
    "CENTRED",
    "ENTRY",
    "HEADING",
    "LINE_BREAKS",
    "LISTED",
    "ONE_LINE",
    "PAGE_BREAK",
    "SIGNATURE",
    "SIGNER",
    "SUBJECT",
    "Layout",
    "field_layout",
    "layout_problem",
]

LINE_BREAKS = "\n\r\v\f\x85\u2028\u2029"
"""The characters that break a line (or a page) when rendered (``docs/errors.md``)."""


PAGE_BREAK = "\f"
"""A form feed, rendered as a page break: only body text may hold one."""


@attrs.frozen
class Layout:
    """What a text field may hold besides its words, by where it is printed; kept in the
    field's attrs metadata (``"layout"``) so that the model and the JSON Schema read one
    rule (``docs/errors.md``, "What each field may hold").

    Attributes:
        lines: line breaks (``\\n``, ``\\v``, U+2028 …) give explicit lines.
        page: a form feed gives a page break (body text only).
        tabs: a tab (``\\t``); a centred line has no tab stop to go to.
        lead_space: white space at the start (a line after "TM. " would show two spaces).
        lead_dash: a "-" at the start (baocao writes the dash of a list line itself).
        lead_paren: a "(" at the start (a line of the signature block that opens with
            one reads as an annotation, "(Đã ký)").
        lead_label: a body label at the start ("1. ", "I. ", "a) "): a trích yếu that
            opens with one reads as the first heading of the body.
        what: the field's name in the error message.
    """

    lines: bool = True
    page: bool = False
    tabs: bool = True
    lead_space: bool = True
    lead_dash: bool = True
    lead_paren: bool = True
    lead_label: bool = True
    what: str = "the text"


BODY = Layout(page=True, what="body text")
LISTED = Layout(what="a numbered or dash line (a page break would part it from its label)")
HEADING = Layout(what="a heading or a table cell")
CENTRED = Layout(tabs=False, what="a centred line")
SUBJECT = Layout(tabs=False, lead_label=False, what="the trích yếu")
SIGNATURE = Layout(tabs=False, lead_paren=False, what="a line of the signature block")
AUTHORITY_LINE = Layout(
    tabs=False, lead_space=False, what='the line after "TM. ", "KT. ", "TL. " or "TUQ. "'
)
ENTRY = Layout(lines=False, tabs=False, lead_dash=False, what="a line of a list")
ONE_LINE = Layout(lines=False, tabs=False, what="a one-line field")
SIGNER = Layout(lines=False, tabs=False, lead_paren=False, what="the signer's name")


_BODY_LABEL = re.compile(r"(?:[IVXLCDM]+\.|\d+\.|[a-zđ]\))\s")
"""What opens a heading of the body: "I. ", "1. ", "a) " (as ``check`` reads one)."""


def layout_problem(text: str, layout: Layout) -> str | None:
    """Why ``text`` (NFC) may not stand where ``layout`` says, or ``None``.

    >>> layout_problem("Kết quả\\fnăm 2025", HEADING)[:53]
    'holds a page break (a form feed, \\\\f), which only body'
    >>> layout_problem("- Như trên", ENTRY)[:30], layout_problem("Như trên", ENTRY)
    ('starts with a dash, which baoc', None)
    """
    if not layout.page and PAGE_BREAK in text:
        return (
            "holds a page break (a form feed, \\f), which only body text may hold: "
            f"write {layout.what} without it"
        )
    if not layout.lines and any(c in LINE_BREAKS for c in text):
        return (
            f"breaks its line, and {layout.what} is printed on one line: give each "
            "entry on one line, as an entry of its own"
        )
    if not layout.tabs and "\t" in text:
        return (
            f"holds a tab, which {layout.what} cannot print (no tab stop to go to): "
            "write a space instead"
        )
    if not layout.lead_space and text[:1].isspace():
        return (
            f"starts with white space: {layout.what} has one space before it "
            "already, and would print two or more; write the text without it"
        )
    if not layout.lead_dash and text.lstrip()[:1] in ("-", "\u2013", "\u2014"):
        return 'starts with a dash, which baocao writes itself ("- …;"): write the entry without it'
    if not layout.lead_label and _BODY_LABEL.match(text.strip()):
        return (
            f"starts with a body label ({text.strip().split()[0]!r}): {layout.what} would "
            "read as the first heading of the body; baocao numbers the body itself, "
            "so write the text without it"
        )
    if not layout.lead_paren and text.lstrip()[:1] == "(":
        return (
            f'starts with "(": {layout.what} would read as an annotation such as '
            '"(Đã ký)"; write it without the parenthesis'
        )
    return None


def _check_layout(text: str, layout: Layout, path: str) -> None:
    problem = layout_problem(text, layout)
    if problem is not None:
        raise ValidationError(text, problem, path=path)


def field_layout(attribute: attrs.Attribute[Any]) -> Layout | None:
    """The :class:`Layout` of a text field (its attrs metadata), or ``None`` for a field
    that is not text, as the model validates it and the JSON Schema says it."""
    layout = attribute.metadata.get("layout")
    return layout if isinstance(layout, Layout) else None


@named("layout")
def _validate_layout(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A text field (or each text of a list field) against the field's :class:`Layout`."""
    layout = field_layout(attribute)
    assert layout is not None, attribute.name  # every field with this validator names one
    many = isinstance(value, tuple)
    items: tuple[object, ...] = value if isinstance(value, tuple) else (value,)
    for index, item in enumerate(items):
        if isinstance(item, str):
            _check_layout(item, layout, f"{attribute.name}[{index}]" if many else attribute.name)
