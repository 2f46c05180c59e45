"""The embedded Pantograph server (`lean_bridge.embedded.pantograph_server`), driven as a real
subprocess through the project's own `PantographClient`/`PantographBackend` and with raw JSON
lines, plus in-process checks of the soundness guard and the micro-benchmark."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lean_bridge import StatementError, TacticError
from lean_bridge.pantograph_client import PantographBackend, PantographClient
from lean_bridge.sexp import format_sexp, parse_sexp

REPO_ROOT = Path(__file__).resolve().parents[2]
ARGV = [sys.executable, "-m", "lean_bridge.embedded.pantograph_server"]
AND_SWAP = "∀ (p q : Prop), p ∧ q → q ∧ p"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


class Raw:
    """The server as a bare subprocess: one request line in, one JSON line out."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(ARGV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=REPO_ROOT, env=_env(), text=True, encoding="utf-8", bufsize=1)
        assert self.proc.stdout is not None
        self.first_line = self.proc.stdout.readline().rstrip("\n")

    def send(self, line: str) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        out = self.proc.stdout.readline()
        assert out, f"server died; stderr: {self.proc.stderr.read() if self.proc.stderr else ''}"
        return json.loads(out)

    def cmd(self, command: str, payload: dict | None = None) -> dict:
        return self.send(f"{command} {json.dumps(payload or {}, ensure_ascii=False)}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if f is not None:
                f.close()


@pytest.fixture(scope="module")
def raw():
    server = Raw()
    yield server
    server.close()


@pytest.fixture(scope="module")
def client():
    c = PantographClient(ARGV, cwd=str(REPO_ROOT), env=_env(), timeout=60)
    c.start()
    yield c
    c.close()


@pytest.fixture(scope="module")
def backend():
    b = PantographBackend(ARGV, cwd=str(REPO_ROOT), timeout=60, kind="embedded")
    yield b
    b.close()


# --------------------------------------------------------------------------- framing and errors


def test_ready_and_both_request_forms(raw: Raw) -> None:
    """`ready.` comes first; `cmd {json}`, `{"cmd", "payload"}` and a bare name all work."""
    assert raw.first_line == "ready."
    assert "nGoals" in raw.send("stat")
    assert "nGoals" in raw.send('{"cmd": "stat", "payload": {}}')
    assert raw.cmd("options.print")["automaticMode"] is True


def test_error_objects(raw: Raw) -> None:
    """Bad input gives Pantograph's error objects and the server keeps answering."""
    assert raw.send("goal.nonsense {}") == {"error": "command", "desc": "Unknown command goal.nonsense"}
    assert raw.send("goal.start {oops")["error"] == "command"
    assert raw.send('{"cmd": 3}')["error"] == "command"
    err = raw.cmd("expr.echo", {"expr": 5})
    assert err == {"error": "command", "desc": "Unable to parse json: Pantograph.Protocol.ExprEcho.expr: String expected"}
    assert raw.cmd("goal.tactic", {"stateId": 9999, "tactic": "rfl"}) == {"error": "index", "desc": "Invalid state index 9999"}
    assert raw.cmd("goal.start", {"expr": "∀ (n : Nat), n + = n"})["error"] == "parsing"
    assert raw.cmd("goal.start", {"expr": "∀ (n : Nat), n = undefinedThing"})["error"] == "elab"
    assert raw.cmd("goal.start", {"copyFrom": "No.such.theorem"})["error"] == "index"
    assert raw.cmd("goal.start", {})["error"] == "arguments"
    assert raw.cmd("env.inspect", {"name": "No.such"})["error"] == "index"
    sid = raw.cmd("goal.start", {"expr": "True"})["stateId"]
    assert raw.cmd("goal.tactic", {"stateId": sid, "goalId": 3, "tactic": "trivial"})["error"] == "index"
    assert raw.cmd("goal.tactic", {"stateId": sid, "tactic": "trivial", "expr": "True.intro"})["error"] == "arguments"
    assert "nGoals" in raw.send("stat")


def test_tactic_failure_and_parse_error(raw: Raw) -> None:
    """A failing tactic gives only `messages`; a syntax error gives only `parseError`."""
    sid = raw.cmd("goal.start", {"expr": "∀ (n : Nat), n + 0 = n"})["stateId"]
    fail = raw.cmd("goal.tactic", {"stateId": sid, "tactic": "exact my_fake_premise"})
    assert "nextStateId" not in fail and fail["messages"][0]["severity"] == "error"
    assert set(fail["messages"][0]) >= {"fileName", "pos", "endPos", "keepFullRange", "caption", "data", "kind"}
    bad = raw.cmd("goal.tactic", {"stateId": sid, "tactic": "exact ("})
    assert bad["parseError"].startswith("<Pantograph>:1:") and "messages" not in bad and "nextStateId" not in bad


# --------------------------------------------------------------------------- goals


def test_and_swap_through_client(client: PantographClient) -> None:
    """intro / constructor / exact with goalId; case tags, stable goal names, fvar ids in sexps."""
    sid = client.goal_start(AND_SWAP)
    (g0,) = client.goal_print(sid)
    assert g0.hypotheses == () and g0.target.pp == AND_SWAP
    out = client.goal_tactic(sid, "intro p q h")
    assert out.failure is None
    (g1,) = out.goals
    assert [h.name for h in g1.hypotheses] == ["p", "q", "h"] and g1.target.pp == "q ∧ p"
    ids = {h.name: h.fvar_id for h in g1.hypotheses}
    assert g1.target.sexp == ((":c", "And"), (":fv", ids["q"]), (":fv", ids["p"]))
    split = client.goal_tactic(out.next_state_id, "constructor")
    assert [g.case for g in split.goals] == ["left", "right"]
    second = client.goal_tactic(split.next_state_id, "exact h.1", goal_id=1)
    assert [g.case for g in second.goals] == ["left"] and second.goals[0].mvar_id == split.goals[0].mvar_id
    done = client.goal_tactic(second.next_state_id, "exact h.2")
    assert done.failure is None and done.goals == ()


def test_backend_end_to_end(backend: PantographBackend) -> None:
    """The prover's `Backend` over the embedded server: tactics, failures, statement errors."""
    state = backend.start_goal(AND_SWAP)
    state = backend.run_tactic(state, "intro p q h")
    state = backend.run_tactic(state, "constructor")
    state = backend.run_tactic(state, "exact h.1", goal_index=1)
    assert backend.run_tactic(state, "exact h.2").is_solved
    with pytest.raises(TacticError):
        backend.run_tactic(state, "exact h.1")
    with pytest.raises(StatementError):
        backend.start_goal("∀ (n : Nat), n + = n")
    with pytest.raises(StatementError):
        backend.start_from_theorem("No.such.theorem")


def test_specialize_holes_solved_later_do_not_come_back(backend: PantographBackend) -> None:
    """`specialize h k` leaves `h`'s implicit arguments as goals (Lean's natural holes); the next
    `specialize h h₂` solves them, so `exact h` finishes the proof (they came back as goals once)."""
    state = backend.start_goal("∀ (a b k : Nat), a ≤ b → k = k ∧ a ≤ b")
    state = backend.run_tactic(state, "intro a b k h₂")
    state = backend.run_tactic(state, "have h : ∀ {m n : Nat} (k : Nat), m ≤ n → k = k ∧ m ≤ n := "
                                      "fun k h => ⟨rfl, h⟩")
    state = backend.run_tactic(state, "specialize h k")
    assert [g.target.pp for g in state.goals[1:]] == ["Nat", "Nat"]
    state = backend.run_tactic(state, "specialize h h₂")
    assert len(state.goals) == 1
    assert backend.run_tactic(state, "exact h").is_solved


def test_copy_from_prelude_theorem(backend: PantographBackend) -> None:
    """`goal.start {"copyFrom": ...}` starts from a library theorem's statement."""
    state = backend.start_from_theorem("Eq.symm")
    assert "a = b → b = a" in state.goals[0].target.pp
    state = backend.run_tactic(state, "intro α a b h")
    assert state.goals[0].target.pp == "b = a"
    assert backend.run_tactic(state, "exact Eq.symm h").is_solved
    state = backend.start_from_theorem("Iff.refl")
    state = backend.run_tactic(state, "intro a")
    state = backend.run_tactic(state, "constructor")
    assert len(state.goals) == 2
    state = backend.run_tactic(state, "intro h")
    state = backend.run_tactic(state, "exact h")
    state = backend.run_tactic(state, "intro h")
    assert backend.run_tactic(state, "assumption").is_solved


def test_branching_from_an_old_state(raw: Raw) -> None:
    """States are immutable: two different continuations of one state are independent."""
    s0 = raw.cmd("goal.start", {"expr": "∀ (p q : Prop), p → q → p ∧ q"})["stateId"]
    s1 = raw.cmd("goal.tactic", {"stateId": s0, "tactic": "intro p q hp hq"})["nextStateId"]
    a = raw.cmd("goal.tactic", {"stateId": s1, "tactic": "constructor"})
    b = raw.cmd("goal.tactic", {"stateId": s1, "tactic": "exact ⟨hp, hq⟩"})
    assert len(a["goals"]) == 2 and b["goals"] == []
    a2 = raw.cmd("goal.tactic", {"stateId": a["nextStateId"], "goalId": 1, "tactic": "case right => exact hq"})
    assert [g.get("userName") for g in a2["goals"]] == ["left"]
    again = raw.cmd("goal.print", {"stateId": a["nextStateId"], "goals": True})
    assert [g.get("userName") for g in again["goals"]] == ["left", "right"]  # the parent state did not change
    still = raw.cmd("goal.print", {"stateId": s1})
    assert len(still["goals"]) == 1 and still["goals"][0]["target"]["pp"] == "p ∧ q"


def test_goal_delete_reset_and_stat(raw: Raw) -> None:
    s = raw.cmd("goal.start", {"expr": "True"})["stateId"]
    before = raw.send("stat")["nGoals"]
    assert raw.cmd("goal.delete", {"stateIds": [s]}) == {}
    assert raw.send("stat")["nGoals"] == before - 1
    assert raw.cmd("goal.tactic", {"stateId": s, "tactic": "trivial"})["error"] == "index"
    n = raw.send("stat")["nGoals"]
    assert raw.send("reset") == {"nGoals": n}
    assert raw.cmd("goal.start", {"expr": "True"})["stateId"] == 0


def test_expr_have_draft_and_print(raw: Raw) -> None:
    """`expr` with holes, `have` with `binderName`, `draft` with sorry; `goal.print` root/parent exprs."""
    s = raw.cmd("goal.start", {"expr": "∀ (p q : Prop), p → q → p ∧ q"})["stateId"]
    s = raw.cmd("goal.tactic", {"stateId": s, "tactic": "intro p q hp hq"})["nextStateId"]
    e = raw.cmd("goal.tactic", {"stateId": s, "expr": "And.intro _ _"})
    assert [g["target"]["pp"] for g in e["goals"]] == ["p", "q"]
    h = raw.cmd("goal.tactic", {"stateId": s, "have": "q ∧ p", "binderName": "hqp"})
    assert [g["target"]["pp"] for g in h["goals"]] == ["q ∧ p", "p ∧ q"]
    assert h["goals"][1]["vars"][-1]["userName"] == "hqp"
    d = raw.cmd("goal.tactic", {"stateId": s, "draft": "⟨sorry, hq⟩"})
    assert [g["target"]["pp"] for g in d["goals"]] == ["p"]
    done = raw.cmd("goal.tactic", {"stateId": d["nextStateId"], "tactic": "exact hp"})
    assert done["goals"] == []
    p = raw.cmd("goal.print", {"stateId": done["nextStateId"], "rootExpr": True, "parentExprs": True})
    assert p["root"]["pp"] == "fun p q hp hq => ⟨hp, hq⟩" and not p["rootHasMVar"] and not p["rootHasSorry"]
    assert p["parentExprs"][0]["pp"] == "hp"
    partial = raw.cmd("goal.print", {"stateId": e["nextStateId"], "rootExpr": True})
    assert partial["rootHasMVar"] and len(partial["goals"]) == 2
    # a `sorry` that closes the last goal fails the gate: the step is an error, never `goals: []`
    sorry = raw.cmd("goal.tactic", {"stateId": s, "tactic": "sorry"})
    assert "nextStateId" not in sorry and "contains sorry" in sorry["messages"][0]["data"]
    # one that leaves goals is reported as real Pantograph does (`hasSorry`; the client refuses it)
    split = raw.cmd("goal.tactic", {"stateId": s, "tactic": "constructor"})
    part = raw.cmd("goal.tactic", {"stateId": split["nextStateId"], "tactic": "sorry"})
    assert part["hasSorry"] is True and [g["target"]["pp"] for g in part["goals"]] == ["q"]
    assert raw.cmd("goal.print", {"stateId": part["nextStateId"]})["rootHasSorry"] is True
    last = raw.cmd("goal.tactic", {"stateId": part["nextStateId"], "tactic": "exact hq"})
    assert "nextStateId" not in last and "contains sorry" in last["messages"][0]["data"]


def test_manual_mode_and_continue(raw: Raw) -> None:
    """automaticMode off: other goals go dormant and come back with `goal.continue`."""
    s = raw.cmd("goal.start", {"expr": "∀ (p q : Prop), p → q → p ∧ q"})["stateId"]
    s = raw.cmd("goal.tactic", {"stateId": s, "tactic": "intro p q hp hq"})["nextStateId"]
    split = raw.cmd("goal.tactic", {"stateId": s, "tactic": "constructor"})
    left = raw.cmd("goal.tactic", {"stateId": split["nextStateId"], "tactic": "exact hp", "autoResume": False})
    assert left["goals"] == []
    resumed = raw.cmd("goal.continue", {"target": left["nextStateId"], "branch": split["nextStateId"]})
    assert [g["userName"] for g in resumed["goals"]] == ["right"]
    by_name = raw.cmd("goal.continue", {"target": left["nextStateId"], "goals": [split["goals"][1]["name"]]})
    assert [g["name"] for g in by_name["goals"]] == [split["goals"][1]["name"]]
    assert raw.cmd("goal.continue", {"target": split["nextStateId"], "branch": s})["error"] == "structure"
    assert raw.cmd("goal.tactic", {"stateId": resumed["nextStateId"], "tactic": "exact hq"})["goals"] == []


# --------------------------------------------------------------------------- environment and options


def test_env_catalog_and_inspect(client: PantographClient, raw: Raw) -> None:
    symbols = client.env_catalog()
    for s in ("iNat", "cNat.succ", "rNat.rec", "dNat.add", "tEq.symm", "aClassical.choice", "qQuot.mk"):
        assert s in symbols
    assert not any(s[1:].startswith("_") for s in symbols)
    inspect = raw.cmd("env.inspect", {"name": "Eq.symm", "value": True, "dependency": True})
    assert inspect["isUnsafe"] is False and "value" in inspect and "Eq" in inspect["typeDependency"]
    assert "value" not in raw.cmd("env.inspect", {"name": "Eq.symm"})
    assert "value" in raw.cmd("env.inspect", {"name": "Nat.add"})
    assert raw.cmd("env.inspect", {"name": "Nat"})["inductInfo"]["ctors"] == ["Nat.zero", "Nat.succ"]
    assert raw.cmd("env.inspect", {"name": "Nat.succ"})["constructorInfo"]["cidx"] == 1


def test_env_add_then_copy_from(raw: Raw) -> None:
    assert raw.cmd("env.add", {"name": "myTwo", "type": "Nat", "value": "2", "isTheorem": False}) == {}
    assert raw.cmd("env.add", {"name": "myTwo_eq", "type": "myTwo = 2", "value": "rfl", "isTheorem": True}) == {}
    assert raw.cmd("env.add", {"name": "bad", "type": "1 = 2", "value": "rfl", "isTheorem": True})["error"] == "elab"
    s = raw.cmd("goal.start", {"copyFrom": "myTwo_eq"})
    assert raw.cmd("goal.tactic", {"stateId": s["stateId"], "tactic": "rfl"})["goals"] == []


def test_options_and_expr_echo(raw: Raw) -> None:
    assert raw.cmd("options.set", {"printExprAST": True, "printDependentMVars": True}) == {}
    opts = raw.cmd("options.print")
    assert opts["printExprAST"] is True and set(opts) >= {"printExprPretty", "noRepeat", "automaticMode", "timeout"}
    echo = raw.cmd("expr.echo", {"expr": "fun (n : Nat) => n + 1"})
    assert echo["type"]["pp"] == "Nat → Nat"
    assert parse_sexp(echo["expr"]["sexp"])[0] == ":lambda"
    assert "(:lit 1)" in echo["expr"]["sexp"] and echo["expr"]["dependentMVars"] == []
    s = raw.cmd("goal.start", {"expr": "∀ (p : Prop), p → p ∧ p"})["stateId"]
    s = raw.cmd("goal.tactic", {"stateId": s, "tactic": "intro p hp"})["nextStateId"]
    holes = raw.cmd("goal.tactic", {"stateId": s, "expr": "And.intro _ _"})
    root = raw.cmd("goal.print", {"stateId": holes["nextStateId"], "rootExpr": True})["root"]
    assert sorted(root["dependentMVars"]) == sorted(g["name"] for g in holes["goals"])
    assert raw.cmd("options.set", {"noRepeat": True}) == {}
    nr = raw.cmd("goal.tactic", {"stateId": s, "tactic": "constructor"})
    assert all("type" not in v for g in nr["goals"] for v in g["vars"])
    assert raw.cmd("options.set", {"noRepeat": False, "printDependentMVars": False, "printExprAST": False}) == {}
    assert raw.cmd("options.set", {"timeout": "soon"})["error"] == "command"


# --------------------------------------------------------------------------- S-expressions


def _all_sexps(obj) -> list[str]:
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "sexp":
                out.append(v)
            else:
                out.extend(_all_sexps(v))
    elif isinstance(obj, list):
        for v in obj:
            out.extend(_all_sexps(v))
    return out


def test_sexp_round_trip(client: PantographClient) -> None:
    """Every S-expression the server prints is read by `lean_bridge.sexp` and prints back identically;
    `(:fv …)` names are the hypotheses' ids; binder infos, sorts, literals appear in Pantograph's syntax."""
    sid = client.goal_start("∀ {α : Type} (xs : List α) (n : Nat), n + 0 = n ∧ xs = xs")
    out = client.goal_tactic(sid, "intro α xs n")
    goal = out.goals[0]
    fvars = {h.fvar_id for h in goal.hypotheses}
    texts = [goal.target.sexp_text] + [h.type.sexp_text for h in goal.hypotheses]
    for text in texts:
        assert text is not None and format_sexp(parse_sexp(text)) == text
    target = goal.target.sexp
    assert target[0] == (":c", "And")

    def walk(t):
        if isinstance(t, tuple):
            if t[:1] == (":fv",):
                assert t[1] in fvars
            for x in t:
                walk(x)
    walk(target)
    start = client.request("goal.print", {"stateId": sid, "goals": True})
    root_sexp = start["goals"][0]["target"]["sexp"]
    tree = parse_sexp(root_sexp)
    assert tree[0] == ":forall" and tree[2] == (":sort", 1) and tree[-1] == ":implicit"  # Pantograph binderInfoSexp (samples.json)
    inspect = client.request("env.inspect", {"name": "congrArg"})
    for text in _all_sexps(inspect):
        assert format_sexp(parse_sexp(text)) == text
    assert "(:sort (+ u 1))" in client.request("expr.echo", {"expr": "Type u", "levels": ["u"]})["expr"]["sexp"]


# --------------------------------------------------------------------------- frontend.process


def test_frontend_process_check_and_sorries(backend: PantographBackend, tmp_path: Path) -> None:
    text = "theorem t1 (n : Nat) : n + 0 = n := rfl\n\ntheorem t2 (p : Prop) (h : p) : p := by sorry\n"
    results = {r.name: r for r in backend.check(text)}
    assert results["t1"].ok and not results["t2"].ok
    ((name, state),) = backend.sorries(text)
    assert name == "t2" and state.goals[0].target.pp == "p"
    assert [h.name for h in state.goals[0].hypotheses] == ["p", "h"]
    assert backend.run_tactic(state, "exact h").is_solved


def test_frontend_process_units_and_invocations(raw: Raw, tmp_path: Path) -> None:
    text = ("theorem a (p q : Prop) (hp : p) (hq : q) : p ∧ q := by\n  constructor\n  · exact hp\n  · exact hq\n\n"
            "theorem b (p : Prop) : p → p := by\n  intro h\n  sorry\n\nexample : ∀ n : Nat, n = n := fun n => sorry\n")
    path = tmp_path / "inv.json"
    out = raw.cmd("frontend.process", {"file": text, "sorrys": True, "invocations": str(path), "newConstants": True})
    units = out["units"]
    assert len(units) == 3
    data = text.encode()
    assert data[units[0]["boundary"][0]:units[0]["boundary"][1]].decode().startswith("theorem a")
    assert units[0]["messages"] == [] and units[0]["newConstants"] == ["a"] and "goalStateId" not in units[0]
    assert units[0]["nInvocations"] == 3
    b = units[1]
    assert b["goals"][0]["target"]["pp"] == "p" and [v["userName"] for v in b["goals"][0]["vars"]] == ["p", "h"]
    (lo, hi), = b["goalSrcBoundaries"]
    assert data[lo:hi] == b"sorry"
    assert raw.cmd("goal.tactic", {"stateId": b["goalStateId"], "tactic": "exact h"})["goals"] == []
    assert units[2]["goals"][0]["target"]["pp"] == "n = n"
    assert raw.cmd("goal.tactic", {"stateId": units[2]["goalStateId"], "tactic": "rfl"})["goals"] == []
    trace = json.loads(path.read_text())
    first = trace["units"][0]["invocations"]
    assert [i["tactic"] for i in first] == ["constructor", "exact hp", "exact hq"]
    assert first[0]["goalBefore"].endswith("⊢ p ∧ q") and "And.intro" in first[0]["usedConstants"]
    assert first[2]["goalAfter"] == ""
    file = tmp_path / "f.lean"
    file.write_text("theorem c : True := trivial\n", encoding="utf-8")
    assert raw.cmd("frontend.process", {"fileName": str(file)})["units"][0]["messages"] == []
    assert raw.cmd("frontend.process", {"fileName": str(tmp_path / "missing.lean")})["error"] == "io"
    err = raw.cmd("frontend.process", {"file": "theorem bad : 1 = 2 := rfl\n"})["units"][0]["messages"]
    assert err and err[0]["severity"] == "error"


# --------------------------------------------------------------------------- in-process: soundness, robustness


def test_completed_state_is_a_kernel_checked_proof() -> None:
    """A state reported with no goals holds a proof the kernel accepts for the root type."""
    from lean_bridge.embedded.kernel import TypeChecker
    from lean_bridge.embedded.pantograph_server import PantographServer

    server = PantographServer()
    sid = server.execute("goal.start", {"expr": AND_SWAP})["stateId"]
    for tac in ["intro p q h", "constructor", "exact h.2", "exact h.1"]:
        sid = server.execute("goal.tactic", {"stateId": sid, "tactic": tac})["nextStateId"]
    gs = server.states[sid]
    assert gs.open_goals() == []
    (root, ty), = gs.roots
    proof = gs.mctx.instantiate(root)
    assert not proof.has_mvar and not proof.has_fvar
    tc = TypeChecker(server.env.kernel)
    assert tc.is_def_eq(tc.infer(proof), ty)


def test_kernel_rejects_a_buggy_tactic(monkeypatch) -> None:
    """If a (buggy) tactic closes the goal with an ill-typed term, the step fails; no state is made."""
    from lean_bridge.embedded import pantograph_server as ps
    from lean_bridge.embedded.expr import Const

    server = ps.PantographServer()
    sid = server.execute("goal.start", {"expr": "False"})["stateId"]

    def bogus(self, ts, goal, kind, text, binder):
        ts.assign(goal, Const("True.intro"))  # claims `True.intro : False`
        ts.replace_main([])

    monkeypatch.setattr(ps.PantographServer, "_run_variant", bogus)
    before = len(server.states)
    out = server.execute("goal.tactic", {"stateId": sid, "tactic": "exact anything"})
    assert "nextStateId" not in out and out["messages"][0]["data"].startswith("(kernel)")
    assert len(server.states) == before


def test_engine_exception_and_timeout_do_not_kill_the_server(monkeypatch) -> None:
    from lean_bridge.embedded import pantograph_server as ps

    server = ps.PantographServer()
    sid = server.execute("goal.start", {"expr": "True"})["stateId"]

    def crash(self, ts, goal, kind, text, binder):
        raise ValueError("boom")

    monkeypatch.setattr(ps.PantographServer, "_run_variant", crash)
    out = server.execute("goal.tactic", {"stateId": sid, "tactic": "trivial"})
    assert out == {"error": "internal", "desc": "ValueError: boom"}  # an engine bug is no tactic failure

    def slow(self, ts, goal, kind, text, binder):
        end = time.monotonic() + 5
        while time.monotonic() < end:
            pass

    monkeypatch.setattr(ps.PantographServer, "_run_variant", slow)
    server.execute("options.set", {"timeout": 50})
    t0 = time.monotonic()
    assert server.execute("goal.tactic", {"stateId": sid, "tactic": "trivial"}) == {"error": "internal", "desc": "interrupt"}
    assert time.monotonic() - t0 < 3
    monkeypatch.undo()
    server.execute("options.set", {"timeout": 0})
    assert server.execute("goal.tactic", {"stateId": sid, "tactic": "trivial"})["goals"] == []
    assert server.handle_line("\n") is None  # an empty line ends the session


def test_empty_line_ends_the_process() -> None:
    proc = subprocess.run(ARGV, input="stat\n\nstat\n", capture_output=True, text=True, encoding="utf-8",
                          cwd=REPO_ROOT, env=_env(), timeout=120)
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == ["ready.", '{"nGoals":0}']


def test_bench_measure() -> None:
    from lean_bridge.embedded.bench import measure

    report = measure(2)
    assert report["tactics"] > 0 and report["failures"] == 0 and report["tactics_per_second"] > 0
    assert report["median_ms"] > 0
