"""Digits, percentages, rates and dates the Vietnamese way (baocao._words._format)."""

from __future__ import annotations

import datetime
import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from babel.numbers import (
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
    parse_pattern,
)
from hypothesis import example, given
from hypothesis import strategies as st

from baocao._errors import BaocaoError, InvalidTypeError, ValidationError
from baocao._words import _format, format_date, format_number, format_percent, number_to_words, rate
from baocao._words._inputs import MAX_DIGITS, _decimal_parts, coerce

ROUNDINGS = [
    decimal.ROUND_HALF_UP,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_DOWN,
    decimal.ROUND_UP,
    decimal.ROUND_FLOOR,
    decimal.ROUND_CEILING,
    decimal.ROUND_05UP,
]


def _vi_to_decimal(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


# --------------------------------------------------------------------------- format_number


def test_format_number_examples() -> None:
    assert format_number(4607678000) == "4.607.678.000"
    assert format_number(Decimal("1942.54")) == "1.942,54"
    assert format_number(-1005) == "-1.005"
    assert format_number("47,60") == "47,60"
    assert format_number(Decimal("1E+3")) == "1.000"
    assert format_number(10**40) == "10" + ".000" * 13


def test_format_number_rounds_half_away_from_zero() -> None:
    assert format_number("2,345", decimals=2) == "2,35"  # Babel alone would give 2,34 (half-even)
    assert format_number("-2,345", decimals=2) == "-2,35"
    assert format_number("0,125", decimals=2) == "0,13"
    assert format_number("2,5", decimals=0) == "3"
    assert format_number(7, decimals=3) == "7,000"
    assert format_number("-0,004", decimals=2) == "0,00"  # never "-0,00"


def test_format_number_is_exact_beyond_28_digits() -> None:
    value = Decimal("123456789012345678901234567890.125")
    assert format_number(value, decimals=2) == "123.456.789.012.345.678.901.234.567.890,13"
    assert format_number(value) == "123.456.789.012.345.678.901.234.567.890,125"


def test_format_number_input_formats() -> None:
    assert format_number("4,607,678,000.5", input_format="en") == "4.607.678.000,5"
    assert format_number("4607678000.5", input_format="plain") == "4.607.678.000,5"
    assert format_number(0.1, allow_float=True) == "0,1"


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (True, InvalidTypeError),
        (None, InvalidTypeError),
        ([1], InvalidTypeError),
        (1.5, InvalidTypeError),
        (Decimal("NaN"), ValidationError),
        (Decimal("-Infinity"), ValidationError),
        ("1.2.3", ValidationError),
        ("", ValidationError),
        ("1.00", ValidationError),
    ],
)
def test_format_number_bad_values(value: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        format_number(value)  # type: ignore[arg-type]
    assert isinstance(info.value, BaocaoError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("decimals", "error"),
    [
        (-1, ValidationError),
        (101, ValidationError),
        (True, InvalidTypeError),
        ("2", InvalidTypeError),
    ],
)
def test_format_number_bad_decimals(decimals: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="decimals"):
        format_number(5, decimals=decimals)  # type: ignore[arg-type]


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_format_number_round_trips_through_the_vi_parser(value: Decimal) -> None:
    text = format_number(value)
    assert _vi_to_decimal(text) == value
    assert number_to_words(text) == number_to_words(value)


@given(st.integers(-(10**30), 10**30), st.integers(0, 6))
def test_format_number_decimals_are_half_up(scaled: int, places: int) -> None:
    value = Decimal(scaled).scaleb(-8)
    text = format_number(value, decimals=places)
    expected = value.quantize(
        Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP, context=decimal.Context(prec=80)
    )
    assert _vi_to_decimal(text) == expected
    assert len(text.partition(",")[2]) == places


# --------------------------------------------------------------------------- Babel, the oracle

WIDE = decimal.Context(prec=2 * MAX_DIGITS + 10)


def _babel(value: Decimal, pattern: str | None = None) -> str:
    """What Babel writes for ``value`` (already rounded), with as many decimals as it has.

    baocao's own grouping must give the same string: Babel is the oracle, not the path.
    The context is as wide as the value (the default one fails beyond 28 digits).
    """
    places = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
    if pattern is None:
        pattern = "#,##0." + "0" * places if places else "#,##0"
    with decimal.localcontext(decimal.Context(prec=len(value.as_tuple().digits) + 2)):
        return str(format_decimal(value, format=pattern, locale="vi"))


def _rounded(value: int | Decimal, decimals: int | None) -> Decimal:
    """The exact value format_number writes: rounded half-up by decimal, and no ``-0``."""
    exact = Decimal(value)
    if decimals is not None:
        exact = exact.quantize(Decimal(1).scaleb(-decimals), decimal.ROUND_HALF_UP, WIDE)
    if exact.as_tuple().exponent > 0:  # type: ignore[operator]
        exact = exact.quantize(Decimal(1), context=WIDE)  # 1E+3 is written 1.000
    return abs(exact) if exact.is_zero() else exact


FIGURES = st.one_of(
    st.integers(-(10**15), 10**15),
    st.integers(-(10**60), 10**60),
    st.decimals(allow_nan=False, allow_infinity=False, places=None),
    st.builds(
        lambda coefficient, exponent: Decimal(f"{coefficient}E{exponent}"),
        st.integers(-(10**45), 10**45),
        st.integers(-45, 12),
    ),
)


@given(FIGURES, st.none() | st.integers(0, 12))
@example(Decimal("-0.004"), 2)
@example(Decimal("-0E-3"), None)
@example(Decimal("-999.995"), 2)
@example(Decimal("123456789012345678901234567890.125"), 2)
@example(-(10**40) + 1, 3)
def test_format_number_equals_babel(value: int | Decimal, decimals: int | None) -> None:
    assert format_number(value, decimals=decimals) == _babel(_rounded(value, decimals))


@given(FIGURES, st.none() | st.integers(0, 12))
@example(Decimal("-0.00"), 2)
@example(Decimal("-0"), None)
@example(Decimal("0E-7"), 3)
@example(-1, 0)
def test_the_fast_path_writes_what_the_general_path_writes(
    value: int | Decimal, decimals: int | None
) -> None:
    fast = _format._fast(value, decimals)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_format, "_fast", lambda _value, _decimals: None)
        general = format_number(value, decimals=decimals)
    assert fast is None or fast == general


