"""Issue 14: PDF/A and the same PDF bytes every time, the metadata of Phụ lục VI in the .docx
and the PDF, and many documents through one LibreOffice.

Tests marked ``soffice`` run the real LibreOffice; the others use the fake one of
``test_pdf.py`` (a script writing a one-page PDF titled with the SHA-256 of its .docx) or
PDFs made here with pikepdf.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import time
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from lxml import etree

import baocao
from baocao._errors import ConversionError, InvalidTypeError, ValidationError
from baocao._render import _pdf
from baocao._render._metadata import flatten, report_metadata
from baocao._render._pdf import convert_many, to_pdf
from baocao._render._pdfa import EPOCH, NAMESPACE, finish, pdf_properties

from ..conftest import EXAMPLE_YAML, make_report, minimal_data, require_tools
from .test_pdf import (
    assert_child_gone,
    fake_title,
    install_fake_soffice,
    make_docx,
    posix_only,
    runs,
)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XMP = {
    "rdf": RDF,
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}


def xmp_of(pdf: bytes) -> Any:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return etree.fromstring(document.Root.Metadata.read_bytes())


def info_of(pdf: bytes) -> dict[str, str]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return {str(k)[1:]: str(v) for k, v in document.docinfo.items()}


def one_text(root: Any, path: str) -> str:
    found = root.xpath(path, namespaces=XMP)
    assert len(found) == 1, path
    return str(found[0])


def full_report() -> baocao.Report:
    return make_report(
        issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV", organ_id="000.00.31.H29"),
        addressees=["Bộ Nội vụ"],
        recipients=["Ủy ban nhân dân tỉnh"],
        urgency="THƯỢNG KHẨN",
        filing=baocao.Filing(unit="VP", drafter="PL", issued=30),
        due_date=dt.date(2026, 4, 1),
    )


# --- the metadata, from the model and back ----------------------------------------------------

EXPECTED = {
    "OrganId": "000.00.31.H29",
    "OrganName": "Sở Nội vụ",
    "CodeNumber": "15",
    "CodeNotation": "BC-SNV",
    "IssuedDate": "2026-03-05",
    "TypeName": "Báo cáo",
    "Language": "vi",
    "SignerInfo": {"Position": "Giám đốc", "FullName": "Nguyễn Văn A"},
    "To": [{"OrganName": "Bộ Nội vụ"}, {"OrganName": "Ủy ban nhân dân tỉnh"}],
    "Priority": 2,
    "IssuedAmount": 30,
    "DueDate": "2026-04-01",
}


def test_report_metadata_has_the_fields_the_report_knows() -> None:
    meta = report_metadata(full_report())
    subject = meta.pop("Subject")
    assert subject == full_report().subject
    assert meta == EXPECTED


@pytest.mark.parametrize(
    ("changes", "absent"),
    [
        ({"number": None, "draft": True}, "CodeNumber"),
        ({"date": None, "draft": True, "year": 2026}, "IssuedDate"),
        ({}, "OrganId"),
        ({}, "DueDate"),
        ({}, "IssuedAmount"),
    ],
)
def test_unknown_fields_are_left_out(changes: dict[str, Any], absent: str) -> None:
    assert absent not in report_metadata(make_report(**changes))


def test_priority_follows_the_urgency() -> None:
    codes = [report_metadata(make_report(urgency=u))["Priority"] for u in baocao.Urgency]
    assert [report_metadata(make_report())["Priority"], *codes] == [0, 1, 2, 3, 4]


def test_docx_carries_custom_properties_only_when_asked() -> None:
    report = full_report()
    plain = baocao.render(report)
    assert "docProps/custom.xml" not in zipfile.ZipFile(io.BytesIO(plain)).namelist()
    assert baocao.metadata(plain) == {}
    data = baocao.render(report, metadata=True)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "docProps/custom.xml" in names
    assert baocao.metadata(data) == report_metadata(report)
    assert baocao.check(data) == baocao.check(plain)  # a valid package, same findings
    import docx  # python-docx reads the package

    docx.Document(io.BytesIO(data))


def test_metadata_of_a_report_file(tmp_path: Path) -> None:
    assert baocao.metadata(EXAMPLE_YAML) == report_metadata(baocao.load(EXAMPLE_YAML))
    assert baocao.metadata(full_report()) == report_metadata(full_report())


def test_metadata_refuses_other_files(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(ValidationError, match="is not a report"):
        baocao.metadata(text)
    with pytest.raises(InvalidTypeError):
        baocao.render(full_report(), metadata="yes")  # type: ignore[arg-type]


def test_organ_id_is_checked() -> None:
    issuer = {"name": "Sở Nội vụ", "abbreviation": "SNV", "organ_id": "H29 01"}
    with pytest.raises(ValidationError, match=r"issuer\.organ_id: 'H29 01' is not a mã định danh"):
        baocao.load(minimal_data(issuer=issuer))
    assert baocao.load(minimal_data(due_date="2026-04-01")).due_date == dt.date(2026, 4, 1)


# --- finishing a PDF: dates, ID, XMP ----------------------------------------------------------


def small_pdf(title: str = "Tiêu đề", stamp: str = "D:20991231235959Z") -> bytes:
    document = pikepdf.new()
    document.add_blank_page()
    document.docinfo["/Title"] = title
    document.docinfo["/CreationDate"] = stamp
    document.docinfo["/Producer"] = "LibreOffice 7.4"
    out = io.BytesIO()
    document.save(out, static_id=False)
    return out.getvalue()


def test_finish_sets_dates_id_and_xmp() -> None:
    created = dt.datetime(2026, 3, 5, tzinfo=dt.timezone.utc)
    props = flatten(report_metadata(full_report()))
    one = finish(
        small_pdf(stamp="D:20991231235959Z"), version="2b", created=created, properties=props
    )
    two = finish(
        small_pdf(stamp="D:20000101000000Z"), version="2b", created=created, properties=props
    )
    assert one == two  # the clock of the conversion is gone, the ID comes from the content
    info = info_of(one)
    assert info["CreationDate"] == info["ModDate"] == "D:20260305000000Z"
    root = xmp_of(one)
    assert one_text(root, "//xmp:CreateDate/text()") == "2026-03-05T00:00:00Z"
    assert one_text(root, "//xmp:ModifyDate/text()") == "2026-03-05T00:00:00Z"
    assert one_text(root, "//pdfaid:part/text()") == "2"
    assert one_text(root, "//pdfaid:conformance/text()") == "B"
    assert one_text(root, "//dc:title//rdf:li/text()") == info["Title"] == "Tiêu đề"
    # every property of baocao's namespace is declared by the PDF/A extension schema
    used = {etree.QName(e).localname for e in root.iter(f"{{{NAMESPACE}}}*")}
    declared = set(root.xpath("//pdfaProperty:name/text()", namespaces=XMP))
    assert used == declared
    assert "PageAmount" in used
    meta = baocao.metadata(one)
    assert meta == {**report_metadata(full_report()), "PageAmount": 1}
    with pikepdf.open(io.BytesIO(one)) as document:
        assert document.check_pdf_syntax() == []
        assert "/Filter" not in document.Root.Metadata  # PDF/A: the XMP stays readable


def test_finish_without_a_date_uses_the_epoch() -> None:
    pdf = finish(small_pdf(), version="plain", created=None)
    assert info_of(pdf)["CreationDate"] == EPOCH.strftime("D:%Y%m%d%H%M%SZ")
    root = xmp_of(pdf)
    assert not root.xpath("//pdfaid:part", namespaces=XMP)  # a plain PDF claims no PDF/A
    assert pdf_properties(pdf) == {}


def test_finish_1b_has_no_object_streams() -> None:
    pdf = finish(small_pdf(), version="1b", created=None)
    assert one_text(xmp_of(pdf), "//pdfaid:part/text()") == "1"
    assert b"/ObjStm" not in pdf


def test_finish_refuses_what_is_not_a_pdf() -> None:
    with pytest.raises(ConversionError, match="cannot be read"):
        finish(b"%PDF-1.4\nnot really", version="2b", created=None)


@pytest.mark.parametrize("version", ["2", "pdfa", "PDF/A-2b"])
def test_bad_pdf_version(version: str) -> None:
    with pytest.raises(ValidationError, match=r"pdf_version: .* is not a PDF version"):
        to_pdf(make_docx(), pdf_version=version)


# --- many documents, one LibreOffice (fake) ---------------------------------------------------


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return install_fake_soffice(tmp_path, monkeypatch)


def documents(count: int) -> list[bytes]:
    return [baocao.render(make_report(number=n + 1)) for n in range(count)]


@posix_only
def test_one_run_converts_a_batch(fake: str, tmp_path: Path) -> None:
    docs = documents(3)
    pdfs = convert_many(docs, soffice=fake)
    assert [fake_title(p) for p in pdfs if isinstance(p, bytes)] == [
        hashlib.sha256(d).hexdigest() for d in docs
    ]
    (run,) = runs(tmp_path)
    assert len([a for a in run["args"] if a.endswith(".docx")]) == 3


@posix_only
def test_batches_of_batch_size(fake: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "BATCH_SIZE", 2)
    pdfs = convert_many(documents(5), soffice=fake)
    assert all(isinstance(p, bytes) for p in pdfs)
    assert [len([a for a in r["args"] if a.endswith(".docx")]) for r in runs(tmp_path)] == [2, 2, 1]


@posix_only
def test_a_bad_document_fails_alone(fake: str) -> None:
    docs = documents(2)
    pdfs = convert_many([docs[0], b"not a docx", docs[1]], soffice=fake)
    assert isinstance(pdfs[0], bytes)
    assert isinstance(pdfs[2], bytes)
    assert isinstance(pdfs[1], baocao.NotADocxError)


@posix_only
def test_the_document_that_stops_libreoffice_fails_alone(
    fake: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FAKE_MODE", "die_after_first")  # converts one, then crashes
    pdfs = convert_many(documents(4), soffice=fake)
    assert isinstance(pdfs[0], bytes)
    assert isinstance(pdfs[1], ConversionError)  # the one it died on
    assert "exit status 134" in str(pdfs[1])
    assert "soffice.bin crashed" in str(pdfs[1])
    assert isinstance(pdfs[2], bytes)  # the rest went to a new LibreOffice
    assert isinstance(pdfs[3], ConversionError)
    assert [len([a for a in r["args"] if a.endswith(".docx")]) for r in runs(tmp_path)] == [4, 2]


@posix_only
def test_a_broken_libreoffice_fails_the_batch_in_two_runs(
    fake: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FAKE_MODE", "fail")
    pdfs = convert_many(documents(5), soffice=fake)
    for failed in pdfs:
        assert isinstance(failed, ConversionError)
        assert "exit status 3" in str(failed)
        assert "boom: cannot convert" in str(failed)
    assert len(runs(tmp_path)) == 2


@posix_only
def test_a_hanging_batch_is_killed(
    fake: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    child_file = tmp_path / "child.pid"
    monkeypatch.setenv("FAKE_MODE", "hang")
    monkeypatch.setenv("FAKE_CHILD", str(child_file))
    started = time.monotonic()
    first, second = convert_many(documents(2), soffice=fake, timeout=1)
    assert time.monotonic() - started < 30
    assert isinstance(first, ConversionError)
    assert "did not convert 2 documents within 2 s" in str(first)
    assert isinstance(second, ConversionError)  # alone in a second run, which hangs too
    assert "did not convert the document within 1 s" in str(second)
    assert_child_gone(child_file)


@posix_only
def test_render_many_to_pdf(fake: str, tmp_path: Path) -> None:
    reports: list[Any] = [full_report(), "not a report", (make_report(), tmp_path / "b.pdf")]
    results = list(baocao.render_many(reports, jobs=1, pdf=True, soffice=fake))
    assert [(r.index, r.ok) for r in results] == [(0, True), (1, False), (2, True)]
    assert results[0].data is not None
    assert baocao.metadata(results[0].data) == {**report_metadata(full_report()), "PageAmount": 1}
    assert results[2].output == tmp_path / "b.pdf"
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    assert len(runs(tmp_path)) == 1


def test_render_many_pdf_options_are_checked() -> None:
    with pytest.raises(InvalidTypeError, match="pdf"):
        list(baocao.render_many([], pdf="yes"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="pdf_version"):
        list(baocao.render_many([], pdf=True, pdf_version="3u"))


# --- the real LibreOffice ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_pdf() -> tuple[bytes, bytes]:
    """The example rendered with its metadata and converted twice, a few seconds apart."""
    require_tools()
    data = baocao.render(baocao.load(EXAMPLE_YAML), metadata=True)
    first = to_pdf(data)
    time.sleep(2)
    return first, to_pdf(data)


@pytest.mark.soffice
def test_two_conversions_are_identical(example_pdf: tuple[bytes, bytes]) -> None:
    first, second = example_pdf
    assert first == second


@pytest.mark.soffice
def test_the_pdf_is_pdfa_2b(example_pdf: tuple[bytes, bytes]) -> None:
    pdf = example_pdf[0]
    root = xmp_of(pdf)
    assert one_text(root, "//pdfaid:part/text()") == "2"
    assert one_text(root, "//pdfaid:conformance/text()") == "B"
    info = info_of(pdf)
    assert info["CreationDate"] == "D:20200703000000Z"  # the report's date
    assert one_text(root, "//xmp:CreateDate/text()") == "2020-07-03T00:00:00Z"
    assert one_text(root, "//dc:title//rdf:li/text()") == info["Title"]
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert document.check_pdf_syntax() == []  # qpdf reads every object and stream
        assert document.Root.MarkInfo.Marked  # tagged
        assert "/StructTreeRoot" in document.Root
        assert len(document.Root.OutputIntents) == 1
        fonts = 0
        for page in document.pages:
            for font in page.Resources.get("/Font", {}).values():
                descriptor = font.get("/FontDescriptor")
                if descriptor is None:  # a composite font: its descendant has it
                    descriptor = font.DescendantFonts[0].FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts += 1
        assert fonts


@pytest.mark.soffice
def test_the_pdf_carries_the_metadata(example_pdf: tuple[bytes, bytes]) -> None:
    report = baocao.load(EXAMPLE_YAML)
    meta = baocao.metadata(example_pdf[0])
    assert meta == {**report_metadata(report), "PageAmount": meta["PageAmount"]}
    assert meta["PageAmount"] == 7


@pytest.mark.soffice
@pytest.mark.parametrize(("version", "part"), [("1b", "1"), ("plain", None)])
def test_other_versions(version: str, part: str | None) -> None:
    require_tools()
    pdf = to_pdf(make_docx(), pdf_version=version)
    found = xmp_of(pdf).xpath("//pdfaid:part/text()", namespaces=XMP)
    assert found == ([part] if part else [])
    assert info_of(pdf)["CreationDate"] != ""


@pytest.mark.soffice
def test_a_batch_gives_the_bytes_of_one_by_one(example_pdf: tuple[bytes, bytes]) -> None:
    data = baocao.render(baocao.load(EXAMPLE_YAML), metadata=True)
    other = make_docx()
    batch = convert_many([data, other])
    assert batch[0] == example_pdf[0]
    assert isinstance(batch[1], bytes)
    assert batch[1] == to_pdf(other)
