"""Figures the Vietnamese way: dates (and, with the numbers module, numbers and percentages)."""

from __future__ import annotations

import datetime as _dt

from ._errors import InvalidTypeError

__all__ = ["format_date"]


def format_date(value: _dt.date) -> str:
    """Write a date as Nghị định 30/2020 wants it in a document.

    The day gets a leading zero below 10, the month only when it is January or
    February (so that nobody can turn "1" into "11" or "12")::

        >>> import datetime
        >>> format_date(datetime.date(2020, 7, 3))
        'ngày 03 tháng 7 năm 2020'
        >>> format_date(datetime.date(2014, 1, 13))
        'ngày 13 tháng 01 năm 2014'
    """
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise InvalidTypeError(value, "is not a datetime.date")
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"
