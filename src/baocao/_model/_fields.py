"""What the fields of the model are made of: converters, validators and metadata readers.

The converters take the short forms of the input (a string for a list of one, a list of
lines for a text) and store every text in Unicode NFC; the validators check one field's
value and raise :class:`~baocao.ValidationError` or :class:`~baocao.InvalidTypeError` with
the field's name as path (the newer ones are :class:`Validator` objects made by small
factories, :func:`one_of`, :func:`in_bounds` …, with reprs as attrs' own). A field's
metadata says what the loader and the JSON Schema read alike: its bounds
(:func:`field_bounds`) and its :class:`ShortForm` (:func:`short_form`); its
:class:`~baocao._model.Layout` is read in ``_layout``. The classes that use them are in
``_values``, ``_body`` and ``_report``.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .._errors import InvalidTypeError, ValidationError
from .._text import check_text, nfc
from ._layout import LINE_BREAKS
from ._validators import Check, Validator, named

__all__ = [
    "MAX_DECIMALS",
    "MAX_DIGITS",
    "ShortForm",
    "Validator",
    "all_capitals",
    "bounds",
    "exact_number",
    "field_bounds",
    "in_bounds",
    "not_zero",
    "one_of",
    "plain_date",
    "short_form",
    "whole_dong",
]

MAX_DIGITS = 4000
"""Most digits a number of a report may have, before and after the comma together.

Larger numbers are refused when the report is made, with the field's path, rather than
when it is rendered: baocao writes every number out exactly (in figures, and amounts in
words too), and Python reads and prints at most 4300 digits."""

_LIMIT = 10**MAX_DIGITS

MAX_DECIMALS = 10
"""Most digits after the comma that a percentage, rate or number may ask for."""


_BOUNDS = ("minimum", "maximum", "maxItems")


def field_bounds(attribute: attrs.Attribute[Any]) -> dict[str, Any]:
    """The bounds of a field, kept in its attrs metadata under the JSON Schema keywords
    (``minimum``, ``maximum``, ``maxItems``), so that the model's check and the schema of
    ``baocao schema`` read one value."""
    return {key: value for key, value in attribute.metadata.items() if key in _BOUNDS}


def bounds(cls: type, name: str) -> dict[str, Any]:
    """The bounds of the field ``name`` of ``cls`` (:func:`field_bounds`).

    >>> from baocao import Filing
    >>> bounds(Filing, "copies")
    {'minimum': 1, 'maximum': 999}
    """
    return field_bounds(attrs.fields_dict(cls)[name])


class ShortForm(enum.Enum):
    """What a field accepts in the input besides its own type, kept in the field's attrs
    metadata (``"short_form"``) so that the loader and the JSON Schema read one rule; the
    field's converter takes the same form when the class is called directly."""

    ONE = "one"
    """A list of texts that may be given as one text, a list of one (``recipients: VP``)."""

    LINES = "lines"
    """A text that may be given as a list of its lines (``name: [Ủy ban nhân dân, …]``)."""


def short_form(attribute: attrs.Attribute[Any]) -> ShortForm | None:
    """The :class:`ShortForm` of a field (its attrs metadata), or ``None``.

    >>> from baocao import Issuer, Report
    >>> short_form(attrs.fields(Report).recipients), short_form(attrs.fields(Issuer).name)
    (<ShortForm.ONE: 'one'>, <ShortForm.LINES: 'lines'>)
    >>> short_form(attrs.fields(Report).subject) is None
    True
    """
    form = attribute.metadata.get("short_form")
    return form if isinstance(form, ShortForm) else None


def _check_bounds(cls: type, name: str, value: object, path: str | None = None) -> None:
    limits = bounds(cls, name)
    _check_int(value, path=path or name, low=limits["minimum"], high=limits["maximum"])


_DECIMALS = {"minimum": 0, "maximum": MAX_DECIMALS}


def _text(value: str) -> str:
    return nfc(value) if isinstance(value, str) else value


def _opt_text(value: str | None) -> str | None:
    return nfc(value) if isinstance(value, str) else value


