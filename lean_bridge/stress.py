"""Crash-resilience soak: many `start_goal`/`run_tactic` calls against a backend whose server is
killed with SIGKILL at a fixed interval. Every call must either succeed or raise one of the
documented errors (nothing lost silently), no zombie process may remain, and the time a restart
costs is measured. Used by `prover bench --restarts` and by the bridge's tests (with fewer calls).
"""
from __future__ import annotations

import os
import signal
import statistics
import time
from dataclasses import dataclass, field

from tqdm import tqdm

from lean_bridge.backend import Backend
from lean_bridge.types import BackendError, LeanError


@dataclass
class SoakReport:
    """What happened to each call of the soak."""

    calls: int = 0
    succeeded: int = 0
    backend_errors: int = 0  # BackendCrashed / BackendTimeout / … (the server broke; the call said so)
    lean_errors: int = 0  # TacticError / StatementError (Lean rejected the step; server fine)
    other_errors: list[str] = field(default_factory=list)  # anything undocumented: must stay empty
    kills: int = 0
    zombies: int = 0
    leaked_fds: int = 0  # file descriptors open after the soak that were not open before it
    normal_ms: list[float] = field(default_factory=list)
    after_kill_ms: list[float] = field(default_factory=list)  # kill → next successful call

    def summary(self) -> dict[str, float]:
        """Counts and timings, ready to print."""
        normal = statistics.median(self.normal_ms) if self.normal_ms else float("nan")
        after = statistics.median(self.after_kill_ms) if self.after_kill_ms else float("nan")
        return {
            "calls": self.calls, "succeeded": self.succeeded, "backend_errors": self.backend_errors,
            "lean_errors": self.lean_errors, "undocumented_errors": len(self.other_errors), "kills": self.kills,
            "zombies": self.zombies, "leaked_fds": self.leaked_fds, "median_call_ms": normal, "median_kill_to_recovery_ms": after,
        }


def zombie_children() -> int:
    """Number of this process's children that have exited but were not reaped."""
    me = str(os.getpid())
    count = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and fields[1] == me:
            count += 1
    return count


def open_fds() -> int:
    """Number of file descriptors this process holds (Linux `/proc/self/fd`)."""
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return 0


def soak(backend: Backend, calls: int = 2000, kill_every: int = 100,
         statement: str = "∀ (p q : Prop), p ∧ q → q ∧ p", tactic: str = "intro p q h",
         progress: bool = False) -> SoakReport:
    """Alternate `start_goal` and `run_tactic`, SIGKILLing the server before every `kill_every`-th call
    (`progress`: a tqdm bar on stderr)."""
    report = SoakReport()
    fds_before = open_fds()
    state = None
    killed_at: float | None = None
    for i in tqdm(range(calls), desc="soak", unit="call", disable=not progress):
        if i and i % kill_every == 0 and backend.pid is not None:
            try:
                os.kill(backend.pid, signal.SIGKILL)
                report.kills += 1
                killed_at = time.perf_counter()
            except ProcessLookupError:
                pass
        start = time.perf_counter()
        report.calls += 1
        try:
            if state is None or i % 2 == 0:
                state = backend.start_goal(statement)
            else:
                backend.run_tactic(state, tactic)
            report.succeeded += 1
            now = time.perf_counter()
            if killed_at is None:
                report.normal_ms.append(1000 * (now - start))
            else:  # from the kill to the first call that works again: the cost of a restart
                report.after_kill_ms.append(1000 * (now - killed_at))
                killed_at = None
        except BackendError:
            report.backend_errors += 1
            state = None  # states die with their server
        except LeanError:
            report.lean_errors += 1
        except Exception as err:  # noqa: BLE001 - the point is to catch what should never happen
            report.other_errors.append(f"{type(err).__name__}: {err}")
    report.zombies = zombie_children()
    report.leaked_fds = max(0, open_fds() - fds_before)
    return report
