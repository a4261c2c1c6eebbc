"""Reports of the shapes Markdown can write, written as Markdown and read back, are the
same reports (issue 15, §1): the writer below is the dialect of docs/authoring.md."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import baocao

from .test_markdown import FRONT

# Words, some with the characters Markdown reads as markup: the writer escapes them.
WORDS = ["Kết", "quả", "thực", "hiện", "Đề", "án", "năm", "2026", "Sở", "Nội", "vụ", "ủy"]
WORDS += ["R&D", "x*y", "a_b", "[1]", "<b>", "{x}", "50%", "(VTLT)", "2014 - 2020", "#5"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
values = st.one_of(
    st.builds(
        baocao.Money,
        st.integers(0, 10**12),
        style=st.sampled_from(["north", "south"]),
        suffix=st.sampled_from([None, "chẵn"]),
    ),
    st.builds(
        baocao.Percent,
        st.integers(0, 10**5).map(lambda n: decimal.Decimal(n).scaleb(-2)),
        decimals=st.integers(0, 3),
    ),
    st.builds(
        baocao.Rate,
        st.integers(0, 10**6),
        st.integers(1, 10**6),
        rounding=st.sampled_from(["down", "half_up"]),
    ),
    st.builds(baocao.Number, st.integers(-(10**9), 10**9)),
    st.builds(baocao.Date, st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))),
)


notes = st.builds(baocao.Footnote, words)


@st.composite
def texts(draw: st.DrawFn) -> tuple[Any, ...]:
    """A text: words, with values between them (each with a space either side), and now
    and then a footnote after a word."""
    pieces: list[Any] = [draw(words)]
    for value in draw(st.lists(values, max_size=2)):
        pieces += [" ", value, " " + draw(words)]
    if draw(st.integers(0, 4)) == 0:
        pieces += [draw(notes), draw(st.sampled_from([".", " Kết"]))]
    joined: list[Any] = []
    for piece in pieces:
        if joined and isinstance(piece, str) and isinstance(joined[-1], str):
            joined[-1] += piece
        else:
            joined.append(piece)
    return tuple(joined)


dashes = st.builds(baocao.Dash, texts(), plus=st.lists(texts(), max_size=2))
cell_words = words.filter(lambda w: not w.replace(" ", "").lstrip("-").isdigit())
cells = st.one_of(cell_words, st.integers(0, 10**9), st.builds(baocao.Percent, st.integers(0, 100)))


@st.composite
def tables(draw: st.DrawFn) -> baocao.Table:
    width = draw(st.integers(1, 3))
    header = draw(st.lists(cell_words, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cells, min_size=width, max_size=width), min_size=1, max_size=3))
    return baocao.Table(header=header, rows=rows)


blocks = st.lists(st.one_of(st.builds(baocao.Paragraph, texts()), dashes, tables()), max_size=2)
points = st.lists(st.builds(baocao.Point, texts(), body=blocks, numbered=st.booleans()), max_size=2)
titles = words.map(lambda t: "Mục " + t)


@st.composite
def sections(draw: st.DrawFn) -> baocao.Section:
    body = draw(blocks)
    titled = st.builds(baocao.Item, title=titles, body=blocks, points=points)
    untitled = st.builds(baocao.Item, text=texts(), body=blocks, points=points)
    items = draw(st.lists(titled | untitled, max_size=3))
    closing = draw(blocks)
    if not (body or items or closing):
        body = [baocao.Paragraph(draw(texts()))]
    return baocao.Section(
        title=draw(titles), body=body, items=items, closing=closing, numbered=draw(st.booleans())
    )


def escaped(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>{}#&!|" else c for c in text)


class Writer:
    """Markdown of the reports drawn above, with its footnotes."""

    def __init__(self) -> None:
        self.notes: list[str] = []


WRITER = Writer()


def piece(value: Any) -> str:
    if isinstance(value, str):
        return escaped(value)
    if isinstance(value, baocao.Footnote):
        WRITER.notes.append(value.text)
        return f"[^{len(WRITER.notes)}]"
    if isinstance(value, baocao.Money):
        suffix = " chẵn" if value.suffix else ""
        return f"{{money: {value.amount} {value.style}{suffix}}}"
    if isinstance(value, baocao.Percent):
        written = str(value.value).replace(".", ",")
        return f"{{percent: {written} decimals={value.decimals}}}"
    if isinstance(value, baocao.Rate):
        return f"{{rate: {value.actual}/{value.target} {value.rounding}}}"
    if isinstance(value, baocao.Number):
        return f"{{number: {value.value}}}"
    assert isinstance(value, baocao.Date)
    return f"{{date: {value.value.isoformat()}}}"


def text(pieces: tuple[Any, ...]) -> str:
    return "".join(piece(p) for p in pieces)


def cell(value: Any) -> str:
    if isinstance(value, baocao.Percent):
        return f"{{percent: {value.value}}}"
    return escaped(str(value))


def write_blocks(blocks: tuple[Any, ...], indent: str) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, baocao.Paragraph):
            out.append(indent + text(block.text))
        elif isinstance(block, baocao.Table):
            lines = ["| " + " | ".join(escaped(h) for h in block.header) + " |"]
            lines.append("|" + "---|" * len(block.header))
            for row in block.rows:
                assert isinstance(row, tuple)  # no group or subtotal rows are drawn
                lines.append("| " + " | ".join(cell(c) for c in row) + " |")
            out.append("\n".join(indent + line for line in lines))
        else:
            lines = [indent + "- " + text(block.text)]
            lines += [indent + "  - " + text(plus) for plus in block.plus]
            out.append("\n".join(lines))
    return out


def write_entry(text_: tuple[Any, ...], numbered: bool, below: list[str], indent: str) -> str:
    head = indent + "1. " + text(text_) + ("" if numbered else " {-}")
    return "\n\n".join([head, *below])


def write_points(points: tuple[baocao.Point, ...], indent: str) -> list[str]:
    return [
        write_entry(p.text, p.numbered, write_blocks(p.body, indent + "   "), indent)
        for p in points
    ]


def write_sections(sections: tuple[baocao.Section, ...], typed: bool) -> list[str]:
    """``typed``: the numbers baocao assigns typed anyway (it drops them)."""
    out = []
    numbered = 0
    for section in sections:
        label = ""
        if section.numbered:
            numbered += 1
            label = f"{baocao._nd30.roman(numbered)}. " if typed else ""
        mark = "" if section.numbered else " {-}"
        out += ["## " + label + escaped(section.title) + mark, *write_blocks(section.body, "")]
        after_title = False
        for number, item in enumerate(section.items, 1):
            if item.title is not None:
                out.append("### " + (f"{number}. " if typed else "") + escaped(item.title))
                out += write_blocks(item.body, "")
                out += write_points(item.points, "")
                after_title = True
            else:
                assert item.text is not None
                below = write_blocks(item.body, "   ") + write_points(item.points, "   ")
                entry = write_entry(item.text, True, below, "")
                out += ["::: items", entry, ":::"] if after_title else [entry]
        if section.closing and (not section.items or section.items[-1].title is not None):
            out += ["::: closing", *write_blocks(section.closing, ""), ":::"]
        else:
            out += write_blocks(section.closing, "")
    return out


def write(report: baocao.Report, typed: bool = False) -> str:
    WRITER.notes.clear()
    out = write_blocks(report.opening, "")
    for number, part in enumerate(report.parts, 1):
        label = f"Phần {baocao._nd30.roman(number)}: " if typed else ""
        out.append("# " + label + escaped(part.title))
        out += write_blocks(part.body, "") + write_sections(part.sections, typed)
    out += write_sections(report.sections, typed)
    if report.closing:
        out += ["***", *write_blocks(report.closing, "")]
    for appendix in report.appendices:
        out.append("# Phụ lục: " + escaped(appendix.title))
        out += write_blocks(appendix.body, "") + write_sections(appendix.sections, typed)
    out += [f"[^{n}]: {escaped(note)}" for n, note in enumerate(WRITER.notes, 1)]
    return FRONT + "\n\n".join(out) + "\n"


@st.composite
def bodies(draw: st.DrawFn) -> dict[str, Any]:
    """The body of a report: sections or parts, opening, closing, appendices."""
    fields: dict[str, Any] = {"opening": draw(blocks), "closing": draw(blocks)}
    if draw(st.booleans()):
        fields["sections"] = draw(st.lists(sections(), min_size=1, max_size=3))
    else:
        fields["parts"] = [
            baocao.Part(
                title=draw(titles),
                body=draw(blocks),
                sections=draw(st.lists(sections(), min_size=1, max_size=2)),
            )
            for _ in range(draw(st.integers(1, 2)))
        ]
    fields["appendices"] = [
        baocao.Appendix(
            title=draw(titles),
            body=draw(blocks),
            sections=draw(st.lists(sections(), min_size=1, max_size=1)),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return fields


@settings(max_examples=60, deadline=None)
@given(bodies(), st.booleans())
def test_a_report_written_in_markdown_reads_back(body: dict[str, Any], typed: bool) -> None:
    head = baocao.loads(FRONT.strip("-\n") + "\nsections: [{title: x, body: [x]}]")
    fields = ("issuer", "place", "date", "subject", "signatory")
    report = baocao.Report(**{f: getattr(head, f) for f in fields}, **body)
    assert baocao.loads_markdown(write(report, typed), source="report.md") == report