def _lines(value: str | Sequence[str]) -> str:
    """Multi-line header text: a string (``\\n`` between lines) or a list of lines."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return nfc("\n".join(value))
    return value  # type: ignore[return-value]  # the validator reports the type


def _opt_lines(value: str | Sequence[str] | None) -> str | None:
    return None if value is None else _lines(value)


def _strings(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (nfc(value),)
    if isinstance(value, (list, tuple)):
        return tuple(nfc(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


@named("text")
def _validate_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_text(value, path=attribute.name)


@named("optional_text")
def _validate_opt_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_text(value, path=attribute.name)


@named("texts")
def _validate_strings(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidTypeError(value, "is not a list of texts", path=attribute.name)
    for index, item in enumerate(value):
        check_text(item, path=f"{attribute.name}[{index}]")


@named("no_end_punctuation")
def _no_end_punctuation(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """List entries whose punctuation (";" and the final ".") baocao adds itself."""
    items = value if isinstance(value, tuple) else (value,)
    for index, item in enumerate(items):
        if isinstance(item, str) and item.rstrip().endswith((";", ",")):
            where = f"{attribute.name}[{index}]" if isinstance(value, tuple) else attribute.name
            raise ValidationError(
                item, "must not end with ';' or ',': baocao adds the punctuation", path=where
            )


def all_capitals(text: str) -> bool:
    """Whether ``text`` has letters with case and all of them are capitals, as ``check``
    reads a trích yếu (``str.isupper``: scripts without case, Hebrew, Chinese, never are).

    >>> all_capitals("KẾT QUẢ NĂM 2025"), all_capitals("Kết quả"), all_capitals("שלום")
    (True, False, False)
    """
    return text.isupper()


@named("place")
def _validate_place(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Địa danh: a name on the one date line, starting with a capital (PL I, II.4.b)."""
    check_text(value, path=attribute.name)
    assert isinstance(value, str)
    if any(c in LINE_BREAKS + "\t" for c in value):
        raise ValidationError(
            value,
            "breaks the date line (a line break or a tab): write "
            "the place name (địa danh) on one line, e.g. 'Hà Nội'",
            path=attribute.name,
        )
    if value != value.rstrip():
        raise ValidationError(
            value,
            "ends with a space, which the date line would print "
            "before its comma: write the place name (địa danh) without it",
            path=attribute.name,
        )
    if not value[0].isupper():
        raise ValidationError(
            value,
            "does not start with a capital letter: write the place "
            "name (địa danh) itself, e.g. 'Hà Nội' or 'Thành phố Hồ Chí "
            "Minh'; a placeholder such as '..........' is not a place",
            path=attribute.name,
        )


def _normal_case(what: str, example: str, *, one_line: bool = False) -> Check:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_text(value, path=attribute.name)
        assert isinstance(value, str)
        if one_line and any(c in LINE_BREAKS for c in value):
            raise ValidationError(
                value,
                f"breaks {what} onto two lines: write it on one line, e.g. {example!r}",
                path=attribute.name,
            )
        if all_capitals(value):
            raise ValidationError(
                value,
                f"is all capitals: write {what} in normal case, "
                f"e.g. {example!r} (the decree prints it so, PL I, II)",
                path=attribute.name,
            )

    return Check(check, f"normal_case of {what}")


def _validate_instance(kind: type, what: str) -> Check:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidTypeError(value, f"is not {what}", path=attribute.name)

    return Check(check, f"instance_of {kind.__name__}")


def _validate_members(kinds: tuple[type, ...], what: str) -> Check:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidTypeError(value, f"is not a list of {what}", path=attribute.name)
        for index, item in enumerate(value):
            if not isinstance(item, kinds):
                raise InvalidTypeError(item, f"is not {what}", path=f"{attribute.name}[{index}]")

    return Check(check, "members_of " + " or ".join(k.__name__ for k in kinds))


