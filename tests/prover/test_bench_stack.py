"""`prover bench --json`: one JSON object with the whole-stack keys, measured for real."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEYS = ("graphs_per_second", "model_states_per_second", "bridge_calls_per_second", "search_tactics_per_minute",
        "peak_rss_mb")


def test_bench_json_has_the_whole_stack_keys():
    out = subprocess.run([sys.executable, "-m", "prover", "bench", "--json", "--seconds", "0.5"], cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    for key in KEYS:
        assert isinstance(figures[key], (int, float)) and figures[key] > 0, (key, figures)
    assert set(figures["search_profile"]) >= {"policy_s", "checker_round_trips_s"}
