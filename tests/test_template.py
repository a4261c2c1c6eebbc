"""The committed template is what the generator builds, and it ships with the package."""

from __future__ import annotations

import io
import re
import zipfile

import docxtpl

import baocao
from baocao._render import default_template_path
from baocao._template_gen import build_template

from .conftest import ROOT


def test_committed_template_is_up_to_date() -> None:
    committed = (ROOT / "templates" / "bao-cao.docx").read_bytes()
    assert committed == build_template(), (
        "templates/bao-cao.docx is stale: run `python -m baocao._template_gen`")


def test_generator_is_deterministic() -> None:
    assert build_template() == build_template()


def test_default_template_is_found() -> None:
    assert default_template_path().is_file()


def test_every_template_variable_is_in_the_context_and_documented() -> None:
    template = docxtpl.DocxTemplate(io.BytesIO(build_template()))
    variables = template.get_undeclared_template_variables()
    report = baocao.load({
        "issuer": {"name": "Sở Nội vụ", "abbreviation": "SNV"}, "number": 1,
        "place": "Hà Nội", "date": "2026-01-01", "subject": "Kết quả",
        "signatory": {"title": "Giám đốc", "name": "Nguyễn Văn A"},
        "sections": [{"title": "A", "body": ["x"]}]})
    assert variables <= set(baocao.context(report))
    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    for key in baocao.context(report):
        assert f"`{key}`" in readme, f"templates/README.md does not document {key}"


def test_template_has_no_split_tags() -> None:
    with zipfile.ZipFile(io.BytesIO(build_template())) as package:
        xml = package.read("word/document.xml").decode()
    for tag in re.findall(r"\{[{%][^}]*[}%]\}", xml):
        assert "<" not in tag
