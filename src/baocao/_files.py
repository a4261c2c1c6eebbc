"""Reading .docx input and writing output files, the same way everywhere.

* :func:`read_docx` takes a document given as bytes, a path or a binary stream.
* :func:`write_atomic` writes through a temporary file in the same folder, flushed to
  disk, then renamed over the target: a crash or a full disk never leaves a half-written
  file there, and a failure leaves an existing file untouched. A new file gets the
  permissions ``open()`` would give (0666 less the umask); a replaced file keeps its own.
* :func:`write_output` sends bytes to a path (atomically) or a binary stream.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ._errors import InvalidTypeError, ValidationError

__all__ = ["read_docx", "write_atomic", "write_output"]


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
        try:
            return Path(name).read_bytes(), str(name)
        except OSError as err:
            raise ValidationError(str(name), f"cannot be read: {err.strerror or err}",
                                  path=path) from None
    read = getattr(docx, "read", None)
    if callable(read):
        data = read()
        if not isinstance(data, (bytes, bytearray)):
            raise InvalidTypeError(
                docx, "is a text stream; open the .docx in binary mode ('rb')", path=path)
        return bytes(data), str(getattr(docx, "name", "the document"))
    raise InvalidTypeError(docx, "is not a .docx as bytes, a path or a binary stream",
                           path=path)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module's docstring)."""
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777  # keep the mode of the file replaced
    except OSError:
        mode = 0o666 & ~_UMASK  # a new file: what open() would have made
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
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
    raise InvalidTypeError(out, f"is not a path or a binary stream to write {what} to",
                           path="out")
