"""The Jinja filters (baocao._render._filters), in a plain and in a sandboxed environment."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import jinja2
import jinja2.sandbox
import pytest

from baocao._errors import InvalidTypeError, ValidationError
from baocao._render._filters import FILTERS
from baocao._words import Style

ENVIRONMENTS = [
    pytest.param(jinja2.Environment, id="plain"),
    pytest.param(jinja2.sandbox.SandboxedEnvironment, id="sandboxed"),
]


@pytest.fixture(params=ENVIRONMENTS)
def env(request: pytest.FixtureRequest) -> jinja2.Environment:
    environment: jinja2.Environment = request.param(
        autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters.update(FILTERS)
    return environment


def render(env: jinja2.Environment, source: str, **context: Any) -> str:
    return env.from_string(source).render(**context)


def test_filter_names() -> None:
    assert set(FILTERS) == {
        "number",
        "percent",
        "date",
        "number_words",
        "money_words",
        "percent_words",
        "ordinal_words",
        "grid_table",  # issue 12: a statistics table as raw XML, built by baocao
    }


@pytest.mark.parametrize(
    ("source", "context", "expected"),
    [
        ("{{ n | number }}", {"n": 4607678000}, "4.607.678.000"),
        ("{{ n | number(2) }}", {"n": Decimal("1942.545")}, "1.942,55"),
        ("{{ n | number(decimals=1) }}", {"n": "2,25"}, "2,3"),
        ("{{ n | number(input_format='en') }}", {"n": "1,005.5"}, "1.005,5"),
        ("{{ p | percent }}", {"p": "47,67"}, "47,67%"),
        ("{{ p | percent(1) }}", {"p": "47,67"}, "47,7%"),
        ("{{ d | date }}", {"d": datetime.date(2020, 7, 3)}, "ngày 03 tháng 7 năm 2020"),
        ("{{ n | number_words }}", {"n": 1005}, "một nghìn không trăm linh năm"),
        ("{{ n | number_words('south') }}", {"n": 1005}, "một ngàn không trăm lẻ năm"),
        ("{{ n | number_words(style='south') }}", {"n": "2,05"}, "hai phẩy không năm"),
        (
            "{{ n | money_words }}",
            {"n": 4607678000},
            "Bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn đồng",
        ),
        (
            "{{ n | money_words('south', suffix='chẵn') }}",
            {"n": 4607678000},
            "Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng chẵn",
        ),
        (
            "{{ n | money_words(suffix='chẵn', style='south') }}",
            {"n": "1.005.000"},
            "Một triệu không trăm lẻ năm ngàn đồng chẵn",
        ),
        (
            "{{ n | money_words(rounding='ROUND_HALF_UP') }}",
            {"n": "1.500,5"},
            "Một nghìn năm trăm linh một đồng",
        ),
        ("{{ p | percent_words }}", {"p": "47,67"}, "bốn mươi bảy phẩy sáu mươi bảy phần trăm"),
        ("{{ p | percent_words('south') }}", {"p": 105}, "một trăm lẻ năm phần trăm"),
        ("{{ i | ordinal_words }}", {"i": 4}, "thứ tư"),
        (
            "{{ n | number_words(style=s) }}",
            {"n": 24, "s": Style(four_after_tens="bốn")},
            "hai mươi bốn",
        ),
    ],
)
def test_filters_render(
    env: jinja2.Environment, source: str, context: dict[str, Any], expected: str
) -> None:
    assert render(env, source, **context) == expected


def test_filters_output_survives_autoescape(env: jinja2.Environment) -> None:
    assert render(env, "<b>{{ n | money_words }}</b>", n=5) == "<b>Năm đồng</b>"


@pytest.mark.parametrize(
    ("source", "context", "error", "match"),
    [
        ("{{ n | number }}", {"n": "1.2.3"}, ValidationError, "1.2.3"),
        ("{{ n | number }}", {"n": True}, InvalidTypeError, "bool"),
        ("{{ n | number }}", {"n": None}, InvalidTypeError, "None"),
        ("{{ n | money_words }}", {"n": "1,5"}, ValidationError, "rounding"),
        ("{{ n | money_words(suffix='chan') }}", {"n": 5}, ValidationError, "suffix"),
        ("{{ n | number_words('central') }}", {"n": 5}, ValidationError, "north"),
        ("{{ d | date }}", {"d": "2020-07-03"}, InvalidTypeError, "datetime.date"),
        ("{{ p | percent }}", {"p": float("nan")}, InvalidTypeError, "float"),
    ],
)
def test_filters_raise_baocao_errors(
    env: jinja2.Environment,
    source: str,
    context: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        render(env, source, **context)


def test_undefined_value_is_not_rendered_silently() -> None:
    environment = jinja2.Environment()  # the default, lenient Undefined
    environment.filters.update(FILTERS)
    with pytest.raises(InvalidTypeError, match="not a number"):
        environment.from_string("{{ missing | number }}").render()
