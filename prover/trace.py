"""Replay the proofs of a Lean file step by step through the bridge, recording every step.

For each theorem, in file order, the environment holds exactly the declarations before it
(LeanDojo's convention): the file is fed to the checker in chunks, one per theorem, through
Pantograph's ``frontend.process`` with ``inheritEnv`` (so the total work is linear in the
file). Each chunk is the text since the previous theorem plus the theorem with its proof
replaced by ``sorry``; it is wrapped in ``section … end`` and re-opens the namespaces,
sections, ``open``/``variable``/``universe`` commands in force, so it means the same to real
Pantograph (which inherits only the environment) and to the embedded server. Backends without
``frontend.process`` (the REPL) get the whole prefix text instead, which is quadratic but exact.

The ``sorry`` goal is then driven by the proof's own tactics, found with the project's Lean
parser: sequences, ``·``, ``case``/``next``, ``<;>``, ``all_goals``/``any_goals``, ``try``,
``first``, ``repeat``, ``focus``, ``on_goal``, and ``cases``/``induction … with`` alternatives
(run as the bare ``cases``/``induction`` step, then ``rename_i`` with the alternative's names,
as Lean's ``case`` does, then the alternative's tactics). Every tactic that reaches the checker
is one recorded ``Step``: the goals before (all open goals, and the index it ran on), its text,
the goals after. A term-mode proof is one ``exact <term>`` step. A proof by pattern-matching
equations (``| 0 => … | n+1 => …``), or a term proof that is a ``match`` (possibly after ``have``s),
is replayed through its synthesized tactic reading (``prover.equations``: ``intro``, ``induction``/
``cases … with``, recursive calls as the induction hypothesis), which the checker must accept like
any proof. A theorem named ``P.t`` opens its goal inside ``namespace P``, as Lean elaborates its body.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional, Sequence

from lean_bridge import BackendError, Goal, LeanError, ProofState
from lean_bridge.backend import Backend
from lean_bridge.syntax import ast, parse_file

MAX_REPEAT = 64


class TraceError(Exception):
    """A proof could not be replayed (the message says which tactic and why)."""


@dataclass(frozen=True)
class Step:
    """One tactic run on one goal: the state before (all goals), the goal's index, text, state after."""

    before: tuple[Goal, ...]
    focus: int
    tactic: str
    after: tuple[Goal, ...]


@dataclass(frozen=True)
class TheoremSource:
    """A theorem of a file: full name, line, the chunk that opens its goal, and its proof syntax."""

    name: str
    line: int
    chunk: str
    proof: Any  # ast.By, another ast.Term (term mode) or ast.Equations
    proof_text: str
    prefix: str  # the whole file up to and including this theorem's sorry header (REPL fallback)
    declaration: str = ""  # the theorem with its real proof, wrapped in its scopes (enters the environment)
    sorry_declaration: str = ""  # the same with `sorry`, for when the real proof fails (as Lean's recovery)
    binders: tuple = ()  # the binders before the colon (for the reading of pattern-matching proofs)
    type: Any = None  # the statement's syntax
    proof_pos: tuple[int, int] = (1, 0)  # (line, column) where ``proof_text`` starts


# --------------------------------------------------------------------------- file chunks


@dataclass
class _Frame:
    kind: str  # "root", "namespace" or "section"
    name: Optional[str]
    preamble: list[str] = field(default_factory=list)


