"""Issue 10 §2: Ctrl-C and SIGTERM stop a real ``baocao`` process cleanly.

Each test runs the command in a new session with a tag in its environment, which every
process it starts inherits (the forkserver, the workers, LibreOffice's ``soffice.bin``,
even after it is re-parented): after the command exits, no process with the tag may be
left, nor any temporary file. The times waited are bounds against a hang, not assertions.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, minimal_data, require_tools

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/environ").exists(), reason="reads /proc to find the command's children"
)

HANG = 120.0  # seconds: far more than any step takes; only a hang reaches it


def _tagged(tag: str) -> dict[int, str]:
    """The live processes (not zombies) whose environment holds the tag: pid -> name."""
    marker = f"BAOCAO_TEST_TAG={tag}".encode()
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                found[int(entry.name)] = (entry / "comm").read_text().strip()
        except OSError:
            continue
    return found


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + HANG
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def _start(args: list[str], tmp_path: Path, tag: str) -> subprocess.Popen[bytes]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = dict(os.environ, BAOCAO_TEST_TAG=tag, TMPDIR=str(temp), PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen(
        [sys.executable, "-m", "baocao", *args],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _stop(
    proc: subprocess.Popen[bytes], signals: Sequence[int], tag: str, group: bool = False
) -> tuple[int, str]:
    """Send the signals (to the whole process group, as a terminal's Ctrl-C does, when
    ``group``); wait for the command; make sure that nothing it started is left."""
    for number, signum in enumerate(signals):
        if number:
            time.sleep(0.05)
        if group:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signum)
        else:
            proc.send_signal(signum)
    try:
        _, err = proc.communicate(timeout=HANG)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the command hung after the signal")
    left: dict[int, str] = {}

    def gone() -> bool:
        left.clear()
        left.update(_tagged(tag))
        return not left

    deadline = time.monotonic() + 10
    while not gone() and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:  # do not leave them to the next test
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    assert left == {}, f"processes survived the command: {left}"
    return proc.returncode, err.decode("utf-8", "replace")


def _folder(tmp_path: Path, count: int) -> Path:
    """``count`` reports, each with a table big enough that the batch takes a while."""
    source = tmp_path / "in"
    source.mkdir()
    rows = [[f"Đơn vị {i}", i] for i in range(1, 151)]
    for n in range(1, count + 1):
        data = minimal_data(
            number=n,
            sections=[
                {
                    "title": "Số liệu",
                    "body": [{"table": {"header": ["Đơn vị", "Số lượng"], "rows": rows}}],
                }
            ],
        )
        (source / f"r{n:03}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
    return source


#: name: (signals, to the whole process group?, exit status)
SIGNALS: dict[str, tuple[list[int], bool, int]] = {
    "sigint": ([signal.SIGINT], False, 130),
    "sigint-twice": ([signal.SIGINT, signal.SIGINT], False, 130),
    "ctrl-c-twice-at-a-terminal": ([signal.SIGINT, signal.SIGINT], True, 130),
    "sigterm": ([signal.SIGTERM], False, 143),
    "sigterm-to-the-group": ([signal.SIGTERM], True, 143),
    "sigterm-then-sigint": ([signal.SIGTERM, signal.SIGINT], False, 143),
}


@pytest.mark.parametrize("case", list(SIGNALS))
def test_a_signal_stops_a_batch_cleanly(case: str, tmp_path: Path) -> None:
    signals, group, status = SIGNALS[case]
    count = 200
    source = _folder(tmp_path, count)
    out = tmp_path / "out"
    tag = uuid.uuid4().hex
    proc = _start(["render", str(source), "-o", str(out), "-j", "2", "-q"], tmp_path, tag)
    _wait_for(
        lambda: (
            proc.poll() is not None
            or (out.is_dir() and any(p.suffix == ".docx" for p in out.iterdir()))
        ),
        "the first output",
    )
    assert proc.poll() is None, proc.communicate()
    workers = _tagged(tag)
    assert len(workers) >= 3, workers  # the command, the forkserver, workers
    returncode, err = _stop(proc, signals, tag, group)
    assert returncode == status, err
    assert "Traceback" not in err
    written = sorted(p.name for p in out.iterdir())
    assert [name for name in written if not name.endswith(".docx")] == []  # no .tmp
    assert len(written) < count  # it did stop
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.parametrize("case", ["sigterm", "sigint", "ctrl-c-twice-at-a-terminal"])
def test_a_signal_during_pdf_kills_libreoffice(case: str, tmp_path: Path) -> None:
    require_tools()
    signals, group, status = SIGNALS[case]
    source = tmp_path / "a.yaml"
    source.write_text(yaml.safe_dump(minimal_data(), allow_unicode=True), encoding="utf-8")
    tag = uuid.uuid4().hex
    proc = _start(["render", str(source), "--pdf", "-o", str(tmp_path / "a.pdf")], tmp_path, tag)
    _wait_for(
        lambda: proc.poll() is not None or "soffice.bin" in _tagged(tag).values(),
        "soffice.bin to start",
    )
    assert proc.poll() is None, proc.communicate()
    returncode, err = _stop(proc, signals, tag, group)
    assert returncode == status, err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "tmp"]
    assert list((tmp_path / "tmp").iterdir()) == []  # the LibreOffice profile is gone
