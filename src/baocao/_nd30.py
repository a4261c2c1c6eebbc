"""The decree's facts as data (Nghị định 30/2020/NĐ-CP, Phụ lục I): written once, read by
the model, the renderer, the template generator and the checker alike.

- the Quốc hiệu and Tiêu ngữ (national name and motto, PL I, II.1);
- the page margins (PL I, I.3) and the two size profiles of the footnote of PL I, Mục V;
- the size range of each element (PL I, Mục V) and the size of each style of the default
  template in each profile, inside those ranges;
- the share of its line that the rule under the issuing body and the trích yếu takes
  (PL I, II.2.b, II.5.b);
- the numbering alphabets of the body (PL I, II.6.đ): Roman numerals for sections, parts and
  appendices, and the letters of points;
- the label styles of the numbering schemes (issue 12): the decree's, and the Arabic, decimal,
  lettered and hyphenated forms of common practice, with the one formatter of labels;
- the document types of Mẫu 1.4 with their abbreviations (Phụ lục III, Mục I), and the
  authority prefixes of a signature (Điều 13), the chains of them a signature block may
  stack (``SIGNATURE_FORMS``) and why any other chain is refused.

Nothing here imports anything: every wing may read it.
"""

from __future__ import annotations

__all__ = [
    "APPENDIX_REFERENCE_WORDS",
    "AUTHORITY_PREFIXES",
    "CIRCULATION_NOTES",
    "CIRCULATION_RETURN_AFTER",
    "CONFIDENTIALITY_MARKS",
    "DECIMAL_STYLE",
    "DOCUMENT_TYPES",
    "DRAFT_MARK",
    "LABEL_STYLES",
    "LETTER_SUBJECT_PREFIX",
    "LETTER_SUBJECT_SIZE",
    "LETTER_TYPE",
    "MARGIN_RANGES",
    "METADATA_FIELDS",
    "METADATA_LANGUAGE",
    "MOTTO",
    "NATIONAL_NAME",
    "NATIONAL_NAME_VARIANTS",
    "NUMBERING_SCHEMES",
    "PART_ORDINALS",
    "PART_STYLES",
    "POINT_LETTERS",
    "PRIORITY_CODES",
    "PROFILES",
    "RECALL_MARK",
    "ROMAN",
    "RULE_SHARE",
    "SEPARATE_FILE_SIGNATURE_PT",
    "SIGNATURE_FORMS",
    "SIGNATURE_GAP_MIN_MM",
    "SIGNATURE_SEAL_SHARE",
    "SIZE_RANGES",
    "STYLE_ELEMENTS",
    "STYLE_SIZES",
    "UNITS_LABEL",
    "UPPER_LETTERS",
    "URGENCY_MARKS",
    "VIETNAM_UTC_OFFSET_HOURS",
    "numbering_label",
    "roman",
    "signature_form_problem",
    "style_limit",
]

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
"""The Quốc hiệu (PL I, II.1.a), in capitals as the decree prints it."""

