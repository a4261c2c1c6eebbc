"""Check any .docx against the format of Nghị định 30/2020/NĐ-CP, Phụ lục I.

:func:`check` reads a .docx, whoever made it, and returns a list of :class:`Finding`: what
does not follow the decree, where, what was found and what is expected::

    >>> import baocao, datetime
    >>> from baocao._check import check
    >>> report = baocao.Report(
    ...     issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"), number=15,
    ...     place="Hà Nội", date=datetime.date(2026, 3, 5),
    ...     subject="Kết quả thực hiện nhiệm vụ quý I năm 2026",
    ...     signatory=baocao.Signatory(title="Giám đốc", name="Nguyễn Văn A"),
    ...     sections=[baocao.Section(title="Kết quả", body=["Đã hoàn thành."])])
    >>> check(baocao.render(report))
    []

How a document is read (the reading is the OOXML layer, ``baocao._ooxml``; this module
adds the parts of the report, found by :mod:`._finder`):

* The parts of a report are found by their **content**, wherever the layout puts them
  (table cells, plain paragraphs, text boxes, Word frames, tab-separated columns of one
  line): the
  Quốc hiệu line, the Tiêu ngữ, "Số:", the line "…, ngày … tháng … năm …", the type name
  of Mẫu 1.4 (BÁO CÁO, KẾ HOẠCH, …), "Kính gửi:", "Nơi nhận:" and the signature block
  beside it. Word's automatic numbering is computed, so "I.", "1." and "a)" count whether
  typed or generated.
* The formatting of each run is its **effective** formatting, resolved like Word does: the
  run's own properties, its character style, the paragraph style, the table style, each
  through its ``basedOn`` chain, then the document defaults (``docDefaults``). Bold, italic
  and caps toggle between style levels (ECMA-376 §17.7.3). Theme fonts
  (``asciiTheme="minorHAnsi"``) are looked up in the theme, so a Calibri body is caught.
  A font slot that nothing sets is Word's default, Times New Roman.
* Lengths (the rules under the Tiêu ngữ, the issuing body and the trích yếu) are measured
  with Times New Roman metrics (:mod:`baocao._ooxml`), superscript at 58 % as LibreOffice
  prints it; no LibreOffice is run.
* Every number in the XML is read within the bounds Word keeps (``baocao._ooxml.bounded_number``): a
  400-digit margin or a list start of 10¹¹ is the largest Word allows, a size that is not a
  number is not set. Only a file that cannot be read at all raises (``ValidationError``).

The rules themselves are data: see :mod:`baocao._check._rules` and ``docs/conformance.md``.
"""

from __future__ import annotations

import functools
import os
from typing import BinaryIO, Union

from .._files import read_docx
from .._ooxml import DocxPackage, WordDocument
from ._finder import Elements, find_elements

__all__ = ["DocxInput", "ParsedDocument", "parse"]

DocxInput = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]


class ParsedDocument(WordDocument):
    """A .docx read for checking: the :class:`~baocao._ooxml.WordDocument` (paragraphs with
    effective formatting, sections, headers and footers) and the parts of the report in it."""

    @functools.cached_property
    def elements(self) -> Elements:
        """The parts of the report (see :func:`~baocao._check._finder.find_elements`)."""
        return find_elements(self)


def parse(docx: DocxInput) -> ParsedDocument:
    """Read a .docx (path, bytes or binary stream) for checking.

    Raises:
        ValidationError: the input is not a .docx (not a ZIP archive, no document part,
            broken XML, an old .doc, a Strict Open XML file) or the path does not exist.
        InvalidTypeError: the input is neither a path, bytes nor a binary stream.
    """
    data, shown = read_docx(docx)
    return ParsedDocument(DocxPackage(data, shown))
