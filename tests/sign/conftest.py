"""Fixtures of the signing tests: the examples printed by LibreOffice once per session, and
a certificate authority made at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

import baocao

from ..conftest import ROOT, require_tools
from .pki import Pki, make_pki

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def printed() -> dict[str, bytes]:
    """The PDFs LibreOffice prints of four examples: one signer, a draft with its number
    and date left blank, a joint report of two signers, and a TM./KT. block of three title
    lines in the 13 pt profile with other margins (``bc-tm-kt``)."""
    require_tools()
    names = ("2710-BC-SNV", "draft-to-trinh", "bc-lien-tich")
    printed = {
        name: baocao.to_pdf(baocao.render(baocao.load(EXAMPLES / f"{name}.yaml"))) for name in names
    }
    margins = baocao.Margins(top=25, left=35, right=20)
    small = baocao.render(baocao.load(EXAMPLES / "bc-tm-kt.yaml"), profile="13", margins=margins)
    printed["bc-tm-kt"] = baocao.to_pdf(small)
    return printed


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(
        tmp_path_factory.mktemp("pki"),
        {"person": "Trương Văn Lắm", "body": "Sở Nội vụ Thành phố Hồ Chí Minh"},
    )


def report(name: str) -> baocao.Report:
    return baocao.load(EXAMPLES / f"{name}.yaml")


__all__ = ["EXAMPLES", "Path", "report"]
