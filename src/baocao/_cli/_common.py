"""What the commands of ``baocao`` share: reading a report, writing to standard output,
refusing outputs that would destroy something, and the one-line usage error (exit 2)."""

from __future__ import annotations

import argparse
import errno
import os
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .._errors import LoadError
from .._files import output_kind

if TYPE_CHECKING:
    from .._model import Report

__all__ = [
    "UsageError",
    "check_output_option",
    "check_targets",
    "read_report",
    "severity_summary",
    "version",
    "write_stdout",
]


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("baocao")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


class UsageError(Exception):
    """A command line that asks for something baocao will not do: one line, exit 2."""


def read_report(source: str) -> Report:
    """The report in the file ``source`` (YAML or JSON), or on standard input for ``-``."""
    from .._model import MAX_INPUT_BYTES, load, loads  # PyYAML, only for the commands that read

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


def check_targets(targets: Sequence[Path], inputs: Sequence[Path], template: str | None) -> None:
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
            raise UsageError(f"{names[0]} is given more than once")
        raise UsageError(
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
            raise UsageError(
                f"{target}: the output would overwrite {protected[key]}; choose another -o"
            )
        kind = output_kind(target)
        if kind is not None:
            single = len(targets) == 1 and kind != "a folder"
            hint = " (-o - writes to standard output)" if single else ""
            raise UsageError(
                f"{target}: is {kind}; baocao writes only to a regular file or a new name{hint}"
            )


def check_output_option(args: argparse.Namespace) -> None:
    if args.output == "":
        raise UsageError("-o is empty: give a file name, or - for standard output")


def write_stdout(data: bytes | str) -> None:
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


class _Graded(Protocol):
    @property
    def severity(self) -> str: ...


def severity_summary(items: Sequence[_Graded], empty: str) -> str:
    """``"2 errors, 1 warning"``, or ``empty`` when there is nothing (used by check and lint)."""
    errors = sum(1 for item in items if item.severity == "error")
    warnings = len(items) - errors
    if not items:
        return empty
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ", ".join(parts)
