"""Deterministic .docx packages."""

from __future__ import annotations

import io
import zipfile

__all__ = ["normalise_zip", "zip_entries"]


def zip_entries(entries: dict[str, bytes]) -> bytes:
    """Write a .docx from its entries: sorted names (``[Content_Types].xml`` first, as
    Office expects), fixed timestamps, so equal entries give equal bytes."""
    order = sorted(entries, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, entries[name])
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a .docx with fixed timestamps and sorted entries (see :func:`zip_entries`)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_entries({name: source.read(name) for name in source.namelist()})
