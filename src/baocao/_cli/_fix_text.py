"""``baocao fix-text``: legacy-encoded or broken Vietnamese text as Unicode, from the shell.

::

    $ printf 'Céng hoµ x· héi chñ nghÜa ViÖt Nam\n' | baocao fix-text
    Cộng hoà xã hội chủ nghĩa Việt Nam
    $ baocao fix-text old.txt -o new.txt --encoding vni --tones new

FILE (or standard input without it) is read as UTF-8; a file that is not UTF-8 is read
byte for byte (Latin-1), as a legacy 8-bit file is stored, unless ``--encoding unicode``
says it must be UTF-8. The result, UTF-8, goes to standard output or to ``-o FILE``
(written atomically; an ``-o`` that is the input is refused, exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._errors import LoadError, ValidationError
from .._files import write_atomic
from ._common import UsageError, check_output_option, check_targets, write_stdout
from ._words import cli_message

__all__ = ["ENCODINGS", "add_parser", "run"]

ENCODINGS = ("auto", "unicode", "tcvn3", "tcvn3-caps", "vni", "viqr")
"""The choices of ``--encoding``: those of ``baocao.fix_text`` (a test holds them together)."""

_MAX_BYTES = 64 * 1024 * 1024


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``fix-text`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    parser = subparsers.add_parser(
        "fix-text",
        help="legacy Vietnamese text (TCVN3, VNI, VIQR) or broken marks to Unicode",
        description=(
            "Convert Vietnamese text in a legacy encoding (TCVN3/ABC, VNI-Windows, VIQR) to "
            "Unicode NFC, join the tone marks that PDF extraction detaches, and (only when "
            "asked) move tone marks to one placement. Without FILE, read standard input."
        ),
    )
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="a text file (default, or -: standard input)"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead (- for standard output)"
    )
    parser.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="auto",
        help="the encoding of the text (default: auto, found in the text); tcvn3-caps is "
        "TCVN3 typed in an all-capitals font (.VnTimeH)",
    )
    parser.add_argument(
        "--font",
        metavar="NAME",
        help="the font the text was typed in (.VnTime, .VnTimeH, VNI-Times): it tells the encoding",
    )
    parser.add_argument(
        "--tones",
        choices=("keep", "old", "new"),
        default="keep",
        help="tone placement: keep (default), old (hoà, uỷ) or new (hòa, ủy); "
        "baocao check accepts both",
    )
    parser.add_argument(
        "--keep-marks",
        action="store_true",
        help="leave detached marks ('Viê ̣ t') as they are",
    )
    parser.set_defaults(func=run)


def _read(name: str | None, must_be_utf8: bool) -> str:
    label = name or "<stdin>"
    if name is None:
        if sys.stdin is None:
            raise LoadError("<stdin>: standard input is closed")
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream put in its place
            return sys.stdin.read(_MAX_BYTES + 1)
        data: bytes = stream.read(_MAX_BYTES + 1)
    else:
        try:
            with open(name, "rb") as handle:
                data = handle.read(_MAX_BYTES + 1)
        except OSError as exc:
            raise LoadError(f"{name}: {exc.strerror or exc}") from None
    if len(data) > _MAX_BYTES:
        raise LoadError(f"{label}: more than {_MAX_BYTES // 1024 // 1024} MiB of text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if must_be_utf8:
            raise LoadError(
                f"{label}: not UTF-8 text (byte {exc.start}); without --encoding unicode a "
                "legacy 8-bit file is read byte for byte"
            ) from None
        return data.decode("latin-1")  # TCVN3 and VNI files: one byte, one code


def run(args: argparse.Namespace) -> int:
    """Run ``baocao fix-text``: 0 when the text was converted, 1 for an input that cannot
    be read or cannot be in the encoding given, 2 for options that do not go together."""
    from .._words import fix_text, font_encoding  # the tables, only when text is fixed

    check_output_option(args)
    if args.file == "-":
        args.file = None
    told = font_encoding(args.font) if args.font else None
    if told is not None and args.encoding not in ("auto", told):
        raise UsageError(
            f"--font {args.font} is a {told} font, but --encoding {args.encoding} was asked "
            "for; leave out one of them"
        )
    to_file = args.output is not None and args.output != "-"
    if to_file:
        check_targets([Path(args.output)], [Path(args.file)] if args.file else [], None)
    text = _read(args.file, args.encoding == "unicode")
    try:
        fixed = fix_text(
            text,
            encoding=args.encoding,
            font=args.font,
            tones=args.tones,
            marks="keep" if args.keep_marks else "join",
        )
    except ValidationError as exc:  # text that cannot be in the encoding asked for
        raise LoadError(f"{args.file or '<stdin>'}: {cli_message(exc.reason)}") from None
    if to_file:
        write_atomic(args.output, fixed.encode("utf-8"))
    else:
        write_stdout(fixed)
    return 0
