"""Auxiliary definitions Lean generates for every inductive type: `casesOn` (the recursor without
induction hypotheses), `recOn` (the recursor with its major premise before the minor premises) and
structure projections `S.f`. They are built here and then type checked
by the kernel like any user definition, so a bug here cannot make the checker unsound.
"""
from __future__ import annotations

from .environment import ConstructorInfo, Environment, InductiveInfo, RecursorInfo
from .expr import BinderInfo, Const, Expr, FVar, Pi, Proj, instantiate1, mk_app, mk_lambda_fvars, mk_pi_fvars
from .level import LevelParam


def _open_pis(t: Expr, count: int | None = None) -> tuple[list[FVar], Expr]:
    fvars: list[FVar] = []
    while isinstance(t, Pi) and (count is None or len(fvars) < count):
        fv = FVar(t.name, t.type, None, t.binder_info)
        fvars.append(fv)
        t = instantiate1(t.body, fv)
    return fvars, t


def mk_cases_on(env: Environment, name: str) -> tuple[Expr, Expr, tuple[str, ...]]:
    """`(type, value, level params)` of `name.casesOn`."""
    rec = env.find(f"{name}.rec")
    assert isinstance(rec, RecursorInfo)
    levels = [LevelParam(p) for p in rec.level_params]
    fvars, body_type = _open_pis(rec.type)
    n_pm = rec.num_params + rec.num_motives
    params_motive = fvars[:n_pm]
    minors = fvars[n_pm:n_pm + rec.num_minors]
    indices_major = fvars[n_pm + rec.num_minors:]
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
    rec = env.find(f"{name}.rec")
    assert isinstance(rec, RecursorInfo)
    levels = [LevelParam(p) for p in rec.level_params]
    fvars, body_type = _open_pis(rec.type)
    n_pm = rec.num_params + rec.num_motives
    params_motive = fvars[:n_pm]
    minors = fvars[n_pm:n_pm + rec.num_minors]
    indices_major = fvars[n_pm + rec.num_minors:]
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
