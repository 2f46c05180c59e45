"""Dependent pattern matching for the match compiler: which indices a case split abstracts, which
hypotheses it must generalize (their types mention the split variable or its indices), and the
constructor view of a column a previous split already fixed. Untrusted: the kernel re-checks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lean_bridge.syntax import ast

from .environment import ConstructorInfo, InductiveInfo
from .expr import App, Const, Expr, FVar, NatLit, Pi, get_app_args, get_app_fn, iter_subexprs, mk_app

if TYPE_CHECKING:
    from .elab_term import TermElaborator

from .elab_term import ElabError


@dataclass
class SplitSite:
    """One case split: the variable, its type's indices (variables), parameters, and the hypotheses
    generalized in the motive (`motive_body` = `∀ generalized, goal`)."""

    discr: FVar
    indices: list[FVar]
    params: list[Expr]
    head: Const
    generalized: list[FVar]
    motive_body: Expr


def _mentions_any(e: Expr, uids: set[int]) -> bool:
    return e.has_fvar and any(isinstance(x, FVar) and x.uid in uids for x in iter_subexprs(e))


def free_indices(elab: "TermElaborator", info: InductiveInfo, d: FVar, args: list[Expr], node: ast.Node) -> list[FVar]:
    """The indices of `d`'s type, which must be distinct variables not occurring in its parameters
    (Lean would unify other indices with the constructors'; that is not supported here)."""
    indices = [elab.instantiate(a) for a in args[info.num_params:]]
    params = [elab.instantiate(a) for a in args[: info.num_params]]
    uids: list[int] = []
    for idx in indices:
        if not isinstance(idx, FVar) or idx.uid in uids or idx.uid == d.uid or idx.value is not None:
            raise ElabError(f"pattern matching on the indexed family '{info.name}' with an index that is not a "
                            "variable is not supported by the embedded checker (use `cases`/`subst`)", node)
        uids.append(idx.uid)
    if any(_mentions_any(p, set(uids)) for p in params):
        raise ElabError(f"pattern matching on '{info.name}': an index occurs in the parameters; not supported by "
                        "the embedded checker", node)
    return indices  # type: ignore[return-value]


def dependents(elab: "TermElaborator", d: FVar, indices: list[FVar]) -> list[FVar]:
    """The hypotheses (in context order) whose types mention `d`, its indices or an earlier dependent:
    a split must generalize them so each branch sees them at the constructor (Lean's `generalizing`)."""
    uids = {d.uid} | {i.uid for i in indices}
    rec = elab.recursive.fvar.uid if getattr(elab, "recursive", None) is not None else None
    out: list[FVar] = []
    for fv in elab.lctx:
        if fv.uid in uids or fv.uid == rec:
            continue
        if _mentions_any(elab.instantiate(fv.type), uids) or (fv.value is not None and _mentions_any(elab.instantiate(fv.value), uids)):
            if fv.value is not None:
                raise ElabError(f"dependent pattern matching: the local definition '{fv.name}' depends on the "
                                "discriminant; not supported by the embedded checker", None)
            out.append(fv)
            uids.add(fv.uid)
    return out


def as_constructor_app(elab: "TermElaborator", e: Expr) -> Expr | None:
    """`e` in weak head normal form as a constructor application (`3` as `Nat.succ 2`), or None."""
    value = elab.whnf(elab.instantiate(e))
    if isinstance(value, NatLit):
        return Const("Nat.zero") if value.value == 0 else App(Const("Nat.succ"), NatLit(value.value - 1))
    head = get_app_fn(value)
    if isinstance(head, Const) and isinstance(elab.env.find(head.name), ConstructorInfo):
        return value
    return None


def absurd_leaf(elab: "TermElaborator", goal: Expr, outside: frozenset[int] = frozenset()) -> Expr | None:
    """A proof of `goal` for a case no alternative covers, when a hypothesis is absurd there (Lean's match
    compiler closes such leaves with `contradiction`): `h : False`, `h : ¬a = a`, or `h : ¬p` beside `p`;
    the hypotheses `outside` the match (see `independent_of`) are not the matcher's and are not used."""
    sort = elab.whnf(elab.infer(goal))
    level = getattr(sort, "level", None)
    if level is None:
        return None
    rec = elab.recursive.fvar.uid if getattr(elab, "recursive", None) is not None else None
    hyps = [h for h in elab.lctx if h.uid != rec and h.uid not in outside]

    def elim(proof: Expr) -> Expr:
        return mk_app(Const("False.elim", [level]), [goal, proof])

    for h in hyps:
        if get_app_fn(elab.whnf(h.type)) == Const("False"):
            return elim(h)
    for h in hyps:
        ty = elab.whnf(h.type)
        if not (isinstance(ty, Pi) and ty.body.lbr == 0 and get_app_fn(elab.whnf(ty.body)) == Const("False")):
            continue
        dom = elab.whnf(ty.type)
        fn = get_app_fn(dom)
        args = get_app_args(dom)
        if isinstance(fn, Const) and fn.name == "Eq" and len(args) == 3 and elab.unify(args[1], args[2]):
            return elim(App(h, mk_app(Const("Eq.refl", fn.levels), [args[0], args[1]])))
        for h2 in hyps:
            if h2 is not h and elab.unify(h2.type, ty.type):
                return elim(App(h, h2))
    return _contradiction_leaf(elab, goal, outside)


def independent_of(elab: "TermElaborator", discrs: list[Expr]) -> frozenset[int]:
    """The hypotheses of the context outside a match's scope: neither a discriminant nor depending on
    one (transitively). Lean's match compiler closes an uncovered case with `contradiction` on its own
    context only (the discriminants and what it generalizes), never on such a hypothesis (`f : False`)."""
    uids = {d.uid for d in discrs if isinstance(d, FVar)}
    out: set[int] = set()
    for fv in elab.lctx:
        if fv.uid in uids:
            continue
        if _mentions_any(elab.instantiate(fv.type), uids) or (
                fv.value is not None and _mentions_any(elab.instantiate(fv.value), uids)):
            uids.add(fv.uid)
        else:
            out.add(fv.uid)
    return frozenset(out)


def _contradiction_leaf(elab: "TermElaborator", goal: Expr, outside: frozenset[int] = frozenset()) -> Expr | None:
    """The rest of Lean's `contradiction` on the leaf (fid-nat): `h : n + 1 = 0` (constructors differ),
    `h : 0 < 0` (an empty family instance); the function being defined stays hidden. The proof term
    is the tactic's, re-checked by the kernel with the whole definition. The hypotheses ``outside`` the
    match are hidden from it, as from Lean's matcher."""
    from lean_bridge.syntax import ast

    from .tactics import TacticError, TacticState, tac_Contradiction

    node = ast.Contradiction((0, 0), (0, 0), "contradiction")
    # unique names (same identities) so that `cases` can reach a hypothesis the patterns left unnamed
    lctx = tuple(FVar(f"h{i}✝fid", f.type, f.value, f.binder_info, uid=f.uid) for i, f in enumerate(elab.lctx))
    mvar = elab.mctx.new_mvar(goal, lctx, None, "syntheticOpaque")
    rec = getattr(elab, "recursive", None)
    hidden = (frozenset({rec.fvar.uid}) if rec is not None else frozenset()) | outside
    snap = elab.mctx.snapshot()
    state = TacticState(elab.env, elab.scope, elab.mctx, [mvar], elab.level_names, elab.checker.max_steps,
                        hidden=hidden, record_steps=False, recursive=rec)
    try:
        tac_Contradiction(state, node)
    except (TacticError, ElabError):
        elab.mctx.restore(snap)
        return None
    state.prune()
    if state.goals:
        elab.mctx.restore(snap)
        return None
    return elab.mctx.instantiate(mvar)