NATIONAL_NAME_VARIANTS: tuple[str, ...] = (NATIONAL_NAME, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
"""The Quốc hiệu with either placement of the tone mark on "HÒA"/"HOÀ", both in use."""

MOTTO = "Độc lập - Tự do - Hạnh phúc"
"""The Tiêu ngữ (PL I, II.1.b): hyphens with a space each side between the three phrases."""

MARGIN_RANGES: dict[str, tuple[float, float]] = {
    "top": (20, 25),
    "bottom": (20, 25),
    "left": (30, 35),
    "right": (15, 20),
}
"""The legal range of each margin in millimetres (Phụ lục I, I.3)."""

PROFILES = ("14", "13")
"""Size profiles: "14" (Quốc hiệu 13, Tiêu ngữ 14, body 14 pt) and "13" (12, 13, 13)."""

SIZE_RANGES: dict[str, tuple[float, float]] = {
    "national_name": (12, 13),
    "motto": (13, 14),
    "parent": (12, 13),
    "issuer": (12, 13),
    "number": (13, 13),
    "date": (13, 14),
    "type": (13, 14),
    "subject": (13, 14),
    "letter_subject": (12, 13),
    "addressee": (13, 14),
    "body": (13, 14),
    "recipients_label": (12, 12),
    "recipients": (11, 11),
    "signature": (13, 14),
}
"""The size range in points of each element (PL I, Mục V, column "Cỡ chữ")."""

STYLE_SIZES: dict[str, tuple[float, float]] = {
    "BCParent": (13, 12),
    "BCIssuer": (13, 12),
    "BCNationalName": (13, 12),
    "BCMotto": (14, 13),
    "BCNumber": (13, 13),
    "BCPlaceDate": (14, 13),
    "BCTitle": (14, 13),
    "BCSubject": (14, 13),
    "BCLetterSubject": (13, 12),
    "BCAddressee": (14, 13),
    "BCAddresseeLine": (14, 13),
    "BCLegalBasis": (14, 13),
    "BCBody": (14, 13),
    "BCSection": (14, 13),
    "BCItemTitle": (14, 13),
    "BCPart": (14, 13),
    "BCRule": (14, 13),
    "BCTableText": (13, 12),
    "BCTableNumber": (13, 12),
    "BCTableHeading": (13, 12),
    "BCTableTotalText": (13, 12),
    "BCTableTotalNumber": (13, 12),
    "BCRecipientsLabel": (12, 12),
    "BCRecipients": (11, 11),
    "BCSignature": (14, 13),
    "BCSignatureName": (14, 13),
    "BCAppendixLabel": (14, 14),
    "BCAppendixTitle": (14, 13),
    "BCAppendixReference": (14, 13),
    "BCPageNumber": (14, 13),
}
"""The size in points of each style of the default template in the profiles "14" and "13"
(in the order of :data:`PROFILES`). Tables and appendices are not in the decree's table;
their sizes follow the body's profile."""

STYLE_ELEMENTS: dict[str, str] = {
    "BCParent": "parent",
    "BCIssuer": "issuer",
    "BCNationalName": "national_name",
    "BCMotto": "motto",
    "BCNumber": "number",
    "BCPlaceDate": "date",
    "BCTitle": "type",
    "BCSubject": "subject",
    "BCLetterSubject": "letter_subject",
    "BCAddressee": "addressee",
    "BCAddresseeLine": "addressee",
    "BCBody": "body",
    "BCRecipientsLabel": "recipients_label",
    "BCRecipients": "recipients",
    "BCSignature": "signature",
    "BCSignatureName": "signature",
}
"""The element of :data:`SIZE_RANGES` that each style of the default template prints."""

RULE_SHARE: tuple[float, float] = (1 / 3, 1 / 2)
"""The rule under the issuing body and under the trích yếu is 1/3 to 1/2 as long as the
line above it (PL I, II.2.b, II.5.b)."""

DOCUMENT_TYPES: dict[str, str] = {
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "TTr": "Tờ trình",
    "TB": "Thông báo",
    "ĐA": "Đề án",
    "CTr": "Chương trình",
    "HD": "Hướng dẫn",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "PA": "Phương án",
    "DA": "Dự án",
    "GUQ": "Giấy ủy quyền",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
}
"""The tên loại văn bản that use Mẫu 1.4 ("văn bản có tên loại"): the abbreviation of Phụ
lục III, Mục I that goes into the symbol (``BC`` in ``2710/BC-SNV``) → the name printed
above the trích yếu, in normal case."""

# issue 13: the công văn
LETTER_TYPE: tuple[str, str] = ("CV", "Công văn")
"""The công văn (Mẫu 1.5 of Phụ lục III): baocao's ``doc_type`` for it and its name. A công
văn has no type name printed and no abbreviation in Phụ lục III, Mục I: its ký hiệu is the
issuing body's abbreviation and the drafting unit's, ``2917/SGDĐT-VP`` (PL I, II.3.b)."""

LETTER_SUBJECT_PREFIX = "V/v"
""""về việc": the trích yếu of a công văn is printed after it, under "Số:" (ô 5b, PL I,
II.5.b), in normal case, 12–13 pt, upright, centred, 6 pt after the Số line."""

LETTER_SUBJECT_SIZE: tuple[float, float] = SIZE_RANGES["letter_subject"]
"""The size range of the công văn's trích yếu "V/v …" (PL I, II.5.b; Mục V, row 5b); its
style, BC Letter Subject, is 13 pt in profile "14" and 12 pt in profile "13"."""

AUTHORITY_PREFIXES: tuple[str, ...] = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
"""Quyền hạn ký, the prefixes before a signer's title (Điều 13): thay mặt, ký thay, thừa
lệnh, thừa ủy quyền, quyền."""

# issue 12: signatures
SIGNATURE_FORMS: dict[tuple[str, ...], str] = {
    (): "Điều 13.1: the head signs in their own title (GIÁM ĐỐC)",
    ("TM.",): "PL I, II.7.b; Điều 13.2: the head signs for the collective (TM. ỦY BAN NHÂN "
    "DÂN / CHỦ TỊCH)",
    ("Q.",): "PL I, II.7.b: the acting head (Q. GIÁM ĐỐC)",
    ("KT.",): "PL I, II.7.b; Điều 13.1: a deputy signs for the head (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)",
    ("TL.",): "PL I, II.7.b; Điều 13.4: a unit's head by order of the head (TL. GIÁM ĐỐC / "
    "CHÁNH VĂN PHÒNG)",
    ("TUQ.",): "PL I, II.7.b; Điều 13.3: by the head's written authorisation (TUQ. GIÁM ĐỐC "
    "/ TRƯỞNG PHÒNG …)",
    ("TM.", "KT."): "Điều 13.2; PL I, Mục V, row 7: a deputy signs for the head on behalf of "
    "the collective (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)",
    ("TM.", "Q."): "PL I, II.7.b with Điều 13.2: the acting head on behalf of the collective "
    "(TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH)",
    ("TM.", "TL."): "Điều 13.2 with 13.4: by order of the head of a collective body (TM. ỦY BAN "
    "NHÂN DÂN / TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG)",
    ("TM.", "TUQ."): "Điều 13.2 with 13.3: by written authorisation of the head of a "
    "collective body (TM. ỦY BAN NHÂN DÂN / TUQ. CHỦ TỊCH / GIÁM ĐỐC SỞ …)",
    ("TL.", "KT."): "Điều 13.4: the unit's deputy signs for the unit's head by order (TL. BỘ "
    "TRƯỞNG / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG)",
}
"""The chains of authority prefixes a signature block may carry, top line first, each
with the rule of the decree it follows (Điều 13, Phụ lục I, II.7.b and Mục V row 7). Any
other chain is refused; ``signature_form_problem`` says why."""

SIGNATURE_GAP_MIN_MM = 20.0
"""The least height of the space between the signer's title and name (ô 7c): room for a
handwritten signature or its image and the seal over a third of it (PL I, II.7.d, II.8;
Điều 33.1). The decree gives no figure; 20 mm is the smallest that holds a signature."""

SIGNATURE_SEAL_SHARE = 1 / 3
"""The share of the signer's signature image that the body's seal image covers, on its
left (Phụ lục I, II.8.a: "trùm lên khoảng 1/3 hình ảnh chữ ký số … về bên trái")."""

SEPARATE_FILE_SIGNATURE_PT = 10
"""The size of the text of the body's digital signature on an appendix or attachment issued
as a separate file (Phụ lục I, II.8.b) and on an electronic copy (Phụ lục I, Phần II, I.3):
top right of page 1, no image, Times New Roman, upright, black."""

VIETNAM_UTC_OFFSET_HOURS = 7
"""The Vietnam time zone (UTC+07:00) in which the signing time of that text is written,
ISO 8601 (Phụ lục I, II.8.b)."""


def signature_form_problem(chain: tuple[str, ...]) -> str | None:
    """Why a chain of authority prefixes (top line first) is not a form of the decree, or
    None when ``SIGNATURE_FORMS`` holds it.

    >>> signature_form_problem(("TM.", "KT."))
    >>> signature_form_problem(("TUQ.", "KT."))
    'Điều 13.3: one who signs by authorisation (TUQ.) may not hand the signature on'
    """
    if chain in SIGNATURE_FORMS:
        return None
    if len(set(chain)) < len(chain):
        twice = next(prefix for prefix in chain if chain.count(prefix) > 1)
        return f"{twice} twice: each prefix stands once in a signature block"
    if "TM." in chain[1:]:
        return "TM. names the collective: it is the top line of the block"
    for index in range(len(chain) - 1):
        upper, lower = chain[index], chain[index + 1]
        if upper == "TUQ.":
            return "Điều 13.3: one who signs by authorisation (TUQ.) may not hand the signature on"
        if upper == "Q.":
            return "Q. stands before the acting head's own title: no line signs under it"
        if upper == "KT.":
            return "KT. is followed by the deputy's own title, not by another prefix"
        if upper == "TL." and lower != "KT.":
            return "Điều 13.4: a signature by order (TL.) is handed on only to a deputy (KT.)"
    return "more than two levels: the decree stacks at most TM. or TL. above one prefix"


POINT_LETTERS: tuple[str, ...] = tuple("abcdđeghiklmnopqrstuvxy")
"""The letters of points a), b), …: the Vietnamese alphabet without its accented vowels
(ă â ê ô ơ ư) and without f, j, w, z, as in the decree's own Điều 8."""

ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
"""The values of Roman numerals, largest first (I. II. for sections, Phần I, Phụ lục I)."""


def roman(number: int) -> str:
    """The Roman numeral of a positive number (no bound: a caller that prints one bounds
    it; the checker also writes out what a Word list counts to).

    >>> [roman(n) for n in (1, 2, 3, 4, 9, 14, 40, 1994)]
    ['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIV']
    """
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


# --------------------------------------------------------------------------- numbering (issue 12)

UPPER_LETTERS: tuple[str, ...] = tuple(letter.upper() for letter in POINT_LETTERS)
"""The capital letters of a lettered level (``A.``, ``A-``, ``Phần A``): the letters of
:data:`POINT_LETTERS` in capitals, A B C D Đ E G … Y."""

PART_ORDINALS: tuple[str, ...] = (
    "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
    "mười một", "mười hai", "mười ba", "mười bốn", "mười lăm", "mười sáu", "mười bảy",
    "mười tám", "mười chín", "hai mươi",
)  # fmt: skip
"""The ordinal words of "Phần thứ nhất", "Phần thứ hai", … "Phần thứ hai mươi" (thứ tư, not
thứ bốn; thứ nhất, not thứ một)."""

PART_STYLES: tuple[str, ...] = (
    "Phần I",
    "PHẦN I",
    "Phần thứ nhất",
    "PHẦN THỨ NHẤT",
    "Phần A",
    "PHẦN A",
)
"""How a Phần is labelled: "Phần I" is the decree's (PL I, II.6.đ; Mục V, 6b); the others are
common practice: the word in capitals, the ordinal in words, or a capital letter."""

LABEL_STYLES: tuple[str, ...] = ("I.", "I-", "A.", "A-", "1.", "1-", "1)", "a)", "1.1.")
"""How a level under Phần is labelled, each style named by its first label: Roman numerals
(``I.``, the decree's sections), capital letters (``A.``), Arabic numbers (``1.``, the
decree's items), Vietnamese letters (``a)``, the decree's points), each closed by a dot, a
hyphen (``I-``, ``A-``, ``1-``, as some communes write) or a parenthesis; and ``1.1.``, the
decimal number of the level above followed by this level's own (1.1., 1.1.1., …)."""

DECIMAL_STYLE = "1.1."
"""The decimal style: the parent's number, then this level's (``1.2.``, ``1.2.3.``)."""

NUMBERING_SCHEMES: dict[str, tuple[str | None, ...]] = {
    "decree": ("I.", "1.", "a)", None),
    "arabic": ("1.", "a)", None, None),
    "decimal": ("1.", DECIMAL_STYLE, DECIMAL_STYLE, DECIMAL_STYLE),
}
"""The label style of each level under Phần, for each scheme: sections (mục), items
(khoản), points (điểm) and sub-points; ``None`` for a level the scheme does not number.
"decree" is PL I, II.6.đ and Mục V, 6b (I. / 1. / a), then "-" lines); "arabic" numbers the
top level 1., 2. with a), b) under it (no Roman level); "decimal" nests 1., 1.1., 1.1.1.,
1.1.1.1. (common practice, not the decree's)."""


def style_limit(style: str) -> int:
    """How many labels a style has: 23 letters, 3999 Roman numerals, 20 ordinals in words;
    Arabic numbers have no bound a report reaches (one million).

    >>> [style_limit(s) for s in ("a)", "I.", "Phần thứ nhất", "1.")]
    [23, 3999, 20, 1000000]
    """
    if style in ("Phần thứ nhất", "PHẦN THỨ NHẤT"):
        return len(PART_ORDINALS)
    if style[-1] in "Aa" or style[0] in "Aa":
        return len(POINT_LETTERS)
    if "I" in style:
        return 3999
    return 1_000_000


def numbering_label(style: str, numbers: tuple[int, ...]) -> str:
    """The label of a heading in ``style``; ``numbers`` are the 1-based numbers of its
    decimal ancestors and its own, last (only the last counts outside the decimal style).
    The caller keeps each number within :func:`style_limit`.

    >>> [numbering_label(s, (2,)) for s in ("I.", "I-", "A.", "A-", "1.", "1-", "1)", "a)")]
    ['II.', 'II-', 'B.', 'B-', '2.', '2-', '2)', 'b)']
    >>> numbering_label("1.1.", (1, 2, 3))
    '1.2.3.'
    >>> [numbering_label(s, (4,)) for s in PART_STYLES]
    ['Phần IV', 'PHẦN IV', 'Phần thứ tư', 'PHẦN THỨ TƯ', 'Phần D', 'PHẦN D']
    """
    number = numbers[-1]
    if style == DECIMAL_STYLE:
        return "".join(f"{n}." for n in numbers)
    if style.startswith(("Phần", "PHẦN")):
        word, kind = style.split(" ", 1)
        if kind == "I":
            return f"{word} {roman(number)}"
        if kind == "A":
            return f"{word} {UPPER_LETTERS[number - 1]}"
        ordinal = f"thứ {PART_ORDINALS[number - 1]}"
        return f"{word} {ordinal.upper() if word == 'PHẦN' else ordinal}"
    head, close = style[:-1], style[-1]
    if head == "I":
        return roman(number) + close
    if head == "A":
        return UPPER_LETTERS[number - 1] + close
    if head == "a":
        return POINT_LETTERS[number - 1] + close
    return f"{number}{close}"


# --------------------------------------------------------------------------- issue 12: marks

CONFIDENTIALITY_MARKS: tuple[str, ...] = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")
"""Dấu chỉ độ mật (PL I, III.2.a), lowest first: stamped in ô 10a, under "Số:"."""

RECALL_MARK = "TÀI LIỆU THU HỒI"
"""Dấu tài liệu thu hồi (PL I, III.2.a): stamped in ô 11, top right, above the Quốc hiệu."""

URGENCY_MARKS: dict[str, tuple[float, float] | None] = {
    "KHẨN": (20.0, 8.0),
    "THƯỢNG KHẨN": (40.0, 8.0),
    "HỎA TỐC": (30.0, 8.0),
    "HỎA TỐC HẸN GIỜ": None,
}
"""Dấu chỉ mức độ khẩn (PL I, III.2.b) → the stamp's frame in mm (width, height): 20 × 8,
40 × 8 and 30 × 8, bold upper case 13–14 pt in a single-line frame, bright red ink, in ô 10b
under the độ mật mark. The decree names three levels; "HỎA TỐC HẸN GIỜ" (hỏa tốc with a
delivery time) is the fourth that agencies still stamp (Thông tư 01/2011/TT-BNV listed it):
the decree fixes no frame for it, so its frame fits its text."""

CIRCULATION_NOTES: tuple[str, ...] = ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ")
"""Chỉ dẫn về phạm vi lưu hành named by the decree (PL I, III.2.c): ô 11, top right, bold upper
case 13–14 pt in a single-line frame."""

CIRCULATION_RETURN_AFTER = "TRẢ LẠI SAU KHI"
"""The opening of the third usual circulation note ("TRẢ LẠI SAU KHI HỌP (HỘI NGHỊ)"): the
decree's list is open ("như …"), agencies complete this one with the occasion."""

DRAFT_MARK = "DỰ THẢO"
"""The mark of a draft. Nghị định 30 defines no cell for it (Thông tư 01/2011 had ô 12
"chỉ dẫn về dự thảo"); bodies print it bold, above the type name, where the old diagram put
it, so that it reads first and is not taken for part of the header."""

APPENDIX_REFERENCE_WORDS = "Kèm theo"
"""The words that open the reference line of an appendix (PL I, III.1.c; Mẫu 2.1): "(Kèm
theo Văn bản số … ngày … của …)"; a decision's appendix reads "(Ban hành kèm theo …)"."""

UNITS_LABEL = "Đơn vị tính"
"""The label of a units line ("Đơn vị tính: triệu đồng"), right-aligned and italic above the
figures it applies to, as the statistics forms print it."""


# --------------------------------------------------------------------------- issue 14: metadata

METADATA_FIELDS: tuple[tuple[str, str, str, str, int | None], ...] = (
    # (name, Phụ lục VI, Phần II, Mục I number, field name in the decree, type, length)
    ("OrganId", "1.1", "Mã định danh của cơ quan, tổ chức", "String", 13),
    ("OrganName", "7", "Tên cơ quan, tổ chức ban hành văn bản", "String", 200),
    ("CodeNumber", "4", "Số của văn bản", "String", 11),
    ("CodeNotation", "5", "Ký hiệu của văn bản", "String", 30),
    ("IssuedDate", "6", "Ngày, tháng, năm văn bản", "Date", 10),
    ("TypeName", "3", "Tên loại văn bản", "String", 100),
    ("Subject", "8", "Trích yếu nội dung", "String", 500),
    ("Language", "9", "Ngôn ngữ", "String", 30),
    ("PageAmount", "10", "Số trang của văn bản", "Number", 3),
    ("Position", "12.1", "Chức vụ của người ký văn bản (SignerInfo)", "String", 100),
    ("FullName", "12.2", "Họ và tên người ký văn bản (SignerInfo)", "String", 50),
    ("To", "13.2", "Tên cơ quan, tổ chức nhận văn bản (Nơi nhận)", "String", 200),
    ("Priority", "14", "Mức độ khẩn, độ mật", "Number", 1),
    ("IssuedAmount", "15", "Số lượng bản phát hành", "Number", 3),
    ("DueDate", "16", "Hạn trả lời văn bản", "Date", 10),
)
"""The input fields of an outgoing document (dữ liệu quản lý văn bản đi, Phụ lục VI, Phần II,
Mục I) that a rendered report carries, in the decree's spelling, with their number in the
table, their Vietnamese name, type and greatest length. Position and FullName are the two
parts of SignerInfo (12); To (13) is a list, one OrganName (13.2) for each addressee."""

METADATA_LANGUAGE = "vi"
"""Ngôn ngữ (field 9): the language of the text, as a BCP 47 tag."""

PRIORITY_CODES: dict[str | None, int] = {
    None: 0,
    "KHẨN": 1,
    "THƯỢNG KHẨN": 2,
    "HỎA TỐC": 3,
    "HỎA TỐC HẸN GIỜ": 4,
}
"""Priority (field 14, "Mức độ khẩn, độ mật", a Number of one digit) from the urgency mark:
the decree fixes the type and not the codes, so baocao numbers the levels of PL I, III.2.b
in their order, 0 for a document without a mark."""