@given(st.booleans(), st.integers(0, 10**50), st.text("0123456789", max_size=40))
def test_the_formatter_equals_babel_on_exact_parts(
    negative: bool, integer: int, fraction: str
) -> None:
    value = Decimal(f"{'-' if negative else ''}{integer}{'.' if fraction else ''}{fraction}")
    expected = _babel(abs(value) if value.is_zero() else value)
    assert _format._format_parts(negative, integer, fraction) == expected


@given(st.integers(-(10**40), 10**40), st.integers(0, 6))
def test_other_groupings_are_written_as_babel_writes_them(scaled: int, places: int) -> None:
    value = Decimal(f"{scaled}E-{places}")
    pattern = "#,##,##0." + "0" * places if places else "#,##,##0"
    saved = _format._THREES, _format._PRIMARY, _format._SECONDARY
    _format._THREES, _format._PRIMARY, _format._SECONDARY = False, 3, 2  # Indian grouping
    try:
        text = format_number(value)
    finally:
        _format._THREES, _format._PRIMARY, _format._SECONDARY = saved
    assert text == _babel(abs(value) if value.is_zero() else value, pattern)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, None, "0"),
        (0, 2, "0,00"),
        (Decimal("-0"), None, "0"),
        (Decimal("-0.00"), None, "0,00"),
        (Decimal("-0E+3"), None, "0"),
        ("-0,004", 2, "0,00"),
        ("-0,005", 2, "-0,01"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (-1000, 1, "-1.000,0"),
        (999999, None, "999.999"),
        (-1000000, None, "-1.000.000"),
        ("9,995", 2, "10,00"),
        ("-999,995", 2, "-1.000,00"),
        ("999.999,5", 0, "1.000.000"),
        (Decimal("0.001"), None, "0,001"),
        (Decimal("-1E-3"), None, "-0,001"),
        (Decimal("1E-7"), None, "0,0000001"),
        (Decimal("12E+2"), None, "1.200"),
        (Decimal("1E+3"), 2, "1.000,00"),
        (Decimal("1942.545"), 2, "1.942,55"),
        (10**30, 2, "1" + ".000" * 10 + ",00"),
        (-(10**28) - 1, None, "-10" + ".000" * 8 + ".001"),
    ],
)
def test_format_number_golden(value: object, decimals: int | None, expected: str) -> None:
    assert format_number(value, decimals=decimals) == expected  # type: ignore[arg-type]


def test_format_number_at_the_digit_limit() -> None:
    largest = 10**MAX_DIGITS - 1  # 4300 nines
    assert format_number(largest) == "9" + ".999" * (MAX_DIGITS // 3)  # 4300 = 1 + 3 × 1433
    text = format_number(-largest, decimals=1)
    assert text == _babel(Decimal(-largest).quantize(Decimal("0.1"), context=WIDE))
    tiny = Decimal("-0." + "0" * (MAX_DIGITS - 1) + "7")
    assert format_number(tiny) == "-0," + "0" * (MAX_DIGITS - 1) + "7"


def test_the_symbols_are_the_cldr_ones_of_vi() -> None:
    assert (_format._GROUP, _format._DECIMAL, _format._MINUS) == (".", ",", "-")
    assert get_group_symbol("vi") == _format._GROUP
    assert get_decimal_symbol("vi") == _format._DECIMAL
    assert get_minus_sign_symbol("vi") == _format._MINUS
    # what Babel's format_decimal writes before a negative number, given baocao's pattern
    assert parse_pattern("#,##0").prefix == ("", _format._MINUS)
    assert parse_pattern("#,##0").grouping == (_format._PRIMARY, _format._SECONDARY) == (3, 3)
    assert _format._THREES


@given(
    st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False, places=None),
        st.builds(
            lambda coefficient, exponent: Decimal(f"{coefficient}E{exponent}"),
            st.integers(-(10**45), 10**45),
            st.integers(-4400, 4400),
        ),
    )
)
@example(Decimal("-0"))
@example(Decimal("0E-4300"))
@example(Decimal("0E-4301"))
@example(Decimal("1E+4299"))
def test_coerce_reads_a_decimal_as_its_digit_tuple_does(value: Decimal) -> None:
    try:
        expected: object = _decimal_parts(value, value, "value")
    except ValidationError as error:
        expected = str(error)
    try:
        got: object = coerce(value, path="value")
    except ValidationError as error:
        got = str(error)
    assert got == expected


