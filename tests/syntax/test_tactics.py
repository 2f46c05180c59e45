"""Tactic blocks: each tactic kind, combinators, layout and source spans."""

from __future__ import annotations

import pytest

from lean_bridge.syntax import ParseError, ast, parse_tactic_block, parse_term, to_sexpr

SIMP = "(Simp simp nil false nil nil nil)"


def sx(text: str) -> str:
    seq = parse_tactic_block(text)
    return " ".join(to_sexpr(t) for t in seq.tactics)


@pytest.mark.parametrize("text, expected", [
    ("intro x y ⟨a, b⟩ _", "(Intro [x y ⟨a b⟩ _])"),
    ("intro", "(Intro [])"),
    ("intros", "(Intros [])"),
    ("rintro (h | h) ⟨a, -⟩ rfl", "(Rintro [(RPatAlts [(RPatName h) (RPatName h)]) "
                                  "(RPatTuple [(RPatName a) (RPatClear)]) (RPatName rfl)] nil)"),
    ("rintro ⟨x, _⟩ (h : p)", "(Rintro [(RPatTuple [(RPatName x) (RPatName _)]) (RPatTyped (RPatName h) p)] nil)"),
    ("exact h.1", "(Exact (. h 1))"),
    ("exact -37", "(Exact (- 37))"),
    ("apply And.intro", "(Apply And.intro)"),
    ("refine ⟨?_, ?_⟩", "(Refine ⟨?_ ?_⟩)"),
    ("constructor", "(Constructor)"),
    ("left", "(Left)"),
    ("right", "(Right)"),
    ("exists 1, 2", "(ExistsTac [1 2])"),
    ("use x", "(Use [x])"),
    ("cases h", "(Cases [(CasesTarget nil h)] nil nil)"),
    ("cases h : e", "(Cases [(CasesTarget h e)] nil nil)"),
    ("cases h with | inl h => exact h | inr h => simp",
     f"(Cases [(CasesTarget nil h)] nil [(InductionAlt inl [h] (TacticSeq [(Exact h)])) "
     f"(InductionAlt inr [h] (TacticSeq [{SIMP}]))])"),
    ("rcases h with ⟨x, hx⟩ | h",
     "(Rcases [(CasesTarget nil h)] (RPatAlts [(RPatTuple [(RPatName x) (RPatName hx)]) (RPatName h)]))"),
    ("obtain ⟨x, hx⟩ := h", "(Obtain (RPatTuple [(RPatName x) (RPatName hx)]) nil [h])"),
    ("obtain ⟨x, hx⟩ : T := h", "(Obtain (RPatTuple [(RPatName x) (RPatName hx)]) T [h])"),
    ("induction l generalizing m with\n| nil => rfl\n| cons x xs ih => simp",
     f"(Induction [(CasesTarget nil l)] nil [m] [(InductionAlt nil [] (TacticSeq [(Rfl)])) "
     f"(InductionAlt cons [x xs ih] (TacticSeq [{SIMP}]))])"),
    ("rename_i a b", "(RenameI [a b])"),
    ("rfl", "(Rfl)"),
    ("rw [h₁, ← h₂, Nat.add_comm a b] at h ⊢",
     "(Rewrite rw nil [(RwRule false h₁) (RwRule true h₂) (RwRule false (Nat.add_comm a b))] (Location [h] true false))"),
    ("rewrite [h] at *", "(Rewrite rewrite nil [(RwRule false h)] (Location [] false true))"),
    ("rwa [h]", "(Rewrite rwa nil [(RwRule false h)] nil)"),
    ("simp", SIMP),
    ("simp only [a, b] at h",
     "(Simp simp nil true [(SimpArg lemma false a) (SimpArg lemma false b)] (Location [h] false false) nil)"),
    ("simp [*]", "(Simp simp nil false [(SimpArg star false nil)] nil nil)"),
    ("simp [-foo, ← bar]", "(Simp simp nil false [(SimpArg erase false foo) (SimpArg lemma true bar)] nil nil)"),
    ("simp_all", "(Simp simp_all nil false nil nil nil)"),
    ("simp (config := {}) [h0]", "(Simp simp (StructInst nil []) false [(SimpArg lemma false h0)] nil nil)"),
    ("exfalso", "(Exfalso)"), ("contradiction", "(Contradiction)"), ("assumption", "(Assumption)"),
    ("trivial", "(Trivial)"), ("decide", "(Decide)"), ("omega", "(Omega)"), ("symm", "(Symm)"),
    ("exact?", "(ExactQuestion)"), ("sorry", "(SorryTac)"), ("admit", "(Admit)"), ("skip", "(Skip)"),
    ("done", "(Done)"),
    ("show T", "(ShowTac T)"),
    ("have h : T := e", "(HaveTac h nil [] T e)"),
    ("have : T", "(HaveTac nil nil [] T nil)"),
    ("have t := 37", "(HaveTac t nil [] nil 37)"),
    ("have h : T := by simp", f"(HaveTac h nil [] T (By (TacticSeq [{SIMP}])))"),
    ("specialize h x", "(Specialize (h x))"),
    ("subst h", "(Subst [h])"),
    ("unfold f at h", "(Unfold [f] (Location [h] false false))"),
    ('trace "37"', "(Trace 37)"),
    ("by_cases h : x < 0", "(ByCases h (< x 0))"),
])
def test_tactic_kinds(text: str, expected: str) -> None:
    assert sx(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("rfl; simp", f"(Rfl) {SIMP}"),
    ("constructor <;> simp", f"(ThenAll (Constructor) {SIMP})"),
    ("· exact h\n  rfl\n· simp", f"(CDotTac (TacticSeq [(Exact h) (Rfl)])) (CDotTac (TacticSeq [{SIMP}]))"),
    (". intro x\n  exact x", "(CDotTac (TacticSeq [(Intro [x]) (Exact x)]))"),
    ("case inl h => exact h", "(Case [(CaseArg inl [h])] (TacticSeq [(Exact h)]))"),
    ("case pos => rfl", "(Case [(CaseArg pos [])] (TacticSeq [(Rfl)]))"),
    ("next x y => rfl", "(Next [x y] (TacticSeq [(Rfl)]))"),
    ("all_goals sorry", "(AllGoals (TacticSeq [(SorryTac)]))"),
    ("any_goals simp", f"(AnyGoals (TacticSeq [{SIMP}]))"),
    ("first | rfl | simp", f"(First [(TacticSeq [(Rfl)]) (TacticSeq [{SIMP}])])"),
    ("try simp", f"(Try (TacticSeq [{SIMP}]))"),
    ("repeat rfl", "(Repeat (TacticSeq [(Rfl)]))"),
    ("(rfl; simp)", f"(Nested \"(\" (TacticSeq [(Rfl) {SIMP}]))"),
    ("{ simp }", f"(Nested {{ (TacticSeq [{SIMP}]))"),
    ("on_goal 2 => rfl", "(OnGoal 2 (TacticSeq [(Rfl)]))"),
    ("focus rfl", "(Focus (TacticSeq [(Rfl)]))"),
])
def test_combinators(text: str, expected: str) -> None:
    assert sx(text) == expected


