"""The example reproduces the real report 2710/BC-SNV, word for word.

The seed is the report as published (``tests/data/2710-BC-SNV.txt``, without the
website's first line and its "HIỆU LỰC VĂN BẢN" tail). The rendered .docx must hold
every line of it, in order, except where baocao corrects it on purpose:

* numbering comes from the order of the tree: the seed's sections I, III, III become
  I, II, III and its points "d)" before "c)" become c), d);
* percentages are written one way, "47,67%" (the seed mixes "47,67 %" and "32,59%");
* the subject (trích yếu) is printed in normal case, as the decree asks (the website
  shows it upper case);
* Nơi nhận starts with "- Như trên;" because the report has a Kính gửi (Phụ lục I,
  II.9.b) — the seed repeats the addressee instead.
"""

from __future__ import annotations

import re
import runpy
from typing import Any

from docx.oxml.ns import qn

import baocao
from baocao._ooxml import paragraph_text

from .conftest import ROOT, SEED, open_docx

LABEL = re.compile(r"^(?:[IVXLC]+\.|\d+\.|[a-zđ]\)|Phần [IVXLC]+)\s+")


def _seed_lines() -> list[str]:
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    start = lines.index("ỦY BAN NHÂN DÂN")
    end = lines.index("Trương Văn Lắm") + 1
    return [
        line for line in lines[start:end] if line and line != "\u00a0" and not set(line) <= {"-"}
    ]


def _rendered_lines(data: bytes) -> list[str]:
    body = open_docx(data).element.body
    out = []
    for paragraph in body.iter(qn("w:p")):
        for line in paragraph_text(paragraph).split("\n"):
            if line.strip():
                out.append(line.strip())
    return out


def _normalise(line: str) -> str:
    return re.sub(r"(\d) %", r"\1%", LABEL.sub("", line))


def test_every_line_of_the_seed_is_rendered_in_order(
    example_docx: bytes, example_report: baocao.Report
) -> None:
    rendered = [_normalise(line) for line in _rendered_lines(example_docx)]
    subject = example_report.subject
    position = -1
    for line in _seed_lines():
        wanted = _normalise(line)
        if line.upper() == subject.upper():
            wanted = subject
        if line == "- Ủy ban nhân dân Thành phố;":
            wanted = "- Như trên;"
        assert wanted in rendered[position + 1 :], f"missing or out of order: {line!r}"
        position = rendered.index(wanted, position + 1)


def test_numbering_is_corrected(example_docx: bytes) -> None:
    lines = _rendered_lines(example_docx)
    sections = [line for line in lines if re.match(r"^[IVX]+\. ", line)]
    assert sections == [
        "I. KẾT QUẢ TRIỂN KHAI THỰC HIỆN",
        "II. NHẬT XÉT, ĐÁNH GIÁ",
        "III. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert any(line.startswith("c) Kinh phí đào tạo") for line in lines)
    assert any(line.startswith("d) Số lượng, chất lượng") for line in lines)


def test_amounts_and_rates_come_from_the_library(example_docx: bytes) -> None:
    text = "\n".join(_rendered_lines(example_docx))
    assert (
        "4.607.678.000 đồng (Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng)."
    ) in text
    amount = baocao.words_to_money("Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng")
    assert amount == 4607678000
    for rate in ("47,67%", "40,60%", "59,41%", "269,49%", "32,59%"):
        assert rate in text
    assert " %" not in text


def test_python_example_builds_the_same_report(example_report: baocao.Report) -> None:
    namespace: dict[str, Any] = runpy.run_path(str(ROOT / "examples" / "2710_bc_snv.py"))
    assert namespace["build"]() == example_report
