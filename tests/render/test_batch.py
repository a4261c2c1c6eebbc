"""render_many: every core, results in order, failures collected, same bytes."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import baocao
from baocao._cli import main

from ..conftest import make_report, minimal_data, open_docx, run_script


def _reports(count: int) -> list[baocao.Report]:
    return [make_report(number=n, subject=f"Báo cáo số {n}") for n in range(1, count + 1)]


def test_processes_give_the_same_bytes_in_order() -> None:
    reports = _reports(10)
    expected = [baocao.render(r) for r in reports]
    results = list(baocao.render_many(reports, jobs=2))
    assert [r.index for r in results] == list(range(10))
    assert [r.data for r in results] == expected
    assert all(r.ok and r.output is None for r in results)


def test_failures_are_collected_without_stopping(tmp_path: Path) -> None:
    seen: list[int] = []
    items: list[object] = [make_report(), "không phải báo cáo", make_report(number=2)]
    results = list(
        baocao.render_many(
            items,  # type: ignore[arg-type]
            jobs=2,
            progress=lambda r: seen.append(r.index),
        )
    )
    assert [r.ok for r in results] == [True, False, True]
    assert isinstance(results[1].error, baocao.InvalidTypeError)
    assert "[1]: 'không phải báo cáo' is not a baocao.Report" in str(results[1].error)
    assert seen == [0, 1, 2]


def test_pairs_write_files(tmp_path: Path) -> None:
    reports = _reports(3)
    targets = [tmp_path / f"r{i}.docx" for i in range(3)]
    results = list(baocao.render_many(zip(reports, targets, strict=True), jobs=2))
    assert [r.output for r in results] == targets
    assert all(r.data is None for r in results)
    for report, target in zip(reports, targets, strict=True):
        assert target.read_bytes() == baocao.render(report)


def test_a_failing_write_is_a_failed_item(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "r.docx"
    (result,) = baocao.render_many([(make_report(), missing)], jobs=1)
    assert not result.ok
    assert result.output == missing


@pytest.mark.parametrize("jobs", [0, -1, True, "2"])
def test_bad_jobs(jobs: object) -> None:
    with pytest.raises(baocao.InvalidTypeError):
        list(baocao.render_many([make_report()], jobs=jobs))  # type: ignore[arg-type]


def test_empty_input() -> None:
    assert list(baocao.render_many([], jobs=2)) == []


def test_same_report_same_bytes_seconds_apart() -> None:
    report = make_report()
    first = baocao.render(report)
    time.sleep(2.1)  # ZIP timestamps have a 2-second resolution
    assert baocao.render(report) == first
    assert baocao.Template().render(report) == first


def test_a_big_table_renders_every_row() -> None:
    rows = [(f"Đơn vị {i}", i) for i in range(1, 10_001)]
    report = make_report(
        sections=[
            baocao.Section(
                title="Số liệu", body=[baocao.Table(header=["Đơn vị", "Số lượng"], rows=rows)]
            )
        ]
    )
    table = open_docx(baocao.render(report)).tables[1]  # after the header table
    assert len(table.rows) == 10_001
    assert table.rows[-1].cells[1].text == "10.000"


def _write(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_cli_renders_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for n in range(1, 4):
        _write(source / f"r{n}.yaml", minimal_data(number=n))
    _write(source / "bad.yaml", minimal_data(number=0))
    (source / "notes.txt").write_text("not an input", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(source), "-o", str(out), "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml: number: 0 is not between 1 and 9999999" in err
    assert "rendered 3 of 4 reports; 1 failed" in err
    assert sorted(p.name for p in out.iterdir()) == ["r1.docx", "r2.docx", "r3.docx"]


def test_cli_several_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(tmp_path / "a.yaml", minimal_data(number=1))
    second = tmp_path / "b.json"
    second.write_text(json.dumps(minimal_data(number=2), ensure_ascii=False), encoding="utf-8")
    assert main(["render", "-q", str(first), str(second), "-j", "1"]) == 0
    assert (tmp_path / "a.docx").exists()
    assert (tmp_path / "b.docx").exists()
    assert capsys.readouterr().err == ""


def test_cli_batch_refuses_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(tmp_path / "a.yaml", minimal_data())
    assert main(["render", str(first), str(first), "-o", "-"]) == 2
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["render", str(first), str(first), "-o", str(tmp_path / "file")]) == 2
    assert "must be a folder" in capsys.readouterr().err


def test_workers_use_the_template_compiled_by_the_forkserver() -> None:
    from baocao._render import _batch
    from baocao._render._template import cached_template

    template = cached_template(None)
    assert template.name == "the default template"
    _batch.keep_template(template)
    _batch._init_worker(template.source, template.name)
    assert _batch._WORKER["template"] is template


# --------------------------------------------------------------- issue 9 §6, issue 10 §2

PLAIN_SCRIPT = """\
import sys
sys.path.insert(0, {root!r})
import baocao
from tests.conftest import make_report

