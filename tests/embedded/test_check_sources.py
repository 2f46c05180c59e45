"""`check_sources`: several files as one environment (like imports), positions per file, and
`statement_key` equal exactly up to renaming."""
from __future__ import annotations

from lean_bridge.embedded.checker import check_sources, check_sources_keyed


def test_later_file_sees_earlier_declarations_with_positions_per_file():
    a = "namespace N\ntheorem t1 (p : Prop) (h : p) : p := h\nend N\n"
    b = "\n\ntheorem t2 : True → True := N.t1 True\ntheorem t3 : False := N.t1 False\n"
    per_file = check_sources([(a, "A.lean"), (b, "B.lean")])
    assert [[(r.name, r.ok, r.line) for r in rs] for rs in per_file] == [
        [("N.t1", True, 2)], [("t2", True, 3), ("t3", False, 4)]]


def test_scopes_start_afresh_in_each_file():
    a = "namespace N\nvariable (q : Prop)\ntheorem t1 : True := trivial\n"
    b = "theorem t2 : True := t1\n"
    (ra,), (rb,) = check_sources([(a, "A.lean"), (b, "B.lean")])
    assert ra.ok and not rb.ok and "t1" in (rb.message or "")


def test_statement_key_is_equal_exactly_up_to_renaming():
    src = """universe u v
theorem k1 {a b : Prop} : a ∧ b → b ∧ a := fun ⟨x, y⟩ => ⟨y, x⟩
theorem k2 (p q : Prop) : p ∧ q → q ∧ p := fun ⟨x, y⟩ => ⟨y, x⟩
theorem k3 (p q : Prop) : q ∧ p → p ∧ q := fun ⟨x, y⟩ => ⟨y, x⟩
theorem k4 (q p : Prop) : q ∧ p → p ∧ q := fun ⟨x, y⟩ => ⟨y, x⟩
theorem k5 {α : Sort u} (x : α) : x = x := rfl
theorem k6 {β : Sort v} (y : β) : y = y := rfl
theorem k7 : ∀ n : Nat, n + 0 = n := fun _ => rfl
theorem k8 : ∀ n : Nat, 0 + n = n := fun n => Nat.rec (motive := fun n => 0 + n = n) rfl (fun _ ih => congrArg Nat.succ ih) n
"""
    _, keys = check_sources_keyed([(src, "K.lean")])
    assert keys["k1"] == keys["k2"] == keys["k4"]
    assert keys["k3"] != keys["k2"]  # the binders are used in the other order
    assert keys["k5"] == keys["k6"]  # universe names do not matter
    assert keys["k7"] != keys["k8"]