def test_layout_arguments_continue_on_deeper_lines() -> None:
    assert sx("apply foo\n  bar\nrfl") == "(Apply (foo bar)) (Rfl)"


def test_nested_have_by_block() -> None:
    text = "have h : T := by\n  simp\n  rfl\nexact h"
    assert sx(text) == f"(HaveTac h nil [] T (By (TacticSeq [{SIMP} (Rfl)]))) (Exact h)"


def test_by_block_inside_parentheses_ends_at_paren() -> None:
    term = parse_term("f (by simp) x")
    assert to_sexpr(term) == f"(f (By (TacticSeq [{SIMP}])) x)"


def test_smaller_column_ends_block() -> None:
    term = parse_term("g (by\n    simp\n    rfl\n  )")
    assert to_sexpr(term) == f"(g (By (TacticSeq [{SIMP} (Rfl)])))"


def test_tactic_source_spans() -> None:
    seq = parse_tactic_block("intro h\nrw [h] at h2\ncases h with\n| inl a => exact a\n| inr b => simp")
    assert [t.source for t in seq.tactics] == [
        "intro h", "rw [h] at h2", "cases h with\n| inl a => exact a\n| inr b => simp",
    ]
    cases = seq.tactics[2]
    assert isinstance(cases, ast.Cases) and cases.alts is not None
    assert cases.alts[0].body.tactics[0].source == "exact a"
    assert (cases.pos, cases.end_pos) == ((3, 0), (5, 15))


def test_calc_tactic() -> None:
    seq = parse_tactic_block("calc a = b := by rfl\n  _ = c := h\nexact x")
    assert [type(t).__name__ for t in seq.tactics] == ["CalcTac", "Exact"]


def test_unknown_tactic() -> None:
    with pytest.raises(ParseError) as info:
        parse_tactic_block("intro x\nexat 42")
    assert (info.value.message, info.value.line, info.value.column) == ("unknown tactic", 2, 0)


def test_misindented_tactic_is_an_error() -> None:
    with pytest.raises(ParseError):
        parse_tactic_block("rfl\n simp")


@pytest.mark.parametrize("text", ["first |", "first | skip |", "try", "all_goals", "any_goals", "repeat", "repeat'",
                                  "iterate 3", "focus", "skip; try"])
def test_combinator_without_body_is_an_error(text: str) -> None:
    """Lean's combinators take at least one tactic; an empty body must not parse as a no-op."""
    with pytest.raises(ParseError, match="expected tactic"):
        parse_tactic_block(text)


def test_rotate_repeat_all_iterate_parse() -> None:
    seq = parse_tactic_block("rotate_left\nrotate_right 2\nrepeat' constructor\niterate 2 skip\non_goal -1 => rfl")
    assert [type(t).__name__ for t in seq.tactics] == ["Rotate", "Rotate", "RepeatAll", "Iterate", "OnGoal"]
    assert (seq.tactics[0].left, seq.tactics[0].count) == (True, 1)
    assert (seq.tactics[1].left, seq.tactics[1].count) == (False, 2)
    assert seq.tactics[3].count == 2 and seq.tactics[4].index == -1