print("top level ran", flush=True)
reports = [make_report(number=n) for n in range(1, 41)]
results = list(baocao.render_many(reports, jobs=2))
print("results", sum(r.ok for r in results), len(results),
      [str(r.error) for r in results if not r.ok])
"""


def test_a_plain_script_works_and_runs_once(tmp_path: Path) -> None:
    """No ``if __name__ == "__main__":``: the workers must not run the script again."""
    result = run_script(tmp_path, PLAIN_SCRIPT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["top level ran", "results 40 40 []"]
    assert "Traceback" not in result.stderr


class _DeadlyReport(baocao.Report):
    """A report whose unpickling kills the worker process (as an out-of-memory kill
    would)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (signal.raise_signal, (signal.SIGKILL,))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_dead_worker_fails_only_its_chunk() -> None:
    from baocao._render._batch import CHUNK

    count, deadly = 300, 100
    reports: list[baocao.Report] = _reports(count)
    reports[deadly] = _DeadlyReport(**attrs.asdict(reports[deadly], recurse=False))
    results = list(baocao.render_many(reports, jobs=2))
    assert [r.index for r in results] == list(range(count))
    first = deadly - deadly % CHUNK
    held = range(first, first + CHUNK)
    assert [r.index for r in results if not r.ok] == list(held)
    for result in results:
        if result.index in held:
            assert isinstance(result.error, baocao.WorkerError)
            assert f"reports {first}–{first + CHUNK - 1} died (killed by SIGKILL)" in str(
                result.error
            )
        else:
            assert result.data == baocao.render(reports[result.index])


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The pools that render_many makes, recorded as their first worker starts."""
    import baocao._render._batch as batch

    made: list[Any] = []
    real = batch._Pool.start

    def start(pool: Any) -> Any:
        if pool not in made:
            made.append(pool)
        return real(pool)

    monkeypatch.setattr(batch._Pool, "start", start)
    return made


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_workers_killed_from_outside_are_replaced(tmp_path: Path, pools: list[Any]) -> None:
    """``kill -9`` of a worker in the middle of a batch (as the OOM killer does)."""
    killed: list[int] = []

    def progress(result: baocao.RenderResult) -> None:
        if result.index == 40 and not killed:
            busy = [w.process.pid for w in pools[0].workers if w.chunk is not None]
            os.kill(busy[0], signal.SIGKILL)
            killed.append(busy[0])

    reports = _reports(200)
    targets = [tmp_path / f"r{i}.docx" for i in range(200)]
    results = list(
        baocao.render_many(zip(reports, targets, strict=True), jobs=2, progress=progress)
    )
    assert killed
    from baocao._render._batch import CHUNK

    failed = [r for r in results if not r.ok]
    assert len(results) == 200
    first = failed[0].index
    assert first % CHUNK == 0
    assert [r.index for r in failed] == list(range(first, first + CHUNK))  # its chunk
    assert all(isinstance(r.error, baocao.WorkerError) for r in failed)
    assert all("killed by SIGKILL" in str(r.error) for r in failed)
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".docx")] == []
    for result in results:
        if result.ok:
            assert targets[result.index].read_bytes() == baocao.render(reports[result.index])


def test_an_unpicklable_item_fails_alone() -> None:
    class Local(baocao.Report):  # a class defined in a function cannot be pickled
        pass

    reports: list[object] = list(_reports(12))
    reports[3] = Local(**attrs.asdict(reports[3], recurse=False))  # type: ignore[arg-type]
    reports[5] = threading.Lock()
    results = list(baocao.render_many(reports, jobs=2))  # type: ignore[arg-type]
    assert [r.ok for r in results] == [i not in (3, 5) for i in range(12)]
    assert isinstance(results[3].error, baocao.InvalidTypeError)
    assert str(results[3].error).startswith("[3]: ")
    assert "cannot be sent to a worker process" in str(results[3].error)
    assert "is not a baocao.Report" in str(results[5].error)


def test_leaving_the_loop_stops_the_workers(pools: list[Any]) -> None:
    results = baocao.render_many(_reports(100), jobs=2)
    first = next(results)
    processes = [w.process for w in pools[0].workers]
    results.close()  # type: ignore[attr-defined]
    assert first.ok
    assert processes
    assert all(p.exitcode is not None for p in processes)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_worker_killed_while_idle_loses_nothing(pools: list[Any]) -> None:
    """A worker that dies between chunks held nothing: every report is rendered."""
    reports = _reports(60)
    killed: list[int] = []

    def items() -> Iterator[baocao.Report]:
        for index, report in enumerate(reports):
            if index >= 16 and pools and not killed:
                idle = [w for w in pools[0].workers if w.chunk is None and w.served]
                if idle:
                    os.kill(idle[0].process.pid, signal.SIGKILL)
                    idle[0].process.join(30)
                    killed.append(idle[0].process.pid)
            yield report

    results = list(baocao.render_many(items(), jobs=2))
    assert killed
    assert [r.ok for r in results] == [True] * 60
    assert [r.data for r in results] == [baocao.render(r) for r in reports]
