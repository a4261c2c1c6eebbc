"""render_many on any concurrent.futures.Executor (issue 16), and how it starts its own
pool: in this process below POOL_FROM reports, by fork where it is safe, else forkserver."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import baocao
from baocao._render import _batch, _processes

from ..conftest import make_report, run_script


def _reports(count: int) -> list[baocao.Report]:
    return [make_report(number=n, subject=f"Báo cáo số {n}") for n in range(1, count + 1)]


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The pools that render_many makes, recorded as their first worker starts."""
    made: list[Any] = []
    real = _batch._Pool.start

    def start(pool: Any) -> Any:
        if pool not in made:
            made.append(pool)
        return real(pool)

    monkeypatch.setattr(_batch._Pool, "start", start)
    return made


# --------------------------------------------------------------------------- executor=


def test_a_thread_pool_gives_the_same_bytes_in_order(tmp_path: Path) -> None:
    reports = _reports(20)
    expected = [baocao.render(r) for r in reports]
    seen: list[int] = []
    items: list[Any] = list(reports)
    items[4] = "không phải báo cáo"
    with ThreadPoolExecutor(max_workers=3) as executor:
        results = list(
            baocao.render_many(
                items, executor=executor, progress=lambda r: seen.append(r.index), jobs=1
            )
        )
    assert [r.index for r in results] == list(range(20)) == seen
    assert [r.ok for r in results] == [i != 4 for i in range(20)]
    assert "[4]: 'không phải báo cáo' is not a baocao.Report" in str(results[4].error)
    assert [r.data for r in results if r.ok] == [e for i, e in enumerate(expected) if i != 4]


def test_pairs_are_written_by_the_executor(tmp_path: Path) -> None:
    reports = _reports(3)
    targets = [tmp_path / f"r{i}.docx" for i in range(3)]
    with ThreadPoolExecutor(max_workers=2) as executor:
        results = list(baocao.render_many(zip(reports, targets, strict=True), executor=executor))
    assert [r.output for r in results] == targets
    for report, target in zip(reports, targets, strict=True):
        assert target.read_bytes() == baocao.render(report)


class _Losing(Executor):
    """Runs each task at once, except the second, which it loses (as a cluster loses a
    task whose worker died); records what was cancelled."""

    def __init__(self) -> None:
        self.calls = 0
        self.cancelled = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.calls += 1
        future: Future[Any] = Future()
        if self.calls == 2:
            future.set_exception(OSError("the worker went away"))
        elif self.calls > 4:  # never run: left pending, to be cancelled
            original = future.cancel

            def cancel() -> bool:
                self.cancelled += 1
                return original()

            future.cancel = cancel  # type: ignore[method-assign]
        else:
            future.set_result(fn(*args, **kwargs))
        return future


def test_a_lost_task_fails_only_its_chunk() -> None:
    reports = _reports(30)
    executor = _Losing()
    results = list(baocao.render_many(reports[:24], executor=executor, jobs=1))
    chunk = _batch.CHUNK
    failed = [r.index for r in results if not r.ok]
    assert failed == list(range(chunk, 2 * chunk))
    assert all(isinstance(r.error, baocao.WorkerError) for r in results if not r.ok)
    assert f"did not render reports {chunk}–{2 * chunk - 1} (OSError: the worker went away)" in (
        str(results[chunk].error)
    )
    assert [r.data for r in results if r.ok] == [
        baocao.render(r) for i, r in enumerate(reports[:24]) if i not in failed
    ]


def test_leaving_early_cancels_what_is_in_flight() -> None:
    executor = _Losing()
    results = baocao.render_many(_reports(200), executor=executor, jobs=2)  # window: 8
    assert next(results).ok
    results.close()  # type: ignore[attr-defined]
    assert executor.cancelled > 0


def test_an_executor_must_submit() -> None:
    with pytest.raises(baocao.InvalidTypeError, match=r"is not a concurrent\.futures\.Executor"):
        list(baocao.render_many(_reports(1), executor="dask"))  # type: ignore[arg-type]


def test_a_dask_cluster_gives_the_same_bytes_as_the_serial_path() -> None:
    """The three lines of the README, on a local cluster of two worker processes."""
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed (it is in the test extra)"
    )
    reports = _reports(24)
    serial = [r.data for r in baocao.render_many(reports, jobs=1)]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = list(baocao.render_many(reports, executor=client.get_executor()))
    assert [r.index for r in results] == list(range(24))
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    assert [r.data for r in results] == serial


# ------------------------------------------------------------------ how the pool starts


def test_a_small_batch_renders_in_this_process(pools: list[Any]) -> None:
    small = _reports(_batch.POOL_FROM - 1)

    def generated() -> Iterator[baocao.Report]:
        yield from small

    assert [r.data for r in baocao.render_many(small, jobs=2)] == [baocao.render(r) for r in small]
    assert [r.ok for r in baocao.render_many(generated(), jobs=2)] == [True] * len(small)
    assert pools == []


def test_a_batch_of_pool_from_reports_uses_the_pool(pools: list[Any]) -> None:
    reports = _reports(_batch.POOL_FROM)

    def generated() -> Iterator[baocao.Report]:
        yield from reports

    expected = [baocao.render(r) for r in reports]
    assert [r.data for r in baocao.render_many(generated(), jobs=2)] == expected
    assert len(pools) == 1


def test_a_process_with_threads_starts_its_workers_from_the_forkserver(
    pools: list[Any],
) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not _processes.fork_is_safe()
        reports = _reports(20)
        results = list(baocao.render_many(reports, jobs=2))
    finally:
        stop.set()
        thread.join()
    assert not pools[0].fork
    assert [r.data for r in results] == [baocao.render(r) for r in reports]


FORKSERVER_SCRIPT = """\
import sys, threading
sys.path.insert(0, {root!r})
import baocao
from tests.conftest import make_report

stop = threading.Event()
threading.Thread(target=stop.wait, daemon=True).start()  # no fork: the forkserver
print("top level ran", flush=True)
results = list(baocao.render_many([make_report(number=n) for n in range(1, 41)], jobs=2))
print("results", sum(r.ok for r in results), len(results))
stop.set()
"""


def test_a_plain_script_with_threads_runs_once(tmp_path: Path) -> None:
    result = run_script(tmp_path, FORKSERVER_SCRIPT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["top level ran", "results 40 40"]
