"""The theme part (``word/theme/theme1.xml``): the fonts a run names by theme slot
(``minorHAnsi``) and the colours it names by theme colour, with tint and shade.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ._formats import Font
from ._ns import A_NS

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


class Theme:
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


def apply_tint(rgb: str, tint: str | None, shade: str | None) -> str:
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
