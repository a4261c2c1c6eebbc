"""A PDF/A-2b file stays PDF/A through the fields and both signatures: each is an
incremental update, and the catalog keeps its XMP (``pdfaid:part``, ``pdfaid:conformance``).

The PDF/A conversion itself is ``to_pdf``'s (issue 14, §1); until it makes PDF/A by default,
this test asks LibreOffice's export filter for PDF/A-2b itself."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

import baocao
from baocao._render._pdf import find_soffice

from ..conftest import EXAMPLE_YAML, require_tools
from .pki import PASSWORD, Pki, png

pytestmark = pytest.mark.soffice

PDFA_2B = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def _pdfa(tmp_path: Path) -> bytes:
    require_tools()
    source = tmp_path / "in" / "2710-BC-SNV.docx"
    source.parent.mkdir()
    baocao.render(baocao.load(EXAMPLE_YAML), source)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            find_soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            PDFA_2B,
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return (tmp_path / "out" / "2710-BC-SNV.pdf").read_bytes()


def _xmp(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils.reader import PdfFileReader

    data: bytes = PdfFileReader(io.BytesIO(pdf)).root["/Metadata"].data
    return data


def test_pdfa_stays_pdfa_through_two_signatures(pki: Pki, tmp_path: Path) -> None:
    pdf = _pdfa(tmp_path)
    xmp = _xmp(pdf)
    assert b"<pdfaid:part>2</pdfaid:part>" in xmp or b'pdfaid:part="2"' in xmp
    ready = baocao.signing_fields(pdf, baocao.load(EXAMPLE_YAML))
    person = baocao.SigningKey.from_pkcs12(pki.signers["person"], PASSWORD)
    body = baocao.SigningKey.from_pkcs12(pki.signers["body"], PASSWORD)
    once = baocao.sign(ready, person, field="person", image=png((0, 0, 200)))
    twice = baocao.sign(once, body, field="body", image=png((220, 0, 0), seal=True))
    assert twice.startswith(pdf)
    assert _xmp(twice) == xmp  # the PDF/A identification, unchanged
    infos = baocao.verify(twice, [pki.root_pem])
    assert [(i.field, i.intact, i.trusted) for i in infos] == [
        ("person", True, True),
        ("body", True, True),
    ]
