"""How :func:`baocao.render_many` starts its worker processes.

By a plain ``fork`` where it is safe (:func:`fork_is_safe`: a POSIX system other than
macOS, and a process with one thread): the worker starts in a millisecond with the
parent's compiled, warmed template (:func:`warm`), and nothing is pickled. Otherwise with
``forkserver`` where the platform has it (a server process that has imported baocao and
compiled the default template forks each worker, so they start quickly and safely), else
``spawn``; in both, the worker does not import the caller's main module (:class:`_Process`),
so that a plain script needs no ``if __name__ == "__main__":`` and its top level runs once.
(A fork does not import it either.)
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import sys
import threading
import types
import weakref
from typing import Any

from .. import _model as m
from ._template import Template

__all__ = ["fork_is_safe", "process_class", "warm"]


class _SpawnWithoutMain:
    """:mod:`multiprocessing.spawn` as a worker's start sees it: the same, except that the
    preparation data names no main module, so the worker does not import (run) it."""

    def __getattr__(self, name: str) -> Any:
        from multiprocessing import spawn

        return getattr(spawn, name)

    @staticmethod
    def get_preparation_data(name: str) -> dict[str, Any]:
        from multiprocessing import spawn

        data: dict[str, Any] = spawn.get_preparation_data(name)
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
        return data


def _without_main(launch: Any) -> Any:
    """``launch`` (a ``Popen._launch`` of multiprocessing) reading :class:`_SpawnWithoutMain`
    as its ``spawn`` module: the same code, with other globals (no global is changed)."""
    namespace = dict(launch.__globals__, spawn=_SpawnWithoutMain())
    return types.FunctionType(
        launch.__code__, namespace, launch.__name__, launch.__defaults__, launch.__closure__
    )


def _start_methods() -> tuple[Any, Any]:
    from multiprocessing import context

    if "forkserver" in multiprocessing.get_all_start_methods():
        return (
            importlib.import_module("multiprocessing.popen_forkserver"),
            context.ForkServerProcess,
        )
    return (
        importlib.import_module(  # pragma: no cover - Windows
            "multiprocessing.popen_spawn_win32"
            if sys.platform == "win32"
            else "multiprocessing.popen_spawn_posix"
        ),
        context.SpawnProcess,
    )


_popen, _BaseProcess = _start_methods()


class _Popen(_popen.Popen):  # type: ignore[misc,name-defined]
    """The start method's Popen, launching without the main module."""


# The method that reads the preparation data: _launch (POSIX), __init__ (Windows).
_LAUNCH = "_launch" if "_launch" in vars(_popen.Popen) else "__init__"
setattr(_Popen, _LAUNCH, _without_main(getattr(_popen.Popen, _LAUNCH)))


class _Process(_BaseProcess):  # type: ignore[misc,valid-type]
    """A worker process: started with ``forkserver`` (else ``spawn``), without importing
    the main module. (Module-level: the process object is pickled to the server.)"""

    @staticmethod
    def _Popen(process_obj: Any) -> Any:  # noqa: N802 - multiprocessing's name
        return _Popen(process_obj)


def process_class() -> type[multiprocessing.process.BaseProcess]:
    if _popen.__name__.endswith("forkserver"):
        multiprocessing.get_context("forkserver").set_forkserver_preload(
            ["baocao", "baocao._render._forkserver"]
        )
    return _Process


def fork_is_safe() -> bool:
    """Whether this process may start its workers by a plain ``fork``: a POSIX system other
    than macOS (whose system libraries are not fork-safe), and a process with one thread.
    A thread holding a lock (of the allocator, of logging, of a C library) at the moment
    of the fork would leave it locked for ever in the child; with one thread there is no
    such lock. The count is the kernel's (``/proc/self/task``), so that threads started
    by C libraries count too; where there is no ``/proc``, Python's own threads."""
    if sys.platform in ("win32", "darwin") or "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # pragma: no cover - a POSIX system without /proc
        return threading.active_count() == 1


_WARM: weakref.WeakSet[Template] = weakref.WeakSet()


def warm(template: Template) -> None:
    """Render a small report once with ``template``, so that what the first render loads
    (locale data, caches) is loaded before the workers are forked, once for all of them."""
    if template in _WARM:
        return
    _WARM.add(template)
    import datetime
    import decimal

    report = m.Report(
        issuer=m.Issuer(name="Sở Nội vụ", abbreviation="SNV"),
        number=1,
        place="Hà Nội",
        date=datetime.date(2026, 1, 2),
        subject="Báo cáo 1",
        signatory=m.Signatory(name="Nguyễn Văn A", title="Giám đốc"),
        sections=[
            m.Section(
                title="Kết quả",
                body=[
                    "Đã hoàn thành.",
                    m.Table(
                        header=["Chỉ tiêu", "Số"],
                        rows=[["Một", m.Percent(decimal.Decimal("47.5"))]],
                    ),
                ],
            )
        ],
    )
    with contextlib.suppress(Exception):  # a template that needs more than this
        template.render(report)
