"""The ``baocao`` command (also ``python -m baocao``).

A user error (bad input, bad template, LibreOffice missing) prints one line,
``baocao: error: …``, to standard error and exits 1; a wrong command line exits 2, as
argparse does. ``--help`` documents every option.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import _cli_check, _cli_lint, _cli_words
from ._batch import render_many
from ._context import context
from ._errors import BaocaoError, LoadError
from ._files import write_atomic
from ._load import MAX_INPUT_BYTES, load, loads
from ._model import Report
from ._options import Margins
from ._schema import json_schema
from ._signals import Terminated, handling_signals
from ._template import render

__all__ = ["main"]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("baocao")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _read(source: str) -> Report:
    if source == "-":
        data = sys.stdin.read(MAX_INPUT_BYTES + 1)  # loads refuses what is over the limit
        stripped = data.lstrip()
        return loads(data, format="json" if stripped.startswith("{") else "yaml",
                     name="<stdin>")
    return load(source)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return value


def _margins(text: str) -> Margins:
    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not four numbers like 20,20,30,15") \
            from None
    if len(numbers) != 4:
        raise argparse.ArgumentTypeError(f"{text!r} is not four numbers like 20,20,30,15")
    try:
        return Margins(top=numbers[0], bottom=numbers[1], left=numbers[2], right=numbers[3])
    except BaocaoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _render(report: Report, args: argparse.Namespace, output: Path | None = None) -> bytes:
    return render(report, output, template=args.template, profile=args.profile,
                  margins=args.margins)


INPUT_SUFFIXES = (".yaml", ".yml", ".json")


def _inputs(names: list[str]) -> list[Path]:
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                raise LoadError(f"{path}: no .yaml, .yml or .json file in this folder")
            paths.extend(found)
        else:
            paths.append(path)
    return paths


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
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] "
                             f"{self.done}/{self.total}")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _cmd_render_many(args: argparse.Namespace) -> int:
    if args.pdf:
        raise LoadError("--pdf converts one input at a time; give a single INPUT")
    if args.output == "-":
        raise LoadError("-o - (standard output) takes a single INPUT")
    paths = _inputs(args.input)
    folder = Path(args.output) if args.output else None
    if folder is not None:
        if folder.exists() and not folder.is_dir():
            raise LoadError(f"{folder}: with several inputs, -o must be a folder")
        folder.mkdir(parents=True, exist_ok=True)
    failures = 0
    jobs: list[tuple[Report, Path]] = []
    for path in paths:
        try:
            report = load(path)
        except BaocaoError as exc:
            message = str(exc)
            if not message.startswith(str(path)):
                message = f"{path}: {message}"
            print(f"baocao: error: {message}", file=sys.stderr)
            failures += 1
            continue
        target = (folder or path.parent) / path.with_suffix(".docx").name
        jobs.append((report, target))
    progress = _Progress(len(jobs), not args.quiet)
    rendered = 0
    for result in render_many(jobs, template=args.template, jobs=args.jobs,
                              profile=args.profile, margins=args.margins, progress=progress):
        if result.ok:
            rendered += 1
        else:
            failures += 1
            print(f"baocao: error: {jobs[result.index][1]}: {result.error}", file=sys.stderr)
    if not args.quiet:
        print(f"rendered {rendered} of {len(paths)} reports"
              + (f"; {failures} failed" if failures else ""), file=sys.stderr)
    return 1 if failures else 0


def _cmd_render(args: argparse.Namespace) -> int:
    if len(args.input) > 1 or Path(args.input[0]).is_dir():
        return _cmd_render_many(args)
    args.input = args.input[0]
    if args.input == "-" and args.output is None:
        raise LoadError("reading from standard input needs -o OUTPUT (or -o - for stdout)")
    report = _read(args.input)
    if args.output == "-":
        data = _render(report, args)
        if args.pdf:
            from ._pdf import to_pdf

            data = to_pdf(data)
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    if args.output is None:
        output = Path(args.input).with_suffix(".pdf" if args.pdf else ".docx")
    else:
        output = Path(args.output)
    if args.pdf:
        from ._pdf import to_pdf

        to_pdf(_render(report, args), output)
    else:
        _render(report, args, output)
    if not args.quiet:
        print(f"wrote {output}", file=sys.stderr)
    return 0


def _cmd_context(args: argparse.Namespace) -> int:
    data = json.dumps(context(_read(args.input)), ensure_ascii=False, indent=2)
    print(data)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``baocao`` command."""
    parser = argparse.ArgumentParser(
        prog="baocao",
        description="Vietnamese administrative reports (báo cáo) as data, rendered to "
        ".docx in the format of Nghị định 30/2020/NĐ-CP.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("render", help="render a report (YAML or JSON) to .docx",
                       description="Render a report described in YAML or JSON to .docx "
                       "(or PDF with --pdf).")
    p.add_argument("input", metavar="INPUT", nargs="+",
                   help="the report: a .yaml, .yml or .json file, or - for standard input; "
                   "several files or a folder render them all, on every core")
    p.add_argument("-o", "--output", metavar="OUTPUT",
                   help="where to write (default: INPUT with .docx or .pdf; - for stdout); "
                   "with several inputs, a folder; files are replaced atomically")
    p.add_argument("-j", "--jobs", metavar="N", type=_jobs, default=None,
                   help="processes for several inputs (default: every core)")
    p.add_argument("--template", metavar="TEMPLATE",
                   help="a .docx template to fill instead of baocao's Mẫu 1.4 template")
    p.add_argument("--profile", choices=["14", "13"], default="14",
                   help="size profile: 14 (Quốc hiệu 13, Tiêu ngữ 14, body 14 pt; default) "
                   "or 13 (12, 13, 13)")
    p.add_argument("--margins", metavar="T,B,L,R", type=_margins,
                   help="page margins in mm, top,bottom,left,right (default 20,20,30,15; "
                   "legal ranges 20–25, 20–25, 30–35, 15–20)")
    p.add_argument("--pdf", action="store_true",
                   help="convert to PDF with LibreOffice (needs soffice on PATH)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not say what was written")
    p.set_defaults(func=_cmd_render)

    p = sub.add_parser("context", help="print the values a template receives, as JSON",
                       description="Print, as JSON, exactly the values that a template "
                       "receives for INPUT (see templates/README.md).")
    p.add_argument("input", metavar="INPUT", help="the report (.yaml, .yml, .json or -)")
    p.set_defaults(func=_cmd_context)

    p = sub.add_parser("schema", help="print the JSON Schema of the input format",
                       description="Print the JSON Schema (draft 2020-12) of the YAML/JSON "
                       "input, generated from baocao's model.")
    p.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead")
    p.set_defaults(func=_cmd_schema)

    _cli_check.add_parser(sub)
    _cli_lint.add_parser(sub)
    _cli_words.add_parser(sub)
    sub.choices["words"].set_defaults(func=_cli_words.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``baocao`` command; return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with handling_signals():  # Ctrl-C, SIGTERM: stop children, remove temporaries
            status: int = args.func(args)
    except BaocaoError as exc:
        print(f"baocao: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. a full disk or a folder that cannot be written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"baocao: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Terminated:
        return Terminated.status
    except BrokenPipeError:  # pragma: no cover - e.g. `baocao context x | head`
        return 0
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
