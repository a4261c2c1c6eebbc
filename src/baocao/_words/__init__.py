"""The words wing: Vietnamese numbers, amounts, percentages and dates, in digits and words.

It imports only ``_errors``, ``_text`` and ``_nd30``. Babel (``format_*``) and num2words
(``register_num2words``) load on first use.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names
from ._numbers import (
    FIX_LARGE,
    FIX_MONEY,
    FIX_PERCENT,
    FIX_ROUNDING,
    FIX_UNACCENTED,
    INPUT_FORMATS,
    PRESETS,
    NumberInput,
    Style,
    fix_input_format,
    money_to_words,
    number_to_words,
    ordinal_to_words,
    percent_to_words,
    words_to_money,
    words_to_number,
    words_to_percent,
)

if TYPE_CHECKING:
    from ._format import format_date, format_number, format_percent, rate
    from ._num2words import register_num2words

__getattr__ = lazy_names(
    __name__,
    {
        "format_date": "._format",
        "format_number": "._format",
        "format_percent": "._format",
        "rate": "._format",
        "register_num2words": "._num2words",
    },
)

__all__ = [
    "FIX_LARGE",
    "FIX_MONEY",
    "FIX_PERCENT",
    "FIX_ROUNDING",
    "FIX_UNACCENTED",
    "INPUT_FORMATS",
    "PRESETS",
    "NumberInput",
    "Style",
    "fix_input_format",
    "format_date",
    "format_number",
    "format_percent",
    "money_to_words",
    "number_to_words",
    "ordinal_to_words",
    "percent_to_words",
    "rate",
    "register_num2words",
    "words_to_money",
    "words_to_number",
    "words_to_percent",
]
