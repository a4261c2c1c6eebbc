"""Writing outputs never goes through a link, a pipe, a device or a folder."""

from __future__ import annotations

import os
import socket
import stat
import types
from collections.abc import Callable
from pathlib import Path

import pytest

import baocao
from baocao._files import check_output, json_for, write_atomic

from .conftest import minimal_data


def _symlink(tmp_path: Path) -> Path:
    (tmp_path / "target.docx").write_bytes(b"kept")
    (tmp_path / "link.docx").symlink_to("target.docx")
    return tmp_path / "link.docx"


def _dangling(tmp_path: Path) -> Path:
    (tmp_path / "link.docx").symlink_to("nowhere.docx")
    return tmp_path / "link.docx"


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "pipe")
    return tmp_path / "pipe"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "out.docx").mkdir()
    return tmp_path / "out.docx"


def _device(tmp_path: Path) -> Path:
    # A copy of /dev/full's node (1, 7), made here so that a failure cannot harm the real one.
    try:
        os.mknod(tmp_path / "full", stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return tmp_path / "full"


def _socket(tmp_path: Path) -> Path:
    path = tmp_path / "s"
    if len(os.fsencode(path)) > 100:  # pragma: no cover - AF_UNIX paths are short
        pytest.skip("tmp_path too long for a socket")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(os.fspath(path))
    return path


_KINDS: list[tuple[Callable[[Path], Path], str]] = [
    (_symlink, "is a symbolic link"),
    (_dangling, "is a symbolic link"),
    (_fifo, "is a named pipe (FIFO)"),
    (_folder, "is a folder"),
    (_device, "is a device"),
    (_socket, "is a socket"),
]


def _state(path: Path) -> tuple[int, int, str | None]:
    info = os.lstat(path)
    link = os.readlink(path) if stat.S_ISLNK(info.st_mode) else None
    return (info.st_mode, info.st_ino, link)


@pytest.mark.parametrize(("make", "words"), _KINDS)
def test_write_atomic_refuses_what_is_not_a_regular_file(
    tmp_path: Path, make: Callable[[Path], Path], words: str
) -> None:
    path = make(tmp_path)
    before = _state(path)
    with pytest.raises(baocao.ValidationError) as info:
        write_atomic(path, b"data")
    assert info.value.path == "out"
    assert str(info.value) == (
        f"out: {os.fspath(path)!r} {words}; baocao writes only to a regular file or a new name"
    )
    assert _state(path) == before  # not replaced
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    if (tmp_path / "target.docx").exists():
        assert (tmp_path / "target.docx").read_bytes() == b"kept"


@pytest.mark.parametrize(("make", "words"), _KINDS)
def test_render_api_refuses_them_too(
    tmp_path: Path, make: Callable[[Path], Path], words: str
) -> None:
    path = make(tmp_path)
    before = _state(path)
    report = baocao.load(minimal_data())
    with pytest.raises(baocao.ValidationError, match=words.replace("(", r"\(").replace(")", r"\)")):
        baocao.render(report, path)
    assert _state(path) == before


def test_render_many_reports_a_symlink_as_that_item_s_error(tmp_path: Path) -> None:
    link = _symlink(tmp_path)
    report = baocao.load(minimal_data())
    results = list(baocao.render_many([(report, link), (report, tmp_path / "ok.docx")], jobs=1))
    assert isinstance(results[0].error, baocao.ValidationError)
    assert "is a symbolic link" in str(results[0].error)
    assert results[1].ok
    assert (tmp_path / "ok.docx").read_bytes().startswith(b"PK")
    assert (tmp_path / "target.docx").read_bytes() == b"kept"


def test_regular_files_and_new_names_are_written(tmp_path: Path) -> None:
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"old")
    existing.chmod(0o640)
    write_atomic(existing, b"new")
    assert existing.read_bytes() == b"new"
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    write_atomic(tmp_path / "new.docx", b"x")
    assert (tmp_path / "new.docx").read_bytes() == b"x"
    check_output(tmp_path / "missing" / "deeper.docx")  # the write itself will say why


def test_a_hardlinked_output_keeps_the_other_name_intact(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"old")
    os.link(tmp_path / "a", tmp_path / "b")
    write_atomic(tmp_path / "b", b"new")
    assert (tmp_path / "a").read_bytes() == b"old"  # the rename breaks the link, no more
    assert (tmp_path / "b").read_bytes() == b"new"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", '"Báo cáo"'),
        ("ascii", '"B\\u00e1o c\\u00e1o"'),
        ("latin-1", '"B\\u00e1o c\\u00e1o"'),  # á is Latin-1, but the ạ, ả of Vietnamese are not
        ("no-such-encoding", '"B\\u00e1o c\\u00e1o"'),
    ],
)
def test_json_for_escapes_only_what_the_stream_cannot_hold(encoding: str, text: str) -> None:
    value = ["Báo cáo", "Sở Nội vụ"] if encoding == "latin-1" else ["Báo cáo"]
    out = json_for(value, types.SimpleNamespace(encoding=encoding))
    assert out.splitlines()[1].strip().rstrip(",") == text
    assert out.encode("ascii" if encoding != "utf-8" else "utf-8")


READERS: list[tuple[str, Callable[[Path], object], type[baocao.BaocaoError]]] = [
    ("load", baocao.load, baocao.LoadError),
    ("check", baocao.check, baocao.ValidationError),
    ("lint", baocao.lint, baocao.TemplateError),
    ("Template", baocao.Template, baocao.TemplateError),
]


@pytest.mark.parametrize(("what", "read", "error"), READERS, ids=[r[0] for r in READERS])
def test_a_pipe_is_refused_unread_by_every_reader(
    tmp_path: Path, what: str, read: Callable[[Path], object], error: type[baocao.BaocaoError]
) -> None:
    """A FIFO given as a report, a document or a template: refused at once, not waited on
    (0.1 hung in lint and ``render --template``)."""
    fifo = tmp_path / ("in.yaml" if what == "load" else "in.docx")
    os.mkfifo(fifo)
    with pytest.raises(error, match=r"not a regular file|does not exist or is not a file"):
        read(fifo)


def test_a_template_larger_than_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import baocao._render._loading

    big = tmp_path / "big.docx"
    big.write_bytes(b"PK" + b"\0" * 2000)
    monkeypatch.setattr(baocao._render._loading, "MAX_DOCX_BYTES", 1000)
    with pytest.raises(baocao.TemplateError, match="larger than 1000 bytes"):
        baocao.Template(big)
