"""The Term layer: reading printExprAST S-expressions (real Pantograph's, from samples.json, and the
embedded server's), interning, alpha-equivalence, state keys, and ``Backend.inspect``."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

from lean_bridge import ConstantInfo, Expression, Goal, Hypothesis, StatementError, open_backend
from lean_bridge.pantograph_client import PantographClient
from lean_bridge.backend import resolve_executable
from lean_bridge.term import (
    PLACEHOLDER,
    Term,
    TermParseError,
    goal_key,
    mk_app,
    mk_bvar,
    mk_const,
    mk_forall,
    mk_lam,
    mk_lit,
    mk_sort,
    parse_term,
    state_key,
)

SAMPLES = Path("/work/shared/lean-transcripts/pantograph/samples.json")
REPO_SAMPLES = Path(__file__).resolve().parents[2] / "datasets" / "pantograph_samples.json"


def load_samples() -> dict[str, Any]:
    """Real Pantograph's asserted outputs (skips when the shared transcripts are absent)."""
    for path in (SAMPLES, REPO_SAMPLES):
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    pytest.skip(f"samples.json not found at {SAMPLES}")


# Statements of the sample constants that the embedded library does not have (Lean core's own)
STATEMENTS = {
    "Nat.add_one": "∀ (n : Nat), n + 1 = n.succ",
    "Nat.le_of_succ_le": "∀ {n m : Nat} (h : n.succ ≤ m), n ≤ m",
    "Nat.add_comm": "∀ (n m : Nat), n + m = m + n",
}


@pytest.fixture(scope="module")
def client() -> Iterator[PantographClient]:
    """A raw client on the embedded Pantograph server (printExprAST on)."""
    with PantographClient(resolve_executable("embedded") + ["Init"], timeout=60) as c:
        c.start()
        yield c


@pytest.fixture(scope="module")
def lean():
    """The embedded backend over the Pantograph protocol."""
    with open_backend("embedded") as backend:
        yield backend


def embedded_type(client: PantographClient, name: str) -> str:
    """The embedded server's S-expression for the type of ``name`` (library constant or statement)."""
    if name in STATEMENTS:
        sid = int(client.request("goal.start", {"expr": STATEMENTS[name]})["stateId"])
        goal = client.request("goal.print", {"stateId": sid, "goals": True})["goals"][0]
        client.request("goal.delete", {"stateIds": [sid]})
        return goal["target"]["sexp"]
    return client.request("env.inspect", {"name": name})["type"]["sexp"]


# --------------------------------------------------------------------------- samples.json


def test_every_sample_sexp_parses_and_prints_back() -> None:
    samples = load_samples()
    entries = samples["sexp_of_constant_type"] + samples["sexp_of_raw_expr"]
    assert len(entries) >= 6
    for entry in entries:
        t = parse_term(entry["sexp"])
        assert isinstance(t, Term) and t.loose_bvar_range == 0
        assert t.to_sexp() == entry["sexp"]
        assert parse_term(t.to_sexp()) is t


def test_sample_shapes() -> None:
    """The schema's corner cases as real Pantograph prints them."""
    by_name = {e["name"]: parse_term(e["sexp"]) for e in load_samples()["sexp_of_constant_type"]}
    add = by_name["Nat.add"]
    assert add.kind == "forall" and add.name == "_" and add.body.name == "_"  # unhygienic binders
    lst = by_name["List"]
    assert lst.type.level == ("+", "u", 1) and lst.body.level == ("+", "u", 1)  # Type u → Type u
    le = by_name["Nat.le_of_succ_le"]
    assert [le.info, le.body.info, le.body.body.info] == ["implicit", "implicit", "default"]
    one = by_name["Nat.add_one"]
    lits = [t for t in one.subterms() if t.kind == "lit"]
    assert [t.value for t in lits] == [1, 1]
    raw = parse_term(load_samples()["sexp_of_raw_expr"][0]["sexp"])
    head, args = raw.body.body.body.app_fn_args()
    assert head is mk_const("And.right") and args[:2] == [PLACEHOLDER, PLACEHOLDER] and args[2] is mk_bvar(0)


