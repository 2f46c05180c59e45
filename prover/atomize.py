"""Translate traced human proof steps into atomic actions, each checked by the backend.

For every traced step (state ``S`` before, goal ``f`` focused, human tactic, state ``S'`` after)
we look for a sequence of atomic actions (``prover.actions``) that, run from ``S`` on goal ``f``
and then on the goals it creates, gives a state equal to ``S'`` up to renaming
(each goal by ``lean_bridge.term.goal_key``, in any order). First the step's own reading (``rw [a, ← b]`` is two rewrites,
``intro a b`` two intros, ``exact h`` is ``exact_hyp``, ``simp [foo]`` is ``simp_premise``…; a term
``exact t`` follows the term's structure, ``prover.reading``; pattern-matching proofs arrive already
read as ``intro``/``induction``/``cases`` steps, ``prover.equations``);
when that does not reproduce ``S'`` (or the step is compound), a bounded search: depth ≤ 3,
candidates from ``candidate_actions`` with the premises the step mentions, on any goal the step
created, at most ``budget`` checker calls. A step whose ``S'`` equals ``S`` up to renaming
(``rename_i``) needs no action. A theorem counts as atomized when every step is, and the
resulting atomic script, replayed from the theorem's start state, closes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Hashable, Iterable, Optional, Sequence

from lean_bridge import BackendError, Goal, LeanError, ProofState
from lean_bridge.backend import Backend
from lean_bridge.syntax import ast, parse_tactic_block
from collections import Counter

from lean_bridge.term import goal_key, mk_fvar, parse_term, replace_free
from prover.actions import KINDS, Action, RenderError, candidate_actions, render
from prover.reading import Reader, read_and_run, read_apply_open, read_pattern_copy

MAX_DEPTH = 3
_NAME = re.compile(r"[A-Za-z_α-ωΑ-Ωἀ-῾ℕ][A-Za-z0-9_'!?.α-ωΑ-Ωἀ-῾₀-₉ₐ-ₜ]*")


def bag_key(goals: Sequence[Goal]) -> Hashable:
    """The goals up to renaming *and order*: an atomic sequence may leave the same goals in
    another order than the human step (Pantograph puts the newest goals first)."""
    return frozenset(Counter(goal_key(g) for g in goals).items())


def find_goal(goals: Sequence[Goal], wanted: Goal, default: int) -> int:
    """Index of the goal equal to ``wanted`` up to renaming (``default`` when it is there or none is)."""
    key = goal_key(wanted)
    if default < len(goals) and goal_key(goals[default]) == key:
        return default
    for i, g in enumerate(goals):
        if goal_key(g) == key:
            return i
    return default


@dataclass(frozen=True)
class AtomicStep:
    """One atomic action as run: the state before, the goal index, the action and its text."""

    before: tuple[Goal, ...]
    focus: int
    action: Action
    tactic: str


class Atomizer:
    """Finds and checks atomic sequences for traced steps on one backend."""

    def __init__(self, backend: Backend, budget: int = 150) -> None:
        self.backend = backend
        self.budget = budget
        self.calls = 0
        self.states: list[ProofState] = []  # every state made here, released per theorem
        # facts built in the context (have_premise, …) may leave universe metavariables that only the
        # final kernel check of a whole script rejects: a theorem whose script fails to replay is
        # atomized again with ``forward`` off
        self.forward = True
        self.namespace = ""  # the namespace of the theorem being atomized: Lean resolves names inside it first

    def release(self) -> None:
        """Let the server free every state made since the last call."""
        if self.states:
            self.backend.release(*self.states)
            self.states = []

    # --- checker access
    def run(self, state: ProofState, goal_index: int, action: Action) -> tuple[Optional[ProofState], str]:
        """Render and run one action; (new state or None when Lean rejects it, the text)."""
        try:
            text = render(action, state.goals[goal_index])
        except RenderError:
            return None, ""
        self.calls += 1
        try:
            nxt = self.backend.run_tactic(state, text, goal_index)
        except LeanError:
            return None, text
        self.states.append(nxt)
        return nxt, text

    # --- one step
    def atomize_step(self, before: ProofState, focus: int, tactic: str, after: ProofState,
                     premises: Sequence[str], budget: Optional[int] = None) -> Optional[list[AtomicStep]]:
        """Atomic steps taking ``before`` (goal ``focus``) to ``after`` up to renaming, or None."""
        budget = self.budget if budget is None else budget
        target = bag_key(after.goals)
        if bag_key(before.goals) == target:
            return []
        goal = before.goals[focus]
        mapped = read_step(tactic, goal, premises, self.namespace)
        if mapped:
            found = self._follow(before, focus, mapped, target)
            if found is not None:
                return found
        readings = [(self._read_rewrite, False), (self._read_generalizing, False), (read_and_run, False),
                    (read_apply_open, False), (read_pattern_copy, False)]
        if "⟨" in tactic:  # tuple patterns taken apart the other way round: hypotheses in the other order
            readings += [(read_and_run, True), (read_pattern_copy, True)]
        for reading, first_component_first in readings:
            reader = Reader(self.run, lambda name: resolve(name, premises, self.namespace), forward=self.forward,
                            fields=lambda field: [p for p in premises if p.endswith("." + field)],
                            first_component_first=first_component_first)
            try:
                read = reading(reader, before, focus, tactic)
            except BackendError:
                raise
            except Exception:  # noqa: BLE001 - a reading that trips on an unforeseen shape is no reading
                read = None
            if read is not None and bag_key(read[0].goals) == target:
                return [AtomicStep(b, i, a, t) for b, i, a, t in read[1]]
        mentioned = set(_NAME.findall(tactic))
        focused = self._search(before, focus, target, premises, mentioned, MAX_DEPTH, (2 * budget) // 3, True)
        if focused is not None:
            return focused
        return self._search(before, focus, target, premises, mentioned, 2, budget // 3, False)

    def _read_rewrite(self, reader: Reader, state: ProofState, focus: int, tactic: str) -> Optional[tuple[ProofState, list]]:
        """``rw [r₁, r₂] at h``, rule by rule, each checked against the human rule run alone.

        ``at h``: ``revert_hyp`` on ``h`` and every later hypothesis (newest first), the rules on the
        goal, then as many ``intro``. A rule is the bare lemma or hypothesis (``rw_premise``, …) when
        that reaches the rule's own result; else (``rw [Nat.add_comm a b]``, where the bare lemma may
        rewrite another instance) the instance is built in the context (``Reader.materialize``),
        used by ``rw_hyp``/``rw_rev_hyp`` and cleared again (``clear_hyp``)."""
        try:
            seq = parse_tactic_block(tactic)
        except Exception:  # noqa: BLE001 - no reading for text the parser does not take
            return None
        if len(seq.tactics) != 1 or not isinstance(seq.tactics[0], ast.Rewrite) or seq.tactics[0].config is not None:
            return None
        tac = seq.tactics[0]
        steps: list = []
        gid = state.goals[focus].mvar_id
        reintro = 0
        if tac.location is not None:
            loc = tac.location
            if loc.goal or loc.wildcard or len(loc.hyps) != 1:
                return None
            goal = state.goals[focus]
            i = _hyp_index(goal, loc.hyps[0])
            if i is None:
                return None
            for j in range(len(goal.hypotheses) - 1, i - 1, -1):
                res = reader.act(state, gid, Action("revert_hyp", hyp=j), steps)
                if res is None or len(res[1]) != 1:
                    return None
                (state, (gid,)), reintro = res, reintro + 1
        for n, rule in enumerate(tac.rules):
            idx = next((k for k, g in enumerate(state.goals) if g.mvar_id == gid), None)
            if idx is None:
                return None
            text = _slice(tactic, rule.pos, rule.end_pos)
            try:
                ref = self.backend.run_tactic(state, f"rw [{text}]", idx)
            except LeanError:
                return None
            self.states.append(ref)
            want = bag_key(ref.goals)
            got = None
            for attempt in (self._rule_bare, self._rule_built):
                mark = len(steps)
                got = attempt(reader, state, gid, rule, steps)
                if got is not None and bag_key(got[0].goals) == want:
                    break
                del steps[mark:]
                got = None
            if got is None:
                return None
            state, gid = got
            if gid is None:
                if n + 1 < len(tac.rules) or reintro:
                    return None
                return state, steps
        for _ in range(reintro):
            res = reader.act(state, gid, Action("intro"), steps)
            if res is None or len(res[1]) != 1:
                return None
            state, (gid,) = res
        if tac.variant == "rwa":
            res = reader.act(state, gid, Action("assumption"), steps)
            if res is None:
                return None
            state = res[0]
        return state, steps

    def _read_generalizing(self, reader: Reader, state: ProofState, focus: int, tactic: str) -> Optional[tuple[ProofState, list]]:
        """``induction l generalizing n`` (some variables only): ``revert_hyp`` each of them (newest
        first, their dependents go along), ``induction_hyp``, then in every case as many ``intro`` as
        hypotheses were reverted (Lean's own reading of ``generalizing``)."""
        try:
            seq = parse_tactic_block(tactic)
        except Exception:  # noqa: BLE001
            return None
        tac = seq.tactics[0] if len(seq.tactics) == 1 else None
        if not isinstance(tac, ast.Induction) or not getattr(tac, "generalizing", ()) or tac.using is not None \
                or tac.alts or len(tac.targets) != 1 or tac.targets[0].name is not None \
                or not isinstance(tac.targets[0].term, ast.Ident):
            return None
        steps: list = []
        gid = state.goals[focus].mvar_id
        goal = state.goals[focus]
        size = len(goal.hypotheses)
        fvars = {goal.hypotheses[i].fvar_id for i in (_hyp_index(goal, n) for n in tac.generalizing) if i is not None}
        if len(fvars) != len(tac.generalizing):
            return None
        while True:
            goal = next(g for g in state.goals if g.mvar_id == gid)
            left = [k for k, h in enumerate(goal.hypotheses) if h.fvar_id in fvars]
            if not left:
                break
            res = reader.act(state, gid, Action("revert_hyp", hyp=left[-1]), steps)
            if res is None or len(res[1]) != 1:
                return None
            state, (gid,) = res
        goal = next(g for g in state.goals if g.mvar_id == gid)
        count = size - len(goal.hypotheses)
        i = _hyp_index(goal, tac.targets[0].term.name)
        if i is None:
            return None
        res = reader.act(state, gid, Action("induction_hyp", hyp=i), steps)
        if res is None:
            return None
        state, cases = res
        for case in cases:
            current = case
            for _ in range(count):
                res = reader.act(state, current, Action("intro"), steps)
                if res is None or len(res[1]) != 1:
                    return None
                state, (current,) = res
        return state, steps

    def _rule_bare(self, reader: Reader, state: ProofState, gid: str, rule: Any, steps: list) -> Optional[tuple[ProofState, Optional[str]]]:
        """One rewrite with the rule's hypothesis or lemma alone (arguments dropped)."""
        term = rule.term
        if isinstance(term, ast.App):
            term = term.fn
        if isinstance(term, ast.Explicit):
            term = term.ident
        if not isinstance(term, ast.Ident):
            return None
        goal = next((g for g in state.goals if g.mvar_id == gid), None)
        if goal is None:
            return None
        i = _hyp_index(goal, term.name)
        symm = rule.symm
        if i is None and term.name.endswith(".symm") and _hyp_index(goal, term.name[:-5]) is not None:
            i, symm = _hyp_index(goal, term.name[:-5]), not symm  # `rw [h.symm]` is `rw [← h]`
        if i is not None:
            action = Action("rw_rev_hyp" if symm else "rw_hyp", hyp=i)
        else:
            name = reader.resolve(term.name)
            if name is None:
                return None
            action = Action("rw_rev_premise" if rule.symm else "rw_premise", premise=name)
        res = reader.act(state, gid, action, steps)
        if res is None:
            return None
        state, created = res
        for side in created[1:]:  # `rw [P]` for `rw [P h]`: the premise `P` asks for is `h` itself
            done = reader.act(state, side, Action("assumption"), steps)
            if done is None:
                return None
            state = done[0]
        return state, (created[0] if created else None)

    def _rule_built(self, reader: Reader, state: ProofState, gid: str, rule: Any, steps: list) -> Optional[tuple[ProofState, Optional[str]]]:
        """The rule's instance built as a hypothesis, rewritten with, then cleared (with any helper)."""
        if not isinstance(rule.term, (ast.App, ast.Proj)):
            return None
        goal = next((g for g in state.goals if g.mvar_id == gid), None)
        if goal is None:
            return None
        old = {h.fvar_id for h in goal.hypotheses}
        made = reader.materialize(state, gid, rule.term, steps)
        if made is None:
            return None
        state, gid = made
        last = len(next(g for g in state.goals if g.mvar_id == gid).hypotheses) - 1
        res = reader.act(state, gid, Action("rw_rev_hyp" if rule.symm else "rw_hyp", hyp=last), steps)
        if res is None:
            return None
        if not res[1]:
            return res[0], None
        state, gid = res[0], res[1][0]
        while True:
            goal = next(g for g in state.goals if g.mvar_id == gid)
            extra = [k for k, h in enumerate(goal.hypotheses) if h.fvar_id not in old]
            if not extra:
                return state, gid
            res = reader.act(state, gid, Action("clear_hyp", hyp=extra[-1]), steps)
            if res is None or len(res[1]) != 1:
                return None
            state, (gid,) = res

    def _follow(self, state: ProofState, focus: int, actions: Sequence[Action], target: Hashable) -> Optional[list[AtomicStep]]:
        """Run a fixed action list, each on the first goal the previous one created."""
        steps: list[AtomicStep] = []
        index = focus
        for action in actions:
            if not state.goals or index >= len(state.goals):
                return None
            nxt, text = self.run(state, index, action)
            if nxt is None:
                return None
            steps.append(AtomicStep(state.goals, index, action, text))
            created = _created(state, nxt)
            index = created[0] if created else 0
            state = nxt
        return steps if bag_key(state.goals) == target else None

    def _search(self, state: ProofState, focus: int, target: Hashable, premises: Sequence[str],
                mentioned: set[str], max_depth: int, budget: int, focused: bool) -> Optional[list[AtomicStep]]:
        """Breadth-first over action sequences (depth ≤ ``max_depth``) on the goals the step created.

        ``focused``: only actions whose argument the step mentions, and argument-free kinds.
        """
        start_calls = self.calls
        others = {g.mvar_id for i, g in enumerate(state.goals) if i != focus}
        frontier: list[tuple[ProofState, list[AtomicStep]]] = [(state, [])]
        seen = {bag_key(state.goals)}
        for depth in range(max_depth):
            nxt_frontier: list[tuple[ProofState, list[AtomicStep]]] = []
            for cur, path in frontier:
                open_idx = [i for i, g in enumerate(cur.goals) if g.mvar_id not in others] if depth else [focus]
                for gi in open_idx:
                    goal = cur.goals[gi]
                    actions = _ordered(candidate_actions(goal, premises), goal, mentioned)
                    if focused:
                        actions = [a for a in actions if _relevant(a, goal, mentioned)]
                    for action in actions:
                        if self.calls - start_calls >= budget:
                            return None
                        nxt, text = self.run(cur, gi, action)
                        if nxt is None:
                            continue
                        key = bag_key(nxt.goals)
                        if key in seen:
                            continue
                        seen.add(key)
                        new_path = path + [AtomicStep(cur.goals, gi, action, text)]
                        if key == target:
                            return new_path
                        if len(nxt.goals) <= len(cur.goals) + 3:
                            nxt_frontier.append((nxt, new_path))
            frontier = nxt_frontier
        return None


def _relevant(action: Action, goal: Goal, mentioned: set[str]) -> bool:
    """Argument-free kinds, and actions on hypotheses or premises the step's text names."""
    if action.premise is not None:
        return action.premise in mentioned or action.premise.rpartition(".")[2] in mentioned
    if action.hyp is not None:
        return goal.hypotheses[action.hyp].name in mentioned
    return action.subterm is None


def _created(before: ProofState, after: ProofState) -> list[int]:
    """Indices in ``after`` of the goals not present in ``before``."""
    old = {g.mvar_id for g in before.goals}
    return [i for i, g in enumerate(after.goals) if g.mvar_id not in old]


def _ordered(actions: list[Action], goal: Goal, mentioned: set[str]) -> list[Action]:
    """Candidates the step mentions first, then argument-free kinds, hypotheses, subterms."""
    names = {i: h.name for i, h in enumerate(goal.hypotheses)}

    def rank(a: Action) -> tuple[int, int]:
        if a.premise is not None:
            hit = a.premise in mentioned or a.premise.rpartition(".")[2] in mentioned
            return (0 if hit else 3, KINDS.index(a.kind))
        if a.hyp is not None:
            return (0 if names.get(a.hyp) in mentioned else 2, KINDS.index(a.kind))
        if a.subterm is not None:
            return (4, KINDS.index(a.kind))
        return (1, KINDS.index(a.kind))

    return sorted(actions, key=rank)


# --------------------------------------------------------------------------- reading a step


def _slice(text: str, start: tuple[int, int], end: tuple[int, int]) -> str:
    """The source text between two (1-based line, 0-based column) positions."""
    lines = text.split("\n")
    if start[0] == end[0]:
        return lines[start[0] - 1][start[1]:end[1]]
    parts = [lines[start[0] - 1][start[1]:]] + lines[start[0]:end[0] - 1] + [lines[end[0] - 1][:end[1]]]
    return "\n".join(parts)


def _hyp_index(goal: Goal, name: str) -> Optional[int]:
    for i in range(len(goal.hypotheses) - 1, -1, -1):
        if goal.hypotheses[i].name == name:
            return i
    return None


def _ref(goal: Goal, term: Any, premises: Sequence[str], hyp_kind: str, premise_kind: str,
         namespace: str = "") -> Optional[Action]:
    """An action for a bare identifier: the hypothesis of that name, else the premise it names
    (resolved inside ``namespace``, as Lean does)."""
    if not isinstance(term, ast.Ident):
        return None
    i = _hyp_index(goal, term.name)
    if i is not None:
        return Action(hyp_kind, hyp=i)
    name = resolve(term.name, premises, namespace)
    return Action(premise_kind, premise=name) if name else None


def resolve(name: str, premises: Sequence[str], namespace: str = "") -> Optional[str]:
    """The premise a written name means, as Lean resolves it inside ``namespace`` (the theorem's own):
    ``A.B.name``, then ``A.name``, then ``name`` itself; else the unique premise ending in ``.name``."""
    parts = namespace.split(".") if namespace else []
    for k in range(len(parts), 0, -1):
        full = ".".join(parts[:k]) + "." + name
        if full in premises:
            return full
    if name in premises:
        return name
    hits = [p for p in premises if p.endswith("." + name)]
    return hits[0] if len(hits) == 1 else None


_SIMPLE = {ast.Constructor: "constructor", ast.Left: "left", ast.Right: "right", ast.Rfl: "rfl",
           ast.Exfalso: "exfalso", ast.Contradiction: "contradiction", ast.Assumption: "assumption",
           ast.Trivial: "trivial", ast.Symm: "symm"}


def read_step(tactic: str, goal: Goal, premises: Sequence[str], namespace: str = "") -> Optional[list[Action]]:
    """The atomic reading of a human tactic, when it has one (not yet checked); names are resolved
    inside ``namespace``, the theorem's own."""
    try:
        seq = parse_tactic_block(tactic)
    except Exception:  # noqa: BLE001 - any unreadable text simply has no direct reading
        return None
    if len(seq.tactics) != 1:
        return None
    tac = seq.tactics[0]
    if type(tac) in _SIMPLE:
        return [Action(_SIMPLE[type(tac)])]
    if isinstance(tac, ast.Intro):
        if not tac.patterns:
            return [Action("intro")]
        if all(isinstance(p, (ast.Ident, ast.Hole)) for p in tac.patterns):
            return [Action("intro")] * len(tac.patterns)
        return None
    if isinstance(tac, ast.Exact):
        if isinstance(tac.term, ast.Ident) and tac.term.name == "rfl":
            return [Action("rfl")]
        one = _ref(goal, tac.term, premises, "exact_hyp", "exact_premise", namespace)
        return [one] if one else None
    if isinstance(tac, ast.Apply):
        one = _ref(goal, tac.term, premises, "apply_hyp", "apply_premise", namespace)
        return [one] if one else None
    if isinstance(tac, ast.Rewrite) and tac.location is None and tac.config is None:
        out = []
        for rule in tac.rules:
            term = rule.term
            if isinstance(term, ast.App) and isinstance(term.fn, ast.Explicit):
                term = term.fn.ident  # `rw [@and_comm a c]`
            elif isinstance(term, ast.App) and isinstance(term.fn, ast.Ident) and _hyp_index(goal, term.fn.name) is None:
                term = term.fn  # `rw [Nat.add_comm a b]`: the lemma alone (checked: it may pick another instance)
            one = _ref(goal, term, premises, "rw_rev_hyp" if rule.symm else "rw_hyp",
                       "rw_rev_premise" if rule.symm else "rw_premise", namespace)
            if one is None:
                return None
            out.append(one)
        if tac.variant == "rwa":
            out.append(Action("assumption"))
        return out
    if isinstance(tac, (ast.Cases, ast.Induction)) and len(tac.targets) == 1 and tac.using is None \
            and not tac.alts and tac.targets[0].name is None:
        kind = "cases_hyp" if isinstance(tac, ast.Cases) else "induction_hyp"
        if getattr(tac, "generalizing", ()):
            kind = "induction_gen_hyp"
        t = tac.targets[0].term
        i = _hyp_index(goal, t.name) if isinstance(t, ast.Ident) else None
        return [Action(kind, hyp=i)] if i is not None else None
    if isinstance(tac, ast.Subst):
        out = []
        for t in tac.terms:
            i = _hyp_index(goal, t.name) if isinstance(t, ast.Ident) else None
            if i is None:
                return None
            out.append(Action("subst_hyp", hyp=i))
        return out
    if isinstance(tac, ast.Simp) and tac.config is None and tac.using is None:
        return _read_simp(tac, goal, premises, namespace)
    return None


def _read_simp(tac: Any, goal: Goal, premises: Sequence[str], namespace: str = "") -> Optional[list[Action]]:
    args = tac.args or ()
    if tac.variant == "simp_all" and not args and tac.location is None:
        return [Action("simp_all")]
    if tac.variant != "simp" or tac.only:
        return None
    if tac.location is not None:
        loc = tac.location
        if not args and len(loc.hyps) == 1 and not loc.goal and not loc.wildcard:
            i = _hyp_index(goal, loc.hyps[0])
            return [Action("simp_at_hyp", hyp=i)] if i is not None else None
        return None
    if not args:
        return [Action("simp")]
    if len(args) == 1 and args[0].kind == "lemma" and not args[0].symm:
        one = _ref(goal, args[0].term, premises, "simp_hyp", "simp_premise", namespace)
        return [one] if one else None
    return None


def mentioned_premises(tactic: str, premises: Sequence[str], by_short: dict[str, list[str]]) -> list[str]:
    """Premises the step's text names (written full, or by a suffix such as ``le_succ`` for ``Nat.le_succ``)."""
    out: list[str] = []
    known = set(premises)
    tokens = _NAME.findall(tactic)
    dotted = [t.rpartition(".") for t in tokens if "." in t]
    # `P.symm`, `P.1`: `P` too; `h.trans q`: the field alone (``Iff.trans``, … the generalized field it may be)
    if re.search(r"\)\.(1|2|mp|mpr|left|right)\b", tactic):  # `(P h).2`: the projection's own premises
        tokens += ["Iff.mp", "Iff.mpr", "And.left", "And.right"]
    for token in tokens + [head for head, _, _ in dotted] + [f for _, _, f in dotted if len(f) > 2]:
        for cand in [token] + by_short.get(token.rpartition(".")[2], []):
            if cand in known and cand not in out and (cand == token or cand.endswith("." + token)):
                out.append(cand)
    return out


# --------------------------------------------------------------------------- whole-proof replay


def replay_script(backend: Backend, start: ProofState, steps: Sequence[AtomicStep]) -> bool:
    """Run an atomic script from ``start``, each action rendered against the live goal; True if it closes."""
    state = start
    for step in steps:
        focus = find_goal(state.goals, step.before[step.focus], step.focus)
        if focus >= len(state.goals):
            return False
        action = transfer(step.action, step.before[step.focus], state.goals[focus])
        try:
            state = backend.run_tactic(state, render(action, state.goals[focus]), focus)
        except (LeanError, RenderError):
            return False
    return not state.goals


def transfer(action: Action, recorded: Goal, live: Goal) -> Action:
    """The same action on an equal-up-to-renaming goal: a subterm's free variables follow hypothesis positions."""
    if action.subterm is None:
        return action
    mapping = {h.fvar_id: mk_fvar(l.fvar_id) for h, l in zip(recorded.hypotheses, live.hypotheses)
               if h.fvar_id and l.fvar_id and h.fvar_id != l.fvar_id}
    if not mapping:
        return action
    return Action(action.kind, subterm=replace_free(action.subterm, mapping))


def parse_subterm(text: Optional[str]) -> Any:
    """A recorded subterm back as a Term (None stays None)."""
    return None if text is None else parse_term(text)


def atomic_kinds(steps: Iterable[AtomicStep]) -> list[str]:
    """The kinds of a script (for reports)."""
    return [s.action.kind for s in steps]


__all__ = ["AtomicStep", "Atomizer", "read_step", "replay_script", "resolve", "transfer", "BackendError"]
