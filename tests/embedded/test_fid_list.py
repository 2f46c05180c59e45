"""Issue 11 (List files): the checker reads Lean core's List proofs as Lean writes them.

One test per feature, through the real embedded checker: valid Lean accepted, a false twin
rejected. Adversarial variants are in `soundness_cases.py` (the `fid_list_` entries).
"""
from __future__ import annotations

from pathlib import Path

from lean_bridge.embedded.checker import check_source

from embedded_support import assert_accepted, assert_rejected, deadline


# -- auto-bound implicits whose types are holes become auto-bound types ----------------------------

def test_auto_bound_type_holes_become_implicits() -> None:
    assert_accepted("""
        theorem foldl_nil' : [].foldl f b = b := rfl
        theorem eq_nil' (_ : List.length l = 0) : l = [] := match l with | [] => rfl
        theorem head_eq' (H : h₁ :: t₁ = h₂ :: t₂) : h₁ = h₂ := (List.cons.inj H).1
        theorem same (b : α) : b = b := rfl
    """, "foldl_nil'", "eq_nil'", "head_eq'", "same")


def test_auto_bound_type_holes_keep_the_statement_general() -> None:
    assert_rejected("theorem bad : [].foldl f b = f b b := rfl", "bad")
    assert_rejected("theorem bad (_ : List.length l = 0) : l = [] ∧ False := match l with | [] => ⟨rfl, sorry⟩", "bad")


# -- the match compiler closes uncovered cases with `contradiction` ----------------------------------

def test_uncovered_cases_closed_by_contradiction() -> None:
    assert_accepted("""
        theorem a1 {a : α} : ∀ {l : List α}, a ∈ l → 0 < l.length
          | _ :: _, _ => Nat.zero_lt_succ _
        theorem a2 : ∀ {l : List α}, l.length = n + 1 → ∃ h t, l = h :: t
          | x :: xs, _ => ⟨x, xs, rfl⟩
        theorem a3 (_ : 0 < List.length l) : l ≠ [] := fun _ => nomatch l
    """, "a1", "a2", "a3")


def test_uncovered_cases_need_an_absurd_hypothesis() -> None:
    assert_rejected("theorem bad (_ : List.length l = 1) : l = [] := match l with | [] => rfl", "bad", "missing cases")
    assert_rejected("""
        theorem bad : ∀ {l : List α}, 0 < l.length + 1 → ∃ a, a ∈ l
          | _ :: _, _ => ⟨_, .head ..⟩
    """, "bad", "missing cases")


def test_match_contradiction_sees_only_the_match() -> None:
    """Lean's matcher context holds the discriminants and what depends on them, not `f : False`."""
    assert_rejected("theorem bad (a : Nat) (h : a ∈ [a]) (f : False) : 1 = 2 := nomatch h", "bad")
    assert_rejected("""
        theorem bad (f : False) : ∀ (l : List Nat), l.length = 0
          | [] => rfl
    """, "bad", "missing cases")


# -- `nofun` / `nomatch` tactics, `funext`, `suffices`, tactic `let` patterns ------------------------

def test_nofun_nomatch_funext_tactics() -> None:
    assert_accepted("""
        theorem t1 {a : α} {l : List α} (h : a ∈ l) : l ≠ [] := by cases h <;> nofun
        theorem t2 (h : a ∈ ([] : List α)) : False := by nomatch h
        theorem t3 : List.map (id : α → α) = id := by
          funext l
          induction l with
          | nil => rfl
          | cons a l ih => simp [ih]
    """, "t1", "t2", "t3")
    assert_rejected("theorem bad {a : α} {l : List α} (h : a ∈ l) : l = [] := by cases h <;> nofun", "bad")
    assert_rejected("theorem bad : (fun x : Nat => x + 0) = (fun x => 0 + x) := by funext x; rfl", "bad")


def test_suffices_and_let_pattern_tactics() -> None:
    assert_accepted("""
        theorem s (p q : Prop) (hp : p) (h : p → q) : q := by
          suffices h2 : p by exact h h2
          exact hp
        theorem l (H : a :: as = b :: bs) : a = b := by
          let ⟨h, _⟩ := List.cons.inj H
          exact h
    """, "s", "l")
    assert_rejected("""
        theorem bad (p q : Prop) (h : p → q) : q := by
          suffices h2 : p by exact h h2
          exact h
    """, "bad")


# -- simp: reduceCtorEq, priorities, projections of instances ------------------------------------

def test_simp_reduce_ctor_eq() -> None:
    assert_accepted("""
        theorem n1 {xs : List α} : [] = xs ↔ xs = [] := by cases xs <;> simp
        theorem n2 : (true = false) = False := by simp
        theorem n3 (a : Nat) : (none = some a) = False := by simp
    """, "n1", "n2", "n3")
    assert_rejected("theorem bad {x : α} (l : List α) : (x :: l = []) = True := by simp", "bad")


