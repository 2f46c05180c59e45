"""A tactic reading of pattern-matching proofs, so they can be traced and atomized step by step.

A theorem proved by equations (``theorem t : ∀ n, P n | 0 => a | n+1 => b … t n …``) or by a
top-level ``match`` has no tactic to replay. Its reading is a synthesized tactic script that
reaches the same result the way Lean's equation compiler does: ``intro`` the matched binders, then
a case tree — ``induction`` on the column the recursive calls decrease (every later column
``generalizing``), ``cases`` on the other columns with constructor patterns — and in each leaf the
first alternative that matches, its right-hand side with each recursive call ``t a b`` replaced by
the induction hypothesis (``ih b`` / ``@ih _ b`` for the generalized columns) and the pattern's
variable names mapped onto the case's. Right-hand sides become tactics: ``by tacs`` is spliced,
``have x : T := v; e`` is ``have``, a nested ``match`` is ``have`` (for a compound discriminant)
and another case tree, anything else is ``exact``. Constructors the alternatives do not list (an
impossible case, as ``[]`` under ``l ≠ []``) get ``contradiction``. The checker then runs the
script like any other; nothing here is trusted (a wrong reading simply fails to replay).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from lean_bridge.syntax import ast

RECURSIVE_FIELDS = frozenset({"succ", "cons", "step", "tail"})  # constructors with a recursive field
KNOWN_CTORS = frozenset({"zero", "succ", "nil", "cons", "refl", "step", "inl", "inr", "isTrue", "isFalse",
                         "true", "false", "none", "some", "intro", "head", "tail", "unit", "mk"})


class SynthesisError(Exception):
    """The proof has no tactic reading here (the message says why)."""


@dataclass(frozen=True)
class Param:
    """A binder of the theorem in context order: its local name (None: unnamed) and explicitness."""

    name: Optional[str]
    explicit: bool


class Source:
    """The proof text with its start position: renders a node's text with edits applied."""

    def __init__(self, text: str, base: tuple[int, int]) -> None:
        self.lines = text.split("\n")
        self.base = base
        self.text = text

    def offset(self, pos: tuple[int, int]) -> int:
        line, col = pos
        k = line - self.base[0]
        if k < 0 or k >= len(self.lines):
            raise SynthesisError("position outside the proof text")
        if k == 0:
            return col - self.base[1]
        return sum(len(l) + 1 for l in self.lines[:k]) + col

    def slice(self, node: Any) -> str:
        return self.text[self.offset(node.pos):self.offset(node.end_pos)]


@dataclass
class Row:
    """One alternative in the case tree: the patterns still to match (column local -> pattern; None
    is a wildcard), its right-hand side, and the renaming of its pattern variables to locals."""

    pats: dict[str, Any]
    rhs: Any
    ren: dict[str, str] = field(default_factory=dict)


@dataclass
class Recursion:
    """How recursive calls are read: the theorem's names, its parameters, the fixed leading
    explicit arguments, the generalized locals (context order)."""

    names: frozenset[str]
    params: list[Param]
    generalized: list[str] = field(default_factory=list)
    active: bool = False  # inside the induction: calls become the hypothesis


def _children(node: Any) -> list[Any]:
    out: list[Any] = []
    if not dataclasses.is_dataclass(node):
        return out
    for f in dataclasses.fields(node):
        if f.name in ("pos", "end_pos", "source"):
            continue
        value = getattr(node, f.name)
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(item, ast.Node):
                out.append(item)
    return out


def _walk(node: Any):
    yield node
    for child in _children(node):
        yield from _walk(child)


# --------------------------------------------------------------------------- patterns


