"""Best-first proof search over proof states for one theorem, given a ``Backend`` and a policy.

A node is a proof state reached from the root by a sequence of tactic steps, each applied to
the node's FIRST goal (focus 0). Its priority is the cumulative log-probability of its steps
plus ``value_weight * log(value)`` when a value estimate is used. Each round pops up to
``batch`` entries, asks the policy for the top-``k`` actions of the new states among them in ONE
call, runs the best ``chunk`` untried actions of each through the backend, and pushes the new
states; a state with actions left goes back into the frontier at its priority plus the best
remaining action's log-probability, so weak siblings are tried only when they beat every other
open path (best-first over edges, at the policy cost of best-first over states). States equal up to renaming
(``state_key``) are merged: the first (best-priority) arrival wins. A tactic that failed on a goal is
not run again on an equal goal (same ``goal_key`` and hypothesis names) elsewhere in the tree: a
step on the first goal depends only on that goal, and a skipped attempt can cost a proof, never
admit one. Budgets: wall time and
expansions and tactics (and a depth cap). Deterministic under a seed: ties break by insertion order and
the baseline policies are pure functions of (seed, goal).

Goal bookkeeping. With Lean's goal order after a step on goal 0 (the step's new goals first,
then the untouched goals), a path of ``(tactic, number of new goals)`` pairs is the preorder
walk of a proof tree; ``proof_script`` turns it into a structured Lean 4 script that focuses
every subgoal with ``·``, so each step runs on the goal it ran on during search. A step that
also changes the other goals (``exact h₁`` after ``apply Nat.le_trans`` assigns the ``?m`` that
``?m ≤ c`` and the ``Nat`` goal share) has no place in that tree: it is kept, counted ``LINEAR``,
and a path with such a step is written as a flat script, one tactic per line. That script means
exactly what the search did: every step ran on the first goal of the whole state, and a Lean tactic
block runs each tactic on the main goal, the first unsolved one.

Failures. A ``TacticError`` is one failed step; a ``CheckerInternalError`` (the checker's own bug
on one request; the server and its states are intact) is skipped like one and counted; any other
``BackendError`` loses this theorem's attempt only: the backend is restarted and the result
carries the error.
"""
from __future__ import annotations

import heapq
import math
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Optional, Sequence

from lean_bridge.types import BackendError, CheckerInternalError, Goal, ProofState, TacticError

from lean_bridge.term import goal_key, state_key
from prover.actions import render as render_action

Step = tuple[str, int]  # (tactic text, number of new goals it produced, or LINEAR)
LINEAR = -1  # the step changed goals other than the one it ran on (a shared metavariable was assigned)


@dataclass(frozen=True)
class SearchConfig:
    """Search knobs; defaults tuned for ~5 s per theorem on one core."""

    k: int = 32                   # actions asked of the policy per state (its top-k)
    chunk: int = 8                # of those, tried per expansion; the rest wait in the frontier (see module doc)
    batch: int = 8                # frontier entries expanded per round (states scored in one policy call)
    time_limit: float = 5.0       # wall seconds per theorem
    max_expansions: int = 100_000 # expansions per theorem
    max_tactics: int = 10_000_000 # tactics run per theorem (a load-independent budget for benchmarks)
    max_depth: int = 24           # steps on one path
    value_weight: float = 0.0     # weight of log(value) in the priority (0 = no value calls)


@dataclass
class SearchResult:
    """What one search did: the proof (a structured tactic script) or why not, and its counts."""

    proved: bool
    proof: Optional[str] = None
    steps: list[Step] = field(default_factory=list)
    expansions: int = 0
    tactics_tried: int = 0
    seconds: float = 0.0
    error: Optional[str] = None
    policy_seconds: float = 0.0
    backend_seconds: float = 0.0
    internal_errors: int = 0  # steps the checker failed on internally (neither a proof step nor a Lean error)
    repeats_skipped: int = 0  # tactics not run because they already failed on an equal goal


