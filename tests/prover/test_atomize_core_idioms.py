"""Lean core's term idioms, atomized through the real embedded checker (no mocks).

``congrArg succ ih`` against a goal that is ``succ a = succ b`` only up to unfolding
(``congr_arg_premise``), ``(P a b).symm ▸ e`` and ``(ih).symm ▸ e``, ``flip f``, ``(P h).symm``,
``let ⟨k, hk⟩ := h`` (the hypothesis stays: a copy is taken apart), ``@ih _ h``, ``P.symm`` and
``P.1`` of a lemma, generalized fields on any receiver (``(P ..).resolve_left h``, ``P.trans Q``),
``apply P (Q (n - m)) h``, ``rw [h.symm]`` and a term against ``∀ {n}, …`` (the implicit binder
introduced first), the ``match a with | 0 => … | a+1 => …`` tactic, and ``⟨w, p⟩`` for ``∃`` with a
witness that is no subterm, ``apply P h`` and ``apply P (m := b)`` with goals left open, ``have h : T := by …; f h``
(Lean core's layout: the ``by`` block under the ``have``), nested ``intro ⟨⟨ha, hb⟩, hc, hd⟩`` and
``rintro ⟨ha | hc, hb | hc'⟩``, ``rcases h with ha | hb | hc`` on ``a ∨ b ∨ c``, a short name resolved in the theorem's namespace first, and ``split`` on an ``if`` or a ``match`` in the target. Each theorem must be wholly atomized, with the
expected kinds, and its script must replay from the theorem's start."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lean_bridge import LeanError, open_backend
from prover.actions import KINDS, Action, candidate_actions, render
from prover.atomize import read_step
from prover.data import read_jsonl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_atomize_forward import _replay_atomized, trace_and_atomize  # noqa: E402

SOURCE = """\
namespace Idm

theorem plus_succ (n m : Nat) : n + Nat.succ m = Nat.succ (n + m) := rfl
theorem succ_plus : ∀ (n m : Nat), Nat.succ n + m = Nat.succ (n + m)
  | _, 0 => rfl
  | n, m+1 => congrArg Nat.succ (succ_plus n m)

theorem zero_plus : ∀ (n : Nat), 0 + n = n
  | 0 => rfl
  | n+1 => congrArg Nat.succ (zero_plus n)

theorem plus_comm : ∀ (n m : Nat), n + m = m + n
  | n, 0 => (zero_plus n).symm
  | n, m+1 => (succ_plus m n).symm ▸ congrArg Nat.succ (plus_comm n m)

theorem mul_comm' (n m : Nat) (h : m * n = n * m) : n * m + n = m * n + n := (h).symm ▸ rfl

theorem flip_imp {p q : Prop} (f : p → ¬q) : q → ¬p := flip f
theorem flip_lt (f : ∀ {a b : Nat}, a < b → ¬b < a) : ∀ {a b : Nat}, b < a → ¬a < b := flip f

theorem ne_of_lt' {a b : Nat} (h : a < b) : a ≠ b := fun e => Nat.lt_irrefl a (e ▸ h)
theorem ne_of_gt' {a b : Nat} (h : b < a) : a ≠ b := (ne_of_lt' h).symm

theorem le_of_ex {n m : Nat} (h : ∃ k, k = m) (f : ∀ k, k = m → n ≤ m) : n ≤ m := by
  let ⟨k, hk⟩ := h
  exact f k hk

theorem or_of_le {n : Nat} (ih : ∀ {m : Nat}, n ≤ m → n = m ∨ n < m) (m : Nat) (h : n ≤ m) :
    n = m ∨ n < m := by
  have x := @ih _ h
  exact x

theorem swap_iff {p q : Prop} : p ∧ q ↔ q ∧ p := ⟨fun ⟨a, b⟩ => ⟨b, a⟩, fun ⟨a, b⟩ => ⟨b, a⟩⟩
theorem swap_symm {p q : Prop} : q ∧ p ↔ p ∧ q := swap_iff.symm
theorem swap_mp {p q : Prop} : p ∧ q → q ∧ p := swap_iff.1
theorem and_true' {p : Prop} : p ∧ True ↔ p := ⟨fun h => h.1, fun h => ⟨h, trivial⟩⟩
theorem iff_chain {p : Prop} : True ∧ p ↔ p := swap_iff.trans and_true'

theorem and_true_all {p : Nat → Prop} : ∀ {n : Nat}, p n ∧ True ↔ p n := ⟨fun h => h.1, fun h => ⟨h, trivial⟩⟩

theorem tri (a b : Nat) : a < b ∨ a ≥ b := Nat.lt_or_ge a b
theorem ge_of_not_lt' {a b : Nat} (h : ¬a < b) : a ≥ b := (tri ..).resolve_left h

