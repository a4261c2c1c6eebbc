"""The signer's own key: a PKCS#12 file (.p12, .pfx) or a PKCS#11 token.

The Vietnamese CAs' USB tokens (VNPT-CA, Viettel-CA, FPT-CA, BKAV-CA, …) are PKCS#11: give
the CA's module (``vnpt-ca_p11_v10.dll``, ``/usr/lib/fptca_v4.so``, …), the slot or the
token's label, the PIN, and the label of the key (and of its certificate, when it differs).
baocao signs with the key it is given; it is not a signing service and holds no key.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import attrs

from .._errors import InvalidTypeError, SigningError, ValidationError
from ._deps import need

__all__ = ["SigningKey", "open_signer"]


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidTypeError(value, "is not a text", path=attribute.name)
    if not value:
        raise ValidationError(value, "must not be empty", path=attribute.name)


def _optional_slot(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(value, "is not a slot number", path=attribute.name)
    if value < 0:
        raise ValidationError(value, "is not a slot number (0 or more)", path=attribute.name)


def _path(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)  # type: ignore[no-any-return]
    raise InvalidTypeError(value, "is not a path")


@attrs.frozen
class SigningKey:
    """Where the signer's private key and certificate are: exactly one of a PKCS#12 file
    (``pkcs12``) or a PKCS#11 module (``pkcs11_module``). Build one with
    :meth:`from_pkcs12` or :meth:`from_pkcs11`.

    >>> key = SigningKey.from_pkcs12("giam-doc.p12", password="…")
    >>> key.pkcs12, "…" in repr(key)  # the password is not shown
    ('giam-doc.p12', False)
    >>> SigningKey()
    Traceback (most recent call last):
    ...
    baocao.ValidationError: pkcs12: None needs a PKCS#12 file or a PKCS#11 module, and not both

    Attributes:
        pkcs12: the PKCS#12 file (.p12, .pfx) holding the key and its chứng thư số
            (certificate) with its chain.
        password: the PKCS#12 file's password (not shown in the repr).
        pkcs11_module: the PKCS#11 module (.so, .dll, .dylib) of the thiết bị lưu khóa bí
            mật, the token (USB token, smart card, HSM) that holds the key.
        slot: the token's slot number; by default the first slot whose token matches.
        token_label: the token's label.
        pin: the user's mã PIN (not shown); ``None`` when the token asks for it itself.
        key_label: the label of the private key on the token.
        cert_label: the label of the certificate, when it is not the key's.
    """

    pkcs12: str | None = attrs.field(default=None, converter=_path, validator=_optional_text)
    password: str | None = attrs.field(default=None, repr=False, validator=_optional_text)
    pkcs11_module: str | None = attrs.field(default=None, converter=_path, validator=_optional_text)
    slot: int | None = attrs.field(default=None, validator=_optional_slot)
    token_label: str | None = attrs.field(default=None, validator=_optional_text)
    pin: str | None = attrs.field(default=None, repr=False, validator=_optional_text)
    key_label: str | None = attrs.field(default=None, validator=_optional_text)
    cert_label: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if (self.pkcs12 is None) == (self.pkcs11_module is None):
            raise ValidationError(
                self.pkcs12,
                "needs a PKCS#12 file or a PKCS#11 module, and not both",
                path="pkcs12",
            )
        if self.pkcs11_module is not None and self.key_label is None and self.cert_label is None:
            raise ValidationError(
                None, "is needed to find the key on the token (or cert_label)", path="key_label"
            )

    @classmethod
    def from_pkcs12(cls, path: str | os.PathLike[str], password: str | None = None) -> SigningKey:
        """The key and certificate chain in a PKCS#12 file."""
        return cls(pkcs12=_path(path), password=password)

    @classmethod
    def from_pkcs11(
        cls,
        module: str | os.PathLike[str],
        *,
        key_label: str | None = None,
        cert_label: str | None = None,
        slot: int | None = None,
        token_label: str | None = None,
        pin: str | None = None,
    ) -> SigningKey:
        """The key on a PKCS#11 token (a USB token, a smart card, an HSM)."""
        return cls(
            pkcs11_module=_path(module),
            slot=slot,
            token_label=token_label,
            pin=pin,
            key_label=key_label,
            cert_label=cert_label,
        )


@contextlib.contextmanager
def open_signer(key: SigningKey, *, raw: bool = False) -> Iterator[Any]:
    """pyHanko's signer for ``key``; a PKCS#11 session is closed on leaving. ``raw``: the
    token hashes nothing, pyHanko hashes and the token signs the digest (ECDSA on tokens
    without CKM_ECDSA_SHA256, such as SoftHSM2).

    Raises:
        SigningError: the file, password, module, token, PIN or label is wrong.
    """
    if not isinstance(key, SigningKey):
        raise InvalidTypeError(key, "is not a baocao.SigningKey", path="key")
    signers = need("pyhanko.sign.signers")
    if key.pkcs12 is not None:
        if not os.path.isfile(key.pkcs12):
            raise ValidationError(key.pkcs12, "does not exist or is not a file", path="pkcs12")
        password = None if key.password is None else key.password.encode("utf-8")
        try:
            signer = signers.SimpleSigner.load_pkcs12(key.pkcs12, passphrase=password)
        except Exception as exc:
            raise SigningError(f"{key.pkcs12}: cannot read the PKCS#12 file: {exc}") from None
        if signer is None:  # pyHanko logs the reason and returns None
            raise SigningError(
                f"{key.pkcs12}: cannot read the key from the PKCS#12 file (a wrong password, "
                "or not a PKCS#12 file)"
            )
        yield signer
        return
    assert key.pkcs11_module is not None
    pkcs11 = need("pyhanko.sign.pkcs11")
    config = need("pyhanko.config.pkcs11")
    criteria = None if key.token_label is None else config.TokenCriteria(label=key.token_label)
    try:
        session = pkcs11.open_pkcs11_session(
            key.pkcs11_module, slot_no=key.slot, token_criteria=criteria, user_pin=key.pin
        )
    except Exception as exc:
        raise SigningError(
            f"{key.pkcs11_module}: cannot open the PKCS#11 token: {exc or type(exc).__name__}"
        ) from None
    try:
        try:
            signer = pkcs11.PKCS11Signer(
                session,
                key_label=key.key_label,
                cert_label=key.cert_label,
                use_raw_mechanism=raw,
            )
        except Exception as exc:
            raise SigningError(
                f"{key.pkcs11_module}: cannot use the key {key.key_label or key.cert_label!r} "
                f"on the token: {exc or type(exc).__name__}"
            ) from None
        yield signer
    finally:
        session.close()
