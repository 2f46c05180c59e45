"""The ~1.5M-parameter graph network that reads an ExprGraph and scores atomic actions.

Layer choice: a relational message-passing block in the style of CompGCN (Vashishth et al.,
ICLR 2020) with multiplicative composition. Each edge type ``r`` owns a learned vector ``rel[r]``
(ExprGraph already lists every edge in both directions, ``rev_*`` types being the second half of
``EDGE_TYPES``); the message along ``j -> i`` is ``LN(x_j) * rel[r]``, averaged separately over
forward-typed and reverse-typed incoming edges, and an MLP reads ``[x_i, mean_fwd, mean_rev]``. This keeps what RGCN gets from
per-type weights (``f a`` differs from ``a f``; ``a = b`` from ``b = a``; a bound variable knows
its binder) at O(d) parameters per type instead of O(d^2), so the budget goes into depth and width
and a forward pass costs two matmuls per layer whatever the number of edge types (RGCN would cost
one per type on a 2-core CPU). Blocks are pre-LayerNorm residual, like a transformer block.

Heads (B graphs, K kinds, H/S hypothesis/subterm candidates over the batch, P premises):
  * kind: logits from MLP([x_root, attention-pooled graph]) (the state embedding);
  * hyp / subterm pointers: per-kind query from the state dotted with candidate nodes, softmax per
    graph over its candidates (``torch_geometric.utils.softmax`` on the candidate batch vectors);
  * premise: per-kind query dotted with premise-statement embeddings made by the SAME encoder on
    ``build_term_graph`` (the policy caches them);
  * value: sigmoid of a small MLP on the state embedding (estimated provability, see train.py).

The joint action log-probability is ``log p(kind) + log p(argument | kind)``.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Optional

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch_geometric.utils import scatter, softmax

PARAM_RANGE = (1_400_000, 1_600_000)  # DESIGN.md: stay within 1.4M-1.6M parameters


@dataclass
class ModelConfig:
    """Shape of the network; saved in config.json beside model.pt so a checkpoint rebuilds alone."""

    n_node_kinds: int = 22  # len(prover.graph.NODE_KINDS); filled from the graph module at train time
    n_edge_types: int = 24  # len(prover.graph.EDGE_TYPES): forward types then their reverses
    n_forward_edges: int = 12  # len(prover.graph.FORWARD_EDGES): types >= this aggregate in the reverse slot
    vocab_size: int = 1024  # len(Vocab): id 0 = not a constant, 1 = out-of-vocabulary
    hash_buckets: int = 4096  # prover.graph.HASH_BUCKETS; bucket 0 is padding (zero vector)
    n_kinds: int = 29  # len(prover.actions.KINDS) at train time; kind id = index (KINDS only grows at the end)
    d_model: int = 128  # node width; fit_width() tunes it so the total stays ~1.5M for any vocab
    n_layer: int = 8  # message-passing rounds = receptive field in hops (curried apps nest deeply)
    mlp_ratio: int = 2  # hidden width of each block's MLP, in multiples of d_model
    dropout: float = 0.1  # on each residual branch; 0 at inference (model.eval())
    value_weight: float = 0.5  # weight of the value loss in the total (0 disables it)
    premise_weight: float = 1.0  # weight of the premise-pointer loss
    arg_weight: float = 1.0  # weight of the hypothesis/subterm pointer losses

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ModelConfig":
        """Rebuild from config.json, ignoring keys this version does not know."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for config.json."""
        return asdict(self)


