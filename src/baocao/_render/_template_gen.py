"""Build the default templates, ``templates/bao-cao.docx`` and ``templates/cong-van.docx``.

Run ``python -m baocao._render._template_gen [OUTPUT] [--form 1.5]`` to regenerate them; a
test checks that the committed files are what this module builds, so the formatting here
and in :mod:`._template_xml` is the reviewable source of truth. The layout follows Mẫu 1.4
of Nghị định 30/2020/NĐ-CP, Phụ lục III, and the element table of Phụ lục I (see
``shared/spec/nd30-format.md`` §1–§12):

* A4 portrait; margins top 20, bottom 20, left 30, right 15 mm (inside the legal ranges).
* Times New Roman on all four font slots, black, ``vi-VN``; size profile "14".
* Header: a borderless two-row table, 40 % / 60 % of the text width. Row 1: parent body,
  issuing body and its rule | Quốc hiệu, Tiêu ngữ and its rule. Row 2: "Số: …" | place
  and date (italic), so that the two sit on the same line.
* Type name and subject centred and bold, with the short rule under the subject.
* Body: justified, first-line indent 1.27 cm, 6 pt before each paragraph, 1.15 lines.
* Footer: a borderless table, Nơi nhận (12 pt bold italic label, 11 pt lines) beside the
  signature block (14 pt bold, upper case).
* Page number: a ``PAGE`` field centred in the header, hidden on the first page.
* Appendices: each in its own section, page numbering restarting at 1.

The công văn (Mẫu 1.5, ``cong-van.docx``) is the same page without the type name: the
trích yếu "V/v …" sits under "Số:" in the left column (its own style, BC Letter Subject:
13 pt, or 12 in profile "13", centred, 6 pt after the Số line), then Kính gửi and the body.

Every style is named "BC …" so that a user can restyle the template in Word. The
template's Jinja context is documented in ``templates/README.md``.
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
from collections.abc import Callable
from pathlib import Path

from .._ooxml import W_NS, normalise_zip
from ._template_xml import (
    MOTTO,
    NATIONAL_NAME,
    NSDECL,
    PAGE,
    STYLE_SIZES,
    _blocks_xml,
    _circulation,
    _contact,
    _draft_and_title,
    _footer_table,
    _header_table,
    _p,
    _page_number_xml,
    _ppr,
    _rule,
    _section_break,
    _style,
    _styles_xml,
    _subtitle,
    _tag,
    _units_line,
)
from ._upstream import new_document, parse_part, replace_part_xml, replace_styles_part

__all__ = ["FORMS", "MOTTO", "NATIONAL_NAME", "PAGE", "STYLE_SIZES", "build_template"]


def _addressees() -> list[str]:
    """Kính gửi (ô 9a): one addressee on the line, several as a dash list."""
    return [
        _tag("if addressee"),
        _p("BCAddressee", "Kính gửi: {{ addressee }}"),
        _tag("endif"),
        _tag("if addressee_lines"),
        _p("BCAddressee", "Kính gửi:"),
        _tag("for line in addressee_lines"),
        _p("BCAddresseeLine", "{{ line }}"),
        _tag("endfor"),
        _tag("endif"),
    ]


def _tail(header_rid: str, first_rid: str) -> list[str]:
    """Nơi nhận and the signature (ô 9b, 7), then the appendices, each in its section."""
    section_break = _section_break(header_rid, first_rid, final=False)
    return [
        _footer_table(),
        _tag("if appendices"),
        section_break,
        _tag("endif"),
        _tag("for ap in appendices"),
        _p("BCAppendixLabel", "{{ ap.label }}"),
        _p("BCAppendixTitle", "{{ ap.title }}"),
        _p("BCAppendixReference", "{{ ap.reference }}"),
        _rule(PAGE.text_width(), PAGE.text_width() / 4),
        _units_line(),
        _blocks_xml("ap.body"),
        _tag("if not loop.last"),
        section_break,
        _tag("endif"),
        _tag("endfor"),
        _section_break(header_rid, first_rid, final=True),
    ]


def _body_xml(header_rid: str, first_rid: str) -> str:
    """Mẫu 1.4: the type name and trích yếu centred under the header (ô 5a)."""
    parts = [
        _circulation(),
        _header_table(),
        _contact(),
        _draft_and_title(),
        _p("BCSubject", "{{ subject }}"),
        _rule(PAGE.text_width(), PAGE.text_width() / 4),
        _subtitle(),
        *_addressees(),
        _tag("for line in legal_bases"),
        _p("BCLegalBasis", "{{ line }}"),
        _tag("endfor"),
        _blocks_xml("body"),
        _p("BCBody"),
        *_tail(header_rid, first_rid),
    ]
    return f"<w:body {NSDECL}>" + "".join(parts) + "</w:body>"


def _letter_body_xml(header_rid: str, first_rid: str) -> str:
    """Mẫu 1.5: no type name; "V/v …" under "Số:" (ô 5b); Kính gửi; the body."""
    parts = [
        _circulation(),
        _header_table(_p("BCLetterSubject", "{{ letter_subject }}")),
        _contact(),
        _tag("if draft_mark"),
        _p("BCTitle", "{{ draft_mark }}"),
        _tag("endif"),
        *_addressees(),
        _blocks_xml("body"),
        _p("BCBody"),
        *_tail(header_rid, first_rid),
    ]
    return f"<w:body {NSDECL}>" + "".join(parts) + "</w:body>"


_TITLE = "Mẫu 1.4 – Văn bản có tên loại (Nghị định 30/2020/NĐ-CP)"

FORMS: dict[str, tuple[str, Callable[[str, str], str], str, tuple[str, ...]]] = {
    "1.4": ("bao-cao.docx", _body_xml, _TITLE, ()),
    "1.5": (
        "cong-van.docx",
        _letter_body_xml,
        "Mẫu 1.5 – Công văn (Nghị định 30/2020/NĐ-CP)",
        # ô 5b: "V/v …" centred under "Số:", 6 pt after it, upright (PL I, II.5.b)
        (_style("BCLetterSubject", "BC Letter Subject", ppr=_ppr(jc="center", before=120)),),
    ),
}
"""Each model form of Phụ lục III with a default template: its file, its body, its title
and the styles of its own."""


def build_template(form: str = "1.4") -> bytes:
    """Build the default template of ``form`` ("1.4", "1.5") as .docx bytes (deterministic)."""
    _name, body, title, own_styles = FORMS[form]
    document = new_document()
    part = document.part
    # Styles: replace python-docx's default styles with ours.
    replace_styles_part(document, _styles_xml(own_styles).encode())
    # Header parts: a page number for pages 2+, an empty header for page 1.
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    first = section.first_page_header
    first.is_linked_to_previous = False
    header_part = header.part
    replace_part_xml(header_part, _page_number_xml().encode())
    first_part = first.part
    replace_part_xml(
        first_part,
        f'<w:hdr {NSDECL}><w:p><w:pPr><w:pStyle w:val="BCPageNumber"/></w:pPr></w:p>'
        "</w:hdr>".encode(),
    )
    header_rid = next(rid for rid, rel in part.rels.items() if rel.target_part is header_part)
    first_rid = next(rid for rid, rel in part.rels.items() if rel.target_part is first_part)
    # Settings: a line that ends with a manual line break (Shift+Enter, or "\n" in a
    # value) is not stretched in a justified paragraph.
    settings = document.settings.element
    compat = settings.find(f"{{{W_NS}}}compat")
    if compat is None:
        compat = parse_part(f"<w:compat {NSDECL}/>")
        settings.append(compat)
    compat.insert(0, parse_part(f"<w:doNotExpandShiftReturn {NSDECL}/>"))
    # Body.
    body = parse_part(body(header_rid, first_rid).encode())
    document.element.replace(document.element.body, body)
    # Core properties: nothing that changes from one build to the next.
    props = document.core_properties
    props.author = "baocao"
    props.title = title
    props.comments = "Generated by baocao._template_gen; see templates/README.md"
    props.last_modified_by = "baocao"
    props.revision = 1
    props.language = "vi-VN"
    props.keywords = ""
    props.subject = ""
    props.category = ""
    props.identifier = ""
    props.content_status = ""
    props.version = ""
    fixed = _dt.datetime(2020, 3, 5, 0, 0, 0)
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    """Write every form's template into ``templates/``, or one form's (``--form``) to a file."""
    args = sys.argv[1:] if argv is None else argv
    forms = list(FORMS)
    if "--form" in args:
        at = args.index("--form")
        forms = [args[at + 1]]
        args = args[:at] + args[at + 2 :]
    for form in forms:
        here = Path(__file__).resolve().parents[3] / "templates" / FORMS[form][0]
        target = Path(args[0]) if args else here
        target.write_bytes(build_template(form))
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
