"""Print kernel expressions and proof goals exactly as Lean 4 (v4.33) prints them.

This follows Lean's delaborator (`Lean.PrettyPrinter.Delaborator.Builtins`), its
parenthesizer and `Lean.Meta.ppGoal` with default options:

* notation is printed back (`a + b`, `a = b`, `¬p`, `p ∧ q`, `∃ x y, p`, `a ∈ l`, `a :: l`,
  `[a, b]`, numerals, `⟨a, b⟩`, `(a, b)`), implicit and instance arguments are hidden, an
  application missing a trailing implicit argument is printed explicitly (`@List.nil`);
* binders: `fun x y => b` (no binder types, `pp.funBinderTypes` false); a `∀` whose type is a
  proposition prints `∀ (x y : α) {β : Type}, p`, a dependent non-proposition `(x : α) → β x`,
  a non-dependent one `α → β`; consecutive binders with the same type and binder info are
  grouped; a binder whose name would capture a variable used in its body is renamed `x_1`
  (`pp.safeShadowing`); binder names lose their macro scopes (`a✝` binds as `a`);
* generalized field notation (`n.succ`, `l.length`, `h.mp`): never for theorems, nor when the
  object is a numeral; structure projections (`And.left h` is `h.left`) always;
* precedences and parentheses follow Lean's parenthesizer: a child is parenthesized when its
  precedence is below its position's, or when a trailing construct follows it and the child
  ends in a term of lower-or-equal precedence (so `¬a ∧ b`, `(¬a) = b`, `(fun x => x) y`,
  `f fun x => x`, `a :: l ++ m`);
* goals (`format_goal`): the local context is sanitized like `LocalContext.sanitizeNames`
  (inaccessible names and shadowed names become `x✝`, `x✝¹`, … counted from the last
  hypothesis backwards), consecutive hypotheses with equal types share a line, let-values print
  `x : T := v`, the target follows `⊢ `, a `case tag` line comes first.

Without an environment, which arguments are implicit and which functions use field notation
come from a table of prelude names (`_PARAM_KINDS`, `_FIELD_TABLE`); with `env` (anything with
`find(name) -> decl with .type`), they are read off the declarations' types, as Lean does.
Free variables' types give the binder infos of local functions.

Not reproduced: line wrapping at `pp.width` (goals are printed on one line each, which is what
Lean prints whenever they fit in 120 columns), omitted proofs `⋯` (`pp.proofs` false) since
proof-hood needs type inference, `open`-namespace name shortening, coercion arrows `↑`, and
`match`/`if`/structure-instance notations.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

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
    get_app_fn_args,
    lift_loose_bvars,
)
from .level import Level, LevelIMax, LevelMax, LevelSucc, LevelZero, format_level

# Lean's precedence levels (`Init.Prelude`: maxPrec, argPrec, leadPrec).
MAX_PREC = 1024
ARG_PREC = 1023
LEAD_PREC = 1022
_NO_TRAIL = 1 << 20  # the piece ends with a token, so nothing can extend it to the right

# A printed piece: (text, precedence, trailing precedence, merge info for ∀ / ∃ / fun chains).
Piece = tuple  # (str, int, int, tuple | None)

_DEFAULT, _IMPLICIT, _STRICT, _INST = "e", "i", "s", "c"
_BI_KIND = {
    BinderInfo.DEFAULT: _DEFAULT,
    BinderInfo.IMPLICIT: _IMPLICIT,
    BinderInfo.STRICT_IMPLICIT: _STRICT,
    BinderInfo.INST_IMPLICIT: _INST,
}

# Binder infos of prelude constants ("e" explicit, "i" implicit, "s" strict implicit, "c" instance),
# used when no environment is given (or it lacks the name).
_PARAM_KINDS: dict[str, str] = {
    "Eq": "iee", "Ne": "iee", "HEq": "ieie", "Not": "e", "And": "ee", "Or": "ee", "Iff": "ee",
    "Exists": "ie", "True": "", "False": "", "Nat": "", "List": "e", "Prod": "ee",
    "HAdd.hAdd": "iiicee", "HSub.hSub": "iiicee", "HMul.hMul": "iiicee", "HDiv.hDiv": "iiicee",
    "HMod.hMod": "iiicee", "HPow.hPow": "iiicee", "HAppend.hAppend": "iiicee",
    "LE.le": "icee", "LT.lt": "icee", "GE.ge": "icee", "GT.gt": "icee", "Dvd.dvd": "icee",
    "Membership.mem": "iicee", "OfNat.ofNat": "iec", "instOfNatNat": "e",
    "List.cons": "iee", "List.nil": "i", "List.length": "ie", "List.reverse": "ie",
    "List.append": "iee", "List.map": "iiee", "List.Mem": "iee",
    "Nat.zero": "", "Nat.succ": "e", "Nat.pred": "e", "Nat.add": "ee", "Nat.sub": "ee",
    "Nat.mul": "ee", "Nat.le": "ee", "Nat.lt": "ee", "Nat.rec": "ieee",
    "And.intro": "iiee", "And.left": "iie", "And.right": "iie", "Or.inl": "iie", "Or.inr": "iie",
    "Or.elim": "iiieee", "Iff.intro": "iiee", "Iff.mp": "iie", "Iff.mpr": "iie",
    "Eq.refl": "ie", "rfl": "ii", "Eq.symm": "iiie", "Eq.trans": "iiiiee", "Eq.mp": "iiee",
    "Eq.mpr": "iiee", "Eq.subst": "iiiiee", "congrArg": "iiiiee", "Exists.intro": "iiee",
    "Exists.elim": "iiiee", "absurd": "iiee", "False.elim": "ie", "id": "ie", "True.intro": "",
    "trivial": "", "Prod.mk": "iiee", "Prod.fst": "iie", "Prod.snd": "iie", "Function.comp": "iiiee",
    "HEq.refl": "ie", "cast": "iiee", "Option": "e", "Option.none": "i", "Option.some": "ie",
    "Option.getD": "iee", "Option.map": "iiee", "Option.isSome": "ie", "Trans.trans": "iiiiiiciiiee",
    "Decidable.decide": "ec", "ite": "iecee", "dite": "iecee", "BEq.beq": "icee", "bne": "icee",
    "Max.max": "icee", "Min.min": "icee",
}

# Generalized field notation without an environment: function -> index of the object argument.
# (Theorems such as `Eq.symm`, `Or.elim`, `Exists.elim` never use it, as in Lean.)
_FIELD_TABLE: dict[str, int] = {
    "Nat.succ": 0, "Nat.pred": 0, "Nat.add": 0, "Nat.sub": 0, "Nat.mul": 0, "Nat.le": 0, "Nat.lt": 0,
    "List.length": 1, "List.reverse": 1, "List.append": 1,
    "And.left": 2, "And.right": 2, "Iff.mp": 2, "Iff.mpr": 2, "Eq.mp": 2, "Eq.mpr": 2,
    "Prod.fst": 2, "Prod.snd": 2,
}

# Infix notations: name -> (arity, symbol, precedence, lhs position, rhs position, lhs arg, rhs arg).
_INFIX: dict[str, tuple[int, str, int, int, int, int, int]] = {
    "HAdd.hAdd": (6, "+", 65, 65, 66, 4, 5),
    "HSub.hSub": (6, "-", 65, 65, 66, 4, 5),
    "HMul.hMul": (6, "*", 70, 70, 71, 4, 5),
    "HDiv.hDiv": (6, "/", 70, 70, 71, 4, 5),
    "HMod.hMod": (6, "%", 70, 70, 71, 4, 5),
    "HPow.hPow": (6, "^", 75, 76, 75, 4, 5),
    "HAppend.hAppend": (6, "++", 65, 65, 66, 4, 5),
    "LE.le": (4, "≤", 50, 51, 51, 2, 3),
    "LT.lt": (4, "<", 50, 51, 51, 2, 3),
    "GE.ge": (4, "≥", 50, 51, 51, 2, 3),
    "GT.gt": (4, ">", 50, 51, 51, 2, 3),
    "Dvd.dvd": (4, "∣", 50, 51, 51, 2, 3),
    "Eq": (3, "=", 50, 51, 51, 1, 2),
    "Ne": (3, "≠", 50, 51, 51, 1, 2),
    "Membership.mem": (5, "∈", 50, 51, 51, 4, 3),
    "And": (2, "∧", 35, 36, 35, 0, 1),
    "Or": (2, "∨", 30, 31, 30, 0, 1),
    "Iff": (2, "↔", 20, 21, 21, 0, 1),
    "Prod": (2, "×", 35, 36, 35, 0, 1),
    "Function.comp": (5, "∘", 90, 91, 90, 3, 4),
    "Bool.and": (2, "&&", 35, 35, 36, 0, 1),
    "Bool.or": (2, "||", 30, 30, 31, 0, 1),
    "BEq.beq": (4, "==", 50, 51, 51, 2, 3),
    "bne": (4, "!=", 50, 51, 51, 2, 3),
}

# Heads whose applications are propositions / types (decides `∀ x, p` versus `(x : α) → β`).
_PROP_HEADS = frozenset({
    "Eq", "Ne", "HEq", "Not", "And", "Or", "Iff", "True", "False", "Exists", "LE.le", "LT.lt",
    "GE.ge", "GT.gt", "Dvd.dvd", "Membership.mem", "List.Mem", "Nat.le", "Nat.lt",
})
_TYPE_HEADS = frozenset({
    "Nat", "Int", "List", "Bool", "Prod", "Option", "String", "Unit", "PUnit", "Fin", "Array",
    "Char", "Sum", "Sigma", "Subtype", "PProd",
})

# Names Lean prints shorter because the prelude exports them (`export Bool (true false)` style).
_SHORT_NAMES: dict[str, str] = {"Bool.true": "true", "Bool.false": "false", "Decidable.decide": "decide",
                                 "Decidable.isTrue": "isTrue", "Decidable.isFalse": "isFalse",
                                 "Max.max": "max", "Min.min": "min"}

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _atom(text: str) -> Piece:
    return (text, MAX_PREC, _NO_TRAIL, None)


def _erase_scopes(name: str) -> str:
    """The name without its inaccessibility mark (`x✝¹` -> `x`), as `Name.eraseMacroScopes`."""
    cut = name.find("✝")
    return name if cut < 0 else name[:cut]


def _level_dec(level: Level) -> Level | None:
    """`Level.dec`: the level minus one, if it is syntactically a successor (distributing over max)."""
    if isinstance(level, LevelSucc):
        return level.pred
    if isinstance(level, (LevelMax, LevelIMax)):
        lhs, rhs = _level_dec(level.lhs), _level_dec(level.rhs)
        if lhs is None or rhs is None:
            return None
        return LevelMax(lhs, rhs)
    return None


def _has_loose_bvar(e: Expr, idx: int) -> bool:
    """Whether `BVar(idx)` occurs loose in `e`."""
    stack = [(e, idx)]
    while stack:
        x, i = stack.pop()
        if x.lbr <= i:
            continue
        if isinstance(x, BVar):
            if x.idx == i:
                return True
        elif isinstance(x, App):
            stack.append((x.fn, i))
            stack.append((x.arg, i))
        elif isinstance(x, (Lam, Pi)):
            stack.append((x.type, i))
            stack.append((x.body, i + 1))
        elif isinstance(x, Let):
            stack.append((x.type, i))
            stack.append((x.value, i))
            stack.append((x.body, i + 1))
        elif isinstance(x, Proj):
            stack.append((x.expr, i))
    return False


def _pi_kinds(type_: Expr | None, limit: int = 1 << 30) -> str | None:
    """The binder kinds of the leading `∀`s of `type_` (at most `limit`), or None without a type."""
    if type_ is None:
        return None
    out = []
    while isinstance(type_, Pi) and len(out) < limit:
        out.append(_BI_KIND[type_.binder_info])
        type_ = type_.body
    return "".join(out)


class _Printer:
    """One printing run: the names in scope (local context plus entered binders) and the options."""

    def __init__(self, env: Any = None, fvar_names: dict[int, str] | None = None,
                 used: Iterable[str] = (), indent: int = 0, mvar_names: Mapping[int, str] | None = None) -> None:
        self.env = env
        self.fvar_names = fvar_names or {}
        self.mvar_names = mvar_names or {}
        self.used: dict[str, int] = {}
        for name in used:
            self.used[name] = self.used.get(name, 0) + 1
        self.scope: list[tuple[str, Expr]] = []  # entered binders, innermost last: (shown name, type)
        self.indent = indent

    # -- scope --------------------------------------------------------------------------------

    def _push(self, name: str, type_: Expr) -> None:
        self.scope.append((name, type_))
        self.used[name] = self.used.get(name, 0) + 1

    def _pop(self, count: int = 1) -> None:
        for _ in range(count):
            name, _t = self.scope.pop()
            left = self.used[name] - 1
            if left:
                self.used[name] = left
            else:
                del self.used[name]

    def _fvar_name(self, fv: FVar) -> str:
        return self.fvar_names.get(fv.uid, fv.name)

    def _bvar_entry(self, idx: int) -> tuple[str, Expr] | None:
        return self.scope[-1 - idx] if idx < len(self.scope) else None

    def _body_uses(self, body: Expr, name: str) -> bool:
        """Whether `body` (under one new binder) mentions a variable in scope shown as `name`."""
        stack = [(body, 0)]
        while stack:
            x, depth = stack.pop()
            if x.lbr <= depth + 1 and not x.has_fvar:
                continue
            if isinstance(x, BVar):
                outer = x.idx - depth - 1
                if outer >= 0:
                    entry = self._bvar_entry(outer)
                    if entry is not None and entry[0] == name:
                        return True
            elif isinstance(x, FVar):
                if self._fvar_name(x) == name:
                    return True
            elif isinstance(x, App):
                stack.append((x.fn, depth))
                stack.append((x.arg, depth))
            elif isinstance(x, (Lam, Pi)):
                stack.append((x.type, depth))
                stack.append((x.body, depth + 1))
            elif isinstance(x, Let):
                stack.append((x.type, depth))
                stack.append((x.value, depth))
                stack.append((x.body, depth + 1))
            elif isinstance(x, Proj):
                stack.append((x.expr, depth))
        return False

    def _binder_name(self, name: str, body: Expr) -> str:
        """Lean's `getUnusedName` with `pp.safeShadowing`: keep the name unless it would capture."""
        base = _erase_scopes(name) or "a"
        if base not in self.used or not self._body_uses(body, base):
            return base
        i = 1
        while f"{base}_{i}" in self.used:
            i += 1
        return f"{base}_{i}"

    # -- declarations -------------------------------------------------------------------------

    def _decl(self, name: str) -> Any:
        return self.env.find(name) if self.env is not None else None

    def _const_kinds(self, name: str) -> str | None:
        decl = self._decl(name)
        if decl is not None:
            return _pi_kinds(decl.type)
        return _PARAM_KINDS.get(name)

    def _head_kinds(self, head: Expr) -> str | None:
        if isinstance(head, Const):
            return self._const_kinds(head.name)
        if isinstance(head, FVar):
            return _pi_kinds(head.type)
        if isinstance(head, BVar):
            entry = self._bvar_entry(head.idx)
            return _pi_kinds(entry[1]) if entry is not None else None
        return None

    def _result_is_prop(self, type_: Expr, nargs: int) -> bool | None:
        """Whether `type_` applied to `nargs` arguments gives `Prop` (None when unknown)."""
        for _ in range(nargs):
            if not isinstance(type_, Pi):
                return None
            type_ = type_.body
        if isinstance(type_, Sort):
            # `Sort u` is not `Prop` for a parameter `u` either (Lean's `isProp` asks for defeq)
            return isinstance(type_.level, LevelZero)
        return None

    def _is_prop(self, type_: Expr) -> bool | None:
        """Whether the type `type_` is a proposition, from its head (None when unknown)."""
        extra: list[Expr] = []
        while isinstance(type_, Pi):
            extra.append(type_.type)
            type_ = type_.body
        head, args = get_app_fn_args(type_)
        if isinstance(head, Sort):
            return False
        if isinstance(head, Const):
            decl = self._decl(head.name)
            if decl is not None:
                return self._result_is_prop(decl.type, len(args))
            if head.name in _PROP_HEADS:
                return True
            if head.name in _TYPE_HEADS:
                return False
            return None
        if isinstance(head, FVar):
            return self._result_is_prop(head.type, len(args))
        if isinstance(head, BVar):
            if head.idx < len(extra):
                return self._result_is_prop(extra[-1 - head.idx], len(args))
            entry = self._bvar_entry(head.idx - len(extra))
            return self._result_is_prop(entry[1], len(args)) if entry is not None else None
        return None

    def _is_theorem(self, name: str, decl: Any) -> bool:
        if type(decl).__name__ == "TheoremInfo":
            return True
        return self._is_prop(decl.type) is True

    def _projection_index(self, name: str, decl: Any) -> int | None:
        """If `decl` is a structure projection `fun params self => self.i`, the index of `self`."""
        value = getattr(decl, "value", None)
        if value is None or type(decl).__name__ != "DefinitionInfo":
            return None
        count = 0
        while isinstance(value, Lam):
            value, count = value.body, count + 1
        prefix = name.rpartition(".")[0]
        if count and isinstance(value, Proj) and value.struct == prefix and isinstance(value.expr, BVar) \
                and value.expr.idx == 0:
            return count - 1
        return None

    def _field_index(self, name: str, args: Sequence[Expr]) -> int | None:
        """The argument shown as the object of field notation `obj.f`, if Lean would use it."""
        prefix, _, _field = name.rpartition(".")
        if not prefix or prefix == "Function":
            return None
        decl = self._decl(name)
        if decl is None:
            idx = _FIELD_TABLE.get(name)
        else:
            idx = self._projection_index(name, decl)
            if idx is None and not self._is_theorem(name, decl):
                idx = self._generalized_field_index(decl.type, prefix, len(args))
        if idx is None or idx >= len(args):
            return None
        obj = args[idx]
        obj_head, obj_args = get_app_fn_args(obj)
        if isinstance(obj, NatLit) or isinstance(obj_head, MVar):
            return None
        if isinstance(obj_head, Const) and obj_head.name == "OfNat.ofNat" and len(obj_args) == 3:
            return None
        return idx

    @staticmethod
    def _generalized_field_index(type_: Expr, prefix: str, nargs: int) -> int | None:
        """First explicit parameter whose type's head is the namespace `prefix` (Lean's rule)."""
        i = 0
        while isinstance(type_, Pi) and i < nargs:
            if type_.name == "motive":
                return None
            head, _ = get_app_fn_args(type_.type)
            explicit = type_.binder_info == BinderInfo.DEFAULT
            if isinstance(head, Const) and head.name == prefix:
                return i if explicit else None
            if explicit:
                return None
            type_, i = type_.body, i + 1
        return None

    # -- placement ----------------------------------------------------------------------------

    @staticmethod
    def _place(piece: Piece, prec: int, follow: int | None = None) -> tuple[str, int]:
        """The child's text at a position of precedence `prec`, followed by a construct of
        precedence `follow` (None at the end); parenthesized as Lean's parenthesizer would."""
        text, p, trail, _ = piece
        if p < prec or (follow is not None and trail <= follow):
            return f"({text})", _NO_TRAIL
        return text, trail

    def _juxtapose(self, head: Piece, args: list[Piece]) -> Piece:
        """`f a b`: the head at max precedence, arguments at argument precedence."""
        if not args:
            return head
        parts = [self._place(head, MAX_PREC, MAX_PREC)[0]]
        trail = _NO_TRAIL
        last = len(args) - 1
        for i, arg in enumerate(args):
            text, trail = self._place(arg, ARG_PREC, MAX_PREC if i < last else None)
            parts.append(text)
        return (" ".join(parts), LEAD_PREC, min(ARG_PREC, trail), None)

    def _infix(self, lhs: Piece, op: str, rhs: Piece, prec: int, lprec: int, rprec: int) -> Piece:
        ltext, _ = self._place(lhs, lprec, prec)
        rtext, rtrail = self._place(rhs, rprec)
        return (f"{ltext} {op} {rtext}", prec, min(rprec, rtrail), None)

    # -- expressions --------------------------------------------------------------------------

    def fmt(self, e: Expr) -> Piece:
        """Print `e` as a piece."""
        if isinstance(e, App):
            return self._app(e)
        if isinstance(e, FVar):
            return _atom(self._fvar_name(e))
        if isinstance(e, BVar):
            entry = self._bvar_entry(e.idx)
            return _atom(entry[0] if entry is not None else f"#{e.idx - len(self.scope)}")
        if isinstance(e, Const):
            return self._app_generic(e, [])
        if isinstance(e, Sort):
            return self._sort(e.level)
        if isinstance(e, NatLit):
            return _atom(str(e.value))
        if isinstance(e, Pi):
            return self._pi(e)
        if isinstance(e, Lam):
            return self._lam(e)
        if isinstance(e, Let):
            return self._let(e)
        if isinstance(e, MVar):
            name = self.mvar_names.get(e.uid)
            return _atom(f"?{name}" if name else f"?m.{e.uid}")
        if isinstance(e, Proj):
            text, _ = self._place(self.fmt(e.expr), MAX_PREC)
            return _atom(f"{text}.{e.idx + 1}")
        return _atom("?")

    @staticmethod
    def _sort(level: Level) -> Piece:
        if isinstance(level, LevelZero):
            return _atom("Prop")
        if isinstance(level, LevelSucc) and isinstance(level.pred, LevelZero):
            return _atom("Type")
        dec = _level_dec(level)
        if dec is not None:
            return (f"Type {format_level(dec, True)}", LEAD_PREC, _NO_TRAIL, None)
        return (f"Sort {format_level(level, True)}", LEAD_PREC, _NO_TRAIL, None)

    def _group_with_next(self, cur: Expr, nxt: Expr, show_types: bool) -> bool:
        """Lean's `shouldGroupWithNext`: same binder info and domain, not instance, types shown
        (or not default)."""
        return (cur.binder_info == nxt.binder_info
                and nxt.binder_info != BinderInfo.INST_IMPLICIT
                and (show_types or nxt.binder_info != BinderInfo.DEFAULT)
                and nxt.type == lift_loose_bvars(cur.type, 1))

    def _pi(self, e: Pi) -> Piece:
        dep = _has_loose_bvar(e.body, 0)
        names: list[str] = []
        cur = e
        while True:
            name = self._binder_name(cur.name, cur.body)
            names.append(name)
            self._push(name, cur.type)
            nxt = cur.body
            if isinstance(nxt, Pi) and _has_loose_bvar(nxt.body, 0) == dep \
                    and self._group_with_next(cur, nxt, True):
                cur = nxt
                continue
            break
        body = self.fmt(cur.body)
        self._pop()
        prop = self._is_prop(cur) is not False
        ty = self.fmt(cur.type)
        self._pop(len(names) - 1)
        bi = cur.binder_info
        if bi == BinderInfo.DEFAULT and not dep:
            ltext, _ = self._place(ty, 26, 25)
            btext, btrail = self._place(body, 25)
            text = btext
            for _ in names:
                text = f"{ltext} → {text}"
            return (text, 25, min(25, btrail), None)
        tytext = ty[0]
        if bi == BinderInfo.IMPLICIT:
            group = f"{{{' '.join(names)} : {tytext}}}"
        elif bi == BinderInfo.STRICT_IMPLICIT:
            group = f"⦃{' '.join(names)} : {tytext}⦄"
        elif bi == BinderInfo.INST_IMPLICIT:
            group = f"[{names[-1]} : {tytext}]"
        else:
            group = f"({' '.join(names)} : {tytext})"
        if prop:
            merge = body[3]
            if merge is not None and merge[0] == "forall":
                rest = f"{group} {merge[1]}"
            else:
                rest = f"{group}, {body[0]}"
            return (f"∀ {rest}", LEAD_PREC, 0, ("forall", rest))
        return (f"{group} → {body[0]}", 25, 0, None)

    def _lam(self, e: Lam) -> Piece:
        groups: list[str] = []
        pushed = 0
        cur: Expr = e
        while isinstance(cur, Lam):
            names = [self._binder_name(cur.name, cur.body)]
            self._push(names[0], cur.type)
            pushed += 1
            start = cur
            while isinstance(cur.body, Lam) and self._group_with_next(cur, cur.body, False):
                cur = cur.body
                names.append(self._binder_name(cur.name, cur.body))
                self._push(names[-1], cur.type)
                pushed += 1
            bi = start.binder_info
            if bi == BinderInfo.IMPLICIT:
                groups.append(f"{{{' '.join(names)}}}")
            elif bi == BinderInfo.STRICT_IMPLICIT:
                groups.append(f"⦃{' '.join(names)}⦄")
            elif bi == BinderInfo.INST_IMPLICIT:
                self._pop()
                ty = self.fmt(cur.type)[0]
                self._push(names[-1], cur.type)
                used = _has_loose_bvar(cur.body, 0)
                groups.append(f"[{names[-1]} : {ty}]" if used else f"[{ty}]")
            else:
                groups.append(names[0])
            cur = cur.body
        body = self.fmt(cur)
        self._pop(pushed)
        binders = " ".join(groups)
        return (f"fun {binders} => {body[0]}", MAX_PREC, 0, ("fun", binders, body[0]))

    def _let(self, e: Let) -> Piece:
        name = self._binder_name(e.name, e.body)
        value = self.fmt(e.value)[0]
        self._push(name, e.type)
        body = self.fmt(e.body)[0]
        self._pop()
        return (f"let {name} := {value};\n{' ' * self.indent}{body}", LEAD_PREC, 0, None)

    # -- applications -------------------------------------------------------------------------

    def _app(self, e: App) -> Piece:
        head, args = get_app_fn_args(e)
        if isinstance(head, Const):
            piece = self._notation(head.name, args)
            if piece is not None:
                return piece
        return self._app_generic(head, args)

    def _notation(self, name: str, args: list[Expr]) -> Piece | None:
        """The app unexpanders of Lean's prelude notation (with over-application)."""
        n = len(args)
        infix = _INFIX.get(name)
        if infix is not None:
            arity, op, prec, lp, rp, li, ri = infix
            if n < arity:
                return None
            piece = self._infix(self.fmt(args[li]), op, self.fmt(args[ri]), prec, lp, rp)
            return self._over_apply(piece, args[arity:])
        if name == "OfNat.ofNat" and n >= 3 and isinstance(args[1], NatLit):
            return self._over_apply(_atom(str(args[1].value)), args[3:])
        if name in ("Not", "Bool.not") and n >= 1:
            text, trail = self._place(self.fmt(args[0]), 40)
            symbol = "¬" if name == "Not" else "!"
            return self._over_apply((f"{symbol}{text}", MAX_PREC, min(40, trail), None), args[1:])
        if name in ("ite", "dite") and n >= 5:  # `if c then t else e`, `if h : c then t else e`
            cond = self.fmt(args[1])[0]
            if name == "ite":
                text = f"if {cond} then {self.fmt(args[3])[0]} else {self.fmt(args[4])[0]}"
            elif isinstance(args[3], Lam) and isinstance(args[4], Lam):
                h = self._binder_name(args[3].name, args[3].body)
                self._push(h, args[3].type)
                then = self.fmt(args[3].body)[0]
                self._pop()
                self._push(h, args[4].type)
                else_ = self.fmt(args[4].body)[0]
                self._pop()
                text = f"if {h} : {cond} then {then} else {else_}"
            else:
                return None
            return self._over_apply((text, LEAD_PREC, 0, None), args[5:])
        if name == "List.nil" and n >= 1:
            return self._over_apply(_atom("[]"), args[1:])
        if name == "List.cons" and n == 3:
            return self._list(args)
        if name == "Exists" and n == 2 and isinstance(args[1], Lam):
            return self._exists(args[1])
        if name == "Iff.intro" and n == 4:
            mp, mpr = self.fmt(args[2])[0], self.fmt(args[3])[0]
            return _atom(f"{{ mp := {mp}, mpr := {mpr} }}")
        if name in ("And.intro", "Prod.mk") and n == 4:
            a, b = self.fmt(args[2])[0], self.fmt(args[3])[0]
            return _atom(f"⟨{a}, {b}⟩" if name == "And.intro" else f"({a}, {b})")
        return None

    def _over_apply(self, piece: Piece, rest: list[Expr]) -> Piece:
        return self._juxtapose(piece, [self.fmt(a) for a in rest]) if rest else piece

    def _list(self, args: list[Expr]) -> Piece:
        """`a :: l`, or `[a, b, c]` when the chain ends in `[]`."""
        elems = [args[1]]
        tail = args[2]
        while True:
            head, targs = get_app_fn_args(tail)
            if isinstance(head, Const) and head.name == "List.cons" and len(targs) == 3:
                elems.append(targs[1])
                tail = targs[2]
                continue
            break
        head, targs = get_app_fn_args(tail)
        if isinstance(head, Const) and head.name == "List.nil" and len(targs) == 1:
            return _atom("[" + ", ".join(self.fmt(x)[0] for x in elems) + "]")
        piece = self.fmt(tail)
        for x in reversed(elems):
            piece = self._infix(self.fmt(x), "::", piece, 67, 68, 67)
        return piece

    def _exists(self, lam: Lam) -> Piece:
        name = self._binder_name(lam.name, lam.body)
        self._push(name, lam.type)
        body = self.fmt(lam.body)
        self._pop()
        merge = body[3]
        if merge is not None and merge[0] == "exists":
            names, inner = f"{name} {merge[1]}", merge[2]
        else:
            names, inner = name, body[0]
        return (f"∃ {names}, {inner}", MAX_PREC, 0, ("exists", names, inner))

    def _app_generic(self, head: Expr, args: list[Expr]) -> Piece:
        """`f a b` with implicit arguments hidden, `@f …` when an implicit one is missing at the end,
        field notation where Lean uses it."""
        kinds = self._head_kinds(head)
        head_is_const = isinstance(head, Const)
        if kinds is None or not (head_is_const or args):
            head_piece = _atom(_SHORT_NAMES.get(head.name, head.name)) if head_is_const else self.fmt(head)
            return self._juxtapose(head_piece, [self.fmt(a) for a in args])
        n = len(args)
        if len(kinds) < n:
            kinds += _DEFAULT * (n - len(kinds))
        if n < len(kinds) and kinds[n] in (_IMPLICIT, _INST):
            head_piece = _atom("@" + head.name) if head_is_const else self._explicit_head(head)
            return self._juxtapose(head_piece, [self.fmt(a) for a in args])
        shown = [i for i in range(n) if kinds[i] == _DEFAULT]
        if head_is_const:
            idx = self._field_index(head.name, args)
            if idx is not None and idx in shown:
                obj, _ = self._place(self.fmt(args[idx]), MAX_PREC)
                field = head.name.rpartition(".")[2]
                return self._juxtapose(_atom(f"{obj}.{field}"), [self.fmt(args[i]) for i in shown if i != idx])
        head_piece = _atom(_SHORT_NAMES.get(head.name, head.name)) if head_is_const else self.fmt(head)
        return self._juxtapose(head_piece, [self.fmt(args[i]) for i in shown])

    def _explicit_head(self, head: Expr) -> Piece:
        text, _ = self._place(self.fmt(head), MAX_PREC)
        return _atom("@" + text)


