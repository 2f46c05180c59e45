"""Auxiliary definitions Lean generates for every inductive type: `casesOn` (the recursor without
induction hypotheses), `recOn` (the recursor with its major premise before the minor premises) and
structure projections `S.f`. They are built here and then type checked
by the kernel like any user definition, so a bug here cannot make the checker unsound.
"""
from __future__ import annotations

from .environment import ConstructorInfo, Environment, InductiveInfo, RecursorInfo
from .expr import (BinderInfo, Const, Expr, FVar, Lam, Pi, Proj, Sort, get_app_fn_args, instantiate1, mk_app,
                   mk_lambda_fvars, mk_pi_fvars)
from .kernel import TypeChecker
from .level import LevelParam, LevelSucc, LevelZero


def _open_pis(t: Expr, count: int | None = None) -> tuple[list[FVar], Expr]:
    fvars: list[FVar] = []
    while isinstance(t, Pi) and (count is None or len(fvars) < count):
        fv = FVar(t.name, t.type, None, t.binder_info)
        fvars.append(fv)
        t = instantiate1(t.body, fv)
    return fvars, t


def _open_rec(env: Environment, name: str) -> tuple[RecursorInfo, list[LevelParam], list[FVar], list[FVar],
                                                   list[FVar], Expr]:
    """`name.rec`'s type opened: (recursor, its levels, params and motives, minors, indices and major, result)."""
    rec = env.find(f"{name}.rec")
    assert isinstance(rec, RecursorInfo)
    levels = [LevelParam(p) for p in rec.level_params]
    fvars, body_type = _open_pis(rec.type)
    n_pm = rec.num_params + rec.num_motives
    return (rec, levels, fvars[:n_pm], fvars[n_pm:n_pm + rec.num_minors], fvars[n_pm + rec.num_minors:],
            body_type)


def mk_cases_on(env: Environment, name: str) -> tuple[Expr, Expr, tuple[str, ...]]:
    """`(type, value, level params)` of `name.casesOn`."""
    rec, levels, params_motive, minors, indices_major, body_type = _open_rec(env, name)
    ind = env.find(name)
    assert isinstance(ind, InductiveInfo)
    new_minors: list[FVar] = []
    rec_minor_values: list[Expr] = []
    for minor, ctor_name in zip(minors, ind.ctors):
        ctor = env.find(ctor_name)
        assert isinstance(ctor, ConstructorInfo)
        fields, rest = _open_pis(minor.type, ctor.num_fields)
        ihs, result = _open_pis(rest)
        new_minor = FVar(minor.name, mk_pi_fvars(fields, result), None, BinderInfo.DEFAULT)
        new_minors.append(new_minor)
        rec_minor_values.append(mk_lambda_fvars(fields + ihs, mk_app(new_minor, fields)))
    binders = params_motive + indices_major + new_minors
    type_ = mk_pi_fvars(binders, body_type)
    value_body = mk_app(Const(f"{name}.rec", levels), params_motive + rec_minor_values + indices_major)
    value = mk_lambda_fvars(binders, value_body)
    return type_, value, rec.level_params


def mk_rec_on(env: Environment, name: str) -> tuple[Expr, Expr, tuple[str, ...]]:
    """`(type, value, level params)` of `name.recOn`: `rec` with the indices and major premise moved
    before the minor premises, as Lean's `mkRecOn`."""
    rec, levels, params_motive, minors, indices_major, body_type = _open_rec(env, name)
    binders = params_motive + indices_major + minors
    value = mk_lambda_fvars(binders, mk_app(Const(f"{name}.rec", levels), params_motive + minors + indices_major))
    return mk_pi_fvars(binders, body_type), value, rec.level_params


