"""Numbers, amounts and percentages in words (baocao._words), and the golden table."""

from __future__ import annotations

import datetime
import decimal
import threading
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao._errors import BaocaoError, InvalidTypeError, ValidationError
from baocao._words import (
    PRESETS,
    Style,
    format_date,
    format_number,
    format_percent,
    money_to_words,
    number_to_words,
    ordinal_to_words,
    percent_to_words,
    rate,
    words_to_money,
    words_to_number,
    words_to_percent,
)

GOLDEN = Path(__file__).parents[1] / "data" / "numbers_golden.tsv"


# --------------------------------------------------------------------------- golden table


def _value(text: str) -> Any:
    if text.startswith("S:"):
        return text[2:]
    if text.startswith("D:"):
        return Decimal(text[2:])
    if text.startswith("F:"):
        return float(text[2:])
    return int(text)


def _style(text: str) -> Style | str:
    if text == "-":
        return "north"
    name, *changes = text.split(";")
    if not changes:
        return name
    fields: dict[str, Any] = {}
    for change in changes:
        key, value = change.split("=")
        fields[key] = value == "True" if key == "keep_trailing_zeros" else value
    return Style.preset(name).replace(**fields)


def _options(text: str) -> dict[str, Any]:
    if text == "-":
        return {}
    options: dict[str, Any] = {}
    for pair in text.split(";"):
        key, value = pair.split("=")
        if key == "decimals":
            options[key] = None if value == "None" else int(value)
        elif key in ("allow_float", "unaccented"):
            options[key] = value == "True"
        elif key == "rounding":
            options[key] = getattr(decimal, value)
        else:
            options[key] = value
    return options


def _golden_rows() -> list[Any]:
    rows = []
    for line_no, line in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#") or line.startswith("function\t"):
            continue
        function, style, options, value, expected = line.split("\t")
        rows.append(pytest.param(function, style, options, value, expected, id=f"L{line_no}"))
    return rows


def _golden_result(function: str, style_text: str, options_text: str, value: str) -> str:
    style = _style(style_text)
    options = _options(options_text)
    calls: dict[str, Callable[[], object]] = {
        "words": lambda: number_to_words(_value(value), style=style, **options),
        "percent": lambda: percent_to_words(_value(value), style=style, **options),
        "money": lambda: money_to_words(_value(value), style=style, **options),
        "ordinal": lambda: ordinal_to_words(int(value), style=style),
        "date": lambda: format_date(
            datetime.datetime.fromisoformat(value)
            if "T" in value
            else datetime.date.fromisoformat(value)
        ),
        "number": lambda: format_number(_value(value), **options),
        "percent_digits": lambda: format_percent(_value(value), **options),
        "rate": lambda: str(rate(*map(_value, value.split("|")), **options)),
        "parse": lambda: str(words_to_number(value, **options)),
        "parse_money": lambda: str(words_to_money(value)),
        "parse_percent": lambda: str(words_to_percent(value)),
    }
    return str(calls[function]())


@pytest.mark.parametrize(("function", "style", "options", "value", "expected"), _golden_rows())
def test_golden(function: str, style: str, options: str, value: str, expected: str) -> None:
    if function.startswith("parse"):
        expected = str(_value(expected))
    assert _golden_result(function, style, options, value) == expected


def test_golden_table_is_big_and_covers_both_presets() -> None:
    rows = [p.values for p in _golden_rows()]
    assert len(rows) >= 300
    styles = {row[1].split(";")[0] for row in rows}
    assert {"north", "south"} <= styles
    assert all(unicodedata.is_normalized("NFC", row[4]) for row in rows)


def test_golden_words_read_back() -> None:
    """Every reading in the golden table parses back to its value."""
    for function, style_text, _options_text, value, expected in (p.values for p in _golden_rows()):
        if function != "words" or "input_format" in _options_text or "F:" in value:
            continue
        style = _style(style_text)
        large = style.large if isinstance(style, Style) else "recursive"
        number = _value(value)
        if isinstance(number, str):  # vi format
            number = Decimal(number.replace(".", "").replace(",", ".").replace("−", "-"))
        assert words_to_number(expected, large=large) == number, expected


# --------------------------------------------------------------------------- spec examples


