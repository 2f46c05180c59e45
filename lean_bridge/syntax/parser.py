"""Recursive-descent / Pratt parser for the Lean 4 surface-syntax fragment.

Terms are parsed by precedence climbing with Lean's precedences (checked
against Lean's ``Prelude``/``Init/Core.lean``/``Notation.lean``):

==============================  ===========  =============
notation                        precedence   associativity
==============================  ===========  =============
``<|`` ``$``                    10 (min)     right
``|>``                          10 (min)     left
``↔`` ``<->``                   20           none
``→`` ``->``                    25           right
``∨`` ``\\/`` ``||``            30           right / left
``∧`` ``/\\`` ``×`` ``&&``      35           right / right / left
``=`` ``≠`` ``==`` ``<`` ...    50           none (``∈ ∉ ∣ ⊆`` too)
``+`` ``-`` ``++`` ``∪``        65           left
``::``                          67           right
``*`` ``/`` ``%`` ``∩``         70           left
``•``                           73           right
``^`` ``▸``                     75           right
``∘``                           90           right
``¬p``                          max, p:40
``-x``                          75, x:75
``↑x`` ``!b``                   max
application ``f a b``           leadPrec, arguments at max
==============================  ===========  =============

Layout follows Lean's ``withPosition``/``checkColGt``: the parser keeps the
column of the innermost saved position (a command's start, the first tactic
of a tactic sequence, a ``have``, a ``calc`` step); application arguments
and the first tactic of a nested ``by`` block must start at a greater
column, or on the same line.  Brackets reset the saved position.

Tactic sequences follow ``sepByIndent``: tactics start at the column of the
first one and are separated by ``;`` or by a line break.
"""

from __future__ import annotations

import dataclasses

from typing import Callable, Optional, Union

from . import ast
from .errors import ParseError
from .tokens import (
    CHAR, DOT_IDENT, EOF, ERROR, FIELD, FIELD_IDX, IDENT, KEYWORD, NUM, STR, SYMBOL,
    Token, tokenize,
)

MAX_PREC = 1024
ARG_PREC = 1023
LEAD_PREC = 1022

#: token -> (precedence, minimal lhs precedence, rhs precedence, normalised op)
BINARY_OPS: dict[str, tuple[int, int, int, str]] = {}


def _declare(kind: str, prec: int, *tokens: str) -> None:
    """Register infix tokens like Lean's ``infixl``/``infixr``/``infix`` commands."""
    lhs, rhs = {"l": (prec, prec + 1), "r": (prec + 1, prec), "n": (prec + 1, prec + 1)}[kind]
    for tok in tokens:
        BINARY_OPS[tok] = (prec, lhs, rhs, tokens[0])


_declare("r", 25, "→", "->")
_declare("n", 20, "↔", "<->")
_declare("l", 20, "<|>")
_declare("r", 30, "∨", "\\/")
_declare("l", 30, "||")
_declare("r", 35, "∧", "/\\")
_declare("r", 35, "×")
_declare("l", 35, "&&")
for _op in ("=", "==", "≠", "<", ">", "≤", "≥", "∈", "∉", "∣", "⊆", "≈"):
    _declare("n", 50, _op)
_declare("n", 50, "≤", "<=")
_declare("n", 50, "≥", ">=")
_declare("n", 50, "!=")
_declare("n", 50, "≍")  # Lean's notation for HEq
_declare("l", 55, ">>=")
_declare("l", 65, "+")
_declare("l", 65, "-")
_declare("l", 65, "++")
_declare("l", 65, "∪")
_declare("r", 67, "::")
_declare("l", 70, "*")
_declare("l", 70, "/")
_declare("l", 70, "%")
_declare("l", 70, "∩")
_declare("n", 70, "\\")
_declare("r", 73, "•")
_declare("r", 75, "^")
_declare("r", 75, "▸")
_declare("r", 90, "∘")
_declare("r", 100, "<$>")
BINARY_OPS["<|"] = (10, 0, 10, "<|")
BINARY_OPS["$"] = (10, 0, 10, "<|")
BINARY_OPS["|>"] = (10, 0, 11, "|>")

_OPEN_TO_CLOSE = {"(": ")", "{": "}", "⦃": "⦄", "[": "]"}
_BINDER_KIND = {"(": ast.EXPLICIT, "{": ast.IMPLICIT, "⦃": ast.STRICT_IMPLICIT, "[": ast.INST_IMPLICIT}

_ARG_START_SYMBOLS = frozenset({"(", "⟨", "[", "{", "_", "?", "@", "¬", "↑", "!", "·", ".", "⋯", "λ", "‹"})
_ARG_START_KEYWORDS = frozenset({"fun", "Type", "Sort", "Prop", "sorry", "nofun"})
_TACTIC_START_KEYWORDS = frozenset({"have", "show", "let", "calc", "suffices", "sorry", "match", "nofun", "nomatch"})

COMMAND_KEYWORDS = frozenset(
    """
    theorem lemma def abbrev example axiom inductive structure class instance opaque
    universe variable namespace section end open set_option import attribute
    include omit export
    private protected noncomputable partial unsafe
    #check #eval #print #reduce #exit #synth #check_failure
    notation infix infixl infixr prefix postfix macro macro_rules syntax elab elab_rules
    scoped local mutual deriving
    """.split()
)
_UNSUPPORTED_COMMANDS = frozenset(
    """
    notation infix infixl infixr prefix postfix macro macro_rules syntax elab elab_rules
    scoped local mutual deriving #exit #synth #check_failure
    """.split()
)
_BINDER_PREDS = frozenset({">", "≥", ">=", "<", "≤", "<=", "≠", "∈", "∉", "⊆"})
_MODIFIER_KEYWORDS = frozenset({"private", "protected", "noncomputable", "partial", "unsafe"})

TermOrNamed = Union[ast.Term, ast.NamedArg]


