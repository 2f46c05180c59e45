"""``prover bench``: whole-stack throughput on a fixed workload, one number per layer.

* ``graphs_per_second`` -- ExprGraph builds on real states (``prover.graph.bench_graphs``).
* ``model_states_per_second`` -- ``Policy.propose`` states per second at a search batch of 16
  (and 1); the bundled model when present, else the same architecture with untrained weights
  (throughput does not depend on the weights; ``model`` says which).
* ``bridge_calls_per_second`` -- tactic round trips per second to the embedded Pantograph server.
* ``search_tactics_per_minute`` -- end-to-end best-first search with the model in the loop on
  one worker, over the false statements (a search that never succeeds uses its whole budget).
  Also ``..._per_cpu_minute``: tactics per minute of CPU (search process + checker process),
  what one dedicated core delivers however loaded the machine is, and the same for the
  uniform policy; ``profile`` splits the search time into policy, checker round trips and the rest.
* ``peak_rss_mb`` -- peak resident memory of this process plus the checker's.
"""
from __future__ import annotations

import contextlib
import resource
import sys
import time
from pathlib import Path
from typing import Any, Optional

FALSE_FILE = Path(__file__).resolve().parent.parent / "datasets" / "examples" / "false_statements.lean"
FALSE_FALLBACK = "\n".join([
    "theorem f1 (n : Nat) : n + 1 = n := sorry",
    "theorem f2 (l : List Nat) : l.reverse = l := sorry",
    "theorem f3 (p q : Prop) (h : p → q) : q → p := sorry",
    "theorem f4 : ∃ m : Nat, ∀ n : Nat, n ≤ m := sorry",
]) + "\n"


def _peak_mb(pid: Optional[int]) -> float:
    """Peak RSS (VmHWM) of a process in MB (0 when unknown)."""
    if pid is None:
        return 0.0
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def bench_policy(states: list[Any]) -> tuple[Any, str]:
    """The bundled learned policy, else an untrained model of the same architecture (for speed only)."""
    from prover.policies import make_policy

    try:
        return make_policy("learned"), "bundled"
    except RuntimeError:
        pass
    import torch

    from prover.actions import KINDS
    from prover.graph import EDGE_TYPES, HASH_BUCKETS, NODE_KINDS, Vocab, _typed
    from prover.model import ModelConfig, ProverModel, fit_width
    from prover.policy import Policy

    torch.manual_seed(0)
    names = [t.name for goals in states for g in goals for t in _typed(g.target).subterms() if t.kind == "const"]
    vocab = Vocab.build(names)
    config = fit_width(ModelConfig(n_node_kinds=len(NODE_KINDS), n_edge_types=len(EDGE_TYPES),
                                   vocab_size=len(vocab), hash_buckets=HASH_BUCKETS, n_kinds=len(KINDS)))
    policy = Policy(ProverModel(config), vocab, KINDS)
    policy.name = "learned"
    return policy, "untrained weights, same architecture (no bundled model)"


def search_rate(backend: Any, policy: Any, roots: list[Any], seconds_each: float) -> dict[str, Any]:
    """Search every root with ``policy``; tactics per wall minute and per CPU minute, and where time went."""
    from prover.prove import process_cpu_seconds
    from prover.search import SearchConfig, search

    tactics = 0
    wall = policy_s = backend_s = 0.0
    cpu0, srv0 = time.process_time(), process_cpu_seconds(backend.pid)
    for root in roots:
        r = search(backend, root, policy, [], SearchConfig(time_limit=seconds_each))
        tactics += r.tactics_tried
        wall += r.seconds
        policy_s += r.policy_seconds
        backend_s += r.backend_seconds
    client_cpu = time.process_time() - cpu0
    server_cpu = process_cpu_seconds(backend.pid) - srv0
    return {
        "tactics": tactics,
        "per_minute": 60.0 * tactics / wall if wall else 0.0,
        "per_cpu_minute": 60.0 * tactics / (client_cpu + server_cpu) if client_cpu + server_cpu else 0.0,
        "profile": {"policy_s": round(policy_s, 2), "checker_round_trips_s": round(backend_s, 2),
                    "other_s": round(wall - policy_s - backend_s, 2), "search_process_cpu_s": round(client_cpu, 2),
                    "checker_process_cpu_s": round(server_cpu, 2)},
    }


def measure_stack(seconds: float = 2.0, calls: int = 1000) -> dict[str, Any]:
    """The whole-stack figures (see module docstring)."""
    import torch

    from lean_bridge import open_backend
    from lean_bridge.bench import measure_round_trip
    from prover.bench_model import _rate
    from prover.graph import BENCH_STATEMENTS, BENCH_TACTICS, bench_graphs, collect_states
    from prover.policies import UniformPolicy

    torch.set_num_threads(1)  # one core, as the target states
    out: dict[str, Any] = {}
    with contextlib.redirect_stdout(sys.stderr):
        out["graphs_per_second"] = round(bench_graphs(seconds)["graphs_per_second"], 1)
    text = FALSE_FILE.read_text(encoding="utf-8") if FALSE_FILE.exists() else FALSE_FALLBACK
    with open_backend("embedded", timeout=120) as lean:
        states = collect_states(lean, BENCH_STATEMENTS, BENCH_TACTICS)
        policy, which = bench_policy(states)
        picked = [(states[i % len(states)], 0) for i in range(16)]
        out["model"] = which
        out["model_states_per_second"] = round(_rate(lambda: policy.propose(picked, [], 32), 16, seconds), 1)
        out["model_states_per_second_batch1"] = round(_rate(lambda: policy.propose(picked[:1], [], 32), 1, seconds), 1)
        out["bridge_calls_per_second"] = round(measure_round_trip(lean, calls)["calls_per_second"], 1)
        roots = [s for _, s in lean.sorries(text)][:8]
        learned = search_rate(lean, policy, roots, seconds_each=seconds / 2)
        uniform = search_rate(lean, UniformPolicy(0), [s for _, s in lean.sorries(text)][:8], seconds_each=seconds / 2)
        out["search_tactics_per_minute"] = round(learned["per_minute"])
        out["search_tactics_per_cpu_minute"] = round(learned["per_cpu_minute"])
        out["uniform_search_tactics_per_minute"] = round(uniform["per_minute"])
        out["uniform_search_tactics_per_cpu_minute"] = round(uniform["per_cpu_minute"])
        out["search_profile"] = learned["profile"]
        out["uniform_search_profile"] = uniform["profile"]
        server_peak = _peak_mb(lean.pid)
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    out["peak_rss_mb"] = round(own_peak + server_peak, 1)
    try:
        out["load_average_1min"] = round(__import__("os").getloadavg()[0], 2)
    except OSError:
        pass
    return out