class RelationalBlock(nn.Module):
    """One pre-LN residual round of CompGCN-style typed message passing (see module docstring)."""

    def __init__(self, d_model: int, n_relations: int, n_forward: int, mlp_ratio: int, dropout: float) -> None:
        super().__init__()
        self.n_forward = n_forward
        self.norm = nn.LayerNorm(d_model)
        self.rel = nn.Parameter(torch.empty(n_relations, d_model))  # one composition vector per edge type
        self.fc = nn.Linear(3 * d_model, mlp_ratio * d_model)
        self.proj = nn.Linear(mlp_ratio * d_model, d_model)
        self.dropout = nn.Dropout(dropout)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """Relations start near identity so early training sees plain mean aggregation."""
        nn.init.normal_(self.rel, mean=1.0, std=0.1)
        self.norm.reset_parameters()
        self.fc.reset_parameters()
        self.proj.reset_parameters()

    def forward(self, x: Tensor, edge_index: Tensor, edge_type: Tensor) -> Tensor:
        """x: (N, d); edge_index: (2, E) source->target; edge_type: (E,) in [0, n_relations)."""
        n, d = x.shape
        h = self.norm(x)
        src, dst = edge_index
        msg = h[src] * self.rel[edge_type]  # (E, d)
        index = dst * 2 + (edge_type >= self.n_forward).long()  # slot 0 forward types, 1 reverse types
        agg = scatter(msg, index, dim=0, dim_size=2 * n, reduce="mean").view(n, 2 * d)  # (N, 2d)
        out = self.proj(F.gelu(self.fc(torch.cat([h, agg], dim=-1))))  # (N, d)
        return x + self.dropout(out)


class NodeEmbedding(nn.Module):
    """embedding(node_kind) + embedding(name_id) + sum of embedding(name_hash parts)."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.kind = nn.Embedding(config.n_node_kinds, config.d_model)
        self.name = nn.Embedding(config.vocab_size, config.d_model, padding_idx=0)  # 0 = not a constant
        self.hash = nn.Embedding(config.hash_buckets, config.d_model, padding_idx=0)  # 0 = no part
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """Small normal init, padding rows zero."""
        for emb in (self.kind, self.name, self.hash):
            nn.init.normal_(emb.weight, std=0.02)
        with torch.no_grad():
            self.name.weight[0].zero_()
            self.hash.weight[0].zero_()

    def forward(self, node_kind: Tensor, name_id: Tensor, name_hash: Tensor) -> Tensor:
        """node_kind, name_id: (N,); name_hash: (N, NAME_PARTS) -> (N, d)."""
        return self.kind(node_kind) + self.name(name_id) + self.hash(name_hash).sum(dim=1)


class GraphEncoder(nn.Module):
    """Node embedding, n_layer relational blocks, and a (root, attention-pooled) readout per graph."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        d = config.d_model
        self.embed = NodeEmbedding(config)
        self.blocks = nn.ModuleList(
            RelationalBlock(d, config.n_edge_types, config.n_forward_edges, config.mlp_ratio, config.dropout) for _ in range(config.n_layer))
        self.norm = nn.LayerNorm(d)
        self.gate = nn.Linear(d, 1)  # attention-pooling score per node
        self.readout = nn.Sequential(nn.Linear(2 * d, 2 * d), nn.GELU(), nn.Linear(2 * d, d), nn.LayerNorm(d))

    def nodes(self, batch: Any) -> Tensor:
        """Final node states (N, d) for a collated batch of StateGraphs."""
        _check_batch(batch)
        x = self.embed(batch.node_kind, batch.name_id, batch.name_hash)
        for block in self.blocks:
            x = block(x, batch.edge_index, batch.edge_type)
        return self.norm(x)

    def graphs(self, x: Tensor, batch: Any) -> Tensor:
        """One embedding per graph (B, d) from its root node and an attention pool of all its nodes."""
        node_batch = _node_batch(batch, x.shape[0])
        n_graphs = int(batch.num_graphs)
        weight = softmax(self.gate(x), node_batch, num_nodes=x.shape[0])  # (N, 1), sums to 1 per graph
        pooled = scatter(weight * x, node_batch, dim=0, dim_size=n_graphs, reduce="sum")  # (B, d)
        return self.readout(torch.cat([x[batch.root.view(-1)], pooled], dim=-1))  # (B, d)


