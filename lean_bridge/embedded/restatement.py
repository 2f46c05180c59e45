"""A `theorem` restating a library theorem under its Lean core name (`Nat.le_trans`, `Iff.comm`):
accepted only when its statement is the library's (definitionally equal, same binders), and its
proof is checked by the kernel under a scratch name without using the constant it restates. The
library's constant stays, so a restatement can never give a core name another meaning. Likewise a
restated library definition (same type and value) and a restated library type (`class Subsingleton`:
same parameters, type, constructors and fields)."""
from __future__ import annotations

from lean_bridge.syntax import ast

from .elab_env import ElabEnv
from .elab_term import ElabError
from .environment import ConstructorInfo, DefinitionInfo, InductiveInfo, TheoremInfo
from .expr import Expr, Pi, constants_of, instantiate_expr_level_params
from .kernel import KernelError, TypeChecker
from .level import LevelParam

RESTATED_PREFIX = "_restated."  # the scratch name a restatement's proof is checked under


def _binder_infos(e: Expr) -> list:
    out = []
    while isinstance(e, Pi):
        out.append(e.binder_info)
        e = e.body
    return out


def check_same_statement(env: ElabEnv, info: TheoremInfo, type_: Expr, value: Expr, params: tuple[str, ...],
                         max_steps: int | None, node: ast.Node) -> None:
    """Raise "already declared" unless `type_` is the library theorem's statement and `value` does not
    use that theorem (a proof of a theorem by itself would be no proof of the restatement)."""
    refused = f"'{info.name}' has already been declared (the library states it; a restatement is accepted " \
              "only with the same statement"
    if len(params) != len(info.level_params):
        raise ElabError(f"{refused}: its universe parameters differ)", node)
    user_type = instantiate_expr_level_params(type_, params, [LevelParam(p) for p in info.level_params])
    checker = TypeChecker(env.kernel, info.level_params, max_steps=max_steps)
    try:
        same = _binder_infos(user_type) == _binder_infos(info.type) and checker.is_def_eq(user_type, info.type)
    except KernelError:
        same = False
    if not same:
        raise ElabError(f"{refused}: this one differs)", node)
    if info.name in constants_of(value):
        raise ElabError(f"a restatement of '{info.name}' cannot be proved by '{info.name}' itself", node)


def check_same_definition(env: ElabEnv, info: DefinitionInfo, type_: Expr, value: Expr, params: tuple[str, ...],
                          max_steps: int | None, node: ast.Node) -> None:
    """Raise "already declared" unless `type_` and `value` are the library definition's (definitionally
    equal, same binders): a restated core definition is Lean core's own, never another meaning."""
    refused = f"'{info.name}' has already been declared (the library defines it as Lean core does; a " \
              "restatement is accepted only when it is definitionally the same definition"
    if len(params) != len(info.level_params):
        raise ElabError(f"{refused}: its universe parameters differ)", node)
    rename = [LevelParam(p) for p in info.level_params]
    user_type = instantiate_expr_level_params(type_, params, rename)
    user_value = instantiate_expr_level_params(value, params, rename)
    checker = TypeChecker(env.kernel, info.level_params, max_steps=max_steps)
    try:
        same = _binder_infos(user_type) == _binder_infos(info.type) and checker.is_def_eq(user_type, info.type) \
            and checker.is_def_eq(user_value, info.value)
    except KernelError:
        same = False
    if not same:
        raise ElabError(f"{refused}: this one differs)", node)


def check_same_inductive(env: ElabEnv, info: InductiveInfo, decl, max_steps: int | None, node: ast.Node) -> None:
    """Raise "already declared" unless the elaborated `decl` (an `inductive.InductiveDecl`) is the library's
    type `info`: same universe parameters, parameters, type and constructors (names, binders, types)."""
    refused = f"'{info.name}' has already been declared (the library declares it as Lean core does; a " \
              "restatement is accepted only when it is the same type"
    if len(decl.level_params) != len(info.level_params):
        raise ElabError(f"{refused}: its universe parameters differ)", node)
    rename = [LevelParam(p) for p in info.level_params]
    checker = TypeChecker(env.kernel, info.level_params, max_steps=max_steps)

    def same(user: Expr, lib: Expr) -> bool:
        user = instantiate_expr_level_params(user, decl.level_params, rename)
        try:
            return _binder_infos(user) == _binder_infos(lib) and checker.is_def_eq(user, lib)
        except KernelError:
            return False

    ctors = [env.find(c) for c in info.ctors]
    if decl.num_params != info.num_params or not same(decl.type, info.type) \
            or [c for c, _ in decl.ctors] != list(info.ctors) \
            or not all(isinstance(lib, ConstructorInfo) and same(t, lib.type) for (_, t), lib in zip(decl.ctors, ctors)):
        raise ElabError(f"{refused}: this one differs)", node)
