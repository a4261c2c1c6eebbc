"""Every report in ``examples/`` loads, renders, and passes ``check`` with no finding.

The examples are what a new user copies first: each shows one real shape of report
(examples/README.md lists them). A test per file keeps them honest as the model grows.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import baocao

from .conftest import ROOT, require_tools

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def test_there_are_examples_of_each_shape() -> None:
    assert len(EXAMPLES) >= 9  # the seed and the eight of issue 12


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_example_renders_with_no_finding(path: Path) -> None:
    report = baocao.load(path)
    data = baocao.render(report)
    findings = baocao.check(data)
    assert findings == [], "\n".join(str(f) for f in findings)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_example_is_listed_in_the_readme(path: Path) -> None:
    readme = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    assert path.name in readme


def test_the_draft_example_uses_what_it_shows() -> None:
    report = baocao.load(ROOT / "examples" / "draft-to-trinh.yaml")
    assert report.draft
    assert report.date is None
    assert report.year == 2026
    assert report.appendices[0].orientation.value == "landscape"
    ctx = baocao.context(report)
    assert ctx["recipient_lines"][-1] == "- Lưu: VT, NS, TH (2b)."
    assert ctx["marks"]["urgency"]["text"] == "KHẨN"


def test_the_signature_examples_show_what_they_are_for() -> None:
    names = ("bc-tm-kt.yaml", "bc-lien-tich.yaml", "bc-chu-thich.yaml")
    tm_kt, joint, notes = (baocao.load(ROOT / "examples" / name) for name in names)
    assert baocao.context(tm_kt)["signature"]["lines"][:2] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
    ]
    assert baocao.context(joint)["joint"] is True
    assert len(baocao.context(notes)["footnotes"]) == 3


def _pages(pdf: bytes, tmp: Path) -> list[tuple[int, int, float]]:
    """Each page of ``pdf`` as LibreOffice printed it, rendered by poppler as a grey image:
    its width and height in pixels and the share of its pixels that carry ink."""
    (tmp / "doc.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "20", "-gray", str(tmp / "doc.pdf"), str(tmp / "page")], check=True
    )
    pages = []
    for image in sorted(tmp.glob("page*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
        magic, size, depth, pixels = image.read_bytes().split(b"\n", 3)
        assert (magic, depth) == (b"P5", b"255")
        width, height = map(int, size.split())
        inked = sum(1 for value in pixels[: width * height] if value < 128)
        pages.append((width, height, inked / (width * height)))
    return pages


@pytest.mark.soffice
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_example_prints_on_portrait_pages_with_landscape_appendices(
    path: Path, tmp_path: Path
) -> None:
    """The PDF of each example, looked at as images: every page carries ink (no blank
    page from a stray break), page 1 is portrait, and a landscape appendix prints on
    landscape pages."""
    require_tools()
    report = baocao.load(path)
    pages = _pages(baocao.to_pdf(baocao.render(report)), tmp_path)
    assert pages[0][0] < pages[0][1], "page 1 is portrait"
    assert all(ink > 0.0008 for _w, _h, ink in pages), pages  # a page number alone: 0.0002
    wide = sum(1 for a in report.appendices if a.orientation.value == "landscape")
    landscape = sum(1 for width, height, _ink in pages if width > height)
    assert landscape >= wide
    assert (landscape == 0) == (wide == 0)
