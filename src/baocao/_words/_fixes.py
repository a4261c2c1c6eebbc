"""What an error tells the caller to do, and the names it offers, named once.

The messages of the words wing end in a fix ("pass input_format='en'", "use
words_to_money() for an amount in đồng"); ``baocao words`` finds these strings in a
message and says the same with its own options (``--input-format en``, ``--rounding
half-up``, …), so every fix is a name here and nowhere else. ``PRESET_NAMES`` are the style presets
(``_style.PRESETS`` is built from them): the command line offers them without loading the
wing's classes.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "FIX_ENCODING",
    "FIX_LARGE",
    "FIX_MONEY",
    "FIX_PERCENT",
    "FIX_ROUNDING",
    "FIX_UNACCENTED",
    "PRESET_NAMES",
    "fix_input_format",
]


def fix_input_format(input_format: str) -> str:
    return f"pass input_format={input_format!r}"


FIX_ROUNDING: Final = "pass rounding=decimal.ROUND_HALF_UP (or another decimal rounding mode)"
FIX_MONEY: Final = "use words_to_money() for an amount in đồng"
FIX_PERCENT: Final = "use words_to_percent() for a percentage"
FIX_LARGE: Final = "pass large='recursive' or large='group_scale'"
FIX_UNACCENTED: Final = "pass unaccented=True"
FIX_ENCODING: Final = "pass encoding='auto' or encoding='unicode'"

PRESET_NAMES: Final = ("north", "south")
"""The names of the style presets, in the order of ``PRESETS``."""
