"""The guard of the re-housing (issue "One house with rooms"): what ``baocao.render`` writes
for the example and for every varied report of the conformance tests, in both size
profiles, is recorded in ``tests/data/render_digests.json`` and must stay the same.

The digest is taken over the zip's entries (name and uncompressed bytes, in order), not the
zip file: the deflate stream may differ between zlib builds while every part is the same.
A change that moves a byte on purpose rewrites the file in the commit that explains it::

    BAOCAO_UPDATE_DIGESTS=1 python -m pytest tests/test_guard.py
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

import baocao

from .conftest import EXAMPLE_YAML, make_report
from .test_conformance_output import VARIANTS

DIGESTS = Path(__file__).parent / "data" / "render_digests.json"
PROFILES = ("14", "13")


def parts_digest(data: bytes) -> str:
    """sha256 over each entry's name and uncompressed content, in the zip's order."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            content = archive.read(info)
            digest.update(f"{info.filename}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.hexdigest()


def _reports() -> dict[str, baocao.Report]:
    reports = {"example": baocao.load(EXAMPLE_YAML)}
    reports.update({name: make_report(**fields) for name, fields in VARIANTS.items()})
    return reports


def _current() -> dict[str, str]:
    return {
        f"{name}@{profile}": parts_digest(baocao.render(report, profile=profile))
        for name, report in _reports().items()
        for profile in PROFILES
    }


def test_rendered_parts_are_unchanged() -> None:
    current = _current()
    if os.environ.get("BAOCAO_UPDATE_DIGESTS") == "1":
        DIGESTS.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip("digests rewritten")
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8"))
    changed = sorted(
        key for key in recorded.keys() | current.keys() if recorded.get(key) != current.get(key)
    )
    assert not changed, f"render writes other bytes for {changed}: explain it, then update"


def test_the_digest_sees_a_changed_part() -> None:
    data = baocao.render(make_report())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            content = archive.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(b"</w:body>", b"<w:p/></w:body>")
            copy.writestr(info, content)
    assert parts_digest(out.getvalue()) != parts_digest(data)
    assert parts_digest(baocao.render(make_report())) == parts_digest(data)