class Parser:
    """Parser over one token list; create one per input text."""

    def __init__(self, text: str, filename: str = "<input>") -> None:
        self.text = text
        self.filename = filename
        self.toks = tokenize(text)
        self.i = 0
        self.col_limit = -1  # column of the saved position for colGt; -1 = none
        self._tactics = self._tactic_table()
        self._leading_table = self._leading_symbols()
        self._cdots = 0  # `·` terms parsed so far (a parenthesis expands its own into `fun`)
        self._leading_prec = 0  # the precedence the current leading term is parsed at

    # ------------------------------------------------------------------ token helpers

    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def peek(self, k: int = 1) -> Token:
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def advance(self) -> Token:
        t = self.toks[self.i]
        if t.kind != EOF:
            self.i += 1
        return t

    def at(self, *texts: str) -> bool:
        t = self.toks[self.i]
        return t.kind in (SYMBOL, KEYWORD) and t.text in texts

    def accept(self, *texts: str) -> Optional[Token]:
        return self.advance() if self.at(*texts) else None

    def expect(self, text: str, *alternatives: str) -> Token:
        if self.at(text, *alternatives):
            return self.advance()
        return self.fail(" or ".join(f"'{t}'" for t in (text, *alternatives)))

    def at_simple_ident(self) -> bool:
        """An identifier usable as a local name (or `_`)."""
        t = self.tok
        return t.kind == IDENT or (t.kind == SYMBOL and t.text == "_")

    def ident_name(self) -> str:
        if self.tok.kind != IDENT:
            self.fail("identifier")
        return str(self.advance().value)

    def binder_name(self) -> str:
        if self.at("_"):
            self.advance()
            return "_"
        return self.ident_name()

    def col_ok(self, t: Token) -> bool:
        """Lean's ``checkColGt`` against the saved position."""
        return self.col_limit < 0 or t.col > self.col_limit

    def last_end(self) -> tuple[int, int]:
        return self.toks[self.i - 1].end_pos if self.i > 0 else (1, 0)

    def source_from(self, start: Token) -> str:
        end = self.toks[self.i - 1].end if self.i > 0 else 0
        return self.text[start.start:max(end, start.start)]

    # ------------------------------------------------------------------ errors

    def error(self, message: str, t: Optional[Token] = None) -> ParseError:
        t = t or self.tok
        return ParseError(message, t.line, t.col, self.filename)

    def unexpected_message(self, t: Token) -> str:
        if t.kind == EOF:
            return "unexpected end of input"
        if t.kind == ERROR:
            return str(t.value)
        if t.kind == IDENT:
            return "unexpected identifier"
        return f"unexpected token '{t.text}'"

    def fail(self, expected: Optional[str] = None, t: Optional[Token] = None):
        t = t or self.tok
        message = self.unexpected_message(t)
        if expected and t.kind != ERROR:
            message += f"; expected {expected}"
        raise self.error(message, t)

    # ------------------------------------------------------------------ layout helpers

    def with_limit(self, col: int, parse: Callable[[], object]):
        """Run ``parse`` with the saved position at column ``col`` (-1: no position)."""
        saved = self.col_limit
        self.col_limit = col
        try:
            return parse()
        finally:
            self.col_limit = saved

    # ================================================================== levels

    def at_level_arg(self) -> bool:
        t = self.tok
        if not t.ws_before or not self.col_ok(t):
            return False
        return t.kind in (IDENT, NUM) or (t.kind == SYMBOL and t.text in ("_", "("))

    def level_arg(self) -> ast.Level:
        t = self.tok
        if t.kind == NUM:
            self.advance()
            return ast.LevelNum(t.pos, t.end_pos, int(t.value))
        if t.kind == IDENT:
            self.advance()
            return ast.LevelName(t.pos, t.end_pos, str(t.value))
        if self.accept("_"):
            return ast.LevelHole(t.pos, t.end_pos)
        if self.accept("("):
            level = self.with_limit(-1, self.level)
            self.expect(")")
            return level
        return self.fail("universe level")

    def level(self) -> ast.Level:
        t = self.tok
        if t.kind == IDENT and t.value in ("max", "imax"):
            self.advance()
            args = [self.level_arg()]
            while self.tok.kind in (IDENT, NUM) or self.at("_", "("):
                args.append(self.level_arg())
            cls = ast.LevelMax if t.value == "max" else ast.LevelIMax
            return cls(t.pos, self.last_end(), tuple(args))
        level = self.level_arg()
        while self.at("+") and self.peek().kind == NUM:
            self.advance()
            n = self.advance()
            level = ast.LevelAdd(t.pos, n.end_pos, level, int(n.value))
        return level

    def explicit_universes(self) -> Optional[tuple[ast.Level, ...]]:
        if not (self.at(".{") and not self.tok.ws_before):
            return None
        self.advance()

        def levels() -> tuple[ast.Level, ...]:
            out = [self.level()]
            while self.accept(","):
                out.append(self.level())
            return tuple(out)

        result = self.with_limit(-1, levels)
        self.expect("}")
        return result

    def universe_params(self) -> tuple[str, ...]:
        if not (self.at(".{") and not self.tok.ws_before):
            return ()
        self.advance()
        names = [self.ident_name()]
        while self.accept(","):
            names.append(self.ident_name())
        self.expect("}")
        return tuple(names)

    # ================================================================== binders

    def bracketed_binder(self) -> ast.Binder:
        """`(x y : α)`, `(x : α := d)`, `{x}`, `⦃x : α⦄`, `[inst : C α]`, `[C α]`."""
        start = self.advance()
        close = _OPEN_TO_CLOSE[start.text]
        kind = _BINDER_KIND[start.text]

        def inside() -> tuple[tuple[str, ...], Optional[ast.Term], Optional[ast.Term]]:
            if kind == ast.INST_IMPLICIT:
                if self.tok.kind == IDENT and self.peek().is_sym(":"):
                    name = self.ident_name()
                    self.advance()
                    return (name,), self.term(), None
                return (), self.term(), None
            names = [self.binder_name()]
            while self.at_simple_ident():
                names.append(self.binder_name())
            type_ = self.term() if self.accept(":") else None
            default = self.term() if kind == ast.EXPLICIT and self.accept(":=") else None
            return tuple(names), type_, default

        names, type_, default = self.with_limit(-1, inside)
        self.expect(close)
        return ast.Binder(start.pos, self.last_end(), kind, names, type_, default)

    def simple_binder_run(self) -> ast.Binder:
        """A run of bare names `x y _` as one untyped explicit binder."""
        start = self.tok
        names = []
        while self.at_simple_ident() and self.col_ok(self.tok):
            names.append(self.binder_name())
        return ast.Binder(start.pos, self.last_end(), ast.EXPLICIT, tuple(names), None, None)

    def at_binder_bracket(self) -> bool:
        return self.at("(", "{", "⦃", "[") and self.col_ok(self.tok)

    def looks_like_typed_binder(self) -> bool:
        """`(`/`{`/`⦃` followed by names and `:` (or `[`)."""
        if self.at("["):
            return True
        k = 1
        while self.peek(k).kind == IDENT or self.peek(k).is_sym("_"):
            k += 1
        return k > 1 and self.peek(k).is_sym(":")

    def decl_binders(self) -> tuple[ast.Binder, ...]:
        """Binders of a declaration signature: bracketed binders and bare names."""
        binders = []
        while True:
            if self.at_binder_bracket():
                binders.append(self.bracketed_binder())
            elif self.at_simple_ident() and self.col_ok(self.tok):
                binders.append(self.simple_binder_run())
            else:
                return tuple(binders)

    def quantifier_binders(self) -> tuple[ast.Binder, ...]:
        """Binders of `∀`/`∃`: `x y`, `x y : α`, `(x : α) {y : β}`; ends before `,`."""
        binders: list[ast.Binder] = []
        while True:
            if self.at_simple_ident():
                binders.append(self.simple_binder_run())
            elif self.at("(", "{", "⦃", "["):
                binders.append(self.bracketed_binder())
            else:
                break
        if not binders:
            self.fail("binder")
        if self.at(":"):
            if len(binders) != 1 or binders[0].type is not None or binders[0].kind != ast.EXPLICIT:
                self.fail("','")
            self.advance()
            b = binders[0]
            type_ = self.term()
            binders[0] = ast.Binder(b.pos, self.last_end(), ast.EXPLICIT, b.names, type_, None)
        return tuple(binders)

    # ================================================================== terms

    def term(self, prec: int = 0) -> ast.Term:
        """Parse a term whose notation precedence is at least ``prec``."""
        start = self.tok
        lhs, lhs_prec = self.leading(prec)
        return self.trailing(start, lhs, lhs_prec, prec)

    def trailing(self, start: Token, lhs: ast.Term, lhs_prec: int, prec: int) -> ast.Term:
        while True:
            t = self.tok
            if prec <= LEAD_PREC and lhs_prec >= MAX_PREC and self.can_start_arg(t):
                args = self.app_args()
                lhs = ast.App(start.pos, self.last_end(), lhs, args)
                lhs_prec = LEAD_PREC
                continue
            op = BINARY_OPS.get(t.text) if t.kind == SYMBOL else None
            if op is None:
                return lhs
            op_prec, lhs_min, rhs_prec, name = op
            if prec > op_prec or lhs_prec < lhs_min:
                return lhs
            self.advance()
            rhs = self.term(rhs_prec)
            if name == "→":
                lhs = ast.Arrow(start.pos, self.last_end(), lhs, rhs)
            else:
                lhs = ast.BinOp(start.pos, self.last_end(), name, lhs, rhs)
            lhs_prec = op_prec

    def can_start_arg(self, t: Token) -> bool:
        """Whether ``t`` starts an application argument (Lean: checkWsBefore, checkColGt)."""
        if not t.ws_before or not self.col_ok(t):
            return False
        if t.kind in (IDENT, NUM, STR, CHAR, DOT_IDENT):
            return True
        if t.kind == SYMBOL:
            return t.text in _ARG_START_SYMBOLS or t.text == ".."
        return t.kind == KEYWORD and t.text in _ARG_START_KEYWORDS

    def app_args(self) -> tuple[TermOrNamed, ...]:
        args: list[TermOrNamed] = []
        while self.can_start_arg(self.tok):
            if self.at(".."):  # `f a ..`: the rest of the explicit arguments are `_` (it ends the arguments)
                t = self.advance()
                args.append(ast.Ellipsis(t.pos, t.end_pos))
                break
            if self.at("(") and self.peek().kind == IDENT and self.peek(2).is_sym(":="):
                args.append(self.named_arg())
            else:
                args.append(self.term(MAX_PREC))
        return tuple(args)

    def named_arg(self) -> ast.NamedArg:
        start = self.advance()
        name = self.ident_name()
        self.advance()
        value = self.with_limit(-1, self.term)
        self.expect(")")
        return ast.NamedArg(start.pos, self.last_end(), name, value)

    def leading(self, prec: int) -> tuple[ast.Term, int]:
        """Parse a leading term; return it with its own precedence."""
        t = self.tok
        handler = self._leading_handler(t)
        if handler is None:
            self.fail("term")
        self._leading_prec = prec
        result, result_prec = handler()
        if result_prec >= MAX_PREC:
            result = self.projections(t, result)
        return result, result_prec

    def _leading_handler(self, t: Token) -> Optional[Callable[[], tuple[ast.Term, int]]]:
        if t.kind == IDENT:
            return self.ident_term
        if t.kind == NUM:
            return lambda: self.literal(ast.Num)
        if t.kind == STR:
            return lambda: self.literal(ast.Str)
        if t.kind == CHAR:
            return lambda: self.literal(ast.Char)
        if t.kind == DOT_IDENT:
            return lambda: self.literal(ast.DotIdent)
        if t.kind in (SYMBOL, KEYWORD):
            return self._leading_table.get(t.text)
        return None

    def _leading_symbols(self) -> dict[str, Callable[[], tuple[ast.Term, int]]]:
        return {
            "(": self.paren_term, "⟨": self.anonymous_ctor, "[": self.bracket_term,
            "{": self.brace_term, "⦃": self.strict_brace_term, "_": self.hole,
            "?": self.synthetic_hole, "@": self.explicit_ident, "¬": self.not_term,
            "-": self.neg_term, "↑": self.coe_term, "!": self.bnot_term,
            "∀": self.forall_term, "forall": self.forall_term,
            "∃": self.exists_term, "fun": self.fun_term, "λ": self.fun_term,
            "·": self.cdot_term, ".": self.cdot_term,  # Lean's `cdotTk`: `·` or `.`
            "⋯": self.omitted, "Type": self.type_term,
            "Sort": self.sort_term, "Prop": self.prop_term, "sorry": self.sorry_term,
            "nofun": self.nofun_term, "nomatch": self.nomatch_term,
            "by": self.by_term, "have": self.have_term, "let": self.let_term,
            "show": self.show_term, "suffices": self.suffices_term, "match": self.match_term,
            "if": self.if_term, "calc": self.calc_term, "‹": self.assumption_term,
        }

    def projections(self, start: Token, term: ast.Term) -> ast.Term:
        """Postfix `.1` / `.name` directly after a term (no space)."""
        while self.tok.kind in (FIELD, FIELD_IDX) and not self.tok.ws_before:
            f = self.advance()
            term = ast.Proj(start.pos, f.end_pos, term, f.value)
        return term

    # -- atoms -----------------------------------------------------------------

    def literal(self, cls) -> tuple[ast.Term, int]:
        t = self.advance()
        return cls(t.pos, t.end_pos, t.value), MAX_PREC

    def ident_term(self) -> tuple[ast.Term, int]:
        t = self.advance()
        levels = self.explicit_universes()
        return ast.Ident(t.pos, self.last_end(), str(t.value), levels), MAX_PREC

    def hole(self) -> tuple[ast.Term, int]:
        t = self.advance()
        return ast.Hole(t.pos, t.end_pos), MAX_PREC

    def omitted(self) -> tuple[ast.Term, int]:
        t = self.advance()
        return ast.Omitted(t.pos, t.end_pos), MAX_PREC

    def cdot_term(self) -> tuple[ast.Term, int]:
        t = self.advance()
        self._cdots += 1
        return ast.CDot(t.pos, t.end_pos), MAX_PREC

    def nofun_term(self) -> tuple[ast.Term, int]:
        t = self.advance()
        return ast.NoFun(t.pos, t.end_pos), MAX_PREC

    def nomatch_discrs(self, start: Token) -> ast.Term:
        """The discriminants of the `nomatch h, h'` tactic, as the term `nomatch h, h'`."""
        discrs = [self.term()]
        while self.accept(","):
            discrs.append(self.term())
        return ast.NoMatch(start.pos, self.last_end(), tuple(discrs))

    def nomatch_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        discrs = [self.term()]
        while self.accept(","):
            discrs.append(self.term())
        return ast.NoMatch(start.pos, self.last_end(), tuple(discrs)), LEAD_PREC

    def sorry_term(self) -> tuple[ast.Term, int]:
        t = self.advance()
        return ast.Sorry(t.pos, t.end_pos), MAX_PREC

    def prop_term(self) -> tuple[ast.Term, int]:
        t = self.advance()
        return ast.Prop(t.pos, t.end_pos), MAX_PREC

    def type_term(self) -> tuple[ast.Term, int]:
        t = self.advance()
        level = self.level_arg() if self.at_level_arg() else None
        return ast.Type(t.pos, self.last_end(), level), MAX_PREC

    def sort_term(self) -> tuple[ast.Term, int]:
        t = self.advance()
        level = self.level_arg() if self.at_level_arg() else None
        return ast.Sort(t.pos, self.last_end(), level), MAX_PREC

    def synthetic_hole(self) -> tuple[ast.Term, int]:
        t = self.advance()
        nxt = self.tok
        if nxt.ws_before:
            self.fail("'_' or identifier")
        if self.accept("_"):
            return ast.SyntheticHole(t.pos, nxt.end_pos, None), MAX_PREC
        name = self.ident_name()
        while self.tok.kind == FIELD_IDX and not self.tok.ws_before:  # ?m.5
            name += self.advance().text
        return ast.SyntheticHole(t.pos, self.last_end(), name), MAX_PREC

    def explicit_ident(self) -> tuple[ast.Term, int]:
        t = self.advance()
        if self.tok.kind != IDENT or self.tok.ws_before:
            self.fail("identifier")
        ident, _ = self.ident_term()
        assert isinstance(ident, ast.Ident)
        return ast.Explicit(t.pos, self.last_end(), ident), MAX_PREC

    # -- prefix notation -------------------------------------------------------

    def prefix(self, op: str, arg_prec: int, result_prec: int) -> tuple[ast.Term, int]:
        t = self.advance()
        arg = self.term(arg_prec)
        return ast.UnOp(t.pos, self.last_end(), op, arg), result_prec

    def not_term(self) -> tuple[ast.Term, int]:
        return self.prefix("¬", 40, MAX_PREC)

    def neg_term(self) -> tuple[ast.Term, int]:
        return self.prefix("-", 75, 75)

    def coe_term(self) -> tuple[ast.Term, int]:
        return self.prefix("↑", MAX_PREC, MAX_PREC)

    def bnot_term(self) -> tuple[ast.Term, int]:
        return self.prefix("!", 40, MAX_PREC)

    # -- brackets --------------------------------------------------------------

    def try_dep_arrow(self) -> Optional[ast.Term]:
        """`(x : α) → β` and friends; None (nothing consumed) if this is not one."""
        if not self.looks_like_typed_binder():
            return None
        saved = self.i
        try:
            binder = self.bracketed_binder()
        except ParseError:
            self.i = saved
            return None
        if not self.at("→", "->"):
            self.i = saved
            return None
        self.advance()
        body = self.term()
        return ast.DepArrow(binder.pos, self.last_end(), binder, body)

    def assumption_term(self) -> tuple[ast.Term, int]:
        """`‹T›`: Lean's `(by assumption : T)`."""
        start = self.advance()
        type_ = self.with_limit(-1, self.term)
        self.expect("›")
        tac = ast.Assumption(start.pos, self.last_end(), "assumption")
        by = ast.By(start.pos, self.last_end(), ast.TacticSeq(start.pos, self.last_end(), (tac,)))
        return ast.TypeAscription(start.pos, self.last_end(), by, type_), MAX_PREC

    def paren_term(self) -> tuple[ast.Term, int]:
        arrow = self.try_dep_arrow()
        if arrow is not None:
            return arrow, 25
        start = self.advance()
        return self.with_limit(-1, lambda: self.paren_body(start)), MAX_PREC

    def paren_body(self, start: Token) -> ast.Term:
        if self.accept(")"):
            return ast.Tuple(start.pos, self.last_end(), ())
        cdots = self._cdots
        inner = self.term()
        if self._cdots != cdots:
            inner = expand_cdots(inner)
        if self.accept(":"):
            type_ = self.term()
            self.expect(")")
            return ast.TypeAscription(start.pos, self.last_end(), inner, type_)
        if self.at(","):
            elems = [inner]
            while self.accept(","):
                elems.append(self.term())
            self.expect(")")
            return ast.Tuple(start.pos, self.last_end(), tuple(elems))
        self.expect(")")
        return inner

    def comma_list(self, close: str) -> tuple[ast.Term, ...]:
        """Terms separated by `,` up to the closing bracket (consumed)."""

        def items() -> tuple[ast.Term, ...]:
            out: list[ast.Term] = []
            if not self.at(close):
                out.append(self.term())
                while self.accept(","):
                    out.append(self.term())
            return tuple(out)

        result = self.with_limit(-1, items)
        self.expect(close, ",") if not self.at(close) else self.advance()
        return result

    def anonymous_ctor(self) -> tuple[ast.Term, int]:
        start = self.advance()
        args = self.comma_list("⟩")
        return ast.AnonymousCtor(start.pos, self.last_end(), args), MAX_PREC

    def bracket_term(self) -> tuple[ast.Term, int]:
        # `[C α] → β` is an arrow (precedence 25): not where a tighter operand is parsed (`a ∈ [b] → p`)
        arrow = self.try_dep_arrow() if self._leading_prec <= 25 else None
        if arrow is not None:
            return arrow, 25
        start = self.advance()
        elems = self.comma_list("]")
        return ast.ListLit(start.pos, self.last_end(), elems), MAX_PREC

    def strict_brace_term(self) -> tuple[ast.Term, int]:
        arrow = self.try_dep_arrow()
        if arrow is None:
            self.fail("term")
        return arrow, 25

    def brace_term(self) -> tuple[ast.Term, int]:
        subtype = self.try_subtype()
        if subtype is not None:
            return subtype, MAX_PREC
        arrow = self.try_dep_arrow()
        if arrow is not None:
            return arrow, 25
        start = self.advance()
        return self.with_limit(-1, lambda: self.struct_inst_body(start)), MAX_PREC

    def try_subtype(self) -> Optional[ast.Term]:
        """Lean's `{ x // p }` and `{ x : α // p }`: `Subtype fun (x : α) => p`; None (nothing consumed)
        if the brace is not one."""
        if not (self.peek().kind == IDENT and "." not in str(self.peek().text)) and not self.peek().is_sym("_"):
            return None
        saved = self.i
        start = self.advance()
        name_tok = self.tok
        name = self.binder_name()
        type_: Optional[ast.Term] = None
        try:
            if self.accept(":"):
                type_ = self.with_limit(-1, self.term)
        except ParseError:
            self.i = saved
            return None
        if not self.at("//"):
            self.i = saved
            return None
        self.advance()
        body = self.with_limit(-1, self.term)
        self.expect("}")
        binder = ast.Binder(name_tok.pos, name_tok.pos, ast.EXPLICIT, (name,), type_, None)
        fun = ast.Fun(start.pos, self.last_end(), (binder,), body)
        return ast.App(start.pos, self.last_end(), ast.Ident(start.pos, start.pos, "Subtype", None), (fun,))

    def struct_inst_body(self, start: Token) -> ast.Term:
        base = None
        if not (self.tok.kind == IDENT and self.peek().is_sym(":=")) and not self.at("}"):
            base = self.term()
            self.expect("with")
        fields = []
        field_col = self.tok.col  # Lean's `sepByIndent`: a field's arguments lie right of the fields' column
        while self.tok.kind == IDENT:
            f = self.advance()
            binders = self.decl_binders()
            self.expect(":=")
            value = self.with_limit(field_col, self.term)
            if binders:
                value = ast.Fun(f.pos, self.last_end(), binders, value)
            fields.append(ast.StructField(f.pos, self.last_end(), str(f.value), value))
            self.accept(",")
        self.expect("}")
        return ast.StructInst(start.pos, self.last_end(), base, tuple(fields))

    # -- binders ----------------------------------------------------------------

    def forall_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        pred = self.binder_pred()
        if pred is not None:  # Lean's `∀ x > 0, p` is `∀ x, x > 0 → p`
            binder, cond = pred
            body = self.term()
            arrow = ast.Arrow(cond.pos, self.last_end(), cond, body)
            return ast.Forall(start.pos, self.last_end(), (binder,), arrow), LEAD_PREC
        binders = self.quantifier_binders()
        self.expect(",")
        body = self.term()
        return ast.Forall(start.pos, self.last_end(), binders, body), LEAD_PREC

    def exists_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        pred = self.binder_pred()
        if pred is not None:  # Lean's `∃ x > 0, p` is `∃ x, x > 0 ∧ p`
            binder, cond = pred
            body = self.term()
            conj = ast.BinOp(cond.pos, self.last_end(), "∧", cond, body)
            return ast.Exists(start.pos, self.last_end(), (binder,), conj), LEAD_PREC
        binders = self.quantifier_binders()
        self.expect(",")
        body = self.term()
        return ast.Exists(start.pos, self.last_end(), binders, body), LEAD_PREC

    def binder_pred(self) -> Optional[tuple[ast.Binder, ast.Term]]:
        """Lean's binder predicates `x > e`, `x ≥ e`, `x < e`, `x ≤ e`, `x ≠ e`, `x ∈ e`, `x ∉ e`, `x ⊆ e`
        (one name): the binder and the condition `x op e`, with the `,` consumed; None otherwise."""
        if not (self.at_simple_ident() and self.peek().kind == SYMBOL and self.peek().text in _BINDER_PREDS):
            return None
        t = self.tok
        name = self.binder_name()
        op = str(self.advance().text)
        op = BINARY_OPS[op][3] if op in BINARY_OPS else op
        rhs = self.term()
        self.expect(",")
        var = ast.Ident(t.pos, t.end_pos, name, None)
        cond = ast.BinOp(t.pos, rhs.end_pos, op, var, rhs)
        return ast.Binder(t.pos, t.end_pos, ast.EXPLICIT, (name,), None, None), cond

    def fun_binder(self) -> Union[ast.Binder, ast.Term]:
        if self.at_simple_ident():
            t = self.tok
            name = self.binder_name()
            return ast.Binder(t.pos, t.end_pos, ast.EXPLICIT, (name,), None, None)
        if self.at("(", "{", "⦃", "[") and self.looks_like_typed_binder():
            return self.bracketed_binder()
        if self.at("{", "⦃"):
            return self.bracketed_binder()
        return self.term(MAX_PREC)

    def fun_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        if self.at("|"):
            alts = self.match_alts()
            return ast.FunMatch(start.pos, self.last_end(), alts), MAX_PREC
        binders: list[Union[ast.Binder, ast.Term]] = []
        while not self.at("=>", "↦", ":"):
            binders.append(self.fun_binder())
        if not binders:
            self.fail("term")
        if self.accept(":"):
            simple = all(isinstance(b, ast.Binder) and b.type is None and b.kind == ast.EXPLICIT for b in binders)
            if not simple:
                self.fail("'=>'")
            type_ = self.term()
            names = tuple(n for b in binders for n in b.names)  # type: ignore[union-attr]
            binders = [ast.Binder(binders[0].pos, self.last_end(), ast.EXPLICIT, names, type_, None)]
        self.expect("=>", "↦")
        body = self.term()
        return ast.Fun(start.pos, self.last_end(), tuple(binders), body), MAX_PREC

    # -- match ------------------------------------------------------------------

    def match_alts(self, tactic_alts: bool = False) -> tuple[ast.MatchAlt, ...]:
        """`| p1, p2 | q1, q2 => rhs | ...` (each `|`-group becomes its own alternative); with
        `tactic_alts` (the `match` tactic) each right-hand side is a tactic sequence, read as `by tacs`."""
        if not self.at("|"):
            self.fail("'|'")
        # Lean's `matchAlts` is `withPosition (many1Indent matchAlt)`: the first `|` is the saved position
        # for colGt, so a pattern's arguments may sit left of an enclosing tactic block's column
        return self.with_limit(self.tok.col, lambda: self._match_alts(tactic_alts))

    def _match_alts(self, tactic_alts: bool) -> tuple[ast.MatchAlt, ...]:
        alts: list[ast.MatchAlt] = []
        # `many1Indent`: an alternative starts at or right of the first one's column, so a `|` further
        # left belongs to an enclosing `match` (`| isTrue h => isTrue fun | … | …` then `| isFalse h => …`)
        first_col = self.tok.col
        while self.at("|") and self.tok.col >= first_col:
            groups: list[tuple[Token, tuple[ast.Term, ...]]] = []
            while self.at("|") and self.tok.col >= first_col:
                bar = self.advance()
                pats = [self.term()]
                while self.accept(","):
                    pats.append(self.term())
                groups.append((bar, tuple(pats)))
            arrow = self.expect("=>")
            if tactic_alts:
                seq = self.tactic_seq(require_col_gt=False)
                if not seq.tactics:
                    self.fail("tactic")
                rhs = ast.By(arrow.pos, self.last_end(), seq)
            else:
                rhs = self.term()
            for bar, pats in groups:
                alts.append(ast.MatchAlt(bar.pos, self.last_end(), pats, rhs))
        return tuple(alts)

    def match_term(self, tactic_alts: bool = False) -> tuple[ast.Term, int]:
        start = self.advance()
        discrs = []
        while True:
            d = self.tok
            name = None
            if d.kind == IDENT and self.peek().is_sym(":"):
                name = self.ident_name()
                self.advance()
            term = self.term()
            discrs.append(ast.MatchDiscr(d.pos, self.last_end(), name, term))
            if not self.accept(","):
                break
        self.expect("with")
        alts = self.match_alts(tactic_alts)
        return ast.Match(start.pos, self.last_end(), tuple(discrs), alts), LEAD_PREC

    def if_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        hyp = None
        if self.tok.kind == IDENT and self.peek().is_sym(":"):
            hyp = self.ident_name()
            self.advance()
        cond = self.term()
        self.expect("then")
        then = self.term()
        self.expect("else")
        else_ = self.term()
        return ast.If(start.pos, self.last_end(), hyp, cond, then, else_), LEAD_PREC

    # -- have / let / show / suffices ---------------------------------------------

    def have_decl(self, allow_missing_value: bool):
        """`h binders : T := v` after `have`/`let`; returns (name, pattern, binders, type, value)."""
        name: Optional[str] = None
        pattern: Optional[ast.Term] = None
        if self.tok.kind == IDENT:
            name = self.ident_name()
        elif self.at("_"):
            self.advance()
            name = "_"
        elif self.at("⟨", "("):
            pattern = self.term(MAX_PREC)
        binders: tuple[ast.Binder, ...] = ()
        if pattern is None:
            binders = self.decl_binders()
        type_ = self.term() if self.accept(":") else None
        value: Optional[ast.Term] = None
        if self.accept(":="):
            value = self.term()
        elif self.at("|"):
            start = self.tok
            alts = self.match_alts()
            value = ast.FunMatch(start.pos, self.last_end(), alts)
        elif not allow_missing_value or type_ is None:
            self.fail("':=' or '|'")
        return name, pattern, binders, type_, value

    def body_after_decl(self) -> ast.Term:
        self.accept(";")
        return self.term()

    def have_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        name, pattern, binders, type_, value = self.with_limit(start.col, lambda: self.have_decl(False))
        body = self.body_after_decl()
        return ast.Have(start.pos, self.last_end(), name, pattern, binders, type_, value, body), LEAD_PREC

    def let_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        name, pattern, binders, type_, value = self.with_limit(start.col, lambda: self.have_decl(False))
        body = self.body_after_decl()
        return ast.Let(start.pos, self.last_end(), name, pattern, binders, type_, value, body), LEAD_PREC

    def show_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        type_ = self.term()
        value: Optional[ast.Term] = None
        if self.accept("from"):
            value = self.term()
        elif self.at("by"):
            value, _ = self.by_term()
        return ast.Show(start.pos, self.last_end(), type_, value), LEAD_PREC

    def suffices_term(self) -> tuple[ast.Term, int]:
        start = self.advance()

        def decl() -> tuple[Optional[str], ast.Term, ast.Term]:
            name = None
            if self.tok.kind == IDENT and self.peek().is_sym(":"):
                name = self.ident_name()
                self.advance()
            type_ = self.term()
            if self.accept("from"):
                return name, type_, self.term()
            if self.at("by"):
                return name, type_, self.by_term()[0]
            return self.fail("'from' or 'by'")

        name, type_, value = self.with_limit(start.col, decl)
        body = self.body_after_decl()
        return ast.Suffices(start.pos, self.last_end(), name, type_, value, body), LEAD_PREC

    # -- calc / by ------------------------------------------------------------------

    def calc_step(self) -> ast.CalcStep:
        start = self.tok

        def step() -> ast.CalcStep:
            term = self.term()
            proof = self.term() if self.accept(":=") else None
            return ast.CalcStep(start.pos, self.last_end(), term, proof)

        return self.with_limit(start.col, step)

    def calc(self) -> ast.Calc:
        start = self.advance()
        steps = [self.calc_step()]
        steps_col: Optional[int] = None
        while self._leading_handler(self.tok) is not None:
            if steps_col is not None and self.tok.col < steps_col:
                break
            step = self.try_calc_step()
            if step is None:
                break
            steps_col = step.pos[1] if steps_col is None else steps_col
            steps.append(step)
        return ast.Calc(start.pos, self.last_end(), tuple(steps))

    def try_calc_step(self) -> Optional[ast.CalcStep]:
        """A further `_ = c := proof` step, or None (nothing consumed) if the next text is not one.

        Lean checks later steps only with `colGe` against the second step, so a step may
        sit left of an enclosing tactic; a line that is not a step (no `:=`) ends the calc.
        """
        saved = self.i
        try:
            step = self.calc_step()
        except ParseError:
            if self.col_ok(self.toks[saved]):
                raise
            step = None
        if step is None or step.proof is None:
            self.i = saved
            return None
        return step

    def calc_term(self) -> tuple[ast.Term, int]:
        return self.calc(), LEAD_PREC

    def by_term(self) -> tuple[ast.Term, int]:
        start = self.advance()
        seq = self.tactic_seq(require_col_gt=True)
        return ast.By(start.pos, self.last_end(), seq), LEAD_PREC

    # ================================================================== tactics

    def can_start_tactic(self, t: Token) -> bool:
        if t.kind == IDENT:
            return True
        if t.kind == KEYWORD:
            return t.text in _TACTIC_START_KEYWORDS
        return t.kind == SYMBOL and t.text in ("·", ".", "(", "{")

    def tactic_seq(self, require_col_gt: bool) -> ast.TacticSeq:
        """Tactics at one column separated by newlines or `;` (empty if none starts here)."""
        first = self.tok
        if not self.can_start_tactic(first) or (require_col_gt and not self.col_ok(first)):
            end = self.last_end()
            return ast.TacticSeq(end, end, ())
        seq_col = first.col

        def items() -> tuple[ast.Tactic, ...]:
            tactics = [self.tactic()]
            while True:
                if self.accept(";"):
                    if self.can_start_tactic(self.tok) and self.tok.col >= seq_col:
                        tactics.append(self.tactic())
                        continue
                    return tuple(tactics)
                t = self.tok
                if t.first_on_line and t.col == seq_col and self.can_start_tactic(t):
                    tactics.append(self.tactic())
                    continue
                return tuple(tactics)

        tactics = self.with_limit(seq_col, items)
        return ast.TacticSeq(first.pos, self.last_end(), tactics)

    def tactic_seq1(self) -> ast.TacticSeq:
        """A combinator's body (`try`, `all_goals`, `repeat`): Lean wants at least one tactic, so nothing
        at all (end of the block, a non-tactic token) is a parse error. A tactic on the next line at the
        block's own column is left to the block, as before."""
        if not self.can_start_tactic(self.tok):
            self.fail("tactic")
        return self.tactic_seq(True)

    def tactic(self) -> ast.Tactic:
        """One tactic with its `<;>` continuations."""
        start = self.tok
        tac = self.tactic_atom()
        while self.at("<;>"):
            self.advance()
            second = self.tactic_atom()
            tac = ast.ThenAll(start.pos, self.last_end(), self.source_from(start), tac, second)
        return tac

    def make(self, cls, start: Token, *fields) -> ast.Tactic:
        return cls(start.pos, self.last_end(), self.source_from(start), *fields)

    def tactic_atom(self) -> ast.Tactic:
        t = self.tok
        if t.kind == IDENT:
            handler = self._tactics.get(str(t.text))
            if handler is None:
                raise self.error("unknown tactic", t)
            self.advance()
            return handler(t)
        if t.kind == KEYWORD and t.text in _TACTIC_START_KEYWORDS:
            self.advance()
            return self._keyword_tactic(t)
        if self.at("·", "."):
            self.advance()
            body = self.tactic_seq(require_col_gt=False)
            if not body.tactics:
                self.fail("tactic")
            return self.make(ast.CDotTac, t, body)
        if self.at("(", "{"):
            self.advance()
            close = ")" if t.text == "(" else "}"
            body = self.with_limit(-1, lambda: self.tactic_seq(require_col_gt=False))
            self.expect(close)
            return self.make(ast.Nested, t, t.text, body)
        return self.fail("tactic")

    def _keyword_tactic(self, t: Token) -> ast.Tactic:
        if t.text == "nofun":  # Lean's `nofun` tactic: `exact nofun`
            return self.make(ast.Exact, t, ast.NoFun(t.pos, t.end_pos))
        if t.text == "nomatch":  # Lean's `nomatch h` tactic: `exact nomatch h`
            return self.make(ast.Exact, t, self.nomatch_discrs(t))
        if t.text == "match":
            self.i -= 1
            return self.make(ast.MatchTac, t, self.match_term(tactic_alts=True)[0])
        if t.text == "sorry":
            return self.make(ast.SorryTac, t)
        if t.text == "show":
            return self.make(ast.ShowTac, t, self.term())
        if t.text == "calc":
            self.i -= 1
            return self.make(ast.CalcTac, t, self.calc())
        if t.text == "suffices":
            name = None
            if self.tok.kind == IDENT and self.peek().is_sym(":"):
                name = self.ident_name()
                self.advance()
            type_ = self.term()
            value = self.term() if self.accept("from") else self.by_term()[0] if self.at("by") else None
            return self.make(ast.SufficesTac, t, name, type_, value)
        name, pattern, binders, type_, value = self.with_limit(t.col, lambda: self.have_decl(t.text == "have"))
        if t.text == "let" and pattern is not None and not binders:  # `let ⟨a, b⟩ := e`: a match, as `have`'s
            return self.make(ast.HaveTac, t, name, pattern, binders, type_, value)
        if t.text == "have":
            return self.make(ast.HaveTac, t, name, pattern, binders, type_, value)
        return self.make(ast.LetTac, t, name, binders, type_, value, pattern)

    # -- tactic argument helpers -----------------------------------------------------

    def arg_terms(self) -> tuple[ast.Term, ...]:
        """Terms at argument precedence while they can start an argument."""
        out = []
        while self.can_start_arg(self.tok) or (self.at("⟨", "(", "_") and self.col_ok(self.tok)):
            out.append(self.term(MAX_PREC))
        return tuple(out)

    def names(self) -> tuple[str, ...]:
        out = []
        while self.at_simple_ident() and self.col_ok(self.tok):
            out.append(self.binder_name())
        return tuple(out)

    def comma_terms(self) -> tuple[ast.Term, ...]:
        out = [self.term()]
        while self.accept(","):
            out.append(self.term())
        return tuple(out)

    def location(self) -> Optional[ast.Location]:
        start = self.accept("at")
        if start is None:
            return None
        if self.accept("*"):
            return ast.Location(start.pos, self.last_end(), (), False, True)
        hyps: list[str] = []
        goal = False
        while self.col_ok(self.tok):
            if self.tok.kind == IDENT:
                hyps.append(self.ident_name())
            elif self.accept("⊢", "|-"):
                goal = True
            else:
                break
        if not hyps and not goal:
            self.fail("'*', '⊢' or identifier")
        return ast.Location(start.pos, self.last_end(), tuple(hyps), goal, False)

    def config(self) -> Optional[ast.Term]:
        if self.at("(") and self.peek().kind == IDENT and self.peek().value == "config" and self.peek(2).is_sym(":="):
            return self.named_arg().value
        return None

    def cases_targets(self) -> tuple[ast.CasesTarget, ...]:
        out = []
        while True:
            t = self.tok
            name = None
            if t.kind == IDENT and self.peek().is_sym(":"):
                name = self.ident_name()
                self.advance()
            term = self.term()
            out.append(ast.CasesTarget(t.pos, self.last_end(), name, term))
            if not self.accept(","):
                return tuple(out)

    def induction_alts(self) -> tuple[Optional[tuple[ast.InductionAlt, ...]], Optional[ast.Tactic]]:
        """`with (tac)? | alt …`: the alternatives and Lean's optional pre-tactic."""
        if not self.accept("with"):
            return None, None
        alts = []
        pre = None
        if not self.at("|"):
            pre = self.tactic()
        while self.at("|"):
            bar = self.advance()
            self.accept("@")
            tag = self.binder_name()
            names = []
            while self.at_simple_ident():
                names.append(self.binder_name())
            self.expect("=>")
            if self.at("_") or (self.at("?") and self.peek().is_sym("_") and not self.peek().ws_before):
                # Lean's inductionAlt: `(hole <|> syntheticHole <|> tacticSeq)`; the goal stays open
                hole = self.advance()
                if hole.is_sym("?"):
                    self.advance()
                body = ast.TacticSeq(hole.pos, self.last_end(), ())
                alts.append(ast.InductionAlt(bar.pos, self.last_end(), tag, tuple(names), body, True))
                continue
            body = self.tactic_seq(require_col_gt=True)
            alts.append(ast.InductionAlt(bar.pos, self.last_end(), tag, tuple(names), body))
        return tuple(alts), pre

    # -- rcases patterns ---------------------------------------------------------------

    def at_rpat(self) -> bool:
        return self.col_ok(self.tok) and (self.tok.kind == IDENT or self.at("_", "-", "⟨", "(", "@"))

    def rpat_atom(self) -> ast.RPat:
        t = self.tok
        if self.accept("@"):
            return self.rpat_atom()
        if t.kind == IDENT or self.at("_"):
            name = self.binder_name()
            return ast.RPatName(t.pos, t.end_pos, name)
        if self.accept("-"):
            return ast.RPatClear(t.pos, t.end_pos)
        if self.accept("⟨"):

            def items() -> tuple[ast.RPat, ...]:
                out: list[ast.RPat] = []
                if not self.at("⟩"):
                    out.append(self.rpat_lo())
                    while self.accept(","):
                        out.append(self.rpat_lo())
                return tuple(out)

            args = self.with_limit(-1, items)
            self.expect("⟩", ",")
            return ast.RPatTuple(t.pos, self.last_end(), args)
        if self.accept("("):
            pat = self.with_limit(-1, self.rpat_lo)
            self.expect(")")
            return pat
        return self.fail("rcases pattern")

    def rpat_med(self) -> ast.RPat:
        start = self.tok
        alts = [self.rpat_atom()]
        while self.accept("|"):
            alts.append(self.rpat_atom())
        if len(alts) == 1:
            return alts[0]
        return ast.RPatAlts(start.pos, self.last_end(), tuple(alts))

    def rpat_lo(self) -> ast.RPat:
        start = self.tok
        pat = self.rpat_med()
        if self.accept(":"):
            type_ = self.term()
            return ast.RPatTyped(start.pos, self.last_end(), pat, type_)
        return pat

    # -- the tactics ---------------------------------------------------------------

    def _tactic_table(self) -> dict[str, Callable[[Token], ast.Tactic]]:
        simple = {
            "rfl": ast.Rfl, "constructor": ast.Constructor, "left": ast.Left, "right": ast.Right,
            "exfalso": ast.Exfalso, "contradiction": ast.Contradiction, "assumption": ast.Assumption,
            "trivial": ast.Trivial, "decide": ast.Decide, "omega": ast.Omega, "symm": ast.Symm,
            "split": ast.Split, "exact?": ast.ExactQuestion, "admit": ast.Admit, "skip": ast.Skip,
            "done": ast.Done,
        }
        table: dict[str, Callable[[Token], ast.Tactic]] = {
            name: (lambda t, cls=cls: self.make(cls, t)) for name, cls in simple.items()
        }
        table.update({
            "intro": lambda t: self.make(ast.Intro, t, self.arg_terms()),
            "intros": lambda t: self.make(ast.Intros, t, self.names()),
            "rintro": self.tac_rintro,
            "exact": lambda t: self.make(ast.Exact, t, self.term()),
            "apply": lambda t: self.make(ast.Apply, t, self.term()),
            "refine": lambda t: self.make(ast.Refine, t, self.term()),
            "specialize": lambda t: self.make(ast.Specialize, t, self.term()),
            "exists": lambda t: self.make(ast.ExistsTac, t, self.comma_terms()),
            "use": lambda t: self.make(ast.Use, t, self.comma_terms()),
            "cases": self.tac_cases,
            "induction": self.tac_induction,
            "rcases": self.tac_rcases,
            "obtain": self.tac_obtain,
            "injection": lambda t: self.make(ast.Injection, t, self.term(),
                                             self.names() if self.accept("with") else ()),
            "rename_i": lambda t: self.make(ast.RenameI, t, self.names()),
            "rw": self.tac_rewrite, "rewrite": self.tac_rewrite, "rwa": self.tac_rewrite,
            "simp": self.tac_simp, "simp_all": self.tac_simp, "dsimp": self.tac_simp,
            "simp?": self.tac_simp, "simpa": self.tac_simp, "simp_arith": self.tac_simp,
            "subst": lambda t: self.make(ast.Subst, t, self.arg_terms()),
            "unfold": lambda t: self.make(ast.Unfold, t, self.unfold_names(), self.location()),
            "funext": lambda t: self.make(ast.Funext, t, self.arg_terms()),
            "change": lambda t: self.make(ast.Change, t, self.term(), self.location()),
            "clear": lambda t: self.make(ast.Clear, t, self.names()),
            "revert": lambda t: self.make(ast.Revert, t, self.names()),
            "trace": self.tac_trace,
            "by_cases": self.tac_by_cases,
            "case": self.tac_case,
            "next": lambda t: self.make(ast.Next, t, self.names_then_arrow(), self.tactic_seq(True)),
            "all_goals": lambda t: self.make(ast.AllGoals, t, self.tactic_seq1()),
            "any_goals": lambda t: self.make(ast.AnyGoals, t, self.tactic_seq1()),
            "try": lambda t: self.make(ast.Try, t, self.tactic_seq1()),
            "repeat": lambda t: self.make(ast.Repeat, t, self.tactic_seq1()),
            "repeat'": lambda t: self.make(ast.RepeatAll, t, self.tactic_seq1()),
            "iterate": lambda t: self.make(ast.Iterate, t, self.optional_numeral(), self.tactic_seq1()),
            "focus": lambda t: self.make(ast.Focus, t, self.tactic_seq1()),
            "first": self.tac_first,
            "on_goal": self.tac_on_goal,
            "rotate_left": lambda t: self.make(ast.Rotate, t, True, self.optional_count()),
            "rotate_right": lambda t: self.make(ast.Rotate, t, False, self.optional_count()),
        })
        return table

    def unfold_names(self) -> tuple[str, ...]:
        out = []
        while self.tok.kind == IDENT and self.col_ok(self.tok):
            out.append(self.ident_name())
        if not out:
            self.fail("identifier")
        return tuple(out)

    def names_then_arrow(self) -> tuple[str, ...]:
        names = self.names()
        self.expect("=>")
        return names

    def tac_rintro(self, t: Token) -> ast.Tactic:
        pats = []
        while self.at_rpat():
            pats.append(self.rpat_atom())
        if not pats:
            self.fail("rintro pattern")
        type_ = self.term() if self.accept(":") else None
        return self.make(ast.Rintro, t, tuple(pats), type_)

    def tac_cases(self, t: Token) -> ast.Tactic:
        targets = self.cases_targets()
        using = self.term() if self.accept("using") else None
        alts, pre = self.induction_alts()
        return self.make(ast.Cases, t, targets, using, alts, pre)

    def tac_induction(self, t: Token) -> ast.Tactic:
        targets = self.cases_targets()
        using = self.term() if self.accept("using") else None
        generalizing: tuple[str, ...] = ()
        if self.accept("generalizing"):
            generalizing = self.names()
        alts, pre = self.induction_alts()
        return self.make(ast.Induction, t, targets, using, generalizing, alts, pre)

    def tac_rcases(self, t: Token) -> ast.Tactic:
        targets = self.cases_targets()
        pattern = self.rpat_lo() if self.accept("with") else None
        return self.make(ast.Rcases, t, targets, pattern)

    def tac_obtain(self, t: Token) -> ast.Tactic:
        pattern = self.rpat_med() if self.at_rpat() else None
        type_ = self.term() if self.accept(":") else None
        values: tuple[ast.Term, ...] = ()
        if self.accept(":="):
            values = self.comma_terms()
        return self.make(ast.Obtain, t, pattern, type_, values)

    def tac_rewrite(self, t: Token) -> ast.Tactic:
        config = self.config()
        self.expect("[")

        def rules() -> tuple[ast.RwRule, ...]:
            out = []
            while not self.at("]"):
                r = self.tok
                symm = self.accept("←", "<-") is not None
                term = self.term()
                out.append(ast.RwRule(r.pos, self.last_end(), symm, term))
                if not self.accept(","):
                    break
            return tuple(out)

        rules_ = self.with_limit(-1, rules)
        self.expect("]", ",")
        return self.make(ast.Rewrite, t, str(t.text), config, rules_, self.location())

    def simp_args(self) -> Optional[tuple[ast.SimpArg, ...]]:
        if not self.at("["):
            return None
        self.advance()

        def args() -> tuple[ast.SimpArg, ...]:
            out = []
            while not self.at("]"):
                a = self.tok
                if self.accept("*"):
                    out.append(ast.SimpArg(a.pos, a.end_pos, "star", False, None))
                elif self.accept("-"):
                    term = self.term(MAX_PREC)
                    out.append(ast.SimpArg(a.pos, self.last_end(), "erase", False, term))
                else:
                    symm = self.accept("←", "<-") is not None
                    self.accept("↓", "↑")
                    term = self.term()
                    out.append(ast.SimpArg(a.pos, self.last_end(), "lemma", symm, term))
                if not self.accept(","):
                    break
            return tuple(out)

        result = self.with_limit(-1, args)
        self.expect("]", ",")
        return result

    def tac_simp(self, t: Token) -> ast.Tactic:
        config = self.config()
        only = self.accept("only") is not None
        args = self.simp_args()
        location = self.location()
        using = self.term() if t.text == "simpa" and self.accept("using") else None
        return self.make(ast.Simp, t, str(t.text), config, only, args, location, using)

    def tac_trace(self, t: Token) -> ast.Tactic:
        if self.tok.kind != STR:
            self.fail("string literal")
        return self.make(ast.Trace, t, str(self.advance().value))

    def tac_by_cases(self, t: Token) -> ast.Tactic:
        name = None
        if self.tok.kind == IDENT and self.peek().is_sym(":"):
            name = self.ident_name()
            self.advance()
        return self.make(ast.ByCases, t, name, self.term())

    def tac_case(self, t: Token) -> ast.Tactic:
        args = []
        while True:
            a = self.tok
            tag = self.binder_name()
            names = []
            while self.at_simple_ident():
                names.append(self.binder_name())
            args.append(ast.CaseArg(a.pos, self.last_end(), tag, tuple(names)))
            if not self.accept("|"):
                break
        self.expect("=>")
        return self.make(ast.Case, t, tuple(args), self.tactic_seq(True))

    def tac_first(self, t: Token) -> ast.Tactic:
        if not self.at("|"):
            self.fail("'|'")
        bar_col = self.tok.col
        alts = []
        while self.at("|") and self.tok.col >= bar_col:
            self.advance()
            if not self.can_start_tactic(self.tok):
                self.fail("tactic")
            alts.append(self.tactic_seq(require_col_gt=False))
        return self.make(ast.First, t, tuple(alts))

    def optional_numeral(self) -> int | None:
        """An optional numeral argument on the tactic's line (`iterate 3 …`); None when absent."""
        if self.tok.kind == NUM and self.col_ok(self.tok):
            return int(self.advance().value)
        return None

    def optional_count(self) -> int:
        """An optional numeral argument on the tactic's line (`rotate_left 2`); 1 when absent."""
        if self.tok.kind == NUM and self.col_ok(self.tok):
            return int(self.advance().value)
        return 1

    def tac_on_goal(self, t: Token) -> ast.Tactic:
        negative = self.accept("-") is not None  # `on_goal -1`: counted from the last goal
        if self.tok.kind != NUM:
            self.fail("numeral")
        index = int(self.advance().value) * (-1 if negative else 1)
        self.expect("=>")
        return self.make(ast.OnGoal, t, index, self.tactic_seq(True))

    # ================================================================== commands

    def at_command_start(self) -> bool:
        t = self.tok
        return t.kind == KEYWORD and t.text in COMMAND_KEYWORDS or self.at("@[")

    def modifiers(self) -> ast.Modifiers:
        start = self.tok
        doc = start.doc
        attributes: list[ast.Attribute] = []
        visibility = None
        flags = {"noncomputable": False, "partial": False, "unsafe": False}
        while True:
            if self.at("@["):
                attributes.extend(self.attribute_list())
            elif self.at("private", "protected"):
                visibility = str(self.advance().text)
            elif self.at("noncomputable", "partial", "unsafe"):
                flags[self.advance().text] = True
            else:
                break
        end = start.pos if self.tok is start else self.last_end()
        return ast.Modifiers(start.pos, end, doc, tuple(attributes), visibility, **flags)

    def attribute_list(self) -> list[ast.Attribute]:
        """`@[a, b c]` or `[a, b]` (the opening bracket is the current token)."""
        self.advance()
        out = []
        while not self.at("]"):
            first = self.tok
            if first.kind == EOF:
                self.fail("']'")
            depth = 0
            while not (depth == 0 and self.at(",", "]")) and self.tok.kind != EOF:
                if self.at("(", "[", "{", "⟨"):
                    depth += 1
                elif self.at(")", "]", "}", "⟩"):
                    depth -= 1
                self.advance()
            text = self.source_from(first)
            name, _, args = text.partition(" ")
            out.append(ast.Attribute(first.pos, self.last_end(), name, args.strip()))
            if not self.accept(","):
                break
        self.expect("]", ",")
        return out

    def command(self, imports_allowed: bool) -> ast.Command:
        start = self.tok
        if not self.at_command_start():
            self.fail("command")
        return self.with_limit(start.col, lambda: self.command_body(start, imports_allowed))

    def command_body(self, start: Token, imports_allowed: bool) -> ast.Command:
        mods = self.modifiers()
        kw = self.tok
        has_mods = kw is not start or start.doc is not None
        decl = {
            "theorem": self.cmd_theorem, "lemma": self.cmd_theorem, "def": self.cmd_definition,
            "abbrev": self.cmd_definition, "instance": self.cmd_definition, "opaque": self.cmd_definition,
            "example": self.cmd_example, "axiom": self.cmd_axiom, "inductive": self.cmd_inductive,
            "structure": self.cmd_structure, "class": self.cmd_structure,
        }.get(str(kw.text)) if kw.kind == KEYWORD else None
        if decl is not None:
            self.advance()
            if kw.text == "class" and self.at("inductive"):  # `class inductive C … | c₁ … | c₂ …`
                self.advance()
                return self.cmd_inductive(start, kw, mods, is_class=True)
            return decl(start, kw, mods)
        if has_mods and not self.at("@[") and kw is not start:
            self.fail("declaration")
        if kw.kind == KEYWORD and kw.text in _UNSUPPORTED_COMMANDS:
            return self.cmd_unsupported(start)
        other = {
            "universe": self.cmd_universe, "variable": self.cmd_variable,
            "namespace": self.cmd_namespace, "section": self.cmd_section, "end": self.cmd_end,
            "open": self.cmd_open, "set_option": self.cmd_set_option, "#check": self.cmd_term,
            "#eval": self.cmd_term, "#reduce": self.cmd_term, "#print": self.cmd_print,
            "attribute": self.cmd_attribute, "include": self.cmd_include, "omit": self.cmd_include,
            "export": self.cmd_export,
        }.get(str(kw.text)) if kw.kind == KEYWORD else None
        if kw.is_sym("import"):
            if not imports_allowed:
                raise self.error("invalid 'import' command, it must be used in the beginning of the file", kw)
            self.advance()
            return ast.Import(start.pos, self.last_end(), self.source_from(start), self.ident_name())
        if other is None:
            self.fail("command")
        self.advance()
        return other(start)

    # -- declarations ------------------------------------------------------------------

    def decl_value(self) -> ast.DeclValue:
        if self.accept(":="):
            return self.term()
        if self.accept("where"):  # Lean's `whereStructInst`: `theorem t : Equivalence r where refl := …`
            return self.instance_where()
        if self.at("|"):
            start = self.tok
            alts = self.match_alts()
            return ast.Equations(start.pos, self.last_end(), alts)
        return self.fail("':=', 'where' or '|'")

    def cmd_theorem(self, start: Token, kw: Token, mods: ast.Modifiers) -> ast.Command:
        name = self.ident_name()
        universes = self.universe_params()
        binders = self.decl_binders()
        self.expect(":")
        type_ = self.term()
        value = self.decl_value()
        return ast.Theorem(start.pos, self.last_end(), self.source_from(start), mods, str(kw.text),
                           name, universes, binders, type_, value)

    def raw_until_command(self, *stops: str) -> str:
        first = self.tok
        while self.tok.kind != EOF and not self.at(*stops) and not (
            self.tok.first_on_line and self.tok.col <= max(self.col_limit, 0)
        ):
            self.advance()
        return self.source_from(first) if self.tok is not first else ""

    def instance_where(self) -> ast.Term:
        start = self.tok
        fields = []
        field_col = self.tok.col  # Lean's `sepByIndent`: a field's arguments lie right of the fields' column
        while self.tok.kind == IDENT and self.col_ok(self.tok):
            f = self.advance()
            binders = self.decl_binders()
            self.expect(":=")
            value = self.with_limit(field_col, self.term)
            if binders:
                value = ast.Fun(f.pos, self.last_end(), binders, value)
            fields.append(ast.StructField(f.pos, self.last_end(), str(f.value), value))
        return ast.StructInst(start.pos, self.last_end(), None, tuple(fields))

    def cmd_definition(self, start: Token, kw: Token, mods: ast.Modifiers) -> ast.Command:
        priority = None
        if kw.text == "instance" and self.at("(") and self.peek().kind == IDENT and self.peek().value == "priority":
            priority = self.named_arg()
        name: Optional[str] = None
        if self.tok.kind == IDENT or kw.text != "instance":
            name = self.ident_name()
        universes = self.universe_params()
        binders = self.decl_binders()
        type_ = self.term() if self.accept(":") else None
        value: Optional[ast.DeclValue] = None
        if self.accept("where"):
            value = self.instance_where()
        elif kw.text != "opaque" or self.at(":=", "|"):
            value = self.decl_value()
        termination = decreasing = None
        if self.accept("termination_by"):
            termination = self.raw_until_command("decreasing_by")
        if self.accept("decreasing_by"):
            decreasing = self.raw_until_command()
        return ast.Definition(start.pos, self.last_end(), self.source_from(start), mods, str(kw.text),
                              name, universes, binders, type_, value, termination, decreasing, priority)

    def cmd_example(self, start: Token, kw: Token, mods: ast.Modifiers) -> ast.Command:
        binders = self.decl_binders()
        type_ = self.term() if self.accept(":") else None
        value = self.decl_value()
        return ast.Example(start.pos, self.last_end(), self.source_from(start), mods, binders, type_, value)

    def cmd_axiom(self, start: Token, kw: Token, mods: ast.Modifiers) -> ast.Command:
        name = self.ident_name()
        universes = self.universe_params()
        binders = self.decl_binders()
        self.expect(":")
        type_ = self.term()
        return ast.Axiom(start.pos, self.last_end(), self.source_from(start), mods, name, universes, binders, type_)

    def deriving_clause(self) -> tuple[str, ...]:
        if not self.accept("deriving"):
            return ()
        names = [self.ident_name()]
        while self.accept(","):
            names.append(self.ident_name())
        return tuple(names)

    def cmd_inductive(self, start: Token, kw: Token, mods: ast.Modifiers, is_class: bool = False) -> ast.Command:
        name = self.ident_name()
        universes = self.universe_params()
        binders = self.decl_binders()
        type_ = self.term() if self.accept(":") else None
        self.accept("where")
        ctors = []
        while self.at("|"):
            bar = self.advance()
            ctor_mods = self.modifiers()
            ctor_name = self.ident_name()
            ctor_binders = self.decl_binders()
            ctor_type = self.term() if self.accept(":") else None
            if bar.doc and ctor_mods.doc is None:
                ctor_mods = ast.Modifiers(ctor_mods.pos, ctor_mods.end_pos, bar.doc, ctor_mods.attributes,
                                          ctor_mods.visibility, ctor_mods.noncomputable, ctor_mods.partial,
                                          ctor_mods.unsafe)
            ctors.append(ast.Constructor_(bar.pos, self.last_end(), ctor_mods, ctor_name, ctor_binders, ctor_type))
        deriving = self.deriving_clause()
        return ast.Inductive(start.pos, self.last_end(), self.source_from(start), mods, name, universes,
                             binders, type_, tuple(ctors), deriving, is_class)

    def structure_field(self) -> list[ast.FieldDecl]:
        t = self.tok
        if self.at("(", "{", "[", "⦃"):
            b = self.bracketed_binder()
            return [ast.FieldDecl(t.pos, self.last_end(), b.names, (), b.type, b.default)]
        names = [self.ident_name()]
        while self.tok.kind == IDENT and self.col_ok(self.tok) and not self.tok.first_on_line:
            names.append(self.ident_name())
        binders = self.decl_binders()
        type_ = self.term() if self.accept(":") else None
        default = self.term() if self.accept(":=") else None
        return [ast.FieldDecl(t.pos, self.last_end(), tuple(names), binders, type_, default)]

    def structure_fields(self) -> list[ast.FieldDecl]:
        """Fields at the saved column (Lean's `manyIndent`): one per line."""
        fields: list[ast.FieldDecl] = []
        field_col = self.col_limit
        while (self.tok.kind == IDENT or self.at("(", "{", "[", "⦃")) and self.tok.col >= field_col:
            fields.extend(self.with_limit(self.tok.col, self.structure_field))
        return fields

    def cmd_structure(self, start: Token, kw: Token, mods: ast.Modifiers) -> ast.Command:
        name = self.ident_name()
        universes = self.universe_params()
        binders = self.decl_binders()
        extends: tuple[ast.Term, ...] = ()
        if self.accept("extends"):
            extends = self.comma_terms()
        type_ = self.term() if self.accept(":") else None
        ctor_name = None
        fields: list[ast.FieldDecl] = []
        if self.accept("where"):
            if self.tok.kind == IDENT and self.peek().is_sym("::"):
                ctor_name = self.ident_name()
                self.advance()
            if (self.tok.kind == IDENT or self.at("(", "{", "[", "⦃")) and self.col_ok(self.tok):
                fields = self.with_limit(self.tok.col, self.structure_fields)
        deriving = self.deriving_clause()
        return ast.Structure(start.pos, self.last_end(), self.source_from(start), mods, str(kw.text), name,
                             universes, binders, extends, type_, ctor_name, tuple(fields), deriving)

    # -- other commands ------------------------------------------------------------------

    def cmd_unsupported(self, start: Token) -> ast.Command:
        kw = self.advance()
        self.raw_until_command()
        return ast.UnsupportedCommand(start.pos, self.last_end(), self.source_from(start), str(kw.text))

    def cmd_universe(self, start: Token) -> ast.Command:
        names = [self.ident_name()]
        while self.tok.kind == IDENT and self.col_ok(self.tok):
            names.append(self.ident_name())
        return ast.Universe(start.pos, self.last_end(), self.source_from(start), tuple(names))

    def cmd_variable(self, start: Token) -> ast.Command:
        binders = []
        while self.at_binder_bracket():
            binders.append(self.bracketed_binder())
        if not binders:
            self.fail("binder")
        return ast.Variable(start.pos, self.last_end(), self.source_from(start), tuple(binders))

    def optional_name(self) -> Optional[str]:
        if self.tok.kind == IDENT and self.col_ok(self.tok):
            return self.ident_name()
        return None

    def cmd_namespace(self, start: Token) -> ast.Command:
        return ast.Namespace(start.pos, self.last_end(), self.source_from(start), self.ident_name())

    def cmd_section(self, start: Token) -> ast.Command:
        name = self.optional_name()
        return ast.Section(start.pos, self.last_end(), self.source_from(start), name)

    def cmd_end(self, start: Token) -> ast.Command:
        name = self.optional_name()
        return ast.End(start.pos, self.last_end(), self.source_from(start), name)

    def maybe_in(self, start: Token, prefix: ast.Command) -> ast.Command:
        if not self.accept("in"):
            return prefix
        inner_start = self.tok
        inner = self.with_limit(-1, lambda: self.command_body(inner_start, False))
        return ast.InCommand(start.pos, self.last_end(), self.source_from(start), prefix, inner)

    def cmd_open(self, start: Token) -> ast.Command:
        scoped = self.accept("scoped") is not None
        names = [self.ident_name()]
        only: Optional[tuple[str, ...]] = None
        hiding: tuple[str, ...] = ()
        if self.at("(") and not self.tok.first_on_line:  # `open Nat (succ pred)`: only those names
            self.advance()
            only = tuple(self.ident_run())
            self.expect(")")
        elif self.accept("hiding"):  # `open Nat hiding succ`
            hiding = tuple(self.ident_run())
        elif self.at("renaming"):
            self.fail("identifier")  # `open A renaming x → y` is outside the fragment: a parse error, never ignored
        else:
            while self.tok.kind == IDENT and self.col_ok(self.tok):
                names.append(self.ident_name())
        prefix = ast.Open(start.pos, self.last_end(), self.source_from(start), tuple(names), scoped, only, hiding)
        return self.maybe_in(start, prefix)

    def ident_run(self) -> list[str]:
        """One or more identifiers on the command's lines."""
        names = [self.ident_name()]
        while self.tok.kind == IDENT and self.col_ok(self.tok):
            names.append(self.ident_name())
        return names

    def cmd_include(self, start: Token) -> ast.Command:
        keyword = str(self.toks[self.i - 1].text)
        if self.at("["):
            self.fail("identifier")  # `omit [C α]` (instance binders) is outside the fragment
        names = tuple(self.ident_run())
        cls = ast.Include if keyword == "include" else ast.Omit
        return self.maybe_in(start, cls(start.pos, self.last_end(), self.source_from(start), names))

    def cmd_export(self, start: Token) -> ast.Command:
        namespace = self.ident_name()
        self.expect("(")
        names = tuple(self.ident_run())
        self.expect(")")
        return ast.Export(start.pos, self.last_end(), self.source_from(start), namespace, names)

    def cmd_set_option(self, start: Token) -> ast.Command:
        name = self.ident_name()
        t = self.tok
        value: Union[bool, int, str]
        if t.kind == IDENT and t.value in ("true", "false"):
            value = t.value == "true"
        elif t.kind in (NUM, STR, IDENT):
            value = t.value  # type: ignore[assignment]
        else:
            return self.fail("'true', 'false', num or str")
        self.advance()
        prefix = ast.SetOption(start.pos, self.last_end(), self.source_from(start), name, value)
        return self.maybe_in(start, prefix)

    def cmd_term(self, start: Token) -> ast.Command:
        cls = {"#check": ast.Check, "#eval": ast.Eval, "#reduce": ast.Reduce}[self.toks[self.i - 1].text]
        term = self.term()
        return cls(start.pos, self.last_end(), self.source_from(start), term)

    def cmd_print(self, start: Token) -> ast.Command:
        axioms = False
        if self.tok.kind == IDENT and self.tok.value == "axioms" and self.peek().kind == IDENT and not self.peek().first_on_line:
            self.advance()
            axioms = True
        if self.tok.kind == STR:
            value = str(self.advance().value)
            return ast.Print(start.pos, self.last_end(), self.source_from(start), value, False, True)
        name = self.ident_name()
        return ast.Print(start.pos, self.last_end(), self.source_from(start), name, axioms, False)

    def cmd_attribute(self, start: Token) -> ast.Command:
        if not self.at("["):
            self.fail("'['")
        attributes = self.attribute_list()
        names = [self.ident_name()]
        while self.tok.kind == IDENT and self.col_ok(self.tok):
            names.append(self.ident_name())
        return ast.AttributeCmd(start.pos, self.last_end(), self.source_from(start), tuple(attributes), tuple(names))

    # ================================================================== entry points

    def file(self) -> ast.File:
        commands: list[ast.Command] = []
        imports_allowed = True
        while self.tok.kind != EOF:
            start_index = self.i
            start = self.tok
            try:
                try:
                    cmd = self.command(imports_allowed)
                except RecursionError:  # hostile nesting fails this command only, never the file
                    raise ParseError("maximum nesting depth exceeded", self.tok.line, self.tok.col, self.filename) from None
            except ParseError as err:
                self.skip_to_next_command(start_index)
                end = self.last_end() if self.i > start_index else start.end_pos
                cmd = ast.ErrorCommand(start.pos, end, self.source_from(start), err)
            if not isinstance(cmd, ast.Import):
                imports_allowed = False
            commands.append(cmd)
        return ast.File((1, 0), self.tok.pos, tuple(commands))

    def skip_to_next_command(self, start_index: int) -> None:
        """Resume at the next line that starts (column 0) with a command keyword."""
        if self.i == start_index:
            self.advance()
        while self.tok.kind != EOF:
            t = self.tok
            if t.first_on_line and t.col == 0 and (self.at_command_start() or t.doc is not None):
                return
            self.advance()

    def expect_end(self) -> None:
        if self.tok.kind != EOF:
            self.fail("end of input")