@pytest.mark.parametrize(
    ("value", "expected"),
    [  # the reference row of spec §3.2a
        (15, "mười lăm"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (1005, "một nghìn không trăm linh năm"),
        (1001000, "một triệu không trăm linh một nghìn"),
        (4607678000, "bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn"),
        (10**15, "một triệu tỷ"),
        (-21, "âm hai mươi mốt"),
        ("2,05", "hai phẩy không năm"),
        ("0,125", "không phẩy một trăm hai mươi lăm"),
    ],
)
def test_spec_reference_row(value: int | str, expected: str) -> None:
    assert number_to_words(value) == expected


def test_brief_example_south_money() -> None:
    assert (
        money_to_words(4607678000, style="south")
        == "Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng"
    )


def test_spelling_is_correct_nfc() -> None:
    readings = [number_to_words(n, style=s) for n in range(0, 200_000, 7) for s in PRESETS]
    for text in readings:
        assert unicodedata.is_normalized("NFC", text)
        for wrong in ("lẽ", "muời", "bẩy", "mười tư", "mươi một", "mươi năm", "linh lăm", "lẻ lăm"):
            assert wrong not in text


# --------------------------------------------------------------------------- Style


def test_style_presets() -> None:
    assert Style.preset("north") is Style.NORTH == Style()
    assert Style(odd="lẻ", thousand="ngàn") == Style.SOUTH
    assert dict(PRESETS) == {"north": Style.NORTH, "south": Style.SOUTH}
    assert hash(Style()) == hash(Style.NORTH)  # usable as a cache key


def test_style_is_immutable() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Style.NORTH.odd = "lẻ"  # type: ignore[misc]


def test_style_accepts_nfd_spelling() -> None:
    assert Style(odd=unicodedata.normalize("NFD", "lẻ")) == Style(odd="lẻ")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("odd", "lẽ"),
        ("odd", "le"),
        ("thousand", "ngan"),
        ("billion", "ty"),
        ("four_after_tens", "4"),
        ("four_after_odd", "bon"),
        ("large", "scale"),
        ("negative", "-"),
        ("point", ","),
        ("fraction", "words"),
    ],
)
def test_style_refuses_bad_values_naming_field(field: str, value: str) -> None:
    fields: dict[str, Any] = {field: value}
    with pytest.raises(ValidationError) as info:
        Style(**fields)
    assert info.value.path == field
    assert repr(value) in str(info.value)


def test_style_refuses_wrong_types() -> None:
    with pytest.raises(InvalidTypeError, match="keep_trailing_zeros"):
        Style(keep_trailing_zeros="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="odd"):
        Style(odd=1)


def test_unknown_preset_lists_presets() -> None:
    with pytest.raises(ValidationError, match="'north', 'south'") as info:
        number_to_words(5, style="central")
    assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidTypeError):
        number_to_words(5, style=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="'west'"):
        Style.preset("west")