def ctor_of(pat: Any) -> Optional[tuple[str, list[Any]]]:
    """(constructor tag, field patterns) of a constructor pattern; None for a variable or ``_``."""
    while isinstance(pat, ast.TypeAscription):
        pat = pat.term
    if isinstance(pat, ast.Num):
        if pat.value == 0:
            return "zero", []
        return "succ", [dataclasses.replace(pat, value=pat.value - 1)]
    if isinstance(pat, ast.BinOp) and pat.op == "+" and isinstance(pat.rhs, ast.Num) and pat.rhs.value >= 1:
        if pat.rhs.value == 1:
            return "succ", [pat.lhs]
        return "succ", [dataclasses.replace(pat, rhs=dataclasses.replace(pat.rhs, value=pat.rhs.value - 1))]
    if isinstance(pat, ast.BinOp) and pat.op == "::":
        return "cons", [pat.lhs, pat.rhs]
    if isinstance(pat, ast.ListLit):
        if not pat.elems:
            return "nil", []
        rest = dataclasses.replace(pat, elems=pat.elems[1:])
        return "cons", [pat.elems[0], rest]
    if isinstance(pat, ast.AnonymousCtor):
        args = list(pat.args)
        if len(args) > 2:
            args = [args[0], dataclasses.replace(pat, args=tuple(args[1:]))]
        return "_", args
    if isinstance(pat, ast.DotIdent):
        return pat.name.rpartition(".")[2], []
    if isinstance(pat, ast.Ident):
        if "." in pat.name or pat.name in KNOWN_CTORS:
            return pat.name.rpartition(".")[2], []
        return None
    if isinstance(pat, ast.App) and not any(isinstance(a, ast.NamedArg) for a in pat.args):
        fn = pat.fn
        if isinstance(fn, ast.DotIdent):
            return fn.name.rpartition(".")[2], list(pat.args)
        if isinstance(fn, ast.Ident):
            return fn.name.rpartition(".")[2], list(pat.args)
    if isinstance(pat, ast.Hole):
        return None
    raise SynthesisError(f"pattern {type(pat).__name__} has no reading")


def _var(pat: Any) -> Optional[str]:
    """The variable a non-constructor pattern binds (None for ``_``)."""
    while isinstance(pat, ast.TypeAscription):
        pat = pat.term
    if pat is None or isinstance(pat, ast.Hole):
        return None
    if isinstance(pat, ast.Ident):
        return None if pat.name == "_" else pat.name
    raise SynthesisError("pattern is not a variable")


def _pattern_vars(pat: Any) -> set[str]:
    """Every variable a pattern binds (at any depth)."""
    if pat is None:
        return set()
    c = ctor_of(pat)
    if c is None:
        v = _var(pat)
        return {v} if v else set()
    out: set[str] = set()
    for sub in c[1]:
        out |= _pattern_vars(sub)
    return out


# --------------------------------------------------------------------------- the synthesizer


