"""§1 Any text, faithfully: whatever text comes in is in the .docx exactly, or refused.

Every text field of the model gets arbitrary Unicode, XML specials, Jinja syntax and
copy-paste whitespace; the .docx must open with python-docx and hold the text after NFC
with the mappings of ``docs/errors.md`` (``\\v``/``\\n`` a line break, ``\\t`` a tab,
``\\f`` a page break). Characters XML 1.0 cannot carry are refused, naming the field and
the code point. A few hostile reports also go through LibreOffice.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import baocao
from baocao import _model as m
from baocao._model import layout_problem
from baocao._render._context import END_MARK
from baocao._text import nfc, upper

from .conftest import make_report, minimal_data, open_docx, require_tools
from .strategies import (
    FORBIDDEN,
    SPECIAL_PIECES,
    as_rendered,
    document_paragraphs,
    laid_out,
    lay_out,
    letter_first,
    line_texts,
    nonblank_texts,
    normal_case,
    place_texts,
    rendered_all,
    reports,
    texts,
)

FIXED = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DATE_TEXT = "ngày 05 tháng 3 năm 2026"  # make_report's date


# --------------------------------------------------------------------------- the oracle


def _blocks(blocks: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if block["kind"] == "table":
            out += block["header"]
            for row in [*block["rows"], *([block["totals"]] if block["totals"] else [])]:
                out += [cell["text"] for cell in row]
        elif block["kind"] == "part":
            out += [block["label"], block["text"]]
        elif block["label"]:
            out.append(f"{block['label']} {block['text']}")
        else:
            out.append(block["text"])
    return out


def expected_from_context(ctx: dict[str, Any]) -> list[str]:
    """What baocao's template prints, in order, from the values of the context."""
    out = [ctx["issuer"]["parent_upper"]] if ctx["issuer"]["parent_upper"] else []
    out += [
        ctx["issuer"]["name_upper"],
        *FIXED,
        ctx["number_line"],
        ctx["place_date"],
        ctx["doc_type"]["title_upper"],
        ctx["subject"],
    ]
    if ctx["addressee"] is not None:
        out.append(f"Kính gửi: {ctx['addressee']}")
    elif ctx["addressee_lines"]:
        out += ["Kính gửi:", *ctx["addressee_lines"]]
    out += ctx["legal_bases"]
    out += _blocks(ctx["body"])
    out += ["Nơi nhận:", *ctx["recipient_lines"]]
    out += [*ctx["signature"]["lines"], ctx["signature"]["name"]]
    for appendix in ctx["appendices"]:
        out += [appendix["label"], appendix["title"], appendix["reference"]]
        out += _blocks(appendix["body"])
    return out


def _read(report: baocao.Report) -> list[str]:
    return [p for p in document_paragraphs(baocao.render(report)) if p]


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_every_text_field_round_trips(report: baocao.Report) -> None:
    """Hostile text in every field at once: the document holds what the context holds."""
    ctx = baocao.context(report)
    assert _read(report) == rendered_all(expected_from_context(ctx))


# --------------------------------------------------------------------------- field by field

Build = Callable[[str], baocao.Report]
Expect = Callable[[str], list[str]]


def _section(*body: Any, **fields: Any) -> list[baocao.Section]:
    return [baocao.Section(title="Mục", body=list(body), **fields)]


def _punctuated(text: str, end: str) -> str:
    line = text.rstrip()
    return line if end == "." and line.endswith(".") else line + end


def _closed(text: str) -> str:
    text = text.rstrip(" ")
    if text.endswith(END_MARK):
        return text
    return text + ("/." if text.endswith(".") else END_MARK)


def _filing(text: str) -> str:
    return text if text.endswith(".") else text + "."


