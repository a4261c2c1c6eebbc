"""The rules of the page: the parts present, paper, orientation, margins, fonts, colour,
Unicode (PL I, I), and the page numbers (PL I, I.7).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from .._nd30 import MARGIN_RANGES
from .._ooxml import Para, RunFormat
from ._document import ParsedDocument
from ._marks import is_urgency
from ._rule import _ALIGN, TNR, Problem, Rule, _aggregate, _mm, _pt, _where_para

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
    # issue 12: a report printed with neither its number nor its date line (a báo cáo
    # chuyên đề handed out at a conference) lacks both on purpose; one alone is missing.
    neither = el.number is None and el.date is None and el.issuer != ()
    letter = el.letter_subject != ()  # issue 13: a công văn has no type name
    for attr, name, expected in _COMPONENTS:
        if neither and attr in ("number", "date"):
            continue
        if letter and attr in ("type_name", "subject"):
            continue
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
    # issue 12: the urgency mark is stamped in bright red (PL I, III.2.b)
    red = [f.para for f in doc.elements.marks if is_urgency(f.text)]
    for para in _all_paras(doc):
        if any(para is mark for mark in red):
            continue
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


PAGE_RULES: tuple[Rule, ...] = (
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
)
"""The rows of the page, first in the table."""


PAGE_NUMBER_RULES: tuple[Rule, ...] = (
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
)
"""The rows of the page numbers, after those of the tail."""
