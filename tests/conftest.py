"""Shared fixtures: small reports made by the tests, and the seed example."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import settings

import baocao

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_YAML = ROOT / "examples" / "2710-BC-SNV.yaml"
SEED = ROOT / "tests" / "data" / "2710-BC-SNV.txt"
"""The seed report as published (a copy of ``shared/seed/2710-BC-SNV.txt``, kept here so
that the fidelity test runs in every clone; an administrative document is not a work under
copyright, Luật Sở hữu trí tuệ, Điều 15)."""

# CI (CI=true, as .ci/run runs) explores the same examples every run, so that a green run
# is repeatable; a developer's run explores new ones. HYPOTHESIS_PROFILE picks either.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True, database=None)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


def require_tools(*, soffice: bool = True) -> None:
    """Skip when LibreOffice or pdftotext is missing, or fail if BAOCAO_REQUIRE_SOFFICE=1
    (as .ci/run sets it, so that the PDF tests run there rather than skip)."""
    from baocao._errors import ConversionError
    from baocao._render._pdf import find_soffice

    missing: list[str] = []
    if soffice:
        try:
            find_soffice()
        except ConversionError:
            missing.append("LibreOffice (soffice; Debian libreoffice-writer-nogui)")
    if shutil.which("pdftotext") is None:
        missing.append("pdftotext (Debian poppler-utils)")
    if missing:
        message = "not installed: " + ", ".join(missing)
        if os.environ.get("BAOCAO_REQUIRE_SOFFICE") == "1":
            pytest.fail(f"BAOCAO_REQUIRE_SOFFICE=1 but {message}")
        pytest.skip(message)


def run_script(folder: Path, source: str) -> subprocess.CompletedProcess[str]:
    """Run ``source`` (with ``{root}`` standing for the repository) as a plain script
    ``plain.py`` in ``folder``, as a user would, and return what it printed."""
    script = folder / "plain.py"
    script.write_text(source.format(root=str(ROOT)), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=300,
        check=False,
    )


def minimal_data(**changes: Any) -> dict[str, Any]:
    """The smallest valid report as plain data (what a YAML file would hold)."""
    data: dict[str, Any] = {
        "issuer": {"name": "Sở Nội vụ", "abbreviation": "SNV"},
        "number": 15,
        "place": "Hà Nội",
        "date": "2026-03-05",
        "subject": "Kết quả thực hiện nhiệm vụ quý I năm 2026",
        "signatory": {"title": "Giám đốc", "name": "Nguyễn Văn A"},
        "sections": [{"title": "Kết quả", "body": ["Đã hoàn thành các nhiệm vụ."]}],
    }
    data.update(changes)
    return data


def make_report(**changes: Any) -> baocao.Report:
    """The smallest valid report, with ``changes`` applied to its fields."""
    fields: dict[str, Any] = {
        "issuer": baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"),
        "number": 15,
        "place": "Hà Nội",
        "date": datetime.date(2026, 3, 5),
        "subject": "Kết quả thực hiện nhiệm vụ quý I năm 2026",
        "signatory": baocao.Signatory(title="Giám đốc", name="Nguyễn Văn A"),
        "sections": [baocao.Section(title="Kết quả", body=["Đã hoàn thành các nhiệm vụ."])],
    }
    fields.update(changes)
    return baocao.Report(**fields)


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


@pytest.fixture
def report_factory() -> Callable[..., baocao.Report]:
    return make_report


@pytest.fixture(scope="session")
def example_report() -> baocao.Report:
    return baocao.load(EXAMPLE_YAML)


@pytest.fixture(scope="session")
def example_docx(example_report: baocao.Report) -> bytes:
    return baocao.render(example_report)