# (field, build a report with the text there, the paragraphs the document must show)
FIELDS: list[tuple[str, Build, Expect]] = [
    (
        "issuer.name",
        lambda t: make_report(issuer=baocao.Issuer(name=t, abbreviation="SNV")),
        lambda t: [upper(t)],
    ),
    (
        "issuer.parent",
        lambda t: make_report(issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV", parent=t)),
        lambda t: [upper(t), "SỞ NỘI VỤ"],
    ),
    ("place", lambda t: make_report(place=t), lambda t: [f"{t}, {DATE_TEXT}"]),
    ("subject", lambda t: make_report(subject=t), lambda t: ["BÁO CÁO", t]),
    ("addressees[0]", lambda t: make_report(addressees=[t]), lambda t: [f"Kính gửi: {t}"]),
    (
        "addressees[1]",
        lambda t: make_report(addressees=["Bộ Nội vụ", t]),
        lambda t: ["- Bộ Nội vụ;", "- " + _punctuated(t, ".")],
    ),
    (
        "legal_bases[0]",
        lambda t: make_report(legal_bases=[t, "Căn cứ"]),
        lambda t: [_punctuated(t, ";"), "Căn cứ."],
    ),
    (
        "parts[0].title",
        lambda t: make_report(sections=[], parts=[baocao.Part(title=t, sections=_section("Đoạn"))]),
        lambda t: ["Phần I", upper(t)],
    ),
    (
        "sections[0].title",
        lambda t: make_report(sections=[baocao.Section(title=t, body=["Đoạn"])]),
        lambda t: [f"I. {upper(t)}"],
    ),
    (
        "items[0].title",
        lambda t: make_report(sections=_section(items=[baocao.Item(title=t, body=["Đoạn"])])),
        lambda t: [f"1. {t}", "Đoạn./."],
    ),
    (
        "items[0].text",
        lambda t: make_report(sections=_section(items=[baocao.Item(text=t)]), closing=["Hết"]),
        lambda t: [f"1. {t}", "Hết./."],
    ),
    (
        "points[0]",
        lambda t: make_report(
            sections=_section(items=[baocao.Item(title="Khoản", points=[t])]), closing=["Hết"]
        ),
        lambda t: ["1. Khoản", f"a) {t}", "Hết./."],
    ),
    (
        "dash",
        lambda t: make_report(sections=_section(baocao.Dash(t), "Hết")),
        lambda t: [f"- {t}", "Hết./."],
    ),
    ("paragraph", lambda t: make_report(sections=_section(t, "Hết")), lambda t: [t, "Hết./."]),
    (
        "paragraph pieces",
        lambda t: make_report(
            sections=_section(baocao.Paragraph([t, baocao.Number(1341), t]), "Hết")
        ),
        lambda t: [f"{t}1.341{t}", "Hết./."],
    ),
    ("the last paragraph", lambda t: make_report(closing=[t]), lambda t: [_closed(t)]),
    (
        "table header",
        lambda t: make_report(
            sections=_section(baocao.Table(header=[t, "B"], rows=[["x", 1]]), "Hết")
        ),
        lambda t: [t, "B", "x", "1", "Hết./."],
    ),
    (
        "table cell",
        lambda t: make_report(
            sections=_section(baocao.Table(header=["A", "B"], rows=[[t, 1]], totals=[t, 2]), "Hết")
        ),
        lambda t: ["A", "B", t, "1", t, "2", "Hết./."],
    ),
    (
        "recipients[0]",
        lambda t: make_report(recipients=[t]),
        lambda t: ["Nơi nhận:", "- " + _punctuated(t, ";"), "- Lưu: VT."],
    ),
    (
        "filing.unit",
        lambda t: make_report(filing=baocao.Filing(unit=t)),
        lambda t: [_filing(f"- Lưu: VT, {t}")],
    ),
    (
        "filing.drafter",
        lambda t: make_report(filing=baocao.Filing(unit="VP", drafter=t)),
        lambda t: [f"- Lưu: VT, VP. {t}."],
    ),
    (
        "signatory.name",
        lambda t: make_report(signatory=baocao.Signatory(name=t, title="Giám đốc")),
        lambda t: ["GIÁM ĐỐC", t],
    ),
    (
        "signatory.title",
        lambda t: make_report(signatory=baocao.Signatory(name="Nguyễn Văn A", title=t)),
        lambda t: [upper(t), "Nguyễn Văn A"],
    ),
    (
        "signatory.acting_for",
        lambda t: make_report(
            signatory=baocao.Signatory(
                name="Nguyễn Văn A", title="Phó Giám đốc", authority="KT.", acting_for=t
            )
        ),
        lambda t: [f"KT. {upper(t)}", "PHÓ GIÁM ĐỐC"],
    ),
    (
        "signatory.collective",
        lambda t: make_report(
            signatory=baocao.Signatory(
                name="Nguyễn Văn A",
                title="Phó Chủ tịch",
                authority="KT.",
                acting_for="Chủ tịch",
                collective=t,
            )
        ),
        lambda t: [f"TM. {upper(t)}", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    ),
    (
        "appendices[0].title",
        lambda t: make_report(appendices=[baocao.Appendix(title=t, body=["Đoạn"])]),
        lambda t: ["Phụ lục", upper(t)],
    ),
]

LINE_FIELDS = {
    "addressees[0]": m.ENTRY,
    "addressees[1]": m.ENTRY,
    "legal_bases[0]": m.HEADING,
    "recipients[0]": m.ENTRY,
}
LAYOUTS = {  # what each field may hold (docs/errors.md, "What each field may hold")
    "issuer.name": m.CENTRED,
    "issuer.parent": m.CENTRED,
    "parts[0].title": m.CENTRED,
    "appendices[0].title": m.CENTRED,
    "sections[0].title": m.HEADING,
    "items[0].title": m.HEADING,
    "table header": m.HEADING,
    "table cell": m.HEADING,
    "filing.unit": m.ONE_LINE,
    "filing.drafter": m.ONE_LINE,
    "signatory.title": m.SIGNATURE,
    "signatory.acting_for": m.AUTHORITY_LINE,
    "signatory.collective": m.AUTHORITY_LINE,
    "items[0].text": m.LISTED,
    "points[0]": m.LISTED,
    "dash": m.LISTED,
}


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    return any(
        haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1)
    )


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS), st.data())
def test_each_field_holds_the_text_after_nfc(
    field: tuple[str, Build, Expect], data: st.DataObject
) -> None:
    name, build, expect = field
    special = {
        "place": place_texts(),  # the model's own rules
        "subject": normal_case(laid_out(nonblank_texts(), m.SUBJECT)),
        "signatory.name": normal_case(laid_out(nonblank_texts(), m.SIGNER)),
    }
    if name in special:
        strategy = special[name]
    elif name in LINE_FIELDS:
        strategy = line_texts(LINE_FIELDS[name])
    else:
        strategy = laid_out(nonblank_texts(), LAYOUTS.get(name, m.BODY))
    text = data.draw(strategy, label=name)
    report = build(text)
    wanted = rendered_all(expect(nfc(text)))
    assert _contains_run(_read(report), wanted), (name, text)


