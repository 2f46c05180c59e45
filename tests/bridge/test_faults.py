"""Fault injection: hanging, dying, garbage, start-up failures, stderr floods, memory caps.

Each fault is a real subprocess (``fault_server.py``). Every call must either succeed or
raise the documented ``BackendError``; the call after a failure must work (restart); no
zombie children and no file-descriptor growth across many restarts.
"""

from __future__ import annotations

import os
import sys
import time

import pytest
from bridge_helpers import fault_argv

from lean_bridge.pantograph_client import PantographBackend, PantographClient
from lean_bridge.process import ManagedProcess
from lean_bridge.repl_client import ReplBackend, ReplClient
from lean_bridge.types import BackendCrashed, BackendStartupError, BackendTimeout


def fd_count() -> int:
    """Open file descriptors of this process."""
    return len(os.listdir("/proc/self/fd"))


def assert_no_zombies() -> None:
    """No exited-but-unreaped child of ours remains."""
    try:
        pid, _ = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return  # no children at all
    assert pid == 0, f"reaped a zombie child {pid}"


def nth(protocol: str, n: int) -> int:
    """Request number ``n`` of the caller (Pantograph's client sends options.set first)."""
    return n + 1 if protocol == "pantograph" else n


def assert_gone(pid: int) -> None:
    """The process no longer exists (killed and reaped)."""
    assert not os.path.exists(f"/proc/{pid}"), f"process {pid} still exists"


@pytest.mark.parametrize("protocol", ["repl", "pantograph"])
def test_hang_times_out_then_restarts(protocol: str) -> None:
    """A server that never answers is killed at the deadline; the next call restarts and works."""
    cls = ReplClient if protocol == "repl" else PantographClient
    client = cls(fault_argv(protocol, "hang", nth(protocol, 2)), timeout=0.5)
    with client:
        call = (lambda: client.command("x")) if protocol == "repl" else (lambda: client.request("stat"))
        call()
        pid = client.pid
        t0 = time.monotonic()
        with pytest.raises(BackendTimeout) as info:
            call()
        assert 0.4 < time.monotonic() - t0 < 3
        assert info.value.seconds == 0.5
        assert_gone(pid)
        assert client.pid is None
        call()  # restarted: request 1 of the new child answers
        assert client.pid != pid and client.session == 2
    assert_no_zombies()


@pytest.mark.parametrize("protocol", ["repl", "pantograph"])
def test_kill_9_mid_request_is_a_crash(protocol: str) -> None:
    """SIGKILL while a request is in flight gives BackendCrashed with the signal."""
    cls = ReplClient if protocol == "repl" else PantographClient
    with cls(fault_argv(protocol, "die", nth(protocol, 2)), timeout=5) as client:
        call = (lambda: client.command("x")) if protocol == "repl" else (lambda: client.request("stat"))
        call()
        with pytest.raises(BackendCrashed) as info:
            call()
        assert info.value.signal == 9
        assert "SIGKILL" in str(info.value)
        call()
    assert_no_zombies()


@pytest.mark.parametrize("protocol", ["repl", "pantograph"])
def test_garbage_kills_the_server(protocol: str) -> None:
    """Non-JSON output desynchronises the stream: the server is killed, the error says garbage."""
    cls = ReplClient if protocol == "repl" else PantographClient
    with cls(fault_argv(protocol, "garbage", nth(protocol, 2)), timeout=5) as client:
        call = (lambda: client.command("x")) if protocol == "repl" else (lambda: client.request("stat"))
        call()
        pid = client.pid
        with pytest.raises(BackendCrashed) as info:
            call()
        assert info.value.cause == "garbage on stdout"
        assert isinstance(info.value.__cause__, ValueError)
        assert_gone(pid)
        call()
    assert_no_zombies()


def test_repl_exit_at_start_is_a_startup_error() -> None:
    """A REPL that dies before its first answer reports BackendStartupError with its stderr."""
    with ReplClient(fault_argv("repl", "exit-at-start"), timeout=5) as client:
        with pytest.raises(BackendStartupError) as info:
            client.command("x")
        assert "cannot load imports" in info.value.output
        assert isinstance(info.value.__cause__, BackendCrashed)
        assert info.value.__cause__.returncode == 3
    assert_no_zombies()


def test_pantograph_exit_at_start_is_a_startup_error() -> None:
    """A Pantograph server that exits before `ready.` reports what it printed."""
    with pytest.raises(BackendStartupError) as info:
        PantographBackend(fault_argv("pantograph", "exit-at-start"), imports=(), timeout=5, startup_timeout=5)
    assert "cannot load imports" in info.value.output
    assert_no_zombies()


def test_pantograph_never_ready_is_a_startup_error() -> None:
    """A server that never prints `ready.` is killed at the start-up deadline."""
    t0 = time.monotonic()
    with pytest.raises(BackendStartupError) as info:
        PantographBackend(fault_argv("pantograph", "never-ready"), imports=(), timeout=5, startup_timeout=0.7)
    assert time.monotonic() - t0 < 5
    assert "loading..." in info.value.output and "ready." in str(info.value)
    assert isinstance(info.value.__cause__, BackendTimeout)
    assert_no_zombies()


def test_missing_executable_is_a_startup_error() -> None:
    """An executable that does not exist is reported by name."""
    with pytest.raises(BackendStartupError) as info:
        ReplBackend(["/nonexistent/repl-binary"], timeout=5)
    assert "/nonexistent/repl-binary" in str(info.value)


