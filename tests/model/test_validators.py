"""Every validator of the model's fields is a small named object with a repr, as attrs'
own are: ``attrs.fields(Money).amount.validator`` says what it checks."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from baocao import _model


def _leaves(validator: Any) -> list[Any]:
    """The validators inside attrs' combinators (``and_``, ``optional``)."""
    inner = getattr(validator, "_validators", None) or getattr(validator, "validators", None)
    if isinstance(inner, tuple):
        return [leaf for v in inner for leaf in _leaves(v)]
    wrapped = getattr(validator, "validator", None)
    if wrapped is not None and type(validator).__name__ == "_OptionalValidator":
        return _leaves(wrapped)
    return [validator]


CLASSES = [
    cls
    for name in _model.__all__
    if isinstance(cls := getattr(_model, name), type) and attrs.has(cls)
]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_validator_has_a_repr(cls: type) -> None:
    unnamed = [
        f"{cls.__name__}.{field.name}: {leaf!r}"
        for field in attrs.fields(cls)
        if field.validator is not None
        for leaf in _leaves(field.validator)
        if " at 0x" in repr(leaf)
    ]
    assert unnamed == []


def test_the_reprs_say_what_is_checked() -> None:
    place = repr(attrs.fields(_model.Report).place.validator)
    assert place == "<optional validator for <place validator> or None>"
    issuer = attrs.fields(_model.Report).issuer.validator
    assert repr(issuer) == "<instance_of Issuer validator>"