@dataclass
class _Node:
    """A frontier entry: its state, cumulative log-probability and the path that reached it.

    ``pending`` is None until the policy has scored the state; afterwards it holds the proposals
    not yet tried (best first), and the entry waits in the frontier at the priority of the best of
    them, so a state's weaker siblings are tried only when they beat every other open path.
    """

    state: ProofState
    logp: float
    steps: tuple[Step, ...]
    pending: Optional[list[tuple[Any, float]]] = None
    base: float = 0.0  # the value term of the state's priority (priority = logp + base)


def _goal_id(goal: Goal) -> Hashable:
    """Identity of a goal across states: Pantograph's mvar id, else its printed form."""
    return goal.mvar_id if goal.mvar_id is not None else goal.render()


def new_goal_count(parent: ProofState, child: ProofState) -> Optional[int]:
    """How many new goals a step on goal 0 produced, or None if it also changed the other goals."""
    rest = parent.goals[1:]
    k = len(child.goals) - len(rest)
    if k < 0:
        return None
    if [_goal_id(g) for g in child.goals[k:]] != [_goal_id(g) for g in rest]:
        return None
    return k


def proof_script(steps: Sequence[Step], root_goals: int = 1, indent: str = "  ") -> str:
    """The structured tactic block (lines after ``by``) for a preorder path of ``(tactic, new goals)``;
    flat, one tactic per line, when a step is ``LINEAR`` (see the module docstring)."""
    if any(k == LINEAR for _, k in steps):
        return "\n".join(indent + tactic for tactic, _ in steps)
    pos = 0

    def tree(depth: int) -> list[str]:
        nonlocal pos
        if pos >= len(steps):
            raise ValueError(f"steps do not form {root_goals} complete proof tree(s)")
        tactic, k = steps[pos]
        pos += 1
        lines = [tactic]
        if k == 1:
            lines += tree(depth)
        elif k > 1:
            for _ in range(k):
                sub = tree(depth + 1)
                lines.append("· " + sub[0])
                lines += ["  " + line for line in sub[1:]]
        return lines

    out: list[str] = []
    for _ in range(root_goals):
        sub = tree(0)
        if root_goals > 1:
            out.append("· " + sub[0])
            out += ["  " + line for line in sub[1:]]
        else:
            out += sub
    if pos != len(steps):
        raise ValueError(f"steps do not form {root_goals} complete proof tree(s)")
    return "\n".join(indent + line for line in out)