@pytest.mark.parametrize("protocol", ["repl", "pantograph"])
def test_stderr_flood_never_blocks(protocol: str) -> None:
    """8 MiB of stderr per answer (far beyond the pipe buffer) is drained; only the tail is kept."""
    cls = ReplClient if protocol == "repl" else PantographClient
    with cls(fault_argv(protocol, "flood-stderr", 8), timeout=20) as client:
        for _ in range(3):
            if protocol == "repl":
                assert client.command("x").env == 0
            else:
                assert client.request("stat") == {}
        tail = client.process.stderr_tail
        assert 0 < len(tail) <= tail.maxlen and tail[-1] == "e" * 1023


def test_memory_cap_reports_out_of_memory() -> None:
    """With memory_mb the child's address space is capped; its death is reported as out of memory."""
    with ReplClient(fault_argv("repl", "hog"), timeout=20, memory_mb=400) as client:
        with pytest.raises(BackendStartupError) as info:
            client.command("x")
        crash = info.value.__cause__
        assert isinstance(crash, BackendCrashed)
        assert crash.cause.startswith("out of memory")
        assert any("MemoryError" in line for line in crash.stderr_tail)
    assert_no_zombies()


def test_backend_restart_after_crash_and_stale_states() -> None:
    """After a crash the backend restarts on the next call; old proof states raise StaleStateError."""
    from lean_bridge.types import StaleStateError

    backend = ReplBackend(fault_argv("repl", "die", 2), timeout=5)
    with backend:
        state = backend.start_goal("∀ x : Nat, x = x")
        assert state.id == 0 and state.goals[0].target.pp == "x = x"
        with pytest.raises(BackendCrashed):
            backend.run_tactic(state, "intro x")
        with pytest.raises(StaleStateError):
            backend.run_tactic(state, "intro x")
        fresh = backend.start_goal("∀ x : Nat, x = x")
        assert fresh.session == state.session + 1 and fresh.id == 0
    assert_no_zombies()


def test_no_fd_or_zombie_growth_across_200_restarts() -> None:
    """200 start/request/kill cycles leave the fd count and the child table unchanged."""
    client = ReplClient(fault_argv("repl", "ok"), timeout=10)
    client.command("x")
    client.close()
    before = fd_count()
    for i in range(200):
        client.start()
        assert client.command("x").env == 0
        if i % 2:
            client.process.kill()
        else:
            client.close()
    assert fd_count() == before
    assert_no_zombies()


def test_no_fd_growth_across_timeouts() -> None:
    """Timeouts (kill path) do not leak fds either."""
    client = ManagedProcess([sys.executable, "-c", "import time; time.sleep(60)"])
    before = fd_count()
    for _ in range(20):
        client.start()
        with pytest.raises(BackendTimeout):
            client.read_line(client.deadline(0.05))
    assert fd_count() == before
    assert_no_zombies()


def test_killpg_kills_grandchildren() -> None:
    """A server that forks (like `lake env repl`) is killed with its whole process group."""
    script = "import subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); print(p.pid, flush=True); time.sleep(60)"
    proc = ManagedProcess([sys.executable, "-c", script])
    proc.start()
    grandchild = int(proc.read_line(proc.deadline(10)))
    proc.kill()
    for _ in range(100):
        if not os.path.exists(f"/proc/{grandchild}") or open(f"/proc/{grandchild}/stat").read().split()[2] == "Z":
            break
        time.sleep(0.02)
    else:
        pytest.fail("grandchild survived the group kill")


def test_pantograph_backend_smoke_and_batched_delete() -> None:
    """Against a minimal well-behaved server: ready., options.set, goal.start/print/tactic, goal.delete."""
    from lean_bridge.pantograph_client import DELETE_BATCH

    with PantographBackend(fault_argv("pantograph", "ok"), imports=("Init",), timeout=5) as lean:
        assert lean.client.process.argv[-1] == "Init"
        state = lean.start_goal("True")
        assert state.goals[0].target.sexp == (":c", "True")
        nxt = lean.run_tactic(state, "skip")
        assert nxt.id == 1
        lean.release(*[nxt] * (DELETE_BATCH - 1))
        assert len(lean._pending_delete) == DELETE_BATCH - 1
        lean.release(state)
        assert lean._pending_delete == []
    assert_no_zombies()


@pytest.mark.parametrize("protocol", ["repl", "pantograph"])
def test_soak_with_kill9_loses_no_call(protocol: str) -> None:
    """`prover bench --restarts` in small: SIGKILL the embedded server every 40 calls; every call
    succeeds or raises a documented error (at most one per kill), no zombie, no descriptor leak."""
    from lean_bridge import open_backend
    from lean_bridge.stress import soak

    with open_backend("embedded", protocol=protocol, timeout=60) as backend:
        report = soak(backend, calls=120, kill_every=40)
    assert report.other_errors == []
    assert report.calls == 120 and report.kills == 2
    assert report.succeeded + report.backend_errors + report.lean_errors == report.calls
    assert report.lean_errors == 0 and report.backend_errors <= report.kills
    assert len(report.after_kill_ms) == report.kills  # the server came back after each kill
    assert report.zombies == 0 and report.leaked_fds == 0