def test_the_mappings_of_the_docs() -> None:
    """docs/errors.md, one by one: NFC, \\r\\n, \\v, \\t, \\f, NBSP."""
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân")
    report = make_report(
        subject=decomposed + "\r\nA\rB\vC\u00a0E",
        sections=_section("Cột\tD", "Trang một\fTrang hai", "Hết"),
    )
    paragraphs = _read(report)
    assert "Ủy ban nhân dân\nA\nB\nC\u00a0E" in paragraphs
    assert "Cột\tD" in paragraphs
    at = paragraphs.index("Trang một")
    assert paragraphs[at : at + 3] == ["Trang một", "\n", "Trang hai"]
    body = open_docx(baocao.render(report)).element.body.xml
    assert 'w:type="page"' in body
    assert "<w:tab/>" in body


@pytest.mark.parametrize("piece", SPECIAL_PIECES)
def test_each_special_piece_alone(piece: str) -> None:
    """Each hostile piece on its own, where a parser would most likely trip on it."""
    text = letter_first(f"{piece}x{piece}")  # no text starts with a combining mark
    centred = layout_problem(nfc(text), m.CENTRED) is None  # a tab, a page break: refused
    cell = layout_problem(nfc(text), m.HEADING) is None  # a page break: refused
    report = make_report(
        subject=text if centred else "Kết quả",
        sections=_section(
            text,
            baocao.Table(header=[text if cell else "A"], rows=[[text if cell else "B"]]),
            "Hết",
        ),
    )
    paragraphs = _read(report)
    times = 1 + 2 * cell
    for wanted in (rendered_all([nfc(text)]), rendered_all([nfc(text)]) * times):
        assert _contains_run(paragraphs, wanted)
    if centred:
        assert _contains_run(paragraphs, ["BÁO CÁO", *rendered_all([nfc(text)])])


