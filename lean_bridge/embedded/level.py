"""Universe levels (`Sort u`): construction, substitution, and the decision procedures
for `l₁ = l₂` and `l₁ ≤ l₂` under every assignment of the level parameters.

Levels are Lean's: `zero`, `succ l`, `max l₁ l₂`, `imax l₁ l₂` (which is `zero` when `l₂` is
`zero`, so `Prop`-valued functions stay in `Prop`), parameters `u`, and metavariables `?u`
(used only by the elaborator; the kernel rejects them).
"""
from __future__ import annotations

from typing import Callable, Iterable, Mapping


class Level:
    """A universe level; immutable and hash-consed by structure."""

    __slots__ = ("_hash",)

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, Level) and self._hash == other._hash and self._key() == other._key())

    def __hash__(self) -> int:
        return self._hash

    def _key(self) -> tuple:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"Level({format_level(self)})"


class LevelZero(Level):
    """The level `0` (the level of `Prop`)."""

    __slots__ = ()

    def __init__(self) -> None:
        self._hash = hash(("zero",))

    def __reduce__(self) -> tuple:  # rebuilt by the constructor: the hash is per process
        return (LevelZero, ())

    def _key(self) -> tuple:
        return ("zero",)


class LevelSucc(Level):
    """`l + 1`."""

    __slots__ = ("pred",)

    def __init__(self, pred: Level) -> None:
        self.pred = pred
        self._hash = hash(("succ", pred._hash))

    def __reduce__(self) -> tuple:  # rebuilt by the constructor: the hash is per process
        return (LevelSucc, (self.pred,))

    def _key(self) -> tuple:
        return ("succ", self.pred)


class LevelMax(Level):
    """`max l₁ l₂`."""

    __slots__ = ("lhs", "rhs")

    def __init__(self, lhs: Level, rhs: Level) -> None:
        self.lhs, self.rhs = lhs, rhs
        self._hash = hash(("max", lhs._hash, rhs._hash))

    def __reduce__(self) -> tuple:  # rebuilt by the constructor: the hash is per process
        return (LevelMax, (self.lhs, self.rhs))

    def _key(self) -> tuple:
        return ("max", self.lhs, self.rhs)


class LevelIMax(Level):
    """`imax l₁ l₂`: `0` if `l₂ = 0`, else `max l₁ l₂` (the level of a Π-type)."""

    __slots__ = ("lhs", "rhs")

    def __init__(self, lhs: Level, rhs: Level) -> None:
        self.lhs, self.rhs = lhs, rhs
        self._hash = hash(("imax", lhs._hash, rhs._hash))

    def __reduce__(self) -> tuple:  # rebuilt by the constructor: the hash is per process
        return (LevelIMax, (self.lhs, self.rhs))

    def _key(self) -> tuple:
        return ("imax", self.lhs, self.rhs)


