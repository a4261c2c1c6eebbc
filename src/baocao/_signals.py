"""Stopping cleanly on Ctrl-C (SIGINT) and SIGTERM.

The ``baocao`` command runs under :func:`handling_signals`. The first SIGINT raises
:class:`KeyboardInterrupt`, the first SIGTERM raises :class:`Terminated`, wherever the
program is; the code on the way out (``finally`` blocks, ``except BaseException``) then
stops the worker processes and LibreOffice and removes temporary files. Further signals
while that runs are ignored, so a second Ctrl-C cannot cut the clean-up short and leave
orphans or ``.tmp`` files; the clean-up itself is bounded (about a second).

:func:`deferred` marks a short critical section, such as starting a child process and
recording its id, or a clean-up: a signal arriving inside it takes effect at its end. It
costs nothing when no handler is installed (the library used from Python, where Python's
own SIGINT handler raises :class:`KeyboardInterrupt` as usual).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["Terminated", "deferred", "handling_signals"]

#: The exit status of a command stopped by each signal (128 + the signal's number).
EXIT_STATUS = {signal.SIGINT: 130, signal.SIGTERM: 143}


class Terminated(BaseException):
    """SIGTERM arrived (a :class:`BaseException`, as :class:`KeyboardInterrupt` is, so that
    ``except Exception`` does not swallow it)."""

    status = EXIT_STATUS[signal.SIGTERM]


class _State:
    installed = False
    stopping = False
    depth = 0
    pending: int | None = None


_state = _State()


def _exception(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else Terminated()


def _handler(signum: int, _frame: FrameType | None) -> None:
    if _state.stopping:
        return  # already stopping: let the clean-up finish
    if _state.depth > 0:
        _state.pending = signum
        return
    _state.stopping = True
    raise _exception(signum)


@contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back until the end of the block (see the module)."""
    if not _state.installed or threading.current_thread() is not threading.main_thread():
        yield
        return
    _state.depth += 1
    try:
        yield
    finally:
        _state.depth -= 1
        if _state.depth == 0 and _state.pending is not None and not _state.stopping:
            signum, _state.pending = _state.pending, None
            _state.stopping = True
            raise _exception(signum)


@contextmanager
def handling_signals() -> Iterator[None]:
    """Run the block with baocao's SIGINT and SIGTERM handlers (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or _state.installed:
        yield
        return
    signals = (signal.SIGINT, signal.SIGTERM)
    old = {signum: signal.getsignal(signum) for signum in signals}
    _state.installed, _state.stopping, _state.depth, _state.pending = True, False, 0, None
    for signum in signals:
        signal.signal(signum, _handler)
    try:
        yield
    finally:
        # Once stopping, the process is on its way out with 130 or 143: a late signal must
        # not kill it on the last step (Python puts its own handlers back to the default
        # action while it exits, but leaves SIG_IGN), so the signals stay ignored.
        # Otherwise the previous handlers come back.
        for signum, previous in old.items():
            signal.signal(signum, signal.SIG_IGN if _state.stopping else previous)
        _state.installed = False
