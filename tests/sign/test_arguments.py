"""Every argument of the signing functions that is wrong names itself and its value,
before anything is read from a PDF (no LibreOffice needed)."""

from __future__ import annotations

from typing import Any

import pytest

import baocao

from .conftest import report

PDF = b"%PDF-1.7\n"

CASES: list[tuple[str, Any, type[Exception], str]] = [
    (
        "bytes that are not a PDF",
        lambda: baocao.signing_fields(b"hello", report("bc-tm-kt")),
        baocao.ValidationError,
        r"^pdf: b'hello' is not a PDF \(no %PDF- header\)",
    ),
    (
        "a missing file",
        lambda: baocao.verify("khong-co.pdf"),
        baocao.ValidationError,
        r"^pdf: 'khong-co.pdf' does not exist or is not a file",
    ),
    (
        "a text stream",
        lambda: baocao.verify(__import__("io").StringIO("%PDF-")),
        baocao.InvalidTypeError,
        r"^pdf: .* is a text stream; open the PDF in binary mode",
    ),
    (
        "no report",
        lambda: baocao.signing_fields(PDF),
        baocao.InvalidTypeError,
        r"^report: None is not the baocao.Report the PDF was rendered from",
    ),
    (
        "a seal too small",
        lambda: baocao.signing_fields(PDF, report("bc-tm-kt"), seal_mm=5),
        baocao.ValidationError,
        r"^seal_mm: 5 mm is not the size of a seal",
    ),
    (
        "margins that are not Margins",
        lambda: baocao.signing_fields(PDF, separate=True, margins=(1, 2)),  # type: ignore[arg-type]
        baocao.InvalidTypeError,
        r"^margins: \(1, 2\) is not a baocao.Margins",
    ),
    (
        "a key that is not a SigningKey",
        lambda: baocao.sign(PDF, "khoa.p12"),  # type: ignore[arg-type]
        baocao.InvalidTypeError,
        r"^key: 'khoa.p12' is not a baocao.SigningKey",
    ),
    (
        "a trust root that is not a certificate",
        lambda: baocao.verify(PDF, [b"not a cert"]),
        baocao.ValidationError,
        r"^trust\[0\]: .* is not a certificate",
    ),
]


@pytest.mark.parametrize(("what", "call", "error", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_wrong_argument_names_itself(
    what: str, call: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()
