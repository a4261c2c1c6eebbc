"""``baocao check``: check .docx files against Nghị định 30/2020/NĐ-CP, Phụ lục I.

::

    $ baocao check bao-cao.docx
    bao-cao.docx: error date.padding (PL I, II.4.b): Địa danh, ngày tháng "Hà Nội, ngày 05
    tháng 03 năm 2026": found month "03", expected month "3" (a 0 before days below 10 and
    months 1 and 2 only)
    $ baocao check --json bao-cao.docx other.docx

One finding per line on standard output, ``FILE: severity rule (clause): where: found …,
expected …``; with ``--json``, one JSON list of objects with the keys ``file``, ``rule``,
``clause``, ``severity``, ``where``, ``found`` and ``expected``. A count per file goes to
standard error. A file that cannot be read prints ``baocao: error: …`` on standard error
and the other files are still checked.

Exit status: 1 when a file has an error-level finding or cannot be read, 0 otherwise
(warnings alone do not fail); 2 for a wrong command line, as for every command.
"""

from __future__ import annotations

import argparse
import sys

from .._errors import BaocaoError
from .._files import json_for
from ._common import severity_summary

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    parser = subparsers.add_parser(
        "check",
        help="check .docx files against the format of Nghị định 30/2020/NĐ-CP",
        description=(
            "Check each FILE (any .docx, not only those baocao makes) against Nghị định "
            "30/2020/NĐ-CP, Phụ lục I, and print one finding per line. Exit status 1 when "
            "a file has an error or cannot be read; warnings alone give 0."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .docx file")
    parser.add_argument("--json", action="store_true", help="print the findings as one JSON list")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``baocao check``; 1 when any file has an error or cannot be read, else 0."""
    from .._check import check  # the checker's wing, only for this command

    status = 0
    collected: list[dict[str, str]] = []
    for name in args.files:
        try:
            findings = check(name)
        except BaocaoError as exc:
            print(f"baocao: error: {exc}", file=sys.stderr)
            status = 1
            continue
        if any(f.severity == "error" for f in findings):
            status = 1
        if args.json:
            collected += [{"file": name, **f.to_dict()} for f in findings]
        else:
            for finding in findings:
                print(f"{name}: {finding}")
        print(f"{name}: {severity_summary(findings, 'no findings')}", file=sys.stderr)
    if args.json:
        print(json_for(collected, sys.stdout))  # \u escapes where stdout cannot encode it
    return status
