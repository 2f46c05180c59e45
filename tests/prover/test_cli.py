"""The `prover` command as a user runs it: a real subprocess, real files, exit codes and output lines."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_prover(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prover", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_check_bundled_example_is_all_ok():
    out = run_prover("check", "datasets/examples/core_facts.lean")
    assert out.returncode == 0, out.stdout + out.stderr
    *lines, summary = out.stdout.splitlines()
    assert lines and all(line.endswith(": ok") for line in lines)
    assert "Examples.and_swap: ok" in lines
    assert summary == f"checked {len(lines)} declarations in 1 file: {len(lines)} ok, 0 rejected"


def test_check_reports_each_declaration_with_error_position(tmp_path):
    f = tmp_path / "mixed.lean"
    f.write_text("theorem good (n : Nat) : n + 0 = n := rfl\ntheorem bad (n : Nat) : 0 + n = n := rfl\n"
                 "theorem uses_sorry : 1 = 2 := sorry\n", encoding="utf-8")
    out = run_prover("check", str(f))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[0] == "good: ok"
    assert lines[1].startswith("bad: error: ") and lines[1].endswith(f"({f}:2:37)")
    assert lines[2].startswith("uses_sorry: error: declaration uses ") and "sorry" in lines[2]
    assert "Traceback" not in out.stderr


def test_unparsable_file_gives_one_line_per_error_and_no_traceback(tmp_path):
    f = tmp_path / "broken.lean"
    f.write_text("theorem t : True := (trivial\n\ntheorem u : True := trivial\n", encoding="utf-8")
    out = run_prover("check", str(f))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert any(line.startswith("t: error: unexpected") for line in out.stdout.splitlines())
    assert "u: ok" in out.stdout.splitlines()


def test_errors_outside_declarations_fail_the_file(tmp_path):
    """Every error gets a verdict line and a non-zero exit, even when no declaration failed."""
    cases = {
        "namespace Foo\ntheorem a : True := trivial\nend Bar\n": "end: error: invalid 'end'",
        "theorem a : True := trivial\n#eval 1 + 1\n": "#eval: error: unsupported command",
        "theorem a : True := trivial\nopen Nonexistent\n": "open: error: unknown namespace",
        "theorem a : True := trivial\nderiving instance Repr for Nat\n": "deriving: error: unsupported command",
    }
    for i, (text, expected) in enumerate(cases.items()):
        f = tmp_path / f"case{i}.lean"
        f.write_text(text, encoding="utf-8")
        out = run_prover("check", str(f))
        assert out.returncode == 1, text
        assert any(line.startswith(expected) for line in out.stdout.splitlines()), out.stdout


def test_blown_recursion_is_a_verdict_not_a_silent_drop(tmp_path):
    """A proof that exhausts the recursion depth is reported as rejected (it once vanished with exit 0)."""
    f = tmp_path / "deep.lean"
    f.write_text("def g : Nat → Nat → Nat\n  | 0, a => a + 1\n  | n + 1, a => g n (g n a)\n"
                 "theorem big : g 40 0 = 0 := rfl\ntheorem small : g 3 0 = 8 := rfl\n", encoding="utf-8")
    out = run_prover("check", str(f))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[0] == "g: ok" and lines[2] == "small: ok"
    assert lines[1].startswith("big: error: ")
    assert "Traceback" not in out.stderr


def test_missing_file_is_a_usage_error():
    out = run_prover("check", "no/such/file.lean")
    assert out.returncode == 2
    assert out.stderr.strip() == "prover: error: cannot read no/such/file.lean: no such file"


def test_non_utf8_file_is_a_usage_error(tmp_path):
    f = tmp_path / "latin1.lean"
    f.write_bytes(b"theorem t : True := trivial -- caf\xe9\n")
    out = run_prover("check", str(f))
    assert out.returncode == 2 and "not UTF-8" in out.stderr and "Traceback" not in out.stderr


def test_doctor_reports_every_backend_kind():
    out = run_prover("doctor")
    kinds = [line.split(":")[0] for line in out.stdout.splitlines() if not line.startswith(" ")]
    assert kinds == ["embedded", "pantograph", "repl"]
    assert "Traceback" not in out.stderr