def test_style_replace_validates() -> None:
    assert Style.SOUTH.replace(billion="tỉ").billion == "tỉ"
    with pytest.raises(ValidationError):
        Style.SOUTH.replace(billion="ti")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (True, InvalidTypeError),
        (False, InvalidTypeError),
        (None, InvalidTypeError),
        ([1, 2], InvalidTypeError),
        ({"a": 1}, InvalidTypeError),
        (1.5, InvalidTypeError),
        (Decimal("NaN"), ValidationError),
        (Decimal("sNaN"), ValidationError),
        (Decimal("Infinity"), ValidationError),
        (Decimal("-Infinity"), ValidationError),
        ("1.2.3", ValidationError),
        ("1.00", ValidationError),
        ("", ValidationError),
        (" ", ValidationError),
        ("abc", ValidationError),
        ("1,2,3", ValidationError),
        ("1.234,5,6", ValidationError),
        ("01", ValidationError),
        ("+5", ValidationError),
        ("1_000", ValidationError),
        ("١٢٣", ValidationError),
        ("1.", ValidationError),
        (",5", ValidationError),
        ("1e5", ValidationError),
        ("4 607 678 000", ValidationError),
        ("1,234.5", ValidationError),  # en, but the format declared is vi
    ],
)
def test_bad_values_are_refused(value: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        number_to_words(value)  # type: ignore[arg-type]
    assert type(info.value) is error
    assert isinstance(info.value, BaocaoError)
    assert isinstance(info.value, ValueError)
    if error is InvalidTypeError:
        assert isinstance(info.value, TypeError)
    assert repr(value)[:20] in str(info.value)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_floats_are_refused_even_when_allowed(value: float) -> None:
    with pytest.raises(ValidationError, match="finite"):
        number_to_words(value, allow_float=True)


def test_float_is_read_through_repr_not_binary() -> None:
    assert number_to_words(0.1, allow_float=True) == "không phẩy một"
    assert number_to_words(1.005, allow_float=True) == "một phẩy không không năm"
    with pytest.raises(InvalidTypeError, match="allow_float=True"):
        number_to_words(0.1)


def test_wrong_format_hint_names_the_format_that_fits() -> None:
    with pytest.raises(ValidationError, match="input_format='en'"):
        number_to_words("1,234.5")
    with pytest.raises(ValidationError, match="'plain' format"):
        number_to_words("1.234,5", input_format="plain")


def test_strings_are_strict_per_format() -> None:
    assert number_to_words("1.005") == "một nghìn không trăm linh năm"
    assert number_to_words("1.005", input_format="en") == "một phẩy không không năm"
    assert number_to_words("1005", input_format="en") == number_to_words("1.005")
    with pytest.raises(ValidationError):
        number_to_words("1.005", input_format="plain") and number_to_words(
            "1,005", input_format="plain"
        )
    assert number_to_words(" 47,67 ") == number_to_words("47,67")
    assert number_to_words("−5") == "âm năm"  # U+2212 MINUS SIGN


def test_bad_input_format() -> None:
    with pytest.raises(ValidationError, match="input_format"):
        number_to_words("5", input_format="fr")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="input_format"):
        number_to_words(5, input_format="fr")  # type: ignore[arg-type]


def test_too_many_digits() -> None:
    with pytest.raises(ValidationError, match="more than 4300 digits"):
        number_to_words(10**4300)
    with pytest.raises(ValidationError, match="more than 4300 digits"):
        number_to_words(-(10**5000))
    with pytest.raises(ValidationError, match="4300 digits"):
        number_to_words(Decimal("1E+5000"))
    with pytest.raises(ValidationError, match="4300 digits"):
        number_to_words("1" * 4301, input_format="plain")
    longest = number_to_words(10**4299 - 1)  # 1433 groups, 477 levels of tỷ
    assert longest.startswith("chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín")
    assert words_to_number(longest, large="recursive") == 10**4299 - 1


def test_decimal_keeps_its_written_digits() -> None:
    assert number_to_words(Decimal("47.60")) == "bốn mươi bảy phẩy sáu"
    keep = Style(keep_trailing_zeros=True)
    assert number_to_words(Decimal("47.60"), style=keep) == "bốn mươi bảy phẩy sáu mươi"
    assert number_to_words(Decimal("-0.0"), style=keep) == "không phẩy không"
    assert number_to_words(Decimal("1.5E+2")) == "một trăm năm mươi"


def test_int_subclass_is_read_as_int() -> None:
    import enum

    class Count(enum.IntEnum):
        FIVE = 5

    assert number_to_words(Count.FIVE) == "năm"


# --------------------------------------------------------------------------- money, percent


def test_money_needs_rounding_for_fractions() -> None:
    with pytest.raises(ValidationError, match=r"rounding=decimal\.ROUND_HALF_UP") as info:
        money_to_words("1.500,5")
    assert info.value.path == ""
    assert money_to_words(Decimal("1500.00")) == "Một nghìn năm trăm đồng"