def _fvars_in(e: Expr) -> set[str]:
    """Names of the free variables of `e` (the local context a standalone expression sees)."""
    if not e.has_fvar:
        return set()
    out: set[str] = set()
    stack = [e]
    while stack:
        x = stack.pop()
        if not x.has_fvar:
            continue
        if isinstance(x, FVar):
            out.add(x.name)
        elif isinstance(x, App):
            stack.append(x.fn)
            stack.append(x.arg)
        elif isinstance(x, (Lam, Pi)):
            stack.append(x.type)
            stack.append(x.body)
        elif isinstance(x, Let):
            stack.extend((x.type, x.value, x.body))
        elif isinstance(x, Proj):
            stack.append(x.expr)
    return out


def format_expr(e: Expr, env: Any = None, *, mvar_names: Mapping[int, str] | None = None) -> str:
    """`e` as Lean 4 prints it (free variables by name; `env.find` supplies binder infos;
    `mvar_names` maps metavariable ids to user names, printed `?name`, others print `?m.N`)."""
    return _Printer(env, used=_fvars_in(e), mvar_names=mvar_names).fmt(e)[0]


def debug_format(e: Expr) -> str:
    """`format_expr` without an environment (used by `Expr.__repr__`)."""
    return format_expr(e)


def sanitize_names(hyps: Sequence[FVar]) -> dict[int, str]:
    """Shown names of a local context, as `LocalContext.sanitizeNames`: inaccessible names and
    names shadowed by a later hypothesis become `x✝`, `x✝¹`, … counted from the end."""
    shown: dict[int, str] = {}
    seen: set[str] = set()
    next_idx: dict[str, int] = {}
    for fv in reversed(hyps):
        name = fv.name
        if "✝" in name or name in seen:
            seen.add(name)
            stem = _erase_scopes(name)
            idx = next_idx.get(stem, 0)
            next_idx[stem] = idx + 1
            shown[fv.uid] = f"{stem}✝{str(idx).translate(_SUPERSCRIPT) if idx else ''}"
        else:
            seen.add(name)
            shown[fv.uid] = name
    return shown