theorem sub_le' (n m : Nat) (h : n ≤ m) : n - 1 ≤ m := by
  apply Nat.le_trans (Nat.sub_le n 1) h

theorem rw_symm (a b c : Nat) (h : b = a) (h' : a = c) : a + 0 = c := by
  rw [h.symm]
  exact h.symm ▸ h'

theorem pos_of_ne (a : Nat) (h : a ≠ 0) : 0 < a := by
  match a with
  | 0 => contradiction
  | a+1 => apply Nat.zero_lt_succ

theorem pred_succ' (n : Nat) : Nat.pred (Nat.succ n) = n := rfl
theorem ex_pred (n : Nat) : ∃ k : Nat, Nat.pred k = n := ⟨n + 1, pred_succ' n⟩
theorem ex_pred' (n : Nat) : ∃ k : Nat, n = Nat.pred k := by
  exact ⟨n + 1, (pred_succ' n).symm⟩

theorem lt_le (a b c : Nat) (h₁ : a < b) (h₂ : b ≤ c) : a < c := Nat.lt_of_lt_of_le h₁ h₂
theorem add_le_right' {a b : Nat} (h : a ≤ b) (c : Nat) : a + c ≤ b + c := by
  induction c with
  | zero => exact h
  | succ c ih => exact Nat.succ_le_succ ih
theorem apply_arg (a b c d : Nat) (h₁ : a + c < b + c) (h₂ : b ≤ d) : a + c < d + c := by
  apply lt_le _ _ _ h₁
  exact add_le_right' h₂ c
theorem apply_named (a b d : Nat) (h₁ : a < b) (h₂ : b ≤ d) : a < d := by
  apply Nat.lt_of_lt_of_le (m := b)
  exact h₁
  exact h₂

theorem of_not_true {b : Bool} (h : ¬ b = true) : b = false := by
  cases b
  · rfl
  · contradiction
theorem have_cut (a b : Bool) (h : a ≠ b) (e : a = true → a = b) : a = false :=
  have : ¬ a = true := by
    intro h'; exact h (e h')
  of_not_true this

theorem and4 (a b c d : Prop) : (a ∧ b) ∧ c ∧ d → (a ∧ c) ∧ b ∧ d := by
  intro ⟨⟨ha, hb⟩, hc, hd⟩
  exact ⟨⟨ha, hc⟩, hb, hd⟩
theorem or_pair (a b c : Prop) : (a ∨ c) ∧ (b ∨ c) → (a ∧ b) ∨ c := by
  rintro ⟨ha | hc, hb | hc'⟩
  · exact Or.inl ⟨ha, hb⟩
  · exact Or.inr hc'
  · exact Or.inr hc
  · exact Or.inr hc

theorem or3 (a b c : Prop) (h : a ∨ b ∨ c) : c ∨ b ∨ a := by
  rcases h with ha | hb | hc
  · exact Or.inr (Or.inr ha)
  · exact Or.inr (Or.inl hb)
  · exact Or.inl hc

theorem byContradiction {p : Prop} (h : ¬p → False) : p := (Classical.em p).elim id (fun np => False.elim (h np))
theorem of_not_not {a : Prop} : ¬¬a → a := fun h => byContradiction h

theorem if_same (c : Prop) [Decidable c] (a : Nat) : (if c then a else a) = a := by
  split <;> rfl

theorem bool_match (b : Bool) : (match b with | true => 1 | false => 1) = 1 := by
  split
  · rfl
  · rfl

end Idm
"""

EXPECTED = ["zero_plus", "succ_plus", "plus_comm", "mul_comm'", "flip_imp", "flip_lt", "ne_of_gt'", "le_of_ex",
            "or_of_le", "swap_symm", "swap_mp", "ge_of_not_lt'", "iff_chain", "and_true_all", "sub_le'",
            "rw_symm", "pos_of_ne", "ex_pred", "ex_pred'", "if_same", "bool_match", "apply_arg", "apply_named", "have_cut", "and4", "or_pair", "or3", "of_not_not"]


@pytest.fixture(scope="module")
def idioms(tmp_path_factory):
    source, traces, records, report = trace_and_atomize(tmp_path_factory.mktemp("idioms"), "Idm.lean", SOURCE)
    return source, list(read_jsonl(traces)), records, report


def _kinds(records, theorem):
    return [r["action"]["kind"] for r in sorted(records, key=lambda r: r["step"]) if r["theorem"] == theorem]


def test_every_idiom_is_traced_and_wholly_atomized(idioms):
    _, traces, records, report = idioms
    assert all(t["ok"] for t in traces), [(t["theorem"], t["error"]) for t in traces if not t["ok"]]
    complete = {r["theorem"] for r in records if r["complete"]}
    assert {f"Idm.{n}" for n in EXPECTED} <= complete, report["failures"]


def test_the_readings_use_the_expected_kinds(idioms):
    _, _, records, _ = idioms
    assert "congr_arg_premise" in _kinds(records, "Idm.zero_plus")
    tactics = [r["tactic"] for r in records if r["theorem"] == "Idm.zero_plus"]
    assert "apply congrArg Nat.succ" in tactics
    plus_comm = _kinds(records, "Idm.plus_comm")
    assert "rw_premise" in plus_comm and "congr_arg_premise" in plus_comm  # `(succ_plus m n).symm ▸ …`
    assert _kinds(records, "Idm.mul_comm'")[0] in ("rw_rev_hyp", "rw_hyp")  # `(h).symm ▸ rfl`
    assert _kinds(records, "Idm.flip_lt")[:3] == ["intro", "intro", "exact_hyp"]  # the implicits first
    assert _kinds(records, "Idm.ne_of_gt'")[0] == "symm"
    assert _kinds(records, "Idm.le_of_ex")[:2] == ["have_hyp", "cases_hyp"]  # `h` stays, its copy is split
    assert _kinds(records, "Idm.or_of_le")[:2] == ["have_hyp", "specialize_last_hyp"]
    assert _kinds(records, "Idm.swap_symm")[:2] == ["symm", "exact_premise"]
    assert _kinds(records, "Idm.swap_mp")[:2] == ["intro", "rw_rev_premise"]
    assert _kinds(records, "Idm.ge_of_not_lt'")[0] == "apply_premise"  # Or.resolve_left, then the receiver
    assert _kinds(records, "Idm.iff_chain")[0] == "apply_premise"  # Iff.trans
    assert _kinds(records, "Idm.rw_symm")[0] == "rw_rev_hyp"
    assert _kinds(records, "Idm.and_true_all")[:2] == ["intro", "constructor"]  # `∀ {n}` introduced first
    assert _kinds(records, "Idm.pos_of_ne") == ["cases_hyp", "contradiction", "apply_premise"]  # `match a with`
    # `⟨n + 1, p⟩` where `n + 1` is no subterm: the witness stays a hole the proof of the property assigns
    assert _kinds(records, "Idm.ex_pred")[0] == "constructor"
    assert _kinds(records, "Idm.ex_pred'")[:2] == ["constructor", "symm"]
    # `apply P h₁` / `apply P (m := b)` leave the other goals open: `apply P`, then the argument fills its goal
    assert _kinds(records, "Idm.apply_arg")[:2] == ["apply_premise", "exact_hyp"]
    assert _kinds(records, "Idm.apply_named") == ["apply_premise", "exact_hyp", "exact_hyp", "exact_hyp"]
    # `have h : T := by …; f h` (a cut with a new statement): `apply f` leaves `T`, the `by` block proves it
    assert _kinds(records, "Idm.have_cut")[:2] == ["apply_premise", "intro"]
    # tuple patterns taken apart first component first (the hypotheses in the human step's order), and a
    # component with alternatives taken apart in every goal the one before it left
    assert _kinds(records, "Idm.and4")[:4] == ["intro", "cases_hyp", "cases_hyp", "cases_hyp"]
    assert _kinds(records, "Idm.or_pair")[:5] == ["intro", "cases_hyp", "cases_hyp", "cases_hyp", "cases_hyp"]
    assert _kinds(records, "Idm.or3")[:2] == ["cases_hyp", "cases_hyp"]  # `ha | hb | hc`: the last case split again
    # `byContradiction` inside `namespace Idm` is `Idm.byContradiction`, as Lean resolves it (the library's
    # `Decidable.byContradiction` ends the same way)
    assert [r["tactic"] for r in records if r["theorem"] == "Idm.of_not_not"][1] == "apply Idm.byContradiction"
    assert _kinds(records, "Idm.if_same") == ["split", "rfl", "rfl"]  # `split` on an `if` …
    assert _kinds(records, "Idm.bool_match") == ["split", "rfl", "rfl"]  # … and on a `match`


def test_the_atomic_scripts_replay_from_each_start(idioms):
    source, _, records, _ = idioms
    assert _replay_atomized(source, records) >= 40


def test_congr_arg_renders_and_is_checked():
    """``apply congrArg P`` leaves ``a = b`` where the goal unfolds to ``P a = P b``, and the checker
    rejects it where no such unfolding exists; it is offered on ``=`` targets only."""
    with open_backend("embedded") as lean:
        state = lean.start_goal("∀ (n : Nat), 0 + n = n → 0 + (n + 1) = n + 1")
        state = lean.run_tactic(state, "intro n ih")
        goal = state.goals[0]
        action = Action("congr_arg_premise", premise="Nat.succ")
        assert action in candidate_actions(goal, ["Nat.succ"])
        assert render(action, goal) == "apply congrArg Nat.succ"
        after = lean.run_tactic(state, render(action, goal))
        done = lean.run_tactic(after, "exact ih")
        assert done.goals == ()
        bad = lean.start_goal("(0 : Nat) = 1")
        with pytest.raises(LeanError):
            lean.run_tactic(bad, render(action, bad.goals[0]))
        prop = lean.start_goal("∀ (p : Prop), p → p")
        assert Action("congr_arg_premise", premise="Nat.succ") not in candidate_actions(prop.goals[0], ["Nat.succ"])


def test_split_is_offered_only_on_an_if_or_match_target():
    with open_backend("embedded") as lean:
        split_goal = lean.start_goal("∀ (c : Prop) [Decidable c] (a : Nat), (if c then a else 0) = a")
        split_goal = lean.run_tactic(split_goal, "intro c _ a")
        plain = lean.start_goal("∀ (a : Nat), a + 0 = a")
        plain = lean.run_tactic(plain, "intro a")
        assert Action("split") in candidate_actions(split_goal.goals[0])
        assert Action("split") not in candidate_actions(plain.goals[0])
        assert render(Action("split"), split_goal.goals[0]) == "split"
        assert len(lean.run_tactic(split_goal, "split").goals) == 2


def _checkpoint_before_last_kind(directory: Path) -> Path:
    """The bundled checkpoint as it would have been saved before ``KINDS``' last kind was appended."""
    import json
    import shutil

    import torch

    from prover.checkpoint import CONFIG_FILE, MODEL_FILE, default_model_dir

    shutil.copytree(default_model_dir(), directory)
    meta = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
    n = meta["config"]["n_kinds"] = len(meta["kinds"]) - 1
    meta["kinds"] = meta["kinds"][:n]
    state = torch.load(directory / MODEL_FILE, weights_only=True)
    for name in ("kind_head.weight", "kind_head.bias", "kind_query.weight"):
        state[name] = state[name][:n].clone()
    torch.save(state, directory / MODEL_FILE)
    (directory / CONFIG_FILE).write_text(json.dumps(meta), encoding="utf-8")
    return directory


def test_a_model_trained_before_a_kind_was_added_loads_and_ignores_it(tmp_path):
    """``KINDS`` only grows at the end: an older checkpoint loads and proposes only its own kinds."""
    from prover.policy import load_policy

    policy = load_policy(_checkpoint_before_last_kind(tmp_path / "old"))
    newest = KINDS[len(policy.kinds)]
    assert newest in KINDS and newest not in policy.kinds
    with open_backend("embedded") as lean:
        names = ["Nat.succ", "Nat.add_zero"]
        policy.premise_types({name: lean.inspect(name).type for name in names})
        root = lean.run_tactic(lean.start_goal("∀ (a : Nat), a = 0 → a + 1 = 0 + 1"), "intro a h")
        proposals = policy.propose([(root.goals, 0)], names, 200)[0]
    assert proposals and all(a.kind in policy.kinds for a, _ in proposals)


def test_direct_readings_resolve_short_names_inside_the_namespace():
    """``apply le_refl`` inside ``namespace Nat`` means ``Nat.le_refl`` even where a root ``le_refl``
    exists, and ``byContradiction`` inside ``namespace Idm`` is no longer ambiguous: the direct
    tactic-to-action reading resolves names as Lean does, the theorem's namespace first."""
    with open_backend("embedded") as lean:
        goal = lean.start_goal("∀ (n : Nat), n ≤ n").goals[0]
    premises = ["le_refl", "Nat.le_refl", "Decidable.byContradiction", "Idm.byContradiction"]
    assert read_step("apply le_refl", goal, premises, "Nat") == [Action("apply_premise", premise="Nat.le_refl")]
    assert read_step("apply le_refl", goal, premises) == [Action("apply_premise", premise="le_refl")]
    assert read_step("exact byContradiction", goal, premises, "Idm.Inner") == \
        [Action("exact_premise", premise="Idm.byContradiction")]
    assert read_step("exact byContradiction", goal, premises) is None  # two premises end so: ambiguous
    assert read_step("rw [← le_refl]", goal, premises, "Nat") == [Action("rw_rev_premise", premise="Nat.le_refl")]
    assert read_step("simp [le_refl]", goal, premises, "Nat") == [Action("simp_premise", premise="Nat.le_refl")]
