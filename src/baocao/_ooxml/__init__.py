"""The OOXML wing: the one layer that reads and writes raw WordprocessingML.

Namespaces (:func:`qn`), package read and write (bounded, deterministic zip), numbers read
within Word's bounds, the theme, the style resolver (:class:`Styles`), numbering, drawn
shapes, the paragraph and run reader (:class:`WordDocument`, :class:`Para`,
:class:`RunFormat` …), font metrics, and measuring and wrapping text (:func:`wrap_text`,
:func:`wrap_widths`). It imports only ``_errors`` (and ``_lazy``).
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names
from ._bounds import (
    EMU_PER_MM,
    MAX_COLUMNS,
    MAX_EMU,
    MAX_LEVEL,
    MAX_POINTS,
    MAX_START,
    TWIPS_LIMIT,
    bounded_int,
    bounded_number,
    read_points,
    read_twips,
)
from ._custom import (
    CUSTOM_PART,
    CustomValue,
    add_custom_properties,
    custom_properties_xml,
    read_custom_properties,
)
from ._docx import DocxPackage, WordDocument
from ._formats import DEFAULT_FONT, DEFAULT_SIZE, Font, ParaFormat, RunFormat
from ._measure import (
    SUPERSCRIPT_SCALE,
    fragment_width_mm,
    line_height_pt,
    longest_wrapped_mm,
    paragraph_height_mm,
    span_width_mm,
    wrap_text,
    wrap_widths,
)
from ._metrics import (
    FALLBACK_CHAR,
    FONT_VERSION,
    MM_PER_PT,
    TWIPS_PER_MM,
    longest_line_mm,
    mm_from_twips,
    text_width_mm,
    text_width_pt,
    twips,
)
from ._ns import (
    A_NS,
    CT_NS,
    FOOTNOTES_TYPE,
    MC_NS,
    MS_REL_TYPE,
    PKG_REL_NS,
    R_NS,
    REL_TYPE,
    STRICT_PREFIX,
    STRICT_W_NS,
    V_NS,
    W_NS,
    WP_NS,
    WPS_NS,
    qn,
)
from ._numbering import DASHES, Numbering
from ._package import (
    MAX_ENTRIES,
    MAX_PART_BYTES,
    MAX_TOTAL_BYTES,
    Fail,
    Package,
    not_a_docx,
    open_docx,
    open_package,
    template_package,
)
from ._paragraphs import Container, Field, Fragment, Para, SectionInfo, Shape, Span
from ._styles import Styles
from ._theme import Theme

if TYPE_CHECKING:
    from ._footnotes import (
        FOOTNOTE_REFERENCE_STYLE,
        FOOTNOTES_PART,
        FootnotesClashError,
        add_footnotes,
        footnotes_xml,
    )
    from ._grid import GRID_CAPTION, PROVISIONAL_TWIPS, grid_table_xml, table_borders
    from ._tree import paragraph_style, paragraph_text
    from ._zip import Compressed, compress, normalise_zip, zip_entries

# What only rendering writes (notes, grid tables, the zip) loads on first use (PEP 562):
# ``baocao check`` reads a document and needs none of it.
__getattr__ = lazy_names(
    __name__,
    {
        **dict.fromkeys(
            (
                "FOOTNOTE_REFERENCE_STYLE",
                "FOOTNOTES_PART",
                "FootnotesClashError",
                "add_footnotes",
                "footnotes_xml",
            ),
            "._footnotes",
        ),
        **dict.fromkeys(
            ("GRID_CAPTION", "PROVISIONAL_TWIPS", "grid_table_xml", "table_borders"), "._grid"
        ),
        **dict.fromkeys(("paragraph_style", "paragraph_text"), "._tree"),
        **dict.fromkeys(("Compressed", "compress", "normalise_zip", "zip_entries"), "._zip"),
    },
)

__all__ = [
    "A_NS",
    "CT_NS",
    "CUSTOM_PART",
    "DASHES",
    "DEFAULT_FONT",
    "DEFAULT_SIZE",
    "EMU_PER_MM",
    "FALLBACK_CHAR",
    "FONT_VERSION",
    "FOOTNOTES_PART",
    "FOOTNOTES_TYPE",
    "FOOTNOTE_REFERENCE_STYLE",
    "GRID_CAPTION",
    "MAX_COLUMNS",
    "MAX_EMU",
    "MAX_ENTRIES",
    "MAX_LEVEL",
    "MAX_PART_BYTES",
    "MAX_POINTS",
    "MAX_START",
    "MAX_TOTAL_BYTES",
    "MC_NS",
    "MM_PER_PT",
    "MS_REL_TYPE",
    "PKG_REL_NS",
    "PROVISIONAL_TWIPS",
    "REL_TYPE",
    "R_NS",
    "STRICT_PREFIX",
    "STRICT_W_NS",
    "SUPERSCRIPT_SCALE",
    "TWIPS_LIMIT",
    "TWIPS_PER_MM",
    "V_NS",
    "WPS_NS",
    "WP_NS",
    "W_NS",
    "Compressed",
    "Container",
    "CustomValue",
    "DocxPackage",
    "Fail",
    "Field",
    "Font",
    "FootnotesClashError",
    "Fragment",
    "Numbering",
    "Package",
    "Para",
    "ParaFormat",
    "RunFormat",
    "SectionInfo",
    "Shape",
    "Span",
    "Styles",
    "Theme",
    "WordDocument",
    "add_custom_properties",
    "add_footnotes",
    "bounded_int",
    "bounded_number",
    "compress",
    "custom_properties_xml",
    "footnotes_xml",
    "fragment_width_mm",
    "grid_table_xml",
    "line_height_pt",
    "longest_line_mm",
    "longest_wrapped_mm",
    "mm_from_twips",
    "normalise_zip",
    "not_a_docx",
    "open_docx",
    "open_package",
    "paragraph_height_mm",
    "paragraph_style",
    "paragraph_text",
    "qn",
    "read_custom_properties",
    "read_points",
    "read_twips",
    "span_width_mm",
    "table_borders",
    "template_package",
    "text_width_mm",
    "text_width_pt",
    "twips",
    "wrap_text",
    "wrap_widths",
    "zip_entries",
]
