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
- the document types of Mẫu 1.4 with their abbreviations (Phụ lục III, Mục I), and the
  authority prefixes of a signature (Điều 13), the chains of them a signature block may
  stack (``SIGNATURE_FORMS``) and why any other chain is refused.

Nothing here imports anything: every wing may read it.
"""

from __future__ import annotations

__all__ = [
    "AUTHORITY_PREFIXES",
    "DOCUMENT_TYPES",
    "MARGIN_RANGES",
    "MOTTO",
    "NATIONAL_NAME",
    "NATIONAL_NAME_VARIANTS",
    "POINT_LETTERS",
    "PROFILES",
    "ROMAN",
    "RULE_SHARE",
    "SIGNATURE_FORMS",
    "SIGNATURE_GAP_MIN_MM",
    "SIZE_RANGES",
    "STYLE_ELEMENTS",
    "STYLE_SIZES",
    "roman",
    "signature_form_problem",
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
