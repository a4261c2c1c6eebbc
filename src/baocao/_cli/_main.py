"""The ``baocao`` command (also ``python -m baocao``).

A user error (bad input, bad template, LibreOffice missing, a write that fails) prints
one line, ``baocao: error: …``, to standard error and exits 1; a wrong command line exits
2, as argparse does: options that do not go together, and an output that would destroy
something (an input, the template, a link, a pipe, a device, outputs that collide), found
before anything is read or written. ``--help`` documents every option; docs/errors.md,
"Command line: outputs and exit codes", lists every case.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from .._errors import BaocaoError, LoadError
from .._files import json_for, output_kind, write_atomic
from .._model import MAX_INPUT_BYTES, Report, json_schema, load, loads
from .._options import Margins
from .._signals import Terminated, handling_signals
from . import _check as _cli_check
from . import _lint as _cli_lint
from . import _words as _cli_words

__all__ = ["main"]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("baocao")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


class _UsageError(Exception):
    """A command line that asks for something baocao will not do: one line, exit 2."""


def _read(source: str) -> Report:
    if source == "-":
        if sys.stdin is None:
            raise LoadError("<stdin>: standard input is closed")
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream put in its place
            data = sys.stdin.read(MAX_INPUT_BYTES + 1)  # loads refuses what is over the limit
        else:
            try:  # the input is UTF-8, whatever the locale says
                data = stream.read(MAX_INPUT_BYTES + 1).decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise LoadError(f"<stdin>: not UTF-8 text (byte {exc.start})") from None
        stripped = data.lstrip()
        return loads(data, format="json" if stripped.startswith("{") else "yaml", name="<stdin>")
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
        report, output, template=args.template, profile=args.profile, margins=args.margins
    )


INPUT_SUFFIXES = (".yaml", ".yml", ".json")
_FILE_SUFFIXES = (".docx", ".pdf")  # a new -o with these names a file, not a folder


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


def _check_folder(folder: Path) -> None:
    """With several inputs, ``-o`` is an existing folder or a new name for one."""
    if folder.is_dir():
        return
    if os.path.lexists(folder):
        kind = output_kind(folder) or "a file"
        raise _UsageError(
            f"-o {folder}: with several inputs, -o must be a folder, and this is {kind}"
        )
    if folder.suffix.lower() in _FILE_SUFFIXES:
        raise _UsageError(
            f"-o {folder}: with several inputs, -o names a folder (give a name "
            f"without {folder.suffix}, or one INPUT)"
        )


def _collision_key(target: Path) -> str:
    # The real folder, and the name as a case-insensitive file system would see it (macOS,
    # Windows): a.docx and A.docx are the same file there.
    name = os.path.join(os.path.realpath(target.parent), target.name)
    return unicodedata.normalize("NFC", name).casefold()


def _file_id(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def _check_targets(targets: Sequence[Path], inputs: Sequence[Path], template: str | None) -> None:
    """Refuse, before anything is written, outputs that collide, that are an input or the
    template (under any name: another spelling, a link), or that are not a regular file or
    a new name."""
    groups: dict[str, list[int]] = {}
    for index, target in enumerate(targets):
        groups.setdefault(_collision_key(target), []).append(index)
    for indexes in groups.values():
        if len(indexes) == 1:
            continue
        names = [str(inputs[i]) for i in indexes]
        if len({_file_id(inputs[i]) or names[n] for n, i in enumerate(indexes)}) == 1:
            raise _UsageError(f"{names[0]} is given more than once")
        raise _UsageError(
            f"{', '.join(names[:-1])} and {names[-1]} would all be written to "
            f"{targets[indexes[0]]}; rename them, or render them in separate "
            "runs with different -o"
        )
    protected: dict[tuple[int, int], str] = {}
    for path in inputs:
        key = _file_id(path)
        if key is not None:
            protected.setdefault(key, f"the input {path}")
    if template is not None and (key := _file_id(template)) is not None:
        protected[key] = f"the template {template}"
    for target in targets:
        key = _file_id(target)
        if key is not None and key in protected:
            raise _UsageError(
                f"{target}: the output would overwrite {protected[key]}; choose another -o"
            )
        kind = output_kind(target)
        if kind is not None:
            single = len(targets) == 1 and kind != "a folder"
            hint = " (-o - writes to standard output)" if single else ""
            raise _UsageError(
                f"{target}: is {kind}; baocao writes only to a regular file or a new name{hint}"
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
    from .._render import render_many  # the batch wing, only for several inputs

    if args.pdf:
        raise _UsageError("--pdf converts one input at a time; give a single INPUT")
    if args.output == "-":
        raise _UsageError("-o - (standard output) takes a single INPUT")
    if "-" in args.input:
        raise _UsageError("- (standard input) takes a single INPUT")
    paths = _inputs(args.input)
    folder = Path(args.output) if args.output else None
    if folder is not None:
        _check_folder(folder)
    targets = [(folder or path.parent) / path.with_suffix(".docx").name for path in paths]
    _check_targets(targets, paths, args.template)
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
    ):
        if result.ok:
            rendered += 1
        else:
            failures += 1
            print(f"baocao: error: {jobs[result.index][1]}: {result.error}", file=sys.stderr)
    if not args.quiet:
        print(
            f"rendered {rendered} of {len(paths)} reports"
            + (f"; {failures} failed" if failures else ""),
            file=sys.stderr,
        )
    return 1 if failures else 0


def _check_output_option(args: argparse.Namespace) -> None:
    if args.output == "":
        raise _UsageError("-o is empty: give a file name, or - for standard output")


def _cmd_render(args: argparse.Namespace) -> int:
    _check_output_option(args)
    if len(args.input) > 1 or Path(args.input[0]).is_dir():
        return _cmd_render_many(args)
    args.input = args.input[0]
    if args.input == "-" and args.output is None:
        raise _UsageError("reading from standard input needs -o OUTPUT (or -o - for stdout)")
    if args.output == "-":
        report = _read(args.input)
        data = _render(report, args)
        if args.pdf:
            from .._render import to_pdf

            data = to_pdf(data)
        _write_stdout(data)
        return 0
    if args.output is None:
        output = Path(args.input).with_suffix(".pdf" if args.pdf else ".docx")
    else:
        output = Path(args.output)
        wanted = ".pdf" if args.pdf else ".docx"
        if output.suffix.lower() in _FILE_SUFFIXES and output.suffix.lower() != wanted:
            raise _UsageError(
                f"-o {output}: the output is a {wanted} file"
                + (" (--pdf)" if args.pdf else "; add --pdf for a PDF")
            )
    _check_targets([output], [] if args.input == "-" else [Path(args.input)], args.template)
    report = _read(args.input)
    if args.pdf:
        from .._render import to_pdf

        to_pdf(_render(report, args), output)
    else:
        _render(report, args, output)
    if not args.quiet:
        print(f"wrote {output}", file=sys.stderr)
    return 0


def _write_stdout(data: bytes | str) -> None:
    """Write to standard output (``-o -``), or say in one line why it cannot be."""
    stream = sys.stdout if isinstance(data, str) else getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise OSError(errno.EBADF, "standard output is closed (give -o FILE)")
    try:
        sys.stdout.flush()
        stream.write(data)  # type: ignore[arg-type]  # str to the text stream, bytes to its buffer
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write to standard output: {exc.strerror}") from None


def _cmd_context(args: argparse.Namespace) -> int:
    # \u escapes (the same JSON) where standard output cannot encode Vietnamese
    from .._render import context

    _write_stdout(json_for(context(_read(args.input)), sys.stdout) + "\n")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    _check_output_option(args)
    if args.output and args.output != "-":
        _check_targets([Path(args.output)], [], None)
        text = json_for(json_schema(), None) + "\n"
        write_atomic(args.output, text.encode("utf-8"))
    else:
        _write_stdout(json_for(json_schema(), sys.stdout) + "\n")
    return 0


def _writes_stdout(args: argparse.Namespace) -> bool:
    """Whether the command's results go to standard output."""
    if args.command in ("render", "schema"):
        return args.output == "-" or (args.command == "schema" and not args.output)
    return True


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``baocao`` command."""
    parser = argparse.ArgumentParser(
        prog="baocao",
        description="Vietnamese administrative reports (báo cáo) as data, rendered to "
        ".docx in the format of Nghị định 30/2020/NĐ-CP.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "render",
        help="render a report (YAML or JSON) to .docx",
        description="Render a report described in YAML or JSON to .docx (or PDF with --pdf).",
    )
    p.add_argument(
        "input",
        metavar="INPUT",
        nargs="+",
        help="the report: a .yaml, .yml or .json file, or - for standard input; "
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
        "--pdf", action="store_true", help="convert to PDF with LibreOffice (needs soffice on PATH)"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="do not say what was written")
    p.set_defaults(func=_cmd_render)

    p = sub.add_parser(
        "context",
        help="print the values a template receives, as JSON",
        description="Print, as JSON, exactly the values that a template "
        "receives for INPUT (see templates/README.md).",
    )
    p.add_argument("input", metavar="INPUT", help="the report (.yaml, .yml, .json or -)")
    p.set_defaults(func=_cmd_context)

    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the input format",
        description="Print the JSON Schema (draft 2020-12) of the YAML/JSON "
        "input, generated from baocao's model.",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write it to FILE instead (- for standard output)"
    )
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
    if sys.stdout is None and _writes_stdout(args):  # started with `>&-`
        print(
            "baocao: error: standard output is closed; the results have nowhere to go",
            file=sys.stderr,
        )
        return 1
    try:
        with handling_signals():  # Ctrl-C, SIGTERM: stop children, remove temporaries
            status: int = args.func(args)
            if sys.stdout is not None:
                sys.stdout.flush()  # report a full disk here, not as Python exits
    except _UsageError as exc:
        print(f"baocao: error: {exc}", file=sys.stderr)
        return 2
    except BaocaoError as exc:
        print(f"baocao: error: {exc}", file=sys.stderr)
        return 1
    except UnicodeEncodeError as exc:  # PYTHONIOENCODING=ascii and Vietnamese results
        print(
            f"baocao: error: standard output cannot hold the results (its encoding is "
            f"{exc.encoding}); set PYTHONIOENCODING=utf-8",
            file=sys.stderr,
        )
        return 1
    except UnicodeDecodeError as exc:
        print(
            f"baocao: error: standard input is not {exc.encoding} text; set PYTHONIOENCODING=utf-8",
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:  # e.g. `baocao context x | head`: the reader has had enough
        with contextlib.suppress(OSError, AttributeError):  # and Python must not say more
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # e.g. a full disk or a folder that cannot be written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"baocao: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Terminated:
        return Terminated.status
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
