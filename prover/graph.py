"""ExprGraph: one PyTorch Geometric graph per proof state (or premise statement), built from Terms.

Nodes are hash-consed: one node per distinct subterm. Two occurrences share a node exactly when
they denote the same expression: equal ``Term.shape`` (binder names erased, loose bound variables
renumbered) and their loose bound variables point at the same binder nodes. So a bound variable
is keyed by ITS binder node (``0`` under two different binders gives two nodes; ``x`` seen as ``#0``
and, under one more binder, as ``#1`` gives one node), closed subterms are shared across the whole
state (hypotheses, targets, goals), and alpha-equivalent terms give identical graphs. A free
variable occurrence IS the node of the hypothesis that introduces it (kind ``hyp``); a hypothesis
shared by several goals (same fvar id) is one node. Nothing depends on names or ids except
through these keys, so the graph is invariant to renaming hypotheses, free-variable ids and binders.

Node order is the order of first visit of a deterministic traversal: the focused goal first (its
hypotheses in order, each with its type, then its target), then the other goals in order; terms
depth-first, function before argument, binder type before body.

Edges (``EDGE_TYPES``; messages flow ``edge_index[0] -> edge_index[1]``): for every forward edge
``u -> v`` of type ``t`` listed in ``FORWARD_EDGES`` there is also the reverse edge ``v -> u`` of
type ``t + len(FORWARD_EDGES)`` (named ``rev_<name>``), so information flows both ways.
``goal_next`` links consecutive goals (its reverse links them backwards: goal <-> goal).

Node features: ``node_kind`` (index into ``NODE_KINDS``; binder info is folded into the kind),
``name_id`` (``Vocab`` id of a constant's name; 0 for non-constants, 1 for out-of-vocabulary) and
``name_hash`` (the name split at ``.`` and ``_`` into at most ``NAME_PARTS`` parts, each hashed by
CRC32 into ``[1, HASH_BUCKETS)``, 0 = padding; constants, numerals and sorts (``Prop``, ``Type``,
``Sort u``) and projection structures carry a name, other nodes all zeros). Local names never appear.

Pointer heads: ``hyp_node`` (node of each hypothesis of the focused goal, in order), and
``subterm_node`` / ``subterms``: candidate witness/rewrite subterms of the focused goal -- distinct
subterms of its target then of its hypotheses' types (pre-order), closed w.r.t. bound variables,
not in function position of an application, not sorts, placeholders or metavariables, not
instance terms (head constant's last component starts with ``inst``), at most ``MAX_SUBTERMS``.
"""

from __future__ import annotations

import sys
import time
import zlib
from collections import Counter
from typing import Any, Iterable, Optional, Sequence

import torch
from torch_geometric.data import Batch, Data

from lean_bridge.term import Term
from lean_bridge.types import Goal

NODE_KINDS: tuple[str, ...] = (
    "goal", "goal_focus", "hyp", "fvar", "bvar", "mvar", "const", "lit_nat", "lit_str", "sort", "app",
    "forall", "forall_implicit", "forall_strict", "forall_inst",
    "lam", "lam_implicit", "lam_strict", "lam_inst", "let", "proj", "placeholder",
)
FORWARD_EDGES: tuple[str, ...] = (
    "app_fn", "app_arg", "binder_type", "binder_body", "let_value", "bvar_binder", "proj_expr",
    "hyp_type", "hyp_value", "goal_target", "goal_hyp", "goal_next",
)
EDGE_TYPES: tuple[str, ...] = FORWARD_EDGES + tuple("rev_" + e for e in FORWARD_EDGES)
NAME_PARTS = 6
HASH_BUCKETS = 4096
MAX_SUBTERMS = 64

_K = {k: i for i, k in enumerate(NODE_KINDS)}
_E = {e: i for i, e in enumerate(FORWARD_EDGES)}
_NUM_FWD = len(FORWARD_EDGES)
_BINDER_KIND = {
    ("forall", "default"): _K["forall"], ("forall", "implicit"): _K["forall_implicit"],
    ("forall", "strictImplicit"): _K["forall_strict"], ("forall", "instImplicit"): _K["forall_inst"],
    ("lam", "default"): _K["lam"], ("lam", "implicit"): _K["lam_implicit"],
    ("lam", "strictImplicit"): _K["lam_strict"], ("lam", "instImplicit"): _K["lam_inst"],
    ("let", None): _K["let"],
}
_NO_NAME = (0,) * NAME_PARTS


