"""The header and the footer of a report as plain data (the loader's format): the issuing
body, number and symbol, place and date, type and subject, Kính gửi, Nơi nhận, the filing
line and the signature block, read from the checker's :class:`Elements`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .._nd30 import DOCUMENT_TYPES
from .._text import nfc

__all__ = ["Notes", "footer_data", "header_data"]


class Notes:
    """What the importer inferred and what it was unsure of, in order."""

    def __init__(self) -> None:
        self.inferred: list[str] = []
        self.unsure: list[str] = []

    def infer(self, line: str) -> None:
        self.inferred.append(line)

    def doubt(self, line: str) -> None:
        self.unsure.append(line)


_NUMBER = re.compile(r"^Số\s*[:.]?\s*(?P<number>[\d\s\u00a0.…]*)/(?P<symbol>\S+)\s*$")
_DATE = re.compile(
    r"^(?:(?P<place>.*?),\s*)?ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+"
    r"năm\s+(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)
_TYPES = {nfc(name).casefold(): abbr for abbr, name in DOCUMENT_TYPES.items()}


def _texts(fragments: Sequence[Any]) -> list[str]:
    return [f.text for f in fragments if f.text]


def header_data(elements: Any, notes: Notes) -> dict[str, Any]:
    """The fields of ô 1–5 and Kính gửi (``addressees``) found in ``elements``."""
    data: dict[str, Any] = {}
    issuer: dict[str, Any] = {}
    name = _texts(elements.issuer)
    if name:
        issuer["name"] = "\n".join(name)
        notes.infer(f"issuer.name from the header: {' / '.join(name)}")
    else:
        issuer["name"] = "Cơ quan ban hành"
        notes.doubt("issuer.name: no issuing body found above 'Số:'; a placeholder is written")
    parent = _texts(elements.parent)
    if parent:
        issuer["parent"] = "\n".join(parent)
        notes.infer(f"issuer.parent from the header: {' / '.join(parent)}")
    doc_type = "BC"
    if elements.type_name is not None:
        doc_type = _TYPES.get(nfc(elements.type_name.text).casefold(), "BC")
        data["doc_type"] = doc_type
        notes.infer(f"doc_type from the title {elements.type_name.text!r}: {doc_type}")
    else:
        notes.doubt("doc_type: no type name (BÁO CÁO, KẾ HOẠCH, …) found; BC assumed")
    abbreviation = "CQ"
    number = elements.number.text if elements.number is not None else ""
    match = _NUMBER.match(number)
    if match:
        digits = re.sub(r"\D", "", match["number"])
        if digits:
            data["number"] = int(digits)
        else:
            notes.infer("number: left blank (a draft or a number to be given)")
        symbol = match["symbol"]
        head, _, rest = symbol.partition("-")
        if rest and head == doc_type:
            abbreviation = rest
        elif rest:
            abbreviation = rest
            notes.doubt(f"the symbol {symbol!r} does not begin with the type's {doc_type}")
        notes.infer(f"number and symbol from {number!r}")
    else:
        notes.doubt("number: no line 'Số: …/…' found")
        data["number_and_date"] = elements.date is not None
    issuer["abbreviation"] = abbreviation
    data["issuer"] = issuer
    date = elements.date.text if elements.date is not None else ""
    found = _DATE.match(date)
    if found:
        if found["place"]:
            data["place"] = found["place"].strip()
        data["date"] = f"{int(found['year']):04d}-{int(found['month']):02d}-{int(found['day']):02d}"
        notes.infer(f"place and date from {date!r}")
    elif date:
        place = date.split(",")[0].strip()
        if place and "ngày" not in place:
            data["place"] = place
        notes.doubt(f"date: {date!r} has no full date; left blank")
    subject = " ".join(_texts(elements.subject))
    if subject.startswith("V/v"):
        notes.doubt("the subject begins with 'V/v' (a letter's, Mẫu 1.5)")
    data["subject"] = subject or "Báo cáo"
    if not subject:
        notes.doubt("subject: no trích yếu found; a placeholder is written")
    addressees = _addressees(_texts(elements.addressee))
    if addressees:
        data["addressees"] = addressees
        notes.infer(f"addressees from Kính gửi: {len(addressees)}")
    return data


def _strip_line(text: str) -> str:
    text = text.strip()
    if text[:1] in "-–—•+":
        text = text[1:].strip()
    return text.rstrip(";").rstrip()


def _addressees(lines: list[str]) -> list[str]:
    if not lines:
        return []
    first = re.sub(r"^Kính\s+gửi\s*:?\s*", "", lines[0], flags=re.IGNORECASE).strip()
    out = [first] if first else []
    out += [_strip_line(line) for line in lines[1:]]
    out = [line.removesuffix(".") if len(out) > 1 else line for line in out]
    return [line for line in out if line]


_FILING = re.compile(
    r"^Lưu\s*:\s*VT(?P<units>(?:,\s*[^,]+?)*?)(?:,\s*(?P<copies>\d{2,3})|\s*\((?P<b>\d{1,3})b\))?"
    r"(?:\.\s+(?P<drafter>[^.]+?)\.(?:\((?P<issued>\d{1,6})\))?)?\.?$"
)


def footer_data(elements: Any, has_addressees: bool, notes: Notes) -> dict[str, Any]:
    """Nơi nhận (``recipients``, ``filing``) and the signature block (``signatory``)."""
    data: dict[str, Any] = {}
    lines = [_strip_line(text) for text in _texts(elements.recipients)]
    recipients: list[str] = []
    for index, line in enumerate(lines):
        filing = _FILING.match(line) if index == len(lines) - 1 else None
        if filing:
            data["filing"] = _filing(filing)
            notes.infer(f"filing from {line!r}")
            continue
        if index == 0 and has_addressees and nfc(line).casefold().rstrip(".") == "như trên":
            continue
        recipients.append(line.removesuffix(".") if index == len(lines) - 1 else line)
    if recipients:
        data["recipients"] = recipients
        notes.infer(f"recipients from Nơi nhận: {len(recipients)}")
    data["signatory"] = _signatory(elements, notes)
    return data


def _filing(match: re.Match[str]) -> dict[str, Any]:
    filing: dict[str, Any] = {}
    units = [u.strip() for u in match["units"].split(",") if u.strip()]
    if units:
        filing["unit"] = units[0]
    if units[1:]:
        filing["more_units"] = units[1:]
    if match["copies"]:
        filing["copies"] = int(match["copies"])
    if match["b"]:
        filing["copies"] = int(match["b"])
        filing["copies_form"] = "b"
    if match["drafter"]:
        filing["drafter"] = match["drafter"].strip()
    if match["issued"]:
        filing["issued"] = int(match["issued"])
    return filing


_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")


def _split(line: str) -> tuple[str | None, str]:
    for prefix in _PREFIXES:
        if line.startswith(prefix + " "):
            return prefix, line[len(prefix) :].strip()
    return None, line


def _signatory(elements: Any, notes: Notes) -> dict[str, Any]:
    """The signer's lines read back into a Signatory: the last line is the title (or
    ``Q. …``), the one above it the quyền hạn, above that TM. (the collective) or TL."""
    lines = [t for t in _texts(elements.signature) if not t.startswith("(")]
    name = elements.signer.text if elements.signer is not None else ""
    if name and name == nfc(name.upper()) and name != name.lower():  # a title, no name
        lines.append(name)
        name = ""
    signatory: dict[str, Any] = {"name": name or "Người ký", "title": "Thủ trưởng"}
    if not name:
        notes.doubt("signatory.name: no signer found; a placeholder is written")
    if not lines:
        notes.doubt("signatory.title: no title line found; a placeholder is written")
        return signatory
    cut = len(lines) - 1  # the title: the last lines up to one with a prefix
    while cut > 0 and _split(lines[cut - 1])[0] is None:
        cut -= 1
    prefix, title = _split("\n".join(lines[cut:]))
    rest = lines[:cut]
    if prefix == "Q.":
        signatory.update(authority="Q.", title=title)
    else:
        signatory["title"] = "\n".join(lines[cut:])
        if prefix is not None:
            notes.doubt(f"signatory.title {lines[cut]!r} begins with {prefix}")
        if rest:
            above, head = _split(rest[-1])
            if above in ("TM.", "KT.", "TL.", "TUQ."):
                signatory.update(authority=above, acting_for=head)
                rest = rest[:-1]
    for line in rest:
        above, head = _split(line)
        if above == "TM." and "collective" not in signatory:
            signatory["collective"] = head
        elif above == "TL." and "by_order_of" not in signatory:
            signatory["by_order_of"] = head
        else:
            notes.doubt(f"signature line {line!r} kept in the title")
            signatory["title"] = f"{line}\n{signatory['title']}"
    notes.infer(f"signatory from the signature block: {' / '.join(lines)} / {name}")
    return signatory
