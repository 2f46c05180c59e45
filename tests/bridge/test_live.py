"""End-to-end tests against the embedded servers and against a real Lean, when available.

The embedded tests always run (the servers are part of this project);
the real-Lean tests need ``LEAN_BRIDGE_REPL``/``LEAN_BRIDGE_PANTOGRAPH`` (or the binaries
on PATH) and are skipped with the reason otherwise.
"""

from __future__ import annotations

import os
import shutil

import pytest

from lean_bridge import StatementError, TacticError, open_backend
from lean_bridge.backend import ENV_VARS, PATH_NAMES


def _real_available(kind: str) -> bool:
    """True if a real server of ``kind`` can be found."""
    return bool(os.environ.get(ENV_VARS[kind])) or any(shutil.which(n) for n in PATH_NAMES[kind])


LIVE = []
for protocol in ("pantograph", "repl"):
    LIVE.append(pytest.param(("embedded", protocol), id=f"embedded-{protocol}"))
for kind in ("pantograph", "repl"):
    LIVE.append(pytest.param(
        (kind, kind), id=f"real-{kind}",
        marks=pytest.mark.skipif(not _real_available(kind),
                                 reason=f"no real Lean {kind}: set {ENV_VARS[kind]} or put {PATH_NAMES[kind][0]} on PATH")))


@pytest.fixture(params=LIVE)
def lean(request):
    """A live backend of each available kind."""
    kind, protocol = request.param
    backend = open_backend(kind, protocol=protocol if kind == "embedded" else None, timeout=60)
    yield backend
    backend.close()


def test_and_swap(lean) -> None:
    """intro / constructor / exact proves `p ∧ q → q ∧ p`, with goal_index selecting the second goal."""
    state = lean.start_goal("∀ (p q : Prop), p ∧ q → q ∧ p")
    assert len(state.goals) == 1 and state.goals[0].hypotheses == ()
    state = lean.run_tactic(state, "intro p q h")
    assert [h.name for h in state.goals[0].hypotheses] == ["p", "q", "h"]
    state = lean.run_tactic(state, "constructor")
    assert len(state.goals) == 2
    state = lean.run_tactic(state, "exact h.1", goal_index=1)
    assert len(state.goals) == 1
    state = lean.run_tactic(state, "exact h.2")
    assert state.is_solved


def test_failures(lean) -> None:
    """A wrong tactic raises TacticError; a bad statement raises StatementError."""
    state = lean.start_goal("∀ (n : Nat), n + 0 = n")
    with pytest.raises(TacticError):
        lean.run_tactic(state, "exact my_fake_premise")
    with pytest.raises(StatementError):
        lean.start_goal("∀ (n : Nat), n + = n")


def test_check_and_sorries(lean) -> None:
    """check() accepts a proof and rejects sorry; sorries() finds the sorry's goal."""
    text = "theorem t1 (n : Nat) : n + 0 = n := rfl\n\ntheorem t2 (p : Prop) (h : p) : p := by sorry\n"
    results = {r.name: r for r in lean.check(text)}
    assert results["t1"].ok and not results["t2"].ok
    ((name, state),) = lean.sorries(text)
    assert name == "t2" and state.goals[0].target.pp == "p"
    assert lean.run_tactic(state, "exact h").is_solved


def _prove_and_swap(lean) -> tuple:
    state = lean.start_goal("∀ (p q : Prop), p ∧ q → q ∧ p")
    state = lean.run_tactic(state, "intro p q h")
    state = lean.run_tactic(state, "exact ⟨h.2, h.1⟩")
    return state.goals


def test_pool_reuses_recycles_and_replaces_broken_backends() -> None:
    """One slot: reused for `recycle_every` theorems, then restarted; a backend killed during a lease
    raises the documented error and the next lease gets a working one; `max_rss_mb` recycles."""
    import os
    import signal

    from lean_bridge import BackendCrashed, BackendPool

    with BackendPool(1, "embedded", protocol="repl", recycle_every=2, timeout=60) as pool:
        pids = []
        for _ in range(3):
            with pool.lease() as lean:
                assert _prove_and_swap(lean) == ()
                pids.append(lean.pid)
        assert pids[0] == pids[1] != pids[2]
        with pytest.raises(BackendCrashed):
            with pool.lease() as lean:
                state = lean.start_goal("∀ (p : Prop), p → p")
                os.kill(lean.pid, signal.SIGKILL)
                lean.run_tactic(state, "intro p hp")
        with pool.lease() as lean:
            assert _prove_and_swap(lean) == ()
    with BackendPool(1, "embedded", protocol="pantograph", max_rss_mb=1, timeout=60) as pool:
        seen = set()
        for _ in range(2):
            with pool.lease() as lean:
                assert _prove_and_swap(lean) == ()
                seen.add(lean.pid)
        assert len(seen) == 2  # any real server is over 1 MB, so each lease ends in a restart


def test_pool_serves_threads_in_parallel() -> None:
    """Two workers prove at the same time on two independent servers."""
    import threading

    from lean_bridge import BackendPool

    done: list[tuple[int, tuple]] = []
    with BackendPool(2, "embedded", protocol="pantograph", timeout=60) as pool:
        def work() -> None:
            for _ in range(3):
                with pool.lease() as lean:
                    done.append((lean.pid, _prove_and_swap(lean)))

        workers = [threading.Thread(target=work) for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=120)
    assert len(done) == 6 and all(goals == () for _, goals in done)
    assert len({pid for pid, _ in done}) == 2
