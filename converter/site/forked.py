"""Forked worker processes for `archive build`: `start` one (it dies with this process, also on SIGKILL),
or run a function in one and collect its result later (`Forked`).

Fork (not spawn): a worker starts at once with everything this process has loaded and built so far
(the MkDocs configuration, the list of files, the pages' text), and nothing is pickled on the way in.
Only a process without threads may fork; `archive build` has none.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import traceback
from typing import Any, Callable

CONTEXT = multiprocessing.get_context("fork")
PR_SET_PDEATHSIG = 1
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc mallopt parameters


def start(target: Callable, *args: Any, name: str) -> multiprocessing.Process:
    process = CONTEXT.Process(target=_child, args=(os.getpid(), target, args), daemon=True, name=name)
    process.start()
    return process


def _child(parent: int, target: Callable, args: tuple) -> None:
    _die_with(parent)
    target(*args)


def _die_with(parent: int) -> None:
    """A killed build must not leave its workers running (writing into a folder the next build removes)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the workers end when their queues close
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def keep_freed_memory() -> None:
    """Let malloc reuse freed memory instead of handing it back to the kernel: a worker that allocates
    and frees arrays of 100 MB one after the other (the search index) otherwise pays for every page of
    each new array again (~1 s of page faults for 1000 reports). The worker's peak stays the same."""
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(M_MMAP_THRESHOLD, 2**31 - 1)
        libc.mallopt(M_TRIM_THRESHOLD, 2**31 - 1)
    except (OSError, AttributeError):  # not glibc: only slower
        pass


class LogCapture(logging.Handler):
    """In a worker: takes the place of every logging handler; `records` go back to the parent."""

    def __init__(self):
        super().__init__()
        self.records: list[tuple[str, int, str]] = []
        logging.root.handlers = [self]
        for logger in logging.Logger.manager.loggerDict.values():
            if isinstance(logger, logging.Logger):
                logger.handlers = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def replay(records: list[tuple[str, int, str]]) -> None:
    """Log here what a worker's `LogCapture` took."""
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


class Forked:
    """`function(*args)` in a forked process; `result()` waits for it. `niceness` > 0: the process yields
    the CPU to the others (`os.nice`), for work whose result is wanted only at the end."""

    def __init__(self, function: Callable, *args: Any, niceness: int = 0):
        self._receiving, sending = CONTEXT.Pipe(duplex=False)
        self._process = start(_run, sending, function, args, niceness, name=f"archive-{function.__name__}")
        sending.close()

    def result(self) -> Any:
        """The function's return value; its exception becomes a RuntimeError with the child's traceback."""
        try:
            ok, value = self._receiving.recv()
        except EOFError:
            ok, value = False, "the child process ended without a result"
        finally:
            self.cancel()
        if not ok:
            raise RuntimeError(value)
        return value

    def cancel(self) -> None:
        if self._process.is_alive():  # after `result` only its exit is left; else it is not wanted
            self._process.kill()
        self._receiving.close()
        self._process.join()


def _run(sending, function: Callable, args: tuple, niceness: int) -> None:
    if niceness:
        os.nice(niceness)
    try:
        outcome = (True, function(*args))
    except BaseException:  # noqa: BLE001 - the parent reports it
        outcome = (False, traceback.format_exc())
    sending.send(outcome)
    sending.close()
