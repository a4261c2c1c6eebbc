"""``baocao import``: an existing Word report read into a YAML report.

::

    $ baocao import old.docx -o report.yaml
    $ baocao render report.yaml

The YAML (``baocao.dumps``) goes to ``-o FILE`` (written atomically) or to standard output;
the account of what was inferred and what the importer was unsure of goes to standard
error, one line each. Plain text (.txt) is not read yet.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._errors import LoadError
from .._files import write_atomic
from ._common import check_output_option, check_targets, write_stdout

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``import`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    parser = subparsers.add_parser(
        "import",
        help="read an existing .docx report into a YAML report",
        description=(
            "Read a .docx report, whoever made it, into the report model and write it as "
            "YAML; 'baocao render' then gives its conformant version. What was inferred and "
            "what is unsure is printed to standard error."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the .docx report")
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the YAML to OUT (default: standard output)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="do not print what was inferred and unsure"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``baocao import``: 0 when the report was read, 1 when it cannot be."""
    from .._import import import_docx
    from .._model import dumps

    check_output_option(args)
    if Path(args.file).suffix.lower() != ".docx":
        raise LoadError(f"{args.file}: expected a .docx file (plain text is not read yet)")
    to_file = args.output is not None and args.output != "-"
    if to_file:
        check_targets([Path(args.output)], [Path(args.file)], None)
    result = import_docx(args.file)
    text = dumps(result.report)
    if to_file:
        write_atomic(args.output, text.encode("utf-8"))
    else:
        write_stdout(text)
    if not args.quiet and sys.stderr is not None:
        summary = result.summary()
        if summary:
            print(summary, file=sys.stderr)
    return 0
