"""``baocao context``: print, as JSON, the values a template receives for a report."""

from __future__ import annotations

import argparse
import sys

from .._files import json_for
from ._common import read_report, write_stdout

__all__ = ["add_parser", "run"]


def run(args: argparse.Namespace) -> int:
    """Run ``baocao context``: the template context of INPUT, as JSON."""
    # \u escapes (the same JSON) where standard output cannot encode Vietnamese
    from .._render import context

    write_stdout(json_for(context(read_report(args.input)), sys.stdout) + "\n")
    return 0


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``context`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    p = subparsers.add_parser(
        "context",
        help="print the values a template receives, as JSON",
        description="Print, as JSON, exactly the values that a template "
        "receives for INPUT (see templates/README.md).",
    )
    p.add_argument("input", metavar="INPUT", help="the report (.yaml, .yml, .json, .md or -)")
    p.set_defaults(func=run)
