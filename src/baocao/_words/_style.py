"""The choices Vietnamese usage leaves open when a number is read: :class:`Style` and its presets.

:class:`Style` has one validated field per choice (linh/lẻ, nghìn/ngàn, tỷ/tỉ, tư/bốn,
the reading of numbers of 10¹² and more, …); ``PRESETS`` names the two usual sets,
``north`` and ``south``. The wing's other modules also use ``nfc`` (how a field value is
normalised) and ``unknown_preset`` (the error for a style that is neither a
:class:`Style` nor a preset name).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Final, Literal, TypeAlias

import attrs

from .._errors import InvalidTypeError, ValidationError
from .._lazy import publish
from ._fixes import PRESET_NAMES

__all__ = ["PRESETS", "LargeStyle", "Style", "nfc", "unknown_preset"]


LargeStyle: TypeAlias = Literal["recursive", "group_scale"]
"""How numbers of 10¹² and more are read (see :class:`Style`)."""


def nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _one_of(*allowed: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    shown = ", ".join(repr(a) for a in allowed)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, str) and value in allowed:
            return
        error = ValidationError if isinstance(value, str) else InvalidTypeError
        raise error(value, f"is not one of {shown}", path=attribute.name)

    return validate


def _is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError(value, "is not True or False", path=attribute.name)


@attrs.frozen(cache_hash=True)
class Style:
    """How to read numbers: one field per choice that Vietnamese usage leaves open.

    Every field has a fixed set of allowed values; anything else raises a
    :class:`~baocao.ValidationError` that names the field. The two presets are
    ``Style.NORTH`` (the default, the textbook and national norm) and
    ``Style.SOUTH``; every function also takes their names, ``"north"`` and
    ``"south"``.

    Attributes:
        odd: ``"linh"`` or ``"lẻ"``, said for a zero tens digit after a hundreds
            word: 105 một trăm linh năm / một trăm lẻ năm.
        thousand: ``"nghìn"`` or ``"ngàn"`` for 10³.
        billion: ``"tỷ"`` or ``"tỉ"`` for 10⁹ (the law writes *tỷ*).
        four_after_tens: ``"tư"`` or ``"bốn"`` for a final 4 after *mươi*:
            24 hai mươi tư / hai mươi bốn. After *mười* it is always *bốn*.
        four_after_odd: ``"bốn"`` (default) or ``"tư"`` after *linh*/*lẻ*:
            104 một trăm linh bốn / một trăm linh tư.
        large: ``"recursive"`` reads the part above 10⁹ as one number followed
            by *tỷ* (1.234.000.000.000 một nghìn hai trăm ba mươi tư tỷ);
            ``"group_scale"`` gives every 3-digit group its own label (một
            nghìn tỷ hai trăm ba mươi tư tỷ). Both agree below 10¹².
        negative: ``"âm"`` or ``"trừ"`` before a negative number.
        point: ``"phẩy"`` or ``"chấm"`` for the decimal comma.
        fraction: ``"number"`` reads the digits after the comma as a number,
            each leading zero as *không* (2,05 hai phẩy không năm; a 3-digit
            part with one leading zero as *không trăm …*: 0,032 không phẩy
            không trăm ba mươi hai); ``"digits"`` reads them one by one
            (3,1415 ba phẩy một bốn một năm).
        keep_trailing_zeros: read 47,60 as written (… phẩy sáu mươi) instead of
            as 47,6 (… phẩy sáu, the textbook reading).

    >>> Style.SOUTH
    Style(odd='lẻ', thousand='ngàn', billion='tỷ', four_after_tens='tư', ...)
    >>> Style.preset("north") == Style()
    True
    >>> Style.NORTH.replace(large="group_scale").large
    'group_scale'
    >>> Style(odd="le")
    Traceback (most recent call last):
    ...
    baocao.ValidationError: odd: 'le' is not one of 'linh', 'lẻ'
    """

    NORTH: ClassVar[Style]
    SOUTH: ClassVar[Style]

    odd: Literal["linh", "lẻ"] = attrs.field(
        default="linh", converter=nfc, validator=_one_of("linh", "lẻ")
    )
    thousand: Literal["nghìn", "ngàn"] = attrs.field(
        default="nghìn", converter=nfc, validator=_one_of("nghìn", "ngàn")
    )
    billion: Literal["tỷ", "tỉ"] = attrs.field(
        default="tỷ", converter=nfc, validator=_one_of("tỷ", "tỉ")
    )
    four_after_tens: Literal["tư", "bốn"] = attrs.field(
        default="tư", converter=nfc, validator=_one_of("tư", "bốn")
    )
    four_after_odd: Literal["bốn", "tư"] = attrs.field(
        default="bốn", converter=nfc, validator=_one_of("bốn", "tư")
    )
    large: LargeStyle = attrs.field(
        default="recursive", validator=_one_of("recursive", "group_scale")
    )
    negative: Literal["âm", "trừ"] = attrs.field(
        default="âm", converter=nfc, validator=_one_of("âm", "trừ")
    )
    point: Literal["phẩy", "chấm"] = attrs.field(
        default="phẩy", converter=nfc, validator=_one_of("phẩy", "chấm")
    )
    fraction: Literal["number", "digits"] = attrs.field(
        default="number", validator=_one_of("number", "digits")
    )
    keep_trailing_zeros: bool = attrs.field(default=False, validator=_is_bool)

    @classmethod
    def preset(cls, name: str) -> Style:
        """The preset called ``name`` (``"north"`` or ``"south"``)."""
        try:
            return PRESETS[name]
        except (KeyError, TypeError):
            raise unknown_preset(name) from None

    def replace(self, **changes: Any) -> Style:
        """A copy with some fields changed (validated like a new style)."""
        return attrs.evolve(self, **changes)


Style.NORTH = Style()
Style.SOUTH = Style(odd="lẻ", thousand="ngàn")

PRESETS: Final[Mapping[str, Style]] = MappingProxyType(
    dict(zip(PRESET_NAMES, (Style.NORTH, Style.SOUTH), strict=True))
)
"""The named styles: ``north`` = linh · nghìn · tỷ · tư, ``south`` = lẻ · ngàn · tỷ · tư."""

publish(Style)  # it reads as baocao.Style


def unknown_preset(name: object) -> ValidationError:
    shown = ", ".join(repr(n) for n in PRESETS)
    if isinstance(name, str):
        return ValidationError(
            name, f"is not a style preset; expected one of {shown}", path="style"
        )
    return InvalidTypeError(name, f"is not a Style or a preset name ({shown})", path="style")
