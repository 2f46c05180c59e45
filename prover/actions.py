"""Atomic actions: the finite tactic vocabulary the model predicts, rendered to Lean 4 text.

An atomic action is one tactic *kind* plus at most one argument chosen by pointing:

* ``none``     -- no argument;
* ``hyp``      -- an index into the focused goal's ``hypotheses``;
* ``premise``  -- the full name of a library constant or an earlier theorem;
* ``subterm``  -- a closed subterm (a ``lean_bridge.term.Term``, or its S-expression text)
  taken from the goal's target or hypotheses.

The set (``KINDS``, kind id = index; never reorder, only append):

=================  ========  ==========================================================
kind               argument  Lean 4 text
=================  ========  ==========================================================
intro              none      ``intro x`` (fresh name derived from the binder, see below)
constructor        none      ``constructor``
left / right       none      ``left`` / ``right``
rfl                none      ``rfl``
exfalso            none      ``exfalso``
contradiction      none      ``contradiction``
assumption         none      ``assumption``
trivial            none      ``trivial``
symm               none      ``symm``
simp               none      ``simp``
simp_all           none      ``simp_all``
exact_hyp          hyp       ``exact h``
apply_hyp          hyp       ``apply h``
rw_hyp / rw_rev_hyp  hyp     ``rw [h]`` / ``rw [← h]``
cases_hyp          hyp       ``cases h``
induction_hyp      hyp       ``induction n``
subst_hyp          hyp       ``subst h``
simp_at_hyp        hyp       ``simp at h``
simp_hyp           hyp       ``simp [h]``
exact_premise      premise   ``exact P``
apply_premise      premise   ``apply P``
rw_premise / rw_rev_premise  premise  ``rw [P]`` / ``rw [← P]``
simp_premise       premise   ``simp [P]``
exists_subterm     subterm   ``exists t``
by_cases_subterm   subterm   ``by_cases h : t``
induction_gen_hyp  hyp       ``induction n generalizing m l`` (every other data variable)
have_premise       premise   ``have h := @P`` (fresh name; ``@``: implicit arguments stay ∀-bound)
have_hyp           hyp       ``have h_1 := @h`` (a copy to specialize, the original stays)
specialize_last_hyp  hyp     ``specialize L h`` where ``L`` is the *last* hypothesis
revert_hyp         hyp       ``revert h`` (and the hypotheses depending on it)
clear_hyp          hyp       ``clear h``
congr_arg_premise  premise   ``apply congrArg P`` (``P`` a function: ``f a = f b`` from ``a = b``)
split              none      ``split`` (an ``if``/``match`` in the target; offered only then)
=================  ========  ==========================================================

Forward reasoning (the last three kinds). Human proofs name compound facts in one step:
``obtain ⟨k, hk⟩ := Nat.le.dest h``, ``cases Nat.lt_or_ge a b``, ``have h' := P h b``,
``exact (P h).2``. With one pointer per action these are built up in the context: ``have_premise``
(or ``have_hyp`` for a function that is a hypothesis) puts the function in the context as the
newest hypothesis, and each ``specialize_last_hyp`` applies that newest hypothesis to one argument
(a hypothesis or a data variable, implicit arguments inferred as Lean's ``specialize`` does). The
fact is then the newest hypothesis, for ``cases``/``exact``/rcases patterns. The "last
hypothesis" convention is what keeps ``specialize`` to one pointer: ``have`` and ``specialize``
both leave their result last.

Two pointers in one human step (``rw [P] at h``: a hypothesis *and* a rule; ``rw [P a b]``: a rule
and the instance it rewrites). ``revert_hyp`` moves ``h`` (and every later hypothesis) into the
target, the rewrite acts on the goal, ``intro`` brings them back: ``rw [P] at h`` is ``revert h;
rw [P]; intro h`` (one new kind covers every ``… at h``). A rule applied to arguments is built in the
context (``have_premise``, ``specialize_last_hyp``), used by ``rw_hyp``, and dropped again with
``clear_hyp`` so the context is the human step's.

Congruence (``congr_arg_premise``). Lean core closes ``0 + (n+1) = n+1`` by ``congrArg succ ih``:
the goal is ``succ (0 + n) = succ n`` only up to unfolding ``+``, so neither ``apply congrArg`` (no
first-order match for ``?f ?a``) nor ``rw [ih]`` (no syntactic ``0 + n``) can take the step. ``apply
congrArg P`` names the function, Lean unifies ``P ?a`` with each side up to definitional unfolding,
and the goal left is ``a = b`` (then ``exact ih``). One pointer: the function constant (``Nat.succ``,
``Nat.pred``, …), a premise like any other; offered only on ``=`` targets.

Why this suffices for the fragment (propositional and first-order logic, equality, ``Nat``
and ``List`` with structural induction): every introduction rule is reachable (``intro`` for
∀/→/¬, ``constructor`` for ∧/↔/True and inductive predicates, ``left``/``right`` for ∨,
``exists`` for ∃), every elimination rule is reachable (``cases`` for ∧/∨/∃/↔/=/False and
data, ``induction`` for ``Nat``/``List``, ``apply``/``exact`` for → and ∀ with a hypothesis or
a lemma, ``exfalso``/``contradiction`` for ⊥, ``by_cases`` for classical splits), and equality
reasoning is reachable by ``rw`` in both directions with a hypothesis or lemma, ``subst``,
``symm``, ``rfl`` and the closing procedures (``simp``, ``simp_all``, ``assumption``,
``trivial``).  A compound human step (``exact ⟨h.2, h.1⟩``, ``rw [a, b]``, ``cases h with …``,
``intro a b c``, ``induction n generalizing m``) is a short sequence of these, which
``prover data atomize`` finds and checks.  ``omega``/``decide`` are left out because the
embedded checker does not support them; ``rw … at h`` is ``revert``, ``rw``, ``intro`` (below).

Names. ``intro`` uses the binder's own name when it is a usable identifier and free in the
context, else ``name_1``, ``name_2``, … (``h`` for arrows and ``¬``); names are
derived from the goal only, so rendering is deterministic.  Hypotheses Lean shows as
inaccessible (``h✝``) cannot be written; an action pointing at one renders as
``rename_i x _ …; <tactic with x>`` (``rename_i`` names the last inaccessible hypotheses,
``_`` skips one).  Shadowed hypotheses (an earlier one with the same name as a later one)
cannot be named at all and are never candidates.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from lean_bridge.sexp import SExpr, StrLit, format_sexp, parse_sexp
from lean_bridge.term import Term, parse_term
from lean_bridge.types import Goal, Hypothesis

KINDS: tuple[str, ...] = (
    "intro", "constructor", "left", "right", "rfl", "exfalso", "contradiction", "assumption",
    "trivial", "symm", "simp", "simp_all",
    "exact_hyp", "apply_hyp", "rw_hyp", "rw_rev_hyp", "cases_hyp", "induction_hyp", "subst_hyp",
    "simp_at_hyp", "simp_hyp",
    "exact_premise", "apply_premise", "rw_premise", "rw_rev_premise", "simp_premise",
    "exists_subterm", "by_cases_subterm",
    "induction_gen_hyp",
    "have_premise", "have_hyp", "specialize_last_hyp",
    "revert_hyp", "clear_hyp",
    "congr_arg_premise",
    "split",
)
KIND_ID: dict[str, int] = {kind: i for i, kind in enumerate(KINDS)}

ARG_OF: dict[str, str] = {
    **{k: "none" for k in KINDS[:12]},
    **{k: "hyp" for k in KINDS[12:21]},
    **{k: "premise" for k in KINDS[21:26]},
    "exists_subterm": "subterm", "by_cases_subterm": "subterm",
    "induction_gen_hyp": "hyp",
    "have_premise": "premise", "have_hyp": "hyp", "specialize_last_hyp": "hyp",
    "revert_hyp": "hyp", "clear_hyp": "hyp",
    "congr_arg_premise": "premise",
    "split": "none",
}

_NONE_TEXT = {k: k for k in KINDS if ARG_OF[k] == "none" and k != "intro"}
_HYP_TEXT = {
    "exact_hyp": "exact {}", "apply_hyp": "apply {}", "rw_hyp": "rw [{}]", "rw_rev_hyp": "rw [← {}]",
    "cases_hyp": "cases {}", "induction_hyp": "induction {}", "subst_hyp": "subst {}",
    "simp_at_hyp": "simp at {}", "simp_hyp": "simp [{}]",
}
_PREMISE_TEXT = {
    "exact_premise": "exact {}", "apply_premise": "apply {}", "rw_premise": "rw [{}]",
    "rw_rev_premise": "rw [← {}]", "simp_premise": "simp [{}]",
}
_PROP_HEADS = frozenset({"Eq", "Ne", "And", "Or", "Not", "Iff", "True", "False", "LE.le", "LT.lt",
                         "GE.ge", "GT.gt", "Membership.mem", "Exists", "HEq"})
_IDENT = re.compile(r"^[A-Za-z_α-ωΑ-Ωἀ-῾℀-⅏][A-Za-z0-9_'!?α-ωΑ-Ωἀ-῾℀-⅏₀-₉ₐ-ₜ]*$")
_KEYWORDS = frozenset({"fun", "at", "by", "have", "show", "from", "then", "else", "if", "do", "let",
                       "in", "with", "match", "end", "theorem", "def", "this", "Type", "Prop", "Sort",
                       "λ", "forall", "exists", "open", "namespace", "section", "import", "where"})


@dataclass(frozen=True)
class Action:
    """One atomic action: a kind from ``KINDS`` and the one argument its ``ARG_OF`` type names."""

    kind: str
    hyp: Optional[int] = None
    premise: Optional[str] = None
    subterm: Optional[Term] = None  # a closed subterm of the goal (interned, so equality is cheap)

    def __post_init__(self) -> None:
        arg = ARG_OF.get(self.kind)
        if arg is None:
            raise ValueError(f"unknown action kind {self.kind!r}")
        given = {"hyp": self.hyp is not None, "premise": self.premise is not None,
                 "subterm": self.subterm is not None}
        wanted = {name: name == arg for name in given}
        if given != wanted:
            raise ValueError(f"action {self.kind!r} takes argument {arg!r}, got {given}")


class RenderError(ValueError):
    """The action cannot be written as Lean text on this goal (bad index, unnamed hypothesis, …)."""


# --------------------------------------------------------------------------- rendering


def render(action: Action, goal: Goal) -> str:
    """Lean 4 tactic text for ``action`` on ``goal`` (deterministic; raises ``RenderError``)."""
    kind = action.kind
    if kind == "intro":
        return f"intro {intro_name(goal)}"
    if kind in _NONE_TEXT:
        return _NONE_TEXT[kind]
    if kind in _HYP_TEXT:
        prefix, name = hyp_reference(goal, action.hyp)  # type: ignore[arg-type]
        return prefix + _HYP_TEXT[kind].format(name)
    if kind == "induction_gen_hyp":
        prefix, name = hyp_reference(goal, action.hyp)  # type: ignore[arg-type]
        others = generalized(goal, action.hyp)  # type: ignore[arg-type]
        if not others:
            raise RenderError("nothing to generalize: use induction_hyp")
        renamed, names = _rename_all(goal)
        words = [names.get(goal.hypotheses[i].fvar_id or "", goal.hypotheses[i].name) for i in others]
        if renamed and prefix:
            prefix = renamed
            name = names.get(goal.hypotheses[action.hyp].fvar_id or "", name)  # type: ignore[index]
        elif renamed:
            prefix = renamed
        return f"{prefix}induction {name} generalizing {' '.join(words)}"
    if kind in _PREMISE_TEXT:
        return _PREMISE_TEXT[kind].format(action.premise)
    if kind == "have_premise":
        return f"have {fresh_name(goal, 'h')} := @{action.premise}"
    if kind == "congr_arg_premise":
        return f"apply congrArg {action.premise}"
    if kind == "have_hyp":
        prefix, name = hyp_reference(goal, action.hyp)  # type: ignore[arg-type]
        copy = _fresh(_base_name(name), {h.name for h in goal.hypotheses} | {name}
                      | {h.name.replace("✝", "") for h in goal.hypotheses if h.inaccessible})
        return f"{prefix}have {copy} := @{name}"  # `@`: a leading implicit stays ∀-bound (Lean rejects it open)
    if kind in ("revert_hyp", "clear_hyp"):
        prefix, name = hyp_reference(goal, action.hyp)  # type: ignore[arg-type]
        return f"{prefix}{kind.split('_')[0]} {name}"
    if kind == "specialize_last_hyp":
        last = len(goal.hypotheses) - 1
        if action.hyp == last:
            raise RenderError("specialize_last_hyp: the argument is the last hypothesis itself")
        if last < 0 or goal.hypotheses[last].inaccessible or _shadowed(goal.hypotheses, last):
            raise RenderError("specialize_last_hyp: the last hypothesis cannot be named")
        prefix, name = hyp_reference(goal, action.hyp)  # type: ignore[arg-type]
        return f"{prefix}specialize {goal.hypotheses[last].name} {name}"
    prefix, names = _rename_all(goal)
    text = term_text(subterm_sexp(action.subterm), names)
    if kind == "exists_subterm":
        return f"{prefix}exists {text}"
    return f"{prefix}by_cases {fresh_name(goal, 'h')} : {text}"


def hyp_reference(goal: Goal, index: int) -> tuple[str, str]:
    """(prefix, name) to refer to hypothesis ``index``: prefix is ``rename_i …; `` for an inaccessible one."""
    hyps = goal.hypotheses
    if index is None or not 0 <= index < len(hyps):
        raise RenderError(f"hypothesis index {index} out of range (goal has {len(hyps)})")
    hyp = hyps[index]
    if _shadowed(hyps, index):
        raise RenderError(f"hypothesis {hyp.name} is shadowed by a later one")
    if not hyp.inaccessible:
        return "", hyp.name
    inaccessible = _renamable(hyps)
    name = fresh_name(goal, _base_name(hyp.name), renaming=True)
    skips = len(inaccessible) - inaccessible.index(index) - 1
    return f"rename_i {' '.join([name] + ['_'] * skips)}; ", name


def _rename_all(goal: Goal) -> tuple[str, dict[str, str]]:
    """Name every free variable a term may mention: fvar id -> name (renaming inaccessible ones)."""
    names: dict[str, str] = {}
    taken = {h.name for h in goal.hypotheses}
    new: list[str] = []
    for i, hyp in enumerate(goal.hypotheses):
        if _shadowed(goal.hypotheses, i):
            continue
        if hyp.inaccessible:
            name = _fresh(_base_name(hyp.name), taken)
            taken.add(name)
            new.append(name)
        else:
            name = hyp.name
        if hyp.fvar_id:
            names[hyp.fvar_id] = name
    used = [n for n in new]
    prefix = f"rename_i {' '.join(used)}; " if used else ""
    return prefix, names


def _shadowed(hyps: Sequence[Hypothesis], index: int) -> bool:
    """True when a later hypothesis has the same name (Lean shows a shadowed one as ``h✝`` too,
    but ``rename_i`` cannot reach it): such a hypothesis cannot be named."""
    base = hyps[index].name.replace("✝", "")
    return any(h.name == base or h.name == hyps[index].name and not h.inaccessible for h in hyps[index + 1:]) \
        or (not hyps[index].inaccessible and any(h.name == hyps[index].name for h in hyps[index + 1:]))


def _renamable(hyps: Sequence[Hypothesis]) -> list[int]:
    """Indices of the inaccessible (macro-scoped) hypotheses ``rename_i`` counts, in order."""
    return [i for i, h in enumerate(hyps) if h.inaccessible and not _shadowed(hyps, i)]


def _base_name(name: str) -> str:
    """``left✝`` -> ``left``; names that are not identifiers become ``h``."""
    base = name.replace("✝", "").strip()
    base = re.sub(r"_\d+$", "", base) or "h"
    return base if _IDENT.match(base) and base not in _KEYWORDS else "h"


def _fresh(base: str, taken: set[str]) -> str:
    """``base`` if free, else ``base_1``, ``base_2``, …"""
    if base not in taken:
        return base
    i = 1
    while f"{base}_{i}" in taken:
        i += 1
    return f"{base}_{i}"


def fresh_name(goal: Goal, base: str, renaming: bool = False) -> str:
    """A name not used by any hypothesis of ``goal``, derived from ``base``. For a new hypothesis the
    base names of inaccessible ones (``h`` of ``h✝``) count as used too: a new ``h`` would shadow
    ``h✝`` for good (``rename_i`` could no longer reach it); ``renaming`` (the name ``rename_i`` gives
    an inaccessible hypothesis) only avoids the names shown."""
    taken = {h.name for h in goal.hypotheses}
    if not renaming:
        taken |= {h.name.replace("✝", "") for h in goal.hypotheses if h.inaccessible}
    return _fresh(_base_name(base), taken)


def intro_name(goal: Goal) -> str:
    """The name ``intro`` gives: the ∀ binder's name if usable and free, ``h`` for → and ¬."""
    base = "h"
    tree = _sexp_of(goal.target.sexp_text)
    if isinstance(tree, tuple) and tree and tree[0] == ":forall" and len(tree) >= 4:
        name, body = tree[1], tree[3]
        if isinstance(name, str) and _mentions_bvar(body, 0):
            base = name if name != "_" else "x"
        elif isinstance(name, str) and name not in ("_", "a") and not name.startswith("a✝"):
            base = name  # a named but unused binder keeps its name; arrows (`a`, `_`) get `h`
    elif tree is None:
        match = re.match(r"^∀\s*\(?\{?\s*([^\s:,(){}]+)", goal.target.pp)
        if match:
            base = match.group(1)
    return fresh_name(goal, base)