def test_money_bad_options() -> None:
    with pytest.raises(ValidationError, match="suffix"):
        money_to_words(5, suffix="chan")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="suffix"):
        money_to_words(5, suffix=1)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="rounding"):
        money_to_words("5,5", rounding="HALF_UP")
    with pytest.raises(ValidationError, match="rounding"):
        money_to_words(5, rounding="nearest")
    with pytest.raises(InvalidTypeError):
        money_to_words(1500.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        money_to_words(True)


def test_money_suffix_nfd_is_accepted() -> None:
    nfd = unicodedata.normalize("NFD", "chẵn")
    assert money_to_words(5, suffix=nfd) == "Năm đồng chẵn"  # type: ignore[arg-type]


def test_money_rounding_of_huge_amounts_is_exact() -> None:
    amount = Decimal("123456789012345678901234567890.5")
    words = money_to_words(amount, rounding=decimal.ROUND_HALF_UP)
    assert words_to_money(words) == 123456789012345678901234567891


def test_percent_refuses_like_numbers() -> None:
    with pytest.raises(ValidationError):
        percent_to_words("47.67")
    assert percent_to_words(47.67, allow_float=True) == percent_to_words("47,67")


def test_ordinal_bad_input() -> None:
    with pytest.raises(ValidationError, match="ordinals start at 1"):
        ordinal_to_words(0)
    with pytest.raises(InvalidTypeError):
        ordinal_to_words(True)
    with pytest.raises(InvalidTypeError):
        ordinal_to_words("4")  # type: ignore[arg-type]
    assert ordinal_to_words(4, style="south") == "thứ tư"
    assert ordinal_to_words(10**12) == "thứ một nghìn tỷ"


# --------------------------------------------------------------------------- words → number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("một trăm linh năm", 105),
        (unicodedata.normalize("NFD", "Một Trăm Lẻ Năm"), 105),
        ("  một\ttrăm \n lẻ   năm ", 105),
        ("bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn", 4607678000),
        ("hai mươi tư", 24),
        ("hai mươi bốn", 24),
        ("một trăm linh tư", 104),
        ("trừ năm", -5),
        ("hai phẩy không năm", Decimal("2.05")),
        ("hai chấm không năm", Decimal("2.05")),
        ("không phẩy năm", Decimal("0.5")),
        ("âm không phẩy năm", Decimal("-0.5")),
        ("không phẩy không", Decimal("0.0")),
        ("năm phẩy không không", Decimal("5.00")),
        ("hai phẩy không trăm năm mươi", Decimal("2.050")),
        ("một tỉ tỉ", 10**18),
        ("một nghìn tỷ tỷ tỷ", 10**30),
    ],
)
def test_words_to_number_variants(text: str, value: int | Decimal) -> None:
    result = words_to_number(text)
    assert result == value
    assert type(result) is type(value)
    if isinstance(value, Decimal):
        assert isinstance(result, Decimal)
        assert result.as_tuple() == value.as_tuple()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("hai mươi năm", "'năm'"),  # lăm after mươi
        ("mười năm", "'năm'"),
        ("một trăm linh lăm", "'lăm'"),  # năm after linh
        ("hai mươi một", "'một'"),  # mốt after mươi
        ("mười mốt", "'mốt'"),
        ("mười tư", "'tư'"),  # literary only
        ("tư", "'tư'"),
        ("một nghìn lẻ năm", "'lẻ'"),  # không trăm left out
        ("một triệu năm nghìn", "'năm'"),
        ("hai mốt", "'mốt'"),  # spoken short form
        ("muời", "'muời'"),  # misspelling
        ("một trăm lẽ năm", "'lẽ'"),
        ("bẩy", "'bẩy'"),
        ("một mươi", "'một'"),  # 10 is mười
        ("không trăm năm", "'không'"),
        ("một nghìn không", "'không'"),
        ("âm không", "'âm'"),
        ("nghìn", "'nghìn'"),
        ("một trăm linh", "'linh'"),
        ("hai phẩy", "'phẩy'"),
        ("phẩy năm", "'phẩy'"),
        ("một phẩy hai phẩy ba", "'phẩy'"),
        ("âm", "'âm'"),
        ("một tỷ không triệu", "'không'"),
        ("năm mươi phẩy một mươi", "'mươi'"),
        ("hello", "'hello'"),
    ],
)
def test_words_to_number_names_the_word(text: str, word: str) -> None:
    with pytest.raises(ValidationError) as info:
        words_to_number(text)
    assert word in str(info.value).split("in words:")[-1], str(info.value)
    assert isinstance(info.value, BaocaoError)


def test_words_to_number_says_what_is_expected() -> None:
    with pytest.raises(ValidationError, match="expected 'lăm'"):
        words_to_number("hai mươi năm")
    with pytest.raises(ValidationError, match="expected 'lẻ'"):
        words_to_number("một trăm hai ngàn")  # shown in the text's own variant
    with pytest.raises(ValidationError, match="'không', is not where it belongs; the number ends"):
        words_to_number("một trăm hai mươi tư tỷ không trăm")


