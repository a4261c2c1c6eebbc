"""Tests for baocao._render._pdf: .docx → PDF through LibreOffice, and reading the PDF back.

Tests marked ``soffice`` run the real LibreOffice and poppler's pdftotext; they are skipped
when either is missing, unless ``BAOCAO_REQUIRE_SOFFICE=1`` (then they fail). The other tests
use small fake programs and run everywhere on POSIX.
"""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import os
import stat
import struct
import subprocess
import sys
import threading
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import docx  # python-docx
import pikepdf
import pytest
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt

import baocao
from baocao._errors import ConversionError, InvalidTypeError, ValidationError
from baocao._ooxml import text_width_pt
from baocao._render import _pdf, _seal
from baocao._render._pdf import check_fonts, find_soffice, to_pdf

from ..conftest import require_tools
from ..pdftext import pdf_text_layout, pdf_words

MOTTO_LINE = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SECOND_PAGE = "Trang thứ hai của báo cáo"
LEFT_MARGIN_MM = 30

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake programs are scripts")


def make_docx() -> bytes:
    """A two-page A4 document in Times New Roman 14 pt with Vietnamese text."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(LEFT_MARGIN_MM), Mm(15)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    document.add_paragraph(MOTTO_LINE)
    motto = document.add_paragraph()
    motto.add_run(MOTTO).bold = True
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph(SECOND_PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def nfc_words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# --- real LibreOffice -------------------------------------------------------------------------


@dataclass
class Converted:
    docx: bytes
    pdf: bytes
    folder: Path
    out: Path


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    """One real conversion (path in, path out), shared by the tests of this module."""
    require_tools()
    folder = tmp_path_factory.mktemp("pdf")
    source = folder / "báo cáo.docx"
    data = make_docx()
    source.write_bytes(data)
    out = folder / "báo cáo.pdf"
    pdf = to_pdf(source, out)
    return Converted(data, pdf, folder, out)


@pytest.mark.soffice
def test_pdf_has_two_pages(converted: Converted) -> None:
    assert converted.pdf.startswith(b"%PDF-")
    assert len(pdf_text_layout(converted.pdf)) == 2
    assert len(pdf_words(converted.pdf)) == 2


@pytest.mark.soffice
def test_vietnamese_text_comes_back(converted: Converted) -> None:
    first, second = pdf_text_layout(converted.pdf)
    assert nfc_words(MOTTO_LINE) in nfc_words(first)
    assert nfc_words(MOTTO) in nfc_words(first)
    assert nfc_words(SECOND_PAGE) in nfc_words(second)
    assert nfc_words(SECOND_PAGE) not in nfc_words(first)


@pytest.mark.soffice
def test_words_sit_where_the_layout_puts_them(converted: Converted) -> None:
    first, second = pdf_words(converted.pdf)
    assert first[0][0] == "Cộng"
    _text, x_min, y_min, x_max, y_max = first[0]
    assert x_min == pytest.approx(LEFT_MARGIN_MM / 25.4 * 72, abs=1.0)
    assert 0 < y_min < y_max < 200  # top of the page; y grows downwards
    assert x_max > x_min
    assert second[0][0] == "Trang"


@pytest.mark.soffice
def test_layout_uses_times_new_roman_metrics(converted: Converted) -> None:
    # The bold motto is the second line: from "Độc" to "phúc". Its width in the PDF must be
    # what baocao._ooxml._metrics computes, or the rules under it would be drawn at the
    # wrong length.
    first_page = pdf_words(converted.pdf)[0]
    below_first_line = [w for w in first_page if w[2] > first_page[0][4]]
    line = below_first_line[: len(MOTTO.split())]
    assert [w[0] for w in line] == MOTTO.split()
    assert line[-1][3] - line[0][1] == pytest.approx(text_width_pt(MOTTO, 14, bold=True), abs=0.5)


@pytest.mark.soffice
def test_path_output_is_written_atomically(converted: Converted) -> None:
    assert converted.out.read_bytes() == converted.pdf
    assert sorted(p.name for p in converted.folder.iterdir()) == ["báo cáo.docx", "báo cáo.pdf"]


@pytest.mark.soffice
def test_fonts_are_suitable_here(converted: Converted) -> None:
    check_fonts()


@pytest.mark.soffice
def test_timeout_stops_libreoffice() -> None:
    require_tools()
    started = time.monotonic()
    with pytest.raises(ConversionError, match=r"within 0\.001 s"):
        to_pdf(make_docx(), timeout=0.001)
    assert time.monotonic() - started < 30


@pytest.mark.soffice
def test_damaged_docx_gives_no_pdf() -> None:
    require_tools()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "this is not XML")
    # Refused before LibreOffice starts: the package reader parses every XML part.
    with pytest.raises(ConversionError, match=r"not converted: word/document\.xml is not well"):
        to_pdf(buffer.getvalue())


# --- input validation (no LibreOffice needed) -------------------------------------------------


def test_non_docx_bytes_are_refused() -> None:
    with pytest.raises(baocao.NotADocxError, match=r"not a usable \.docx \(it is not a ZIP"):
        to_pdf(b"Hello, this is plain text")
    with pytest.raises(ValidationError):  # what 0.1 raised, still caught
        to_pdf(b"Hello, this is plain text")


def test_zip_without_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<office/>")
    with pytest.raises(ValidationError, match=r"no word/document\.xml"):
        to_pdf(path)


def test_missing_input_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        to_pdf(tmp_path / "missing.docx")


def test_text_stream_is_refused() -> None:
    with pytest.raises(InvalidTypeError, match="binary mode"):
        to_pdf(io.StringIO("text"))  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [42, None, [b"PK"]])
def test_input_of_the_wrong_type(value: object) -> None:
    with pytest.raises(InvalidTypeError):
        to_pdf(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("timeout", [0, -1.0, float("nan"), float("inf")])
def test_bad_timeout(timeout: float) -> None:
    with pytest.raises(ValidationError, match="positive number of seconds"):
        to_pdf(make_docx(), timeout=timeout)


def test_bad_output_type() -> None:
    with pytest.raises(InvalidTypeError, match="path or a binary stream"):
        to_pdf(make_docx(), 123)  # type: ignore[arg-type]


# --- locating LibreOffice ---------------------------------------------------------------------


def test_missing_soffice_names_the_package() -> None:
    with pytest.raises(ConversionError, match="libreoffice-writer-nogui") as info:
        to_pdf(make_docx(), soffice="/nonexistent/soffice")
    assert "/nonexistent/soffice" in str(info.value)


def test_no_soffice_anywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(_pdf.SOFFICE_ENV, raising=False)
    monkeypatch.setattr(_pdf, "_SOFFICE_PLACES", ())
    with pytest.raises(ConversionError, match="libreoffice-writer-nogui"):
        find_soffice()


def test_bad_soffice_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_pdf.SOFFICE_ENV, "/nonexistent/libreoffice")
    with pytest.raises(ConversionError, match=_pdf.SOFFICE_ENV):
        find_soffice()


# --- fake LibreOffice: plumbing, errors, timeouts ---------------------------------------------

FAKE_SOFFICE = r"""
import hashlib, json, os, pathlib, subprocess, sys, time
args = sys.argv[1:]
log = os.environ.get("FAKE_LOG")
outdir = pathlib.Path(args[args.index("--outdir") + 1])
sources = [pathlib.Path(a) for a in args[args.index("--outdir") + 2 :]]
if log:
    runs = json.loads(pathlib.Path(log).read_text()) if os.path.exists(log) else []
    runs.append({"args": args, "cwd": os.getcwd()})
    pathlib.Path(log).write_text(json.dumps(runs))


