"""The rules of the number and the date of the header (ô 3–4): "Số: …/…", the place and date
line, and the units abolished by that date (PL I, II.3–4).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

import attrs

from .._nd30 import SIZE_RANGES
from .._ooxml import Fragment
from . import _units
from ._document import ParsedDocument
from ._finding import shorten
from ._patterns import TYPE_TITLES, loose
from ._rule import (
    _TYPE_ABBREVIATIONS,
    Problem,
    Rule,
    _align_problem,
    _arabic,
    _flag_problem,
    _mm,
    _size_problem,
    _where,
    _wrap_problem,
)
from ._rules_header import _ISSUER, _PARENT

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


def _date_wrapped(doc: ParsedDocument) -> Iterator[Problem]:
    fragment = doc.elements.date
    if fragment is not None and "\n" not in fragment.text:
        yield from _wrap_problem(
            _DATE, fragment, "one line (widen its column, or narrow the issuing body's)"
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


NUMBER_DATE_RULES: tuple[Rule, ...] = (
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
)
"""The rows of "Số:", the date line and the abolished units."""
