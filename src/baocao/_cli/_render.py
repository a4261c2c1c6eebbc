"""``baocao render``: one report to .docx or PDF, or several on every core.

``-o`` names the output file (``-`` for standard output), or with several inputs a folder.
An output that would overwrite an input or the template, or that is not a regular file or
a new name, is refused before anything is read or written (exit 2).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import BaocaoError, LoadError
from .._files import output_kind
from ._common import UsageError, check_output_option, check_targets, read_report, write_stdout

if TYPE_CHECKING:
    from .._model import Report
    from .._options import Margins

__all__ = ["INPUT_SUFFIXES", "add_parser", "run"]


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return value


def _margins(text: str) -> Margins:
    from .._options import Margins  # attrs, only when --margins is given

    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not four numbers like 20,20,30,15") from None
    if len(numbers) != 4:
        raise argparse.ArgumentTypeError(f"{text!r} is not four numbers like 20,20,30,15")
    try:
        return Margins(top=numbers[0], bottom=numbers[1], left=numbers[2], right=numbers[3])
    except BaocaoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _render(report: Report, args: argparse.Namespace, output: Path | None = None) -> bytes:
    from .._render import render  # the render wing, only for the commands that render

    return render(
        report,
        output,
        template=args.template,
        profile=args.profile,
        margins=args.margins,
        metadata=args.metadata or args.pdf,  # issue 14: a PDF always carries Phụ lục VI
    )


INPUT_SUFFIXES = (".yaml", ".yml", ".json", ".md")


_FILE_SUFFIXES = (".docx", ".pdf")  # a new -o with these names a file, not a folder


def _is_input(path: Path) -> bool:
    """A file of a folder that is a report: .yaml, .yml, .json, and .md that opens with
    front matter (a README.md beside the reports is not one)."""
    suffix = path.suffix.lower()
    if suffix != ".md":
        return suffix in INPUT_SUFFIXES
    try:
        with path.open("rb") as stream:
            return stream.read(5).lstrip(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False


def _inputs(names: list[str]) -> list[Path]:
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if _is_input(p))
            if not found:
                raise LoadError(f"{path}: no .yaml, .yml, .json or .md file in this folder")
            paths.extend(found)
        else:
            paths.append(path)
    return paths


def _check_folder(folder: Path) -> None:
    """With several inputs, ``-o`` is an existing folder or a new name for one."""
    if folder.is_dir():
        return
    if os.path.lexists(folder):
        kind = output_kind(folder) or "a file"
        raise UsageError(
            f"-o {folder}: with several inputs, -o must be a folder, and this is {kind}"
        )
    if folder.suffix.lower() in _FILE_SUFFIXES:
        raise UsageError(
            f"-o {folder}: with several inputs, -o names a folder (give a name "
            f"without {folder.suffix}, or one INPUT)"
        )


class _Progress:
    """A one-line progress bar on standard error, drawn only on a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, _result: object) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // max(self.total, 1)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _cmd_render_many(args: argparse.Namespace) -> int:
    from .._model import load  # PyYAML, only for the commands that read reports
    from .._render import render_many  # the batch wing, only for several inputs

    if args.output == "-":
        raise UsageError("-o - (standard output) takes a single INPUT")
    if "-" in args.input:
        raise UsageError("- (standard input) takes a single INPUT")
    paths = _inputs(args.input)
    folder = Path(args.output) if args.output else None
    if folder is not None:
        _check_folder(folder)
    suffix = ".pdf" if args.pdf else ".docx"
    targets = [(folder or path.parent) / path.with_suffix(suffix).name for path in paths]
    check_targets(targets, paths, args.template)
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    failures = 0
    jobs: list[tuple[Report, Path]] = []
    for path, target in zip(paths, targets, strict=True):
        try:
            report = load(path)
        except BaocaoError as exc:
            message = str(exc)
            if not message.startswith(str(path)):
                message = f"{path}: {message}"
            print(f"baocao: error: {message}", file=sys.stderr)
            failures += 1
            continue
        jobs.append((report, target))
    progress = _Progress(len(jobs), not args.quiet)
    rendered = 0
    for result in render_many(
        jobs,
        template=args.template,
        jobs=args.jobs,
        profile=args.profile,
        margins=args.margins,
        progress=progress,
        pdf=args.pdf,  # issue 14: one LibreOffice for many documents
        pdf_version=args.pdf_version,
    ):
        error = None if result.ok else result.error
        if result.ok and args.fields:
            report, target = jobs[result.index]
            try:
                _add_fields(target.read_bytes(), report, target)
            except BaocaoError as exc:
                error = exc
        if error is None:
            rendered += 1
        else:
            failures += 1
            print(f"baocao: error: {jobs[result.index][1]}: {error}", file=sys.stderr)
    if not args.quiet:
        print(
            f"rendered {rendered} of {len(paths)} reports"
            + (f"; {failures} failed" if failures else ""),
            file=sys.stderr,
        )
    return 1 if failures else 0


