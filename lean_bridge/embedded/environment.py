"""The environment: the checked global declarations (axioms, definitions, theorems, inductive
types with their constructors and recursors, the quotient primitives).

An `Environment` is an immutable snapshot: `add` returns a new one, so the REPL can keep every
environment id alive and backtrack for free. Only `kernel.add_declaration` (which type checks)
and the inductive module should call `add`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

import immutables

from .expr import Expr


@dataclass(frozen=True, slots=True)
class ConstantInfo:
    """What every declaration has: a name, universe parameters and a type."""

    name: str
    level_params: tuple[str, ...]
    type: Expr


@dataclass(frozen=True, slots=True)
class AxiomInfo(ConstantInfo):
    """`axiom name : type` (only Lean's own axioms are ever added; users' are rejected)."""


@dataclass(frozen=True, slots=True)
class DefinitionInfo(ConstantInfo):
    """`def name : type := value`; `height` orders lazy delta unfolding (higher unfolds first)."""

    value: Expr
    height: int = 1
    reducible: bool = False


@dataclass(frozen=True, slots=True)
class TheoremInfo(ConstantInfo):
    """`theorem name : type := value`; never unfolded (proof irrelevance makes it unnecessary)."""

    value: Expr


@dataclass(frozen=True, slots=True)
class OpaqueInfo(ConstantInfo):
    """`opaque name : type := value`: the value is checked, then never unfolded (as Lean's kernel)."""

    value: Expr


@dataclass(frozen=True, slots=True)
class InductiveInfo(ConstantInfo):
    """An inductive type family `name params indices : Sort u`."""

    num_params: int
    num_indices: int
    ctors: tuple[str, ...]
    is_rec: bool
    is_structure_like: bool  # one constructor, no indices: projections (`Proj`) and structure eta apply


@dataclass(frozen=True, slots=True)
class ConstructorInfo(ConstantInfo):
    """A constructor of `induct`, the `cidx`-th one, taking `num_params` parameters then `num_fields` fields."""

    induct: str
    cidx: int
    num_params: int
    num_fields: int


@dataclass(frozen=True, slots=True)
class RecursorRule:
    """`rec params motive minors indices (ctor params fields) ↦ rhs params motive minors fields`."""

    ctor: str
    num_fields: int
    rhs: Expr  # closed: λ params motive minors fields, minor fields ihs


@dataclass(frozen=True, slots=True)
class RecursorInfo(ConstantInfo):
    """The recursor `I.rec` with its iota rules; `k` marks K-like reduction (e.g. `Eq.rec`)."""

    induct: str
    num_params: int
    num_indices: int
    num_motives: int
    num_minors: int
    rules: tuple[RecursorRule, ...]
    k: bool

    @property
    def major_index(self) -> int:
        """Position of the major premise among the recursor's arguments."""
        return self.num_params + self.num_motives + self.num_minors + self.num_indices

    def rule_for(self, ctor: str) -> RecursorRule | None:
        """The iota rule for constructor `ctor`, if it belongs to this recursor."""
        for rule in self.rules:
            if rule.ctor == ctor:
                return rule
        return None


@dataclass(frozen=True, slots=True)
class QuotInfo(ConstantInfo):
    """One of the quotient primitives `Quot`, `Quot.mk`, `Quot.lift`, `Quot.ind` (built into Lean's kernel)."""

    kind: str  # "type" | "mk" | "lift" | "ind"


class _OrderNode:
    """One link of the persistent insertion-order list: a name and the link before it."""

    __slots__ = ("name", "prev", "length")

    def __init__(self, name: str, prev: "_OrderNode | None") -> None:
        self.name = name
        self.prev = prev
        self.length = 1 if prev is None else prev.length + 1


@dataclass(frozen=True)
class Environment:
    """An immutable map from names to checked declarations, plus the order they were added in.

    Snapshots share structure (a hash array mapped trie for the constants, a linked list for the
    order), so adding a declaration costs O(log n) time and memory whatever the environment's
    size; keeping every snapshot alive (the REPL's env ids, per-declaration results) stays linear.
    """

    constants: immutables.Map = field(default_factory=immutables.Map)
    _last: _OrderNode | None = None
    quot_initialized: bool = False
    # Nat operations whose definitions the prelude verified against the kernel's literal arithmetic;
    # the kernel computes on literals only for these (never for a user's `Nat.div`, say)
    nat_extensions: frozenset[str] = frozenset()
    # Lean core's `@[irreducible]` definitions (`Nat.div`): the elaborator does not unfold them (except on
    # literals, as Lean's `Nat.reduceBinNatOp`); the kernel ignores this and always may
    irreducible: frozenset[str] = frozenset()

    def find(self, name: str) -> ConstantInfo | None:
        """The declaration named `name`, or None."""
        return self.constants.get(name)

    def __contains__(self, name: str) -> bool:
        return name in self.constants

    def __len__(self) -> int:
        return 0 if self._last is None else self._last.length

    def __iter__(self) -> Iterator[ConstantInfo]:
        return (self.constants[n] for n in self.order)

    @property
    def order(self) -> tuple[str, ...]:
        """Every declaration name, oldest first (O(n): prefer `names_since` for the newest few)."""
        return self.names_since(0)

    def names_since(self, count: int) -> tuple[str, ...]:
        """The names added after the first `count` ones, oldest first (O(number returned))."""
        names: list[str] = []
        node = self._last
        while node is not None and node.length > count:
            names.append(node.name)
            node = node.prev
        return tuple(reversed(names))

    def add(self, info: ConstantInfo) -> "Environment":
        """A new environment with `info` added (callers must have checked it)."""
        return self.add_many([info])

    def add_many(self, infos: list[ConstantInfo], *, quot_initialized: bool | None = None) -> "Environment":
        """A new environment with all of `infos` added at once (one inductive block, the quotient primitives)."""
        last = self._last
        with self.constants.mutate() as constants:
            for info in infos:
                if info.name in constants:
                    raise KeyError(info.name)
                constants[info.name] = info
                last = _OrderNode(info.name, last)
            frozen = constants.finish()
        return Environment(frozen, last, self.quot_initialized if quot_initialized is None else quot_initialized,
                           self.nat_extensions, self.irreducible)

    def with_nat_extensions(self, names: frozenset[str]) -> "Environment":
        """This environment with literal arithmetic enabled for `names` (prelude use only)."""
        return Environment(self.constants, self._last, self.quot_initialized, names, self.irreducible)

    def with_irreducible(self, names: frozenset[str]) -> "Environment":
        """This environment with `names` irreducible for the elaborator (prelude use only)."""
        return Environment(self.constants, self._last, self.quot_initialized, self.nat_extensions,
                           self.irreducible | names)
