"""Case analysis and induction tactics (`cases`, `rcases`, `obtain`, `rintro`, `induction`, `subst`).

Everything here builds ordinary proof terms out of `I.casesOn`, `I.rec` and `Eq.rec`, assigned to
the goal being split; the kernel re-checks the finished proof, so a mistake here can only make a
proof fail.

How the terms are built (Lean 4's `cases`/`induction`, specialised to what the fragment needs):

- *Simple elimination* (no indices, or `induction` whose indices are variables): the hypotheses
  depending on the eliminated variables are reverted, the motive abstracts the major premise (and
  the indices) out of `∀ reverted, target`, and every minor premise becomes a goal
  `∀ fields [ihs], ∀ reverted', target'` whose binders are introduced with Lean's names (the
  `with` names, else the constructor's binder names made inaccessible: `n✝`, `h✝`, `a✝`).
- *Indexed families* under `cases` (`Eq`, `Nat.le`, `List.Mem`): the indices are generalized with
  equations `idx = j` (Lean's `generalizeTargetsEq`), and in every branch the equations are solved
  as Lean's `unifyEqs` does: substitute a variable side (`subst`), drop a trivial equation, split
  equal constructors (injection, built from `casesOn`), close the goal on different constructors
  (no-confusion, built from `casesOn` into `Prop`, only for types that eliminate into `Type`).
- `Nat` goals show `0` and `n + 1` (Lean 4.33's custom eliminators `Nat.casesAuxOn`/`Nat.rec`
  with `n + 1`); these are definitionally `Nat.zero`/`Nat.succ n`, which is what the kernel checks.
- Case tags are the constructor's short name appended to the goal's tag (`inl`, `intro.intro`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from lean_bridge.syntax import ast

from .elab_term import ElabError
from .environment import ConstructorInfo, InductiveInfo, RecursorInfo
from .expr import (
    App,
    BinderInfo,
    Const,
    Expr,
    FVar,
    MVar,
    NatLit,
    Pi,
    Sort,
    abstract,
    get_app_fn,
    get_app_fn_args,
    instantiate,
    instantiate1,
    iter_subexprs,
    mk_app,
    mk_lambda_fvars,
    mk_pi_fvars,
    replace,
)
from .level import LEVEL_ZERO, Level
from .meta import DelayedLambda, head_beta, open_telescope
from .nat_terms import mk_nat_add, mk_nat_lit, offset_predecessor
from .tactics import (
    TacticError,
    TacticState,
    _elab_closed_term,
    _focus,
    _fmt,
    _inaccessible,
    intro_core,
    register,
    run_tactic_seq,
)



# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

def _inst(state: TacticState, e: Expr) -> Expr:
    return state.mctx.instantiate(e)


def _hyp(state: TacticState, fv: FVar) -> FVar:
    """`fv` with its type (and value) instantiated; same identity."""
    return state._instantiated(fv)


def _mentions(e: Expr | None, uids: set[int]) -> bool:
    if e is None or not e.has_fvar or not uids:
        return False
    return any(isinstance(x, FVar) and x.uid in uids for x in iter_subexprs(e))


def _hyp_mentions(state: TacticState, h: FVar, uids: set[int]) -> bool:
    h = _hyp(state, h)
    return _mentions(h.type, uids) or _mentions(h.value, uids)


def _dependents(state: TacticState, lctx: Sequence[FVar], uids: set[int]) -> list[FVar]:
    """The hypotheses of `lctx` depending (transitively) on `uids`, in context order."""
    uids = set(uids)
    out: list[FVar] = []
    for h in lctx:
        if h.uid in uids:
            continue
        if _hyp_mentions(state, h, uids):
            out.append(h)
            uids.add(h.uid)
    return out


def _goal_error(state: TacticState, goal: MVar, msg: str, node: ast.Node | None) -> TacticError:
    return TacticError(f"{msg}\n\n{state.format_goal(goal)}", node)


def _ctor_short(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _append_tag(tag: str | None, name: str) -> str:
    return f"{tag}.{name}" if tag else name


def _whnf_inductive(state: TacticState, goal: MVar, ty: Expr) -> tuple[InductiveInfo, Const, list[Expr]] | None:
    """`(I, I-const, args)` when `ty` reduces to an application of an inductive type."""
    ty = state.whnf(goal, ty)
    head, args = get_app_fn_args(ty)
    if not isinstance(head, Const):
        return None
    info = state.env.find(head.name)
    if not isinstance(info, InductiveInfo):
        return None
    return info, head, args


def _is_large(state: TacticState, ind: InductiveInfo) -> bool:
    rec = state.env.find(f"{ind.name}.rec")
    assert isinstance(rec, RecursorInfo)
    return len(rec.level_params) > len(ind.level_params)


def _sort_level(state: TacticState, goal: MVar, ty: Expr, node: ast.Node | None) -> Level:
    return state.mctx.instantiate_level(state.elaborator(goal).ensure_type(ty, node))


def _is_prop_level(state: TacticState, goal: MVar, level: Level) -> bool:
    return state.elaborator(goal).unify(Sort(level), Sort(LEVEL_ZERO))


def _open_ctor(state: TacticState, ctor: ConstructorInfo, levels: Sequence[Level], params: Sequence[Expr]
               ) -> tuple[list[FVar], list[Expr], Expr]:
    """Fields (fresh fvars, named after the constructor's binders), the constructor's indices, and
    the constructor application `C params fields`."""
    t = _instantiate_type_levels(ctor.type, ctor.level_params, levels)
    t = instantiate_pis(t, params)
    fields: list[FVar] = []
    while isinstance(t, Pi):
        fv = FVar(t.name, head_beta(t.type), None, t.binder_info)
        fields.append(fv)
        t = instantiate1(t.body, fv)
    _, result_args = get_app_fn_args(t)
    indices = result_args[len(params):]
    return fields, indices, mk_app(Const(ctor.name, levels), list(params) + fields)


def _instantiate_type_levels(t: Expr, names: Sequence[str], levels: Sequence[Level]) -> Expr:
    from .expr import instantiate_expr_level_params

    return instantiate_expr_level_params(t, list(names), list(levels))


def instantiate_pis(t: Expr, args: Sequence[Expr]) -> Expr:
    for a in args:
        assert isinstance(t, Pi)
        t = instantiate1(t.body, a)
    return t


def _display_ctor_app(ind: InductiveInfo, ctor_app: Expr, fields: Sequence[FVar]) -> Expr:
    """Lean 4.33's custom `Nat` eliminators show `0` and `n + 1`."""
    if ind.name == "Nat" and ind.ctors == ("Nat.zero", "Nat.succ"):
        head = get_app_fn(ctor_app)
        if isinstance(head, Const) and head.name == "Nat.zero":
            return mk_nat_lit(0)
        if isinstance(head, Const) and head.name == "Nat.succ" and len(fields) == 1:
            return mk_nat_add(fields[0], 1)
    return ctor_app


def _intro_named(state: TacticState, goal: MVar, name: str | None, node: ast.Node | None) -> tuple[MVar, FVar]:
    return intro_core(state, goal, name, node)


def _replace_fvars(e: Expr, mapping: dict[int, Expr]) -> Expr:
    if not mapping or not e.has_fvar:
        return e
    return replace(e, lambda x, _d: mapping.get(x.uid) if isinstance(x, FVar) else None)


# ---------------------------------------------------------------------------
# clearing, renaming, changing one hypothesis
# ---------------------------------------------------------------------------

def _try_clear(state: TacticState, goal: MVar, fv: FVar) -> MVar:
    """Remove `fv` from the goal's context when nothing depends on it (Lean's `tryClear`)."""
    decl = state.decl(goal)
    if all(h.uid != fv.uid for h in decl.lctx):
        return goal
    uids = {fv.uid}
    if _mentions(_inst(state, decl.type), uids) or any(
            h.uid != fv.uid and _hyp_mentions(state, h, uids) for h in decl.lctx):
        return goal
    new = state.new_goal(decl.type, tuple(h for h in decl.lctx if h.uid != fv.uid), decl.user_name)
    state.assign(goal, new)
    return new


def _rename_hyp(state: TacticState, goal: MVar, fv: FVar, name: str, type_: Expr | None = None) -> tuple[MVar, FVar]:
    decl = state.decl(goal)
    lctx = list(decl.lctx)
    for i, h in enumerate(lctx):
        if h.uid == fv.uid:
            new_fv = FVar(name, type_ if type_ is not None else h.type, h.value, h.binder_info, uid=h.uid)
            lctx[i] = new_fv
            new = state.new_goal(decl.type, lctx, decl.user_name)
            state.assign(goal, new)
            return new, new_fv
    return goal, fv


# ---------------------------------------------------------------------------
# subst
# ---------------------------------------------------------------------------

def subst_core(state: TacticState, goal: MVar, h: FVar, var: FVar, value: Expr, var_is_rhs: bool,
               node: ast.Node | None, mapping: dict[int, Expr] | None = None) -> MVar:
    """Eliminate `var` using `h : value = var` (`var_is_rhs`) or `h : var = value`: the hypotheses
    depending on `var` are reverted, `Eq.rec` rewrites the goal, they come back with their names.
    `mapping` (if given) records what happened to the free variables (old uid -> new term)."""
    decl = state.decl(goal)
    lctx = decl.lctx
    h = _hyp(state, next(x for x in lctx if x.uid == h.uid))
    if var.value is not None:
        raise _goal_error(state, goal, f"tactic 'subst' failed, variable '{var.name}' is a let-declaration", node)
    value = _inst(state, value)
    if _mentions(value, {var.uid}):
        raise _goal_error(state, goal, f"tactic 'subst' failed, '{var.name}' occurs at\n  {_fmt(state, value)}", node)
    deps = [d for d in _dependents(state, lctx, {var.uid}) if d.uid != h.uid]
    dep_uids = {d.uid for d in deps}
    target = _inst(state, decl.type)
    if _mentions(value, dep_uids):
        raise _goal_error(state, goal, "tactic 'subst' failed, motive is not type correct", node)
    deps_inst = [_hyp(state, d) for d in deps]
    body = mk_pi_fvars(deps_inst, target)  # ∀ deps, target  (mentions var, maybe h)
    eq_fn, eq_args = get_app_fn_args(state.whnf(goal, h.type))
    assert isinstance(eq_fn, Const) and eq_fn.name == "Eq" and len(eq_args) == 3
    alpha = eq_args[0]
    u_alpha = eq_fn.levels[0]
    u_motive = _sort_level(state, goal, body, node)
    v = FVar("x", alpha)
    hv = FVar("h", mk_app(Const("Eq", [u_alpha]), [alpha, value, v]))
    refl = mk_app(Const("Eq.refl", [u_alpha]), [alpha, value])
    if _mentions(body, {h.uid}):  # Lean's dependent `Eq.rec`: the motive abstracts the equation too
        h_in_motive = hv if var_is_rhs else mk_app(Const("Eq.symm", [u_alpha]), [alpha, value, v, hv])
        motive_body = _replace_fvars(instantiate1(abstract(body, [var]), v), {h.uid: h_in_motive})
        new_type = _replace_fvars(instantiate1(abstract(body, [var]), value), {h.uid: refl})
    else:
        motive_body = instantiate1(abstract(body, [var]), v)
        new_type = instantiate1(abstract(body, [var]), value)
    motive = mk_lambda_fvars([v, hv], motive_body)
    new_lctx = tuple(x for x in lctx if x.uid not in dep_uids and x.uid not in (var.uid, h.uid))
    new = state.new_goal(new_type, new_lctx, decl.user_name)
    proof = h if var_is_rhs else mk_app(Const("Eq.symm", [u_alpha]), [alpha, var, value, h])
    term = mk_app(Const("Eq.rec", [u_motive, u_alpha]), [alpha, value, motive, new, var, proof])
    state.assign(goal, mk_app(term, deps))
    goal = new
    if mapping is not None:
        mapping[var.uid] = value
        mapping.pop(h.uid, None)
    for d in deps:
        goal, fv = _intro_named(state, goal, d.name, node)
        if mapping is not None:
            mapping[d.uid] = fv
    return goal


def _subst_eq_hyp(state: TacticState, goal: MVar, h: FVar, node: ast.Node | None,
                  mapping: dict[int, Expr] | None = None, prefer_later: bool = False) -> MVar:
    """`subst h` for `h : a = b`: eliminate `b` if it is a variable, else `a`."""
    elab = state.elaborator(goal)
    ty = elab.whnf(_hyp(state, h).type)
    fn, args = get_app_fn_args(ty)
    if not (isinstance(fn, Const) and fn.name == "Eq" and len(args) == 3):
        raise _goal_error(state, goal, f"tactic 'subst' failed, invalid equality proof, it is not of the form "
                          f"(x = t) or (t = x)\n  {_fmt(state, _hyp(state, h).type)}", node)
    a, b = _inst(state, args[1]), _inst(state, args[2])
    lctx = state.decl(goal).lctx
    pos = {x.uid: i for i, x in enumerate(lctx)}

    def ok_var(x: Expr, other: Expr) -> bool:
        return isinstance(x, FVar) and x.uid in pos and x.value is None and not _mentions(other, {x.uid})

    choices = []
    if prefer_later and ok_var(a, b) and ok_var(b, a):
        choices = [(b, a, True)] if pos[a.uid] < pos[b.uid] else [(a, b, False)]
    else:
        if ok_var(b, a):
            choices.append((b, a, True))
        if ok_var(a, b):
            choices.append((a, b, False))
    if not choices:
        raise _goal_error(state, goal, f"tactic 'subst' failed, invalid equality proof, it is not of the form "
                          f"(x = t) or (t = x)\n  {_fmt(state, _hyp(state, h).type)}", node)
    var, value, is_rhs = choices[0]
    return subst_core(state, goal, h, var, value, is_rhs, node, mapping)


@register("Subst")
def tac_Subst(state: TacticState, tac: ast.Subst) -> None:
    for term in tac.terms:
        goal = state.main_goal(tac)
        if not isinstance(term, ast.Ident):
            raise TacticError("tactic 'subst' expects a hypothesis or variable name", term)
        lctx = state.decl(goal).lctx
        fv = next((h for h in reversed(lctx) if h.name == term.name and h.uid not in state.hidden), None)
        if fv is None:
            raise TacticError(f"Unknown identifier `{term.name}`", term)
        fv = _hyp(state, fv)
        elab = state.elaborator(goal)
        fn, args = get_app_fn_args(elab.whnf(fv.type))
        if isinstance(fn, Const) and fn.name == "Eq" and len(args) == 3:
            new = _subst_eq_hyp(state, goal, fv, term)
        else:
            new = _subst_var(state, goal, fv, term)
        state.replace_main([new])


def _subst_var(state: TacticState, goal: MVar, var: FVar, node: ast.Node) -> MVar:
    """`subst x`: find `h : x = t` or `h : t = x` and eliminate `x`."""
    elab = state.elaborator(goal)
    for h in reversed(state.decl(goal).lctx):
        if h.uid in state.hidden:
            continue
        fn, args = get_app_fn_args(elab.whnf(_hyp(state, h).type))
        if not (isinstance(fn, Const) and fn.name == "Eq" and len(args) == 3):
            continue
        a, b = _inst(state, args[1]), _inst(state, args[2])
        if isinstance(b, FVar) and b.uid == var.uid and not _mentions(a, {var.uid}):
            return subst_core(state, goal, h, var, a, True, node)
        if isinstance(a, FVar) and a.uid == var.uid and not _mentions(b, {var.uid}):
            return subst_core(state, goal, h, var, b, False, node)
    raise _goal_error(state, goal, f"tactic 'subst' failed, did not find equation for eliminating '{var.name}'", node)


# ---------------------------------------------------------------------------
# constructor equations: no-confusion and injection
# ---------------------------------------------------------------------------

def _ctor_view(state: TacticState, goal: MVar, e: Expr) -> tuple[ConstructorInfo, Const, list[Expr]] | None:
    """`(ctor, head, args)` when `e` reduces to a constructor application (literals count as `Nat.succ`/`zero`,
    and `x + k` with a numeral `k` as `Nat.succ (x + (k-1))`, as Lean's `Nat` offset view does)."""
    e = _inst(state, e)
    pred = offset_predecessor(e)
    if pred is not None and state.env.find("Nat.succ") is not None:
        info = state.env.find("Nat.succ")
        assert isinstance(info, ConstructorInfo)
        return info, Const("Nat.succ"), [pred]
    w = state.whnf(goal, e)
    if isinstance(w, NatLit):
        if state.env.find("Nat.succ") is None:
            return None
        w = Const("Nat.zero") if w.value == 0 else App(Const("Nat.succ"), NatLit(w.value - 1))
    head, args = get_app_fn_args(w)
    if not isinstance(head, Const):
        return None
    info = state.env.find(head.name)
    if not isinstance(info, ConstructorInfo) or len(args) != info.num_params + info.num_fields:
        return None
    return info, head, args


def _cases_on_prop_motive(state: TacticState, ind: InductiveInfo, levels: Sequence[Level], params: Sequence[Expr],
                          index_types: Sequence[Expr], major_type: Expr, values: dict, default: Expr,
                          result_type: Expr, result_level: Level) -> Expr:
    """`fun idx x => I.casesOn (motive := fun _ _ => result_type) idx x minors` where the minor for
    constructor `c` is `fun fields => values[c](fields)` (or `default`): a function out of `I` by cases."""
    idx_fvars = [FVar("i", t) for t in index_types]
    x = FVar("x", mk_app(Const(ind.name, levels), list(params) + idx_fvars))
    inner_motive = mk_lambda_fvars(idx_fvars + [x], result_type)
    minors = []
    for ctor_name in ind.ctors:
        ctor = state.env.find(ctor_name)
        assert isinstance(ctor, ConstructorInfo)
        fields, _, _ = _open_ctor(state, ctor, levels, params)
        value = values.get(ctor_name)
        minors.append(mk_lambda_fvars(fields, value(fields) if value is not None else default))
    body = mk_app(Const(f"{ind.name}.casesOn", [result_level] + list(levels)),
                  list(params) + [inner_motive] + idx_fvars + [x] + minors)
    return mk_lambda_fvars(idx_fvars + [x], body)


def _distinct_variable_indices(indices: Sequence[Expr], params: Sequence[Expr], major: Expr) -> bool:
    """Whether the indices are distinct local variables (no `let`), none the major premise, and the
    parameters mention none of them: the motive can then abstract them directly."""
    uids = {i.uid for i in indices if isinstance(i, FVar) and i.value is None}
    if len(uids) != len(indices) or (isinstance(major, FVar) and major.uid in uids):
        return False
    return not any(_mentions(p, uids) for p in params)


def _index_types(state: TacticState, ind: InductiveInfo, levels: Sequence[Level], params: Sequence[Expr]) -> list[Expr] | None:
    """The index types of `I params` (None when one depends on an earlier index)."""
    t = instantiate_pis(_instantiate_type_levels(ind.type, ind.level_params, levels), params)
    out: list[Expr] = []
    for _ in range(ind.num_indices):
        if not isinstance(t, Pi):
            return None
        out.append(t.type)
        if t.body.lbr > 0 and len(out) < ind.num_indices:
            probe = FVar(t.name, t.type)
            if _mentions(instantiate1(t.body, probe), {probe.uid}):
                return None
        t = instantiate1(t.body, FVar(t.name, t.type))
    return out


def no_confusion(state: TacticState, goal: MVar, eq_proof: Expr, lhs: Expr, rhs: Expr, alpha: Expr,
                 u_alpha: Level) -> Expr | None:
    """A proof of `False` from `eq_proof : lhs = rhs` when the sides are different constructors of a type
    that eliminates into `Type` (the no-confusion trick: `h ▸ trivial` with motive
    `fun x => I.casesOn x True (fun … => False)`). None when that does not apply."""
    lv, rv = _ctor_view(state, goal, lhs), _ctor_view(state, goal, rhs)
    if lv is None or rv is None or lv[0].name == rv[0].name or lv[0].induct != rv[0].induct:
        return None
    found = _whnf_inductive(state, goal, alpha)
    if found is None:
        return None
    ind, ind_const, ty_args = found
    if ind.name != lv[0].induct or not _is_large(state, ind):
        return None
    params = ty_args[: ind.num_params]
    indices = ty_args[ind.num_params:]
    index_types = _index_types(state, ind, ind_const.levels, params)
    if index_types is None:
        return None
    prop = Sort(LEVEL_ZERO)
    fn = _cases_on_prop_motive(state, ind, ind_const.levels, params, index_types, alpha,
                               {lv[0].name: lambda _fields: Const("True")}, Const("False"), prop, _level_one())
    x = FVar("x", alpha)
    motive = mk_lambda_fvars([x], mk_app(fn, list(indices) + [x]))
    # Eq.ndrec (motive := motive) True.intro h : motive rhs ≡ False
    return mk_app(Const("Eq.ndrec", [LEVEL_ZERO, u_alpha]), [alpha, lhs, motive, Const("True.intro"), rhs, eq_proof])


def _level_one() -> Level:
    from .level import LEVEL_ONE

    return LEVEL_ONE


def _parse_eq(state: TacticState, goal: MVar, ty: Expr) -> tuple[Const, Expr, Expr, Expr] | None:
    fn, args = get_app_fn_args(state.whnf(goal, ty))
    if isinstance(fn, Const) and fn.name == "Eq" and len(args) == 3:
        return fn, _inst(state, args[0]), _inst(state, args[1]), _inst(state, args[2])
    return None


def contradiction_by_constructors(state: TacticState, goal: MVar, hyps: Sequence[FVar], level: Level,
                                  target: Expr) -> bool:
    """`contradiction` on `h : c₁ … = c₂ …` with different constructors (of a type eliminating into
    `Type`): closes the goal with `False.elim (noConfusion h)`."""
    for h in hyps:
        eq = _parse_eq(state, goal, _hyp(state, h).type)
        if eq is None:
            continue
        fn, alpha, lhs, rhs = eq
        snap = state.mctx.snapshot()
        try:
            proof = no_confusion(state, goal, h, lhs, rhs, alpha, fn.levels[0])
        except (ElabError, TacticError):
            proof = None
        if proof is None:
            state.mctx.restore(snap)
            continue
        state.assign(goal, mk_app(Const("False.elim", [level]), [target, proof]))
        state.replace_main([])
        return True
    return False


def is_empty_candidate(state: TacticState, goal: MVar, h: FVar) -> bool:
    """Lean's `isElimEmptyInductiveCandidate`: `h`'s type is an inductive with no constructors or an
    indexed family (only those can be refuted by `cases` alone)."""
    head = get_app_fn(state.whnf(goal, _hyp(state, h).type))
    info = state.env.find(head.name) if isinstance(head, Const) else None
    return isinstance(info, InductiveInfo) and (not info.ctors or info.num_indices > 0)


def elim_empty_inductive(state: TacticState, goal: MVar, h: FVar, fuel: list[int], node: ast.Node | None) -> bool:
    """Lean's `ElimEmptyInductive.elim` (fid-list3): `cases h` closes `goal` when every case it leaves has a
    field that is itself such an empty hypothesis (`h : n + 2 ≤ 1`: the `step` case's `n + 2 ≤ 0`), at
    most `fuel` `cases` in all (Lean's `searchFuel`, 16). On failure nothing is assigned."""
    if fuel[0] <= 0:
        return False
    fuel[0] -= 1
    snap = state.mctx.snapshot()
    try:
        alts = _elim_core(state, goal, None, node, induction=False, major_expr=h,  # type: ignore[arg-type]
                          tag_alts=False)
        for alt in alts:
            res = _finish_alt(state, alt, [], node)
            if res.goal is None:
                continue
            fields = [f for f in res.fields if isinstance(f, FVar)]
            if not any(is_empty_candidate(state, res.goal, f) and elim_empty_inductive(state, res.goal, f, fuel, node)
                       for f in fields):
                state.mctx.restore(snap)
                return False
        return True
    except (TacticError, ElabError):
        state.mctx.restore(snap)
        return False


# ---------------------------------------------------------------------------
# unifying the index equations of `cases` (Lean's `unifyEqs`)
# ---------------------------------------------------------------------------

def _whnf_to_variable(state: TacticState, goal: MVar, side: Expr, other: Expr,
                      pos: dict[int, int]) -> tuple[Expr, FVar] | None:
    """`(side, x)` when `side` is no variable but reduces (whnf) to a local variable `x` the other side
    does not mention, so the equation can substitute `x` (fid-nat)."""
    if isinstance(side, FVar):
        return None
    w = state.elaborator(goal).whnf(side)
    if isinstance(w, FVar) and w.uid in pos and w.value is None and not _mentions(other, {w.uid}):
        return side, w
    return None


def _unify_eqs(state: TacticState, goal: MVar, eqs: list[FVar], node: ast.Node | None,
               mapping: dict[int, Expr]) -> MVar | None:
    """Solve the equations `eqs` (hypotheses of `goal`) one by one; None when the goal is closed."""
    queue = list(eqs)
    while queue:
        eq_fv = queue.pop(0)
        eq_fv = mapping.get(eq_fv.uid, eq_fv)  # reintroduced after an earlier substitution
        assert isinstance(eq_fv, FVar)
        h = _hyp(state, next(x for x in state.decl(goal).lctx if x.uid == eq_fv.uid))
        parsed = _parse_eq(state, goal, h.type)
        if parsed is None:
            raise _goal_error(state, goal, f"equality expected\n  {_fmt(state, h.type)}", node)
        fn, alpha, a, b = parsed
        lctx = state.decl(goal).lctx
        pos = {x.uid: i for i, x in enumerate(lctx)}
        a_var = isinstance(a, FVar) and a.uid in pos and a.value is None and not _mentions(b, {a.uid})
        b_var = isinstance(b, FVar) and b.uid in pos and b.value is None and not _mentions(a, {b.uid})
        if isinstance(a, FVar) and isinstance(b, FVar) and a.uid == b.uid:
            goal = _try_clear(state, goal, h)
            continue
        if a_var and b_var:
            if pos[a.uid] < pos[b.uid]:
                goal = subst_core(state, goal, h, b, a, True, node, mapping)
            else:
                goal = subst_core(state, goal, h, a, b, False, node, mapping)
            continue
        if a_var:
            goal = subst_core(state, goal, h, a, b, False, node, mapping)
            continue
        if b_var:
            goal = subst_core(state, goal, h, b, a, True, node, mapping)
            continue
        if state.elaborator(goal).unify(a, b):
            goal = _try_clear(state, goal, h)
            continue
        whnf_side = _whnf_to_variable(state, goal, a, b, pos) or _whnf_to_variable(state, goal, b, a, pos)
        if whnf_side is not None:  # Lean's `unifyEq`: `m + 1 = n + 1 - 1` is `m + 1 = n` after whnf
            side, var = whnf_side
            new_type = mk_app(fn, [alpha, var if side is a else a, var if side is b else b])
            goal, h2 = _rename_hyp(state, goal, h, h.name, new_type)
            queue.insert(0, h2)
            continue
        proof = no_confusion(state, goal, h, a, b, alpha, fn.levels[0])
        if proof is not None:
            target = _inst(state, state.decl(goal).type)
            lvl = _sort_level(state, goal, target, node)
            state.assign(goal, mk_app(Const("False.elim", [lvl]), [target, proof]))
            return None
        new_eqs = _injection(state, goal, h, alpha, a, b, fn.levels[0], node)
        if new_eqs is None:
            raise _goal_error(state, goal, "dependent elimination failed, failed to solve equation\n  "
                              f"{_fmt(state, a)} = {_fmt(state, b)}", node)
        goal, fvs = new_eqs
        queue = fvs + queue
    return goal


def _injection(state: TacticState, goal: MVar, h: FVar, alpha: Expr, a: Expr, b: Expr, u_alpha: Level,
               node: ast.Node | None) -> tuple[MVar, list[FVar]] | None:
    """`h : C as = C bs` gives `aᵢ = bᵢ` for every field (non-dependent field types only), by
    `congrArg (fun x => I.casesOn x … (fun fields => fieldᵢ)) h`; `h` is cleared."""
    av, bv = _ctor_view(state, goal, a), _ctor_view(state, goal, b)
    if av is None or bv is None or av[0].name != bv[0].name:
        return None
    ctor, head, a_args = av
    b_args = bv[2]
    found = _whnf_inductive(state, goal, alpha)
    if found is None:
        return None
    ind, ind_const, ty_args = found
    if not _is_large(state, ind):
        return None
    params = ty_args[: ind.num_params]
    indices = ty_args[ind.num_params:]
    index_types = _index_types(state, ind, ind_const.levels, params)
    if index_types is None:
        return None
    fields, _, _ = _open_ctor(state, ctor, ind_const.levels, params)
    a_fields, b_fields = a_args[ctor.num_params:], b_args[ctor.num_params:]
    field_uids = {f.uid for f in fields}
    elab = state.elaborator(goal)
    decl = state.decl(goal)
    new_hyps: list[tuple[FVar, Expr]] = []
    for i, f in enumerate(fields):
        if _mentions(f.type, field_uids):
            return None
        if elab.unify(a_fields[i], b_fields[i]):
            continue
        f_level = _sort_level(state, goal, f.type, node)
        fn = _cases_on_prop_motive(state, ind, ind_const.levels, params, index_types, alpha,
                                   {ctor.name: lambda fs, i=i: fs[i]}, a_fields[i], f.type, f_level)
        x = FVar("x", alpha)
        proj = mk_lambda_fvars([x], mk_app(fn, list(indices) + [x]))
        proof = mk_app(Const("congrArg", [u_alpha, f_level]), [alpha, f.type, a, b, proj, h])
        eq_type = mk_app(Const("Eq", [f_level]), [f.type, a_fields[i], b_fields[i]])
        new_hyps.append((FVar(_inaccessible("h"), eq_type), proof))
    if not new_hyps:
        return _try_clear(state, goal, h), []
    fvs = [fv for fv, _ in new_hyps]
    lctx = tuple(x for x in decl.lctx if x.uid != h.uid) if not _mentions(_inst(state, decl.type), {h.uid}) else decl.lctx
    new = state.new_goal(decl.type, lctx + tuple(fvs), decl.user_name)
    state.assign(goal, mk_app(DelayedLambda(tuple(fvs), new), [p for _, p in new_hyps]))
    return new, fvs


@register("Injection")
def tac_Injection(state: TacticState, tac: ast.Injection) -> None:
    """Lean's `injection h with a b`: `h : C as = C bs` adds `aᵢ = bᵢ` (named in order, the rest
    inaccessible) and clears `h`; different constructors close the goal (no confusion)."""
    goal = state.main_goal(tac)
    term, _ = _elab_closed_term(state, goal, tac.term, None, "none")
    term = _inst(state, term)
    if not isinstance(term, FVar):
        raise TacticError("`injection` on a term that is not a hypothesis is not supported by the embedded checker", tac)
    eq = _parse_eq(state, goal, _hyp(state, term).type)
    if eq is None:
        raise _goal_error(state, goal, "equality expected", tac)
    fn, alpha, a, b = eq
    target = state.target(goal)
    level = state.elaborator(goal).ensure_type(target, tac)
    proof = no_confusion(state, goal, term, a, b, alpha, fn.levels[0])
    if proof is not None:
        state.assign(goal, mk_app(Const("False.elim", [level]), [target, proof]))
        state.replace_main([])
        return
    res = _injection(state, goal, term, alpha, a, b, fn.levels[0], tac)
    if res is None:
        raise _goal_error(state, goal, "tactic 'injection' failed, equality of constructor applications expected", tac)
    new, fvs = res
    for name, fv in zip(tac.names, fvs):
        new, _ = _rename_hyp(state, new, fv, name)
    state.replace_main([new])


# ---------------------------------------------------------------------------
# the elimination itself
# ---------------------------------------------------------------------------

@dataclass
class _Alt:
    """One minor premise: a goal `∀ fields [ihs] [eqs] reverted, target'` to introduce and finish."""

    ctor: ConstructorInfo
    name: str  # the alternative's name (constructor short name)
    goal: MVar
    binder_infos: list[BinderInfo]  # of the fields and induction hypotheses
    num_eqs: int
    reverted: list[FVar]  # the original hypotheses to re-introduce (names, order)
    h_name: Optional[str] = None  # `cases h : e`: the equation's name

    @property
    def num_fields(self) -> int:
        return len(self.binder_infos)

    @property
    def num_explicit(self) -> int:
        return sum(1 for b in self.binder_infos if b == BinderInfo.DEFAULT)


@dataclass
class _AltResult:
    goal: Optional[MVar]
    fields: list[Expr]
    mapping: dict[int, Expr] = field(default_factory=dict)


def _elim_core(state: TacticState, goal: MVar, major_stx: ast.CasesTarget, node: ast.Node, *,
               induction: bool, generalizing: Sequence[str] = (), major_expr: Expr | None = None,
               tag_alts: bool = True) -> list[_Alt]:
    """Assign the main goal `I.casesOn …`/`I.rec …` and return one `_Alt` per constructor."""
    tactic = "induction" if induction else "cases"
    decl = state.decl(goal)
    elab = state.elaborator(goal)
    if major_expr is None:
        major, _ = _elab_closed_term(state, goal, major_stx.term, None, "none")
    else:
        major = major_expr
    major = _inst(state, major)
    major_type = _inst(state, elab.infer(major))
    found = _whnf_inductive(state, goal, major_type)
    if found is None:
        raise _goal_error(state, goal, f"tactic '{tactic}' failed, major premise type is not an inductive type\n  "
                          f"{_fmt(state, state.whnf(goal, major_type))}", node)
    ind, ind_const, ty_args = found
    levels = list(ind_const.levels)
    params = [_inst(state, p) for p in ty_args[: ind.num_params]]
    indices = [_inst(state, i) for i in ty_args[ind.num_params:]]
    target = _inst(state, decl.type)
    lctx = decl.lctx
    tag = decl.user_name
    h_name = major_stx.name if major_stx is not None else None

    # generalize a major premise that is not a variable (Lean's `generalize`): `x✝`, and `h : e = x✝` if named
    eq_h: FVar | None = None
    if not isinstance(major, FVar) or major.value is not None or h_name is not None:
        x = FVar("x✝", major_type)
        if not isinstance(major, FVar) or h_name is not None:
            target = replace(target, lambda e, _d: x if e == major else None)
        if h_name is not None:
            u = _sort_level(state, goal, major_type, node)
            eq_h = FVar(h_name, mk_app(Const("Eq", [u]), [major_type, major, x]))
        gen_value = major
        major_fv = x
    else:
        gen_value = None
        major_fv = major

    use_eqs = bool(indices) and not induction
    if use_eqs and _index_types(state, ind, levels, params) is None:
        # fid-logic: dependent index types (`h : HEq a b`, indices `{β} (b : β)`), as Lean's `cases` ends up:
        # distinct variable indices are abstracted directly (the motive `fun {β} b h => …`); an `HEq` between
        # terms of one type is cased as the equation `eq_of_heq h`
        if _distinct_variable_indices(indices, params, major_fv):
            use_eqs = False
        elif ind.name == "HEq" and len(params) == 2 and elab.unify(params[0], indices[0]):
            heq_major = mk_app(Const("eq_of_heq", levels), [params[0], params[1], indices[1], major])
            return _elim_core(state, goal, None, node, induction=False, major_expr=heq_major,  # type: ignore[arg-type]
                              tag_alts=tag_alts)
    if indices and induction:
        seen: set[int] = set()
        for i in indices:
            if not isinstance(i, FVar) or i.value is not None or i.uid in seen or _mentions(i, {major_fv.uid}):
                raise TacticError("Invalid target: Index in target's type is not a variable (consider using the "
                                  f"`cases` tactic instead)\n  {_fmt(state, i)}", node)
            seen.add(i.uid)
        if any(_mentions(p, seen) for p in params):
            raise TacticError("Invalid target: Index in target's type is not a variable (consider using the "
                              "`cases` tactic instead)", node)
    targets: list[FVar] = ([] if use_eqs else [i for i in indices]) + [major_fv]  # type: ignore[misc]
    target_uids = {t.uid for t in targets}

    # what to revert: dependents of the targets, plus `generalizing` variables and their dependents
    gen_uids: set[int] = set()
    for name in generalizing:
        fv = next((h for h in reversed(lctx) if h.name == name and h.uid not in state.hidden), None)
        if fv is None:
            raise TacticError(f"Unknown identifier `{name}`", node)
        if fv.uid in target_uids or _mentions(_hyp(state, major_fv).type, {fv.uid}) or any(
                _mentions(_inst(state, p), {fv.uid}) for p in params):
            raise TacticError(f"Variable '{name}' cannot be generalized because the induction target depends on it", node)
        gen_uids.add(fv.uid)
    if use_eqs:
        reverted: list[FVar] = []
    else:
        dep = set(target_uids) if gen_value is None else set()
        deps = _dependents(state, lctx, dep | gen_uids) if (dep or gen_uids) else []
        reverted = [h for h in lctx if h.uid in gen_uids] + deps
        reverted = [h for h in lctx if any(r.uid == h.uid for r in reverted)]
        if any(_mentions(_inst(state, p), {r.uid for r in reverted}) for p in params):
            raise _goal_error(state, goal, f"tactic '{tactic}' failed, the parameters depend on reverted hypotheses", node)
    reverted_inst = [_hyp(state, r) for r in reverted]
    extra = [eq_h] if eq_h is not None else []
    body = mk_pi_fvars(extra + reverted_inst, target)

    # the motive and its universe
    elim_level = _sort_level(state, goal, body, node) if not use_eqs else None
    index_types = _index_types(state, ind, levels, params)
    if use_eqs:
        if index_types is None:
            raise _goal_error(state, goal, "tactic 'cases' failed, dependent index types are not supported by the embedded checker", node)
        js = [FVar("j", t) for t in index_types]
        xj = FVar("x", mk_app(Const(ind.name, levels), params + js))
        eq_fvs = []
        for idx, j, t in zip(indices, js, index_types):
            u = _sort_level(state, goal, t, node)
            eq_fvs.append(FVar("h", mk_app(Const("Eq", [u]), [t, idx, j])))
        if isinstance(major_fv, FVar) and gen_value is None:
            deps_on_major = _dependents(state, lctx, {major_fv.uid})
            keep_major = bool(deps_on_major) or _mentions(target, {major_fv.uid})
        else:
            keep_major = False
        eq_body = mk_pi_fvars(eq_fvs, target)
        elim_level = _sort_level(state, goal, target, node)
        motive = mk_lambda_fvars(js + [xj], eq_body)
    else:
        keep_major = False
        motive = mk_lambda_fvars(targets, body)
    large = _is_large(state, ind)
    if not large and not _is_prop_level(state, goal, elim_level):
        rec_name = f"{ind.name}.rec" if induction else f"{ind.name}.casesOn"
        raise _goal_error(state, goal, f"tactic '{tactic}' failed, recursor '{rec_name}' can only eliminate into Prop", node)
    elim_levels = ([state.mctx.instantiate_level(elim_level)] if large else []) + levels

    # the new goals' context: without the targets and the reverted hypotheses
    drop = {r.uid for r in reverted}
    if not use_eqs:
        drop |= target_uids
    elif isinstance(major_fv, FVar) and not keep_major:
        drop.add(major_fv.uid)
    base_lctx = tuple(h for h in lctx if h.uid not in drop)

    alts: list[_Alt] = []
    minors: list[Expr] = []
    for ctor_name in ind.ctors:
        ctor = state.env.find(ctor_name)
        assert isinstance(ctor, ConstructorInfo)
        fields, ctor_indices, ctor_app = _open_ctor(state, ctor, levels, params)
        shown = _display_ctor_app(ind, ctor_app, fields)
        ihs: list[FVar] = []
        if induction:
            for f in fields:
                ys, ft = open_telescope(elab, f.type)
                fh, fargs = get_app_fn_args(elab.whnf(ft) if not isinstance(get_app_fn(ft), Const) else ft)
                # a recursive field has the inductive with the same parameters (`tail : List α`, not the
                # `head : List α` of a `List (List α)`)
                if isinstance(fh, Const) and fh.name == ind.name and len(fargs) >= ind.num_params and all(
                        elab.unify(a, p) for a, p in zip(fargs[:ind.num_params], params)):
                    rec_idx = fargs[ind.num_params:]
                    ih_body = instantiate(abstract(body, targets), list(rec_idx) + [mk_app(f, ys)])
                    ih_name = "a" if ind.name == "Nat" else f"{f.name}_ih"
                    ihs.append(FVar(ih_name, mk_pi_fvars(ys, ih_body)))
        if use_eqs:
            alt_body = instantiate(abstract(eq_body, js), list(ctor_indices))
        else:
            alt_body = instantiate(abstract(body, targets), list(ctor_indices) + [shown])
        alt_type = mk_pi_fvars(fields + ihs, alt_body)
        alt_tag = _append_tag(tag, _ctor_short(ctor_name)) if tag_alts else tag
        alt_goal = state.new_goal(alt_type, base_lctx, alt_tag)
        minors.append(alt_goal)
        alts.append(_Alt(ctor, _ctor_short(ctor_name), alt_goal,
                         [f.binder_info for f in fields] + [BinderInfo.DEFAULT] * len(ihs),
                         len(indices) if use_eqs else 0, reverted, h_name if eq_h is not None else None))

    if induction:
        elim = mk_app(Const(f"{ind.name}.rec", elim_levels), params + [motive] + minors + indices + [major])
    else:
        major_arg = major if gen_value is None else gen_value
        elim = mk_app(Const(f"{ind.name}.casesOn", elim_levels), params + [motive] + indices + [major_arg] + minors)
        if use_eqs:
            for idx, t in zip(indices, index_types or []):
                u = _sort_level(state, goal, t, node)
                elim = App(elim, mk_app(Const("Eq.refl", [u]), [t, idx]))
    if eq_h is not None:
        u = _sort_level(state, goal, major_type, node)
        elim = App(elim, mk_app(Const("Eq.refl", [u]), [major_type, major]))
    elim = mk_app(elim, reverted)
    state.assign(goal, elim)
    return alts


def _finish_alt(state: TacticState, alt: _Alt, names: Sequence[str], node: ast.Node | None) -> _AltResult:
    """Introduce the fields (explicit ones named by `names`, the rest inaccessible), solve the index
    equations, and re-introduce the reverted hypotheses with their names."""
    goal = alt.goal
    fields: list[Expr] = []
    names = list(names)
    for info in alt.binder_infos:
        name = None
        if info == BinderInfo.DEFAULT and names:
            given = names.pop(0)
            name = None if given == "_" else given
        goal, fv = _intro_named(state, goal, name, node)
        fields.append(fv)
    mapping: dict[int, Expr] = {}
    if alt.h_name is not None:
        goal, _ = _intro_named(state, goal, alt.h_name, node)
    if alt.num_eqs:
        eqs = []
        for _ in range(alt.num_eqs):
            goal, fv = _intro_named(state, goal, "h✝", node)
            eqs.append(fv)
        result = _unify_eqs(state, goal, eqs, node, mapping)
        if result is None:
            return _AltResult(None, fields, mapping)
        goal = result
    for r in alt.reverted:
        goal, fv = _intro_named(state, goal, r.name, node)
        mapping[r.uid] = fv
    fields = [_follow(mapping, f) for f in fields]
    return _AltResult(goal, fields, mapping)


def _follow(mapping: dict[int, Expr], e: Expr) -> Expr:
    seen = 0
    while isinstance(e, FVar) and e.uid in mapping and seen < 1000:
        e = mapping[e.uid]
        seen += 1
    return e


def _or_list(items: Sequence[str]) -> str:
    if not items:
        return "-"
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} or {items[1]}"
    return ", ".join(items[:-1]) + ", or " + items[-1]


