"""The style resolver: effective formatting through rPr/pPr → style chain (``basedOn``) →
``docDefaults`` → theme, as Word does it (toggles per ECMA-376 §17.7.3).

:class:`Styles` reads ``styles.xml``; :meth:`Styles.resolve` gives the run formatting of a
paragraph style, :meth:`Styles.paragraph_format` its paragraph formatting.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from ._bounds import MAX_LEVEL, bounded_int, is_on, local_name, read_points, read_twips
from ._formats import DEFAULT_FONT, DEFAULT_SIZE, HIDDEN, Font, ParaFormat, RunFormat
from ._ns import W_PPR, W_RPR, W_VAL, qn
from ._theme import Theme, apply_tint

_TOGGLES = ("b", "i", "caps", "smallCaps", "vanish")


_SLOTS = (
    ("ascii", "asciiTheme"),
    ("hAnsi", "hAnsiTheme"),
    ("eastAsia", "eastAsiaTheme"),
    ("cs", "cstheme"),
)


Props = dict[str, Any]


class Styles:
    """The style hierarchy of ``styles.xml``, flattened per style and cached."""

    def __init__(self, root: Any | None, theme: Theme) -> None:
        self.theme = theme
        self.by_id: dict[str, Any] = {}
        self.defaults: dict[str, str] = {}
        self.doc_r: Props = {}
        self.doc_p: Props = {}
        self._r_cache: dict[str, Props] = {}
        self._p_cache: dict[str, Props] = {}
        if root is None:
            return
        for style in root.iter(qn("style")):
            style_id = style.get(qn("styleId"))
            if style_id is None:
                continue
            self.by_id.setdefault(style_id, style)
            if _on_attr(style.get(qn("default"))):
                self.defaults.setdefault(style.get(qn("type"), "paragraph"), style_id)
        defaults = root.find(qn("docDefaults"))
        if defaults is not None:
            self.doc_r = self.rpr(defaults.find(f"{qn('rPrDefault')}/{W_RPR}"))
            self.doc_p = ppr_props(defaults.find(f"{qn('pPrDefault')}/{W_PPR}"))

    @classmethod
    def from_xml(cls, styles: Any | None, theme: Any | None = None) -> Styles:
        """The resolver of the root element (lxml) of ``styles.xml``, with the root of the
        theme part for theme fonts and colours; either may be None (Word's defaults).

        >>> from lxml import etree
        >>> xml = (
        ...     '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        ...     '<w:style w:styleId="Body"><w:rPr><w:sz w:val="28"/></w:rPr></w:style>'
        ...     '<w:style w:styleId="Lead"><w:basedOn w:val="Body"/><w:rPr><w:b/></w:rPr>'
        ...     '</w:style></w:styles>')
        >>> fmt = Styles.from_xml(etree.fromstring(xml)).resolve("Lead")
        >>> fmt.size, fmt.bold, fmt.italic, fmt.ascii.name
        (14.0, True, False, 'Times New Roman')
        """
        return cls(styles, Theme(theme))

    def resolve(self, style_id: str | None) -> RunFormat:
        """The effective run formatting of text in paragraph style ``style_id`` that has no
        formatting of its own: the style's ``basedOn`` chain, then ``docDefaults`` (the
        default paragraph style when ``style_id`` is not a style of the document)."""
        return self.run_format({}, {}, self.style_r(self.paragraph_style(style_id)), {})

    def paragraph_format(self, style_id: str | None) -> ParaFormat:
        """The effective paragraph formatting of paragraph style ``style_id`` (as
        :meth:`resolve`)."""
        return para_format((self.style_p(self.paragraph_style(style_id)), self.doc_p))

    def chain(self, style_id: str | None) -> list[Any]:
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(qn("basedOn"))
            style_id = None if based is None else based.get(W_VAL)
        return out

    def rpr(self, element: Any | None) -> Props:
        """The properties an ``rPr`` element sets (fonts resolved through the theme)."""
        props: Props = {}
        if element is None:
            return props
        for child in element:
            name = local_name(child.tag)
            if name in _TOGGLES:
                props[name] = is_on(child)
            elif name == "sz":
                size = read_points(child.get(W_VAL))
                if size is not None and size > 0:
                    props["sz"] = size
            elif name == "rFonts":
                for slot, theme_attr in _SLOTS:
                    theme = child.get(qn(theme_attr))
                    plain = child.get(qn(slot))
                    if theme:
                        props[f"font.{slot}"] = self.theme.font(theme)
                    elif plain:
                        props[f"font.{slot}"] = Font(plain)
                hint = child.get(qn("hint"))
                if hint:
                    props["hint"] = hint
            elif name == "color":
                props["color"] = self._color(child)
            elif name == "u":
                props["u"] = (child.get(W_VAL) or "single") != "none"
            elif name == "vertAlign":
                props["vertAlign"] = child.get(W_VAL) or "baseline"
            elif name in ("rtl", "cs"):
                props[name] = is_on(child)
        return props

    def _color(self, element: Any) -> str:
        theme_color = element.get(qn("themeColor"))
        value = (element.get(W_VAL) or "auto").upper()
        if theme_color:
            resolved = self.theme.color(theme_color)
            if resolved:
                value = resolved
        if value == "AUTO":
            return "auto"
        tint = element.get(qn("themeTint"))
        shade = element.get(qn("themeShade"))
        if theme_color and (tint or shade):
            value = apply_tint(value, tint, shade)
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
            merged.update(ppr_props(style.find(W_PPR)))
        return merged

    @functools.cache  # noqa: B019 - one instance per parse
    def table_margins(self, style_id: str | None) -> tuple[int | None, int | None]:
        left = right = None
        for style in self.chain(style_id):
            mar = style.find(f"{qn('tblPr')}/{qn('tblCellMar')}")
            if mar is None:
                continue
            if left is None:
                left = cell_margin(mar, "left", "start")
            if right is None:
                right = cell_margin(mar, "right", "end")
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
            else HIDDEN
        )


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def cell_margin(mar: Any, *names: str) -> int | None:
    for name in names:
        element = mar.find(qn(name))
        if element is not None:
            return read_twips(element.get(qn("w")), 0)
    return None


def ppr_props(element: Any | None) -> Props:
    """The properties a ``pPr`` element sets."""
    props: Props = {}
    if element is None:
        return props
    for child in element:
        name = local_name(child.tag)
        if name == "jc":
            value = child.get(W_VAL) or "left"
            props["jc"] = {"start": "left", "end": "right"}.get(value, value)
        elif name == "ind":
            for key, attrs_ in (("left", ("left", "start")), ("right", ("right", "end"))):
                for attr in attrs_:
                    value = read_twips(child.get(qn(attr)))
                    if value is not None:
                        props[f"ind.{key}"] = value
                        break
            hanging = read_twips(child.get(qn("hanging")))
            first = read_twips(child.get(qn("firstLine")))
            if hanging is not None:
                props["ind.first"] = -hanging
            elif first is not None:
                props["ind.first"] = first
        elif name == "spacing":
            for key in ("before", "after"):
                if _on_attr(child.get(qn(f"{key}Autospacing"))):
                    props[f"spacing.{key}"] = 280
                else:
                    value = read_twips(child.get(qn(key)))
                    if value is not None:
                        props[f"spacing.{key}"] = value
            line = read_twips(child.get(qn("line")))
            if line is not None:
                props["spacing.line"] = (line, child.get(qn("lineRule")) or "auto")
        elif name == "contextualSpacing":
            props["contextual"] = is_on(child)
        elif name == "pBdr":
            drawn = {
                side: (line.get(W_VAL) or "nil") not in ("nil", "none")
                for side in ("top", "left", "bottom", "right")
                if (line := child.find(qn(side))) is not None
            }
            if "bottom" in drawn:
                props["border.bottom"] = drawn["bottom"]
            props["border.box"] = len(drawn) == 4 and all(drawn.values())
        elif name == "pageBreakBefore":
            props["pageBreakBefore"] = is_on(child)
        elif name == "tabs":
            props["tabs"] = tuple(
                (read_twips(tab.get(qn("pos")), 0) or 0, tab.get(W_VAL) or "left")
                for tab in child
                if tab.tag == qn("tab")
            )
        elif name == "framePr":
            props["frame.centred"] = child.get(qn("xAlign")) == "center"
            if child.get(qn("dropCap")) in (None, "none"):  # a drop cap is not a frame
                props["frame"] = tuple(sorted((local_name(k), v) for k, v in child.attrib.items()))
        elif name == "numPr":
            num = child.find(qn("numId"))
            lvl = child.find(qn("ilvl"))
            if num is not None:
                props["numId"] = num.get(W_VAL) or "0"
            if lvl is not None:
                props["ilvl"] = bounded_int(lvl.get(W_VAL), 0, MAX_LEVEL, 0)
        elif name == "pStyle":
            props["pStyle"] = child.get(W_VAL) or ""
    return props


def para_format(levels: Sequence[Props]) -> ParaFormat:
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
        boxed=bool(pick("border.box", False)),
    )
