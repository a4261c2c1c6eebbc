"""Check any .docx against the format of Nghị định 30/2020/NĐ-CP, Phụ lục I.

:func:`check` reads a .docx, whoever made it, and returns a list of :class:`Finding`: what
does not follow the decree, where, what was found and what is expected::

    >>> import baocao, datetime
    >>> from baocao._check import check
    >>> report = baocao.Report(
    ...     issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"), number=15,
    ...     place="Hà Nội", date=datetime.date(2026, 3, 5),
    ...     subject="Kết quả thực hiện nhiệm vụ quý I năm 2026",
    ...     signatory=baocao.Signatory(title="Giám đốc", name="Nguyễn Văn A"),
    ...     sections=[baocao.Section(title="Kết quả", body=["Đã hoàn thành."])])
    >>> check(baocao.render(report))
    []

How a document is read:

* The parts of a report are found by their **content**, wherever the layout puts them
  (table cells, plain paragraphs, text boxes, Word frames, tab-separated columns of one
  line): the
  Quốc hiệu line, the Tiêu ngữ, "Số:", the line "…, ngày … tháng … năm …", the type name
  of Mẫu 1.4 (BÁO CÁO, KẾ HOẠCH, …), "Kính gửi:", "Nơi nhận:" and the signature block
  beside it. Word's automatic numbering is computed, so "I.", "1." and "a)" count whether
  typed or generated.
* The formatting of each run is its **effective** formatting, resolved like Word does: the
  run's own properties, its character style, the paragraph style, the table style, each
  through its ``basedOn`` chain, then the document defaults (``docDefaults``). Bold, italic
  and caps toggle between style levels (ECMA-376 §17.7.3). Theme fonts
  (``asciiTheme="minorHAnsi"``) are looked up in the theme, so a Calibri body is caught.
  A font slot that nothing sets is Word's default, Times New Roman.
* Lengths (the rules under the Tiêu ngữ, the issuing body and the trích yếu) are measured
  with Times New Roman metrics (:mod:`baocao._metrics`), superscript at 58 % as LibreOffice
  prints it; no LibreOffice is run.
* Every number in the XML is read within the bounds Word keeps (:func:`bounded_number`): a
  400-digit margin or a list start of 10¹¹ is the largest Word allows, a size that is not a
  number is not set. Only a file that cannot be read at all raises (``ValidationError``).

The rules themselves are data: see :mod:`baocao._rules` and ``docs/conformance.md``.
"""

from __future__ import annotations

import functools
import math
import os
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO, Literal, Union

import attrs
from lxml import etree

from .. import _ooxml
from .._errors import ValidationError
from .._files import read_docx
from .._nd30 import MOTTO, NATIONAL_NAME, RULE_SHARE, roman
from .._ooxml import open_package
from ._finding import Finding, Severity, shorten

__all__ = [
    "Appendix",
    "Container",
    "Elements",
    "Field",
    "Finding",
    "Font",
    "Fragment",
    "Para",
    "ParaFormat",
    "ParsedDocument",
    "RuleLine",
    "RunFormat",
    "SectionInfo",
    "Severity",
    "Shape",
    "Span",
    "parse",
    "shorten",
]

DocxInput = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]

# --------------------------------------------------------------------------- namespaces

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
W_PPR, W_RPR, W_VAL = _w("pPr"), _w("rPr"), _w("val")
MC_ALT = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
W_TXBX = _w("txbxContent")

#: Containers whose children are walked for runs inside a paragraph.
_RUN_CONTAINERS = frozenset(
    _w(n)
    for n in (
        "hyperlink",
        "smartTag",
        "ins",
        "moveTo",
        "customXml",
        "bdo",
        "dir",
        "sdtContent",
        "fldSimple",
    )
)
#: Containers whose children are walked for paragraphs (block level).
_BLOCK_CONTAINERS = frozenset(_w(n) for n in ("sdtContent", "customXml", "ins", "moveTo"))

_EMU_PER_MM = 36000.0

#: Word's font when no level of the style hierarchy names one.
DEFAULT_FONT = "Times New Roman"
#: Word's size (pt) when no level of the style hierarchy gives one.
DEFAULT_SIZE = 10.0

# --------------------------------------------------------------------------- model


@attrs.frozen
class Font:
    """A resolved font name; ``theme`` names the theme slot it came from (``minorHAnsi``)."""

    name: str
    theme: str = ""

    def __str__(self) -> str:
        return f"{self.name} (theme font {self.theme})" if self.theme else self.name


@attrs.frozen
class RunFormat:
    """The effective formatting of a run (after styles, basedOn and docDefaults)."""

    ascii: Font
    h_ansi: Font
    east_asia: Font
    cs: Font
    size: float
    bold: bool
    italic: bool
    caps: bool
    small_caps: bool
    underline: bool
    color: str
    vert_align: str
    hint: str
    complex: bool

    def font(self, slot: str) -> Font:
        """The font of ``slot``: ``ascii``, ``hAnsi``, ``eastAsia`` or ``cs``."""
        return {
            "ascii": self.ascii,
            "hAnsi": self.h_ansi,
            "eastAsia": self.east_asia,
            "cs": self.cs,
        }[slot]

    @property
    def black(self) -> bool:
        return self.color in ("auto", "000000")


@attrs.frozen
class Span:
    """A piece of text with one formatting (a run, or part of one)."""

    text: str
    fmt: RunFormat


@attrs.frozen
class Field:
    """A field (``PAGE``, ``NUMPAGES``, …): its instruction and the spans of its result."""

    instruction: str
    result: tuple[Span, ...]

    @property
    def name(self) -> str:
        words = self.instruction.split()
        return words[0].upper() if words else ""


@attrs.frozen
class Shape:
    """A drawn line (DrawingML or VML) found in a paragraph."""

    length_mm: float


@attrs.frozen
class ParaFormat:
    """The effective paragraph properties (twips unless said otherwise)."""

    align: str = "left"
    left: int = 0
    right: int = 0
    first_line: int = 0
    before: int = 0
    after: int = 0
    line: int = 240
    line_rule: str = "auto"
    contextual: bool = False
    border_bottom: bool = False
    page_break_before: bool = False
    frame_centred: bool = False
    tabs: tuple[tuple[int, str], ...] = ()
    """The custom tab stops (position in twips from the margin, kind), styles merged."""


@attrs.frozen
class Container:
    """Where a paragraph sits: the body, a table cell, a text box, a Word frame
    (``w:framePr``), a header or a footer.

    ``width_mm`` is the width its text can use (for a cell: the cell less its margins; for
    a frame: its ``w:w``). Frames are numbered in ``textbox``; frames that stand side by
    side (anchored to the same paragraph, at the same height) share their ``row``.
    """

    kind: Literal["body", "cell", "textbox", "frame", "header", "footer"]
    width_mm: float
    table: int = -1
    row: int = -1
    column: int = -1
    textbox: int = -1

    @property
    def key(self) -> tuple[str, int, int, int, int]:
        return (self.kind, self.table, self.row, self.column, self.textbox)


@attrs.frozen(eq=False)
class Para:
    """A paragraph with its effective formatting, in the order of its story."""

    index: int
    part: str
    section: int
    container: Container
    style_id: str
    label: str
    spans: tuple[Span, ...]
    fmt: ParaFormat
    mark_size: float
    shapes: tuple[Shape, ...] = ()
    fields: tuple[Field, ...] = ()
    page_break: bool = False
    raw_text: str = ""
    inline_mm: float = 0.0
    """The height of the tallest picture or drawing in the line (``wp:inline``)."""
    tab_kinds: tuple[str, ...] = ()
    """Each tab of the text in order: ``""`` for a tab, the alignment of a positional tab
    (``w:ptab``: ``"center"``, ``"right"``, ``"left"``)."""

    @functools.cached_property
    def text(self) -> str:
        """The paragraph's text in NFC (line breaks ``\\n``, tabs ``\\t``), no label."""
        return unicodedata.normalize("NFC", "".join(s.text for s in self.spans))

    @property
    def numbered_text(self) -> str:
        """The text with its automatic number in front ("I. KẾT QUẢ"), stripped."""
        text = self.text.strip()
        return f"{self.label} {text}".strip() if self.label else text

    @property
    def in_table(self) -> bool:
        return self.container.kind == "cell"

    @property
    def empty(self) -> bool:
        return not self.text.strip() and not self.label

    @functools.cached_property
    def fragments(self) -> tuple[Fragment, ...]:
        """The paragraph cut at line breaks and tabs (non-empty pieces only)."""
        out: list[Fragment] = []
        line: list[list[Span]] = [[]]
        line_no = 0

        def flush() -> None:
            for chunk_no, chunk in enumerate(line):
                fragment = Fragment(self, line_no, chunk_no, tuple(chunk))
                if fragment.text:
                    out.append(fragment)

        for span in self.spans:
            pieces = re.split(r"([\n\t])", span.text)
            for piece in pieces:
                if piece == "\n":
                    flush()
                    line = [[]]
                    line_no += 1
                elif piece == "\t":
                    line.append([])
                elif piece:
                    line[-1].append(Span(piece, span.fmt))
        flush()
        return tuple(out)

    @property
    def centred_by_tab(self) -> bool:
        """True when the paragraph's text stands after tabs that reach a centre tab stop in
        the middle of its container (the page number of Word's "Header" style: a tab, then
        the PAGE field), or after a centred positional tab (``w:ptab``), so that it prints
        centred although it is aligned left."""
        text = self.text
        lead = text[: len(text) - len(text.lstrip("\t "))]
        count = lead.count("\t")
        if not text.strip() or count == 0 or "\t" in text.strip() or self.fmt.align != "left":
            return False
        if len(self.tab_kinds) >= count and self.tab_kinds[count - 1]:
            return self.tab_kinds[count - 1] == "center"  # a positional tab: no stops
        stops = [stop for stop in self.fmt.tabs if stop[0] > self.fmt.left]
        if len(stops) < count:
            return False
        position, kind = stops[count - 1]
        middle = _ooxml.TWIPS_PER_MM * self.container.width_mm / 2
        return kind == "center" and abs(position - middle) <= _ooxml.TWIPS_PER_MM * 5

    @property
    def width_mm(self) -> float:
        """The width the paragraph's lines can use: its container less its indents."""
        return max(
            1.0, self.container.width_mm - _ooxml.mm_from_twips(self.fmt.left + self.fmt.right)
        )


