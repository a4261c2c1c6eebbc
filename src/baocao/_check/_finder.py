"""The finder: the parts of a report (:class:`Elements`) found by their content in a
parsed document, wherever the layout puts them — the header block and the issuing body,
the trích yếu and Kính gửi, the content, Nơi nhận and the signature, the appendices — and
the lines drawn under the Tiêu ngữ, the issuing body and the trích yếu
(:func:`find_rule_line`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from .._nd30 import DRAFT_MARK, RULE_SHARE
from .._ooxml import DASHES, Fragment, Para, WordDocument, fragment_width_mm, longest_wrapped_mm
from ._marks import after_subtitle, find_marks, is_reference_line, issuer_anchor, subtitle_of
from ._patterns import (
    DATE_RE,
    LETTER_RE,
    LOOSE_NATIONAL,
    NUMBER_RE,
    PLACEHOLDER_RE,
    TYPE_TITLES,
    heading_number,
    is_rule_text,
    loose,
    motto_words,
)


@attrs.frozen(eq=False)
class RuleLine:
    """The line drawn under the Tiêu ngữ, the issuing body or the trích yếu.

    ``kind``: ``"border"`` (a paragraph bottom border), ``"shape"`` (a drawn line),
    ``"typed"`` (underscores), ``"underline"`` (the text itself is underlined).
    """

    kind: Literal["border", "shape", "typed", "underline"]
    length_mm: float
    para: Para


@attrs.frozen(eq=False)
class Appendix:
    """A Phụ lục: its label paragraph, title, reference line and content."""

    label: Para
    title: tuple[Para, ...]
    reference: Para | None
    content: tuple[Para, ...]


@attrs.frozen(eq=False)
class Elements:
    """The parts of the report, found by their content (``None``/empty when absent)."""

    national_name: Fragment | None = None
    motto: Fragment | None = None
    motto_line: RuleLine | None = None
    parent: tuple[Fragment, ...] = ()
    issuer: tuple[Fragment, ...] = ()
    issuer_line: RuleLine | None = None
    number: Fragment | None = None
    date: Fragment | None = None
    type_name: Fragment | None = None
    subject: tuple[Fragment, ...] = ()
    subject_line: RuleLine | None = None
    # issue 13: a công văn (Mẫu 1.5): no type name, the trích yếu "V/v …" under "Số:"
    letter_subject: tuple[Fragment, ...] = ()
    addressee: tuple[Fragment, ...] = ()
    content: tuple[Para, ...] = ()
    recipients_label: Fragment | None = None
    recipients: tuple[Fragment, ...] = ()
    signature: tuple[Fragment, ...] = ()
    signer: Fragment | None = None
    placeholders: tuple[Fragment, ...] = ()
    appendices: tuple[Appendix, ...] = ()
    # issue 12: the draft mark, the subtitle, the marks of ô 10-11
    draft: Fragment | None = None
    subtitle: tuple[Fragment, ...] = ()
    marks: tuple[Fragment, ...] = ()
    # issue 12: signatures side by side (a joint report, Mẫu 1.9): the blocks left of
    # ``signature``/``signer``, which hold the right-most one.
    cosignatures: tuple[SignatureBlock, ...] = ()


@attrs.frozen(eq=False)
class SignatureBlock:
    """One signature block of several side by side: its title lines and the signer."""

    lines: tuple[Fragment, ...]
    signer: Fragment | None


def _content_paras(doc: WordDocument) -> list[Para]:
    return [p for p in doc.paragraphs if p.container.kind in ("body", "cell", "textbox", "frame")]


def _is_type_name(fragment: Fragment) -> bool:
    return loose(fragment.text) in TYPE_TITLES


def _column_side(fragment: Fragment) -> tuple[int, int, int]:
    container = fragment.para.container
    if container.kind == "cell":
        return (container.table, container.column, 0)
    if container.kind == "frame":
        return (-2, container.textbox, 0)
    return (-1, -1, 0 if fragment.chunk == 0 else 1)


def find_rule_line(
    doc: WordDocument, fragments: Sequence[Fragment], expected_mm: float
) -> RuleLine | None:
    """The line drawn under ``fragments`` (an element of one or more lines).

    Looked for, in order: a bottom border on the element's last paragraph; a drawn line in
    it; then in up to three following blank paragraphs of the same container: a bottom
    border, a drawn line, or a line typed as underscores. Last, the element's own text
    underlined. Of several drawn lines, the one closest to ``expected_mm`` is taken.
    """
    if not fragments:
        return None
    last = fragments[-1]
    para = last.para
    whole = all(f.whole_line for f in fragments)
    candidates: list[RuleLine] = []
    if whole and para.fmt.border_bottom:
        return RuleLine("border", para.width_mm, para)
    candidates += [RuleLine("shape", s.length_mm, para) for s in para.shapes]
    following = para
    for _ in range(3):
        nxt = doc.next_in_container(following)
        if nxt is None or nxt.container.key != para.container.key:
            break
        following = nxt
        text = nxt.text.strip()
        typed = [f for f in nxt.fragments if is_rule_text(f.text)]
        if text and not typed:
            break
        candidates += [RuleLine("shape", s.length_mm, nxt) for s in nxt.shapes]
        if candidates:
            break
        if typed:
            side = _column_side(last)[2]
            same_side = [f for f in typed if _column_side(f)[2] == side] or typed
            return RuleLine("typed", fragment_width_mm(same_side[0]), nxt)
        if nxt.fmt.border_bottom and not text:
            return RuleLine("border", nxt.width_mm, nxt)
    if candidates:
        return min(candidates, key=lambda c: abs(c.length_mm - expected_mm))
    inked = [s for f in fragments for s in f.inked]
    if inked and all(s.fmt.underline for s in inked):
        return RuleLine("underline", sum(fragment_width_mm(f) for f in fragments), para)
    return None


def _is_bold(fragment: Fragment) -> bool:
    inked = fragment.inked
    return bool(inked) and sum(len(s.text) for s in inked if s.fmt.bold) * 2 > sum(
        len(s.text) for s in inked
    )


def find_elements(doc: WordDocument) -> Elements:
    """Find the parts of a report in ``doc`` by their content.

    The header (ô 1–4) is what comes before the type name (BÁO CÁO, KẾ HOẠCH, … of
    Mẫu 1.4): there the Quốc hiệu and the Tiêu ngữ are recognised by their words (any case,
    any dash, old or new tone marks), "Số" by the pattern ``Số: …/…``, the date line by
    "ngày … tháng … năm". The issuing body and its parent body are the lines above "Số:"
    in the same column (table column, or left of a tab): the issuing body is the last group
    of lines of the same weight, the parent body the lines above it. The trích yếu follows
    the type name, then "Kính gửi"; the content runs from there to the footer ("Nơi nhận:"
    and the signature block beside it), and the appendices start at a "Phụ lục" heading.
    """
    paras = _content_paras(doc)
    fragments = [f for p in paras for f in p.fragments]
    found: dict[str, Any] = {}
    head = fragments[:60]
    type_name = next((f for f in head if _is_type_name(f)), None)
    header = head[: head.index(type_name)] if type_name is not None else head
    for fragment in header:
        text = loose(fragment.text)
        if "national_name" not in found and text == LOOSE_NATIONAL:
            found["national_name"] = fragment
        elif "motto" not in found and motto_words(text):
            found["motto"] = fragment
        elif "number" not in found and NUMBER_RE.match(fragment.text):
            found["number"] = fragment
        elif "date" not in found and DATE_RE.search(fragment.text):
            found["date"] = fragment
    found["type_name"] = type_name
    found.update(find_marks(header))  # issue 12
    marks = [found[k] for k in ("national_name", "motto", "number", "date") if k in found]
    if "number" in found:
        found["parent"], found["issuer"] = _issuer_block(doc, header, found["number"], marks)
    elif "date" not in found and "national_name" in found:
        # issue 12: a report printed without its number and date line (báo cáo chuyên đề)
        anchor = issuer_anchor(header, found["national_name"], marks)
        if anchor is not None:
            found["parent"], found["issuer"] = _issuer_block(doc, header, anchor, marks, last=True)
    body_start = 0
    if type_name is not None:
        body_start, found["subject"], found["addressee"] = _front(paras, type_name)
    elif "number" in found:  # issue 13: a công văn
        letter = _letter_subject(header, found["number"])
        if letter:
            found["letter_subject"] = letter
            body_start = _letter_front(paras, letter[-1].para)
            body_start, found["addressee"] = _addressee(paras, body_start)
    footer_start, label, recipients, signature = _footer(paras, body_start)
    found["recipients_label"] = label
    found["recipients"] = tuple(recipients)
    notes = _annotations(signature)
    placeholders = [f for f in signature if f.text.startswith("(")]
    blocks = [[f for f in block if f not in notes] for block in _side_by_side(signature)]
    lines = blocks[-1] if blocks else []
    found["signature"] = tuple(lines[:-1])
    found["signer"] = lines[-1] if lines else None
    found["cosignatures"] = tuple(
        SignatureBlock(lines=tuple(b[:-1]), signer=b[-1]) for b in blocks[:-1]
    )
    found["placeholders"] = tuple(f for f in placeholders if PLACEHOLDER_RE.match(f.text))
    last_footer = max(
        (f.para.index for f in [*signature, *recipients] + ([label] if label else [])), default=-1
    )
    labels = [
        i
        for i, p in enumerate(paras)
        if i >= body_start
        and p.index > last_footer
        and p.container.kind == "body"
        and re.fullmatch(r"phụlục(?:số)?(?:[ivxlc]+|\d+)?", loose(p.text))
    ]
    footer_start = min([footer_start, *labels[:1]])
    if type_name is not None or found.get("letter_subject"):
        found["content"] = tuple(paras[body_start:footer_start])
    if type_name is not None:
        found["subtitle"] = subtitle_of(paras, type_name.para, body_start)
    found["appendices"] = tuple(
        _appendix(paras, begin, labels[n + 1] if n + 1 < len(labels) else len(paras))
        for n, begin in enumerate(labels)
    )
    motto = found.get("motto")
    if motto is not None:
        found["motto_line"] = find_rule_line(doc, [motto], fragment_width_mm(motto))
    if found.get("issuer"):
        longest = longest_wrapped_mm(found["issuer"])
        found["issuer_line"] = find_rule_line(doc, found["issuer"], longest * 0.4)
    if found.get("subject"):
        longest = longest_wrapped_mm(found["subject"])
        found["subject_line"] = find_rule_line(doc, found["subject"], longest * 0.4)
    return Elements(**found)


def _issuer_block(
    doc: WordDocument,
    header: Sequence[Fragment],
    number: Fragment,
    marks: Sequence[Fragment],
    *,
    last: bool = False,
) -> tuple[tuple[Fragment, ...], tuple[Fragment, ...]]:
    """(parent body lines, issuing body lines): the lines above "Số:" in its column.

    The issuing body is bold and its parent is not (PL I, II.2), so the last lines of one
    weight are the issuing body. When every line has the same weight and they make several
    paragraphs, the line drawn under the issuing body decides: if it fits (1/3 to 1/2) the
    last paragraph and not the whole block, the paragraphs above are the parent body.
    With ``last``, ``number`` is the last line of the column itself (a header without
    "Số:").
    """
    column = _column_side(number)
    above = [
        f
        for f in header[: header.index(number) + (1 if last else 0)]
        if _column_side(f) == column and f not in marks and not is_rule_text(f.text)
    ]
    issuer: list[Fragment] = []
    for fragment in reversed(above):
        if issuer and _is_bold(fragment) != _is_bold(issuer[0]):
            break
        issuer.insert(0, fragment)
    parent = above[: len(above) - len(issuer)]
    last_para = issuer[-1].para if issuer else None
    if not parent and last_para is not None and issuer[0].para is not last_para:
        line = find_rule_line(doc, issuer, longest_wrapped_mm(issuer) * 0.4)
        tail = [f for f in issuer if f.para is last_para]
        if (
            line is not None
            and not fits_share(line.length_mm, issuer)
            and fits_share(line.length_mm, tail)
        ):
            return tuple(issuer[: len(issuer) - len(tail)]), tuple(tail)
    return tuple(parent), tuple(issuer)


def fits_share(length_mm: float, fragments: Sequence[Fragment]) -> bool:
    """True when ``length_mm`` is 1/3 to 1/2 of the longest line of ``fragments``."""
    longest = longest_wrapped_mm(fragments)
    low, high = RULE_SHARE
    return longest * low - 0.5 <= length_mm <= longest * high + 0.5


def _starts_block(text: str) -> bool:
    folded = loose(text)
    return folded.startswith("kínhgửi") or folded.startswith("căncứ") or heading_number(text)


def _front(
    paras: Sequence[Para], type_name: Fragment
) -> tuple[int, tuple[Fragment, ...], tuple[Fragment, ...]]:
    """Where the content starts, the trích yếu lines and the Kính gửi lines."""
    subject = [f for f in type_name.para.fragments if f.line > type_name.line]
    cursor = paras.index(type_name.para) + 1
    subject_paras: list[Para] = [type_name.para] if subject else []
    while cursor < len(paras) and not (
        subject_paras and (subject_paras[-1].fmt.border_bottom or subject_paras[-1].shapes)
    ):
        para = paras[cursor]
        text = para.text.strip()
        if not text:
            if subject_paras or para.shapes:
                break
            cursor += 1
            continue
        if (
            _starts_block(para.numbered_text)
            or is_rule_text(text)
            or para.in_table
            or len(subject_paras) >= 3
            or (subject_paras and not _continues(subject_paras[-1], para))
        ):
            break
        subject_paras.append(para)
        subject += list(para.fragments)
        cursor += 1
    while cursor < len(paras) and (paras[cursor].empty or is_rule_text(paras[cursor].text)):
        cursor += 1
    cursor = after_subtitle(paras, cursor)  # issue 12
    cursor, addressee = _addressee(paras, cursor)
    return cursor, tuple(subject), addressee


def _letter_subject(header: Sequence[Fragment], number: Fragment) -> tuple[Fragment, ...]:
    """The lines of a công văn's "V/v …" paragraph after "Số:", if any (the rule
    ``letter.subject`` says where it should be: in the column of "Số:")."""
    after = header[header.index(number) + 1 :]
    start = next((f for f in after if LETTER_RE.match(f.text)), None)
    if start is None:
        return ()
    return tuple(f for f in start.para.fragments if f.line >= start.line)


_LOOSE_DRAFT = loose(DRAFT_MARK)


def _letter_front(paras: Sequence[Para], letter_para: Para) -> int:
    """Where a công văn's Kính gửi (or its content) starts: the first paragraph after the
    header table and the marks, outside the table."""
    cursor = paras.index(letter_para) + 1
    while cursor < len(paras) and (
        paras[cursor].in_table
        or paras[cursor].empty
        or paras[cursor].container.kind != "body"
        or is_rule_text(paras[cursor].text)
        or loose(paras[cursor].text) == _LOOSE_DRAFT  # a draft's "DỰ THẢO" above Kính gửi
    ):
        cursor += 1
    return after_subtitle(paras, cursor)


def _addressee(paras: Sequence[Para], cursor: int) -> tuple[int, tuple[Fragment, ...]]:
    """The Kính gửi lines at ``cursor``, if any, and where the content starts after them."""
    addressee: list[Fragment] = []
    if cursor < len(paras) and loose(paras[cursor].text).startswith("kínhgửi"):
        addressee += paras[cursor].fragments
        cursor += 1
        rest = loose(addressee[0].text)[len("kínhgửi") :].lstrip(":")
        if not rest and len(addressee) == 1:
            while cursor < len(paras) and paras[cursor].text.strip()[:1] in DASHES:
                addressee += paras[cursor].fragments
                cursor += 1
                if paras[cursor - 1].text.rstrip().endswith("."):
                    break
    return cursor, tuple(addressee)


def _continues(previous: Para, para: Para) -> bool:
    """True when ``para`` can be the next line of a trích yếu ending with ``previous``: same
    alignment and weight, and neither an upper-case line (a title or a signature line) nor
    the continuation of an upper-case one (an all-caps trích yếu is one paragraph; what
    follows it is not part of it)."""
    fragments = para.fragments

    def upper(p: Para) -> bool:
        shown = " ".join(f.shown for f in p.fragments)
        return shown == unicodedata.normalize("NFC", shown.upper())

    return (
        para.fmt.align == previous.fmt.align
        and bool(fragments)
        and _is_bold(fragments[0]) == _is_bold(previous.fragments[-1])
        and not upper(para)
        and not upper(previous)
    )


def _is_dash_line(text: str) -> bool:
    return text[:1] in DASHES + "+•" or loose(text).startswith("lưu")


def _footer(
    paras: Sequence[Para], body_start: int
) -> tuple[int, Fragment | None, list[Fragment], list[Fragment]]:
    """(start of the footer, "Nơi nhận:" label, recipient lines, signature block)."""
    label = next(
        (
            f
            for p in paras[body_start:]
            for f in p.fragments
            if loose(f.text).startswith("nơinhận") and len(loose(f.text)) <= len("nơinhận:")
        ),
        None,
    )
    recipients: list[Fragment] = []
    signature: list[Fragment] = []
    footer_start = len(paras)
    if label is not None and label.para.container.kind == "cell":
        box = label.para.container
        table = [p for p in paras if p.container.kind == "cell" and p.container.table == box.table]
        footer_start = paras.index(table[0])
        for para in table:
            if para.container.row != box.row:
                continue
            if para.container.column == box.column:
                recipients += [
                    f
                    for f in para.fragments
                    if (para.index, f.line) > (label.para.index, label.line)
                ]
            else:
                signature += list(para.fragments)
        if not signature:  # the signature is in another row of the table
            signature = [f for p in table if p.container.key != box.key for f in p.fragments]
        return footer_start, label, recipients, signature
    if label is not None:
        position = paras.index(label.para)
        footer_start = position
        signature += [f for f in label.para.fragments if f.line == label.line and f.chunk > 0]
        recipients += [f for f in label.para.fragments if f.line > label.line]
        cursor = position + 1
        while cursor < len(paras) and cursor - position <= 25:
            para = paras[cursor]
            left = [f for f in para.fragments if f.chunk == 0]
            right = [f for f in para.fragments if f.chunk > 0]
            if para.in_table or (left and not _is_dash_line(left[0].text)):
                break
            recipients += left
            signature += right
            cursor += 1
        if signature:
            return footer_start, label, recipients, signature
        before = list(paras[body_start:position])
        after = [p for p in paras[cursor:] if p.container.kind == "body"]
        block = (
            _short_block(reversed(before))
            or _short_block(after, forward=True)
            or _short_block(reversed(before), tables=True)  # a signature table above
        )
        if block and block[0].para.index < label.para.index:
            footer_start = paras.index(block[0].para)
        return footer_start, label, recipients, block
    block = _short_block(reversed(list(paras[body_start:])))
    if block:
        footer_start = paras.index(block[0].para)
    return footer_start, None, recipients, block


def _side_by_side(fragments: Sequence[Fragment]) -> list[list[Fragment]]:
    """The signature blocks in ``fragments``: one per table column when two or more
    columns each hold a block (a title line and a name, Mẫu 1.9), else one."""
    columns: dict[tuple[int, int], list[Fragment]] = {}
    for fragment in fragments:
        container = fragment.para.container
        key = (container.table, container.column) if container.kind == "cell" else (-1, -1)
        columns.setdefault(key, []).append(fragment)
    blocks = [block for block in columns.values() if block]
    if len(blocks) > 1 and all(len(block) >= 2 for block in blocks):
        return sorted(blocks, key=lambda block: block[0].para.container.column)
    return [list(fragments)] if fragments else []


def _annotations(fragments: Sequence[Fragment]) -> list[Fragment]:
    """The lines of ``fragments`` that are annotations in parentheses: a line that opens
    one, and the lines that follow until it closes ("(Chữ ký của người có thẩm quyền," /
    "dấu/chữ ký số của cơ quan, tổ chức)" is one annotation, not a title)."""
    out: list[Fragment] = []
    depth = 0
    for fragment in fragments:
        text = fragment.text
        if depth > 0 or text.startswith("("):
            out.append(fragment)
            depth = max(0, depth + text.count("(") - text.count(")"))
    return out


def _short_block(
    paras: Iterable[Para], *, forward: bool = False, tables: bool = False
) -> list[Fragment]:
    """The signature block written as plain paragraphs (or, with ``tables``, in the cells of
    a table), read next to the footer: upper-case title lines then the signer's name (read
    backwards from the footer, or forwards with ``forward``), with annotations in
    parentheses allowed between them."""
    fragments = [
        f
        for para in paras
        if tables or not para.in_table
        for f in (para.fragments if forward else reversed(para.fragments))
    ]
    noted = set(_annotations(fragments if forward else fragments[::-1]))
    titles: list[Fragment] = []
    notes: list[Fragment] = []
    name: Fragment | None = None
    for fragment in fragments:
        text = fragment.shown
        if (
            len(text) > 80
            or text.endswith("./.")
            or _is_dash_line(text)
            or heading_number(text)
            or loose(text).startswith("nơinhận")
        ):
            break
        if fragment in noted:
            notes.append(fragment)
            continue
        upper = text == unicodedata.normalize("NFC", text.upper())
        if forward:
            if upper:
                titles.append(fragment)
                continue
            name = fragment
            break
        if name is None:
            if upper:
                break
            name = fragment
        elif upper:
            titles.append(fragment)
        else:
            break
    if name is None or not titles:
        return []
    block = [*titles, *notes, name]
    return sorted(block, key=lambda f: (f.para.index, f.line, f.chunk))


def _appendix(paras: Sequence[Para], begin: int, end: int) -> Appendix:
    """A Phụ lục: its label (at ``begin``), title, "(Kèm theo …)" line and content."""
    cursor = begin + 1
    title: list[Para] = []
    reference = None
    while cursor < end:
        para = paras[cursor]
        text = para.text.strip()
        if para.in_table:
            break
        if is_reference_line(text):
            reference = para
            cursor += 1
            break
        if not text:
            cursor += 1
            if title:
                break
            continue
        if title and (para.fmt.align != "center" or len(title) >= 3):
            break
        title.append(para)
        cursor += 1
    while (
        cursor < end
        and (paras[cursor].empty or is_rule_text(paras[cursor].text))
        and not paras[cursor].in_table
    ):
        cursor += 1
    return Appendix(paras[begin], tuple(title), reference, tuple(paras[cursor:end]))
