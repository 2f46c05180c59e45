"""Server fuzz (issue 8): random tactic texts (`fuzz_tactics.py`) over statements that are false in
Lean, driven through BOTH embedded servers with the real bridge clients
(`lean_bridge.open_backend("embedded", protocol=...)`), as sequences of several steps on random
goals; no false goal may ever reach zero goals. A smaller share of the cases goes through the file
check of the same servers (`Backend.check`): no false theorem may be `ok`.

CI runs a bounded, deterministic campaign (seed `FUZZ_SEED`, default 8). A long run::

    FUZZ_CASES=20000 python -m pytest tests/embedded/test_server_fuzz.py -q -s

prints, per protocol, how many tactic texts were tried, accepted, rejected, internal errors and
closures (which must be 0). An internal error (`CheckerInternalError`: an engine bug, never a
success) is reported with its reproducer but does not fail the campaign; a closure does.
"""
from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass, field

import pytest

from lean_bridge import BackendError, CheckerInternalError, StatementError, TacticError, open_backend
from lean_bridge.backend import Backend

from fuzz_tactics import FALSE_GOALS, TacticGen

SEED = int(os.environ.get("FUZZ_SEED", "8"))
LONG_CASES = int(os.environ.get("FUZZ_CASES", "0"))
CI_CASES = 150  # sequences per protocol in CI (about 15 s each on a shared machine)
CI_FILE_CASES = 15
CI_SECONDS = 40.0  # hard cap per protocol in CI, whatever the machine
RESTART_EVERY = 2_000  # the REPL never frees proof states: recycle the server in long runs


@dataclass
class Stats:
    """What one campaign tried and saw."""

    sequences: int = 0
    tactics: int = 0
    accepted: int = 0
    rejected: int = 0
    timeouts: list = field(default_factory=list)
    files: int = 0
    closures: list = field(default_factory=list)
    internal: list = field(default_factory=list)

    def line(self, protocol: str) -> str:
        return (f"fuzz[{protocol}] seed={SEED}: {self.sequences} sequences, {self.tactics} tactic texts tried, "
                f"{self.accepted} accepted, {self.rejected} rejected, {len(self.internal)} internal errors, "
                f"{len(self.timeouts)} timeouts, {self.files} files checked, closures={len(self.closures)}")


def _step_campaign(backend: Backend, rng: random.Random, cases: int, seconds: float, stats: Stats) -> None:
    gen = TacticGen(rng)
    starts: dict[str, object] = {}
    end = time.monotonic() + seconds
    for case in range(cases):
        if time.monotonic() > end:
            break
        if case and case % RESTART_EVERY == 0:
            backend.restart()
            starts.clear()
        goal = rng.choice(FALSE_GOALS)
        if goal not in starts:
            starts[goal] = backend.start_goal(goal)
        state = starts[goal]
        history: list[tuple[int, str]] = []
        made = []
        stats.sequences += 1
        for _ in range(rng.randint(1, 6)):
            text = gen.text()
            index = rng.randrange(len(state.goals))
            stats.tactics += 1
            try:
                new = backend.run_tactic(state, text, index)
            except TacticError:
                stats.rejected += 1
                continue
            except CheckerInternalError as err:
                stats.internal.append((goal, history + [(index, text)], str(err)[:300]))
                continue
            except BackendError as err:  # a timeout: the server was restarted, its states are gone
                stats.timeouts.append((goal, history + [(index, text)], str(err)[:200]))
                starts.clear()
                break
            stats.accepted += 1
            history.append((index, text))
            made.append(new)
            if new.is_solved:
                stats.closures.append((goal, history))
                break
            state = new
        backend.release(*made)


def _file_campaign(backend: Backend, rng: random.Random, cases: int, stats: Stats) -> None:
    gen = TacticGen(rng)
    for _ in range(cases):
        goal = rng.choice(FALSE_GOALS)
        if rng.random() < 0.7:
            steps = [gen.text().replace("\n", "\n  ") for _ in range(rng.randint(1, 4))]
            text = f"theorem fuzz : {goal} := by\n  " + "\n  ".join(steps) + "\n"
        else:
            text = f"theorem fuzz : {goal} := {gen.term()}\n"
        stats.files += 1
        try:
            results = backend.check(text)
        except (CheckerInternalError, StatementError) as err:
            stats.internal.append((goal, [(0, text)], str(err)[:300]))
            continue
        except BackendError as err:
            stats.timeouts.append((goal, [(0, text)], str(err)[:200]))
            continue
        for r in results:
            if r.ok:
                stats.closures.append((goal, [(0, text)]))


def run_campaign(protocol: str, cases: int, file_cases: int, seconds: float) -> Stats:
    """One deterministic campaign against one embedded server through its bridge client."""
    rng = random.Random(f"{SEED}-{protocol}")
    stats = Stats()
    with open_backend("embedded", protocol=protocol, timeout=15) as backend:
        _step_campaign(backend, rng, cases, seconds, stats)
        _file_campaign(backend, rng, file_cases, stats)
    return stats


@pytest.mark.parametrize("protocol", ["pantograph", "repl"])
def test_no_false_goal_ever_closes(protocol: str, capsys: pytest.CaptureFixture[str]) -> None:
    long_run = LONG_CASES > 0
    cases = LONG_CASES if long_run else CI_CASES
    file_cases = max(CI_FILE_CASES, cases // 20) if long_run else CI_FILE_CASES
    stats = run_campaign(protocol, cases, file_cases, float("inf") if long_run else CI_SECONDS)
    with capsys.disabled():
        print("\n" + stats.line(protocol))
        for goal, steps, err in stats.internal[:5]:
            print(f"  internal error on ⊢ {goal}: {steps}: {err}")
        for goal, steps, err in stats.timeouts[:5]:
            print(f"  timeout on ⊢ {goal}: {steps}: {err}")
    assert stats.tactics > 0 and stats.accepted > 0, stats.line(protocol)
    assert not stats.closures, f"false goals closed: {stats.closures[:3]}"
