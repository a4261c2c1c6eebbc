"""``baocao fields``, ``baocao sign`` and ``baocao verify``: signing-ready PDFs, PAdES
signatures with the user's own key, and what a PDF's signatures say (issue 14).

::

    $ baocao render bao-cao.yaml --pdf -o bao-cao.pdf
    $ baocao fields bao-cao.pdf --report bao-cao.yaml -o ky.pdf
    $ BAOCAO_PASSWORD=… baocao sign ky.pdf --as person --pkcs12 giam-doc.p12 \\
          --image chu-ky.png -o ky-1.pdf
    $ baocao sign ky-1.pdf --as body --pkcs11-module /usr/lib/fptca_v4.so \\
          --key-label "Sở Nội vụ" --image dau.png -o ky-2.pdf
    $ baocao verify ky-2.pdf --trust goc.pem

A password or PIN is never an option (it would show in the process list and the shell's
history): ``sign`` reads it from the environment variable ``BAOCAO_PASSWORD`` /
``BAOCAO_PIN``, or another named with ``--password-env`` / ``--pin-env``.

``verify`` prints one line per signature and exits 0 when the PDF has signatures and
every one is intact and valid (and trusted, with ``--trust``); 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .._files import json_for
from ._common import UsageError, check_targets, read_report
from ._render import _margins  # the same --margins as render

__all__ = ["add_parsers", "run_fields", "run_sign", "run_verify"]

_ROLES = ("body", "person")  # the role names the field it signs


def _seal(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size in millimetres") from None


def _output(args: argparse.Namespace) -> Path:
    if not args.output:
        raise UsageError("-o is empty: give the name of the PDF to write")
    target = Path(args.output)
    check_targets([target], [Path(args.input)], None)
    return target


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``fields``, ``sign`` and ``verify`` to ``subparsers``."""
    p = subparsers.add_parser(
        "fields",
        help="add empty signature fields where the decree puts the signatures",
        description="Add to INPUT.pdf (converted by baocao from REPORT) empty, named "
        "signature fields: person (ô 7c, between the signer's title and name) and body "
        "(ô 8, the seal over its left third), and text fields over a number and date left "
        "blank; with --separate, body alone at the top right of page 1 (ô 14).",
    )
    p.add_argument("input", metavar="INPUT.pdf", help="the PDF of the report")
    p.add_argument("--report", metavar="REPORT", help="the report it was rendered from")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    p.add_argument(
        "--separate", action="store_true", help="an appendix or copy issued as a file of its own"
    )
    p.add_argument(
        "--seal-mm", type=_seal, default=None, metavar="MM", help="the seal's real size (36)"
    )
    p.add_argument(
        "--margins",
        type=_margins,
        default=None,
        metavar="T,B,L,R",
        help="the margins the report was rendered with, in mm (for --separate)",
    )
    p.set_defaults(func=run_fields)

    p = subparsers.add_parser(
        "sign",
        help="sign a PDF in its field, with your own certificate (PAdES)",
        description="Sign INPUT.pdf in the empty signature field of the person or the body "
        "(baocao fields adds them), as an incremental update that keeps earlier "
        "signatures valid. PAdES B-B, or B-T with --timestamp-url. The key is yours: a "
        "PKCS#12 file or a PKCS#11 token; baocao is not a signing service.",
    )
    p.add_argument("input", metavar="INPUT.pdf", help="the PDF to sign")
    p.add_argument(
        "--as",
        dest="role",
        choices=_ROLES,
        required=True,
        help="sign as the person (ô 7c) or as the body (ô 8 / ô 14)",
    )
    p.add_argument("--field", help="another field's name (a cosigner: cosigner1-person, …)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    key = p.add_mutually_exclusive_group(required=True)
    key.add_argument("--pkcs12", metavar="FILE", help="the key and certificate, .p12 / .pfx")
    key.add_argument("--pkcs11-module", metavar="LIB", help="the token's PKCS#11 module")
    p.add_argument(
        "--password-env",
        default="BAOCAO_PASSWORD",
        metavar="VAR",
        help="the environment variable holding the PKCS#12 password",
    )
    p.add_argument(
        "--pin-env",
        default="BAOCAO_PIN",
        metavar="VAR",
        help="the environment variable holding the token's PIN",
    )
    p.add_argument("--slot", type=int, help="the token's slot number")
    p.add_argument("--token-label", help="the token's label")
    p.add_argument("--key-label", help="the key's label on the token")
    p.add_argument("--cert-label", help="the certificate's label, when not the key's")
    look = p.add_mutually_exclusive_group()
    look.add_argument("--image", metavar="PNG", help="the visible signature or seal (PNG)")
    look.add_argument("--text", help="the lines of a text signature (ô 14); the time follows")
    p.add_argument("--font", metavar="FILE", help="the font of a text signature")
    p.add_argument("--timestamp-url", metavar="URL", help="an RFC 3161 server: PAdES B-T")
    p.add_argument("--reason", help="the signature's reason")
    p.add_argument("--location", help="the signature's location")
    p.set_defaults(func=run_sign)

    p = subparsers.add_parser(
        "verify",
        help="list a PDF's signatures: who, when, intact, trusted",
        description="List the signatures of FILE.pdf, one per line: the field, the "
        "signer, the time, whether it is intact, and whether it is trusted against the "
        "roots given with --trust. Exit status 0 when there are signatures and each is "
        "intact and valid (and trusted, with --trust); 1 otherwise. Revocation is not "
        "checked.",
    )
    p.add_argument("input", metavar="FILE.pdf", help="the signed PDF")
    p.add_argument("--json", action="store_true", help="print the signatures as one JSON list")
    p.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="PEM",
        help="a root certificate to trust (PEM or DER); may be repeated",
    )
    p.set_defaults(func=run_verify)