def _guarded(run: Callable[[], object], parser: Parser):
    """Run a parse, turning internal failures on hostile input into ParseError."""
    try:
        return run()
    except RecursionError:
        t = parser.tok
        raise ParseError("maximum nesting depth exceeded", t.line, t.col, parser.filename) from None


def parse_file(text: str, filename: str = "<input>") -> ast.File:
    """Parse a whole Lean file; commands that fail to parse become ``ErrorCommand``s."""
    parser = Parser(text, filename)
    return _guarded(parser.file, parser)  # type: ignore[return-value]


def parse_term(text: str, filename: str = "<input>") -> ast.Term:
    """Parse a single term (e.g. a pretty-printed goal); raises ``ParseError``."""
    parser = Parser(text, filename)

    def run() -> ast.Term:
        term = parser.term()
        parser.expect_end()
        return term

    return _guarded(run, parser)  # type: ignore[return-value]


def parse_tactic_block(text: str, filename: str = "<input>") -> ast.TacticSeq:
    """Parse a tactic sequence as sent in REPL tactic mode; raises ``ParseError``."""
    parser = Parser(text, filename)

    def run() -> ast.TacticSeq:
        seq = parser.tactic_seq(require_col_gt=False)
        if not seq.tactics and parser.tok.kind != EOF:
            parser.fail("tactic")
        parser.expect_end()
        return seq

    return _guarded(run, parser)  # type: ignore[return-value]


def expand_cdots(term: ast.Term) -> ast.Term:
    """Lean's `·` notation: each `·` of a parenthesised term, left to right, is a new binder of a
    `fun` around it (`(· + 1)` is `fun x => x + 1`). A `·` inside a nested parenthesis was already
    expanded there, so every `CDot` left in `term` belongs to this one."""
    names: list[str] = []

    def walk(node: object) -> object:
        if isinstance(node, ast.CDot):
            names.append(f"x✝{len(names) + 1}")
            return ast.Ident(node.pos, node.end_pos, names[-1], None)
        if isinstance(node, tuple):
            items = tuple(walk(x) for x in node)
            return node if all(a is b for a, b in zip(items, node)) else items
        if not isinstance(node, ast.Node):
            return node
        changes = {}
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            new = walk(value)
            if new is not value:
                changes[f.name] = new
        return dataclasses.replace(node, **changes) if changes else node

    body = walk(term)
    if not names:
        return term
    binders = tuple(ast.Binder(term.pos, term.end_pos, ast.EXPLICIT, (n,), None, None) for n in names)
    return ast.Fun(term.pos, term.end_pos, binders, body)