def _sexp_of(text: Optional[str]) -> Optional[SExpr]:
    """Parse S-expression text, None when absent or unreadable."""
    if not text:
        return None
    try:
        return parse_sexp(text)
    except ValueError:
        return None


def _mentions_bvar(tree: SExpr, index: int) -> bool:
    """True when de Bruijn index ``index`` (relative to ``tree``) occurs loose in ``tree``."""
    if isinstance(tree, bool) or isinstance(tree, StrLit):
        return False
    if isinstance(tree, int):
        return tree == index
    if isinstance(tree, str) or not tree:
        return False
    head = tree[0]
    if head in (":forall", ":lambda") and len(tree) >= 4:
        return _mentions_bvar(tree[2], index) or _mentions_bvar(tree[3], index + 1)
    if head == ":let" and len(tree) >= 5:
        return any(_mentions_bvar(t, index) for t in tree[2:4]) or _mentions_bvar(tree[4], index + 1)
    if head in (":c", ":fv", ":mv", ":lit", ":sort"):
        return False
    return any(_mentions_bvar(t, index) for t in tree)


# --------------------------------------------------------------------------- subterms


def subterm_sexp(subterm: Any) -> SExpr:
    """The parsed S-expression of a subterm argument (Term, S-expression text, or parsed SExpr)."""
    if isinstance(subterm, str):
        return parse_sexp(subterm)
    if isinstance(subterm, tuple):
        return subterm
    for attr in ("to_sexp", "sexp_text", "sexp"):
        value = getattr(subterm, attr, None)
        if callable(value):
            value = value()
        if isinstance(value, str):
            return parse_sexp(value)
    return parse_sexp(str(subterm))


