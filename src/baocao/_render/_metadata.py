"""The metadata of Phụ lục VI (issue 14, §2): what a report tells the document-management
system about itself, in the field names of Nghị định 30/2020, Phụ lục VI, Phần II, Mục I
(``_nd30.METADATA_FIELDS``).

One value, three places: :func:`report_metadata` makes it from a :class:`~baocao.Report`
as a plain dict (the JSON that ``baocao metadata`` prints); :func:`flatten` gives it as
named properties for a .docx's custom properties and the PDF's XMP (SignerInfo's parts as
``SignerInfo.Position`` and ``SignerInfo.FullName``, the i-th addressee as
``To.i.OrganName``); :func:`unflatten` reads it back. Fields the report does not know are
left out: the number of a draft (given by the system at issuing, Điều 15.3), the page count
of a .docx (only the PDF knows it), the body's identifier when it is not given.

>>> import baocao, datetime
>>> report = baocao.Report(
...     issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV", organ_id="000.00.31.H29"),
...     number=5, place="Hà Nội", date=datetime.date(2026, 3, 5),
...     subject="Kết quả công tác văn thư", addressees=["Bộ Nội vụ"],
...     signatory=baocao.Signatory(name="Nguyễn Văn A", title="Giám đốc"),
...     sections=[baocao.Section(title="Kết quả", body=["Đã xong."])],
...     urgency="KHẨN",
... )
>>> meta = report_metadata(report)
>>> meta["CodeNumber"], meta["CodeNotation"], meta["IssuedDate"], meta["Priority"]
('05', 'BC-SNV', '2026-03-05', 1)
>>> meta["SignerInfo"], meta["To"]
({'Position': 'Giám đốc', 'FullName': 'Nguyễn Văn A'}, [{'OrganName': 'Bộ Nội vụ'}])
>>> unflatten(dict(flatten(meta))) == meta
True
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import _model as m
from .._errors import ValidationError
from .._files import read_docx
from .._nd30 import METADATA_FIELDS, METADATA_LANGUAGE, PRIORITY_CODES
from .._ooxml import CUSTOM_PART, CustomValue, open_docx, read_custom_properties
from ._pdfa import pdf_properties

__all__ = [
    "DATE_FIELDS",
    "FIELD_NAMES",
    "flatten",
    "metadata",
    "report_metadata",
    "unflatten",
]

#: The fields' names, in the order of ``_nd30.METADATA_FIELDS``.
FIELD_NAMES: tuple[str, ...] = tuple(row[0] for row in METADATA_FIELDS)
DATE_FIELDS = frozenset(row[0] for row in METADATA_FIELDS if row[3] == "Date")
NUMBER_FIELDS = frozenset(row[0] for row in METADATA_FIELDS if row[3] == "Number")
_SIGNER = ("Position", "FullName")
_TO = re.compile(r"To\.([1-9][0-9]*)\.OrganName")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def report_metadata(report: m.Report) -> dict[str, Any]:
    """The fields of Phụ lục VI, Phần II, Mục I that ``report`` knows, in the decree's order."""
    meta: dict[str, Any] = {}
    if report.issuer.organ_id is not None:
        meta["OrganId"] = report.issuer.organ_id
    meta["OrganName"] = _one_line(report.issuer.name)
    if report.number is not None and report.number_and_date:
        meta["CodeNumber"] = f"{report.number:02d}"
    meta["CodeNotation"] = report.symbol
    if report.date is not None and report.number_and_date:
        meta["IssuedDate"] = report.date.isoformat()
    meta["TypeName"] = report.doc_type.title
    meta["Subject"] = _one_line(report.subject)
    meta["Language"] = METADATA_LANGUAGE
    meta["SignerInfo"] = {
        "Position": _one_line(report.signatory.title),
        "FullName": _one_line(report.signatory.name),
    }
    names: list[str] = []
    for name in (*report.addressees, *report.recipients):
        line = _one_line(name)
        if line.casefold() not in {n.casefold() for n in names}:
            names.append(line)
    if names:
        meta["To"] = [{"OrganName": name} for name in names]
    meta["Priority"] = PRIORITY_CODES[None if report.urgency is None else report.urgency.value]
    if report.filing.issued is not None:
        meta["IssuedAmount"] = report.filing.issued
    if report.due_date is not None:
        meta["DueDate"] = report.due_date.isoformat()
    return meta


