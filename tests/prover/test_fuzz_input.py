"""Fuzz the command line and both embedded servers with random bytes and random token soups.

Every input must give verdict lines (or one usage line) and never a traceback, a hang or a dead
server. Bounded for CI; set FUZZ_INPUT_CASES (e.g. 2000) for a long run.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = int(os.environ.get("FUZZ_INPUT_CASES", "40"))
TOKENS = ("theorem", "def", "example", "by", ":=", ":", "(", ")", "⟨", "⟩", "[", "]", "{", "}", "fun", "=>",
          "∀", "∃", ",", "→", "∧", "∨", "¬", "=", "+", "*", "Nat", "Prop", "True", "False", "intro", "exact",
          "apply", "rfl", "simp", "induction", "with", "|", "cases", "namespace", "end", "section", "open",
          "variable", "x", "h", "n", "0", "1", "2", "'", "\"", "/-", "-/", "--", "·", "<;>", "sorry", "\n",
          "\n  ", "Type", "Sort", "u", ".{", "@[simp]", "match", "let", "have", "show", "from", "#check")


def soup(rng: random.Random) -> str:
    return " ".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 60)))


def noise(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))


def noise_line(rng: random.Random) -> bytes:
    """Random bytes on one line (no line breaks; never blank, which ends a Pantograph session)."""
    return b"x" + noise(rng).replace(b"\n", b" ").replace(b"\r", b" ")


def test_prover_check_survives_token_soups_and_random_bytes(tmp_path):
    rng = random.Random(20261203)
    files = []
    for i in range(CASES):
        path = tmp_path / f"case{i}.lean"
        if i % 2:
            path.write_text(soup(rng), encoding="utf-8")
        else:
            path.write_bytes(noise(rng).decode("utf-8", errors="ignore").encode("utf-8"))
        files.append(str(path))
    out = subprocess.run([sys.executable, "-m", "prover", "check", *files], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert out.returncode in (0, 1), out.stderr[-500:]
    assert "Traceback" not in out.stderr
    lines = out.stdout.splitlines()
    assert lines[-1].startswith("checked ") and f"in {CASES} files" in lines[-1]
    assert all(": ok (" in line or ": error: " in line for line in lines[:-1]), [
        line for line in lines[:-1] if ": ok (" not in line and ": error: " not in line][:3]


def test_non_utf8_bytes_are_a_usage_error(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "bytes.lean"
    path.write_bytes(b"\xff\xfe" + noise(rng))
    out = subprocess.run([sys.executable, "-m", "prover", "check", str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2 and "not UTF-8" in out.stderr and "Traceback" not in out.stderr


def _serve(protocol: str, payload: bytes) -> str:
    out = subprocess.run([sys.executable, "-m", "lean_bridge.embedded", protocol], cwd=ROOT, input=payload,
                         capture_output=True, timeout=600)
    assert b"Traceback" not in out.stderr, out.stderr[-800:]
    return out.stdout.decode("utf-8")


def test_repl_server_answers_after_random_bytes():
    rng = random.Random(11)
    blocks = [noise_line(rng) for _ in range(CASES)]
    payload = b"".join(b'{"cmd": "' + b.replace(b'"', b"'").replace(b"\\", b"/") + b'"}\n\n' for b in blocks)
    payload += b'{"cmd": "theorem ok_after : True := trivial"}\n\n'
    responses = [json.loads(block) for block in _serve("repl", payload).strip().split("\n\n")]
    assert len(responses) == CASES + 1
    last = responses[-1]
    assert "env" in last and not any(m.get("severity") == "error" for m in last.get("messages", []))


def test_pantograph_server_answers_after_random_bytes_and_soups():
    rng = random.Random(13)
    lines = []
    for i in range(CASES):
        lines.append(noise_line(rng) if i % 2 else
                     json.dumps({"cmd": "goal.start", "payload": {"expr": soup(rng).replace("\n", " ")}}).encode())
    payload = b"\n".join(lines) + b'\n{"cmd": "goal.start", "payload": {"expr": "True"}}\n'
    out = _serve("pantograph", payload).splitlines()
    assert out[0] == "ready."
    responses = [json.loads(line) for line in out[1:]]
    assert len(responses) == CASES + 1
    assert "stateId" in responses[-1], responses[-1]
