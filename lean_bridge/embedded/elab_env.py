"""What the elaborator knows beyond the kernel's declarations: structures and their field names,
type-class instances, and the axioms each declaration depends on. Immutable like the kernel
environment, so every REPL environment id is a cheap snapshot.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

import immutables

from .environment import AxiomInfo, ConstantInfo, DefinitionInfo, Environment, OpaqueInfo, TheoremInfo
from .expr import constants_of

DEFAULT_PRIORITY = 1000  # Lean's `default` instance priority


@dataclass(frozen=True)
class StructureInfo:
    """A structure: its constructor and field names in order (projection `S.f` is field `f`)."""

    name: str
    ctor: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ElabEnv:
    """The kernel environment plus elaborator metadata; `with_*` methods return new snapshots."""

    kernel: Environment = field(default_factory=Environment)
    structures: dict[str, StructureInfo] = field(default_factory=dict)
    # class name -> instance names in reverse trial order: the last is tried first (highest priority,
    # and among equal priorities the most recently declared, as Lean does)
    instances: dict[str, tuple[str, ...]] = field(default_factory=dict)
    priorities: dict[str, int] = field(default_factory=dict)  # instance name -> priority (absent: 1000)
    # declaration -> axioms it depends on; persistent so each snapshot costs O(log n), not a copy
    axioms_used: immutables.Map = field(default_factory=immutables.Map)
    aliases: dict[str, str] = field(default_factory=dict)  # `export A (x)`: alias full name -> `A.x`
    protected: frozenset[str] = frozenset()  # `protected` declarations: never reached by an atomic name
    noncomputable: frozenset[str] = frozenset()  # `noncomputable` definitions (and `Classical.choice`)
    simp_lemmas: tuple[str, ...] = ()  # theorems marked `@[simp]`, oldest first: plain `simp` uses them too
    simp_priorities: dict[str, int] = field(default_factory=dict)  # `@[simp 1100]` (absent: 1000)
    # the library's theorems under Lean core names, which a file may restate with the same statement
    # (a corpus re-proving Lean core; see elab_command._prelude_restatement)
    restatable: frozenset[str] = frozenset()
    # `@[elab_as_elim]` constants: applied against an expected type, their motive is computed from it
    elab_as_elim: frozenset[str] = frozenset()

    def find(self, name: str) -> ConstantInfo | None:
        """The kernel declaration `name`, or None."""
        return self.kernel.find(name)

    def __contains__(self, name: str) -> bool:
        return name in self.kernel

    def with_kernel(self, kernel: Environment) -> "ElabEnv":
        """This environment after the kernel accepted new declarations; records their axioms."""
        with self.axioms_used.mutate() as axioms:
            for name in kernel.names_since(len(self.kernel)):
                axioms[name] = _axioms_of(kernel, kernel.find(name), axioms)
            frozen = axioms.finish()
        return replace(self, kernel=kernel, axioms_used=frozen)

    def with_structure(self, info: StructureInfo) -> "ElabEnv":
        structures = dict(self.structures)
        structures[info.name] = info
        return replace(self, structures=structures)

    def with_instance(self, class_name: str, instance: str, priority: int = DEFAULT_PRIORITY) -> "ElabEnv":
        """Register an instance; it is tried before every instance of lower or equal priority."""
        instances = dict(self.instances)
        instances[class_name] = insert_instance(instances.get(class_name, ()), instance, priority, self.priorities)
        priorities = {k: v for k, v in self.priorities.items() if k != instance}
        if priority != DEFAULT_PRIORITY:
            priorities[instance] = priority
        return replace(self, instances=instances, priorities=priorities)

    def with_names(self, *, alias: tuple[str, str] | None = None, protected: str | None = None,
                   noncomputable: str | None = None, simp: str | None = None,
                   simp_priority: int = DEFAULT_PRIORITY) -> "ElabEnv":
        """Record an `export` alias, a `protected` name, a `noncomputable` definition or a `@[simp]` lemma."""
        env = self
        if alias is not None:
            env = replace(env, aliases={**env.aliases, alias[0]: alias[1]})
        if protected is not None:
            env = replace(env, protected=env.protected | {protected})
        if noncomputable is not None:
            env = replace(env, noncomputable=env.noncomputable | {noncomputable})
        if simp is not None and simp not in env.simp_lemmas:
            env = replace(env, simp_lemmas=env.simp_lemmas + (simp,))
        if simp is not None and simp_priority != env.simp_priorities.get(simp, DEFAULT_PRIORITY):
            env = replace(env, simp_priorities={**env.simp_priorities, simp: simp_priority})
        return env


def insert_instance(order: tuple[str, ...], instance: str, priority: int, priorities: dict[str, int]) -> tuple[str, ...]:
    """`order` (last tried first) with `instance` placed after every entry of priority <= `priority`."""
    keep = [n for n in order if n != instance]
    pos = len(keep)
    while pos > 0 and priorities.get(keep[pos - 1], DEFAULT_PRIORITY) > priority:
        pos -= 1
    return tuple(keep[:pos] + [instance] + keep[pos:])


def _axioms_of(env: Environment, info: ConstantInfo | None, known: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The axioms `info` depends on, through its type and value (transitively, via `known`)."""
    if info is None:
        return frozenset()
    if isinstance(info, AxiomInfo):
        return frozenset({info.name})
    out: set[str] = set()
    terms = [info.type]
    if isinstance(info, (DefinitionInfo, TheoremInfo, OpaqueInfo)):
        terms.append(info.value)
    for term in terms:
        for name in constants_of(term):
            if name == info.name:
                continue
            deps = known.get(name)
            if deps is None:
                deps = _axioms_of(env, env.find(name), known)
            out |= deps
    return frozenset(out)