class LevelParam(Level):
    """A universe parameter `u` of a declaration."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name
        self._hash = hash(("param", name))

    def __reduce__(self) -> tuple:  # rebuilt by the constructor: the hash is per process
        return (LevelParam, (self.name,))

    def _key(self) -> tuple:
        return ("param", self.name)


class LevelMVar(Level):
    """A universe metavariable `?u`, assigned by the elaborator; never seen by the kernel."""

    __slots__ = ("uid",)

    def __init__(self, uid: int) -> None:
        self.uid = uid
        self._hash = hash(("mvar", uid))

    def __reduce__(self) -> tuple:  # rebuilt by the constructor: the hash is per process
        return (LevelMVar, (self.uid,))

    def _key(self) -> tuple:
        return ("mvar", self.uid)


LEVEL_ZERO = LevelZero()
LEVEL_ONE = LevelSucc(LEVEL_ZERO)


def mk_succ(level: Level, times: int = 1) -> Level:
    """`level + times`."""
    for _ in range(times):
        level = LevelSucc(level)
    return level


def mk_level_of_nat(n: int) -> Level:
    """The numeral level `n`."""
    return mk_succ(LEVEL_ZERO, n)


def to_offset(level: Level) -> tuple[Level, int]:
    """Split `l + k` into `(l, k)` with `l` not a `succ`."""
    k = 0
    while isinstance(level, LevelSucc):
        level, k = level.pred, k + 1
    return level, k


def is_never_zero(level: Level) -> bool:
    """Whether `level` is `≥ 1` under every assignment."""
    if isinstance(level, LevelSucc):
        return True
    if isinstance(level, LevelMax):
        return is_never_zero(level.lhs) or is_never_zero(level.rhs)
    if isinstance(level, LevelIMax):
        return is_never_zero(level.rhs)
    return False


def mk_max(lhs: Level, rhs: Level) -> Level:
    """`max lhs rhs`, simplified when one side dominates the other under every assignment."""
    if lhs == rhs or isinstance(rhs, LevelZero):
        return lhs
    if isinstance(lhs, LevelZero):
        return rhs
    lb, lk = to_offset(lhs)
    rb, rk = to_offset(rhs)
    if lb == rb:
        return lhs if lk >= rk else rhs
    if isinstance(lb, LevelZero) and rk >= lk:  # constant k ≤ m + k' whenever k ≤ k'
        return rhs
    if isinstance(rb, LevelZero) and lk >= rk:
        return lhs
    return LevelMax(lhs, rhs)


def mk_imax(lhs: Level, rhs: Level) -> Level:
    """`imax lhs rhs`, simplified where the rule `imax l 0 = 0`, `imax l (succ m) = max l (succ m)` applies."""
    if is_never_zero(rhs):
        return mk_max(lhs, rhs)
    if isinstance(rhs, LevelZero):
        return rhs
    if isinstance(lhs, LevelZero) or lhs == LEVEL_ONE:
        return rhs
    if lhs == rhs:
        return lhs
    return LevelIMax(lhs, rhs)


def replace_level(level: Level, fn: Callable[[Level], Level | None]) -> Level:
    """Rebuild `level` bottom-up, replacing any node for which `fn` returns a level."""
    out = fn(level)
    if out is not None:
        return out
    if isinstance(level, LevelSucc):
        return LevelSucc(replace_level(level.pred, fn))
    if isinstance(level, LevelMax):
        return mk_max(replace_level(level.lhs, fn), replace_level(level.rhs, fn))
    if isinstance(level, LevelIMax):
        return mk_imax(replace_level(level.lhs, fn), replace_level(level.rhs, fn))
    return level


def instantiate_level_params(level: Level, subst: Mapping[str, Level]) -> Level:
    """Replace universe parameters by the levels `subst` gives them."""
    if not subst:
        return level
    return replace_level(level, lambda l: subst.get(l.name) if isinstance(l, LevelParam) else None)


def level_params_of(level: Level, out: set[str] | None = None) -> set[str]:
    """The universe parameter names occurring in `level`."""
    out = set() if out is None else out
    if isinstance(level, LevelParam):
        out.add(level.name)
    elif isinstance(level, LevelSucc):
        level_params_of(level.pred, out)
    elif isinstance(level, (LevelMax, LevelIMax)):
        level_params_of(level.lhs, out)
        level_params_of(level.rhs, out)
    return out


def has_level_mvar(level: Level) -> bool:
    """Whether a universe metavariable occurs in `level`."""
    if isinstance(level, LevelMVar):
        return True
    if isinstance(level, LevelSucc):
        return has_level_mvar(level.pred)
    if isinstance(level, (LevelMax, LevelIMax)):
        return has_level_mvar(level.lhs) or has_level_mvar(level.rhs)
    return False


# ---------------------------------------------------------------------------
# Deciding ≤ and = for all assignments.
#
# Without `imax`, a level is a maximum of terms `p + k` and a constant `c`; such a
# maximum is ≤ another for all assignments iff every term of the left side is
# dominated by a term of the right side with the same parameter (or by the constant,
# for constants). `imax l p` with a parameter `p` is removed by splitting on `p = 0`
# and `p = p' + 1`, which covers every assignment.
# ---------------------------------------------------------------------------

def _imax_split_param(level: Level) -> str | None:
    """A parameter on which some `imax` in `level` depends, if any."""
    if isinstance(level, LevelSucc):
        return _imax_split_param(level.pred)
    if isinstance(level, LevelMax):
        return _imax_split_param(level.lhs) or _imax_split_param(level.rhs)
    if isinstance(level, LevelIMax):
        found = _imax_split_param(level.lhs) or _imax_split_param(level.rhs)
        if found:
            return found
        params = level_params_of(level.rhs)
        return min(params) if params else None
    return None


def _max_terms(level: Level, offset: int, out: dict[str | None, int]) -> None:
    """Collect `level + offset` as {param or None for the constant: largest offset}."""
    if isinstance(level, LevelZero):
        out[None] = max(out.get(None, 0), offset)
    elif isinstance(level, LevelSucc):
        _max_terms(level.pred, offset + 1, out)
    elif isinstance(level, LevelMax):
        _max_terms(level.lhs, offset, out)
        _max_terms(level.rhs, offset, out)
    elif isinstance(level, LevelParam):
        out[level.name] = max(out.get(level.name, -1), offset)
        out[None] = max(out.get(None, 0), offset)  # p + k ≥ k
    else:
        raise ValueError(f"cannot compare levels containing {format_level(level)}")


def _geq_without_imax(big: Level, small: Level) -> bool:
    """`small ≤ big` for all assignments, when neither depends on an `imax` parameter split."""
    big_terms: dict[str | None, int] = {}
    small_terms: dict[str | None, int] = {}
    _max_terms(big, 0, big_terms)
    _max_terms(small, 0, small_terms)
    for param, k in small_terms.items():
        if param is None:
            if k > max(big_terms.values(), default=0):
                return False
        elif big_terms.get(param, -1) < k:
            return False
    return True


def is_geq(big: Level, small: Level) -> bool:
    """Whether `small ≤ big` holds for every assignment of the universe parameters."""
    big, small = _simplify(big), _simplify(small)
    param = _imax_split_param(big) or _imax_split_param(small)
    if param is None:
        return _geq_without_imax(big, small)
    for case in (LEVEL_ZERO, LevelSucc(LevelParam(param))):
        subst = {param: case}
        if not is_geq(instantiate_level_params(big, subst), instantiate_level_params(small, subst)):
            return False
    return True


def _simplify(level: Level) -> Level:
    """Re-run the smart constructors over `level` so decidable `imax`es disappear."""
    return replace_level(level, lambda l: None)


def is_equivalent(lhs: Level, rhs: Level) -> bool:
    """Whether `lhs` and `rhs` denote the same universe under every assignment."""
    return lhs == rhs or (is_geq(lhs, rhs) and is_geq(rhs, lhs))


def format_level(level: Level, parenthesize: bool = False) -> str:
    """Lean's notation for a level: `0`, `u`, `u + 1`, `max u v`, `imax u v`."""
    base, k = to_offset(level)
    if isinstance(base, LevelZero):
        return str(k)
    if isinstance(base, LevelParam):
        text = base.name
    elif isinstance(base, LevelMVar):
        text = f"?u.{base.uid}"
    else:
        op = "max" if isinstance(base, LevelMax) else "imax"
        text = f"{op} {format_level(base.lhs, True)} {format_level(base.rhs, True)}"
        if k == 0 and parenthesize:
            return f"({text})"
        if k:
            text = f"({text})"
    if k:
        text = f"{text} + {k}"
        return f"({text})" if parenthesize else text
    return text


def levels_equivalent(lhs: Iterable[Level], rhs: Iterable[Level]) -> bool:
    """Pointwise `is_equivalent` over two level lists of equal length."""
    lhs, rhs = list(lhs), list(rhs)
    return len(lhs) == len(rhs) and all(is_equivalent(a, b) for a, b in zip(lhs, rhs))
