"""The rules of the checker, as data: one :class:`Rule` row per rule in :data:`RULES`.

Each row gives a stable id (``"date.padding"``), the clause of Nghị định 30/2020/NĐ-CP it
comes from ("PL I, II.4.b" = Phụ lục I, Mục II, khoản 4, điểm b), a severity, a one-line
description and a *check*: a function of a :class:`~baocao._check.ParsedDocument` that
yields a :class:`Problem` for each place the rule is not met. Adding a rule is adding a row;
:func:`conformance_table` turns the table into the Markdown of ``docs/conformance.md``.

Severities: ``error`` when the decree is not followed; ``warning`` when the document is
legal but fragile or inconsistent (a rule typed as underscores, decomposed Unicode, two
ways of writing percentages, a printed signature annotation).

    >>> [rule.id for rule in RULES][:4]
    ['structure.elements', 'page.size', 'page.orientation', 'page.margins']
    >>> rule_by_id("date.padding").clause
    'PL I, II.4.b'
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from .._errors import BaocaoError
from .._nd30 import (
    MARGIN_RANGES,
    MOTTO,
    NATIONAL_NAME_VARIANTS,
    POINT_LETTERS,
    SIZE_RANGES,
    roman,
)
from . import _units
from ._document import (
    TYPE_TITLES,
    Finding,
    Fragment,
    Para,
    ParsedDocument,
    RuleLine,
    RunFormat,
    Severity,
    Span,
    bounded_int,
    fits_share,
    fragment_width_mm,
    longest_line_mm,
    loose,
    roman_value,
    shorten,
)

__all__ = [
    "POINT_LETTERS",
    "RULES",
    "Problem",
    "Rule",
    "conformance_table",
    "rule_by_id",
    "run_rules",
]


TNR = "Times New Roman"
_TYPE_ABBREVIATIONS = frozenset(TYPE_TITLES.values())


@attrs.frozen
class Problem:
    """One place where a rule is not met (the rule row adds id, clause and severity)."""

    where: str
    found: str
    expected: str


Check = Callable[[ParsedDocument], Iterable[Problem]]


@attrs.frozen
class Rule:
    """A row of the rule table.

    Attributes:
        id: stable id, ``"<element>.<aspect>"``.
        clause: where the decree says it, e.g. ``"PL I, II.1.b"``.
        severity: ``"error"`` or ``"warning"``.
        description: what is checked, one line (shown in ``docs/conformance.md``).
        check: the function that finds the problems.
    """

    id: str
    clause: str
    severity: Severity
    description: str
    check: Check = attrs.field(eq=False, repr=False)


# --------------------------------------------------------------------------- helpers


def _upper(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _arabic(text: str) -> bool:
    """True when ``text`` is Arabic digits 0–9 only (not "²" or other Unicode digits)."""
    return text.isascii() and text.isdigit()


def _is_upper(text: str) -> bool:
    return _has_letters(text) and text == _upper(text)


def _where(label: str, fragments: Sequence[Fragment] | Fragment) -> str:
    items = [fragments] if isinstance(fragments, Fragment) else list(fragments)
    return f'{label} "{shorten(" ".join(f.text for f in items))}"'


def _where_para(para: Para, label: str = "Đoạn") -> str:
    if para.part.rsplit("/", 1)[-1].startswith("header"):
        label = "Header"
    elif para.part.rsplit("/", 1)[-1].startswith("footer"):
        label = "Footer"
    return f'{label} "{shorten(para.numbered_text)}"'


def _spans(fragments: Iterable[Fragment]) -> list[Span]:
    return [s for f in fragments for s in f.inked]


def _pt(value: float) -> str:
    return f"{round(value, 1):g} pt"


def _mm(value: float) -> str:
    return f"{value:.1f} mm"


def _size_problem(
    label: str, fragments: Sequence[Fragment], low: float, high: float
) -> Iterator[Problem]:
    sizes = sorted(
        {round(s.fmt.size, 2) for s in _spans(fragments) if s.fmt.vert_align == "baseline"}
    )
    if any(not low - 0.01 <= size <= high + 0.01 for size in sizes):
        expected = _pt(low) if low == high else f"{low:g}–{high:g} pt"
        yield Problem(_where(label, fragments), " and ".join(_pt(s) for s in sizes), expected)


_FLAG_WORDS = {"bold": "bold (đậm)", "italic": "italic (nghiêng)"}


def _flag(spans: Sequence[Span], attr: str) -> str:
    """``"all"``, ``"none"`` or ``"some"``: how many of ``spans`` have ``attr``."""
    values = [bool(getattr(s.fmt, attr)) for s in spans]
    if values and all(values):
        return "all"
    return "some" if any(values) else "none"


def _flag_problem(
    label: str, fragments: Sequence[Fragment], attr: str, want: bool
) -> Iterator[Problem]:
    spans = _spans(fragments)
    if not spans:
        return
    state = _flag(spans, attr)
    word = _FLAG_WORDS[attr]
    if want and state != "all":
        found = f"not {attr}" if state == "none" else f"partly {attr}"
        yield Problem(_where(label, fragments), found, word)
    elif not want and state != "none":
        found = attr if state == "all" else f"partly {attr}"
        yield Problem(_where(label, fragments), found, f"not {attr}")


def _case_problem(label: str, fragments: Sequence[Fragment], want_upper: bool) -> Iterator[Problem]:
    text = " ".join(f.shown for f in fragments)
    if not _has_letters(text):
        return
    if want_upper and not _is_upper(text):
        yield Problem(_where(label, fragments), "lower-case letters", "upper case (in hoa)")
    elif not want_upper and text.isupper():  # not _is_upper: Hebrew has no capitals
        yield Problem(
            _where(label, fragments), "all upper case", "normal (sentence) case (in thường)"
        )


def _align_problem(label: str, fragments: Sequence[Fragment]) -> Iterator[Problem]:
    seen: set[int] = set()
    for fragment in fragments:
        para = fragment.para
        if para.index in seen or not fragment.whole_line:
            continue
        seen.add(para.index)
        if para.fmt.align != "center" and not para.fmt.frame_centred:
            align = _ALIGN.get(para.fmt.align, para.fmt.align)
            yield Problem(_where(label, fragment), f"aligned {align}", "centred (canh giữa)")


_ALIGN = {
    "both": "justified",
    "distribute": "justified",
    "left": "left",
    "right": "right",
    "center": "centred",
}


def _aggregate(items: Iterable[tuple[Para, str, str]]) -> Iterator[Problem]:
    """One problem per distinct (found, expected), naming the first paragraph and how many
    others have it: a document in a wrong font gives one finding, not a hundred."""
    groups: dict[tuple[str, str], list[Para]] = {}
    for para, found, expected in items:
        paras = groups.setdefault((found, expected), [])
        if not paras or paras[-1] is not para:
            paras.append(para)
    for (found, expected), paras in groups.items():
        where = _where_para(paras[0])
        if len(paras) > 1:
            where += f" (and {len(paras) - 1} more paragraph{'s' if len(paras) > 2 else ''})"
        yield Problem(where, found, expected)


# --------------------------------------------------------------------------- structure

_COMPONENTS = (
    ("national_name", "Quốc hiệu", '"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"'),
    ("motto", "Tiêu ngữ", '"Độc lập - Tự do - Hạnh phúc"'),
    ("issuer", "tên cơ quan ban hành", 'the issuing body above "Số:"'),
    ("number", "Số, ký hiệu", '"Số: NN/BC-…"'),
    ("date", "địa danh, ngày tháng", '"<place>, ngày DD tháng M năm YYYY"'),
    ("type_name", "tên loại văn bản", "the type name, e.g. BÁO CÁO"),
    ("subject", "trích yếu", "the trích yếu under the type name"),
    ("recipients_label", "Nơi nhận", '"Nơi nhận:" and its list'),
    ("signer", "chữ ký", "the signer's title and name"),
)


def _structure(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    for attr, name, expected in _COMPONENTS:
        value = getattr(el, attr)
        if value is None or value == ():
            yield Problem("Văn bản", f"no {name}", expected)


# --------------------------------------------------------------------------- page setup

_A4 = (11906, 16838)
_TWIPS_TOLERANCE = 20


def _landscape(section: object) -> bool:
    width = getattr(section, "width", None)
    height = getattr(section, "height", None)
    if getattr(section, "orient", "") == "landscape":
        return True
    return width is not None and height is not None and width > height


def _section_where(index: int) -> str:
    return f"Trang (section {index + 1})"


def _page_size(doc: ParsedDocument) -> Iterator[Problem]:
    for section in doc.sections:
        if section.width is None or section.height is None:
            yield Problem(
                _section_where(section.index), "no page size (Word uses Letter)", "A4, 210 × 297 mm"
            )
            continue
        dims = sorted((section.width, section.height))
        if any(abs(a - b) > _TWIPS_TOLERANCE for a, b in zip(dims, _A4, strict=True)):
            from .._ooxml import mm_from_twips

            found = f"{mm_from_twips(dims[0]):.0f} × {mm_from_twips(dims[1]):.0f} mm"
            yield Problem(_section_where(section.index), found, "A4, 210 × 297 mm")


def _has_table(doc: ParsedDocument, section_index: int) -> bool:
    """True when the section holds a table of the content (not the header or footer
    layout tables); for a document whose parts are not found, any table."""
    el = doc.elements
    content = list(el.content) + [p for a in el.appendices for p in a.content]
    paras = content if content else list(doc.paragraphs)
    return any(p.in_table and p.section == section_index for p in paras)


def _orientation(doc: ParsedDocument) -> Iterator[Problem]:
    for section in doc.sections:
        if _landscape(section) and not _has_table(doc, section.index):
            yield Problem(
                _section_where(section.index),
                "landscape",
                "portrait (landscape only for pages of wide tables)",
            )


_MARGINS = tuple((side, float(low), float(high)) for side, (low, high) in MARGIN_RANGES.items())


def _margins(doc: ParsedDocument) -> Iterator[Problem]:
    from .._ooxml import mm_from_twips

    for section in doc.sections:
        if _landscape(section):
            continue
        for side, low, high in _MARGINS:
            value = getattr(section, side)
            if value is None:
                yield Problem(
                    _section_where(section.index),
                    f"{side} margin not set (Word uses 25.4 mm)",
                    f"{side} margin {low:g}–{high:g} mm",
                )
                continue
            if side == "left":
                value += section.gutter
            mm = mm_from_twips(value)
            if not low - 0.1 <= mm <= high + 0.1:
                yield Problem(
                    _section_where(section.index),
                    f"{side} margin {_mm(mm)}",
                    f"{side} margin {low:g}–{high:g} mm",
                )


# --------------------------------------------------------------------------- font, colour

_SLOT_NAMES = {
    "ascii": "Latin letters and digits",
    "hAnsi": "Vietnamese letters",
    "eastAsia": "East Asian text",
    "cs": "complex-script text",
}


def _slots(text: str, fmt: RunFormat) -> set[str]:
    """The font slots (rFonts attributes) Word uses for the characters of ``text``."""
    if fmt.complex or fmt.hint == "cs":
        return {"cs"}
    slots: set[str] = set()
    for char in text:
        if char.isspace():
            continue
        cp = ord(char)
        if cp < 0x80:
            slots.add("ascii")
        elif (
            0x2E80 <= cp <= 0x9FFF
            or 0xAC00 <= cp <= 0xD7AF
            or 0xF900 <= cp <= 0xFAFF
            or 0xFF00 <= cp <= 0xFFEF
        ):
            slots.add("eastAsia")
        elif 0x0590 <= cp <= 0x08FF or 0x0E00 <= cp <= 0x0E7F:
            slots.add("cs")
        else:
            slots.add("hAnsi")
            if fmt.hint == "eastAsia" and (cp <= 0x036F or 0x1E00 <= cp <= 0x206F):
                slots.add("eastAsia")
    return slots


def _all_paras(doc: ParsedDocument) -> Iterator[Para]:
    yield from doc.paragraphs
    for story in doc.stories.values():
        yield from story


def _fonts(doc: ParsedDocument) -> Iterator[Problem]:
    items = []
    for para in _all_paras(doc):
        for span in para.spans:
            if not span.text.strip():
                continue
            for slot in sorted(_slots(span.text, span.fmt)):
                font = span.fmt.font(slot)
                if font.name != TNR:
                    items.append((para, f"{font} for the {_SLOT_NAMES[slot]}", TNR))
    yield from _aggregate(items)


def _colour(doc: ParsedDocument) -> Iterator[Problem]:
    items = []
    for para in _all_paras(doc):
        for span in para.spans:
            if span.text.strip() and not span.fmt.black:
                items.append((para, f"text in colour #{span.fmt.color}", "black (#000000)"))
    yield from _aggregate(items)


def _nfc(doc: ParsedDocument) -> Iterator[Problem]:
    items = []
    for para in _all_paras(doc):
        if para.raw_text and not unicodedata.is_normalized("NFC", para.raw_text):
            items.append(
                (
                    para,
                    "decomposed Unicode (letters typed as base + combining marks)",
                    "precomposed Unicode (NFC)",
                )
            )
    yield from _aggregate(items)


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


def _wrap_problem(label: str, fragment: Fragment, expected: str) -> Iterator[Problem]:
    """A line that is wider (measured) than its paragraph's room, so wraps."""
    if not fragment.whole_line:
        return
    width = fragment_width_mm(fragment)
    room = fragment.para.width_mm
    if width > room + 0.05:
        yield Problem(
            _where(label, fragment),
            f"{_mm(width)} of text in {_mm(room)}: it wraps onto two lines",
            expected,
        )


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


