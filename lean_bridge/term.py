"""Typed, interned Lean terms read from Pantograph's ``printExprAST`` S-expressions; state keys.

Schema (Pantograph's ``serializeExpressionSexp``, PROTOCOLS.md 2.7, ``samples.json``)
-----------------------------------------------------------------------------------
=================================  ==========================  =========================================
S-expression                       ``Term.kind``               fields
=================================  ==========================  =========================================
``3`` (bare number)                ``bvar``                    ``index`` (de Bruijn index, 0 = innermost)
``(:fv _uniq.12)``                 ``fvar``                    ``name`` (free-variable id = a var's name)
``(:mv _uniq.20)``, ``(:mvd ..)``  ``mvar``                    ``name`` (metavariable id)
``(:c Nat.add)``                   ``const``                   ``name`` (universe levels are not printed)
``(:lit 3)``, ``(:lit "s")``       ``lit``                     ``value`` (``int`` or ``str``)
``(:sort L)``                      ``sort``                    ``level`` (see below)
``(f a b c)``                      ``app``                     ``fn``, ``arg`` (curried: ``((f a) b) c``)
``(:forall x T B [INFO])``         ``forall``                  ``name``, ``info``, ``type``, ``body``
``(:lambda x T B [INFO])``         ``lam``                     ``name``, ``info``, ``type``, ``body``
``(:let x T V B)``                 ``let``                     ``name``, ``type``, ``value``, ``body``
``(:proj S i e)``                  ``proj``                    ``name`` (structure), ``idx``, ``expr``
``_``                              ``placeholder``             (a parameter Pantograph omitted)
``(:subst (:mv m) a1 .. an)``      ``app``                     the delayed-assigned mvar applied to a1..an
=================================  ==========================  =========================================

* ``INFO`` is ``:implicit``, ``:strictImplicit`` or ``:instImplicit`` (absent = ``default``); the
  short forms ``:i``/``:si``/``:ii`` are read too. ``Term.info`` is one of ``BINDER_INFOS``.
* Binder names are kept (``_`` for Lean's unhygienic/inaccessible names) for printing back, but
  are irrelevant to ``goal_key``/``state_key`` and to graphs (``Term.anon`` erases them).
* A structure projection ``Expr.proj S i e`` is printed by Pantograph as the projection function
  applied to ``_`` for each parameter, then ``e``: ``((:c And.right) _ _ 0)`` -- an ``app`` chain
  with ``placeholder`` arguments. ``(:proj S i e)`` is read for other printers.
* Levels: ``0``/``k`` (``int``), ``u`` (``str``, a parameter), ``("+", L, k)`` (``L + k``),
  ``(":max", L1, L2)``, ``(":imax", L1, L2)``, ``(":mv", id)`` (a level metavariable).
* ``(:mvd ID)`` (a delayed-assigned mvar) reads as ``mvar``.

Interning: every ``Term`` is built through one global weak-value table keyed by its structure
(kind, name, data, children), so structurally equal terms are the same object: ``==`` is
identity and ``hash`` is O(1). Terms are immutable and pickle by structure (re-interned on load).
"""

from __future__ import annotations

import functools
import json
import re
import sys
import weakref
from typing import TYPE_CHECKING, Any, Hashable, Iterator, Optional, Sequence, Union

if TYPE_CHECKING:  # pragma: no cover
    from lean_bridge.types import Goal, ProofState

KINDS = ("bvar", "fvar", "mvar", "const", "lit", "sort", "app", "forall", "lam", "let", "proj", "placeholder")
BINDER_INFOS = ("default", "implicit", "strictImplicit", "instImplicit")
BINDER_KINDS = frozenset({"forall", "lam", "let"})

Level = Union[int, str, tuple]

# Terms nest as deep as Lean's (a 1000-element list literal is 1000 applications deep) and the
# walkers here and in ``prover.graph`` recurse; pure-Python frames do not use the C stack (3.11+).
RECURSION_LIMIT = 50_000
if sys.getrecursionlimit() < RECURSION_LIMIT:
    sys.setrecursionlimit(RECURSION_LIMIT)

_F_FVAR = 1  # flags: the term contains a free variable
_F_MVAR = 2  # ... a metavariable


