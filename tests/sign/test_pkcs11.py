"""Signing with a key on a PKCS#11 token, as the Vietnamese CAs' USB tokens hold them:
tested against SoftHSM2 (Debian ``softhsm2``) when it is installed, skipped otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import baocao

from .conftest import report
from .pki import Pki, png

MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")
MODULE = next((m for m in MODULES if os.path.isfile(m)), None)
PIN = "123456"

pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(
        MODULE is None or shutil.which("softhsm2-util") is None,
        reason="SoftHSM2 is not installed (Debian softhsm2)",
    ),
]


@pytest.fixture
def token(pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A SoftHSM2 token labelled ``baocao`` holding the body's key and certificate."""
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    util = shutil.which("softhsm2-util")
    assert util is not None

    def run(*args: str) -> None:
        subprocess.run([util, *args], check=True, capture_output=True, timeout=60)

    run("--init-token", "--free", "--label", "baocao", "--pin", PIN, "--so-pin", "654321")
    folder = pki.signers["body"].parent
    key_pem = folder / "body.key.pem"
    run(
        "--import",
        str(key_pem),
        "--token",
        "baocao",
        "--label",
        "co-quan",
        "--id",
        "01",
        "--pin",
        PIN,
    )
    import pkcs11
    from cryptography import x509
    from pkcs11 import Attribute, CertificateType, ObjectClass

    der = (folder / "body.cert.der").read_bytes()
    subject = x509.load_der_x509_certificate(der).subject.public_bytes()
    assert MODULE is not None
    library = pkcs11.lib(MODULE)
    lib_token = library.get_token(token_label="baocao")
    with lib_token.open(rw=True, user_pin=PIN) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "co-quan",
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: subject,
                Attribute.VALUE: der,
            }
        )
    return MODULE


def test_the_body_signs_with_its_token(printed: dict[str, bytes], pki: Pki, token: str) -> None:
    ready = baocao.signing_fields(printed["2710-BC-SNV"], report("2710-BC-SNV"))
    key = baocao.SigningKey.from_pkcs11(token, key_label="co-quan", token_label="baocao", pin=PIN)
    signed = baocao.sign(ready, key, field="body", image=png((220, 0, 0), seal=True))
    (info,) = baocao.verify(signed, [pki.root_pem])
    assert (info.field, info.signer, info.intact, info.trusted) == (
        "body",
        "Sở Nội vụ Thành phố Hồ Chí Minh",
        True,
        True,
    )
    wrong = baocao.SigningKey.from_pkcs11(
        token, key_label="co-quan", token_label="baocao", pin="000000"
    )
    with pytest.raises(baocao.SigningError, match="cannot open the PKCS#11 token"):
        baocao.sign(ready, wrong, field="body")
    missing = baocao.SigningKey.from_pkcs11(token, key_label="khac", token_label="baocao", pin=PIN)
    with pytest.raises(baocao.SigningError, match="'khac'"):
        baocao.sign(ready, missing, field="body")
