"""``check`` accepts both tone placements (issue 15 §3; docs/authoring.md says so): the
same document with every *oa*, *oe*, *uy* mark moved, either way, gets the same findings."""

from __future__ import annotations

import io
import zipfile
from typing import Literal

import baocao


def _moved(docx: bytes, style: Literal["old", "new"]) -> bytes:
    """``docx`` with the tone marks of its body text in ``style`` (via ``fix_text``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = baocao.fix_text(data.decode("utf-8"), tones=style).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def test_both_placements_check_alike(example_docx: bytes) -> None:
    old = _moved(example_docx, "old")  # the example writes "CỘNG HÒA", "Ủy ban", …
    new = _moved(old, "new")
    with zipfile.ZipFile(io.BytesIO(old)) as package:
        assert "CỘNG HOÀ" in package.read("word/document.xml").decode("utf-8")
    expected = [(f.rule, f.found) for f in baocao.check(example_docx)]
    assert [(f.rule, f.found) for f in baocao.check(old)] == expected
    assert [(f.rule, f.found) for f in baocao.check(new)] == expected
