"""Reading Pantograph S-expressions (PROTOCOLS.md 2.7) and parsing Pantograph goal objects."""

from __future__ import annotations

import pytest

from lean_bridge.pantograph_client import TacticOutcome, parse_goal
from lean_bridge.sexp import SExprError, StrLit, format_sexp, parse_sexp

NAT_ADD_ONE = ("(:forall n (:c Nat) ((:c Eq) (:c Nat) ((:c HAdd.hAdd) (:c Nat) (:c Nat) (:c Nat) ((:c instHAdd) "
               "(:c Nat) (:c instAddNat)) 0 ((:c OfNat.ofNat) (:c Nat) (:lit 1) ((:c instOfNatNat) (:lit 1)))) "
               "((:c Nat.succ) 0)))")


def test_type_of_nat_add_one() -> None:
    """The documented example parses into binder, de Bruijn indices and constants, and prints back."""
    tree = parse_sexp(NAT_ADD_ONE)
    assert tree[0] == ":forall" and tree[1] == "n" and tree[2] == (":c", "Nat")
    eq = tree[3]
    assert eq[0] == (":c", "Eq") and eq[2][5] == 0
    assert format_sexp(tree) == NAT_ADD_ONE


def test_atoms() -> None:
    """Strings, quoted names, binder info, universe levels and fvars/mvars."""
    assert parse_sexp('(:lit "a (b) \\"c\\"")') == (":lit", StrLit('a (b) "c"'))
    assert parse_sexp("(:c «term_+_»)") == (":c", "«term_+_»")
    assert parse_sexp("(:c Foo.«bar baz (x)»)") == (":c", "Foo.«bar baz (x)»")
    assert parse_sexp("(:lambda x (:sort (+ u 1)) 0 :i)")[-1] == ":i"
    assert parse_sexp("((:c Prod.fst) _ _ (:fv _uniq.12))") == ((":c", "Prod.fst"), "_", "_", (":fv", "_uniq.12"))
    assert parse_sexp("(:sort (:max u v))") == (":sort", (":max", "u", "v"))


def test_deep_nesting_does_not_recurse() -> None:
    """A 50 000-deep term is read iteratively."""
    text = "(f " * 50000 + "0" + ")" * 50000
    tree = parse_sexp(text)
    depth = 0
    while isinstance(tree, tuple):
        tree = tree[1]
        depth += 1
    assert depth == 50000


@pytest.mark.parametrize("bad", ["(", ")", "(a b", "(a) b", '(:lit "x)', "(:c «x)"])
def test_malformed(bad: str) -> None:
    """Malformed input raises SExprError."""
    with pytest.raises(SExprError):
        parse_sexp(bad)


def test_pantograph_goal_object() -> None:
    """A goal object (PROTOCOLS.md 2.4) becomes a Goal with fvar ids, daggers, let values, sexps."""
    goal = parse_goal({
        "name": "_uniq.17", "userName": "inl", "fragment": "tactic",
        "target": {"pp": "q ∨ p", "sexp": "((:c Or) (:fv _uniq.11) (:fv _uniq.10))"},
        "vars": [
            {"name": "_uniq.10", "userName": "p", "isInaccessible": False, "type": {"pp": "Prop", "sexp": "(:sort 0)"}},
            {"name": "_uniq.49", "userName": "h", "isInaccessible": True, "type": {"pp": "p"}},
            {"name": "_uniq.60", "userName": "k", "isInaccessible": False, "type": {"pp": "Nat"}, "value": {"pp": "2"}},
        ],
    })
    assert goal.case == "inl" and goal.mvar_id == "_uniq.17"
    assert [h.name for h in goal.hypotheses] == ["p", "h✝", "k"]
    assert goal.hypotheses[0].fvar_id == "_uniq.10" and goal.hypotheses[0].type.sexp == (":sort", 0)
    assert goal.hypotheses[1].type.sexp is None and goal.hypotheses[2].value.pp == "2"
    assert goal.target.sexp == ((":c", "Or"), (":fv", "_uniq.11"), (":fv", "_uniq.10"))
    assert goal.target.tree == goal.target.sexp
    assert goal.render() == "case inl\np : Prop\nh✝ : p\nk : Nat := 2\n⊢ q ∨ p"


def test_tactic_outcomes() -> None:
    """Success, failure by messages, parse error and sorry are told apart (PROTOCOLS.md 2.5)."""
    ok = TacticOutcome.parse({"nextStateId": 2, "goals": [], "messages": [], "hasSorry": False, "hasUnsafe": False})
    assert ok.failure is None and ok.next_state_id == 2
    failed = TacticOutcome.parse({"messages": [{"fileName": "<Pantograph>", "pos": {"line": 0, "column": 0},
                                                "endPos": None, "severity": "error", "data": "tactic 'apply' failed"}],
                                  "hasSorry": False, "hasUnsafe": False})
    assert failed.failure == "tactic 'apply' failed" and failed.next_state_id is None
    parse_err = TacticOutcome.parse({"parseError": "<Pantograph>:1:5: unexpected token", "hasSorry": False,
                                     "hasUnsafe": False})
    assert parse_err.failure.startswith("<Pantograph>:1:5")
    sorry = TacticOutcome.parse({"nextStateId": 3, "goals": [], "messages": [], "hasSorry": True, "hasUnsafe": False})
    assert sorry.failure == "tactic generated sorry"
    info = TacticOutcome.parse({"nextStateId": 4, "goals": [], "messages": [{"severity": "information", "data": "hi"}],
                                "hasSorry": False, "hasUnsafe": False})
    assert info.failure is None and info.messages[0].severity == "info"
