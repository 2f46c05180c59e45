"""Read one human step structurally into atomic actions, executing as it reads (each action checked).

``exact``/term-mode terms: an identifier is ``exact_hyp``/``exact_premise``; ``f a b`` is
``apply f`` and then each goal it leaves is solved by the arguments, in order; ``⟨a, b⟩`` is
``constructor`` (or ``exists`` with a goal subterm for ``∃``) then the components; ``fun x ⟨a, b⟩
=> e`` is ``intro`` (and ``cases`` for patterns) then ``e``; ``h.1``/``h.2`` is ``cases h`` then
``assumption``; ``h.symm`` is ``symm`` then ``exact h``. Goals the arguments do not account for
get a closer (``assumption``, ``rfl``, ``trivial``, ``contradiction``). ``rintro``/``obtain``/
``rcases``/``intro ⟨…⟩`` patterns become ``intro`` and nested ``cases`` (``rfl`` patterns
``subst``). Lean core's term idioms: ``.inl a`` is resolved against the goal's head type;
``f ∘ g`` is ``intro`` then ``apply f``, ``apply g``, a closer; ``Or.rec f g``/``.rec f g`` and
``h.elim f g`` (functions) are ``cases`` then each case by its function; ``P a ▸ e`` builds ``P a``
in the context and rewrites with it; ``fun | .inl h => a | .inr h => b`` is ``intro``, ``cases``,
each case by its pattern; ``nofun``/``nomatch h`` are ``intro``/``cases``; ``if h : p then a else
b`` is ``by_cases``; ``have h : T := v; e`` builds ``v`` as ``h``; ``f <| x`` is ``f x``; ``@f _ x``
applies ``f``. Names the term binds (``fun hp =>``, ``⟨ha, hb⟩``, ``if ha :``) follow the
hypotheses made for them (``Reader.alias``), since ``intro``/``cases`` name them after the goal.
Reading is not search: each construct has one reading (a few tries for the
closers and for ``∃`` witnesses), so its length is bounded by the term's size, not by a depth.
"""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any, Callable, Optional, Sequence

from lean_bridge import Goal, ProofState
from lean_bridge.syntax import ast, parse_tactic_block
from lean_bridge.term import mk_fvar
from prover.actions import Action, _sexp_of, _strip_foralls, closed_subterms, head_const

CLOSERS = ("assumption", "rfl", "trivial", "contradiction")
Run = Callable[[ProofState, int, Action], tuple[Optional[ProofState], str]]


