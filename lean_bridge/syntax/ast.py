"""Syntax trees for the Lean 4 surface-syntax fragment.

Every node is a frozen, slotted dataclass whose first two fields are ``pos``
and ``end_pos``: ``(line, column)`` with 1-based lines and 0-based columns
counted in Unicode code points (Lean's convention); ``end_pos`` is exclusive.
Tactics and commands also carry ``source``, the exact source text they span.

The trees stay close to Lean's *syntax* (before elaboration): names are
strings, applications keep all their arguments in one ``App`` node, binary
notation is a ``BinOp`` with Lean's token (ASCII alternatives normalised to
the Unicode token, e.g. ``->`` becomes ``→``), parentheses are not kept as
nodes (their span is in the child's position only for ``Tuple``/ascription).

``to_sexpr(node)`` renders any node as a compact S-expression for tests and
debugging (positions and source text are left out).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Optional, Union

from .errors import ParseError

Pos = tuple[int, int]

node = dataclass(frozen=True, slots=True)

# Binder kinds.
EXPLICIT = "explicit"  # (x : α)
IMPLICIT = "implicit"  # {x : α}
STRICT_IMPLICIT = "strict_implicit"  # ⦃x : α⦄
INST_IMPLICIT = "inst_implicit"  # [inst : C α]


@node
class Node:
    """Base of all syntax nodes: a source span."""

    pos: Pos
    end_pos: Pos


# --------------------------------------------------------------------------- levels


@node
class Level(Node):
    """Base of universe level expressions."""


@node
class LevelNum(Level):
    """A numeric level `0`, `1`, ..."""

    value: int


@node
class LevelName(Level):
    """A universe variable `u`."""

    name: str


@node
class LevelHole(Level):
    """A level placeholder `_`."""


@node
class LevelAdd(Level):
    """A level plus a literal, `u+1`."""

    base: Level
    offset: int


@node
class LevelMax(Level):
    """`max u v ...`."""

    args: tuple[Level, ...]


@node
class LevelIMax(Level):
    """`imax u v ...`."""

    args: tuple[Level, ...]


# --------------------------------------------------------------------------- terms


@node
class Term(Node):
    """Base of term syntax."""


@node
class Binder(Node):
    """A binder group: `x`, `(x y : α)`, `{x : α}`, `⦃x⦄`, `[inst : C α]`, `(x : α := d)`; names may be `_`."""

    kind: str  # EXPLICIT, IMPLICIT, STRICT_IMPLICIT or INST_IMPLICIT
    names: tuple[str, ...]  # empty for an anonymous instance binder `[C α]`
    type: Optional[Term]
    default: Optional[Term]


@node
class Ident(Term):
    """An identifier, possibly dotted (`Nat.succ`, `h.mp`), with optional explicit universes `foo.{u}`."""

    name: str
    levels: Optional[tuple[Level, ...]]


@node
class Explicit(Term):
    """`@f`: an identifier with all arguments explicit."""

    ident: Ident


@node
class DotIdent(Term):
    """A leading-dot constructor `.inl`, resolved against the expected type."""

    name: str


@node
class Num(Term):
    """A natural-number literal (decimal, `0x`, `0b`, `0o`)."""

    value: int


@node
class Str(Term):
    """A string literal."""

    value: str


@node
class Char(Term):
    """A character literal `'a'`."""

    value: str


@node
class Sort(Term):
    """`Sort` or `Sort u`."""

    level: Optional[Level]


@node
class Type(Term):
    """`Type` or `Type u` (that is, `Sort (u+1)`)."""

    level: Optional[Level]


@node
class Prop(Term):
    """`Prop` (that is, `Sort 0`)."""


@node
class Hole(Term):
    """The placeholder `_`."""


@node
class SyntheticHole(Term):
    """A synthetic hole `?_` (name None) or `?x`."""

    name: Optional[str]


@node
class Sorry(Term):
    """`sorry`."""


@node
class Omitted(Term):
    """`⋯`, a subterm the pretty-printer omitted."""


@node
class CDot(Term):
    """`·` as a term, as in `(· + 1)`."""


@node
class Ellipsis(Term):
    """`..` as the last argument of an application: every remaining explicit argument is `_`."""


@node
class NoFun(Term):
    """`nofun`: a function out of an empty type (Lean's `fun.`)."""


@node
class NoMatch(Term):
    """`nomatch e₁, …`: a match with no alternatives (the discriminants' types are empty)."""

    discrs: tuple[Term, ...]


@node
class NamedArg(Node):
    """A named application argument `(x := e)`."""

    name: str
    value: Term


@node
class App(Term):
    """Application `f a (x := b) c` with all its arguments."""

    fn: Term
    args: tuple[Union[Term, NamedArg], ...]


@node
class BinOp(Term):
    """Binary notation `lhs op rhs` (op is Lean's Unicode token: `+`, `∧`, `→` is `Arrow`, ...)."""

    op: str
    lhs: Term
    rhs: Term


@node
class UnOp(Term):
    """Prefix notation `¬p`, `-x`, `↑x`, `!b`."""

    op: str
    arg: Term


@node
class Arrow(Term):
    """Non-dependent function type `α → β`."""

    domain: Term
    codomain: Term


@node
class DepArrow(Term):
    """Dependent arrow `(x : α) → β`, `{x : α} → β`, `[C α] → β`."""

    binder: Binder
    body: Term


@node
class Forall(Term):
    """`∀ binders, body`."""

    binders: tuple[Binder, ...]
    body: Term


@node
class Exists(Term):
    """`∃ binders, body`."""

    binders: tuple[Binder, ...]
    body: Term


@node
class Fun(Term):
    """`fun binders => body` (binders are `Binder`s or patterns such as `⟨a, b⟩`)."""

    binders: tuple[Union[Binder, Term], ...]
    body: Term


@node
class MatchAlt(Node):
    """One alternative `| p1, p2 => rhs` of a `match`, `fun` or equation definition."""

    patterns: tuple[Term, ...]
    rhs: Term


@node
class FunMatch(Term):
    """`fun | pat => e | pat => e`."""

    alts: tuple[MatchAlt, ...]


@node
class AnonymousCtor(Term):
    """Anonymous constructor `⟨a, b, c⟩`."""

    args: tuple[Term, ...]


@node
class ListLit(Term):
    """List literal `[a, b]` (or `[]`)."""

    elems: tuple[Term, ...]


@node
class Tuple(Term):
    """Tuple `(a, b)`; `()` is the empty tuple (Unit.unit)."""

    elems: tuple[Term, ...]


@node
class TypeAscription(Term):
    """Type ascription `(e : T)`."""

    term: Term
    type: Term


@node
class StructField(Node):
    """A field `x := e` of a structure instance."""

    name: str
    value: Term


@node
class StructInst(Term):
    """Structure instance `{ x := 1, y := 2 }`, `{ s with x := 1 }`, `{}`."""

    base: Optional[Term]
    fields: tuple[StructField, ...]


@node
class Proj(Term):
    """Projection `e.1` (int field) or generalized field notation `(e).mp` (str field)."""

    term: Term
    field: Union[int, str]


@node
class Show(Term):
    """`show T from e`, `show T by tac`, or `show T` alone (value None)."""

    type: Term
    value: Optional[Term]


@node
class Have(Term):
    """`have h binders : T := e; body` (name None for `have : T`; pattern for `have ⟨a, b⟩ := e`)."""

    name: Optional[str]
    pattern: Optional[Term]
    binders: tuple[Binder, ...]
    type: Optional[Term]
    value: Term
    body: Term


@node
class Let(Term):
    """`let x binders : T := v; body`."""

    name: Optional[str]
    pattern: Optional[Term]
    binders: tuple[Binder, ...]
    type: Optional[Term]
    value: Term
    body: Term


@node
class Suffices(Term):
    """`suffices h : T from e; body` / `suffices h : T by tac; body`."""

    name: Optional[str]
    type: Term
    value: Term
    body: Term


@node
class MatchDiscr(Node):
    """A `match` discriminant `e` or `h : e`."""

    name: Optional[str]
    term: Term


@node
class Match(Term):
    """`match h : e, e2 with | p1, p2 => rhs | ...`."""

    discrs: tuple[MatchDiscr, ...]
    alts: tuple[MatchAlt, ...]


@node
class If(Term):
    """`if c then a else b` and `if h : c then a else b`."""

    hyp: Optional[str]
    cond: Term
    then: Term
    else_: Term


@node
class CalcStep(Node):
    """A `calc` step `a = b := proof` (proof None for a bare first term)."""

    term: Term
    proof: Optional[Term]


@node
class Calc(Term):
    """`calc` with its steps."""

    steps: tuple[CalcStep, ...]


@node
class By(Term):
    """A tactic block `by tacs`."""

    tactics: "TacticSeq"


# --------------------------------------------------------------------------- tactics


@node
class Tactic(Node):
    """Base of tactic syntax; `source` is the exact text (for the REPL's `allTactics`)."""

    source: str


@node
class TacticSeq(Node):
    """A sequence of tactics (separated by newlines at one column, or `;`)."""

    tactics: tuple[Tactic, ...]


@node
class Location(Node):
    """A location `at h₁ h₂ ⊢` or `at *`."""

    hyps: tuple[str, ...]
    goal: bool
    wildcard: bool


# rcases patterns ------------------------------------------------------------


@node
class RPat(Node):
    """Base of rcases patterns."""


@node
class RPatName(RPat):
    """A pattern naming a hypothesis, or `_` / `rfl`."""

    name: str


@node
class RPatClear(RPat):
    """The clearing pattern `-`."""


@node
class RPatTuple(RPat):
    """`⟨p1, p2, ...⟩`."""

    args: tuple[RPat, ...]


@node
class RPatAlts(RPat):
    """Alternatives `p1 | p2`."""

    alts: tuple[RPat, ...]


@node
class RPatTyped(RPat):
    """A typed pattern `(p : T)`."""

    pat: RPat
    type: Term


# tactic arguments ------------------------------------------------------------


@node
class RwRule(Node):
    """A rewrite rule `e` or `← e`."""

    symm: bool
    term: Term


@node
class SimpArg(Node):
    """A simp argument: a lemma `e`/`← e`, `*` (kind "star"), or `-name` (kind "erase")."""

    kind: str  # "lemma", "star" or "erase"
    symm: bool
    term: Optional[Term]


@node
class CasesTarget(Node):
    """A `cases`/`induction` target `e` or `h : e`."""

    name: Optional[str]
    term: Term


@node
class InductionAlt(Node):
    """An alternative `| tag x y => tacs` of `cases`/`induction ... with` (tag may be `_`)."""

    tag: str
    names: tuple[str, ...]
    body: TacticSeq
    hole: bool = False  # `| succ x => ?_` (or `_`): the alternative's goal stays open, as Lean's `isHoleRHS`


@node
class CaseArg(Node):
    """A `case` tag with names: `inl h`."""

    tag: str
    names: tuple[str, ...]


# tactic kinds ------------------------------------------------------------------


@node
class Intro(Tactic):
    """`intro x y ⟨a, b⟩ _` (patterns are terms; no patterns = `intro`)."""

    patterns: tuple[Term, ...]


@node
class Intros(Tactic):
    """`intros x y`."""

    names: tuple[str, ...]


@node
class Rintro(Tactic):
    """`rintro pats (: T)?`."""

    patterns: tuple[RPat, ...]
    type: Optional[Term]


@node
class Exact(Tactic):
    """`exact e`."""

    term: Term


@node
class Apply(Tactic):
    """`apply e`."""

    term: Term


@node
class Refine(Tactic):
    """`refine e`."""

    term: Term


@node
class ExistsTac(Tactic):
    """`exists e, e'`."""

    terms: tuple[Term, ...]


@node
class Use(Tactic):
    """`use e, e'`."""

    terms: tuple[Term, ...]


@node
class Cases(Tactic):
    """`cases h`, `cases h : e`, `cases h with | inl h => tac | ...`."""

    targets: tuple[CasesTarget, ...]
    using: Optional[Term]
    alts: Optional[tuple[InductionAlt, ...]]
    pre: Optional[Tactic] = None  # `with tac | …`: run on every alternative's goal first


@node
class Induction(Tactic):
    """`induction n generalizing m with | zero => tac | succ k ih => tac`."""

    targets: tuple[CasesTarget, ...]
    using: Optional[Term]
    generalizing: tuple[str, ...]
    alts: Optional[tuple[InductionAlt, ...]]
    pre: Optional[Tactic] = None  # `with tac | …`: run on every alternative's goal first


@node
class Rcases(Tactic):
    """`rcases h with pat`."""

    targets: tuple[CasesTarget, ...]
    pattern: Optional[RPat]


@node
class Obtain(Tactic):
    """`obtain pat : T := e` (each part optional)."""

    pattern: Optional[RPat]
    type: Optional[Term]
    values: tuple[Term, ...]


@node
class RenameI(Tactic):
    """`rename_i a b`."""

    names: tuple[str, ...]


@node
class Rewrite(Tactic):
    """`rw`/`rewrite`/`rwa [rules] at loc` (variant is the tactic name)."""

    variant: str
    config: Optional[Term]
    rules: tuple[RwRule, ...]
    location: Optional[Location]


@node
class Simp(Tactic):
    """`simp`/`simp_all`/`dsimp`/`simp?` with `only`, `[args]`, `at loc` (and `simpa ... using e`)."""

    variant: str
    config: Optional[Term]
    only: bool
    args: Optional[tuple[SimpArg, ...]]
    location: Optional[Location]
    using: Optional[Term]


@node
class MatchTac(Tactic):
    """`match h with | p => tacs | …` as a tactic: the term `match` whose alternatives are `by tacs`."""

    term: "Match"


@node
class ShowTac(Tactic):
    """`show T`."""

    type: Term


@node
class HaveTac(Tactic):
    """`have h binders : T := e` (value None for `have h : T`, which adds a goal)."""

    name: Optional[str]
    pattern: Optional[Term]
    binders: tuple[Binder, ...]
    type: Optional[Term]
    value: Optional[Term]


@node
class Injection(Tactic):
    """`injection h with a b` (fid-nat)."""

    term: Term
    names: tuple[str, ...]


@node
class LetTac(Tactic):
    """`let x : T := e` (or `let ⟨a, b⟩ := e`: `pattern`)."""

    name: Optional[str]
    binders: tuple[Binder, ...]
    type: Optional[Term]
    value: Term
    pattern: Optional[Term] = None


@node
class SufficesTac(Tactic):
    """`suffices h : T`, `suffices h : T by tac`, `suffices h : T from e` (value: proves the goal from `h`)."""

    name: Optional[str]
    type: Term
    value: Optional[Term]


@node
class CalcTac(Tactic):
    """`calc` used as a tactic."""

    calc: Calc


@node
class ByCases(Tactic):
    """`by_cases h : p`."""

    name: Optional[str]
    term: Term


@node
class Specialize(Tactic):
    """`specialize h x`."""

    term: Term


@node
class Subst(Tactic):
    """`subst h₁ h₂`."""

    terms: tuple[Term, ...]


@node
class Funext(Tactic):
    """`funext x y`: `apply funext` and `intro x` for each name (patterns are terms)."""

    patterns: tuple[Term, ...]


@node
class Unfold(Tactic):
    """`unfold f g at h`."""

    names: tuple[str, ...]
    location: Optional[Location]


@node
class Change(Tactic):
    """`change T at h`."""

    term: Term
    location: Optional[Location]


@node
class Clear(Tactic):
    """`clear h₁ h₂`."""

    names: tuple[str, ...]


@node
class Revert(Tactic):
    """`revert x y`."""

    names: tuple[str, ...]


@node
class Trace(Tactic):
    """`trace "msg"`."""

    message: str


@node
class Rfl(Tactic):
    """`rfl`."""


@node
class Constructor(Tactic):
    """`constructor`."""


@node
class Left(Tactic):
    """`left`."""


@node
class Right(Tactic):
    """`right`."""


@node
class Exfalso(Tactic):
    """`exfalso`."""


@node
class Contradiction(Tactic):
    """`contradiction`."""


@node
class Assumption(Tactic):
    """`assumption`."""


@node
class Trivial(Tactic):
    """`trivial`."""


@node
class Decide(Tactic):
    """`decide`."""


@node
class Omega(Tactic):
    """`omega`."""


@node
class Symm(Tactic):
    """`symm`."""


@node
class Split(Tactic):
    """`split`."""


@node
class ExactQuestion(Tactic):
    """`exact?` (library search)."""


@node
class SorryTac(Tactic):
    """`sorry` as a tactic."""


@node
class Admit(Tactic):
    """`admit`."""


@node
class Skip(Tactic):
    """`skip`."""


@node
class Done(Tactic):
    """`done`."""


@node
class ThenAll(Tactic):
    """`t1 <;> t2`: run t2 on every goal t1 produces."""

    first: Tactic
    then: Tactic


@node
class CDotTac(Tactic):
    """`· tacs` / `. tacs`: focus the main goal, which the block must close."""

    body: TacticSeq


@node
class Case(Tactic):
    """`case tag x y => tacs` (several tags with `|`)."""

    args: tuple[CaseArg, ...]
    body: TacticSeq


@node
class Next(Tactic):
    """`next x y => tacs`."""

    names: tuple[str, ...]
    body: TacticSeq


@node
class AllGoals(Tactic):
    """`all_goals tacs`."""

    body: TacticSeq


@node
class AnyGoals(Tactic):
    """`any_goals tacs`."""

    body: TacticSeq


@node
class First(Tactic):
    """`first | t1 | t2`."""

    alts: tuple[TacticSeq, ...]


@node
class Try(Tactic):
    """`try tacs`."""

    body: TacticSeq


@node
class Repeat(Tactic):
    """`repeat tacs`."""

    body: TacticSeq


@node
class RepeatAll(Tactic):
    """`repeat' tacs`: run on every goal, and again on every goal that produces, until it fails."""

    body: TacticSeq


@node
class Iterate(Tactic):
    """`iterate n tacs` (exactly n times) or `iterate tacs` (until it fails)."""

    count: Optional[int]
    body: TacticSeq


@node
class Focus(Tactic):
    """`focus tacs`."""

    body: TacticSeq


@node
class OnGoal(Tactic):
    """`on_goal n => tacs`."""

    index: int
    body: TacticSeq


@node
class Rotate(Tactic):
    """`rotate_left n` / `rotate_right n` (n defaults to 1): cycle the goal list."""

    left: bool
    count: int


@node
class Nested(Tactic):
    """`(tacs)` (bracket "(") or `{ tacs }` (bracket "{", which must close the goal)."""

    bracket: str
    body: TacticSeq


# --------------------------------------------------------------------------- commands




@node
class Attribute(Node):
    """An attribute `simp` or `simp ←` inside `@[...]` (args kept as raw text)."""

    name: str
    args: str


@node
class Modifiers(Node):
    """Declaration modifiers: doc comment, `@[attrs]`, visibility, `noncomputable`, `partial`, `unsafe`."""

    doc: Optional[str]
    attributes: tuple[Attribute, ...]
    visibility: Optional[str]  # "private", "protected" or None
    noncomputable: bool
    partial: bool
    unsafe: bool


@node
class Command(Node):
    """Base of commands; `source` is the exact command text."""

    source: str


@node
class Equations(Node):
    """A definition body given by pattern-matching alternatives `| pats => rhs`."""

    alts: tuple[MatchAlt, ...]


DeclValue = Union[Term, Equations]


@node
class Theorem(Command):
    """`theorem`/`lemma` name.{u} binders : type := value."""

    modifiers: Modifiers
    keyword: str
    name: str
    universes: tuple[str, ...]
    binders: tuple[Binder, ...]
    type: Term
    value: DeclValue


@node
class Definition(Command):
    """`def`/`abbrev`/`instance`/`opaque` (name None for an anonymous instance)."""

    modifiers: Modifiers
    keyword: str
    name: Optional[str]
    universes: tuple[str, ...]
    binders: tuple[Binder, ...]
    type: Optional[Term]
    value: Optional[DeclValue]
    termination_by: Optional[str]
    decreasing_by: Optional[str]
    priority: Optional["NamedArg"] = None  # `instance (priority := low)`


@node
class Example(Command):
    """`example binders : type := value`."""

    modifiers: Modifiers
    binders: tuple[Binder, ...]
    type: Optional[Term]
    value: DeclValue


@node
class Axiom(Command):
    """`axiom name binders : type`."""

    modifiers: Modifiers
    name: str
    universes: tuple[str, ...]
    binders: tuple[Binder, ...]
    type: Term


@node
class Constructor_(Node):
    """An inductive constructor `| name binders : type` (type optional)."""

    modifiers: Modifiers
    name: str
    binders: tuple[Binder, ...]
    type: Optional[Term]


@node
class Inductive(Command):
    """`inductive Name binders : type where | ctors ... deriving ...`."""

    modifiers: Modifiers
    name: str
    universes: tuple[str, ...]
    binders: tuple[Binder, ...]
    type: Optional[Term]
    ctors: tuple[Constructor_, ...]
    deriving: tuple[str, ...]
    is_class: bool = False  # `class inductive`: a type class with several constructors (`Decidable`)


@node
class FieldDecl(Node):
    """A structure field `x y : α := default` (or `(x : α)`)."""

    names: tuple[str, ...]
    binders: tuple[Binder, ...]
    type: Optional[Term]
    default: Optional[Term]


@node
class Structure(Command):
    """`structure`/`class` Name binders extends ... : type where ctor :: fields."""

    modifiers: Modifiers
    keyword: str
    name: str
    universes: tuple[str, ...]
    binders: tuple[Binder, ...]
    extends: tuple[Term, ...]
    type: Optional[Term]
    ctor_name: Optional[str]
    fields: tuple[FieldDecl, ...]
    deriving: tuple[str, ...]


@node
class Universe(Command):
    """`universe u v`."""

    names: tuple[str, ...]


@node
class Variable(Command):
    """`variable binders`."""

    binders: tuple[Binder, ...]


@node
class Namespace(Command):
    """`namespace A.B`."""

    name: str


@node
class Section(Command):
    """`section` or `section S`."""

    name: Optional[str]


@node
class End(Command):
    """`end` or `end X`."""

    name: Optional[str]


@node
class Open(Command):
    """`open A B` (`open scoped A` sets scoped); `open A (x y)` opens only `x y`, `open A hiding x` all but `x`."""

    names: tuple[str, ...]
    scoped: bool
    only: Optional[tuple[str, ...]] = None
    hiding: tuple[str, ...] = ()


@node
class Include(Command):
    """`include h` (section variables every later theorem takes)."""

    names: tuple[str, ...]


@node
class Omit(Command):
    """`omit h` (undoes `include h`)."""

    names: tuple[str, ...]


@node
class Export(Command):
    """`export A (x y)`: `x y` become aliases of `A.x A.y` in the current namespace."""

    namespace: str
    names: tuple[str, ...]


@node
class SetOption(Command):
    """`set_option name value`."""

    name: str
    value: Union[bool, int, str]


@node
class InCommand(Command):
    """`open A in cmd` / `set_option o v in cmd`."""

    prefix: Command
    command: Command


@node
class Check(Command):
    """`#check e`."""

    term: Term


@node
class Eval(Command):
    """`#eval e`."""

    term: Term


@node
class Reduce(Command):
    """`#reduce e`."""

    term: Term


@node
class Print(Command):
    """`#print name`, `#print axioms name` or `#print "string"`."""

    name: str
    axioms: bool
    is_string: bool


@node
class Import(Command):
    """`import X` (only at the start of a file)."""

    module: str


@node
class AttributeCmd(Command):
    """`attribute [simp] foo bar` (`-simp` erases; kept in the attribute name)."""

    attributes: tuple[Attribute, ...]
    names: tuple[str, ...]


@node
class UnsupportedCommand(Command):
    """A Lean command outside the fragment (`notation`, `macro`, `mutual`, ...), kept as raw text."""

    keyword: str


@node
class ErrorCommand(Command):
    """A command that failed to parse; parsing resumed at the next command line."""

    error: ParseError


@node
class File(Node):
    """A whole file: its commands in order."""

    commands: tuple[Command, ...]


# --------------------------------------------------------------------------- S-expressions

_HIDDEN_FIELDS = frozenset({"pos", "end_pos", "source"})
_BRACKETS = {EXPLICIT: "()", IMPLICIT: "{}", STRICT_IMPLICIT: "⦃⦄", INST_IMPLICIT: "[]"}


def _atom(value: object) -> str:
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        if value and not any(c in value for c in ' ()[]"\n\t'):
            return value
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, ParseError):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, tuple):
        return "[" + " ".join(to_sexpr(v) for v in value) + "]"
    return repr(value)


