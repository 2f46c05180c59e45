"""The premise memory: nearest training states vote for their premises; saved beside the model."""
from __future__ import annotations

import math
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))  # test_train's fixture beside this file

from prover.premise_memory import PremiseMemory, build_memory, load_memory  # noqa: E402
from prover.policy import load_policy  # noqa: E402
from test_train import _register, _states, trained  # noqa: E402,F401  (module-scoped fixture)


def _memory() -> PremiseMemory:
    keys = torch.nn.functional.normalize(torch.tensor([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]]), dim=-1)
    return PremiseMemory(keys, ["A", "A", "B"], k=2, weight=1.0, floor=1e-3)


def test_the_nearest_states_vote_for_their_premises() -> None:
    mem = _memory()
    bias = mem.bias(torch.tensor([[2.0, 0.0], [0.0, 3.0]]), ["B", "C", "A"])
    assert bias.shape == (2, 3)
    # state 0's two neighbours both used A: A gets log(1 + floor), the others log(floor)
    assert math.isclose(bias[0, 2].item(), math.log(1 + 1e-3), abs_tol=1e-6)
    assert math.isclose(bias[0, 0].item(), math.log(1e-3), abs_tol=1e-5) and bias[0, 1] == bias[0, 0]
    # state 1 is nearest B, then one of the A states with a smaller (clamped) weight
    assert bias[1, 0] > bias[1, 2] > bias[1, 1]


def test_premises_absent_from_the_environment_are_ignored() -> None:
    bias = _memory().bias(torch.tensor([[1.0, 0.0]]), ["C", "D"])
    assert torch.all(bias == math.log(1e-3))
    assert _memory().bias(torch.zeros(1, 2), []).shape == (1, 0)


def test_memory_round_trips_and_the_policy_loads_it(trained, tmp_path) -> None:  # noqa: F811
    run, data, prem, _ = trained
    mem = load_memory(run)
    assert mem is not None and len(mem) == mem.keys.shape[0] > 0
    assert torch.allclose(mem.keys.norm(dim=-1), torch.ones(len(mem)))
    mem.save(tmp_path)
    again = load_memory(tmp_path)
    assert torch.equal(again.keys, mem.keys) and again.premises == mem.premises and again.k == mem.k
    assert load_memory(tmp_path / "nowhere") is None
    policy = load_policy(run)
    assert policy.memory is not None and policy.memory.premises == mem.premises


def test_memory_changes_premise_ranking_in_the_policy(trained) -> None:  # noqa: F811
    """A memory whose every entry used one premise moves that premise to the top of every premise kind."""
    run, data, prem, _ = trained
    policy = load_policy(run)
    names = _register(policy, prem)
    states = _states(data)[:6]
    with torch.inference_mode():
        from prover.graph import build_state_graph, collate
        out, _ = policy.model(collate([build_state_graph(g, f, policy.vocab) for g, f in states]))
    favourite = names[-1]
    policy.memory = PremiseMemory(torch.nn.functional.normalize(out["state"], dim=-1), [favourite] * len(states),
                                  k=4, weight=50.0)
    policy.shapes = type(policy.shapes)()  # no statement shapes: the memory alone decides among premises
    for props in policy.propose(states, names, 64):
        premises = [a.premise for a, _ in props if a.premise is not None]
        if premises:
            assert premises[0] == favourite


def test_build_memory_keeps_the_premise_steps_in_order(trained) -> None:  # noqa: F811
    from prover.checkpoint import load_checkpoint
    from prover.graph import Vocab
    from prover.train_data import load_examples, load_premises as load_table, read_jsonl

    run, data, prem, _ = trained
    model, meta = load_checkpoint(run)
    table = load_table(prem)
    examples = load_examples(read_jsonl(data), Vocab.from_json(meta["vocab"]), table, False)
    mem = build_memory(model, examples, table.names)
    used = [ex for ex in examples if ex.premise >= 0]
    assert mem.premises == [table.names[ex.premise] for ex in used]
    assert build_memory(model, examples, table.names).keys.equal(mem.keys)  # deterministic
