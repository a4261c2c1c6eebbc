"""Deterministic .docx packages."""

from __future__ import annotations

import io
import zipfile

__all__ = ["normalise_zip"]


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a .docx with fixed timestamps and sorted entries, so equal input gives
    equal bytes (``[Content_Types].xml`` stays first, as Office expects)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    order = sorted(names, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