def test_words_to_number_refuses_units() -> None:
    with pytest.raises(ValidationError, match="words_to_money"):
        words_to_number("một trăm đồng")
    with pytest.raises(ValidationError, match="words_to_percent"):
        words_to_number("năm phần trăm")


def test_words_to_number_bad_types_and_empty() -> None:
    for value in (None, 5, b"nam", ["năm"]):
        with pytest.raises(InvalidTypeError):
            words_to_number(value)  # type: ignore[arg-type]
    for text in ("", "   "):
        with pytest.raises(ValidationError, match="empty"):
            words_to_number(text)
    with pytest.raises(ValidationError, match="large"):
        words_to_number("năm", large="auto")  # type: ignore[arg-type]


def test_ambiguous_large_text_needs_a_style() -> None:
    text = "một nghìn tỷ hai trăm ba mươi tư tỷ"
    with pytest.raises(ValidationError, match="ambiguous") as info:
        words_to_number(text)
    assert "1.000.000.000.234.000.000.000" in str(info.value)
    assert "1.234.000.000.000" in str(info.value)
    assert words_to_number(text, large="group_scale") == 1234 * 10**9
    assert words_to_number(text, large="recursive") == 10**21 + 234 * 10**9


def test_large_texts_read_the_same_in_both_styles_need_no_hint() -> None:
    assert words_to_number("một nghìn tỷ không trăm linh năm") == 10**12 + 5
    assert words_to_number("một tỷ tỷ không trăm linh năm triệu") == 10**18 + 5 * 10**6
    # only a recursive reading: the group-scale one would be "…nghìn tỷ hai trăm…"
    assert words_to_number("một nghìn hai trăm ba mươi tư tỷ") == 1234 * 10**9
    # two groups labelled with tỷ: both styles read it, as different numbers
    with pytest.raises(ValidationError, match="ambiguous"):
        words_to_number("một tỷ tỷ hai trăm ba mươi tư tỷ")


def test_words_to_money() -> None:
    assert words_to_money("Một nghìn đồng") == 1000
    assert words_to_money("MỘT NGHÌN ĐỒNG CHẴN") == 1000
    assert words_to_money("một nghìn đồng./.") == 1000
    assert words_to_money("một nghìn đồng chẵn ./.") == 1000
    for bad in ("một nghìn", "đồng", "một nghìn đồng lẻ", "", "một phẩy năm đồng", "chẵn"):
        with pytest.raises(ValidationError):
            words_to_money(bad)
    with pytest.raises(InvalidTypeError):
        words_to_money(1000)  # type: ignore[arg-type]


def test_words_to_percent() -> None:
    assert words_to_percent("năm mươi phần trăm") == 50
    with pytest.raises(ValidationError, match="phần trăm"):
        words_to_percent("năm mươi")


# --------------------------------------------------------------------------- properties

STYLES = [
    Style.preset(name).replace(large=large, four_after_tens=four, four_after_odd=odd4, billion=b)
    for name in PRESETS
    for large in ("recursive", "group_scale")
    for four, odd4, b in (("tư", "bốn", "tỷ"), ("bốn", "tư", "tỉ"))
]
styles = st.sampled_from(STYLES)


@given(st.integers(-(10**30), 10**30), styles)
def test_integers_round_trip(n: int, style: Style) -> None:
    assert words_to_number(number_to_words(n, style=style), large=style.large) == n


@given(st.integers(0, 10**12 - 1))
def test_small_integers_round_trip_without_a_large_hint(n: int) -> None:
    assert words_to_number(number_to_words(n, style="south")) == n


@st.composite
def decimals(draw: st.DrawFn) -> Decimal:
    integer = draw(st.integers(-(10**20), 10**20))
    zeros = draw(st.integers(0, 4))
    rest = draw(st.integers(0, 10**8))
    digits = "0" * zeros + (str(rest) if rest else "")
    sign = "-" if integer < 0 else ""
    return Decimal(f"{sign}{abs(integer)}.{digits or '0'}")


