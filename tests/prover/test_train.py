"""Training, policy and checkpoints on a tiny real dataset replayed on the embedded Pantograph server."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tiny_data beside this file

from lean_bridge import Expression, Goal, Hypothesis  # noqa: E402
from prover.actions import ARG_OF, KINDS, render  # noqa: E402
from prover.data import goal_from_json  # noqa: E402
from prover.graph import build_state_graph, collate  # noqa: E402
from prover.policy import load_policy  # noqa: E402
from prover.train import TrainConfig, run_training  # noqa: E402
from prover.train_data import load_premises, read_jsonl  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """(checkpoint dir, atomized path, premises path, metrics) after a 1-epoch run."""
    import tiny_data

    base = tmp_path_factory.mktemp("tiny")
    data, prem = tiny_data.build(base / "data")
    metrics = run_training(data, prem, base / "run", TrainConfig(epochs=1, batch_size=8, warmup=2), threads=2,
                           progress=False)
    return base / "run", data, prem, metrics


def test_one_epoch_run_writes_checkpoint_report_and_curve(trained):
    run, _, prem, metrics = trained
    for name in ("model.pt", "config.json", "train_state.pt", "metrics.json", "curve.png", "report.md", "memory.pt"):
        assert (run / name).is_file(), name
    meta = json.loads((run / "config.json").read_text())
    assert meta["kinds"] == list(KINDS) and meta["epoch"] == 1
    # the library constants among the premises (index -1) are saved, for the search to offer them
    library = [r["name"] for r in read_jsonl(prem) if r["index"] < 0]
    assert library and meta["library_premises"] == library
    assert load_policy(run).library_premises == tuple(library)
    report = (run / "report.md").read_text()
    assert "parameters: " in report and "| kNN |" in report and "| most-frequent |" in report
    assert "| kNN + shapes |" in report and "| GNN, network alone |" in report and "| GNN without the memory |" in report
    hist = metrics["history"][0]
    assert hist["n_kind"] == 14 and hist["n_premise"] == 2 and 0 <= hist["kind@1"] <= hist["kind@5"] <= 1
    assert metrics["baselines"]["kNN"]["n_hyp"] == hist["n_hyp"]


def test_premise_loss_counts_only_the_premises_the_shapes_leave(trained):
    """The statement-shape log-odds enter the premise loss: ruling out every other premise leaves
    the gold one certain, so the loss drops; the tiny data's apply premises carry such a bias."""
    import random

    from prover.checkpoint import load_checkpoint
    from prover.evaluate import encode_all_premises
    from prover.graph import Vocab
    from prover.train import make_targets
    from prover.train_data import attach_premise_bias, build_premise_graphs, load_examples

    run, data, prem, _ = trained
    model, meta = load_checkpoint(run)
    vocab = Vocab.from_json(meta["vocab"])
    premises = load_premises(prem)
    examples = load_examples(read_jsonl(data), vocab, premises, progress=False)
    attach_premise_bias(examples, premises)
    build_premise_graphs(premises, vocab, progress=False)
    part = [ex for ex in examples if ex.premise >= 0]
    assert part and all(ex.premise_bias is not None and torch.isfinite(ex.premise_bias[ex.premise]) for ex in part)
    targets, _, mask = make_targets(part, premises, random.Random(0))
    graphs = collate([ex.graph for ex in part])
    with torch.inference_mode():
        emb = encode_all_premises(model.eval(), premises)
        _, plain = model(graphs, emb, {**targets, "premise_bias": torch.zeros_like(targets["premise_bias"])},
                         premise_mask=mask)
        only_gold = torch.full_like(targets["premise_bias"], float("-inf"))
        only_gold[torch.arange(len(part)), targets["premise"]] = 0.0
        _, shaped = model(graphs, emb, {**targets, "premise_bias": only_gold}, premise_mask=mask)
    assert shaped < plain


def test_resume_continues_from_the_saved_epoch(trained, tmp_path):
    import shutil

    run, data, prem, _ = trained
    copy = tmp_path / "run"
    shutil.copytree(run, copy)
    metrics = run_training(data, prem, copy, TrainConfig(epochs=2, batch_size=8, warmup=2), resume=True,
                           progress=False)
    assert [h["epoch"] for h in metrics["history"]] == [1, 2]
    assert metrics["history"][0] == json.loads((run / "metrics.json").read_text())["history"][0]


