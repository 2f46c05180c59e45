"""``BackendPool``: independent backends side by side for parallel proving.

Each backend serves one theorem at a time (``with pool.lease() as lean: ...``), is reused
across theorems, and is restarted after ``recycle_every`` theorems, when its process
group's resident memory exceeds ``max_rss_mb``, or when it broke during the lease. This
keeps long runs bounded (the REPL never frees proof states). Thread-safe; backends are
started lazily on first lease.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from typing import Any, Callable, Iterator, Optional

from lean_bridge.backend import Backend, open_backend
from lean_bridge.types import BackendError


def process_rss_mb(pid: Optional[int]) -> float:
    """Resident memory (MB) of ``pid`` plus its direct children, read from ``/proc`` (0 if unknown)."""
    if pid is None:
        return 0.0
    total_kb = 0
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            pids += [int(p) for p in f.read().split()]
    except OSError:
        pass
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024.0


class BackendPool:
    """``n`` backends made by ``open_backend(**kwargs)`` (or ``factory``), leased one theorem at a time."""

    def __init__(
        self,
        n: int,
        kind: str = "embedded",
        *,
        recycle_every: int = 50,
        max_rss_mb: Optional[float] = None,
        factory: Optional[Callable[[], Backend]] = None,
        **kwargs: Any,
    ) -> None:
        """Prepare ``n`` slots; nothing starts until the first lease."""
        if n < 1:
            raise ValueError(f"pool size must be at least 1, got {n}")
        self.n = n
        self.recycle_every = recycle_every
        self.max_rss_mb = max_rss_mb
        self._factory = factory or (lambda: open_backend(kind, **kwargs))
        self._free: "queue.Queue[int]" = queue.Queue()
        self._backends: list[Optional[Backend]] = [None] * n
        self._uses = [0] * n
        self._lock = threading.Lock()
        self._closed = False
        for i in range(n):
            self._free.put(i)

    @contextlib.contextmanager
    def lease(self, timeout: Optional[float] = None) -> Iterator[Backend]:
        """Borrow a backend for one theorem; it is recycled afterwards when due."""
        if self._closed:
            raise RuntimeError("pool is closed")
        slot = self._free.get(timeout=timeout)
        broken = False
        try:
            backend = self._backends[slot]
            if backend is None:
                backend = self._backends[slot] = self._factory()
            yield backend
        except BackendError:
            broken = True
            raise
        finally:
            self._return(slot, broken)

    def _return(self, slot: int, broken: bool) -> None:
        """Count the use and restart the backend if it broke, is due, or grew too large."""
        backend = self._backends[slot]
        try:
            if backend is not None and not self._closed:
                self._uses[slot] += 1
                due = self._uses[slot] >= self.recycle_every
                fat = self.max_rss_mb is not None and process_rss_mb(backend.pid) > self.max_rss_mb
                if broken or due or fat:
                    self._uses[slot] = 0
                    try:
                        backend.restart()
                    except BackendError:
                        backend.close()
                        self._backends[slot] = None
        finally:
            self._free.put(slot)

    def close(self) -> None:
        """Close every backend."""
        with self._lock:
            self._closed = True
            for i, backend in enumerate(self._backends):
                if backend is not None:
                    backend.close()
                    self._backends[i] = None

    @property
    def pids(self) -> list[Optional[int]]:
        """Server pids per slot (None for slots not started)."""
        return [b.pid if b is not None else None for b in self._backends]

    def __enter__(self) -> "BackendPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