def format_goal(hyps: Sequence[FVar], target: Expr, case: str | None = None, env: Any = None, *,
                mvar_names: Mapping[int, str] | None = None) -> str:
    """One goal as `Lean.Meta.ppGoal` prints it: `case tag`, hypotheses, `⊢ target`."""
    shown = sanitize_names(hyps)
    printer = _Printer(env, shown, shown.values(), indent=2, mvar_names=mvar_names)
    lines: list[str] = []
    if case:
        lines.append(f"case {_erase_scopes(case) or case}")
    pending: list[str] = []
    pending_type: Expr | None = None
    for fv in hyps:
        name = shown[fv.uid]
        if fv.value is None and (pending_type is None or pending_type == fv.type):
            pending.append(name)
            pending_type = fv.type
            continue
        if pending:
            lines.append(f"{' '.join(pending)} : {printer.fmt(pending_type)[0]}")
        if fv.value is None:
            pending, pending_type = [name], fv.type
        else:
            pending, pending_type = [], None
            lines.append(f"{name} : {printer.fmt(fv.type)[0]} := {printer.fmt(fv.value)[0]}")
    if pending:
        lines.append(f"{' '.join(pending)} : {printer.fmt(pending_type)[0]}")
    lines.append(f"⊢ {printer.fmt(target)[0]}")
    return "\n".join(lines)


def _goal_parts(goal: Any) -> tuple[Sequence[FVar], Expr, str | None]:
    if isinstance(goal, tuple):
        return goal[0], goal[1], goal[2] if len(goal) > 2 else None
    case = getattr(goal, "case", None) or getattr(goal, "tag", None) or getattr(goal, "user_name", None)
    return goal.hyps, goal.target, case


def format_goals(goals: Iterable[Any], env: Any = None) -> str:
    """Several goals as Lean joins them (blank line between goals); `no goals` when there are none.

    Each goal is `(hyps, target)`, `(hyps, target, case)` or an object with `.hyps`, `.target` and
    optionally `.case` (or `.tag` / `.user_name`)."""
    texts = [format_goal(*_goal_parts(g), env=env) for g in goals]
    return "\n\n".join(texts) if texts else "no goals"
