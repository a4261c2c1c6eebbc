"""Drawn lines and pictures in a run: straight lines of DrawingML (``wps:wsp``) or VML
(``v:line``, connector shapes), with their length in mm, and the height of inline pictures.
"""

from __future__ import annotations

import math
from typing import Any

from ._bounds import EMU_PER_MM, MAX_EMU, bounded_number
from ._ns import A_NS, MC_CHOICE, MC_FALLBACK, V_NS, WP_NS, WPS_NS, qn
from ._paragraphs import Shape

_VML_MM = {
    "pt": 25.4 / 72,
    "in": 25.4,
    "cm": 10.0,
    "mm": 1.0,
    "px": 25.4 / 96,
    "emu": 1 / EMU_PER_MM,
    "": 25.4 / 96,
}


_MAX_SHAPE_MM = MAX_EMU / EMU_PER_MM


def _vml_length(value: str) -> float | None:
    """A VML length in mm (``"170.1pt"``, ``"6cm"``; bare numbers are pixels)."""
    return bounded_number(value, -_MAX_SHAPE_MM, _MAX_SHAPE_MM, units=_VML_MM)


def emu_mm(value: str | None) -> float:
    """A DrawingML size (EMU) in mm: 0 when it is not a number."""
    return (bounded_number(value, 0, MAX_EMU) or 0.0) / EMU_PER_MM


def drawn_shapes(run: Any) -> list[Shape]:
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
            shapes.append(Shape(math.hypot(emu_mm(ext.get("cx")), emu_mm(ext.get("cy")))))
    if shapes:
        return shapes
    for pict in run.iter(qn("pict")):
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


def inline_height_mm(run_child: Any) -> float:
    """The height of the pictures and drawings placed in the line (``wp:inline``)."""
    heights = [
        emu_mm(extent.get("cy"))
        for inline in run_child.iter(f"{{{WP_NS}}}inline")
        if not any(a.tag == MC_FALLBACK for a in inline.iterancestors())
        for extent in inline.findall(f"{{{WP_NS}}}extent")
    ]
    return max(heights, default=0.0)