class TermParseError(ValueError):
    """The text is not a ``printExprAST`` S-expression of the schema above."""


class _TermSlots:
    """The storage layout shared by ``Term`` and its construction-time twin ``_NewTerm``."""

    __slots__ = ("kind", "name", "data", "children", "mask", "flags", "_anon", "_shape", "__weakref__")


class Term(_TermSlots):
    """One interned Lean expression (see the module docstring for kinds and fields)."""

    __slots__ = ()

    kind: str
    name: Optional[str]  # const/fvar/mvar name, binder name, proj structure name
    data: Any  # bvar index, lit value, sort level, binder info, proj index
    children: tuple["Term", ...]
    mask: int  # bit i set <=> bound variable i is loose in this term
    flags: int  # _F_FVAR | _F_MVAR

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("Term is immutable")

    def __delattr__(self, key: str) -> None:
        raise AttributeError("Term is immutable")

    def __reduce__(self) -> tuple:
        return (_intern, (self.kind, self.name, self.data, self.children))

    def __copy__(self) -> "Term":
        return self

    def __deepcopy__(self, memo: dict) -> "Term":
        return self

    def __repr__(self) -> str:
        text = self.to_sexp()
        return f"Term({text if len(text) <= 200 else text[:197] + '...'})"

    # ---------------------------------------------------------------- named fields

    @property
    def index(self) -> int:
        """De Bruijn index of a ``bvar``."""
        return self.data

    @property
    def fn(self) -> "Term":
        """Function of an ``app``."""
        return self.children[0]

    @property
    def arg(self) -> "Term":
        """Argument of an ``app``."""
        return self.children[1]

    @property
    def type(self) -> "Term":
        """Binder type of a ``forall``/``lam``/``let``."""
        return self.children[0]

    @property
    def body(self) -> "Term":
        """Body of a ``forall``/``lam``/``let`` (under one more binder)."""
        return self.children[-1]

    @property
    def value(self) -> Any:
        """Value of a ``let`` (a Term) or of a ``lit`` (``int``/``str``)."""
        return self.children[1] if self.kind == "let" else self.data

    @property
    def info(self) -> str:
        """Binder info of a ``forall``/``lam`` (one of ``BINDER_INFOS``)."""
        return self.data

    @property
    def level(self) -> Level:
        """Universe level of a ``sort``."""
        return self.data

    @property
    def idx(self) -> int:
        """Field index of a ``proj``."""
        return self.data

    @property
    def expr(self) -> "Term":
        """Structure value of a ``proj``."""
        return self.children[0]

    @property
    def loose_bvar_range(self) -> int:
        """1 + the largest loose de Bruijn index (0 when the term has no loose bound variable)."""
        return self.mask.bit_length()

    @property
    def has_fvar(self) -> bool:
        """True when a free variable occurs."""
        return bool(self.flags & _F_FVAR)

    @property
    def has_mvar(self) -> bool:
        """True when a metavariable occurs."""
        return bool(self.flags & _F_MVAR)

    @property
    def is_binder(self) -> bool:
        """True for ``forall``/``lam``/``let``."""
        return self.kind in BINDER_KINDS

    # ---------------------------------------------------------------- derived forms

    @property
    def anon(self) -> "Term":
        """This term with every binder name erased to ``_`` (alpha-equivalent terms give the same object)."""
        a = self._anon
        return a if a is not None else _anonymize(self)

    @property
    def shape(self) -> "Term":
        """``anon`` with the loose bound variables renumbered 0, 1, .. by increasing index.

        Two occurrences of a subterm denote the same expression exactly when their shapes are
        equal and their loose variables point at the same binders (how ``prover.graph`` shares).
        """
        s = self._shape
        if s is None:
            m = self.mask
            s = self.anon if m & (m + 1) == 0 else _compress(self.anon, m)
            object.__setattr__(self, "_shape", s)
        return s

    def app_fn_args(self) -> tuple["Term", list["Term"]]:
        """Head and arguments of an application spine (``(f a b)`` -> ``(f, [a, b])``)."""
        args: list[Term] = []
        t = self
        while t.kind == "app":
            args.append(t.children[1])
            t = t.children[0]
        args.reverse()
        return t, args

    def subterms(self) -> Iterator["Term"]:
        """Every subterm occurrence in pre-order (self first)."""
        stack = [self]
        while stack:
            t = stack.pop()
            yield t
            stack.extend(reversed(t.children))

    def constants(self) -> set[str]:
        """Names of the constants occurring in this term."""
        return {t.name for t in self.subterms() if t.kind == "const"}  # type: ignore[misc]

    def to_sexp(self) -> str:
        """This term in Pantograph's ``printExprAST`` syntax (``parse_term`` inverts it)."""
        out: list[str] = []
        _print(self, out)
        return "".join(out)