def _pre_goals(state: TacticState, goal: MVar, pre: Optional[ast.Tactic]) -> list[MVar]:
    """The goals `with tac` leaves of one alternative's goal (itself without a pre-tactic)."""
    if pre is None:
        return [goal]
    state.goals = [goal] + state.goals
    return _focus(state, goal, lambda s: run_tactic_seq(s, ast.TacticSeq(pre.pos, pre.end_pos, (pre,))), pre,
                  must_close=False)


def _run_alts(state: TacticState, alts: list[_Alt], alt_stxs: Optional[Sequence[ast.InductionAlt]], node: ast.Tactic,
              pre: Optional[ast.Tactic] = None) -> None:
    """Lean's `evalAlts`: the `with` alternatives in the order written, then the remaining ones; a
    pre-tactic (`with tac | …`) runs first on every alternative's goal."""
    if alt_stxs is None or (pre is not None and not alt_stxs):
        new_goals = []
        state.goals = state.goals[1:] if pre is not None else state.goals
        for alt in alts:
            res = _finish_alt(state, alt, (), node)
            if res.goal is not None:
                new_goals.extend(_pre_goals(state, res.goal, pre))
        if pre is not None:
            state.goals = new_goals + state.goals
        else:
            state.replace_main(new_goals)
        return
    # the main goal is consumed; alternatives are focused one at a time
    state.goals = state.goals[1:]
    seen: list[str] = []
    invalid: list[ast.InductionAlt] = []
    for i, stx in enumerate(alt_stxs):
        if stx.tag == "_":
            if i != len(alt_stxs) - 1:
                raise TacticError("Invalid occurrence of the wildcard alternative `| _ => ...`: It must be the last alternative", stx)
            if stx.names:
                raise TacticError("The wildcard alternative `| _ => ...` must not specify variable names", stx)
            continue
        if stx.tag in seen:
            raise TacticError(f"Duplicate alternative name '{stx.tag}'", stx)
        seen.append(stx.tag)
        if not any(a.name == stx.tag for a in alts):
            invalid.append(stx)
    if invalid:
        unhandled = [f"'{a.name}'" for a in alts if a.name not in seen]
        msg = f"Expected {_or_list(unhandled)}" if unhandled else "There are no unhandled alternatives"
        raise TacticError(f"Invalid alternative name '{invalid[0].tag}': {msg}", invalid[0])
    remaining = list(alts)

    opened: list[MVar] = []

    def run(alt: _Alt, stx: ast.InductionAlt) -> None:
        names = [] if stx.tag == "_" else list(stx.names)
        if len(names) > alt.num_explicit:
            raise TacticError(f"Too many variable names provided at alternative '{alt.name}': {len(names)} provided, "
                              f"but {alt.num_explicit} expected", stx)
        res = _finish_alt(state, alt, names, stx)
        goals = _pre_goals(state, res.goal, pre) if res.goal is not None else []
        if not goals:
            if stx.tag != "_":
                raise TacticError(f"Alternative '{alt.name}' is not needed", stx)
            return
        if stx.hole:
            opened.extend(goals)  # `=> ?_`: the goals stay open, after the alternatives (Lean's `evalAlts`)
            return
        for g in goals:
            state.goals = [g] + state.goals
            _focus(state, g, lambda s: run_tactic_seq(s, stx.body), stx)

    for stx in alt_stxs:
        if stx.tag == "_":
            if not remaining:
                raise TacticError("Wildcard alternative is not needed", stx)
            for alt in remaining:
                run(alt, stx)
            remaining = []
            continue
        alt = next(a for a in remaining if a.name == stx.tag)
        remaining.remove(alt)
        run(alt, stx)
    for alt in remaining:
        res = _finish_alt(state, alt, (), node)
        left = _pre_goals(state, res.goal, pre) if res.goal is not None else []
        if left:
            state.goals = left + state.goals
            raise TacticError(f"Alternative '{alt.name}' has not been provided", node)
    state.goals = opened + state.goals
    state.prune()