def pdf(title):
    # A one-page PDF whose title is the SHA-256 of the .docx it stands for.
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Title (" + title.encode() + b") /CreationDate (D:20991231235959Z) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R /ID [<%s><%s>] >>\n" % (
        len(objs) + 1, os.urandom(16).hex().encode(), os.urandom(16).hex().encode())
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


mode = os.environ.get("FAKE_MODE", "ok")
for number, source in enumerate(sources):
    target = outdir / (source.stem + ".pdf")
    if mode == "ok" or (mode == "die_after_first" and number == 0):
        target.write_bytes(pdf(hashlib.sha256(source.read_bytes()).hexdigest()))
    elif mode == "die_after_first":
        print("soffice.bin crashed", file=sys.stderr)
        sys.exit(134)
    elif mode == "fail":
        print("javaldx warning", file=sys.stderr)
        print("boom: cannot convert", file=sys.stderr)
        sys.exit(3)
    elif mode == "notpdf":
        target.write_bytes(b"<html>")
    elif mode == "hang":
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        pathlib.Path(os.environ["FAKE_CHILD"]).write_text(str(child.pid))
        time.sleep(60)
"""


def fake_title(pdf: bytes) -> str:
    """The title the fake LibreOffice gave ``pdf``: the SHA-256 of the .docx it converted."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return str(document.docinfo["/Title"])