class Synthesizer:
    """Builds the tactic script of one pattern-matching proof."""

    def __init__(self, source: Source, names: Sequence[str], params: list[Param]) -> None:
        self.src = source
        self.rec = Recursion(frozenset(names), params)
        self.fresh = 0
        self.lines: list[str] = []

    def new_name(self, base: str = "x") -> str:
        self.fresh += 1
        return f"{base}_{self.fresh}"

    # --- rendering right-hand sides
    def is_rec(self, node: Any) -> bool:
        return isinstance(node, ast.Ident) and node.name in self.rec.names

    def render(self, node: Any, ren: dict[str, str]) -> str:
        """The node's source text with renamed variables and recursive calls read as ``ih``."""
        edits: list[tuple[int, int, str]] = []
        self._collect(node, ren, edits, top=True)
        text = self.src.slice(node)
        base = self.src.offset(node.pos)
        for start, end, rep in sorted(edits, reverse=True):
            text = text[:start - base] + rep + text[end - base:]
        return text

    def _collect(self, node: Any, ren: dict[str, str], edits: list, top: bool = False) -> None:
        rep = self._replacement(node, ren)
        if rep is not None:
            edits.append((self.src.offset(node.pos), self.src.offset(node.end_pos), rep))
            return
        for child in _children(node):
            self._collect(child, ren, edits)

    def _replacement(self, node: Any, ren: dict[str, str]) -> Optional[str]:
        if isinstance(node, ast.App) and self.is_rec(node.fn):
            return self._ih_call([a for a in node.args if not isinstance(a, ast.NamedArg)], ren)
        if self.is_rec(node):
            if not self.rec.active:
                raise SynthesisError("recursive reference outside the induction")
            return "ih"
        if isinstance(node, ast.Ident):
            head, dot, rest = node.name.partition(".")
            if head in ren:
                return ren[head] + dot + rest
        return None

    def _ih_call(self, args: list[Any], ren: dict[str, str]) -> str:
        if not self.rec.active:
            raise SynthesisError("recursive call outside the induction")
        explicit = [p for p in self.rec.params if p.explicit]
        by_name: dict[str, Optional[Any]] = {}
        for p, a in zip(explicit, args):
            if p.name:
                by_name[p.name] = a
        if len(args) > len(explicit):
            extra = args[len(explicit):]
        else:
            extra = []
        out: list[str] = []
        implicit = False
        for name in self.rec.generalized:
            param = next((p for p in self.rec.params if p.name == name), None)
            if param is not None and param.explicit:
                if name not in by_name:
                    raise SynthesisError("recursive call without the generalized argument")
                out.append(self.render(by_name[name], ren))
            else:
                implicit = True
                out.append("_")
        out += [self.render(a, ren) for a in extra]
        head = "@ih" if implicit else "ih"
        if not out:
            return head
        # an application's span excludes its parentheses, which the source keeps where needed
        return " ".join([head] + [f"({a})" if " " in a else a for a in out])

    # --- emitting
    def emit(self, indent: str, text: str, column: Optional[int] = None, prefix: str = "") -> None:
        """One tactic line (``prefix`` + ``text``); continuation lines keep their layout relative to
        the text's first column in the file (``column``), and stay right of the tactic."""
        lines = text.split("\n")
        if len(lines) > 1:
            rest = [l for l in lines[1:] if l.strip()]
            widths = [len(l) - len(l.lstrip(" ")) for l in rest]
            start = column if column is not None else min(widths, default=0)
            shift = len(indent) + len(prefix) - start
            if widths and min(widths) + shift <= len(indent):
                shift = len(indent) + 2 - min(widths)
            lines = [lines[0]] + [" " * (len(l) - len(l.lstrip(" ")) + shift) + l.lstrip(" ") if l.strip() else ""
                                  for l in lines[1:]]
        self.lines.append(indent + prefix + "\n".join(lines))

    def emit_rhs(self, rhs: Any, ren: dict[str, str], indent: str, scope: set[str]) -> None:
        """Tactics proving the goal the way the right-hand side does."""
        if isinstance(rhs, ast.By):
            for tac in rhs.tactics.tactics:
                self.emit(indent, self.render(tac, ren), tac.pos[1])
            return
        if isinstance(rhs, ast.Have) and rhs.pattern is None and not rhs.binders:
            name = rhs.name or "this"
            value = self.render(rhs.value, ren)
            head = f"have {name}" + (f" : {self.render(rhs.type, ren)}" if rhs.type is not None else "")
            self.emit(indent, value, rhs.value.pos[1], f"{head} := ")
            inner = {k: v for k, v in ren.items() if k != name}
            self.emit_rhs(rhs.body, inner, indent, scope | {name})
            return
        if isinstance(rhs, ast.Match) and all(d.name is None for d in rhs.discrs):
            cols: list[str] = []
            for d in rhs.discrs:
                term = d.term
                if isinstance(term, ast.Ident) and ren.get(term.name, term.name) in scope:
                    cols.append(ren.get(term.name, term.name))
                else:
                    name = self.new_name()
                    self.emit(indent, self.render(term, ren), term.pos[1], f"have {name} := ")
                    cols.append(name)
                    scope = scope | {name}
            rows = [Row(dict(zip(cols, alt.patterns)), alt.rhs, dict(ren)) for alt in rhs.alts]
            if any(len(alt.patterns) != len(cols) for alt in rhs.alts):
                raise SynthesisError("match alternative with another number of patterns")
            self.tree(rows, cols, indent, scope, None)
            return
        if isinstance(rhs, ast.NoFun):
            self.emit(indent, "exact nofun")
            return
        self.emit(indent, self.render(rhs, ren), rhs.pos[1], "exact ")

    def tree(self, rows: list[Row], cols: list[str], indent: str, scope: set[str], rec_col: Optional[str]) -> None:
        """The case tree of ``rows`` over the locals ``cols``."""
        if not rows:
            self.emit(indent, "contradiction")
            return
        first = rows[0]
        split = None
        if rec_col is not None:
            split = rec_col
        else:
            for c in cols:
                if first.pats.get(c) is not None and ctor_of(first.pats[c]) is not None:
                    split = c
                    break
        if split is None:
            ren = dict(first.ren)
            for c in cols:
                v = _var(first.pats.get(c))
                if v is not None and v != c:
                    ren[v] = c
                elif v == c:
                    ren.pop(v, None)
            self.emit_rhs(first.rhs, ren, indent, scope)
            return
        groups: dict[str, list[tuple[Row, list[Any]]]] = {}
        order: list[str] = []
        arity: dict[str, int] = {}
        for row in rows:
            pat = row.pats.get(split)
            c = ctor_of(pat) if pat is not None else None
            if c is None and _var(pat) is not None:
                raise SynthesisError("a variable pattern where another alternative has a constructor")
            if c is not None and c[0] not in groups:
                groups[c[0]] = []
                order.append(c[0])
        for row in rows:
            pat = row.pats.get(split)
            c = ctor_of(pat) if pat is not None else None
            if c is None:
                for tag in order:
                    groups[tag].append((row, []))
                continue
            tag, args = c
            groups[tag].append((row, args))
            arity[tag] = max(arity.get(tag, 0), len(args))
        induct = rec_col is not None
        word = "induction" if induct else "cases"
        gen = ""
        if induct and self.rec.generalized:
            gen = " generalizing " + " ".join(self.rec.generalized)
        self.emit(indent, f"{word} {split}{gen} with")
        was_active = self.rec.active
        if induct:
            self.rec.active = True
        for tag in order:
            fields: list[str] = []
            for i in range(arity[tag]):
                name = None
                for row, args in groups[tag]:
                    if i < len(args) and ctor_of(args[i]) is None:
                        name = _var(args[i])
                        if name:
                            break
                if name is None or name in scope or name in fields:
                    name = self.new_name()
                fields.append(name)
            names = list(fields)
            if induct and tag in RECURSIVE_FIELDS:
                names.append("ih")
            self.emit(indent, f"| {tag}" + "".join(" " + n for n in names) + " =>")
            sub_rows: list[Row] = []
            for row, args in groups[tag]:
                pats = {k: v for k, v in row.pats.items() if k != split}
                for i, f in enumerate(fields):
                    pats[f] = args[i] if i < len(args) else None
                sub_rows.append(Row(pats, row.rhs, dict(row.ren)))
            sub_cols = [c for c in cols if c != split] + fields
            self.tree(sub_rows, sub_cols, indent + "  ", (scope - {split}) | set(names), None)
        self.rec.active = was_active
        self.emit(indent, "all_goals contradiction")