# --------------------------------------------------------------------------- names


class Vocab:
    """Constant-name vocabulary: id 0 = not a constant, 1 = out of vocabulary, 2.. = known names."""

    PAD, OOV = 0, 1

    def __init__(self, names: Sequence[str] = ()) -> None:
        self.names: list[str] = list(names)
        self.ids: dict[str, int] = {n: i + 2 for i, n in enumerate(self.names)}

    @classmethod
    def build(cls, names: Iterable[str], min_count: int = 1) -> "Vocab":
        """Names seen at least ``min_count`` times, most frequent first (ties by name)."""
        counts = Counter(names)
        kept = sorted((n for n, c in counts.items() if c >= min_count), key=lambda n: (-counts[n], n))
        return cls(kept)

    def __len__(self) -> int:
        """Number of ids (including the two reserved ones)."""
        return len(self.names) + 2

    def id(self, name: str) -> int:
        """Id of a constant name (``OOV`` when unknown)."""
        return self.ids.get(name, self.OOV)

    def to_json(self) -> dict[str, Any]:
        """JSON-serialisable form (for checkpoint configs)."""
        return {"names": self.names}

    @classmethod
    def from_json(cls, obj: Any) -> "Vocab":
        """Inverse of ``to_json`` (also accepts a bare list of names)."""
        names = obj["names"] if isinstance(obj, dict) else obj
        return cls([str(n) for n in names])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocab) and self.names == other.names

    def __repr__(self) -> str:
        return f"Vocab({len(self.names)} names)"


_HASH_CACHE: dict[str, tuple[int, ...]] = {}


def name_parts(name: str) -> list[str]:
    """``Nat.add_comm`` -> ``["Nat", "add", "comm"]`` (split at ``.`` and ``_``, empty parts dropped)."""
    return [p for p in name.replace("_", ".").split(".") if p]


def name_hash(name: str) -> tuple[int, ...]:
    """``NAME_PARTS`` bucket ids in ``[1, HASH_BUCKETS)`` for the name's parts, padded with 0 (cached)."""
    h = _HASH_CACHE.get(name)
    if h is None:
        parts = name_parts(name)[:NAME_PARTS]
        ids = [1 + zlib.crc32(p.encode("utf-8")) % (HASH_BUCKETS - 1) for p in parts]
        h = tuple(ids) + (0,) * (NAME_PARTS - len(ids))
        if len(_HASH_CACHE) < 1 << 18:
            _HASH_CACHE[name] = h
    return h


def _level_name(level: Any) -> str:
    """Feature name of a sort: ``Prop``, ``Type``, ``Type 1``.., else ``Sort`` (level parameters dropped)."""
    if level == 0:
        return "Prop"
    if isinstance(level, int):
        return "Type" if level == 1 else f"Type.{level - 1}"
    if isinstance(level, tuple) and level[0] == "+" and isinstance(level[2], int):
        return "Type.u" if level[2] == 1 else "Sort.succ"
    return "Sort"


# --------------------------------------------------------------------------- the graph


class StateGraph(Data):
    """An ExprGraph as PyG ``Data``; ``root``/``hyp_node``/``subterm_node`` are node indices."""

    def __inc__(self, key: str, value: Any, *args: Any, **kwargs: Any) -> Any:
        if key == "root" or key.endswith("_node"):
            return self.num_nodes
        return super().__inc__(key, value, *args, **kwargs)

    def __cat_dim__(self, key: str, value: Any, *args: Any, **kwargs: Any) -> Any:
        if key == "root" or key.endswith("_node"):
            return 0
        return super().__cat_dim__(key, value, *args, **kwargs)