def _line_found(line: RuleLine) -> str:
    kind = {
        "border": "a paragraph border",
        "shape": "a drawn line",
        "typed": "a typed line",
        "underline": "underlined text",
    }[line.kind]
    return f"{kind} {_mm(line.length_mm)} long"


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


def _share_problem(
    label: str, fragments: Sequence[Fragment], line: RuleLine | None, what: str
) -> Iterator[Problem]:
    """The rule under ``fragments`` must be 1/3 to 1/2 of their longest line."""
    if not fragments:
        return
    longest = longest_line_mm(fragments)
    expected = (
        f"a solid line 1/3 to 1/2 of the longest line of the {what} "
        f"({_mm(longest)}): {longest / 3:.1f}–{longest / 2:.1f} mm"
    )
    if line is None:
        yield Problem(_where(label, fragments), f"no line under the {what}", expected)
    elif line.kind == "underline":
        yield Problem(
            _where(label, fragments),
            f"the {what} is underlined instead of having a line below it",
            expected,
        )
    elif not fits_share(line.length_mm, fragments):
        yield Problem(_where(label, fragments), _line_found(line), expected)


def _issuer_rule(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _share_problem(
        _ISSUER, doc.elements.issuer, doc.elements.issuer_line, "issuing body"
    )


# --------------------------------------------------------------------------- Số, ký hiệu

_NUMBER = "Số, ký hiệu"
_BLANK_NUMBER = re.compile(r"^[\s.…_]*$")


@attrs.frozen
class _NumberParts:
    """ "Số: 15/BC-SNV" cut into its pieces, with the white space between them."""

    sp0: str
    colon: str
    sp1: str
    num: str
    sp2: str
    slash: str
    sp3: str
    symbol: str


def _number_parts(doc: ParsedDocument) -> tuple[Fragment, _NumberParts] | None:
    fragment = doc.elements.number
    if fragment is None:
        return None
    head = re.match(r"^Số(\s*)(:?)(\s*)", fragment.text)
    if head is None:
        return None
    rest = fragment.text[head.end() :]
    number, slash, symbol = rest.partition("/")
    num = number.rstrip()
    sym = symbol.lstrip()
    return fragment, _NumberParts(
        head[1],
        head[2],
        head[3],
        num,
        number[len(num) :],
        slash,
        symbol[: len(symbol) - len(sym)],
        sym,
    )


def _number_format(doc: ParsedDocument) -> Iterator[Problem]:
    parts = _number_parts(doc)
    if parts is None:
        return
    fragment, m = parts
    issues = []
    if not m.colon or m.sp0:
        issues.append('no colon right after "Số"')
    elif not m.sp1:
        issues.append('no space after "Số:"')
    number = m.num
    blank = _BLANK_NUMBER.match(number) is not None
    if not blank and not _arabic(number):
        issues.append(f'the number "{shorten(number, 20)}" is not in Arabic digits')
    if not m.slash:
        issues.append('no "/" between the number and the symbol')
    elif (m.sp2 and not blank) or m.sp3:
        issues.append('spaces around "/"')
    symbol = m.symbol
    if re.match(r"^\d{4}/", symbol):
        issues.append(
            f'the year "{symbol[:4]}" in the number (only legal normative documents have one)'
        )
        symbol = symbol[5:]
    if re.search(r"\s", symbol):
        issues.append("spaces inside the symbol")
    groups = symbol.split("-")
    if m.slash and (len(groups) < 2 or any(not g for g in groups)):
        issues.append(f'the symbol "{symbol}" is not TYPE-BODY')
    for index, group in enumerate(groups):
        if index == 0 and group in _TYPE_ABBREVIATIONS:
            continue
        if group != group.upper():
            issues.append(f'lower case in the symbol ("{group}")')
    if issues:
        yield Problem(
            _where(_NUMBER, fragment), "; ".join(issues), '"Số: NN/TYPE-BODY", e.g. "Số: 15/BC-SNV"'
        )


def _number_padding(doc: ParsedDocument) -> Iterator[Problem]:
    parts = _number_parts(doc)
    if parts is None:
        return
    fragment, m = parts
    number = m.num
    if not _arabic(number):
        return
    wanted = (number.lstrip("0") or "0").rjust(2, "0")
    if number != wanted:
        yield Problem(
            _where(_NUMBER, fragment),
            f'number "{shorten(number, 20)}"',
            f'"{shorten(wanted, 20)}" (a 0 before numbers below 10, no other)',
        )


def _number_type(doc: ParsedDocument) -> Iterator[Problem]:
    parts = _number_parts(doc)
    type_name = doc.elements.type_name
    if parts is None or type_name is None:
        return
    fragment, m = parts
    wanted = TYPE_TITLES.get(loose(type_name.text))
    group = m.symbol.split("-")[0]
    if re.match(r"^\d{4}/", m.symbol):
        group = m.symbol[5:].split("-")[0]
    if wanted is not None and group != wanted:
        yield Problem(
            _where(_NUMBER, fragment),
            f'"{group}" with the type name "{type_name.shown}"',
            f'"{wanted}" (Phụ lục III abbreviation of {type_name.shown})',
        )


def _number_size(doc: ParsedDocument) -> Iterator[Problem]:
    fragment = doc.elements.number
    if fragment is not None:
        yield from _size_problem(_NUMBER, [fragment], *SIZE_RANGES["number"])


# --------------------------------------------------------------------------- date

_DATE = "Địa danh, ngày tháng"
_DATE_PARTS = re.compile(
    r"^(?P<place>.*?)(?P<comma>\s*,?\s*)(?P<ngay>ngày)(?P<s1>\s*)(?P<d>[^\s]*?)(?P<s2>\s*)"
    r"(?P<thang>tháng)(?P<s3>\s*)(?P<m>[^\s]*?)(?P<s4>\s*)(?P<nam>năm)(?P<s5>\s*)"
    r"(?P<y>[^\s]*?)(?P<rest>\W*)$",
    re.IGNORECASE,
)
_BLANK = re.compile(r"^[.…_]*$")


def _date_parts(doc: ParsedDocument) -> tuple[Fragment, re.Match[str]] | None:
    fragment = doc.elements.date
    if fragment is None:
        return None
    match = _DATE_PARTS.match(fragment.text)
    return None if match is None else (fragment, match)


def _date_format(doc: ParsedDocument) -> Iterator[Problem]:
    fragment = doc.elements.date
    if fragment is None:
        return
    parts = _date_parts(doc)
    expected = '"<Place>, ngày DD tháng M năm YYYY", e.g. "Hà Nội, ngày 05 tháng 3 năm 2026"'
    if parts is None:
        yield Problem(_where(_DATE, fragment), "a date line that cannot be read", expected)
        return
    _, m = parts
    issues = []
    place = m["place"]
    if not place:
        issues.append("no place name")
    elif not place[0].isupper():
        issues.append("the place name does not start with a capital")
    comma = m["comma"]
    if place and "," not in comma:
        issues.append("no comma after the place name")
    elif place and comma != ", ":
        issues.append("spacing around the comma")
    for word in ("ngay", "thang", "nam"):
        if m[word] != m[word].lower():
            issues.append(f'"{m[word]}" capitalised')
    values = [m["d"], m["m"], m["y"]]
    for name, value in zip(("day", "month", "year"), values, strict=True):
        if value and not _arabic(value) and not _BLANK.match(value):
            issues.append(f'the {name} "{shorten(value, 20)}" is not in Arabic digits')
    if all(_arabic(v) for v in values):
        spaces = [m[f"s{i}"] for i in range(1, 6)]
        if any(s != " " for s in spaces):
            issues.append("spacing between the words")
        try:
            _dt.date(int(values[2]), int(values[1]), int(values[0]))
        except (ValueError, OverflowError):
            issues.append(f"{shorten('/'.join(values), 30)} is not a date")
        if len(values[2]) != 4:
            issues.append(f'the year "{shorten(values[2], 20)}" is not written in full')
    if m["rest"]:
        issues.append(f'"{m["rest"]}" after the year')
    if issues:
        yield Problem(_where(_DATE, fragment), "; ".join(issues), expected)


def _date_padding(doc: ParsedDocument) -> Iterator[Problem]:
    parts = _date_parts(doc)
    if parts is None:
        return
    fragment, m = parts
    issues, wanted = [], []
    day, month = m["d"], m["m"]
    if _arabic(day):
        good = (day.lstrip("0") or "0").rjust(2, "0")
        if day != good:
            issues.append(f'day "{shorten(day, 20)}"')
            wanted.append(f'day "{shorten(good, 20)}"')
    if _arabic(month):
        value = month.lstrip("0") or "0"
        good = value.rjust(2, "0") if value in ("0", "1", "2") else value
        if month != good:
            issues.append(f'month "{shorten(month, 20)}"')
            wanted.append(f'month "{shorten(good, 20)}"')
    if issues:
        yield Problem(
            _where(_DATE, fragment),
            ", ".join(issues),
            ", ".join(wanted) + " (a 0 before days below 10 and months 1 and 2 only)",
        )


def _date_italic(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.date is not None:
        yield from _flag_problem(_DATE, [doc.elements.date], "italic", True)


def _date_size(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.date is not None:
        yield from _size_problem(_DATE, [doc.elements.date], *SIZE_RANGES["date"])


_LEVEL_MM = 2.0


def _date_position(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    if el.date is None or el.number is None:
        return
    if not doc.same_row(el.number, el.date):
        yield Problem(
            _where(_DATE, el.date),
            'not on the line of "Số:"',
            'beside "Số:", on the same line (same table row or same line)',
        )
    elif el.date.para is not el.number.para:
        shift = doc.top_mm(el.number) - doc.top_mm(el.date)
        if abs(shift) > _LEVEL_MM:
            yield Problem(
                _where(_DATE, el.date),
                f'{_mm(abs(shift))} {"above" if shift > 0 else "below"} the line of "Số:"',
                f'level with "Số:" (within {_mm(_LEVEL_MM)})',
            )


def _date_align(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.date is not None:
        yield from _align_problem(_DATE, [doc.elements.date])


# --------------------------------------------------------------------------- type, subject


def _document_date(doc: ParsedDocument) -> _dt.date | None:
    """The date of the date line, when it is a real date."""
    parts = _date_parts(doc)
    if parts is None:
        return None
    match = parts[1]
    try:
        return _dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except (ValueError, OverflowError):  # day 31 of month 2, a 20-digit year
        return None


def _abolished_units(doc: ParsedDocument) -> Iterator[Problem]:
    date = _document_date(doc)
    if date is None or date < _units.ABOLISHED_ON:
        return
    el = doc.elements
    named: list[tuple[str, list[_units.Abolished]]] = []
    parts = _date_parts(doc)
    if parts is not None and parts[1]["place"].strip():
        named.append((_where(_DATE, parts[0]), _units.abolished_place(parts[1]["place"])))
    for label, fragments in ((_PARENT, el.parent), (_ISSUER, el.issuer)):
        if fragments:
            text = " ".join(f.text for f in fragments)
            named.append((_where(label, fragments), _units.abolished_in(text)))
    for where, units in named:
        for unit in units:
            now = f"today: {unit.current}" if unit.current else "today's unit"
            yield Problem(
                where,
                f"{unit.name}, abolished on 1 July 2025, in a document of {date:%d/%m/%Y}",
                f"the unit that exists on the document's date ({now})",
            )


_TYPE = "Tên loại văn bản"
_SUBJECT = "Trích yếu"


def _type(doc: ParsedDocument) -> list[Fragment]:
    found = doc.elements.type_name
    return [] if found is None else [found]


def _type_case(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _case_problem(_TYPE, _type(doc), True)


def _type_bold(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _flag_problem(_TYPE, _type(doc), "bold", True)


def _type_align(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _align_problem(_TYPE, _type(doc))


def _type_size(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _size_problem(_TYPE, _type(doc), *SIZE_RANGES["type"])


def _subject_bold(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.subject:
        yield from _flag_problem(_SUBJECT, doc.elements.subject, "bold", True)


def _subject_align(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _align_problem(_SUBJECT, doc.elements.subject)


def _date_wrapped(doc: ParsedDocument) -> Iterator[Problem]:
    fragment = doc.elements.date
    if fragment is not None and "\n" not in fragment.text:
        yield from _wrap_problem(
            _DATE, fragment, "one line (widen its column, or narrow the issuing body's)"
        )


def _subject_size(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.subject:
        yield from _size_problem(_SUBJECT, doc.elements.subject, *SIZE_RANGES["subject"])


def _subject_case(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.subject:
        yield from _case_problem(_SUBJECT, doc.elements.subject, False)


def _subject_rule(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _share_problem(
        _SUBJECT, doc.elements.subject, doc.elements.subject_line, "trích yếu"
    )


# --------------------------------------------------------------------------- Kính gửi

_ADDRESSEE = "Kính gửi"


def _addressee_format(doc: ParsedDocument) -> Iterator[Problem]:
    lines = list(doc.elements.addressee)
    if not lines:
        return
    first = lines[0]
    if not first.text.startswith("Kính gửi:"):
        yield Problem(
            _where(_ADDRESSEE, first),
            f'"{shorten(first.text, 30)}"',
            '"Kính gửi:" (capital K, colon right after)',
        )
    rest = lines[1:]
    for index, line in enumerate(rest):
        last = index == len(rest) - 1
        issues = []
        if not line.text.startswith("- "):
            issues.append('no "- " at the start')
        end = "." if last else ";"
        if not line.text.endswith(end):
            issues.append(f'no "{end}" at the end')
        if issues:
            yield Problem(
                _where(_ADDRESSEE, line),
                "; ".join(issues),
                'one addressee per line, "- …;", the last ending "."',
            )


def _addressee_size(doc: ParsedDocument) -> Iterator[Problem]:
    if doc.elements.addressee:
        yield from _size_problem(_ADDRESSEE, doc.elements.addressee, *SIZE_RANGES["addressee"])


# --------------------------------------------------------------------------- content

_PART_RE = re.compile(r"^(Phần|Chương)\s+([IVXLCDM]+)\b")
_SECTION_RE = re.compile(r"^([IVXLCDM]+)\.\s")
_ITEM_RE = re.compile(r"^(\d+)\.\s")
_NESTED_RE = re.compile(r"^(\d+(?:\.\d+)+)\.?\s")
_POINT_RE = re.compile(r"^([a-zđ])\)\s")


def _stories(doc: ParsedDocument) -> list[list[Para]]:
    """The content of the report and of each appendix: paragraphs outside tables."""
    el = doc.elements
    stories = [list(el.content)] + [list(a.content) for a in el.appendices]
    return [[p for p in story if p.container.kind == "body"] for story in stories]


def _bases(doc: ParsedDocument) -> list[Para]:
    """The căn cứ lines, and the "Theo đề nghị …" / "Xét đề nghị …" lines that close them
    (PL I, II.6.a: they are part of the căn cứ, so the last of them ends with ".")."""
    out: list[Para] = []
    for para in _stories(doc)[0]:
        if para.empty:
            continue
        text = loose(para.text)
        if not (text.startswith("căncứ") or (out and text.startswith(_PROPOSAL))):
            break
        out.append(para)
    return out


_PROPOSAL = ("theođềnghị", "xétđềnghị")


def _basis_italic(doc: ParsedDocument) -> Iterator[Problem]:
    for para in _bases(doc):
        yield from _flag_problem("Căn cứ", para.fragments, "italic", True)


def _basis_punctuation(doc: ParsedDocument) -> Iterator[Problem]:
    bases = _bases(doc)
    for index, para in enumerate(bases):
        end = "." if index == len(bases) - 1 else ";"
        if not para.text.rstrip().endswith(end):
            yield Problem(
                _where_para(para, "Căn cứ"),
                f'"{para.text.rstrip()[-1:]}" at the end',
                f'"{end}" (";" after each căn cứ, "." after the last)',
            )


def _heading_start(text: str) -> bool:
    return bool(
        _PART_RE.match(text)
        or _SECTION_RE.match(text)
        or _ITEM_RE.match(text)
        or _POINT_RE.match(text)
        or text.startswith("-")
    )


def _section_number(text: str) -> int | None:
    match = _SECTION_RE.match(text)
    return None if match is None else roman_value(match[1])


_CAPTION_CHARS = 100
_MAX_ITEM = 10**6


def _next_to_table(doc: ParsedDocument, para: Para) -> bool:
    """True when the paragraph touches a table (a caption or a units line above it)."""
    neighbours = doc.paragraphs[max(0, para.index - 1) : para.index + 2]
    return any(other.in_table for other in neighbours if other is not para)


def _body_kinds(doc: ParsedDocument) -> list[tuple[Para, str]]:
    """Non-empty content paragraphs outside tables, each as "heading" (Phần/Chương and
    their titles, centred bold lines), "caption" (a short line touching a table, such as
    "(Đơn vị tính: triệu đồng)"), "section" (I., II.) or "text"."""
    out: list[tuple[Para, str]] = []
    for story in _stories(doc):
        after_part = False
        for para in story:
            if para.empty:
                continue
            text = para.numbered_text
            spans = [s for s in para.spans if s.text.strip()]
            centred_bold = (
                para.fmt.align == "center" and bool(spans) and _flag(spans, "bold") == "all"
            )
            if (
                len(text) < _CAPTION_CHARS
                and para.fmt.align != "both"
                and _next_to_table(doc, para)
                and not _heading_start(text)
            ):
                kind = "caption"
                after_part = False
            elif _PART_RE.match(text) or (after_part and para.fmt.align == "center"):
                kind = "heading"
                after_part = bool(_PART_RE.match(text))
            elif centred_bold:
                kind = "heading"
                after_part = False
            elif _section_number(text) is not None:
                kind = "section"
                after_part = False
            else:
                kind = "text"
                after_part = False
            out.append((para, kind))
    return out


def _headings_bold(doc: ParsedDocument) -> Iterator[Problem]:
    for para, kind in _body_kinds(doc):
        if kind not in ("heading", "section"):
            continue
        spans = [s for s in para.spans if s.text.strip()]
        state = _flag(spans, "bold")
        if spans and state != "all":
            yield Problem(
                _where_para(para, "Đề mục"),
                "not bold" if state == "none" else "partly bold",
                "bold (đậm): Phần, its title and the sections I, II, …",
            )


def _body_align(doc: ParsedDocument) -> Iterator[Problem]:
    items = []
    for para, kind in _body_kinds(doc):
        if kind == "text" and para.fmt.align not in ("both", "distribute"):
            items.append(
                (
                    para,
                    f"aligned {_ALIGN.get(para.fmt.align, para.fmt.align)}",
                    "justified (canh đều hai lề)",
                )
            )
    yield from _aggregate(items)


def _body_indent(doc: ParsedDocument) -> Iterator[Problem]:
    from .._ooxml import mm_from_twips

    items = []
    for para, kind in _body_kinds(doc):
        if kind != "text":
            continue
        start = para.fmt.left + para.fmt.first_line
        if not 567 - 6 <= start <= 720 + 6:
            items.append(
                (
                    para,
                    f"first line indented {mm_from_twips(start) / 10:.2f} cm",
                    "first line indented 1 cm or 1.27 cm",
                )
            )
    yield from _aggregate(items)


def _body_spacing(doc: ParsedDocument) -> Iterator[Problem]:
    items = []
    previous: Para | None = None
    body = {p.index for p, _ in _body_kinds(doc)}
    for para in doc.paragraphs:
        if (
            para.index in body
            and previous is not None
            and previous.index == para.index - 1
            and previous.index in body
        ):
            same = previous.style_id == para.style_id
            after = 0 if (previous.fmt.contextual and same) else previous.fmt.after
            before = 0 if (para.fmt.contextual and same) else para.fmt.before
            gap = after + before
            if gap < 120 - 1:
                items.append(
                    (
                        para,
                        f"{gap / 20:g} pt between paragraphs",
                        "at least 6 pt between paragraphs",
                    )
                )
        previous = para
    yield from _aggregate(items)


def _line_multiple(para: Para) -> float:
    sizes = [s.fmt.size for s in para.spans if s.text.strip()] or [para.mark_size]
    natural = max(sizes) * 1.15
    if para.fmt.line_rule == "auto":
        return para.fmt.line / 240
    value = para.fmt.line / 20 / natural
    return max(1.0, value) if para.fmt.line_rule == "atLeast" else value


def _body_line_spacing(doc: ParsedDocument) -> Iterator[Problem]:
    items = []
    for para, _ in _body_kinds(doc):
        multiple = _line_multiple(para)
        if not 0.95 <= multiple <= 1.51:
            found = (
                f"line spacing {multiple:.2f} lines"
                if para.fmt.line_rule == "auto"
                else f"line spacing {para.fmt.line_rule} {para.fmt.line / 20:g} pt "
                f"({multiple:.2f} lines)"
            )
            items.append((para, found, "from single (1.0) to 1.5 lines"))
    yield from _aggregate(items)


def _body_size(doc: ParsedDocument) -> Iterator[Problem]:
    items = []
    for para, _ in _body_kinds(doc):
        sizes = sorted(
            {
                round(s.fmt.size, 2)
                for s in para.spans
                if s.text.strip() and s.fmt.vert_align == "baseline"
            }
        )
        bad = [s for s in sizes if not 12.99 <= s <= 14.01]
        if bad:
            items.append((para, " and ".join(_pt(s) for s in sizes), "13–14 pt"))
    yield from _aggregate(items)


def _end_mark(doc: ParsedDocument) -> Iterator[Problem]:
    story = [p for p in _stories(doc)[0] if not p.empty]
    if story and not story[-1].text.rstrip().endswith("./."):
        yield Problem(
            _where_para(story[-1]),
            'no "./." at the end of the content',
            '"./." after the last word of the content',
        )


def _numbering(doc: ParsedDocument, level: str) -> Iterator[Problem]:
    """Check the numbers of one level: "sections" (Phần, I.), "items" (1.), "points" (a))."""
    for story in _stories(doc):
        part = section = item = point = 0
        for para in story:
            text = para.numbered_text
            part_match = _PART_RE.match(text)
            section_match = _SECTION_RE.match(text)
            item_match = _ITEM_RE.match(text)
            point_match = _POINT_RE.match(text)
            if part_match:
                value = roman_value(part_match[2])
                if level == "sections" and value != part + 1:
                    yield Problem(
                        _where_para(para),
                        f'"{part_match[1]} {part_match[2]}"',
                        f'"{part_match[1]} {roman(part + 1)}"',
                    )
                part = value or part + 1
                section = item = point = 0
            elif section_match and roman_value(section_match[1]):
                value = roman_value(section_match[1]) or 0
                if level == "sections" and value != section + 1:
                    yield Problem(
                        _where_para(para),
                        f'"{section_match[1]}."',
                        f'"{roman(section + 1)}." (I, II, III, … with no gap or repeat)',
                    )
                section = value
                item = point = 0
            elif item_match:
                value = bounded_int(item_match[1], 0, _MAX_ITEM, item + 1)
                if level == "items" and value != item + 1:
                    yield Problem(
                        _where_para(para),
                        f'"{shorten(item_match[1], 20)}."',
                        f'"{item + 1}." (1, 2, 3, … with no gap or repeat)',
                    )
                item = value
                point = 0
            elif point_match:
                letter = point_match[1]
                wanted = POINT_LETTERS[point] if point < len(POINT_LETTERS) else "?"
                if level == "points" and letter != wanted:
                    yield Problem(
                        _where_para(para),
                        f'"{letter})"',
                        f'"{wanted})" (a, b, c, d, đ, e, g, h, i, k, …)',
                    )
                point = POINT_LETTERS.index(letter) + 1 if letter in POINT_LETTERS else point + 1


def _numbering_sections(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _numbering(doc, "sections")


def _numbering_items(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _numbering(doc, "items")


def _numbering_points(doc: ParsedDocument) -> Iterator[Problem]:
    yield from _numbering(doc, "points")


def _numbering_nested(doc: ParsedDocument) -> Iterator[Problem]:
    for story in _stories(doc):
        for para in story:
            match = _NESTED_RE.match(para.numbered_text)
            if match:
                yield Problem(
                    _where_para(para),
                    f'decimal numbering "{match[1]}"',
                    "the levels I. / 1. / a) / - of the decree",
                )


# --------------------------------------------------------------------------- Nơi nhận

_RECIPIENTS = "Nơi nhận"
_FILING_RE = re.compile(r"^- Lưu: VT(?:[,.].*)?\.$")


def _recipients_label(doc: ParsedDocument) -> Iterator[Problem]:
    label = doc.elements.recipients_label
    if label is None:
        return
    issues = []
    if label.shown != "Nơi nhận:":
        issues.append(f'"{label.shown}"')
    spans = label.inked
    sizes = sorted({round(s.fmt.size, 2) for s in spans})
    if any(abs(s - 12) > 0.01 for s in sizes):
        issues.append(" and ".join(_pt(s) for s in sizes))
    for attr in ("bold", "italic"):
        state = _flag(spans, attr)
        if state != "all":
            issues.append(f"not {attr}" if state == "none" else f"partly {attr}")
    if any(s.fmt.underline for s in spans):
        issues.append("underlined")
    if issues:
        yield Problem(
            _where(_RECIPIENTS, label),
            "; ".join(issues),
            '"Nơi nhận:" in 12 pt, bold and italic, not underlined',
        )


def _recipients_size(doc: ParsedDocument) -> Iterator[Problem]:
    lines = doc.elements.recipients
    if lines:
        yield from _size_problem(_RECIPIENTS, lines, *SIZE_RANGES["recipients"])


def _recipients_lines(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    if el.recipients_label is None:
        return
    lines = list(el.recipients)
    if not lines:
        yield Problem(
            _where(_RECIPIENTS, el.recipients_label),
            "no recipients",
            'one "- …;" line per recipient, then "- Lưu: VT, ….',
        )
        return
    in_group = False  # a line before this one ends ":" (linear, not a scan per line)
    for index, line in enumerate(lines):
        text = line.text
        last = index == len(lines) - 1
        following = "" if last else lines[index + 1].text
        issues = []
        if not text.startswith("-") and not (text.startswith("+") and in_group):
            issues.append(
                f'"{text[:1]}" at the start' if text[:1] in "–—•+" else 'no "-" at the start'
            )
        if last:
            if not _FILING_RE.match(text):
                issues.append('not "- Lưu: VT, ….", the last line')
        elif not (text.endswith(";") or (text.endswith(":") and following.startswith("+"))):
            issues.append('no ";" at the end')
        if issues:
            yield Problem(
                _where(_RECIPIENTS, line),
                "; ".join(issues),
                '"- <recipient>;" per line and "- Lưu: VT, <unit>." last',
            )
        in_group = in_group or text.endswith(":")


def _recipients_as_above(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    if not el.addressee or el.recipients_label is None:
        return
    if not any(loose(line.text).lstrip("-–—•+").startswith("nhưtrên") for line in el.recipients):
        yield Problem(
            _where(_RECIPIENTS, el.recipients_label),
            'no "Như trên" although the report has a Kính gửi',
            '"- Như trên;" as the first recipient, for the bodies under Kính gửi',
        )


def _recipients_position(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    label = el.recipients_label
    first = el.signature or ((el.signer,) if el.signer is not None else ())
    if label is None or not first:
        return
    if not doc.same_row(label, first[0]):
        yield Problem(
            _where(_RECIPIENTS, label),
            "not beside the signature block",
            "on the left, level with the first line of the signature block (same table row)",
        )


# --------------------------------------------------------------------------- signature

_SIGNATURE = "Chữ ký"
_SIGNER = "Họ tên người ký"
_PREFIX_RE = re.compile(
    r"^(?P<p>T\s*[./]?\s*M|K\s*[./]?\s*T|T\s*[./]?\s*U\s*[./]?\s*Q|"
    r"T\s*[./]?\s*L|Q)(?P<sep>[./]+\s*|\s+)(?=\S)"
)
_DEGREE_RE = re.compile(r"^(?:GS|PGS|TS|ThS|TSKH|KS|BS|CN|Ths|NGƯT|NGND)\.")


def _signature_title(doc: ParsedDocument) -> Iterator[Problem]:
    for line in doc.elements.signature:
        issues = []
        if _has_letters(line.shown) and not _is_upper(line.shown):
            issues.append("lower-case letters")
        state = _flag(line.inked, "bold")
        if state != "all":
            issues.append("not bold" if state == "none" else "partly bold")
        if issues:
            yield Problem(_where(_SIGNATURE, line), "; ".join(issues), "upper case (in hoa), bold")


def _signature_authority(doc: ParsedDocument) -> Iterator[Problem]:
    for line in doc.elements.signature:
        match = _PREFIX_RE.match(line.shown)
        if match is None:
            continue
        letters = re.sub(r"[^A-Z]", "", match["p"])
        wanted = f"{letters}. "
        if match.group(0) != wanted:
            yield Problem(
                _where(_SIGNATURE, line),
                f'"{match.group(0).rstrip()}"',
                f'"{wanted.rstrip()}" and one space (TM., KT., TL., TUQ., Q.)',
            )


def _authorities(doc: ParsedDocument) -> list[tuple[Fragment, str]]:
    """The signature lines with their authority prefix ("KT", "TM", …; "" for none)."""
    out = []
    for line in doc.elements.signature:
        match = _PREFIX_RE.match(line.shown)
        out.append((line, "" if match is None else re.sub(r"[^A-Z]", "", match["p"])))
    return out


def _signature_deputy(doc: ParsedDocument) -> Iterator[Problem]:
    lines = _authorities(doc)
    if not lines or any(prefix in ("KT", "TL", "TUQ") for _line, prefix in lines):
        return
    own = lines[-1][0]
    if _upper(own.shown).startswith("PHÓ "):
        yield Problem(
            _where(_SIGNATURE, own),
            "a deputy (cấp phó) signs without KT.",
            "\"KT. <HEAD'S TITLE>\" above the deputy's own title (KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC)",
        )


def _signature_own_title(doc: ParsedDocument) -> Iterator[Problem]:
    lines = _authorities(doc)
    for index, (line, prefix) in enumerate(lines):
        if prefix == "KT" and index == len(lines) - 1:
            yield Problem(
                _where(_SIGNATURE, line),
                "no title of the signer under the KT. line",
                "the deputy's own title on the next line (KT. GIÁM ĐỐC, then PHÓ GIÁM ĐỐC)",
            )


def _signature_name(doc: ParsedDocument) -> Iterator[Problem]:
    signer = doc.elements.signer
    if signer is None:
        return
    issues = []
    state = _flag(signer.inked, "bold")
    if state != "all":
        issues.append("not bold" if state == "none" else "partly bold")
    # str.isupper, as the model reads a name: a name without capitals (Hebrew) is not one
    if signer.shown.isupper() and len(re.sub(r"\W", "", signer.shown)) > 3:
        issues.append("upper case")
    if _DEGREE_RE.match(signer.shown):
        issues.append("an academic title before the name")
    if issues:
        yield Problem(
            _where(_SIGNER, signer),
            "; ".join(issues),
            "the name in normal case, bold, without titles",
        )


def _signature_size(doc: ParsedDocument) -> Iterator[Problem]:
    el = doc.elements
    lines = list(el.signature) + ([el.signer] if el.signer is not None else [])
    if lines:
        yield from _size_problem(_SIGNATURE, lines, *SIZE_RANGES["signature"])


def _signature_placeholder(doc: ParsedDocument) -> Iterator[Problem]:
    for line in doc.elements.placeholders:
        yield Problem(
            _where(_SIGNATURE, line),
            "the form's annotation printed",
            "blank space for the signature and seal",
        )


# --------------------------------------------------------------------------- page number


def _page_paras(paras: Iterable[Para]) -> list[Para]:
    out = []
    for para in paras:
        if any(
            f.name == "PAGE" or re.search(r"\bPAGE\b", f.instruction.upper()) for f in para.fields
        ):
            out.append(para)
    return out


def _conditional(para: Para) -> bool:
    return any(f.name == "IF" for f in para.fields)


def _page_present(doc: ParsedDocument) -> Iterator[Problem]:
    for section in doc.sections:
        for kind, part in section.footers:
            for para in _page_paras(doc.story(part)):
                yield Problem(
                    _where_para(para),
                    f"the page number in the {kind} footer of section {section.index + 1}",
                    "in the header (top margin)",
                )
    if doc.page_estimate(at_most=1.0) <= 1.0:
        return
    first = doc.sections[0]
    kinds = ["default", "even"] if doc.even_and_odd else ["default"]
    for kind in kinds:
        if not _page_paras(doc.story(first.header(kind))):
            where = "Trang 2 trở đi" if kind == "default" else "Trang chẵn"
            yield Problem(where, "no page number", "a PAGE field in the header, centred")


def _page_first(doc: ParsedDocument) -> Iterator[Problem]:
    first = doc.sections[0]
    if first.title_pg:
        paras = _page_paras(doc.story(first.header("first")))
    else:
        paras = [p for p in _page_paras(doc.story(first.header("default"))) if not _conditional(p)]
    for para in paras:
        yield Problem(
            _where_para(para),
            "a page number on page 1",
            "no number on page 1 (different first page with an empty header)",
        )


def _page_centred(doc: ParsedDocument) -> Iterator[Problem]:
    seen = set()
    for section in doc.sections:
        for _kind, part in section.headers:
            if part in seen:
                continue
            seen.add(part)
            for para in _page_paras(doc.story(part)):
                if para.fmt.align != "center" and not (
                    para.fmt.frame_centred or para.centred_by_tab
                ):
                    yield Problem(
                        _where_para(para),
                        f"aligned {_ALIGN.get(para.fmt.align, para.fmt.align)}",
                        "centred (canh giữa)",
                    )


def _page_size_pt(doc: ParsedDocument) -> Iterator[Problem]:
    seen = set()
    for section in doc.sections:
        for _kind, part in section.headers:
            if part in seen:
                continue
            seen.add(part)
            for para in _page_paras(doc.story(part)):
                spans = [s for f in para.fields for s in f.result if s.text.strip()]
                sizes = sorted({round(s.fmt.size, 2) for s in spans}) or [para.mark_size]
                if any(not 12.99 <= s <= 14.01 for s in sizes):
                    yield Problem(
                        _where_para(para), " and ".join(_pt(s) for s in sizes), "13–14 pt"
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
        match = re.fullmatch(r"(\S+ \S+)(?: (\S+))?", text)
        word = match[1] if match else text
        if word != "Phụ lục":
            issues.append(f'"{word}"')
        label_number = match[2] if match else None
        if len(appendices) > 1 and label_number != roman(number + 1):
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
    from .._words import words_to_money

    for para in _texts(doc):
        for match in _AMOUNT_RE.finditer(para.text):
            if len(match["digits"]) > _MAX_AMOUNT_DIGITS:
                continue  # more than any amount in words can say
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


# --------------------------------------------------------------------------- the table

RULES: tuple[Rule, ...] = (
    Rule(
        "structure.elements",
        "Điều 8.2",
        "error",
        "The main components are present: Quốc hiệu, Tiêu ngữ, issuing body, Số, place "
        "and date, type name, trích yếu, Nơi nhận, signature.",
        _structure,
    ),
    Rule("page.size", "PL I, I.1", "error", "Paper is A4, 210 × 297 mm.", _page_size),
    Rule(
        "page.orientation",
        "PL I, I.2",
        "error",
        "Pages are portrait; landscape only for sections holding a table.",
        _orientation,
    ),
    Rule(
        "page.margins",
        "PL I, I.3",
        "error",
        "Margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.",
        _margins,
    ),
    Rule(
        "font.family",
        "PL I, I.4",
        "error",
        "All text is Times New Roman, on every font slot the characters use (themes and "
        "style defaults resolved).",
        _fonts,
    ),
    Rule("font.color", "PL I, I.4", "error", "All text is black.", _colour),
    Rule(
        "text.nfc",
        "PL I, I.4",
        "warning",
        "Text is precomposed Unicode (NFC), not base letters plus combining marks.",
        _nfc,
    ),
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
    Rule(
        "number.format",
        "PL I, II.3.c",
        "error",
        '"Số: NN/TYPE-BODY": colon after "Số", "/" and "-" without spaces, upper-case '
        "symbol, no year.",
        _number_format,
    ),
    Rule(
        "number.padding",
        "PL I, II.3.c",
        "error",
        "A number below 10 has a leading zero (05); no other number has one.",
        _number_padding,
    ),
    Rule(
        "number.type",
        "PL III, Mục I",
        "error",
        "The symbol starts with the abbreviation of the type name (BÁO CÁO → BC).",
        _number_type,
    ),
    Rule("number.size", "PL I, II.3.c", "error", '"Số: …" is 13 pt.', _number_size),
    Rule(
        "date.format",
        "PL I, II.4.b",
        "error",
        'The date line reads "<Place>, ngày DD tháng M năm YYYY" (capitalised place, comma, '
        "Arabic digits, a real date).",
        _date_format,
    ),
    Rule(
        "date.padding",
        "PL I, II.4.b",
        "error",
        'Days below 10 and months 1–2 have a leading zero; other months do not ("tháng 03" '
        "is wrong).",
        _date_padding,
    ),
    Rule(
        "date.wrapped",
        "PL I, II.4",
        "error",
        "The date line fits on one line of its column (measured).",
        _date_wrapped,
    ),
    Rule("date.italic", "PL I, II.4.c", "error", "The date line is italic.", _date_italic),
    Rule("date.size", "PL I, II.4.c", "error", "The date line is 13–14 pt.", _date_size),
    Rule(
        "date.position",
        "PL I, II.4.c",
        "error",
        'The date line is beside "Số:" (same table row or same line), level with it (measured, '
        "within 2 mm).",
        _date_position,
    ),
    Rule(
        "date.align",
        "PL I, II.4.c",
        "error",
        "The date line is centred under the Quốc hiệu and Tiêu ngữ.",
        _date_align,
    ),
    Rule(
        "unit.abolished",
        "PL I, II.2.a, II.4.a",
        "warning",
        "A document dated from 1 July 2025 on names no unit abolished that day (cấp huyện: "
        "huyện, quận, thị xã, thành phố thuộc tỉnh; thị trấn; a merged province) in its place "
        "name, parent or issuing body.",
        _abolished_units,
    ),
    Rule(
        "type.case",
        "PL I, II.5.b",
        "error",
        "The type name (BÁO CÁO, …) is upper case.",
        _type_case,
    ),
    Rule("type.bold", "PL I, II.5.b", "error", "The type name is bold.", _type_bold),
    Rule("type.align", "PL I, II.5.b", "error", "The type name is centred.", _type_align),
    Rule("type.size", "PL I, II.5.b", "error", "The type name is 13–14 pt.", _type_size),
    Rule("subject.bold", "PL I, II.5.b", "error", "The trích yếu is bold.", _subject_bold),
    Rule("subject.align", "PL I, II.5.b", "error", "The trích yếu is centred.", _subject_align),
    Rule("subject.size", "PL I, II.5.b", "error", "The trích yếu is 13–14 pt.", _subject_size),
    Rule(
        "subject.case",
        "PL I, II.5.b",
        "error",
        "The trích yếu is in normal case, not all upper case.",
        _subject_case,
    ),
    Rule(
        "subject.rule",
        "PL I, II.5.b",
        "error",
        "A solid line under the trích yếu, 1/3 to 1/2 of its longest line as wrapped (measured).",
        _subject_rule,
    ),
    Rule(
        "addressee.format",
        "PL I, II.9.d",
        "error",
        '"Kính gửi:" with a colon; several addressees one per line, "- …;", the last ending ".".',
        _addressee_format,
    ),
    Rule("addressee.size", "PL I, II.9.d", "error", "Kính gửi is 13–14 pt.", _addressee_size),
    Rule("basis.italic", "PL I, II.6.a", "error", "The căn cứ lines are italic.", _basis_italic),
    Rule(
        "basis.punctuation",
        "PL I, II.6.a",
        "error",
        'Each căn cứ ends with ";", the last with ".".',
        _basis_punctuation,
    ),
    Rule(
        "heading.bold",
        "PL I, II.6.đ",
        "error",
        "Headings are bold: Phần and its title, and the sections (mục) I, II, ….",
        _headings_bold,
    ),
    Rule("body.align", "PL I, II.6.e", "error", "Body paragraphs are justified.", _body_align),
    Rule(
        "body.indent",
        "PL I, II.6.e",
        "error",
        "Body paragraphs have a first-line indent of 1–1.27 cm.",
        _body_indent,
    ),
    Rule(
        "body.spacing",
        "PL I, II.6.e",
        "error",
        "At least 6 pt between body paragraphs (space after + space before).",
        _body_spacing,
    ),
    Rule(
        "body.line-spacing",
        "PL I, II.6.e",
        "error",
        "Line spacing from single to 1.5 lines.",
        _body_line_spacing,
    ),
    Rule("body.size", "PL I, II.6.e", "error", "Body text is 13–14 pt.", _body_size),
    Rule("body.end-mark", "PL III, Mẫu 1.4", "warning", 'The content ends with "./.".', _end_mark),
    Rule(
        "numbering.sections",
        "PL I, II.6.đ",
        "error",
        "Phần and sections (mục) are numbered I, II, III, … with no gap or repeat "
        "(sections restart in each Phần).",
        _numbering_sections,
    ),
    Rule(
        "numbering.items",
        "PL I, II.6.đ",
        "error",
        "Items (khoản) are numbered 1, 2, 3, … in each section, with no gap or repeat.",
        _numbering_items,
    ),
    Rule(
        "numbering.points",
        "PL I, II.6.đ",
        "error",
        "Points (điểm) follow the Vietnamese letters a b c d đ e g h i k l m n o p q r s t u "
        "v x y.",
        _numbering_points,
    ),
    Rule(
        "numbering.nested",
        "PL I, II.6.c",
        "warning",
        "No decimal nested numbering (1.1, 1.1.1).",
        _numbering_nested,
    ),
    Rule(
        "recipients.label",
        "PL I, II.9.d",
        "error",
        '"Nơi nhận:" is 12 pt, bold and italic, with a colon.',
        _recipients_label,
    ),
    Rule(
        "recipients.size",
        "PL I, II.9.d",
        "error",
        "The recipient lines are 11 pt.",
        _recipients_size,
    ),
    Rule(
        "recipients.lines",
        "PL I, II.9.d",
        "error",
        'Each recipient line starts with "-" and ends with ";" ("+" lines may follow a group '
        'ending ":"); the last is "- Lưu: VT, …." ending with ".".',
        _recipients_lines,
    ),
    Rule(
        "recipients.as-above",
        "PL I, II.9.b",
        "error",
        'With a Kính gửi, Nơi nhận lists "- Như trên;" for the bodies it names.',
        _recipients_as_above,
    ),
    Rule(
        "recipients.position",
        "PL I, II.9.d",
        "error",
        "Nơi nhận is beside the signature block (same table row), not below it.",
        _recipients_position,
    ),
    Rule(
        "signature.title",
        "PL I, II.7.đ",
        "error",
        "The authority and title lines of the signature are upper case and bold.",
        _signature_title,
    ),
    Rule(
        "signature.authority",
        "PL I, II.7.b",
        "error",
        'Authority prefixes are written exactly "TM.", "KT.", "TL.", "TUQ.", "Q." and one space.',
        _signature_authority,
    ),
    Rule(
        "signature.deputy",
        "PL I, II.7.b",
        "error",
        'A deputy (Phó …) signs under "KT." (ký thay) the head, unless TL. or TUQ.',
        _signature_deputy,
    ),
    Rule(
        "signature.own-title",
        "PL I, II.7.b",
        "error",
        "Under \"KT. <head's title>\" comes the signer's own title (PHÓ GIÁM ĐỐC).",
        _signature_own_title,
    ),
    Rule(
        "signature.name",
        "PL I, II.7.c",
        "error",
        "The signer's name is bold, in normal case, without academic titles.",
        _signature_name,
    ),
    Rule(
        "signature.size",
        "PL I, II.7.đ",
        "error",
        "The signature block is 13–14 pt.",
        _signature_size,
    ),
    Rule(
        "signature.placeholder",
        "PL III, Mẫu 1.4",
        "warning",
        'The form\'s annotation "(Chữ ký của người có thẩm quyền, …)" is not printed.',
        _signature_placeholder,
    ),
    Rule(
        "page-number.present",
        "PL I, I.7",
        "error",
        "Pages are numbered by a PAGE field in the header (not the footer) when the "
        "document has more than one page.",
        _page_present,
    ),
    Rule(
        "page-number.first-page",
        "PL I, I.7",
        "error",
        "Page 1 shows no number (different first page with an empty header).",
        _page_first,
    ),
    Rule("page-number.centred", "PL I, I.7", "error", "The page number is centred.", _page_centred),
    Rule("page-number.size", "PL I, I.7", "error", "The page number is 13–14 pt.", _page_size_pt),
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