def subterm_text(subterm: Any) -> str:
    """S-expression text of a subterm argument (the ``atomized.jsonl`` form)."""
    return format_sexp(subterm_sexp(subterm))


def term_text(tree: SExpr, names: dict[str, str], bound: tuple[str, ...] = ()) -> str:
    """Lean text for an elaborated term, fully explicit (``@f a b``) so it elaborates back to itself."""
    if isinstance(tree, int):
        if tree < len(bound):
            return bound[len(bound) - 1 - tree]
        raise RenderError(f"loose bound variable {tree}")
    if isinstance(tree, (str, StrLit)) or not tree:
        raise RenderError(f"cannot print {tree!r}")
    head = tree[0]
    if head == ":c":
        return f"@{tree[1]}"
    if head == ":fv":
        if tree[1] not in names:
            raise RenderError(f"free variable {tree[1]} has no usable name")
        return names[tree[1]]
    if head == ":lit":
        value = tree[1]
        return json.dumps(value.value, ensure_ascii=False) if isinstance(value, StrLit) else f"(nat_lit {value})"
    if head == ":sort":
        return _sort_text(tree[1])
    if head in (":forall", ":lambda"):
        name = tree[1] if isinstance(tree[1], str) and _IDENT.match(tree[1]) else "x"
        name = _fresh(name, set(names.values()) | set(bound))
        dom = term_text(tree[2], names, bound)
        body = term_text(tree[3], names, bound + (name,))
        if head == ":forall":
            return f"(∀ ({name} : {dom}), {body})"
        return f"(fun ({name} : {dom}) => {body})"
    if head in (":mv", ":let", ":proj", ":subst"):
        raise RenderError(f"cannot print {head} terms")
    fn = tree[0]
    args = tree[1:]
    if (isinstance(fn, tuple) and fn[:2] == (":c", "OfNat.ofNat") and len(args) == 3
            and isinstance(args[1], tuple) and args[1][:1] == (":lit",) and isinstance(args[1][1], int)):
        return f"({args[1][1]} : {term_text(args[0], names, bound)})"
    parts = [term_text(fn, names, bound)] + [term_text(a, names, bound) for a in args]
    return "(" + " ".join(parts) + ")"