class _Builder:
    """Accumulates nodes and edges as Python lists; ``finish`` makes the tensors in one go."""

    __slots__ = ("vocab", "nodes", "kind", "names", "src", "dst", "etype", "fv_node",
                 "cand", "cand_terms", "collect")

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.nodes: dict[Any, int] = {}
        self.kind: list[int] = []
        self.names: list[Optional[str]] = []  # feature name per node (None = no name)
        self.src: list[int] = []
        self.dst: list[int] = []
        self.etype: list[int] = []
        self.fv_node: dict[str, int] = {}
        self.cand: dict[int, None] = {}  # subterm candidate nodes, insertion-ordered
        self.cand_terms: list[Term] = []
        self.collect = False

    def new_node(self, key: Any, kind: int, name: Optional[str]) -> int:
        n = len(self.kind)
        self.nodes[key] = n
        self.kind.append(kind)
        self.names.append(name)
        return n

    def edge(self, u: int, v: int, t: int) -> None:
        self.src.append(u)
        self.dst.append(v)
        self.etype.append(t)

    def term(self, t: Term, binders: list[int], fn_pos: bool = False) -> int:
        """Node of ``t`` under the binder nodes ``binders`` (innermost last); creates it on first visit."""
        mask = t.mask
        if mask:
            d = len(binders)
            ctx = []
            i = 0
            m = mask
            while m:
                if m & 1:
                    ctx.append(binders[d - 1 - i])
                m >>= 1
                i += 1
            key: Any = (t.shape, tuple(ctx))
        elif t.flags and t.kind == "fvar":
            n = self.fv_node.get(t.name)  # type: ignore[arg-type]
            if n is None:
                n = self.fv_node[t.name] = self.new_node(("fv", t.name), _K["fvar"], None)  # type: ignore[index]
            if self.collect and not fn_pos and n not in self.cand:
                self.cand[n] = None
                self.cand_terms.append(t)
            return n
        else:
            key = t.anon
        n = self.nodes.get(key)
        if n is None:
            n = self._create(t, key, binders)
        if self.collect and not mask and not fn_pos and n not in self.cand:
            self._maybe_candidate(t, n)
        return n

    def _maybe_candidate(self, t: Term, n: int) -> None:
        k = t.kind
        if k in ("sort", "placeholder", "mvar", "lit") or t.has_mvar:
            return
        head = t
        while head.kind == "app":
            head = head.children[0]
        if head.kind == "const" and head.name.rpartition(".")[2].startswith("inst"):  # type: ignore[union-attr]
            return
        self.cand[n] = None
        self.cand_terms.append(t)

    def _create(self, t: Term, key: Any, binders: list[int]) -> int:
        k = t.kind
        if k == "app":
            n = self.new_node(key, _K["app"], None)
            self.edge(n, self.term(t.children[0], binders, True), 0)
            self.edge(n, self.term(t.children[1], binders), 1)
        elif k == "forall" or k == "lam" or k == "let":
            n = self.new_node(key, _BINDER_KIND[(k, t.data)], None)
            ch = t.children
            self.edge(n, self.term(ch[0], binders), 2)
            if k == "let":
                self.edge(n, self.term(ch[1], binders), 4)
            binders.append(n)
            try:
                self.edge(n, self.term(ch[-1], binders), 3)
            finally:
                binders.pop()
        elif k == "bvar":
            n = self.new_node(key, _K["bvar"], None)
            self.edge(n, key[1][0], 5)
        elif k == "const":
            n = self.new_node(key, _K["const"], t.name)
        elif k == "lit":
            if isinstance(t.data, str):
                n = self.new_node(key, _K["lit_str"], None)
            else:
                n = self.new_node(key, _K["lit_nat"], str(t.data))
        elif k == "sort":
            n = self.new_node(key, _K["sort"], _level_name(t.data))
        elif k == "proj":
            n = self.new_node(key, _K["proj"], t.name)
            self.edge(n, self.term(t.children[0], binders), 6)
        elif k == "mvar":
            n = self.new_node(key, _K["mvar"], None)
        elif k == "placeholder":
            n = self.new_node(key, _K["placeholder"], None)
        else:  # fvar with loose context cannot happen; kept for completeness
            n = self.new_node(key, _K["fvar"], None)
        return n

    def goal(self, goal: Goal, focused: bool) -> tuple[int, list[int], list[tuple[int, Any]]]:
        """Add a goal node and its hypothesis nodes; return (goal node, hypothesis nodes, undeclared ones)."""
        g = self.new_node(("goal", len(self.kind)), _K["goal_focus" if focused else "goal"], None)
        hyp_nodes = []
        pending = []
        hyp_kind = _K["hyp"]
        for h in goal.hypotheses:
            fid = h.fvar_id if h.fvar_id is not None else f"?hyp{len(self.kind)}"
            n = self.fv_node.get(fid)
            if n is None:
                n = self.new_node(("fv", fid), hyp_kind, None)
                self.fv_node[fid] = n
                pending.append((n, h))
            elif self.kind[n] != hyp_kind:  # seen as an occurrence before its declaration
                self.kind[n] = hyp_kind
                pending.append((n, h))
            hyp_nodes.append(n)
            self.edge(g, n, 10)
        return g, hyp_nodes, pending

    def declare(self, pending: list[tuple[int, Any]]) -> None:
        """Add each new hypothesis' type (and let value) with its edges."""
        for n, h in pending:
            self.edge(n, self.term(_typed(h.type), []), 7)
            if h.value is not None:
                self.edge(n, self.term(_typed(h.value), []), 8)

    def finish(self) -> dict[str, torch.Tensor]:
        vocab = self.vocab
        kinds = self.kind
        const = _K["const"]
        name_ids = [vocab.id(nm) if k == const else 0 for k, nm in zip(kinds, self.names)]  # type: ignore[arg-type]
        flat: list[int] = []
        for nm in self.names:
            flat.extend(_NO_NAME if nm is None else name_hash(nm))
        num_nodes = len(kinds)
        src, dst, et = self.src, self.dst, self.etype
        edges = torch.tensor([src + dst, dst + src], dtype=torch.long)
        etypes = torch.tensor(et + [t + _NUM_FWD for t in et], dtype=torch.long)
        return {
            "node_kind": torch.tensor(kinds, dtype=torch.long),
            "name_id": torch.tensor(name_ids, dtype=torch.long),
            "name_hash": torch.tensor(flat, dtype=torch.long).view(num_nodes, NAME_PARTS),
            "edge_index": edges,
            "edge_type": etypes,
        }


