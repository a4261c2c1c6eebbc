"""``baocao init``: a commented starter report, in Markdown or YAML (issue 15, §1).

::

    $ baocao init -o report.md                 # Markdown with YAML front matter
    $ baocao init --format yaml --type KH      # a kế hoạch in YAML, to standard output

The starter loads, renders and checks with no finding (a test holds it to that), for
each type of Mẫu 1.4: báo cáo, kế hoạch, tờ trình, thông báo … (``--type``, the
abbreviations of :class:`~baocao.DocumentType`). They are the only forms baocao writes
today. ``-o`` never replaces a file: an existing name is refused (exit 2).
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path

from .._files import write_atomic
from ._common import UsageError, check_output_option, check_targets, write_stdout

__all__ = ["FORMATS", "add_parser", "run", "starter"]

FORMATS = {"md": "report.md", "yaml": "report.yaml"}
"""The formats of ``--format`` and the starter file of each."""

_SUFFIXES = {".md": "md", ".yaml": "yaml", ".yml": "yaml"}


def starter(form: str = "md", doc_type: str = "BC") -> str:
    """The starter report in ``form`` ("md" or "yaml") for the type ``doc_type`` (an
    abbreviation of Mẫu 1.4: "BC", "KH", "TTr" …)."""
    from .._model import DocumentType  # the model's list of the types

    kind = DocumentType.parse(doc_type, path="--type")
    text = resources.files(__package__).joinpath(f"starters/{FORMATS[form]}").read_text("utf-8")
    if kind is DocumentType.REPORT:
        return text
    return (
        text.replace("doc_type: BC ", f"doc_type: {kind.value} ")
        .replace("Số: 12/BC-SNV", f"Số: 12/{kind.value}-SNV")
        .replace("Trên đây là báo cáo", f"Trên đây là {kind.title[0].lower()}{kind.title[1:]}")
    )


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``init`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    from .._nd30 import DOCUMENT_TYPES

    parser = subparsers.add_parser(
        "init",
        help="write a commented starter report (Markdown or YAML)",
        description=(
            "Write a commented starter report that renders and checks with no finding: "
            "Markdown with YAML front matter (the default) or YAML. Replace its values, "
            "then baocao render it. The types of Mẫu 1.4 (--type) are the only forms "
            "baocao writes today."
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE, a new name (default, or -: standard output); its suffix "
        "(.md, .yaml) chooses the format",
    )
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default=None,
        help="md (Markdown with front matter) or yaml (default: from -o, else md)",
    )
    parser.add_argument(
        "--type",
        dest="doc_type",
        metavar="TYPE",
        choices=list(DOCUMENT_TYPES),
        default="BC",
        help="the type of document of Mẫu 1.4, by its abbreviation: "
        + ", ".join(DOCUMENT_TYPES)
        + " (default: BC, báo cáo)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``baocao init``."""
    check_output_option(args)
    output = None if args.output in (None, "-") else Path(args.output)
    form = args.format
    if form is None:
        form = _SUFFIXES.get(output.suffix.lower(), "md") if output is not None else "md"
    if output is not None:
        if output.suffix.lower() in _SUFFIXES and _SUFFIXES[output.suffix.lower()] != form:
            raise UsageError(f"-o {output}: a {form} starter goes in a .{form} file")
        if os.path.lexists(output):
            raise UsageError(f"{output}: exists; baocao init writes only a new file")
        check_targets([output], [], None)
    text = starter(form, args.doc_type)
    if output is None:
        write_stdout(text)
        return 0
    write_atomic(output, text.encode("utf-8"))
    print(f"wrote {output}", file=sys.stderr)
    return 0