@register("Cases")
def tac_Cases(state: TacticState, tac: ast.Cases) -> None:
    goal = state.main_goal(tac)
    if tac.using is not None:
        raise TacticError("`cases … using` is not supported by the embedded checker", tac)
    if len(tac.targets) != 1:
        raise TacticError("`cases` with several targets is not supported by the embedded checker", tac)
    alts = _elim_core(state, goal, tac.targets[0], tac, induction=False)
    _run_alts(state, alts, tac.alts, tac, tac.pre)


@register("Induction")
def tac_Induction(state: TacticState, tac: ast.Induction) -> None:
    goal = state.main_goal(tac)
    if tac.using is not None:
        from .tactics_elim_using import elim_using  # a custom eliminator (`Nat.strongRecOn`)

        _run_alts(state, elim_using(state, goal, tac), tac.alts, tac, tac.pre)
        return
    if len(tac.targets) != 1:
        raise TacticError("`induction` with several targets is not supported by the embedded checker", tac)
    if tac.targets[0].name is not None:
        raise TacticError("`induction h : e` is not supported by the embedded checker", tac)
    alts = _elim_core(state, goal, tac.targets[0], tac, induction=True, generalizing=tac.generalizing)
    _run_alts(state, alts, tac.alts, tac, tac.pre)


