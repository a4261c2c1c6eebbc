"""baocao's Vietnamese inside num2words, under a language code of its own.

Code that already calls ``num2words`` can switch to baocao's readings by
registering them once and asking for ``lang="vi_baocao"``. num2words' own
``"vi"`` is left untouched, and baocao never calls it::

    >>> from num2words import num2words
    >>> register_num2words()
    >>> num2words(1005, lang="vi_baocao")
    'một nghìn không trăm linh năm'
    >>> num2words(24, lang="vi_baocao", style="south")
    'hai mươi tư'
    >>> num2words(4, lang="vi_baocao", to="ordinal")
    'thứ tư'
    >>> num2words(4607678000, lang="vi_baocao", to="currency")
    'bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn đồng'
    >>> num2words("2.05", lang="vi_baocao")
    'hai phẩy không năm'

How it differs from num2words' ``"vi"`` (num2words 0.5.14):

================  ===================================  =====================================
input             num2words ``vi``                     ``vi_baocao``
================  ===================================  =====================================
1005              một nghìn lẻ năm                     một nghìn không trăm linh năm
1001000           một triệu một nghìn                  một triệu không trăm linh một nghìn
10**15            một trăm nghìn tỷ (that is 10¹⁴)     một triệu tỷ
-21               IndexError                           âm hai mươi mốt
2.05              hai phẩy năm                         hai phẩy không năm
0.125             không phẩy mười hai (rounded)        không phẩy một trăm hai mươi lăm
24                hai mươi bốn                         hai mươi tư (or bốn: ``style=``)
ordinal 4         bốn (the cardinal)                   thứ tư
currency          AttributeError                       … đồng
================  ===================================  =====================================

Every keyword that baocao's functions take can be passed through num2words:
``style=`` for all conversions, ``suffix=`` and ``rounding=`` for currency.
Floats are read through their ``repr`` (``2.05`` is two point zero five), and
strings in the ``plain`` format (``"1005.5"``), as num2words users write them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import num2words as _num2words
from num2words.base import Num2Word_Base

from .._errors import InvalidTypeError, ValidationError
from ._inputs import NumberInput, coerce, parts_to_decimal
from ._style import Style
from ._to_words import money_to_words, number_to_words, ordinal_to_words

__all__ = ["LANG", "Num2WordVIBaocao", "register_num2words"]

LANG = "vi_baocao"
"""The language code baocao registers in num2words."""


def _exact(value: object) -> NumberInput:
    """num2words hands over ints, floats, Decimals: make floats exact through ``repr``."""
    if isinstance(value, float):
        return parts_to_decimal(coerce(value, allow_float=True))
    return value  # type: ignore[return-value]  # anything else is checked by baocao


class Num2WordVIBaocao(Num2Word_Base):  # type: ignore[misc]  # num2words has no type hints
    """A num2words converter that reads with baocao's rules (see the module documentation)."""

    def setup(self) -> None:
        self.negword = "âm "
        self.pointword = "phẩy"

    def str_to_number(self, value: str) -> Decimal:
        return parts_to_decimal(coerce(value, input_format="plain"))

    def to_cardinal(self, value: object, style: Style | str = "north") -> str:
        return number_to_words(_exact(value), style=style)

    def to_ordinal(self, value: object, style: Style | str = "north") -> str:
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        if not isinstance(value, int):
            raise InvalidTypeError(value, "is not a whole number; ordinals are whole numbers")
        return ordinal_to_words(value, style=style)

    def to_ordinal_num(self, value: object) -> str:
        return f"thứ {value}"

    def to_year(self, value: object, style: Style | str = "north", **kwargs: Any) -> str:
        return number_to_words(_exact(value), style=style)

    def to_currency(
        self,
        val: object,
        currency: str = "VND",
        cents: bool = True,
        separator: str = ",",
        adjective: bool = False,
        style: Style | str = "north",
        suffix: Any = None,
        rounding: str | None = None,
    ) -> str:
        if currency != "VND":
            raise ValidationError(currency, "is not supported; only VND (đồng) is", path="currency")
        words = money_to_words(_exact(val), style=style, suffix=suffix, rounding=rounding)
        return words[0].lower() + words[1:]


def register_num2words() -> None:
    """Make ``num2words(..., lang="vi_baocao")`` use baocao (idempotent; ``"vi"`` is untouched)."""
    if not isinstance(_num2words.CONVERTER_CLASSES.get(LANG), Num2WordVIBaocao):
        _num2words.CONVERTER_CLASSES[LANG] = Num2WordVIBaocao()
