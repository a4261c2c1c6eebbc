"""The pieces the template generator builds its templates from (a build tool's room).

Styles, paragraphs, Jinja tags, rules, the header and footer tables, the body blocks and
the marks, as WordprocessingML strings; :mod:`._template_gen` assembles them into
``templates/bao-cao.docx`` (Mẫu 1.4) and ``templates/cong-van.docx`` (Mẫu 1.5).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from .. import _ooxml
from .._nd30 import MOTTO, NATIONAL_NAME, STYLE_SIZES
from .._ooxml import R_NS, W_NS
from ._signatures import GAP_LINES

__all__ = ["MOTTO", "NATIONAL_NAME", "PAGE", "STYLE_SIZES"]

NSDECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'


class PAGE:
    """Page geometry of the default template, in millimetres."""

    width = 210.0
    height = 297.0
    top = 20.0
    bottom = 20.0
    left = 30.0
    right = 15.0
    header = 10.0
    footer = 10.0

    @classmethod
    def text_width(cls) -> float:
        return cls.width - cls.left - cls.right


def tw(mm: float) -> int:
    """Millimetres to twips (1/20 pt)."""
    return _ooxml.twips(mm)


HEADER_LEFT_SHARE = 0.40
FOOTER_LEFT_SHARE = 0.35
BODY_INDENT_TW = 720  # 1.27 cm first-line indent
BODY_BEFORE_TW = 120  # 6 pt before each paragraph
BODY_LINE = 276  # 1.15 lines (240 = single)
SIGNATURE_GAP_LINES = GAP_LINES  # the context reports its height (_render/_signatures.py)


# --------------------------------------------------------------------------- styles

_FONTS = (
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
    'w:eastAsia="Times New Roman" w:cs="Times New Roman"/>'
)


def _rpr(size: float | None = None, *, bold: bool = False, italic: bool = False) -> str:
    parts = [_FONTS]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    parts.append('<w:color w:val="000000"/>')
    if size is not None:
        half = round(size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    parts.append('<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _ppr(
    *,
    jc: str | None = None,
    before: int = 0,
    after: int = 0,
    line: int = 240,
    first: int | None = None,
    left: int | None = None,
    keep_next: bool = False,
    border: bool = False,
) -> str:
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if border:
        parts.append(
            '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        )
    parts.append(
        f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto"/>'
    )
    if first is not None or left is not None:
        attrs = ""
        if left is not None:
            attrs += f' w:left="{left}" w:right="{left}"'
        if first is not None:
            attrs += f' w:firstLine="{first}"'
        parts.append(f"<w:ind{attrs}/>")
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def _style(
    style_id: str,
    name: str,
    *,
    ppr: str,
    bold: bool = False,
    italic: bool = False,
    based_on: str = "Normal",
) -> str:
    size = STYLE_SIZES[style_id][0]  # every style has its two sizes in the table
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/><w:qFormat/>'
        f"{ppr}{_rpr(size, bold=bold, italic=italic)}</w:style>"
    )


def _styles_xml(extra: tuple[str, ...] = ()) -> str:
    """The styles part: every form's "BC …" styles, then ``extra`` (a form's own)."""
    body_ppr = _ppr(jc="both", before=BODY_BEFORE_TW, line=BODY_LINE, first=BODY_INDENT_TW)
    heading_ppr = _ppr(  # a section's and a titled item's heading: kept with what follows
        jc="both", before=BODY_BEFORE_TW, line=BODY_LINE, first=BODY_INDENT_TW, keep_next=True
    )
    centred = _ppr(jc="center")
    styles = [
        # Header block (ô 1–4)
        _style("BCParent", "BC Parent Body", ppr=centred),
        _style("BCIssuer", "BC Issuing Body", ppr=centred, bold=True),
        _style("BCNationalName", "BC National Name", ppr=centred, bold=True),
        _style("BCMotto", "BC Motto", ppr=centred, bold=True),
        _style("BCRule", "BC Rule", ppr=_ppr(jc="center", border=True, line=240)),
        _style("BCNumber", "BC Number", ppr=_ppr(jc="center", before=120)),
        _style("BCPlaceDate", "BC Place Date", ppr=_ppr(jc="center", before=120), italic=True),
        # Type name, subject (ô 5a), Kính gửi (ô 9a), căn cứ
        _style(
            "BCTitle", "BC Type Name", ppr=_ppr(jc="center", before=480, keep_next=True), bold=True
        ),
        _style("BCSubject", "BC Subject", ppr=_ppr(jc="center", keep_next=True), bold=True),
        _style(
            "BCAddressee",
            "BC Addressee",
            ppr=_ppr(jc="left", before=240, after=120, first=tw(35.0)),
        ),
        _style(
            "BCAddresseeLine",
            "BC Addressee Line",
            ppr=_ppr(jc="left", line=240, left=0, first=tw(45.0)),
        ),
        _style("BCLegalBasis", "BC Legal Basis", ppr=body_ppr, italic=True),
        # Body (ô 6)
        _style("BCBody", "BC Body", ppr=body_ppr),
        _style(
            "BCSection",
            "BC Section Heading",
            ppr=heading_ppr,
            bold=True,
        ),
        _style(
            "BCItemTitle",
            "BC Item Heading",
            ppr=heading_ppr,
            bold=True,
        ),
        _style(
            "BCPart",
            "BC Part Heading",
            ppr=_ppr(jc="center", before=BODY_BEFORE_TW, line=BODY_LINE, keep_next=True),
            bold=True,
        ),
        _style("BCTableText", "BC Table Text", ppr=_ppr(jc="left")),
        _style("BCTableNumber", "BC Table Number", ppr=_ppr(jc="right"), based_on="BCTableText"),
        _style(
            "BCTableHeading",
            "BC Table Heading",
            ppr=_ppr(jc="center"),
            bold=True,
            based_on="BCTableText",
        ),
        _style(
            "BCTableTotalText",
            "BC Table Total Text",
            ppr=_ppr(jc="left"),
            bold=True,
            based_on="BCTableText",
        ),
        _style(
            "BCTableTotalNumber",
            "BC Table Total Number",
            ppr=_ppr(jc="right"),
            bold=True,
            based_on="BCTableText",
        ),
        # Footer (ô 7, 9b)
        _style(
            "BCRecipientsLabel", "BC Recipients Label", ppr=_ppr(jc="left"), bold=True, italic=True
        ),
        _style("BCRecipients", "BC Recipients", ppr=_ppr(jc="left")),
        _style("BCSignature", "BC Signature", ppr=centred, bold=True),
        _style("BCSignatureName", "BC Signature Name", ppr=centred, bold=True),
        # Appendix
        _style("BCAppendixLabel", "BC Appendix Label", ppr=_ppr(jc="center"), bold=True),
        _style("BCAppendixTitle", "BC Appendix Title", ppr=_ppr(jc="center"), bold=True),
        _style("BCAppendixReference", "BC Appendix Reference", ppr=_ppr(jc="center"), italic=True),
        _style("BCPageNumber", "BC Page Number", ppr=_ppr(jc="center")),
    ]
    return (
        f"<w:styles {NSDECL}>"
        "<w:docDefaults><w:rPrDefault>" + _rpr(14) + "</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/>" + _rpr(14) + "</w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
        '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>" + "".join([*styles, *extra]) + "</w:styles>"
    )


# --------------------------------------------------------------------------- body XML


def _p(style: str, text: str = "", *, raw_runs: str = "") -> str:
    """A paragraph of one style with one run of (already Jinja-tagged) text."""
    runs = raw_runs
    if text:
        runs = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' + runs
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>'


def _tag(tag: str) -> str:
    """A paragraph holding only a docxtpl ``{%p … %}`` tag (it disappears when rendered)."""
    return f'<w:p><w:r><w:t xml:space="preserve">{{%p {escape(tag)} %}}</w:t></w:r></w:p>'


def _rule(width_mm: float, text_mm: float) -> str:
    """A rule paragraph: an empty paragraph with a bottom border, centred by its indents.

    ``width_mm`` is the space it sits in, ``text_mm`` the rule's length. The renderer
    recomputes the indents from the text above it (``baocao._render._layout``).
    """
    side = max(0, tw((width_mm - text_mm) / 2))
    return (
        f'<w:p><w:pPr><w:pStyle w:val="BCRule"/><w:ind w:left="{side}" w:right="{side}"/>'
        '<w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:pPr></w:p>'
    )


def _cell(width: int, content: str, *, valign: str = "top") -> str:
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="{valign}"/>'
        f"</w:tcPr>{content}</w:tc>"
    )


_NO_BORDERS = _ooxml.table_borders('w:val="nil"')


def _table(
    widths: list[int], rows: list[str], *, borders: bool = False, margins: tuple[int, int] = (0, 0)
) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    border_xml = (
        _NO_BORDERS
        if not borders
        else _ooxml.table_borders('w:val="single" w:sz="4" w:space="0" w:color="000000"')
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/>{border_xml}<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margins[0]}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margins[1]}" w:type="dxa"/>'
        '</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _row(cells: str, *, header: bool = False, cant_split: bool = True) -> str:
    props = ""
    if cant_split:
        props += "<w:cantSplit/>"
    if header:
        props += "<w:tblHeader/>"
    return f"<w:tr><w:trPr>{props}</w:trPr>{cells}</w:tr>"


def _header_table(under_number: str = "") -> str:
    total = tw(PAGE.text_width())
    left = tw(PAGE.text_width() * HEADER_LEFT_SHARE)
    right = total - left
    left_mm = PAGE.text_width() * HEADER_LEFT_SHARE
    right_mm = PAGE.text_width() - left_mm
    motto_mm = _ooxml.text_width_mm(MOTTO, STYLE_SIZES["BCMotto"][0], bold=True)
    row1_left = (
        _tag("if issuer.parent_upper")
        + _p("BCParent", "{{ issuer.parent_upper }}")
        + _tag("endif")
        + _p("BCIssuer", "{{ issuer.name_upper }}")
        + _rule(left_mm, left_mm / 5)
    )
    row1_right = (
        _p("BCNationalName", NATIONAL_NAME) + _p("BCMotto", MOTTO) + _rule(right_mm, motto_mm)
    )
    row2_left = _p("BCNumber", "{{ number_line }}") + under_number + _stamps()
    row2_right = _p("BCPlaceDate", "{{ place_date }}")
    return _table(
        [left, right],
        [
            _row(_cell(left, row1_left) + _cell(right, row1_right)),
            _row(_cell(left, row2_left) + _cell(right, row2_right)),
        ],
    )


def _blocks_xml(var: str) -> str:
    """The loop that prints a list of body blocks (see ``templates/README.md``)."""
    text = "{{ b.text }}"
    labelled = "{{ b.heading }}"  # issue 12: label and text, or the text of an unnumbered one
    width = tw(PAGE.text_width())

    def cells(row: str, number_style: str, text_style: str) -> str:
        """A row of cells from ``row``: numbers right-aligned, text left-aligned."""
        return _row(
            _cell(width // 3, _p("BCTableText", f"{{%tc for c in {row} %}}"))
            + _cell(
                width // 3,
                _tag("if c.numeric")
                + _p(number_style, "{{ c.text }}")
                + _tag("else")
                + _p(text_style, "{{ c.text }}")
                + _tag("endif"),
            )
            + _cell(width // 3, _p("BCTableText", "{%tc endfor %}"))
        )

    table = _table(
        [width // 3, width // 3, width - 2 * (width // 3)],
        [
            _row(
                _cell(width // 3, _p("BCTableHeading", "{%tc for h in b.header %}"))
                + _cell(width // 3, _p("BCTableHeading", "{{ h }}"))
                + _cell(width // 3, _p("BCTableHeading", "{%tc endfor %}")),
                header=True,
            ),
            _row(_cell(width, _p("BCTableText", "{%tr for row in b.rows %}"))),
            cells("row", "BCTableNumber", "BCTableText"),
            _row(_cell(width, _p("BCTableText", "{%tr endfor %}"))),
            _row(_cell(width, _p("BCTableText", "{%tr if b.totals %}"))),
            cells("b.totals", "BCTableTotalNumber", "BCTableTotalText"),
            _row(_cell(width, _p("BCTableText", "{%tr endif %}"))),
        ],
        borders=True,
        margins=(85, 85),
    )
    return (
        _tag(f"for b in {var}")
        + _tag('if "runs" in b')
        + _noted_paragraph()
        + _tag('elif b.kind == "part"')
        + _p("BCPart", "{{ b.label }}")
        + _p("BCPart", text)
        + _tag('elif b.kind == "section"')
        + _p("BCSection", labelled)
        + _tag('elif b.kind == "item_title"')
        + _p("BCItemTitle", labelled)
        + _tag('elif b.kind == "part_heading"')  # issue 12: a part on one line
        + _p("BCPart", labelled)
        + _tag('elif b.kind in ("item", "point", "dash", "plus")')
        + _p("BCBody", labelled)
        + _tag('elif b.kind == "table"')
        + table
        + _grid_xml()
        + _tag("else")
        + _p("BCBody", text)
        + _tag("endif")
        + _tag("endfor")
    )


def _grid_xml() -> str:
    """The branch of a statistics table (issue 12, kind "grid"): caption, units, the table
    (built in Python by the ``grid_table`` filter), notes and source. No new style: the
    lines take an existing one with direct properties, so old renders keep their bytes."""
    keep = "<w:keepNext/>"
    plain = '<w:ind w:firstLine="0"/>'

    def line(text: str, ppr: str, rpr: str = "") -> str:
        run = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        return f'<w:p><w:pPr><w:pStyle w:val="BCBody"/>{ppr}</w:pPr>{run}</w:p>'

    italic = "<w:rPr><w:i/><w:iCs/></w:rPr>"
    return (
        _tag('elif b.kind == "grid"')
        + _tag("if b.caption")
        + line(
            "{{ b.caption }}",
            keep + plain + '<w:jc w:val="center"/>',
            "<w:rPr><w:b/><w:bCs/></w:rPr>",
        )
        + _tag("endif")
        + _tag("if b.units")
        + line("{{ b.units }}", keep + plain + '<w:jc w:val="right"/>', italic)
        + _tag("endif")
        + '<w:p><w:r><w:t xml:space="preserve">{{p b | grid_table }}</w:t></w:r></w:p>'
        + _tag("for line in b.notes")
        + line("{{ line }}", "", italic)
        + _tag("endfor")
        + _tag("if b.source")
        + line("{{ b.source }}", "", italic)
        + _tag("endif")
    )


def _noted_paragraph() -> str:
    """A body text with footnotes (issue 12): its label, then its runs, a footnote
    reference (superscript, ``FootnoteReference``) where each note stands. Only blocks
    with ``runs`` take this branch. The loop's tags sit in the text of two runs with the
    reference run between them, so that each note closes the text run, writes its
    reference and opens the next: plain ``{% %}`` tags, no ``{%r``."""
    return (
        '<w:p><w:pPr><w:pStyle w:val="BCBody"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">{% if b.label %}{{ b.label }} {% endif %}'
        "{% for piece in b.runs %}{% if piece.note %}</w:t></w:r>"
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="{{ piece.note }}"/></w:r>'
        '<w:r><w:t xml:space="preserve">{% else %}{{ piece.text }}{% endif %}{% endfor %}'
        "</w:t></w:r></w:p>"
    )


def _footer_table() -> str:
    total = tw(PAGE.text_width())
    left = tw(PAGE.text_width() * FOOTER_LEFT_SHARE)
    right = total - left
    recipients = (
        _p("BCRecipientsLabel", "Nơi nhận:")
        + _tag("for line in recipient_lines")
        + _p("BCRecipients", "{{ line }}")
        + _tag("endfor")
    )
    single = _table(
        [left, right], [_row(_cell(left, recipients) + _cell(right, _signature_block("signature")))]
    )
    # issue 12: signatures side by side (Mẫu 1.9), Nơi nhận under the first block; the
    # layout pass shares the width between the blocks.
    share = total // 2
    joint = _table(
        [share, total - share],
        [
            _row(
                _cell(share, _p("BCSignature", "{%tc for s in signatures %}"))
                + _cell(share, _signature_block("s"))
                + _cell(share, _p("BCSignature", "{%tc endfor %}"))
            ),
            _row(
                _cell(share, _p("BCRecipients") + recipients)  # a line apart from the names
                + _cell(share, _p("BCRecipients", "{%tc for s in signatures[1:] %}"))
                + _cell(share, _p("BCRecipients"))
                + _cell(share, _p("BCRecipients", "{%tc endfor %}"))
            ),
        ],
    )
    return _tag("if joint") + joint + _tag("else") + single + _tag("endif")


def _signature_block(var: str) -> str:
    """The paragraphs of one signature block: title lines, the space for the signature
    (ô 7c), the other title (ô 7b, only when there is one) and the name."""
    return (
        _tag(f"for line in {var}.lines")
        + _p("BCSignature", "{{ line }}")
        + _tag("endfor")
        + "".join(_p("BCSignature") for _ in range(SIGNATURE_GAP_LINES))
        + _tag(f"if {var}.other_title")
        + _p("BCSignature", f"{{{{ {var}.other_title }}}}")
        + _tag("endif")
        + _p("BCSignatureName", f"{{{{ {var}.name }}}}")
    )


# --------------------------------------------------------------------------- issue 12


def _p_direct(style: str, text: str, *, ppr: str = "", rpr: str = "") -> str:
    """A paragraph of an existing style with direct properties (a new style would change
    every render's styles part): ``ppr`` after the style, ``rpr`` on its one run."""
    run_props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>'
        f'<w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


_BOX = (
    "<w:pBdr>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="8" w:space="{space}" w:color="000000"/>'
        for side, space in (("top", 3), ("left", 4), ("bottom", 3), ("right", 4))
    )
    + "</w:pBdr>"
)
"""A single-line frame around a paragraph (the stamps of ô 10–11, PL I, III.2); the layout
pass fits its width to the stamp (``_render._layout``)."""

_BOLD = "<w:b/><w:bCs/>"


def _mark(text: str, *, jc: str, before: int, red: bool = False) -> str:
    """A framed mark: bold upper case, 13 pt (BC Number's size), centred in its frame."""
    colour = '<w:color w:val="FF0000"/>' if red else ""
    return _p_direct(
        "BCNumber",
        text,
        ppr=f'{_BOX}<w:spacing w:before="{before}" w:after="0"/><w:jc w:val="{jc}"/>',
        rpr=_BOLD + colour,
    )


def _circulation() -> str:
    """Ô 11: the circulation note, framed, top right above the Quốc hiệu."""
    return (
        _tag("if marks.circulation")
        + _mark("{{ marks.circulation }}", jc="right", before=0)
        + _tag("endif")
    )


def _stamps() -> str:
    """Ô 10a and 10b: độ mật then mức độ khẩn (red), framed, under "Số:"."""
    return (
        _tag("if marks.confidentiality")
        + _mark("{{ marks.confidentiality }}", jc="center", before=120)
        + _tag("endif")
        + _tag("if marks.urgency")
        + _mark("{{ marks.urgency.text }}", jc="center", before=120, red=True)
        + _tag("endif")
    )


def _draft_and_title() -> str:
    """The type name, with "DỰ THẢO" above it for a draft (nearer the header: 12 pt
    before it, and the type name then 6 pt after it instead of 24 pt)."""
    return (
        _tag("if draft_mark")
        + _p_direct(
            "BCTitle",
            "{{ draft_mark }}",
            ppr='<w:spacing w:before="360" w:after="0"/>',
        )
        + _p_direct(
            "BCTitle", "{{ doc_type.title_upper }}", ppr='<w:spacing w:before="120" w:after="0"/>'
        )
        + _tag("else")
        + _p("BCTitle", "{{ doc_type.title_upper }}")
        + _tag("endif")
    )


def _optional(condition: str, style: str, text: str, *, ppr: str, rpr: str = "") -> str:
    """A paragraph printed only when ``condition`` holds (it vanishes otherwise)."""
    return _tag(f"if {condition}") + _p_direct(style, text, ppr=ppr, rpr=rpr) + _tag("endif")


def _subtitle() -> str:
    """The subtitle under the trích yếu's rule: centred, not bold (BC Subject, unbolded)."""
    return _optional(
        "subtitle",
        "BCSubject",
        "{{ subtitle }}",
        ppr='<w:spacing w:before="120" w:after="0"/>',
        rpr='<w:b w:val="0"/><w:bCs w:val="0"/>',
    )


def _units_line() -> str:
    """An appendix's units line: right-aligned, italic (BC Body, direct properties)."""
    return _optional(
        "ap.units_line",
        "BCBody",
        "{{ ap.units_line }}",
        ppr='<w:spacing w:before="120" w:after="0"/><w:ind w:firstLine="0"/><w:jc w:val="right"/>',
        rpr="<w:i/><w:iCs/>",
    )


def _contact() -> str:
    """Ô 13: the address block, 11 pt, in a frame at the foot of page 1 (anchored there by
    standing after the header), under a rule across the text width (PL I, III.4)."""
    frame = (
        f'<w:framePr w:w="{tw(PAGE.text_width())}" w:wrap="around" w:vAnchor="margin" '
        'w:hAnchor="margin" w:yAlign="bottom"/>'
    )
    rule = '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    return (
        _tag("for line in contact_lines")
        + _p_direct(
            "BCRecipients",
            "{{ line }}",
            ppr=f'{frame}{rule}<w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/>',
        )
        + _tag("endfor")
    )


def _section_break(header_rid: str, first_rid: str, *, final: bool) -> str:
    sect = (
        f'<w:sectPr><w:headerReference w:type="default" r:id="{header_rid}"/>'
        f'<w:headerReference w:type="first" r:id="{first_rid}"/>'
        f'<w:pgSz w:w="{tw(PAGE.width)}" w:h="{tw(PAGE.height)}"/>'
        f'<w:pgMar w:top="{tw(PAGE.top)}" w:right="{tw(PAGE.right)}" '
        f'w:bottom="{tw(PAGE.bottom)}" w:left="{tw(PAGE.left)}" w:header="{tw(PAGE.header)}" '
        f'w:footer="{tw(PAGE.footer)}" w:gutter="0"/>'
        '<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/>'
        '<w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    if final:
        return sect
    return f"<w:p><w:pPr>{sect}</w:pPr></w:p>"


def _page_number_xml() -> str:
    return (
        f'<w:hdr {NSDECL}><w:p><w:pPr><w:pStyle w:val="BCPageNumber"/></w:pPr>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>2</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>'
    )
