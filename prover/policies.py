"""Baseline policies with the learned ``Policy``'s interface, and ``make_policy`` to pick one by name.

* ``UniformPolicy``: every well-formed action equally likely; ``k`` of them drawn without
  replacement, seeded by (seed, goal text) so a state's proposals do not depend on visit order.
* ``HeuristicPolicy``: a fixed kind order a Lean user would try (close, then introduce, then
  split, then rewrite/apply with hypotheses, then premises), log-probabilities decaying by rank.

Both are built on ``prover.actions.candidate_actions``, so the baselines search exactly the
learned model's action space.
"""
from __future__ import annotations

import math
import random
import zlib
from pathlib import Path
from typing import Any, Optional, Sequence

from lean_bridge.types import Goal

from prover.actions import candidate_actions

State = tuple[Sequence[Goal], int]
Proposal = list[tuple[Any, float]]

HEURISTIC_ORDER: tuple[str, ...] = (
    "assumption", "rfl", "trivial", "exact_hyp", "contradiction", "simp_all", "simp",
    "intro", "constructor", "left", "right", "exists_subterm", "cases_hyp", "subst_hyp", "induction_hyp",
    "rw_hyp", "rw_rev_hyp", "simp_hyp", "simp_at_hyp", "apply_hyp", "specialize_last_hyp", "symm", "exfalso",
    "exact_premise", "apply_premise", "rw_premise", "rw_rev_premise", "simp_premise", "by_cases_subterm",
    "induction_gen_hyp", "have_hyp", "have_premise", "revert_hyp", "clear_hyp",
)


def _goal_seed(seed: int, goal: Goal) -> int:
    """A stable per-goal seed (crc32 of the goal text, not Python's salted ``hash``)."""
    return zlib.crc32(f"{seed}\x00{goal.render()}".encode("utf-8"))


class UniformPolicy:
    """Uniform over ``candidate_actions``: ``k`` actions drawn without replacement, each log(1/n)."""

    name = "uniform"

    def __init__(self, seed: int = 0, library_premises: Sequence[str] = ()) -> None:
        """Remember the seed (proposals are a pure function of seed and goal) and the library
        premises the search offers (``prove.Prover.premises_for``)."""
        self.seed = seed
        self.library_premises = tuple(library_premises)

    def propose(self, states: Sequence[State], premises: Sequence[str], k: int) -> list[Proposal]:
        """Top-k (here: a seeded random k) actions with log-probabilities, per state."""
        out: list[Proposal] = []
        for goals, focus in states:
            goal = goals[focus]
            cands = candidate_actions(goal, premises)
            if not cands:
                out.append([])
                continue
            logp = -math.log(len(cands))
            rng = random.Random(_goal_seed(self.seed, goal))
            picked = rng.sample(cands, min(k, len(cands)))
            out.append([(a, logp) for a in picked])
        return out

    def value(self, states: Sequence[State]) -> list[float]:
        """No value estimate: 1.0 for every state (the search then ranks by log-probability only)."""
        return [1.0] * len(states)


class HeuristicPolicy:
    """Fixed-order policy: actions sorted by ``HEURISTIC_ORDER`` (unknown kinds last), rank-decayed scores."""

    name = "heuristic"

    def __init__(self, decay: float = 0.5, library_premises: Sequence[str] = ()) -> None:
        """``decay``: log-probability lost per rank step (higher = more greedy in the fixed order);
        ``library_premises`` as for ``UniformPolicy``."""
        self.decay = decay
        self.library_premises = tuple(library_premises)
        self.rank = {kind: i for i, kind in enumerate(HEURISTIC_ORDER)}

    def propose(self, states: Sequence[State], premises: Sequence[str], k: int) -> list[Proposal]:
        """The first ``k`` actions in the fixed order, normalised log-probabilities decaying by rank."""
        out: list[Proposal] = []
        for goals, focus in states:
            cands = candidate_actions(goals[focus], premises)
            cands.sort(key=lambda a: self.rank.get(a.kind, len(self.rank)))  # stable: ties keep action order
            scores = [-self.decay * i for i in range(len(cands))]
            norm = _logsumexp(scores) if scores else 0.0
            out.append([(a, s - norm) for a, s in zip(cands[:k], scores[:k])])
        return out

    def value(self, states: Sequence[State]) -> list[float]:
        """No value estimate (1.0)."""
        return [1.0] * len(states)


def _logsumexp(xs: Sequence[float]) -> float:
    """log(sum(exp(x))) computed stably."""
    m = max(xs)
    return m + math.log(sum(math.exp(x - m) for x in xs))


def _library_of(model: Optional[str]) -> tuple[str, ...]:
    """The library premises of the model at ``model`` (the bundled one when None), () without one:
    a baseline searches with the premises the learned policy is given, so the comparison is fair."""
    try:
        from prover.checkpoint import default_model_dir, library_premises
    except ImportError:
        return ()
    return library_premises(Path(model) if model else default_model_dir())


def make_policy(name: str, model: Optional[str] = None, seed: int = 0) -> Any:
    """Build the named policy: ``learned`` (``load_policy(model or bundled)``), ``uniform`` or ``heuristic``.

    Raises ``RuntimeError`` with a one-line reason when the learned model is unavailable.
    """
    if name == "uniform":
        return UniformPolicy(seed, library_premises=_library_of(model))  # the learned policy's premises
    if name == "heuristic":
        return HeuristicPolicy(library_premises=_library_of(model))
    if name != "learned":
        raise ValueError(f"unknown policy {name!r} (learned, uniform, heuristic)")
    try:
        import torch

        from prover.checkpoint import default_model_dir
        from prover.policy import load_policy
    except ImportError as e:
        raise RuntimeError("the learned policy is not available in this build (prover.policy missing); "
                           "use --policy uniform or --policy heuristic") from e
    path = Path(model) if model else default_model_dir()
    if not path.exists():
        raise RuntimeError(f"no model at {path}")
    # The search calls the model on small batches from up to `workers` threads while the checker
    # processes need the cores: one intra-op thread per call avoids oversubscribing them.
    torch.set_num_threads(1)
    try:
        policy = load_policy(path)
    except (OSError, ValueError, KeyError, RuntimeError) as e:
        raise RuntimeError(f"cannot load the model at {path}: {' '.join(str(e).split())[:200]}") from e
    policy.name = "learned"
    return policy
