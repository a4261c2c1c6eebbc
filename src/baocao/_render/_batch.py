"""Rendering many reports on every core.

:func:`render_many` renders on a pool of worker processes (lxml is not made to share
documents between threads, and processes use every core despite the GIL). Each worker
loads the template once. Results stream back in the order of the input, a bounded number
of reports in flight at a time, so a batch of any size runs in constant memory. A report
that fails does not stop the batch: its result carries the index and the error.

Workers start by a plain ``fork`` where it is safe (one thread, not macOS), with the
parent's compiled template; otherwise with ``forkserver`` where the platform has it (a
server process that has imported baocao forks each worker, so they start quickly and
safely), else ``spawn`` (:mod:`._processes`). Unlike :mod:`multiprocessing`'s default, the
workers do not import the caller's main module: they only need baocao. So a plain script
that calls :func:`render_many` at its top level works as it is, without
``if __name__ == "__main__":``, and its top level runs once. A batch smaller than
:data:`POOL_FROM` renders in this process: a pool would cost more than it earns.

With ``executor=`` the chunks go to any :class:`concurrent.futures.Executor` instead (a
Dask cluster, Ray, loky): the same order, errors and progress, no scheduler of baocao's.

baocao runs its own small pool rather than :class:`concurrent.futures.ProcessPoolExecutor`,
to know which reports each worker holds: when a worker dies (killed, out of memory), only
the reports it held fail (with :class:`~baocao.WorkerError`), a new worker takes its place
and the batch goes on. Each report is pickled on its own, so one that cannot be sent fails
alone. When the batch stops early (an error, Ctrl-C, SIGTERM, the caller leaving the loop),
the workers are stopped (SIGTERM, then SIGKILL after a second) and the temporary files of
the writes they had under way are removed.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sized
from concurrent.futures import Executor, Future
from multiprocessing import connection
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import attrs

from .. import _model as m
from .._errors import BaocaoError, InvalidTypeError, WorkerError
from .._options import Margins, check_profile
from .._signals import deferred
from ._batch_result import RenderResult
from ._pdf import check_pdf_version
from ._pdf_batch import as_pdf
from ._processes import fork_is_safe, process_class, warm
from ._template import Template, cached_template

__all__ = ["RenderResult", "render_chunk", "render_many"]

Item = m.Report | tuple[m.Report, "str | os.PathLike[str]"]


_WORKER: dict[str, Any] = {}
_READY: dict[str, Template] = {}


def keep_template(template: Template) -> None:
    """Keep a compiled template for the workers that a process will fork."""
    _READY[hashlib.sha256(template.source).hexdigest()] = template


def _init_worker(source: bytes, name: str) -> None:
    template = _READY.get(hashlib.sha256(source).hexdigest())
    if template is None or template.name != name:
        template = Template(source, name=name)
    _WORKER["template"] = template


def _portable(error: BaseException) -> Exception:
    """An error that survives the trip back from a worker process."""
    if isinstance(error, BaocaoError):
        return error
    return RuntimeError(f"{type(error).__name__}: {error}")


def _render_one(
    template: Template,
    index: int,
    report: object,
    output: str | None,
    profile: str,
    margins: Margins | None,
) -> RenderResult:
    try:
        if not isinstance(report, m.Report):
            raise InvalidTypeError(report, "is not a baocao.Report", path=f"[{index}]")
        if output is None:
            return RenderResult(
                index, data=template.render(report, profile=profile, margins=margins)
            )
        template.render(report, output, profile=profile, margins=margins)
        return RenderResult(index, output=Path(output))
    except Exception as exc:
        return RenderResult(
            index, output=None if output is None else Path(output), error=_portable(exc)
        )


def _split(item: object) -> tuple[object, str | None]:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], (str, os.PathLike)):
        return item[0], os.fspath(item[1])
    return item, None


def render_many(
    items: Iterable[Item],
    *,
    template: str | os.PathLike[str] | bytes | None = None,
    jobs: int | None = None,
    profile: str | int = "14",
    margins: Margins | None = None,
    progress: Callable[[RenderResult], None] | None = None,
    executor: Executor | None = None,
    pdf: bool = False,
    pdf_version: str = "2b",
    soffice: str | None = None,
) -> Iterator[RenderResult]:
    """Render reports on ``jobs`` processes (all cores by default), yielding results in
    the order of ``items``.

    Each item is a :class:`~baocao.Report` (the result carries the .docx bytes) or a
    ``(report, path)`` pair (the worker writes the file atomically). A failing item gives
    a result with its ``error``; the batch goes on. ``progress`` is called with each
    result as it is yielded. ``jobs=1`` renders in this process, and so does a batch too
    small for worker processes to pay off (fewer than :data:`POOL_FROM` reports).

    ``executor`` (any :class:`concurrent.futures.Executor`: a Dask cluster's
    ``Client.get_executor()``, Ray's, loky's, a ``ProcessPoolExecutor``) renders the batch
    there instead of on baocao's own pool, with the same order, errors and progress: each
    task is a chunk of pickled reports with the template's bytes, and it returns their
    results. At most ``4 * jobs`` chunks are in flight (``jobs``: this machine's cores by
    default; raise it for a bigger cluster). A chunk that the executor loses (a dead
    worker) fails with a :class:`~baocao.WorkerError`; leaving the loop early, or Ctrl-C,
    cancels the chunks not yet started. Pairs are written where the task runs, so their
    paths must be on a file system that the workers share.

    A plain script may call it at its top level: the workers do not import the script
    (``if __name__ == "__main__":`` is not needed, and the script runs once). An item that
    cannot be pickled fails alone. If a worker process dies (killed, out of memory), the
    reports it held fail with a :class:`~baocao.WorkerError`, a new worker starts and the
    rest of the batch is rendered. Leaving the loop early, or Ctrl-C, stops the workers.

    >>> import baocao, datetime
    >>> def report(n):
    ...     return baocao.Report(
    ...         issuer=baocao.Issuer(name="Sở Nội vụ", abbreviation="SNV"), number=n,
    ...         place="Hà Nội", date=datetime.date(2026, 3, 5), subject=f"Báo cáo {n}",
    ...         signatory=baocao.Signatory(name="Nguyễn Văn A", title="Giám đốc"),
    ...         sections=[baocao.Section(title="Kết quả", body=["Đã hoàn thành."])])
    >>> results = list(baocao.render_many([report(1), "not a report", report(3)], jobs=1))
    >>> [(r.index, r.ok) for r in results]
    [(0, True), (1, False), (2, True)]
    >>> print(results[1].error)
    [1]: 'not a report' is not a baocao.Report

    ``pdf=True`` gives PDFs instead (PDF/A-2b by default, ``pdf_version`` as
    :func:`~baocao.to_pdf`, with the metadata of Phụ lục VI in their XMP): the .docx
    documents are rendered as above, then converted by one LibreOffice for every 20 of
    them (``soffice``: the program, as for :func:`~baocao.to_pdf`), a file ``(report,
    path)`` written by this process. A LibreOffice that dies or hangs is killed with every
    process it started; the document it stopped on fails with the reason, and the rest
    are converted by a new LibreOffice.
    """
    checked = check_profile(profile)
    if margins is not None and not isinstance(margins, Margins):
        raise InvalidTypeError(margins, "is not a baocao.Margins", path="margins")
    if jobs is None:
        jobs = os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InvalidTypeError(jobs, "is not a number of processes (1 or more)", path="jobs")
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise InvalidTypeError(executor, "is not a concurrent.futures.Executor", path="executor")
    if not isinstance(pdf, bool):
        raise InvalidTypeError(pdf, "is not True or False", path="pdf")
    outputs: list[str | None] = []
    reports: list[object] = []
    if pdf:  # issue 14: the documents are rendered to bytes here, then go to PDF in batches
        check_pdf_version(pdf_version)
        for item in items:
            report, output = _split(item)
            reports.append(report)
            outputs.append(output)
        items = reports  # type: ignore[assignment]  # reports alone: their bytes come back
    loaded = cached_template(template)
    results: Generator[RenderResult, None, None]
    if executor is not None:
        results = _on_executor(loaded, items, checked, margins, executor, 4 * jobs)
    elif jobs == 1:
        results = _serial(loaded, items, checked, margins)
    else:
        first, rest = _peek(items, POOL_FROM)
        if rest is None:
            results = _serial(loaded, first, checked, margins)
        else:
            results = _parallel(loaded, itertools.chain(first, rest), checked, margins, jobs)
    if pdf:
        results = as_pdf(results, reports, outputs, pdf_version=pdf_version, soffice=soffice)
    with contextlib.closing(results):
        for result in results:
            if progress is not None:
                progress(result)
            yield result


POOL_FROM = 12
"""The smallest batch that :func:`render_many` sends to worker processes; a smaller one
renders in this process. Measured on 2 cores (``benchmarks/bench_render.py``, the pool's
start included): forking a worker takes a few milliseconds, but each then pays some tens
of milliseconds to copy the pages it touches in its first renders, and a batch of one
chunk (:data:`CHUNK`) keeps a single worker busy anyway. The example report (7 pages,
6-9 ms each) breaks even at 12 reports (0.7-0.85x at 8, 1.0-1.05x at 12, 1.4-1.7x from 24);
one-page reports (2 ms) break even later (30 to 50), where the pool costs some tens of
milliseconds at worst."""


def _peek(items: Iterable[Item], count: int) -> tuple[list[Item], Iterator[Item] | None]:
    """The first ``count`` items, and the rest (``None`` when there is no more)."""
    if isinstance(items, Sized):
        if len(items) < count:
            return list(items), None
        return [], iter(items)
    iterator = iter(items)
    first = list(itertools.islice(iterator, count))
    return first, (iterator if len(first) == count else None)


def _serial(
    template: Template, items: Iterable[Item], profile: str, margins: Margins | None
) -> Generator[RenderResult, None, None]:
    for index, item in enumerate(items):
        report, output = _split(item)
        yield _render_one(template, index, report, output, profile, margins)


CHUNK = 8
"""Reports sent to a worker at a time: fewer, larger messages between processes."""

STOP_GRACE = 1.0
"""Seconds the workers get to stop on SIGTERM (and remove their temporary files) before
they are killed."""


# --- the worker processes -------------------------------------------------------------------


def _on_sigterm(_signum: int, _frame: types.FrameType | None) -> None:
    raise SystemExit(128 + signal.SIGTERM)  # unwinds: an atomic write removes its .tmp


def _serve(
    conn: Connection,
    source: bytes,
    name: str,
    template: Template | None = None,
    inherited: Iterable[Connection] = (),
) -> None:
    """The life of a worker: render the chunks the parent sends until it sends ``None`` or
    goes away. A forked worker gets the parent's ``template`` as it is, and closes its
    copies of the parent's ends of the pipes (``inherited``): else it would never see the
    end of its own pipe if the parent died."""
    # Ctrl-C reaches the whole process group; the parent decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform != "win32":
        signal.signal(signal.SIGTERM, _on_sigterm)
    for other in inherited:
        with contextlib.suppress(OSError):
            other.close()
    if template is None:
        _init_worker(source, name)
        template = _WORKER["template"]
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        key, chunk, profile, margins = message
        results = [
            _render_sent(template, index, payload, output, profile, margins)
            for index, payload, output in chunk
        ]
        try:
            conn.send((key, results))
        except (EOFError, OSError):
            return
        except Exception:  # an error that cannot be pickled: send its text instead
            conn.send(
                (
                    key,
                    [
                        attrs.evolve(r, error=RuntimeError(str(r.error)))
                        if r.error is not None
                        else r
                        for r in results
                    ],
                )
            )


def _render_sent(
    template: Template,
    index: int,
    payload: bytes,
    output: str | None,
    profile: str,
    margins: Margins | None,
) -> RenderResult:
    try:
        report = pickle.loads(payload)
    except Exception as exc:
        return RenderResult(
            index,
            output=None if output is None else Path(output),
            error=WorkerError(
                f"[{index}]: the worker process cannot read this report "
                f"({type(exc).__name__}: {exc}); its classes must be "
                "importable (baocao's own, or a module's, not __main__'s)"
            ),
        )
    return _render_one(template, index, report, output, profile, margins)


# --- the pool, in the parent ----------------------------------------------------------------


@attrs.define
class _Chunk:
    key: int
    indexes: list[int]
    outputs: dict[int, str | None]
    sent: list[tuple[int, bytes, str | None]]
    ready: dict[int, RenderResult]

    def results(self, results: Iterable[RenderResult]) -> list[RenderResult]:
        merged = dict(self.ready)
        merged.update((r.index, r) for r in results)
        return [merged[index] for index in self.indexes]

    def failed(self, error: Exception) -> list[RenderResult]:
        outputs = self.outputs
        return self.results(
            RenderResult(
                index,
                output=None if outputs[index] is None else Path(outputs[index]),  # type: ignore[arg-type]
                error=error,
            )
            for index, _, _ in self.sent
        )


def _prepare(key: int, items: list[tuple[int, object, str | None]]) -> _Chunk:
    """Pickle each report on its own: one that cannot be sent fails here, alone."""
    chunk = _Chunk(key, [i for i, _, _ in items], {i: o for i, _, o in items}, [], {})
    for index, report, output in items:
        path = None if output is None else Path(output)
        if not isinstance(report, m.Report):
            error: Exception = InvalidTypeError(report, "is not a baocao.Report", path=f"[{index}]")
        else:
            try:
                chunk.sent.append((index, pickle.dumps(report, pickle.HIGHEST_PROTOCOL), output))
                continue
            except Exception as exc:
                error = InvalidTypeError(
                    report,
                    f"cannot be sent to a worker process ({type(exc).__name__}: {exc})",
                    path=f"[{index}]",
                )
        chunk.ready[index] = RenderResult(index, output=path, error=error)
    return chunk


@attrs.define(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    chunk: _Chunk | None = None
    served: int = 0  # chunks rendered


def _how(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-exitcode).name}"
        return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


def _remove_temporaries(chunk: _Chunk) -> None:
    """Remove the temporary files (``.NAME.*.tmp``) that a stopped worker may have left
    beside the outputs it was writing."""
    for _, _, output in chunk.sent:
        if output is None:
            continue
        target = Path(output)
        with contextlib.suppress(OSError):
            for temp in target.parent.glob(f".{target.name}.*.tmp"):
                with contextlib.suppress(OSError):
                    temp.unlink()


class _Pool:
    def __init__(self, template: Template, jobs: int) -> None:
        self.template = template
        self.jobs = jobs
        self.fork = False  # how the last worker started
        self.workers: list[_Worker] = []

    def start(self) -> _Worker:
        # Asked at each start: a thread may have started since the last (a progress
        # callback's); forked and forkserver workers speak the same protocol.
        self.fork = fork_is_safe()
        process_class_: type[multiprocessing.process.BaseProcess]
        if self.fork:
            warm(self.template)
            process_class_ = multiprocessing.get_context("fork").Process
        else:
            process_class_ = process_class()
        parent, child = connection.Pipe()
        kwargs: dict[str, Any] = {}
        if self.fork:  # nothing is pickled: the worker has the compiled template as it is
            kwargs = {
                "template": self.template,
                "inherited": [parent, *(w.conn for w in self.workers)],
            }
        process = process_class_(
            target=_serve,
            name="baocao-render",
            daemon=True,
            args=(child, self.template.source, self.template.name),
            kwargs=kwargs,
        )
        with deferred():
            # The objects that exist now are frozen for the child's collector: it would
            # otherwise write to every page it shares with the parent (copy on write).
            freeze = self.fork and gc.get_freeze_count() == 0
            if freeze:
                gc.freeze()
            try:
                process.start()
            finally:
                if freeze:
                    gc.unfreeze()
                child.close()
            worker = _Worker(process, parent)
            self.workers.append(worker)
        return worker

    def give(self, worker: _Worker, chunk: _Chunk, profile: str, margins: Margins | None) -> bool:
        worker.chunk = chunk
        try:
            worker.conn.send((chunk.key, chunk.sent, profile, margins))
        except (OSError, EOFError):
            return False
        return True

    def bury(self, worker: _Worker) -> _Chunk | None:
        """Forget a dead worker; return the chunk it held."""
        with deferred():
            self.workers.remove(worker)
            worker.conn.close()
            worker.process.join(STOP_GRACE)
            if worker.process.exitcode is None:
                worker.process.kill()
                worker.process.join(STOP_GRACE)
        if worker.chunk is not None:
            _remove_temporaries(worker.chunk)
        return worker.chunk

    def close(self, graceful: bool) -> None:
        with deferred():
            if graceful:
                for worker in self.workers:
                    with contextlib.suppress(OSError, EOFError):
                        worker.conn.send(None)
            else:
                for worker in self.workers:
                    with contextlib.suppress(OSError, AttributeError):
                        worker.process.terminate()
            deadline = time.monotonic() + (STOP_GRACE if not graceful else 10 * STOP_GRACE)
            for worker in self.workers:
                worker.process.join(max(0.0, deadline - time.monotonic()))
            for worker in self.workers:
                if worker.process.exitcode is None:
                    with contextlib.suppress(OSError, AttributeError):
                        worker.process.kill()
                    worker.process.join(STOP_GRACE)
                worker.conn.close()
                if worker.chunk is not None:
                    _remove_temporaries(worker.chunk)
            self.workers.clear()


def _parallel(
    template: Template, items: Iterable[Item], profile: str, margins: Margins | None, jobs: int
) -> Generator[RenderResult, None, None]:
    """Stream the results in order, at most ``4 * jobs`` chunks between sending and
    yielding (constant memory for a batch of any size)."""
    window = jobs * 4
    chunks = _chunks(items, CHUNK)
    pool = _Pool(template, jobs)
    waiting: list[_Chunk] = []  # prepared, not yet given to a worker
    done: dict[int, list[RenderResult]] = {}
    next_key = 0  # the chunk to yield next
    made = 0  # chunks taken from the input
    exhausted = False
    graceful = False
    try:
        while True:
            while not exhausted and len(waiting) < jobs and made - next_key < window:
                try:
                    chunk = _prepare(made, next(chunks))
                except StopIteration:
                    exhausted = True
                    break
                made += 1
                if chunk.sent:
                    waiting.append(chunk)
                else:
                    done[chunk.key] = chunk.results(())
            while waiting:
                idle = [w for w in pool.workers if w.chunk is None]
                if idle:
                    worker = idle[0]
                elif len(pool.workers) < jobs:
                    worker = pool.start()
                else:
                    break
                chunk = waiting.pop(0)
                if not pool.give(worker, chunk, profile, margins):
                    if worker.served:  # it died while idle: the chunk goes to another
                        worker.chunk = None
                        waiting.insert(0, chunk)
                    _died(pool, worker, done)
            while next_key in done:
                yield from done.pop(next_key)
                next_key += 1
            if next_key == made and exhausted:
                break
            if next_key in done or (waiting and any(w.chunk is None for w in pool.workers)):
                continue
            busy = [w for w in pool.workers if w.chunk is not None]
            if not busy:
                continue
            ready = connection.wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn in ready:
                    try:
                        key, results = worker.conn.recv()
                    except (EOFError, OSError):
                        _died(pool, worker, done)
                        continue
                    held = worker.chunk
                    assert held is not None
                    assert key == held.key
                    done[key] = held.results(results)
                    worker.chunk = None
                    worker.served += 1
                elif worker.process.sentinel in ready:
                    _died(pool, worker, done)
        graceful = True
    finally:
        pool.close(graceful)


def _died(pool: _Pool, worker: _Worker, done: dict[int, list[RenderResult]]) -> None:
    """A worker died: the chunk it held fails with a WorkerError; a new worker will be
    started when there is work."""
    chunk = pool.bury(worker)
    if chunk is None:
        return
    first, last = chunk.sent[0][0], chunk.sent[-1][0]
    held = f"report {first}" if first == last else f"reports {first}–{last}"
    done[chunk.key] = chunk.failed(
        WorkerError(
            f"the worker process rendering {held} died ({_how(worker.process.exitcode)}) "
            "before it finished them; the other reports of the batch are rendered"
        )
    )


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[tuple[int, object, str | None]]]:
    chunk: list[tuple[int, object, str | None]] = []
    for index, item in enumerate(items):
        report, output = _split(item)
        chunk.append((index, report, output))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- on an executor (Dask, Ray, loky, concurrent.futures) ------------------------------------

_TEMPLATES: dict[tuple[str, str], Template] = {}
_TEMPLATES_LOCK = threading.Lock()


def _template_for(source: bytes, name: str) -> Template:
    """The compiled template of an executor's task, compiled once per worker process (an
    executor may run tasks on threads: the cache is locked; a Template is thread-safe)."""
    key = (hashlib.sha256(source).hexdigest(), name)
    with _TEMPLATES_LOCK:
        found = _TEMPLATES.get(key) or _READY.get(key[0])
    if found is not None and found.name == name:
        return found
    template = Template(source, name=name)
    with _TEMPLATES_LOCK:
        if len(_TEMPLATES) >= 8:
            _TEMPLATES.pop(next(iter(_TEMPLATES)))
        _TEMPLATES[key] = template
    return template


def render_chunk(
    source: bytes,
    name: str,
    chunk: list[tuple[int, bytes, str | None]],
    profile: str,
    margins: Margins | None,
) -> list[RenderResult]:
    """An executor's task: render a chunk of pickled reports ``(index, pickle, output)``
    with the template of these bytes; return their results (bytes or an error each)."""
    template = _template_for(source, name)
    return [
        _render_sent(template, index, payload, output, profile, margins)
        for index, payload, output in chunk
    ]


def _on_executor(
    template: Template,
    items: Iterable[Item],
    profile: str,
    margins: Margins | None,
    executor: Executor,
    window: int,
) -> Generator[RenderResult, None, None]:
    """Submit the chunks in order, at most ``window`` in flight, and yield their results in
    order; cancel what is left when the batch stops early."""
    with _TEMPLATES_LOCK:  # an executor on threads of this process finds it compiled
        _TEMPLATES[(hashlib.sha256(template.source).hexdigest(), template.name)] = template
    source, name = template.source, template.name
    chunks = _chunks(items, CHUNK)
    pending: deque[tuple[_Chunk, Future[list[RenderResult]] | None]] = deque()
    made = 0
    try:
        for items_of_chunk in itertools.chain(chunks, [None]):
            if items_of_chunk is not None:
                chunk = _prepare(made, items_of_chunk)
                made += 1
                future = (
                    executor.submit(render_chunk, source, name, chunk.sent, profile, margins)
                    if chunk.sent
                    else None
                )
                pending.append((chunk, future))
                if len(pending) < window:
                    continue
            while pending and (items_of_chunk is None or len(pending) >= window):
                chunk, future = pending.popleft()
                yield from _collect(chunk, future)
    finally:
        for _, left in pending:
            if left is not None:
                left.cancel()


def _collect(chunk: _Chunk, future: Future[list[RenderResult]] | None) -> Iterator[RenderResult]:
    if future is None:
        return iter(chunk.results(()))
    try:
        results = future.result()
    except Exception as exc:  # the executor lost the task: a dead worker, a broken pool
        first, last = chunk.sent[0][0], chunk.sent[-1][0]
        held = f"report {first}" if first == last else f"reports {first}–{last}"
        return iter(
            chunk.failed(
                WorkerError(
                    f"the executor did not render {held} ({type(exc).__name__}: {exc}); "
                    "the other reports of the batch are rendered"
                )
            )
        )
    return iter(chunk.results(results))
