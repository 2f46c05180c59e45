"""Micro-benchmark of the embedded tactic engine: atomic tactics on small goals, in process.

``measure(n_goals)`` runs ``n_goals`` proofs taken in turn from a fixed set of small goals (each
closed by atomic tactics: ``intro``, ``apply``, ``exact``, ``constructor``, ``left``, ``assumption``,
``rfl``, ``exfalso``, ``refine``, ``symm``, ``trivial``) directly on the engine, the way the
Pantograph server runs one ``goal.tactic``: copy the state (states are immutable), parse the tactic
text, run it, drop solved goals. Each finished proof then goes through the gate that decides
"proved" for every path (``gate.decide_goal``: holes, closure, kernel re-check, axioms; timed
separately as ``kernel_check_median_ms``, not counted as a tactic). No protocol, JSON or pretty-printing is involved, so the
figures are the engine's cost per step, not a round trip (see ``lean_bridge.bench`` for that).

``python -m lean_bridge.embedded.bench [N_GOALS]`` prints the dict as JSON.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any, Optional, Sequence

from lean_bridge.syntax import parse_tactic_block, parse_term

from .elab_term import Scope, TermElaborator
from . import gate
from .kernel import raise_recursion_limit
from .prelude import prelude_env
from .tactics import TacticState, run_tactic_seq

GOALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("∀ (p q : Prop), p ∧ q → q ∧ p", ("intro p q h", "constructor", "exact h.2", "exact h.1")),
    ("∀ (p q : Prop), p → p ∨ q", ("intro p q hp", "left", "exact hp")),
    ("∀ (n : Nat), n + 0 = n", ("intro n", "rfl")),
    ("∀ (p q : Prop), (p → q) → p → q", ("intro p q f hp", "apply f", "assumption")),
    ("∀ (p q r : Prop), (p → q) → (q → r) → p → r", ("intro p q r f g hp", "apply g", "apply f", "exact hp")),
    ("∀ (a b : Nat), a = b → b = a", ("intro a b h", "symm", "exact h")),
    ("∀ (p : Prop), False → p", ("intro p h", "exfalso", "exact h")),
    ("∃ n : Nat, n + 1 = 3", ("refine ⟨2, ?_⟩", "rfl")),
    ("True ∧ True", ("constructor", "trivial", "trivial")),
    ("∀ (p q : Prop), p → q → q ∧ p", ("intro p q hp hq", "constructor", "assumption", "assumption")),
)


def _start(statement: str) -> tuple[TacticState, Any, Any]:
    env = prelude_env()
    elab = TermElaborator(env, Scope())
    ty = elab.elab_type(parse_term(statement))
    elab.synthesize_pending()
    ty = elab.instantiate(ty)
    root = elab.mctx.new_mvar(ty, (), None, "syntheticOpaque")
    return TacticState(env, Scope(), elab.mctx, [root], list(elab.level_names)), root, ty


def measure(n_goals: int = 100) -> dict[str, float]:
    """Run ``n_goals`` proofs; return tactic applications per second and per-tactic times (ms)."""
    if n_goals < 1:
        raise ValueError("n_goals must be positive")
    raise_recursion_limit()
    prelude_env()  # load the library before timing
    times: list[float] = []
    kernel_times: list[float] = []
    failures = 0
    for i in range(n_goals):
        statement, tactics = GOALS[i % len(GOALS)]
        state, root, ty = _start(statement)
        try:
            for tac in tactics:
                t0 = time.perf_counter()
                new = state.copy()
                run_tactic_seq(new, parse_tactic_block(tac))
                new.prune()
                times.append(time.perf_counter() - t0)
                state = new
        except Exception:
            failures += 1
            continue
        t0 = time.perf_counter()
        ok = gate.decide_goal(state.env, state.level_names, state.mctx, root, open_goals=len(state.goals),
                              statement=ty).ok
        kernel_times.append(time.perf_counter() - t0)
        failures += 0 if ok else 1
    total = sum(times)
    ms = sorted(t * 1000.0 for t in times)
    return {
        "goals": float(n_goals),
        "tactics": float(len(times)),
        "failures": float(failures),
        "tactics_per_second": len(times) / total if total > 0 else 0.0,
        "median_ms": statistics.median(ms) if ms else 0.0,
        "p90_ms": ms[int(0.9 * (len(ms) - 1))] if ms else 0.0,
        "max_ms": ms[-1] if ms else 0.0,
        "kernel_check_median_ms": statistics.median(kernel_times) * 1000.0 if kernel_times else 0.0,
    }


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    n = int(args[0]) if args else 200
    print(json.dumps(measure(n), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
