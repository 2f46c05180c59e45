"""Random tactic texts for the server fuzz test (`test_server_fuzz.py`): a small grammar biased toward
what could fool a checker -- holes (`?_`, `?x`, `_`), `sorry`-like names, `False.elim ?_`, nested
`by`, combinators with empty or odd bodies, goal-selection combinators, and plain garbage.

Everything is drawn from one `random.Random`, so a seed fixes the whole campaign.
"""
from __future__ import annotations

import random

FALSE_GOALS: tuple[str, ...] = (
    "False",
    "1 = 2",
    "(2 : Nat) + 2 = 5",
    "∀ n : Nat, n = 0",
    "∀ p : Prop, p",
    "∃ n : Nat, n + 1 = 0",
    "∀ (p q : Prop), p → q",
    "∀ n : Nat, n + 1 ≤ n",
    "¬ True",
    "False ∧ True",
    "True → False",
    "∀ p : Prop, p ∨ ¬p → p",
    "∀ (a b : Nat), a = b",
    "[1, 2] = [2, 1]",
    "∀ (l : List Nat), l = []",
    "List.length [1] = 0",
    "∃ l : List Nat, l.length = 0 ∧ l ≠ []",
    "∀ (xs : List Nat), xs ++ [0] = xs",
    "(fun x : Nat => x) = (fun x => x + 1)",
    "∀ (p : Prop), (p → False) → p",
)
"""Statements that are false in Lean (each one's negation is provable), so no proof may ever close one."""

HOLES = ("?_", "?x", "?y", "_", "sorry", "(sorry : False)", "sorryAx _", "sorryAx False", "sorryAx _ true",
         "sorryAx False false", "@sorryAx _ false", "?_ ?_", "(?_ : _)", "(_ : False)")
NAMES = ("h", "this", "a", "p", "n", "x", "h.1", "h.2", "h.elim", "hp", "h✝", "sorryAx", "False.elim", "absurd",
         "True.intro", "trivial", "rfl", "Eq.refl", "Classical.choice", "Classical.em", "propext", "id", "Nat.zero",
         "List.nil", "Or.inl", "Or.inr", "And.intro", "Exists.intro", "Nat.succ_ne_zero", "Nat.noConfusion", "lcProof",
         "Quot.sound", "funext", "Eq.mpr", "cast", "Eq.subst", "congrArg")
USEFUL = ("intro h", "intro n", "intro p", "intros", "intro a b", "constructor", "refine ⟨?_, ?_⟩", "refine ⟨0, ?_⟩",
          "refine ⟨[], ?_⟩", "exists 0", "exfalso", "apply False.elim", "cases h", "induction n", "cases n", "left",
          "right", "simp", "simp_all", "rfl", "trivial", "assumption", "contradiction", "apply absurd", "intro h; cases h",
          "by_cases h : p", "rcases h with ⟨a, b⟩", "refine ⟨?_, ?_⟩ <;> sorry", "apply Or.elim", "unfold Not",
          "apply Exists.intro", "apply And.intro", "refine False.elim ?_", "apply Nat.le.refl", "induction l",
          "cases l", "funext x", "exact fun _ => ?_", "refine fun h => ?_", "show False", "apply congrArg")
PROPS = ("False", "True", "1 = 2", "0 = 0", "p", "q", "?_", "_", "¬ False", "n = 0", "∀ x : Nat, x = x")


