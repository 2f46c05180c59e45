"""ExprGraph invariants on small hand-built terms and goals, batching, and graphs from real output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import pytest
import torch
from torch_geometric.data import Batch

from lean_bridge import Expression, Goal, Hypothesis, open_backend
from lean_bridge.term import mk_const, parse_term
from prover.graph import (
    EDGE_TYPES,
    FORWARD_EDGES,
    HASH_BUCKETS,
    MAX_SUBTERMS,
    NAME_PARTS,
    NODE_KINDS,
    StateGraph,
    Vocab,
    build_state_graph,
    build_term_graph,
    collate,
    name_hash,
    name_parts,
)

SAMPLES = Path("/work/shared/lean-transcripts/pantograph/samples.json")
TENSORS = ("node_kind", "name_id", "name_hash", "edge_index", "edge_type", "root", "hyp_node", "subterm_node")
VOCAB = Vocab.build(["Nat", "Eq", "HAdd.hAdd", "And", "Or", "P", "Q", "f"])


def same_graph(a: StateGraph, b: StateGraph) -> bool:
    """Identical tensors and the same candidate subterms up to free-variable ids."""
    return (all(torch.equal(getattr(a, k), getattr(b, k)) for k in TENSORS) and a.num_nodes == b.num_nodes
            and [t.kind for t in a.subterms] == [t.kind for t in b.subterms])


def kinds(g: StateGraph) -> list[str]:
    return [NODE_KINDS[k] for k in g.node_kind.tolist()]


def edges(g: StateGraph, name: str) -> list[tuple[int, int]]:
    """Edges of one type as (source, target) pairs."""
    t = EDGE_TYPES.index(name)
    mask = g.edge_type == t
    return list(zip(g.edge_index[0, mask].tolist(), g.edge_index[1, mask].tolist()))


def term_graph(text: str) -> StateGraph:
    return build_term_graph(parse_term(text), VOCAB)


def goal(hyps: list[tuple[str, str, str]], target: str, case: Optional[str] = None) -> Goal:
    """A goal from (name, fvar id, type sexp) triples and a target sexp."""
    return Goal(tuple(Hypothesis(n, Expression(s, s), fvar_id=f) for n, f, s in hyps),
                Expression(target, target), case=case)


# --------------------------------------------------------------------------- names


def test_vocab_and_name_hashes() -> None:
    v = Vocab.build(["Nat.add", "Nat.add", "Eq", "rare"], min_count=2)
    assert v.id("Nat.add") == 2 and v.id("Eq") == Vocab.OOV and len(v) == 3
    assert Vocab.from_json(json.loads(json.dumps(v.to_json()))) == v
    assert name_parts("Nat.add_comm") == ["Nat", "add", "comm"]
    h = name_hash("Nat.add_comm")
    assert len(h) == NAME_PARTS and h[3:] == (0,) * (NAME_PARTS - 3)
    assert all(1 <= x < HASH_BUCKETS for x in h[:3])
    assert h[0] == name_hash("Nat.succ")[0]  # the shared part hashes alike (deterministic crc32)


# --------------------------------------------------------------------------- terms


def test_sharing_one_node_per_distinct_subterm() -> None:
    g = term_graph("((:c Eq) (:c Nat) ((:c f) (:c Nat)) ((:c f) (:c Nat)))")
    # nodes: Eq-app spine (3 apps), Eq, Nat, `f Nat` (1 app), f
    assert kinds(g).count("const") == 3 and kinds(g).count("app") == 4
    assert g.num_nodes == 7
    assert g.edge_index.shape[1] == 2 * len(edges(g, "app_fn") + edges(g, "app_arg"))
    assert len(FORWARD_EDGES) * 2 == len(EDGE_TYPES)


def test_every_edge_has_its_reverse() -> None:
    g = term_graph("(:forall x (:c Nat) (:forall h ((:c P) 0) ((:c Q) 1 0)))")
    fwd = len(FORWARD_EDGES)
    pairs = set(zip(g.edge_index[0].tolist(), g.edge_index[1].tolist(), g.edge_type.tolist()))
    for u, v, t in pairs:
        back = t + fwd if t < fwd else t - fwd
        assert (v, u, back) in pairs


def test_bound_variables_wired_to_their_binders() -> None:
    g = term_graph("(:forall x (:c Nat) (:forall y (:c Nat) ((:c Eq) (:c Nat) 1 0)))")
    binders = [i for i, k in enumerate(kinds(g)) if k == "forall"]
    bvars = [i for i, k in enumerate(kinds(g)) if k == "bvar"]
    assert len(binders) == 2 and len(bvars) == 2
    wiring = dict(edges(g, "bvar_binder"))
    assert sorted(wiring[b] for b in bvars) == sorted(binders)
    outer = g.root.item()
    body = dict(edges(g, "binder_body"))
    inner = body[outer]
    # `Eq Nat #1 #0`: #1 is the outer binder's variable, #0 the inner's
    args = dict(edges(g, "app_arg"))
    eq_full = body[inner]
    assert wiring[args[eq_full]] == inner
    assert wiring[args[dict(edges(g, "app_fn"))[eq_full]]] == outer


def test_same_index_under_different_binders_is_two_nodes() -> None:
    g = term_graph("((:c And) (:forall x (:c Nat) ((:c P) 0)) (:forall x (:c Bool) ((:c P) 0)))")
    assert kinds(g).count("bvar") == 2
    assert kinds(g).count("forall") == 2
    p_apps = [u for u, v in edges(g, "app_fn") if kinds(g)[v] == "const" and v == _const_node(g, "P")]
    assert len(p_apps) == 2  # `P #0` twice: different variables, different nodes


def _const_node(g: StateGraph, name: str) -> int:
    ids = [i for i, (k, n) in enumerate(zip(kinds(g), g.name_id.tolist())) if k == "const" and n == VOCAB.id(name)]
    assert len(ids) == 1
    return ids[0]


def test_same_variable_at_different_depths_is_one_node() -> None:
    # ∀ x, Q x ∧ ∀ y, Q x   (`Q x` is `Q #0`, then `Q #1` under y: the same expression)
    g = term_graph("(:forall x (:c Nat) ((:c And) ((:c Q) 0) (:forall y (:c Nat) ((:c Q) 1))))")
    assert kinds(g).count("bvar") == 1
    q = _const_node(g, "Q")
    assert len([u for u, v in edges(g, "app_fn") if v == q]) == 1


def test_identical_closed_binders_share_and_inner_binders_depend_on_outer() -> None:
    g = term_graph("((:c And) (:forall x (:c Nat) ((:c P) 0)) (:forall x (:c Nat) ((:c P) 0)))")
    assert kinds(g).count("forall") == 1 and kinds(g).count("bvar") == 1
    # λ y. x under two different outer binders: two nodes
    h = term_graph("((:c And) (:lambda a (:c Nat) (:lambda y (:c Nat) 1)) (:lambda a (:c Bool) (:lambda y (:c Nat) 1)))")
    assert kinds(h).count("lam") == 4


def test_alpha_equivalent_terms_give_identical_graphs() -> None:
    a = term_graph("(:forall x (:c Nat) (:lambda y (:c Nat) ((:c Eq) (:c Nat) 1 0)) :implicit)")
    b = term_graph("(:forall n (:c Nat) (:lambda m (:c Nat) ((:c Eq) (:c Nat) 1 0)) :implicit)")
    assert same_graph(a, b)
    c = term_graph("(:forall n (:c Nat) (:lambda m (:c Nat) ((:c Eq) (:c Nat) 1 0)))")
    assert not same_graph(a, c)  # binder info is a feature
    assert kinds(a)[a.root.item()] == "forall_implicit"


def test_determinism() -> None:
    text = "(:forall n (:c Nat) ((:c Eq) (:c Nat) ((:c HAdd.hAdd) (:c Nat) (:c Nat) (:c Nat) 0 (:lit 0)) 0))"
    assert same_graph(term_graph(text), term_graph(text))


def test_name_features() -> None:
    g = term_graph("((:c Eq) (:c Nat) (:lit 3) (:c Unknown.const_name))")
    k = kinds(g)
    ids = g.name_id.tolist()
    assert ids[k.index("lit_nat")] == 0 and ids[_const_node(g, "Nat")] == VOCAB.id("Nat")
    unknown = [i for i, kk in enumerate(k) if kk == "const" and ids[i] == Vocab.OOV]
    assert len(unknown) == 1
    assert tuple(g.name_hash[unknown[0]].tolist()) == name_hash("Unknown.const_name")
    assert tuple(g.name_hash[k.index("lit_nat")].tolist()) == name_hash("3")
    assert all(v == 0 for v in g.name_hash[[i for i, kk in enumerate(k) if kk == "app"]].flatten().tolist())


# --------------------------------------------------------------------------- states

H1 = [("p", "_uniq.1", "(:sort 0)"), ("q", "_uniq.2", "(:sort 0)"), ("h", "_uniq.3", "((:c And) (:fv _uniq.1) (:fv _uniq.2))")]
H2 = [("a", "_uniq.40", "(:sort 0)"), ("b", "_uniq.17", "(:sort 0)"), ("k", "_uniq.8", "((:c And) (:fv _uniq.40) (:fv _uniq.17))")]


def test_state_graph_structure() -> None:
    g = build_state_graph([goal(H1, "((:c And) (:fv _uniq.2) (:fv _uniq.1))")], 0, VOCAB)
    k = kinds(g)
    assert k[g.root.item()] == "goal_focus" and k.count("hyp") == 3
    assert [k[i] for i in g.hyp_node.tolist()] == ["hyp"] * 3
    assert sorted(v for u, v in edges(g, "goal_hyp")) == sorted(g.hyp_node.tolist())
    hyp_type = dict(edges(g, "hyp_type"))
    p, q, h = g.hyp_node.tolist()
    assert hyp_type[p] == hyp_type[q] and k[hyp_type[p]] == "sort"  # Prop shared
    # the fvar occurrence IS the hypothesis node
    args = dict(edges(g, "app_arg"))
    assert args[hyp_type[h]] == q
    assert len(edges(g, "goal_target")) == 1


def test_invariance_to_hypothesis_names_and_fvar_ids() -> None:
    a = build_state_graph([goal(H1, "((:c And) (:fv _uniq.2) (:fv _uniq.1))", case="intro")], 0, VOCAB)
    b = build_state_graph([goal(H2, "((:c And) (:fv _uniq.17) (:fv _uniq.40))")], 0, VOCAB)
    assert same_graph(a, b)
    c = build_state_graph([goal(H1, "((:c And) (:fv _uniq.1) (:fv _uniq.2))")], 0, VOCAB)
    assert not same_graph(a, c)


def test_multi_goal_states() -> None:
    g1 = goal(H1, "(:fv _uniq.2)")
    g2 = goal(H1, "(:fv _uniq.1)")
    s0 = build_state_graph([g1, g2], 0, VOCAB)
    s1 = build_state_graph([g1, g2], 1, VOCAB)
    k = kinds(s0)
    assert k.count("goal_focus") == 1 and k.count("goal") == 1 and k.count("hyp") == 3  # shared context
    assert len(edges(s0, "goal_next")) == 1 and len(edges(s0, "rev_goal_next")) == 1
    assert len(edges(s0, "goal_hyp")) == 6
    targets = dict(edges(s0, "goal_target"))
    assert targets[s0.root.item()] == s0.hyp_node[1].item()
    assert dict(edges(s1, "goal_target"))[s1.root.item()] == s1.hyp_node[0].item()
    with pytest.raises(IndexError):
        build_state_graph([g1], 1, VOCAB)


def test_subterm_candidates() -> None:
    target = ("((:c Eq) (:c Nat) ((:c HAdd.hAdd) (:c Nat) (:c Nat) (:c Nat) ((:c instHAdd) (:c Nat) (:c instAddNat))"
              " (:fv _uniq.1) (:fv _uniq.1)) (:forall y (:c Nat) ((:c f) 0)))")
    g = build_state_graph([goal([("n", "_uniq.1", "(:c Nat)")], target)], 0, VOCAB)
    terms = g.subterms
    assert len(terms) == g.subterm_node.numel() <= MAX_SUBTERMS
    texts = [t.to_sexp() for t in terms]
    assert texts[0] == target  # target first, pre-order
    assert "(:fv _uniq.1)" in texts and "(:c Nat)" in texts
    assert not any(t.kind == "sort" or t.loose_bvar_range for t in terms)
    heads = [t.app_fn_args()[0] for t in terms]
    assert not any(h.kind == "const" and h.name.startswith("inst") for h in heads)  # instances are not witnesses
    assert "((:c f) 0)" not in texts  # open under the binder
    assert len(set(g.subterm_node.tolist())) == len(terms)
    k = kinds(g)
    assert k[g.subterm_node[texts.index("(:fv _uniq.1)")].item()] == "hyp"


# --------------------------------------------------------------------------- batching


def test_collate_offsets_match_pyg() -> None:
    graphs = [
        build_state_graph([goal(H1, "((:c And) (:fv _uniq.2) (:fv _uniq.1))")], 0, VOCAB),
        term_graph("(:forall x (:c Nat) ((:c P) 0))"),
        build_state_graph([goal(H2, "(:fv _uniq.17)"), goal(H2, "(:fv _uniq.40)")], 1, VOCAB),
    ]
    batch = collate(graphs)
    ref = Batch.from_data_list(graphs)
    for key in TENSORS + ("batch", "ptr"):
        assert torch.equal(getattr(batch, key), getattr(ref, key)), key
    assert batch.num_graphs == 3 and batch.num_nodes == sum(g.num_nodes for g in graphs)
    ptr = batch.ptr
    for i, g in enumerate(graphs):
        assert batch.root[i].item() == g.root.item() + ptr[i].item()
    assert batch.hyp_batch.tolist() == [0, 0, 0, 2, 2, 2]
    for j, gi in enumerate(batch.hyp_batch.tolist()):
        local = batch.hyp_node[j].item() - ptr[gi].item()
        assert local in graphs[gi].hyp_node.tolist()
        assert NODE_KINDS[batch.node_kind[batch.hyp_node[j]].item()] == "hyp"
    assert batch.subterm_batch.numel() == batch.subterm_node.numel()
    assert [len(s) for s in batch.subterms] == [g.subterm_node.numel() for g in graphs]


# --------------------------------------------------------------------------- real output


def test_graphs_from_samples_equal_graphs_from_embedded_server() -> None:
    if not SAMPLES.is_file():
        pytest.skip("samples.json not found")
    samples = json.loads(SAMPLES.read_text(encoding="utf-8"))
    statements = {"Nat.add_one": "∀ (n : Nat), n + 1 = n.succ",
                  "Nat.le_of_succ_le": "∀ {n m : Nat} (h : n.succ ≤ m), n ≤ m"}
    with open_backend("embedded") as lean:
        for entry in samples["sexp_of_constant_type"]:
            name = entry["name"]
            if name in statements:
                term = lean.start_goal(statements[name]).goals[0].target.typed
            else:
                term = lean.inspect(name).type
            assert term is not None
            assert same_graph(build_term_graph(parse_term(entry["sexp"]), VOCAB), build_term_graph(term, VOCAB)), name
        raw = parse_term(samples["sexp_of_raw_expr"][0]["sexp"])
        value = lean.inspect("And.right").value
        assert value is not None and value is not raw  # binder names differ ...
        assert same_graph(build_term_graph(raw, VOCAB), build_term_graph(value, VOCAB))  # ... the graph does not


def test_real_states_renamed_give_identical_graphs() -> None:
    with open_backend("embedded") as lean:
        s = lean.start_goal("∀ (n m : Nat), n + m = m + n")
        a = lean.run_tactic(s, "intro n m")
        b = lean.run_tactic(s, "intro x y")
        c = lean.run_tactic(a, "induction m")
        d = lean.run_tactic(b, "induction y")
    assert same_graph(build_state_graph(a.goals, 0, VOCAB), build_state_graph(b.goals, 0, VOCAB))
    for f in range(len(c.goals)):
        assert same_graph(build_state_graph(c.goals, f, VOCAB), build_state_graph(d.goals, f, VOCAB))
    g = build_state_graph(c.goals, 1, VOCAB)
    assert g.hyp_node.numel() == len(c.goals[1].hypotheses)
    assert mk_const("Nat") in g.subterms