# --------------------------------------------------------------------------- format_percent


def test_format_percent() -> None:
    assert format_percent("47,67") == "47,67%"
    assert format_percent(Decimal("32.59")) == "32,59%"
    assert format_percent(50) == "50,00%"
    assert format_percent("59,415") == "59,42%"
    assert format_percent("32,5", decimals=None) == "32,5%"
    assert format_percent("47,67", decimals=0) == "48%"
    with pytest.raises(ValidationError):
        format_percent("47.67")  # not vi
    with pytest.raises(InvalidTypeError):
        format_percent(47.67)


# --------------------------------------------------------------------------- rate


def test_rate_seed_report_figures() -> None:
    down = decimal.ROUND_DOWN
    assert rate(41, 86, rounding=down) == Decimal("47.67")
    assert rate(320, 788, rounding=down) == Decimal("40.60")
    assert rate("1.341", "2.257", rounding=down) == Decimal("59.41")
    assert rate(1272, 472, rounding=down) == Decimal("269.49")
    assert rate(320, 788, rounding=decimal.ROUND_HALF_UP) == Decimal("40.61")
    assert str(rate(320, 788, rounding=down)) == "40.60"  # keeps its places


def test_rate_needs_rounding_and_target() -> None:
    with pytest.raises(TypeError):
        rate(1, 2)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="target") as info:
        rate(1, 0, rounding=decimal.ROUND_DOWN)
    assert info.value.path == "target"
    with pytest.raises(ValidationError, match="target"):
        rate(1, "0,00", rounding=decimal.ROUND_DOWN)
    with pytest.raises(ValidationError, match="rounding"):
        rate(1, 2, rounding="down")
    with pytest.raises(InvalidTypeError, match="rounding"):
        rate(1, 2, rounding=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="actual"):
        rate("x", 2, rounding=decimal.ROUND_DOWN)
    with pytest.raises(InvalidTypeError, match="target"):
        rate(1, 2.0, rounding=decimal.ROUND_DOWN)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="decimals"):
        rate(1, 2, decimals=-1, rounding=decimal.ROUND_DOWN)


@given(
    st.integers(-(10**15), 10**15),
    st.integers(-(10**15), 10**15).filter(bool),
    st.integers(0, 4),
    st.sampled_from(ROUNDINGS),
)
def test_rate_matches_decimal_quantize(actual: int, target: int, places: int, mode: str) -> None:
    exact = Fraction(actual * 100, target)
    wide = decimal.Context(prec=200)
    # enough digits that decimal's own rounding of the quotient cannot matter, and an
    # inexact quotient is nudged off the halfway point it cannot be on
    quotient = wide.divide(Decimal(exact.numerator), Decimal(exact.denominator))
    expected = quotient.quantize(Decimal(1).scaleb(-places), rounding=mode, context=wide)
    assert rate(actual, target, decimals=places, rounding=mode) == expected


# --------------------------------------------------------------------------- format_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2020, 7, 3), "ngày 03 tháng 7 năm 2020"),
        (datetime.date(2021, 1, 5), "ngày 05 tháng 01 năm 2021"),
        (datetime.date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (datetime.date(2020, 12, 10), "ngày 10 tháng 12 năm 2020"),
        (datetime.datetime(2019, 6, 29, 23, 59), "ngày 29 tháng 6 năm 2019"),
    ],
)
def test_format_date(value: datetime.date, expected: str) -> None:
    assert format_date(value) == expected


@pytest.mark.parametrize("value", ["2020-07-03", None, 20200703, datetime.time(12, 0)])
def test_format_date_refuses_non_dates(value: object) -> None:
    with pytest.raises(InvalidTypeError, match=r"datetime\.date"):
        format_date(value)  # type: ignore[arg-type]


def test_rounding_a_fraction_at_the_digit_limit() -> None:
    from decimal import Decimal

    import baocao

    # 4300 digits after the comma: the most a number may have; "0" + them is 4301 characters.
    long_fraction = Decimal("0." + "1" * 4299 + "6")
    assert baocao.format_number(long_fraction, decimals=2) == "0,11"
    assert baocao.format_number(Decimal("0." + "5" * 4300), decimals=0) == "1"
    with pytest.raises(baocao.ValidationError, match="more than 4300 digits"):
        baocao.format_number(Decimal("0." + "1" * 4301), decimals=2)