@attrs.frozen(eq=False)
class Fragment:
    """One line of a paragraph, or one tab-separated piece of a line."""

    para: Para
    line: int
    chunk: int
    spans: tuple[Span, ...]

    @functools.cached_property
    def text(self) -> str:
        """The text as typed, NFC, without surrounding white space."""
        return unicodedata.normalize("NFC", "".join(s.text for s in self.spans)).strip()

    @functools.cached_property
    def shown(self) -> str:
        """The text as displayed: runs with ``caps`` in upper case."""
        joined = "".join(s.text.upper() if s.fmt.caps else s.text for s in self.spans)
        return unicodedata.normalize("NFC", joined).strip()

    @property
    def whole_line(self) -> bool:
        """True when the fragment is a whole line (no tab splits it from other text)."""
        return sum(1 for f in self.para.fragments if f.line == self.line) == 1

    @property
    def inked(self) -> tuple[Span, ...]:
        """The spans that put ink on the page (not white space)."""
        return tuple(s for s in self.spans if s.text.strip())


@attrs.frozen
class SectionInfo:
    """Page setup of one section (twips), and the header/footer parts it uses."""

    index: int
    width: int | None
    height: int | None
    orient: str
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    gutter: int
    title_pg: bool
    page_start: int | None
    kind: str
    headers: tuple[tuple[str, str], ...]
    footers: tuple[tuple[str, str], ...]
    first_para: int
    last_para: int

    @property
    def text_width_mm(self) -> float:
        width = 11906 if self.width is None else self.width
        left = 1440 if self.left is None else self.left
        right = 1440 if self.right is None else self.right
        return _ooxml.mm_from_twips(max(567, width - left - right - self.gutter))

    def header(self, kind: str) -> str | None:
        return dict(self.headers).get(kind)

    def footer(self, kind: str) -> str | None:
        return dict(self.footers).get(kind)


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
    addressee: tuple[Fragment, ...] = ()
    content: tuple[Para, ...] = ()
    recipients_label: Fragment | None = None
    recipients: tuple[Fragment, ...] = ()
    signature: tuple[Fragment, ...] = ()
    signer: Fragment | None = None
    placeholders: tuple[Fragment, ...] = ()
    appendices: tuple[Appendix, ...] = ()


# --------------------------------------------------------------------------- text patterns


_DASHES = "-‐‑‒–—−"
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))


