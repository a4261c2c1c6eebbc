"""Hypothesis strategies for hostile text and arbitrary reports, and how to read them back.

The text strategies mix arbitrary Unicode (every plane) with what copy-paste from Word,
PDF files and spreadsheets brings: combining marks and Vietnamese in NFD, right-to-left
text, emoji, the XML specials, Jinja and docxtpl syntax, and every kind of whitespace
(tabs, newlines, ``\\r``, the vertical tab and form feed of Word, non-breaking spaces).
Only what XML 1.0 cannot carry is left out (:data:`FORBIDDEN` lists it; those are
refused, see ``test_hostile.py``).

Very long strings (100 000 characters) are tested with fixed strings, not generated.

:func:`document_paragraphs` reads a rendered .docx back as a reader sees it, and
:func:`as_rendered` maps a text the way ``docs/errors.md`` says rendering does, so that
tests can compare the two exactly.
"""

from __future__ import annotations

import datetime
import decimal
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from docx.oxml.ns import qn
from hypothesis import assume
from hypothesis import strategies as st

import baocao
from baocao._ooxml import paragraph_text
from baocao._text import nfc

from .conftest import open_docx

FORBIDDEN = (
    [chr(c) for c in range(0x00, 0x09)]
    + [chr(c) for c in range(0x0E, 0x20)]
    + ["\ufffe", "\uffff", "\ud800", "\udbff", "\udc00", "\udfff"]
)
"""Characters a .docx (XML 1.0) cannot hold: refused with the field and code point."""

_FORBIDDEN_SET = frozenset(FORBIDDEN)

# What copy-paste brings, as whole pieces (so that each shows up often).
SPECIAL_PIECES = [
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "&lt;",
    "<w:t>",
    "]]>",
    "<![CDATA[",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{{ subject }}",
    "{% if x %}",
    "{%p endif %}",
    "{_{",
    "}_}",
    "{_%",
    "%_}",
    "{{r x }}",
    "{",
    "}",
    "%",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\v",
    "\f",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u200b",
    "\u200d",
    "\ufeff",
    "  ",
    " ",
    "\u0301",
    "\u0323",
    "\u0309",
    "\u0303",
    "\u0300",  # Vietnamese tone marks
    unicodedata.normalize("NFD", "Nội vụ Thành phố Hồ Chí Minh"),
    unicodedata.normalize("NFD", "ĐỀ ÁN ỦY BAN"),
    "Ủy ban",
    "ủy ban",
    "مرحبا",
    "שלום",
    "\u202e",
    "\u200f",  # right to left
    "📄",
    "✅",
    "👩‍💻",
    "🇻🇳",
    "𝔘𝔫𝔦",  # emoji and the astral planes
    "ß",
    "ŉ",
    "ﬁ",
    "İ",
    "ǅ",  # letters that change length when upper-cased
    "./.",
    ";",
    ",",
    ".",
]

_ANY_CHAR = st.characters(
    codec="utf-8", exclude_characters="".join(c for c in FORBIDDEN if not "\ud800" <= c <= "\udfff")
)


def letter_first(text: str) -> str:
    """``text``, with a letter before a combining mark that would start it (the model
    refuses a text that starts with one: it would join the text printed before it)."""
    first = baocao._text.nfc(text)[:1]
    return "a" + text if first and unicodedata.category(first).startswith("M") else text


def texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Any text a .docx can hold, hostile pieces included (possibly empty or blank)."""
    piece = st.one_of(_ANY_CHAR, st.sampled_from(SPECIAL_PIECES), st.text(_ANY_CHAR, max_size=5))
    return st.lists(piece, max_size=max_size).map("".join).map(letter_first)


def lay_out(text: str, layout: baocao._model.Layout) -> str:
    if not layout.page:
        text = text.replace("\f", " ")
    if not layout.tabs:
        text = text.replace("\t", " ")
    if not layout.lines:
        text = text.translate(str.maketrans("", "", baocao._model.LINE_BREAKS))
    if not layout.lead_space:
        text = text.lstrip()
    if not layout.lead_dash:
        text = text.lstrip().lstrip("-\u2013\u2014")
    if not layout.lead_paren:
        text = text.lstrip().lstrip("(")
    return letter_first(text)


def laid_out(
    text: st.SearchStrategy[str],
    layout: baocao._model.Layout,
) -> st.SearchStrategy[str]:
    """``text`` as a field of ``layout`` may hold it (``baocao._model.Layout``): no page
    break outside the body, no tab in a centred line, no dash before a list entry …;
    still not blank when ``text`` is not."""
    return text.map(lambda t: lay_out(t, layout)).filter(
        lambda t: baocao._model.layout_problem(baocao._text.nfc(t), layout) is None
    )


_VISIBLE = st.one_of(
    st.sampled_from(["A", "đ", "Ủ", "ạ", "1", "&", "<", "{", "📄", "ש"]),
    _ANY_CHAR.filter(lambda c: not c.isspace() and unicodedata.category(c)[0] in "LNPS"),
)


def nonblank_texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Like :func:`texts`, with at least one visible character (required fields)."""
    return st.builds(
        lambda a, b, c: a + b + c,
        texts(max_size=max_size // 2),
        _VISIBLE,
        texts(max_size=max_size // 2),
    )


def line_texts(
    layout: baocao._model.Layout = baocao._model.ENTRY,
) -> st.SearchStrategy[str]:
    """A line of a list (kính gửi, nơi nhận; căn cứ with ``HEADING``): not ending with
    ';' or ','."""
    breaks = str.maketrans("", "", baocao._model.LINE_BREAKS)  # one entry, one line
    return (
        laid_out(nonblank_texts().map(lambda t: t.translate(breaks)), layout)
        .filter(str.strip)
        .map(
            # NFC: U+037E, the Greek question mark, becomes ";"
            lambda t: (
                t + "x" if unicodedata.normalize("NFC", t).rstrip().endswith((";", ",")) else t
            )
        )
    )


def normal_case(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``text``, never all capitals (a trích yếu, a signer's name: the model refuses those)."""
    return text.map(lambda t: t + " a" if baocao._model.all_capitals(baocao._text.nfc(t)) else t)


def place_texts(
    text: Callable[[], st.SearchStrategy[str]] = nonblank_texts,
) -> st.SearchStrategy[str]:
    """A place name (địa danh) as the model takes it: a capital first, on one line; at most
    12 characters after the first word, so that the date line fits on one line beside the
    issuing body (a longer one wraps, and check reports ``date.wrapped``)."""
    breaks = str.maketrans("", "", baocao._model.LINE_BREAKS + "\t")
    first = st.sampled_from(["H", "Đ", "Ủ", "Thành phố ", "Q"])
    return st.builds(lambda a, b: (a + b.translate(breaks)[:12]).rstrip(), first, text())


# --------------------------------------------------------------------------- reports

Text = Callable[[], st.SearchStrategy[str]]


def _decimals(places: int) -> st.SearchStrategy[decimal.Decimal]:
    """Decimals with ``places`` digits after the point (faster than ``st.decimals``)."""
    return st.integers(-(10**12), 10**12).map(lambda n: decimal.Decimal(n).scaleb(-places))


def _segments(
    text: Text, values: bool, layout: baocao._model.Layout = baocao._model.BODY
) -> st.SearchStrategy[Any]:
    """A body text: a string, or pieces mixing strings and values baocao writes out; with
    ``LISTED`` (a dash line, an item's or a point's text) no page break."""
    if not values:
        return laid_out(text(), layout)
    value = st.one_of(
        st.builds(
            baocao.Money,
            st.integers(-(10**15), 10**15),
            style=st.sampled_from(["north", "south"]),
            suffix=st.sampled_from([None, "chẵn"]),
        ),
        st.builds(baocao.Percent, _decimals(3), decimals=st.integers(0, 3)),
        st.builds(
            baocao.Rate,
            st.integers(0, 10**6),
            st.integers(1, 10**6),
            rounding=st.sampled_from(["down", "half_up"]),
        ),
        st.builds(baocao.Number, st.integers(-(10**12), 10**12) | _decimals(2)),
        st.builds(baocao.Date, st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))),
    )
    pieces = st.lists(st.one_of(laid_out(texts(max_size=4), layout), value), min_size=1, max_size=4)
    return st.one_of(
        laid_out(text(), layout),
        st.builds(lambda first, rest: _spaced([first, *rest]), laid_out(text(), layout), pieces),
    )


def _spaced(pieces: list[Any]) -> list[Any]:
    """``pieces`` with a space before an amount that would follow a digit (the model
    refuses that: "1" then 67 đồng would print "167 đồng")."""
    out: list[Any] = []
    for piece in pieces:
        if (
            isinstance(piece, baocao.Money)
            and piece.amount >= 0
            and out
            and baocao._model._values._ends_in_digit(out)
        ):
            out.append(" ")
        out.append(piece)
    return out


def _cells(text: Text, values: bool) -> st.SearchStrategy[Any]:
    cell = laid_out(texts(max_size=6), baocao._model.HEADING)
    if not values:
        return cell
    return st.one_of(
        cell,
        st.integers(-(10**12), 10**12),
        _decimals(2),
        st.builds(baocao.Percent, st.integers(0, 100)),
        st.builds(baocao.Money, st.integers(0, 10**9)),
    )


@st.composite
def _table(draw: st.DrawFn, text: Text, values: bool) -> baocao.Table:
    width = draw(st.integers(1, 3))
    header = draw(
        st.lists(laid_out(texts(max_size=6), baocao._model.HEADING), min_size=width, max_size=width)
    )
    row = st.lists(_cells(text, values), min_size=width, max_size=width)
    rows = draw(st.lists(row, min_size=1, max_size=2))
    totals = draw(st.none() | row)
    return baocao.Table(header=header, rows=rows, totals=totals)


def blocks(
    text: Text, values: bool, *, max_size: int = 2, plus: bool = False
) -> st.SearchStrategy[list[Any]]:
    """Body blocks; with ``plus``, dash lines with "+" lines under them too (issue 12)."""
    listed = _segments(text, values, baocao._model.LISTED)
    dash = st.builds(baocao.Dash, listed)
    if plus:
        dash = st.builds(baocao.Dash, listed, plus=st.lists(listed, max_size=2))
    block = st.one_of(
        st.builds(baocao.Paragraph, _segments(text, values)), dash, _table(text, values)
    )
    return st.lists(block, max_size=max_size)


LISTED = baocao._model.LISTED


@st.composite
def _item(
    draw: st.DrawFn, text: Text, values: bool, numbering: baocao.Numbering | None = None
) -> baocao.Item:
    styles = (None, "1.", "a)", None) if numbering is None else numbering.styles
    # issue 12: now and then a point without a letter (numbered: false), in a rich report
    lettered = st.just(True) if numbering is None else st.integers(0, 5).map(bool)
    point = st.builds(
        baocao.Point,
        _segments(text, values, LISTED),
        body=blocks(text, values, max_size=1),
        numbered=lettered,
    )
    if styles[3] is not None:  # a scheme that numbers sub-points
        sub = st.builds(baocao.Point, _segments(text, values, LISTED), numbered=lettered)
        point = st.builds(
            baocao.Point,
            _segments(text, values, LISTED),
            body=blocks(text, values, max_size=1),
            points=st.lists(sub, max_size=2),
        ).filter(lambda p: p.numbered or not p.points)
    points = draw(st.lists(point, max_size=2)) if styles[2] is not None else []
    body = draw(blocks(text, values, max_size=1, plus=numbering is not None))
    numbered = True
    if numbering is not None and (styles[2] != baocao._nd30.DECIMAL_STYLE or not points):
        numbered = draw(st.integers(0, 5)) > 0  # now and then an item without a number
    if not numbered or draw(st.booleans()):
        title = draw(laid_out(text(), baocao._model.HEADING))
        return baocao.Item(title=title, body=body, points=points, numbered=numbered)
    return baocao.Item(text=draw(_segments(text, values, LISTED)), body=body, points=points)


@st.composite
def _section(
    draw: st.DrawFn, text: Text, values: bool, numbering: baocao.Numbering | None = None
) -> baocao.Section:
    body = draw(blocks(text, values))
    items = draw(st.lists(_item(text, values, numbering), min_size=0 if body else 1, max_size=2))
    title = draw(laid_out(text(), baocao._model.HEADING))
    if numbering is None:
        return baocao.Section(title=title, body=body, items=items)
    may_drop = numbering.styles[1] != baocao._nd30.DECIMAL_STYLE or not items
    return baocao.Section(
        title=title,
        body=body,
        items=items,
        closing=draw(blocks(text, values, max_size=1, plus=True)),
        numbered=not (may_drop and draw(st.integers(0, 5)) == 0),
    )


@st.composite
def numberings(draw: st.DrawFn) -> baocao.Numbering:
    """A numbering (issue 12): any scheme, part style, place of a part's title and case of
    section titles; a style of the sections' own that reads above the items."""
    scheme = draw(st.sampled_from(list(baocao._nd30.NUMBERING_SCHEMES)))
    section = None
    if scheme != "decimal":
        styles = ["I.", "I-", "A.", "A-"] + (["1.", "1-", "1)"] if scheme == "arabic" else [])
        section = draw(st.none() | st.sampled_from(styles))
    return baocao.Numbering(
        scheme=scheme,
        part=draw(st.sampled_from(baocao._nd30.PART_STYLES)),
        part_title=draw(st.sampled_from(["next_line", "dash"])),
        section=section,
        heading_case=draw(st.sampled_from(["upper", "as_typed"])),
    )


@st.composite
def _signatory(draw: st.DrawFn, text: Text) -> baocao.Signatory:
    authority = draw(st.sampled_from([None, "TM.", "KT.", "TL.", "TUQ.", "Q."]))
    name = draw(normal_case(laid_out(text(), baocao._model.SIGNER).filter(str.strip)))
    title = draw(laid_out(text(), baocao._model.SIGNATURE))
    if authority == "Q.":
        assume(not nfc(title).casefold().startswith("phó "))
    # issue 12: the head signed for is not the signer's own title, nor a deputy's
    line = laid_out(text(), baocao._model.AUTHORITY_LINE)
    head = line.filter(
        lambda t: (
            nfc(t).casefold() != nfc(title).casefold() and not nfc(t).casefold().startswith("phó ")
        )
    )
    acting_for = draw(head) if authority in ("TM.", "KT.", "TL.", "TUQ.") else None
    collective = draw(st.none() | line) if authority in ("KT.", "Q.") else None
    return baocao.Signatory(
        name=name, title=title, authority=authority, acting_for=acting_for, collective=collective
    )


_MARKS: dict[str, st.SearchStrategy[Any]] = {
    "confidentiality": st.none() | st.sampled_from(list(baocao._model.Confidentiality)),
    "urgency": st.none() | st.sampled_from(list(baocao._model.Urgency)),
    "circulation": st.none() | st.sampled_from(baocao._nd30.CIRCULATION_NOTES),
}


@st.composite
def _rich(draw: st.DrawFn, text: Text) -> dict[str, Any]:
    """What issue 12 added to a report, drawn: a numbering, a subtitle, the marks of
    ô 10–13, a contact block, a draft with its date left blank, joint signers."""
    fields: dict[str, Any] = {name: draw(mark) for name, mark in _MARKS.items()}
    fields["subtitle"] = draw(st.none() | laid_out(text(), baocao._model.SUBJECT))
    one_line = laid_out(text(), baocao._model.ONE_LINE).filter(str.strip)
    fields["contact"] = draw(st.lists(one_line, max_size=2))
    if draw(st.integers(0, 3)) == 0:
        fields.update(draft=True, date=None, number=None, year=draw(st.integers(1945, 2100)))
    cosigners = draw(st.lists(_signatory(text), max_size=2))
    if cosigners:
        fields["cosignatories"] = cosigners
    return fields


@st.composite
def _noted(draw: st.DrawFn, text: Text) -> baocao.Paragraph:
    """A paragraph whose text carries one or two footnotes (chú thích)."""
    one_line = laid_out(text(), baocao._model.ONE_LINE).filter(str.strip)
    pieces: list[Any] = [draw(text())]
    for _ in range(draw(st.integers(1, 2))):
        pieces += [baocao.Footnote(draw(one_line)), draw(text())]
    return baocao.Paragraph(pieces)


@st.composite
def reports(
    draw: st.DrawFn, text: Text = nonblank_texts, *, values: bool = False, rich: bool = False
) -> baocao.Report:
    """An arbitrary valid report: every text field drawn from ``text``; with ``values``,
    body texts and table cells also hold amounts, percentages, rates, numbers, dates; with
    ``rich``, what issue 12 added too (any numbering scheme, points without letters,
    subtitle, marks, contact block, drafts, joint signers, footnotes)."""
    centred = laid_out(text(), baocao._model.CENTRED)
    parent = draw(st.none() | centred)
    addressees = draw(st.lists(line_texts(), max_size=3))
    taken = {baocao._text.nfc(a).casefold() for a in addressees}  # as the model compares
    recipients = [
        r
        for r in draw(st.lists(line_texts(), max_size=2))
        if baocao._text.nfc(r).casefold() not in taken
    ]
    fields: dict[str, Any] = {}
    numbering = draw(numberings()) if rich else None
    if numbering is not None:
        fields["numbering"] = numbering
    section = _section(text, values, numbering)
    if draw(st.booleans()):
        parts = []
        for _ in range(draw(st.integers(1, 2))):
            body = draw(blocks(text, values))
            sections = draw(st.lists(section, min_size=0 if body else 1, max_size=2))
            parts.append(baocao.Part(title=draw(centred), body=body, sections=sections))
        fields["parts"] = parts
    else:
        fields["sections"] = draw(st.lists(section, max_size=2))
    opening = draw(blocks(text, values))
    closing = draw(blocks(text, values))
    if rich and draw(st.booleans()):
        opening = [*opening, draw(_noted(text))]
    if not (opening or closing or fields.get("parts") or fields.get("sections")):
        closing = [baocao.Paragraph(draw(text()))]
    appendices = []
    for _ in range(draw(st.integers(0, 2))):
        body = draw(blocks(text, values))
        sections = draw(st.lists(section, min_size=0 if body else 1, max_size=1))
        appendices.append(baocao.Appendix(title=draw(centred), body=body, sections=sections))
    one_line = laid_out(text(), baocao._model.ONE_LINE).filter(str.strip)
    unit = draw(st.none() | one_line)
    drafter = draw(st.none() | one_line)
    filing = baocao.Filing(
        unit=unit,
        drafter=drafter,
        copies=draw(st.none() | st.integers(1, 999)),
        issued=draw(st.none() | st.integers(1, 999_999)) if drafter is not None else None,
    )
    # drawn in the order of 0.1's strategy, so that its derandomized examples stay the same
    head: dict[str, Any] = {
        "issuer": baocao.Issuer(name=draw(centred), abbreviation="SNV", parent=parent),
        "number": draw(st.none() | st.integers(1, baocao._model.MAX_DOCUMENT_NUMBER)),
        "place": draw(place_texts(text)),
        "date": draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))),
        "subject": draw(normal_case(laid_out(text(), baocao._model.SUBJECT))),
        "signatory": draw(_signatory(text)),
        "doc_type": draw(st.sampled_from([t for t in baocao.DocumentType if t.has_type_name])),
    }
    if rich:
        head.update(draw(_rich(text)))
    return baocao.Report(
        **head,
        addressees=addressees,
        legal_bases=draw(st.lists(line_texts(baocao._model.HEADING), max_size=2)),
        opening=opening,
        closing=closing,
        recipients=recipients,
        filing=filing,
        appendices=appendices,
        **fields,
    )