# ---------------------------------------------------------------------------
# rcases patterns
# ---------------------------------------------------------------------------

def _term_to_rpat(t: ast.Term) -> ast.RPat:
    """`intro`/`have` patterns are terms: `⟨a, b⟩`, `x`, `_`, `(p : T)`."""
    if isinstance(t, ast.AnonymousCtor):
        return ast.RPatTuple(t.pos, t.end_pos, tuple(_term_to_rpat(a) for a in t.args))
    if isinstance(t, ast.Ident) and "." not in t.name:
        return ast.RPatName(t.pos, t.end_pos, t.name)
    if isinstance(t, ast.Hole):
        return ast.RPatName(t.pos, t.end_pos, "_")
    if isinstance(t, ast.TypeAscription):
        return ast.RPatTyped(t.pos, t.end_pos, _term_to_rpat(t.term), t.type)
    inner = getattr(t, "term", None)
    if type(t).__name__ == "Paren" and inner is not None:
        return _term_to_rpat(inner)
    raise TacticError("unsupported pattern in the embedded checker", t)


def _tuple_args(pat: ast.RPat) -> list[ast.RPat]:
    if isinstance(pat, ast.RPatTuple):
        return list(pat.args)
    return [pat]


def _align(pats: list[ast.RPat], n: int, node: ast.Node) -> list[ast.RPat]:
    """rcases' rule: pad with `_`; extra patterns go into the last field as a tuple."""
    blank = ast.RPatName(node.pos, node.end_pos, "_")
    if len(pats) <= n:
        return pats + [blank] * (n - len(pats))
    if n == 0:
        return []
    last = ast.RPatTuple(pats[n - 1].pos, pats[-1].end_pos, tuple(pats[n - 1:]))
    return pats[: n - 1] + [last]


