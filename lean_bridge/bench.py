"""Micro-benchmark of the bridge's own overhead per tactic round trip.

``measure_round_trip`` times ``n`` calls of ``backend.run_tactic(state, tactic)`` on the
same (immutable) state and reports the client's CPU time per call -- ``time.process_time``
of this process, which excludes the server's work because the server is another process
-- next to the wall time per call (which includes the server).
"""

from __future__ import annotations

import time
from typing import Optional

from lean_bridge.backend import Backend
from lean_bridge.types import ProofState


def measure_round_trip(
    backend: Backend,
    n: int,
    *,
    state: Optional[ProofState] = None,
    statement: str = "∀ (p q : Prop), p ∧ q → q ∧ p",
    tactic: str = "intro p q h",
) -> dict[str, float]:
    """Run ``n`` tactic round trips and return client CPU ms/call, wall ms/call and calls/s."""
    if n < 1:
        raise ValueError("n must be positive")
    if state is None:
        state = backend.start_goal(statement)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(n):
        backend.run_tactic(state, tactic)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {
        "n": float(n),
        "client_cpu_ms_per_call": 1000.0 * cpu / n,
        "wall_ms_per_call": 1000.0 * wall / n,
        "calls_per_second": n / wall if wall > 0 else float("inf"),
    }