def _offsets(text: str) -> list[int]:
    """Code-point offset of the start of each 1-based line (index 0 unused)."""
    starts = [0, 0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _theorem_name(cmd: Any, frames: Sequence[_Frame]) -> str:
    """Full name of a declared theorem (namespaces prefixed, ``_root_`` honoured)."""
    name = cmd.name
    if name.startswith("_root_."):
        return name[len("_root_."):]
    spaces = [part for f in frames if f.kind == "namespace" and f.name for part in [f.name]]
    return ".".join(spaces + [name])


def split_theorems(text: str) -> list[TheoremSource]:
    """The theorems (and examples) of a file with the chunk texts that open their goals."""
    parsed = parse_file(text)
    starts = _offsets(text)

    def off(pos: tuple[int, int]) -> int:
        return starts[pos[0]] + pos[1] if pos[0] < len(starts) else len(text)

    frames: list[_Frame] = [_Frame("root", None)]
    out: list[TheoremSource] = []
    cursor = 0
    header_frames = _snapshot(frames)
    for cmd in parsed.commands:
        if isinstance(cmd, (ast.Theorem, ast.Example)):
            value = cmd.value
            start, value_start = off(cmd.pos), off(value.pos)
            if isinstance(value, ast.Equations):
                head = text[start:value_start].rstrip() + " := by sorry"
            else:
                # the value's span may start inside parentheses (`:= (h₁ ∘ · ∘ h₀)`): cut at the `:=`
                assign = text.rfind(":=", start, value_start)
                if assign >= 0 and not text[assign + 2:value_start].strip(" \t\n("):
                    value_start = assign + 2
                # `by sorry`, not `sorry`: a tactic block is elaborated without Lean's implicit lambda,
                # so `∀ {l}, …` stays in the goal, as the proof's own `by`/equations/`intro` expect
                head = text[start:value_start] + " by sorry"
            name = _theorem_name(cmd, frames) if isinstance(cmd, ast.Theorem) else f"example@{cmd.pos[0]}"
            # the goal is opened from an `example`, so the name never enters the environment with `sorry`:
            # the real declaration follows (`declaration`), and proofs through it stay sorry-free
            body = text[cursor:start] + _in_name_namespace(cmd, _as_example(head))
            chunk = _wrap(header_frames, body, frames)
            here = _snapshot(frames)
            real = _wrap(here, text[start:off(cmd.end_pos)], frames) if isinstance(cmd, ast.Theorem) else ""
            stub = _wrap(here, head, frames) if isinstance(cmd, ast.Theorem) else ""
            line = text.count("\n", 0, value_start) + 1
            column = value_start - starts[line]
            out.append(TheoremSource(name, cmd.pos[0], chunk, value, text[value_start:off(cmd.end_pos)],
                                     text[:start] + head, real, stub, tuple(getattr(cmd, "binders", ())),
                                     getattr(cmd, "type", None), (line, column)))
            cursor = off(cmd.end_pos)
            header_frames = _snapshot(frames)
            continue
        _update_scope(frames, cmd)
    return out


_DECLARATION_HEAD = re.compile(r"^(?:.*?)\b(?:theorem|lemma)\s+\S+", re.S)


def _as_example(head: str) -> str:
    """`theorem name binders : type := sorry` (with any doc comment, attributes or modifiers) as an
    `example` with the same binders and type: same statement, no name in the environment."""
    return _DECLARATION_HEAD.sub("example", head, count=1)


def _in_name_namespace(cmd: Any, example: str) -> str:
    """The example inside ``namespace P`` for a theorem named ``P.t``: Lean resolves the body of
    ``theorem Or.imp`` in namespace ``Or`` (``inl`` is ``Or.inl``), which an unnamed example loses."""
    name = getattr(cmd, "name", "") if isinstance(cmd, ast.Theorem) else ""
    prefix = name.rpartition(".")[0]
    if not prefix or name.startswith("_root_."):
        return example
    return f"namespace {prefix}\n{example}\nend {prefix}"


def _snapshot(frames: list[_Frame]) -> list[_Frame]:
    return [_Frame(f.kind, f.name, list(f.preamble)) for f in frames]


def _update_scope(frames: list[_Frame], cmd: Any) -> None:
    """Follow namespace/section/end and the scoped commands a chunk must repeat."""
    if isinstance(cmd, ast.Namespace):
        frames.append(_Frame("namespace", cmd.name))
    elif isinstance(cmd, ast.Section):
        frames.append(_Frame("section", cmd.name))
    elif isinstance(cmd, ast.End):
        if len(frames) > 1:
            frames.pop()
    elif isinstance(cmd, (ast.Open, ast.Variable, ast.Universe, ast.SetOption)):
        frames[-1].preamble.append(cmd.source)


def _open_text(frames: Sequence[_Frame]) -> str:
    lines = ["section"]
    for f in frames:
        if f.kind == "namespace":
            lines.append(f"namespace {f.name}")
        elif f.kind == "section":
            lines.append("section" + (f" {f.name}" if f.name else ""))
        lines.extend(f.preamble)
    return "\n".join(lines) + "\n"


def _wrap(header: Sequence[_Frame], body: str, after: Sequence[_Frame]) -> str:
    """Header re-opening ``header``'s scopes, the body, and ``end``s closing what is open after it."""
    closing = []
    for f in reversed(list(after)[1:]):
        closing.append("end" + (f" {f.name}" if f.name else ""))
    closing.append("end")
    return _open_text(header) + body + "\n" + "\n".join(closing) + "\n"


# --------------------------------------------------------------------------- environments


class Environment:
    """Feeds a file's chunks to a backend and opens each theorem's goal (see module docstring)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        from lean_bridge.pantograph_client import PantographBackend

        self.incremental = isinstance(backend, PantographBackend)  # frontend.process with inheritEnv
        self.done: list[str] = []
        self.session = backend.session
        self.constants: list[str] = []  # the file declarations' constants, in environment order

    def open(self, theorem: TheoremSource) -> tuple[Optional[ProofState], list[str]]:
        """Elaborate the theorem's chunk; (its goal state or None, error messages of the chunk)."""
        if not self.incremental:
            found = self.backend.sorries(theorem.prefix)
            return (found[-1][1] if found else None), ([] if found else ["no sorry goal"])
        for _ in range(2):
            if self.backend.session != self.session:
                self._rebuild()
            start = self.backend.session
            state, errors = self._process(theorem.chunk)
            if theorem.declaration:
                self._declare(theorem)
            if self.backend.session == start:
                break  # else the server restarted inside the request: rebuild and feed it again
        self.done.append(theorem.chunk)
        if theorem.declaration:
            self.done.append(theorem.declaration)
        return state, errors

    def _declare(self, theorem: TheoremSource) -> None:
        """Add the theorem with its real proof; if that fails, with `sorry` (Lean keeps failed ones)."""
        kept, errors = self._process(theorem.declaration, want_goal=False)
        if errors:
            self._process(theorem.sorry_declaration, want_goal=False)

    def _rebuild(self) -> None:
        """After a server restart the inherited environment is gone: feed every chunk again."""
        self.backend.theorems()  # any request: makes a lazily restarted server start now
        self.session = self.backend.session
        known = list(self.constants)
        for chunk in self.done:
            state, _ = self._process(chunk)
            if state is not None:
                self.backend.release(state)
        self.constants = known

    def _process(self, text: str, want_goal: bool = True) -> tuple[Optional[ProofState], list[str]]:
        from lean_bridge.pantograph_client import CompilationUnit

        client = self.backend.client  # type: ignore[attr-defined]
        payload = {"file": text, "readHeader": False, "inheritEnv": True, "newConstants": True, "sorrys": True}
        units = [CompilationUnit.parse(u) for u in client.request("frontend.process", payload).get("units", ())]
        if self.session == self.backend.session:
            self.constants.extend(c for u in units for c in u.new_constants)
        errors = [m.data for u in units for m in u.messages if m.is_error]
        if not want_goal:
            for unit in units:
                if unit.goal_state_id is not None:
                    self.backend.release(ProofState(id=unit.goal_state_id, goals=unit.goals,
                                                    session=self.backend.session))
            return None, errors
        for unit in reversed(units):
            if unit.goal_state_id is not None:
                return ProofState(id=unit.goal_state_id, goals=unit.goals, session=self.backend.session), errors
        return None, errors or ["no sorry goal"]


# --------------------------------------------------------------------------- replay


def _goal_id(goal: Goal, index: int, goals: Sequence[Goal]) -> str:
    """Stable id of a goal: Pantograph's metavariable, else its text and occurrence (REPL)."""
    if goal.mvar_id:
        return goal.mvar_id
    text = goal.render()
    return f"{text}#{sum(1 for g in goals[:index] if g.render() == text)}"


def _ids(state: ProofState) -> list[str]:
    return [_goal_id(g, i, state.goals) for i, g in enumerate(state.goals)]


@dataclass(frozen=True)
class _Ctx:
    state: ProofState
    focus: tuple[str, ...]
    steps: tuple[Step, ...]


class Replayer:
    """Runs a proof's tactic syntax against a backend, one recorded step per checker call."""

    def __init__(self, backend: Backend, run: Optional[Callable[[ProofState, str, int], ProofState]] = None) -> None:
        self.backend = backend
        self.run_tactic = run or backend.run_tactic
        self.states: list[ProofState] = []  # made while replaying; released after each theorem

    # --- entry points
    def replay(self, state: ProofState, proof: Any, proof_text: str,
               source: Optional["TheoremSource"] = None) -> list[Step]:
        """All steps of ``proof`` from ``state`` (raises ``TraceError`` if the proof does not replay).

        Pattern-matching proofs (equations, a top-level ``match``) are replayed through their
        synthesized tactic reading (``prover.equations``) when ``source`` gives the statement."""
        ctx = _Ctx(state, tuple(_ids(state)), ())
        if isinstance(proof, ast.By):
            ctx = self.seq(proof.tactics, ctx)
        elif isinstance(proof, ast.Equations):
            if source is None:
                raise TraceError("proof by pattern-matching equations (no tactic to replay)")
            ctx = self.seq(self._reading(source), ctx)
        elif _ends_in_match(proof) and source is not None:
            try:
                ctx = self.seq(self._reading(source), ctx)
            except TraceError:  # the reading did not replay: the term as one `exact` step
                ctx = self.atomic(_Ctx(state, tuple(_ids(state)), ()), _as_exact(proof_text, proof))
        else:
            ctx = self.atomic(ctx, _as_exact(proof_text, proof))
        if ctx.state.goals:
            raise TraceError(f"proof leaves {len(ctx.state.goals)} goal(s) open")
        return list(ctx.steps)

    @staticmethod
    def _reading(source: "TheoremSource") -> ast.TacticSeq:
        """The synthesized tactic script of a pattern-matching proof, parsed."""
        from lean_bridge.syntax import parse_tactic_block
        from prover.equations import SynthesisError, equations_script, match_script

        try:
            if isinstance(source.proof, ast.Equations):
                script = equations_script(source.name, source.binders, source.type, source.proof,
                                          source.proof_text, source.proof_pos)
            else:
                script = match_script(source.name, source.binders, source.proof, source.proof_text,
                                      source.proof_pos)
            return parse_tactic_block(script)
        except SynthesisError as err:
            raise TraceError(f"pattern-matching proof: {err}") from None
        except Exception as err:  # noqa: BLE001 - a script the parser refuses is no reading
            raise TraceError(f"pattern-matching proof: script does not parse: {_short(str(err))}") from None

    # --- primitives
    def run(self, ctx: _Ctx, goal_id: str, text: str) -> tuple[_Ctx, list[str]]:
        """Run ``text`` on one goal: the new context (focus unchanged) and the ids of the new goals."""
        ids = _ids(ctx.state)
        if goal_id not in ids:
            raise TraceError(f"goal vanished before `{text}`")
        index = ids.index(goal_id)
        try:
            after = self.run_tactic(ctx.state, text, index)
        except LeanError as err:
            raise TraceError(f"`{_short(text)}` failed: {_short(str(err), 200)}") from None
        new_ids = _ids(after)
        old = set(ids)
        created = [i for i in new_ids if i not in old]
        self.states.append(after)
        step = Step(ctx.state.goals, index, text, after.goals)
        return _Ctx(after, ctx.focus, ctx.steps + (step,)), created

    def atomic(self, ctx: _Ctx, text: str) -> _Ctx:
        """Run a plain tactic on the main goal; its new goals replace it at the front."""
        if not ctx.focus:
            raise TraceError(f"no goals left for `{_short(text)}`")
        ctx2, created = self.run(ctx, ctx.focus[0], text)
        return self._refocus(ctx2, created + list(ctx.focus[1:]))

    @staticmethod
    def _refocus(ctx: _Ctx, focus: Sequence[str]) -> _Ctx:
        alive = set(_ids(ctx.state))
        return _Ctx(ctx.state, tuple(f for f in focus if f in alive), ctx.steps)

    def on(self, ctx: _Ctx, goal_id: str, body: Callable[[_Ctx], _Ctx], must_close: bool) -> tuple[_Ctx, list[str]]:
        """Run ``body`` with the goal list narrowed to one goal; (context, goals it left)."""
        inner = body(_Ctx(ctx.state, (goal_id,), ctx.steps))
        if must_close and inner.focus:
            raise TraceError("focused block left goals unsolved")
        return _Ctx(inner.state, ctx.focus, inner.steps), list(inner.focus)

    # --- syntax
    def seq(self, seq: ast.TacticSeq, ctx: _Ctx) -> _Ctx:
        for tac in seq.tactics:
            ctx = self.tactic(tac, ctx)
        return ctx

    def tactic(self, tac: Any, ctx: _Ctx) -> _Ctx:  # noqa: C901 - one branch per combinator
        """Interpret one tactic node."""
        if isinstance(tac, (ast.CDotTac,)) or (isinstance(tac, ast.Nested) and tac.bracket == "{"):
            return self._focused(ctx, lambda c: self.seq(tac.body, c), True)
        if isinstance(tac, ast.Nested):
            return self.seq(tac.body, ctx)
        if isinstance(tac, ast.Focus):
            return self._focused(ctx, lambda c: self.seq(tac.body, c), False)
        if isinstance(tac, ast.Case):
            for arg in tac.args:
                ctx = self._case(ctx, arg.tag, arg.names, tac.body)
            return ctx
        if isinstance(tac, ast.Next):
            if not ctx.focus:
                raise TraceError("no goals for `next`")
            return self._alt(ctx, ctx.focus[0], tac.names, tac.body, None)
        if isinstance(tac, ast.ThenAll):
            return self._then_all(ctx, tac)
        if isinstance(tac, (ast.AllGoals, ast.AnyGoals)):
            return self._all_goals(ctx, tac.body, isinstance(tac, ast.AnyGoals))
        if isinstance(tac, ast.Try):
            try:
                return self.seq(tac.body, ctx)
            except TraceError:
                return ctx
        if isinstance(tac, ast.First):
            errors = []
            for alt in tac.alts:
                try:
                    return self.seq(alt, ctx)
                except TraceError as err:
                    errors.append(str(err))
            raise TraceError("first: every alternative failed: " + "; ".join(errors))
        if isinstance(tac, ast.Repeat):
            for _ in range(MAX_REPEAT):
                try:
                    nxt = self.seq(tac.body, ctx)
                except TraceError:
                    break
                if nxt.state.goals == ctx.state.goals:
                    break
                ctx = nxt
            return ctx
        if isinstance(tac, ast.Iterate) and tac.count is not None:
            for _ in range(tac.count):
                ctx = self.seq(tac.body, ctx)
            return ctx
        if isinstance(tac, (ast.Iterate, ast.RepeatAll)):
            return self._repeat_all(ctx, tac.body, 0)
        if isinstance(tac, ast.OnGoal):
            n = len(ctx.focus)
            idx = tac.index - 1 if tac.index > 0 else n + tac.index
            if not 0 <= idx < n:
                raise TraceError(f"on_goal {tac.index}: no such goal")
            goal_id = ctx.focus[idx]
            ctx2, left = self.on(ctx, goal_id, lambda c: self.seq(tac.body, c), False)
            focus = list(ctx.focus[:idx]) + left + list(ctx.focus[idx + 1:])
            return self._refocus(ctx2, focus)
        if isinstance(tac, ast.Rotate):
            focus = list(ctx.focus)
            if focus:
                k = tac.count % len(focus)
                focus = focus[k:] + focus[:k] if tac.left else focus[len(focus) - k:] + focus[:len(focus) - k]
            return _Ctx(ctx.state, tuple(focus), ctx.steps)
        if isinstance(tac, ast.Skip):
            return ctx
        if isinstance(tac, ast.Done):
            if ctx.focus:
                raise TraceError("done: goals remain")
            return ctx
        if isinstance(tac, (ast.Cases, ast.Induction)) and tac.alts:
            return self._with_alts(ctx, tac)
        return self.atomic(ctx, _dedent(tac.source, tac.pos[1]))

    def _focused(self, ctx: _Ctx, body: Callable[[_Ctx], _Ctx], must_close: bool) -> _Ctx:
        if not ctx.focus:
            raise TraceError("no goals to focus on")
        ctx2, left = self.on(ctx, ctx.focus[0], body, must_close)
        return self._refocus(ctx2, left + list(ctx.focus[1:]))

    def _case(self, ctx: _Ctx, tag: str, names: Sequence[str], body: ast.TacticSeq) -> _Ctx:
        goal_id = self._find_tag(ctx, tag, ctx.focus)
        return self._alt(ctx, goal_id, names, body, None)

    def _find_tag(self, ctx: _Ctx, tag: str, among: Sequence[str]) -> str:
        by_id = dict(zip(_ids(ctx.state), ctx.state.goals))
        for goal_id in among:
            case = by_id[goal_id].case or ""
            if tag == "_" or case == tag or case.endswith("." + tag):
                return goal_id
        raise TraceError(f"case {tag}: no goal with this tag")

    def _alt(self, ctx: _Ctx, goal_id: str, names: Sequence[str], body: ast.TacticSeq,
             parent: Optional[Goal]) -> _Ctx:
        """Name the goal's newest inaccessible hypotheses ``names``, then close it with ``body``.

        ``case``/``next`` rename the last inaccessible hypotheses (Lean's ``rename_i``). A
        ``cases``/``induction`` alternative names the constructor's *explicit* fields, which
        follow its implicit ones: the implicit-field count is not in the goal, so each count is
        tried (0 first) until the alternative's tactics replay.
        """
        names = list(names)
        if not names or all(n == "_" for n in names):
            return self._close(ctx, goal_id, body)
        goal = dict(zip(_ids(ctx.state), ctx.state.goals))[goal_id]
        fresh = sum(h.inaccessible for h in goal.hypotheses)
        if parent is not None:
            fresh -= sum(h.inaccessible for h in parent.hypotheses)
        if parent is None or fresh <= len(names):
            patterns = [names[-fresh:] if 0 < fresh < len(names) else names]
        else:  # which of the new hypotheses are the explicit fields: leading implicit ones first
            slots = sorted(itertools.combinations(range(fresh), len(names)),
                           key=lambda pos: (pos != tuple(range(pos[0], pos[0] + len(names))), pos))
            patterns = []
            for pos in slots[:12]:
                pattern = ["_"] * fresh
                for p, n in zip(pos, names):
                    pattern[p] = n
                patterns.append(pattern)
        first_error: Optional[TraceError] = None
        for pattern in patterns:
            try:
                ctx2, created = self.run(ctx, goal_id, "rename_i " + " ".join(pattern))
                return self._close(ctx2, created[0] if created else goal_id, body, drop=goal_id)
            except TraceError as err:
                first_error = first_error or err
        assert first_error is not None
        raise first_error

    def _close(self, ctx: _Ctx, goal_id: str, body: ast.TacticSeq, drop: Optional[str] = None) -> _Ctx:
        """Run ``body`` on one goal, which it must close; that goal leaves the focus."""
        ctx2, _ = self.on(ctx, goal_id, lambda c: self.seq(body, c), True)
        focus = [f for f in ctx.focus if f not in (goal_id, drop)]
        return self._refocus(ctx2, focus)

    def _then_all(self, ctx: _Ctx, tac: ast.ThenAll) -> _Ctx:
        if not ctx.focus:
            raise TraceError("no goals for `<;>`")
        ctx2, produced = self.on(ctx, ctx.focus[0], lambda c: self.tactic(tac.first, c), False)
        left: list[str] = []
        for goal_id in produced:
            if goal_id not in _ids(ctx2.state):
                continue
            ctx2, rest = self.on(ctx2, goal_id, lambda c: self.tactic(tac.then, c), False)
            left.extend(rest)
        return self._refocus(ctx2, left + list(ctx.focus[1:]))

    def _all_goals(self, ctx: _Ctx, body: ast.TacticSeq, any_goal: bool) -> _Ctx:
        left: list[str] = []
        progressed = False
        for goal_id in ctx.focus:
            if goal_id not in _ids(ctx.state):
                continue
            try:
                ctx, rest = self.on(ctx, goal_id, lambda c: self.seq(body, c), False)
                progressed = True
            except TraceError:
                if not any_goal:
                    raise
                rest = [goal_id]
            left.extend(rest)
        if any_goal and not progressed:
            raise TraceError("any_goals: failed on every goal")
        return self._refocus(ctx, left)

    def _repeat_all(self, ctx: _Ctx, body: ast.TacticSeq, depth: int) -> _Ctx:
        left: list[str] = []
        for goal_id in ctx.focus:
            if goal_id not in _ids(ctx.state):
                continue
            try:
                ctx2, rest = self.on(ctx, goal_id, lambda c: self.seq(body, c), False)
            except TraceError:
                left.append(goal_id)
                continue
            if depth < MAX_REPEAT and rest != [goal_id]:
                inner = self._repeat_all(_Ctx(ctx2.state, tuple(rest), ctx2.steps), body, depth + 1)
                ctx, rest = _Ctx(inner.state, ctx.focus, inner.steps), list(inner.focus)
            else:
                ctx = ctx2
            left.extend(rest)
        return self._refocus(ctx, left)

    def _with_alts(self, ctx: _Ctx, tac: Any) -> _Ctx:
        """``cases``/``induction … with | tag names => tacs``: bare tactic, then each alternative."""
        if not ctx.focus:
            raise TraceError("no goals for cases/induction")
        cut = _alts_start(tac)
        head = re.sub(r"\s*with\s*$", "", tac.source[:cut].rstrip())
        parent = dict(zip(_ids(ctx.state), ctx.state.goals))[ctx.focus[0]]
        ctx2, created = self.run(ctx, ctx.focus[0], _dedent(head, tac.pos[1]))
        pending = list(created)
        for alt in tac.alts:
            targets = list(pending) if alt.tag == "_" else [self._find_tag(ctx2, alt.tag, pending)]
            for goal_id in targets:
                pending.remove(goal_id)
                ctx2 = _Ctx(ctx2.state, tuple(pending + [goal_id]), ctx2.steps)
                ctx2 = self._alt(ctx2, goal_id, alt.names, alt.body, parent)
        return self._refocus(ctx2, pending + list(ctx.focus[1:]))


def _ends_in_match(term: Any) -> bool:
    """A ``match`` term, or ``have …`` (term-mode) chains ending in one."""
    while isinstance(term, ast.Have):
        term = term.body
    return isinstance(term, ast.Match)


def _alts_start(tac: Any) -> int:
    """Offset in ``tac.source`` where the first alternative (``| tag``) begins."""
    first = tac.alts[0]
    lines = tac.source.split("\n")
    line_off = first.pos[0] - tac.pos[0]
    base = sum(len(l) + 1 for l in lines[:line_off])
    col = first.pos[1] - (tac.pos[1] if line_off == 0 else 0)
    idx = base + col
    # the alternative's span may start at its tag; back up to the `|`
    bar = tac.source.rfind("|", 0, idx + 1)
    return bar if bar >= 0 else idx


def _dedent(text: str, column: Optional[int] = None) -> str:
    """Shift continuation lines left by ``column`` (the text's first column in its file), keeping
    their indentation relative to the first line; default: their common indentation."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    rest = [l for l in lines[1:] if l.strip()]
    common = min((len(l) - len(l.lstrip(" ")) for l in rest), default=0)
    indent = min(common, column) if column is not None else common
    return "\n".join([lines[0]] + [l[indent:] if l.strip() else "" for l in lines[1:]])


def _as_exact(proof_text: str, proof: Any) -> str:
    """A term proof as one ``exact`` step. Its continuation lines keep their columns relative to the
    term's first token, as in the file, when the term began at most at column 6: Lean's column rules
    (``have … := by`` on one line and the tactics below it, which must lie right of the ``have``)
    depend on them. A term that began further right (after ``:=`` on the statement's line) cannot be
    moved so far left: its continuation lines are indented under ``exact`` instead."""
    text = proof_text.strip()
    column = getattr(proof, "pos", (1, -1))[1]
    shift = len("exact ") - column
    if column < 0 or shift < 0 or "\n" not in text:
        return "exact " + _indent_rest(_dedent(text))
    lines = text.split("\n")
    return "exact " + "\n".join(lines[:1] + [" " * shift + l if l.strip() else "" for l in lines[1:]])


def _indent_rest(text: str) -> str:
    """Continuation lines of a term indented under ``exact`` so they stay part of it."""
    lines = text.split("\n")
    return "\n".join(lines[:1] + ["  " + l if l.strip() else l for l in lines[1:]])


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --------------------------------------------------------------------------- files


@dataclass
class TracedTheorem:
    """A theorem's replay: its steps, or why it could not be replayed."""

    name: str
    line: int
    steps: list[Step]
    error: Optional[str] = None


def trace_text(backend: Backend, text: str, env: Optional[Environment] = None) -> Iterator[TracedTheorem]:
    """Replay every theorem of a Lean file's text, in order; ``env`` carries earlier files' declarations."""
    env = env or Environment(backend)
    replayer = Replayer(backend)
    for thm in split_theorems(text):
        try:
            state, errors = env.open(thm)
        except BackendError as err:
            yield TracedTheorem(thm.name, thm.line, [], f"backend: {_short(str(err), 200)}")
            continue
        if state is None or not state.goals:
            yield TracedTheorem(thm.name, thm.line, [], "statement: " + _short("; ".join(errors) or "no goal", 200))
            continue
        try:
            steps = replayer.replay(state, thm.proof, thm.proof_text, thm)
            result = TracedTheorem(thm.name, thm.line, steps)
        except TraceError as err:
            result = TracedTheorem(thm.name, thm.line, [], str(err))
        except BackendError as err:
            result = TracedTheorem(thm.name, thm.line, [], f"backend: {_short(str(err), 200)}")
        backend.release(state, *replayer.states)
        replayer.states = []
        yield result
