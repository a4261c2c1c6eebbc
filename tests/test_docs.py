"""The docs cannot rot: generated parts are current and the glossary matches the code."""

from __future__ import annotations

import re
import subprocess
import sys

import attrs

import baocao
from baocao._model._schema import _field_docs

from .conftest import ROOT


def test_model_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_model_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_glossary_term_is_in_its_fields_docstring() -> None:
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    checked = 0
    for row in re.findall(r"^\| ([^|]+) \| [^|]+ \| ([^|]+) \|$", text, flags=re.M):
        term, where = row
        for cls_name, field in re.findall(r"`(\w+)\.(\w+)`", where):
            cls = getattr(baocao, cls_name, None)
            if cls is None or not attrs.has(cls):
                continue
            if field not in {f.name for f in attrs.fields(cls)}:
                continue
            doc = _field_docs(cls)[field].casefold()
            first = term.split(",")[0].split("(")[0].strip().casefold()
            assert first in doc, f"{cls_name}.{field} does not name {first!r}"
            checked += 1
    assert checked >= 20


def test_the_issue_12_examples_of_the_model_run() -> None:
    """Each YAML piece of "Drafts, marks and appendices" in docs/model.md, put beside the
    small report's fields, loads, renders and checks with no finding."""
    import yaml

    from .conftest import minimal_data

    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    start = text.index("## Drafts, marks and appendices")
    section = text[start : text.index("\n## ", start + 1)]
    blocks = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
    assert len(blocks) >= 4
    for block in blocks:
        report = baocao.load(minimal_data(**yaml.safe_load(block)))
        assert baocao.check(baocao.render(report)) == [], block


def test_the_readme_counts_the_rules() -> None:
    from baocao._check._rules import RULES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    counted = re.search(r"\((\d+) rules: page", readme)
    assert counted is not None
    assert int(counted[1]) == len(RULES), "README.md's number of check rules"