class _NewTerm(_TermSlots):
    """Fills the slots with plain assignments, then becomes a ``Term`` (5x cheaper than ``object.__setattr__``)."""

    __slots__ = ()

    def __init__(self, kind: str, name: Optional[str], data: Any, children: tuple, mask: int, flags: int) -> None:
        self.kind = kind
        self.name = name
        self.data = data
        self.children = children
        self.mask = mask
        self.flags = flags
        self._anon = None
        self._shape = None
        self.__class__ = Term  # type: ignore[assignment]


# ------------------------------------------------------------------------- interning

_TABLE: "weakref.WeakValueDictionary[tuple, Term]" = weakref.WeakValueDictionary()
_TABLE_DATA = _TABLE.data  # the underlying dict of KeyedRefs, read directly on the hot path
_set = object.__setattr__


def _intern(kind: str, name: Optional[str], data: Any, children: tuple) -> Term:
    """The unique Term with this structure (built and registered on first request)."""
    key = (kind, name, data, children)
    ref = _TABLE_DATA.get(key)
    if ref is not None:
        t = ref()
        if t is not None:
            return t
    if kind == "bvar":
        mask, flags = 1 << data, 0
    elif not children:
        mask, flags = 0, (_F_FVAR if kind == "fvar" else _F_MVAR if kind == "mvar" else 0)
    elif kind in BINDER_KINDS:
        mask, flags = children[-1].mask >> 1, children[-1].flags
        for c in children[:-1]:
            mask |= c.mask
            flags |= c.flags
    else:
        mask, flags = 0, 0
        for c in children:
            mask |= c.mask
            flags |= c.flags
    t: Term = _NewTerm(kind, name, data, children, mask, flags)  # type: ignore[assignment]
    _TABLE[key] = t
    return t


def interned_count() -> int:
    """Number of live interned terms (for benchmarks and leak checks)."""
    return len(_TABLE)


_BVARS: list[Term] = []  # strong caches of the commonest leaves (bounded: indices, constant names)
_CONSTS: dict[str, Term] = {}


def mk_bvar(index: int) -> Term:
    """Bound variable with de Bruijn index ``index``."""
    if 0 <= index < len(_BVARS):
        return _BVARS[index]
    return _intern("bvar", None, int(index), ())


def mk_fvar(fvar_id: str) -> Term:
    """Free variable ``(:fv fvar_id)``."""
    return _intern("fvar", fvar_id, None, ())


def mk_mvar(mvar_id: str) -> Term:
    """Metavariable ``(:mv mvar_id)``."""
    return _intern("mvar", mvar_id, None, ())


def mk_const(name: str) -> Term:
    """Constant ``(:c name)``."""
    t = _CONSTS.get(name)
    if t is None:
        t = _intern("const", name, None, ())
        if len(_CONSTS) < 1 << 20:
            _CONSTS[name] = t
    return t


