"""``baocao.import_docx`` (issue 15, §2): a .docx report read back into the model.

For baocao's own documents, ``import_docx(render(r))`` renders to the same text as ``r``
and gives back its header fields; the body comes back in the documented normal form
(texts as printed: headings in capitals, amounts and dates as their words; a paragraph
after a heading belongs to the innermost one). For documents made elsewhere (built here
with python-docx), every sentence survives.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
from hypothesis import given, settings

import baocao

from ..conftest import ROOT
from ..strategies import document_paragraphs, reports, simple_texts

EXAMPLE = ROOT / "examples" / "2710-BC-SNV.yaml"


def _texts(data: bytes) -> list[str]:
    return [t for t in document_paragraphs(data) if t.strip()]


def _same_head(back: baocao.Report, report: baocao.Report) -> None:
    """The fields read back as they were: number, symbol, date, type, Kính gửi, signer."""
    assert (back.number, back.symbol, back.date) == (report.number, report.symbol, report.date)
    assert back.doc_type == report.doc_type
    assert back.addressees == tuple(a.strip() for a in report.addressees)
    assert back.signatory.name == report.signatory.name.strip()


def test_the_example_imports_to_the_same_text() -> None:
    report = baocao.load(EXAMPLE)
    rendered = baocao.render(report)
    result = baocao.import_docx(rendered)
    back = result.report
    assert _texts(baocao.render(back)) == _texts(rendered)
    _same_head(back, report)
    assert back.place == report.place
    assert back.recipients == report.recipients
    assert back.signatory.name == report.signatory.name
    assert back.issuer.name == report.issuer.name.upper()
    assert [s.title for s in back.sections] == [s.title.upper() for s in report.sections]
    assert result.inferred
    assert not result.unsure
    assert baocao.check(baocao.render(back)) == baocao.check(rendered)


def test_the_yaml_of_an_import_reads_back() -> None:
    back = baocao.import_docx(baocao.render(baocao.load(EXAMPLE))).report
    assert baocao.loads(baocao.dumps(back)) == back


@settings(max_examples=12)
@given(reports(simple_texts))
def test_generated_reports_import_to_the_same_text(report: baocao.Report) -> None:
    rendered = baocao.render(report)
    back = baocao.import_docx(rendered).report
    # every character in the same order: white space at the ends of a text, and the line
    # break before a "./." that follows one, are not kept (the documented normal form)
    assert _bare(_texts(baocao.render(back))) == _bare(_texts(rendered))
    _same_head(back, report)


# --------------------------------------------------------------------------- made elsewhere

SENTENCES = [
    "Năm 2025, Sở đã hoàn thành các nhiệm vụ được giao.",
    "Tiếp nhận 1.204 văn bản đến và 860 văn bản đi.",
    "Số hóa 12.000 trang tài liệu lưu trữ.",
    "Một số đơn vị còn chậm gửi báo cáo.",
    "Tiếp tục triển khai phần mềm quản lý văn bản.",
]


def _made_elsewhere(*, numbered: bool) -> bytes:
    """A report typed in Word: the header as tab-separated paragraphs, typed numbering."""
    document = docx.Document()
    add = document.add_paragraph
    add("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    add("SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc").runs[0].bold = True
    add("Số: 12/BC-SNV\tNam Định, ngày 15 tháng 01 năm 2026")
    add("BÁO CÁO").runs[0].bold = True
    add("Kết quả công tác văn thư, lưu trữ năm 2025").runs[0].bold = True
    add("Kính gửi: Bộ Nội vụ")
    add(SENTENCES[0])
    if numbered:
        add("I. KẾT QUẢ ĐẠT ĐƯỢC").runs[0].bold = True
        add("1. Công tác văn thư").runs[0].bold = True
        add("a) " + SENTENCES[1])
        add("b) " + SENTENCES[2])
        add("II. TỒN TẠI").runs[0].bold = True
        add("- " + SENTENCES[3])
        add("III. PHƯƠNG HƯỚNG").runs[0].bold = True
        add(SENTENCES[4] + "/.")
    else:
        for sentence in SENTENCES[1:]:
            add(sentence)
    add("Nơi nhận:\tGIÁM ĐỐC")
    add("- Như trên;")
    add("- Lưu: VT.")
    add("\tTrần Văn B")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _bare(texts: list[str]) -> str:
    return "".join("".join(texts).split())


def _words(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split())


def test_a_report_made_elsewhere_keeps_every_sentence() -> None:
    for numbered in (True, False):
        result = baocao.import_docx(_made_elsewhere(numbered=numbered))
        report = result.report
        assert (report.number, report.symbol) == (12, "BC-SNV")
        assert report.place == "Nam Định"
        assert report.subject == "Kết quả công tác văn thư, lưu trữ năm 2025"
        assert report.addressees == ("Bộ Nội vụ",)
        assert report.signatory.name == "Trần Văn B"
        printed = _words(_texts(baocao.render(report)))
        for sentence in SENTENCES:
            assert sentence.rstrip(".") in printed


def test_typed_numbering_becomes_the_tree() -> None:
    report = baocao.import_docx(_made_elsewhere(numbered=True)).report
    assert [s.title for s in report.sections] == ["KẾT QUẢ ĐẠT ĐƯỢC", "TỒN TẠI", "PHƯƠNG HƯỚNG"]
    item = report.sections[0].items[0]
    assert item.title == "Công tác văn thư"
    assert [p.text for p in item.points] == [(SENTENCES[1],), (SENTENCES[2],)]
    assert report.sections[1].body == (baocao.Dash(SENTENCES[3]),)


def test_legacy_font_runs_are_converted() -> None:
    document = docx.Document(io.BytesIO(_made_elsewhere(numbered=False)))
    paragraph = document.paragraphs[6]
    paragraph.text = ""
    run = paragraph.add_run("Sè hãa tµi liÖu")  # TCVN3 for "Số hóa tài liệu"
    run.font.name = ".VnTime"
    out = io.BytesIO()
    document.save(out)
    result = baocao.import_docx(out.getvalue())
    assert "Số hóa tài liệu" in _words(_texts(baocao.render(result.report)))
    assert any("legacy" in line for line in result.inferred)


def test_the_command_writes_yaml(tmp_path: Path) -> None:
    source = tmp_path / "old.docx"
    source.write_bytes(_made_elsewhere(numbered=True))
    target = tmp_path / "report.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "baocao", "import", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "inferred: " in done.stderr
    assert baocao.load(target) == baocao.import_docx(source).report


def test_the_command_refuses_plain_text(tmp_path: Path) -> None:
    source = tmp_path / "old.txt"
    source.write_text("BÁO CÁO", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "baocao", "import", str(source)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("baocao: error: ")
    assert "Traceback" not in done.stderr


def test_what_the_importer_cannot_place_is_named_not_dropped() -> None:
    """A text whose words are in no field read (here the second signer of a joint
    report, which the importer does not read yet) is named among the unsure lines."""
    joint = baocao.load(ROOT / "examples" / "bc-lien-tich.yaml")
    unsure = baocao.import_docx(baocao.render(joint)).unsure
    assert any(line.startswith("not kept: 'Trần Văn B'") for line in unsure), unsure
    example = baocao.load(ROOT / "examples" / "2710-BC-SNV.yaml")
    assert not [u for u in baocao.import_docx(baocao.render(example)).unsure if "not kept" in u]
