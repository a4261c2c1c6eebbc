"""Signing-ready PDFs of the examples, signed twice and verified (issue 14, §3-4).

LibreOffice prints the examples once per session (``printed``); the certificates are made
at run time (``pki``)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

import baocao
from baocao._sign._places import PT_PER_MM, read_pages

from ..pdftext import pdf_text_layout
from .conftest import report
from .pki import PASSWORD, Pki, png

pytestmark = pytest.mark.soffice

BLUE, RED = (0, 0, 200), (220, 0, 0)


def _fields(pdf: bytes) -> dict[str, dict[str, Any]]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    count = int(reader.root["/Pages"]["/Count"])
    find: Any = reader.find_page_for_modification
    pages = {find(i)[0].idnum: i for i in range(count)}
    found = {}
    for ref in reader.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        page = pages[field.raw_get("/P").idnum]
        found[str(field["/T"])] = {
            "type": str(field["/FT"]),
            "page": page,
            "rect": [float(v) for v in field["/Rect"]],
        }
    return found


def _key(pki: Pki, role: str) -> baocao.SigningKey:
    return baocao.SigningKey.from_pkcs12(pki.signers[role], PASSWORD)


def test_the_fields_sit_where_the_decree_puts_the_signatures(printed: dict[str, bytes]) -> None:
    pdf = printed["2710-BC-SNV"]
    ready = baocao.signing_fields(pdf, report("2710-BC-SNV"))
    assert ready.startswith(pdf)  # an incremental update: the printed bytes are kept
    assert baocao.signing_fields(pdf, report("2710-BC-SNV")) == ready  # the same bytes
    fields = _fields(ready)
    assert sorted(fields) == ["body", "person"]
    last = len(read_pages(pdf)) - 1
    assert fields["person"]["page"] == fields["body"]["page"] == last
    lines = {line.text: line.box for line in read_pages(pdf)[last].lines}
    title, name = lines["GIÁM ĐỐC"], lines["Trương Văn Lắm"]
    x0, y0, x1, y1 = fields["person"]["rect"]
    assert name.y1 - 1 <= y0 < y1 <= title.y0 + 1  # between the title and the name (ô 7c)
    assert (x0 + x1) / 2 == pytest.approx((title.x0 + title.x1) / 2, abs=1)
    assert (y1 - y0) / PT_PER_MM >= 20  # tall enough for a signature image
    s0, t0, s1, t1 = fields["body"]["rect"]
    assert s1 == pytest.approx(x0 + (x1 - x0) / 3, abs=1.5)  # the seal over the left third (ô 8)
    assert (s1 - s0) / PT_PER_MM == pytest.approx(36, abs=0.5)
    assert (t0 + t1) / 2 == pytest.approx((y0 + y1) / 2, abs=1)


def test_a_draft_gets_fields_for_its_blank_number_and_date(printed: dict[str, bytes]) -> None:
    fields = _fields(baocao.signing_fields(printed["draft-to-trinh"], report("draft-to-trinh")))
    assert {name: f["type"] for name, f in fields.items() if f["type"] == "/Tx"} == {
        "number": "/Tx",
        "day": "/Tx",
        "month": "/Tx",
    }  # the year 2026 is printed
    assert fields["number"]["page"] == fields["day"]["page"] == 0


def test_a_joint_report_gets_a_pair_of_fields_per_signer(printed: dict[str, bytes]) -> None:
    fields = _fields(baocao.signing_fields(printed["bc-lien-tich"], report("bc-lien-tich")))
    assert sorted(fields) == ["body", "cosigner1-body", "cosigner1-person", "person"]
    assert fields["cosigner1-person"]["rect"][2] < fields["person"]["rect"][0]  # left of it


def test_three_title_lines_in_the_13_pt_profile(printed: dict[str, bytes]) -> None:
    pdf = printed["bc-tm-kt"]
    fields = _fields(baocao.signing_fields(pdf, report("bc-tm-kt")))
    x0, y0, x1, y1 = fields["person"]["rect"]
    lines = read_pages(pdf)[fields["person"]["page"]].lines
    title = next(line.box for line in lines if line.text == "PHÓ CHỦ TỊCH")  # the last line
    assert y1 == pytest.approx(title.y0, abs=1)
    assert y1 - y0 == pytest.approx(
        5 * 1.15 * 13 - 13, abs=2
    )  # 4 empty lines of 13 pt, rounded out
    assert (x0 + x1) / 2 == pytest.approx((title.x0 + title.x1) / 2, abs=1)


def test_a_separate_file_gets_one_field_top_right(printed: dict[str, bytes]) -> None:
    fields = _fields(baocao.signing_fields(printed["2710-BC-SNV"], separate=True))
    assert list(fields) == ["body"]
    x0, y0, _x1, _y1 = fields["body"]["rect"]
    assert fields["body"]["page"] == 0
    assert x0 > 595 / 2
    assert y0 > 841 - 20 * PT_PER_MM  # inside the top margin: the header is below


def test_the_person_then_the_body_sign_and_both_verify(
    printed: dict[str, bytes], pki: Pki, tmp_path: Path
) -> None:
    ready = baocao.signing_fields(printed["2710-BC-SNV"], report("2710-BC-SNV"))
    once = baocao.sign(ready, _key(pki, "person"), field="person", image=png(BLUE))
    out = tmp_path / "signed.pdf"
    twice = baocao.sign(once, _key(pki, "body"), out, field="body", image=png(RED, seal=True))
    assert out.read_bytes() == twice
    assert twice.startswith(once)  # incremental updates
    assert once.startswith(ready)
    person, body = baocao.verify(out, [pki.root_pem])
    assert (person.field, person.signer) == ("person", "Trương Văn Lắm")
    assert (body.field, body.signer) == ("body", "Sở Nội vụ Thành phố Hồ Chí Minh")
    for info in (person, body):
        assert (info.intact, info.valid, info.trusted) == (True, True, True)
        assert info.signed_at is not None
    assert (person.covers_whole_file, person.changes) == (False, "form_filling")
    assert body.covers_whole_file
    assert "intact, trusted" in body.summary
    untrusted = baocao.verify(twice)
    assert [(i.intact, i.trusted) for i in untrusted] == [(True, False), (True, False)]
    other = baocao.verify(twice, [pki.other_root_pem])
    assert [i.trusted for i in other] == [False, False]


def test_a_separate_file_is_signed_with_text(printed: dict[str, bytes], pki: Pki) -> None:
    ready = baocao.signing_fields(printed["2710-BC-SNV"], separate=True)
    signed = baocao.sign(ready, _key(pki, "body"), field="body", text="Số: 2710/BC-SNV")
    (info,) = baocao.verify(signed, [pki.root_pem])
    assert (info.intact, info.trusted) == (True, True)
    top = pdf_text_layout(signed)[0].splitlines()[:2]  # poppler prints the appearance
    assert top[0].strip() == "Số: 2710/BC-SNV"  # a real font: Vietnamese letters, 10 pt
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", top[1].strip())


def test_a_tampered_pdf_is_not_intact(printed: dict[str, bytes], pki: Pki) -> None:
    ready = baocao.signing_fields(printed["2710-BC-SNV"], report("2710-BC-SNV"))
    signed = bytearray(baocao.sign(ready, _key(pki, "person"), field="person"))
    signed[1000] ^= 0x01  # a byte of the printed page, inside what the signature covers
    (info,) = baocao.verify(bytes(signed), [pki.root_pem])
    assert not info.intact
    assert "BROKEN" in info.summary


ERRORS = [
    (
        "no such field",
        {"field": "ky-thay"},
        baocao.SigningError,
        "has no signature field 'ky-thay'",
    ),
    (
        "image and text",
        {"image": png(BLUE), "text": "x"},
        baocao.ValidationError,
        "^text: 'x' goes with no image",
    ),
    ("not a PNG", {"image": b"GIF89a"}, baocao.ValidationError, "^image: .* is not a PNG"),
    (
        "no URL",
        {"timestamp_url": "tsa.example"},
        baocao.ValidationError,
        "^timestamp_url: .* is not an http",
    ),
]


@pytest.mark.parametrize(
    ("what", "options", "error", "message"), ERRORS, ids=[e[0] for e in ERRORS]
)
def test_what_cannot_be_signed_says_why(
    printed: dict[str, bytes],
    pki: Pki,
    what: str,
    options: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    ready = baocao.signing_fields(printed["2710-BC-SNV"], report("2710-BC-SNV"))
    with pytest.raises(error, match=message):
        baocao.sign(ready, _key(pki, "person"), **options)


def test_a_wrong_password_and_a_signed_field_are_errors(
    printed: dict[str, bytes], pki: Pki
) -> None:
    ready = baocao.signing_fields(printed["2710-BC-SNV"], report("2710-BC-SNV"))
    wrong = baocao.SigningKey.from_pkcs12(pki.signers["person"], "sai")
    with pytest.raises(baocao.SigningError, match="wrong password"):
        baocao.sign(ready, wrong)
    signed = baocao.sign(ready, _key(pki, "person"))
    with pytest.raises(baocao.SigningError, match="'person' is signed already"):
        baocao.sign(signed, _key(pki, "person"))
    with pytest.raises(baocao.SigningError, match=r"exists already|already exists"):
        baocao.signing_fields(ready, report("2710-BC-SNV"))


def test_fields_for_another_report_are_refused(printed: dict[str, bytes]) -> None:
    with pytest.raises(baocao.SigningError, match=r"'Trần Văn B'.* is not in the PDF"):
        baocao.signing_fields(printed["2710-BC-SNV"], report("bc-lien-tich"))