def runs(tmp_path: Path) -> list[dict[str, Any]]:
    """The command lines the fake LibreOffice was run with, in order."""
    found: list[dict[str, Any]] = json.loads((tmp_path / "log.json").read_text())
    return found


def write_program(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def install_fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The fake LibreOffice in ``tmp_path/bin``, logging to ``tmp_path/log.json``."""
    monkeypatch.setattr(_pdf, "_fonts_ok", True)  # the font check is tested on its own
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log.json"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    return str(write_program(bin_dir, "soffice", FAKE_SOFFICE))


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return install_fake_soffice(tmp_path, monkeypatch)


def _inputs(data: bytes, folder: Path) -> dict[str, object]:
    path = folder / "in.docx"
    path.write_bytes(data)
    return {"bytes": data, "str": str(path), "path": path, "stream": io.BytesIO(data)}


@posix_only
@pytest.mark.parametrize("kind", ["bytes", "str", "path", "stream"])
@pytest.mark.parametrize("out_kind", [None, "path", "stream"])
def test_inputs_and_outputs(
    fake_soffice: str, tmp_path: Path, kind: str, out_kind: str | None
) -> None:
    data = make_docx()
    source = _inputs(data, tmp_path)[kind]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out: Path | BinaryIO | None = None
    if out_kind == "path":
        out = out_dir / "report.pdf"
    elif out_kind == "stream":
        out = io.BytesIO()
    pdf = to_pdf(source, out, soffice=fake_soffice)  # type: ignore[arg-type]
    assert fake_title(pdf) == hashlib.sha256(data).hexdigest()
    if isinstance(out, Path):
        assert out.read_bytes() == pdf
        assert [p.name for p in out_dir.iterdir()] == ["report.pdf"]  # no temp file left
    elif isinstance(out, io.BytesIO):
        assert out.getvalue() == pdf


@posix_only
def test_existing_output_is_replaced(fake_soffice: str, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    pdf = to_pdf(make_docx(), str(out), soffice=fake_soffice)
    assert out.read_bytes() == pdf
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "log.json", "report.pdf"]


@posix_only
def test_output_folder_missing(fake_soffice: str, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        to_pdf(make_docx(), tmp_path / "nope" / "report.pdf", soffice=fake_soffice)


@posix_only
def test_command_line_and_private_profile(fake_soffice: str, tmp_path: Path) -> None:
    to_pdf(make_docx(), soffice=fake_soffice)
    (run,) = runs(tmp_path)
    args: list[str] = run["args"]
    assert args[1:4] == ["--headless", "--norestore", "--convert-to"]
    assert args[4].startswith('pdf:writer_pdf_Export:{"SelectPdfVersion":')
    assert args[5] == "--outdir"
    assert args[0].startswith("-env:UserInstallation=file:///")
    profile = Path(args[0].removeprefix("-env:UserInstallation=file://"))
    assert profile.name == "profile"
    assert args[-1].endswith("document.docx")
    assert not profile.parent.exists()  # the whole temporary folder is gone


@posix_only
def test_soffice_from_environment(fake_soffice: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_pdf.SOFFICE_ENV, fake_soffice)
    assert find_soffice() == fake_soffice
    assert to_pdf(make_docx()).startswith(b"%PDF-1.4")  # the version LibreOffice wrote


@posix_only
def test_failure_shows_the_end_of_stderr(
    fake_soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "fail")
    with pytest.raises(ConversionError, match="exit status 3") as info:
        to_pdf(make_docx(), soffice=fake_soffice)
    assert "boom: cannot convert" in str(info.value)


@posix_only
@pytest.mark.parametrize(
    ("mode", "message"), [("nopdf", "produced no PDF"), ("notpdf", "not a PDF")]
)
def test_no_pdf(
    fake_soffice: str, monkeypatch: pytest.MonkeyPatch, mode: str, message: str
) -> None:
    monkeypatch.setenv("FAKE_MODE", mode)
    with pytest.raises(ConversionError, match=message):
        to_pdf(make_docx(), soffice=fake_soffice)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # killed but not yet reaped by its new parent
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


@posix_only
def test_timeout_kills_the_process_group(
    fake_soffice: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    child_file = tmp_path / "child.pid"
    monkeypatch.setenv("FAKE_MODE", "hang")
    monkeypatch.setenv("FAKE_CHILD", str(child_file))
    started = time.monotonic()
    with pytest.raises(ConversionError, match="did not convert the document within 1 s"):
        to_pdf(make_docx(), timeout=1, soffice=fake_soffice)
    assert time.monotonic() - started < 15
    assert_child_gone(child_file)


def assert_child_gone(child_file: Path) -> None:
    """The process whose pid the fake LibreOffice wrote in ``child_file`` is gone."""
    child = int(child_file.read_text())
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child), "the process LibreOffice started survived the timeout"


# --- the font check ---------------------------------------------------------------------------


@pytest.fixture
def fake_fc_match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder, alone on PATH, in which a test writes its fc-match."""
    monkeypatch.setattr(_pdf, "_fonts_ok", False)
    bin_dir = tmp_path / "fcbin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    return bin_dir


def _fc_match(folder: Path, output: str) -> None:
    write_program(folder, "fc-match", f"import sys\nsys.stdout.write({output!r})\n")


@posix_only
def test_font_check_refuses_another_serif(fake_fc_match: Path) -> None:
    _fc_match(fake_fc_match, "DejaVu Serif\n20-7e a0-36f 1ea0-1ef9")
    with pytest.raises(ConversionError, match="fonts-liberation2") as info:
        check_fonts()
    assert "DejaVu Serif" in str(info.value)
    assert "1.07" in str(info.value)
    assert _pdf._fonts_ok is False


@posix_only
def test_font_check_refuses_liberation_1(fake_fc_match: Path) -> None:
    _fc_match(fake_fc_match, "Liberation Serif\n20-7e a0-17f 1e80-1e85 2013-2014")
    with pytest.raises(ConversionError, match="lacks Vietnamese letters"):
        check_fonts()


@posix_only
def test_font_check_accepts_and_caches(fake_fc_match: Path) -> None:
    _fc_match(fake_fc_match, "Liberation Serif\n20-7e a0-36f 1ea0-1ef9 2000-2022")
    check_fonts()
    assert _pdf._fonts_ok is True
    (fake_fc_match / "fc-match").unlink()
    _fc_match(fake_fc_match, "DejaVu Serif\n20-7e")
    check_fonts()  # cached: fc-match is not asked again


@posix_only
def test_font_check_with_fc_list_only(fake_fc_match: Path) -> None:
    write_program(fake_fc_match, "fc-list", "print('DejaVu Serif')\nprint('DejaVu Sans')\n")
    with pytest.raises(ConversionError, match="fonts-liberation2"):
        check_fonts()


def test_font_check_without_fontconfig(fake_fc_match: Path) -> None:
    check_fonts()  # nothing to ask: passes (Windows, macOS)


# --- pdftotext helpers ------------------------------------------------------------------------


def test_helpers_need_poppler(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConversionError, match="poppler-utils"):
        pdf_text_layout(b"%PDF-1.4")
    with pytest.raises(ConversionError, match="poppler-utils"):
        pdf_words(b"%PDF-1.4")


def test_helpers_refuse_a_non_pdf() -> None:
    require_tools(soffice=False)
    with pytest.raises(ConversionError, match="pdftotext failed"):
        pdf_text_layout(b"not a pdf")
    with pytest.raises(InvalidTypeError):
        pdf_words("not bytes")  # type: ignore[arg-type]


# --------------------------------------------------- issue 10 §5: conversion never reaches out

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHOWN = ["ảnh liên kết", "ảnh ngoài", "văn bản chèn", "ảnh đơn giản", "trang liên kết"]


def _png(width: int, height: int) -> bytes:
    """A red RGB PNG of the given size."""
    raw = b"".join(b"\0" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _linked_picture(rid: str, number: int) -> str:
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        f'drawingml/2006/wordprocessingDrawing"><wp:extent cx="914400" cy="685800"/>'
        f'<wp:docPr id="{number}" name="Picture {number}"/><a:graphic xmlns:a="http://'
        'schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://'
        'schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://'
        'schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
        f'<pic:cNvPr id="{number}" name="p{number}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" '
        'cy="685800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def _field(instruction: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
        f'xml:space="preserve"> {instruction} </w:instrText></w:r><w:r><w:fldChar '
        f'w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar '
        'w:fldCharType="end"/></w:r>'
    )


def _relationship(rid: str, kind: str, target: str) -> str:
    return (
        f'<Relationship Id="{rid}" Type="{_RELS}/{kind}" Target="{target}" TargetMode="External"/>'
    )


def hostile_docx(base: str, outside: str, extra_body: str = "") -> bytes:
    """A document whose images, fields and template point at ``base`` (a URL) and at
    ``outside`` (a file:// URL), and with a hyperlink to ``base``."""
    shown = _SHOWN
    picture = f"INCLUDEPICTURE &quot;{base}/field.png&quot; " + "\\d"
    body = (
        f"<w:p>{_linked_picture('rIdOut1', 901)}<w:r><w:t>{shown[0]}</w:t></w:r></w:p>"
        f"<w:p>{_linked_picture('rIdOut2', 902)}<w:r><w:t>{shown[1]}</w:t></w:r></w:p>"
        f"<w:p>{_field(picture, 'x')}</w:p>"
        f"<w:p>{_field(f'INCLUDETEXT &quot;{outside}&quot;', shown[2])}</w:p>"
        f'<w:p><w:fldSimple w:instr=" INCLUDEPICTURE &quot;{base}/simple.png&quot; ">'
        f"<w:r><w:t>{shown[3]}</w:t></w:r></w:fldSimple></w:p>"
        f'<w:p><w:hyperlink r:id="rIdOut3"><w:r><w:t>{shown[4]}</w:t></w:r></w:hyperlink>'
        f"</w:p>{extra_body}"
    )
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                target.writestr(info, source.read(info))
                continue
            data = source.read(info).decode("utf-8")
            if info.filename == "word/document.xml":
                data = data.replace("<w:sectPr", body + "<w:sectPr", 1)
                assert f'xmlns:r="{_R}"' in data
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    "</Relationships>",
                    "".join(
                        [
                            _relationship("rIdOut1", "image", f"{base}/linked.png"),
                            _relationship("rIdOut2", "image", outside),
                            _relationship("rIdOut3", "hyperlink", f"{base}/page"),
                        ]
                    )
                    + "</Relationships>",
                )
            elif info.filename == "word/settings.xml":
                data = data.replace(
                    "<w:defaultTabStop",
                    '<w:attachedTemplate r:id="rIdT"/><w:linkStyles/><w:defaultTabStop',
                    1,
                )
            target.writestr(info, data)
        target.writestr(
            "word/_rels/settings.xml.rels",
            (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
                '"http://schemas.openxmlformats.org/package/2006/relationships">'
                + _relationship("rIdT", "attachedTemplate", f"{base}/template.dotx")
                + "</Relationships>"
            ),
        )
    return out.getvalue()


