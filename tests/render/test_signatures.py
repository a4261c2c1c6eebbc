"""The signature blocks in the context and the rendered document (issue 12, §5): the lines
of each form, the space for the signature (at least 20 mm, and where it is), the other
title (ô 7b) above the name, and blocks side by side for a joint report."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import baocao
from baocao import Signatory
from baocao._nd30 import PROFILES, SIGNATURE_GAP_MIN_MM
from baocao._ooxml import mm_from_twips
from baocao._render._signatures import GAP_LINES, gap_mm

from ..conftest import make_report, require_tools
from ..model.test_signature import FORMS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

DEPUTY = Signatory(
    name="Trần Văn B", title="Phó Giám đốc", authority="KT.", acting_for="Giám đốc Sở Tài chính"
)
HEAD = Signatory(name="Nguyễn Văn A", title="Giám đốc", other_title="Trưởng Ban Chỉ đạo")


def _document(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _style(p: Any) -> str | None:
    style = p.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(f"{W}val")


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


@pytest.mark.parametrize(
    ("chain", "fields", "lines"), FORMS, ids=[" ".join(f[0]) or "-" for f in FORMS]
)
def test_the_lines_of_each_form(
    chain: tuple[str, ...], fields: dict[str, Any], lines: list[str]
) -> None:
    ctx = baocao.context(make_report(signatory=Signatory(name="Trần Thị B", **fields)))
    assert ctx["signature"]["lines"] == lines
    assert ctx["signature"]["gap"]["after"] == len(lines)
    assert ctx["signatures"] == [ctx["signature"]]
    assert ctx["joint"] is False


def test_the_gap_fits_a_signature_in_both_profiles() -> None:
    for profile in PROFILES:
        assert gap_mm(profile) >= SIGNATURE_GAP_MIN_MM
    gap = baocao.context(make_report())["signature"]["gap"]
    assert gap == {
        "lines": GAP_LINES,
        "after": 1,
        "height_mm": {"14": 22.7, "13": 21.1},
        "min_mm": SIGNATURE_GAP_MIN_MM,
    }


def _block(cell: Any) -> list[tuple[str | None, str]]:
    return [(_style(p), _text(p)) for p in cell.iter(f"{W}p")]


def test_the_rendered_gap_is_where_the_context_says() -> None:
    root = _document(baocao.render(make_report(signatory=HEAD)))
    name = next(p for p in root.iter(f"{W}p") if _style(p) == "BCSignatureName")
    cell = next(a for a in name.iterancestors() if a.tag == f"{W}tc")
    assert _block(cell) == [
        ("BCSignature", "GIÁM ĐỐC"),
        *[("BCSignature", "")] * GAP_LINES,
        ("BCSignature", "TRƯỞNG BAN CHỈ ĐẠO"),
        ("BCSignatureName", "Nguyễn Văn A"),
    ]


def test_joint_blocks_stand_side_by_side_with_nơi_nhận_below() -> None:
    report = make_report(signatory=HEAD, cosignatories=[DEPUTY], recipients=["Ủy ban nhân dân"])
    ctx = baocao.context(report)
    assert ctx["joint"] is True
    assert [b["name"] for b in ctx["signatures"]] == ["Trần Văn B", "Nguyễn Văn A"]
    assert ctx["signature"] == ctx["signatures"][-1]
    root = _document(baocao.render(report))
    name = next(p for p in root.iter(f"{W}p") if _style(p) == "BCSignatureName")
    table = next(a for a in name.iterancestors() if a.tag == f"{W}tbl")
    first, second = table.findall(f"{W}tr")
    cells = first.findall(f"{W}tc")
    assert [_block(c)[0][1] for c in cells] == ["KT. GIÁM ĐỐC SỞ TÀI CHÍNH", "GIÁM ĐỐC"]
    assert [_block(c)[-1][1] for c in cells] == ["Trần Văn B", "Nguyễn Văn A"]
    below = second.findall(f"{W}tc")
    assert len(below) == 2
    assert "Nơi nhận:" in [t for _s, t in _block(below[0])]
    widths = [int(c.get(f"{W}w")) for c in table.find(f"{W}tblGrid")]
    assert max(widths) - min(widths) <= 1
    assert abs(mm_from_twips(sum(widths)) - 165) < 0.1


def test_four_blocks_share_the_width() -> None:
    cosigners = [Signatory(name=f"Lê Văn {n}", title="Giám đốc", other_title=None) for n in "BCD"]
    report = make_report(signatory=HEAD, cosignatories=cosigners)
    root = _document(baocao.render(report))
    names = [p for p in root.iter(f"{W}p") if _style(p) == "BCSignatureName"]
    assert [_text(p) for p in names] == ["Lê Văn B", "Lê Văn C", "Lê Văn D", "Nguyễn Văn A"]
    table = next(a for a in names[0].iterancestors() if a.tag == f"{W}tbl")
    assert len(table.find(f"{W}tblGrid")) == 4


def test_libreoffice_prints_both_blocks(tmp_path: Path) -> None:
    require_tools()
    report = make_report(signatory=HEAD, cosignatories=[DEPUTY])
    pdf = tmp_path / "joint.pdf"
    pdf.write_bytes(baocao.to_pdf(baocao.render(report)))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    row = next(line for line in text.splitlines() if "Trần Văn B" in line)
    assert "Nguyễn Văn A" in text
    assert "KT. GIÁM ĐỐC SỞ TÀI CHÍNH" in text
    assert "TRƯỞNG BAN CHỈ ĐẠO" in text
    assert row.index("Trần Văn B") < len(row) // 2  # the cosigner on the left