def test_simp_priority_attribute() -> None:
    assert_accepted("""
        @[simp 1100] theorem hd : @List.headD α [] d = d := rfl
        theorem use (d : Nat) : List.headD [] d = d := by simp
    """, "hd", "use")
    assert_rejected("@[simp foo] theorem bad : True := trivial", "bad")


def test_simp_unfolds_projection_through_instance() -> None:
    assert_accepted("""
        theorem app_nil (as : List α) : as ++ [] = as := by
          induction as with
          | nil => rfl
          | cons a as ih => simp [HAppend.hAppend, Append.append, List.append] at ih ⊢; exact ih
        theorem mem (a b : α) (l : List α) (h : List.Mem a l) : a ∈ b :: l := by
          simp [Membership.mem]; exact .tail b h
    """, "app_nil", "mem")


# -- patterns: `rfl`, `c ..`; the implicit lambda of `⟨…⟩`; field receivers -------------------------

def test_rfl_and_ellipsis_patterns() -> None:
    assert_accepted("""
        theorem m (a b : α) (l : List α) : a = b ∨ a ∈ l → a ∈ b :: l
          | Or.inl rfl => .head l
          | Or.inr h => .tail b h
        theorem e : ∀ {l : List α}, 0 < l.length → ∃ a, a ∈ l
          | _ :: _, _ => ⟨_, .head ..⟩
    """, "m", "e")
    assert_rejected("theorem bad (h : a = b ∨ c = b) : a = c := match h with | Or.inl rfl => rfl | Or.inr rfl => rfl", "bad")


def test_implicit_lambda_for_anonymous_constructor() -> None:
    assert_accepted("""
        theorem f : ∀ {l : List α}, 0 < l.length → ∃ h t, l = h :: t
          | x :: xs, _ => ⟨x, xs, rfl⟩
        theorem g : ∀ {l : List α}, 0 < l.length ↔ ∃ h t, l = h :: t :=
          ⟨f, fun ⟨_, _, e⟩ => e ▸ Nat.zero_lt_succ _⟩
    """, "f", "g")
    assert_rejected("""
        theorem bad : ∀ {l : List Nat}, 0 < l.length ↔ ∃ h t, l = t ++ [h, h] :=
          ⟨fun _ => sorry, fun ⟨_, _, e⟩ => e ▸ Nat.zero_lt_succ _⟩
    """, "bad")


def test_field_receiver_types_a_lambda_argument() -> None:
    assert_accepted("""
        theorem r (L : List (List Nat)) (b : Nat) :
            L.foldl (fun b l => l.foldl (· + ·) b) b = L.foldl (fun b l => l.foldl (· + ·) b) b := rfl
    """, "r")


# -- equations with an inner `match` on a term, and `split` on such a `match` ------------------------

def test_equation_keeps_inner_match_and_split_cases_it() -> None:
    assert_accepted("""
        theorem pos {p : α → Bool} {a : α} {l : List α} (pa : p a = true) :
            List.filter p (a :: l) = a :: List.filter p l := by rw [List.filter, pa]
        theorem sp {p : α → Bool} (a : α) (l : List α) (h : p a = true) :
            List.filter p (a :: l) = a :: List.filter p l := by
          simp only [List.filter]
          split
          · rename_i heq; rw [h] at heq; contradiction
          · rfl
    """, "pos", "sp")
    assert_rejected("""
        theorem bad {p : α → Bool} (a : α) (l : List α) : List.filter p (a :: l) = a :: List.filter p l := by
          simp only [List.filter]
          split
          · rfl
          · rfl
    """, "bad")


# -- Lean core's List definitions ----------------------------------------------------------------

def test_list_set_isempty_concat_defined() -> None:
    assert_accepted("""
        theorem s : [1, 2, 3].set 1 7 = [1, 7, 3] := rfl
        theorem e : ([] : List Nat).isEmpty = true := rfl
        theorem c : [1, 2].concat 3 = [1, 2, 3] := rfl
    """, "s", "e", "c")
    assert_rejected("theorem bad : [1, 2, 3].set 3 7 = [1, 2, 3, 7] := rfl", "bad")


# -- the measure: a Lean-core-style file using these features --------------------------------------

def test_lean_core_list2_file_is_accepted() -> None:
    text = (Path(__file__).parent / "data" / "lean_core_list2.lean").read_text(encoding="utf-8")
    with deadline(300):
        results = check_source(text, filename="lean_core_list2.lean")
    assert len(results) >= 40
    rejected = [f"{r.name}: {r.message}" for r in results if not r.ok]
    assert not rejected, "; ".join(rejected)[:3000]
