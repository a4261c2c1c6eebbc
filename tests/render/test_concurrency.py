"""§5 Concurrency and crashes.

Eight threads and two processes rendering different reports at once give the same
bytes as rendering them one by one. Output files are written atomically (a temporary
file in the same folder, then a rename): a crash or a full disk never leaves a
half-written .docx at the target path, an existing file there is untouched when
rendering or writing fails, and no temporary file is left behind.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import baocao
from baocao import _files
from baocao._cli import main

from ..conftest import EXAMPLE_YAML, make_report, minimal_data, open_docx

OLD = b"the old report, which must survive"


def _reports() -> list[baocao.Report]:
    """Eight different reports: sizes, parts, tables, appendices, profiles apart."""
    example = baocao.load(EXAMPLE_YAML)
    table = baocao.Table(
        header=["Nội dung", "Số lượng"], rows=[["Đại học", 1341]], totals=["Tổng", 1341]
    )
    return [
        example,
        make_report(),
        make_report(subject="Kế hoạch năm 2027", doc_type="KH", number=None),
        make_report(
            sections=[
                baocao.Section(title=f"Mục {i}", body=[f"Đoạn {i}", table]) for i in range(1, 12)
            ]
        ),
        make_report(
            sections=[],
            parts=[
                baocao.Part(
                    title="Phần chung",
                    sections=[baocao.Section(title="Kết quả", items=["Một", "Hai"])],
                )
            ],
        ),
        make_report(
            appendices=[
                baocao.Appendix(title="Số liệu", body=[table]),
                baocao.Appendix(title="Danh sách", body=["Ông A"]),
            ]
        ),
        make_report(addressees=["Bộ Nội vụ", "Bộ Tài chính"], recipients=["Cục Văn thư"]),
        make_report(subject="R&D <b> {{ x }} \n trang hai", closing=["Hết\tthật\ftrang hai"]),
    ]


REPORTS = _reports()


@pytest.fixture(scope="module")
def one_by_one() -> list[bytes]:
    return [baocao.render(report) for report in REPORTS]


def test_eight_threads_give_the_same_bytes(one_by_one: list[bytes]) -> None:
    start = threading.Barrier(8)

    def render(index: int) -> list[bytes]:
        start.wait()
        # each thread renders every report, starting at a different one
        order = [(index + k) % len(REPORTS) for k in range(len(REPORTS))]
        return [baocao.render(REPORTS[i]) for i in order]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(render, range(8)))
    for index, outputs in enumerate(results):
        order = [(index + k) % len(REPORTS) for k in range(len(REPORTS))]
        for position, report_index in enumerate(order):
            assert outputs[position] == one_by_one[report_index]


def test_threads_with_a_shared_template_and_profiles(one_by_one: list[bytes]) -> None:
    template = baocao.Template()
    expected_13 = [baocao.render(r, profile="13") for r in REPORTS]
    jobs = [(i, profile) for i in range(len(REPORTS)) for profile in ("14", "13")] * 2

    def render(job: tuple[int, str]) -> bytes:
        return template.render(REPORTS[job[0]], profile=job[1])

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(render, jobs))
    for (index, profile), data in zip(jobs, results, strict=True):
        assert data == (one_by_one if profile == "14" else expected_13)[index]


def test_two_processes_give_the_same_bytes(one_by_one: list[bytes]) -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        results = list(pool.map(baocao.render, REPORTS))
    assert results == one_by_one


def test_threads_and_processes_at_once(one_by_one: list[bytes]) -> None:
    context = multiprocessing.get_context("spawn")
    with (
        ProcessPoolExecutor(max_workers=2, mp_context=context) as processes,
        ThreadPoolExecutor(max_workers=8) as threads,
    ):
        far = [processes.submit(baocao.render, r) for r in reversed(REPORTS)]
        near = [threads.submit(baocao.render, r) for r in REPORTS]
        assert [f.result() for f in near] == one_by_one
        assert [f.result() for f in far] == one_by_one[::-1]


# --------------------------------------------------------------------------- atomic writes


def _target(tmp_path: Path) -> Path:
    target = tmp_path / "out.docx"
    target.write_bytes(OLD)
    return target


def _left(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir())


RENDERERS: list[tuple[str, Callable[[baocao.Report, Path], Any]]] = [
    ("render", lambda report, out: baocao.render(report, out)),
    ("Template", lambda report, out: baocao.Template().render(report, out)),
]


@pytest.mark.parametrize(("name", "render"), RENDERERS, ids=[r[0] for r in RENDERERS])
def test_rename_failing_leaves_the_old_file(
    name: str, render: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _target(tmp_path)

    def fail(*_args: Any) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="cross-device"):
        render(make_report(), target)
    assert target.read_bytes() == OLD
    assert _left(tmp_path) == ["out.docx"]


class _FullDisk:
    """A file object that takes half of what it is given, then finds the disk full."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def write(self, data: bytes) -> int:
        self.stream.write(data[: len(data) // 2])
        self.stream.flush()
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(("name", "render"), RENDERERS, ids=[r[0] for r in RENDERERS])
def test_full_disk_leaves_no_half_file(
    name: str, render: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _target(tmp_path)
    real = os.fdopen
    half_written: list[str] = []

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> _FullDisk:
        half_written.append(
            os.readlink(f"/proc/self/fd/{fd}") if os.path.exists(f"/proc/self/fd/{fd}") else ""
        )
        return _FullDisk(real(fd, *args, **kwargs))

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(OSError, match="No space left"):
        render(make_report(), target)
    assert target.read_bytes() == OLD
    assert _left(tmp_path) == ["out.docx"]  # the half-written temporary file is gone
    if half_written and half_written[0]:
        assert Path(half_written[0]).parent == tmp_path  # it was in the same folder


def test_a_new_file_is_not_created_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        baocao.render(make_report(), tmp_path / "new.docx")
    assert _left(tmp_path) == []


def test_interrupt_while_writing_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _target(tmp_path)

    def interrupt(*_args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        baocao.render(make_report(), target)
    assert target.read_bytes() == OLD
    assert _left(tmp_path) == ["out.docx"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_process_never_leaves_a_half_file(tmp_path: Path) -> None:
    """The process dies just before the rename: the target is the old file, whole; the
    only trace is a hidden temporary file beside it."""
    target = _target(tmp_path)
    code = (
        "import os, signal, sys\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "import baocao\n"
        "from tests.conftest import make_report\n"
        "os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "baocao.render(make_report(), sys.argv[1])\n"
    )
    root = str(Path(__file__).resolve().parents[2])
    result = subprocess.run(
        [sys.executable, "-c", code, str(target), root],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert target.read_bytes() == OLD
    others = [name for name in _left(tmp_path) if name != "out.docx"]
    assert len(others) == 1
    assert others[0].startswith(".out.docx.")
    assert others[0].endswith(".tmp")
    assert open_docx((tmp_path / others[0]).read_bytes()).paragraphs  # complete, apart


def test_write_atomic_replaces_whole_files(tmp_path: Path) -> None:
    target = _target(tmp_path)
    _files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert _left(tmp_path) == ["out.docx"]


def test_threads_writing_the_same_file(tmp_path: Path, one_by_one: list[bytes]) -> None:
    """Whoever renames last wins, with a whole document; no temporary file is left."""
    target = _target(tmp_path)
    start = threading.Barrier(8)

    def render(index: int) -> None:
        start.wait()
        baocao.render(REPORTS[index], target)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(render, range(8)))
    assert target.read_bytes() in one_by_one
    assert _left(tmp_path) == ["out.docx"]


def test_cli_failure_leaves_the_old_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    target = _target(tmp_path)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(minimal_data(subject="")), encoding="utf-8")
    assert main(["render", str(source), "-o", str(target)]) == 1
    assert "subject" in capsys.readouterr().err
    assert target.read_bytes() == OLD
    bad_template = tmp_path / "t.docx"
    bad_template.write_bytes(b"PK\x03\x04 not a docx")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(minimal_data()), encoding="utf-8")
    assert main(["render", str(good), "-o", str(target), "--template", str(bad_template)]) == 1
    assert target.read_bytes() == OLD
    assert _left(tmp_path) == ["bad.json", "good.json", "out.docx", "t.docx"]