def test_a_run_killed_after_an_epoch_and_resumed_ends_as_an_uninterrupted_one(trained, tmp_path, monkeypatch):
    """``--resume`` restores weights, optimizer and both random generators: a run killed right after
    its epoch-1 checkpoint and resumed ends bit-identical to one that ran both epochs at once (one
    thread: training is deterministic then, as the README's command is)."""
    from prover.premise_memory import PremiseMemory

    _, data, prem, _ = trained
    cfg = TrainConfig(epochs=2, batch_size=8, warmup=2)
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    run_training(data, prem, whole, cfg, threads=1, progress=False)
    save = PremiseMemory.save

    def kill_after_the_first_checkpoint(self, directory):
        save(self, directory)
        raise KeyboardInterrupt

    monkeypatch.setattr(PremiseMemory, "save", kill_after_the_first_checkpoint)
    with pytest.raises(KeyboardInterrupt):
        run_training(data, prem, killed, cfg, threads=1, progress=False)
    monkeypatch.setattr(PremiseMemory, "save", save)
    assert json.loads((killed / "config.json").read_text())["epoch"] == 1
    run_training(data, prem, killed, cfg, threads=1, resume=True, progress=False)
    a = torch.load(killed / "model.pt", weights_only=True)
    b = torch.load(whole / "model.pt", weights_only=True)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def _states(data: Path) -> list[tuple[list[Goal], int]]:
    return [([goal_from_json(g) for g in r["goals"]], r["focus"]) for r in read_jsonl(data)]


def _register(policy, prem: Path) -> list[str]:
    table = load_premises(prem)
    policy.premise_types(dict(zip(table.names, table.terms)))
    return table.names


def test_saved_checkpoint_reloads_to_identical_outputs(trained):
    run, data, prem, _ = trained
    a, b = load_policy(run), load_policy(run)
    names = _register(a, prem)
    _register(b, prem)
    states = _states(data)[:12]
    assert a.propose(states, names, 5) == b.propose(states, names, 5)
    assert a.value(states) == b.value(states)
    graphs = collate([build_state_graph(g, f, a.vocab) for g, f in states])
    with torch.inference_mode():
        out_a, _ = a.model(graphs, a._premise_emb)
        out_b, _ = b.model(graphs, b._premise_emb)
    for key in ("kind_logp", "hyp_logp", "subterm_logp", "premise_logp", "value"):
        assert torch.equal(out_a[key], out_b[key]), key


def test_propose_gives_sorted_renderable_actions_and_allowed_premises(trained):
    run, data, prem, _ = trained
    policy = load_policy(run)
    names = _register(policy, prem)
    states = _states(data)
    proposals = policy.propose(states, names[:2], 8)
    assert len(proposals) == len(states)
    for (goals, focus), props in zip(states, proposals):
        assert props and len(props) <= 8
        scores = [lp for _, lp in props]
        assert scores == sorted(scores, reverse=True) and all(lp <= 1e-6 for lp in scores)
        for action, _ in props:
            if ARG_OF[action.kind] == "premise":
                assert action.premise in names[:2]
            render(action, goals[focus])  # well-formed on its goal
    values = policy.value(states)
    assert len(values) == len(states) and all(0 <= v <= 1 for v in values)


def test_equal_outputs_for_a_state_with_renamed_hypotheses(trained):
    run, data, _, _ = trained
    policy = load_policy(run)
    goals, focus = next((g, f) for g, f in _states(data) if len(g[f].hypotheses) >= 3)

    def renamed(goal: Goal) -> Goal:
        hyps = tuple(Hypothesis(f"z{i}", h.type, h.value, h.fvar_id) for i, h in enumerate(goal.hypotheses))
        return Goal(hyps, Expression(goal.target.pp, goal.target.sexp_text), goal.case)

    other = [renamed(g) for g in goals]
    assert other[focus].hypotheses[0].name != goals[focus].hypotheses[0].name
    batch = collate([build_state_graph(goals, focus, policy.vocab), build_state_graph(other, focus, policy.vocab)])
    with torch.inference_mode():
        out, _ = policy.model(batch, None)
    assert torch.allclose(out["kind_logp"][0], out["kind_logp"][1])
    n = len(goals[focus].hypotheses)
    assert torch.allclose(out["hyp_logp"][:n], out["hyp_logp"][n:])
    assert torch.allclose(out["value"][0], out["value"][1])


def test_model_info_subprocess(trained):
    run, _, _, _ = trained
    out = subprocess.run([sys.executable, "-m", "prover", "model-info", "--model", str(run)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    n = int(first.removeprefix("parameters: "))
    assert 1_400_000 <= n <= 1_600_000
    assert "RelationalBlock" in out.stdout


def test_model_info_missing_model_is_one_line_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "prover", "model-info", "--model", str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().startswith("prover: error: cannot load model")


def test_train_on_missing_file_is_one_line_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "prover", "train", "--data", str(tmp_path / "no.jsonl"),
                          "--premises", str(tmp_path / "p.jsonl"), "--out", str(tmp_path / "o")], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 2 and "Traceback" not in out.stderr and "no such file" in out.stderr


def test_bench_reports_states_per_second(trained):
    from prover.bench_model import measure

    run, data, prem, _ = trained
    policy = load_policy(run)
    names = _register(policy, prem)
    figures = measure(policy, _states(data), names, batch_sizes=(1, 4), threads=1, min_seconds=0.05)
    assert figures["params"] == policy.model.num_parameters()
    for key in ("forward_states_per_s", "propose_states_per_s"):
        assert set(figures[key]) == {1, 4} and all(r > 0 for r in figures[key].values())