def _typed(expr: Any) -> Term:
    """The Term of an ``Expression`` (a clear error when the server sent no S-expression)."""
    t = expr.typed
    if t is None:
        raise ValueError(f"expression {expr.pp!r} has no S-expression (use a Pantograph backend)")
    return t


def build_state_graph(goals: Sequence[Goal], focus: int, vocab: Vocab) -> StateGraph:
    """The ExprGraph of a proof state with goal ``focus`` focused (see the module docstring)."""
    if not 0 <= focus < len(goals):
        raise IndexError(f"focus {focus} out of range for {len(goals)} goals")
    b = _Builder(vocab)
    goal_nodes: list[int] = [0] * len(goals)
    order = [focus] + [i for i in range(len(goals)) if i != focus]
    hyp_nodes: list[int] = []
    for i in order:
        goal = goals[i]
        focused = i == focus
        g, hyps, pending = b.goal(goal, focused)
        goal_nodes[i] = g
        if focused:  # target first, then hypotheses: the order of the subterm candidates
            hyp_nodes = hyps
            b.collect = True
            b.edge(g, b.term(_typed(goal.target), []), 9)
            b.declare(pending)
            b.collect = False
        else:
            b.declare(pending)
            b.edge(g, b.term(_typed(goal.target), []), 9)
    for a, c in zip(goal_nodes, goal_nodes[1:]):
        b.edge(a, c, 11)
    cand = list(b.cand)[:MAX_SUBTERMS]
    data = StateGraph(**b.finish())
    data.root = torch.tensor([goal_nodes[focus]], dtype=torch.long)
    data.hyp_node = torch.tensor(hyp_nodes, dtype=torch.long)
    data.subterm_node = torch.tensor(cand, dtype=torch.long)
    data.subterms = b.cand_terms[:MAX_SUBTERMS]
    data.num_nodes = len(b.kind)
    return data


def build_term_graph(term: Term, vocab: Vocab) -> StateGraph:
    """The ExprGraph of one closed term (a premise statement); ``root`` is the term's node."""
    b = _Builder(vocab)
    root = b.term(term, [])
    data = StateGraph(**b.finish())
    data.root = torch.tensor([root], dtype=torch.long)
    data.hyp_node = torch.zeros(0, dtype=torch.long)
    data.subterm_node = torch.zeros(0, dtype=torch.long)
    data.subterms = []
    data.num_nodes = len(b.kind)
    return data