def search(
    backend: Any,
    root: ProofState,
    policy: Any,
    premises: Sequence[str],
    config: SearchConfig = SearchConfig(),
    *,
    on_tactic: Optional[Callable[[], None]] = None,
) -> SearchResult:
    """Best-first search from ``root`` until proved, out of budget, or the frontier is empty."""
    start = time.perf_counter()
    deadline = start + config.time_limit
    result = SearchResult(proved=False)
    frontier: list[tuple[float, int, _Node]] = []
    seen: set[Hashable] = set()
    failed: set[Hashable] = set()  # (goal key, hypothesis names, tactic) that raised a TacticError
    counter = 0

    def push(node: _Node, priority: float) -> None:
        nonlocal counter
        heapq.heappush(frontier, (-priority, counter, node))
        counter += 1

    try:
        if root.is_solved:
            result.proved, result.proof = True, ""
            return result
        seen.add(state_key(root))
        push(_Node(root, 0.0, ()), 0.0)
        while (frontier and result.expansions < config.max_expansions and result.tactics_tried < config.max_tactics
               and time.perf_counter() < deadline):
            batch = [heapq.heappop(frontier)[2] for _ in range(min(config.batch, len(frontier)))]
            fresh = [n for n in batch if n.pending is None]
            if fresh:
                t0 = time.perf_counter()
                proposals = policy.propose([(n.state.goals, 0) for n in fresh], premises, config.k)
                result.policy_seconds += time.perf_counter() - t0
                for node, actions in zip(fresh, proposals):
                    node.pending = list(actions)
            children: list[_Node] = []
            for i, node in enumerate(batch):
                if time.perf_counter() >= deadline or result.tactics_tried >= config.max_tactics:
                    backend.release(*[n.state for n in batch[i:] if n.state is not root])
                    break
                result.expansions += 1
                actions, node.pending = node.pending[:config.chunk], node.pending[config.chunk:]
                solved = _expand(backend, node, actions, config, seen, failed, children, result, on_tactic, deadline)
                if solved is not None:
                    result.proved = True
                    result.steps = list(solved.steps)
                    result.proof = proof_script(solved.steps, len(root.goals))
                    live = ([c.state for c in children if c is not solved] + [e[2].state for e in frontier]
                            + [n.state for n in batch[i:]])
                    backend.release(solved.state, *[s for s in live if s is not root])
                    return result
                if node.pending:  # its untried proposals wait at the priority of the best one
                    push(node, node.logp + node.base + node.pending[0][1])
                elif node.state is not root:
                    backend.release(node.state)
            if children:
                priorities = [c.logp for c in children]
                if config.value_weight > 0:
                    t0 = time.perf_counter()
                    values = policy.value([(c.state.goals, 0) for c in children])
                    result.policy_seconds += time.perf_counter() - t0
                    priorities = [p + config.value_weight * math.log(max(v, 1e-6)) for p, v in zip(priorities, values)]
                for child, priority in zip(children, priorities):
                    child.base = priority - child.logp
                    push(child, priority)
        if not frontier and not result.proved:
            result.error = "search space exhausted"
        backend.release(*[e[2].state for e in frontier if e[2].state is not root])
    except BackendError as err:
        result.error = f"backend error: {_one_line(str(err))}"
        try:
            backend.restart()
        except BackendError as again:
            result.error += f"; restart failed: {_one_line(str(again))}"
    finally:
        result.seconds = time.perf_counter() - start
    return result


def _expand(
    backend: Any,
    node: _Node,
    actions: Sequence[tuple[Any, float]],
    config: SearchConfig,
    seen: set[Hashable],
    failed: set[Hashable],
    children: list[_Node],
    result: SearchResult,
    on_tactic: Optional[Callable[[], None]],
    deadline: float,
) -> Optional[_Node]:
    """Run the proposed actions on the node's first goal; collect new children; return a solved one."""
    goal = node.state.goals[0]
    depth_ok = len(node.steps) + 1 < config.max_depth  # an unsolved child at the cap could never finish
    goal_id = (goal_key(goal), tuple(h.name for h in goal.hypotheses))  # tactic text names hypotheses
    for action, logp in actions:
        if time.perf_counter() >= deadline or result.tactics_tried >= config.max_tactics:
            return None
        try:  # an Action of prover.actions, or raw tactic text (the automation baseline)
            tactic = action if isinstance(action, str) else render_action(action, goal)
        except ValueError:  # RenderError: not writable on this goal
            continue
        if (goal_id, tactic) in failed:
            result.repeats_skipped += 1
            continue
        result.tactics_tried += 1
        if on_tactic is not None:
            on_tactic()
        t0 = time.perf_counter()
        try:
            child_state = backend.run_tactic(node.state, tactic, 0)
        except TacticError:
            failed.add((goal_id, tactic))
            continue
        except CheckerInternalError:  # the checker's own bug on this step: skipped, the server and its states live on
            result.internal_errors += 1
            continue
        finally:
            result.backend_seconds += time.perf_counter() - t0
        k = new_goal_count(node.state, child_state)
        if k is None:
            k = LINEAR
        child = _Node(child_state, node.logp + logp, node.steps + ((tactic, k),))
        if child_state.is_solved:
            return child
        key = state_key(child_state)
        if key in seen or not depth_ok:
            backend.release(child_state)
            continue
        seen.add(key)
        children.append(child)
    return None


def _one_line(text: str) -> str:
    """Collapse whitespace so an error fits on one line."""
    return " ".join(text.split())[:300]
