"""The closed lists of the decree that a report names: document types and signing authorities.

:class:`DocumentType` is the tên loại văn bản of Mẫu 1.4 with its abbreviation (Phụ lục III,
Mục I); :class:`Authority` is the quyền hạn ký before a signer's title (Điều 13). Each reads
its input by :meth:`parse`, with the field path in its error.
"""

from __future__ import annotations

import enum

from .._errors import InvalidTypeError, ValidationError
from .._nd30 import DOCUMENT_TYPES, LETTER_TYPE
from .._text import nfc

__all__ = ["Authority", "DocumentType"]


class DocumentType(enum.Enum):
    """Tên loại văn bản: the document types of Mẫu 1.4 ("văn bản có tên loại"), and the
    công văn (Mẫu 1.5, ``CV``), which prints no type name.

    The value is the abbreviation of Phụ lục III, Mục I that goes into the symbol
    (ký hiệu, e.g. ``BC`` in ``2710/BC-SNV``); :attr:`title` is the name printed above
    the subject (``BÁO CÁO``).

    >>> DocumentType.REPORT.value, DocumentType.REPORT.title
    ('BC', 'Báo cáo')
    >>> DocumentType.parse("kế hoạch")
    <DocumentType.PLAN: 'KH'>
    >>> DocumentType.parse("công văn").form, DocumentType.REPORT.form
    ('1.5', '1.4')
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
    # issue 13: the forms of Phụ lục III, Mục II beyond Mẫu 1.4
    LETTER = "CV"

    @property
    def title(self) -> str:
        """The type's name in normal case, e.g. ``"Báo cáo"``."""
        return _TYPE_TITLES[self]

    @property
    def form(self) -> str:
        """The model form (mẫu) of Phụ lục III, Mục II the type is written in: ``"1.5"``
        for a công văn, ``"1.4"`` for every type with a printed type name."""
        return "1.5" if self is DocumentType.LETTER else "1.4"

    @property
    def has_type_name(self) -> bool:
        """Whether the type name is printed above the trích yếu (not for a công văn)."""
        return self is not DocumentType.LETTER

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
    member: dict([*DOCUMENT_TYPES.items(), LETTER_TYPE])[member.value] for member in DocumentType
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
