"""Rendering many reports on every core.

:func:`render_many` renders on a pool of worker processes (lxml is not made to share
documents between threads, and processes use every core despite the GIL). Each worker
loads the template once. Results stream back in the order of the input, a bounded number
of reports in flight at a time, so a batch of any size runs in constant memory. A report
that fails does not stop the batch: its result carries the index and the error.

Workers start with ``forkserver`` where the platform has it (a server process that has
imported baocao forks each worker, so they start quickly and safely), else ``spawn``.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from . import _model as m
from ._errors import BaocaoError, InvalidTypeError
from ._options import Margins, check_profile
from ._template import Template, _cached

__all__ = ["RenderResult", "render_many"]

Item = m.Report | tuple[m.Report, "str | os.PathLike[str]"]


@attrs.frozen
class RenderResult:
    """The outcome of one report of :func:`render_many`.

    Attributes:
        index: the report's position in the input (from 0).
        output: the file written, when the input gave one.
        data: the .docx bytes, when the input gave no file.
        error: what went wrong, or ``None``.
    """

    index: int
    output: Path | None = None
    data: bytes | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        """Whether the report was rendered."""
        return self.error is None


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


def _render_one(template: Template, index: int, report: object, output: str | None,
                profile: str, margins: Margins | None) -> RenderResult:
    try:
        if not isinstance(report, m.Report):
            raise InvalidTypeError(report, "is not a baocao.Report", path=f"[{index}]")
        if output is None:
            return RenderResult(index, data=template.render(report, profile=profile,
                                                            margins=margins))
        template.render(report, output, profile=profile, margins=margins)
        return RenderResult(index, output=Path(output))
    except Exception as exc:
        return RenderResult(index, output=None if output is None else Path(output),
                            error=_portable(exc))


def _work(chunk: list[tuple[int, object, str | None]], profile: str,
          margins: Margins | None) -> list[RenderResult]:
    template = _WORKER["template"]
    return [_render_one(template, index, report, output, profile, margins)
            for index, report, output in chunk]


def _split(item: object) -> tuple[object, str | None]:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], (str, os.PathLike)):
        return item[0], os.fspath(item[1])
    return item, None


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["baocao", "baocao._forkserver"])
        return context
    return multiprocessing.get_context("spawn")


def render_many(
    items: Iterable[Item],
    *,
    template: str | os.PathLike[str] | bytes | None = None,
    jobs: int | None = None,
    profile: str | int = "14",
    margins: Margins | None = None,
    progress: Callable[[RenderResult], None] | None = None,
) -> Iterator[RenderResult]:
    """Render reports on ``jobs`` processes (all cores by default), yielding results in
    the order of ``items``.

    Each item is a :class:`~baocao.Report` (the result carries the .docx bytes) or a
    ``(report, path)`` pair (the worker writes the file atomically). A failing item gives
    a result with its ``error``; the batch goes on. ``progress`` is called with each
    result as it is yielded. ``jobs=1`` renders in this process.

    As with any use of :mod:`multiprocessing`, a script that calls it with ``jobs`` above
    1 must do so under ``if __name__ == "__main__":``. If a worker process dies (killed,
    out of memory), the reports it held fail with that error and the pool is not reused.

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
    """
    checked = check_profile(profile)
    if margins is not None and not isinstance(margins, Margins):
        raise InvalidTypeError(margins, "is not a baocao.Margins", path="margins")
    if jobs is None:
        jobs = os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InvalidTypeError(jobs, "is not a number of processes (1 or more)", path="jobs")
    loaded = _cached(template)
    results = (_serial(loaded, items, checked, margins) if jobs == 1
               else _parallel(loaded, items, checked, margins, jobs))
    for result in results:
        if progress is not None:
            progress(result)
        yield result


def _serial(template: Template, items: Iterable[Item], profile: str,
            margins: Margins | None) -> Iterator[RenderResult]:
    for index, item in enumerate(items):
        report, output = _split(item)
        yield _render_one(template, index, report, output, profile, margins)


CHUNK = 8
"""Reports sent to a worker at a time: fewer, larger messages between processes."""


def _parallel(template: Template, items: Iterable[Item], profile: str,
              margins: Margins | None, jobs: int) -> Iterator[RenderResult]:
    window = jobs * 4
    pending: deque[tuple[list[int], Future[list[RenderResult]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                             initializer=_init_worker,
                             initargs=(template.source, template.name)) as pool:
        for chunk in _chunks(items, CHUNK):
            future = pool.submit(_work, chunk, profile, margins)
            pending.append(([index for index, _, _ in chunk], future))
            if len(pending) >= window:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())


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


def _results(indexes: list[int], future: Future[list[RenderResult]]) -> list[RenderResult]:
    try:
        return future.result()
    except Exception as exc:
        error = _portable(exc)
        return [RenderResult(index, error=error) for index in indexes]
