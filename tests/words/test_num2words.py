"""baocao's reader inside num2words (baocao._words._num2words)."""

from __future__ import annotations

import decimal
from decimal import Decimal

import num2words as num2words_module
import pytest
from num2words import num2words

from baocao._errors import InvalidTypeError, ValidationError
from baocao._words import money_to_words, number_to_words
from baocao._words._num2words import LANG, Num2WordVIBaocao, register_num2words


@pytest.fixture(autouse=True)
def registered() -> None:
    register_num2words()


def test_registered_under_its_own_code_and_vi_is_untouched() -> None:
    assert LANG == "vi_baocao"
    assert isinstance(num2words_module.CONVERTER_CLASSES[LANG], Num2WordVIBaocao)
    assert not isinstance(num2words_module.CONVERTER_CLASSES["vi"], Num2WordVIBaocao)


def test_register_is_idempotent() -> None:
    converter = num2words_module.CONVERTER_CLASSES[LANG]
    register_num2words()
    assert num2words_module.CONVERTER_CLASSES[LANG] is converter


@pytest.mark.parametrize(
    ("value", "expected"),
    [  # the spec §3.2a inputs where num2words' own "vi" goes wrong
        (1005, "một nghìn không trăm linh năm"),
        (1001000, "một triệu không trăm linh một nghìn"),
        (10**15, "một triệu tỷ"),
        (-21, "âm hai mươi mốt"),
        (2.05, "hai phẩy không năm"),
        (0.125, "không phẩy một trăm hai mươi lăm"),
        (Decimal("0.125"), "không phẩy một trăm hai mươi lăm"),
        ("0.125", "không phẩy một trăm hai mươi lăm"),
        (24, "hai mươi tư"),
    ],
)
def test_cardinal(value: object, expected: str) -> None:
    assert num2words(value, lang=LANG) == expected
    assert num2words(value, lang=LANG, to="cardinal") == expected


def test_cardinal_is_baocao_for_every_style() -> None:
    for n in (0, 14, 105, 4607678000, 1234 * 10**9):
        for style in ("north", "south"):
            assert num2words(n, lang=LANG, style=style) == number_to_words(n, style=style)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, "thứ nhất"),
        (2, "thứ hai"),
        (3, "thứ ba"),
        (4, "thứ tư"),
        (5, "thứ năm"),
        (14, "thứ mười bốn"),
        (21, "thứ hai mươi mốt"),
        (Decimal("24"), "thứ hai mươi tư"),
    ],
)
def test_ordinal(value: object, expected: str) -> None:
    assert num2words(value, lang=LANG, to="ordinal") == expected
    assert num2words(value, lang=LANG, ordinal=True) == expected


def test_ordinal_num_and_year() -> None:
    assert num2words(3, lang=LANG, to="ordinal_num") == "thứ 3"
    assert num2words(2024, lang=LANG, to="year") == "hai nghìn không trăm hai mươi tư"


def test_currency() -> None:
    assert num2words(4607678000, lang=LANG, to="currency") == (
        "bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn đồng"
    )
    assert num2words(4607678000, lang=LANG, to="currency", style="south", suffix="chẵn") == (
        money_to_words(4607678000, style="south", suffix="chẵn").lower()
    )
    assert num2words(1500.5, lang=LANG, to="currency", rounding=decimal.ROUND_HALF_UP) == (
        "một nghìn năm trăm linh một đồng"
    )


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: num2words(1500.5, lang=LANG, to="currency"), ValidationError),
        (lambda: num2words(5, lang=LANG, to="currency", currency="USD"), ValidationError),
        (lambda: num2words(float("nan"), lang=LANG), ValidationError),
        (lambda: num2words("1,5", lang=LANG), ValidationError),
        (lambda: num2words("abc", lang=LANG), ValidationError),
        (lambda: num2words(2.5, lang=LANG, to="ordinal"), InvalidTypeError),
        (lambda: num2words(0, lang=LANG, to="ordinal"), ValidationError),
        (lambda: num2words(True, lang=LANG), InvalidTypeError),
    ],
)
def test_bad_input_raises_baocao_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]