@given(decimals(), styles, st.booleans(), st.sampled_from(["number", "digits"]))
def test_decimals_round_trip(value: Decimal, style: Style, keep: bool, fraction: str) -> None:
    style = style.replace(keep_trailing_zeros=keep, fraction=fraction)
    text = number_to_words(value, style=style)
    if "phẩy" in text and text.split()[-1] in ("nghìn", "ngàn", "triệu", "tỷ", "tỉ"):
        # 1,5000 written "một phẩy năm nghìn" also means 1,5 nghìn: refused, not guessed
        with pytest.raises(ValidationError, match="is ambiguous: read as digits after"):
            words_to_number(text, large=style.large)
        return
    back = words_to_number(text, large=style.large)
    assert back == value
    if keep and value:
        assert isinstance(back, Decimal)
        assert back.as_tuple() == value.as_tuple()


@given(st.integers(-(10**24), 10**24), st.sampled_from(list(PRESETS)), st.booleans())
def test_money_round_trip(n: int, preset: str, chan: bool) -> None:
    text = money_to_words(n, style=preset, suffix="chẵn" if chan else None)
    assert text[0].isupper()
    assert words_to_money(text) == n


@given(decimals(), st.sampled_from(list(PRESETS)))
def test_percent_round_trip(value: Decimal, preset: str) -> None:
    assert words_to_percent(percent_to_words(value, style=preset)) == value


@given(st.integers(0, 10**15))
def test_reading_is_the_same_for_int_decimal_and_strings(n: int) -> None:
    words = number_to_words(n)
    assert number_to_words(Decimal(n)) == words
    assert number_to_words(format_number(n)) == words
    assert number_to_words(str(n), input_format="plain") == words
    assert number_to_words(f"{n:,}", input_format="en") == words


