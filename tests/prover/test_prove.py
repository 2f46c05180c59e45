"""`prover prove` as a user runs it: real subprocesses, the embedded checker, results files, resume."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from lean_bridge import open_backend
from prover.prove import build_task

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

SMALL = """namespace Small
theorem and_swap (p q : Prop) (h : p ∧ q) : q ∧ p := sorry
theorem add_zero (n : Nat) : n + 0 = n := by
  sorry
theorem helper (p : Prop) (hp : p) : p ∨ False := Or.inl hp
theorem broken : 1 = 2 := rfl
theorem or_swap (p q : Prop) : p ∨ q → q ∨ p := by sorry
theorem both (p q : Prop) (hp : p) (hq : q) : p ∧ q := sorry
theorem false_one : 2 + 2 = 5 := sorry
end Small
"""


def run_prover(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prover", *args], cwd=cwd, env=ENV, capture_output=True,
                          text=True, timeout=timeout)


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_false_statements_yield_zero_proofs(tmp_path):
    results = tmp_path / "false.jsonl"
    out = run_prover("prove", "datasets/examples/false_statements.lean", "--policy", "uniform", "--time-limit", "0.5",
                     "--workers", "2", "--results", str(results), "--out", str(tmp_path / "false.solved.lean"))
    assert out.returncode == 0, out.stderr
    recs = records(results)
    assert len(recs) >= 20
    assert not any(r["proved"] for r in recs)
    assert out.stdout.strip().startswith(f"proved 0/{len(recs)} (0.0%)")


def test_prove_writes_results_and_a_solved_file_that_checks(tmp_path):
    src = tmp_path / "small.lean"
    src.write_text(SMALL, encoding="utf-8")
    results, solved = tmp_path / "r.jsonl", tmp_path / "solved.lean"
    out = run_prover("prove", str(src), "--policy", "heuristic", "--time-limit", "3", "--workers", "2",
                     "--results", str(results), "--out", str(solved))
    assert out.returncode == 0, out.stderr
    recs = {r["name"]: r for r in records(results)}
    assert set(recs) == {"Small.and_swap", "Small.add_zero", "Small.or_swap", "Small.both", "Small.false_one"}
    for r in recs.values():
        assert set(r) >= {"name", "proved", "proof", "seconds", "expansions", "tactics_tried", "internal_errors",
                          "error"}
    proved = [n for n, r in recs.items() if r["proved"]]
    assert len(proved) >= 3 and not recs["Small.false_one"]["proved"]
    line = out.stdout.strip()
    assert line.startswith(f"proved {len(proved)}/5 (") and line.endswith("tactics/min")
    checked = run_prover("check", str(solved))
    verdict = dict(l.split(": ", 1) for l in checked.stdout.splitlines() if ": " in l)
    for name in proved:  # every reported proof re-checks with `prover check`
        assert verdict.get(name) == "ok", checked.stdout


def test_environment_hides_the_theorem_later_declarations_and_sorry_ones():
    with open_backend("embedded") as lean:
        task = build_task(lean, SMALL)
    by_name = {t.name: t for t in task.targets}
    assert list(by_name) == ["Small.and_swap", "Small.add_zero", "Small.or_swap", "Small.both", "Small.false_one"]
    assert by_name["Small.and_swap"].premises == ()
    assert by_name["Small.or_swap"].premises == ("Small.helper",)  # not broken, not sorry'd, not later ones
    env = task.env_text(by_name["Small.both"])
    assert "helper" in env and "broken" not in env and "and_swap" not in env and "both" not in env


def test_resume_after_kill_loses_nothing(tmp_path):
    src = tmp_path / "many.lean"
    body = "".join(f"theorem t{i} (n : Nat) : n + {i} = n + {i} := sorry\ntheorem f{i} : {i} + 1 = {i} := sorry\n"
                   for i in range(6))
    src.write_text(body, encoding="utf-8")
    results = tmp_path / "r.jsonl"
    args = ["prove", str(src), "--policy", "uniform", "--time-limit", "1", "--workers", "1",
            "--results", str(results), "--out", str(tmp_path / "s.lean")]
    proc = subprocess.Popen([sys.executable, "-m", "prover", *args], cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not results.exists() or len(records(results)) < 2):
        time.sleep(0.1)
    os.killpg(proc.pid, 9)
    proc.wait()
    first = {r["name"]: r for r in records(results)}
    assert 2 <= len(first) < 12
    out = run_prover(*args, "--resume")
    assert out.returncode == 0, out.stderr
    final = records(results)
    names = [r["name"] for r in final]
    assert sorted(names) == sorted({f"t{i}" for i in range(6)} | {f"f{i}" for i in range(6)})  # each exactly once
    for name, rec in first.items():  # finished theorems were kept, not redone
        assert next(r for r in final if r["name"] == name) == rec
    assert all(r["proved"] for r in final if r["name"].startswith("t"))
    assert not any(r["proved"] for r in final if r["name"].startswith("f"))


def test_usage_errors_are_one_line_without_traceback(tmp_path):
    out = run_prover("prove", str(tmp_path / "missing.lean"))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "no such file" in out.stderr and "Traceback" not in out.stderr
    f = tmp_path / "a.lean"
    f.write_text("theorem a : True := sorry\n", encoding="utf-8")
    out = run_prover("prove", str(f), "--time-limit", "0")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    out = run_prover("prove", str(f), "--policy", "learned", "--model", str(tmp_path / "nomodel"))
    assert out.returncode == 2 and out.stderr.strip().count("\n") == 0


def test_unusable_backend_is_one_line_nonzero(tmp_path):
    f = tmp_path / "a.lean"
    f.write_text("theorem a : True := sorry\n", encoding="utf-8")
    env = {**ENV, "LEAN_BRIDGE_PANTOGRAPH": str(tmp_path / "no-such-binary"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "prover", "prove", str(f), "--backend", "pantograph",
                          "--policy", "uniform", "--results", str(tmp_path / "r.jsonl"), "--out", str(tmp_path / "o.lean")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 3, out.stderr
    assert out.stderr.strip().count("\n") == 0 and "Traceback" not in out.stderr


def test_learned_policy_runs_end_to_end_with_a_checkpoint(tmp_path):
    """The learned path (premise registration, batched proposals, re-check) with an untrained checkpoint."""
    from prover.bench_stack import bench_policy
    from prover.checkpoint import save_checkpoint
    from prover.graph import BENCH_STATEMENTS, BENCH_TACTICS, collect_states

    with open_backend("embedded") as lean:
        states = collect_states(lean, BENCH_STATEMENTS[:2], BENCH_TACTICS)
    policy, _ = bench_policy(states)
    save_checkpoint(tmp_path / "model", policy.model, policy.vocab.to_json(), tuple(policy.kinds))
    src = tmp_path / "small.lean"
    src.write_text(SMALL, encoding="utf-8")
    results = tmp_path / "r.jsonl"
    out = run_prover("prove", str(src), "--policy", "learned", "--model", str(tmp_path / "model"), "--time-limit", "2",
                     "--workers", "1", "--results", str(results), "--out", str(tmp_path / "solved.lean"))
    assert out.returncode == 0, out.stderr
    recs = records(results)
    assert len(recs) == 5 and all(r["method"] == "learned" for r in recs)
    assert not any((r["error"] or "").startswith("internal error") for r in recs), recs
    assert not next(r for r in recs if r["name"] == "Small.false_one")["proved"]


def test_a_leading_implicit_binder_is_proved_as_stated(tmp_path):
    """`:= sorry` on `∀ {n}, …` gets Lean's implicit lambda (`n` introduced) while the found `by`
    block does not: the search must start from the goal its `by` block will prove, so the proof
    re-checks in place (before, the root had `n` introduced and `intro h` closed the wrong goal)."""
    src = tmp_path / "implicit.lean"
    src.write_text("theorem imp_self' : ∀ {p : Prop}, p → p := sorry\n"
                   "theorem id_nat : ∀ {n : Nat}, n = n := sorry\n", encoding="utf-8")
    results = tmp_path / "implicit.jsonl"
    out = run_prover("prove", str(src), "--policy", "heuristic", "--time-limit", "5", "--workers", "1",
                     "--results", str(results), "--out", str(tmp_path / "implicit.solved.lean"))
    assert out.returncode == 0, out.stderr
    recs = {r["name"]: r for r in records(results)}
    assert recs["imp_self'"]["proved"] and recs["id_nat"]["proved"], recs
    assert "intro" in recs["imp_self'"]["proof"]
    check = run_prover("check", str(tmp_path / "implicit.solved.lean"))
    assert check.returncode == 0, check.stdout + check.stderr


def test_library_constants_the_model_knows_are_premises(tmp_path):
    """A file with no library still sees Lean's own lemmas: the bundled model's library premises
    that the checker has (here ``Nat.le_trans``) are offered to the search. Before, only theorems of
    the file were, and no policy could prove this."""
    from prover.checkpoint import default_model_dir, library_premises

    assert "Nat.le_trans" in library_premises(default_model_dir())
    assert library_premises(tmp_path) == ()  # no checkpoint: none
    src = tmp_path / "trans.lean"
    src.write_text("theorem trans_le (a b c : Nat) (h1 : a ≤ b) (h2 : b ≤ c) : a ≤ c := sorry\n"
                   "theorem trans_le_false (a b c : Nat) (h1 : a ≤ b) (h2 : c ≤ b) : a ≤ c := sorry\n",
                   encoding="utf-8")
    results = tmp_path / "trans.jsonl"
    out = run_prover("prove", str(src), "--time-limit", "10", "--workers", "1", "--results", str(results),
                     "--out", str(tmp_path / "trans.solved.lean"))
    assert out.returncode == 0, out.stderr
    recs = {r["name"]: r for r in records(results)}
    assert recs["trans_le"]["proved"] and "Nat.le_trans" in recs["trans_le"]["proof"], recs
    assert not recs["trans_le_false"]["proved"]
    check = run_prover("check", str(tmp_path / "trans.solved.lean"))
    assert "trans_le: ok" in check.stdout, check.stdout


def test_premises_are_the_earlier_theorems_then_the_library_ones_the_checker_has():
    from prover.policies import HeuristicPolicy
    from prover.prove import Prover, Target, Task, open_pool
    from prover.search import SearchConfig

    policy = HeuristicPolicy()
    policy.library_premises = ("Nat.le_trans", "No.such_lemma", "mine", "Nat.le_trans", "Or.inl")
    pool = open_pool("embedded", 1)
    try:
        prover = Prover(Task(pieces=[], targets=[]), pool, policy, SearchConfig(), "heuristic")
        with pool.lease() as backend:
            first = Target("t", "theorem t : True", 0, ("mine", "other"), 1, 1)
            assert prover.premises_for(backend, first) == ("mine", "other", "Nat.le_trans", "Or.inl")
            itself = Target("Or.inl", "theorem Or.inl : True", 0, (), 1, 1)
            assert prover.premises_for(backend, itself) == ("Nat.le_trans",)
    finally:
        pool.close()
