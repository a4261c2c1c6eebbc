"""Reading .docx input and writing output files, the same way everywhere.

* :func:`read_bounded` reads a file of at most so many bytes, counting what is read (not
  what ``stat`` says), and refuses a pipe, a device or a socket before reading it (a
  ``.docx`` or ``.yaml`` that is a FIFO, or a link to ``/dev/zero``, must not hang).
* :func:`read_docx` takes a document given as bytes, a path or a binary stream.
* :func:`write_atomic` writes through a temporary file in the same folder, flushed to
  disk, then renamed over the target: a crash or a full disk never leaves a half-written
  file there, and a failure leaves an existing file untouched. A new file gets the
  permissions ``open()`` would give (0666 less the umask); a replaced file keeps its own.
* :func:`write_output` sends bytes to a path (atomically) or a binary stream.
* :func:`check_output` refuses a path that is not a regular file or a new name: writing
  must never replace a symbolic link, a named pipe (FIFO), a device such as ``/dev/full``,
  a socket or a folder. :func:`write_atomic` checks it before it writes and again just
  before the rename.
* :func:`json_for` is JSON text that a text stream can hold: UTF-8 as typed where the
  stream's encoding can encode it, else the same JSON with ``\\u`` escapes.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

from ._errors import InvalidTypeError, ValidationError

__all__ = [
    "MAX_DOCX_BYTES",
    "check_output",
    "json_for",
    "output_kind",
    "read_bounded",
    "read_docx",
    "write_atomic",
    "write_output",
]

MAX_DOCX_BYTES = 512 * 1024 * 1024
"""The largest .docx file read (the limit of its unpacked parts, too: ``_package``)."""


def read_bounded(
    path: str | os.PathLike[str], limit: int, error: Callable[[str], Exception]
) -> bytes:
    """The bytes of ``path``, at most ``limit``. What cannot be read becomes
    ``error(reason)``: a pipe, a device or a socket (refused before anything is read),
    a file larger than ``limit`` (by ``stat``, and by what is read: ``/proc`` files, a
    file that grows, a link to ``/dev/zero``), or an ``OSError``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            raise error("not a regular file (a device, a pipe or a socket)")
        if info.st_size > limit:  # refused before anything is read
            raise error(f"the file is larger than {limit} bytes")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # in pieces: read(limit + 1) would allocate all of it at once
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise error(f"the file is larger than {limit} bytes")
    return b"".join(chunks)


_CHUNK = 1 << 20


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once, at import: os.umask cannot be read without setting it


def read_docx(docx: object, *, path: str = "docx") -> tuple[bytes, str]:
    """The bytes of a document given as bytes, a path or a binary stream, and how to name
    it in messages. Errors name ``path`` (the argument)."""
    if isinstance(docx, (bytes, bytearray, memoryview)):
        return bytes(docx), "the document"
    if isinstance(docx, (str, os.PathLike)):
        name = os.fspath(docx)
        if not os.path.isfile(name):
            raise ValidationError(str(name), "does not exist or is not a file", path=path)
        return read_bounded(
            name, MAX_DOCX_BYTES, lambda reason: ValidationError(str(name), reason, path=path)
        ), str(name)
    read = getattr(docx, "read", None)
    if callable(read):
        data = read()
        if not isinstance(data, (bytes, bytearray)):
            raise InvalidTypeError(
                docx, "is a text stream; open the .docx in binary mode ('rb')", path=path
            )
        return bytes(data), str(getattr(docx, "name", "the document"))
    raise InvalidTypeError(docx, "is not a .docx as bytes, a path or a binary stream", path=path)


def _kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"  # pragma: no cover - door files and the like


def output_kind(path: str | os.PathLike[str]) -> str | None:
    """What ``path`` is when baocao must not write a file there (``"a symbolic link"``,
    ``"a folder"``, ...), or ``None`` for a regular file, a new name or a path that cannot
    be looked at (the write itself then says why)."""
    try:
        return _kind(os.lstat(path).st_mode)
    except (OSError, ValueError):  # missing, a parent that is not a folder, a NUL byte
        return None


def check_output(path: str | os.PathLike[str], *, name: str = "out") -> None:
    """Raise :class:`~baocao.ValidationError` (naming ``name``) when ``path`` is not a
    regular file or a new name, so that a write never replaces a link, a pipe, a device
    or a folder."""
    kind = output_kind(path)
    if kind is not None:
        raise ValidationError(
            os.fspath(path),
            f"is {kind}; baocao writes only to a regular file or a new name",
            path=name,
        )


def json_for(value: object, stream: object) -> str:
    """``value`` as indented JSON text for ``stream``: as typed (UTF-8) when the stream's
    encoding can hold it, else with ``\\u`` escapes (the same JSON value)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeError, LookupError):
        return json.dumps(value, ensure_ascii=True, indent=2)
    return text


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module's docstring)."""
    check_output(path)
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777  # keep the mode of the file replaced
    except OSError:
        mode = 0o666 & ~_UMASK  # a new file: what open() would have made
    import tempfile  # shutil, random: only for a write, not for check's read

    try:
        handle, temp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as exc:  # name the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        check_output(path)  # again: it may have become a link or a pipe meanwhile
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_output(out: object, data: bytes, *, what: str = "the document") -> None:
    """Write ``data`` to ``out``: nothing for ``None``, a path atomically, or a stream."""
    if out is None:
        return
    if isinstance(out, (str, os.PathLike)):
        write_atomic(out, data)
        return
    write = getattr(out, "write", None)
    if callable(write):
        write(data)
        return
    raise InvalidTypeError(out, f"is not a path or a binary stream to write {what} to", path="out")
