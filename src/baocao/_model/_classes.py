"""The report as data: frozen, validated attrs classes.

A :class:`Report` carries every component that Nghị định 30/2020/NĐ-CP (Điều 8, Phụ lục I)
gives a typed administrative document of Mẫu 1.4 (báo cáo, kế hoạch, tờ trình, …).
Numbers and letters of the body (I, II; 1, 2; a, b, c, d, đ) are never typed by the
user: the renderer assigns them from the order of the tree.

Every text is stored in Unicode NFC. Invalid values raise :class:`~baocao.ValidationError`
(or :class:`~baocao.InvalidTypeError`) naming the field and the value; errors from
:func:`baocao.load` carry the full path (``sections[1].items[0].title``).

Each class lists its fields under *Attributes*, with the Vietnamese term of art that the
field carries (see ``docs/glossary.md``).
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from .._errors import InvalidTypeError, ValidationError
from .._text import check_text, nfc

__all__ = [
    "Appendix",
    "Authority",
    "Block",
    "Cell",
    "Dash",
    "Date",
    "DocumentType",
    "Filing",
    "Issuer",
    "Item",
    "Money",
    "Number",
    "Paragraph",
    "Part",
    "Percent",
    "Point",
    "Rate",
    "Report",
    "Section",
    "Segment",
    "Signatory",
    "Table",
]

MAX_DOCUMENT_NUMBER = 9_999_999
"""Largest accepted document number (số); a body numbers its documents from 01 each year."""

MAX_POINTS = 23
"""Points in one item: a) to y), the 23 letters of the Vietnamese alphabet used for points."""

MAX_DIGITS = 4000
"""Most digits a number of a report may have, before and after the comma together.

Larger numbers are refused when the report is made, with the field's path, rather than
when it is rendered: baocao writes every number out exactly (in figures, and amounts in
words too), and Python reads and prints at most 4300 digits."""

_LIMIT = 10**MAX_DIGITS

MAX_DECIMALS = 10
"""Most digits after the comma that a percentage, rate or number may ask for."""


def bounds(cls: type, name: str) -> dict[str, Any]:
    """The bounds of a field, kept in its attrs metadata under the JSON Schema keywords
    (``minimum``, ``maximum``, ``maxItems``), so that the model's check and the schema of
    ``baocao schema`` read one value.

    >>> bounds(Filing, "copies")
    {'minimum': 1, 'maximum': 999}
    """
    return dict(attrs.fields_dict(cls)[name].metadata)


def _check_bounds(cls: type, name: str, value: object, path: str | None = None) -> None:
    limits = bounds(cls, name)
    _check_int(value, path=path or name, low=limits["minimum"], high=limits["maximum"])


_DECIMALS = {"minimum": 0, "maximum": MAX_DECIMALS}


# --------------------------------------------------------------------------- enums


class DocumentType(enum.Enum):
    """Tên loại văn bản: the document types that use Mẫu 1.4 ("văn bản có tên loại").

    The value is the abbreviation of Phụ lục III, Mục I that goes into the symbol
    (ký hiệu, e.g. ``BC`` in ``2710/BC-SNV``); :attr:`title` is the name printed above
    the subject (``BÁO CÁO``).

    >>> DocumentType.REPORT.value, DocumentType.REPORT.title
    ('BC', 'Báo cáo')
    >>> DocumentType.parse("kế hoạch")
    <DocumentType.PLAN: 'KH'>
    """

    REPORT = "BC"
    PLAN = "KH"
    SUBMISSION = "TTr"
    NOTICE = "TB"
    SCHEME = "ĐA"
    PROGRAMME = "CTr"
    GUIDANCE = "HD"
    DIRECTIVE = "CT"
    STATUTE = "QC"
    REGULATION = "QyĐ"
    COMMUNIQUE = "TC"
    ACTION_PLAN = "PA"
    PROJECT = "DA"
    AUTHORISATION = "GUQ"
    DISPATCH_SLIP = "PG"
    TRANSFER_SLIP = "PC"
    NOTE_SLIP = "PB"

    @property
    def title(self) -> str:
        """The type's name in normal case, e.g. ``"Báo cáo"``."""
        return _TYPE_TITLES[self]

    @classmethod
    def parse(cls, value: object, *, path: str = "doc_type") -> DocumentType:
        """Find a type by abbreviation (``"BC"``) or by name (``"Báo cáo"``, any case)."""
        if isinstance(value, DocumentType):
            return value
        if not isinstance(value, str):
            raise InvalidTypeError(value, "is not a document type name or abbreviation", path=path)
        text = nfc(value).strip()
        for member in cls:
            if text == member.value or text.casefold() == member.title.casefold():
                return member
        choices = ", ".join(f"{m.value} ({m.title})" for m in cls)
        raise ValidationError(value, f"is not one of {choices}", path=path)