def rcases_core(state: TacticState, goal: MVar, fv: Expr, pat: ast.RPat, node: ast.Node, tags: bool = True) -> list[MVar]:
    """Destructure the hypothesis `fv` of `goal` by the pattern; returns the resulting goals."""
    if isinstance(pat, ast.RPatTyped):
        if isinstance(fv, FVar):
            elab = state.elaborator(goal)
            ty = elab.elab_type(pat.type)
            elab.synthesize_pending()
            if not elab.unify(ty, _hyp(state, fv).type):
                raise _goal_error(state, goal, f"type mismatch\n  {fv.name}\nhas type\n  {_fmt(state, _hyp(state, fv).type)}"
                                  f"\nbut is expected to have type\n  {_fmt(state, ty)}", pat)
            goal, fv = _rename_hyp(state, goal, fv, fv.name, _inst(state, ty))
        return rcases_core(state, goal, fv, pat.pat, node, tags)
    if not isinstance(fv, FVar):
        return [goal]  # the hypothesis was substituted away
    if isinstance(pat, ast.RPatName):
        if pat.name == "rfl":
            return [_subst_eq_hyp(state, goal, fv, pat)]
        if pat.name == "_":
            return [goal]
        new, _ = _rename_hyp(state, goal, fv, pat.name)
        return [new]
    if isinstance(pat, ast.RPatClear):
        return [_try_clear(state, goal, fv)]
    if isinstance(pat, ast.RPatTuple):
        alt_pats: list[ast.RPat] = [pat]
    elif isinstance(pat, ast.RPatAlts):
        alt_pats = list(pat.alts)
    else:
        raise TacticError("unsupported rcases pattern", pat)
    found = _whnf_inductive(state, goal, _hyp(state, fv).type)
    if found is None:
        raise _goal_error(state, goal, f"rcases: `{fv.name}` is not an inductive datatype", pat)
    ind = found[0]
    if len(alt_pats) == 1 and len(ind.ctors) != 1 and isinstance(pat, ast.RPatTuple) and not pat.args:
        alt_pats = []
    if len(alt_pats) > len(ind.ctors) >= 1:  # Lean's `processConstructors`: the last constructor's fields take
        n = len(ind.ctors)                  # the rest as one alternation (`ha | hb | hc` on `a ∨ b ∨ c`)
        alt_pats = alt_pats[:n - 1] + [ast.RPatAlts(alt_pats[n - 1].pos, alt_pats[-1].end_pos, tuple(alt_pats[n - 1:]))]
    target_stx = ast.CasesTarget(node.pos, node.end_pos, None, ast.Hole(node.pos, node.end_pos))
    alts = _elim_core(state, goal, None, node, induction=False, major_expr=fv, tag_alts=tags)  # type: ignore[arg-type]
    del target_stx
    out: list[MVar] = []
    for i, alt in enumerate(alts):
        p = alt_pats[i] if i < len(alt_pats) else ast.RPatName(node.pos, node.end_pos, "_")
        explicit = [k for k, b in enumerate(alt.binder_infos) if b == BinderInfo.DEFAULT]
        field_pats = _align(_tuple_args(p), len(explicit), p)
        names = [q.name if isinstance(q, ast.RPatName) and q.name not in ("rfl",) else "_" for q in field_pats]
        res = _finish_alt(state, alt, names, node)
        if res.goal is None:
            continue
        goals = [res.goal]
        # continue with the sub-patterns, field by field, in every goal produced so far
        for k, q in zip(explicit, field_pats):
            if isinstance(q, ast.RPatName) and q.name != "rfl":
                continue
            next_goals: list[MVar] = []
            for g in goals:
                target_fv = _current(state, g, res, alt, k)
                next_goals.extend(rcases_core(state, g, target_fv, q, node, tags))
            goals = next_goals
        out.extend(goals)
    return out