def loose(text: str) -> str:
    """Text reduced for recognising an element: NFC, case-folded, new tone placement
    (hoà → hòa, uỷ → ủy), every dash a hyphen, no spaces."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group()], text)
    text = re.sub(f"[{_DASHES}]", "-", text)
    return re.sub(r"\s+", "", text)


_LOOSE_NATIONAL = loose(NATIONAL_NAME)
_LOOSE_MOTTO = loose(MOTTO)
_MOTTO_WORDS = re.sub(r"\W", "", _LOOSE_MOTTO)


def _motto_words(text: str) -> bool:
    """True when the loose ``text`` has the words of the Tiêu ngữ in order, whatever
    stands between them ("Độc lập – Tự do – Hạnh phúc", "Độc lập, Tự do, Hạnh phúc"): the
    Tiêu ngữ written wrong is reported by ``motto.text``, not as missing."""
    return text == _LOOSE_MOTTO or re.sub(r"\W", "", text) == _MOTTO_WORDS


_NUMBER_RE = re.compile(r"^Số(?=\s*[:.]|\s*[\d\s\u00a0.…]*/)")
_DATE_RE = re.compile(r"ngày[\s\d.…]*tháng[\s\d.…]*năm", re.IGNORECASE)
_RULE_CHARS = re.compile(r"^[_\-–—‾⎯─━]{3,}$")
_PLACEHOLDER_RE = re.compile(r"^\((?:chữ\s+ký|ký\b|ký,|ký tên)", re.IGNORECASE)


def _type_titles() -> dict[str, str]:
    from .._model import DocumentType

    return {loose(t.title): t.value for t in DocumentType}


TYPE_TITLES: dict[str, str] = _type_titles()
"""Loose form of each Mẫu 1.4 type name → its abbreviation (``"báocáo"`` → ``"BC"``)."""


def is_rule_text(text: str) -> bool:
    """A line typed as characters: ``_____`` or ``-----``."""
    return bool(_RULE_CHARS.match(text.strip()))


# --------------------------------------------------------------------------- reading


class _Package:
    """The parts of a .docx (an OPC zip package)."""

    def __init__(self, data: bytes, shown: str) -> None:
        self.shown = shown
        self.package = open_package(data, self._fail, keep=True)  # bounded, hardened
        self.names = self.package.names
        self.main = self._main_part()

    def _fail(self, reason: str) -> ValidationError:
        return ValidationError(self.shown, f"is not a usable .docx ({reason})", path="docx")

    def _main_part(self) -> str:
        for rel_type, target in self.rels(""):
            if rel_type.endswith("/officeDocument") and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise ValidationError(
            self.shown,
            "is not a .docx file (the ZIP archive has no word/document.xml)",
            path="docx",
        )

    def read(self, name: str) -> bytes:
        return self.package.read(name)

    def xml(self, name: str) -> Any:
        return self.package.xml(name)

    def rels(self, part: str) -> list[tuple[str, str]]:
        """(type, target part name) of the internal relationships of ``part``."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self.names:
            return []
        out = []
        for rel in self.xml(rels_name).iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Type", ""), resolved))
        return out

    def rel_ids(self, part: str) -> dict[str, str]:
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self.names:
            return {}
        out = {}
        for rel in self.xml(rels_name).iter(f"{{{PKG_REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            out[rel.get("Id", "")] = resolved
        return out


# --------------------------------------------------------------------------- units


_UNIT_TWIPS = {
    "mm": 1440 / 25.4,
    "cm": 1440 / 2.54,
    "in": 1440.0,
    "pt": 20.0,
    "pc": 240.0,
    "pi": 240.0,
}
_MEASURE_RE = re.compile(r"\s*([+-]?)([0-9]+)(?:\.([0-9]*))?\s*([a-z]*)\s*", re.ASCII)
_MAX_DIGITS = 15

#: Bounds of what Word itself accepts: lengths of ±22 inches (31680 twips), list levels 0–8,
#: list and page starts up to 32767, 63 grid columns, font sizes up to 1638 pt.
TWIPS_LIMIT = 31680
MAX_LEVEL = 8
MAX_START = 32767
MAX_COLUMNS = 63
MAX_POINTS = 1638.0
MAX_EMU = 20_000_000_000


def bounded_number(
    value: str | None,
    low: float,
    high: float,
    *,
    units: dict[str, float] | None = None,
) -> float | None:
    """The number an XML attribute holds, clamped to ``low``–``high``; None when it is not
    a number (``"abc"``, ``"nan"``, an unknown unit).

    Plain decimals (``"720"``, ``"-1.5"``) are read; with ``units`` (name → factor) a unit
    may follow (``"1.27cm"``); a bare number then uses the factor of ``""`` (1 if none is
    given). A value of any length is read in time linear in its length and never
    overflows: a 400-digit margin is the largest margin, not an ``OverflowError``.

    >>> bounded_number("720", 0, 31680), bounded_number("9" * 400, 0, 31680)
    (720.0, 31680.0)
    >>> bounded_number("1cm", 0, 31680, units={"cm": 567.0}), bounded_number("x", 0, 9)
    (567.0, None)
    """
    if value is None:
        return None
    match = _MEASURE_RE.fullmatch(value)
    if match is None:
        return None
    sign, whole, fraction, unit = match.groups()
    factors = units or {}
    if unit and unit not in factors:
        return None
    factor = factors.get(unit, 1.0)
    whole = whole.lstrip("0") or "0"
    if len(whole) > _MAX_DIGITS:
        number = math.inf
    else:
        number = float(f"{whole}.{(fraction or '0')[:_MAX_DIGITS]}") * factor
    if sign == "-":
        number = -number
    return float(min(high, max(low, number)))


def bounded_int(value: str | None, low: int, high: int, default: int) -> int:
    """:func:`bounded_number` for a whole number (rounded), ``default`` when it is none."""
    number = bounded_number(value, low, high)
    return default if number is None else round(number)


def _twips(value: str | None, default: int | None = None) -> int | None:
    """A twips measure (``"720"``; also ``"1.27cm"``, ``"12pt"`` of ISO 29500), within
    ±:data:`TWIPS_LIMIT`."""
    number = bounded_number(value, -TWIPS_LIMIT, TWIPS_LIMIT, units=_UNIT_TWIPS)
    return default if number is None else round(number)


def _points(value: str | None) -> float | None:
    """A font size in points from ``w:sz`` (half-points, or ``"12pt"`` in ISO 29500)."""
    number = bounded_number(value, 0.0, 2 * MAX_POINTS, units={"": 0.5, "pt": 1.0})
    return None if number is None else min(number, MAX_POINTS)


def _on(element: Any) -> bool:
    value = element.get(W_VAL)
    return value is None or value.lower() not in ("0", "false", "off", "none")


def _local(tag: object) -> str:
    if not isinstance(tag, str) or not tag.startswith(f"{{{W_NS}}}"):
        return ""
    return tag[len(W_NS) + 2 :]


# --------------------------------------------------------------------------- theme


_THEME_COLOURS = {
    "dark1": "dk1",
    "light1": "lt1",
    "dark2": "dk2",
    "light2": "lt2",
    "text1": "dk1",
    "background1": "lt1",
    "text2": "dk2",
    "background2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
    **{f"accent{i}": f"accent{i}" for i in range(1, 7)},
}


class _Theme:
    """Fonts and colours of the theme part (``word/theme/theme1.xml``)."""

    def __init__(self, root: Any | None) -> None:
        self.fonts: dict[str, str] = {}
        self.colors: dict[str, str] = {}
        if root is None:
            return
        for kind in ("major", "minor"):
            font = root.find(f".//{{{A_NS}}}{kind}Font")
            if font is None:
                continue
            for script, slots in (
                ("latin", ("Ascii", "HAnsi")),
                ("ea", ("EastAsia",)),
                ("cs", ("Bidi",)),
            ):
                element = font.find(f"{{{A_NS}}}{script}")
                typeface = "" if element is None else element.get("typeface", "")
                for slot in slots:
                    self.fonts[f"{kind}{slot}"] = typeface
        scheme = root.find(f".//{{{A_NS}}}clrScheme")
        if scheme is not None:
            for child in scheme:
                name = etree.QName(child).localname
                srgb = child.find(f"{{{A_NS}}}srgbClr")
                sys_color = child.find(f"{{{A_NS}}}sysClr")
                if srgb is not None:
                    self.colors[name] = srgb.get("val", "000000").upper()
                elif sys_color is not None:
                    self.colors[name] = sys_color.get("lastClr", "000000").upper()

    def font(self, theme_name: str) -> Font:
        return Font(self.fonts.get(theme_name, "") or "(none in the theme)", theme_name)

    def color(self, theme_color: str) -> str:
        return self.colors.get(_THEME_COLOURS.get(theme_color, theme_color), "")


def _hex_byte(value: str | None) -> float | None:
    """A ``themeTint``/``themeShade`` byte (``"BF"``) as a fraction of 255."""
    if value is None or not re.fullmatch(r"[0-9A-Fa-f]{1,2}", value):
        return None
    return int(value, 16) / 255


def _apply_tint(rgb: str, tint: str | None, shade: str | None) -> str:
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", rgb):
        return rgb
    channels = [int(rgb[i : i + 2], 16) for i in (0, 2, 4)]
    if tint is not None:
        t = _hex_byte(tint)
        t = 1.0 if t is None else t
        channels = [round(c * t + 255 * (1 - t)) for c in channels]
    if shade is not None:
        s = _hex_byte(shade)
        s = 1.0 if s is None else s
        channels = [round(c * s) for c in channels]
    return "".join(f"{c:02X}" for c in channels)


# --------------------------------------------------------------------------- styles

_TOGGLES = ("b", "i", "caps", "smallCaps", "vanish")
_SLOTS = (
    ("ascii", "asciiTheme"),
    ("hAnsi", "hAnsiTheme"),
    ("eastAsia", "eastAsiaTheme"),
    ("cs", "cstheme"),
)

Props = dict[str, Any]


class _Styles:
    """The style hierarchy of ``styles.xml``, flattened per style and cached."""

    def __init__(self, root: Any | None, theme: _Theme) -> None:
        self.theme = theme
        self.by_id: dict[str, Any] = {}
        self.defaults: dict[str, str] = {}
        self.doc_r: Props = {}
        self.doc_p: Props = {}
        self._r_cache: dict[str, Props] = {}
        self._p_cache: dict[str, Props] = {}
        if root is None:
            return
        for style in root.iter(_w("style")):
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            self.by_id.setdefault(style_id, style)
            if _on_attr(style.get(_w("default"))):
                self.defaults.setdefault(style.get(_w("type"), "paragraph"), style_id)
        defaults = root.find(_w("docDefaults"))
        if defaults is not None:
            self.doc_r = self.rpr(defaults.find(f"{_w('rPrDefault')}/{W_RPR}"))
            self.doc_p = _ppr_props(defaults.find(f"{_w('pPrDefault')}/{W_PPR}"))

    def chain(self, style_id: str | None) -> list[Any]:
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(_w("basedOn"))
            style_id = None if based is None else based.get(W_VAL)
        return out

    def rpr(self, element: Any | None) -> Props:
        """The properties an ``rPr`` element sets (fonts resolved through the theme)."""
        props: Props = {}
        if element is None:
            return props
        for child in element:
            name = _local(child.tag)
            if name in _TOGGLES:
                props[name] = _on(child)
            elif name == "sz":
                size = _points(child.get(W_VAL))
                if size is not None and size > 0:
                    props["sz"] = size
            elif name == "rFonts":
                for slot, theme_attr in _SLOTS:
                    theme = child.get(_w(theme_attr))
                    plain = child.get(_w(slot))
                    if theme:
                        props[f"font.{slot}"] = self.theme.font(theme)
                    elif plain:
                        props[f"font.{slot}"] = Font(plain)
                hint = child.get(_w("hint"))
                if hint:
                    props["hint"] = hint
            elif name == "color":
                props["color"] = self._color(child)
            elif name == "u":
                props["u"] = (child.get(W_VAL) or "single") != "none"
            elif name == "vertAlign":
                props["vertAlign"] = child.get(W_VAL) or "baseline"
            elif name in ("rtl", "cs"):
                props[name] = _on(child)
        return props

    def _color(self, element: Any) -> str:
        theme_color = element.get(_w("themeColor"))
        value = (element.get(W_VAL) or "auto").upper()
        if theme_color:
            resolved = self.theme.color(theme_color)
            if resolved:
                value = resolved
        if value == "AUTO":
            return "auto"
        tint = element.get(_w("themeTint"))
        shade = element.get(_w("themeShade"))
        if theme_color and (tint or shade):
            value = _apply_tint(value, tint, shade)
        return value

    @functools.cache  # noqa: B019 - one instance per parse
    def style_r(self, style_id: str | None) -> Props:
        merged: Props = {}
        for style in reversed(self.chain(style_id)):
            merged.update(self.rpr(style.find(W_RPR)))
        return merged

    @functools.cache  # noqa: B019 - one instance per parse
    def style_p(self, style_id: str | None) -> Props:
        merged: Props = {}
        for style in reversed(self.chain(style_id)):
            merged.update(_ppr_props(style.find(W_PPR)))
        return merged

    @functools.cache  # noqa: B019 - one instance per parse
    def table_margins(self, style_id: str | None) -> tuple[int | None, int | None]:
        left = right = None
        for style in self.chain(style_id):
            mar = style.find(f"{_w('tblPr')}/{_w('tblCellMar')}")
            if mar is None:
                continue
            if left is None:
                left = _margin(mar, "left", "start")
            if right is None:
                right = _margin(mar, "right", "end")
        return left, right

    def paragraph_style(self, style_id: str | None) -> str:
        if style_id and style_id in self.by_id:
            return style_id
        return self.defaults.get("paragraph", "")

    def table_style(self, style_id: str | None) -> str:
        if style_id and style_id in self.by_id:
            return style_id
        return self.defaults.get("table", "")

    def char_style(self, style_id: str | None) -> str:
        if style_id and style_id in self.by_id:
            return style_id
        return self.defaults.get("character", "")

    def run_format(self, direct: Props, char: Props, para: Props, table: Props) -> RunFormat:
        levels = (direct, char, para, table, self.doc_r)

        def pick(key: str, default: Any) -> Any:
            for level in levels:
                if key in level:
                    return level[key]
            return default

        def toggle(key: str) -> bool:
            if key in direct:
                return bool(direct[key])
            value = bool(self.doc_r.get(key, False))
            for level in (table, para, char):
                if level.get(key) is True:
                    value = not value
            return value

        return (
            RunFormat(
                ascii=pick("font.ascii", Font(DEFAULT_FONT)),
                h_ansi=pick("font.hAnsi", Font(DEFAULT_FONT)),
                east_asia=pick("font.eastAsia", Font(DEFAULT_FONT)),
                cs=pick("font.cs", Font(DEFAULT_FONT)),
                size=float(pick("sz", DEFAULT_SIZE)),
                bold=toggle("b"),
                italic=toggle("i"),
                caps=toggle("caps"),
                small_caps=toggle("smallCaps"),
                underline=bool(pick("u", False)),
                color=str(pick("color", "auto")),
                vert_align=str(pick("vertAlign", "baseline")),
                hint=str(pick("hint", "")),
                complex=bool(pick("rtl", False) or pick("cs", False)),
            )
            if not toggle("vanish")
            else _HIDDEN
        )


_HIDDEN = RunFormat(
    Font(""),
    Font(""),
    Font(""),
    Font(""),
    0.0,
    False,
    False,
    False,
    False,
    False,
    "auto",
    "baseline",
    "",
    False,
)


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def _margin(mar: Any, *names: str) -> int | None:
    for name in names:
        element = mar.find(_w(name))
        if element is not None:
            return _twips(element.get(_w("w")), 0)
    return None


def _ppr_props(element: Any | None) -> Props:
    """The properties a ``pPr`` element sets."""
    props: Props = {}
    if element is None:
        return props
    for child in element:
        name = _local(child.tag)
        if name == "jc":
            value = child.get(W_VAL) or "left"
            props["jc"] = {"start": "left", "end": "right"}.get(value, value)
        elif name == "ind":
            for key, attrs_ in (("left", ("left", "start")), ("right", ("right", "end"))):
                for attr in attrs_:
                    value = _twips(child.get(_w(attr)))
                    if value is not None:
                        props[f"ind.{key}"] = value
                        break
            hanging = _twips(child.get(_w("hanging")))
            first = _twips(child.get(_w("firstLine")))
            if hanging is not None:
                props["ind.first"] = -hanging
            elif first is not None:
                props["ind.first"] = first
        elif name == "spacing":
            for key in ("before", "after"):
                if _on_attr(child.get(_w(f"{key}Autospacing"))):
                    props[f"spacing.{key}"] = 280
                else:
                    value = _twips(child.get(_w(key)))
                    if value is not None:
                        props[f"spacing.{key}"] = value
            line = _twips(child.get(_w("line")))
            if line is not None:
                props["spacing.line"] = (line, child.get(_w("lineRule")) or "auto")
        elif name == "contextualSpacing":
            props["contextual"] = _on(child)
        elif name == "pBdr":
            bottom = child.find(_w("bottom"))
            if bottom is not None:
                props["border.bottom"] = (bottom.get(W_VAL) or "nil") not in ("nil", "none")
        elif name == "pageBreakBefore":
            props["pageBreakBefore"] = _on(child)
        elif name == "tabs":
            props["tabs"] = tuple(
                (_twips(tab.get(_w("pos")), 0) or 0, tab.get(W_VAL) or "left")
                for tab in child
                if tab.tag == _w("tab")
            )
        elif name == "framePr":
            props["frame.centred"] = child.get(_w("xAlign")) == "center"
            if child.get(_w("dropCap")) in (None, "none"):  # a drop cap is not a frame
                props["frame"] = tuple(sorted((_local(k), v) for k, v in child.attrib.items()))
        elif name == "numPr":
            num = child.find(_w("numId"))
            lvl = child.find(_w("ilvl"))
            if num is not None:
                props["numId"] = num.get(W_VAL) or "0"
            if lvl is not None:
                props["ilvl"] = bounded_int(lvl.get(W_VAL), 0, MAX_LEVEL, 0)
        elif name == "pStyle":
            props["pStyle"] = child.get(W_VAL) or ""
    return props


def _para_format(levels: Sequence[Props]) -> ParaFormat:
    def pick(key: str, default: Any) -> Any:
        for level in levels:
            if key in level:
                return level[key]
        return default

    line, rule = pick("spacing.line", (240, "auto"))
    tabs: dict[int, str] = {}
    for level in reversed(levels):  # a style's stops, then each level's own and clears
        for position, kind in level.get("tabs", ()):
            if kind == "clear":
                tabs.pop(position, None)
            else:
                tabs[position] = kind
    return ParaFormat(
        tabs=tuple(sorted(tabs.items())),
        align=str(pick("jc", "left")),
        left=int(pick("ind.left", 0)),
        right=int(pick("ind.right", 0)),
        first_line=int(pick("ind.first", 0)),
        before=int(pick("spacing.before", 0)),
        after=int(pick("spacing.after", 0)),
        line=int(line),
        line_rule=str(rule),
        contextual=bool(pick("contextual", False)),
        border_bottom=bool(pick("border.bottom", False)),
        page_break_before=bool(pick("pageBreakBefore", False)),
        frame_centred=bool(pick("frame.centred", False)),
    )


# --------------------------------------------------------------------------- numbering


def roman_value(text: str) -> int | None:
    """The value of a well-formed Roman numeral, else None (``roman_value("IV") == 4``)."""
    if not text or not re.fullmatch(r"[IVXLCDM]+", text):
        return None
    total = 0
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    for index, char in enumerate(text):
        value = values[char]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if total > 0 and roman(total) == text else None


def _letters(number: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    count, rest = divmod(number - 1, 26)
    return letters[rest] * (count + 1)


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(max(1, value))
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        text = _letters(max(1, value))
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


def _level_number(element: Any) -> int | None:
    """The ``w:ilvl`` of a level or a level override, None when it is not 0–8."""
    number = bounded_number(element.get(_w("ilvl")) or "0", -1, MAX_LEVEL + 1)
    if number is None or not 0 <= number <= MAX_LEVEL:
        return None
    return round(number)


class _Numbering:
    """Word's automatic numbering: the label each numbered paragraph displays."""

    def __init__(self, root: Any | None, styles: _Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, Any]] = {}
        self.nums: dict[str, tuple[str, dict[int, Any], dict[int, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[tuple[str, int]] = set()
        if root is None:
            return
        for abstract in root.iter(_w("abstractNum")):
            levels = {}
            for lvl in abstract.iter(_w("lvl")):
                ilvl = _level_number(lvl)
                if ilvl is not None:
                    levels[ilvl] = lvl
            self.abstract[abstract.get(_w("abstractNumId"), "")] = levels
        for num in root.iter(_w("num")):
            abstract_id = num.find(_w("abstractNumId"))
            overrides: dict[int, Any] = {}
            starts: dict[int, int] = {}
            for override in num.iter(_w("lvlOverride")):
                ilvl = _level_number(override)
                if ilvl is None:
                    continue  # Word has levels 0–8 only
                start = override.find(_w("startOverride"))
                if start is not None:
                    starts[ilvl] = bounded_int(start.get(W_VAL), 0, MAX_START, 1)
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    overrides[ilvl] = lvl
            self.nums[num.get(_w("numId"), "")] = (
                "" if abstract_id is None else abstract_id.get(W_VAL, ""),
                overrides,
                starts,
            )

    def _level(self, num_id: str, ilvl: int) -> Any | None:
        abstract_id, overrides, _ = self.nums.get(num_id, ("", {}, {}))
        if ilvl in overrides:
            return overrides[ilvl]
        return self.abstract.get(abstract_id, {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> tuple[str, Props]:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl``, and the
        paragraph properties the level sets."""
        if num_id in ("", "0") or num_id not in self.nums:
            return "", {}
        abstract_id, _, starts = self.nums[num_id]
        level = self._level(num_id, ilvl)
        if level is None:
            return "", {}
        counters = self.counters.setdefault(abstract_id, [0] * 10)
        if (num_id, ilvl) not in self.started and ilvl in starts:
            counters[ilvl] = starts[ilvl] - 1
        self.started.add((num_id, ilvl))
        if ilvl < len(counters):
            if counters[ilvl] == 0:
                counters[ilvl] = self._start(num_id, ilvl) - 1
            counters[ilvl] += 1
            for deeper in range(ilvl + 1, len(counters)):
                counters[deeper] = 0
        fmt_el = level.find(_w("numFmt"))
        fmt = "decimal" if fmt_el is None else fmt_el.get(W_VAL, "decimal")
        text_el = level.find(_w("lvlText"))
        pattern = "" if text_el is None else text_el.get(W_VAL, "")
        if fmt == "bullet":
            label = pattern.strip() or "•"
            label = "-" if label in _DASHES else label
        else:

            def sub(match: re.Match[str]) -> str:
                index = int(match.group(1)) - 1
                lvl = self._level(num_id, index)
                lvl_fmt = fmt
                if lvl is not None:
                    found = lvl.find(_w("numFmt"))
                    lvl_fmt = "decimal" if found is None else found.get(W_VAL, "decimal")
                    if level.find(_w("isLgl")) is not None:
                        lvl_fmt = "decimal"
                value = counters[index] if 0 <= index < len(counters) else 0
                return _format_number(value, lvl_fmt)

            label = re.sub(r"%(\d)", sub, pattern)
        return label.strip(), _ppr_props(level.find(W_PPR))

    def _start(self, num_id: str, ilvl: int) -> int:
        level = self._level(num_id, ilvl)
        start = None if level is None else level.find(_w("start"))
        return 1 if start is None else bounded_int(start.get(W_VAL), 0, MAX_START, 1)


# --------------------------------------------------------------------------- shapes


_VML_MM = {
    "pt": 25.4 / 72,
    "in": 25.4,
    "cm": 10.0,
    "mm": 1.0,
    "px": 25.4 / 96,
    "emu": 1 / _EMU_PER_MM,
    "": 25.4 / 96,
}
_MAX_SHAPE_MM = MAX_EMU / _EMU_PER_MM


def _vml_length(value: str) -> float | None:
    """A VML length in mm (``"170.1pt"``, ``"6cm"``; bare numbers are pixels)."""
    return bounded_number(value, -_MAX_SHAPE_MM, _MAX_SHAPE_MM, units=_VML_MM)


def _emu(value: str | None) -> float:
    """A DrawingML size (EMU) in mm: 0 when it is not a number."""
    return (bounded_number(value, 0, MAX_EMU) or 0.0) / _EMU_PER_MM


def _shapes(run: Any) -> list[Shape]:
    """The straight lines drawn in a run (DrawingML, or VML when no DrawingML)."""
    shapes: list[Shape] = []
    for holder in run.iter(f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor"):
        if any(a.tag == MC_FALLBACK for a in holder.iterancestors()):
            continue
        for shape in holder.iter(f"{{{WPS_NS}}}wsp"):
            geometry = shape.find(f".//{{{A_NS}}}prstGeom")
            connector = shape.find(f"{{{WPS_NS}}}cNvCnPr") is not None
            if not connector and (
                geometry is None or geometry.get("prst") not in ("line", "straightConnector1")
            ):
                continue
            ext = shape.find(f".//{{{A_NS}}}xfrm/{{{A_NS}}}ext")
            if ext is None:
                ext = holder.find(f"{{{WP_NS}}}extent")
            if ext is None:
                continue
            shapes.append(Shape(math.hypot(_emu(ext.get("cx")), _emu(ext.get("cy")))))
    if shapes:
        return shapes
    for pict in run.iter(_w("pict")):
        if (
            any(a.tag == MC_FALLBACK for a in pict.iterancestors())
            and run.find(f".//{MC_CHOICE}") is not None
            and list(run.iter(f"{{{WPS_NS}}}wsp"))
        ):
            continue
        for line in pict.iter(f"{{{V_NS}}}line"):
            points = [
                _vml_length(v)
                for v in (line.get("from") or "0,0").split(",")
                + (line.get("to") or "0,0").split(",")
            ]
            coords = [v for v in points if v is not None]
            if len(points) == 4 and len(coords) == 4:
                shapes.append(Shape(math.hypot(coords[2] - coords[0], coords[3] - coords[1])))
        for shape in pict.iter(f"{{{V_NS}}}shape"):
            kind = shape.get("type", "")
            if not (
                kind.endswith("_x0000_t32")
                or kind.endswith("_x0000_t20")
                or shape.get("{urn:schemas-microsoft-com:office:office}connectortype")
            ):
                continue
            style = dict(
                part.split(":", 1) for part in (shape.get("style") or "").split(";") if ":" in part
            )
            width = _vml_length(style.get("width", "0"))
            height = _vml_length(style.get("height", "0"))
            if width is not None:
                shapes.append(Shape(math.hypot(width, height or 0.0)))
    return shapes


# --------------------------------------------------------------------------- parsing


@attrs.define
class _Cursor:
    """State of the walk through one story."""

    part: str
    width_mm: float
    section: int = 0
    table_count: int = 0
    textbox_count: int = 0


class _Builder:
    """Turns the XML of a story into :class:`Para` objects."""

    def __init__(self, package: _Package, styles: _Styles, numbering: _Numbering) -> None:
        self.package = package
        self.styles = styles
        self.numbering = numbering
        self.paragraphs: list[Para] = []
        #: (table, row) → (w:trHeight in twips, w:hRule) of the rows that set a height.
        self.row_heights: dict[tuple[int, int], tuple[int, str]] = {}
        self._last_frame: tuple[tuple[str, str], ...] | None = None
        self._frames = 0
        self._anchor = 0
        self._frame_rows: dict[int, dict[tuple[str, str, str], int]] = {}

    # -- paragraphs -------------------------------------------------------------------------

    def walk(
        self,
        element: Any,
        cursor: _Cursor,
        container: Container,
        table_style: str = "",
        on_section: Callable[[Any], None] | None = None,
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == W_P:
                self._paragraph(child, cursor, container, table_style)
                sect = child.find(f"{W_PPR}/{_w('sectPr')}")
                if sect is not None and on_section is not None and container.kind == "body":
                    on_section(sect)
            elif tag == W_TBL:
                self._table(child, cursor)
            elif tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.walk(content, cursor, container, table_style, on_section)
            elif tag in _BLOCK_CONTAINERS:
                self.walk(child, cursor, container, table_style, on_section)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self.walk(choice, cursor, container, table_style, on_section)

    def _table(self, table: Any, cursor: _Cursor) -> None:
        cursor.table_count += 1
        table_id = cursor.table_count
        tbl_pr = table.find(_w("tblPr"))
        style_el = None if tbl_pr is None else tbl_pr.find(_w("tblStyle"))
        style_id = self.styles.table_style(None if style_el is None else style_el.get(W_VAL))
        grid = [
            max(0, _twips(col.get(_w("w")), 0) or 0)
            for col in table.iter(_w("gridCol"))
            if col.getparent().getparent() is table
        ]
        table_mar = None if tbl_pr is None else tbl_pr.find(_w("tblCellMar"))
        style_left, style_right = self.styles.table_margins(style_id)
        default_left = _margin(table_mar, "left", "start") if table_mar is not None else None
        default_right = _margin(table_mar, "right", "end") if table_mar is not None else None
        base_left = (
            default_left
            if default_left is not None
            else (style_left if style_left is not None else 108)
        )
        base_right = (
            default_right
            if default_right is not None
            else (style_right if style_right is not None else 108)
        )
        for row_no, row in enumerate(r for r in table if r.tag == W_TR):
            column = 0
            tr_pr = row.find(_w("trPr"))
            if tr_pr is not None:
                before = tr_pr.find(_w("gridBefore"))
                if before is not None:
                    column = bounded_int(before.get(W_VAL), 0, MAX_COLUMNS, 0)
                height = tr_pr.find(_w("trHeight"))
                if height is not None:
                    self.row_heights[(table_id, row_no)] = (
                        max(0, _twips(height.get(W_VAL), 0) or 0),
                        height.get(_w("hRule")) or "atLeast",
                    )
            for cell in self._cells(row):
                tc_pr = cell.find(_w("tcPr"))
                span = 1
                width = None
                left, right = base_left, base_right
                if tc_pr is not None:
                    span_el = tc_pr.find(_w("gridSpan"))
                    if span_el is not None:
                        span = bounded_int(span_el.get(W_VAL), 1, MAX_COLUMNS, 1)
                    tcw = tc_pr.find(_w("tcW"))
                    if tcw is not None and (tcw.get(_w("type")) in (None, "dxa")):
                        width = _twips(tcw.get(_w("w")))
                    mar = tc_pr.find(_w("tcMar"))
                    if mar is not None:
                        found_left = _margin(mar, "left", "start")
                        found_right = _margin(mar, "right", "end")
                        left = left if found_left is None else found_left
                        right = right if found_right is None else found_right
                if not width:
                    width = sum(grid[column : column + span]) or round(
                        _ooxml.TWIPS_PER_MM * cursor.width_mm / max(1, len(grid) or 1)
                    )
                inner = _ooxml.mm_from_twips(max(1, width - left - right))
                self.walk(
                    cell, cursor, Container("cell", inner, table_id, row_no, column), style_id
                )
                column += span

    @staticmethod
    def _cells(row: Any) -> Iterator[Any]:
        for child in row:
            if child.tag == W_TC:
                yield child
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    yield from (c for c in content if c.tag == W_TC)
            elif child.tag == _w("customXml"):
                yield from (c for c in child if c.tag == W_TC)

    def _paragraph(
        self, element: Any, cursor: _Cursor, container: Container, table_style: str
    ) -> None:
        ppr = element.find(W_PPR)
        direct_p = _ppr_props(ppr)
        style_id = self.styles.paragraph_style(direct_p.get("pStyle"))
        style_p = self.styles.style_p(style_id)
        table_p = self.styles.style_p(table_style) if table_style else {}
        num_id = direct_p.get("numId", style_p.get("numId", ""))
        ilvl = int(direct_p.get("ilvl", style_p.get("ilvl", 0)) or 0)
        label, num_p = self.numbering.label(str(num_id), ilvl)
        fmt = _para_format((direct_p, num_p, style_p, table_p, self.styles.doc_p))
        if container.kind == "body":
            container = self._frame(direct_p.get("frame", style_p.get("frame")), container)
        style_r = self.styles.style_r(style_id)
        table_r = self.styles.style_r(table_style) if table_style else {}
        mark = self.styles.run_format(
            self.styles.rpr(None if ppr is None else ppr.find(W_RPR)), {}, style_r, table_r
        )
        state = _RunState()
        self._runs(element, state, style_r, table_r)
        para = Para(
            index=len(self.paragraphs),
            part=cursor.part,
            section=cursor.section,
            container=container,
            style_id=style_id,
            label=label,
            spans=tuple(state.spans),
            fmt=fmt,
            mark_size=mark.size or DEFAULT_SIZE,
            shapes=tuple(state.shapes),
            fields=tuple(state.fields),
            page_break=state.page_break,
            raw_text="".join(state.raw),
            inline_mm=state.inline_mm,
            tab_kinds=tuple(state.tabs),
        )
        self.paragraphs.append(para)
        for box in self._textboxes(element):
            cursor.textbox_count += 1
            width = self._textbox_width(box)
            self.walk(box, cursor, Container("textbox", width, textbox=cursor.textbox_count))

    def _frame(self, frame: tuple[tuple[str, str], ...] | None, body: Container) -> Container:
        """The container of a body paragraph: the body, or the Word frame it is in.

        Consecutive paragraphs with the same frame properties make one frame (as in Word).
        Frames follow one another until a paragraph of the body, to which they are
        anchored: those at the same height stand side by side (one ``row``)."""
        if frame is None:
            self._last_frame = None
            self._anchor += 1
            return body
        if frame != self._last_frame:
            self._last_frame = frame
            self._frames += 1
        props = dict(frame)
        width = bounded_number(props.get("w"), 1, TWIPS_LIMIT)
        height = (props.get("vAnchor", "text"), props.get("y", "0"), props.get("yAlign", ""))
        rows = self._frame_rows.setdefault(self._anchor, {})
        if height not in rows:
            rows[height] = sum(len(r) for r in self._frame_rows.values())
        row = rows[height]
        return Container(
            "frame",
            body.width_mm if width is None else _ooxml.mm_from_twips(round(width)),
            row=row,
            textbox=self._frames,
        )

    @staticmethod
    def _textboxes(paragraph: Any) -> list[Any]:
        boxes = []
        for box in paragraph.iter(W_TXBX):
            if any(a.tag == MC_FALLBACK for a in box.iterancestors()):
                continue
            parent_p = next((a for a in box.iterancestors() if a.tag in (W_P, W_TXBX)), None)
            if parent_p is paragraph:
                boxes.append(box)
        return boxes

    @staticmethod
    def _textbox_width(box: Any) -> float:
        for ancestor in box.iterancestors():
            if ancestor.tag in (f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor"):
                extent = ancestor.find(f"{{{WP_NS}}}extent")
                if extent is not None:
                    return max(1.0, _emu(extent.get("cx")) - 5.08)
        return 80.0

    # -- runs -------------------------------------------------------------------------------

    def _runs(self, element: Any, state: _RunState, style_r: Props, table_r: Props) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                self._run(child, state, style_r, table_r)
            elif tag in _RUN_CONTAINERS:
                if tag == _w("fldSimple"):
                    state.open_simple(child.get(_w("instr")) or "")
                    self._runs(child, state, style_r, table_r)
                    state.close()
                else:
                    self._runs(child, state, style_r, table_r)
            elif tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self._runs(content, state, style_r, table_r)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self._runs(choice, state, style_r, table_r)

    def _run(self, run: Any, state: _RunState, style_r: Props, table_r: Props) -> None:
        rpr = run.find(W_RPR)
        direct = self.styles.rpr(rpr)
        char_el = None if rpr is None else rpr.find(_w("rStyle"))
        char_id = self.styles.char_style(None if char_el is None else char_el.get(W_VAL))
        char = self.styles.style_r(char_id) if char_id else {}
        fmt = self.styles.run_format(direct, char, style_r, table_r)
        hidden = fmt is _HIDDEN
        for child in run:
            tag = child.tag
            text = ""
            if tag == W_T:
                text = child.text or ""
            elif tag == _w("tab") or tag == _w("ptab"):
                text = "\t"
                if not hidden:
                    state.tabs.append(child.get(_w("alignment"), "") if tag == _w("ptab") else "")
            elif tag == _w("br"):
                if child.get(_w("type")) == "page":
                    state.page_break = True
                text = "\n"
            elif tag == _w("cr"):
                text = "\n"
            elif tag == _w("noBreakHyphen"):
                text = "-"
            elif tag == _w("instrText"):
                state.instr(child.text or "")
            elif tag == _w("fldChar"):
                state.fld_char(child.get(_w("fldCharType")) or "")
            elif tag in (_w("drawing"), _w("pict"), MC_ALT):
                state.shapes.extend(_shapes(child))
                state.inline_mm = max(state.inline_mm, _inline_height_mm(child))
            if text:
                state.raw.append(text)
                if not hidden:
                    state.add(Span(text, fmt))


@attrs.define
class _FieldState:
    instruction: list[str] = attrs.Factory(list)
    result: list[Span] = attrs.Factory(list)
    in_result: bool = False


@attrs.define
class _RunState:
    spans: list[Span] = attrs.Factory(list)
    raw: list[str] = attrs.Factory(list)
    shapes: list[Shape] = attrs.Factory(list)
    fields: list[Field] = attrs.Factory(list)
    open_fields: list[_FieldState] = attrs.Factory(list)
    page_break: bool = False
    inline_mm: float = 0.0
    tabs: list[str] = attrs.Factory(list)

    def add(self, span: Span) -> None:
        if self.spans and self.spans[-1].fmt == span.fmt:
            self.spans[-1] = Span(self.spans[-1].text + span.text, span.fmt)
        else:
            self.spans.append(span)
        for field in self.open_fields:
            if field.in_result:
                field.result.append(span)

    def open_simple(self, instruction: str) -> None:
        self.open_fields.append(_FieldState([instruction], [], True))

    def close(self) -> None:
        if self.open_fields:
            done = self.open_fields.pop()
            self.fields.append(
                Field(" ".join("".join(done.instruction).split()), tuple(done.result))
            )

    def instr(self, text: str) -> None:
        if self.open_fields and not self.open_fields[-1].in_result:
            self.open_fields[-1].instruction.append(text)

    def fld_char(self, kind: str) -> None:
        if kind == "begin":
            self.open_fields.append(_FieldState())
        elif kind == "separate" and self.open_fields:
            self.open_fields[-1].in_result = True
        elif kind == "end":
            self.close()


# --------------------------------------------------------------------------- document


class ParsedDocument:
    """A .docx read for checking: paragraphs with effective formatting, sections, headers.

    Attributes:
        name: how the input is named in messages (its path, or "the document").
        paragraphs: the paragraphs of the main story (body, table cells, text boxes) in
            document order.
        sections: the page setup of each section.
        stories: the paragraphs of each header and footer part, by part name.
        even_and_odd: the document has different headers on even pages.
    """

    def __init__(self, package: _Package) -> None:
        self.name = package.shown
        main = package.main
        root = package.xml(main)
        if root.tag == f"{{{STRICT_W_NS}}}document":
            raise ValidationError(
                self.name,
                "is a Strict Open XML document; save it as a standard Word document (.docx)",
                path="docx",
            )
        if root.tag != _w("document"):
            raise ValidationError(
                self.name, "is not a Word document (its main part is not w:document)", path="docx"
            )
        rels = package.rels(main)

        def part_of(kind: str) -> Any | None:
            for rel_type, target in rels:
                if rel_type == _REL_TYPE + kind and target in package.names:
                    return package.xml(target)
            return None

        theme = _Theme(part_of("theme"))
        self.styles = _Styles(part_of("styles"), theme)
        settings = part_of("settings")
        self.even_and_odd = (
            settings is not None
            and settings.find(_w("evenAndOddHeaders")) is not None
            and _on(settings.find(_w("evenAndOddHeaders")))
        )
        numbering_root = part_of("numbering")
        body = root.find(_w("body"))
        if body is None:
            raise ValidationError(
                self.name, "is not a valid .docx: the document has no body", path="docx"
            )
        rel_ids = package.rel_ids(main)
        sect_elements = [
            p.find(f"{W_PPR}/{_w('sectPr')}")
            for p in body
            if p.tag == W_P and p.find(f"{W_PPR}/{_w('sectPr')}") is not None
        ]
        final = body.find(_w("sectPr"))
        sect_elements.append(final)
        first_width = self._text_width(sect_elements[0])
        builder = _Builder(package, self.styles, _Numbering(numbering_root, self.styles))
        cursor = _Cursor(main, first_width)
        bounds: list[int] = []

        def on_section(_sect: Any) -> None:
            bounds.append(len(builder.paragraphs) - 1)
            cursor.section += 1
            if cursor.section < len(sect_elements):
                cursor.width_mm = self._text_width(sect_elements[cursor.section])

        builder.walk(body, cursor, Container("body", first_width), on_section=on_section)
        self.paragraphs: tuple[Para, ...] = tuple(builder.paragraphs)
        self.row_heights = builder.row_heights
        bounds.append(len(self.paragraphs) - 1)
        self.sections: tuple[SectionInfo, ...] = self._sections(sect_elements, bounds, rel_ids)
        self.stories: dict[str, tuple[Para, ...]] = {}
        for section in self.sections:
            for kind, target in section.headers + section.footers:
                if target in self.stories or target not in package.names:
                    continue
                story_root = package.xml(target)
                story_builder = _Builder(
                    package, self.styles, _Numbering(numbering_root, self.styles)
                )
                story_kind: Literal["header", "footer"] = (
                    "header" if (kind, target) in section.headers else "footer"
                )
                story_cursor = _Cursor(target, section.text_width_mm, section.index)
                story_builder.walk(
                    story_root, story_cursor, Container(story_kind, section.text_width_mm)
                )
                self.stories[target] = tuple(story_builder.paragraphs)

    @staticmethod
    def _text_width(sect: Any | None) -> float:
        if sect is None:
            return _ooxml.mm_from_twips(12240 - 2880)
        size = sect.find(_w("pgSz"))
        mar = sect.find(_w("pgMar"))
        width = 12240 if size is None else (_twips(size.get(_w("w")), 12240) or 12240)
        left = 1440 if mar is None else (_twips(mar.get(_w("left")), 1440) or 0)
        right = 1440 if mar is None else (_twips(mar.get(_w("right")), 1440) or 0)
        gutter = 0 if mar is None else (_twips(mar.get(_w("gutter")), 0) or 0)
        return _ooxml.mm_from_twips(max(567, width - left - right - gutter))

    def _sections(
        self, elements: list[Any | None], bounds: list[int], rel_ids: dict[str, str]
    ) -> tuple[SectionInfo, ...]:
        out: list[SectionInfo] = []
        headers: dict[str, str] = {}
        footers: dict[str, str] = {}
        first = 0
        for index, sect in enumerate(elements):
            last = bounds[index] if index < len(bounds) else len(self.paragraphs) - 1
            width = height = top = bottom = left = right = None
            orient = "portrait"
            gutter = 0
            title_pg = False
            start = None
            kind = "nextPage"
            if sect is not None:
                size = sect.find(_w("pgSz"))
                if size is not None:
                    width = _twips(size.get(_w("w")))
                    height = _twips(size.get(_w("h")))
                    orient = size.get(_w("orient")) or "portrait"
                mar = sect.find(_w("pgMar"))
                if mar is not None:
                    top = _twips(mar.get(_w("top")))
                    bottom = _twips(mar.get(_w("bottom")))
                    left = _twips(mar.get(_w("left")))
                    right = _twips(mar.get(_w("right")))
                    gutter = _twips(mar.get(_w("gutter")), 0) or 0
                title = sect.find(_w("titlePg"))
                title_pg = title is not None and _on(title)
                number = sect.find(_w("pgNumType"))
                if number is not None:
                    start = (
                        None
                        if number.get(_w("start")) is None
                        else bounded_int(number.get(_w("start")), 0, MAX_START, 0)
                    )
                type_el = sect.find(_w("type"))
                if type_el is not None:
                    kind = type_el.get(W_VAL) or "nextPage"
                for ref in sect.iter(_w("headerReference")):
                    target = rel_ids.get(ref.get(f"{{{R_NS}}}id", ""))
                    if target:
                        headers[ref.get(_w("type")) or "default"] = target
                for ref in sect.iter(_w("footerReference")):
                    target = rel_ids.get(ref.get(f"{{{R_NS}}}id", ""))
                    if target:
                        footers[ref.get(_w("type")) or "default"] = target
            out.append(
                SectionInfo(
                    index=index,
                    width=width,
                    height=height,
                    orient=orient,
                    top=top,
                    bottom=bottom,
                    left=left,
                    right=right,
                    gutter=gutter,
                    title_pg=title_pg,
                    page_start=start,
                    kind=kind,
                    headers=tuple(sorted(headers.items())),
                    footers=tuple(sorted(footers.items())),
                    first_para=first,
                    last_para=last,
                )
            )
            first = last + 1
        return tuple(out)

    # -- views ------------------------------------------------------------------------------

    def section_of(self, para: Para) -> SectionInfo:
        return self.sections[min(para.section, len(self.sections) - 1)]

    def story(self, part: str | None) -> tuple[Para, ...]:
        return () if part is None else self.stories.get(part, ())

    def next_in_container(self, para: Para) -> Para | None:
        """The paragraph after ``para`` in the same cell, text box or body."""
        for other in self.paragraphs[para.index + 1 :]:
            if other.container.key == para.container.key:
                return other
            if other.container.kind == para.container.kind == "body":
                return other
            if para.container.kind != "body" and other.container.kind == "body":
                return None
        return None

    def same_row(self, a: Fragment, b: Fragment) -> bool:
        """True when ``a`` and ``b`` sit side by side: in one table row (different
        cells), or on one line of one paragraph (tab-separated)."""
        ca, cb = a.para.container, b.para.container
        if ca.kind == cb.kind == "cell":
            return ca.table == cb.table and ca.row == cb.row and ca.column != cb.column
        if ca.kind == cb.kind == "frame" and ca.textbox != cb.textbox:
            return ca.row == cb.row
        return a.para is b.para and a.line == b.line and a.chunk != b.chunk

    def top_mm(self, fragment: Fragment) -> float:
        """How far below the top of its cell, text box or story the line of ``fragment``
        starts: the heights of the paragraphs above it there, its spacing before, and its
        lines above (measured, as :func:`paragraph_height_mm`)."""
        para = fragment.para
        above = 0.0
        for other in self.paragraphs[: para.index]:
            if other.container.key == para.container.key:
                above += paragraph_height_mm(other)
        lines = wrap_widths(para.spans, para.width_mm) if fragment.line else []
        return (
            above
            + para.fmt.before / 20 * _ooxml.MM_PER_PT
            + min(fragment.line, len(lines)) * line_height_pt(para) * _ooxml.MM_PER_PT
        )

    @functools.cached_property
    def elements(self) -> Elements:
        """The parts of the report (see :func:`find_elements`)."""
        return find_elements(self)

    def page_estimate(self, *, at_most: float | None = None) -> float:
        """A rough count of the pages of the main story (to know if page numbers are due).

        Sections that start a new page and explicit page breaks count as pages; the rest
        is estimated by wrapping every paragraph with the metrics. With ``at_most``, the
        count stops as soon as it is past that many pages (a million paragraphs need not be
        wrapped to know there is more than one page): the result is then only known to be
        greater than ``at_most``.
        """
        breaks = sum(1 for s in self.sections[1:] if s.kind != "continuous")
        breaks += sum(1 for p in self.paragraphs if p.page_break or p.fmt.page_break_before)
        if breaks:
            return float(breaks + 1)
        first = self.sections[0]
        height = 16838 if first.height is None else first.height
        usable = _ooxml.mm_from_twips(max(1, height - (first.top or 1440) - (first.bottom or 1440)))
        total = 0.0
        enough = math.inf if at_most is None else at_most * usable
        rows: dict[tuple[int, int], dict[int, float]] = {}
        for para in self.paragraphs:
            if total > enough:  # rows only add to it
                return total / usable
            used = paragraph_height_mm(para)
            if para.container.kind == "cell":
                key = (para.container.table, para.container.row)
                cells = rows.setdefault(key, {})
                cells[para.container.column] = cells.get(para.container.column, 0.0) + used
            elif para.container.kind in ("body", "frame"):  # frames counted as 0.1 did
                total += used
        for key, cells in rows.items():
            content = max(cells.values())
            set_height, rule = self.row_heights.get(key, (0, "auto"))
            set_mm = _ooxml.mm_from_twips(set_height)
            total += set_mm if rule == "exact" else max(content, set_mm)
        return total / usable


def _inline_height_mm(run_child: Any) -> float:
    """The height of the pictures and drawings placed in the line (``wp:inline``)."""
    heights = [
        _emu(extent.get("cy"))
        for inline in run_child.iter(f"{{{WP_NS}}}inline")
        if not any(a.tag == MC_FALLBACK for a in inline.iterancestors())
        for extent in inline.findall(f"{{{WP_NS}}}extent")
    ]
    return max(heights, default=0.0)


def line_height_pt(para: Para) -> float:
    """The height of one line of a paragraph (points): its largest size and line spacing."""
    sizes = [s.fmt.size for s in para.spans if s.text.strip()] or [para.mark_size]
    natural = max(sizes) * 1.15
    if para.fmt.line_rule == "auto":
        return natural * para.fmt.line / 240
    if para.fmt.line_rule == "exact":
        return para.fmt.line / 20
    return max(natural, para.fmt.line / 20)


def paragraph_height_mm(para: Para) -> float:
    """The height a paragraph takes: its wrapped lines, line spacing and spacing."""
    line_pt = line_height_pt(para)
    lines = (
        len(
            wrap_widths(
                para.spans,
                para.width_mm,
                first_line_mm=_ooxml.mm_from_twips(max(0, para.fmt.first_line)),
            )
        )
        if para.spans
        else 1
    )
    spacing = (para.fmt.before + para.fmt.after) / 20
    text_mm = lines * line_pt * _ooxml.MM_PER_PT
    exact = para.fmt.line_rule == "exact"
    return max(text_mm, 0.0 if exact else para.inline_mm) + spacing * _ooxml.MM_PER_PT


# --------------------------------------------------------------------------- measuring


#: The size of superscript and subscript text relative to its run, as LibreOffice prints it
#: (58 %; the 2/3 of 0.1 made the decree's own typed rules of Mẫu 1.1, 1.2 and 1.5 too long).
SUPERSCRIPT_SCALE = 0.58


def span_width_mm(text: str, fmt: RunFormat) -> float:
    """Width of ``text`` in the run's size and weight (superscript at
    :data:`SUPERSCRIPT_SCALE` of it)."""
    if not text or fmt.size <= 0:
        return 0.0
    scale = SUPERSCRIPT_SCALE if fmt.vert_align in ("superscript", "subscript") else 1.0
    size = fmt.size * scale
    shown = text.upper() if fmt.caps else text
    return _ooxml.text_width_mm(shown.replace("\t", " "), size, bold=fmt.bold, italic=fmt.italic)


def wrap_widths(
    spans: Sequence[Span], width_mm: float, *, first_line_mm: float = 0.0
) -> list[float]:
    """The widths of the lines a word processor makes of ``spans`` in ``width_mm``.

    Greedy breaking at spaces (and at explicit line breaks), each character measured in its
    run's formatting. Trailing spaces do not count.
    """
    lines: list[float] = []
    line = 0.0
    pending_space = 0.0
    word = 0.0
    room = width_mm - first_line_mm

    def end_word() -> None:
        nonlocal line, pending_space, word, room
        if word == 0.0:
            return
        if line > 0 and line + pending_space + word > room + 0.01:
            lines.append(line)
            line = word
            room = width_mm
        else:
            line += (pending_space if line > 0 else 0.0) + word
        pending_space = 0.0
        word = 0.0

    for span in spans:
        for piece in re.split(r"(\n| +)", span.text):
            if not piece:
                continue
            if piece == "\n":
                end_word()
                lines.append(line)
                line = 0.0
                pending_space = 0.0
                room = width_mm
            elif piece.startswith(" "):
                end_word()
                pending_space += span_width_mm(piece, span.fmt)
            else:
                word += span_width_mm(piece, span.fmt)
    end_word()
    lines.append(line)
    return lines


def fragment_width_mm(fragment: Fragment) -> float:
    return sum(span_width_mm(s.text, s.fmt) for s in fragment.spans)


# --------------------------------------------------------------------------- elements


def _content_paras(doc: ParsedDocument) -> list[Para]:
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
    doc: ParsedDocument, fragments: Sequence[Fragment], expected_mm: float
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


def longest_line_mm(fragments: Sequence[Fragment]) -> float:
    """The longest line of an element as laid out in its container (wrapped)."""
    widths: list[float] = []
    for fragment in fragments:
        room = fragment.para.width_mm if fragment.whole_line else 10_000.0
        widths += wrap_widths(fragment.spans, room)
    return max(widths, default=0.0)


def _is_bold(fragment: Fragment) -> bool:
    inked = fragment.inked
    return bool(inked) and sum(len(s.text) for s in inked if s.fmt.bold) * 2 > sum(
        len(s.text) for s in inked
    )


def find_elements(doc: ParsedDocument) -> Elements:
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
        if "national_name" not in found and text == _LOOSE_NATIONAL:
            found["national_name"] = fragment
        elif "motto" not in found and _motto_words(text):
            found["motto"] = fragment
        elif "number" not in found and _NUMBER_RE.match(fragment.text):
            found["number"] = fragment
        elif "date" not in found and _DATE_RE.search(fragment.text):
            found["date"] = fragment
    found["type_name"] = type_name
    marks = [found[k] for k in ("national_name", "motto", "number", "date") if k in found]
    if "number" in found:
        found["parent"], found["issuer"] = _issuer_block(doc, header, found["number"], marks)
    body_start = 0
    if type_name is not None:
        body_start, found["subject"], found["addressee"] = _front(paras, type_name)
    footer_start, label, recipients, signature = _footer(paras, body_start)
    found["recipients_label"] = label
    found["recipients"] = tuple(recipients)
    notes = _annotations(signature)
    placeholders = [f for f in signature if f.text.startswith("(")]
    lines = [f for f in signature if f not in notes]
    found["signature"] = tuple(lines[:-1])
    found["signer"] = lines[-1] if lines else None
    found["placeholders"] = tuple(f for f in placeholders if _PLACEHOLDER_RE.match(f.text))
    last_footer = max(
        (f.para.index for f in [*signature, *recipients] + ([label] if label else [])), default=-1
    )
    labels = [
        i
        for i, p in enumerate(paras)
        if i >= body_start
        and p.index > last_footer
        and p.container.kind == "body"
        and re.fullmatch(r"phụlục(?:[ivxlc]+|\d+)?", loose(p.text))
    ]
    footer_start = min([footer_start, *labels[:1]])
    if type_name is not None:
        found["content"] = tuple(paras[body_start:footer_start])
    found["appendices"] = tuple(
        _appendix(paras, begin, labels[n + 1] if n + 1 < len(labels) else len(paras))
        for n, begin in enumerate(labels)
    )
    motto = found.get("motto")
    if motto is not None:
        found["motto_line"] = find_rule_line(doc, [motto], fragment_width_mm(motto))
    if found.get("issuer"):
        longest = longest_line_mm(found["issuer"])
        found["issuer_line"] = find_rule_line(doc, found["issuer"], longest * 0.4)
    if found.get("subject"):
        longest = longest_line_mm(found["subject"])
        found["subject_line"] = find_rule_line(doc, found["subject"], longest * 0.4)
    return Elements(**found)


def _issuer_block(
    doc: ParsedDocument, header: Sequence[Fragment], number: Fragment, marks: Sequence[Fragment]
) -> tuple[tuple[Fragment, ...], tuple[Fragment, ...]]:
    """(parent body lines, issuing body lines): the lines above "Số:" in its column.

    The issuing body is bold and its parent is not (PL I, II.2), so the last lines of one
    weight are the issuing body. When every line has the same weight and they make several
    paragraphs, the line drawn under the issuing body decides: if it fits (1/3 to 1/2) the
    last paragraph and not the whole block, the paragraphs above are the parent body.
    """
    column = _column_side(number)
    above = [
        f
        for f in header[: header.index(number)]
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
        line = find_rule_line(doc, issuer, longest_line_mm(issuer) * 0.4)
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
    longest = longest_line_mm(fragments)
    low, high = RULE_SHARE
    return longest * low - 0.5 <= length_mm <= longest * high + 0.5


def _starts_block(text: str) -> bool:
    folded = loose(text)
    return folded.startswith("kínhgửi") or folded.startswith("căncứ") or _heading_number(text)


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
    addressee: list[Fragment] = []
    if cursor < len(paras) and loose(paras[cursor].text).startswith("kínhgửi"):
        addressee += paras[cursor].fragments
        cursor += 1
        rest = loose(addressee[0].text)[len("kínhgửi") :].lstrip(":")
        if not rest and len(addressee) == 1:
            while cursor < len(paras) and paras[cursor].text.strip()[:1] in _DASHES:
                addressee += paras[cursor].fragments
                cursor += 1
                if paras[cursor - 1].text.rstrip().endswith("."):
                    break
    return cursor, tuple(subject), tuple(addressee)


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
    return text[:1] in _DASHES + "+•" or loose(text).startswith("lưu")


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
            or _heading_number(text)
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
        if loose(text).startswith("(kèmtheo"):
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


_HEADING_RE = re.compile(r"^(?:[IVXLCDM]+\.|\d+\.|[a-zđ]\))\s")


_PART_RE = re.compile(r"^(?:Phần|PHẦN) (?:(?:[IVXLCDM]+|[A-Z]|\d+)(?!\w)|(?:thứ|THỨ) )")
"""A Phần label ("Phần I", "PHẦN A", "Phần thứ nhất"), not a word ("Phần mềm …")."""


def _heading_number(text: str) -> bool:
    return bool(_HEADING_RE.match(text)) or bool(_PART_RE.match(text))


# --------------------------------------------------------------------------- entry points


def parse(docx: DocxInput) -> ParsedDocument:
    """Read a .docx (path, bytes or binary stream) for checking.

    Raises:
        ValidationError: the input is not a .docx (not a ZIP archive, no document part,
            broken XML, an old .doc, a Strict Open XML file) or the path does not exist.
        InvalidTypeError: the input is neither a path, bytes nor a binary stream.
    """
    data, shown = read_docx(docx)
    return ParsedDocument(_Package(data, shown))
