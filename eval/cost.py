"""The LLM-prover cost model: quoted figures (``llm_figures.json``) next to CPU seconds measured here.

LLM cost per attempted theorem = samples × average output tokens per sample × price per
output token (input tokens are ignored, which favours the LLM); per proved theorem = that
divided by its pass rate. Ours: CPU seconds measured in the run (search thread + checker
process) × price per core-hour; per proved theorem = all CPU seconds spent / theorems proved.
The parameter ratio compares model sizes (671B against ours).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

FIGURES = Path(__file__).resolve().parent / "llm_figures.json"


def load_figures(path: Path = FIGURES) -> dict[str, Any]:
    """The sourced figures file."""
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class CostRow:
    """One prover's cost per attempted and per proved theorem (USD), and where the figures come from."""

    prover: str
    parameters: Optional[int]
    per_attempted: float
    per_proved: Optional[float]
    basis: str
    measured: bool


def llm_rows(figures: dict[str, Any]) -> list[CostRow]:
    """Cost rows for each quoted LLM prover at the cheapest quoted host price."""
    prices = sorted(figures["prices"], key=lambda p: p["usd_per_million_output_tokens"])
    rows = []
    for model in figures["models"]:
        own = [p for p in prices if p["model"] == model["name"]]
        price = (own or prices)[0]
        per_token = price["usd_per_million_output_tokens"] / 1e6
        attempted = model["samples"] * model["avg_output_tokens_per_sample"] * per_token
        basis = (f"{model['samples']} samples × {model['avg_output_tokens_per_sample']:,} output tokens × "
                 f"${price['usd_per_million_output_tokens']}/M ({price['host']}"
                 f"{'' if own else ', 671B price as upper bound'}); pass rate {model['pass_rate']:.1%} "
                 f"({model['benchmark']})")
        rows.append(CostRow(model["name"], model["parameters"], attempted, attempted / model["pass_rate"], basis, False))
    return rows


def our_row(name: str, parameters: Optional[int], cpu_seconds: float, attempted: int, proved: int,
            usd_per_core_hour: float) -> CostRow:
    """Our cost from CPU seconds measured in this run."""
    total = cpu_seconds / 3600.0 * usd_per_core_hour
    basis = (f"{cpu_seconds:.1f} CPU s measured over {attempted} theorems × ${usd_per_core_hour}/core-hour")
    return CostRow(name, parameters, total / attempted if attempted else 0.0,
                   total / proved if proved else None, basis, True)


def comparison(ours: CostRow, llms: Sequence[CostRow]) -> list[dict[str, Any]]:
    """For each LLM row: its cost per proved theorem over ours, and its parameter count over ours."""
    out = []
    for row in llms:
        ratio = (row.per_proved / ours.per_proved) if (row.per_proved and ours.per_proved) else None
        params = (row.parameters / ours.parameters) if (row.parameters and ours.parameters) else None
        out.append({"llm": row.prover, "cost_ratio_per_proved": ratio,
                    "cost_ratio_per_attempted": row.per_attempted / ours.per_attempted if ours.per_attempted else None,
                    "parameter_ratio": params})
    return out
