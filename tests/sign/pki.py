"""A throw-away certificate authority for the signing tests, made at run time: a root, and
a PKCS#12 file for each signer (no key is kept in the repository)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import attrs
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "mật khẩu thử"


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


@attrs.frozen
class Pki:
    """The root's PEM file, and a PKCS#12 file per signer, in one folder."""

    root_pem: Path
    other_root_pem: Path
    signers: dict[str, Path]


def _root(
    common_name: str, now: datetime.datetime
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _issue(
    root: x509.Certificate,
    root_key: ec.EllipticCurvePrivateKey,
    common_name: str,
    public_key: Any,
    now: datetime.datetime,
    *extensions: x509.ExtensionType,
) -> x509.Certificate:
    """A certificate for ``common_name`` signed by the root, valid for a month."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(root.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(_usage(ca=False), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
            critical=False,
        )
    )
    for extension in extensions:
        builder = builder.add_extension(extension, critical=True)
    return builder.sign(root_key, hashes.SHA256())


def make_pki(folder: Path, names: dict[str, str]) -> Pki:
    """A root and, for each ``role: common name``, a PKCS#12 file ``role.p12`` (password
    :data:`PASSWORD`) with the signer's key, certificate and the root; the key and the
    certificate also apart (``role.key.pem``, ``role.cert.der``), for a PKCS#11 token."""
    now = datetime.datetime.now(datetime.timezone.utc)
    root_key, root = _root("Gốc thử nghiệm baocao", now)
    _other_key, other = _root("Một gốc khác", now)
    signers = {}
    for role, common_name in names.items():
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _issue(root, root_key, common_name, key.public_key(), now)
        path = folder / f"{role}.p12"
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(
                role.encode(),
                key,
                cert,
                [root],
                serialization.BestAvailableEncryption(PASSWORD.encode("utf-8")),
            )
        )
        signers[role] = path
        (folder / f"{role}.key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        (folder / f"{role}.cert.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's
    # test TSA signs with RSA only
    time_stamping = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING])
    tsa = _issue(
        root, root_key, "Máy đóng dấu thời gian thử", tsa_key.public_key(), now, time_stamping
    )
    (folder / "tsa.cert.der").write_bytes(tsa.public_bytes(serialization.Encoding.DER))
    (folder / "tsa.key.der").write_bytes(
        tsa_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    root_pem = folder / "root.pem"
    root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    other_pem = folder / "other-root.pem"
    other_pem.write_bytes(other.public_bytes(serialization.Encoding.PEM))
    return Pki(root_pem, other_pem, signers)


def png(colour: tuple[int, int, int], *, seal: bool = False) -> bytes:
    """A PNG with a transparent background: a blue stroke (a signature) or a red ring (a
    seal)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 300 if seal else 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if seal:
        draw.ellipse([6, 6, 294, 294], outline=(*colour, 255), width=12)
    else:
        draw.line([(10, 100), (110, 15), (190, 105), (290, 20)], fill=(*colour, 255), width=6)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