def _check_int(
    value: object, *, path: str, low: int, high: int, what: str = "a whole number"
) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(value, f"is not {what}", path=path)
    if not low <= value <= high:
        raise ValidationError(value, f"is not between {low} and {high}", path=path)


def _too_long(value: int | decimal.Decimal) -> bool:
    """Whether ``value`` takes more than :data:`MAX_DIGITS` digits, before and after the
    comma together."""
    if isinstance(value, int):
        return not -_LIMIT < value < _LIMIT
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    return max(len(digits) + exponent, 1) + max(-exponent, 0) > MAX_DIGITS


def _check_size(value: int | decimal.Decimal, *, path: str) -> None:
    if _too_long(value):
        raise ValidationError(
            value, f"has more than {MAX_DIGITS} digits, more than a report can print", path=path
        )


def _check_decimal(value: object, *, path: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, decimal.Decimal)):
        hint = " (write it as a string such as '47,67')" if isinstance(value, float) else ""
        raise InvalidTypeError(value, f"is not an int or a Decimal{hint}", path=path)
    if isinstance(value, decimal.Decimal) and not value.is_finite():
        raise ValidationError(value, "is not a finite number", path=path)
    _check_size(value, path=path)


# --------------------------------------------------------------------------- validators
# Each checks one field and has a repr, as attrs' own do (attrs.validators.in_ …), so that
# ``attrs.fields(Money).style`` says what it holds. Rules between fields stay in the
# classes' ``__attrs_post_init__``.


@attrs.frozen(repr=False)
class _OneOf(Validator):
    name = "one_of"

    options: tuple[object, ...]
    shown: str

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in self.options:
            raise ValidationError(value, f"is not one of {self.shown}", path=attribute.name)

    def __repr__(self) -> str:
        return f"<one_of validator with options {self.options!r}>"


def one_of(*options: object, shown: str | None = None) -> _OneOf:
    """The value is one of ``options``; the message lists them as ``shown`` (by default
    their names, ``null`` for ``None``).

    >>> one_of("down", "half_up")
    <one_of validator with options ('down', 'half_up')>
    """
    if shown is None:
        shown = ", ".join("null" if option is None else str(option) for option in options)
    return _OneOf(options, shown)


@attrs.frozen(repr=False)
class _ExactNumber(Validator):
    name = "exact_number"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _check_decimal(value, path=attribute.name)


def exact_number() -> _ExactNumber:
    """The value is an ``int`` or a finite ``Decimal`` (never a float) of at most
    :data:`MAX_DIGITS` digits."""
    return _ExactNumber()


@attrs.frozen(repr=False)
class _WholeDong(Validator):
    name = "whole_dong"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, decimal.Decimal) and value != value.to_integral():
            raise ValidationError(value, "is not a whole number of đồng", path=attribute.name)


def whole_dong() -> _WholeDong:
    """An amount (already an exact number) is a whole number of đồng."""
    return _WholeDong()


@attrs.frozen(repr=False)
class _NotZero(Validator):
    name = "not_zero"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value == 0:
            raise ValidationError(value, "must not be zero", path=attribute.name)


def not_zero() -> _NotZero:
    """The value (already an exact number) is not zero: a rate's target."""
    return _NotZero()


@attrs.frozen(repr=False)
class _InBounds(Validator):
    name = "in_bounds"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        limits = field_bounds(attribute)
        _check_int(value, path=attribute.name, low=limits["minimum"], high=limits["maximum"])

    def __repr__(self) -> str:
        return "<in_bounds validator for the minimum and maximum of the field's metadata>"


def in_bounds() -> _InBounds:
    """The value is a whole number (not a bool) within the field's bounds, read from its
    metadata (:func:`field_bounds`) where the JSON Schema reads them."""
    return _InBounds()


@attrs.frozen(repr=False)
class _PlainDate(Validator):
    name = "plain_date"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
            raise InvalidTypeError(value, "is not a date", path=attribute.name)


def plain_date() -> _PlainDate:
    """The value is a ``datetime.date``, not a ``datetime`` (a report's dates have no time)."""
    return _PlainDate()