# --------------------------------------------------------------------------- refused


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Put ``value`` at ``path`` (``sections[0].body[0]``) of plain input data."""
    keys: list[str | int] = []
    for part in path.replace("]", "").split("."):
        name, *indexes = part.split("[")
        keys.append(name)
        keys += [int(i) for i in indexes]
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return data


def _full_data() -> dict[str, Any]:
    section = {
        "title": "Mục",
        "body": [
            "Đoạn",
            {"dash": "Gạch"},
            {"text": ["Phần ", {"number": 5}, " tiếp"]},
            {"table": {"header": ["A", "B"], "rows": [["x", 1]], "totals": ["Tổng", 1]}},
        ],
        "items": [
            {"title": "Khoản", "points": ["Điểm", {"text": "Điểm hai"}]},
            "Khoản không tiêu đề",
        ],
    }
    return minimal_data(
        issuer={
            "name": ["Sở Nội vụ", "Thành phố"],
            "abbreviation": "SNV",
            "parent": "Ủy ban nhân dân",
        },
        addressees=["Bộ Nội vụ"],
        legal_bases=["Căn cứ"],
        opening=["Mở đầu"],
        sections=[section],
        closing=["Kết"],
        recipients=["Cục Văn thư"],
        filing={"unit": "VP", "drafter": "PL"},
        signatory={
            "name": "Nguyễn Văn A",
            "title": "Phó Giám đốc",
            "authority": "KT.",
            "acting_for": "Giám đốc",
            "collective": "Ủy ban nhân dân",
        },
        appendices=[{"title": "Phụ lục", "body": ["Đoạn"]}],
    )


PATHS = [
    "issuer.name[1]",
    "issuer.parent",
    "place",
    "subject",
    "addressees[0]",
    "legal_bases[0]",
    "opening[0]",
    "sections[0].title",
    "sections[0].body[0]",
    "sections[0].body[1].dash",
    "sections[0].body[2].text[0]",
    "sections[0].body[3].table.header[1]",
    "sections[0].body[3].table.rows[0][0]",
    "sections[0].body[3].table.totals[0]",
    "sections[0].items[0].title",
    "sections[0].items[0].points[0]",
    "sections[0].items[0].points[1].text",
    "sections[0].items[1]",
    "closing[0]",
    "recipients[0]",
    "filing.unit",
    "filing.drafter",
    "signatory.name",
    "signatory.title",
    "signatory.acting_for",
    "signatory.collective",
    "appendices[0].title",
    "appendices[0].body[0]",
]

# Where the error names the field: a short-form item or point is its "text".
_SHOWN = {
    "sections[0].items[0].points[0]": "sections[0].items[0].points[0].text",
    "sections[0].items[1]": "sections[0].items[1].text",
}


def test_the_full_data_loads() -> None:
    assert baocao.load(_full_data()).subject


@settings(max_examples=100)
@given(st.sampled_from(PATHS), st.sampled_from(FORBIDDEN), texts(max_size=4), texts(max_size=4))
def test_forbidden_characters_are_refused_naming_field_and_code_point(
    path: str, char: str, before: str, after: str
) -> None:
    data = _set(_full_data(), path, f"Đúng{before}{char}{after}")
    with pytest.raises(baocao.ValidationError) as info:
        baocao.load(data)
    assert info.value.path == _SHOWN.get(path, path)
    assert f"contains U+{ord(char):04X}, which a .docx cannot hold" in str(info.value)


CONSTRUCTORS: list[tuple[str, Callable[[str], object]]] = [
    ("name", lambda t: baocao.Issuer(name=t, abbreviation="SNV")),
    ("place", lambda t: make_report(place=t)),
    ("addressees[0]", lambda t: make_report(addressees=[t])),
    ("title", lambda t: baocao.Section(title=t, body=["x"])),
    ("text[1]", lambda t: baocao.Paragraph(["a", t])),
    ("rows[0][0]", lambda t: baocao.Table(header=["A"], rows=[[t]])),
    ("header[0]", lambda t: baocao.Table(header=[t], rows=[["x"]])),
    ("drafter", lambda t: baocao.Filing(drafter=t)),
    (
        "collective",
        lambda t: baocao.Signatory(name="Lê A", title="B", authority="Q.", collective=t),
    ),
]


@pytest.mark.parametrize(("path", "build"), CONSTRUCTORS, ids=[c[0] for c in CONSTRUCTORS])
@pytest.mark.parametrize(
    "char", ["\x00", "\x08", "\x0e", "\x1f", "\ufffe", "\uffff", chr(0xD83D), chr(0xDCA9)]
)
def test_forbidden_characters_refused_by_the_model(
    path: str, build: Callable[[str], object], char: str
) -> None:
    with pytest.raises(baocao.ValidationError) as info:
        build(f"Sở{char}")
    assert info.value.path == path
    assert f"U+{ord(char):04X}" in str(info.value)


def test_vertical_tab_and_form_feed_are_accepted() -> None:
    """\\v and \\f are not XML characters either, but Word's copy-paste makes them; a
    form feed (a page break) only in body text."""
    report = make_report(subject="Ab\vBc", closing=["Ab\vBc\fCd"])
    assert _contains_run(_read(report), ["Ab\nBc"])
    assert _contains_run(_read(report), ["Ab\nBc", "\n", "Cd./."])


# --------------------------------------------------------------------------- long strings

LONG = {
    "words": ("Ủy ban nhân dân Thành phố " * 4000)[:100_000],
    "one word": "đ" * 100_000,
    "hostile": ("".join(SPECIAL_PIECES) * 1000)[:100_000],
}


@pytest.mark.parametrize("name", list(LONG))
def test_very_long_strings(name: str) -> None:
    text = LONG[name]
    if text[-1] in "\ud800\udfff":  # pragma: no cover - the pieces hold no lone surrogate
        text = text[:-1]
    one_line = text.translate(str.maketrans("", "", baocao._model.LINE_BREAKS + "\t")).strip()
    centred, cell = lay_out(text, m.CENTRED), lay_out(text, m.HEADING)
    report = make_report(
        issuer=baocao.Issuer(name=centred, abbreviation="SNV"),
        subject=centred,
        place="Hà Nội " + one_line,
        sections=_section(text, baocao.Table(header=["A", "B"], rows=[[cell, 1]]), "Hết"),
        signatory=baocao.Signatory(name=one_line, title="Giám đốc"),
    )
    ctx = baocao.context(report)
    assert _read(report) == rendered_all(expected_from_context(ctx))
    assert ctx["subject"] == nfc(centred)  # (a bare ``==``: pytest's diff of 100 000
    assert ctx["signature"]["name"] == nfc(one_line)  # characters would take minutes)


def test_document_properties_are_cut_not_refused() -> None:
    """A .docx property holds 255 characters; the subject may be longer (issue 6)."""
    subject = "Kết quả " * 60
    document = open_docx(baocao.render(make_report(subject=subject)))
    title = document.core_properties.title
    assert len(title) == 255
    assert title.endswith("…")
    assert title.startswith("Báo cáo Kết quả")
    assert any(p.text == subject for p in document.paragraphs)


# --------------------------------------------------------------------------- LibreOffice

HOSTILE_REPORTS = [
    make_report(
        issuer=baocao.Issuer(
            name=unicodedata.normalize("NFD", "Sở Nội vụ & <Tài chính>"),
            abbreviation="SNV",
            parent="Ủy ban nhân dân\vThành phố",
        ),
        subject="R&D <b>in đậm</b> \"quote\" 'nháy' {{ subject }} {% if x %} {# c #} {_{ }_}",
        addressees=["Bộ Nội vụ Phòng 1", "Bộ Tài chính\u00a0(Vụ I)"],
        sections=[
            baocao.Section(
                title="Kết quả {{ x }}",
                body=[
                    "Dòng một\nDòng hai\vDòng ba",
                    baocao.Dash("Gạch & <đầu> dòng"),
                    baocao.Table(header=["Nội dung", "{% raw %}"], rows=[["Đại học", 1341]]),
                ],
            )
        ],
        closing=["Trang một\fTrang hai mươi"],
        signatory=baocao.Signatory(name="Trương Văn Lắm", title="Giám đốc"),
        date=datetime.date(2026, 3, 5),
    ),
    make_report(
        subject=("Tổng kết thực hiện Đề án " * 20).strip(),
        sections=[baocao.Section(title="A", body=[LONG["words"][:20_000]])],
    ),
]

PROBES = [
    [
        "SỞ NỘI VỤ & <TÀI CHÍNH>",
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ",
        "R&D <b>in đậm</b> \"quote\" 'nháy' {{ subject }} {% if x %} {# c #} {_{ }_}",
        "Bộ Nội vụ",
        "Phòng 1",
        "Bộ Tài chính (Vụ I)",
        "KẾT QUẢ {{ X }}",
        "Dòng một",
        "Dòng hai",
        "Dòng ba",
        "- Gạch & <đầu> dòng",
        "{% raw %}",
        "1.341",
        "Trang một",
        "Trang hai mươi./.",
        "Trương Văn Lắm",
    ],
    ["Tổng kết thực hiện Đề án", "Ủy ban nhân dân Thành phố"],
]


@pytest.mark.soffice
@pytest.mark.parametrize("index", range(len(HOSTILE_REPORTS)))
def test_libreoffice_opens_hostile_reports(index: int) -> None:
    require_tools()
    from baocao._render import to_pdf

    from .pdftext import pdf_text_layout

    pages = pdf_text_layout(to_pdf(baocao.render(HOSTILE_REPORTS[index])))
    flat = " ".join(" ".join(page.split()) for page in pages)
    for probe in PROBES[index]:
        assert " ".join(probe.split()) in flat, probe
    if index == 0:  # the form feed is a page break: the text after it is on a later page
        first = next(i for i, page in enumerate(pages) if "Trang một" in page)
        assert "Trang hai mươi" in " ".join(pages[first + 1 :])


def test_as_rendered_follows_the_docs() -> None:
    assert as_rendered("a\vb\r\nc\fd\u2028e") == ["a\nb\nc", "\n", "d\ne"]
