"""The OOXML wing: the one layer that reads and writes raw WordprocessingML.

Package read and write (bounded, deterministic zip), font metrics and measuring. It imports
only ``_errors``.
"""

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
from ._package import (
    MAX_ENTRIES,
    MAX_PART_BYTES,
    MAX_TOTAL_BYTES,
    Fail,
    Package,
    open_package,
    template_package,
)
from ._zip import Compressed, compress, normalise_zip, zip_entries

__all__ = [
    "FALLBACK_CHAR",
    "FONT_VERSION",
    "MAX_ENTRIES",
    "MAX_PART_BYTES",
    "MAX_TOTAL_BYTES",
    "MM_PER_PT",
    "TWIPS_PER_MM",
    "Compressed",
    "Fail",
    "Package",
    "compress",
    "longest_line_mm",
    "mm_from_twips",
    "normalise_zip",
    "open_package",
    "template_package",
    "text_width_mm",
    "text_width_pt",
    "twips",
    "zip_entries",
]