def _arrow_params(ty: Any, count: int) -> list[Param]:
    """The first ``count`` binders of a theorem type (∀, dependent and plain arrows), in order."""
    out: list[Param] = []
    while len(out) < count:
        if isinstance(ty, ast.Forall):
            for b in ty.binders:
                for n in b.names or ("_",):
                    out.append(Param(n, b.kind.lower() == "explicit"))
            ty = ty.body
        elif isinstance(ty, ast.DepArrow):
            b = ty.binder
            for n in b.names or ("_",):
                out.append(Param(n, b.kind.lower() == "explicit"))
            ty = ty.body
        elif isinstance(ty, ast.Arrow):
            out.append(Param(None, True))
            ty = ty.codomain
        elif isinstance(ty, ast.BinOp) and ty.op in ("≠",):
            out.append(Param(None, True))
            break
        elif isinstance(ty, ast.UnOp) and ty.op == "¬":
            out.append(Param(None, True))
            break
        else:
            break
    return out[:count]


def _binder_params(binders: Sequence[Any]) -> list[Param]:
    out = []
    for b in binders:
        for n in b.names or ("_",):
            out.append(Param(n, b.kind.lower() == "explicit"))
    return out


def _rec_names(full: str) -> set[str]:
    parts = full.split(".")
    return {".".join(parts[i:]) for i in range(len(parts))}


def _recursive_calls(node: Any, names: set[str]) -> list[Any]:
    out = []
    for n in _walk(node):
        if isinstance(n, ast.App) and isinstance(n.fn, ast.Ident) and n.fn.name in names:
            out.append(n)
        elif isinstance(n, ast.Ident) and n.name in names:
            out.append(n)
    return out


def _choose_rec(rows: list[Row], cols: list[str], params: list[Param], names: set[str]) -> Optional[str]:
    """The column the recursive calls decrease: where a call's argument is a variable the row's
    pattern binds under a constructor; else the first constructor column of a calling row."""
    explicit = [p for p in params if p.explicit]
    fallback = None
    found = None
    for row in rows:
        calls = _recursive_calls(row.rhs, names)
        for call in calls:
            args = [a for a in call.args if not isinstance(a, ast.NamedArg)] if isinstance(call, ast.App) else []
            for p, a in zip(explicit, args):
                if p.name in cols and isinstance(a, ast.Ident):
                    pat = row.pats.get(p.name)
                    if pat is not None and ctor_of(pat) is not None and a.name in _pattern_vars(pat):
                        found = found or p.name
            if fallback is None:
                fallback = next((c for c in cols if row.pats.get(c) is not None and ctor_of(row.pats[c]) is not None), None)
    return found or fallback


