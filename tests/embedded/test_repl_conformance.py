"""The embedded REPL server against the recorded sessions of the real Lean REPL (Lean v4.33).

Each pair of `shared/lean-transcripts/repl/test` is replayed against a real subprocess
`python -m lean_bridge.embedded repl` and every response is compared, as parsed JSON, with the
recorded one (`lean_bridge.embedded.conformance`). The pairs in `MUST_MATCH` must match exactly
(for `root_goals`, everything but the out-of-fragment `exact?` suggestion); every pair the table
in `lean_bridge/embedded/README.md` lists as matching must keep matching; and the table must be
the one the current server produces (regenerate with `python -m lean_bridge.embedded.conformance`).
Plus protocol robustness: malformed input gets Lean's error shapes and never kills the server.
"""
from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

from lean_bridge.embedded import conformance as conf

pytestmark = pytest.mark.skipif(not conf.DEFAULT_TRANSCRIPTS.is_dir(),
                                reason=f"recorded REPL transcripts not found at {conf.DEFAULT_TRANSCRIPTS}")


@pytest.fixture(scope="module")
def replayed() -> dict[str, conf.PairResult]:
    """Every pair replayed once (about a minute)."""
    return conf.replay_all()


def _diff(result: conf.PairResult, mask=None) -> str:
    exp, act = result.expected, result.actual
    if mask is not None:
        exp, act = mask(exp), mask(act)
    for i, e in enumerate(exp):
        a = act[i] if i < len(act) else None
        if a != e:
            return (f"{result.name}: response {i + 1} differs\n  expected {json.dumps(e, ensure_ascii=False)}\n"
                    f"  actual   {json.dumps(a, ensure_ascii=False)}\n  error: {result.error}")
    return f"{result.name}: {len(act)} responses for {len(exp)} expected; error: {result.error}"


@pytest.mark.parametrize("name", conf.MUST_MATCH)
def test_must_match(replayed, name: str) -> None:
    result = replayed[name]
    mask = conf.MASKS.get(name)
    assert result.matches(mask[1] if mask else None), _diff(result, mask[1] if mask else None)


def test_table_is_current(replayed) -> None:
    """The README's table is what the generator produces now (so no listed match can silently regress)."""
    table = conf.render_table(replayed)
    assert conf.read_table() == table, "the conformance table is stale: run `python -m lean_bridge.embedded.conformance`"


def test_listed_matches_still_match(replayed) -> None:
    """Every transcript the committed table lists as matching still matches."""
    text = conf.read_table()
    listed = re.findall(r"^\| `([^`]+)` \| matches", text, flags=re.M)
    assert listed, "the table lists no matching transcript"
    broken = []
    for name in listed:
        result = replayed.get(name)
        mask = conf.MASKS.get(name)
        if result is None or not result.matches(mask[1] if mask else None):
            broken.append(_diff(result, mask[1] if mask else None) if result else f"{name}: not replayed")
    assert not broken, "\n".join(broken)


# --------------------------------------------------------------------------- robustness


def _talk(text: str, timeout: float = 120) -> list[dict]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(conf.REPO_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.run(conf.server_command(), input=text.encode(), capture_output=True, timeout=timeout, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(b) for b in conf.split_blocks(proc.stdout.decode())]


def test_bad_input_never_kills_the_server() -> None:
    requests = [
        "{not json",
        "[1, 2]",
        '{"frobnicate": 1}',
        '{"cmd": "example (p : Prop) (h : p) : p := by sorry", "unknownKey": true}',
        '{"tactic": "exact (", "proofState": 0}',
        '{"tactic": "intro", "proofState": 0}',
        '{"tactic": "exact h", "proofState": 99}',
        '{"cmd": "def f : Nat := 1", "env": 42}',
        '{"pickleTo": "/nonexistent-dir/x.olean", "proofState": 0}',
        '{"pickleTo": "x.olean", "proofState": 7}',
        '{"path": "/nonexistent/file.lean"}',
        '-- a comment block is skipped',
        '{"tactic": "exact h", "proofState": 0}',
    ]
    out = _talk("\n\n".join(requests) + "\n\n")
    assert len(out) == len(requests) - 1
    assert out[0]["message"].startswith("Could not parse JSON")
    assert out[1]["message"].startswith("Could not parse as a valid JSON command")
    assert out[2]["message"].startswith("Could not parse as a valid JSON command")
    assert out[3]["sorries"][0]["proofState"] == 0 and out[3]["env"] == 0
    assert out[4]["message"].startswith("Lean error:\n<input>:1:")
    assert out[5]["message"].startswith("Lean error:\n")
    assert out[6] == {"message": "Unknown proof state."}
    assert out[7] == {"message": "Unknown environment."}
    assert set(out[8]) == {"message"}
    assert out[9] == {"message": "Unknown proof State."}
    assert set(out[10]) == {"message"}
    assert out[11] == {"proofStatus": "Completed", "proofState": 1, "goals": []}


def test_looping_tactic_is_bounded() -> None:
    """`repeat` of a tactic that always succeeds ends (step budget / iteration bound) with an answer."""
    out = _talk('{"cmd": "example : True := by sorry"}\n\n{"tactic": "repeat skip", "proofState": 0}\n\n'
                '{"tactic": "exact True.intro", "proofState": 0}\n\n')
    assert len(out) == 3 and out[2]["proofStatus"] == "Completed"


def test_completed_is_kernel_checked() -> None:
    """A finished proof is re-checked: a proof through the function being defined is not Completed."""
    out = _talk('{"cmd": "theorem ex (p : Prop) : p := sorry"}\n\n{"tactic": "exact ex p", "proofState": 0}\n\n')
    assert out[1]["proofStatus"].startswith("Error: kernel type check failed")
