"""Verifying the signatures of a PDF (issue 14, §4): who signed, when, and whether each
signature is intact (the signed bytes unchanged), valid (the cryptography holds) and
trusted (its certificate chains to one of the roots given).

Revocation is not checked (no network): a certificate revoked after signing still shows
as trusted. For the full check of the national trust path (Thông tư 15/2025/TT-BKHCN) use
the verifying software of the CA or of the government.
"""

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO

import attrs

from .._errors import InvalidTypeError, SigningError, ValidationError
from .._files import read_bounded
from ._deps import need
from ._pdfio import read_pdf
from ._signing import signing_time_text

__all__ = ["SignatureInfo", "verify"]


@attrs.frozen
class SignatureInfo:
    """One signature of a PDF, as :func:`baocao.verify` found it.

    Attributes:
        field: the name of its signature field (``person``, ``body``, …).
        signer: người ký, the signer's name, from its certificate (common name).
        signed_at: the time the signer's software claimed, or None.
        timestamp: the time of its dấu thời gian, a timestamp token (PAdES B-T), or None.
        intact: the bytes it signed are unchanged.
        valid: intact, and the signature matches its certificate.
        trusted: the certificate chains to one of the roots given (False without roots).
        covers_whole_file: no change after it (False for the person's signature once the
            body has signed: the later revision is allowed form filling and signing).
        changes: what changed after it, in pyHanko's words (``none``, ``form_filling``,
            ``annotations``, ``other``).
        summary: one line for a person.
    """

    field: str
    signer: str
    signed_at: datetime.datetime | None
    timestamp: datetime.datetime | None
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    changes: str
    summary: str

    def to_dict(self) -> dict[str, object]:
        """The signature as JSON-ready data (times as ISO 8601 in the Vietnam zone)."""
        data: dict[str, object] = attrs.asdict(self)
        for name in ("signed_at", "timestamp"):
            value = getattr(self, name)
            data[name] = None if value is None else signing_time_text(value)
        return data


def _error(name: str, path: str) -> Callable[[str], Exception]:
    def error(reason: str) -> Exception:
        return ValidationError(name, reason, path=path)

    return error


def _roots(trust: Sequence[str | os.PathLike[str] | bytes]) -> list[Any]:
    pem = need("asn1crypto.pem")
    x509 = need("asn1crypto.x509")
    roots: list[Any] = []
    for index, item in enumerate(trust):
        path = f"trust[{index}]"
        if isinstance(item, (bytes, bytearray)):
            data = bytes(item)
        elif isinstance(item, (str, os.PathLike)):
            name = os.fspath(item)
            if not os.path.isfile(name):
                raise ValidationError(name, "does not exist or is not a file", path=path)
            data = read_bounded(name, 1 << 20, _error(name, path))
        else:
            raise InvalidTypeError(item, "is not a certificate file (PEM or DER)", path=path)
        try:
            if pem.detect(data):
                roots.extend(
                    x509.Certificate.load(der) for _t, _h, der in pem.unarmor(data, multiple=True)
                )
            else:
                roots.append(x509.Certificate.load(data))
            for cert in roots:
                cert.native  # noqa: B018 - parse now, fail here
        except Exception as exc:
            raise ValidationError(
                str(item)[:60], f"is not a certificate: {exc}", path=path
            ) from None
    return roots


def verify(
    pdf: bytes | str | os.PathLike[str] | BinaryIO,
    trust: Sequence[str | os.PathLike[str] | bytes] = (),
) -> list[SignatureInfo]:
    """The signatures of ``pdf``, in the order they were made.

    Args:
        pdf: the PDF (bytes, a path or a binary stream).
        trust: the root certificates to trust (PEM or DER files, or their bytes); none:
            every signature is untrusted, and only ``intact`` and ``valid`` say something.

    Raises:
        SigningError: the extra is not installed, or the PDF cannot be read.
        ValidationError: a root certificate cannot be read.
    """
    data = read_pdf(pdf)
    if isinstance(trust, (str, bytes, os.PathLike)):
        trust = [trust]
    roots = _roots(list(trust))
    reader_module = need("pyhanko.pdf_utils.reader")
    validation = need("pyhanko.sign.validation")
    certvalidator = need("pyhanko_certvalidator")
    try:
        reader = reader_module.PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:
        raise SigningError(f"the PDF cannot be read: {exc}") from None
    found = []
    for signature in embedded:
        context = certvalidator.ValidationContext(
            trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
        )
        try:
            status = validation.validate_pdf_signature(signature, context)
        except Exception as exc:
            raise SigningError(
                f"the signature in {signature.field_name!r} cannot be checked: {exc}"
            ) from None
        found.append(_info(signature.field_name, status, bool(roots)))
    return found


def _info(field: str, status: Any, have_roots: bool) -> SignatureInfo:
    cert = status.signing_cert
    names = cert.subject.native if cert is not None else {}
    signer = str(names.get("common_name") or cert.subject.human_friendly if cert else "?")
    timestamp = None
    if status.timestamp_validity is not None:
        timestamp = status.timestamp_validity.timestamp
    trusted = bool(status.trusted) and have_roots
    level = status.modification_level
    changes = "none" if level is None else level.name.lower()
    whole = str(status.coverage.name) == "ENTIRE_FILE"
    state = "intact" if status.intact else "BROKEN"
    if status.intact and not status.valid:
        state = "INVALID"
    when = timestamp or status.signer_reported_dt
    shown_time = "?" if when is None else signing_time_text(when)
    summary = (
        f"{field}: {signer}, {shown_time}, {state}, "
        f"{'trusted' if trusted else 'not trusted'}"
        + ("" if whole else f", later changes: {changes}")
    )
    return SignatureInfo(
        field=field,
        signer=signer,
        signed_at=status.signer_reported_dt,
        timestamp=timestamp,
        intact=bool(status.intact),
        valid=bool(status.valid) and bool(status.intact),
        trusted=trusted,
        covers_whole_file=whole,
        changes=changes,
        summary=summary,
    )
