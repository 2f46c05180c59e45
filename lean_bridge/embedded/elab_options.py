"""Attributes, options and priorities as the command elaborator reads them: what the checker
implements (`instance PRIO`, `local instance`, `reducible`, `simp`, `autoImplicit`, …) and the
refusal of everything else, so nothing in a file is ever silently ignored."""
from __future__ import annotations

import re

from lean_bridge.syntax import ast

from .elab_env import DEFAULT_PRIORITY
from .elab_term import ElabError

BOOL_OPTIONS = frozenset({"autoImplicit", "relaxedAutoImplicit"})
# options that change only messages, printing or resource limits, never what is accepted: taken, no effect
NO_EFFECT_OPTION_PREFIXES = ("pp.", "linter.", "trace.")
NO_EFFECT_OPTIONS = frozenset({"maxHeartbeats", "maxRecDepth", "synthInstance.maxHeartbeats"})
_PRIORITY_NAMES = {"default": DEFAULT_PRIORITY, "low": 100, "mid": 500, "high": 10000}


def strict_auto_bound_name(name: str) -> bool:
    """Lean's `isValidAutoBoundImplicitName` with `relaxedAutoImplicit false`: one lower-case or Greek
    letter followed only by digits, subscripts, `_` or `'`."""
    first, rest = name[0], name[1:]
    greek = "α" <= first <= "ω" and first != "λ" or "Α" <= first <= "Ω" and first not in "ΠΣ"
    return (first.islower() or greek) and all(c.isdigit() or "₀" <= c <= "₉" or c in "_'" for c in rest)


def evaluate_priority(text: str, node: ast.Node) -> int:
    """A priority: a numeral, `default`/`low`/`mid`/`high`, or sums and differences of them."""
    tokens = re.findall(r"\d+|[A-Za-z_]\w*|[+-]|\S", text)
    total, sign, expect_value = 0, 1, True
    for tok in tokens:
        if expect_value and (tok.isdigit() or tok in _PRIORITY_NAMES):
            total += sign * (int(tok) if tok.isdigit() else _PRIORITY_NAMES[tok])
            expect_value = False
        elif not expect_value and tok in "+-":
            sign, expect_value = (1 if tok == "+" else -1), True
        else:
            raise ElabError(f"invalid priority '{text}'", node)
    if expect_value:
        raise ElabError(f"invalid priority '{text}'", node)
    return total


def instance_priority(stx: object, node: ast.Node) -> int:
    """The priority of `instance (priority := e)` (the default when absent)."""
    if stx is None:
        return DEFAULT_PRIORITY
    if isinstance(stx, ast.NamedArg):
        stx = stx.value
    return evaluate_priority(_term_text(stx), node)


def _term_text(stx: object) -> str:
    """A priority term (`low + 5`) back as text for `evaluate_priority`."""
    if isinstance(stx, ast.Num):
        return str(stx.value)
    if isinstance(stx, ast.Ident):
        return stx.name
    if isinstance(stx, ast.BinOp):
        return f"{_term_text(stx.lhs)} {stx.op} {_term_text(stx.rhs)}"
    return "?"


def refuse_attributes(cmd: ast.Command, what: str) -> None:
    """No attribute (nor `deriving`) on `what` is implemented: refuse rather than ignore (`@[simp] inductive …`)."""
    if getattr(cmd, "deriving", ()):
        raise ElabError(f"`deriving {', '.join(cmd.deriving)}` is not supported by the embedded checker", cmd)
    mods = getattr(cmd, "modifiers", None)
    if mods is not None and mods.attributes:
        attr = mods.attributes[0]
        raise ElabError(f"attribute [{attr.name}{' ' + attr.args if attr.args else ''}] on {what} is not supported "
                        "by the embedded checker", cmd)


# fid-logic: attributes that only steer Lean's compiler (or its deprecation linter): the kernel term is the
# same with or without them, so they are taken without effect, as `pp.*` options are
CODEGEN_ATTRIBUTES = frozenset({"inline", "macroInline", "noinline", "always_inline", "specialize", "deprecated",
                                "extern"})  # fid-core3: `@[extern "c_name"]` only changes the compiled code
CODEGEN = "codegen"


def parse_attribute(attr: ast.Attribute, node: ast.Node) -> tuple[str, int, bool]:
    """An attribute as (name, priority, local): `instance`, `instance 10`, `local instance`, `reducible`, …;
    any other attribute is refused (never silently ignored)."""
    name, args = attr.name, attr.args
    local = False
    if name == "local":
        local = True
        name, _, args = args.partition(" ")
        args = args.strip()
    if name == "instance":
        return name, evaluate_priority(args, node) if args else DEFAULT_PRIORITY, local
    if name in ("reducible", "simp") and not args and not local:
        return name, DEFAULT_PRIORITY, False
    if name == "simp" and not local:  # `@[simp 1100]`: a priority (higher ones are tried first, as in Lean)
        return name, evaluate_priority(args, node), False
    if name in ("elab_as_elim", "elabAsElim") and not args and not local:  # fid-core3: elaboration only
        return "elab_as_elim", DEFAULT_PRIORITY, False
    if name in CODEGEN_ATTRIBUTES and not local:
        return CODEGEN, DEFAULT_PRIORITY, False
    raise ElabError(f"attribute [{attr.name}{' ' + attr.args if attr.args else ''}] is not supported by the embedded checker", node)
