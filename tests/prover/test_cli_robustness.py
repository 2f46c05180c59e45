"""Hostile and careless input to the command line: one clear line, the right exit code, no traceback,
and nothing already decided is lost (issue: large files, runaway proofs and hostile input)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, input=stdin)


def prover(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return run("-m", "prover", *args, env=env)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_deep_nesting_fails_one_declaration_and_keeps_the_others(tmp_path):
    deep = "(" * 10_000 + "trivial" + ")" * 10_000
    f = write(tmp_path, "deep.lean", f"theorem a : True := trivial\ntheorem b : True := {deep}\ntheorem c : True := trivial\n")
    out = prover("check", str(f))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "a: ok" and lines[1].startswith("b: error: maximum nesting depth") and lines[2] == "c: ok"


def test_byte_order_mark_does_not_hide_the_first_theorem(tmp_path):
    f = tmp_path / "bom.lean"
    f.write_bytes("\ufefftheorem first : True := trivial\ntheorem second : True := trivial\n".encode("utf-8"))
    out = prover("check", str(f))
    assert out.returncode == 0, out.stdout
    assert out.stdout.splitlines()[:2] == ["first: ok", "second: ok"]


def test_parse_error_after_a_declaration_is_reported_once(tmp_path):
    f = write(tmp_path, "tail.lean", "theorem a : True := trivial\n  )\ntheorem b : True := trivial\n")
    out = prover("check", str(f))
    lines = out.stdout.splitlines()
    assert out.returncode == 1
    assert [line.split(":")[0] for line in lines[:-1]] == ["a", "b"], lines
    assert lines[0].startswith("a: error:") and lines[1] == "b: ok"


def test_several_files_name_the_file_on_every_line_and_summarise(tmp_path):
    a = write(tmp_path, "a.lean", "theorem x : True := trivial\n")
    b = write(tmp_path, "b.lean", "theorem y : 1 = 2 := rfl\n")
    out = prover("check", str(a), str(b))
    lines = out.stdout.splitlines()
    assert lines[0] == f"x: ok ({a}:1:0)"
    assert lines[1].startswith("y: error:") and f"({b}:1:" in lines[1]
    assert lines[2] == "checked 2 declarations in 2 files: 1 ok, 1 rejected"
    assert out.returncode == 1


def test_json_output_is_one_object_per_declaration(tmp_path):
    f = write(tmp_path, "j.lean", "theorem x : True := trivial\ntheorem y : 1 = 2 := rfl\n")
    out = prover("check", "--json", str(f))
    objs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(o["name"], o["ok"]) for o in objs] == [("x", True), ("y", False)]
    assert objs[0]["file"] == str(f) and objs[1]["message"]
    assert "checked 2 declarations" in out.stderr and out.returncode == 1


def test_empty_file_prints_a_summary_and_passes(tmp_path):
    f = write(tmp_path, "empty.lean", "")
    out = prover("check", str(f))
    assert out.returncode == 0 and out.stdout.strip() == "checked 0 declarations in 1 file: 0 ok, 0 rejected"


def test_missing_file_is_a_usage_error(tmp_path):
    out = prover("check", str(tmp_path / "nope.lean"))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "no such file" in out.stderr


def test_broken_pipe_ends_quietly(tmp_path):
    f = write(tmp_path, "many.lean", "".join(f"theorem t{i} : True := trivial\n" for i in range(300)))
    out = subprocess.run(f"{sys.executable} -m prover check {f} | head -1", shell=True, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.stdout == "t0: ok\n" and "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr


def test_ctrl_c_keeps_what_was_decided_and_exits_130(tmp_path):
    f = write(tmp_path, "long.lean", "".join(f"theorem t{i} (a : Nat) (h : a = {i}) : {i} = a := h.symm\n"
                                             for i in range(20_000)))
    # a terminal's program starts with SIGINT handled; a test run launched in the background (`cmd &`)
    # passes SIGINT down ignored, and Python then never turns it into KeyboardInterrupt
    proc = subprocess.Popen([sys.executable, "-m", "prover", "check", str(f)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdout is not None
    first = proc.stdout.readline()  # results stream: the first verdict arrives long before the end
    assert first == "t0: ok\n"
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out[-200:], err)
    assert "Traceback" not in err and "interrupted" in err


def test_version_and_bench_argument_errors():
    out = prover("--version")
    assert out.returncode == 0 and out.stdout.startswith("prover ")
    for bad in (["--goals", "0"], ["--goals", "-5"], ["--calls", "0"], ["--kill-every", "0"]):
        out = prover("bench", *bad)
        assert out.returncode == 2 and "positive integer" in out.stderr and "Traceback" not in out.stderr


def test_doctor_calls_broken_executables_unusable():
    out = prover("doctor", env={"LEAN_BRIDGE_REPL": "/etc/passwd", "LEAN_BRIDGE_PANTOGRAPH": "/bin/cat"})
    lines = {line.split(":")[0]: line for line in out.stdout.splitlines() if not line.startswith(" ")}
    assert lines["pantograph"].startswith("pantograph: not usable")
    assert lines["repl"].startswith("repl: not usable")
    assert lines["embedded"].startswith("embedded: usable")
    out = prover("doctor", env={"LEAN_BRIDGE_REPL": '"x'})
    assert "Traceback" not in out.stderr and "not a valid command line" in out.stdout


def test_server_help_does_not_start_a_server():
    start = time.monotonic()
    for server in ("repl", "pantograph"):
        out = run("-m", "lean_bridge.embedded", server, "--help", stdin="")
        assert out.returncode == 0 and out.stdout.startswith("usage: python -m lean_bridge.embedded")
    assert time.monotonic() - start < 120
