"""Run a function over many items in worker processes, each item with a time limit.

Unlike `concurrent.futures`, a worker stuck on one item (a hostile or huge file) is killed when its time is
up, together with anything it started (its process group), and replaced; a worker that dies is replaced
too. Either way the item gets a `Lost` result and the others carry on.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing import connection, get_context
from typing import Any, Callable, Iterable, Iterator

from converter.reading.package_limits import MEMORY_LIMIT_BYTES

START_METHOD: str | None = None  # None: "fork", or "spawn" when the process has threads; tests pin it
MEMORY_LIMIT = MEMORY_LIMIT_BYTES  # more address space per worker: a bomb fails with MemoryError, not the machine


@dataclass(frozen=True)
class Lost:
    """An item whose worker ran out of time ("timeout") or died ("crashed")."""

    reason: str


def default_workers() -> int:
    return max(1, int(os.environ.get("ARCHIVE_WORKERS") or len(os.sched_getaffinity(0))))


def run_all(function: Callable[[Any], Any], items: Iterable, *, time_limit: float | Callable[[Any], float],
            workers: int | None = None) -> Iterator[tuple[int, Any]]:
    """Yield `(index, function(item))` as items finish, in any order; `Lost` for an item whose worker
    timed out or died. `function` must be importable by name (module level). `time_limit`: seconds per
    item, or a function giving an item's own."""
    queue = deque(enumerate(items))
    count = min(max(1, workers or default_workers()), len(queue))
    # fork is fastest, but forking a process with threads (`archive serve`) can deadlock the child.
    context = get_context(START_METHOD or ("fork" if threading.active_count() == 1 else "spawn"))
    pool = [_Worker(context, function) for _ in range(count)]
    limit_of = time_limit if callable(time_limit) else lambda item: time_limit
    try:
        yield from _drive(pool, queue, limit_of, context, function)
    finally:
        for worker in pool:
            worker.stop()


def _drive(pool, queue, limit_of, context, function):
    for worker in pool:
        worker.give(queue, limit_of)
    while any(w.index is not None for w in pool):
        busy = [w for w in pool if w.index is not None]
        deadline = min(w.started + w.limit for w in busy)
        ready = connection.wait([w.conn for w in busy], timeout=max(0.0, deadline - time.monotonic()))
        for slot, worker in enumerate(pool):
            if worker.index is None:
                continue
            if worker.conn in ready:
                result = worker.receive()
            elif time.monotonic() - worker.started >= worker.limit:
                result = Lost("timeout")
            else:
                continue
            index = worker.index
            if isinstance(result, Lost):
                worker.stop()
                worker = pool[slot] = _Worker(context, function)
            worker.index = None
            worker.give(queue, limit_of)  # the next item first, so the worker is busy while the caller files this one
            yield index, result


class _Worker:
    def __init__(self, context, function):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, function), daemon=True)
        self.process.start()
        child.close()
        try:
            os.setpgid(self.process.pid, self.process.pid)  # also done by the child: whoever is first
        except OSError:
            pass
        self.index: int | None = None
        self.started = 0.0
        self.limit = 0.0

    def give(self, queue: deque, limit_of: Callable[[Any], float]) -> None:
        if queue:
            self.index, item = queue.popleft()
            self.started, self.limit = time.monotonic(), limit_of(item)
            try:
                self.conn.send(item)
            except OSError:
                pass  # a dead worker: `receive` reports it

    def receive(self):
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return Lost("crashed")

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _serve(conn, function) -> None:
    """The worker's loop: its own process group (so a timeout kills what it started), bounded memory."""
    import resource

    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    _limit_memory(resource)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(function(item))


def _limit_memory(resource) -> None:
    """Room for `MEMORY_LIMIT` bytes on top of what the worker already maps (a fork maps its parent's)."""
    with open("/proc/self/statm") as statm:
        mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = mapped + MEMORY_LIMIT
    if hard == resource.RLIM_INFINITY or hard > soft:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