class TacticGen:
    """`text()` returns one random tactic block (possibly several tactics, possibly nonsense)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(options)

    # -- terms ------------------------------------------------------------------

    def term(self, depth: int = 0) -> str:
        r = self.rng.random()
        if depth > 2 or r < 0.35:
            return self.pick(HOLES) if self.rng.random() < 0.6 else self.pick(NAMES)
        t = lambda: self.term(depth + 1)  # noqa: E731
        forms = [
            lambda: f"⟨{t()}, {t()}⟩",
            lambda: f"⟨{t()}⟩",
            lambda: f"⟨{t()}, {t()}, {t()}⟩",
            lambda: f"False.elim {t()}",
            lambda: f"absurd {t()} {t()}",
            lambda: f"(by {self.text(depth + 1)})",
            lambda: f"(by exact {t()})",
            lambda: f"({t()} : {self.pick(PROPS)})",
            lambda: f"show {self.pick(PROPS)} from {t()}",
            lambda: f"{self.pick(NAMES)} {t()}",
            lambda: f"{self.pick(NAMES)} {t()} {t()}",
            lambda: f"fun _ => {t()}",
            lambda: f"fun h => {t()}",
            lambda: f"@{self.pick(NAMES)} {t()}",
            lambda: f"({t()}).1",
            lambda: f"{t()} ▸ {t()}",
            lambda: f"have h : {self.pick(PROPS)} := {t()}; {t()}",
            lambda: f"let x := {t()}; {t()}",
            lambda: f"match {t()} with | _ => {t()}",
            lambda: f"nomatch {t()}",
            lambda: f"Or.elim {t()} {t()} {t()}",
            lambda: f"Exists.intro {t()} {t()}",
        ]
        return self.pick(forms)()  # type: ignore[arg-type]

    # -- tactics ----------------------------------------------------------------

    def tactic(self, depth: int = 0) -> str:
        if depth > 2 or self.rng.random() < 0.55:
            return self.atomic(depth)
        body = lambda: self.text(depth + 1)  # noqa: E731
        forms = [
            lambda: f"first | {body()} | {body()}",
            lambda: f"first | {body()}",
            lambda: "first",
            lambda: f"try {body()}",
            lambda: "try",
            lambda: f"{self.atomic(depth)} <;> {self.atomic(depth)}",
            lambda: f"{self.atomic(depth)} <;> {body()}",
            lambda: "<;>",
            lambda: f"all_goals {body()}",
            lambda: f"any_goals {body()}",
            lambda: "all_goals",
            lambda: f"repeat {body()}",
            lambda: f"repeat' {body()}",
            lambda: f"iterate {self.rng.randint(0, 3)} {body()}",
            lambda: f"· {body()}",
            lambda: "·",
            lambda: f"case {self.pick(['_', 'left', 'right', 'inl', 'intro', 'h'])} => {body()}",
            lambda: f"next => {body()}",
            lambda: f"focus {body()}",
            lambda: f"on_goal {self.rng.randint(-2, 3)} => {body()}",
            lambda: f"({body()})",
            lambda: f"{{ {body()} }}",
            lambda: f"{self.atomic(depth)}; {self.atomic(depth)}",
            lambda: f"{self.atomic(depth)}\n{self.atomic(depth)}",
            lambda: f"exact by {body()}",
            lambda: f"refine by {body()}",
        ]
        return self.pick(forms)()  # type: ignore[arg-type]

    def atomic(self, depth: int = 0) -> str:
        if self.rng.random() < 0.4:  # steps that make progress, so sequences reach deeper states
            return self.pick(USEFUL)
        t = lambda: self.term(depth + 1)  # noqa: E731
        forms = [
            lambda: f"exact {t()}", lambda: f"exact {t()}", lambda: f"exact {self.pick(HOLES)}",
            lambda: f"apply {t()}", lambda: f"refine {t()}", lambda: f"refine' {t()}",
            lambda: f"have h : {self.pick(PROPS)} := {t()}", lambda: f"have : {self.pick(PROPS)} := {t()}",
            lambda: f"have h : {self.pick(PROPS)}", lambda: f"have := {t()}", lambda: f"suffices h : {self.pick(PROPS)} by {self.atomic(depth + 1)}",
            lambda: f"show {self.pick(PROPS)}", lambda: f"change {self.pick(PROPS)}",
            lambda: "intro", lambda: "intro h", lambda: "intro _ _", lambda: "intros", lambda: "intro ⟨a, b⟩",
            lambda: "constructor", lambda: "left", lambda: "right", lambda: "exfalso",
            lambda: "assumption", lambda: "contradiction", lambda: "trivial", lambda: "rfl",
            lambda: "simp", lambda: "simp_all", lambda: "simp at *", lambda: f"simp [{t()}]", lambda: f"simpa using {t()}",
            lambda: "cases h", lambda: f"cases {t()}", lambda: "rcases h with ⟨a, b⟩", lambda: "obtain ⟨a, b⟩ := h",
            lambda: "induction n", lambda: "induction n with | zero => sorry | succ k ih => sorry",
            lambda: "sorry", lambda: "admit", lambda: "done", lambda: "skip",
            lambda: f"exists {t()}", lambda: f"use {t()}", lambda: "exact?", lambda: "apply?", lambda: "decide",
            lambda: "omega", lambda: f"rw [{t()}]", lambda: f"rw [← {t()}] at h", lambda: "unfold Not",
            lambda: f"specialize h {t()}", lambda: "subst h", lambda: f"by_cases h : {self.pick(PROPS)}",
            lambda: "rename_i h", lambda: "rotate_left", lambda: "rotate_right", lambda: "symm", lambda: "clear h",
            lambda: "revert h", lambda: "split", lambda: "calc _ = _ := sorry", lambda: "trace \"x\"",
            lambda: "nofun", lambda: "exact absurd h h", lambda: "funext x", lambda: "congr",
            lambda: self.pick(["exact", "apply", "?_", "⟨⟩", "by", "by exact ?_", ")", "⟨?_", "exact ⟨", ";", "",
                               "\n", "·", "<;>", "=>", "case", "sorry sorry", "exact ?_ ?_", "exact (", "fun"]),
        ]
        return self.pick(forms)()  # type: ignore[arg-type]

    def text(self, depth: int = 0) -> str:
        """One tactic block: usually one tactic, sometimes a `;`/newline sequence of them."""
        n = 1 if self.rng.random() < 0.7 or depth > 1 else self.rng.randint(2, 3)
        sep = self.pick(["; ", "\n"])
        return sep.join(self.tactic(depth) for _ in range(n))