def _current(state: TacticState, goal: MVar, res: _AltResult, alt: _Alt, k: int) -> Expr:
    """The current form of field `k` in `goal`: find it by identity, else by name among the newest."""
    f = res.fields[k]
    if not isinstance(f, FVar):
        return f
    lctx = state.decl(goal).lctx
    for h in lctx:
        if h.uid == f.uid:
            return h
    for h in reversed(lctx):  # re-introduced after a substitution: same name
        if h.name == f.name:
            return h
    return f


def _rcases_targets(state: TacticState, tac: ast.Node, targets: Sequence[ast.CasesTarget], pat: ast.RPat) -> None:
    pats = [pat] if len(targets) == 1 else _align(_tuple_args(pat), len(targets), pat)
    for target, p in zip(targets, pats):
        goal = state.main_goal(tac)
        if target.name is not None:
            raise TacticError("`rcases h : e` is not supported by the embedded checker", tac)
        value, extra = _elab_closed_term(state, goal, target.term, None, "none")
        value = _inst(state, value)
        if isinstance(value, FVar) and value.value is None:
            goals = rcases_core(state, goal, value, p, tac)
        else:
            goal2, fv = _have_fvar(state, goal, value)
            goals = rcases_core(state, goal2, fv, p, tac)
        state.replace_main(goals)


