"""``baocao fix-text`` (baocao._cli._fix_text, issue 15 §3): files and standard input,
legacy 8-bit files, options, and the exit codes of docs/errors.md."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

from baocao._cli import main
from baocao._cli._fix_text import ENCODINGS
from baocao._words._fix_text import Encoding

TCVN3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n"
UNICODE = "Cộng hoà xã hội chủ nghĩa Việt Nam\n"


class _Stdin(io.TextIOWrapper):
    """Standard input holding ``data``, as bytes behind a text stream."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")


def _run(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes | None = None
) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as patch:
        if stdin is not None:
            patch.setattr(sys, "stdin", _Stdin(stdin))
        status = main(["fix-text", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_choices_are_those_of_fix_text() -> None:
    assert get_args(Encoding) == ENCODINGS


def test_stdin_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run([], capsys, TCVN3.encode("utf-8")) == (0, UNICODE, "")
    assert _run(["-", "-o", "-"], capsys, TCVN3.encode("utf-8")) == (0, UNICODE, "")


def test_a_legacy_8_bit_file_is_read_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "old.txt"
    source.write_bytes(TCVN3.encode("latin-1"))  # as the DOS and Windows tools saved it
    assert _run([str(source)], capsys) == (0, UNICODE, "")


def test_file_to_file_with_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "vni.txt"
    source.write_text("Coäng hoøa, UÛy ban\n", encoding="utf-8")
    target = tmp_path / "out.txt"
    status, out, err = _run([str(source), "-o", str(target), "--tones", "old"], capsys)
    assert (status, out, err) == (0, "", "")
    assert target.read_text("utf-8") == "Cộng hoà, Uỷ ban\n"


def test_font_and_encoding(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["--font", ".VnTimeH"], capsys, "HOµ".encode())[1] == "HOÀ"
    assert _run(["--encoding", "tcvn3-caps"], capsys, "HOµ".encode())[1] == "HOÀ"
    assert _run(["--encoding", "viqr"], capsys, b"ho`a")[1] == "hòa"
    assert _run(["--keep-marks"], capsys, "Viê ̣ t".encode())[1] == "Viê ̣ t"
    assert _run([], capsys, "Viê ̣ t".encode())[1] == "Việt"


USAGE = [
    (
        ["--font", ".VnTime", "--encoding", "vni"],
        "--font .VnTime is a tcvn3 font, but --encoding vni",
    ),
    (["-o", ""], "-o is empty"),
]


@pytest.mark.parametrize(("argv", "message"), USAGE)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(argv, capsys, b"x")
    assert (status, out) == (2, "")
    assert err.startswith(f"baocao: error: {message}")


def test_an_output_that_is_the_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TCVN3, encoding="utf-8")
    status, _out, err = _run([str(source), "-o", str(source)], capsys)
    assert status == 2
    assert "the output would overwrite the input" in err
    assert source.read_text("utf-8") == TCVN3


def test_bad_inputs_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _run(["--encoding", "tcvn3"], capsys, UNICODE.encode())
    assert status == 1
    assert err == (
        "baocao: error: <stdin>: holds 'ộ' (U+1ED9), which no tcvn3 text holds: it is Unicode "
        "already; use --encoding auto or --encoding unicode\n"
    )
    status, _out, err = _run(["--encoding", "unicode"], capsys, TCVN3.encode("latin-1"))
    assert status == 1
    assert err.startswith("baocao: error: <stdin>: not UTF-8 text (byte 1)")
    status, _out, err = _run([str(tmp_path / "missing.txt")], capsys)
    assert status == 1
    assert err.endswith("missing.txt: No such file or directory\n")


def test_the_command_runs_in_a_fresh_interpreter(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "fix-text"],
        input=TCVN3.encode("latin-1"),
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stdout.decode("utf-8"), result.stderr) == (0, UNICODE, b"")
