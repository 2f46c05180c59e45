"""`prover eval` and its report: methods in one run, resumable results, self-contained HTML, cost figures."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from eval.cost import comparison, llm_rows, load_figures, our_row
from eval.report import write_report
from eval.run import proof_head, rule_split

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

LOGIC = """namespace B
theorem and_swap (p q : Prop) (h : p ∧ q) : q ∧ p := ⟨h.2, h.1⟩
theorem or_swap (p q : Prop) (h : p ∨ q) : q ∨ p := Or.elim h Or.inr Or.inl
theorem id_imp (p : Prop) : p → p := fun h => h
theorem uses_swap (p q : Prop) (h : p ∧ q) : q ∧ p := and_swap p q h
end B
"""


def _records(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def test_report_from_results_is_self_contained(tmp_path):
    (tmp_path / "run.json").write_text(json.dumps({"benchmark": "b", "split": "test", "time_limit": 2, "workers": 2,
                                                   "theorems": 3, "methods": {}}), encoding="utf-8")
    for method, proved in (("uniform", [True, False, False]), ("heuristic", [True, True, False])):
        with open(tmp_path / f"results-{method}.jsonl", "w", encoding="utf-8") as f:
            for i, p in enumerate(proved):
                f.write(json.dumps({"name": f"t{i}", "proved": p, "proof": "by\n  rfl" if p else None, "seconds": 0.5 + i,
                                    "expansions": 3, "tactics_tried": 60, "error": None, "cpu_seconds": 0.4,
                                    "area": ["logic", "Nat", "List"][i]}) + "\n")
    summary = write_report(tmp_path)
    assert "uniform 1/3" in summary and "heuristic 2/3" in summary
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| heuristic | 2/3 | 66.7 | 1/1 | 1/1 | 0/1 |" in md
    assert "measured" in md and "quoted" in md and "DeepSeek-Prover-V2-671B" in md
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 2
    sources = re.findall(r'src="([^"]*)"', page)
    assert sources and all(src.startswith("data:image/png;base64,") for src in sources)  # nothing outside the file


def test_cost_model_ratios():
    figures = load_figures()
    llms = llm_rows(figures)
    big = next(r for r in llms if r.prover == "DeepSeek-Prover-V2-671B")
    price = min(p["usd_per_million_output_tokens"] for p in figures["prices"])
    assert abs(big.per_attempted - 32 * 6751.9 * price / 1e6) < 1e-9
    assert abs(big.per_proved - big.per_attempted / 0.824) < 1e-9
    ours = our_row("ours", 1_500_000, cpu_seconds=3600.0, attempted=10, proved=5, usd_per_core_hour=0.05)
    assert abs(ours.per_proved - 0.01) < 1e-12 and ours.measured and not big.measured
    ratio = next(c for c in comparison(ours, llms) if c["llm"] == big.prover)
    assert abs(ratio["parameter_ratio"] - 671e9 / 1.5e6) < 1e-6
    assert abs(ratio["cost_ratio_per_proved"] - big.per_proved / 0.01) < 1e-9
    for model in figures["models"] + figures["prices"]:
        assert model["source"]


def test_split_rule_and_proof_heads():
    assert {rule_split(f"x{i}") for i in range(200)} == {"train", "valid", "test"}
    assert proof_head("theorem a (h : (x := 1) = 1) : True := by\n  trivial") == "theorem a (h : (x := 1) = 1) : True"
    assert proof_head("theorem z : (n : Nat) → 0 ≤ n\n  | 0 => Nat.le.refl\n  | n+1 => x") == "theorem z : (n : Nat) → 0 ≤ n"


def test_eval_runs_methods_in_one_invocation_and_resumes(tmp_path):
    bench = tmp_path / "bench"
    bench.mkdir()
    (bench / "Logic.lean").write_text(LOGIC, encoding="utf-8")
    names = ["B.and_swap", "B.or_swap", "B.id_imp", "B.uses_swap"]
    manifest = {"rule": "all test (hand-made)", "files": ["Logic.lean"], "theorems": {n: "test" for n in names}}
    (bench / "splits.json").write_text(json.dumps(manifest), encoding="utf-8")
    report = tmp_path / "rep"
    args = [sys.executable, "-m", "prover", "eval", "--benchmark", str(bench), "--split", "test", "--time-limit", "1",
            "--report", str(report), "--workers", "2", "--methods", "uniform,heuristic,automation"]
    out = subprocess.run(args, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    for method in ("uniform", "heuristic", "automation"):
        recs = _records(report / f"results-{method}.jsonl")
        assert sorted(r["name"] for r in recs) == sorted(names)
        assert all(r["area"] == "logic" for r in recs)
    heur = {r["name"]: r for r in _records(report / "results-heuristic.jsonl")}
    assert heur["B.id_imp"]["proved"]
    assert (report / "report.html").exists() and (report / "cactus.png").exists()
    before = (report / "results-uniform.jsonl").read_text(encoding="utf-8")
    again = subprocess.run(args + ["--resume"], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert (report / "results-uniform.jsonl").read_text(encoding="utf-8") == before  # nothing redone
    verify = subprocess.run([sys.executable, "-m", "eval.verify", str(report)], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, timeout=600)
    assert verify.returncode == 0, verify.stdout + verify.stderr  # every reported proof passes `prover check`


def test_theorems_the_library_already_has_are_not_targets():
    """`mt` is a Prelude lemma the file restates: its statement is in the environment before the
    search, so the evaluation must not count it; `my_id` is a real target."""
    from lean_bridge import open_backend
    from eval.run import corpus_task, library_constants
    from prover.prove import chunk_status, split_chunks

    text = ("theorem mt {a b : Prop} (h₁ : a → b) (h₂ : ¬b) : ¬a := fun ha => h₂ (h₁ ha)\n"
            "theorem my_id (p : Prop) : p → p := fun h => h\n")
    chunks = split_chunks(text, True)
    with open_backend("embedded") as lean:
        in_library = library_constants(lean, ["mt", "my_id"])
        ok, _ = chunk_status(lean, chunks)
    assert in_library == {"mt"} and all(ok)
    splits = {"mt": "test", "my_id": "test"}
    task = corpus_task(chunks, ok, splits, "test", ["logic"] * len(chunks), None, in_library)
    assert [t.name for t in task.targets] == ["my_id"]
    assert len(task.pieces) == 2  # the restatement stays in the environment
    assert [t.name for t in corpus_task(chunks, ok, splits, "test", ["logic"] * len(chunks)).targets] == ["mt", "my_id"]
