"""The ``baocao`` command behaves like other Python command-line tools."""

from __future__ import annotations

import concurrent.futures
import contextlib
import io
import json
import os
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

import baocao
from baocao._cli import main

from ..conftest import EXAMPLE_YAML, minimal_data, open_docx, require_tools


def _write(tmp_path: Path, data: object, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_render_to_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, minimal_data())
    target = tmp_path / "out" / "r.docx"
    target.parent.mkdir()
    assert main(["render", str(source), "-o", str(target)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert open_docx(target.read_bytes()).paragraphs


def test_render_defaults_to_input_name(tmp_path: Path) -> None:
    source = _write(tmp_path, minimal_data())
    assert main(["render", "-q", str(source)]) == 0
    assert (tmp_path / "r.docx").exists()


def test_render_from_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(minimal_data())))
    assert main(["render", "-", "-o", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"PK")


def test_stdin_needs_an_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("{}"))
    assert main(["render", "-"]) == 2  # a usage error: the command line lacks -o
    assert "needs -o OUTPUT" in capsys.readouterr().err


def test_bad_input_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = minimal_data(sections=[{"title": "A", "items": [{"title": "", "body": ["x"]}]}])
    assert main(["render", str(_write(tmp_path, data))]) == 1
    err = capsys.readouterr().err
    assert err == "baocao: error: sections[0].items[0].title: '' must not be empty\n"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["render", "missing.yaml"], "cannot read the file"),
        (["render", "report.txt"], "expected a .yaml, .yml, .json or .md file"),
        (["render", str(EXAMPLE_YAML), "--template", "missing.docx"], "cannot read the template"),
        (["context", "missing.json"], "cannot read the file"),
    ],
)
def test_user_errors(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("baocao: error: ")
    assert words in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_context_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["context", str(EXAMPLE_YAML)]) == 0
    ctx = json.loads(capsys.readouterr().out)
    assert ctx == baocao.context(baocao.load(EXAMPLE_YAML))
    assert ctx["number_line"] == "Số: 2710/BC-SNV"


def test_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == baocao.json_schema()
    target = tmp_path / "schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == baocao.json_schema()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["render"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


@pytest.mark.parametrize(
    "command", ["render", "context", "schema", "words", "check", "lint", "fix-text", "import"]
)
def test_help_documents_every_option(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: baocao {command}")


def test_python_dash_m_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("baocao ")
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("render", "context", "schema", "words"):
        assert command in result.stdout


def test_profile_and_margins_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, minimal_data())
    target = tmp_path / "r.docx"
    assert (
        main(
            [
                "render",
                "-q",
                str(source),
                "-o",
                str(target),
                "--profile",
                "13",
                "--margins",
                "25,25,35,20",
            ]
        )
        == 0
    )
    document = open_docx(target.read_bytes())
    assert document.styles["BC Body"].font.size.pt == 13
    with pytest.raises(SystemExit) as info:
        main(["render", str(source), "--margins", "20,20,40,15"])
    assert info.value.code == 2
    assert "margins.left: 40.0 mm is outside the legal range 30–35 mm" in capsys.readouterr().err