def mk_projection(env: Environment, struct: str, idx: int, field_name: str,
                  is_class: bool = False) -> tuple[Expr, Expr, tuple[str, ...]]:
    """`(type, value, level params)` of the projection `struct.field_name` (field number `idx`)."""
    ind = env.find(struct)
    assert isinstance(ind, InductiveInfo)
    ctor = env.find(ind.ctors[0])
    assert isinstance(ctor, ConstructorInfo)
    levels = [LevelParam(p) for p in ind.level_params]
    params, rest = _open_pis(ctor.type, ind.num_params)
    params = [FVar(p.name, p.type, None, BinderInfo.IMPLICIT, uid=p.uid) for p in params]
    self_info = BinderInfo.INST_IMPLICIT if is_class else BinderInfo.DEFAULT
    self_fv = FVar("self", mk_app(Const(struct, levels), params), None, self_info)
    t = rest
    for j in range(idx):
        assert isinstance(t, Pi)
        t = instantiate1(t.body, Proj(struct, j, self_fv))
    assert isinstance(t, Pi)
    field_type = t.type
    type_ = mk_pi_fvars(params + [self_fv], field_type)
    value = mk_lambda_fvars(params + [self_fv], Proj(struct, idx, self_fv))
    return type_, value, ind.level_params


def no_confusion_applies(env: Environment, name: str) -> bool:
    """Lean generates `noConfusion` for an inductive type that is no proposition (here: without indices)
    and whose recursor eliminates into every universe."""
    ind = env.find(name)
    rec = env.find(f"{name}.rec")
    if not isinstance(ind, InductiveInfo) or not isinstance(rec, RecursorInfo) or ind.num_indices != 0:
        return False
    if len(rec.level_params) != len(ind.level_params) + 1:
        return False  # eliminates only into Prop
    _, sort = _open_pis(ind.type)
    return isinstance(sort, Sort) and not (isinstance(sort.level, LevelZero))


def _fresh_level_name(taken: tuple[str, ...]) -> str:
    name, k = "w", 0
    while name in taken:
        k += 1
        name = f"w_{k}"
    return name


def _field_eqs(checker: TypeChecker, lhs: list[FVar], rhs: list[FVar],
               heq: list[bool] | None = None) -> list[Expr]:
    """`aᵢ = bᵢ` for fields of equal types, `HEq aᵢ bᵢ` for fields whose types depend on earlier fields
    (`heq` given: the kinds decided for two distinct values, used for a value against itself); none
    for proof fields."""
    eqs: list[Expr] = []
    for i, (a, b) in enumerate(zip(lhs, rhs)):
        sort = checker.whnf(checker.infer(a.type))
        assert isinstance(sort, Sort)
        if isinstance(sort.level, LevelZero):
            continue  # Lean states no equation between proofs (they are equal anyway)
        if (a.type == b.type) if heq is None else not heq[i]:
            eqs.append(mk_app(Const("Eq", [sort.level]), [a.type, a, b]))
        else:
            eqs.append(mk_app(Const("HEq", [sort.level]), [a.type, a, b.type, b]))
    return eqs


def _ctor_fields(env: Environment, ctor_name: str, params: list[FVar], suffix: str) -> list[FVar]:
    ctor = env.find(ctor_name)
    assert isinstance(ctor, ConstructorInfo)
    t = ctor.type
    levels_free = t
    for p in params:
        assert isinstance(levels_free, Pi)
        levels_free = instantiate1(levels_free.body, p)
    fields, _ = _open_pis(levels_free, ctor.num_fields)
    return [FVar(f.name + suffix, f.type, None, BinderInfo.DEFAULT, uid=f.uid) for f in fields]