def _reference(n: int, style: Style) -> str:
    """A slow, plain reading straight from the rules, written apart from the tables."""
    digit = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
    if n < 0:
        return "âm " + _reference(-n, style)
    if n == 0:
        return "không"

    def group(text: str, first: bool) -> list[str]:
        a, b, c = (int(ch) for ch in text)
        out = [] if first and not a else [digit[a], "trăm"]
        if b == 0 and c:
            out += [style.odd, style.four_after_odd if c == 4 else digit[c]] if out else [digit[c]]
        elif b == 1:
            out += ["mười"] + ([{5: "lăm"}.get(c, digit[c])] if c else [])
        elif b:
            units = {1: "mốt", 4: style.four_after_tens, 5: "lăm"}.get(c, digit[c])
            out += [digit[b], "mươi"] + ([units] if c else [])
        return out

    def below_billion(m: int, first: bool) -> list[str]:
        text = f"{m:09d}"
        out: list[str] = []
        scales = ("triệu", style.thousand, "")
        for chunk, scale in zip((text[0:3], text[3:6], text[6:9]), scales, strict=True):
            if int(chunk):
                out += group(chunk, first and not out) + ([scale] if scale else [])
        return out

    if style.large == "recursive":
        high, low = divmod(n, 10**9)
        if not high:
            return " ".join(below_billion(low, True))
        return " ".join([_reference(high, style), style.billion, *below_billion(low, False)])
    text = str(n)
    text = "0" * (-len(text) % 3) + text
    chunks = [text[i : i + 3] for i in range(0, len(text), 3)]
    out: list[str] = []
    for position, chunk in enumerate(chunks):
        k = len(chunks) - 1 - position
        if int(chunk):
            label = ["", style.thousand, "triệu"][k % 3]
            out += group(chunk, not out) + ([label] if label else []) + [style.billion] * (k // 3)
    return " ".join(out)


@given(st.integers(-(10**30), 10**30) | st.integers(-(10**13), 10**13), styles)
def test_integers_agree_with_a_plain_reference(n: int, style: Style) -> None:
    assert number_to_words(n, style=style) == _reference(n, style)


def test_sparse_integers_agree_with_a_plain_reference() -> None:
    """Numbers with many zero groups, where the rules about không trăm and tỷ bite."""
    values = [
        sum(d * 10**p for d, p in zip(digits, places, strict=False))
        for digits in ((1,), (5, 1), (4, 2, 7), (1, 1, 1, 1))
        for places in (
            (0, 3, 9, 12, 18),
            (2, 5, 10, 15, 21),
            (1, 4, 11, 24, 27),
            (9, 12, 15, 18, 30),
        )
    ]
    for n in values:
        for style in STYLES:
            assert number_to_words(n, style=style) == _reference(n, style), n


# --------------------------------------------------------------------------- purity


def test_threads_agree() -> None:
    expected = [number_to_words(n, style=s) for n in range(0, 10**6, 997) for s in STYLES[:4]]
    results: list[list[str]] = []

    def work() -> None:
        results.append(
            [number_to_words(n, style=s) for n in range(0, 10**6, 997) for s in STYLES[:4]]
        )

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def test_decimal_context_is_untouched() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.traps[decimal.Inexact] = True
        assert money_to_words("123.456.789,5", rounding=decimal.ROUND_HALF_UP).startswith(
            "Một trăm"
        )
        assert format_number(Decimal("123456789.125"), decimals=2) == "123.456.789,13"
        assert rate(1, 3, rounding=decimal.ROUND_DOWN) == Decimal("33.33")


# --------------------------------------------------------------------------- amounts in words

MONEY_GOLDEN = Path(__file__).parents[1] / "data" / "money_words_golden.tsv"


def _money_rows() -> list[Any]:
    rows = []
    for line_no, line in enumerate(MONEY_GOLDEN.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#") or line.startswith("options\t"):
            continue
        options, text, expected = line.split("\t")
        rows.append(pytest.param(options, text, expected, id=f"L{line_no}"))
    return rows


@pytest.mark.parametrize(("options", "text", "expected"), _money_rows())
def test_money_words_golden(options: str, text: str, expected: str) -> None:
    if expected.startswith("!"):
        with pytest.raises(ValidationError) as info:
            words_to_money(text, **_options(options))
        message = str(info.value)
        assert expected[1:] in message
        assert message.startswith(repr(unicodedata.normalize("NFC", text)))
        if "is not followed by 'đồng'" in message:
            assert not any(w in text.lower().split() for w in ("đồng", "vnđ", "vnd", "chẵn"))
    else:
        assert words_to_money(text, **_options(options)) == int(expected)


def test_money_golden_table_is_big_enough() -> None:
    rows = [p.values for p in _money_rows()]
    accepted = [r for r in rows if not r[2].startswith("!")]
    assert len(rows) >= 56
    assert len(accepted) >= 56
    texts = " ".join(r[1] for r in rows).lower()
    for variant in ("lẻ", "linh", "mươi", "chục", "nghìn", "ngàn", "tỷ", "tỉ", "mốt", "lăm"):
        assert variant in texts.split(), variant
    for variant in ("nhăm", "tư", "bốn", "vnđ", "bằng", "chẵn.", "đồng.", "(một"):
        assert variant in texts.split(), variant


def test_only_a_missing_unit_says_it_is_not_followed_by_dong() -> None:
    assert words_to_money("Một trăm triệu đồng.") == words_to_money("Một trăm triệu chẵn.")
    for text in (
        "Hai mươi năm nghìn đồng",
        "Một trăm triệu đồng lẻ",
        "(Một trăm triệu đồng",
        "Một trăm triệu đồng chẵn chẵn",
        "Một trăm triệu đồng, chẵn",
        "Một trăm triệu đông",
    ):
        with pytest.raises(ValidationError) as info:
            words_to_money(text)
        assert "is not followed by 'đồng'" not in str(info.value), text
    with pytest.raises(ValidationError, match="is not followed by 'đồng'"):
        words_to_money("Một trăm triệu")


def test_money_option_types() -> None:
    with pytest.raises(InvalidTypeError, match="unaccented: 'yes' is not True or False"):
        words_to_money("một đồng", unaccented="yes")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="large: 'auto'"):
        words_to_money("một đồng", large="auto")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        words_to_money(None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="is empty"):
        words_to_money("  ")
    with pytest.raises(ValidationError, match="has no amount"):
        words_to_money("( )")


def test_unaccented_number_words() -> None:
    assert words_to_number("mot tram hai muoi mot", unaccented=True) == 121
    assert words_to_number("am muoi lam phay khong nam", unaccented=True) == Decimal("-15.05")
    assert words_to_number("một tram", unaccented=True) == 100  # accented words stay
    with pytest.raises(ValidationError, match="pass unaccented=True"):
        words_to_number("hai muoi")
    with pytest.raises(ValidationError, match="'bẩy'"):
        words_to_number("bẩy", unaccented=True)  # a word with diacritics must be right
    with pytest.raises(InvalidTypeError, match="unaccented"):
        words_to_number("hai", unaccented=1)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the fast path

FAST_STYLES = [
    Style(odd=odd, thousand=k, billion=b, four_after_tens=f, four_after_odd=g)
    for odd in ("linh", "lẻ")
    for k in ("nghìn", "ngàn")
    for b in ("tỷ", "tỉ")
    for f, g in (("tư", "bốn"), ("bốn", "tư"))
]


def _full_reader(text: str) -> int | Decimal | str:
    """What the word-by-word reader says: the value, or the error message."""
    from baocao._words._parser import parse_words, split_text

    normalized, words = split_text(text)
    try:
        return parse_words(words, normalized, None)
    except ValidationError as exc:
        return str(exc)


@given(st.integers(-(10**12) + 1, 10**12 - 1), st.sampled_from(FAST_STYLES), st.booleans())
def test_fast_path_agrees_with_the_full_reader(n: int, style: Style, capital: bool) -> None:
    from baocao._words._parser import fast_read

    text = number_to_words(n, style=style)
    if capital:
        text = text[0].upper() + text[1:]
    assert fast_read(text) == n == _full_reader(text)
    assert words_to_money(text + " đồng") == n


VOCABULARY = [
    *("không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám"),
    *("chín", "mười", "mươi", "trăm", "linh", "lẻ", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"),
    *("âm", "Một", "Hai"),
]


@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14))
def test_fast_path_never_accepts_what_the_full_reader_refuses(words: list[str]) -> None:
    from baocao._words._parser import fast_read

    text = " ".join(words)
    fast = fast_read(text)
    if fast is not None:
        assert _full_reader(text) == fast


