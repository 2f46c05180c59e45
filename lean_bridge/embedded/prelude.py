"""Loads the embedded checker's library (`library/Prelude.lean`) into a fresh environment.

The library is ordinary Lean source elaborated by our own elaborator and checked by the kernel,
plus two loader directives in `--!` comments: `quot` adds one of Lean's built-in quotient
primitives (checked by `kernel.add_quot_constant`), and `nat_extension` turns on the kernel's
literal arithmetic for the listed Nat operations after checking, on sample values, that it agrees
with the definitions just elaborated; `irreducible` marks definitions the elaborator does not
unfold (Lean core's `@[irreducible] Nat.div`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

from lean_bridge.syntax import parse_file, parse_term

from .core_names import reserved_core_names
from .elab_command import CommandElaborator
from .elab_env import ElabEnv
from .elab_term import Scope, TermElaborator
from .environment import InductiveInfo, TheoremInfo
from .expr import Const, NatLit, mk_app
from .kernel import TypeChecker, add_quot_constant, raise_recursion_limit
from .prelude_cache import cached_env

LIBRARY = Path(__file__).with_name("library") / "Prelude.lean"
SIMP_LIBRARY = LIBRARY.with_name("Simp.lean")  # the default simp set's lemmas, loaded after the prelude
_DIRECTIVE = re.compile(r"^--! (\w+) (.*)$")


class PreludeError(RuntimeError):
    """The bundled library failed to load: a bug in the checker, never a user error."""


def _run_directive(env: ElabEnv, kind: str, arg: str) -> ElabEnv:
    if kind == "quot":
        name_part, type_src = arg.split(" : ", 1)
        name, _, levels = name_part.partition(".{")
        level_params = tuple(l.strip() for l in levels.rstrip("}").split(",")) if levels else ()
        elab = TermElaborator(env, Scope(), level_names=level_params, auto_bound_universes=False)
        type_ = elab.instantiate(elab.elab_type(parse_term(type_src)))
        return env.with_kernel(add_quot_constant(env.kernel, name, level_params, type_))
    if kind == "restatable":  # a section marker only: every library core theorem may be restated (prelude_env)
        return env
    if kind == "irreducible":  # Lean core's `attribute [irreducible]`, for the elaborator only
        return replace(env, kernel=env.kernel.with_irreducible(frozenset(arg.split())))
    if kind == "nat_extension":
        names = frozenset(arg.split())
        _verify_nat_extension(env, names)
        return replace(env, kernel=env.kernel.with_nat_extensions(names))
    raise PreludeError(f"unknown prelude directive {kind!r}")


def _verify_nat_extension(env: ElabEnv, names: frozenset[str]) -> None:
    """The literal arithmetic must agree with the definitions (else the kernel would be unsound)."""
    plain = TypeChecker(env.kernel)  # extension still off: reduces by the definitions
    fast = TypeChecker(env.kernel.with_nat_extensions(names))
    for name in sorted(names):
        arity = 1 if name == "Nat.succ" else 2
        for a in range(5):
            for b in range(5) if arity == 2 else [None]:
                args = [NatLit(a)] + ([NatLit(b)] if b is not None else [])
                term = mk_app(Const(name), args)
                expected, got = plain.whnf(term), fast.whnf(term)
                if not plain.is_def_eq(expected, got):
                    raise PreludeError(f"kernel literal arithmetic disagrees with {name} on {a}, {b}")


@functools.lru_cache(maxsize=1)
def prelude_env() -> ElabEnv:
    """The environment every file starts from: once per process, from the disk cache when it is current."""
    return cached_env(build_prelude_env)


def build_prelude_env() -> ElabEnv:
    """Elaborate and kernel-check the library from its source (what the disk cache stores)."""
    raise_recursion_limit()
    text = LIBRARY.read_text(encoding="utf-8")
    directives = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        m = _DIRECTIVE.match(line)
        if m:
            directives.append((lineno, m.group(1), m.group(2)))
    file = parse_file(text, str(LIBRARY))
    elab = CommandElaborator(ElabEnv(), library=True)
    for cmd in file.commands:
        while directives and directives[0][0] < cmd.pos[0]:
            _, kind, arg = directives.pop(0)
            elab.state.env = _run_directive(elab.env, kind, arg)
        before = len(elab.messages)
        elab.run(cmd)
        errors = [m for m in elab.messages[before:] if m.severity == "error"]
        if errors:
            raise PreludeError(f"{LIBRARY.name}:{errors[0].pos[0]}:{errors[0].pos[1]}: {errors[0].text}")
    for _, kind, arg in directives:
        elab.state.env = _run_directive(elab.env, kind, arg)
    for name in list(elab.env.kernel.names_since(0)):  # fid-core3: `Bool.noConfusion`, `Prod.noConfusion`, …
        if isinstance(elab.env.find(name), InductiveInfo):
            elab.add_no_confusion(name)
    _load_plain(elab, SIMP_LIBRARY)
    # fid-logic: every library theorem Lean core declares as a theorem may be restated (a file copied
    # from Lean's Init restates `Iff.refl`, `and_true`, …), not only those after the directive
    return replace(elab.env, restatable=_restatable(elab.env, 0))


def _restatable(env: ElabEnv, start: int | None) -> frozenset[str]:
    """The library theorems from the `start`-th name on that Lean core also declares as theorems: a file
    re-proving Lean core may restate them (`restatement.check_same_statement`: same statement, a proof
    not using the constant itself, so `simp` cannot prove a simp lemma by that lemma)."""
    if start is None:
        return frozenset()
    core = reserved_core_names()
    return frozenset(n for n in env.kernel.names_since(start)
                     if (core.get(n) == "theorem" and isinstance(env.find(n), TheoremInfo))
                     or (n in core and isinstance(env.find(n), InductiveInfo)))  # fid-core3: types too


def _load_plain(elab: CommandElaborator, path: Path) -> None:
    """Elaborate a library file without loader directives into the environment being built."""
    for cmd in parse_file(path.read_text(encoding="utf-8"), str(path)).commands:
        before = len(elab.messages)
        elab.run(cmd)
        errors = [m for m in elab.messages[before:] if m.severity == "error"]
        if errors:
            raise PreludeError(f"{path.name}:{errors[0].pos[0]}:{errors[0].pos[1]}: {errors[0].text}")