def _add_fields(pdf: bytes, report: Report, output: Path | None = None) -> bytes:
    """``--fields``: the PDF with the empty signature fields of the decree's places."""
    from .._sign import signing_fields  # pyHanko, the optional extra, only when asked

    return signing_fields(pdf, report, output)


def run(args: argparse.Namespace) -> int:
    """Run ``baocao render`` for one input, or for several (:func:`_cmd_render_many`)."""
    check_output_option(args)
    if args.fields and not args.pdf:
        raise UsageError("--fields puts signature fields in a PDF: add --pdf")
    if len(args.input) > 1 or Path(args.input[0]).is_dir():
        return _cmd_render_many(args)
    args.input = args.input[0]
    if args.input == "-" and args.output is None:
        raise UsageError("reading from standard input needs -o OUTPUT (or -o - for stdout)")
    if args.output == "-":
        report = read_report(args.input)
        data = _render(report, args)
        if args.pdf:
            from .._render import to_pdf

            data = to_pdf(data, pdf_version=args.pdf_version)
            if args.fields:
                data = _add_fields(data, report)
        write_stdout(data)
        return 0
    if args.output is None:
        output = Path(args.input).with_suffix(".pdf" if args.pdf else ".docx")
    else:
        output = Path(args.output)
        wanted = ".pdf" if args.pdf else ".docx"
        if output.suffix.lower() in _FILE_SUFFIXES and output.suffix.lower() != wanted:
            raise UsageError(
                f"-o {output}: the output is a {wanted} file"
                + (" (--pdf)" if args.pdf else "; add --pdf for a PDF")
            )
    check_targets([output], [] if args.input == "-" else [Path(args.input)], args.template)
    report = read_report(args.input)
    if args.pdf:
        from .._render import to_pdf

        if args.fields:
            _add_fields(to_pdf(_render(report, args), pdf_version=args.pdf_version), report, output)
        else:
            to_pdf(_render(report, args), output, pdf_version=args.pdf_version)
    else:
        _render(report, args, output)
    if not args.quiet:
        print(f"wrote {output}", file=sys.stderr)
    return 0


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``render`` subcommand to ``subparsers``; it dispatches to :func:`run`."""
    p = subparsers.add_parser(
        "render",
        help="render a report (YAML, JSON or Markdown) to .docx",
        description="Render a report described in YAML, JSON or Markdown with YAML front "
        "matter to .docx (or PDF with --pdf).",
    )
    p.add_argument(
        "input",
        metavar="INPUT",
        nargs="+",
        help="the report: a .yaml, .yml, .json or .md (Markdown) file, or - for standard "
        "input (YAML or JSON); "
        "several files or a folder render them all, on every core",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        help="where to write (default: INPUT with .docx or .pdf; - for stdout); "
        "with several inputs, a folder; a regular file is replaced atomically, "
        "never an input, the template, a link, a pipe or a device",
    )
    p.add_argument(
        "-j",
        "--jobs",
        metavar="N",
        type=_jobs,
        default=None,
        help="processes for several inputs (default: every core)",
    )
    p.add_argument(
        "--template",
        metavar="TEMPLATE",
        help="a .docx template to fill instead of baocao's Mẫu 1.4 template",
    )
    p.add_argument(
        "--profile",
        choices=["14", "13"],
        default="14",
        help="size profile: 14 (Quốc hiệu 13, Tiêu ngữ 14, body 14 pt; default) or 13 (12, 13, 13)",
    )
    p.add_argument(
        "--margins",
        metavar="T,B,L,R",
        type=_margins,
        help="page margins in mm, top,bottom,left,right (default 20,20,30,15; "
        "legal ranges 20–25, 20–25, 30–35, 15–20)",
    )
    p.add_argument(
        "--pdf",
        action="store_true",
        help="convert to PDF/A with LibreOffice (needs soffice on PATH); several inputs "
        "share one LibreOffice",
    )
    p.add_argument(
        "--pdf-version",
        choices=["2b", "1b", "plain"],
        default="2b",
        help="with --pdf: PDF/A-2b (default), PDF/A-1b, or a plain PDF",
    )
    p.add_argument(
        "--fields",
        action="store_true",
        help="with --pdf: add the empty, named signature fields where the decree puts the "
        "signatures (needs the extra baocao[sign]; docs/signing.md)",
    )
    p.add_argument(
        "--metadata",
        action="store_true",
        help="write the metadata of Phụ lục VI into the .docx as custom properties "
        "(a PDF always has them)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="do not say what was written")
    p.set_defaults(func=run)