def test_fast_path_leaves_other_texts_to_the_full_reader() -> None:
    from baocao._words._parser import fast_read

    for text in (
        "MỘT NGHÌN",
        "một  nghìn",
        " một",
        "một nghìn tỷ",
        "hai phẩy năm",
        "âm không",
        "không nghìn",
        "một tỷx",
        unicodedata.normalize("NFD", "một nghìn"),
    ):
        assert fast_read(text) is None, text
    assert words_to_number("MỘT NGHÌN") == 1000
    assert words_to_number(unicodedata.normalize("NFD", "một nghìn")) == 1000


# --------------------------------------------------------------------------- the amount audit


def _amount_findings(sentence: str) -> list[Any]:
    import baocao

    from ..conftest import make_report

    report = make_report(
        sections=[baocao.Section(title="Kinh phí", body=[sentence])],
    )
    return [f for f in baocao.check(baocao.render(report)) if f.rule == "amount.words"]


def test_the_amount_audit_reads_words_as_documents_write_them() -> None:
    right = "Kinh phí là 100.000.000 đồng (Bằng chữ: Một trăm triệu đồng chẵn.)."
    wrong = "Kinh phí là 200.000.000 đồng (Một trăm triệu đồng chẵn.)."
    vnd = "Kinh phí là 300.000.000 đồng (Ba trăm năm mươi triệu VNĐ)."
    assert _amount_findings(right) == []
    (finding,) = _amount_findings(wrong)
    assert "200.000.000 in digits" in finding.found
    assert "100.000.000 đồng" in finding.found
    (finding,) = _amount_findings(vnd)
    assert "350.000.000 đồng" in finding.found


def _without_diacritics(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


@given(st.integers(-(10**15), 10**15), styles)
def test_unaccented_text_reads_as_the_number_it_was(n: int, style: Style) -> None:
    text = _without_diacritics(number_to_words(n, style=style))
    assert text.isascii()
    assert words_to_number(text, large=style.large, unaccented=True) == n
    money = _without_diacritics(money_to_words(n, style=style.replace(large="recursive")))
    assert words_to_money(money, unaccented=True) == n


def test_a_decimal_ending_in_a_scale_word_is_refused_as_ambiguous() -> None:
    for text in ("một phẩy năm triệu", "hai phẩy năm nghìn", "Một phẩy năm triệu đồng"):
        with pytest.raises(ValidationError, match="is ambiguous: read as digits after the"):
            words_to_money(text) if "đồng" in text else words_to_number(text)
    assert words_to_number("một triệu phẩy năm") == Decimal("1000000.5")
    assert words_to_number("không phẩy không trăm ba mươi hai") == Decimal("0.032")
