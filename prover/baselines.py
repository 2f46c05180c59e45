"""Two baselines over the same graphs, scored by the same ``evaluate.topk_accuracy`` as the model.

* most-frequent: kinds by train frequency; hypotheses by the train frequency of their position
  counted from the end of the context (the newest hypothesis is the usual pick); subterms by
  position; premises by train frequency (then newest first) among those allowed.
* kNN (k=10, cosine): each state is a fixed bag-of-features vector (node kinds, constant-name ids,
  name-hash buckets; log counts, idf-weighted, L2-normalised). The neighbours' actions vote
  (weighted by similarity) for kind, hypothesis position, subterm (the same Term if this graph has
  it, else the position) and premise; ties and the rest fall back to the most-frequent order.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Optional, Sequence

import torch

from prover.evaluate import Prediction, TOPK
from prover.premise_relevance import PremiseShapes
from prover.train_data import Example, PremiseTable, shape_bias

FEATURE_DIM = 4096  # node kinds, name ids and hash buckets folded into this many counts
KNN_K = 10
VOTE_FLOOR = 1e-3  # vote share given to a premise no neighbour used (the shapes alone then rank it)


class MostFrequent:
    """Predict the most frequent train choices, whatever the state."""

    def __init__(self, train: Sequence[Example], premises: PremiseTable) -> None:
        self.premises = premises
        self.kinds = [k for k, _ in Counter(ex.kind for ex in train).most_common()]
        self.hyp_from_end = [p for p, _ in Counter(
            int(ex.graph.hyp_node.numel()) - 1 - ex.hyp for ex in train if ex.hyp >= 0).most_common()]
        self.sub_pos = [p for p, _ in Counter(ex.subterm for ex in train if ex.subterm >= 0).most_common()]
        counts = Counter(ex.premise for ex in train if ex.premise >= 0)
        newest = sorted(range(len(premises.names)), key=lambda r: -int(premises.index[r]))
        self.premise_order = [r for r, _ in counts.most_common()] + [r for r in newest if r not in counts]

    def kind_ranking(self, votes: Counter | None = None) -> list[int]:
        """Voted kinds first, then by frequency."""
        return _merge(votes, self.kinds)

    def hyp_ranking(self, ex: Example, votes: Counter | None = None) -> list[int]:
        """Local hypothesis indices, voted positions-from-end first."""
        n = int(ex.graph.hyp_node.numel())
        order = _merge(votes, self.hyp_from_end + list(range(n)))
        return _unique([n - 1 - p for p in order if 0 <= n - 1 - p < n])

    def sub_ranking(self, ex: Example, votes: Counter | None = None) -> list[int]:
        """Local subterm indices, voted first."""
        n = int(ex.graph.subterm_node.numel())
        return [p for p in _merge(votes, self.sub_pos + list(range(n))) if 0 <= p < n]

    def premise_ranking(self, ex: Example, votes: Counter | None = None) -> list[int]:
        """Allowed premise rows, voted first."""
        k = max(TOPK)
        out = []
        for r in _merge(votes, self.premise_order):
            if int(self.premises.index[r]) < ex.limit:
                out.append(r)
                if len(out) >= k:
                    break
        return out

    def __call__(self, examples: Sequence[Example]) -> list[Prediction]:
        return [Prediction(self.kind_ranking(), self.hyp_ranking(ex), self.sub_ranking(ex), self.premise_ranking(ex))
                for ex in examples]


class NearestNeighbours:
    """kNN over fixed graph feature vectors; neighbours' actions vote.

    With ``shapes``, premise votes are weighed with the same statement-shape log-odds the GNN's
    policy adds (``premise_relevance``): score = log(share of the vote + VOTE_FLOOR) + shape bias,
    premises the shapes rule out dropped; so the two learners are compared on equal terms.
    """

    def __init__(self, train: Sequence[Example], premises: PremiseTable, k: int = KNN_K,
                 shapes: Optional[PremiseShapes] = None) -> None:
        self.train = list(train)
        self.k = k
        self.premises = premises
        self.shapes = shapes
        self.fallback = MostFrequent(train, premises)
        self.fallback_rank = {r: i for i, r in enumerate(self.fallback.premise_order)}  # ties among shaped premises
        raw = torch.stack([graph_features(ex.graph) for ex in self.train])  # (T, F)
        df = (raw > 0).float().sum(0)
        self.idf = torch.log((1 + len(self.train)) / (1 + df)) + 1
        self.matrix = _normalise(raw * self.idf)

    def __call__(self, examples: Sequence[Example]) -> list[Prediction]:
        feats = _normalise(torch.stack([graph_features(ex.graph) for ex in examples]) * self.idf)
        sims = feats @ self.matrix.T  # (V, T)
        top = torch.topk(sims, min(self.k, sims.shape[1]), dim=1)
        preds = []
        for ex, vals, idx in zip(examples, top.values.tolist(), top.indices.tolist()):
            votes: dict[str, Counter] = defaultdict(Counter)
            for w, j in zip(vals, idx):
                nb = self.train[j]
                votes["kind"][nb.kind] += w
                if nb.hyp >= 0:
                    votes["hyp"][int(nb.graph.hyp_node.numel()) - 1 - nb.hyp] += w
                if nb.subterm >= 0:
                    votes["sub"][_same_subterm(nb, ex)] += w
                if nb.premise >= 0:
                    votes["premise"][nb.premise] += w
            fb = self.fallback
            premise = fb.premise_ranking(ex, votes["premise"])
            if self.shapes is not None and ex.premise >= 0:
                premise = self._shaped_premises(ex, votes["premise"])
            preds.append(Prediction(fb.kind_ranking(votes["kind"]), fb.hyp_ranking(ex, votes["hyp"]),
                                    fb.sub_ranking(ex, votes["sub"]), premise))
        return preds

    def _shaped_premises(self, ex: Example, votes: Counter) -> list[int]:
        """Allowed premise rows under the example's kind, by vote share plus shape log-odds."""
        bias = shape_bias(self.shapes, self.premises, ex.kind, ex.target)
        if bias is None:
            return self.fallback.premise_ranking(ex, votes)
        total = sum(votes.values()) or 1.0
        order = self.fallback_rank
        rows = [r for r in range(len(self.premises.names))
                if int(self.premises.index[r]) < ex.limit and math.isfinite(float(bias[r]))]
        rows.sort(key=lambda r: (-(math.log(votes.get(r, 0.0) / total + VOTE_FLOOR) + float(bias[r])), order[r]))
        return rows[:max(TOPK)]