def _sort_text(level: SExpr) -> str:
    """``Prop``, ``Type``, ``Type u`` or ``Sort l`` for a level S-expression."""
    if level == 0:
        return "Prop"
    if level == 1:
        return "Type"
    if isinstance(level, tuple) and len(level) == 3 and level[0] == "+" and level[2] == 1 and isinstance(level[1], str):
        return f"(Type {level[1]})"
    if isinstance(level, str):
        return f"(Sort {level})"
    raise RenderError(f"cannot print universe level {level!r}")


def closed_subterms(goal: Goal, limit: int = 64) -> list[Term]:
    """Pointer candidates: distinct closed subterms of the target then the hypotheses' types
    (pre-order), not in function position, not sorts/literals/holes/instances (``prover.graph``'s
    rule), that ``render`` can print; then the hypotheses' own free variables."""
    _, names = _rename_all(goal)
    seen: dict[str, SExpr] = {}
    trees = [_sexp_of(goal.target.sexp_text)] + [_sexp_of(h.type.sexp_text) for h in goal.hypotheses]

    def visit(node: SExpr) -> None:
        if len(seen) >= limit or not isinstance(node, tuple) or not node:
            return
        head = node[0]
        if head in (":c", ":sort", ":lit", ":mv", ":mvd", "_"):
            return
        if head != ":fv" and not _has_loose(node) and not _has_mvar(node) and not _is_instance(node):
            key = format_sexp(node)
            if key not in seen:
                try:
                    term_text(node, names)
                    seen[key] = node
                except RenderError:
                    pass
        if head in (":forall", ":lambda") and len(node) >= 4:
            visit(node[2])
            visit(node[3])
        elif head == ":fv":
            key = format_sexp(node)
            if node[1] in names and key not in seen:
                seen[key] = node
        elif isinstance(head, (tuple, str)):
            for arg in node[1:]:
                visit(arg)
            if isinstance(head, tuple) and head[:1] != (":c",):
                visit(head)

    for tree in trees:
        if tree is not None:
            visit(tree)
    for hyp in goal.hypotheses:
        if hyp.fvar_id and hyp.fvar_id in names and len(seen) < limit:
            node = (":fv", hyp.fvar_id)
            seen.setdefault(format_sexp(node), node)
    return [parse_term(text) for text in seen]


