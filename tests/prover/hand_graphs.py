"""Small graphs in the INTERFACES.md section 2 tensor format, built by hand for model tests."""
from __future__ import annotations

from typing import Sequence

import torch
from torch_geometric.data import Batch, Data

NAME_PARTS = 4
N_NODE_KINDS = 16
N_EDGE_TYPES = 24
N_FORWARD = 12
VOCAB = 64
BUCKETS = 256


class HandGraph(Data):
    """A StateGraph stand-in: pointer indices shift by the node count when batched."""

    def __inc__(self, key, value, *args, **kwargs):
        if key in ("root", "hyp_node", "subterm_node"):
            return self.num_nodes
        return super().__inc__(key, value, *args, **kwargs)


def make_graph(n: int, edges: Sequence[tuple[int, int, int]], hyps: Sequence[int], subs: Sequence[int],
               seed: int = 0, root: int = 0) -> HandGraph:
    """A graph of n nodes with random features; edges are forward (src, dst, type), reverses added."""
    g = torch.Generator().manual_seed(seed)
    both = list(edges) + [(d, s, t + N_FORWARD) for s, d, t in edges]  # ExprGraph lists reverse edges too
    e = torch.tensor(both, dtype=torch.long).view(-1, 3)
    return HandGraph(
        node_kind=torch.randint(0, N_NODE_KINDS, (n,), generator=g),
        name_id=torch.randint(0, VOCAB, (n,), generator=g),
        name_hash=torch.randint(0, BUCKETS, (n, NAME_PARTS), generator=g),
        edge_index=e[:, :2].t().contiguous(), edge_type=e[:, 2].contiguous(),
        root=torch.tensor([root]), hyp_node=torch.tensor(list(hyps), dtype=torch.long),
        subterm_node=torch.tensor(list(subs), dtype=torch.long), num_nodes=n)


def permuted(graph: HandGraph, perm: torch.Tensor) -> HandGraph:
    """The same graph with node i renamed perm[i] (candidate order kept)."""
    inv = torch.empty_like(perm)
    inv[perm] = torch.arange(len(perm))
    out = HandGraph(node_kind=graph.node_kind[inv], name_id=graph.name_id[inv], name_hash=graph.name_hash[inv],
                    edge_index=perm[graph.edge_index], edge_type=graph.edge_type, root=perm[graph.root],
                    hyp_node=perm[graph.hyp_node], subterm_node=perm[graph.subterm_node], num_nodes=graph.num_nodes)
    return out


def collate(graphs: Sequence[HandGraph]) -> Batch:
    """Batch with hyp_batch / subterm_batch as prover.graph.collate gives them."""
    batch = Batch.from_data_list(list(graphs), follow_batch=["hyp_node", "subterm_node"])
    batch.hyp_batch = batch.hyp_node_batch
    batch.subterm_batch = batch.subterm_node_batch
    return batch


def small_graphs() -> list[HandGraph]:
    """Three graphs of different sizes, one with no hypotheses."""
    a = make_graph(6, [(0, 1, 0), (1, 2, 1), (1, 3, 2), (4, 5, 3), (0, 4, 4)], hyps=[4], subs=[2, 3], seed=1)
    b = make_graph(9, [(0, 1, 0), (1, 2, 1), (2, 3, 2), (2, 4, 2), (5, 6, 3), (7, 8, 3), (0, 5, 4), (0, 7, 4)],
                   hyps=[5, 7], subs=[3, 4, 6], seed=2)
    c = make_graph(3, [(0, 1, 0), (1, 2, 1)], hyps=[], subs=[2], seed=3)
    return [a, b, c]


def tiny_config(**kw):
    """A ModelConfig matching the hand-built graph constants."""
    from prover.model import ModelConfig

    base = dict(n_node_kinds=N_NODE_KINDS, n_edge_types=N_EDGE_TYPES, n_forward_edges=N_FORWARD, vocab_size=VOCAB, hash_buckets=BUCKETS)
    base.update(kw)
    return ModelConfig(**base)