def graph_features(graph) -> torch.Tensor:
    """log(1 + counts) of node kinds, name ids and hash buckets, folded into FEATURE_DIM slots."""
    half = (FEATURE_DIM - 64) // 2
    idx = torch.cat([graph.node_kind.view(-1) % 64,
                     64 + graph.name_id.view(-1) % half,
                     64 + half + graph.name_hash[graph.name_hash > 0].view(-1) % half])
    return torch.log1p(torch.bincount(idx, minlength=FEATURE_DIM).float())


def _same_subterm(nb: Example, ex: Example) -> int:
    """This example's candidate equal to the neighbour's chosen subterm, else the neighbour's position."""
    term = nb.graph.subterms[nb.subterm]
    for i, cand in enumerate(ex.graph.subterms):
        if cand is term:
            return i
    return nb.subterm


def _normalise(x: torch.Tensor) -> torch.Tensor:
    """Rows scaled to unit L2 norm."""
    return x / x.norm(dim=1, keepdim=True).clamp_min(1e-12)


def _merge(votes: Counter | None, fallback: Sequence[int]) -> list[int]:
    """Vote order (highest weight first) then the fallback order, without repeats."""
    first = [k for k, _ in votes.most_common()] if votes else []
    return _unique(first + list(fallback))


def _unique(items: Sequence[int]) -> list[int]:
    """Items in order, first occurrence only."""
    seen: set[int] = set()
    return [x for x in items if not (x in seen or seen.add(x))]
