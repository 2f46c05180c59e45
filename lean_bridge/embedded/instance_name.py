"""The name Lean gives an anonymous `instance` (`instance : DecidableEq (α × β)` is
`instDecidableEqProd`), so later commands can refer to it as they would in Lean.

A port of Lean's `Lean.Elab.DeclNameGen` (`mkInstanceName`): the instance's type (its own binders
over its class application) is "winnowed" to the constants of its explicit and type-former
arguments, then rendered as `inst` + the capitalized last components of those constants (each
subterm once), the conclusion first and then `Of…` for each non-dependent binder. Like Lean's
files under `Init`, no module suffix is added. The name only labels a declaration the kernel
checks like any other; it gives no instance another meaning (`mkUnusedBaseName` adds `_1`, `_2`, …
when the name is taken).
"""
from __future__ import annotations

from typing import Callable

from .expr import App, BVar, Const, Expr, FVar, Lam, Let, Pi, Sort, instantiate1
from .expr import BinderInfo, get_app_fn_args
from .level import LevelSucc, LevelZero

# winnowed terms are tuples: ("const", name), ("app", f, x), ("forall", ty, body), ("sort", k), ("bvar",)
_HOLE = ("bvar",)


class _Winnow:
    """Lean's `winnowExpr`: keeps the explicit and type-former arguments, drops proofs and binders' names."""

    def __init__(self, infer: Callable[[Expr], Expr], whnf: Callable[[Expr], Expr]) -> None:
        self.infer, self.whnf = infer, whnf

    def _is_proof(self, e: Expr) -> bool:
        try:
            return self._is_prop_type(self.infer(e))
        except Exception:  # noqa: BLE001 - naming never fails a declaration (Lean falls back to `inst`)
            return False

    def _is_prop_type(self, ty: Expr) -> bool:
        sort = self.whnf(self.infer(ty))
        return isinstance(sort, Sort) and isinstance(sort.level, LevelZero)

    def _is_type_former(self, e: Expr) -> bool:
        ty = self.whnf(self.infer(e))
        while isinstance(ty, Pi):
            fv = FVar(ty.name, ty.type, binder_info=ty.binder_info)
            ty = self.whnf(instantiate1(ty.body, fv))
        return isinstance(ty, Sort)

    def visit(self, e: Expr) -> tuple:
        if isinstance(e, App):
            fn, args = get_app_fn_args(e)
            out = self.visit(fn)
            fty = self.whnf(self.infer(fn))
            for arg in args:
                if not isinstance(fty, Pi):
                    fty = self.whnf(fty)
                if not isinstance(fty, Pi):
                    break
                explicit = fty.binder_info == BinderInfo.DEFAULT
                fty_next = instantiate1(fty.body, arg)
                if explicit or (not isinstance(arg, Sort) and self._is_type_former(arg)):
                    if not self._is_proof(arg):
                        out = ("app", out, self.visit(arg))
                fty = fty_next
            return out
        if isinstance(e, Pi):
            fv = FVar(e.name, e.type, binder_info=e.binder_info)
            ty = _HOLE if e.body.lbr > 0 else self.visit(e.type)
            return ("forall", ty, self.visit(instantiate1(e.body, fv)))
        if isinstance(e, Lam):
            eta = _eta_strict(e)
            if eta is not None:
                return self.visit(eta)
            return self.visit(instantiate1(e.body, FVar(e.name, e.type, binder_info=e.binder_info)))
        if isinstance(e, Let):
            return self.visit(instantiate1(e.body, e.value))
        if isinstance(e, Sort):
            if isinstance(e.level, LevelZero):
                return ("sort", 0)
            if isinstance(e.level, LevelSucc):  # Lean's `isType`: any `Sort (l+1)`
                return ("sort", 1)
            return ("sort", 2)
        if isinstance(e, Const):
            return ("const", e.name)
        return _HOLE


def _eta_strict(e: Lam) -> Expr | None:
    """`fun x => f x` as `f` (Lean's `etaExpandedStrict?`: the body applies a term without `x` to exactly `x`)."""
    depth = 0
    body: Expr = e
    while isinstance(body, Lam):
        body, depth = body.body, depth + 1
    fn, args = get_app_fn_args(body)
    if len(args) != depth or any(not (isinstance(a, BVar) and a.idx == depth - 1 - i) for i, a in enumerate(args)):
        return None
    if fn.lbr > 0:
        return None
    return fn


class _Render:
    """Lean's `mkBaseNameCore`/`mkBaseNameAux`: each winnowed subterm rendered once, `Of…` per binder."""

    def __init__(self, seen_consts: set[str]) -> None:
        self.seen: set[tuple] = {("const", c) for c in seen_consts}

    def core(self, e: tuple, omit_top_forall: bool = False) -> str:
        if e in self.seen:
            return ""
        out = self._core(e, omit_top_forall)
        self.seen.add(e)
        return out

    def _core(self, e: tuple, omit_top_forall: bool) -> str:
        tag = e[0]
        if tag == "const":
            last = e[1].rpartition(".")[2]
            return last[:1].upper() + last[1:]
        if tag == "app":
            return self.core(e[1]) + self.core(e[2])
        if tag == "forall":
            sty = self.core(e[1])
            if omit_top_forall and sty == "":
                return self.core(e[2], True)
            return "Forall" + sty + self.core(e[2])
        if tag == "sort":
            return ("Prop", "Type", "Sort")[e[1]]
        return ""

    def aux(self, e: tuple) -> str:
        foralls: list[str] = []
        binders: list[tuple] = []
        while e[0] == "forall":
            binders.append(e[1])
            e = e[2]
        head = self.core(e)
        for ty in reversed(binders):  # Lean visits the conclusion, then the binders from the innermost out
            st = self.core(ty, omit_top_forall=True)
            if st:
                foralls.append("Of" + st)
        return head + "".join(reversed(foralls))


def instance_base_name(type_: Expr, namespace: str, has_const: Callable[[str], bool],
                       infer: Callable[[Expr], Expr], whnf: Callable[[Expr], Expr]) -> str:
    """Lean's `mkBaseNameWithSuffix "inst" type` for a file of `Init` (no module suffix): the prefixes of
    the current namespace that are constants count as already mentioned."""
    seen: set[str] = set()
    parts = namespace.split(".") if namespace else []
    for i in range(len(parts), 0, -1):
        prefix = ".".join(parts[:i])
        if has_const(prefix):
            seen.add(prefix)
    try:
        winnowed = _Winnow(infer, whnf).visit(type_)
    except Exception:  # noqa: BLE001 - Lean's `catch _ => pure pre`: the name falls back to `inst`
        return "inst"
    return "inst" + _Render(seen).aux(winnowed)


def unused_base_name(base: str, namespace: str, taken: Callable[[str], bool]) -> str:
    """Lean's `mkUnusedBaseName`: `base`, else `base_1`, `base_2`, … the first free in the namespace."""
    def full(n: str) -> str:
        return f"{namespace}.{n}" if namespace else n

    if not taken(full(base)):
        return base
    idx = 1
    while taken(full(f"{base}_{idx}")):
        idx += 1
    return f"{base}_{idx}"