def _have_fvar(state: TacticState, goal: MVar, value: Expr, name: str = "x✝", ty: Expr | None = None) -> tuple[MVar, FVar]:
    decl = state.decl(goal)
    if ty is None:
        ty = _inst(state, state.elaborator(goal).infer(value))
    fv = FVar(name, ty)
    body = state.new_goal(decl.type, decl.lctx + (fv,), decl.user_name)
    state.assign(goal, App(DelayedLambda((fv,), body), value))
    return body, fv


@register("Rcases")
def tac_Rcases(state: TacticState, tac: ast.Rcases) -> None:
    pat = tac.pattern if tac.pattern is not None else ast.RPatName(tac.pos, tac.end_pos, "_")
    _rcases_targets(state, tac, tac.targets, pat)


@register("Obtain")
def tac_Obtain(state: TacticState, tac: ast.Obtain) -> None:
    goal = state.main_goal(tac)
    pat = tac.pattern if tac.pattern is not None else ast.RPatName(tac.pos, tac.end_pos, "this")
    elab = state.elaborator(goal)
    ty = None
    if tac.type is not None:
        ty = elab.elab_type(tac.type)
        elab.synthesize_pending()
        ty = _inst(state, ty)
    if not tac.values:
        if ty is None:
            raise TacticError("`obtain` needs a type or a value", tac)
        decl = state.decl(goal)
        side = state.new_goal(ty, decl.lctx, decl.user_name)
        goal2, fv = _have_fvar(state, goal, side, "this", ty)
        goals = rcases_core(state, goal2, fv, pat, tac)
        state.replace_main([side] + goals)
        return
    if len(tac.values) != 1:
        raise TacticError("`obtain … := e₁, e₂` is not supported by the embedded checker", tac)
    value, new_goals = _elab_closed_term(state, goal, tac.values[0], ty, "synthetic")
    value = _inst(state, value)
    if isinstance(value, FVar) and value.value is None and ty is None:
        goals = rcases_core(state, goal, value, pat, tac)
    else:
        goal2, fv = _have_fvar(state, goal, value, "x✝", ty)
        goals = rcases_core(state, goal2, fv, pat, tac)
    state.replace_main(goals + new_goals)


