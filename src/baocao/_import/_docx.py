"""``import_docx``: any .docx report read into a :class:`~baocao.Report`.

The document is read by the checker (``_check.parse``: the OOXML layer, then the parts
found by their content wherever the layout puts them); the parts are mapped to the
model's fields as plain data and loaded by ``_model.load``, so a value the model refuses
is named by its field path.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._check import parse
from .._errors import ValidationError
from .._model import DocumentType, load
from .._nd30 import MOTTO, NATIONAL_NAME
from .._ooxml import Span
from .._words import fix_text, font_encoding
from ._body import body_data
from ._header import Notes, footer_data, header_data
from ._result import ImportResult

__all__ = ["import_docx"]


def import_docx(source: Any) -> ImportResult:
    """Read the .docx ``source`` (a path, bytes or a binary stream) into a report.

    >>> import baocao
    >>> report = baocao.load({
    ...     "issuer": {"name": "Sở Nội vụ", "abbreviation": "SNV"}, "number": 5,
    ...     "place": "Hà Nội", "date": "2026-03-05", "subject": "Kết quả quý I",
    ...     "signatory": {"title": "Giám đốc", "name": "Nguyễn Văn A"},
    ...     "sections": [{"title": "Kết quả", "body": ["Đã hoàn thành."]}]})
    >>> result = baocao.import_docx(baocao.render(report))
    >>> result.report.number, result.report.symbol, result.report.sections[0].title
    (5, 'BC-SNV', 'KẾT QUẢ')

    Raises:
        NotADocxError: ``source`` is not a .docx.
        ValidationError: what was read is not a valid report (the field path is named).
    """
    doc = parse(source)
    notes = Notes()
    legacy = _repair_legacy(doc)
    if legacy:
        notes.infer(f"legacy text converted to Unicode in {legacy} run(s), by their fonts")
    elements = doc.elements
    data = header_data(elements, notes)
    _issuer_case(data["issuer"], elements, notes)
    body = body_data(elements.content, notes)
    data.update(body)
    data.update(footer_data(elements, bool(data.get("addressees")), notes))
    appendices = []
    for found in elements.appendices:
        title = " ".join(p.text.strip() for p in found.title) or found.label.text.strip()
        appendix: dict[str, Any] = {"title": title}
        inner = body_data(found.content, notes, bases=False)
        if "opening" in inner:
            appendix["body"] = inner["opening"]
        if "sections" in inner:
            appendix["sections"] = inner["sections"]
        if "parts" in inner:
            notes.doubt(f"appendix {title!r}: its Phần are kept as paragraphs")
            appendix.setdefault("body", []).extend(p["title"] for p in inner["parts"])
        if "body" not in appendix and "sections" not in appendix:
            appendix["body"] = [title]
        appendices.append(appendix)
    if appendices:
        data["appendices"] = appendices
        notes.infer(f"appendices: {len(appendices)}")
    _account_for_every_sentence(doc, data, notes)
    if not any(k in data for k in ("opening", "sections", "parts")):
        data["opening"] = [data["subject"]]
        notes.doubt("no content found: the subject is written as the only paragraph")
    try:
        report = load(data)
    except ValidationError as error:
        raise type(error)(
            error.value, f"{error.reason} (read from the document)", path=error.path
        ) from None
    return ImportResult(report=report, inferred=notes.inferred, unsure=notes.unsure)


def _issuer_case(issuer: dict[str, Any], elements: Any, notes: Notes) -> None:
    """The issuing body as typed, when an appendix's "(Kèm theo … của …)" line names it:
    the header prints it in capitals."""
    printed = issuer["name"]
    for found in elements.appendices:
        if found.reference is None:
            continue
        text = found.reference.text.strip().removesuffix(")")
        _, mark, typed = text.rpartition(" của ")
        typed = typed.strip()
        if mark and " ".join(typed.upper().split()) == " ".join(printed.split()):
            issuer["name"] = typed
            notes.infer(f"issuer.name in its case from the appendix line: {typed!r}")
            return


def _repair_legacy(doc: Any) -> int:
    """Convert the runs typed in a legacy font (.VnTime: TCVN3, VNI-Times: VNI) to Unicode,
    before the parts are found: their words are only readable once converted."""
    count = 0
    paras = []
    for para in doc.paragraphs:
        spans = []
        changed = False
        for span in para.spans:
            font = span.fmt.ascii.name
            if span.text and font_encoding(font) is not None:
                spans.append(Span(fix_text(span.text, font=font), span.fmt))
                changed = True
                count += 1
            else:
                spans.append(span)
        paras.append(attrs.evolve(para, spans=tuple(spans)) if changed else para)
    if count:
        doc.paragraphs = tuple(paras)
    return count


_WORD = re.compile(r"[^\W\d_]+")
_LABEL_WORDS = (
    "số ngày tháng năm kính gửi nơi nhận như trên lưu vt phần phụ lục kèm theo của tm kt tl "
    "tuq q ký thay thừa lệnh ủy quyền mặt"
)
_PRINTED_BY_BAOCAO = frozenset(
    " ".join((NATIONAL_NAME, MOTTO, _LABEL_WORDS, *(t.title for t in DocumentType)))
    .casefold()
    .split()
)
"""Words that baocao prints itself (the Quốc hiệu, the type names, the labels): the
importer reads them into fields, not texts."""


def _words(value: object) -> set[str]:
    if isinstance(value, str):
        return {w.casefold() for w in _WORD.findall(value)}
    if isinstance(value, dict):
        return set().union(*(_words(v) for v in value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*(_words(v) for v in value)) if value else set()
    return set()


_LABEL = re.compile(r"^\s*(?:[IVXLCDM]+[.-]|[A-ZĐ][.-]|\d+(?:\.\d+)*[.)-]?|[a-zđ]\)|[-+])\s+")
"""A label baocao prints before a text (I., A-, 1.1., a), -, +): the model's numbering."""


def _account_for_every_sentence(doc: Any, data: dict[str, Any], notes: Notes) -> None:
    """Nothing is lost without a word: a paragraph of the source with a word that is in
    no field of what was read is named among the ``unsure`` lines ("not kept: …")."""
    kept = _words(data) | _PRINTED_BY_BAOCAO
    for para in doc.paragraphs:
        text = " ".join(para.text.split())
        missing = sorted(_words(_LABEL.sub("", text)) - kept)
        if missing:
            notes.doubt(f"not kept: {text[:80]!r} (its words {', '.join(missing[:5])})")
