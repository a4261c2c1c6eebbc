"""The face imports only light wings: the heavy ones load on first use (PEP 562).

Each case runs in a fresh interpreter, since this test process has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import baocao

from .conftest import make_report

HEAVY = ("docx", "docxtpl", "lxml", "jinja2")


def _modules_after(code: str) -> list[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    loaded: list[str] = json.loads(out.splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "code",
    [
        "import baocao",
        "import baocao; baocao.number_to_words(5); baocao.money_to_words(4607678000)",
        "import baocao; baocao.Report; baocao.ValidationError; baocao.Margins()",
        "from baocao._cli._main import main; main(['words', '5'])",
        "from baocao._cli._main import main; main(['schema'])",
    ],
)
def test_light_uses_import_no_heavy_wing(code: str) -> None:
    loaded = _modules_after(code)
    assert [name for name in HEAVY if name in loaded] == []


def test_the_cli_imports_what_its_command_needs() -> None:
    """``baocao check`` reads .docx files: no YAML, Babel, python-docx, docxtpl or Jinja."""
    loaded = _modules_after("from baocao._cli import main; main(['check', '/nonexistent/x.docx'])")
    unneeded = ("yaml", "babel", "num2words", "docx", "docxtpl", "jinja2")
    assert [name for name in unneeded if name in loaded] == []
    assert "baocao._check._rules" in loaded


# What `baocao check` must not import to read a document: the renderer and its templating,
# the model and its YAML, Babel and num2words, the package metadata (only --version reads
# it) and the stdlib's URL and mail machinery (xml.sax.saxutils pulls urllib.request).
NOT_FOR_CHECK = (
    "yaml",
    "babel",
    "num2words",
    "docx",
    "docxtpl",
    "jinja2",
    "markupsafe",
    "openpyxl",
    "importlib.metadata",
    "email",
    "xml.sax",
    "urllib.request",
    "http",
    "ssl",
    "baocao._render",
    "baocao._model",
    "baocao._options",
)


def _check_modules(folder: Path, data: bytes) -> list[str]:
    path = folder / "checked.docx"
    path.write_bytes(data)
    return _modules_after(f"from baocao._cli import main; main(['check', {str(path)!r}])")


def test_checking_a_document_imports_only_the_checker(tmp_path: Path) -> None:
    """``baocao check`` on a real document: the checker's wing, the reader of OOXML and
    nothing heavy; with no amount in words, not even the words wing's writers and reader."""
    loaded = _check_modules(tmp_path, baocao.render(make_report()))
    assert [name for name in NOT_FOR_CHECK if name in loaded] == []
    assert "baocao._check._rules" in loaded
    assert "baocao._ooxml._reader" in loaded
    unneeded = ("baocao._words._style", "baocao._words._parser", "baocao._ooxml._grid")
    assert [name for name in unneeded if name in loaded] == []


def test_an_amount_in_words_loads_the_reader_of_words_and_no_more(
    tmp_path: Path, example_docx: bytes
) -> None:
    """The example has one ("4.607.678.000 đồng (Bốn tỷ …)"): check reads it with the
    words wing's reader, and still imports no Babel, YAML or templating."""
    loaded = _check_modules(tmp_path, example_docx)
    assert "baocao._words._parser" in loaded
    assert [name for name in NOT_FOR_CHECK if name in loaded] == []


def test_a_heavy_name_loads_its_wing_on_first_use() -> None:
    loaded = _modules_after("import baocao; baocao.render")
    assert "docxtpl" in loaded


def test_every_public_name_is_reachable_and_named_baocao() -> None:
    for name in baocao.__all__:
        value = getattr(baocao, name)
        if isinstance(value, type) or callable(value):
            assert value.__module__ == "baocao", name
    assert set(baocao.__all__) <= set(dir(baocao))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        baocao.nothing  # noqa: B018
    with pytest.raises(AttributeError, match="no attribute '_nothing'"):
        baocao._nothing  # noqa: B018


def test_a_private_wing_is_reachable_as_an_attribute() -> None:
    code = "import baocao; print(baocao._check.check.__name__)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "check"


def test_the_checker_does_not_import_the_renderer() -> None:
    """check → render is an arrow the house forbids: the numbering alphabets both read
    live in ``baocao._nd30``, not in the render wing's context."""
    loaded = _modules_after("import baocao._check; baocao._check.check")
    assert [n for n in loaded if n.startswith("baocao._render") or n == "docxtpl"] == []
