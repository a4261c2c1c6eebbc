"""The signing extra is optional: nothing imports it before a signing function runs, and
without it the error names the command that installs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import baocao
from baocao._sign._deps import INSTALL_SIGN, need


def test_a_missing_extra_names_the_install_command() -> None:
    with pytest.raises(baocao.SigningError, match=r"pip install 'baocao\[sign\]'") as caught:
        need("pyhanko_that_is_not_installed.sign")
    assert "pyhanko_that_is_not_installed" in str(caught.value)
    assert INSTALL_SIGN == "pip install 'baocao[sign]'"


def test_without_pyhanko_signing_fails_in_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "pyhanko" or m.startswith("pyhanko.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyhanko", None)  # import pyhanko raises ImportError
    with pytest.raises(baocao.SigningError, match=r"needs pyhanko.*baocao\[sign\]"):
        baocao.sign(b"%PDF-1.7\n", baocao.SigningKey.from_pkcs12("k.p12"))


def test_the_signing_names_load_nothing_heavy() -> None:
    code = (
        "import baocao, json, sys; baocao.sign, baocao.verify, baocao.signing_fields; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    loaded = json.loads(out.splitlines()[-1])
    assert [m for m in ("pyhanko", "pdfminer", "cryptography", "docx") if m in loaded] == []


def test_signing_key_needs_one_source() -> None:
    with pytest.raises(baocao.ValidationError, match=r"^pkcs12: .* and not both"):
        baocao.SigningKey(pkcs12="a.p12", pkcs11_module="m.so", key_label="k")
    with pytest.raises(baocao.ValidationError, match=r"^key_label: None is needed"):
        baocao.SigningKey.from_pkcs11("m.so")
    with pytest.raises(baocao.InvalidTypeError, match=r"^slot: "):
        baocao.SigningKey.from_pkcs11("m.so", key_label="k", slot="1")  # type: ignore[arg-type]
    key = baocao.SigningKey.from_pkcs11("m.so", key_label="k", pin="1234")
    assert "1234" not in repr(key)