class _Listener(http.server.ThreadingHTTPServer):
    """A loopback HTTP server that serves a PNG to anyone and records every connection;
    it stops by itself after a while, whatever happens to the test."""

    daemon_threads = True

    def __init__(self) -> None:
        self.connections: list[tuple[str, int]] = []
        self.requests: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                listener.requests.append(f"{self.command} {self.path}")
                body = _png(40, 30)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_HEAD = do_OPTIONS = do_PROPFIND = do_GET  # noqa: N815 - http.server's names

            def log_message(self, *_args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.timeout = 1.0

    def verify_request(self, request: Any, client_address: Any) -> bool:
        self.connections.append(client_address)
        return True

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def listener() -> Iterator[_Listener]:
    server = _Listener()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stopper = threading.Timer(600, server.shutdown)  # the bound: ten minutes at most
    stopper.daemon = True
    stopper.start()
    try:
        yield server
    finally:
        stopper.cancel()
        server.shutdown()
        server.server_close()


def _outside_png(tmp_path: Path) -> str:
    picture = tmp_path / "outside.png"
    picture.write_bytes(_png(64, 48))
    return picture.as_uri()


def _pdf_images(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "converted.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.splitlines()[2:]  # after the two header lines


def test_seal_removes_every_outward_reference(tmp_path: Path) -> None:
    hostile = hostile_docx("http://127.0.0.1:9", _outside_png(tmp_path))
    sealed = _seal.seal(hostile)
    with zipfile.ZipFile(io.BytesIO(sealed)) as archive:
        parts = {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }
    external = [
        line
        for name, text in parts.items()
        if name.endswith(".rels")
        for line in text.split("<Relationship ")
        if 'TargetMode="External"' in line
    ]
    assert len(external) == 1
    assert "/hyperlink" in external[0]  # a hyperlink stays a link; nothing fetches it
    everything = "".join(parts.values())
    for gone in (
        "INCLUDEPICTURE",
        "INCLUDETEXT",
        "attachedTemplate",
        "linkStyles",
        "rIdOut1",
        "rIdOut2",
        "outside.png",
        "linked.png",
        "template.dotx",
    ):
        assert gone not in everything, gone
    document = parts["word/document.xml"]
    for text in _SHOWN:  # what the fields and pictures showed is all still there
        assert text in document
    assert 'r:id="rIdOut3"' in document
    assert docx.Document(io.BytesIO(sealed)).paragraphs  # still a .docx


def test_seal_leaves_a_document_without_links_alone() -> None:
    from baocao import render

    from ..conftest import make_report

    for data in (make_docx(), render(make_report())):
        assert _seal.seal(data) is data


@pytest.mark.parametrize("element", ["altChunk", "subDoc"])
def test_a_document_that_pulls_in_another_is_refused(element: str, tmp_path: Path) -> None:
    extra = (
        f'<w:p><w:{element} r:id="rIdOut1"/></w:p>'
        if element == "subDoc"
        else (f'<w:{element} r:id="rIdOut1"/>')
    )
    hostile = hostile_docx("http://127.0.0.1:9", _outside_png(tmp_path), extra)
    with pytest.raises(ConversionError, match=f"pulls in another document \\(w:{element}"):
        _seal.seal(hostile)


def _changed(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == name else content)
    return out.getvalue()


def test_seal_reads_through_the_bounded_package_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """to_pdf opens the document as check and lint do: a zip bomb or a package of too many
    entries is refused before LibreOffice sees it (here with the limit lowered)."""
    from baocao._ooxml import _package

    monkeypatch.setattr(_package, "MAX_ENTRIES", 3)
    with pytest.raises(ConversionError, match=r"not converted: it has \d+ entries \(at most 3\)"):
        _seal.seal(make_docx())


@pytest.mark.parametrize(
    "part", ["word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"]
)
def test_a_part_with_a_dtd_is_refused(part: str) -> None:
    entity = b'?><!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    hostile = _changed(make_docx(), part, lambda data: data.replace(b"?>", entity, 1))
    with pytest.raises(ConversionError, match=f"part {part} declares a DTD"):
        _seal.seal(hostile)


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:9/a.png",
        "file:///etc/hosts",
        "C:\\Users\\a.png",
        "\\\\server\\share\\a.png",
    ],
)
def test_a_url_target_is_outside_whatever_its_mode(target: str) -> None:
    """A relationship without ``TargetMode="External"`` whose target is a URL or a path
    outside the package is removed too."""
    rel = (f"<Relationship Id='rIdU' Type='{_RELS}/image' Target='{target}'/>").encode()
    data = _changed(
        make_docx(),
        "word/_rels/document.xml.rels",
        lambda content: content.replace(b"</Relationships>", rel + b"</Relationships>"),
    )
    sealed = _seal.seal(data)
    with zipfile.ZipFile(io.BytesIO(sealed)) as archive:
        assert b"rIdU" not in archive.read("word/_rels/document.xml.rels")