def run_fields(args: argparse.Namespace) -> int:
    """Run ``baocao fields``."""
    from .._sign import signing_fields

    if args.separate == bool(args.report):
        raise UsageError("give --report REPORT, or --separate for a file of its own")
    target = _output(args)
    report = None if args.separate else read_report(args.report)
    options = {} if args.seal_mm is None else {"seal_mm": args.seal_mm}
    signing_fields(
        args.input, report, target, separate=args.separate, margins=args.margins, **options
    )
    print(f"wrote {target}", file=sys.stderr)
    return 0


def _secret(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value else None


def run_sign(args: argparse.Namespace) -> int:
    """Run ``baocao sign``."""
    from .._sign import SigningKey, sign

    target = _output(args)
    if args.pkcs12 is not None:
        key = SigningKey.from_pkcs12(args.pkcs12, _secret(args.password_env))
    else:
        if args.key_label is None and args.cert_label is None:
            raise UsageError("--pkcs11-module needs --key-label (or --cert-label)")
        key = SigningKey.from_pkcs11(
            args.pkcs11_module,
            key_label=args.key_label,
            cert_label=args.cert_label,
            slot=args.slot,
            token_label=args.token_label,
            pin=_secret(args.pin_env),
        )
    sign(
        args.input,
        key,
        target,
        field=args.field or args.role,
        image=args.image,
        text=args.text,
        timestamp_url=args.timestamp_url,
        reason=args.reason,
        location=args.location,
        font=args.font,
    )
    print(f"wrote {target}", file=sys.stderr)
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """Run ``baocao verify``: 0 when every signature holds, 1 otherwise."""
    from .._sign import verify

    found = verify(args.input, args.trust)
    good = all(info.intact and info.valid and (info.trusted or not args.trust) for info in found)
    if args.json:
        print(json_for([info.to_dict() for info in found], sys.stdout))
        return 0 if found and good else 1
    if not found:
        print(f"{args.input}: no signature")
        return 1
    for info in found:
        print(f"{args.input}: {info.summary}")
    return 0 if good else 1