@pytest.mark.soffice
def test_render_pdf(tmp_path: Path) -> None:
    from ..pdftext import pdf_text_layout

    require_tools()
    source = _write(tmp_path, minimal_data())
    assert main(["render", "-q", "--pdf", str(source)]) == 0
    pdf = (tmp_path / "r.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    page = pdf_text_layout(pdf)[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
    assert "Số: 15/BC-SNV" in page


def test_a_write_failure_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, minimal_data())
    target = tmp_path / "missing folder" / "r.docx"
    assert main(["render", str(source), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("baocao: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


# --- Exit codes and outputs: every failing case, in a real process ---------------------
#
# Exit 2: the command line asks for something baocao will not do (argparse's own errors,
# options that do not go together, an output that would destroy something), found before
# anything is read or written. Exit 1: bad input, a failed write, nowhere to write results.

_TEMPLATE = Path(baocao.__file__).resolve().parents[2] / "templates" / "bao-cao.docx"


def _workspace(root: Path) -> None:
    """Inputs, a template and every kind of file an output must not replace."""
    text = yaml.safe_dump(minimal_data(), allow_unicode=True)
    for name in ("a.yaml", "A.yaml", "b.yaml", "d/a.yaml", "d/a.yml", "d/a.YAML", "in2/a.yaml"):
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for name in ("a.json", "d/a.json"):
        (root / name).write_text(json.dumps(minimal_data()), encoding="utf-8")
    bad = minimal_data(sections=[{"title": "A", "body": [""]}])
    (root / "bad.yaml").write_text(yaml.safe_dump(bad), encoding="utf-8")
    (root / "report.txt").write_text(text, encoding="utf-8")
    (root / "file.txt").write_text("keep me", encoding="utf-8")
    (root / "empty").mkdir()
    for name in ("t.docx", "b.docx", "tdir/a.docx"):
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_bytes(_TEMPLATE.read_bytes())
    os.link(root / "a.yaml", root / "hard.docx")
    (root / "input-link.docx").symlink_to("a.yaml")
    (root / "dangling.docx").symlink_to("nowhere.docx")
    (root / "stdout").symlink_to("/proc/self/fd/1")
    (root / "trap").mkdir()
    (root / "trap" / "b.docx").symlink_to("../file.txt")
    os.mkfifo(root / "fifo")
    with contextlib.suppress(PermissionError):  # a copy of /dev/full's node, as root
        os.mknod(root / "full", stat.S_IFCHR | 0o666, os.makedev(1, 7))


def _snapshot(root: Path) -> dict[str, tuple[object, ...]]:
    state: dict[str, tuple[object, ...]] = {}
    for path in sorted(root.rglob("*")):
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            state[str(path)] = ("link", os.readlink(path))
        elif stat.S_ISREG(info.st_mode):
            state[str(path)] = ("file", info.st_ino, path.read_bytes())
        else:
            state[str(path)] = (stat.S_IFMT(info.st_mode), info.st_ino)
    return state


# (argv, exit status, a fragment of the message); "!" at the start of argv[0] asks for a
# special standard stream: "!closed" (stdout closed, `>&-`), "!full" (`>/dev/full`),
# "!ascii" (PYTHONIOENCODING=ascii), "!latin1" (standard input that is not UTF-8).
EXIT_CASES: list[tuple[list[str], int, str]] = [
    # argparse: a missing or unknown argument, a bad value
    ([], 2, "the following arguments are required: COMMAND"),
    (["bogus"], 2, "invalid choice: 'bogus'"),
    (["render"], 2, "the following arguments are required: INPUT"),
    (["render", "a.yaml", "--bogus"], 2, "unrecognized arguments: --bogus"),
    (["render", "a.yaml", "-j", "0"], 2, "'0' is not a number of processes"),
    (["render", "a.yaml", "--margins", "1,2"], 2, "'1,2' is not four numbers"),
    (["render", "a.yaml", "--margins", "20,20,40,15"], 2, "outside the legal range 30–35"),
    (["render", "a.yaml", "--profile", "12"], 2, "invalid choice: '12'"),
    (["context"], 2, "the following arguments are required: INPUT"),
    (["context", "a.yaml", "b.yaml"], 2, "unrecognized arguments: b.yaml"),
    (["schema", "extra"], 2, "unrecognized arguments: extra"),
    (["check"], 2, "the following arguments are required: FILE"),
    (["check", "--bogus", "t.docx"], 2, "unrecognized arguments: --bogus"),
    (["lint"], 2, "the following arguments are required: TEMPLATE"),
    (["words", "--style", "west", "1"], 2, "invalid choice: 'west'"),
    (["words", "--money", "--percent", "1"], 2, "not allowed with argument"),
    (["words", "--suffix", "chan", "1"], 2, "--suffix and --rounding go with --money"),
    # render: options that do not go together
    (["render", "-"], 2, "reading from standard input needs -o OUTPUT"),
    (["render", "a.yaml", "b.yaml", "-o", "-"], 2, "-o - (standard output) takes a single"),
    (["render", "-", "a.yaml", "-o", "out"], 2, "- (standard input) takes a single INPUT"),
    (["render", "a.yaml", "-o", "a.pdf"], 2, "-o a.pdf: the output is a .docx file; add --pdf"),
    (["render", "a.yaml", "--pdf", "-o", "a.docx"], 2, "-o a.docx: the output is a .pdf file"),
    # render: outputs that collide
    (
        ["render", "d", "in2", "-o", "out"],
        2,
        "d/a.YAML, d/a.json, d/a.yaml, d/a.yml and in2/a.yaml would all be written to out/a.docx",
    ),
    (["render", "a.yaml", "a.json"], 2, "a.yaml and a.json would all be written to a.docx"),
    (["render", "a.yaml", "./a.yaml"], 2, "a.yaml is given more than once"),
    (["render", "a.yaml", "A.yaml"], 2, "a.yaml and A.yaml would all be written to a.docx"),
    # render: an output that is an input or the template, under any name
    (["render", "a.yaml", "-o", "a.yaml"], 2, "a.yaml: the output would overwrite the input"),
    (["render", "a.yaml", "-o", "d/../a.yaml"], 2, "would overwrite the input a.yaml"),
    (["render", "a.yaml", "-o", "hard.docx"], 2, "would overwrite the input a.yaml"),
    (["render", "a.yaml", "-o", "input-link.docx"], 2, "would overwrite the input a.yaml"),
    (
        ["render", "a.yaml", "--template", "t.docx", "-o", "t.docx"],
        2,
        "t.docx: the output would overwrite the template t.docx",
    ),
    (["render", "b.yaml", "--template", "b.docx"], 2, "would overwrite the template b.docx"),
    (
        ["render", "a.yaml", "b.yaml", "-o", "tdir", "--template", "tdir/a.docx"],
        2,
        "tdir/a.docx: the output would overwrite the template",
    ),
    # render: several inputs need a folder
    (
        ["render", "a.yaml", "b.yaml", "-o", "single.docx"],
        2,
        "-o single.docx: with several inputs, -o names a folder",
    ),
    (
        ["render", "a.yaml", "b.yaml", "-o", "file.txt"],
        2,
        "-o file.txt: with several inputs, -o must be a folder, and this is a file",
    ),
    (["render", "a.yaml", "b.yaml", "-o", "fifo"], 2, "and this is a named pipe (FIFO)"),
    # render and schema: an output that is not a regular file or a new name
    (["render", "a.yaml", "-o", "dangling.docx"], 2, "dangling.docx: is a symbolic link"),
    (
        ["render", "a.yaml", "-o", "stdout"],
        2,  # as /dev/stdout is (never name the real one)
        "stdout: is a symbolic link; baocao writes only to a regular file or a new name "
        "(-o - writes to standard output)",
    ),
    (["render", "a.yaml", "-o", "fifo"], 2, "fifo: is a named pipe (FIFO)"),
    (["render", "a.yaml", "-o", "full"], 2, "full: is a device"),
    (["render", "a.yaml", "-o", "empty"], 2, "empty: is a folder"),
    (
        ["render", "a.yaml", "b.yaml", "-o", "trap"],
        2,
        "trap/b.docx: is a symbolic link; baocao writes only to a regular file or a new name",
    ),
    (["schema", "-o", "dangling.docx"], 2, "dangling.docx: is a symbolic link"),
    (["schema", "-o", "empty"], 2, "empty: is a folder"),
    (["render", "a.yaml", "-o", ""], 2, "-o is empty: give a file name, or - for standard"),
    (["render", "a.yaml", "b.yaml", "-o", ""], 2, "-o is empty"),
    (["schema", "-o", ""], 2, "-o is empty"),
    # bad input: exit 1
    (["render", "missing.yaml"], 1, "missing.yaml: cannot read the file"),
    (["render", "report.txt"], 1, "expected a .yaml, .yml, .json or .md file"),
    (["render", "bad.yaml"], 1, "sections[0].body[0]"),
    (["render", "empty"], 1, "no .yaml, .yml, .json or .md file in this folder"),
    (["render", "a.yaml", "--template", "missing.docx"], 1, "cannot read the template"),
    (["render", "a.yaml", "--template", "file.txt", "-o", "x.docx"], 1, "file.txt"),
    (
        ["render", "a.yaml", "-o", "no folder/x.docx"],
        1,
        "baocao: error: no folder/x.docx: No such file or directory",
    ),
    (["!latin1", "render", "-", "-o", "x.docx"], 1, "<stdin>: not UTF-8 text (byte 1)"),
    (["context", "missing.json"], 1, "cannot read the file"),
    (["context", "bad.yaml"], 1, "sections[0].body[0]"),
    (["check", "missing.docx"], 1, "missing.docx"),
    (["check", "a.yaml"], 1, "a.yaml"),
    (["lint", "missing.docx"], 1, "missing.docx"),
    (["lint", "a.yaml"], 1, "a.yaml"),
    (["words", "abc"], 1, "'abc'"),
    # nowhere to write the results: exit 1
    (["!closed", "render", "a.yaml", "-o", "-"], 1, "standard output is closed"),
    (["!closed", "context", "a.yaml"], 1, "standard output is closed"),
    (["!closed", "schema"], 1, "standard output is closed"),
    (["!closed", "check", "t.docx"], 1, "standard output is closed"),
    (["!closed", "lint", "t.docx"], 1, "standard output is closed"),
    (["!closed", "words", "15"], 1, "standard output is closed"),
    (
        ["!full", "render", "a.yaml", "-o", "-"],
        1,
        "cannot write to standard output: No space left on device",
    ),
    (["!full", "context", "a.yaml"], 1, "cannot write to standard output: No space left"),
    (["!ascii", "words", "15"], 1, "standard output cannot hold the results (its encoding is"),
]


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONIO")}
    command = [sys.executable, "-m", "baocao"]
    stdin = b""
    if argv and argv[0] == "!closed":
        command = ["sh", "-c", 'exec "$0" "$@" >&-', *command]
    elif argv and argv[0] == "!full":
        command = ["sh", "-c", 'exec "$0" "$@" >/dev/full', *command]
    elif argv and argv[0] == "!ascii":
        env["PYTHONIOENCODING"] = "ascii"
    elif argv and argv[0] == "!latin1":
        stdin = "Báo cáo".encode("latin-1")
    args = argv[1:] if argv and argv[0].startswith("!") else argv
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def exit_runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[int, tuple[subprocess.CompletedProcess[bytes], bool]]:
    """The selected cases of EXIT_CASES run at once, each in a workspace of its own; the
    process and whether the workspace is unchanged."""
    wanted = {
        item.callspec.params["index"]
        for item in request.session.items
        if isinstance(item, pytest.Function)
        and item.originalname == "test_exit_status_and_one_line"
    }
    selected = [index for index in range(len(EXIT_CASES)) if index in wanted]

    def one(index: int) -> tuple[subprocess.CompletedProcess[bytes], bool]:
        root = tmp_path_factory.mktemp(f"case{index}")
        _workspace(root)
        before = _snapshot(root)
        result = _run(EXIT_CASES[index][0], root)
        return result, _snapshot(root) == before

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(selected, pool.map(one, selected), strict=True))


@pytest.mark.parametrize(
    "index", range(len(EXIT_CASES)), ids=[" ".join(argv) or "(none)" for argv, _, _ in EXIT_CASES]
)
def test_exit_status_and_one_line(
    index: int, exit_runs: dict[int, tuple[subprocess.CompletedProcess[bytes], bool]]
) -> None:
    argv, status, fragment = EXIT_CASES[index]
    if "full" in argv and os.geteuid() != 0:
        pytest.skip("the device node needs root")
    result, unchanged = exit_runs[index]
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert "Exception ignored" not in err, err
    assert result.returncode == status, err
    lines = err.splitlines()
    if err.startswith("usage: "):  # argparse: its usage, then one line of error
        assert lines[-1].startswith("baocao"), err
        assert ": error: " in lines[-1], err
    else:
        assert len(lines) == 1, err
        assert lines[0].startswith("baocao: error: "), err
    assert fragment in lines[-1], err
    assert unchanged, "a failing command changed or created a file"


def test_several_inputs_to_a_new_or_existing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, minimal_data(), "a.yaml")
    _write(tmp_path, minimal_data(number=16), "b.yml")
    for folder in (tmp_path / "new" / "deeper", tmp_path / "new"):  # created, then existing
        assert (
            main(["render", str(tmp_path / "a.yaml"), str(tmp_path / "b.yml"), "-o", str(folder)])
            == 0
        )
        assert sorted(p.name for p in folder.glob("*.docx")) == ["a.docx", "b.docx"]
    assert "rendered 2 of 2 reports" in capsys.readouterr().err


def test_a_batch_with_a_bad_input_renders_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, minimal_data(), "a.yaml")
    _write(tmp_path, minimal_data(subject=""), "b.yaml")
    assert main(["render", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.docx"]
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("baocao: error: ")
    assert "b.yaml: subject" in err[0]
    assert err[1] == "rendered 1 of 2 reports; 1 failed"


def test_an_existing_regular_output_is_replaced(tmp_path: Path) -> None:
    source = _write(tmp_path, minimal_data())
    target = tmp_path / "r.docx"
    target.write_bytes(b"old")
    assert main(["render", "-q", str(source), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"PK")


def test_dash_o_dash_writes_binary_to_standard_output(tmp_path: Path) -> None:
    _write(tmp_path, minimal_data(), "a.yaml")
    result = _run(["render", "a.yaml", "-o", "-"], tmp_path)
    assert result.returncode == 0
    assert result.stderr == b""
    assert open_docx(result.stdout).paragraphs
    result = _run(["schema", "-o", "-"], tmp_path)
    assert json.loads(result.stdout) == baocao.json_schema()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]  # no file named "-"


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    _write(tmp_path, minimal_data(), "a.yaml")
    for command in ("render a.yaml -o -", "context a.yaml", "schema"):
        result = subprocess.run(
            # `true` has gone long before baocao writes: every write meets a closed pipe
            ["sh", "-c", f'"$0" -m baocao {command} | true', sys.executable],
            cwd=tmp_path,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == b"", result.stderr


@pytest.mark.parametrize("argv", [["context", "a.yaml"], ["schema"]])
def test_json_on_an_ascii_stdout_is_escaped_not_refused(tmp_path: Path, argv: list[str]) -> None:
    _write(tmp_path, minimal_data(), "a.yaml")
    ascii_run = _run(["!ascii", *argv], tmp_path)
    utf8_run = _run(argv, tmp_path)
    assert ascii_run.returncode == 0
    assert ascii_run.stderr == b""
    assert b"\\u1edf" in ascii_run.stdout or b"\\u00e1" in ascii_run.stdout
    ascii_run.stdout.decode("ascii")
    assert json.loads(ascii_run.stdout) == json.loads(utf8_run.stdout)
    assert "Sở Nội vụ".encode() in utf8_run.stdout or argv == ["schema"]


_STEMS = ["a", "A", "b", "a.b", "Báo cáo", unicodedata.normalize("NFD", "Báo cáo")]
_NAMES = st.lists(
    st.tuples(
        st.sampled_from(["", "in2/", "in2/sub/"]),
        st.sampled_from(_STEMS),
        st.sampled_from([".yaml", ".yml", ".json", ".YAML", ".Json"]),
    ),
    min_size=1,
    max_size=6,
    unique=True,
)


@settings(max_examples=60)
@given(names=_NAMES, folder=st.booleans())
def test_a_batch_writes_one_file_per_input_or_nothing(
    names: list[tuple[str, str, str]], folder: bool
) -> None:
    """Whatever the input names, either every input gets a .docx of its own, or the
    command stops before writing anything, with exit 2."""
    import tempfile
    from unittest import mock

    def fake_render_many(items: list[tuple[object, Path]], **_: object) -> list[object]:
        for _report, target in items:
            assert not target.exists()  # one job per file, and nothing there before
            target.write_bytes(b"docx")
        return [mock.Mock(ok=True)] * len(items)

    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        paths = []
        for where, stem, suffix in names:
            path = root / where / f"{stem}{suffix}"
            if os.path.lexists(path):  # the file system itself takes them as one
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("{}", encoding="utf-8")
            paths.append(str(path))
        if len(paths) == 1:
            paths.append(paths[0])  # still a batch: the same input twice
        argv = ["render", "-q", *paths, *(["-o", str(root / "out")] if folder else [])]
        before = sorted(root.rglob("*"))
        with (
            mock.patch("baocao._model.load", return_value=None),
            mock.patch("baocao._render.render_many", fake_render_many),  # imported on use
            contextlib.redirect_stderr(io.StringIO()),
        ):
            status = main(argv)
        written = sorted(p for p in root.rglob("*.docx"))
        event(f"exit {status}")
        if status == 2:
            assert sorted(root.rglob("*")) == before
        else:
            assert status == 0
            assert len(written) == len(paths)
            keys = {str(p).casefold() for p in written}
            assert len(keys) == len(written)  # distinct on any file system too