_TYPE_TITLES = {
    DocumentType.REPORT: "Báo cáo",
    DocumentType.PLAN: "Kế hoạch",
    DocumentType.SUBMISSION: "Tờ trình",
    DocumentType.NOTICE: "Thông báo",
    DocumentType.SCHEME: "Đề án",
    DocumentType.PROGRAMME: "Chương trình",
    DocumentType.GUIDANCE: "Hướng dẫn",
    DocumentType.DIRECTIVE: "Chỉ thị",
    DocumentType.STATUTE: "Quy chế",
    DocumentType.REGULATION: "Quy định",
    DocumentType.COMMUNIQUE: "Thông cáo",
    DocumentType.ACTION_PLAN: "Phương án",
    DocumentType.PROJECT: "Dự án",
    DocumentType.AUTHORISATION: "Giấy ủy quyền",
    DocumentType.DISPATCH_SLIP: "Phiếu gửi",
    DocumentType.TRANSFER_SLIP: "Phiếu chuyển",
    DocumentType.NOTE_SLIP: "Phiếu báo",
}


class Authority(enum.Enum):
    """Quyền hạn ký: the prefix before the title in the signature block (Điều 13).

    ``TM.`` thay mặt (on behalf of a collective), ``KT.`` ký thay (a deputy signs for the
    head), ``TL.`` thừa lệnh (by order of the head), ``TUQ.`` thừa ủy quyền (by written
    authorisation), ``Q.`` quyền (acting head).
    """

    TM = "TM."
    KT = "KT."
    TL = "TL."
    TUQ = "TUQ."
    Q = "Q."

    @classmethod
    def parse(cls, value: object, *, path: str = "authority") -> Authority:
        """Find the prefix by its exact written form, period included (``"KT."``)."""
        if isinstance(value, Authority):
            return value
        if isinstance(value, str):
            for member in cls:
                if value == member.value:
                    return member
        choices = ", ".join(m.value for m in cls)
        raise ValidationError(value, f"is not one of {choices}", path=path)


# --------------------------------------------------------------------------- helpers


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


def _validate_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_text(value, path=attribute.name)


def _validate_opt_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_text(value, path=attribute.name)


