"""Jinja filters for numbers, amounts, percentages and dates in report templates.

:data:`FILTERS` maps filter names to plain functions; an environment gets them
with ``env.filters.update(FILTERS)``. The value is the filter's input and the
first option may be given by position::

    >>> import jinja2
    >>> env = jinja2.Environment(autoescape=True)
    >>> env.filters.update(FILTERS)
    >>> template = env.from_string("{{ n | number }} đồng ({{ n | money_words('south') }})")
    >>> template.render(n=4607678000)
    '4.607.678.000 đồng (Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng)'
    >>> env.from_string("{{ p | percent }} ({{ p | percent_words }})").render(p="47,67")
    '47,67% (bốn mươi bảy phẩy sáu mươi bảy phần trăm)'

=================  ==============================================  =========================
filter             function                                        options
=================  ==============================================  =========================
``number``         :func:`baocao.format_number`                    ``decimals``, ``input_format``
``percent``        :func:`baocao.format_percent`                   ``decimals``, ``input_format``
``date``           :func:`baocao.format_date`
``number_words``   :func:`baocao.number_to_words`                  ``style``, ``input_format``
``money_words``    :func:`baocao.money_to_words`                   ``style``, ``suffix``,
                                                                   ``rounding``, ``input_format``
``percent_words``  :func:`baocao.percent_to_words`                 ``style``, ``input_format``
``ordinal_words``  :func:`baocao.ordinal_to_words`                 ``style``
``grid_table``     a ``"grid"`` block as a Word table (raw XML,
                   built and escaped by baocao: ``{{p b|grid_table }}``)
=================  ==============================================  =========================

``rounding`` is the name of a :mod:`decimal` mode, e.g. ``rounding="ROUND_HALF_UP"``.
Bad values raise baocao's own errors, which name the value.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from .._ooxml import grid_table_xml
from .._words import (
    NumberInput,
    Style,
    format_date,
    format_number,
    format_percent,
    money_to_words,
    number_to_words,
    ordinal_to_words,
    percent_to_words,
)

__all__ = ["FILTERS"]


def number_filter(value: NumberInput | float, decimals: int | None = None, **options: Any) -> str:
    """``{{ n | number }}``, ``{{ n | number(2) }}``: :func:`baocao.format_number`."""
    return format_number(value, decimals=decimals, **options)


def percent_filter(value: NumberInput | float, decimals: int | None = 2, **options: Any) -> str:
    """``{{ p | percent }}``, ``{{ p | percent(1) }}``: :func:`baocao.format_percent`."""
    return format_percent(value, decimals=decimals, **options)


def date_filter(value: _dt.date) -> str:
    """``{{ d | date }}``: :func:`baocao.format_date`."""
    return format_date(value)


def number_words_filter(
    value: NumberInput | float, style: Style | str = "north", **options: Any
) -> str:
    """``{{ n | number_words }}``, ``{{ n | number_words('south') }}``."""
    return number_to_words(value, style=style, **options)


def money_words_filter(
    value: NumberInput,
    style: Style | str = "north",
    suffix: Any = None,
    **options: Any,
) -> str:
    """``{{ amount | money_words }}``, ``{{ amount | money_words('south', suffix='chẵn') }}``."""
    return money_to_words(value, style=style, suffix=suffix, **options)


def percent_words_filter(
    value: NumberInput | float, style: Style | str = "north", **options: Any
) -> str:
    """``{{ p | percent_words }}``: :func:`baocao.percent_to_words`."""
    return percent_to_words(value, style=style, **options)


def ordinal_words_filter(value: int, style: Style | str = "north") -> str:
    """``{{ i | ordinal_words }}``: thứ nhất, thứ hai, … (:func:`baocao.ordinal_to_words`)."""
    return ordinal_to_words(value, style=style)


def grid_table_filter(block: Any) -> Markup:
    """``{{p b | grid_table }}``: the table of a ``"grid"`` block (a statistics table,
    templates/README.md), as WordprocessingML. baocao writes and escapes every text of
    it, so it is allowed without ``allow_raw_xml``; a block that is not a grid's data is
    an error naming the key."""
    return Markup(grid_table_xml(block))


FILTERS: dict[str, Callable[..., str]] = {
    "number": number_filter,
    "percent": percent_filter,
    "date": date_filter,
    "number_words": number_words_filter,
    "money_words": money_words_filter,
    "percent_words": percent_words_filter,
    "ordinal_words": ordinal_words_filter,
    "grid_table": grid_table_filter,
}
"""The template filters, by name (see the module documentation)."""