class ProverModel(nn.Module):
    """Encoder + kind, pointer, premise and value heads; ``forward(batch, premise_emb, targets)``."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.config = config
        d, k = config.d_model, config.n_kinds
        self.encoder = GraphEncoder(config)
        self.kind_head = nn.Linear(d, k)
        self.kind_query = nn.Embedding(k, d)  # conditions every pointer query on the chosen kind
        self.hyp_query = nn.Linear(d, d)
        self.hyp_key = nn.Linear(d, d)
        self.sub_query = nn.Linear(d, d)
        self.sub_key = nn.Linear(d, d)
        self.prem_query = nn.Linear(d, d)
        self.prem_key = nn.Linear(d, d)
        self.value_head = nn.Sequential(nn.Linear(d, d), nn.GELU(), nn.Linear(d, 1))
        nn.init.normal_(self.kind_query.weight, std=0.02)

    def num_parameters(self) -> int:
        """Total trainable parameters."""
        return sum(p.numel() for p in self.parameters())

    def encode_premises(self, graphs: Any) -> Tensor:
        """Premise-statement embeddings (P, d) from a collated batch of build_term_graph graphs.

        When the graphs carry ``premise_name_id`` (P,) and ``premise_name_hash`` (P, NAME_PARTS)
        (``policy.premise_graph``), the premise's own name is embedded with the node-name tables and
        added: ``Nat.add_comm`` shares hashed parts with the ``Nat.add`` nodes of the goals it rewrites.
        """
        x = self.encoder.nodes(graphs)
        emb = self.encoder.graphs(x, graphs)  # (P, d)
        ids = getattr(graphs, "premise_name_id", None)
        if ids is not None:
            emb = emb + self.encoder.embed.name(ids) + self.encoder.embed.hash(graphs.premise_name_hash).sum(dim=1)
        return self.prem_key(emb)

    def forward(self, batch: Any, premise_emb: Optional[Tensor] = None, targets: Optional[dict[str, Tensor]] = None,
                premise_mask: Optional[Tensor] = None) -> tuple[dict[str, Tensor], Optional[Tensor]]:
        """Score a batch of states. Returns (outputs, loss); loss is None without targets.

        outputs: ``kind_logp`` (B, K); ``hyp_logp`` (H, K) log-softmax per graph over its
        hypotheses, one column per kind; ``subterm_logp`` (S, K) likewise; ``premise_score`` (B, K, P)
        logits and ``premise_logp`` their log-softmax over premises (only those where ``premise_mask`` (B, P) is True, when
        given), absent without ``premise_emb`` (P, d); ``value`` (B,) in [0, 1]; ``state`` (B, d).
        """
        x = self.encoder.nodes(batch)  # (N, d)
        state = self.encoder.graphs(x, batch)  # (B, d)
        d = state.shape[-1]
        queries = state.unsqueeze(1) + self.kind_query.weight.unsqueeze(0)  # (B, K, d)
        out: dict[str, Tensor] = {"state": state, "kind_logp": F.log_softmax(self.kind_head(state), dim=-1)}
        out["value_logit"] = self.value_head(state).squeeze(-1)  # (B,)
        out["value"] = torch.sigmoid(out["value_logit"])  # (B,)
        hyp_node, hyp_batch = batch.hyp_node.view(-1), batch.hyp_batch.view(-1)
        out["hyp_logp"] = _pointer(self.hyp_query(queries), self.hyp_key(x[hyp_node]), hyp_batch, d)  # (H, K)
        sub_node, sub_batch = batch.subterm_node.view(-1), batch.subterm_batch.view(-1)
        out["subterm_logp"] = _pointer(self.sub_query(queries), self.sub_key(x[sub_node]), sub_batch, d)  # (S, K)
        if premise_emb is not None:
            scores = torch.einsum("bkd,pd->bkp", self.prem_query(queries), premise_emb) / math.sqrt(d)  # (B, K, P)
            if premise_mask is not None:
                scores = scores.masked_fill(~premise_mask.unsqueeze(1), float("-inf"))
            out["premise_score"] = scores
            out["premise_logp"] = F.log_softmax(scores, dim=-1)
        loss = None if targets is None else self.loss(out, batch, targets)
        return out, loss

    def loss(self, out: dict[str, Tensor], batch: Any, targets: dict[str, Tensor]) -> Tensor:
        """Kind CE + argument CE under the target kind + premise CE + weighted value BCE.

        targets: ``kind`` (B,); ``hyp``/``subterm``/``premise`` (B,) local candidate index or -1
        when the action has no such argument; ``value`` (B,) in [0, 1]; ``value_mask`` (B,) bool;
        optional ``premise_bias`` (B, P) log-odds added to the gold kind's premise scores.
        """
        cfg = self.config
        kind = targets["kind"]
        total = F.nll_loss(out["kind_logp"], kind)
        total = total + cfg.arg_weight * _pointer_nll(out["hyp_logp"], batch.hyp_batch.view(-1), kind, targets["hyp"])
        total = total + cfg.arg_weight * _pointer_nll(out["subterm_logp"], batch.subterm_batch.view(-1), kind,
                                                      targets["subterm"])
        if "premise_logp" in out and cfg.premise_weight > 0:
            has = targets["premise"] >= 0
            if has.any():
                rows = out["premise_score"][has, kind[has]]  # (b, P)
                if targets.get("premise_bias") is not None:  # the statement shapes the policy adds at search time
                    rows = rows + targets["premise_bias"][has]
                total = total + cfg.premise_weight * F.nll_loss(F.log_softmax(rows, dim=-1), targets["premise"][has])
        if cfg.value_weight > 0 and "value" in targets:
            m = targets.get("value_mask", torch.ones_like(targets["value"], dtype=torch.bool))
            if m.any():
                total = total + cfg.value_weight * F.binary_cross_entropy_with_logits(
                    out["value_logit"][m], targets["value"][m])
        return total


def _pointer(queries: Tensor, keys: Tensor, cand_batch: Tensor, d: int) -> Tensor:
    """Log-softmax per graph over candidates: queries (B, K, d), keys (C, d) -> (C, K)."""
    if keys.shape[0] == 0:
        return keys.new_zeros((0, queries.shape[1]))
    scores = torch.einsum("ckd,cd->ck", queries[cand_batch], keys) / math.sqrt(d)  # (C, K)
    return torch.log(softmax(scores, cand_batch, dim=0).clamp_min(1e-12))


def candidate_offsets(cand_batch: Tensor, n_graphs: int) -> Tensor:
    """Global index of each graph's first candidate (B,), from the candidate batch vector."""
    counts = torch.bincount(cand_batch, minlength=n_graphs)
    return torch.cumsum(counts, 0) - counts