def mk_no_confusion(env: Environment, name: str) -> list[tuple[str, Expr, Expr, tuple[str, ...]]]:
    """`I.noConfusionType` and `I.noConfusion` as Lean's `mkNoConfusion` states them, as
    `(name, type, value, level params)`: `noConfusionType P (c as) (c bs)` is `(as = bs → P) → P`, for
    different constructors `P`; `noConfusion (h : v₁ = v₂) : noConfusionType P v₁ v₂`."""
    ind = env.find(name)
    assert isinstance(ind, InductiveInfo)
    ind_levels = [LevelParam(p) for p in ind.level_params]
    w_name = _fresh_level_name(ind.level_params)
    w = LevelParam(w_name)
    level_params = (w_name,) + ind.level_params
    checker = TypeChecker(env, level_params)
    params, sort = _open_pis(ind.type, ind.num_params)
    params = [FVar(p.name, p.type, None, BinderInfo.IMPLICIT, uid=p.uid) for p in params]
    _, ind_sort = _open_pis(sort)
    assert isinstance(ind_sort, Sort)
    self_type = mk_app(Const(name, ind_levels), params)
    P = FVar("P", Sort(w))
    v1, v2 = FVar("v1", self_type), FVar("v2", self_type)
    sort_w = Sort(w)
    motive_const = Lam("x", self_type, sort_w)
    cases_sort = Const(f"{name}.casesOn", [LevelSucc(w)] + ind_levels)

    def pi(binders: list[FVar], body: Expr) -> Expr:
        return mk_pi_fvars(binders, body)

    minors_outer = []
    for i, ci in enumerate(ind.ctors):
        fs = _ctor_fields(env, ci, params, "")
        minors_inner = []
        for j, cj in enumerate(ind.ctors):
            gs = _ctor_fields(env, cj, params, "'")
            if i == j:  # each value's later field types refer to its own earlier fields
                body = mk_pi_fvars([FVar("h", pi_eqs(checker, fs, gs, P), None)], P)
            else:
                body = P
            minors_inner.append(mk_lambda_fvars(gs, body))
        inner = mk_app(cases_sort, params + [motive_const, v2] + minors_inner)
        minors_outer.append(mk_lambda_fvars(fs, inner))
    nct_body = mk_app(cases_sort, params + [motive_const, v1] + minors_outer)
    nct_name = f"{name}.noConfusionType"
    nct_type = pi(params + [P, v1, v2], sort_w)
    nct_value = mk_lambda_fvars(params + [P, v1, v2], nct_body)

    nct = Const(nct_name, [w] + ind_levels)
    P_imp = FVar("P", Sort(w), None, BinderInfo.IMPLICIT, uid=P.uid)
    v1_imp = FVar("v1", self_type, None, BinderInfo.IMPLICIT, uid=v1.uid)
    v2_imp = FVar("v2", self_type, None, BinderInfo.IMPLICIT, uid=v2.uid)
    h12 = FVar("h12", mk_app(Const("Eq", [ind_sort.level]), [self_type, v1, v2]))
    # `I.casesOn (motive := fun b => noConfusionType P b b) v1 (fun fields k => k rfl …)`
    b = FVar("b", self_type)
    diag_motive = mk_lambda_fvars([b], mk_app(nct, params + [P, b, b]))
    diag_minors = []
    for ci in ind.ctors:
        fs = _ctor_fields(env, ci, params, "")
        gs = _ctor_fields(env, ci, params, "'")
        eqs = _field_eqs(checker, fs, fs, [f.type != g.type for f, g in zip(fs, gs)])
        k = FVar("k", mk_pi_fvars([FVar(f"e{i}", e) for i, e in enumerate(eqs)], P))
        proofs = []
        for e in eqs:
            fn, args = get_app_fn_args(e)
            assert isinstance(fn, Const)
            if fn.name == "Eq":
                proofs.append(mk_app(Const("Eq.refl", fn.levels), [args[0], args[1]]))
            else:
                proofs.append(mk_app(Const("HEq.refl", fn.levels), [args[0], args[1]]))
        diag_minors.append(mk_lambda_fvars(fs + [k], mk_app(k, proofs)))
    cases_w = Const(f"{name}.casesOn", [w] + ind_levels)
    diag = mk_app(cases_w, params + [diag_motive, v1] + diag_minors)
    a = FVar("a", self_type)
    nd_motive = mk_lambda_fvars([a], mk_app(nct, params + [P, v1, a]))
    nc_body = mk_app(Const("Eq.ndrec", [w, ind_sort.level]), [self_type, v1, nd_motive, diag, v2, h12])
    binders = params + [P_imp, v1_imp, v2_imp, h12]
    nc_type = pi(binders, mk_app(nct, params + [P, v1, v2]))
    nc_value = mk_lambda_fvars(binders, nc_body)
    return [(nct_name, nct_type, nct_value, level_params),
            (f"{name}.noConfusion", nc_type, nc_value, level_params)]


def pi_eqs(checker: TypeChecker, fs: list[FVar], gs: list[FVar], P: Expr) -> Expr:
    """`a₁ = b₁ → … → P`."""
    eqs = _field_eqs(checker, fs, gs)
    return mk_pi_fvars([FVar(f"e{i}", e) for i, e in enumerate(eqs)], P)