def mk_lit(value: Union[int, str]) -> Term:
    """Nat or string literal."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"literal must be int or str, got {type(value).__name__}")
    return _intern("lit", None, value, ())


def mk_sort(level: Level) -> Term:
    """``Sort level`` (``mk_sort(0)`` is ``Prop``, ``mk_sort(1)`` is ``Type``)."""
    return _intern("sort", None, level, ())


def mk_app(fn: Term, arg: Term) -> Term:
    """Application ``fn arg``."""
    return _intern("app", None, None, (fn, arg))


def mk_apps(fn: Term, args: Sequence[Term]) -> Term:
    """Curried application ``fn a1 .. an``."""
    for a in args:
        fn = _intern("app", None, None, (fn, a))
    return fn


def _check_info(info: str) -> str:
    if info not in BINDER_INFOS:
        raise ValueError(f"binder info must be one of {BINDER_INFOS}, got {info!r}")
    return info


def mk_forall(name: str, type_: Term, body: Term, info: str = "default") -> Term:
    """``∀ (name : type_), body`` (``body`` refers to the binder as ``bvar 0``)."""
    return _intern("forall", name, _check_info(info), (type_, body))


def mk_lam(name: str, type_: Term, body: Term, info: str = "default") -> Term:
    """``fun (name : type_) => body``."""
    return _intern("lam", name, _check_info(info), (type_, body))


def mk_let(name: str, type_: Term, value: Term, body: Term) -> Term:
    """``let name : type_ := value; body``."""
    return _intern("let", name, None, (type_, value, body))


def mk_proj(struct: str, idx: int, expr: Term) -> Term:
    """Raw projection ``expr.idx`` of structure ``struct``."""
    return _intern("proj", struct, int(idx), (expr,))


PLACEHOLDER: Term = _intern("placeholder", None, None, ())
_BVARS.extend(_intern("bvar", None, i, ()) for i in range(256))


# ------------------------------------------------------------------------- derived forms


def _anonymize(t: Term) -> Term:
    """Compute and cache ``t.anon``."""
    a = t._anon
    if a is not None:
        return a
    ch = t.children
    if not ch:
        a = t
    else:
        new_ch = tuple(c._anon or _anonymize(c) for c in ch)
        name = "_" if t.kind in BINDER_KINDS else t.name
        a = t if (name == t.name and new_ch == ch) else _intern(t.kind, name, t.data, new_ch)
    _set(t, "_anon", a)
    if a is not t and a._anon is None:
        _set(a, "_anon", a)
    return a


def _compress(t: Term, mask: int) -> Term:
    """Renumber the loose bound variables of ``t`` (set ``mask``) to 0, 1, .. by increasing index."""
    ranks: dict[int, int] = {}
    i, r = 0, 0
    while mask >> i:
        if (mask >> i) & 1:
            ranks[i] = r
            r += 1
        i += 1
    memo: dict[tuple[int, int], Term] = {}

    def go(x: Term, depth: int) -> Term:
        if not x.mask >> depth:
            return x
        key = (id(x), depth)
        hit = memo.get(key)
        if hit is not None:
            return hit
        if x.kind == "bvar":
            out = mk_bvar(depth + ranks[x.data - depth])
        elif x.kind in BINDER_KINDS:
            ch = x.children
            out = _intern(x.kind, x.name, x.data,
                          tuple(go(c, depth) for c in ch[:-1]) + (go(ch[-1], depth + 1),))
        else:
            out = _intern(x.kind, x.name, x.data, tuple(go(c, depth) for c in x.children))
        memo[key] = out
        return out

    return go(t, 0)


def replace_free(t: Term, fvars: dict[str, Term], mvars: Optional[dict[str, Term]] = None) -> Term:
    """``t`` with each ``fvar``/``mvar`` whose id is a key of ``fvars``/``mvars`` replaced by its value."""
    mvars = mvars or {}
    memo: dict[int, Term] = {}

    def go(x: Term) -> Term:
        if not x.flags:
            return x
        hit = memo.get(id(x))
        if hit is not None:
            return hit
        if x.kind == "fvar":
            out = fvars.get(x.name, x)  # type: ignore[arg-type]
        elif x.kind == "mvar":
            out = mvars.get(x.name, x)  # type: ignore[arg-type]
        else:
            out = _intern(x.kind, x.name, x.data, tuple(go(c) for c in x.children))
        memo[id(x)] = out
        return out

    return go(t)


# ------------------------------------------------------------------------- reading

_TOKEN = re.compile(r'\(|\)|"(?:[^"\\]|\\.)*"|(?:«[^»]*»|[^\s()"«])+')
_INFO = {":implicit": "implicit", ":strictImplicit": "strictImplicit", ":instImplicit": "instImplicit",
         ":i": "implicit", ":si": "strictImplicit", ":ii": "instImplicit"}


class _Str(str):
    """A string-literal token (kept apart from symbols while reading)."""


def _atom(tok: str) -> Any:
    if tok[0] == '"':
        try:
            return _Str(json.loads(tok))
        except json.JSONDecodeError:
            return _Str(tok[1:-1])
    if tok.isdigit():
        return int(tok)
    return tok


def _as_term(x: Any) -> Term:
    """A term-position item: a Term, a de Bruijn index, or ``_``."""
    if type(x) is Term:
        return x
    if type(x) is int:
        return mk_bvar(x)
    if x == "_":
        return PLACEHOLDER
    raise TermParseError(f"expected a term, got {x!r}")


def _as_name(x: Any) -> str:
    if isinstance(x, str):
        return str(x)
    if isinstance(x, int):
        return str(x)
    raise TermParseError(f"expected a name, got {x!r}")


def _as_level(x: Any) -> Level:
    if type(x) is int:
        return x
    if type(x) is Term:
        if x.kind == "mvar":
            return (":mv", x.name)
        raise TermParseError(f"expected a universe level, got {x!r}")
    if isinstance(x, tuple):
        return x
    if isinstance(x, str) and not isinstance(x, _Str):
        return str(x)
    raise TermParseError(f"expected a universe level, got {x!r}")


def _binder(kind: str, items: list) -> Term:
    n = len(items)
    if n not in (4, 5):
        raise TermParseError(f"({items[0]} ...) needs a name, a type and a body")
    info = "default"
    if n == 5:
        info = _INFO.get(items[4])  # type: ignore[assignment]
        if info is None:
            raise TermParseError(f"unknown binder info {items[4]!r}")
    return _intern(kind, _as_name(items[1]), info, (_as_term(items[2]), _as_term(items[3])))


def _group(items: list) -> Any:
    """Build the value of one parenthesised group."""
    if not items:
        raise TermParseError("empty list ()")
    head = items[0]
    th = type(head)
    if th is Term or th is int:  # application spine, the commonest form
        if len(items) < 2:
            raise TermParseError(f"application without arguments: ({head!r})")
        fn = head if th is Term else mk_bvar(head)
        for a in items[1:]:
            fn = _intern("app", None, None, (fn, a if type(a) is Term else _as_term(a)))
        return fn
    if th is str:
        if head == ":c" and len(items) == 2:
            name = items[1]
            t = _CONSTS.get(name) if type(name) is str else None
            return t if t is not None else mk_const(_as_name(name))
        if head == ":forall":
            return _binder("forall", items)
        if head == ":lambda":
            return _binder("lam", items)
        if (head == ":fv") and len(items) == 2:
            return mk_fvar(_as_name(items[1]))
        if head in (":mv", ":mvd") and len(items) == 2:
            return mk_mvar(_as_name(items[1]))
        if head == ":sort" and len(items) == 2:
            return mk_sort(_as_level(items[1]))
        if head == ":lit" and len(items) == 2:
            v = items[1]
            if isinstance(v, _Str):
                return mk_lit(str(v))
            if type(v) is int:
                return mk_lit(v)
            raise TermParseError(f"bad literal {v!r}")
        if head == ":let" and len(items) == 5:
            return mk_let(_as_name(items[1]), _as_term(items[2]), _as_term(items[3]), _as_term(items[4]))
        if head == ":proj" and len(items) == 4 and type(items[2]) is int:
            return mk_proj(_as_name(items[1]), items[2], _as_term(items[3]))
        if head == ":subst" and len(items) >= 2:
            return mk_apps(_as_term(items[1]), [_as_term(x) for x in items[2:]])
        if head == "+" and len(items) == 3 and type(items[2]) is int:
            return ("+", _as_level(items[1]), items[2])
        if head in (":max", ":imax") and len(items) == 3:
            return (head, _as_level(items[1]), _as_level(items[2]))
        if head[:1] == ":" or head != "_":
            raise TermParseError(f"unknown form ({head} ...) with {len(items) - 1} items")
    if len(items) < 2:
        raise TermParseError(f"application without arguments: ({head!r})")
    fn = _as_term(head)
    for a in items[1:]:
        fn = _intern("app", None, None, (fn, _as_term(a)))
    return fn


@functools.lru_cache(maxsize=1 << 16)
def parse_term(sexp_text: str) -> Term:
    """Read one ``printExprAST`` S-expression into a ``Term`` (raises ``TermParseError``)."""
    tokens = _TOKEN.findall(sexp_text)
    if not tokens:
        raise TermParseError("empty S-expression")
    stack: list[list] = []
    result: Any = None
    done = False
    for tok in tokens:
        if done:
            raise TermParseError(f"trailing text after the expression: {tok!r}")
        c = tok[0]
        if c == "(":
            stack.append([])
            continue
        if c == ")":
            if not stack:
                raise TermParseError("unbalanced ')'")
            item = _group(stack.pop())
        elif c == '"':
            item = _atom(tok)
        elif tok.isdigit():
            item = int(tok)
        else:
            item = tok
        if stack:
            stack[-1].append(item)
        else:
            result, done = item, True
    if stack:
        raise TermParseError("unexpected end of S-expression (unclosed '(')")
    return _as_term(result)


# ------------------------------------------------------------------------- printing

_INFO_SUFFIX = {"default": "", "implicit": " :implicit", "strictImplicit": " :strictImplicit",
                "instImplicit": " :instImplicit"}


def _level_text(level: Level) -> str:
    if isinstance(level, tuple):
        return "(" + " ".join(_level_text(x) if isinstance(x, tuple) else str(x) for x in level) + ")"
    return str(level)


def _name_text(name: str) -> str:
    return json.dumps(name, ensure_ascii=False) if "«" in name else name


def _print(t: Term, out: list[str]) -> None:
    k = t.kind
    if k == "bvar":
        out.append(str(t.data))
    elif k == "app":
        head, args = t.app_fn_args()
        out.append("(")
        _print(head, out)
        for a in args:
            out.append(" ")
            _print(a, out)
        out.append(")")
    elif k == "const":
        out.append(f"(:c {t.name})")
    elif k == "fvar":
        out.append(f"(:fv {t.name})")
    elif k == "mvar":
        out.append(f"(:mv {t.name})")
    elif k == "sort":
        out.append(f"(:sort {_level_text(t.data)})")
    elif k == "lit":
        out.append(f"(:lit {json.dumps(t.data, ensure_ascii=False) if isinstance(t.data, str) else t.data})")
    elif k in ("forall", "lam"):
        out.append(f"(:{'forall' if k == 'forall' else 'lambda'} {_name_text(t.name)} ")  # type: ignore[arg-type]
        _print(t.children[0], out)
        out.append(" ")
        _print(t.children[1], out)
        out.append(_INFO_SUFFIX[t.data] + ")")
    elif k == "let":
        out.append(f"(:let {_name_text(t.name)} ")  # type: ignore[arg-type]
        for i, c in enumerate(t.children):
            if i:
                out.append(" ")
            _print(c, out)
        out.append(")")
    elif k == "proj":
        out.append(f"(:proj {t.name} {t.data} ")
        _print(t.children[0], out)
        out.append(")")
    else:
        out.append("_")


# ------------------------------------------------------------------------- state keys


def _goal_terms(goal: "Goal") -> Optional[list[Optional[Term]]]:
    """Hypothesis types/values and target as Terms (None when some S-expression is missing)."""
    terms: list[Optional[Term]] = []
    for h in goal.hypotheses:
        t = h.type.typed
        if t is None or h.fvar_id is None:
            return None
        terms.append(t)
        terms.append(h.value.typed if h.value is not None else None)
    target = goal.target.typed
    if target is None:
        return None
    terms.append(target)
    return terms


def _collect_mvars(t: Term, mvars: dict[str, Term]) -> None:
    """Number the metavariables of ``t`` in pre-order of first occurrence (into ``mvars``)."""
    if not t.flags & _F_MVAR:
        return
    for x in t.subterms():
        if x.kind == "mvar" and x.name not in mvars:
            mvars[x.name] = mk_mvar(f"?{len(mvars)}")  # type: ignore[index]


def _canonical_goal(goal: "Goal", mvars: dict[str, Term], levels: Optional[dict[str, str]] = None) -> Hashable:
    """The key of one goal, metavariables renamed through ``mvars`` and universe level metavariables
    through ``levels`` (both extended in place)."""
    terms = _goal_terms(goal)
    if terms is None:  # no S-expressions (REPL): exact pretty text, names kept (never over-merges)
        return ("pp", tuple((h.name, h.type.pp, h.value.pp if h.value else None) for h in goal.hypotheses),
                goal.target.pp)
    for t in terms:
        if t is not None:
            _collect_mvars(t, mvars)
    fvars = {h.fvar_id: mk_fvar(f"#{i}") for i, h in enumerate(goal.hypotheses)}
    out = tuple(None if t is None else replace_free(t, fvars, mvars).anon  # type: ignore[arg-type]
                for t in terms)
    if any(_LEVEL_MVAR.search(h.type.sexp_text or "") for h in goal.hypotheses) \
            or _LEVEL_MVAR.search(goal.target.sexp_text or ""):
        levels = {} if levels is None else levels
        out = tuple(None if t is None else _rename_level_mvars(t, levels) for t in out)
    return out


# a universe level metavariable inside a sort (`Sort ?u`, `Type ?u` …): its id depends on the session
_LEVEL_MVAR = re.compile(r"\(:sort [^)]*\(:mv ")


def _rename_level_mvars(t: Term, levels: dict[str, str]) -> Term:
    """``t`` with the universe level metavariables of its sorts numbered ``?u0, ?u1, ..`` by first
    occurrence (through ``levels``, shared by a whole state), so keys are equal up to their renaming."""
    memo: dict[int, Term] = {}

    def level(x: Any) -> Any:
        if isinstance(x, tuple):
            if len(x) == 2 and x[0] == ":mv":
                name = levels.setdefault(str(x[1]), f"?u{len(levels)}")
                return (":mv", name)
            return tuple(level(y) for y in x)
        return x

    def go(x: Term) -> Term:
        hit = memo.get(id(x))
        if hit is not None:
            return hit
        if x.kind == "sort":
            out = mk_sort(level(x.data))
        elif not x.children:
            out = x
        else:
            out = _intern(x.kind, x.name, x.data, tuple(go(c) for c in x.children))
        memo[id(x)] = out
        return out

    return go(t)


def canonical(term: Term, goal: "Goal") -> Term:
    """``term`` (read in ``goal``'s context) as ``goal_key`` sees it: fvars ``#i`` by hypothesis
    position, binder names erased -- so subterms of different but renamed states compare with ``is``."""
    fvars = {h.fvar_id: mk_fvar(f"#{i}") for i, h in enumerate(goal.hypotheses) if h.fvar_id is not None}
    return replace_free(term, fvars).anon


def goal_key(goal: "Goal") -> Hashable:
    """A key equal for two goals exactly when they are equal up to renaming.

    Hypotheses are identified by position (names dropped), their free variables renumbered
    ``#0, #1, ..`` in hypothesis order, metavariables ``?0, ?1, ..`` by first occurrence, binder
    names ignored (alpha-equivalence), the ``case`` tag dropped. Goals without S-expressions
    (the REPL) fall back to their exact pretty text (names kept, so never over-merged).
    """
    return _canonical_goal(goal, {})


def state_key(state: Union["ProofState", Sequence["Goal"]]) -> Hashable:
    """A key equal for two proof states exactly when their goal lists are equal up to renaming.

    Goal order is kept; metavariables are renumbered across the whole state (each goal's own
    id first, then occurrences), so cross-goal references are preserved.
    """
    goals = state.goals if hasattr(state, "goals") else state  # type: ignore[union-attr]
    mvars: dict[str, Term] = {}
    levels: dict[str, str] = {}
    keys = []
    for g in goals:
        if g.mvar_id is not None and g.mvar_id not in mvars:
            mvars[g.mvar_id] = mk_mvar(f"?{len(mvars)}")
        keys.append((mvars[g.mvar_id].name if g.mvar_id is not None else None, _canonical_goal(g, mvars, levels)))
    return tuple(keys)
