"""The report itself, and what stands around its body: the issuer and the signatory above
and below it, the filing line that ends Nơi nhận, and the appendices after the signature.

A :class:`Report` carries every component that Nghị định 30/2020/NĐ-CP (Điều 8, Phụ lục I)
gives a typed administrative document of Mẫu 1.4 (báo cáo, kế hoạch, tờ trình, …).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._errors import ValidationError
from .._text import check_text
from ._body import (
    Block,
    Part,
    Section,
    _to_blocks,
    _to_sections,
    _validate_blocks,
    _validate_sections,
)
from ._fields import (
    ShortForm,
    _check_bounds,
    _lines,
    _no_end_punctuation,
    _normal_case,
    _opt_lines,
    _opt_text,
    _strings,
    _text,
    _validate_instance,
    _validate_members,
    _validate_opt_text,
    _validate_place,
    _validate_strings,
    _validate_text,
    in_bounds,
    plain_date,
)
from ._kinds import Authority, DocumentType
from ._layout import (
    AUTHORITY_LINE,
    CENTRED,
    ENTRY,
    HEADING,
    ONE_LINE,
    SIGNATURE,
    SIGNER,
    SUBJECT,
    _validate_layout,
)
from ._letter import check_letter
from ._marks import (
    AppendixNumbering,
    Confidentiality,
    CopiesForm,
    Orientation,
    Urgency,
    check_circulation,
    check_draft,
    to_appendix_numbering,
    to_confidentiality,
    to_copies_form,
    to_numbering,
    to_orientation,
    to_urgency,
)
from ._numbering import Numbering, check_depth
from ._signature import MAX_COSIGNATORIES, at_most_cosignatories, check_signature_form
from ._validators import named

__all__ = [
    "ABBREVIATION",
    "MAX_DOCUMENT_NUMBER",
    "Appendix",
    "Filing",
    "Issuer",
    "Report",
    "Signatory",
]

MAX_DOCUMENT_NUMBER = 9_999_999
"""Largest accepted document number (số); a body numbers its documents from 01 each year."""

ABBREVIATION = r"[0-9A-ZĐ.]+(?:-[0-9A-ZĐ.]+)*"
"""An abbreviation of the symbol (ký hiệu): capitals, digits and '.', groups joined by '-'
(the symbol is upper case, PL I, II.3.c)."""

_ABBREVIATION = re.compile(ABBREVIATION)


@named("abbreviation")
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


ORGAN_ID = r"[0-9A-Z](?:[0-9A-Z.]{0,11}[0-9A-Z])?"
"""A mã định danh điện tử: up to 13 capitals, digits and dots (``000.00.31.H29``)."""

_ORGAN_ID = re.compile(ORGAN_ID)


@named("organ_id")
def _validate_organ_id(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_text(value, path=attribute.name)
    assert isinstance(value, str)
    if not _ORGAN_ID.fullmatch(value):
        raise ValidationError(
            value,
            "is not a mã định danh (up to 13 capitals, digits and dots, such as "
            "000.00.31.H29; Phụ lục VI, OrganId)",
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
        organ_id: mã định danh điện tử of the body (Quyết định 20/2020/QĐ-TTg as amended),
            such as ``000.00.31.H29``: up to 13 letters, digits and dots; not printed, it goes
            into the metadata of Phụ lục VI (OrganId).
    """

    name: str = attrs.field(
        converter=_lines,
        validator=[_validate_text, _validate_layout],
        metadata={"layout": CENTRED, "short_form": ShortForm.LINES},
    )
    abbreviation: str = attrs.field(converter=_text, validator=_validate_abbreviation)
    parent: str | None = attrs.field(
        default=None,
        converter=_opt_lines,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": CENTRED, "short_form": ShortForm.LINES},
    )
    # issue 14: the electronic identifier, for the metadata of Phụ lục VI
    organ_id: str | None = attrs.field(
        default=None, converter=_opt_text, validator=attrs.validators.optional(_validate_organ_id)
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
        collective: a ``TM.`` line above a ``KT.``, ``Q.``, ``TL.`` or ``TUQ.``
            signature ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
        by_order_of: thừa lệnh: the title of the head of the body for a ``TL.`` line
            above a ``KT.`` signature, when the unit's deputy signs (Điều 13.4: "TL. BỘ
            TRƯỞNG / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG").
        other_title: chức vụ khác của người ký (ô 7b), printed upper case above the
            name, under the space for the signature (PL I, II.7.c,đ): the title in the
            body of a Hội đồng's or Ban Chỉ đạo's member ("Bộ trưởng Bộ Nội vụ").

    The chain of prefixes (TM., TL., then ``authority``) must be one of
    ``_nd30.SIGNATURE_FORMS``; titles that contradict their prefix are refused ("KT.
    GIÁM ĐỐC / GIÁM ĐỐC", "Q. PHÓ GIÁM ĐỐC", TL. or TUQ. of oneself).
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
    # issue 12: signatures
    by_order_of: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": AUTHORITY_LINE},
    )
    other_title: str | None = attrs.field(
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
        if self.collective is not None and self.authority not in (
            Authority.KT,
            Authority.Q,
            Authority.TL,
            Authority.TUQ,
        ):
            raise ValidationError(
                self.collective,
                "is only used with KT., Q., TL. or TUQ. (the TM. line above them)",
                path="collective",
            )
        if self.by_order_of is not None and self.authority is not Authority.KT:
            raise ValidationError(
                self.by_order_of,
                "is only used with KT. (the TL. line above a deputy's signature, Điều 13.4)",
                path="by_order_of",
            )
        check_signature_form(self)


@attrs.frozen(kw_only=True)
class Filing:
    """The last line of Nơi nhận: ``- Lưu: VT, <unit>[, copies]. [drafter.(issued)]``.

    Attributes:
        unit: chữ viết tắt đơn vị soạn thảo, the drafting unit ("VP", "TCCB").
        copies: số lượng bản lưu, if needed (printed with two digits: "02").
        drafter: ký hiệu người soạn thảo, the drafter's initials ("PL"), ô 12.
        issued: số lượng bản phát hành, copies issued ("PL.(300)"); needs ``drafter``.
        more_units: the abbreviations of further units that keep a copy, after ``unit``
            ("- Lưu: VT, NC, TH."); needs ``unit``.
        copies_form: how ``copies`` is written: ``number`` (", 02", the default) or ``b``
            (" (2b)", số bản, "- Lưu: VT, NC (2b).").
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
    # issue 12: the "Lưu" line as agencies write it
    more_units: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=[_validate_strings, _validate_layout],
        metadata={"layout": ONE_LINE, "short_form": ShortForm.ONE},
    )
    copies_form: CopiesForm = attrs.field(default=CopiesForm.NUMBER, converter=to_copies_form)

    def __attrs_post_init__(self) -> None:
        if self.more_units and self.unit is None:
            raise ValidationError(
                list(self.more_units), "needs the drafting unit first (unit)", path="more_units"
            )
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
        orientation: hướng trang: ``portrait`` (the default) or ``landscape`` for an
            appendix of wide tables; the report's own pages stay portrait.
        numbering: ``roman`` ("Phụ lục I") or ``number`` ("Phụ lục số 01") for this
            appendix; by default the report's ``appendix_numbering``.
        reference: thông tin chỉ dẫn kèm theo văn bản, this appendix's own reference line
            ("Ban hành kèm theo Quyết định số 12/QĐ-UBND"), printed in parentheses (once:
            written with them, it is printed as written); by default "(Kèm theo Báo cáo
            số … ngày … của …)" from the report.
        units: đơn vị tính of the appendix's figures ("triệu đồng"), printed "Đơn vị
            tính: triệu đồng", right-aligned and italic above its content.
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
    # issue 12: landscape appendices, their numbers, reference and units lines
    orientation: Orientation = attrs.field(
        default=Orientation.PORTRAIT,
        converter=to_orientation,
    )
    numbering: AppendixNumbering | None = attrs.field(
        default=None,
        converter=to_numbering,
    )
    reference: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": CENTRED},
    )
    units: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": ONE_LINE},
    )

    def __attrs_post_init__(self) -> None:
        if not self.body and not self.sections:
            raise ValidationError(
                self.title, "is an appendix with no body and no sections", path="body"
            )


def _to_parts(value: Iterable[Part]) -> tuple[Part, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


def _to_appendices(value: Iterable[Appendix]) -> tuple[Appendix, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


def _to_signatories(value: Iterable[Signatory]) -> tuple[Signatory, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


def _to_type(value: DocumentType | str) -> DocumentType:
    return DocumentType.parse(value)


@attrs.frozen(kw_only=True)
class Report:
    """A typed administrative document (Mẫu 1.4), by default a báo cáo, or a công văn
    (Mẫu 1.5, ``doc_type`` CV): one model for the forms of Phụ lục III, Mục II.

    Attributes:
        issuer: cơ quan, tổ chức ban hành (ô 2) and its parent body.
        number: số của văn bản (ô 3), printed with a leading zero below 10. Leave it
            out (``None``) for a draft: the Văn thư assigns the number after signing
            (Điều 15), and the line reads "Số:      /BC-SNV".
        place: địa danh (ô 4), e.g. "Thành phố Hồ Chí Minh"; required, except with
            ``number_and_date: false`` (no date line to print it on).
        date: thời gian ban hành (ô 4), printed "ngày 03 tháng 7 năm 2020".
        subject: trích yếu nội dung (ô 5a), in normal case; a công văn prints it after
            "V/v" (về việc) under "Số:" (ô 5b), so write it without "V/v".
        signatory: người ký (ô 7).
        doc_type: tên loại văn bản (ô 5a); its abbreviation starts the symbol (ký hiệu).
            ``CV`` makes a công văn (Mẫu 1.5): no type name, the trích yếu printed
            "V/v …" under "Số:", the ký hiệu ``<issuer>-<filing.unit>``, Kính gửi required.
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
        numbering: how the body is numbered (đánh số): the scheme and its choices per
            level; by default the decree's, Phần I / I. / 1. / a) / -.
        draft: dự thảo: prints "DỰ THẢO" above the type name; only a draft may leave
            the date blank (``date`` left out, or only its ``year``).
        year: for a draft without a full ``date``: the year, printed "ngày      tháng
            năm 2026" (day and month left blank). Leave out ``date`` and ``year`` both for
            a wholly blank date.
        subtitle: a line under the trích yếu and its rule, not bold, in parentheses as
            written ("(Tài liệu phục vụ Hội nghị sơ kết)").
        confidentiality: độ mật (ô 10a, under "Số:"): ``MẬT``, ``TỐI MẬT``, ``TUYỆT MẬT``.
        urgency: mức độ khẩn (ô 10b, under the độ mật): ``KHẨN``, ``THƯỢNG KHẨN``,
            ``HỎA TỐC``, ``HỎA TỐC HẸN GIỜ``.
        circulation: chỉ dẫn về phạm vi lưu hành (ô 11, top right): ``XEM XONG TRẢ
            LẠI``, ``LƯU HÀNH NỘI BỘ``, ``TRẢ LẠI SAU KHI …`` or ``TÀI LIỆU THU HỒI``.
        appendix_numbering: ``roman`` ("Phụ lục I", the default) or ``number`` ("Phụ lục
            số 01") for every appendix that does not choose its own.
        contact: địa chỉ cơ quan, tổ chức; thư điện tử; trang thông tin điện tử; số điện
            thoại; số Fax (ô 13): the lines of the address block at the foot of page 1,
            under a rule across the text width ("Địa chỉ: 12 Lý Tự Trọng, phường Bến
            Nghé", "ĐT: 028 3829 1234, Fax: 028 3829 5678").
        number_and_date: ``false`` for a report printed with no "Số:" line and no date
            line (a báo cáo chuyên đề handed out at a conference): then ``number``,
            ``date`` and ``year`` are left out.
        cosignatories: the other signers of a joint report (văn bản liên tịch, or a
            biên bản's thư ký), each with its own block, printed left of ``signatory``
            in this order, side by side as Mẫu 1.9 of Phụ lục III sets them; Nơi nhận
            then goes under the blocks. At most three.
        due_date: hạn trả lời văn bản, the date by which an answer is due: not printed, it
            goes into the metadata of Phụ lục VI (DueDate).
    """

    issuer: Issuer = attrs.field(validator=_validate_instance(Issuer, "an issuer"))
    place: str | None = attrs.field(
        default=None, converter=_opt_text, validator=attrs.validators.optional(_validate_place)
    )
    date: _dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(plain_date())
    )
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
        validator=attrs.validators.optional(in_bounds()),
        metadata={"minimum": 1, "maximum": MAX_DOCUMENT_NUMBER},
    )
    doc_type: DocumentType = attrs.field(default=DocumentType.REPORT, converter=_to_type)
    addressees: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=[_validate_strings, _no_end_punctuation, _validate_layout],
        metadata={"layout": ENTRY, "short_form": ShortForm.ONE},
    )
    legal_bases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=[_validate_strings, _no_end_punctuation, _validate_layout],
        metadata={"layout": HEADING, "short_form": ShortForm.ONE},
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
        metadata={"layout": ENTRY, "short_form": ShortForm.ONE},
    )
    filing: Filing = attrs.field(
        factory=Filing, validator=_validate_instance(Filing, "a filing line")
    )
    appendices: tuple[Appendix, ...] = attrs.field(
        default=(),
        converter=_to_appendices,
        validator=_validate_members((Appendix,), "an appendix"),
    )
    # issue 12: numbering
    numbering: Numbering = attrs.field(
        default=Numbering(), validator=_validate_instance(Numbering, "a numbering")
    )
    # issue 12: drafts, the subtitle, the marks of ô 10-11, appendix numbering
    draft: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    year: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(in_bounds()),
        metadata={"minimum": 1945, "maximum": 9999},
    )
    subtitle: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": SUBJECT},
    )
    confidentiality: Confidentiality | None = attrs.field(
        default=None,
        converter=to_confidentiality,
    )
    urgency: Urgency | None = attrs.field(
        default=None,
        converter=to_urgency,
    )
    circulation: str | None = attrs.field(
        default=None,
        converter=_opt_text,
        validator=[_validate_opt_text, _validate_layout],
        metadata={"layout": ONE_LINE},
    )
    appendix_numbering: AppendixNumbering = attrs.field(
        default=AppendixNumbering.ROMAN,
        converter=to_appendix_numbering,
    )
    contact: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=[_validate_strings, _validate_layout],
        metadata={"layout": ONE_LINE, "short_form": ShortForm.ONE},
    )
    number_and_date: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    # issue 12: signatures
    cosignatories: tuple[Signatory, ...] = attrs.field(
        default=(),
        converter=_to_signatories,
        validator=[_validate_members((Signatory,), "a signatory"), at_most_cosignatories],
        metadata={"maxItems": MAX_COSIGNATORIES},
    )
    # issue 14: the metadata of Phụ lục VI
    due_date: _dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(plain_date())
    )

    def __attrs_post_init__(self) -> None:
        check_draft(self)
        check_circulation(self.circulation)
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
        check_depth(self)  # issue 12: numbering
        if self.doc_type is DocumentType.LETTER:  # issue 13: the công văn
            check_letter(self)

    @property
    def symbol(self) -> str:
        """Ký hiệu: ``<type>-<issuer>``, e.g. ``BC-SNV``; for a công văn ``<issuer>-<unit>``,
        e.g. ``SGDĐT-VP`` (PL I, II.3.b)."""
        if self.doc_type is DocumentType.LETTER:
            return f"{self.issuer.abbreviation}-{self.filing.unit}"
        return f"{self.doc_type.value}-{self.issuer.abbreviation}"