def _validate_strings(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidTypeError(value, "is not a list of texts", path=attribute.name)
    for index, item in enumerate(value):
        check_text(item, path=f"{attribute.name}[{index}]")


def _no_end_punctuation(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """List entries whose punctuation (";" and the final ".") baocao adds itself."""
    items = value if isinstance(value, tuple) else (value,)
    for index, item in enumerate(items):
        if isinstance(item, str) and item.rstrip().endswith((";", ",")):
            where = f"{attribute.name}[{index}]" if isinstance(value, tuple) else attribute.name
            raise ValidationError(
                item, "must not end with ';' or ',': baocao adds the punctuation", path=where
            )


LINE_BREAKS = "\n\r\v\f\x85\u2028\u2029"
"""The characters that break a line (or a page) when rendered (``docs/errors.md``)."""


PAGE_BREAK = "\f"
"""A form feed, rendered as a page break: only body text may hold one."""


@attrs.frozen
class Layout:
    """What a text field may hold besides its words, by where it is printed; kept in the
    field's attrs metadata (``"layout"``) so that the model and the JSON Schema read one
    rule (``docs/errors.md``, "What each field may hold").

    Attributes:
        lines: line breaks (``\\n``, ``\\v``, U+2028 …) give explicit lines.
        page: a form feed gives a page break (body text only).
        tabs: a tab (``\\t``); a centred line has no tab stop to go to.
        lead_space: white space at the start (a line after "TM. " would show two spaces).
        lead_dash: a "-" at the start (baocao writes the dash of a list line itself).
        lead_paren: a "(" at the start (a line of the signature block that opens with
            one reads as an annotation, "(Đã ký)").
        lead_label: a body label at the start ("1. ", "I. ", "a) "): a trích yếu that
            opens with one reads as the first heading of the body.
        what: the field's name in the error message.
    """

    lines: bool = True
    page: bool = False
    tabs: bool = True
    lead_space: bool = True
    lead_dash: bool = True
    lead_paren: bool = True
    lead_label: bool = True
    what: str = "the text"


BODY = Layout(page=True, what="body text")
LISTED = Layout(what="a numbered or dash line (a page break would part it from its label)")
HEADING = Layout(what="a heading or a table cell")
CENTRED = Layout(tabs=False, what="a centred line")
SUBJECT = Layout(tabs=False, lead_label=False, what="the trích yếu")
SIGNATURE = Layout(tabs=False, lead_paren=False, what="a line of the signature block")
AUTHORITY_LINE = Layout(
    tabs=False, lead_space=False, what='the line after "TM. ", "KT. ", "TL. " or "TUQ. "'
)
ENTRY = Layout(lines=False, tabs=False, lead_dash=False, what="a line of a list")
ONE_LINE = Layout(lines=False, tabs=False, what="a one-line field")
SIGNER = Layout(lines=False, tabs=False, lead_paren=False, what="the signer's name")


_BODY_LABEL = re.compile(r"(?:[IVXLCDM]+\.|\d+\.|[a-zđ]\))\s")
"""What opens a heading of the body: "I. ", "1. ", "a) " (as ``check`` reads one)."""


def layout_problem(text: str, layout: Layout) -> str | None:
    """Why ``text`` (NFC) may not stand where ``layout`` says, or ``None``.

    >>> layout_problem("Kết quả\\fnăm 2025", HEADING)[:53]
    'holds a page break (a form feed, \\\\f), which only body'
    >>> layout_problem("- Như trên", ENTRY)[:30], layout_problem("Như trên", ENTRY)
    ('starts with a dash, which baoc', None)
    """
    if not layout.page and PAGE_BREAK in text:
        return (
            "holds a page break (a form feed, \\f), which only body text may hold: "
            f"write {layout.what} without it"
        )
    if not layout.lines and any(c in LINE_BREAKS for c in text):
        return (
            f"breaks its line, and {layout.what} is printed on one line: give each "
            "entry on one line, as an entry of its own"
        )
    if not layout.tabs and "\t" in text:
        return (
            f"holds a tab, which {layout.what} cannot print (no tab stop to go to): "
            "write a space instead"
        )
    if not layout.lead_space and text[:1].isspace():
        return (
            f"starts with white space: {layout.what} has one space before it "
            "already, and would print two or more; write the text without it"
        )
    if not layout.lead_dash and text.lstrip()[:1] in ("-", "\u2013", "\u2014"):
        return 'starts with a dash, which baocao writes itself ("- …;"): write the entry without it'
    if not layout.lead_label and _BODY_LABEL.match(text.strip()):
        return (
            f"starts with a body label ({text.strip().split()[0]!r}): {layout.what} would "
            "read as the first heading of the body; baocao numbers the body itself, "
            "so write the text without it"
        )
    if not layout.lead_paren and text.lstrip()[:1] == "(":
        return (
            f'starts with "(": {layout.what} would read as an annotation such as '
            '"(Đã ký)"; write it without the parenthesis'
        )
    return None


def _check_layout(text: str, layout: Layout, path: str) -> None:
    problem = layout_problem(text, layout)
    if problem is not None:
        raise ValidationError(text, problem, path=path)


def field_layout(attribute: attrs.Attribute[Any]) -> Layout | None:
    """The :class:`Layout` of a text field (its attrs metadata), or ``None`` for a field
    that is not text, as the model validates it and the JSON Schema says it."""
    layout = attribute.metadata.get("layout")
    return layout if isinstance(layout, Layout) else None


def _validate_layout(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A text field (or each text of a list field) against the field's :class:`Layout`."""
    layout = field_layout(attribute)
    assert layout is not None, attribute.name  # every field with this validator names one
    many = isinstance(value, tuple)
    items: tuple[object, ...] = value if isinstance(value, tuple) else (value,)
    for index, item in enumerate(items):
        if isinstance(item, str):
            _check_layout(item, layout, f"{attribute.name}[{index}]" if many else attribute.name)


def all_capitals(text: str) -> bool:
    """Whether ``text`` has letters with case and all of them are capitals, as ``check``
    reads a trích yếu (``str.isupper``: scripts without case, Hebrew, Chinese, never are).

    >>> all_capitals("KẾT QUẢ NĂM 2025"), all_capitals("Kết quả"), all_capitals("שלום")
    (True, False, False)
    """
    return text.isupper()


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


def _normal_case(what: str, example: str, *, one_line: bool = False) -> Any:
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

    return check


def _validate_instance(kind: type, what: str) -> Any:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidTypeError(value, f"is not {what}", path=attribute.name)

    return check


def _validate_members(kinds: tuple[type, ...], what: str) -> Any:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidTypeError(value, f"is not a list of {what}", path=attribute.name)
        for index, item in enumerate(value):
            if not isinstance(item, kinds):
                raise InvalidTypeError(item, f"is not {what}", path=f"{attribute.name}[{index}]")

    return check


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


# --------------------------------------------------------------------------- inline values


@attrs.frozen
class Money:
    """An amount of đồng, written in figures and then in words.

    Renders as ``4.607.678.000 đồng (Bốn tỷ sáu trăm lẻ bảy triệu … đồng)``, so the two
    can never disagree.

    Attributes:
        amount: số tiền, whole đồng (``int`` or a whole ``Decimal``).
        style: the reading style of the words: ``"north"`` (linh, nghìn) or ``"south"``
            (lẻ, ngàn).
        suffix: ``None`` or ``"chẵn"`` (… đồng chẵn).
    """

    amount: int | decimal.Decimal
    style: str = "north"
    suffix: Literal["chẵn"] | None = None

    def __attrs_post_init__(self) -> None:
        _check_decimal(self.amount, path="amount")
        if isinstance(self.amount, decimal.Decimal) and self.amount != self.amount.to_integral():
            raise ValidationError(self.amount, "is not a whole number of đồng", path="amount")
        if self.style not in ("north", "south"):
            raise ValidationError(self.style, "is not one of north, south", path="style")
        if self.suffix not in (None, "chẵn"):
            raise ValidationError(self.suffix, "is not one of null, 'chẵn'", path="suffix")


@attrs.frozen
class Percent:
    """A percentage written in figures: ``47,67%``.

    Attributes:
        value: tỷ lệ phần trăm (``int`` or ``Decimal``; 47.67 means 47,67%).
        decimals: digits after the comma (rounded half-up).
    """

    value: int | decimal.Decimal
    decimals: int = attrs.field(default=2, metadata=_DECIMALS)

    def __attrs_post_init__(self) -> None:
        _check_decimal(self.value, path="value")
        _check_bounds(Percent, "decimals", self.decimals)


@attrs.frozen
class Rate:
    """Actual against target, as a percentage: ``tỷ lệ đạt`` (``41 / 86`` → ``47,67%``).

    Attributes:
        actual: the achieved figure (thực hiện).
        target: the target figure (chỉ tiêu), not zero.
        decimals: digits after the comma.
        rounding: ``"down"`` (truncate, as the 2710/BC-SNV report does: 320/788 →
            40,60%) or ``"half_up"`` (40,61%). There is no default on purpose.
    """

    actual: int | decimal.Decimal
    target: int | decimal.Decimal
    rounding: str
    decimals: int = attrs.field(default=2, metadata=_DECIMALS)

    def __attrs_post_init__(self) -> None:
        _check_decimal(self.actual, path="actual")
        _check_decimal(self.target, path="target")
        if self.target == 0:
            raise ValidationError(self.target, "must not be zero", path="target")
        if self.rounding not in ("down", "half_up"):
            raise ValidationError(self.rounding, "is not one of down, half_up", path="rounding")
        _check_bounds(Rate, "decimals", self.decimals)
        # actual / target × 100 with its decimals: refuse a rate too long to print.
        size = (
            decimal.Decimal(self.actual).adjusted()
            - decimal.Decimal(self.target).adjusted()
            + 3
            + self.decimals
        )
        if self.actual != 0 and size > MAX_DIGITS:
            raise ValidationError(
                self.actual,
                f"divided by the target gives a percentage of more than {MAX_DIGITS} digits",
                path="actual",
            )


@attrs.frozen
class Number:
    """A number in figures, grouped the Vietnamese way: ``1.341``, ``1.942,54``.

    Attributes:
        value: the number (``int`` or ``Decimal``).
        decimals: digits after the comma, or ``None`` to keep the value's own.
    """

    value: int | decimal.Decimal
    decimals: int | None = attrs.field(default=None, metadata=_DECIMALS)

    def __attrs_post_init__(self) -> None:
        _check_decimal(self.value, path="value")
        if self.decimals is not None:
            _check_bounds(Number, "decimals", self.decimals)


@attrs.frozen
class Date:
    """A date in the decree's form: ``ngày 13 tháng 01 năm 2014``.

    Attributes:
        value: the date (ngày tháng năm).
    """

    value: _dt.date

    def __attrs_post_init__(self) -> None:
        if isinstance(self.value, _dt.datetime) or not isinstance(self.value, _dt.date):
            raise InvalidTypeError(self.value, "is not a date", path="value")


Segment = str | Money | Percent | Rate | Number | Date
"""One piece of body text: plain text or a value that baocao writes out."""

_SEGMENT_TYPES = (str, Money, Percent, Rate, Number, Date)


def _to_text(value: str | Iterable[Segment]) -> tuple[Segment, ...]:
    if isinstance(value, str):
        return (nfc(value),)
    if isinstance(value, (list, tuple)):
        return tuple(nfc(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


def _to_opt_text(value: str | Iterable[Segment] | None) -> tuple[Segment, ...] | None:
    return None if value is None else _to_text(value)


def _ends_in_digit(pieces: Sequence[object]) -> bool:
    """Whether ``pieces`` print a decimal digit last (a number, a date: "năm 2025"); an
    empty text prints nothing, so the piece before it counts."""
    for piece in reversed(pieces):
        if isinstance(piece, str):
            if piece:
                return piece[-1].isdecimal()
            continue
        return isinstance(piece, (Number, Date))
    return False


def _check_segments(value: object, path: str) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidTypeError(value, "is not a text or a non-empty list of text pieces", path=path)
    for index, seg in enumerate(value):
        where = f"{path}[{index}]"
        if isinstance(seg, str):
            check_text(seg, path=where, allow_empty=True)
        elif not isinstance(seg, _SEGMENT_TYPES):
            raise InvalidTypeError(
                seg, "is not a text, money, percent, rate, number or date", path=where
            )
        if (
            isinstance(seg, Money) and seg.amount >= 0 and index and _ends_in_digit(value[:index])
        ):  # "-" parts a negative one
            raise ValidationError(
                seg.amount,
                "follows a digit with no space between: the amount would read "
                'as one number with it ("1" then 67 đồng prints "167 đồng"); put a '
                "space or a word before the amount",
                path=where,
            )
    texts = [seg for seg in value if isinstance(seg, str)]
    if len(texts) == len(value) and not "".join(texts).strip():
        raise ValidationError("".join(texts), "must not be empty", path=path)


def _validate_segments(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_segments(value, attribute.name)
    _validate_layout(_inst, attribute, value)


def _validate_opt_segments(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_segments(value, attribute.name)
        _validate_layout(_inst, attribute, value)


# --------------------------------------------------------------------------- blocks


@attrs.frozen
class Paragraph:
    """A paragraph of body text (đoạn văn).

    Attributes:
        text: the paragraph: a string, or a list of pieces mixing strings with
            :class:`Money`, :class:`Percent`, :class:`Rate`, :class:`Number`, :class:`Date`.
    """

    text: tuple[Segment, ...] = attrs.field(
        converter=_to_text, validator=_validate_segments, metadata={"layout": BODY}
    )


@attrs.frozen
class Dash:
    """A dash line ("- …", gạch đầu dòng): the level below a point.

    Attributes:
        text: the line, without its dash (baocao adds "- ").
    """

    text: tuple[Segment, ...] = attrs.field(
        converter=_to_text, validator=_validate_segments, metadata={"layout": LISTED}
    )


Cell = str | int | decimal.Decimal | Percent | Rate | Number | Money
"""One table cell: text, or a number that baocao formats (``1.341``, ``47,67%``)."""

_CELL_TYPES = (str, int, decimal.Decimal, Percent, Rate, Number, Money)


def _to_row(value: Iterable[Cell]) -> tuple[Cell, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(nfc(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


def _to_rows(value: Iterable[Iterable[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    if isinstance(value, (list, tuple)):
        return tuple(_to_row(row) for row in value)
    return value  # type: ignore[return-value]  # the validator reports the type


def _to_opt_row(value: Iterable[Cell] | None) -> tuple[Cell, ...] | None:
    return None if value is None else _to_row(value)


def _check_row(row: object, path: str, width: int | None) -> None:
    if not isinstance(row, tuple):
        raise InvalidTypeError(row, "is not a list of cells", path=path)
    if width is not None and len(row) != width:
        raise ValidationError(row, f"has {len(row)} cells but the header has {width}", path=path)
    for index, cell in enumerate(row):
        where = f"{path}[{index}]"
        if isinstance(cell, bool) or not isinstance(cell, _CELL_TYPES):
            hint = " (write it as a string such as '47,67')" if isinstance(cell, float) else ""
            raise InvalidTypeError(
                cell,
                f"is not a text, an int, a Decimal, a percent, a rate or money{hint}",
                path=where,
            )
        if isinstance(cell, str):
            check_text(cell, path=where, allow_empty=True)
            _check_layout(cell, HEADING, where)
        elif isinstance(cell, decimal.Decimal) and not cell.is_finite():
            raise ValidationError(cell, "is not a finite number", path=where)
        elif isinstance(cell, (int, decimal.Decimal)):
            _check_size(cell, path=where)


@attrs.frozen(kw_only=True)
class Table:
    """A table in the body (bảng): a header row, rows and an optional totals row.

    Numbers are formatted the Vietnamese way (``1.341``, ``47,67``) and right-aligned.

    Attributes:
        header: the column headings (tiêu đề cột).
        rows: the data rows; each has as many cells as the header.
        totals: an optional last row (dòng tổng cộng), printed in bold.
    """

    header: tuple[str, ...] = attrs.field(converter=_strings)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(converter=_to_rows)
    totals: tuple[Cell, ...] | None = attrs.field(default=None, converter=_to_opt_row)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.header, tuple) or not self.header:
            raise ValidationError(self.header, "must list at least one column", path="header")
        for index, head in enumerate(self.header):
            check_text(head, path=f"header[{index}]", allow_empty=True)
            _check_layout(head, HEADING, f"header[{index}]")
        if not isinstance(self.rows, tuple):
            raise InvalidTypeError(self.rows, "is not a list of rows", path="rows")
        if not self.rows:
            raise ValidationError(self.rows, "must hold at least one row", path="rows")
        width = len(self.header)
        for index, row in enumerate(self.rows):
            _check_row(row, f"rows[{index}]", width)
        if self.totals is not None:
            _check_row(self.totals, "totals", width)


Block = Paragraph | Dash | Table
"""A body block: a paragraph, a dash line or a table."""

_BLOCK_TYPES = (Paragraph, Dash, Table)


def _to_blocks(value: Iterable[Block | str]) -> tuple[Block, ...]:
    if isinstance(value, str):
        return (Paragraph(value),)
    if isinstance(value, (list, tuple)):
        return tuple(Paragraph(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


_validate_blocks = _validate_members(_BLOCK_TYPES, "a paragraph, a dash line or a table")


@attrs.frozen
class Point:
    """Điểm: a lettered point, ``a)``, ``b)``, … ``đ)`` (letters follow the Vietnamese alphabet).

    Attributes:
        text: the point's text, after its letter.
        body: paragraphs, dash lines and tables that follow it.
    """

    text: tuple[Segment, ...] = attrs.field(
        converter=_to_text, validator=_validate_segments, metadata={"layout": LISTED}
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )


def _to_points(value: Iterable[Point | str]) -> tuple[Point, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(Point(v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


@attrs.frozen(kw_only=True)
class Item:
    """Khoản: a numbered item, ``1.``, ``2.``, … of a section.

    An item has either a *title* (khoản có tiêu đề: "1. Kết quả thực hiện" on its own
    line, in bold) or a *text* (khoản không có tiêu đề: "1. Quyết định này …", upright),
    never both.

    Attributes:
        title: tiêu đề của khoản, when the item is a heading.
        text: the item's text, when it has no title.
        body: paragraphs, dash lines and tables after the title or text.
        points: the item's points (điểm) a), b), …
    """

    title: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": HEADING},
    )
    text: tuple[Segment, ...] | None = attrs.field(
        default=None,
        converter=_to_opt_text,
        validator=_validate_opt_segments,
        metadata={"layout": LISTED},
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    points: tuple[Point, ...] = attrs.field(
        default=(),
        converter=_to_points,
        validator=_validate_members((Point,), "a point"),
        metadata={"maxItems": MAX_POINTS},
    )

    def __attrs_post_init__(self) -> None:
        if len(self.points) > MAX_POINTS:
            raise ValidationError(
                self.points[MAX_POINTS].text,
                f"is point {MAX_POINTS + 1}; the letters of "
                f"points run out at y) ({MAX_POINTS} points): split the item",
                path=f"points[{MAX_POINTS}]",
            )
        if (self.title is None) == (self.text is None):
            raise ValidationError(
                {"title": self.title, "text": self.text},
                "needs exactly one of title (a heading) or text",
                path="title",
            )


def _to_items(value: Iterable[Item | str]) -> tuple[Item, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(Item(text=v) if isinstance(v, str) else v for v in value)
    return value  # type: ignore[return-value]  # the validator reports the type


@attrs.frozen(kw_only=True)
class Section:
    """Mục: a section ``I.``, ``II.``, … with an upper-case title.

    Attributes:
        title: tiêu đề của mục, in normal or upper case (baocao prints it upper case).
        body: paragraphs, dash lines and tables before the items.
        items: the section's items (khoản) 1., 2., …
    """

    title: str = attrs.field(
        converter=_text, validator=[_validate_text, _validate_layout], metadata={"layout": HEADING}
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    items: tuple[Item, ...] = attrs.field(
        default=(), converter=_to_items, validator=_validate_members((Item,), "an item")
    )

    def __attrs_post_init__(self) -> None:
        if not self.body and not self.items:
            raise ValidationError(
                self.title, "is a section with no body and no items", path="items"
            )


def _to_sections(value: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


def _to_parts(value: Iterable[Part]) -> tuple[Part, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


def _to_appendices(value: Iterable[Appendix]) -> tuple[Appendix, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


_validate_sections = _validate_members((Section,), "a section")


@attrs.frozen(kw_only=True)
class Part:
    """Phần: the optional top level, ``Phần I``, ``Phần II``, … above the sections.

    Attributes:
        title: tiêu đề của phần (printed upper case, centred, under "Phần I").
        body: paragraphs, dash lines and tables before the sections.
        sections: the part's sections (mục) I., II., …; numbering restarts in each part.
    """

    title: str = attrs.field(
        converter=_text, validator=[_validate_text, _validate_layout], metadata={"layout": CENTRED}
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_to_sections, validator=_validate_sections
    )

    def __attrs_post_init__(self) -> None:
        if not self.body and not self.sections:
            raise ValidationError(
                self.title, "is a part with no body and no sections", path="sections"
            )


# --------------------------------------------------------------------------- header, footer

ABBREVIATION = r"[0-9A-ZĐ.]+(?:-[0-9A-ZĐ.]+)*"
"""An abbreviation of the symbol (ký hiệu): capitals, digits and '.', groups joined by '-'
(the symbol is upper case, PL I, II.3.c)."""

_ABBREVIATION = re.compile(ABBREVIATION)


def _validate_abbreviation(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_text(value, path=attribute.name)
    assert isinstance(value, str)
    if not _ABBREVIATION.fullmatch(value) and _ABBREVIATION.fullmatch(value.upper()):
        raise ValidationError(
            value,
            f"has lower-case letters: the symbol (ký hiệu) is upper case (PL I, "
            f"II.3.c); write {value.upper()!r}",
            path=attribute.name,
        )
    if not _ABBREVIATION.fullmatch(value):  # not .match: "$" would let "SNV\n" through
        raise ValidationError(
            value,
            "is not an abbreviation (capitals, digits and '.', groups joined by '-', no spaces)",
            path=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Issuer:
    """Tên cơ quan, tổ chức ban hành văn bản (ô 2), and its parent body.

    Attributes:
        name: tên cơ quan, tổ chức ban hành, in normal case ("Sở Nội vụ"); baocao
            prints it upper case and bold. A list, or ``\\n``, gives explicit lines.
        abbreviation: chữ viết tắt tên cơ quan, the body's part of the symbol (ký hiệu),
            e.g. ``SNV`` in ``2710/BC-SNV``.
        parent: tên cơ quan, tổ chức chủ quản trực tiếp, if any ("Ủy ban nhân dân /
            Thành phố Hồ Chí Minh"); printed upper case, not bold. A list gives lines.
    """

    name: str = attrs.field(
        converter=_lines, validator=[_validate_text, _validate_layout], metadata={"layout": CENTRED}
    )
    abbreviation: str = attrs.field(converter=_text, validator=_validate_abbreviation)
    parent: str | None = attrs.field(
        default=None,
        converter=_opt_lines,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": CENTRED},
    )


def _to_authority(value: Authority | str | None) -> Authority | None:
    return None if value is None else Authority.parse(value)


@attrs.frozen(kw_only=True)
class Signatory:
    """Người ký: quyền hạn, chức vụ and họ tên of the person who signs (ô 7).

    The lines of the signature block follow Điều 13 and Phụ lục I, II.7:

    ==================  ==================================  ==========================
    authority           acting_for                          block
    ==================  ==================================  ==========================
    none                —                                   GIÁM ĐỐC
    ``Q.``              —                                   Q. GIÁM ĐỐC
    ``KT.``             the head's title ("Giám đốc")       KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC
    ``TL.``, ``TUQ.``   the head's title                    TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG
    ``TM.``             the collective ("Ủy ban nhân dân")  TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH
    ==================  ==================================  ==========================

    Attributes:
        name: họ và tên người ký, without academic titles.
        title: chức vụ của người ký, in normal case ("Phó Giám đốc").
        authority: quyền hạn ký: ``TM.``, ``KT.``, ``TL.``, ``TUQ.``, ``Q.`` or none.
        acting_for: for ``TM.`` the collective, for ``KT.``/``TL.``/``TUQ.`` the title
            of the head the signer signs for.
        collective: a ``TM.`` line above a ``KT.`` or ``Q.`` signature ("TM. ỦY BAN
            NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
    """

    name: str = attrs.field(
        converter=_text,
        validator=[
            _normal_case("the signer's name (họ tên)", "Nguyễn Văn A", one_line=True),
            _validate_layout,
        ],
        metadata={"layout": SIGNER},
    )
    title: str = attrs.field(
        converter=_text,
        validator=[_validate_text, _validate_layout],
        metadata={"layout": SIGNATURE},
    )
    authority: Authority | None = attrs.field(default=None, converter=_to_authority)
    acting_for: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": AUTHORITY_LINE},
    )
    collective: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": AUTHORITY_LINE},
    )

    def __attrs_post_init__(self) -> None:
        needs_for = self.authority in (Authority.TM, Authority.KT, Authority.TL, Authority.TUQ)
        if needs_for and self.acting_for is None:
            assert self.authority is not None
            raise ValidationError(
                None,
                f"is required with {self.authority.value} (the title or collective signed for)",
                path="acting_for",
            )
        if not needs_for and self.acting_for is not None:
            raise ValidationError(
                self.acting_for, "is only used with TM., KT., TL. or TUQ.", path="acting_for"
            )
        if self.authority is None and self.title.casefold().startswith("phó "):
            raise ValidationError(
                self.title,
                "is a deputy's title: a deputy signs as KT. (authority: KT., "
                "acting_for: the head's title)",
                path="title",
            )
        if self.collective is not None and self.authority not in (Authority.KT, Authority.Q):
            raise ValidationError(
                self.collective,
                "is only used with KT. or Q. (the TM. line above them)",
                path="collective",
            )


@attrs.frozen(kw_only=True)
class Filing:
    """The last line of Nơi nhận: ``- Lưu: VT, <unit>[, copies]. [drafter.(issued)]``.

    Attributes:
        unit: chữ viết tắt đơn vị soạn thảo, the drafting unit ("VP", "TCCB").
        copies: số lượng bản lưu, if needed (printed with two digits: "02").
        drafter: ký hiệu người soạn thảo, the drafter's initials ("PL"), ô 12.
        issued: số lượng bản phát hành, copies issued ("PL.(300)"); needs ``drafter``.
    """

    unit: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": ONE_LINE},
    )
    copies: int | None = attrs.field(default=None, metadata={"minimum": 1, "maximum": 999})
    drafter: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": ONE_LINE},
    )
    issued: int | None = attrs.field(default=None, metadata={"minimum": 1, "maximum": 999_999})

    def __attrs_post_init__(self) -> None:
        if self.copies is not None:
            _check_bounds(Filing, "copies", self.copies)
        if self.issued is not None:
            _check_bounds(Filing, "issued", self.issued)
            if self.drafter is None:
                raise ValidationError(
                    self.issued, "needs the drafter's initials (drafter)", path="issued"
                )


@attrs.frozen(kw_only=True)
class Appendix:
    """Phụ lục: an appendix after the signature, with its own title and body.

    With two or more appendices they are numbered "Phụ lục I", "Phụ lục II", …; each
    starts on a new page, with its own page numbering.

    Attributes:
        title: tên phụ lục (printed upper case, bold, centred).
        body: paragraphs, dash lines and tables.
        sections: sections (mục) I., II., … after the body.
    """

    title: str = attrs.field(
        converter=_text, validator=[_validate_text, _validate_layout], metadata={"layout": CENTRED}
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_to_sections, validator=_validate_sections
    )

    def __attrs_post_init__(self) -> None:
        if not self.body and not self.sections:
            raise ValidationError(
                self.title, "is an appendix with no body and no sections", path="body"
            )


def _to_type(value: DocumentType | str) -> DocumentType:
    return DocumentType.parse(value)


def _validate_number(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_int(
            value,
            path=attribute.name,
            low=attribute.metadata["minimum"],
            high=attribute.metadata["maximum"],
        )


def _validate_date(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise InvalidTypeError(value, "is not a date", path=attribute.name)


@attrs.frozen(kw_only=True)
class Report:
    """A typed administrative document (Mẫu 1.4), by default a báo cáo.

    Attributes:
        issuer: cơ quan, tổ chức ban hành (ô 2) and its parent body.
        number: số của văn bản (ô 3), printed with a leading zero below 10. Leave it
            out (``None``) for a draft: the Văn thư assigns the number after signing
            (Điều 15), and the line reads "Số:      /BC-SNV".
        place: địa danh (ô 4), e.g. "Thành phố Hồ Chí Minh".
        date: thời gian ban hành (ô 4), printed "ngày 03 tháng 7 năm 2020".
        subject: trích yếu nội dung (ô 5a), in normal case.
        signatory: người ký (ô 7).
        doc_type: tên loại văn bản (ô 5a); its abbreviation starts the symbol (ký hiệu).
        addressees: kính gửi (ô 9a), for a report sent to a higher body; "Như trên"
            then opens Nơi nhận.
        legal_bases: căn cứ ban hành, each printed in italics ending with ";", the last
            with "." (write them without that punctuation).
        opening: phần mở đầu, paragraphs before the sections.
        parts: phần, the optional level above the sections.
        sections: mục, the body's sections (when there are no parts).
        closing: phần kết, paragraphs after the sections; the content ends with "./.".
        recipients: nơi nhận (ô 9b), one line each, without "-" or ";".
        filing: the "Lưu: VT, …" line that ends Nơi nhận.
        appendices: phụ lục.
    """

    issuer: Issuer = attrs.field(validator=_validate_instance(Issuer, "an issuer"))
    place: str = attrs.field(converter=_text, validator=_validate_place)
    date: _dt.date = attrs.field(validator=_validate_date)
    subject: str = attrs.field(
        converter=_text,
        validator=[
            _normal_case("the trích yếu", "Kết quả công tác văn thư năm 2025"),
            _validate_layout,
        ],
        metadata={"layout": SUBJECT},
    )
    signatory: Signatory = attrs.field(validator=_validate_instance(Signatory, "a signatory"))
    number: int | None = attrs.field(
        default=None,
        validator=_validate_number,
        metadata={"minimum": 1, "maximum": MAX_DOCUMENT_NUMBER},
    )
    doc_type: DocumentType = attrs.field(default=DocumentType.REPORT, converter=_to_type)
    addressees: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=[_validate_strings, _no_end_punctuation, _validate_layout],
        metadata={"layout": ENTRY},
    )
    legal_bases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=[_validate_strings, _no_end_punctuation, _validate_layout],
        metadata={"layout": HEADING},
    )
    opening: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    parts: tuple[Part, ...] = attrs.field(
        default=(),
        converter=_to_parts,
        validator=_validate_members((Part,), "a part"),
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_to_sections, validator=_validate_sections
    )
    closing: tuple[Block, ...] = attrs.field(
        default=(), converter=_to_blocks, validator=_validate_blocks
    )
    recipients: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=[_validate_strings, _no_end_punctuation, _validate_layout],
        metadata={"layout": ENTRY},
    )
    filing: Filing = attrs.field(
        factory=Filing, validator=_validate_instance(Filing, "a filing line")
    )
    appendices: tuple[Appendix, ...] = attrs.field(
        default=(),
        converter=_to_appendices,
        validator=_validate_members((Appendix,), "an appendix"),
    )

    def __attrs_post_init__(self) -> None:
        if self.parts and self.sections:
            raise ValidationError(
                len(self.sections),
                "sections were given beside parts: put the sections inside the parts",
                path="sections",
            )
        if not (self.opening or self.parts or self.sections or self.closing):
            raise ValidationError(
                (),
                "is empty: a report needs some content (opening, sections, parts or closing)",
                path="sections",
            )
        if self.addressees:
            wanted = {a.casefold() for a in self.addressees}
            for index, line in enumerate(self.recipients):
                if line.casefold() in wanted:
                    raise ValidationError(
                        line,
                        "is already an addressee (kính gửi); Nơi nhận starts with "
                        "'Như trên', which covers it",
                        path=f"recipients[{index}]",
                    )

    @property
    def symbol(self) -> str:
        """Ký hiệu: ``<type>-<issuer>``, e.g. ``BC-SNV``."""
        return f"{self.doc_type.value}-{self.issuer.abbreviation}"