def _pointer_nll(logp: Tensor, cand_batch: Tensor, kind: Tensor, local: Tensor) -> Tensor:
    """Mean negative log-likelihood of the target candidate (local index, -1 = none) under its kind."""
    has = local >= 0
    if not has.any():
        return logp.new_zeros(())
    offsets = candidate_offsets(cand_batch, local.shape[0])
    rows = offsets[has] + local[has]
    return -logp[rows, kind[has]].mean()


def _node_batch(batch: Any, n_nodes: int) -> Tensor:
    """Graph id of each node (a single un-collated graph has none: all zeros)."""
    b = getattr(batch, "batch", None)
    return b if b is not None else torch.zeros(n_nodes, dtype=torch.long)


def _check_batch(batch: Any) -> None:
    """State expected vs actual for the tensors the encoder reads (PyG habit)."""
    n = batch.node_kind.shape[0]
    if batch.name_id.shape != (n,) or batch.name_hash.dim() != 2 or batch.name_hash.shape[0] != n:
        raise ValueError(f"expected name_id ({n},) and name_hash ({n}, NAME_PARTS), got "
                         f"{tuple(batch.name_id.shape)} and {tuple(batch.name_hash.shape)}")
    if batch.edge_index.dim() != 2 or batch.edge_index.shape[0] != 2 or batch.edge_type.shape != batch.edge_index.shape[1:]:
        raise ValueError(f"expected edge_index (2, E) and edge_type (E,), got "
                         f"{tuple(batch.edge_index.shape)} and {tuple(batch.edge_type.shape)}")


def count_parameters(config: ModelConfig) -> int:
    """Parameters of a model built from config (on the meta device: no memory, no init cost)."""
    with torch.device("meta"):
        return ProverModel(config).num_parameters()


def fit_width(config: ModelConfig, target: int = 1_500_000) -> ModelConfig:
    """The config with d_model (a multiple of 4) whose parameter count is nearest ``target``.

    The name and hash tables grow with the vocabulary, so the width adapts to keep ~1.5M total.
    The count is exactly quadratic in d_model, so three probes give it for every width.
    """
    probes = [32, 64, 96]
    a, b, c = np.polyfit(probes, [count_parameters(replace(config, d_model=d)) for d in probes], 2)
    best = min(range(32, 513, 4), key=lambda d: abs(a * d * d + b * d + c - target))
    return replace(config, d_model=best)