def _generalized(rows: list[Row], rec_col: str, params: list[Param], cols: list[str], names: set[str]) -> list[str]:
    """Locals to generalize: every parameter after the induction column, and earlier columns a
    recursive call changes."""
    order = [p.name for p in params]
    at = order.index(rec_col)
    out = [p.name for p in params[at + 1:] if p.name]
    explicit = [p for p in params if p.explicit]
    for row in rows:
        for call in _recursive_calls(row.rhs, names):
            args = [a for a in call.args if not isinstance(a, ast.NamedArg)] if isinstance(call, ast.App) else []
            for p, a in zip(explicit, args):
                if p.name in cols and p.name != rec_col and order.index(p.name) < at:
                    pat = row.pats.get(p.name)
                    same = isinstance(a, ast.Ident) and (a.name == _var(pat) if pat is not None and ctor_of(pat) is None else False)
                    if not same and p.name not in out:
                        out.append(p.name)
    return [n for n in order if n in out]


def equations_script(full_name: str, binders: Sequence[Any], type_: Any, proof: Any, text: str,
                     base: tuple[int, int]) -> str:
    """The tactic script of an equations proof (``proof`` an ``ast.Equations``); raises ``SynthesisError``."""
    alts = list(proof.alts)
    if not alts:
        raise SynthesisError("no alternatives")
    k = len(alts[0].patterns)
    if any(len(a.patterns) != k for a in alts):
        raise SynthesisError("alternatives with different numbers of patterns")
    pre = _binder_params(binders)
    post = _arrow_params(type_, k)
    if len(post) < k:
        post += [Param(None, True)] * (k - len(post))
    syn = Synthesizer(Source(text, base), sorted(_rec_names(full_name)), [])
    cols: list[str] = []
    taken = {p.name for p in pre if p.name}
    for j in range(k):
        name = None
        for alt in alts:
            pat = alt.patterns[j]
            if ctor_of(pat) is None and _var(pat) is not None:
                name = _var(pat)
                break
        if name is None or name in taken or name in cols:
            name = syn.new_name()
        cols.append(name)
    params = pre + [Param(c, p.explicit) for c, p in zip(cols, post)]
    syn.rec.params = params
    syn.lines.append("intro " + " ".join(cols))
    rows = [Row(dict(zip(cols, alt.patterns)), alt.rhs) for alt in alts]
    scope = taken | set(cols)
    return _case_tree(syn, rows, cols, params, scope)


def _case_tree(syn: "Synthesizer", rows: list, cols: list, params: Sequence[Param], scope: set) -> str:
    """Emit the case tree of ``rows`` (``induction`` on the column the recursive calls decrease, if
    any) and return the whole script."""
    names = set(syn.rec.names)
    if any(_recursive_calls(r.rhs, names) for r in rows):
        rec_col = _choose_rec(rows, cols, params, names)
        if rec_col is None:
            raise SynthesisError("recursion on no column")
        syn.rec.generalized = _generalized(rows, rec_col, params, cols, names)
        syn.tree(rows, cols, "", scope, rec_col)
    else:
        syn.tree(rows, cols, "", scope, None)
    return "\n".join(syn.lines)


def match_script(full_name: str, binders: Sequence[Any], proof: Any, text: str, base: tuple[int, int]) -> str:
    """The tactic script of a term proof that is a ``match`` (on the theorem's parameters, or on a
    compound term: ``have`` first) or ``have …`` chain ending in one."""
    if not isinstance(proof, (ast.Match, ast.Have)):
        raise SynthesisError("not a match")
    if isinstance(proof, ast.Match) and any(d.name is not None for d in proof.discrs):
        raise SynthesisError("not a plain match")
    params = _binder_params(binders)
    syn = Synthesizer(Source(text, base), sorted(_rec_names(full_name)), params)
    scope = {p.name for p in params if p.name}
    if not _recursive_calls(proof, set(syn.rec.names)) and (
            not isinstance(proof, ast.Match) or any(d.name is not None or not isinstance(d.term, ast.Ident)
                                                    for d in proof.discrs)):
        if isinstance(proof, ast.Match) and any(d.name is not None for d in proof.discrs):
            raise SynthesisError("not a plain match")
        syn.emit_rhs(proof, {}, "", scope)  # `have …; match P a with …`: have, then the case tree
        return "\n".join(syn.lines)
    cols = []
    for d in proof.discrs:
        if not isinstance(d.term, ast.Ident) or d.term.name not in {p.name for p in params}:
            raise SynthesisError("match on a compound term")
        cols.append(d.term.name)
    rows = [Row(dict(zip(cols, alt.patterns)), alt.rhs) for alt in proof.alts]
    if any(len(alt.patterns) != len(cols) for alt in proof.alts):
        raise SynthesisError("match alternative with another number of patterns")
    return _case_tree(syn, rows, cols, params, scope)
