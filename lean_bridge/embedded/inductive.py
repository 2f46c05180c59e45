"""Inductive declarations: checking them and generating their recursors, as Lean 4's
`inductive.cpp` does for the single (non-mutual, non-nested) case.

Checked: the type is a telescope `params → indices → Sort u`; every constructor takes the
parameters first (definitionally the same), has fields whose universe fits in `u` (unless the
type is a proposition), mentions the type only strictly positively, and returns the type at the
parameters. Generated: `I.rec`, whose eliminated universe is restricted to `Prop` when the type
may live in `Prop` and has more than one constructor or a data field not fixed by the indices
(Lean's "subsingleton elimination"), with one iota rule per constructor and K-like reduction for
a propositional type whose single constructor has no fields (like `Eq`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .environment import ConstructorInfo, Environment, InductiveInfo, RecursorInfo, RecursorRule
from .expr import (
    App,
    BinderInfo,
    Const,
    Expr,
    FVar,
    Pi,
    Sort,
    constants_of,
    get_app_fn_args,
    instantiate1,
    mk_app,
    mk_lambda_fvars,
    mk_pi_fvars,
)
from .kernel import KernelError, TypeChecker, _checked, _check_closed, _check_level_params, check_type_of_declaration
from .level import LEVEL_ZERO, Level, LevelParam, is_geq, is_never_zero


@dataclass(frozen=True)
class InductiveDecl:
    """What the elaborator hands the kernel: `inductive name.{level_params} : type` with constructors."""

    name: str
    level_params: tuple[str, ...]
    num_params: int
    type: Expr
    ctors: tuple[tuple[str, Expr], ...]


def _mentions(e: Expr, name: str) -> bool:
    return name in constants_of(e)


class _InductiveChecker:
    """Checks one inductive declaration and builds its environment entries."""

    def __init__(self, env: Environment, decl: InductiveDecl) -> None:
        self.env, self.decl = env, decl
        self.name = decl.name
        self.levels: tuple[Level, ...] = tuple(LevelParam(p) for p in decl.level_params)

    # -- the type ---------------------------------------------------------------

    def check_type(self) -> None:
        """Rule: the type is `(params) → (indices) → Sort u`."""
        checker = check_type_of_declaration(self.env, self.name, self.decl.level_params, self.decl.type)
        t = self.decl.type
        fvars: list[FVar] = []
        while True:
            t = checker.whnf(t)
            if not isinstance(t, Pi):
                break
            fv = FVar(t.name, t.type, binder_info=t.binder_info)
            fvars.append(fv)
            t = instantiate1(t.body, fv)
        if not isinstance(t, Sort):
            raise KernelError(f"(kernel) invalid inductive type '{self.name}': its type must end in a sort")
        if len(fvars) < self.decl.num_params:
            raise KernelError(f"(kernel) invalid inductive type '{self.name}': fewer binders than parameters")
        self.params = fvars[: self.decl.num_params]
        self.indices = fvars[self.decl.num_params:]
        self.result_level = t.level
        self.is_not_zero = is_never_zero(t.level)
        self.is_prop = t.level == LEVEL_ZERO

    # -- constructors -------------------------------------------------------------

    def _env_with_type(self) -> Environment:
        info = InductiveInfo(self.name, self.decl.level_params, self.decl.type, self.decl.num_params,
                             len(self.indices), tuple(n for n, _ in self.decl.ctors), False, False)
        return self.env.add(info)

    def _is_valid_ind_app(self, checker: TypeChecker, t: Expr) -> bool:
        """Whether `t` is `I params indices` with exactly our parameters and `I`-free indices."""
        fn, args = get_app_fn_args(t)
        if not (isinstance(fn, Const) and fn.name == self.name and fn.levels == self.levels):
            return False
        if len(args) != self.decl.num_params + len(self.indices):
            return False
        if any(a != p for a, p in zip(args, self.params)):
            return False
        return not any(_mentions(a, self.name) for a in args[self.decl.num_params:])

    def _check_positivity(self, checker: TypeChecker, t: Expr, ctor: str, field_no: int) -> bool:
        """Rule (strict positivity): `I` occurs only as the conclusion of the field's type.
        Returns whether the field is recursive."""
        t = checker.whnf(t)
        if not _mentions(t, self.name):
            return False
        if isinstance(t, Pi):
            if _mentions(t.type, self.name):
                raise KernelError(f"(kernel) arg #{field_no} of '{ctor}' has a non positive occurrence of the datatypes being declared")
            fv = FVar(t.name, t.type, binder_info=t.binder_info)
            return self._check_positivity(checker, instantiate1(t.body, fv), ctor, field_no)
        if self._is_valid_ind_app(checker, t):
            return True
        raise KernelError(f"(kernel) arg #{field_no} of '{ctor}' has a non valid occurrence of the datatypes being declared")

    def check_ctors(self) -> None:
        """Check every constructor type and record its fields."""
        env = self._env_with_type()
        self.ctor_fields: list[list[FVar]] = []
        self.ctor_recursive: list[list[bool]] = []
        self.ctor_result_args: list[list[Expr]] = []
        seen: set[str] = set()
        for ctor_name, ctor_type in self.decl.ctors:
            if ctor_name in env or ctor_name in seen:
                raise KernelError(f"(kernel) constant has already been declared '{ctor_name}'")
            seen.add(ctor_name)
            _check_closed(ctor_name, ctor_type)
            _check_level_params(ctor_name, self.decl.level_params, ctor_type)
            checker = TypeChecker(env, self.decl.level_params)
            checker.ensure_sort(checker.infer(ctor_type), ctor_type)
            t = ctor_type
            fields: list[FVar] = []
            recursive: list[bool] = []
            i = 0
            while True:
                t = checker.whnf(t)
                if not isinstance(t, Pi):
                    break
                if i < self.decl.num_params:
                    if not checker.is_def_eq(t.type, self.params[i].type):
                        raise KernelError(f"(kernel) arg #{i + 1} of '{ctor_name}' does not match inductive datatype parameters")
                    t = instantiate1(t.body, self.params[i])
                else:
                    field_sort = checker.ensure_sort(checker.infer(t.type), t.type)
                    if not (self.is_prop or is_geq(self.result_level, field_sort.level)):
                        raise KernelError(
                            f"(kernel) universe level of type_of(arg #{i + 1}) of '{ctor_name}' is too big for the corresponding inductive datatype"
                        )
                    recursive.append(self._check_positivity(checker, t.type, ctor_name, i + 1))
                    fv = FVar(t.name, t.type, binder_info=t.binder_info)
                    fields.append(fv)
                    t = instantiate1(t.body, fv)
                i += 1
            if i < self.decl.num_params:
                raise KernelError(f"(kernel) constructor '{ctor_name}' does not take the datatype parameters")
            if not self._is_valid_ind_app(checker, t):
                raise KernelError(f"(kernel) invalid return type for '{ctor_name}'")
            self.ctor_fields.append(fields)
            self.ctor_recursive.append(recursive)
            self.ctor_result_args.append(get_app_fn_args(t)[1][self.decl.num_params:])
        self.checker = TypeChecker(env, self.decl.level_params)

    # -- the recursor ---------------------------------------------------------------

    def elim_only_at_universe_zero(self) -> bool:
        """Rule (subsingleton elimination): a type that may be a proposition eliminates only into
        `Prop` unless it has no constructor, or one whose data fields all appear in its indices."""
        if self.is_not_zero:
            return False
        if len(self.decl.ctors) > 1:
            return True
        if not self.decl.ctors:
            return False
        for fv in self.ctor_fields[0]:
            if not self.checker.is_prop(fv.type) and not any(a == fv for a in self.ctor_result_args[0]):
                return True
        return False

    def _motive_level_name(self) -> str:
        name, k = "u", 0
        while name in self.decl.level_params:
            k += 1
            name = f"u_{k}"
        return name

    def build(self) -> Environment:
        """The environment with the type, its constructors and its recursor."""
        elim_zero = self.elim_only_at_universe_zero()
        if elim_zero:
            rec_level_params = self.decl.level_params
            motive_level: Level = LEVEL_ZERO
        else:
            motive_univ = self._motive_level_name()
            rec_level_params = (motive_univ,) + self.decl.level_params
            motive_level = LevelParam(motive_univ)
        ind_const = Const(self.name, self.levels)
        rec_const = Const(f"{self.name}.rec", tuple(LevelParam(p) for p in rec_level_params))

        major_type = mk_app(ind_const, list(self.params) + list(self.indices))
        major = FVar("t", major_type)
        motive_type = mk_pi_fvars(list(self.indices) + [major], Sort(motive_level))
        # like Lean, the motive is implicit unless there is no minor premise to infer it from
        motive = FVar("motive", motive_type, binder_info=BinderInfo.IMPLICIT if self.decl.ctors else BinderInfo.DEFAULT)

        minors: list[FVar] = []
        ihs_per_ctor: list[list[FVar]] = []
        for (ctor_name, _), fields, recursive, result_args in zip(
                self.decl.ctors, self.ctor_fields, self.ctor_recursive, self.ctor_result_args):
            ihs: list[FVar] = []
            for fv, is_rec in zip(fields, recursive):
                if not is_rec:
                    continue
                ys, target = self._open_recursive_field(fv.type)
                target_indices = get_app_fn_args(target)[1][self.decl.num_params:]
                ih_type = mk_pi_fvars(ys, App(mk_app(motive, target_indices), mk_app(fv, ys)))
                ihs.append(FVar(f"{fv.name}_ih", ih_type))
            ctor_app = mk_app(Const(ctor_name, self.levels), list(self.params) + fields)
            minor_type = mk_pi_fvars(fields + ihs, App(mk_app(motive, result_args), ctor_app))
            minors.append(FVar(ctor_name.rsplit(".", 1)[-1], minor_type))
            ihs_per_ctor.append(ihs)

        rec_type = mk_pi_fvars(
            [self._implicit(p) for p in self.params] + [motive] + minors + [self._implicit(i) for i in self.indices] + [major],
            App(mk_app(motive, self.indices), major),
        )

        rules = []
        for (ctor_name, _), fields, recursive, minor in zip(self.decl.ctors, self.ctor_fields, self.ctor_recursive, minors):
            ih_values = []
            for fv, is_rec in zip(fields, recursive):
                if not is_rec:
                    continue
                ys, target = self._open_recursive_field(fv.type)
                target_indices = get_app_fn_args(target)[1][self.decl.num_params:]
                call = mk_app(rec_const, list(self.params) + [motive] + minors + target_indices + [mk_app(fv, ys)])
                ih_values.append(mk_lambda_fvars(ys, call))
            rhs = mk_lambda_fvars(list(self.params) + [motive] + minors + fields, mk_app(mk_app(minor, fields), ih_values))
            rules.append(RecursorRule(ctor_name, len(fields), rhs))

        is_rec = any(any(r) for r in self.ctor_recursive)
        structure_like = len(self.decl.ctors) == 1 and not self.indices and not is_rec
        infos = [InductiveInfo(self.name, self.decl.level_params, self.decl.type, self.decl.num_params,
                               len(self.indices), tuple(n for n, _ in self.decl.ctors), is_rec, structure_like)]
        for cidx, ((ctor_name, ctor_type), fields) in enumerate(zip(self.decl.ctors, self.ctor_fields)):
            infos.append(ConstructorInfo(ctor_name, self.decl.level_params, ctor_type, self.name, cidx,
                                         self.decl.num_params, len(fields)))
        k = self.is_prop and len(self.decl.ctors) == 1 and not self.ctor_fields[0]
        infos.append(RecursorInfo(f"{self.name}.rec", rec_level_params, rec_type, self.name, self.decl.num_params,
                                  len(self.indices), 1, len(minors), tuple(rules), k))
        env = self.env.add_many(infos)
        # the generated recursor type is itself re-checked, as a guard against generation bugs
        TypeChecker(env, rec_level_params).ensure_sort(TypeChecker(env, rec_level_params).infer(rec_type), rec_type)
        return env

    def _open_recursive_field(self, t: Expr) -> tuple[list[FVar], Expr]:
        ys: list[FVar] = []
        t = self.checker.whnf(t)
        while isinstance(t, Pi):
            fv = FVar(t.name, t.type, binder_info=t.binder_info)
            ys.append(fv)
            t = self.checker.whnf(instantiate1(t.body, fv))
        return ys, t

    @staticmethod
    def _implicit(fv: FVar) -> FVar:
        return FVar(fv.name, fv.type, binder_info=BinderInfo.IMPLICIT, uid=fv.uid)


def add_inductive(env: Environment, decl: InductiveDecl) -> Environment:
    """Check an inductive declaration and return the environment with its type, constructors and recursor."""

    def run() -> Environment:
        for aux in (f"{decl.name}.rec",):
            if aux in env:
                raise KernelError(f"(kernel) constant has already been declared '{aux}'")
        checker = _InductiveChecker(env, decl)
        checker.check_type()
        checker.check_ctors()
        return checker.build()

    return _checked(run)
