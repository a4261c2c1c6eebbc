"""Deterministic .docx packages, written fast.

A .docx is a ZIP archive. baocao writes it itself (a plain ZIP: deflate, no ZIP64, which
a .docx never needs) so that

* equal entries always give equal bytes: names sorted with ``[Content_Types].xml`` first
  (as Office expects), every timestamp 1980-01-01 00:00, fixed attributes;
* entries that do not change from one render to the next are compressed once
  (:func:`compress`) and copied as they are, instead of being deflated again on every
  render (that was a third of the time of a one-page report).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import attrs

__all__ = ["Compressed", "compress", "normalise_zip", "zip_entries"]

_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_EXTERNAL = 0o100644 << 16  # a regular file, rw-r--r--
_MADE_BY = (3 << 8) | 20  # Unix, ZIP 2.0
_NEEDED = 20
_UTF8 = 0x800


@attrs.frozen
class Compressed:
    """An entry deflated once: its CRC-32, sizes and raw deflate stream."""

    crc: int
    size: int
    data: bytes


def compress(content: bytes) -> Compressed:
    """Deflate ``content`` the way :func:`zip_entries` stores it."""
    deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Compressed(
        zlib.crc32(content), len(content), deflate.compress(content) + deflate.flush()
    )


def zip_entries(entries: dict[str, bytes | Compressed]) -> bytes:
    """Write a .docx from its entries (raw bytes, or already :func:`compress`-ed)."""
    order = sorted(entries, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    central = []
    for name in order:
        entry = entries[name]
        packed = entry if isinstance(entry, Compressed) else compress(entry)
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else _UTF8
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                _NEEDED,
                flags,
                8,
                _DOS_TIME,
                _DOS_DATE,
                packed.crc,
                len(packed.data),
                packed.size,
                len(encoded),
                0,
            )
        )
        out.write(encoded)
        out.write(packed.data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                _MADE_BY,
                _NEEDED,
                flags,
                8,
                _DOS_TIME,
                _DOS_DATE,
                packed.crc,
                len(packed.data),
                packed.size,
                len(encoded),
                0,
                0,
                0,
                0,
                _EXTERNAL,
                offset,
            )
            + encoded
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), start, 0
        )
    )
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a .docx with baocao's fixed layout (see :func:`zip_entries`)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_entries({name: source.read(name) for name in source.namelist()})
