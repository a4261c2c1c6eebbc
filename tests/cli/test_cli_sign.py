"""``baocao fields``, ``baocao sign`` and ``baocao verify`` (issue 14): the example made
signing-ready, signed by the person and then the body, verified; errors in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import baocao
from baocao._cli import main

from ..conftest import EXAMPLE_YAML, require_tools
from ..sign.pki import PASSWORD, Pki, make_pki, png


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tools()
    path = tmp_path_factory.mktemp("pdf") / "2710-BC-SNV.pdf"
    baocao.to_pdf(baocao.render(baocao.load(EXAMPLE_YAML)), path)
    return path


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(
        tmp_path_factory.mktemp("pki"), {"person": "Trương Văn Lắm", "body": "Sở Nội vụ"}
    )


@pytest.mark.soffice
def test_fields_sign_twice_and_verify(
    pdf: Path,
    keys: Pki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ready, once, twice = tmp_path / "ky.pdf", tmp_path / "ky-1.pdf", tmp_path / "ky-2.pdf"
    signature, seal = tmp_path / "chu-ky.png", tmp_path / "dau.png"
    signature.write_bytes(png((0, 0, 200)))
    seal.write_bytes(png((220, 0, 0), seal=True))
    assert main(["fields", str(pdf), "--report", str(EXAMPLE_YAML), "-o", str(ready)]) == 0
    monkeypatch.setenv("BAOCAO_PASSWORD", PASSWORD)
    person = ["--pkcs12", str(keys.signers["person"]), "--image", str(signature)]
    assert main(["sign", str(ready), "--as", "person", *person, "-o", str(once)]) == 0
    monkeypatch.delenv("BAOCAO_PASSWORD")
    monkeypatch.setenv("MAT_KHAU_CO_QUAN", PASSWORD)
    body = ["--pkcs12", str(keys.signers["body"]), "--password-env", "MAT_KHAU_CO_QUAN"]
    assert (
        main(["sign", str(once), "--as", "body", *body, "--image", str(seal), "-o", str(twice)])
        == 0
    )
    capsys.readouterr()
    assert main(["verify", str(twice), "--trust", str(keys.root_pem)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1].split(",")[0] for line in lines] == [
        "person: Trương Văn Lắm",
        "body: Sở Nội vụ",
    ]
    assert all("intact, trusted" in line for line in lines)
    assert main(["verify", str(twice), "--json", "--trust", str(keys.root_pem)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(s["field"], s["signer"], s["intact"], s["trusted"]) for s in listed] == [
        ("person", "Trương Văn Lắm", True, True),
        ("body", "Sở Nội vụ", True, True),
    ]
    assert listed[0]["signed_at"].endswith("+07:00")
    assert main(["verify", str(twice), "--trust", str(keys.other_root_pem)]) == 1
    assert "not trusted" in capsys.readouterr().out
    assert main(["verify", str(pdf)]) == 1
    assert capsys.readouterr().out.strip().endswith("no signature")


@pytest.mark.soffice
def test_sign_errors_are_one_line(
    pdf: Path,
    keys: Pki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ready = tmp_path / "ky.pdf"
    assert (
        main(["fields", str(pdf), "--separate", "--margins", "20,20,30,20", "-o", str(ready)]) == 0
    )
    capsys.readouterr()
    monkeypatch.setenv("BAOCAO_PASSWORD", "sai")
    argv = ["sign", str(ready), "--as", "body", "--pkcs12", str(keys.signers["body"])]
    assert main([*argv, "-o", str(tmp_path / "out.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("baocao: error: ")
    assert "wrong password" in err
    assert len(err.splitlines()) == 1
    assert main([*argv, "-o", str(ready)]) == 2  # the output would overwrite the input
    assert "would overwrite the input" in capsys.readouterr().err


USAGE = [
    (["fields", "x.pdf", "-o", "y.pdf"], "give --report REPORT, or --separate"),
    (
        ["sign", "x.pdf", "--as", "body", "-o", "y.pdf"],
        "one of the arguments --pkcs12 --pkcs11-module",
    ),
    (["sign", "x.pdf", "--as", "witness", "--pkcs12", "k.p12", "-o", "y.pdf"], "invalid choice"),
    (
        ["sign", "x.pdf", "--as", "body", "--pkcs11-module", "m.so", "-o", "y.pdf"],
        "needs --key-label",
    ),
]


def _status(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exit:  # argparse's own errors
        return int(exit.code or 0)


@pytest.mark.parametrize(("argv", "words"), USAGE, ids=[" ".join(a[:3]) for a, _w in USAGE])
def test_wrong_command_lines_exit_2(
    argv: list[str],
    words: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7\n")
    assert _status(argv) == 2
    assert words in capsys.readouterr().err


@pytest.mark.soffice
def test_render_pdf_fields_in_one_step(tmp_path: Path) -> None:
    """``render --pdf --fields`` gives the same signing-ready PDF as ``fields`` on the
    PDF of ``render --pdf``, the same bytes every time, for one input and for several."""
    require_tools()
    one, again = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (one, again):
        assert main(["render", str(EXAMPLE_YAML), "-o", str(path), "--pdf", "--fields", "-q"]) == 0
    assert one.read_bytes() == again.read_bytes()
    fields = _field_names(one.read_bytes())
    assert {"person", "body"} <= fields
    out = tmp_path / "out"
    joint = EXAMPLE_YAML.parent / "bc-lien-tich.yaml"
    batch = ["render", str(EXAMPLE_YAML), str(joint), "-o", str(out), "--pdf", "--fields", "-q"]
    assert main(batch) == 0
    assert (out / "2710-BC-SNV.pdf").read_bytes() == one.read_bytes()
    assert {"person", "body", "cosigner1-person"} <= _field_names(
        (out / "bc-lien-tich.pdf").read_bytes()
    )


def test_fields_need_a_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(EXAMPLE_YAML), "-o", "x.docx", "--fields"]) == 2
    assert "--fields puts signature fields in a PDF: add --pdf" in capsys.readouterr().err


def _field_names(pdf: bytes) -> set[str]:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return {str(field.T) for field in document.Root.AcroForm.Fields}