def _has_mvar(tree: SExpr) -> bool:
    if isinstance(tree, tuple):
        if tree[:1] in ((":mv",), (":mvd",)):
            return True
        return any(_has_mvar(t) for t in tree)
    return tree == "_"


def _is_instance(tree: SExpr) -> bool:
    name = head_const(tree)
    return name is not None and name.rpartition(".")[2].startswith("inst")


def _has_loose(tree: SExpr, depth: int = 0) -> bool:
    """True when ``tree`` has a de Bruijn index pointing outside it."""
    if isinstance(tree, int):
        return tree >= depth
    if not isinstance(tree, tuple) or not tree:
        return False
    head = tree[0]
    if head in (":c", ":fv", ":mv", ":lit", ":sort"):
        return False
    if head in (":forall", ":lambda") and len(tree) >= 4:
        return _has_loose(tree[2], depth) or _has_loose(tree[3], depth + 1)
    return any(_has_loose(t, depth) for t in tree if not isinstance(t, str))


# --------------------------------------------------------------------------- candidates


def _strip_foralls(tree: Optional[SExpr]) -> Optional[SExpr]:
    """The conclusion of a ∀-telescope."""
    while isinstance(tree, tuple) and tree and tree[0] == ":forall" and len(tree) >= 4:
        tree = tree[3]
    return tree