def _binder_sexpr(b: Binder) -> str:
    names = " ".join(b.names)
    if b.type is None and b.kind == EXPLICIT and b.default is None:
        return names if len(b.names) == 1 else f"({names})"
    inner = names
    if b.type is not None:
        inner = f"{names} : {to_sexpr(b.type)}" if names else to_sexpr(b.type)
    if b.default is not None:
        inner += f" := {to_sexpr(b.default)}"
    left, right = _BRACKETS[b.kind]
    return f"{left}{inner}{right}"


def _level_sexpr(lv: Level) -> str:
    if isinstance(lv, LevelNum):
        return str(lv.value)
    if isinstance(lv, LevelName):
        return lv.name
    if isinstance(lv, LevelHole):
        return "_"
    if isinstance(lv, LevelAdd):
        return f"(+ {_level_sexpr(lv.base)} {lv.offset})"
    if isinstance(lv, LevelMax):
        return "(max " + " ".join(_level_sexpr(a) for a in lv.args) + ")"
    if isinstance(lv, LevelIMax):
        return "(imax " + " ".join(_level_sexpr(a) for a in lv.args) + ")"
    raise TypeError(lv)


def _term_sexpr(t: Term) -> Optional[str]:
    """Compact forms for the common terms; None means: use the generic form."""
    if isinstance(t, Ident):
        if t.levels is None:
            return t.name
        return f"{t.name}.{{{' '.join(_level_sexpr(lv) for lv in t.levels)}}}"
    if isinstance(t, Num):
        return str(t.value)
    if isinstance(t, Hole):
        return "_"
    if isinstance(t, SyntheticHole):
        return "?_" if t.name is None else f"?{t.name}"
    if isinstance(t, Sorry):
        return "sorry"
    if isinstance(t, Prop):
        return "Prop"
    if isinstance(t, (Type, Sort)):
        word = "Type" if isinstance(t, Type) else "Sort"
        return word if t.level is None else f"({word} {_level_sexpr(t.level)})"
    if isinstance(t, Explicit):
        return "@" + to_sexpr(t.ident)
    if isinstance(t, DotIdent):
        return "." + t.name
    if isinstance(t, App):
        return "(" + " ".join(to_sexpr(x) for x in (t.fn, *t.args)) + ")"
    if isinstance(t, BinOp):
        return f"({t.op} {to_sexpr(t.lhs)} {to_sexpr(t.rhs)})"
    if isinstance(t, UnOp):
        return f"({t.op} {to_sexpr(t.arg)})"
    if isinstance(t, Arrow):
        return f"(→ {to_sexpr(t.domain)} {to_sexpr(t.codomain)})"
    if isinstance(t, DepArrow):
        return f"(→ {_binder_sexpr(t.binder)} {to_sexpr(t.body)})"
    if isinstance(t, (Forall, Exists, Fun)):
        head = {Forall: "∀", Exists: "∃", Fun: "fun"}[type(t)]
        parts = [to_sexpr(b) for b in t.binders]
        return f"({head} {' '.join(parts)} {to_sexpr(t.body)})"
    if isinstance(t, AnonymousCtor):
        return "⟨" + " ".join(to_sexpr(a) for a in t.args) + "⟩"
    if isinstance(t, Proj):
        return f"(. {to_sexpr(t.term)} {t.field})"
    return None


def to_sexpr(n: object) -> str:
    """Render a node (or tuple/atom) as a compact S-expression without positions."""
    if isinstance(n, Binder):
        return _binder_sexpr(n)
    if isinstance(n, Level):
        return _level_sexpr(n)
    if isinstance(n, Term):
        compact = _term_sexpr(n)
        if compact is not None:
            return compact
    if isinstance(n, NamedArg):
        return f"({n.name} := {to_sexpr(n.value)})"
    if not isinstance(n, Node):
        return _atom(n)
    parts = [type(n).__name__]
    for f in dataclasses.fields(n):
        value = getattr(n, f.name)
        if f.name in _HIDDEN_FIELDS or (f.default is not dataclasses.MISSING and value == f.default):
            continue  # optional fields (`Open.only`, `Definition.priority`) show only when given
        parts.append(to_sexpr(value))
    return "(" + " ".join(parts) + ")"