def simple_texts() -> st.SearchStrategy[str]:
    """Short readable Vietnamese text, for tests about structure rather than characters."""
    words = st.sampled_from(
        [
            "Kết",
            "quả",
            "thực",
            "hiện",
            "Đề",
            "án",
            "năm",
            "2026",
            "Sở",
            "Nội",
            "vụ",
            "ủy",
            "ban",
            "R&D",
            "<b>",
            "{{ x }}",
        ]
    )
    return st.lists(words, min_size=1, max_size=5).map(" ".join)


# --------------------------------------------------------------------------- reading back


def document_paragraphs(data: bytes) -> list[str]:
    """Every paragraph of the body of a .docx, table cells included, in document order,
    as a reader sees it (line and page breaks as ``\\n``, tabs as ``\\t``)."""
    document = open_docx(data)
    return [paragraph_text(p) for p in document.element.body.iter(qn("w:p"))]


def as_rendered(text: str) -> list[str]:
    """The paragraphs a value of the context becomes in the document (``docs/errors.md``):
    ``\\n``, ``\\r``, ``\\v``, U+0085, U+2028 and U+2029 a line break (read back as
    ``\\n``), and ``\\f`` a page break, which docxtpl makes a paragraph of its own between
    the text before and after it."""
    text = text.replace("\r\n", "\n")
    for char in "\r\v\x85\u2028\u2029":
        text = text.replace(char, "\n")
    pieces = text.split("\f")
    out = [pieces[0]]
    for piece in pieces[1:]:
        out += ["\n", piece]
    return out


def rendered_all(texts: Sequence[str]) -> list[str]:
    """:func:`as_rendered` of each text, flattened, without empty paragraphs."""
    return [p for text in texts for p in as_rendered(text) if p]
