"""What the elaborator knows beyond the kernel's declarations: structures and their field names,
type-class instances, and the axioms each declaration depends on. Immutable like the kernel
environment, so every REPL environment id is a cheap snapshot.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

import immutables

from .environment import AxiomInfo, ConstantInfo, DefinitionInfo, Environment, TheoremInfo
from .expr import constants_of


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
    instances: dict[str, tuple[str, ...]] = field(default_factory=dict)  # class name -> instance names, oldest first
    # declaration -> axioms it depends on; persistent so each snapshot costs O(log n), not a copy
    axioms_used: immutables.Map = field(default_factory=immutables.Map)

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

    def with_instance(self, class_name: str, instance: str) -> "ElabEnv":
        instances = dict(self.instances)
        instances[class_name] = instances.get(class_name, ()) + (instance,)
        return replace(self, instances=instances)


def _axioms_of(env: Environment, info: ConstantInfo | None, known: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The axioms `info` depends on, through its type and value (transitively, via `known`)."""
    if info is None:
        return frozenset()
    if isinstance(info, AxiomInfo):
        return frozenset({info.name})
    out: set[str] = set()
    terms = [info.type]
    if isinstance(info, (DefinitionInfo, TheoremInfo)):
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
