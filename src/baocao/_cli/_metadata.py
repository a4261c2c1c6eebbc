"""``baocao metadata``: print, as JSON, the fields of Phụ lục VI that a report, a rendered
.docx or a PDF carries (issue 14, §2)."""

from __future__ import annotations

import argparse
import sys

from .._files import json_for
from ._common import read_report, write_stdout

__all__ = ["add_parser", "run"]

_REPORTS = (".yaml", ".yml", ".json")


def run(args: argparse.Namespace) -> int:
    """Run ``baocao metadata``: the metadata of FILE, as JSON."""
    from .._render import metadata  # the render wing: the model, the .docx and PDF readers

    source = args.input
    found = (
        metadata(read_report(source))
        if source == "-" or source.lower().endswith(_REPORTS)
        else metadata(source)
    )
    write_stdout(json_for(found, sys.stdout) + "\n")
    return 0


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``metadata`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    p = subparsers.add_parser(
        "metadata",
        help="print the metadata of Phụ lục VI (a report, .docx or PDF), as JSON",
        description="Print, as JSON, the fields of Nghị định 30/2020, Phụ lục VI, Phần II "
        "(OrganName, CodeNumber, CodeNotation, IssuedDate, …) that FILE carries: a report "
        "(.yaml, .yml, .json or - for standard input), a .docx rendered with --metadata, "
        "or a PDF made by render --pdf (see docs/electronic.md).",
    )
    p.add_argument("input", metavar="FILE", help="a report, a rendered .docx or a PDF")
    p.set_defaults(func=run)