@pytest.mark.soffice
@pytest.mark.parametrize("layer", ["both", "profile-only"])
def test_conversion_loads_nothing_from_outside(
    layer: str, listener: _Listener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0.1 embedded the file:// PNG and fetched the linked one from the listener. Each
    layer holds on its own: with the document unchanged (``profile-only``), LibreOffice's
    settings in the private profile still load nothing."""
    require_tools()
    if layer == "profile-only":
        monkeypatch.setattr(_pdf, "seal", lambda data: data)
    hostile = hostile_docx(listener.base, _outside_png(tmp_path))
    pdf = to_pdf(hostile)
    assert listener.connections == []
    assert listener.requests == []
    assert _pdf_images(pdf, tmp_path) == []  # neither picture is in the PDF
    text = nfc_words(" ".join(pdf_text_layout(pdf)))
    for shown in _SHOWN[:2] + _SHOWN[3:]:
        assert shown in text


def test_the_private_profile_blocks_links_macros_and_network(tmp_path: Path) -> None:
    from lxml import etree

    _pdf._write_profile(tmp_path)
    root = etree.parse(str(tmp_path / "user" / "registrymodifications.xcu")).getroot()
    settings = {
        (
            item.get("{http://openoffice.org/2001/registry}path"),
            item[0].get("{http://openoffice.org/2001/registry}name"),
        ): item[0][0].text
        for item in root
    }
    scripting = "/org.openoffice.Office.Common/Security/Scripting"
    assert settings[(scripting, "BlockUntrustedRefererLinks")] == "true"
    assert settings[(scripting, "DisableMacrosExecution")] == "true"
    assert settings[("/org.openoffice.Inet/Settings", "ooInetProxyType")] == "1"
