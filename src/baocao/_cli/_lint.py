"""``baocao lint``: check .docx templates before rendering with them.

::

    $ baocao lint my-template.docx
    my-template.docx: error unknown-variable: 'recipient_name' is not a value of the
    context (see templates/README.md, or run `baocao context REPORT`) (in the paragraph:
    Kính gửi: {{ recipient_name }})

One problem per line on standard output, ``FILE: severity code: message (in the
paragraph: …)``, and a count per file on standard error. A file that cannot be read, or
is not a .docx, prints ``baocao: error: …`` on standard error and the other files are
still linted.

Exit status: 1 when a template has an error or cannot be read, 0 otherwise (warnings
alone do not fail); 2 for a wrong command line, as for every command.
"""

from __future__ import annotations

import argparse
import sys

from .._errors import BaocaoError
from ._common import severity_summary

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``lint`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    parser = subparsers.add_parser(
        "lint",
        help="check .docx templates for broken tags and unknown names",
        description=(
            "Check each TEMPLATE (a .docx made from baocao's template) for tags that Word "
            "split or left unclosed, Jinja syntax errors, unclosed blocks, names the "
            "context does not have and attempts to reach Python internals, without "
            "rendering. Exit status 1 when a template has an error or cannot be read; "
            "warnings alone give 0."
        ),
    )
    parser.add_argument("templates", nargs="+", metavar="TEMPLATE", help="a .docx template")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``baocao lint``; 1 when any template has an error or cannot be read, else 0."""
    from .._render import lint  # the template wing, only for this command

    status = 0
    for name in args.templates:
        try:
            issues = lint(name)
        except BaocaoError as exc:
            print(f"baocao: error: {exc}", file=sys.stderr)
            status = 1
            continue
        if any(issue.severity == "error" for issue in issues):
            status = 1
        for issue in issues:
            print(f"{name}: {issue}")
        print(f"{name}: {severity_summary(issues, 'no problems')}", file=sys.stderr)
    return status
