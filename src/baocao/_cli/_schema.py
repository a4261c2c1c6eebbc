"""``baocao schema``: print (or write) the JSON Schema of the input format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._files import json_for, write_atomic
from ._common import check_output_option, check_targets, write_stdout

__all__ = ["add_parser", "run"]


def run(args: argparse.Namespace) -> int:
    """Run ``baocao schema``: the schema to standard output or to ``-o FILE``."""
    from .._model import json_schema

    check_output_option(args)
    if args.output and args.output != "-":
        check_targets([Path(args.output)], [], None)
        text = json_for(json_schema(), None) + "\n"
        write_atomic(args.output, text.encode("utf-8"))
    else:
        write_stdout(json_for(json_schema(), sys.stdout) + "\n")
    return 0


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schema`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    p = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the input format",
        description="Print the JSON Schema (draft 2020-12) of the YAML/JSON "
        "input, generated from baocao's model.",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write it to FILE instead (- for standard output)"
    )
    p.set_defaults(func=run)
