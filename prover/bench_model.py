"""Model throughput: states scored per second for one state and for search-frontier batches.

Two figures per batch size: ``forward`` (graphs already built: collate + one forward pass, what
the search pays per expansion batch once graphs are cached) and ``propose`` (the Policy call the
search makes: graph building, forward, joint top-k decoding into Actions).
"""
from __future__ import annotations

import time
from typing import Any, Sequence

import torch

BATCH_SIZES = (1, 16, 64)


def _rate(fn, n_states: int, min_seconds: float = 1.0) -> float:
    """States per second of fn() (repeated for at least min_seconds after one warm-up call)."""
    fn()
    calls, start = 0, time.perf_counter()
    while True:
        fn()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return calls * n_states / elapsed


def measure(policy: Any, states: Sequence[tuple], premises: Sequence[str] = (), k: int = 16,
            batch_sizes: Sequence[int] = BATCH_SIZES, threads: int = 2, min_seconds: float = 1.0) -> dict[str, Any]:
    """{"threads", "params", "forward_states_per_s": {b: r}, "propose_states_per_s": {b: r}}."""
    from prover.graph import build_state_graph, collate

    torch.set_num_threads(threads)
    graphs = [build_state_graph(goals, focus, policy.vocab) for goals, focus in states]
    out: dict[str, Any] = {"threads": threads, "params": policy.model.num_parameters(),
                           "mean_nodes": sum(g.num_nodes for g in graphs) / max(1, len(graphs)),
                           "forward_states_per_s": {}, "propose_states_per_s": {}}
    for b in batch_sizes:
        chosen = [graphs[i % len(graphs)] for i in range(b)]
        picked = [states[i % len(states)] for i in range(b)]

        def forward() -> None:
            with torch.inference_mode():
                policy.model(collate(chosen), None)

        out["forward_states_per_s"][b] = round(_rate(forward, b, min_seconds), 1)
        out["propose_states_per_s"][b] = round(_rate(lambda: policy.propose(picked, premises, k), b, min_seconds), 1)
    return out
