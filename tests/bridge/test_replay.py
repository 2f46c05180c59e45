"""Replay every recorded REPL transcript through the real ``ReplClient`` over a subprocess.

The replay server (``replay_server.py``) checks that each request the client sends equals
the next recorded request and answers with the recorded Lean output verbatim. Expected
values are derived from the recorded JSON itself; a few transcripts get hand-checked
assertions as well. The Mathlib transcripts replay too: replay needs no Lean or Mathlib.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bridge_helpers import TRANSCRIPTS, replay_argv

from lean_bridge.repl_client import CommandResult, ReplClient, TacticResult
from lean_bridge.types import ProtocolError, TacticError

import replay_server


def _pairs() -> list[Any]:
    """Every (folder, name) with both an .in and an .expected.out file."""
    if not TRANSCRIPTS.is_dir():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=f"transcripts not found at {TRANSCRIPTS}"))]
    out = []
    for folder in (TRANSCRIPTS, TRANSCRIPTS / "Mathlib" / "test"):
        for path in sorted(folder.glob("*.expected.out")):
            name = path.name[: -len(".expected.out")]
            if (folder / f"{name}.in").exists():
                rel = "Mathlib/" + name if folder != TRANSCRIPTS else name
                out.append(pytest.param(folder, name, id=rel))
    return out


def load_pair(folder: Path, name: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The recorded (request, response) pairs of one transcript."""
    requests = [json.loads(b) for b in replay_server.recorded_requests(str(folder / f"{name}.in"))]
    responses = [json.loads(b) for b in replay_server.response_blocks((folder / f"{name}.expected.out").read_text("utf-8"))]
    assert len(requests) == len(responses)
    return list(zip(requests, responses))


def dispatch(client: ReplClient, req: dict[str, Any]) -> Any:
    """Send a recorded request through the matching typed client method; return result or exception."""
    try:
        if "tactic" in req and "proofState" in req:
            return client.tactic(req["tactic"], req["proofState"])
        if "pickleTo" in req and "env" in req:
            return client.pickle_env(req["pickleTo"], req["env"])
        if "unpickleEnvFrom" in req:
            return client.unpickle_env(req["unpickleEnvFrom"])
        if "pickleTo" in req and "proofState" in req:
            return client.pickle_proof_state(req["pickleTo"], req["proofState"])
        if "unpickleProofStateFrom" in req:
            return client.unpickle_proof_state(req["unpickleProofStateFrom"], env=req.get("env"))
        opts = dict(env=req.get("env"), all_tactics=req.get("allTactics"), root_goals=req.get("rootGoals"),
                    infotree=req.get("infotree"))
        if "cmd" in req:
            return client.command(req["cmd"], **opts)
        if "path" in req:
            return client.file(req["path"], **opts)
    except (TacticError, ProtocolError) as e:
        return e
    raise AssertionError(f"unknown request shape {req}")


def expected_hyp_names(goal: str) -> list[str]:
    """Hypothesis names of a goal string, one per name, derived independently of the client."""
    names: list[str] = []
    for line in goal.split("\n"):
        if not line or line[0].isspace() or line.startswith("case ") or line.startswith("⊢"):
            continue
        head = line.split(" : ", 1)[0] if " : " in line else line.rstrip()[:-2]
        names.extend(head.split())
    return names


def expected_goal_count(goal: str) -> int:
    """Number of goals in a goal string (lines starting with the turnstile)."""
    return sum(1 for line in goal.split("\n") if line.startswith("⊢"))


def check_messages(got: tuple[Any, ...], want: list[dict[str, Any]]) -> None:
    """Parsed messages agree with the recorded ones."""
    assert [(m.severity, m.data, m.line, m.column) for m in got] == [
        (m["severity"], m["data"], m["pos"]["line"], m["pos"]["column"]) for m in want
    ]


def check_sorries(got: tuple[Any, ...], want: list[dict[str, Any]]) -> None:
    """Parsed sorries agree with the recorded ones (ids, positions, goals, hypothesis names)."""
    assert [s.proof_state for s in got] == [s["proofState"] for s in want]
    for s, w in zip(got, want):
        assert s.goal_text == w["goal"]
        assert (s.line, s.column) == ((w["pos"]["line"], w["pos"]["column"]) if "pos" in w else (None, None))
        assert len(s.goals) == expected_goal_count(w["goal"])
        assert [h.name for g in s.goals for h in g.hypotheses] == expected_hyp_names(w["goal"])


def check_response(req: dict[str, Any], got: Any, want: dict[str, Any]) -> None:
    """What the client parsed agrees with the recorded response."""
    if "message" in want and "env" not in want and "proofState" not in want:
        text = want["message"]
        if "tactic" in req and text.startswith("Lean error:\n"):
            assert isinstance(got, TacticError) and got.message == text[len("Lean error:\n"):]
        else:
            assert isinstance(got, ProtocolError) and str(got) == text
        return
    if "env" in want:
        assert isinstance(got, CommandResult), got
        assert got.env == want["env"]
        check_messages(got.messages, want.get("messages", []))
        check_sorries(got.sorries, want.get("sorries", []))
        assert [(t.proof_state, t.tactic, t.goals_before) for t in got.tactics] == [
            (t["proofState"], t["tactic"], t["goals"]) for t in want.get("tactics", [])
        ]
        assert got.infotree == want.get("infotree")
        assert [m.data for m in got.errors] == [m["data"] for m in want.get("messages", []) if m["severity"] == "error"]
        return
    assert isinstance(got, TacticResult), got
    assert got.proof_state == want["proofState"]
    assert got.goal_texts == tuple(want["goals"])
    assert len(got.goals) == sum(expected_goal_count(g) for g in want["goals"])
    assert [h.name for g in got.goals for h in g.hypotheses] == [n for g in want["goals"] for n in expected_hyp_names(g)]
    assert got.proof_status == want.get("proofStatus")
    assert got.traces == tuple(want.get("traces", []))
    check_messages(got.messages, want.get("messages", []))
    check_sorries(got.sorries, want.get("sorries", []))
    failed = any(m["severity"] == "error" for m in want.get("messages", [])) or (
        not want["goals"] and want.get("proofStatus", "Completed") != "Completed"
    )
    assert (got.failure is not None) == failed