def test_embedded_server_prints_sample_constants_as_real_pantograph(client: PantographClient) -> None:
    """Same constants, same S-expression text (List in Type u, binders `_`, `:implicit`)."""
    for entry in load_samples()["sexp_of_constant_type"]:
        text = embedded_type(client, entry["name"])
        assert text == entry["sexp"], entry["name"]
        assert parse_term(text) is parse_term(entry["sexp"])


def test_embedded_raw_projection_matches_up_to_binder_names(client: PantographClient) -> None:
    """`And.right`'s value is the raw projection of the sample (binder names differ: a b self / p q k)."""
    sample = parse_term(load_samples()["sexp_of_raw_expr"][0]["sexp"])
    value = client.request("env.inspect", {"name": "And.right", "value": True})["value"]["sexp"]
    assert parse_term(value).anon is sample.anon
    assert parse_term(value) is not sample


def test_binders_of_constant_type(lean) -> None:
    """Binder names from the sample S-expressions; binder types and target as the embedded server prints them."""
    samples = load_samples()
    sexps = {e["name"]: parse_term(e["sexp"]) for e in samples["sexp_of_constant_type"]}
    for entry in samples["binders_of_constant_type"]:
        name, binders = entry["name"], entry["binders"]
        if name in sexps:
            t, names = sexps[name], []
            while t.kind == "forall":
                names.append(t.name)
                t = t.body
            assert names == [b[0] for b in binders]
        state = lean.start_goal(STATEMENTS[name])
        state = lean.run_tactic(state, "intro " + " ".join(b[0] for b in binders))
        goal = state.goals[0]
        assert [(h.name, h.type.pp) for h in goal.hypotheses] == [tuple(b) for b in binders]
        assert goal.target.pp == entry["target"]


