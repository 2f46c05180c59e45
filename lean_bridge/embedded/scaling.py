"""Declaration-scaling benchmark: peak memory and seconds to check files of N one-line theorems.

A library sweep checks files with tens of thousands of declarations, so memory and time must grow
linearly in N. Each size runs in a fresh subprocess (``python -m lean_bridge.embedded.scaling
--one N``) so its peak resident set is its own; ``measure_scaling`` collects one dict per size.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from typing import Any, Sequence

DEFAULT_SIZES = (1_000, 10_000, 50_000)


def synthetic_file(n: int) -> str:
    """`n` distinct one-line theorems, each with a small kernel-checked proof."""
    return "".join(f"theorem t{i} (a : Nat) (h : a = {i}) : {i} = a := h.symm\n" for i in range(n))


def check_one(n: int) -> dict[str, Any]:
    """Check a synthetic file of `n` declarations in this process; peak RSS and seconds."""
    from .checker import check_source

    text = synthetic_file(n)
    start = time.perf_counter()
    results = check_source(text, f"<synthetic {n}>")
    seconds = time.perf_counter() - start
    ok = sum(1 for r in results if r.ok)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"declarations": n, "accepted": ok, "seconds": round(seconds, 2),
            "peak_rss_mb": round(peak_mb, 1), "us_per_declaration": round(seconds / max(n, 1) * 1e6, 1)}


def measure_scaling(sizes: Sequence[int] = DEFAULT_SIZES) -> list[dict[str, Any]]:
    """One fresh subprocess per size; a list of `check_one` dicts, smallest size first."""
    rows = []
    for n in sorted(sizes):
        out = subprocess.run([sys.executable, "-m", "lean_bridge.embedded.scaling", "--one", str(n)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """`--one N` checks one size here; otherwise the sizes given (default 1k, 10k, 50k), one JSON line each."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--one"]:
        print(json.dumps(check_one(int(args[1]))))
        return 0
    for row in measure_scaling([int(a) for a in args] or DEFAULT_SIZES):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
