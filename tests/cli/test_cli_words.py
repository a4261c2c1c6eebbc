"""The ``words`` subcommand (baocao._cli._words), through a parser of the test's own."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from pathlib import Path

import pytest

from baocao._cli import _words as _cli_words

SRC = Path(__file__).resolve().parents[2] / "src"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="baocao")
    subparsers = top.add_subparsers(dest="command", required=True)
    _cli_words.add_parser(subparsers)
    return top


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None
) -> tuple[int, str, str]:
    args = parser().parse_args(argv)
    if stdin is not None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys, "stdin", io.StringIO(stdin))
            status = _cli_words.run(args)
    else:
        status = _cli_words.run(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_numbers_from_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["words", "4.607.678.000", "47,67", "0"], capsys)
    assert status == 0
    assert err == ""
    assert out.splitlines() == [
        "bốn tỷ sáu trăm linh bảy triệu sáu trăm bảy mươi tám nghìn",
        "bốn mươi bảy phẩy sáu mươi bảy",
        "không",
    ]


def test_money_south_chan(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        ["words", "--money", "--style", "south", "--suffix", "chan", "4607678000"], capsys
    )
    assert status == 0
    assert out == "Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng chẵn\n"


def test_money_rounding(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["words", "--money", "1.500,5"], capsys)
    assert status == 1
    assert out == ""
    assert err.startswith("baocao: error: '1.500,5' is not a whole number of đồng")
    status, out, _ = run(["words", "--money", "--rounding", "half-up", "1.500,5"], capsys)
    assert (status, out) == (0, "Một nghìn năm trăm linh một đồng\n")


def test_percent_and_input_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["words", "--percent", "--input-format", "en", "1,005.5"], capsys)
    assert (status, out) == (0, "một nghìn không trăm linh năm phẩy năm phần trăm\n")


def test_negative_after_double_dash(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["words", "--", "-1.005,5"], capsys)
    assert (status, out) == (0, "âm một nghìn không trăm linh năm phẩy năm\n")


def test_values_from_stdin_skip_blank_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["words", "--style", "south"], capsys, stdin="105\n\n  1.000  \n")
    assert status == 0
    assert out.splitlines() == ["một trăm lẻ năm", "một ngàn"]


def test_bad_value_is_one_line_and_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["words", "5", "1.2.3", "", "7"], capsys)
    assert status == 1
    assert out.splitlines() == ["năm", "bảy"]
    lines = err.splitlines()
    assert len(lines) == 2
    assert all(line.startswith("baocao: error: ") for line in lines)
    assert "'1.2.3'" in lines[0]
    assert "Traceback" not in err


def test_parse(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        ["words", "--parse", "một nghìn không trăm lẻ năm", "hai phẩy không năm", "trừ năm"], capsys
    )
    assert (status, out.splitlines()) == (0, ["1.005", "2,05", "-5"])
    status, out, _ = run(["words", "--parse", "--input-format", "en", "một nghìn phẩy năm"], capsys)
    assert out == "1,000.5\n"
    status, out, _ = run(
        ["words", "--parse", "--input-format", "plain", "một nghìn phẩy năm"], capsys
    )
    assert out == "1000.5\n"


def test_parse_money_and_percent(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng chẵn"
    status, out, _ = run(["words", "--parse", "--money", text], capsys)
    assert (status, out) == (0, "4.607.678.000\n")
    status, out, _ = run(
        ["words", "--parse", "--percent", "bốn mươi bảy phẩy sáu mươi bảy phần trăm"], capsys
    )
    assert (status, out) == (0, "47,67%\n")


def test_parse_error_names_the_word(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["words", "--parse"], capsys, stdin="hai mươi năm\nhai mươi lăm\n")
    assert status == 1
    assert out == "25\n"
    assert err == (
        "baocao: error: 'hai mươi năm' is not a number in words: word 3, 'năm', "
        "is not where it belongs; expected 'lăm'\n"
    )


def test_suffix_without_money_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["words", "--suffix", "chan", "5"], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("baocao: error: --suffix")


def test_bad_options_are_argparse_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["words", "--style", "central", "5"], ["words", "--money", "--percent", "5"]):
        with pytest.raises(SystemExit) as info:
            parser().parse_args(argv)
        assert info.value.code == 2
    capsys.readouterr()


def test_dispatch_default_is_run() -> None:
    assert parser().parse_args(["words", "5"]).func is _cli_words.run


def test_as_a_process_output_is_utf8_and_stderr_has_no_traceback() -> None:
    code = (
        "import argparse, sys\n"
        "from baocao._cli import _words as _cli_words\n"
        "top = argparse.ArgumentParser(prog='baocao')\n"
        "_cli_words.add_parser(top.add_subparsers())\n"
        "args = top.parse_args(sys.argv[1:])\n"
        "sys.exit(args.func(args))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "words", "--money", "--style", "south", "4607678000", "abc"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONPATH": str(SRC), "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == "Bốn tỷ sáu trăm lẻ bảy triệu sáu trăm bảy mươi tám ngàn đồng\n"
    assert result.stderr.startswith("baocao: error: 'abc' is not a number in the 'vi' format")
    assert result.stderr.count("\n") == 1


# --------------------------------------------------------------- errors name the options


@pytest.mark.parametrize(
    ("argv", "said", "not_said"),
    [
        (
            ["words", "--money", "1.500,5"],
            "add --rounding half-up (or another --rounding mode) to round it",
            "rounding=",
        ),
        (
            ["words", "1,005.5"],
            "it is valid in the 'en' format: add --input-format en",
            "input_format=",
        ),
        (
            ["words", "--input-format", "en", "1.005,5"],
            "it is valid in the 'vi' format: add --input-format vi",
            "input_format=",
        ),
        (["words", "--parse", "một trăm đồng"], "use --parse --money for an amount", "words_to"),
        (["words", "--parse", "năm phần trăm"], "use --parse --percent for a", "words_to"),
        (
            ["words", "--parse", "một nghìn tỷ hai trăm ba mươi tư tỷ"],
            "add --large recursive or --large group_scale",
            "large=",
        ),
        (
            ["words", "--parse", "--money", "mot tram trieu dong"],
            "is written without diacritics (word 1, 'mot'); add --unaccented to read it",
            "unaccented=",
        ),
    ],
)
def test_errors_name_the_cli_options(
    argv: list[str], said: str, not_said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(argv, capsys)
    assert (status, out) == (1, "")
    assert err.startswith("baocao: error: ")
    assert said in err
    assert not_said not in err
    assert "=" not in err.replace("==", "")


def test_every_python_fix_has_a_cli_wording() -> None:
    from baocao._words import _fixes, _inputs

    fixes = [getattr(_fixes, name) for name in dir(_fixes) if name.startswith("FIX_")]
    fixes += [_fixes.fix_input_format(f) for f in _inputs.INPUT_FORMATS]
    for fix in fixes:
        assert fix in _cli_words._CLI_FIXES
        assert "--" in _cli_words.cli_message(fix)
        assert "=" not in _cli_words.cli_message(fix)


def test_parse_unaccented_and_large(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["words", "--parse", "--money", "--unaccented", "mot tram dong"], capsys)
    assert (status, out) == (0, "100\n")
    status, out, _ = run(["words", "--parse", "--unaccented", "hai muoi mot"], capsys)
    assert (status, out) == (0, "21\n")
    text = "một nghìn tỷ hai trăm ba mươi tư tỷ"
    status, out, _ = run(["words", "--parse", "--large", "group_scale", text], capsys)
    assert (status, out) == (0, "1.234.000.000.000\n")


def test_parse_money_as_documents_write_it(capsys: pytest.CaptureFixture[str]) -> None:
    text = "(Bằng chữ: Một tỷ, hai trăm triệu đồng chẵn.)"
    status, out, _ = run(["words", "--parse", "--money", text], capsys)
    assert (status, out) == (0, "1.200.000.000\n")


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["words", "--suffix", "chan", "5"], "--suffix"),
        (["words", "--rounding", "half-up", "5"], "--rounding"),
        (["words", "--parse", "--money", "--suffix", "chan", "năm đồng"], "--suffix"),
        (["words", "--unaccented", "5"], "--unaccented goes with --parse"),
        (["words", "--parse", "--percent", "--unaccented", "năm phần trăm"], "--unaccented"),
        (["words", "--large", "recursive", "5"], "--large goes with --parse"),
    ],
)
def test_options_that_do_not_go_together_exit_2(
    argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(argv, capsys)
    assert (status, out) == (2, "")
    assert err.startswith("baocao: error: ")
    assert option in err
    assert err.count("\n") == 1


def test_bad_choices_exit_2_and_name_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, option in (
        (["words", "--rounding", "nearest", "5"], "--rounding"),
        (["words", "--input-format", "de", "5"], "--input-format"),
        (["words", "--large", "auto", "--parse", "năm"], "--large"),
    ):
        with pytest.raises(SystemExit) as info:
            parser().parse_args(argv)
        assert info.value.code == 2
        assert option in capsys.readouterr().err