class Reader:
    """Executes readings through ``run`` (which renders, checks and counts each action)."""

    def __init__(self, run: Run, resolve: Callable[[str], Optional[str]], limit: int = 120, forward: bool = True,
                 fields: Optional[Callable[[str], list[str]]] = None, first_component_first: bool = False) -> None:
        self.run = run
        self.resolve = resolve
        # the premises a generalized field ``x.f`` may mean (``Or.resolve_left``, ``Iff.trans``, …)
        self.fields = fields or (lambda field: [])
        self.limit = limit
        self.used = 0
        self.forward = forward  # False: no facts built in the context (``materialize`` declines)
        # names the term binds (``fun hnp =>``, ``⟨ha, hb⟩``, ``if ha : a``) -> the hypothesis (fvar id)
        # the actions made for them: ``intro``/``cases`` name it after the goal, not after the term
        self.alias: dict[str, str] = {}
        # the order a tuple pattern's components are taken apart in: the last first (default), or the
        # first first; the two leave the hypotheses in different orders, and the human step decides
        self.first_component_first = first_component_first

    def _hi(self, goal: Optional[Goal], name: str) -> Optional[int]:
        """Index of the hypothesis the term's ``name`` means: a bound alias first, else by name."""
        if goal is None:
            return None
        fv = self.alias.get(name)
        if fv is not None:
            for i, h in enumerate(goal.hypotheses):
                if h.fvar_id == fv:
                    return i
        return _hyp_index(goal, name)

    def _hfv(self, state: ProofState, gid: str, name: str) -> Optional[str]:
        goal = _goal(state, gid)
        i = self._hi(goal, name)
        return goal.hypotheses[i].fvar_id if i is not None else None

    def bind(self, name: Optional[str], state: ProofState, gid: str, fvar: Optional[str] = None) -> None:
        """Let ``name`` mean ``fvar`` (default: goal ``gid``'s newest hypothesis)."""
        if not name or name == "_":
            return
        fv = fvar or _last_fvar(state, gid)
        if fv is not None:
            self.alias[name] = fv

    # --- plumbing: a partial result is (state, steps); steps are (before goals, index, action, text)
    def act(self, state: ProofState, gid: str, action: Action, steps: list) -> Optional[tuple[ProofState, list[str]]]:
        """Run ``action`` on the goal with metavariable ``gid``; (state, created goal ids) or None."""
        idx = _index(state, gid)
        if idx is None or self.used >= self.limit:
            return None
        self.used += 1
        nxt, text = self.run(state, idx, action)
        if nxt is None:
            return None
        steps.append((state.goals, idx, action, text))
        old = {g.mvar_id for g in state.goals}
        return nxt, [g.mvar_id for g in nxt.goals if g.mvar_id not in old]

    def closed(self, state: ProofState, gid: str, created: Sequence[str]) -> bool:
        ids = {g.mvar_id for g in state.goals}
        return gid not in ids and not any(c in ids for c in created)

    def act_then(self, state: ProofState, gid: str, action: Action, steps: list,
                 then: Callable[[ProofState, str], Optional[ProofState]]) -> Optional[ProofState]:
        """Run ``action``; the state if it closed the goal, else ``then`` on its single new goal (else None)."""
        res = self.act(state, gid, action, steps)
        if res is None:
            return None
        if self.closed(res[0], gid, res[1]):
            return res[0]
        return then(res[0], res[1][0]) if len(res[1]) == 1 else None

    # --- terms
    def solve(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """Close goal ``gid`` following ``term``; the state after, or None (``steps`` then undefined)."""
        mark = len(steps)
        term = _dotted(self._undot(state, gid, _unpipe(term)))
        for attempt in self._readings(term):
            del steps[mark:]
            out = attempt(state, gid, steps)
            if out is not None and gid not in {g.mvar_id for g in out.goals}:
                return out
        del steps[mark:]
        return None

    def _readings(self, term: Any) -> list[Callable[[ProofState, str, list], Optional[ProofState]]]:
        if isinstance(term, ast.BinOp) and term.op == "▸" and isinstance(term.lhs, ast.Proj) \
                and isinstance(term.lhs.term, ast.Ident) and term.lhs.field == "symm":  # `(ih).symm ▸ e`
            lhs = ast.Ident(term.lhs.pos, term.lhs.end_pos, f"{term.lhs.term.name}.symm", None)
            term = ast.BinOp(term.pos, term.end_pos, term.op, lhs, term.rhs)
        if isinstance(term, (ast.TypeAscription,)):
            return self._readings(term.term)
        if isinstance(term, ast.Show) and getattr(term, "value", None) is not None:
            return self._readings(term.value)
        out: list = []
        if isinstance(term, ast.By):
            out.append(lambda s, g, st: self._by(s, g, list(term.tactics.tactics), st))
        if isinstance(term, ast.Ident):
            out.append(lambda s, g, st: self._ident(s, g, term.name, st))
            out.append(lambda s, g, st: self._app(s, g, term.name, [], st))  # a function: apply, then close
        elif isinstance(term, ast.App) and isinstance(term.fn, ast.Ident) and term.fn.name.endswith(".elim") \
                and len(term.args) == 2:
            out.append(lambda s, g, st: self._elim(s, g, term.fn.name[:-len(".elim")], list(term.args), st))
        if isinstance(term, ast.App) and isinstance(term.fn, ast.Ident) and term.fn.name == "congrArg" \
                and len(term.args) == 2 and isinstance(term.args[0], ast.Ident):
            out.append(lambda s, g, st: self._congr_arg(s, g, term.args[0].name, term.args[1], st))
        if isinstance(term, ast.App) and isinstance(term.fn, ast.Ident):
            args = [a for a in term.args if not isinstance(a, ast.NamedArg)]
            out.append(lambda s, g, st: self._app(s, g, term.fn.name, args, st))
        elif isinstance(term, ast.AnonymousCtor):
            out.append(lambda s, g, st: self._ctor(s, g, list(term.args), st))
        elif isinstance(term, ast.Fun):
            out.append(lambda s, g, st: self._fun(s, g, list(term.binders), term.body, st))
        elif isinstance(term, ast.Proj) and isinstance(term.term, ast.Ident):
            out.append(lambda s, g, st: self._proj(s, g, term.term.name, st))
        elif isinstance(term, ast.Proj) and term.field in (1, 2, "1", "2", "left", "right", "mp", "mpr"):
            out.append(lambda s, g, st: self._proj_app(s, g, term, st))
        elif isinstance(term, ast.BinOp) and term.op == "▸" and isinstance(term.lhs, ast.Ident):
            for kind in ("subst_hyp", "rw_hyp", "rw_rev_hyp"):
                out.append(lambda s, g, st, kind=kind: self._subst(s, g, kind, term.lhs.name, term.rhs, st))
        if isinstance(term, ast.BinOp) and term.op == "▸" and isinstance(term.lhs, ast.Ident) \
                and term.lhs.name.endswith(".symm"):  # `e.symm ▸ h`: rewrite with `e` itself
            for kind in ("subst_hyp", "rw_rev_hyp", "rw_hyp"):
                out.append(lambda s, g, st, kind=kind: self._subst(s, g, kind, term.lhs.name[:-5], term.rhs, st))
        if isinstance(term, ast.BinOp) and term.op == "▸":  # the bare lemma first: one step, not a built fact
            for kind in ("rw_premise", "rw_rev_premise"):
                out.append(lambda s, g, st, kind=kind: self._subst_premise(s, g, kind, term.lhs, term.rhs, st))
            for kind in ("rw_hyp", "rw_rev_hyp"):
                out.append(lambda s, g, st, kind=kind: self._subst_fact(s, g, kind, term.lhs, term.rhs, st))
        if isinstance(term, ast.Proj) and term.field == "symm" and not isinstance(term.term, ast.Ident):
            out.append(lambda s, g, st: self.act_then(s, g, Action("symm"), st,
                                                      lambda s2, g2: self.solve(s2, g2, term.term, st)))
        if isinstance(term, ast.App) and isinstance(term.fn, ast.Ident) and term.fn.name == "flip" \
                and len(term.args) == 1:
            out.append(lambda s, g, st: self._flip(s, g, term.args[0], st))
        if isinstance(term, ast.App) and isinstance(term.fn, ast.Explicit):
            # `@ih _ h`: apply the function (the holes are its implicit arguments, found by unification)
            kept = [a for a in term.args if not isinstance(a, (ast.Hole, ast.NamedArg))]
            out.append(lambda s, g, st: self._app(s, g, term.fn.ident.name, kept, st))
        if isinstance(term, ast.Have) and term.pattern is None and not term.binders:
            out.append(lambda s, g, st: self._have(s, g, term, st))
            inlined = _inline_have(term)
            if inlined is not None:  # `have h : T := by …; f h`: `f (by …)`, the new statement as `f`'s goal
                out.append(lambda s, g, st: self.solve(s, g, inlined, st))
        if isinstance(term, ast.FunMatch) and all(len(a.patterns) == 1 for a in term.alts):
            out.append(lambda s, g, st: self._fun_match(s, g, list(term.alts), st))
        if isinstance(term, ast.NoFun):
            out.append(self._nofun)
        if isinstance(term, ast.NoMatch) and len(term.discrs) == 1 and isinstance(term.discrs[0], ast.Ident):
            out.append(lambda s, g, st: self._nomatch(s, g, term.discrs[0].name, st))
        if isinstance(term, ast.If) and term.hyp is not None and isinstance(term.cond, ast.Ident):
            out.append(lambda s, g, st: self._dite(s, g, term, st))
        if isinstance(term, ast.BinOp) and term.op == "∘":
            out.append(lambda s, g, st: self._compose(s, g, term, st))
        if isinstance(term, ast.App) and isinstance(term.fn, ast.Ident) and term.fn.name.endswith((".rec", ".elim")) \
                and len(term.args) >= 1:
            head = term.fn.name.rpartition(".")[0]
            minors = [a for a in term.args if not isinstance(a, ast.NamedArg)]
            if head in ("Or", "And", "Exists"):  # `Or.rec f g` as a function: intro, cases, each case by its minor
                out.append(lambda s, g, st: self._rec_fn(s, g, minors, st))
            elif len(minors) == 2:  # `h.elim f g` with functions: cases h, each case by its function
                out.append(lambda s, g, st: self._elim_fns(s, g, head, minors, st))
        if isinstance(term, ast.App) and isinstance(term.fn, ast.Proj) and not isinstance(term.fn.term, ast.Ident) \
                and term.fn.field in (1, 2, "1", "2", "mp", "mpr"):  # `(P h).2 x`: `Iff.mpr (P h) x`
            iff = "Iff.mp" if term.fn.field in (1, "1", "mp") else "Iff.mpr"
            out.append(lambda s, g, st: self._app(s, g, iff, [term.fn.term] + list(term.args), st))
        field_of = _field_call(term)
        if field_of is not None:  # `(P ..).resolve_left h`, `P.trans Q`: `T.f` applied to the receiver first
            receiver, field, rest = field_of
            out.append(lambda s, g, st: self._field_app(s, g, receiver, field, rest, st))
        if isinstance(term, (ast.App, ast.Proj)) or (isinstance(term, ast.Ident) and "." in term.name):
            out.append(lambda s, g, st: self._forward_exact(s, g, term, st))
        if not isinstance(term, (ast.Fun, ast.FunMatch, ast.NoFun)):
            out.append(lambda s, g, st: self._implicit_intro(s, g, term, st))
        out.append(self._closer)
        return out

    def _implicit_intro(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """A term against ``∀ {l}, …``: Lean introduces the implicit binder first, then elaborates it."""
        goal = _goal(state, gid)
        if goal is None or not goal.target.pp.startswith("∀ {"):
            return None
        return self.act_then(state, gid, Action("intro"), steps, lambda st, g: self.solve(st, g, term, steps))

    def _undot(self, state: ProofState, gid: str, term: Any) -> Any:
        """``.inl a`` / ``.imp f g``: the leading-dot name resolved against the goal's head type
        (``Or.inl``), as Lean resolves it against the expected type (a function type's result)."""
        fn = term.fn if isinstance(term, ast.App) else term
        if not isinstance(fn, ast.DotIdent):
            return term
        goal = _goal(state, gid)
        tree = _sexp_of(goal.target.sexp_text) if goal is not None else None
        while isinstance(tree, tuple) and tree[:1] == (":forall",) and len(tree) >= 4:
            tree = tree[3]
        head = head_const(tree)
        if head is None:
            return term
        ident = ast.Ident(fn.pos, fn.end_pos, f"{head}.{fn.name}", None)
        return ast.App(term.pos, term.end_pos, ident, term.args) if isinstance(term, ast.App) else ident

    def _subst_fact(self, state: ProofState, gid: str, kind: str, lhs: Any, rest: Any, steps: list) -> Optional[ProofState]:
        """``P a ▸ e``: the equation built in the context (``fact``), the goal rewritten with it, then ``e``."""
        if isinstance(lhs, ast.Ident) and self._hi(_goal(state, gid), lhs.name) is not None:
            return None  # a plain hypothesis: ``_subst``
        made = self.fact(state, gid, lhs, steps)
        if made is None:
            return None
        state, gid = made
        last = len(_goal(state, gid).hypotheses) - 1
        return self.act_then(state, gid, Action(kind, hyp=last), steps,
                             lambda st, g: self.solve(st, g, rest, steps))

    def _by(self, state: ProofState, gid: str, tactics: list, steps: list) -> Optional[ProofState]:
        """``by tac₁; tac₂`` inside a term (``show T by rw [a, h]``, ``⟨_, by simp_all⟩``): each tactic
        by its own atomic reading (``rw`` rule by rule with the bare rule, ``exact`` as a term, the
        argument-free tactics, ``simp``/``simp [x]``), on the goal the previous one left."""
        current: Optional[str] = gid
        for n, tac in enumerate(tactics):
            if current is None or _index(state, current) is None:
                return None
            if isinstance(tac, ast.Exact):
                solved = self.solve(state, current, tac.term, steps)
                if solved is None:
                    return None
                state, current = solved, None
                continue
            actions = self._tactic_actions(state, current, tac)
            if actions is None:
                return None
            for action in actions:
                if current is None:
                    return None
                res = self.act(state, current, action, steps)
                if res is None or len(res[1]) > 1:
                    return None
                state, current = res[0], (res[1][0] if res[1] else None)
        return state if current is None or _index(state, current) is None else None

    def _tactic_actions(self, state: ProofState, gid: str, tac: Any) -> Optional[list[Action]]:
        """The atomic actions of one simple tactic (None when it has no such reading here)."""
        simple = {ast.Constructor: "constructor", ast.Left: "left", ast.Right: "right", ast.Rfl: "rfl",
                  ast.Exfalso: "exfalso", ast.Contradiction: "contradiction", ast.Assumption: "assumption",
                  ast.Trivial: "trivial", ast.Symm: "symm"}
        if type(tac) in simple:
            return [Action(simple[type(tac)])]
        if isinstance(tac, ast.Intro) and all(isinstance(p, (ast.Ident, ast.Hole)) for p in tac.patterns):
            return [Action("intro")] * max(1, len(tac.patterns))
        if isinstance(tac, ast.Apply) and isinstance(tac.term, ast.Ident):
            action = self._ref(state, gid, tac.term.name, "apply_hyp", "apply_premise")
            return [action] if action else None
        if isinstance(tac, ast.Simp) and tac.config is None and tac.using is None and tac.location is None \
                and not tac.only:
            args = tac.args or ()
            if not args:
                return [Action("simp_all" if tac.variant == "simp_all" else "simp")] \
                    if tac.variant in ("simp", "simp_all") else None
            if tac.variant == "simp" and len(args) == 1 and args[0].kind == "lemma" and not args[0].symm \
                    and isinstance(args[0].term, ast.Ident):
                action = self._ref(state, gid, args[0].term.name, "simp_hyp", "simp_premise")
                return [action] if action else None
            return None
        if isinstance(tac, ast.Rewrite) and tac.location is None and tac.config is None and tac.variant == "rw":
            out = []
            for rule in tac.rules:
                term, symm = rule.term, rule.symm
                if isinstance(term, ast.Ident) and term.name.endswith(".symm") \
                        and self._hi(_goal(state, gid), term.name[:-5]) is not None:
                    term, symm = ast.Ident(term.pos, term.end_pos, term.name[:-5], None), not symm
                if not isinstance(term, ast.Ident):
                    return None
                action = self._ref(state, gid, term.name, "rw_rev_hyp" if symm else "rw_hyp",
                                   "rw_rev_premise" if symm else "rw_premise")
                if action is None:
                    return None
                out.append(action)
            return out
        return None

    def _field_app(self, state: ProofState, gid: str, receiver: Any, field: str, rest: list, steps: list) -> Optional[ProofState]:
        """``x.f a``: ``T.f x a`` for the premises ``T.f`` (those of the goal's head type ``T`` first,
        a few at most), each read as an application."""
        goal = _goal(state, gid)
        head = head_const(_strip_foralls(_sexp_of(goal.target.sexp_text))) if goal is not None else None
        names = sorted(self.fields(field), key=lambda n: n.rpartition(".")[0] != head)
        mark = len(steps)
        for full in names[:5]:
            done = self._app(state, gid, full, [receiver] + rest, steps)
            if done is not None:
                return done
            del steps[mark:]
        return None

    def _subst_premise(self, state: ProofState, gid: str, kind: str, lhs: Any, rest: Any, steps: list) -> Optional[ProofState]:
        """``(P a b).symm ▸ e``: the goal rewritten with the bare lemma ``P`` (either way; the checker
        tells which instance it finds), then ``e``."""
        while isinstance(lhs, (ast.Proj, ast.App)):
            if isinstance(lhs, ast.Proj) and lhs.field != "symm":
                return None
            lhs = lhs.term if isinstance(lhs, ast.Proj) else lhs.fn
        if isinstance(lhs, ast.Ident) and lhs.name.endswith(".symm"):
            lhs = ast.Ident(lhs.pos, lhs.end_pos, lhs.name[:-5], None)
        if not isinstance(lhs, ast.Ident) or self._hi(_goal(state, gid), lhs.name) is not None:
            return None
        name = self.resolve(lhs.name)
        if name is None:
            return None
        return self.act_then(state, gid, Action(kind, premise=name), steps,
                             lambda st, g: self.solve(st, g, rest, steps))

    def _flip(self, state: ProofState, gid: str, fn: Any, steps: list) -> Optional[ProofState]:
        """``flip f`` for a goal ``b → a → c``: ``intro`` both, then ``f`` applied (its premises closed
        from the context)."""
        current, mark = gid, len(steps)
        for count in range(1, 5):  # implicit binders first (`∀ {a b}, a ≤ b → ¬b < a`), then the two
            res = self.act(state, current, Action("intro"), steps)
            if res is None or len(res[1]) != 1:
                return None
            state, (current,) = res
            if count >= 2:
                at = len(steps)
                solved = self.solve(state, current, fn, steps)
                if solved is not None:
                    return solved
                del steps[at:]
        del steps[mark:]
        return None

    def _congr_arg(self, state: ProofState, gid: str, fn: str, proof: Any, steps: list) -> Optional[ProofState]:
        """``congrArg f h`` (``f`` a constant): ``apply congrArg f`` (the goal ``f a = f b`` up to
        unfolding becomes ``a = b``), then ``h``."""
        name = self.resolve(fn)
        if name is None:
            return None
        return self.act_then(state, gid, Action("congr_arg_premise", premise=name), steps,
                             lambda st, g: self.solve(st, g, proof, steps))

    def _fun_match(self, state: ProofState, gid: str, alts: list, steps: list) -> Optional[ProofState]:
        """``fun | .inl h => a | .inr h => b``: ``intro``, ``cases`` it, each case's fields taken
        apart by its pattern, then its right-hand side (one alternative: ``fun pat => e``)."""
        if len(alts) == 1:
            return self._fun(state, gid, [alts[0].patterns[0]], alts[0].rhs, steps)
        res = self.act(state, gid, Action("intro"), steps)
        if res is None or len(res[1]) != 1:
            return None
        state, (current,) = res
        goal = _goal(state, current)
        before = {h.fvar_id for h in goal.hypotheses[:-1]}
        res = self.act(state, current, Action("cases_hyp", hyp=len(goal.hypotheses) - 1), steps)
        if res is None:
            return None
        state, created = res
        rows = []
        for alt in alts:
            pat = alt.patterns[0]
            fn, args = (pat.fn, list(pat.args)) if isinstance(pat, ast.App) else (pat, [])
            if not isinstance(fn, (ast.DotIdent, ast.Ident)):
                return None
            rows.append((fn.name.rpartition(".")[2], args, alt.rhs))
        for pos, goal_id in enumerate(created):
            if _index(state, goal_id) is None:
                continue
            case = (_goal(state, goal_id).case or "").rpartition(".")[2]
            row = next((r for r in rows if r[0] == case), rows[pos] if pos < len(rows) else None)
            if row is None:
                return None
            _, args, rhs = row
            new = [h.fvar_id for h in _goal(state, goal_id).hypotheses if h.fvar_id not in before]
            left = [goal_id]
            for fv, sub in reversed(list(zip(new[len(new) - len(args):], args))):
                if len(left) != 1:
                    return None
                got = self.destruct(state, left[0], fv, _term_pattern(sub), steps)
                if got is None:
                    return None
                state, left = got
            for g in left:
                solved = self.solve(state, g, rhs, steps)
                if solved is None:
                    return None
                state = solved
        return state

    def _have(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """``have h : T := v; e``: the fact ``v`` built in the context (``fact``), named ``h``, then ``e``."""
        value = _unpipe(term.value)
        goal = _goal(state, gid)
        if isinstance(value, ast.Ident) and goal is not None and self._hi(goal, value.name) is not None:
            i = self._hi(goal, value.name)
            self.bind(term.name or "this", state, gid, goal.hypotheses[i].fvar_id)
            return self.solve(state, gid, term.body, steps)
        made = self.fact(state, gid, value, steps)
        if made is None:
            return None
        state, gid = made
        self.bind(term.name or "this", state, gid)
        return self.solve(state, gid, term.body, steps)

    def match_cases(self, state: ProofState, gid: str, discr: Any, alts: list, steps: list) -> Optional[ProofState]:
        """``match e with | p₁ => t₁ | …`` (one discriminant): ``e`` in the context (a hypothesis, or
        built by ``fact``), one alternative taken apart by its pattern, several by ``cases`` (each case
        matched to its alternative by constructor: ``0``/``n+1`` are ``zero``/``succ``), then each
        right-hand side (``by`` tactics or a term) closes its case."""
        goal = _goal(state, gid)
        if goal is None:
            return None
        i = self._hi(goal, discr.name) if isinstance(discr, ast.Ident) else None
        if i is not None:
            fv = goal.hypotheses[i].fvar_id
        else:
            made = self.fact(state, gid, discr, steps)
            if made is None:
                return None
            state, gid = made
            fv = _last_fvar(state, gid)
        if len(alts) == 1:
            got = self.destruct(state, gid, fv, _term_pattern(alts[0].patterns[0]), steps)
            if got is None:
                return None
            state, left = got
            for g in left:
                state = self.solve(state, g, alts[0].rhs, steps)
                if state is None:
                    return None
            return state
        k = _fvar_index(state, gid, fv)
        if k is None:
            return None
        before = {h.fvar_id for h in _goal(state, gid).hypotheses}
        res = self.act(state, gid, Action("cases_hyp", hyp=k), steps)
        if res is None or len(res[1]) != len(alts):
            return None
        state, created = res
        for goal_id, alt in zip(created, alts):
            if _index(state, goal_id) is None:
                continue
            pat = alt.patterns[0]
            new = [h.fvar_id for h in _goal(state, goal_id).hypotheses if h.fvar_id not in before]
            if isinstance(pat, ast.BinOp) and pat.op == "+" and isinstance(pat.lhs, ast.Ident) and new:
                self.bind(pat.lhs.name, state, goal_id, new[0])  # `a+1`: the predecessor is `a`
            elif isinstance(pat, ast.App) and len(pat.args) == len(new):
                for sub, f in zip(pat.args, new):
                    if isinstance(sub, ast.Ident):
                        self.bind(sub.name, state, goal_id, f)
            elif not isinstance(pat, (ast.Num, ast.Ident, ast.DotIdent, ast.Hole)):
                return None
            solved = self.solve(state, goal_id, alt.rhs, steps)
            if solved is None:
                return None
            state = solved
        return state

    def _nofun(self, state: ProofState, gid: str, steps: list) -> Optional[ProofState]:
        """``nofun``: ``intro`` then ``cases`` on it, until a case split closes the goal (≤ 3 binders)."""
        current = gid
        for _ in range(3):
            res = self.act(state, current, Action("intro"), steps)
            if res is None or len(res[1]) != 1:
                return None
            state, (current,) = res
            mark = len(steps)
            done = self.act(state, current, Action("cases_hyp", hyp=len(_goal(state, current).hypotheses) - 1), steps)
            if done is not None and self.closed(done[0], current, done[1]):
                return done[0]
            del steps[mark:]
        return None

    def _nomatch(self, state: ProofState, gid: str, name: str, steps: list) -> Optional[ProofState]:
        """``nomatch h``: ``cases h`` closes the goal."""
        i = self._hi(_goal(state, gid), name)
        if i is None:
            return None
        res = self.act(state, gid, Action("cases_hyp", hyp=i), steps)
        return res[0] if res is not None and self.closed(res[0], gid, res[1]) else None

    def _dite(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """``if h : p then t else e`` with ``p`` a hypothesis-free proposition variable:
        ``by_cases`` on it, then ``t`` (``h : p``) and ``e`` (``h : ¬p``)."""
        goal = _goal(state, gid)
        i = self._hi(goal, term.cond.name) if goal is not None else None
        if i is None or not goal.hypotheses[i].fvar_id:
            return None
        res = self.act(state, gid, Action("by_cases_subterm", subterm=mk_fvar(goal.hypotheses[i].fvar_id)), steps)
        if res is None or len(res[1]) != 2:
            return None
        state = res[0]
        for goal_id, branch in zip(res[1], (term.then, term.else_)):
            if _index(state, goal_id) is None:
                continue
            self.bind(term.hyp, state, goal_id)
            solved = self.solve(state, goal_id, branch, steps)
            if solved is None:
                return None
            state = solved
        return state

    def _chain(self, term: Any) -> Optional[list]:
        """``f ∘ g ∘ h`` as [f, g, h] (each an identifier), else None."""
        if isinstance(term, ast.BinOp) and term.op == "∘":
            left, right = self._chain(term.lhs), self._chain(term.rhs)
            return left + right if left is not None and right is not None else None
        return [term] if isinstance(term, (ast.Ident, ast.DotIdent)) else None

    def _apply_fn(self, state: ProofState, gid: str, fn: Any, steps: list) -> Optional[ProofState]:
        """Close goal ``gid`` by the function ``fn`` applied to the newest hypothesis: ``apply`` each
        function of the chain (outermost first), then a closer."""
        chain = self._chain(fn)
        if chain is None:
            return None
        current = gid
        for f in chain:
            f = self._undot(state, current, f)
            if not isinstance(f, ast.Ident):
                return None
            if f.name == "id":
                continue
            action = self._ref(state, current, f.name, "apply_hyp", "apply_premise")
            if action is None:
                return None
            res = self.act(state, current, action, steps)
            if res is None:
                return None
            state, created = res
            live = [c for c in created if _index(state, c) is not None]
            if not live:
                return state
            if len(live) != 1:
                return None
            current = live[0]
        return self._closer(state, current, steps)

    def _compose(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """``f ∘ g`` for a goal ``A → C``: ``intro``, then the chain applied to it."""
        return self.act_then(state, gid, Action("intro"), steps,
                             lambda st, g: self._apply_fn(st, g, term, steps))

    def _rec_fn(self, state: ProofState, gid: str, minors: list, steps: list) -> Optional[ProofState]:
        """``Or.rec f g`` (``.rec f g``) for a goal ``a ∨ b → c``: ``intro``, ``cases`` it, each case
        by its minor premise applied to the case's field."""
        res = self.act(state, gid, Action("intro"), steps)
        if res is None or len(res[1]) != 1:
            return None
        state, (current,) = res
        last = len(_goal(state, current).hypotheses) - 1
        return self._cases_by(state, current, last, minors, steps)

    def _elim_fns(self, state: ProofState, gid: str, hyp: str, minors: list, steps: list) -> Optional[ProofState]:
        """``h.elim f g`` where ``f``/``g`` are functions (not lambdas): ``cases h``, each case by its function."""
        goal = _goal(state, gid)
        i = self._hi(goal, hyp) if goal is not None else None
        if i is None:
            return None
        return self._cases_by(state, gid, i, minors, steps)

    def _cases_by(self, state: ProofState, gid: str, hyp: int, minors: list, steps: list) -> Optional[ProofState]:
        res = self.act(state, gid, Action("cases_hyp", hyp=hyp), steps)
        if res is None or len(res[1]) != len(minors):
            return None
        state = res[0]
        for goal_id, minor in zip(res[1], minors):
            if _index(state, goal_id) is None:
                continue
            solved = self._apply_fn(state, goal_id, minor, steps)
            if solved is None:
                return None
            state = solved
        return state

    def _closer(self, state: ProofState, gid: str, steps: list) -> Optional[ProofState]:
        for kind in CLOSERS:
            mark = len(steps)
            res = self.act(state, gid, Action(kind), steps)
            if res is not None and self.closed(res[0], gid, res[1]):
                return res[0]
            del steps[mark:]
        return None

    def _ref(self, state: ProofState, gid: str, name: str, hyp_kind: str, premise_kind: str) -> Optional[Action]:
        goal = _goal(state, gid)
        if goal is None:
            return None
        i = self._hi(goal, name)
        if i is not None:
            return Action(hyp_kind, hyp=i)
        full = self.resolve(name)
        return Action(premise_kind, premise=full) if full else None

    def _ident(self, state: ProofState, gid: str, name: str, steps: list) -> Optional[ProofState]:
        if name in ("rfl", "trivial"):
            res = self.act(state, gid, Action(name), steps)
            return res[0] if res else None
        action = self._ref(state, gid, name, "exact_hyp", "exact_premise")
        if action is not None:
            res = self.act(state, gid, action, steps)
            if res is not None:
                return res[0]
            return None
        head, _, field = name.rpartition(".")
        if head and field == "symm" and self._hi(_goal(state, gid), head) is None and self.resolve(head):
            return self.act_then(state, gid, Action("symm"), steps,  # `P.symm`: symm, then the lemma
                                 lambda st, g: self._ident(st, g, head, steps))
        if head and field in ("symm", "1", "2", "left", "right") and self._hi(_goal(state, gid), head) is not None:
            return self._proj(state, gid, head, steps, field)
        if head and field in ("mp", "mpr", "1", "2"):  # `h.mp` as a function: intro, rewrite with h, close
            res = self.act(state, gid, Action("intro"), steps)
            if res is None or len(res[1]) != 1:
                return None
            return self._app(res[0], res[1][0], name, [], steps)
        return None

    def _elim(self, state: ProofState, gid: str, hyp: str, args: list, steps: list) -> Optional[ProofState]:
        """``h.elim f g`` with ``h : a ∨ b``: ``cases h``, then each case by its function."""
        goal = _goal(state, gid)
        i = self._hi(goal, hyp) if goal is not None else None
        if i is None:
            return None
        res = self.act(state, gid, Action("cases_hyp", hyp=i), steps)
        if res is None or len(res[1]) != len(args):
            return None
        state = res[0]
        for goal_id, arg in zip(res[1], args):
            solved = self.solve(state, goal_id, arg, steps)
            if solved is None:
                return None
            state = solved
        return state

    def _proj(self, state: ProofState, gid: str, name: str, steps: list, field: Any = 1) -> Optional[ProofState]:
        goal = _goal(state, gid)
        i = self._hi(goal, name) if goal is not None else None
        if i is None:
            return None
        if field == "symm":
            res = self.act(state, gid, Action("symm"), steps)
            if res is None or not res[1]:
                return None
            res2 = self.act(res[0], res[1][0], Action("exact_hyp", hyp=i), steps)
            return res2[0] if res2 else None
        res = self.act(state, gid, Action("cases_hyp", hyp=i), steps)
        if res is None or len(res[1]) != 1:
            return None
        return self._closer(res[0], res[1][0], steps)

    def _proj_app(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """``(f x).2``: ``apply And.right`` (``Iff.mp``, …), then the inner term."""
        field = {1: "And.left", "1": "And.left", "left": "And.left", 2: "And.right", "2": "And.right",
                 "right": "And.right", "mp": "Iff.mp", "mpr": "Iff.mpr"}[term.field]
        name = self.resolve(field)
        if name is None:
            return None
        res = self.act(state, gid, Action("apply_premise", premise=name), steps)
        if res is None:
            return None
        state, created = res
        for goal_id in created:
            if _index(state, goal_id) is None:
                continue
            solved = self.solve(state, goal_id, term.term, steps) or self._closer(state, goal_id, steps)
            if solved is None:
                return None
            state = solved
        return state

    def _subst(self, state: ProofState, gid: str, kind: str, hyp: str, rest: Any, steps: list) -> Optional[ProofState]:
        """``h ▸ e``: rewrite with ``h`` (``subst`` or ``rw`` either way), then ``e``."""
        goal = _goal(state, gid)
        i = self._hi(goal, hyp) if goal is not None else None
        if i is None:
            return None
        return self.act_then(state, gid, Action(kind, hyp=i), steps,
                             lambda st, g: self.solve(st, g, rest, steps))

    def _iff(self, state: ProofState, gid: str, rule: str, forward: bool, args: list, steps: list) -> Optional[ProofState]:
        """``Iff.mp P h`` / ``P.mp h``: rewrite the goal backwards with ``P`` (forwards for ``mpr``), then ``h``."""
        goal = _goal(state, gid)
        if goal is None:
            return None
        i = self._hi(goal, rule)
        if i is not None:
            action = Action("rw_rev_hyp" if forward else "rw_hyp", hyp=i)
        else:
            full = self.resolve(rule)
            if full is None:
                return None
            action = Action("rw_rev_premise" if forward else "rw_premise", premise=full)
        def then(st: ProofState, g: str) -> Optional[ProofState]:
            if not args:
                return self._closer(st, g, steps)
            return self.solve(st, g, args[0], steps) if len(args) == 1 else None

        return self.act_then(state, gid, action, steps, then)

    def _app(self, state: ProofState, gid: str, fn: str, args: list, steps: list) -> Optional[ProofState]:
        args = [a for a in args if not isinstance(a, ast.Ellipsis)]  # `P ..`: the arguments unification finds
        if fn in ("Iff.mp", "Iff.mpr") and args and isinstance(args[0], ast.Ident):
            mark = len(steps)
            done = self._iff(state, gid, args[0].name, fn == "Iff.mp", args[1:], steps)
            if done is not None:
                return done
            del steps[mark:]
        head, _, field = fn.rpartition(".")
        if field in ("mp", "mpr", "1", "2") and head and self._hi(_goal(state, gid), head) is None \
                and self.resolve(head) is not None:
            mark = len(steps)
            done = self._iff(state, gid, head, field in ("mp", "1"), args, steps)
            if done is not None:
                return done
            del steps[mark:]
        action = self._ref(state, gid, fn, "apply_hyp", "apply_premise")
        if action is None:
            head, _, field = fn.rpartition(".")
            if field in ("mp", "mpr") and head:
                goal = _goal(state, gid)
                i = self._hi(goal, head) if goal is not None else None
                if i is None:
                    return None
                kind = "rw_rev_hyp" if field == "mp" else "rw_hyp"
                res = self.act(state, gid, Action(kind, hyp=i), steps)
                if res is not None and self.closed(res[0], gid, res[1]):
                    return res[0]
                if res is None or len(res[1]) != 1 or len(args) > 1:
                    return None
                if not args:
                    return self._closer(res[0], res[1][0], steps)
                return self.solve(res[0], res[1][0], args[0], steps)
            return None
        res = self.act(state, gid, action, steps)
        if res is None:
            return None
        state, created = res
        pending = [a for a in args if not isinstance(a, (ast.Hole, ast.SyntheticHole))]
        if len(pending) < len([a for a in args if not isinstance(a, ast.Hole)]):
            return None  # `?_` arguments: which goal stays open is not known here
        for goal_id in created:
            if _index(state, goal_id) is None:
                continue  # solved by unification on the way
            solved = None
            for j, arg in enumerate(pending):  # arguments in order first, any unused one will do
                solved = self.solve(state, goal_id, arg, steps)
                if solved is not None:
                    pending = pending[:j] + pending[j + 1:]
                    break
            if solved is None:
                solved = self._closer(state, goal_id, steps)
            if solved is None:
                return None
            state = solved
        return state

    def _ctor(self, state: ProofState, gid: str, args: list, steps: list) -> Optional[ProofState]:
        goal = _goal(state, gid)
        if goal is None:
            return None
        if head_const(_sexp_of(goal.target.sexp_text)) == "Exists" and len(args) >= 2:
            rest = args[1] if len(args) == 2 else ast.AnonymousCtor(args[1].pos, args[-1].end_pos, tuple(args[1:]))
            for sub in closed_subterms(goal):
                mark = len(steps)
                done = self.act_then(state, gid, Action("exists_subterm", subterm=sub), steps,
                                     lambda st, g: self.solve(st, g, rest, steps))
                if done is not None:
                    return done
                del steps[mark:]
            # a witness that is no subterm (`⟨n - m, (add_sub_of_le h).symm⟩`): `constructor` leaves it a
            # hole, which the proof of the property assigns by unification (Lean's reading of `⟨_, p⟩`)
            return self._ctor_open_witness(state, gid, rest, steps)
        res = self.act(state, gid, Action("constructor"), steps)
        if res is None:
            return None
        state, created = res
        live = [c for c in created if _index(state, c) is not None]
        if len(args) > len(live) >= 1:
            tail = args[len(live) - 1:]
            args = args[:len(live) - 1] + [ast.AnonymousCtor(tail[0].pos, tail[-1].end_pos, tuple(tail))]
        for goal_id, arg in zip(live, args):
            if _index(state, goal_id) is None or isinstance(arg, ast.SyntheticHole):
                continue  # solved on the way, or a `?_` the step leaves open
            solved = self.solve(state, goal_id, arg, steps)
            if solved is None:
                return None
            state = solved
        holes = [c for c, a in zip(live, args) if isinstance(a, ast.SyntheticHole)]
        return state if all(_index(state, c) is None for c in live if c not in holes) else None

    def _ctor_open_witness(self, state: ProofState, gid: str, proof: Any, steps: list) -> Optional[ProofState]:
        """`constructor` on `∃ x, p x`, then `proof` on `p ?w`; only when that also solves the witness hole."""
        mark = len(steps)
        res = self.act(state, gid, Action("constructor"), steps)
        if res is not None:
            state, created = res
            live = [c for c in created if _index(state, c) is not None]
            for target in live if len(live) == 2 else ():  # the property's goal, whichever order
                inner = len(steps)
                solved = self.solve(state, target, proof, steps)
                if solved is not None and all(_index(solved, c) is None for c in live):
                    return solved
                del steps[inner:]
        del steps[mark:]
        return None

    def _fun(self, state: ProofState, gid: str, binders: list, body: Any, steps: list) -> Optional[ProofState]:
        current = gid
        for b in binders:
            names = b.names if isinstance(b, ast.Binder) else [None]
            for _ in names:  # noqa: F402 - the binder's name
                res = self.act(state, current, Action("intro"), steps)
                if res is None or len(res[1]) != 1:
                    return None
                state, current = res[0], res[1][0]
                if isinstance(b, ast.Binder):
                    self.bind(_, state, current)
                if not isinstance(b, ast.Binder):
                    got = self.destruct(state, current, _last_fvar(state, current), _term_pattern(b), steps)
                    if got is None or len(got[1]) != 1:
                        return None
                    state, current = got[0], got[1][0]
        return self.solve(state, current, body, steps)

    # --- forward: a compound fact built as the newest hypothesis (have_premise/have_hyp, specialize_last_hyp)
    def _forward_exact(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """``exact f a (g b)``: the fact in the context, then ``exact`` it (extra hypotheses do not matter
        when the goal closes)."""
        got = self.materialize(state, gid, term, steps)
        if got is None:
            return None
        state, gid = got
        res = self.act(state, gid, Action("exact_hyp", hyp=len(_goal(state, gid).hypotheses) - 1), steps)
        return res[0] if res is not None else None

    def fact(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[tuple[ProofState, str]]:
        """``materialize``, then ``clear_hyp`` the helper hypotheses it made on the way (``Iff.mp P h``
        builds ``P`` first), so only the fact itself is new: the context a human ``have``/``obtain``
        /``cases`` of the term leaves."""
        goal = _goal(state, gid)
        if goal is None:
            return None
        old = {h.fvar_id for h in goal.hypotheses}
        made = self.materialize(state, gid, term, steps)
        while made is not None:
            state, gid = made
            hyps = _goal(state, gid).hypotheses
            extra = [k for k, h in enumerate(hyps[:-1]) if h.fvar_id not in old]
            if not extra:
                return state, gid
            res = self.act(state, gid, Action("clear_hyp", hyp=extra[-1]), steps)
            if res is None or len(res[1]) != 1:
                return None
            made = res[0], res[1][0]
        return None

    def materialize(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[tuple[ProofState, str]]:
        """Put the fact ``term`` proves into goal ``gid``'s context as its newest hypothesis:
        arguments that are not hypotheses first (each its own hypothesis), then the function
        (``have_premise``/``have_hyp``), then one ``specialize_last_hyp`` per argument.
        (state, the goal's new id) or None. Named arguments and holes have no reading."""
        if not self.forward:
            return None
        while isinstance(term, ast.TypeAscription):
            term = term.term
        fn, args = (term.fn, list(term.args)) if isinstance(term, ast.App) else (term, [])
        while isinstance(fn, ast.TypeAscription):
            fn = fn.term
        if isinstance(fn, ast.Explicit):  # `@ih _ h`: the holes are implicit arguments `specialize` infers
            fn, args = fn.ident, [a for a in args if not isinstance(a, ast.Hole)]
        receiver: Any = None
        field: Any = None
        if isinstance(fn, ast.Proj):
            receiver, field = fn.term, fn.field
        elif isinstance(fn, ast.Ident):
            goal = _goal(state, gid)
            if goal is None:
                return None
            head, _, last = fn.name.rpartition(".")
            if self._hi(goal, fn.name) is None and self.resolve(fn.name) is None and head \
                    and self._hi(goal, head) is not None:
                receiver, field = ast.Ident(fn.pos, fn.end_pos, head, None), last
        else:
            return None
        fvars: list[str] = []
        for arg in ([receiver] if receiver is not None else []) + args:
            if isinstance(arg, (ast.NamedArg, ast.Hole, ast.SyntheticHole)):
                return None
            while isinstance(arg, ast.TypeAscription):
                arg = arg.term
            goal = _goal(state, gid)
            i = self._hi(goal, arg.name) if isinstance(arg, ast.Ident) and goal is not None else None
            if i is not None:
                fvars.append(goal.hypotheses[i].fvar_id)
                continue
            got = self.materialize(state, gid, arg, steps)
            if got is None:
                return None
            state, gid = got
            fv = _last_fvar(state, gid)
            if fv is None:
                return None
            fvars.append(fv)
        goal = _goal(state, gid)
        if goal is None:
            return None
        if receiver is not None:
            k = _fvar_index(state, gid, fvars[0])
            if k is None:
                return None
            rtype = _sexp_of(goal.hypotheses[k].type.sexp_text)
            name = _field_premise(head_const(rtype), field)
            if name is None:
                return None
            action = Action("have_premise", premise=name)
        else:
            i = self._hi(goal, fn.name)
            if i is not None:
                action = Action("have_hyp", hyp=i)  # a copy: specialize must not change the original
            else:
                name = self.resolve(fn.name)
                if name is None:
                    return None
                action = Action("have_premise", premise=name)
        res = self.act(state, gid, action, steps)
        if res is None or len(res[1]) != 1:
            return None
        state, gid = res[0], res[1][0]
        for fv in fvars:
            i = _fvar_index(state, gid, fv)
            if i is None:
                return None
            res = self.act(state, gid, Action("specialize_last_hyp", hyp=i), steps)
            if res is None or len(res[1]) != 1:
                return None  # implicit arguments left as goals: no reading (they outlive their solution)
            state, gid = res[0], res[1][0]
        return state, gid

    def apply_built(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """``apply f (g h)``: the function with its arguments built in the context, ``apply_hyp`` it,
        then ``clear_hyp`` the built hypotheses (newest first) in each goal it leaves."""
        goal = _goal(state, gid)
        if goal is None:
            return None
        old = {h.fvar_id for h in goal.hypotheses}
        made = self.materialize(state, gid, term, steps)
        if made is None:
            return None
        state, gid = made
        res = self.act(state, gid, Action("apply_hyp", hyp=len(_goal(state, gid).hypotheses) - 1), steps)
        if res is None:
            return None
        state, created = res
        for goal_id in created:
            while _index(state, goal_id) is not None:
                extra = [k for k, h in enumerate(_goal(state, goal_id).hypotheses) if h.fvar_id not in old]
                if not extra:
                    break
                res = self.act(state, goal_id, Action("clear_hyp", hyp=extra[-1]), steps)
                if res is None or len(res[1]) != 1:
                    return None
                state, (goal_id,) = res
        return state

    def apply_open(self, state: ProofState, gid: str, term: Any, steps: list) -> Optional[ProofState]:
        """``apply f a (x := t)`` leaving open what Lean leaves open: ``apply f`` (its arguments become
        goals), then each given argument solves the first of those goals it fits, positional ones
        from the first goal on, named ones from the last (``(k := w)`` fills the hole ``?k``, which
        Lean puts after the goals for hypotheses); the goals no argument fills stay open."""
        if not isinstance(term, ast.App) or not isinstance(term.fn, ast.Ident):
            return None
        action = self._ref(state, gid, term.fn.name, "apply_hyp", "apply_premise")
        res = self.act(state, gid, action, steps) if action is not None else None
        if res is None:
            return None
        state, created = res
        for arg in term.args:
            value = arg.value if isinstance(arg, ast.NamedArg) else arg
            if isinstance(value, (ast.Hole, ast.SyntheticHole, ast.Ellipsis)):
                continue
            for goal_id in reversed(created) if isinstance(arg, ast.NamedArg) else created:
                if _index(state, goal_id) is None:
                    continue
                mark = len(steps)
                solved = self.solve(state, goal_id, value, steps)
                if solved is not None:
                    state = solved
                    break
                del steps[mark:]
            else:
                return None  # an argument that fits no goal: not this reading
        return state

    # --- rcases patterns: (state, goals left in order) or None
    def destruct(self, state: ProofState, gid: str, fvar: Optional[str], pat: Any, steps: list) -> Optional[tuple[ProofState, list[str]]]:
        """Take hypothesis ``fvar`` of goal ``gid`` apart following an rcases pattern."""
        if isinstance(pat, ast.RPatTyped):
            pat = pat.pat
        if isinstance(pat, ast.RPatTuple) and len(pat.args) == 1:
            pat = pat.args[0]
        if isinstance(pat, ast.RPatAlts) and len(pat.alts) == 1:
            pat = pat.alts[0]
        if isinstance(pat, (ast.RPatName, ast.RPatClear)) or pat is None:
            if isinstance(pat, ast.RPatName) and pat.name == "rfl":
                i = _fvar_index(state, gid, fvar)
                res = self.act(state, gid, Action("subst_hyp", hyp=i), steps) if i is not None else None
                return (res[0], res[1]) if res is not None else None
            if isinstance(pat, ast.RPatName):
                self.bind(pat.name, state, gid, fvar)
            return state, [gid]
        i = _fvar_index(state, gid, fvar)
        if i is None:
            return None
        before = {h.fvar_id for h in _goal(state, gid).hypotheses}
        res = self.act(state, gid, Action("cases_hyp", hyp=i), steps)
        if res is None:
            return None
        state, created = res
        if isinstance(pat, ast.RPatTuple):
            if len(created) != 1:
                return (state, created) if not created else None
            goal_id = created[0]
            new = [h.fvar_id for h in _goal(state, goal_id).hypotheses if h.fvar_id not in before]
            parts = list(pat.args)
            if len(parts) > len(new) >= 1:
                parts = parts[:len(new) - 1] + [ast.RPatTuple(parts[0].pos, parts[-1].end_pos, tuple(parts[len(new) - 1:]))]
            left = [goal_id]
            components = list(zip(new[-len(parts):], parts))
            for fv, sub in components if self.first_component_first else reversed(components):
                after: list[str] = []
                for g in left:  # a component with alternatives (`⟨ha | hc, hb⟩`) leaves several goals
                    goal = _goal(state, g)
                    if goal is None or all(h.fvar_id != fv for h in goal.hypotheses):
                        return None
                    got = self.destruct(state, g, fv, sub, steps)
                    if got is None:
                        return None
                    state, more = got
                    after.extend(more)
                left = after
            return state, left
        if isinstance(pat, ast.RPatAlts):
            alts = list(pat.alts)
            if len(alts) > len(created) >= 1:  # the last case takes the rest (`ha | hb | hc` on a ∨ b ∨ c)
                alts = alts[:len(created) - 1] + [ast.RPatAlts(alts[len(created) - 1].pos, alts[-1].end_pos,
                                                                tuple(alts[len(created) - 1:]))]
            if len(created) != len(alts):
                return None
            out: list[str] = []
            for goal_id, sub in zip(created, alts):
                new = [h.fvar_id for h in _goal(state, goal_id).hypotheses if h.fvar_id not in before]
                got = self.destruct(state, goal_id, new[-1] if new else None, sub, steps)
                if got is None:
                    return None
                state, left = got
                out.extend(left)
            return state, out
        return None

    def read_patterns(self, state: ProofState, gid: str, tac: Any, steps: list) -> Optional[ProofState]:
        """``rintro``/``intro ⟨…⟩``/``obtain … := h``/``rcases h with …``: run it; the state after."""
        goals = [gid]
        if isinstance(tac, (ast.Rintro, ast.Intro)):
            pats = tac.patterns if isinstance(tac, ast.Rintro) else [_term_pattern(p) for p in tac.patterns]
            for pat in pats:
                nxt: list[str] = []
                for g in goals:
                    res = self.act(state, g, Action("intro"), steps)
                    if res is None or len(res[1]) != 1:
                        return None
                    state = res[0]
                    got = self.destruct(state, res[1][0], _last_fvar(state, res[1][0]), pat, steps)
                    if got is None:
                        return None
                    state, left = got
                    nxt.extend(left)
                goals = nxt
            return state
        value = None
        if isinstance(tac, ast.Obtain) and tac.type is None and len(tac.values) == 1:
            value = tac.values[0]
        elif isinstance(tac, ast.Rcases) and len(tac.targets) == 1 and tac.targets[0].name is None:
            value = tac.targets[0].term
        if value is None:
            return None
        if isinstance(value, ast.Ident) and self._hfv(state, gid, value.name):
            fv = self._hfv(state, gid, value.name)
        else:  # a compound fact: built as the newest hypothesis, then taken apart
            made = self.fact(state, gid, value, steps)
            if made is None:
                return None
            state, gid = made
            fv = _last_fvar(state, gid)
        got = self.destruct(state, gid, fv, tac.pattern, steps) if fv else None
        return got[0] if got else None


def read_and_run(reader: Reader, state: ProofState, focus: int, tactic: str) -> Optional[tuple[ProofState, list]]:
    """Run the structural reading of a step from ``state`` (goal ``focus``); (state after, steps) or None."""
    try:
        seq = parse_tactic_block(tactic)
    except Exception:  # noqa: BLE001 - no reading for text the parser does not take
        return None
    if len(seq.tactics) != 1:
        return None
    tac = seq.tactics[0]
    gid = state.goals[focus].mvar_id
    steps: list = []
    if isinstance(tac, ast.Exact):
        out = reader.solve(state, gid, tac.term, steps)
    elif isinstance(tac, ast.Refine) and isinstance(tac.term, ast.AnonymousCtor):
        out = reader._ctor(state, gid, list(tac.term.args), steps)  # goals for `?_` stay open
    elif isinstance(tac, ast.Cases) and len(tac.targets) == 1 and tac.targets[0].name is None \
            and tac.using is None and not tac.alts and _compound(tac.targets[0].term):
        made = reader.fact(state, gid, tac.targets[0].term, steps)  # `cases Nat.lt_or_ge a b`
        out = None
        if made is not None:
            st, g = made
            res = reader.act(st, g, Action("cases_hyp", hyp=len(_goal(st, g).hypotheses) - 1), steps)
            out = res[0] if res is not None else None
    elif isinstance(tac, ast.Apply) and isinstance(tac.term, (ast.App, ast.Proj)):
        out = reader.apply_built(state, gid, tac.term, steps)  # `apply Nat.le_trans (P h)`
        if out is None:  # arguments that cannot be built (`P (n - m)`): read as a term closing the goal
            del steps[:]
            out = reader.solve(state, gid, tac.term, steps)
    elif isinstance(tac, ast.HaveTac) and tac.value is not None and not tac.binders and tac.pattern is None \
            and _compound(tac.value):
        made = reader.fact(state, gid, tac.value, steps)  # `have h := P h₁ b`
        out = made[0] if made is not None else None
    elif isinstance(tac, ast.HaveTac) and tac.value is not None and not tac.binders and tac.pattern is not None:
        pat = tac.pattern if isinstance(tac.pattern, ast.RPat) else _term_pattern(tac.pattern)  # `let ⟨k, hk⟩ := h`
        out = reader.read_patterns(state, gid, ast.Obtain(tac.pos, tac.end_pos, tac.source, pat, None, (tac.value,)),
                                   steps)
    elif isinstance(tac, ast.MatchTac) and len(tac.term.discrs) == 1 and tac.term.discrs[0].name is None \
            and all(len(a.patterns) == 1 for a in tac.term.alts):
        out = reader.match_cases(state, gid, tac.term.discrs[0].term, list(tac.term.alts), steps)
    elif isinstance(tac, (ast.Rintro, ast.Obtain, ast.Rcases)) or (
            isinstance(tac, ast.Intro) and any(not isinstance(p, (ast.Ident, ast.Hole)) for p in tac.patterns)):
        out = reader.read_patterns(state, gid, tac, steps)
    else:
        return None
    return (out, steps) if out is not None else None


def read_apply_open(reader: Reader, state: ProofState, focus: int, tactic: str) -> Optional[tuple[ProofState, list]]:
    """``apply P (Q h)`` / ``apply le.intro (k := w)`` with the goals Lean leaves open (``Reader.apply_open``);
    a reading of its own, since ``read_and_run`` may read the same text as a term closing the goal."""
    try:
        seq = parse_tactic_block(tactic)
    except Exception:  # noqa: BLE001 - no reading for text the parser does not take
        return None
    tac = seq.tactics[0] if len(seq.tactics) == 1 else None
    if not isinstance(tac, ast.Apply) or not isinstance(tac.term, ast.App):
        return None
    steps: list = []
    out = reader.apply_open(state, state.goals[focus].mvar_id, tac.term, steps)
    return (out, steps) if out is not None else None


def read_pattern_copy(reader: Reader, state: ProofState, focus: int, tactic: str) -> Optional[tuple[ProofState, list]]:
    """``have ⟨k, hk⟩ := h`` / ``let ⟨k, hk⟩ := h`` where Lean keeps ``h``: ``have_hyp`` copies it and
    the copy is taken apart (``obtain`` would take ``h`` itself apart)."""
    try:
        seq = parse_tactic_block(tactic)
    except Exception:  # noqa: BLE001 - no reading for text the parser does not take
        return None
    tac = seq.tactics[0] if len(seq.tactics) == 1 else None
    if not isinstance(tac, ast.HaveTac) or tac.pattern is None or tac.binders or not isinstance(tac.value, ast.Ident):
        return None
    i = reader._hi(state.goals[focus], tac.value.name)
    if i is None:
        return None
    pat = tac.pattern if isinstance(tac.pattern, ast.RPat) else _term_pattern(tac.pattern)
    steps: list = []
    res = reader.act(state, state.goals[focus].mvar_id, Action("have_hyp", hyp=i), steps)
    if res is None or len(res[1]) != 1:
        return None
    got = reader.destruct(res[0], res[1][0], _last_fvar(res[0], res[1][0]), pat, steps)
    return (got[0], steps) if got is not None else None


def _inline_have(term: Any) -> Any:
    """``have h := v; e`` as ``e`` with ``v`` for ``h`` (a cut with a new statement has no pointer: the
    statement comes back as the goal of whatever ``e`` passes ``h`` to); None when ``h`` is bound again
    inside ``e`` or occurs in tactic text, where a substitution in the tree would not reach it."""
    name = term.name or "this"
    if _rebinds(term.body, name):
        return None
    return _substitute(term.body, name, term.value)


def _rebinds(node: Any, name: str) -> bool:
    """True when ``name`` appears in ``node`` other than as a plain reference (a binder, a pattern, or
    inside the source text of a tactic)."""
    if isinstance(node, ast.Ident):
        return False
    if isinstance(node, (tuple, list)):
        return any(_rebinds(x, name) for x in node)
    if isinstance(node, str):
        return node == name
    if is_dataclass(node):
        for f in fields(node):
            value = getattr(node, f.name)
            if f.name == "source" and isinstance(value, str):
                if re.search(rf"(?<![\w.']){re.escape(name)}(?![\w'])", value):
                    return True
            elif _rebinds(value, name):
                return True
    return False


def _substitute(node: Any, name: str, value: Any) -> Any:
    """``node`` with every reference ``name`` replaced by the syntax tree ``value``."""
    if isinstance(node, ast.Ident):
        return value if node.name == name else node
    if isinstance(node, tuple):
        items = tuple(_substitute(x, name, value) for x in node)
        return items if any(a is not b for a, b in zip(items, node)) else node
    if is_dataclass(node) and not isinstance(node, type):
        changes = {}
        for f in fields(node):
            old = getattr(node, f.name)
            new = _substitute(old, name, value)
            if new is not old:
                changes[f.name] = new
        return replace(node, **changes) if changes else node
    return node


def _field_call(term: Any) -> Optional[tuple[Any, str, list]]:
    """``(e).f a b`` / ``x.f a`` (``x`` a dotted name) as (receiver ``e``, ``f``, [a, b]), else None."""
    fn, args = (term.fn, list(term.args)) if isinstance(term, ast.App) else (term, [])
    if isinstance(fn, ast.Proj) and isinstance(fn.field, str) and not fn.field.isdigit():
        return fn.term, fn.field, args
    if isinstance(fn, ast.Ident) and "." in fn.name:
        head, _, field = fn.name.rpartition(".")
        if field and not field.isdigit() and field not in ("mp", "mpr", "symm", "elim", "rec", "left", "right"):
            return ast.Ident(fn.pos, fn.end_pos, head, None), field, args
    return None


def _dotted(term: Any) -> Any:
    """``(P).2 x`` / ``h.1`` parsed as a projection of a name: the dotted name ``P.2`` the readings know."""
    def name(t: Any) -> Any:
        if isinstance(t, ast.Proj) and isinstance(t.term, ast.Ident) and isinstance(t.field, (str, int)):
            return ast.Ident(t.pos, t.end_pos, f"{t.term.name}.{t.field}", None)
        return t
    if isinstance(term, ast.App):
        fn = name(term.fn)
        return term if fn is term.fn else ast.App(term.pos, term.end_pos, fn, term.args)
    return name(term)


def _unpipe(term: Any) -> Any:
    """``f <| x`` (and ``f $ x``) as the application ``f x``."""
    while isinstance(term, ast.BinOp) and term.op == "<|":
        fn = _unpipe(term.lhs)
        if isinstance(fn, ast.App):
            term = ast.App(term.pos, term.end_pos, fn.fn, fn.args + (term.rhs,))
        else:
            term = ast.App(term.pos, term.end_pos, fn, (term.rhs,))
    return term


def _compound(term: Any) -> bool:
    """A term that names a fact not already in the context: an application, a projection, a
    premise name or a dotted field of a hypothesis (``h.symm``)."""
    while isinstance(term, ast.TypeAscription):
        term = term.term
    return isinstance(term, (ast.App, ast.Proj, ast.Ident))


_FIELDS = {("And", 1): "And.left", ("And", 2): "And.right", ("Iff", 1): "Iff.mp", ("Iff", 2): "Iff.mpr",
           ("And", "1"): "And.left", ("And", "2"): "And.right", ("Iff", "1"): "Iff.mp", ("Iff", "2"): "Iff.mpr",
           ("Exists", 2): None, ("Exists", 1): None}


def _field_premise(type_head: Optional[str], field: Any) -> Optional[str]:
    """The premise behind ``x.field`` for ``x`` whose type's head constant is ``type_head``
    (generalized field notation: ``h.symm`` is ``Eq.symm h``, ``h.1`` is ``And.left h``); the
    checker tells whether it exists."""
    if type_head is None:
        return None
    if (type_head, field) in _FIELDS:
        return _FIELDS[(type_head, field)]
    if isinstance(field, int) or (isinstance(field, str) and field.isdigit()):
        return None
    return f"{type_head}.{field}"


def _goal(state: ProofState, gid: str) -> Optional[Goal]:
    for g in state.goals:
        if g.mvar_id == gid:
            return g
    return None


def _index(state: ProofState, gid: str) -> Optional[int]:
    for i, g in enumerate(state.goals):
        if g.mvar_id == gid:
            return i
    return None


def _hyp_index(goal: Goal, name: str) -> Optional[int]:
    for i in range(len(goal.hypotheses) - 1, -1, -1):
        if goal.hypotheses[i].name == name:
            return i
    return None


def _hyp_fvar(state: ProofState, gid: str, name: str) -> Optional[str]:
    goal = _goal(state, gid)
    i = _hyp_index(goal, name) if goal is not None else None
    return goal.hypotheses[i].fvar_id if i is not None else None


def _fvar_index(state: ProofState, gid: str, fvar: Optional[str]) -> Optional[int]:
    goal = _goal(state, gid)
    if goal is None or fvar is None:
        return None
    for i, h in enumerate(goal.hypotheses):
        if h.fvar_id == fvar:
            return i
    return None


def _last_fvar(state: ProofState, gid: str) -> Optional[str]:
    goal = _goal(state, gid)
    return goal.hypotheses[-1].fvar_id if goal is not None and goal.hypotheses else None


def _term_pattern(term: Any) -> Any:
    """A term pattern (``⟨a, b⟩``, ``h``, ``_``) as an rcases pattern."""
    if isinstance(term, ast.AnonymousCtor):
        return ast.RPatTuple(term.pos, term.end_pos, tuple(_term_pattern(a) for a in term.args))
    if isinstance(term, ast.Ident):
        return ast.RPatName(term.pos, term.end_pos, term.name)
    return ast.RPatName(term.pos, term.end_pos, "_")
