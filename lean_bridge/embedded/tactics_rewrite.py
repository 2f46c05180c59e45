"""Rewriting tactics: `rw`/`rewrite`/`rwa` and the simplifier `simp` (`simp only`, `simp at h`,
`simp [*]`, `simp_all`, `simpa … using e`).

Everything here is untrusted: each tactic assigns the goal a proof term built from `Eq.mpr`,
`Eq.mp`, `congrArg`, `funext`, `propext`, `Eq.trans`, `Eq.symm`, and the kernel re-checks the
finished proof, so a bug here can only make a proof fail.

`rw [rules] at loc` follows Lean's `Lean.MVarId.rewrite`: each rule is elaborated (explicit
arguments may stay holes), its type opened with fresh holes (`∀ x, f x = x`), reduced to `a = b`
(`↔` goes through `propext`; `←` uses `Eq.symm`), and the pattern `a` is abstracted from the target
the way `kabstract` does it: pre-order, function before argument, skipping subterms with bound
variables, the first subterm with the pattern's head and arity that unifies (reducible
transparency plus instances) fixes the pattern's holes, then every instance equal to it is
abstracted. The proof is `Eq.mpr (id (congrArg (fun _a => …) h)) ?new` (at a hypothesis: a new
hypothesis `Eq.mp (congrArg …) h` replaces the old one). After all rules `rw` tries
`with_reducible rfl` (`Eq.refl`/`Iff.refl`, sides compared unfolding only
reducible definitions and instances, with Lean's literal and offset arithmetic: `2 + 2 = 4` and
`a = a` close, `0 + n = n` and `n + 0 = n` do not); `rwa` then runs `assumption`. A rule naming
a definition rewrites with its equations (the first subterm `f args` whose match reduces).

`simp` rewrites bottom-up to a fixed point: children first (congruence through `congrArg`,
`funext`, and `∀`/`→`), then rewrite rules at the root, then again on the result. Rules are the
arguments (`h : a = b`, `← h`, `h : p` as `p = True`, `h : ¬p` as `p = False`, `∀`-lemmas with
side conditions discharged by simp itself, `*` for every hypothesis, definitions to unfold by
their equations), plus `DEFAULT_SIMP_LEMMAS` unless `only`, plus literal arithmetic on `Nat`
numerals (Lean's default simprocs, active in `simp only` too: `2 + 3 ⟶ 5`, `2 = 3 ⟶ False`), and
Lean's `↓reduceIte`/`↓reduceDIte`: an `if` whose condition simplifies to `True`/`False` becomes its
branch (by `if_pos`/`if_neg`/`dif_pos`/`dif_neg`).
Permutation lemmas (`a + b = b + a`) rewrite only when the result is smaller (ordered rewriting).
A goal that becomes `True` is closed, so is `a = a`; a hypothesis that becomes `False` closes
the goal; `simp made no progress` when nothing changed.

The default simp set (`simp` without `only`), all in `library/Simp.lean` (proved in term mode,
none needs induction):

- logic: `eq_self`, `ne_eq`, `iff_self`, `and_true`, `true_and`, `and_false`, `false_and`,
  `and_self`, `or_true`, `true_or`, `or_false`, `false_or`, `or_self`, `not_true_eq_false`,
  `not_false_eq_true`, `implies_true`, `true_implies`, `false_implies`, `iff_true`, `true_iff`,
  `iff_false`, `false_iff`;
- Nat: `Nat.zero_eq`, `Nat.succ_eq_add_one`, `Nat.add_eq`, `Nat.mul_eq`, `Nat.sub_eq`,
  `Nat.add_zero`, `Nat.mul_zero`, `Nat.sub_zero`, `Nat.pred_zero`, `Nat.pred_succ`,
  `Nat.le_refl`, `Nat.succ.injEq`, `Nat.succ_ne_zero`;
- List: `List.nil_append`, `List.cons_append`, `List.length_nil`, `List.length_cons`,
  `List.map_nil`, `List.map_cons`, `List.reverse_nil`, `List.cons_ne_nil`, `List.cons.injEq`;
- Prod/Option/HEq: `Prod.mk.injEq`, `Option.some.injEq`, `Option.map_none'`, `Option.map_some'`,
  `Option.getD_none`, `Option.getD_some`, `Option.isSome_none`, `Option.isSome_some`, `cast_eq`,
  `heq_eq_eq`, `Prod.map_apply`, `Prod.map_fst`, `Prod.map_snd`;
- if/Bool/decide (SimpLemmas.lean): `ite_true`, `ite_false`, `dite_true`, `ite_self` (not `dite_false`: its
  statement names Core's `not_false`, a datasets/stdlib theorem), the
  `Bool.or_*`/`Bool.and_*`/`Bool.not_*` lemmas, `decide_eq_true_eq`, `decide_eq_false_iff_not`,
  `decide_not`, `not_decide_eq_true`, `decide_False`, `decide_True`, `cond_true`, `cond_false`,
  `beq_self_eq_true`, `bne_self_eq_false`, `beq_iff_eq`.

Also Lean's `reduceCtorEq` simproc: `c₁ … = c₂ …` with different constructors becomes `False`.

Deliberately absent (they need induction, and benchmarks must not be solved by the library):
`Nat.zero_add`, `Nat.add_comm`, `Nat.add_assoc`, `Nat.succ_add`, `List.append_nil`,
`List.length_append`, `List.map_append`, … .
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lean_bridge.syntax import ast

from .elab_term import ElabError, TermElaborator
from .nat_terms import NAT, eval_nat, mk_nat_lit, nat_offset, offset_def_eq, offset_predecessor
from .environment import ConstructorInfo, DefinitionInfo, RecursorInfo, TheoremInfo
from .expr import (
    App,
    BinderInfo,
    BVar,
    Const,
    Expr,
    FVar,
    Lam,
    Let,
    MVar,
    NatLit,
    Pi,
    Proj,
    Sort,
    abstract,
    get_app_fn,
    get_app_fn_args,
    instantiate,
    instantiate1,
    iter_subexprs,
    mk_app,
)
from .kernel import KernelError
from .level import LEVEL_ONE, LEVEL_ZERO, Level, LevelSucc
from .meta import DelayedLambda, MetaChecker, MetaContext, head_beta
from .tactics import (
    TacticError,
    TacticState,
    _fresh_const,
    register,
    tac_Assumption,
)

DEFAULT_SIMP_LEMMAS: tuple[str, ...] = (
    # logic
    "eq_self", "ne_eq", "iff_self", "and_true", "true_and", "and_false", "false_and", "and_self",
    "or_true", "true_or", "or_false", "false_or", "or_self", "not_true_eq_false", "not_false_eq_true",
    "implies_true", "true_implies", "false_implies", "iff_true", "true_iff", "iff_false", "false_iff",
    "id_eq", "Function.comp_apply",
    # natural numbers
    "Nat.zero_eq", "Nat.succ_eq_add_one", "Nat.add_eq", "Nat.mul_eq", "Nat.sub_eq", "Nat.add_zero",
    "Nat.mul_zero", "Nat.sub_zero", "Nat.pred_zero", "Nat.pred_succ", "Nat.le_refl", "Nat.succ.injEq",
    "Nat.succ_ne_zero",
    # lists
    "List.nil_append", "List.cons_append", "List.length_nil", "List.length_cons", "List.map_nil",
    "List.map_cons", "List.reverse_nil", "List.cons_ne_nil", "List.cons.injEq",
    # Prod, Option, HEq, cast
    "Prod.mk.injEq", "Option.some.injEq", "Option.map_none'", "Option.map_some'", "Option.getD_none",
    "Option.getD_some", "Option.isSome_none", "Option.isSome_some", "cast_eq", "heq_eq_eq", "Prod.map_apply",
    "Prod.map_fst", "Prod.map_snd",
    # fid-logic: Lean's @[simp] lemmas of Init/SimpLemmas.lean (and Core's `beq_iff_eq`) about `if`, `Bool`,
    # `decide`, `cond`, `==`/`!=`
    "ite_true", "ite_false", "dite_true", "ite_self", "Bool.or_false", "Bool.or_true",
    "Bool.false_or", "Bool.true_or", "Bool.or_self", "Bool.and_false", "Bool.and_true", "Bool.false_and",
    "Bool.true_and", "Bool.and_self", "Bool.not_not", "Bool.not_true", "Bool.not_false", "Bool.not_eq_true'",
    "Bool.not_eq_false'", "Bool.not_eq_true", "Bool.not_eq_false", "decide_eq_true_eq", "decide_eq_false_iff_not",
    "decide_not", "not_decide_eq_true", "decide_False", "decide_True", "cond_true", "cond_false",
    "beq_self_eq_true", "bne_self_eq_false", "beq_iff_eq",
)
"""The lemmas plain `simp` uses (Lean core's `@[simp]` ones the library states: `library/Simp.lean`, and
`id_eq`/`Function.comp_apply` in `library/Prelude.lean`); `simp only` uses none of them."""

SIMP_ONLY_BUILTINS: tuple[str, ...] = ("eq_self", "iff_self")
"""The lemmas `simp only [...]` uses besides its arguments (Lean's `simpOnlyBuiltins`)."""

# Lean marks these `@[reducible]` (our prelude's `@[reducible]` attribute is not recorded by the loader)
_REDUCIBLE_CORE = frozenset({"outParam", "Ne", "GE.ge", "GT.gt"})
MAX_SIMP_STEPS = 2000


# ---------------------------------------------------------------------------
# reducible transparency
# ---------------------------------------------------------------------------

_TRANSPARENCY_CACHE: dict[int, tuple[object, frozenset[str], frozenset[str]]] = {}


def _unfoldable(env, instances: bool) -> frozenset[str]:
    """The constants unfolded at reducible transparency (`instances`: also class projections)."""
    kernel = env.kernel
    cached = _TRANSPARENCY_CACHE.get(id(kernel))
    if cached is None or cached[0] is not kernel:
        class_projs = set()
        for cls in env.instances:
            struct = env.structures.get(cls)
            if struct is not None:
                class_projs.update(f"{cls}.{f}" for f in struct.fields)
        inst_names = {n for names in env.instances.values() for n in names}
        reducible = {n for n, info in kernel.constants.items()
                     if isinstance(info, DefinitionInfo) and info.reducible and n not in class_projs}
        base = frozenset(reducible | inst_names | _REDUCIBLE_CORE)
        cached = (kernel, base, frozenset(base | class_projs))
        if len(_TRANSPARENCY_CACHE) > 64:
            _TRANSPARENCY_CACHE.clear()
        _TRANSPARENCY_CACHE[id(kernel)] = cached
    return cached[2] if instances else cached[1]


class ReducibleChecker(MetaChecker):
    """`MetaChecker` at Lean's reducible transparency: only reducible definitions (and instances,
    and with `instances=True` class projections) unfold; Nat literals and offsets (`n + 1`,
    `Nat.succ n`, `2 + 2`) compare as in Lean's `isDefEqOffsetNat`. Types are inferred at default
    transparency."""

    def __init__(self, env, mctx: MetaContext, max_steps: int, instances: bool) -> None:
        super().__init__(env.kernel, mctx, max_steps=max_steps)
        self._names = _unfoldable(env, instances)
        self._default = MetaChecker(env.kernel, mctx, max_steps=max_steps)

    def infer(self, e: Expr, infer_only: bool = True) -> Expr:
        return self._default.infer(e, infer_only)

    def unfold_definition(self, e: Expr) -> Expr | None:
        fn = get_app_fn(e)
        if not isinstance(fn, Const) or fn.name not in self._names:
            return None
        return super().unfold_definition(e)

    def _definition_height(self, e: Expr) -> int | None:
        fn = get_app_fn(e)
        if not isinstance(fn, Const) or fn.name not in self._names:
            return None
        return super()._definition_height(e)

    def _is_def_eq_core(self, t: Expr, s: Expr) -> bool:
        offset = offset_def_eq(self, t, s)
        if offset is not None:
            return offset
        return super()._is_def_eq_core(t, s)


def _reducible(state: TacticState, instances: bool = True) -> ReducibleChecker:
    return ReducibleChecker(state.env, state.mctx, state.max_steps, instances)


def _unify_with(chk: MetaChecker, mctx: MetaContext, a: Expr, b: Expr) -> bool:
    snap = mctx.snapshot()
    try:
        if chk.is_def_eq(a, b):
            return True
    except KernelError:
        pass
    mctx.restore(snap)
    return False


# ---------------------------------------------------------------------------
# small term builders
# ---------------------------------------------------------------------------

def _fmt_m(state: TacticState, e: Expr) -> str:
    """`e` as Lean prints it, holes made by opening a lemma shown by their binder names (`?x`)."""
    from .pretty import format_expr

    e = state.mctx.instantiate(e)
    names = {m.uid: state.decl(m).user_name for m in state.mctx.unassigned_mvars(e) if state.decl(m).user_name}
    return format_expr(e, state.env, mvar_names=names)


def _sort_level(elab: TermElaborator, ty: Expr) -> Level:
    s = elab.whnf(elab.infer(ty))
    if not isinstance(s, Sort):
        raise TacticError(f"type expected\n  {elab.fmt(ty)}")
    return elab.mctx.instantiate_level(s.level)


def _type_and_level(elab: TermElaborator, e: Expr) -> tuple[Expr, Level]:
    ty = elab.instantiate(elab.infer(e))
    return ty, _sort_level(elab, ty)


def mk_eq(alpha: Expr, level: Level, a: Expr, b: Expr) -> Expr:
    return mk_app(Const("Eq", [level]), [alpha, a, b])


def mk_congr_arg(elab: TermElaborator, alpha: Expr, u: Level, a: Expr, b: Expr, motive_body: Expr,
                 proof: Expr, beta: Expr | None = None) -> Expr:
    """`congrArg (fun _a => body) proof : body[a] = body[b]` (`motive_body` has loose bvar 0)."""
    if beta is None:
        beta = elab.instantiate(elab.infer(instantiate1(motive_body, a)))
    v = _sort_level(elab, beta)
    motive = Lam("_a", alpha, motive_body)
    return mk_app(Const("congrArg", [u, v]), [alpha, beta, a, b, motive, proof])


def _eq_parts(e: Expr) -> tuple[Const, Expr, Expr, Expr] | None:
    fn, args = get_app_fn_args(e)
    if isinstance(fn, Const) and fn.name == "Eq" and len(args) == 3:
        return fn, args[0], args[1], args[2]
    return None


def _iff_parts(e: Expr) -> tuple[Expr, Expr] | None:
    fn, args = get_app_fn_args(e)
    if isinstance(fn, Const) and fn.name == "Iff" and len(args) == 2:
        return args[0], args[1]
    return None


def _head_index(e: Expr) -> tuple[object, int]:
    fn, args = get_app_fn_args(e)
    if isinstance(fn, Const):
        key: object = ("c", fn.name)
    elif isinstance(fn, FVar):
        key = ("f", fn.uid)
    elif isinstance(fn, MVar):
        key = ("m", fn.uid)
    elif isinstance(fn, NatLit):
        key = ("n", fn.value)
    elif isinstance(fn, Proj):
        key = ("p", fn.struct, fn.idx)
    else:
        key = (type(fn).__name__,)
    return key, len(args)


def _has_loose_bvars(e: Expr) -> bool:
    return e.lbr > 0


def _mentions_fvar(e: Expr, uid: int) -> bool:
    return e.has_fvar and any(isinstance(x, FVar) and x.uid == uid for x in iter_subexprs(e))


# ---------------------------------------------------------------------------
# kabstract
# ---------------------------------------------------------------------------

def kabstract(state: TacticState, chk: MetaChecker, e: Expr, p: Expr) -> Expr:
    """Lean's `kabstract`: `e` with every instance of the pattern `p` replaced by loose bvar 0
    (the first unifying subterm fixes `p`'s holes)."""
    e = state.mctx.instantiate(e)
    p = state.mctx.instantiate(p)
    if isinstance(p, FVar):
        return abstract(e, [p])
    p_index = _head_index(p)
    pattern = [p]

    def visit(x: Expr, offset: int) -> Expr:
        if not _has_loose_bvars(x) and _head_index(x) == p_index:
            if _unify_with(chk, state.mctx, x, pattern[0]):
                pattern[0] = state.mctx.instantiate(pattern[0])
                return BVar(offset)
        if isinstance(x, App):
            f, a = visit(x.fn, offset), visit(x.arg, offset)
            return x if f is x.fn and a is x.arg else App(f, a)
        if isinstance(x, (Lam, Pi)):
            d, b = visit(x.type, offset), visit(x.body, offset + 1)
            return x if d is x.type and b is x.body else type(x)(x.name, d, b, x.binder_info)
        if isinstance(x, Let):
            t, v, b = visit(x.type, offset), visit(x.value, offset), visit(x.body, offset + 1)
            return x if t is x.type and v is x.value and b is x.body else Let(x.name, t, v, b)
        if isinstance(x, Proj):
            s = visit(x.expr, offset)
            return x if s is x.expr else Proj(x.struct, x.idx, s)
        return x

    return visit(e, 0)


# ---------------------------------------------------------------------------
# definitions as equations (smart unfolding)
# ---------------------------------------------------------------------------

def _lambda_arity(value: Expr) -> int:
    n = 0
    while isinstance(value, Lam):
        value, n = value.body, n + 1
    return n


def unfold_equation(state: TacticState, elab: TermElaborator, e: Expr) -> Expr | None:
    """`f args` rewritten by `f`'s equation, as Lean's equation lemmas / smart unfolding do: delta,
    beta, then the definition's `match`/recursor must reduce on the arguments (else None); recursive
    calls are folded back to `f …`."""
    fn, args = get_app_fn_args(e)
    if not isinstance(fn, Const):
        return None
    info = state.env.find(fn.name)
    if not isinstance(info, DefinitionInfo) or len(info.level_params) != len(fn.levels):
        return None
    from .expr import instantiate_expr_level_params

    value = instantiate_expr_level_params(info.value, info.level_params, fn.levels)
    arity = _lambda_arity(value)
    if len(args) < arity:
        return None
    args = [_succ_form(a) for a in args]
    body = head_beta(mk_app(value, args[:arity]))
    chk = elab.checker
    head = get_app_fn(body)
    template = None
    if isinstance(head, Const) and (head.name.endswith(".casesOn") or isinstance(state.env.find(head.name), RecursorInfo)):
        template = _rec_template(state, value, arity)
        reduced = body
        progressed = False
        for _ in range(8):
            h = get_app_fn(reduced)
            if not isinstance(h, Const):
                break
            hinfo = state.env.find(h.name)
            if isinstance(hinfo, RecursorInfo):
                nxt = chk.whnf_core(reduced)
                if nxt == reduced:
                    if progressed:  # a recursive call in tail position (`reverseAux l (a :: r)`)
                        break
                    return None  # the match is stuck on a non-constructor
                reduced, progressed = nxt, True
                continue
            if h.name.endswith(".casesOn") and isinstance(hinfo, DefinitionInfo):
                if progressed and _inner_match_stuck(state, chk, reduced):
                    break  # Lean's equation shows the inner `match p a with …` (`split` cases it)
                reduced = chk.whnf_core(chk.unfold_definition(reduced))
                progressed = True
                continue
            break
        body = reduced
        if template is not None:
            body = _refold(state, fn, value, arity, args, body, template)
        if isinstance(get_app_fn(body), Const) and isinstance(state.env.find(get_app_fn(body).name), RecursorInfo):
            return None  # stuck, or a tail call that does not fold back to `f …`
    reduced_proj = _reduce_instance_projection(state, chk, body)
    if reduced_proj is not body:
        return head_beta(mk_app(reduced_proj, args[arity:]))
    return mk_app(body, args[arity:])


def _inner_match_stuck(state: TacticState, chk: MetaChecker, e: Expr) -> bool:
    """`I.casesOn motive d …` whose discriminant `d` is no variable and reduces to no constructor
    (`Bool.casesOn (p a) …` inside `List.filter`'s equation): a `match` on a term, left as it is."""
    head, args = get_app_fn_args(e)
    ind = state.env.find(head.name.rpartition(".")[0]) if isinstance(head, Const) else None
    from .environment import InductiveInfo

    if not isinstance(ind, InductiveInfo) or ind.num_indices != 0 or len(args) <= ind.num_params + 1:
        return False
    d = args[ind.num_params + 1]
    if isinstance(d, FVar) or d.has_mvar:
        return False
    c_head = get_app_fn(chk.whnf(d))
    return not (isinstance(c_head, Const) and isinstance(state.env.find(c_head.name), ConstructorInfo)) \
        and not isinstance(chk.whnf(d), NatLit)


def _reduce_instance_projection(state: TacticState, chk: MetaChecker, body: Expr) -> Expr:
    """A projection function unfolded (`HAppend.hAppend a b` to `inst.1 a b`) whose structure is an
    instance reducing to its constructor takes that field (`Append.append a b`), as Lean's `unfold?`."""
    head, rest = get_app_fn_args(body)
    if not isinstance(head, Proj):
        return body
    struct = chk.whnf(head.expr)
    c_fn, c_args = get_app_fn_args(struct)
    ctor = state.env.find(c_fn.name) if isinstance(c_fn, Const) else None
    if not isinstance(ctor, ConstructorInfo) or len(c_args) != ctor.num_params + ctor.num_fields:
        return body
    return head_beta(mk_app(c_args[ctor.num_params + head.idx], rest))


def _succ_form(e: Expr) -> Expr:
    """`a + k` (k ≥ 1, `a` not a numeral) as `Nat.succ (a + (k - 1))`: the same number, but a match on it
    then binds the predecessor as `a + (k - 1)` (shown as `a` when k = 1), as Lean's equations do,
    rather than whatever `Nat.add`'s recursor unfolds to."""
    off = nat_offset(e)
    if off is None or eval_nat(off[0]) is not None:
        return e
    return App(Const("Nat.succ"), offset_predecessor(e))


def _rec_template(state: TacticState, value: Expr, arity: int):
    """For `fun p₁ … pₙ => I.rec … (major := pₖ) e₁ … eₘ`: (k, the recursor head before the major,
    the extra arguments as parameter indices)."""
    params: list[FVar] = []
    body = value
    for _ in range(arity):
        assert isinstance(body, Lam)
        params.append(FVar(body.name, body.type))  # types unused: only the shape is inspected
        body = body.body
    body = instantiate(body, params)
    fn, args = get_app_fn_args(body)
    if not isinstance(fn, Const):
        return None
    info = state.env.find(fn.name)
    if not isinstance(info, RecursorInfo) or len(args) <= info.major_index:
        return None
    major = args[info.major_index]
    if not isinstance(major, FVar):
        return None
    k = next((i for i, p in enumerate(params) if p.uid == major.uid), None)
    if k is None:
        return None
    extras = []
    for x in args[info.major_index + 1:]:
        j = next((i for i, p in enumerate(params) if isinstance(x, FVar) and p.uid == x.uid), None)
        if j is None:
            return None
        extras.append(j)
    return k, info.major_index, extras


def _refold(state: TacticState, fn: Const, value: Expr, arity: int, args: list[Expr], body: Expr, template) -> Expr:
    k, major_index, extras = template
    unfolded = head_beta(mk_app(value, args[:arity]))
    rec_head = mk_app(get_app_fn(unfolded), get_app_fn_args(unfolded)[1][:major_index])
    n_rec_args = major_index + 1 + len(extras)

    def go(x: Expr) -> Expr:
        if isinstance(x, App):
            h, xs = get_app_fn_args(x)
            if len(xs) >= n_rec_args and mk_app(h, xs[:major_index]) == rec_head:
                new_args = list(args[:arity])
                new_args[k] = xs[major_index]
                for j, extra in zip(extras, xs[major_index + 1:n_rec_args]):
                    new_args[j] = extra
                if head_beta(mk_app(value, new_args)) == mk_app(h, xs[:n_rec_args]):
                    return mk_app(mk_app(fn, new_args), [go(a) for a in xs[n_rec_args:]])
            f, a = go(x.fn), go(x.arg)
            return x if f is x.fn and a is x.arg else App(f, a)
        if isinstance(x, (Lam, Pi)):
            d, b = go(x.type), go(x.body)
            return x if d is x.type and b is x.body else type(x)(x.name, d, b, x.binder_info)
        return x

    return go(body)


# ---------------------------------------------------------------------------
# rw
# ---------------------------------------------------------------------------

@dataclass
class _Elaborated:
    term: Expr
    holes: list[MVar]
    elab: TermElaborator


def _elab_rule_term(state: TacticState, goal: MVar, stx: ast.Term) -> _Elaborated:
    """Elaborate a rewrite/simp rule; holes may stay (they become goals or are solved by matching)."""
    elab = state.elaborator(goal)
    e = elab.elab(stx, None)
    try:
        elab.synthesize_pending(may_postpone=True)
    except ElabError:
        pass  # instance problems stuck on holes: retried once the rewrite has assigned them
    state.sorries.extend(elab.sorries)
    state.steps.extend(elab.tactic_steps)
    e = state.mctx.instantiate(e)
    return _Elaborated(e, state.mctx.unassigned_mvars(e), elab)


@dataclass
class RewriteResult:
    e_new: Expr
    eq_proof: Expr  # : e = e_new
    level: Level  # universe of e
    new_goals: list[MVar]


def _rule_definition(state: TacticState, elab: TermElaborator, stx: ast.Term) -> Const | None:
    """A rule that is just the name of a definition (rewrite by its equations)."""
    if not isinstance(stx, ast.Ident) or elab.find_local(stx.name) is not None:
        return None
    try:
        full = elab.resolve_global(stx.name, stx)
    except ElabError:
        return None
    info = state.env.find(full) if full else None
    if isinstance(info, DefinitionInfo) and not isinstance(info, TheoremInfo):
        return _fresh_const(state, full)
    return None


def rewrite_expr(state: TacticState, goal: MVar, e: Expr, rule: ast.RwRule, node: ast.Node) -> RewriteResult:
    """Lean's `Lean.MVarId.rewrite`: rewrite `e` with one rule."""
    elab = state.elaborator(goal)
    e = state.mctx.instantiate(e)
    level = _sort_level(elab, e)
    defn = _rule_definition(state, elab, rule.term)
    if defn is not None:
        return _rewrite_by_definition(state, goal, elab, e, level, defn, rule, node)
    el = _elab_rule_term(state, goal, rule.term)
    heq, elab = el.term, el.elab
    heq_type = state.mctx.instantiate(elab.infer(heq))
    decl = state.decl(goal)
    new_mvars: list[tuple[MVar, str, BinderInfo]] = []
    while True:  # forallMetaTelescopeReducing
        t = heq_type if isinstance(heq_type, Pi) else elab.whnf(heq_type)
        if not isinstance(t, Pi) or _eq_parts(heq_type) or _iff_parts(heq_type):
            break
        m = state.mctx.new_mvar(t.type, decl.lctx, None if t.name.endswith("✝") else t.name, "natural")
        new_mvars.append((m, t.name, t.binder_info))
        heq = App(heq, m)
        heq_type = instantiate1(t.body, m)
    heq_type = state.mctx.instantiate(heq_type)
    eq = _eq_parts(heq_type)
    iff = _iff_parts(heq_type) if eq is None else None
    if eq is None and iff is None:
        w = _reducible(state).whnf(heq_type)
        eq, iff = _eq_parts(w), _iff_parts(w) if _eq_parts(w) is None else None
    if iff is not None:
        a, b = iff
        heq = mk_app(Const("propext"), [a, b, heq])
        eq = (Const("Eq", [LEVEL_ONE]), Sort(LEVEL_ZERO), a, b)
    if eq is None:
        raise TacticError(f"tactic 'rewrite' failed, equality or iff proof expected\n  {_fmt_m(state, heq_type)}\n\n"
                          + state.format_goal(goal), rule)
    eq_const, alpha, lhs, rhs = eq
    u = state.mctx.instantiate_level(eq_const.levels[0])
    if rule.symm:
        heq = mk_app(Const("Eq.symm", [u]), [alpha, lhs, rhs, heq])
        lhs, rhs = rhs, lhs
    if isinstance(get_app_fn(state.mctx.instantiate(lhs)), MVar):
        raise TacticError(f"tactic 'rewrite' failed, pattern is a metavariable\n  {_fmt_m(state, lhs)}\nfrom equation\n  "
                          f"{_fmt_m(state, mk_eq(alpha, u, lhs, rhs))}\n\n" + state.format_goal(goal), rule)
    abst = kabstract(state, _reducible(state), e, lhs)
    if not _has_loose_bvars(abst):
        raise TacticError("tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n  "
                          f"{_fmt_m(state, lhs)}\n\n" + state.format_goal(goal), rule)
    lhs, rhs, alpha = (state.mctx.instantiate(x) for x in (lhs, rhs, alpha))
    heq = state.mctx.instantiate(heq)
    abst = state.mctx.instantiate(abst)
    e_new = state.mctx.instantiate(instantiate1(abst, rhs))
    motive = Lam("_a", alpha, abst)
    try:
        MetaChecker(state.env.kernel, state.mctx, tuple(state.level_names), state.max_steps).infer(
            state.mctx.instantiate(motive), infer_only=False)
    except KernelError:
        raise TacticError("tactic 'rewrite' failed, motive is not type correct:\n  "
                          f"{_fmt_m(state, motive)}\n\n" + state.format_goal(goal), rule) from None
    proof = mk_congr_arg(elab, alpha, u, lhs, rhs, abst, heq, beta=Sort(level))
    # postprocessAppMVars: instance arguments are synthesized, the other open ones become goals
    for m, _name, info in new_mvars:
        if info == BinderInfo.INST_IMPLICIT and m.uid not in state.mctx.assignment:
            elab._try_synthesize(m, node)
    try:
        elab.synthesize_pending()
    except ElabError as err:
        raise TacticError(err.message, rule) from None
    new_goals: list[MVar] = []
    for m, name, info in new_mvars:
        if m.uid not in state.mctx.assignment:
            # an implicit argument left open stays a natural hole, as in Lean: `rw`'s closing `rfl` may
            # assign it (`rw [Nat.sub_eq_of_eq_add]` leaves `m % k = ?c`, closed with `?c := m % k`)
            kind = "natural" if info == BinderInfo.IMPLICIT else "syntheticOpaque"
            state.mctx.update_decl(m.uid, kind=kind, user_name=None if name.endswith("✝") else name)
            new_goals.append(m)
    for m in el.holes:
        if m.uid not in state.mctx.assignment and all(m.uid != g.uid for g in new_goals):
            # an implicit argument elaborated as a natural hole (`@H ?a ?b ?c`) stays natural, as Lean's
            # `otherMVarIds`; `?_` and the like keep their kind
            if state.mctx.decls[m.uid].kind != "natural":
                state.mctx.update_decl(m.uid, kind="syntheticOpaque")
            new_goals.append(m)
    return RewriteResult(e_new, state.mctx.instantiate(proof), level, new_goals)


def _rewrite_by_definition(state: TacticState, goal: MVar, elab: TermElaborator, e: Expr, level: Level,
                           defn: Const, rule: ast.RwRule, node: ast.Node) -> RewriteResult:
    """`rw [f]`: the first equation of `f` that has an instance in `e` (equations in the order of
    the definition's cases; instances in `kabstract` order), all its instances rewritten."""
    if rule.symm:
        raise TacticError(f"tactic 'rewrite' failed, `← {defn.name}`: rewriting backwards with a definition's "
                          "equations is not supported by the embedded checker", rule)
    candidates: list[tuple[int, Expr, Expr]] = []  # (equation index, instance, unfolded)

    def visit(x: Expr) -> None:
        head = get_app_fn(x)
        if isinstance(head, Const) and head.name == defn.name and not _has_loose_bvars(x):
            out = unfold_equation(state, elab, x)
            if out is not None:
                candidates.append((_equation_index(state, elab, x), x, out))
                return
        if isinstance(x, App):
            visit(x.fn)
            visit(x.arg)
        elif isinstance(x, (Lam, Pi)):
            visit(x.type)
            visit(x.body)

    visit(e)
    if not candidates:
        raise TacticError("tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n  "
                          f"{defn.name}\n\n" + state.format_goal(goal), rule)
    best = min(c[0] for c in candidates)
    _, inst, unfolded = next(c for c in candidates if c[0] == best)
    ty, u = _type_and_level(elab, inst)
    from .elab_term import _kabstract

    abst = _kabstract(e, inst)
    e_new = instantiate1(abst, unfolded)
    refl = mk_app(Const("Eq.refl", [u]), [ty, inst])
    proof = mk_congr_arg(elab, ty, u, inst, unfolded, abst, refl, beta=Sort(level))
    return RewriteResult(e_new, proof, level, [])


def _equation_index(state: TacticState, elab: TermElaborator, x: Expr) -> int:
    """Which case of its definition `x` reduces by (the constructor index of the matched argument)."""
    fn, args = get_app_fn_args(x)
    info = state.env.find(fn.name)
    value = info.value
    arity = _lambda_arity(value)
    tmpl = _rec_template(state, value, arity)
    if tmpl is None:
        return 0
    major = elab.checker.whnf(args[tmpl[0]])
    if isinstance(major, NatLit):
        return 0 if major.value == 0 else 1
    head = get_app_fn(major)
    from .environment import ConstructorInfo

    cinfo = state.env.find(head.name) if isinstance(head, Const) else None
    return cinfo.cidx if isinstance(cinfo, ConstructorInfo) else 0


def replace_target(state: TacticState, goal: MVar, e_new: Expr, eq_proof: Expr | None, level: Level) -> MVar:
    """Lean's `replaceTargetEq`: `Eq.mpr (id proof) ?new` (or just `?new` when definitional)."""
    decl = state.decl(goal)
    target = state.target(goal)
    new = state.new_goal(e_new, decl.lctx, decl.user_name)
    if eq_proof is None:
        state.assign(goal, new)
        return new
    eq_type = mk_eq(Sort(level), LevelSucc(level), target, e_new)
    hint = mk_app(Const("id", [LEVEL_ZERO]), [eq_type, eq_proof])
    state.assign(goal, mk_app(Const("Eq.mpr", [level]), [target, e_new, hint, new]))
    return new


def replace_hyp(state: TacticState, goal: MVar, hyp: FVar, e_new: Expr, eq_proof: Expr | None, level: Level) -> MVar:
    """Lean's `replaceLocalDecl`: a new `h : e_new` (proved by `Eq.mp proof h`) takes the old one's
    place (after the last hypothesis it mentions); the old one is cleared when nothing depends on it."""
    decl = state.decl(goal)
    lctx = list(decl.lctx)
    idx = next(i for i, h in enumerate(lctx) if h.uid == hyp.uid)
    value = hyp if eq_proof is None else mk_app(Const("Eq.mp", [level]), [hyp.type, e_new, eq_proof, hyp])
    value = state.mctx.instantiate(value)
    new_fv = FVar(hyp.name, e_new, None, hyp.binder_info)
    uids = {x.uid for x in iter_subexprs(e_new) if isinstance(x, FVar)}
    pos = idx
    for i, h in enumerate(lctx):
        if h.uid in uids:
            pos = max(pos, i)
    target = state.target(goal)
    depends = _mentions_fvar(target, hyp.uid) or any(
        _mentions_fvar(state.mctx.instantiate(h.type), hyp.uid) for h in lctx[idx + 1:])
    if depends:
        lctx.insert(pos + 1, new_fv)
    else:
        lctx.insert(pos + 1, new_fv)
        del lctx[idx]
    new = state.new_goal(target, lctx, decl.user_name)
    state.assign(goal, App(DelayedLambda((new_fv,), new), value))
    return new


def _find_hyp(state: TacticState, goal: MVar, name: str, node: ast.Node) -> FVar:
    for h in reversed(state.decl(goal).lctx):
        if h.name == name and h.uid not in state.hidden:
            return h
    raise TacticError(f"unknown identifier '{name}'", node)


def _rewrite_location(state: TacticState, rule: ast.RwRule, hyp_name: str | None, node: ast.Node) -> None:
    goal = state.main_goal(node)
    if hyp_name is None:
        res = rewrite_expr(state, goal, state.target(goal), rule, node)
        new = replace_target(state, goal, res.e_new, res.eq_proof, res.level)
    else:
        hyp = _find_hyp(state, goal, hyp_name, node)
        res = rewrite_expr(state, goal, hyp.type, rule, node)
        new = replace_hyp(state, goal, hyp, res.e_new, res.eq_proof, res.level)
    state.replace_main([new] + res.new_goals)


def _with_location(state: TacticState, loc: ast.Location | None, node: ast.Node,
                   run: Callable[[TacticState, str | None], None], what: str) -> None:
    """Lean's `withLocation`: each named hypothesis, then the goal; `at *` needs one success."""
    if loc is None:
        run(state, None)
        return
    if loc.wildcard:  # the target first, then the hypotheses from the last one back
        goal = state.main_goal(node)
        names = [h.name for h in state.decl(goal).lctx if h.uid not in state.hidden and not h.name.endswith("✝")]
        progress = False
        for name in [None] + list(reversed(names)):
            trial = state.copy()
            try:
                run(trial, name)
            except TacticError:
                continue
            state.restore_from(trial)
            progress = True
        if not progress:
            raise TacticError(f"{what}\n\n" + state.format_goal(goal), node)
        return
    for name in loc.hyps:
        run(state, name)
    if loc.goal:
        run(state, None)


def rfl_reducible(state: TacticState, node: ast.Node) -> bool:
    """`with_reducible rfl` on the main goal: `Eq.refl`, `Iff.refl` (Lean core tags no `≤` lemma @[refl])."""
    state.prune()
    if not state.goals:
        return False
    goal = state.goals[0]
    chk = _reducible(state, instances=False)
    target = chk.whnf(state.target(goal))
    eq = _eq_parts(target)
    if eq is not None:
        c, alpha, a, b = eq
        if _unify_with(chk, state.mctx, a, b):
            state.assign(goal, mk_app(Const("Eq.refl", c.levels), [alpha, a]))
            state.replace_main([])
            return True
        return False
    iff = _iff_parts(target)
    if iff is not None and state.env.find("Iff.refl") is not None:
        if _unify_with(chk, state.mctx, iff[0], iff[1]):
            state.assign(goal, App(Const("Iff.refl"), iff[0]))
            state.replace_main([])
            return True
        return False
    return False  # no @[refl] lemma for `≤` in Lean core: `rw` leaves `a ≤ a` open (Div.lean's `Nat.mod_le`)


@register("Rewrite")
def tac_Rewrite(state: TacticState, tac: ast.Rewrite) -> None:
    for rule in tac.rules:
        _with_location(state, tac.location, rule, lambda s, name: _rewrite_location(s, rule, name, rule),
                       "tactic 'rewrite' failed, did not find instance of the pattern in the current goal")
    if tac.variant in ("rw", "rwa"):
        trial = state.copy()
        try:
            if rfl_reducible(trial, tac):
                state.restore_from(trial)
        except (TacticError, KernelError, ElabError):
            pass
    if tac.variant == "rwa":
        tac_Assumption(state, tac)


# ---------------------------------------------------------------------------
# simp
# ---------------------------------------------------------------------------

@dataclass
class SimpLemma:
    """A rewrite rule: `proof : ∀ xs, lhs = rhs` (after `propext`/`eq_true`/`eq_false` wrapping)."""

    name: str
    make: Callable[[], tuple[Expr, Expr]]  # fresh (proof, type) each use (fresh universe holes)
    key: tuple[object, int] | None  # head index of the lhs, None = any
    symm: bool = False
    perm: bool = False
    hyp_uid: int | None = None  # the hypothesis it comes from (not used to simplify itself)


@dataclass
class SimpContext:
    lemmas: list[SimpLemma]
    unfold: set[str] = field(default_factory=set)
    steps: int = 0
    depth: int = 0


class SimpFailed(Exception):
    pass


def _telescope_key(state: TacticState, ty: Expr, symm: bool) -> tuple[tuple[object, int] | None, bool]:
    """Head index of the rewrite's lhs (bvars allowed), and whether the lemma is a permutation."""
    body = ty
    while isinstance(body, Pi) and not (_eq_parts(body) or _iff_parts(body)):
        body = body.body
    eq = _eq_parts(body)
    if eq is not None:
        lhs, rhs = eq[2], eq[3]
    elif _iff_parts(body) is not None:
        lhs, rhs = _iff_parts(body)
    else:
        fn, args = get_app_fn_args(body)
        if isinstance(fn, Const) and fn.name == "Ne":
            return (("c", "Eq"), 3), False
        if isinstance(fn, Const) and fn.name == "Not" and len(args) == 1:
            body = args[0]
        return (None if isinstance(get_app_fn(body), BVar) else _head_index(body)), False
    if symm:
        lhs, rhs = rhs, lhs
    if isinstance(get_app_fn(lhs), BVar):
        return None, False
    return _head_index(lhs), _is_perm(lhs, rhs)


def _is_perm(lhs: Expr, rhs: Expr) -> bool:
    """lhs and rhs equal up to a permutation of the bound variables."""
    mapping: dict[int, int] = {}

    def go(a: Expr, b: Expr, depth: int) -> bool:
        if isinstance(a, BVar) and isinstance(b, BVar):
            if a.idx < depth or b.idx < depth:
                return a.idx == b.idx
            if mapping.setdefault(a.idx, b.idx) != b.idx:
                return False
            return True
        if type(a) is not type(b):
            return False
        if isinstance(a, App):
            return go(a.fn, b.fn, depth) and go(a.arg, b.arg, depth)
        if isinstance(a, (Lam, Pi)):
            return go(a.type, b.type, depth) and go(a.body, b.body, depth + 1)
        return a == b

    return lhs != rhs and go(lhs, rhs, 0) and len(set(mapping.values())) == len(mapping)


def _lemma_from_const(state: TacticState, name: str, symm: bool = False) -> SimpLemma | None:
    info = state.env.find(name)
    if info is None:
        return None
    key, perm = _telescope_key(state, info.type, symm)

    def make() -> tuple[Expr, Expr]:
        c = _fresh_const(state, name)
        from .expr import instantiate_expr_level_params

        return c, instantiate_expr_level_params(info.type, info.level_params, c.levels)

    return SimpLemma(name, make, key, symm, perm)


def _abstract_holes(state: TacticState, term: Expr) -> Expr:
    """`term` with its unassigned holes (and those of their types) abstracted, oldest first, as `fun xs => term`
    (its type `∀ xs, T`): the simp lemma is then instantiated afresh at each use."""
    from .expr import mk_lambda_fvars, replace

    mctx = state.mctx
    found: dict[int, MVar] = {}
    todo = list(mctx.unassigned_mvars(term))
    while todo:
        m = todo.pop()
        if m.uid in found:
            continue
        found[m.uid] = m
        todo.extend(mctx.unassigned_mvars(mctx.decls[m.uid].type))
    fvars: dict[int, FVar] = {}

    def subst(e: Expr) -> Expr:
        def fn(x: Expr, depth: int) -> Expr | None:
            if isinstance(x, MVar) and x.uid in fvars:
                return fvars[x.uid]
            return None if x.has_mvar else x
        return replace(mctx.instantiate(e), fn)

    ordered = []
    for m in sorted(found.values(), key=lambda m: m.uid):
        fv = FVar(f"x{len(ordered)}✝", subst(mctx.decls[m.uid].type))
        fvars[m.uid] = fv
        ordered.append(fv)
    return mk_lambda_fvars(ordered, subst(term))


def _lemma_from_term(state: TacticState, name: str, proof: Expr, ty: Expr, symm: bool,
                     hyp_uid: int | None = None) -> SimpLemma:
    key, perm = _telescope_key(state, ty, symm)
    return SimpLemma(name, lambda: (proof, ty), key, symm, perm, hyp_uid)


def _instantiate_lemma(state: TacticState, elab: TermElaborator, lemma: SimpLemma, lctx
                       ) -> tuple[Expr, Expr, Expr, Expr, Level, list[tuple[MVar, BinderInfo]]] | None:
    """Open the lemma with fresh holes: (proof of lhs = rhs, α, lhs, rhs, level of α, holes)."""
    proof, ty = lemma.make()
    holes: list[tuple[MVar, BinderInfo]] = []
    ty = state.mctx.instantiate(ty)
    while True:
        if not isinstance(ty, Pi):
            if _eq_parts(ty) or _iff_parts(ty):
                break
            w = elab.whnf(ty)
            if not isinstance(w, Pi) or _head_is(ty, "Not") or _head_is(ty, "Ne"):
                break
            ty = w
        if _eq_parts(ty) or _iff_parts(ty):
            break
        m = state.mctx.new_mvar(ty.type, tuple(lctx), None, "natural")
        holes.append((m, ty.binder_info))
        proof = App(proof, m)
        ty = instantiate1(ty.body, m)
    eq = _eq_parts(ty)
    if eq is not None:
        c, alpha, lhs, rhs = eq
        u = c.levels[0]
    elif _iff_parts(ty) is not None:
        lhs, rhs = _iff_parts(ty)
        proof = mk_app(Const("propext"), [lhs, rhs, proof])
        alpha, u = Sort(LEVEL_ZERO), LEVEL_ONE
    else:
        # `h : ¬p` is `p = False`, `h : a ≠ b` is `(a = b) = False`, any other `h : p` is `p = True`
        alpha, u = Sort(LEVEL_ZERO), LEVEL_ONE
        fn, args = get_app_fn_args(ty)
        if isinstance(fn, Const) and fn.name == "Not" and len(args) == 1:
            lhs, rhs = args[0], Const("False")
            proof = mk_app(Const("eq_false"), [lhs, proof])
        elif isinstance(fn, Const) and fn.name == "Ne" and len(args) == 3:
            lhs, rhs = mk_eq(args[0], fn.levels[0], args[1], args[2]), Const("False")
            proof = mk_app(Const("eq_false"), [lhs, proof])
        else:
            try:
                if not elab.checker.is_prop(ty):
                    return None
            except KernelError:
                return None
            lhs, rhs = ty, Const("True")
            proof = mk_app(Const("eq_true"), [lhs, proof])
    if lemma.symm:
        proof = mk_app(Const("Eq.symm", [u]), [alpha, lhs, rhs, proof])
        lhs, rhs = rhs, lhs
    return proof, alpha, lhs, rhs, u, holes


def _head_is(e: Expr, name: str) -> bool:
    fn = get_app_fn(e)
    return isinstance(fn, Const) and fn.name == name


def _expr_lt(a: Expr, b: Expr) -> bool:
    """A total order on terms for ordered rewriting with permutation lemmas (smaller is preferred)."""
    return _expr_key(a) < _expr_key(b)


def _expr_key(e: Expr) -> tuple:
    fn, args = get_app_fn_args(e)
    if isinstance(fn, FVar):
        head: tuple = (1, fn.uid)
    elif isinstance(fn, Const):
        head = (2, fn.name)
    elif isinstance(fn, NatLit):
        head = (0, fn.value)
    else:
        head = (3, type(fn).__name__)
    return (_size(e), head, tuple(_expr_key(a) for a in args))


def _size(e: Expr) -> int:
    return sum(1 for _ in iter_subexprs(e))


class Simplifier:
    """Bottom-up rewriting with congruence proofs; results `(new, proof | None)` with `proof : e = new`
    (None: `new` is `e` up to definitional unfolding)."""

    def __init__(self, state: TacticState, goal: MVar, ctx: SimpContext, exclude_uid: int | None = None) -> None:
        self.state = state
        self.goal = goal
        self.ctx = ctx
        self.exclude_uid = exclude_uid
        self.elab = state.elaborator(goal)
        self.cache: dict[Expr, tuple[Expr, Expr | None]] = {}
        self.lctx = list(state.decl(goal).lctx)

    # -- proofs -----------------------------------------------------------------------

    def trans(self, e0: Expr, r1: tuple[Expr, Expr | None], r2: tuple[Expr, Expr | None]) -> tuple[Expr, Expr | None]:
        (e1, p1), (e2, p2) = r1, r2
        if p1 is None:
            return e2, p2
        if p2 is None:
            return e2, p1
        alpha, _ = _type_and_level(self.elab, e0)
        u = _sort_level(self.elab, alpha)
        return e2, mk_app(Const("Eq.trans", [u]), [alpha, e0, e1, e2, p1, p2])

    # -- traversal --------------------------------------------------------------------

    def simp(self, e: Expr) -> tuple[Expr, Expr | None]:
        cached = self.cache.get(e)
        if cached is not None:
            return cached
        result: tuple[Expr, Expr | None] = (e, None)
        for _ in range(64):
            self._tick()
            cur = result[0]
            result = self.trans(e, result, self.congr(cur))
            step = self.rewrite_root(result[0])
            if step is None:
                break
            result = self.trans(e, result, step)
        self.cache[e] = result
        return result

    def _tick(self) -> None:
        self.ctx.steps += 1
        if self.ctx.steps > MAX_SIMP_STEPS:
            raise TacticError("simp failed, maximum number of steps exceeded")

    def congr(self, e: Expr) -> tuple[Expr, Expr | None]:
        if isinstance(e, App):
            return self.congr_app(e)
        if isinstance(e, Lam):
            return self.congr_lam(e)
        if isinstance(e, Pi):
            return self.congr_pi(e)
        return e, None

    def _is_proof_or_type(self, a: Expr) -> bool:
        """Proofs and types other than propositions are not rewritten (propositions are)."""
        try:
            ty = self.elab.whnf(self.elab.infer(a))
            if isinstance(ty, Sort):
                return self.state.mctx.instantiate_level(ty.level) != LEVEL_ZERO
            s = self.elab.whnf(self.elab.infer(ty))
            return isinstance(s, Sort) and s.level == LEVEL_ZERO
        except (ElabError, KernelError):
            return True

    def congr_app(self, e: Expr) -> tuple[Expr, Expr | None]:
        fn, args = get_app_fn_args(e)
        try:
            fn_type = self.elab.instantiate(self.elab.infer(fn))
        except ElabError:
            return e, None
        visit: list[bool] = []
        t = fn_type
        for a in args:
            if not isinstance(t, Pi):
                t = self.elab.whnf(t)
                if not isinstance(t, Pi):
                    return e, None
            ok = (t.binder_info != BinderInfo.INST_IMPLICIT and t.body.lbr == 0)
            visit.append(ok)
            t = instantiate1(t.body, a)
        new_args = list(args)
        result: tuple[Expr, Expr | None] = (e, None)
        for i, a in enumerate(args):
            if not visit[i] or self._is_proof_or_type(a):
                continue
            a2, pa = self.simp(a)
            if a2 == a:
                continue
            new_args[i] = a2
            after = mk_app(fn, new_args)
            if pa is None:
                result = (after, result[1])
                continue
            alpha, u = _type_and_level(self.elab, a)
            body = mk_app(_lift(fn), [_lift(x) for x in new_args[:i]] + [BVar(0)] + [_lift(x) for x in new_args[i + 1:]])
            step = mk_congr_arg(self.elab, alpha, u, a, a2, body, pa)
            result = self.trans(e, result, (after, step))
        return result

    def congr_lam(self, e: Lam) -> tuple[Expr, Expr | None]:
        fv = FVar(e.name, e.type, None, e.binder_info)
        body = instantiate1(e.body, fv)
        self.lctx.append(fv)
        try:
            b2, pb = self.simp(body)
        finally:
            self.lctx.pop()
        if b2 == body:
            return e, None
        new = Lam(e.name, e.type, abstract(b2, [fv]), e.binder_info)
        if pb is None:
            return new, None
        beta_body, v = _type_and_level(self.elab, body)
        u = _sort_level(self.elab, e.type)
        beta = Lam(e.name, e.type, abstract(beta_body, [fv]), e.binder_info)
        h = Lam(e.name, e.type, abstract(pb, [fv]), e.binder_info)
        return new, mk_app(Const("funext", [u, v]), [e.type, beta, e, new, h])

    def congr_pi(self, e: Pi) -> tuple[Expr, Expr | None]:
        try:
            is_prop = self.elab.checker.is_prop(e)
        except KernelError:
            return e, None
        if not is_prop:
            return e, None
        result: tuple[Expr, Expr | None] = (e, None)
        cur = e
        if e.body.lbr == 0:
            # non-dependent implication `p → q`: simplify the premise
            try:
                dom_is_prop = self.elab.checker.is_prop(e.type)
            except KernelError:
                dom_is_prop = False
            if dom_is_prop:
                d2, pd = self.simp(e.type)
                if d2 != e.type:
                    new = Pi(e.name, d2, e.body, e.binder_info)
                    step = None if pd is None else mk_congr_arg(
                        self.elab, Sort(LEVEL_ZERO), LEVEL_ONE, e.type, d2, Pi(e.name, BVar(0), _lift(e.body), e.binder_info), pd,
                        beta=Sort(LEVEL_ZERO))
                    result = self.trans(e, result, (new, step))
                    cur = new
        fv = FVar(cur.name, cur.type, None, cur.binder_info)
        body = instantiate1(cur.body, fv)
        self.lctx.append(fv)
        try:
            b2, pb = self.simp(body)
        finally:
            self.lctx.pop()
        if b2 == body:
            return result
        new = Pi(cur.name, cur.type, abstract(b2, [fv]), cur.binder_info)
        if pb is None:
            return self.trans(e, result, (new, None))
        u = _sort_level(self.elab, cur.type)
        prop = Sort(LEVEL_ZERO)
        f_old = Lam(cur.name, cur.type, cur.body, cur.binder_info)
        f_new = Lam(cur.name, cur.type, abstract(b2, [fv]), cur.binder_info)
        h = Lam(cur.name, cur.type, abstract(pb, [fv]), cur.binder_info)
        fun_eq = mk_app(Const("funext", [u, LEVEL_ONE]), [cur.type, Lam(cur.name, cur.type, prop), f_old, f_new, h])
        # (fun f => ∀ x, f x) applied to both sides
        pred_type = Pi(cur.name, cur.type, prop)
        motive_body = Pi(cur.name, _lift(cur.type), App(BVar(1), BVar(0)), cur.binder_info)
        step = mk_app(Const("congrArg", [_imax_level(u), LEVEL_ONE]),
                      [pred_type, prop, f_old, f_new, Lam("_a", pred_type, motive_body), fun_eq])
        return self.trans(e, result, (new, step))

    # -- rewriting at the root ----------------------------------------------------------

    def rewrite_root(self, e: Expr) -> tuple[Expr, Expr | None] | None:
        if _has_loose_bvars(e):
            return None
        out = self.simproc(e)
        if out is not None:
            return out
        fn = get_app_fn(e)
        if isinstance(fn, Const) and fn.name in self.ctx.unfold:
            unfolded = unfold_equation(self.state, self.elab, e)
            if unfolded is not None and unfolded != e:
                return unfolded, None
        key = _head_index(e)
        for lemma in self.ctx.lemmas:
            if lemma.key is not None and lemma.key != key:
                continue
            if lemma.hyp_uid is not None and lemma.hyp_uid == self.exclude_uid:
                continue
            out = self.try_lemma(lemma, e)
            if out is not None:
                return out
        return None

    def try_lemma(self, lemma: SimpLemma, e: Expr) -> tuple[Expr, Expr] | None:
        state = self.state
        snap = state.mctx.snapshot()
        opened = _instantiate_lemma(state, self.elab, lemma, self.lctx)
        if opened is None:
            return None
        proof, alpha, lhs, rhs, _u, holes = opened
        chk = _reducible(state)
        if not _unify_with(chk, state.mctx, lhs, e):
            state.mctx.restore(snap)
            return None
        for m, info in holes:
            if m.uid in state.mctx.assignment:
                continue
            if info == BinderInfo.INST_IMPLICIT and self.elab._try_synthesize(m, None):
                continue
            if not self.discharge(m):
                state.mctx.restore(snap)
                return None
        rhs = state.mctx.instantiate(rhs)
        proof = state.mctx.instantiate(proof)
        if proof.has_mvar and state.mctx.unassigned_mvars(proof) or rhs.has_mvar and state.mctx.unassigned_mvars(rhs):
            state.mctx.restore(snap)
            return None
        if lemma.perm and not _expr_lt(rhs, e):
            state.mctx.restore(snap)
            return None
        if rhs == e:
            state.mctx.restore(snap)
            return None
        return rhs, proof

    def discharge(self, m: MVar) -> bool:
        """A side condition: a hypothesis proves it, or simp rewrites it to `True`."""
        ty = self.state.mctx.instantiate(self.state.decl(m).type)
        if ty.has_mvar and self.state.mctx.unassigned_mvars(ty):
            return False
        try:
            if not self.elab.checker.is_prop(ty):
                return False
        except KernelError:
            return False
        for h in reversed(self.lctx):
            if h.uid not in self.state.hidden and h.type == ty:
                self.state.mctx.assignment[m.uid] = h
                return True
        if self.ctx.depth >= 2:
            return False
        self.ctx.depth += 1
        try:
            new, proof = Simplifier(self.state, self.goal, self.ctx, self.exclude_uid).simp(ty)
        finally:
            self.ctx.depth -= 1
        if not (isinstance(new, Const) and new.name == "True"):
            return False
        value = Const("True.intro") if proof is None else mk_app(Const("of_eq_true"), [ty, proof])
        self.state.mctx.assignment[m.uid] = value
        return True

    def simproc(self, e: Expr) -> tuple[Expr, Expr | None] | None:
        """Lean's default Nat simprocs: literal arithmetic and literal (dis)equalities (not yet the literal
        comparisons `2 ≤ 3`: the corpus's `0 < 2` would become one `simp` away); and
        `↓reduceIte`/`↓reduceDIte`: an `if` whose condition simplifies to `True`/`False`."""
        fn, args = get_app_fn_args(e)
        if not isinstance(fn, Const):
            return None
        if fn.name in ("ite", "dite") and len(args) == 5 and "if_pos" in self.state.env:
            return self._reduce_if(fn, args)
        proj = self._proj_of_ctor(fn, args)
        if proj is not None:  # Lean's simp reduces a projection of a constructor (`(a, b).1 ⟶ a`), definitionally
            return proj, None
        if fn.name in ("HAdd.hAdd", "HSub.hSub", "HMul.hMul", "Nat.succ", "Nat.add", "Nat.sub", "Nat.mul"):
            v = eval_nat(e)
            if v is not None:
                lit = mk_nat_lit(v)
                return (lit, None) if lit != e else None
        if fn.name in ("HDiv.hDiv", "HMod.hMod") and len(args) == 6 and args[0] == NAT:
            return self._reduce_div_mod(fn.name, e, args)
        if fn.name == "Eq" and len(args) == 3 and args[0] != NAT:
            return self._reduce_ctor_eq(fn, args)
        if fn.name == "Eq" and len(args) == 3 and args[0] == NAT:
            a, b = eval_nat(args[1]), eval_nat(args[2])
            if a is None or b is None:
                return None
            if a == b:
                return Const("True"), mk_app(Const("eq_self", [LEVEL_ONE]), [NAT, args[1]])
            ne = self._lit_ne_proof(args[1], args[2], a, b)
            return Const("False"), mk_app(Const("eq_false"), [e, ne])
        return None

    def _reduce_div_mod(self, name: str, e: Expr, args: list[Expr]) -> tuple[Expr, None] | None:
        """Lean's `Nat.reduceDiv`/`Nat.reduceMod` simprocs: `7 / 2 ⟶ 3`, `7 % 2 ⟶ 1` on numerals, by
        definitional unfolding (the kernel computes `Nat.div`/`Nat.mod` on literals)."""
        inst = get_app_fn(args[3])
        if not (isinstance(inst, Const) and inst.name in ("instHDiv", "instHMod")):
            return None
        a, b = eval_nat(args[4]), eval_nat(args[5])
        if a is None or b is None:
            return None
        value = (a // b if b else 0) if name == "HDiv.hDiv" else (a % b if b else a)
        return mk_nat_lit(value), None

    def _reduce_ctor_eq(self, fn: Const, args: list[Expr]) -> tuple[Expr, Expr] | None:
        """Lean's `reduceCtorEq` simproc: `c₁ … = c₂ …` with different constructors (`[] = a :: l`,
        `false = true`, `none = some a`) is `False`, by `eq_false` and the no-confusion proof."""
        from .tactics_cases import no_confusion

        alpha, lhs, rhs = (self.state.mctx.instantiate(a) for a in args)
        heads = [get_app_fn(x) for x in (lhs, rhs)]
        infos = [self.state.env.find(h.name) if isinstance(h, Const) else None for h in heads]
        if not all(isinstance(i, ConstructorInfo) for i in infos) or heads[0] == heads[1]:
            return None
        h = FVar("h", mk_app(fn, args))
        snap = self.state.mctx.snapshot()
        try:
            absurd = no_confusion(self.state, self.goal, h, lhs, rhs, alpha, fn.levels[0])
        except (ElabError, TacticError, KernelError):
            absurd = None
        if absurd is None:
            self.state.mctx.restore(snap)
            return None
        ne = Lam("h", h.type, abstract(absurd, [h]))
        return Const("False"), mk_app(Const("eq_false"), [h.type, ne])

    def _proj_of_ctor(self, fn: Const, args: list[Expr]) -> Expr | None:
        struct_name, _, field_name = fn.name.rpartition(".")
        info = self.state.env.structures.get(struct_name)
        if info is None or field_name not in info.fields:
            return None
        ctor = self.state.env.find(info.ctor)
        if not isinstance(ctor, ConstructorInfo) or len(args) <= ctor.num_params:
            return None
        c_fn, c_args = get_app_fn_args(args[ctor.num_params])
        if not (isinstance(c_fn, Const) and c_fn.name == info.ctor and len(c_args) == ctor.num_params + ctor.num_fields):
            return None
        value = c_args[ctor.num_params + info.fields.index(field_name)]
        return mk_app(value, args[ctor.num_params + 1:])

    def _reduce_if(self, fn: Const, args: list[Expr]) -> tuple[Expr, Expr] | None:
        """`if c then t else e` when `c` simplifies to `True` (`if_pos`) or `False` (`if_neg`); `dite` alike."""
        alpha, cond, inst, t, e = args
        c2, pc = self.simp(cond)
        if not (_is_const(c2, "True") or _is_const(c2, "False")):
            return None
        if pc is None:
            pc = mk_app(Const("Eq.refl", [LEVEL_ONE]), [Sort(LEVEL_ZERO), cond])
        if _is_const(c2, "True"):
            hc = mk_app(Const("of_eq_true"), [cond, pc])
            name, branch = ("if_pos", t) if fn.name == "ite" else ("dif_pos", head_beta(App(t, hc)))
        else:
            hc = Lam("h", cond, mk_app(Const("Eq.mp", [LEVEL_ZERO]), [_lift(cond), Const("False"), _lift(pc), BVar(0)]))
            name, branch = ("if_neg", e) if fn.name == "ite" else ("dif_neg", head_beta(App(e, hc)))
        return branch, mk_app(Const(name, fn.levels), [cond, inst, hc, alpha, t, e])

    def _lit_ne_proof(self, x: Expr, y: Expr, a: int, b: int) -> Expr:
        """`¬ x = y` for distinct literals: `Nat.beq a b` computes to `false` while `Nat.beq a a` is `true`."""
        h = FVar("h", mk_eq(NAT, LEVEL_ONE, x, y))
        # congrArg (Nat.beq x) h.symm : Nat.beq x y = Nat.beq x x, i.e. false = true
        symm = mk_app(Const("Eq.symm", [LEVEL_ONE]), [NAT, x, y, h])
        bool_t = Const("Bool")
        cong = mk_app(Const("congrArg", [LEVEL_ONE, LEVEL_ONE]),
                      [NAT, bool_t, y, x, App(Const("Nat.beq"), x), symm])
        body = App(Const("Bool.false_ne_true"), cong)
        return Lam("h", h.type, abstract(body, [h]))


def _lift(e: Expr) -> Expr:
    from .expr import lift_loose_bvars

    return lift_loose_bvars(e, 1)


def _imax_level(u: Level) -> Level:
    from .level import mk_imax

    return mk_imax(u, LevelSucc(LEVEL_ZERO))


def _simp_context(state: TacticState, goal: MVar, tac: ast.Simp) -> SimpContext:
    ctx = SimpContext([])
    erased: set[str] = set()
    user: list[SimpLemma] = []
    elab = state.elaborator(goal)
    for arg in tac.args or ():
        if arg.kind == "star":
            for h in state.decl(goal).lctx:
                if h.uid in state.hidden:
                    continue
                try:
                    if elab.checker.is_prop(h.type):
                        user.append(_lemma_from_term(state, h.name, h, h.type, False, h.uid))
                except KernelError:
                    continue
            continue
        if arg.kind == "erase":
            if isinstance(arg.term, ast.Ident):
                full = elab.resolve_global(arg.term.name, arg.term) or arg.term.name
                erased.add(full)
                ctx.unfold.discard(full)
            continue
        stx = arg.term
        if isinstance(stx, ast.Ident) and elab.find_local(stx.name) is None:
            full = elab.resolve_global(stx.name, stx)
            info = state.env.find(full) if full else None
            if isinstance(info, DefinitionInfo) and not isinstance(info, TheoremInfo):
                if arg.symm:
                    raise TacticError(f"invalid `←` modifier, `{full}` is a declaration name to be unfolded", arg)
                ctx.unfold.add(full)
                continue
            if info is not None:
                lemma = _lemma_from_const(state, full, arg.symm)
                if lemma is not None:
                    user.append(lemma)
                    continue
        local = elab.find_local(stx.name) if isinstance(stx, ast.Ident) else None
        if local is not None and "." not in stx.name:  # a hypothesis as it stands: `ih : ∀ {b}, …` stays general
            ty = state.mctx.instantiate(local.type)
            user.append(_lemma_from_term(state, stx.name, local, ty, arg.symm, local.uid))
            continue
        el = _elab_rule_term(state, goal, stx)
        term = el.term
        if el.holes:  # Lean's `abstractMVars`: the holes left (`f l₁`'s implicits) become the lemma's variables
            term = _abstract_holes(state, term)
        ty = state.mctx.instantiate(el.elab.infer(term))
        head = get_app_fn(term)
        uid = head.uid if isinstance(head, FVar) and term is head else None
        user.append(_lemma_from_term(state, _fmt_m(state, el.term), term, ty, arg.symm, uid))
    ctx.lemmas = user
    if tac.only:  # fid-logic: Lean's `simpOnlyBuiltins`: `simp only` still closes `a = a` and `p ↔ p`
        for name in SIMP_ONLY_BUILTINS:
            lemma = _lemma_from_const(state, name) if name not in erased else None
            if lemma is not None:
                ctx.lemmas.append(lemma)
    else:
        # the default set, then the theorems marked `@[simp]`/`attribute [simp]` so far, as Lean's simp set
        prio = state.env.simp_priorities
        ordered = DEFAULT_SIMP_LEMMAS + state.env.simp_lemmas
        if prio:  # higher priorities first, as Lean's simp tries them; equal ones keep their order
            ordered = tuple(sorted(ordered, key=lambda n: -prio.get(n, 1000)))
        for name in ordered:
            if name in erased:
                continue
            lemma = _lemma_from_const(state, name)
            if lemma is not None:
                ctx.lemmas.append(lemma)
    return ctx


def _is_const(e: Expr, name: str) -> bool:
    return isinstance(e, Const) and e.name == name


def _simp_target(state: TacticState, ctx: SimpContext, node: ast.Node) -> bool:
    """Simplify the main goal's target; True if anything changed (or the goal was closed)."""
    goal = state.main_goal(node)
    target = state.target(goal)
    simp = Simplifier(state, goal, ctx)
    new, proof = simp.simp(target)
    level = _sort_level(state.elaborator(goal), target)
    if _is_const(new, "True"):
        value = Const("True.intro") if proof is None else mk_app(
            Const("Eq.mpr", [LEVEL_ZERO]), [target, new, proof, Const("True.intro")])
        state.assign(goal, value)
        state.replace_main([])
        return True
    if new == target:
        return _close_rfl(state, node)
    g = replace_target(state, goal, new, proof, level)
    state.replace_main([g])
    _close_rfl(state, node)
    return True


def _close_rfl(state: TacticState, node: ast.Node) -> bool:
    """A goal `a = a` (syntactically, up to instances) is closed by `rfl`."""
    state.prune()
    if not state.goals:
        return False
    goal = state.goals[0]
    eq = _eq_parts(state.target(goal))
    if eq is None:
        return False
    c, alpha, a, b = eq
    if a == b or _unify_with(_reducible(state, instances=False), state.mctx, a, b):
        state.assign(goal, mk_app(Const("Eq.refl", c.levels), [alpha, a]))
        state.replace_main([])
        return True
    return False


def _simp_hyp(state: TacticState, ctx: SimpContext, name: str, node: ast.Node) -> bool:
    goal = state.main_goal(node)
    hyp = _find_hyp(state, goal, name, node)
    simp = Simplifier(state, goal, ctx, exclude_uid=hyp.uid)
    new, proof = simp.simp(hyp.type)
    if new == hyp.type:
        return False
    level = LEVEL_ZERO
    target = state.target(goal)
    if _is_const(new, "False"):
        elab = state.elaborator(goal)
        lvl = elab.ensure_type(target, node)
        false_proof = hyp if proof is None else mk_app(Const("Eq.mp", [level]), [hyp.type, new, proof, hyp])
        state.assign(goal, mk_app(Const("False.elim", [lvl]), [target, false_proof]))
        state.replace_main([])
        return True
    if _is_const(new, "True"):
        decl = state.decl(goal)
        if not _mentions_fvar(target, hyp.uid) and not any(
                _mentions_fvar(h.type, hyp.uid) for h in decl.lctx if h.uid != hyp.uid):
            lctx = [h for h in decl.lctx if h.uid != hyp.uid]
            g = state.new_goal(target, lctx, decl.user_name)
            state.assign(goal, g)
            state.replace_main([g])
            return True
    g = replace_hyp(state, goal, hyp, new, proof, level)
    state.replace_main([g])
    return True


@register("Simp")
def tac_Simp(state: TacticState, tac: ast.Simp) -> None:
    variant = tac.variant
    if variant in ("dsimp", "simp_arith"):
        raise TacticError(f"tactic '{variant}' is not supported by the embedded checker", tac)
    goal = state.main_goal(tac)
    if variant == "simp_all":
        _simp_all(state, tac)
        return
    ctx = _simp_context(state, goal, tac)
    if variant == "simpa":
        _simpa(state, tac, ctx)
        return
    loc = tac.location
    progress = False
    if loc is None:
        progress = _simp_target(state, ctx, tac)
    elif loc.wildcard:
        names = [h.name for h in state.decl(goal).lctx if h.uid not in state.hidden and not h.name.endswith("✝")]
        for name in names:
            state.prune()
            if not state.goals:
                break
            progress = _simp_hyp(state, ctx, name, tac) or progress
        state.prune()
        if state.goals:
            progress = _simp_target(state, ctx, tac) or progress
    else:
        for name in loc.hyps:
            state.prune()
            if not state.goals:
                break
            progress = _simp_hyp(state, ctx, name, tac) or progress
        state.prune()
        if loc.goal and state.goals:
            progress = _simp_target(state, ctx, tac) or progress
    if not progress:
        raise TacticError("simp made no progress", tac)


def _simp_all(state: TacticState, tac: ast.Simp) -> None:
    """`simp_all`: simplify every hypothesis with the others and the goal with all of them, until
    nothing changes."""
    progress = False
    for _ in range(8):
        changed = False
        state.prune()
        if not state.goals:
            return
        goal = state.goals[0]
        names = [h.name for h in state.decl(goal).lctx if h.uid not in state.hidden and not h.name.endswith("✝")]
        for name in names:
            state.prune()
            if not state.goals:
                return
            goal = state.goals[0]
            if all(h.name != name for h in state.decl(goal).lctx):
                continue
            star = ast.SimpArg(tac.pos, tac.end_pos, "star", False, None)
            t2 = ast.Simp(tac.pos, tac.end_pos, tac.source, "simp", tac.config, tac.only,
                          tuple(tac.args or ()) + (star,), None, None)
            ctx = _simp_context(state, goal, t2)
            if _simp_hyp(state, ctx, name, tac):
                changed = True
        state.prune()
        if not state.goals:
            return
        goal = state.goals[0]
        star = ast.SimpArg(tac.pos, tac.end_pos, "star", False, None)
        t2 = ast.Simp(tac.pos, tac.end_pos, tac.source, "simp", tac.config, tac.only,
                      tuple(tac.args or ()) + (star,), None, None)
        ctx = _simp_context(state, goal, t2)
        if _simp_target(state, ctx, tac):
            changed = True
        progress = progress or changed
        if not changed:
            break
    if not progress:
        raise TacticError("simp_all made no progress", tac)


def _simpa(state: TacticState, tac: ast.Simp, ctx: SimpContext) -> None:
    """`simpa [..] using e`: simplify the goal and `e`'s type the same way, then close by `exact`;
    without `using`, close the simplified goal by `assumption` (`this` first)."""
    _simp_target(state, ctx, tac)
    state.prune()
    if not state.goals:
        return
    goal = state.goals[0]
    if tac.using is not None:
        from .tactics import _elab_closed_term

        value, _ = _elab_closed_term(state, goal, tac.using, None, "none")
        ty = state.mctx.instantiate(state.elaborator(goal).infer(value))
        decl = state.decl(goal)
        fv = FVar("h", ty)
        body = state.new_goal(state.target(goal), decl.lctx + (fv,), decl.user_name)
        state.assign(goal, App(DelayedLambda((fv,), body), value))
        state.replace_main([body])
        trial = state.copy()
        try:
            _simp_hyp(trial, ctx, "h", tac)
            state.restore_from(trial)
        except TacticError:
            pass
    state.prune()
    if state.goals:
        try:
            tac_Assumption(state, tac)
        except TacticError:
            goal = state.goals[0]
            raise TacticError("simpa failed to close the goal\n\n" + state.format_goal(goal), tac) from None
