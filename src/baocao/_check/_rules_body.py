"""The rules of the body: the type name, the trích yếu, Kính gửi, the căn cứ, the headings,
paragraphs and their numbering, the end mark (PL I, II.5–6 and II.9).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._nd30 import SIZE_RANGES
from .._ooxml import Fragment, Para
from ._document import ParsedDocument
from ._finding import shorten
from ._patterns import loose, roman_value
from ._rule import (
    _ALIGN,
    Problem,
    Rule,
    _aggregate,
    _align_problem,
    _case_problem,
    _flag,
    _flag_problem,
    _pt,
    _share_problem,
    _size_problem,
    _where,
    _where_para,
)
from ._rules_numbering import PART, UPPER, numbering, read_label

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
_POINT_RE = re.compile(r"^([a-zđ])\)\s")


def _is_part(text: str) -> bool:
    """A Phần or Chương label in any of its forms ("Phần I", "PHẦN THỨ HAI", "Phần A")."""
    label = read_label(text)
    return label is not None and label.rank == PART


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
        _is_part(text)
        or _PART_RE.match(text)
        or _SECTION_RE.match(text)
        or _ITEM_RE.match(text)
        or _POINT_RE.match(text)
        or text.startswith(("-", "+"))
    )


def _section_number(text: str) -> int | None:
    match = _SECTION_RE.match(text)
    if match is None:  # issue 12: also "I-", "A.", "A-"
        label = read_label(text)
        return 1 if label is not None and label.rank == UPPER else None
    return roman_value(match[1])


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
            elif _is_part(text) or (after_part and para.fmt.align == "center"):
                kind = "heading"
                after_part = _is_part(text)
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


def _numbering_sections(doc: ParsedDocument) -> Iterator[Problem]:
    yield from numbering(doc, "sections")


def _numbering_items(doc: ParsedDocument) -> Iterator[Problem]:
    yield from numbering(doc, "items")


def _numbering_points(doc: ParsedDocument) -> Iterator[Problem]:
    yield from numbering(doc, "points")


def _numbering_nested(doc: ParsedDocument) -> Iterator[Problem]:
    yield from numbering(doc, "nested")


def _numbering_scheme(doc: ParsedDocument) -> Iterator[Problem]:
    yield from numbering(doc, "scheme")


BODY_RULES: tuple[Rule, ...] = (
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
        "Phần and sections (mục) are numbered I, II, III, … (or A, B, C, …; Phần thứ nhất, "
        "thứ hai, …) with no gap or repeat (sections restart in each Phần).",
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
        "Decimal numbers (1.1., 1.1.1., common practice, not the decree's) continue the "
        "number above them: 1.2. after 1.1., 2.1. only under 2.",
        _numbering_nested,
    ),
    Rule(
        "numbering.scheme",
        "PL I, II.6.đ",
        "error",
        'One scheme per level: its labels are written alike ("I." or "I-", Roman numerals '
        'or letters, "Phần I" or "Phần thứ nhất" or "PHẦN I").',
        _numbering_scheme,
    ),
)
"""The rows of the type name, the trích yếu and the content."""