def _match(expected: Any, actual: Any, ids: dict[str, str], where: str) -> None:
    """``expected`` is contained in ``actual``; `_uniq.N` ids match by a consistent renaming."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for k, v in expected.items():
            if k == "module":  # which file a constant comes from depends on the environment
                continue
            assert k in actual, f"{where}: missing {k!r} in {actual}"
            _match(v, actual[k], ids, f"{where}.{k}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for i, (e, a) in enumerate(zip(expected, actual)):
            _match(e, a, ids, f"{where}[{i}]")
    elif isinstance(expected, str) and re.fullmatch(r"_uniq\.\d+", expected):
        assert isinstance(actual, str) and actual.startswith("_uniq."), where
        assert ids.setdefault(expected, actual) == actual, f"{where}: {expected} is both {ids[expected]} and {actual}"
        assert list(ids.values()).count(actual) == 1, f"{where}: two ids map to {actual}"
    elif isinstance(expected, str) and expected.startswith("("):
        assert parse_term(actual) is parse_term(expected), where
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def test_session_replays_on_embedded_server() -> None:
    """Replay the sample session; every field real Pantograph showed is there with the same value.

    Skipped as not applicable: older Pantograph's ``goal.print`` (``parent``). ``Nat.add_one`` is
    not in the embedded library, so it is added first with ``env.add`` (its ``module`` differs).
    """
    samples = load_samples()
    with PantographClient(resolve_executable("embedded") + ["Init"], timeout=60,
                          options={"printExprAST": False}) as c:
        c.start()
        c.request("env.add", {"name": "Nat.add_one", "type": STATEMENTS["Nat.add_one"],
                              "value": "fun n => rfl", "isTheorem": True})
        ids: dict[str, str] = {}
        replayed = 0
        for i, step in enumerate(samples["session"]):
            if step["command"] == "goal.print" and "parent" in step["response"]:
                continue
            actual = c._exchange(step["command"], step["payload"])
            _match(step["response"], actual, ids, f"session[{i}] {step['command']}")
            replayed += 1
        assert replayed >= 8


# --------------------------------------------------------------------------- Term basics


def test_interning_identity_and_pickling() -> None:
    a = parse_term("((:c Eq) (:c Nat) (:lit 1) (:lit 1))")
    b = mk_app(mk_app(mk_app(mk_const("Eq"), mk_const("Nat")), mk_lit(1)), mk_lit(1))
    assert a is b and hash(a) == hash(b) and a == b
    assert pickle.loads(pickle.dumps(a)) is a
    assert mk_lit(1) is not mk_lit("1")
    with pytest.raises(AttributeError):
        a.kind = "bvar"  # type: ignore[misc]


def test_alpha_equivalence_and_shapes() -> None:
    x = parse_term("(:forall x (:c Nat) (:forall y (:c Nat) ((:c Eq) (:c Nat) 1 0)))")
    y = parse_term("(:forall a (:c Nat) (:forall b (:c Nat) ((:c Eq) (:c Nat) 1 0)))")
    assert x is not y and x.anon is y.anon
    assert x.body.body.mask == 0b11 and x.body.mask == 0b1 and x.mask == 0
    f1 = parse_term("((:c f) 1)")
    assert f1.shape is parse_term("((:c f) 0)")
    g = parse_term("((:c g) 0 2 (:lambda x (:c Nat) 3))")
    assert g.shape is parse_term("((:c g) 0 1 (:lambda _ (:c Nat) 2))")


def test_schema_forms() -> None:
    assert parse_term("(:sort (:max u (+ v 2)))").level == (":max", "u", ("+", "v", 2))
    assert parse_term("(:sort (:imax 0 u))").level == (":imax", 0, "u")
    assert parse_term("(:sort (:mv _uniq.3))").level == (":mv", "_uniq.3")
    assert parse_term('(:lit "a b")').value == "a b"
    assert parse_term('(:lambda "«x y»" (:c Nat) 0)').name == "«x y»"
    assert parse_term("(:mvd _uniq.4)").kind == "mvar"
    sub = parse_term("(:subst (:mv _uniq.4) (:fv _uniq.1))")
    assert sub.kind == "app" and sub.fn.kind == "mvar" and sub.arg.kind == "fvar"
    assert parse_term("(:forall x (:c Nat) 0 :i)").info == "implicit"
    assert parse_term("(:lambda x (:c Nat) 0 :instImplicit)").info == "instImplicit"
    let = parse_term("(:let x (:c Nat) (:lit 2) 0)")
    assert let.kind == "let" and let.value is mk_lit(2) and let.body is mk_bvar(0)
    proj = parse_term("(:proj Prod 1 (:fv _uniq.2))")
    assert proj.kind == "proj" and proj.idx == 1 and proj.name == "Prod"
    assert parse_term("(:c «term_+_»)").name == "«term_+_»"
    assert mk_forall("x", mk_sort(0), mk_bvar(0)).to_sexp() == "(:forall x (:sort 0) 0)"
    assert mk_lam("x", mk_sort(0), mk_bvar(0), "strictImplicit").to_sexp() == "(:lambda x (:sort 0) 0 :strictImplicit)"


@pytest.mark.parametrize("text", ["", "(", ")", "(:c Nat) x", "(:forall x (:c Nat))", "(:bogus 1)",
                                  "(:forall x (:c Nat) 0 :weird)", "(:c)"])
def test_parse_errors(text: str) -> None:
    with pytest.raises(TermParseError):
        parse_term(text)


def test_expression_typed() -> None:
    assert Expression("Nat").typed is None
    e = Expression("Nat", "(:c Nat)")
    assert e.typed is mk_const("Nat") and e.typed is e.typed


# --------------------------------------------------------------------------- state keys


def _goal(hyps: list[tuple[str, str, str]], target: str, case: Optional[str] = None,
          mvar: Optional[str] = None) -> Goal:
    """A goal from (name, fvar id, type sexp) triples and a target sexp (pp = sexp, irrelevant to keys)."""
    return Goal(tuple(Hypothesis(n, Expression(s, s), fvar_id=f) for n, f, s in hyps),
                Expression(target, target), case=case, mvar_id=mvar)


def test_goal_key_up_to_renaming() -> None:
    a = _goal([("p", "_uniq.1", "(:sort 0)"), ("h", "_uniq.2", "(:fv _uniq.1)")], "(:fv _uniq.1)", case="inl")
    b = _goal([("q", "_uniq.7", "(:sort 0)"), ("h'", "_uniq.9", "(:fv _uniq.7)")], "(:fv _uniq.7)")
    assert goal_key(a) == goal_key(b) and hash(goal_key(a)) == hash(goal_key(b))
    c = _goal([("p", "_uniq.1", "(:sort 0)"), ("h", "_uniq.2", "(:fv _uniq.1)")], "(:fv _uniq.2)")
    assert goal_key(a) != goal_key(c)  # target is h (a proof), not p
    d = _goal([("h", "_uniq.2", "(:fv _uniq.1)"), ("p", "_uniq.1", "(:sort 0)")], "(:fv _uniq.1)")
    assert goal_key(a) != goal_key(d)  # hypothesis order matters
    alpha1 = _goal([], "(:forall x (:c Nat) ((:c P) 0))")
    alpha2 = _goal([], "(:forall y (:c Nat) ((:c P) 0))")
    assert goal_key(alpha1) == goal_key(alpha2)
    assert goal_key(_goal([], "(:forall y (:c Nat) ((:c P) 0) :implicit)")) != goal_key(alpha1)


def test_state_key_keeps_goal_order_and_mvar_links() -> None:
    g1 = _goal([], "((:c P) (:mv _uniq.5))", mvar="_uniq.3")
    g2 = _goal([], "(:c Nat)", mvar="_uniq.5")
    h1 = _goal([], "((:c P) (:mv _uniq.15))", mvar="_uniq.13")
    h2 = _goal([], "(:c Nat)", mvar="_uniq.15")
    assert state_key([g1, g2]) == state_key([h1, h2])
    assert state_key([g1, g2]) != state_key([g2, g1])
    other = _goal([], "((:c P) (:mv _uniq.99))", mvar="_uniq.13")
    assert state_key([g1, g2]) != state_key([other, h2])  # P ?x where ?x is not the second goal


def test_state_keys_on_real_states(lean) -> None:
    s = lean.start_goal("∀ (p q : Prop), p ∧ q → q ∧ p")
    a = lean.run_tactic(s, "intro p q h")
    b = lean.run_tactic(s, "intro x y z")
    assert state_key(a) == state_key(b)
    assert a.goals[0].hypotheses[0].fvar_id != b.goals[0].hypotheses[0].fvar_id
    c = lean.run_tactic(a, "constructor")
    d = lean.run_tactic(b, "constructor")
    assert state_key(c) == state_key(d) and state_key(c) != state_key(a)
    assert goal_key(c.goals[0]) != goal_key(c.goals[1])
    e = lean.run_tactic(a, "exact ⟨h.2, h.1⟩")
    assert state_key(e) == () and e.is_solved


def test_inspect(lean) -> None:
    info = lean.inspect("List")
    assert isinstance(info, ConstantInfo) and info.type_pp == "Type u → Type u"
    assert info.type is parse_term("(:forall α (:sort (+ u 1)) (:sort (+ u 1)))")
    add = lean.inspect("Nat.add")
    assert add.type is parse_term("(:forall _ (:c Nat) (:forall _ (:c Nat) (:c Nat)))")
    assert add.value is not None and add.value.kind == "lam"
    right = lean.inspect("And.right")
    assert right.value is not None and right.value.loose_bvar_range == 0
    with pytest.raises(StatementError):
        lean.inspect("No.such.constant")


def test_repl_backend_inspect_is_a_clear_error() -> None:
    with open_backend("embedded", protocol="repl") as repl:
        with pytest.raises(NotImplementedError, match="REPL"):
            repl.inspect("Nat.add")


def test_goal_key_without_sexps_is_exact() -> None:
    """REPL goals carry no S-expressions: keys fall back to the exact text (never merging different goals)."""
    a = Goal((Hypothesis("h", Expression("p ∧ q")),), Expression("q ∧ p"))
    b = Goal((Hypothesis("h", Expression("p ∧ q")),), Expression("q ∧ p"), case="intro")
    c = Goal((Hypothesis("k", Expression("p ∧ q")),), Expression("q ∧ p"))
    assert goal_key(a) == goal_key(b) and goal_key(a) != goal_key(c)
    assert state_key([a]) == state_key([b])