@pytest.mark.parametrize("folder,name", _pairs())
def test_replay_transcript(folder: Path, name: str) -> None:
    """Every recorded exchange of the transcript goes through the client and parses as recorded."""
    pairs = load_pair(folder, name)
    with ReplClient(replay_argv(name, folder), timeout=20) as client:
        for req, want in pairs:
            got = dispatch(client, req)
            check_response(req, got, want)
        pid = client.pid
        assert client.process.running, f"replay server exited early: {list(client.process.stderr_tail)}"
    assert pid is not None and client.pid is None


# --------------------------------------------------------------------------- hand-checked


def _run(name: str) -> list[Any]:
    """Replay a core transcript and return what the client produced for each request."""
    if not TRANSCRIPTS.is_dir():
        pytest.skip(f"transcripts not found at {TRANSCRIPTS}")
    with ReplClient(replay_argv(name), timeout=20) as client:
        return [dispatch(client, req) for req, _ in load_pair(TRANSCRIPTS, name)]


def test_proof_branching() -> None:
    """Four steps close the goal; `apply And.intro` gives two tagged goals with grouped names."""
    start, s1, s2, s3, s4 = _run("proof_branching")
    goal = start.sorries[0].goals[0]
    assert [h.name for h in goal.hypotheses] == ["p", "q", "r", "h1", "h2"]
    assert [h.type.pp for h in goal.hypotheses] == ["Prop", "Prop", "Prop", "p ∧ q", "q → r"]
    assert goal.target.pp == "p ∧ r"
    assert start.sorries[0].proof_state == 0 and (start.sorries[0].line, start.sorries[0].column) == (1, 75)
    assert [g.case for g in s1.goals] == ["left", "right"]
    assert [g.target.pp for g in s1.goals] == ["p", "r"]
    assert s1.proof_state == 1 and s1.failure is None
    assert [g.case for g in s2.goals] == ["right"] and s3.goals[0].target.pp == "q"
    assert s4.proof_state == 4 and s4.goals == () and s4.proof_status == "Completed" and s4.failure is None


def test_assumption_proof() -> None:
    """`assumption` completes the proof (kernel-checked `Completed`)."""
    start, done = _run("assumption_proof")
    assert [h.name for h in start.sorries[0].goals[0].hypotheses] == ["x", "h1"]
    assert start.sorries[0].goals[0].hypotheses[1].type.pp == "x = 2"
    assert done.proof_state == 1 and done.goals == () and done.failure is None


def test_invalid_tactic_is_a_failure_despite_new_state() -> None:
    """An unknown identifier becomes `sorry`: new state, no goals, error message -> failure."""
    _, step = _run("invalid_tactic")
    assert step.proof_state == 1 and step.goals == ()
    assert step.proof_status == "Incomplete: contains sorry"
    assert step.failure == "Unknown identifier `my_fake_premise`"


def test_unknown_proof_state() -> None:
    """A protocol error object is a ProtocolError carrying the REPL's text."""
    _, err = _run("unknown_proof_state")
    assert isinstance(err, ProtocolError) and str(err) == "Unknown proof state."


def test_tactic_sorry() -> None:
    """A tactic-block sorry becomes proof state 0 with goal `⊢ Nat` at 1:18."""
    (res,) = _run("tactic_sorry")
    (s,) = res.sorries
    assert (s.proof_state, s.line, s.column, s.end_line, s.end_column) == (0, 1, 18, 1, 23)
    assert s.goals[0].hypotheses == () and s.goals[0].target.pp == "Nat"
    assert [m.severity for m in res.messages] == ["warning"] and res.errors == ()


def test_have_by_sorry() -> None:
    """A `have … := by sorry` step reports its sorry as a new state besides the main state."""
    first, second, step = _run("have_by_sorry")
    assert first.errors and first.errors[0].data.startswith("unsolved goals")
    assert first.sorries[0].goals[0].target.pp == "x = 1"
    assert second.env == 1 and second.sorries[0].proof_state == 1
    assert step.proof_state == 3 and [s.proof_state for s in step.sorries] == [2]
    assert step.sorries[0].line is None
    assert [h.name for h in step.goals[0].hypotheses] == ["x", "h"]
    assert step.failure is None  # goals remain and no error: the REPL step itself is fine


def test_name_generator() -> None:
    """Grouped `h0 h : x > 0`, traces, and sub-state statuses are parsed as recorded."""
    results = _run("name_generator")
    have = results[1]
    assert [h.name for h in have.goals[0].hypotheses] == ["x", "h0", "h"]
    assert have.goals[0].hypotheses[1].type == have.goals[0].hypotheses[2].type
    assert have.goals[0].render() == "x : Int\nh0 h : x > 0\n⊢ False"
    assert results[4].traces[0].startswith("[Meta.Tactic.simp.rewrite] of_eq_true")
    assert all(r.proof_status == "Incomplete: contains metavariable(s)" for r in results[2:])
    assert all(r.failure is not None for r in results[2:])
    assert results[7].failure.startswith("unsolved goals")
