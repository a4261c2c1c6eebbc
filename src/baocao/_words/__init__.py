"""The words wing: Vietnamese numbers, amounts, percentages and dates, in digits and words;
and Vietnamese text itself: its syllables, and legacy or broken text repaired (``fix_text``).

It imports only ``_errors``, ``_lazy``, ``_text`` and ``_nd30``. Importing it loads only
``_fixes`` and ``_inputs``; the writers (``*_to_words``, :class:`Style`), Babel
(``format_*``), num2words (``register_num2words``), the reader of words (``words_to_*``)
and the tables of the legacy encodings (``fix_text``, ``font_encoding``) load on first use.

The rooms, each importing only those listed before it:

* ``_fixes``       what an error tells the caller to do (``FIX_*``) and the preset names,
  for ``baocao words``
* ``_inputs``      the numbers given: exact coercion of ints, Decimals and digit strings in
  the ``vi``/``en``/``plain`` formats, and exact rounding
* ``_style``       :class:`Style` and ``PRESETS``: the choices usage leaves open
* ``_spoken``      the digit words, the readings of 3-digit groups, a number in words
* ``_to_words``    ``number_to_words``, ``money_to_words``, ``percent_to_words``,
  ``ordinal_to_words``
* ``_parser``      the strict reader of a number in words, and its fast path
* ``_from_words``  ``words_to_number``, ``words_to_money``, ``words_to_percent``
* ``_format``      figures and dates in digits, with the ``vi`` symbols of Babel's CLDR data
* ``_num2words``   baocao's readings inside num2words
* ``_syllables``   Vietnamese syllables: a letter's base and tone, what a syllable is, the
  old and new tone placement (hoà, hòa)
* ``_legacy``      the legacy encodings as data (TCVN3, VNI-Windows, VIQR), their decoders
  and encoders, and the encoding a font's name tells
* ``_fix_text``    ``fix_text``: finding the encoding, joining detached marks, placing tones
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names
from ._fixes import (
    FIX_ENCODING,
    FIX_LARGE,
    FIX_MONEY,
    FIX_PERCENT,
    FIX_ROUNDING,
    FIX_UNACCENTED,
    PRESET_NAMES,
    fix_input_format,
)
from ._inputs import INPUT_FORMATS, NumberInput

if TYPE_CHECKING:
    from ._fix_text import detect_encoding, fix_text
    from ._format import format_date, format_number, format_percent, rate
    from ._from_words import words_to_money, words_to_number, words_to_percent
    from ._legacy import font_encoding
    from ._num2words import register_num2words
    from ._style import PRESETS, Style
    from ._to_words import money_to_words, number_to_words, ordinal_to_words, percent_to_words

# Every reader and writer on first use (PEP 562), each module publishing the names of
# baocao.__all__ it defines: ``baocao check`` and the command line's parser need only the
# names above, not attrs' classes.
__getattr__ = lazy_names(
    __name__,
    {
        "detect_encoding": "._fix_text",
        "fix_text": "._fix_text",
        "font_encoding": "._legacy",
        "PRESETS": "._style",
        "Style": "._style",
        "money_to_words": "._to_words",
        "number_to_words": "._to_words",
        "ordinal_to_words": "._to_words",
        "percent_to_words": "._to_words",
        "format_date": "._format",
        "format_number": "._format",
        "format_percent": "._format",
        "rate": "._format",
        "register_num2words": "._num2words",
        "words_to_money": "._from_words",
        "words_to_number": "._from_words",
        "words_to_percent": "._from_words",
    },
)

__all__ = [
    "FIX_ENCODING",
    "FIX_LARGE",
    "FIX_MONEY",
    "FIX_PERCENT",
    "FIX_ROUNDING",
    "FIX_UNACCENTED",
    "INPUT_FORMATS",
    "PRESETS",
    "PRESET_NAMES",
    "NumberInput",
    "Style",
    "detect_encoding",
    "fix_input_format",
    "fix_text",
    "font_encoding",
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
