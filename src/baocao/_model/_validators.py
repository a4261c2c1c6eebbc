"""The validators of the model's fields, each with a repr as attrs' own have
(``attrs.validators.in_`` …), so that ``attrs.fields(Money).style`` says what checks it.

:class:`Validator` is the base of the small factories of :mod:`._fields` and
:mod:`._body` (:func:`~._fields.one_of`, :func:`~._fields.in_bounds` …); :func:`named`
makes one from a plain check function, for the checks that need no arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import attrs

__all__ = ["Check", "Validator", "named"]

CheckFunction = Callable[[object, "attrs.Attribute[Any]", object], None]


class Validator:
    """A validator of one field, made by a small factory, with a repr that names it as
    attrs' own validators are named."""

    name: ClassVar[str]

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        raise NotImplementedError  # pragma: no cover

    def __repr__(self) -> str:
        return f"<{self.name} validator>"


@attrs.frozen(repr=False)
class Check(Validator):
    """A validator that runs a check function, named ``label`` in its repr."""

    name = "check"

    function: CheckFunction
    label: str

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        self.function(inst, attribute, value)

    def __repr__(self) -> str:
        return f"<{self.label} validator>"


def named(label: str) -> Callable[[CheckFunction], Check]:
    """Make the decorated check function a validator named ``label``.

    >>> @named("not_empty")
    ... def not_empty(_inst, attribute, value):
    ...     assert value
    >>> not_empty
    <not_empty validator>
    """

    def make(function: CheckFunction) -> Check:
        return Check(function, label)

    return make