def flatten(meta: Mapping[str, Any]) -> list[tuple[str, CustomValue]]:
    """``meta`` as named properties, dates as :class:`datetime.date`, in the decree's order."""
    flat: list[tuple[str, CustomValue]] = []
    for name in FIELD_NAMES:
        if name in _SIGNER:
            value = (meta.get("SignerInfo") or {}).get(name)
            if value is not None:
                flat.append((f"SignerInfo.{name}", str(value)))
        elif name == "To":
            for index, organ in enumerate(meta.get("To") or (), start=1):
                flat.append((f"To.{index}.OrganName", str(organ["OrganName"])))
        elif meta.get(name) is not None:
            value = meta[name]
            if name in DATE_FIELDS:
                flat.append((name, _dt.date.fromisoformat(str(value))))
            elif name in NUMBER_FIELDS:
                flat.append((name, int(value)))
            else:
                flat.append((name, str(value)))
    return flat


def unflatten(props: Mapping[str, CustomValue | str]) -> dict[str, Any]:
    """The metadata in named properties ``props`` (others are ignored), as
    :func:`report_metadata` gives it."""
    meta: dict[str, Any] = {}
    organs: dict[int, str] = {}
    for key, value in props.items():
        found = _TO.fullmatch(key)
        if found is not None:
            organs[int(found.group(1))] = str(value)
    for name in FIELD_NAMES:
        if name in _SIGNER:
            signer = props.get(f"SignerInfo.{name}")
            if signer is not None:
                meta.setdefault("SignerInfo", {})[name] = str(signer)
        elif name == "To":
            if organs:
                meta["To"] = [{"OrganName": organs[i]} for i in sorted(organs)]
        elif name in props:
            value = props[name]
            if name in DATE_FIELDS:
                meta[name] = value.isoformat() if isinstance(value, _dt.date) else str(value)
            elif name in NUMBER_FIELDS:
                try:
                    meta[name] = int(value)  # type: ignore[arg-type]
                except (TypeError, ValueError):
                    continue
            else:
                meta[name] = str(value)
    return meta


def _from_docx(data: bytes, shown: str) -> dict[str, Any]:
    package = open_docx(data, shown, validate=False)
    if CUSTOM_PART not in package.names:
        return {}
    return unflatten(read_custom_properties(package.xml(CUSTOM_PART)))


def metadata(source: object) -> dict[str, Any]:
    """The fields of Phụ lục VI, Phần II, Mục I that ``source`` carries, as a plain dict
    (what ``baocao metadata FILE`` prints as JSON).

    ``source`` is a :class:`~baocao.Report`, or a file (a path, bytes or a binary stream):
    a report in YAML or JSON (its fields, from the model), a .docx rendered with
    ``metadata=True`` (its custom properties) or a PDF from :func:`~baocao.to_pdf` (its
    XMP, with PageAmount). A document without them gives ``{}``.

    Raises:
        ValidationError: the file is none of these, or cannot be read.
    """
    if isinstance(source, m.Report):
        return report_metadata(source)
    if isinstance(source, (str, os.PathLike)) and Path(source).suffix.lower() in (
        ".yaml",
        ".yml",
        ".json",
    ):
        return report_metadata(m.load(source))
    data, shown = read_docx(source, path="source")
    if data.startswith(b"%PDF"):
        return unflatten(pdf_properties(data))
    if data.startswith(b"PK"):
        return _from_docx(data, shown)
    raise ValidationError(shown, "is not a report (.yaml, .json), a .docx or a PDF", path="source")