def head_const(tree: Optional[SExpr]) -> Optional[str]:
    """Name of the constant at the head of an application (None if the head is not a constant)."""
    while isinstance(tree, tuple) and tree and isinstance(tree[0], tuple):
        tree = tree[0]
    if isinstance(tree, tuple) and len(tree) >= 2 and tree[0] == ":c":
        return str(tree[1])
    return None


def _is_sort(tree: Optional[SExpr]) -> bool:
    return isinstance(tree, tuple) and bool(tree) and tree[0] == ":sort"


def candidate_actions(goal: Goal, premises: Sequence[str] = (), with_subterms: bool = True) -> list[Action]:
    """Every well-formed action on ``goal`` (deterministic order: kind order, then argument order).

    ``with_subterms=False`` skips the subterm kinds (their candidates cost most of the time), for
    callers that only need the kinds and hypotheses that are legal.
    """
    target = _sexp_of(goal.target.sexp_text)
    out: list[Action] = []
    pi_like = (isinstance(target, tuple) and target[:1] == (":forall",)) or head_const(target) == "Not" \
        or (target is None and (goal.target.pp.startswith(("∀", "¬")) or "→" in goal.target.pp))
    for kind in KINDS[:12]:
        if kind == "intro" and not pi_like:
            continue
        out.append(Action(kind))
    usable: list[tuple[int, Optional[SExpr]]] = []
    for i, hyp in enumerate(goal.hypotheses):
        try:
            hyp_reference(goal, i)
        except RenderError:
            continue
        usable.append((i, _sexp_of(hyp.type.sexp_text)))
    for kind in KINDS[12:21]:
        for i, ty in usable:
            if ty is not None and _is_sort(ty):
                continue  # a type or a proposition variable: nothing to apply, rewrite or split
            concl = head_const(_strip_foralls(ty)) if ty is not None else None
            if kind in ("rw_hyp", "rw_rev_hyp") and ty is not None and concl not in ("Eq", "Iff"):
                continue
            if kind == "subst_hyp" and (ty is None or head_const(ty) != "Eq" or not _eq_has_fvar_side(ty)):
                continue
            if kind == "induction_hyp" and ty is not None and (head_const(ty) in _PROP_HEADS or ty[:1] == (":forall",)):
                continue
            out.append(Action(kind, hyp=i))
    for i, ty in usable:
        if ty is not None and not _is_sort(ty) and head_const(ty) not in _PROP_HEADS \
                and ty[:1] != (":forall",) and generalized(goal, i):
            out.append(Action("induction_gen_hyp", hyp=i))
    for kind in KINDS[21:26]:
        for name in premises:
            out.append(Action(kind, premise=name))
    for i, ty in usable:
        if _is_function(ty):
            out.append(Action("have_hyp", hyp=i))
    for name in premises:
        out.append(Action("have_premise", premise=name))
    hyps = goal.hypotheses
    last = len(hyps) - 1
    if last >= 1 and not hyps[last].inaccessible and not _shadowed(hyps, last) \
            and _is_function(_sexp_of(hyps[last].type.sexp_text)):
        for i, _ty in usable:
            if i != last:
                out.append(Action("specialize_last_hyp", hyp=i))
    props = {h.fvar_id for h in goal.hypotheses if _sexp_of(h.type.sexp_text) == (":sort", 0)}
    for i, ty in usable:  # types and proposition variables are never reverted or cleared on their own
        if ty is not None and not _is_sort(ty):
            out.append(Action("revert_hyp", hyp=i))
    for i, ty in usable:  # clear: proofs only (what a built fact leaves behind)
        if ty is not None and not _is_sort(ty) and (head_const(ty) in _PROP_HEADS or _is_function(ty)
                                                    or _fvar_head(ty) in props):
            out.append(Action("clear_hyp", hyp=i))
    if head_const(target) == "Eq":
        for name in premises:
            out.append(Action("congr_arg_premise", premise=name))
    if _splittable(target):
        out.append(Action("split"))
    if not with_subterms:
        return out
    subterms = closed_subterms(goal)
    if head_const(target) == "Exists":
        for sub in subterms:
            out.append(Action("exists_subterm", subterm=sub))
    props = {h.fvar_id for h in goal.hypotheses if _sexp_of(h.type.sexp_text) == (":sort", 0)}
    for sub in subterms:
        tree = subterm_sexp(sub)
        if head_const(tree) in _PROP_HEADS - {"True", "False"} or _fvar_head(tree) in props \
                or (_fvar_head(tree) is not None and tree[:1] != (":fv",)):
            out.append(Action("by_cases_subterm", subterm=sub))
    return out


