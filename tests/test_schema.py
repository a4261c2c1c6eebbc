"""The JSON Schema is generated from the model and agrees with the loader."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
import yaml

import baocao

from .conftest import EXAMPLE_YAML, minimal_data


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = baocao.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_accepts_the_example(validator: Any) -> None:
    data = yaml.safe_load(EXAMPLE_YAML.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(data)) == []


def test_schema_is_json(validator: Any) -> None:
    text = json.dumps(baocao.json_schema(), ensure_ascii=False)
    assert json.loads(text) == baocao.json_schema()


@pytest.mark.parametrize("data", [
    minimal_data(extra=1),
    minimal_data(number="15"),
    minimal_data(signatory={"name": "A"}),
    minimal_data(signatory={"name": "A", "title": "B", "authority": "KT"}),
    minimal_data(sections=[{"title": "A", "body": [{"dash": "x", "text": "y"}]}]),
    minimal_data(doc_type="CV"),
    minimal_data(sections=[{"title": "A", "body": [{"text": [{"money": 1.5}]}]}]),
])
def test_schema_and_loader_both_refuse(validator: Any, data: dict[str, Any]) -> None:
    assert list(validator.iter_errors(data))
    with pytest.raises(baocao.ValidationError):
        baocao.load(data)


def test_descriptions_carry_the_vietnamese_terms() -> None:
    schema = baocao.json_schema()
    assert "trích yếu" in schema["properties"]["subject"]["description"]
    assert "kính gửi" in schema["properties"]["addressees"]["description"]
    assert "quyền hạn" in schema["$defs"]["Signatory"]["properties"]["authority"]["description"]
