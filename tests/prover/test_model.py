"""ProverModel on hand-built graphs: parameter budget, shapes, invariances, loss, checkpoint reload."""
from __future__ import annotations

import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))  # hand_graphs beside this file

from prover.checkpoint import load_checkpoint, save_checkpoint
from prover.model import PARAM_RANGE, ModelConfig, ProverModel, count_parameters, fit_width

from hand_graphs import collate, make_graph, permuted, small_graphs, tiny_config  # noqa: E402


def _model(seed: int = 0, **kw) -> ProverModel:
    torch.manual_seed(seed)
    return ProverModel(tiny_config(d_model=32, n_layer=3, **kw)).eval()


def _premises(model: ProverModel):
    prem = collate([make_graph(4, [(0, 1, 0), (1, 2, 1), (1, 3, 2)], [], [], seed=10 + i) for i in range(5)])
    return model.encode_premises(prem)


def test_fit_width_lands_in_parameter_range_for_several_vocabularies():
    for vocab, buckets in [(300, 1024), (1500, 2048), (4000, 4096)]:
        config = fit_width(ModelConfig(vocab_size=vocab, hash_buckets=buckets))
        n = count_parameters(config)
        assert PARAM_RANGE[0] <= n <= PARAM_RANGE[1], (vocab, buckets, n)
        assert ProverModel(config).num_parameters() == n


def test_output_shapes():
    model = _model()
    batch = collate(small_graphs())
    with torch.no_grad():
        out, loss = model(batch, _premises(model))
    k = model.config.n_kinds
    assert loss is None
    assert out["kind_logp"].shape == (3, k)
    assert out["hyp_logp"].shape == (3, k)  # 1 + 2 + 0 hypotheses
    assert out["subterm_logp"].shape == (6, k)
    assert out["premise_logp"].shape == (3, k, 5)
    assert out["value"].shape == (3,) and ((out["value"] >= 0) & (out["value"] <= 1)).all()
    assert out["state"].shape == (3, 32)


def test_pointers_are_distributions_per_graph_and_kind():
    model = _model()
    batch = collate(small_graphs())
    with torch.no_grad():
        out, _ = model(batch, None)
    sums = torch.zeros(3, model.config.n_kinds).index_add_(0, batch.subterm_batch, out["subterm_logp"].exp())
    assert torch.allclose(sums, torch.ones_like(sums), atol=1e-5)
    hyp_sums = torch.zeros(3, model.config.n_kinds).index_add_(0, batch.hyp_batch, out["hyp_logp"].exp())
    assert torch.allclose(hyp_sums[:2], torch.ones_like(hyp_sums[:2]), atol=1e-5)
    assert torch.allclose(out["kind_logp"].exp().sum(-1), torch.ones(3), atol=1e-5)


def test_equal_outputs_for_renumbered_nodes_and_for_batching():
    model = _model()
    graphs = small_graphs()
    perm = torch.tensor([3, 8, 0, 6, 1, 7, 2, 5, 4])
    with torch.no_grad():
        base, _ = model(collate(graphs), None)
        moved, _ = model(collate([graphs[0], permuted(graphs[1], perm), graphs[2]]), None)
        alone, _ = model(collate([graphs[1]]), None)
    for key in ("kind_logp", "hyp_logp", "subterm_logp", "value", "state"):
        assert torch.allclose(base[key], moved[key], atol=1e-5), key
    assert torch.allclose(base["kind_logp"][1], alone["kind_logp"][0], atol=1e-5)
    assert torch.allclose(base["hyp_logp"][1:3], alone["hyp_logp"], atol=1e-5)


def test_edge_types_matter():
    model = _model()
    g = small_graphs()[0]
    flipped = g.clone()
    flipped.edge_type = (g.edge_type + 1) % 24
    with torch.no_grad():
        a, _ = model(collate([g]), None)
        b, _ = model(collate([flipped]), None)
    assert not torch.allclose(a["state"], b["state"])


def test_loss_is_finite_and_trains():
    torch.manual_seed(0)
    model = ProverModel(tiny_config(d_model=32, n_layer=2, dropout=0.0))
    batch = collate(small_graphs())
    targets = {"kind": torch.tensor([12, 16, 26]), "hyp": torch.tensor([0, 1, -1]),
               "subterm": torch.tensor([-1, -1, 0]), "premise": torch.tensor([-1, -1, -1]),
               "value": torch.tensor([1.0, 0.5, 0.2])}
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    losses = []
    for _ in range(30):
        _, loss = model(batch, None, targets)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert all(torch.isfinite(torch.tensor(losses)))
    assert losses[-1] < 0.5 * losses[0]


def test_premise_mask_excludes_disallowed_premises():
    model = _model()
    batch = collate(small_graphs())
    mask = torch.ones(3, 5, dtype=torch.bool)
    mask[0, 2:] = False
    with torch.no_grad():
        out, _ = model(batch, _premises(model), premise_mask=mask)
    assert torch.isinf(out["premise_logp"][0, :, 2:]).all()
    assert torch.allclose(out["premise_logp"][0, :, :2].exp().sum(-1), torch.ones(model.config.n_kinds), atol=1e-5)


def test_checkpoint_reloads_to_identical_outputs(tmp_path):
    model = _model(seed=3)
    save_checkpoint(tmp_path / "ck", model, vocab={"names": ["Nat"]}, kinds=("a", "b"))
    again, meta = load_checkpoint(tmp_path / "ck")
    assert meta["kinds"] == ["a", "b"] and meta["vocab"] == {"names": ["Nat"]}
    batch = collate(small_graphs())
    with torch.no_grad():
        a, _ = model(batch, _premises(model))
        b, _ = again(batch, _premises(again))
    for key in ("kind_logp", "hyp_logp", "subterm_logp", "premise_logp", "value"):
        assert torch.equal(a[key], b[key]), key


def test_bundled_default_model_loads_within_parameter_range():
    from prover.checkpoint import default_model_dir

    model, meta = load_checkpoint(default_model_dir())
    assert PARAM_RANGE[0] <= model.num_parameters() <= PARAM_RANGE[1]
    assert meta["config"]["d_model"] == model.config.d_model and len(meta["kinds"]) == model.config.n_kinds
    assert (default_model_dir() / "model.pt").stat().st_size < 8_000_000  # a few MB inside the package