def _splittable(tree: Optional[SExpr]) -> bool:
    """True when the target mentions ``if``/``dite`` or a compiled ``match`` (what ``split`` takes apart):
    Lean's matcher ``f.match_1``, or the ``T.casesOn`` the embedded checker compiles a ``match`` to."""
    if not isinstance(tree, tuple) or not tree:
        return False
    if tree[0] == ":c" and len(tree) > 1:
        name = str(tree[1])
        return name in ("ite", "dite") or ".match_" in name or name.endswith(".casesOn")
    return any(_splittable(t) for t in tree)


def _is_function(ty: Optional[SExpr]) -> bool:
    """A hypothesis ``specialize`` can apply: a ∀/→ or a negation."""
    return isinstance(ty, tuple) and (ty[:1] == (":forall",) or head_const(ty) == "Not")


def _fvar_head(tree: SExpr) -> Optional[str]:
    """The free variable at the head of an application (or the variable itself), else None."""
    while isinstance(tree, tuple) and tree and isinstance(tree[0], tuple):
        tree = tree[0]
    if isinstance(tree, tuple) and len(tree) == 2 and tree[0] == ":fv":
        return str(tree[1])
    return None


def generalized(goal: Goal, index: int) -> list[int]:
    """What ``induction_gen_hyp`` generalizes: every other data variable of the context (not a
    type, not a proof: its type is neither a sort, nor a proposition, nor a ∀/→), in order."""
    out = []
    for i, hyp in enumerate(goal.hypotheses):
        if i == index or _shadowed(goal.hypotheses, i):
            continue
        ty = _sexp_of(hyp.type.sexp_text)
        if ty is None or _is_sort(ty) or (isinstance(ty, tuple) and ty[:1] == (":forall",)):
            continue
        if head_const(ty) in _PROP_HEADS or (_fvar_head(ty) is not None and ty[:1] != (":fv",)):
            continue
        out.append(i)
    return out


def _eq_has_fvar_side(ty: SExpr) -> bool:
    """True for ``@Eq α a b`` where ``a`` or ``b`` is a free variable (what ``subst`` needs)."""
    args = ty[1:] if isinstance(ty, tuple) else ()
    return len(args) == 3 and any(isinstance(a, tuple) and a[:1] == (":fv",) for a in args[1:])


# --------------------------------------------------------------------------- JSON


def action_to_json(action: Action) -> dict[str, Any]:
    """The ``action`` object of an ``atomized.jsonl`` record."""
    return {"kind": action.kind, "hyp": action.hyp, "premise": action.premise,
            "subterm": None if action.subterm is None else subterm_text(action.subterm)}


def action_from_json(obj: dict[str, Any]) -> Action:
    """Inverse of ``action_to_json`` (the subterm is read back into a ``Term``)."""
    sub = obj.get("subterm")
    return Action(obj["kind"], hyp=obj.get("hyp"), premise=obj.get("premise"),
                  subterm=parse_term(sub) if isinstance(sub, str) else sub)

