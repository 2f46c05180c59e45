"""Nat numerals and offsets as the elaborator builds them (Lean's `evalNat`, `isOffset?` and
`isDefEqOffsetNat`): shared by the unifier, `rw`/`simp` and the equation unfolder."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .expr import App, Const, Expr, NatLit, get_app_fn, get_app_fn_args, mk_app
from .level import LEVEL_ZERO

if TYPE_CHECKING:
    from .meta import MetaChecker

NAT = Const("Nat")


def _is_nat_inst(inst: Expr, cls: str) -> bool:
    """`instHAdd Nat instAddNat` and friends (Lean checks the instance structurally too)."""
    fn, args = get_app_fn_args(inst)
    base = {"HAdd": ("instHAdd", "instAddNat"), "HSub": ("instHSub", "instSubNat"),
            "HMul": ("instHMul", "instMulNat")}[cls]
    return (isinstance(fn, Const) and fn.name == base[0] and len(args) == 2 and args[0] == NAT
            and isinstance(args[1], Const) and args[1].name == base[1])


_NAT_OPS: dict[str, Callable[[int, int], int]] = {
    "add": lambda a, b: a + b, "sub": lambda a, b: max(a - b, 0), "mul": lambda a, b: a * b}


def eval_nat(e: Expr) -> int | None:
    """The value of a closed Nat numeral expression (`OfNat.ofNat Nat 3 _`, `2 + 2`, `Nat.succ 1`)."""
    if isinstance(e, NatLit):
        return e.value
    if isinstance(e, Const):
        return 0 if e.name == "Nat.zero" else None
    fn, args = get_app_fn_args(e)
    if not isinstance(fn, Const):
        return None
    name = fn.name
    if name == "OfNat.ofNat" and len(args) == 3 and args[0] == NAT and isinstance(args[1], NatLit):
        inst = get_app_fn(args[2])
        return args[1].value if isinstance(inst, Const) and inst.name == "instOfNatNat" else None
    if name == "Nat.succ" and len(args) == 1:
        v = eval_nat(args[0])
        return v + 1 if v is not None else None
    if name in ("Nat.add", "Nat.sub", "Nat.mul") and len(args) == 2:
        op = _NAT_OPS[name[4:]]
    elif name in ("HAdd.hAdd", "HSub.hSub", "HMul.hMul") and len(args) == 6:
        if not (args[0] == NAT and args[1] == NAT and args[2] == NAT and _is_nat_inst(args[3], name.split(".")[0])):
            return None
        op = _NAT_OPS[name.split(".")[1][1:].lower()]
        args = args[4:]
    else:
        return None
    a = eval_nat(args[0])
    if a is None:
        return None
    b = eval_nat(args[1])
    return op(a, b) if b is not None else None


def _nat_add_args(e: Expr) -> tuple[Expr, Expr] | None:
    fn, args = get_app_fn_args(e)
    if not isinstance(fn, Const):
        return None
    if fn.name == "Nat.add" and len(args) == 2:
        return args[0], args[1]
    if (fn.name == "HAdd.hAdd" and len(args) == 6 and args[0] == NAT and args[1] == NAT and args[2] == NAT
            and _is_nat_inst(args[3], "HAdd")):
        return args[4], args[5]
    return None


def lean_offset(e: Expr) -> tuple[Expr, int] | None:
    """Lean's `isOffset?`: `e` as `s + k` when its head is `Nat.succ` or an addition of a numeral
    (`a + 0` too, as `(a, 0)`), peeling nested ones (`Nat.succ (a + 0)` is `(a, 1)`); None otherwise."""
    return _offset_aux(e, True)


def _offset_aux(e: Expr, top: bool) -> tuple[Expr, int] | None:
    """Lean's `getOffsetAux`: below the top, a term that is no offset is `(e, 0)`."""
    fn = get_app_fn(e)
    if isinstance(fn, Const) and fn.name == "Nat.succ" and isinstance(e, App):
        base = _offset_aux(e.arg, False)
        return (base[0], base[1] + 1) if base is not None else None
    ab = _nat_add_args(e)
    if ab is not None:
        k = eval_nat(ab[1])
        if k is not None:
            base = _offset_aux(ab[0], False)
            return (base[0], base[1] + k) if base is not None else None
    return None if top else (e, 0)


def nat_offset(e: Expr) -> tuple[Expr, int] | None:
    """`e` as `s + k` with `k > 0` (`Nat.succ a`, `a + 3`, `Nat.succ (a + 0)` as `(a, 1)`), or None."""
    off = lean_offset(e)
    return off if off is not None and off[1] > 0 else None


def mk_nat_lit(n: int) -> Expr:
    """The numeral `n : Nat` as the elaborator builds it."""
    return mk_app(Const("OfNat.ofNat", [LEVEL_ZERO]), [NAT, NatLit(n), App(Const("instOfNatNat"), NatLit(n))])


def mk_nat_add(a: Expr, k: int) -> Expr:
    inst = mk_app(Const("instHAdd", [LEVEL_ZERO]), [NAT, Const("instAddNat")])
    return mk_app(Const("HAdd.hAdd", [LEVEL_ZERO, LEVEL_ZERO, LEVEL_ZERO]), [NAT, NAT, NAT, inst, a, mk_nat_lit(k)])


def offset_def_eq(chk: "MetaChecker", t: Expr, s: Expr) -> bool | None:
    """Lean's `isDefEqOffsetNat`: numerals and offsets `e + k` compared by their numbers (`?w + 1 =?= 3`
    becomes `?w =?= 2`); None when neither side is such a term, so other rules decide."""
    vt, vs = eval_nat(t), eval_nat(s)
    if vt is not None and vs is not None:
        return vt == vs
    ot = lean_offset(t) if vt is None else None
    os_ = lean_offset(s) if vs is None else None
    if ot is not None and os_ is not None:
        (bt, k1), (bs, k2) = ot, os_
        if k1 == k2:
            return chk.is_def_eq(bt, bs)
        if k1 < k2:
            return chk.is_def_eq(bt, mk_nat_add(bs, k2 - k1))
        return chk.is_def_eq(mk_nat_add(bt, k1 - k2), bs)
    if ot is not None and vs is not None:
        return chk.is_def_eq(ot[0], mk_nat_lit(vs - ot[1])) if vs >= ot[1] else False
    if os_ is not None and vt is not None:
        return chk.is_def_eq(mk_nat_lit(vt - os_[1]), os_[0]) if vt >= os_[1] else False
    return None


def offset_predecessor(e: Expr) -> Expr | None:
    """For an offset `a + k` (k ≥ 1, also `Nat.succ a`): its predecessor `a + (k - 1)`, just `a` when
    k = 1; so `e` is `Nat.succ` of it, which is how a `match` or `cases` sees it. None otherwise."""
    off = nat_offset(e)
    if off is None:
        return None
    base, k = off
    return base if k == 1 else mk_nat_add(base, k - 1)