def collate(graphs: Sequence[StateGraph]) -> Batch:
    """Batch graphs (node indices offset); adds ``hyp_batch``/``subterm_batch`` (graph id per entry)."""
    batch = Batch.from_data_list(list(graphs))
    n = len(graphs)
    ids = torch.arange(n)
    batch.hyp_batch = ids.repeat_interleave(torch.tensor([g.hyp_node.numel() for g in graphs], dtype=torch.long))
    batch.subterm_batch = ids.repeat_interleave(
        torch.tensor([g.subterm_node.numel() for g in graphs], dtype=torch.long))
    return batch


# --------------------------------------------------------------------------- benchmark


def collect_states(backend: Any, statements: Sequence[str], tactics: Sequence[str]) -> list[Sequence[Goal]]:
    """Goal lists reached from each statement by trying each tactic once on every goal (breadth 1)."""
    from lean_bridge.types import LeanError

    states: list[Sequence[Goal]] = []
    for stmt in statements:
        try:
            s0 = backend.start_goal(stmt)
        except LeanError:
            continue
        frontier = [s0]
        for _ in range(3):
            nxt = []
            for s in frontier:
                if not s.goals:
                    continue
                states.append(s.goals)
                for tac in tactics:
                    try:
                        nxt.append(backend.run_tactic(s, tac, 0))
                    except LeanError:
                        pass
            frontier = nxt[:8]
    return states


BENCH_STATEMENTS = (
    "∀ (p q : Prop), p ∧ q → q ∧ p",
    "∀ (p q r : Prop), (p → q) → (q → r) → p → r",
    "∀ (n m : Nat), n + m = m + n",
    "∀ (n : Nat), n + 0 = n",
    "∀ (a b c : Nat), a + b + c = a + (b + c)",
    "∀ (α : Type) (l : List α), (l ++ []).length = l.length",
    "∀ (α : Type) (l m : List α), (l ++ m).length = l.length + m.length",
    "∀ (p q : Prop), p ∨ q → q ∨ p",
    "∀ (n m : Nat), n ≤ m → n ≤ m + 1",
    "∀ (α β : Type) (f : α → β) (l : List α), (l.map f).length = l.length",
)
BENCH_TACTICS = ("intro", "intros", "constructor", "induction n", "induction l", "cases h", "simp", "omega")


def bench_graphs(seconds: float = 3.0, backend_kind: str = "embedded") -> dict[str, float]:
    """Graphs built per second on real states from a backend (prints and returns the figures)."""
    from lean_bridge import open_backend

    with open_backend(backend_kind) as lean:
        states = collect_states(lean, BENCH_STATEMENTS, BENCH_TACTICS)
    pairs = [(goals, i) for goals in states for i in range(len(goals))]
    vocab = Vocab.build(t.name for goals, _ in pairs for g in goals
                        for t in _typed(g.target).subterms() if t.kind == "const")
    for goals, f in pairs:  # warm the Term caches (parsing is the bridge's job, not the graph's)
        build_state_graph(goals, f, vocab)
    count, nodes = 0, 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for goals, f in pairs:
            nodes += build_state_graph(goals, f, vocab).num_nodes
            count += 1
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    batches = 0
    for i in range(0, len(pairs), 32):
        collate([build_state_graph(g, f, vocab) for g, f in pairs[i:i + 32]])
        batches += 1
    batch_elapsed = time.perf_counter() - start
    result = {
        "states": float(len(pairs)),
        "graphs_per_second": count / elapsed,
        "mean_nodes": nodes / max(count, 1),
        "graphs_per_second_with_collate": len(pairs) / batch_elapsed,
    }
    print(f"graph build: {result['graphs_per_second']:.0f} graphs/s over {len(pairs)} real states "
          f"(mean {result['mean_nodes']:.1f} nodes); with collate(32): "
          f"{result['graphs_per_second_with_collate']:.0f} graphs/s", file=sys.stdout)
    return result


if __name__ == "__main__":  # pragma: no cover
    bench_graphs(float(sys.argv[1]) if len(sys.argv) > 1 else 3.0)