@register("Rintro")
def tac_Rintro(state: TacticState, tac: ast.Rintro) -> None:
    goal = state.main_goal(tac)
    goals = _rintro(state, goal, list(tac.patterns), tac)
    if tac.type is not None:
        raise TacticError("`rintro … : T` is not supported by the embedded checker", tac)
    state.replace_main(goals)


def _rintro(state: TacticState, goal: MVar, pats: list[ast.RPat], tac: ast.Node) -> list[MVar]:
    if not pats:
        return [goal]
    pat, rest = pats[0], pats[1:]
    inner = pat.pat if isinstance(pat, ast.RPatTyped) else pat
    if isinstance(inner, ast.RPatName) and inner.name != "rfl":
        new, fv = intro_core(state, goal, None if inner.name == "_" else inner.name, tac)
        goals = rcases_core(state, new, fv, pat, tac) if isinstance(pat, ast.RPatTyped) else [new]
    else:
        new, fv = intro_core(state, goal, None, tac)
        goals = rcases_core(state, new, fv, pat, tac)
    out: list[MVar] = []
    for g in goals:
        out.extend(_rintro(state, g, rest, tac))
    return out


def intro_pattern(state: TacticState, goal: MVar, pat: ast.Term, tac: ast.Node) -> None:
    """`intro ⟨a, b⟩`: introduce, then destructure (Lean's `intro h; match h with | ⟨a, b⟩ => ?_`)."""
    rpat = _term_to_rpat(pat)
    new, fv = intro_core(state, goal, None, tac)
    goals = rcases_core(state, new, fv, rpat, tac, tags=False)
    state.replace_main(goals)


def have_pattern(state: TacticState, goal: MVar, pattern: ast.Term, value: Expr, ty: Expr,
                 new_goals: list[MVar], tac: ast.HaveTac) -> None:
    """`have ⟨a, b⟩ := e`."""
    rpat = _term_to_rpat(pattern)
    goal2, fv = _have_fvar(state, goal, value, "x✝", ty)
    goals = rcases_core(state, goal2, fv, rpat, tac, tags=False)
    state.replace_main(goals + new_goals if tac.value is not None else new_goals + goals)


# ---------------------------------------------------------------------------
# revert, clear
# ---------------------------------------------------------------------------

def _named_hyp(state: TacticState, goal: MVar, name: str, node: ast.Node) -> FVar:
    for h in reversed(state.decl(goal).lctx):
        if h.name == name and h.uid not in state.hidden:
            return h
    raise TacticError(f"unknown identifier '{name}'", node)


@register("Revert")
def tac_Revert(state: TacticState, tac: ast.Revert) -> None:
    """`revert h₁ h₂`: the hypotheses, and every later one depending on them, go back into the target
    as `∀` binders (Lean's `MVarId.revert`: the goal is the new goal applied to them)."""
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    uids = {_named_hyp(state, goal, name, tac).uid for name in tac.names}
    deps = _dependents(state, decl.lctx, uids)
    out = uids | {h.uid for h in deps}
    reverted = [_hyp(state, h) for h in decl.lctx if h.uid in out]
    if any(h.value is not None for h in reverted):
        raise TacticError("tactic 'revert' of a `let` variable is not supported by the embedded checker", tac)
    target = mk_pi_fvars(reverted, _inst(state, decl.type))
    new = state.new_goal(target, tuple(h for h in decl.lctx if h.uid not in out), decl.user_name)
    state.assign(goal, mk_app(new, reverted))
    state.replace_main([new])


@register("Clear")
def tac_Clear(state: TacticState, tac: ast.Clear) -> None:
    """`clear h₁ h₂`: remove the hypotheses (last first); one that the target or another hypothesis
    depends on cannot be cleared."""
    goal = state.main_goal(tac)
    for name in reversed(tac.names):
        fv = _named_hyp(state, goal, name, tac)
        decl = state.decl(goal)
        if _mentions(_inst(state, decl.type), {fv.uid}):
            raise _goal_error(state, goal, f"tactic 'clear' failed, target depends on '{name}'", tac)
        user = next((h for h in decl.lctx if h.uid != fv.uid and _hyp_mentions(state, h, {fv.uid})), None)
        if user is not None:
            raise _goal_error(state, goal, f"tactic 'clear' failed, variable '{user.name}' depends on '{name}'", tac)
        new = state.new_goal(decl.type, tuple(h for h in decl.lctx if h.uid != fv.uid), decl.user_name)
        state.assign(goal, new)
        goal = new
    state.replace_main([goal])
