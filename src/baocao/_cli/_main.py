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
import os
import sys
from collections.abc import Sequence
from typing import Any

from .._errors import BaocaoError
from .._signals import Terminated, handling_signals
from . import _check as _cli_check
from . import _context as _cli_context
from . import _fix_text as _cli_fix_text
from . import _import as _cli_import
from . import _init as _cli_init
from . import _lint as _cli_lint
from . import _metadata as _cli_metadata
from . import _render as _cli_render
from . import _schema as _cli_schema
from . import _sign as _cli_sign
from . import _words as _cli_words
from ._common import UsageError, version

__all__ = ["main"]


def _writes_stdout(args: argparse.Namespace) -> bool:
    """Whether the command's results go to standard output."""
    if args.command in ("render", "schema", "fix-text", "init", "import"):
        return args.output == "-" or (args.command != "render" and not args.output)
    return True


class _VersionAction(argparse._VersionAction):
    """``--version``, reading the installed version only when it is asked for: the
    metadata reader (importlib.metadata, email, zipfile …) costs every other command a
    quarter of its start."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        self.version = f"%(prog)s {version()}"
        super().__call__(parser, *args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``baocao`` command."""
    parser = argparse.ArgumentParser(
        prog="baocao",
        description="Vietnamese administrative reports (báo cáo) as data, rendered to "
        ".docx in the format of Nghị định 30/2020/NĐ-CP.",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    _cli_render.add_parser(sub)
    _cli_context.add_parser(sub)
    _cli_metadata.add_parser(sub)
    _cli_schema.add_parser(sub)

    _cli_check.add_parser(sub)
    _cli_lint.add_parser(sub)
    _cli_words.add_parser(sub)
    sub.choices["words"].set_defaults(func=_cli_words.run)
    _cli_fix_text.add_parser(sub)
    _cli_import.add_parser(sub)  # issue 15
    _cli_sign.add_parsers(sub)  # issue 14: fields, sign, verify
    _cli_init.add_parser(sub)
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
    except UsageError as exc:
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
