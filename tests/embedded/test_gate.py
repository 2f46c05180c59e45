"""Issue 8, items 1 and 10 and the one gate: holes a tactic leaves must be goals or errors, tactics act
on the main goal only, and one function (`lean_bridge.embedded.gate`) decides "proved" for the file
check and both servers. Each test failed before its fix; the servers are driven in process here
(the subprocess round trip through the real bridge clients is in `test_gate_servers.py`)."""
from __future__ import annotations

import pytest

from lean_bridge.embedded.pantograph_server import PantographServer
from lean_bridge.embedded.repl_server import ReplServer

from tactic_support import accepted, rejected

HOLE_ERROR = "don't know how to synthesize placeholder"


# --------------------------------------------------------------------------- in-process server helpers


class Panto:
    """The Pantograph server in process: `run(goal, tactics)` is the last answer of a tactic sequence."""

    def __init__(self) -> None:
        self.server = PantographServer()

    def start(self, expr: str) -> int:
        return self.server.execute("goal.start", {"expr": expr})["stateId"]

    def tactic(self, sid: int, text: str, goal: int = 0, **extra: object) -> dict:
        return self.server.execute("goal.tactic", {"stateId": sid, "goalId": goal, "tactic": text, **extra})

    def run(self, expr: str, tactics: list[str]) -> dict:
        sid = self.start(expr)
        out: dict = {}
        for text in tactics:
            out = self.tactic(sid, text)
            if "nextStateId" not in out:
                return out
            sid = out["nextStateId"]
        return out


class Repl:
    """The REPL server in process: `run(goal, tactics)` is the last answer of a tactic sequence."""

    def __init__(self) -> None:
        self.server = ReplServer()

    def start(self, statement: str) -> int:
        out = self.server.handle({"cmd": f"example : {statement} := sorry"})
        return out["sorries"][0]["proofState"]

    def run(self, statement: str, tactics: list[str]) -> dict:
        ps = self.start(statement)
        out: dict = {}
        for text in tactics:
            out = self.server.handle_text(_json({"tactic": text, "proofState": ps}))
            if "proofState" not in out:
                return out
            ps = out["proofState"]
        return out


def _json(obj: dict) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False)


@pytest.fixture(scope="module")
def panto() -> Panto:
    return Panto()


@pytest.fixture(scope="module")
def repl() -> Repl:
    return Repl()


def _closed_panto(out: dict) -> bool:
    return "nextStateId" in out and out.get("goals") == []


def _closed_repl(out: dict) -> bool:
    return out.get("goals") == [] and out.get("proofStatus") == "Completed"


# --------------------------------------------------------------------------- item 1: holes


HOLE_SESSIONS = [
    ("False", ["exact ?_"]),
    ("False", ["exact ?x"]),
    ("False", ["exact (?_ : False)"]),
    ("False", ["exact False.elim ?_"]),
    ("False", ["exact (by exact ?_)"]),
    ("False", ["exact (by refine ?_)"]),
    ("1 = 2 ∧ True", ["exact ⟨?_, ?_⟩"]),
    ("1 = 2 ∧ True", ["exact ⟨?_, trivial⟩"]),
    ("False ∧ True", ["constructor", "exact ?_", "trivial"]),
    ("False ∧ True", ["constructor", "exact ?_"]),
    ("∀ n : Nat, n = 0", ["intro n", "exact ?_"]),
    ("∃ n : Nat, n + 1 = 0", ["exact ⟨0, ?_⟩"]),
    ("False", ["simpa using ?_"]),
    ("False", ["have h : False := by exact ?_", "exact h"]),
    ("False", ["first | exact ?_ | skip", "exact ?_"]),
    ("False", ["try exact ?_", "try exact ?_"]),
    ("False", ["all_goals exact ?_"]),
    ("False", ["any_goals exact ?_"]),
    ("False ∧ False", ["constructor <;> exact ?_"]),
    ("False", ["exact (fun (h : False) => h) ?_"]),
]


@pytest.mark.parametrize("goal,tactics", HOLE_SESSIONS, ids=[" / ".join(t) + f" ⊢ {g}" for g, t in HOLE_SESSIONS])
def test_holes_never_close_a_goal_pantograph(panto: Panto, goal: str, tactics: list[str]) -> None:
    out = panto.run(goal, tactics)
    assert not _closed_panto(out), out


@pytest.mark.parametrize("goal,tactics", HOLE_SESSIONS, ids=[" / ".join(t) + f" ⊢ {g}" for g, t in HOLE_SESSIONS])
def test_holes_never_close_a_goal_repl(repl: Repl, goal: str, tactics: list[str]) -> None:
    out = repl.run(goal, tactics)
    assert not _closed_repl(out), out
    assert out.get("goals") != [] or "message" in out or out.get("messages"), out


def test_exact_with_a_hole_fails_as_lean(panto: Panto, repl: Repl) -> None:
    """Lean's `exact` elaborates, then `logUnassignedAndAbort`s every new hole, `?_` included."""
    out = panto.run("False", ["exact ?_"])
    assert out["messages"][0]["data"] == f"{HOLE_ERROR}\ncontext:\n⊢ False"
    out = repl.run("False", ["exact ?_"])
    assert out == {"message": f"Lean error:\n{HOLE_ERROR}\ncontext:\n⊢ False"}
    text = rejected("theorem t : False := by\n  exact ?_\n")
    assert text.startswith(HOLE_ERROR)


def test_exact_on_one_conjunct_then_closing_the_other(panto: Panto) -> None:
    sid = panto.start("False ∧ True")
    split = panto.tactic(sid, "constructor")
    assert len(split["goals"]) == 2
    bad = panto.tactic(split["nextStateId"], "exact ?_")
    assert "nextStateId" not in bad
    other = panto.tactic(split["nextStateId"], "trivial", goal=1)
    assert [g["target"]["pp"] for g in other["goals"]] == ["False"]


def test_refine_and_apply_turn_holes_into_goals(panto: Panto) -> None:
    """`refine`/`apply` (and Pantograph's `expr`) account for `?_` as new goals, as Lean does."""
    for tactic in ("refine ?_", "apply ?_", "refine False.elim ?_", "apply False.elim ?_"):
        out = panto.run("False", [tactic])
        assert [g["target"]["pp"] for g in out["goals"]] == ["False"], (tactic, out)
    out = panto.run("1 = 2 ∧ True", ["refine ⟨?_, ?_⟩"])
    assert [g["target"]["pp"] for g in out["goals"]] == ["1 = 2", "True"]
    out = panto.run("1 = 2 ∧ True", ["refine ⟨?_, ?_⟩", "exact ?_"])
    assert "nextStateId" not in out
    out = panto.run("True ∧ True", ["refine ⟨_, ?_⟩"])
    assert "nextStateId" not in out and HOLE_ERROR in out["messages"][0]["data"]


def test_holes_in_file_mode_are_errors() -> None:
    for body in ("exact ?_", "exact ⟨?_, ?_⟩", "exact (by exact ?_)", "constructor\n  exact ?_\n  trivial"):
        rejected(f"theorem t : 1 = 2 ∧ True := by\n  {body}\n")
    accepted("theorem t : 1 = 1 ∧ True := by\n  refine ⟨?_, ?_⟩\n  exact rfl\n  trivial\n")


# --------------------------------------------------------------------------- item 10: main goal only


def test_simp_all_acts_on_the_main_goal_only() -> None:
    """Lean leaves `case right` open: `simp_all` closes the main goal and stops."""
    text = rejected("theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by\n  constructor\n  simp_all\n  done\n")
    assert text.startswith("unsolved goals\ncase right")


def test_cases_then_simp_all_twice() -> None:
    accepted("theorem my_or_imp (a b c d : Prop) (f : a → c) (g : b → d) (h : a ∨ b) : c ∨ d := by\n"
             "  cases h\n  simp_all\n  simp_all\n")


def test_main_goal_only_in_every_mode(panto: Panto, repl: Repl) -> None:
    goal = "∀ (p q : Prop), p → q → p ∧ q"
    out = panto.run(goal, ["intro p q hp hq", "constructor", "simp_all"])
    assert [g["target"]["pp"] for g in out["goals"]] == ["q"]
    out = repl.run(goal, ["intro p q hp hq", "constructor", "simp_all"])
    assert out["goals"] == ["case right\np q : Prop\nhp : p\nhq : q\n⊢ q"]


@pytest.mark.parametrize("tactic", ["simp [hp]", "simp only [hp]", "simp_all", "simp [*]", "assumption",
                                    "trivial", "exact hp", "apply hp", "refine hp", "simpa using hp", "first | exact hp",
                                    "(exact hp)", "focus exact hp", "exact hp <;> skip", "try exact hp"])
def test_one_tactic_never_closes_two_goals(tactic: str) -> None:
    """After `constructor` on `p ∧ p`, any single closing tactic leaves `case right`."""
    text = rejected(f"theorem t (p : Prop) (hp : p) : p ∧ p := by\n  constructor\n  {tactic}\n  done\n")
    assert "case right" in text, text


# --------------------------------------------------------------------------- the one gate


def _env_with(src: str):
    from lean_bridge.embedded.elab_command import CommandElaborator
    from lean_bridge.embedded.prelude import prelude_env
    from lean_bridge.syntax import parse_file

    elab = CommandElaborator(prelude_env())
    for cmd in parse_file(src).commands:
        elab.run(cmd)
    return elab.env


def test_gate_rules_in_order() -> None:
    """`gate.decide` names the first rule a candidate proof breaks."""
    from lean_bridge.embedded import gate
    from lean_bridge.embedded.expr import App, Const, FVar, MVar, mk_app
    from lean_bridge.embedded.level import LEVEL_ZERO

    env = _env_with("axiom myFalse : False\n")
    false, true = Const("False"), Const("True")
    assert gate.decide(env, (), true, Const("True.intro")).ok
    assert gate.decide(env, (), true, Const("True.intro"), open_goals=1).reason == gate.OPEN_GOALS
    assert gate.decide(env, (), true, None).reason == gate.UNASSIGNED
    assert gate.decide(env, (), false, MVar()).reason == gate.HOLES
    assert gate.decide(env, (), false, FVar("h", false)).reason == gate.FREE_VARIABLES
    hyp = FVar("h", false)
    assert gate.decide(env, (), false, hyp, hyps=[hyp]).ok  # closed over the root goal's hypotheses
    bad = gate.decide(env, (), false, Const("True.intro"))
    assert bad.reason == gate.KERNEL and "but root goal has type False" in bad.message
    ill = gate.decide(env, (), false, App(Const("True.intro"), Const("True.intro")))
    assert ill.reason == gate.KERNEL and ill.message.startswith("kernel type check failed: (kernel)")
    sorry = mk_app(Const("sorryAx", [LEVEL_ZERO]), [false, Const("Bool.false")])
    assert gate.decide(env, (), false, sorry).reason == gate.SORRY
    axiom = gate.decide(env, (), false, Const("myFalse"))
    assert axiom.reason == gate.AXIOM and "myFalse" in axiom.message and not axiom.ok
    em = mk_app(Const("Classical.em"), [true])
    fine = gate.decide(env, (), mk_app(Const("Or"), [true, App(Const("Not"), true)]), em)
    assert fine.ok and "Classical.choice" in fine.axioms


def test_user_axioms_never_prove_on_any_path() -> None:
    """A user axiom is not one of Lean's: `prover check`, the REPL and Pantograph all refuse it."""
    from lean_bridge.embedded.checker import check_source

    results = check_source("axiom myFalse : False\ntheorem t : 1 = 2 := myFalse.elim\n")
    assert not results[-1].ok and "axiom 'myFalse'" in results[-1].message
    server = ReplServer()
    env = server.handle({"cmd": "axiom myFalse : False"})["env"]
    ps = server.handle({"cmd": "example : 1 = 2 := sorry", "env": env})["sorries"][0]["proofState"]
    out = server.handle({"tactic": "exact myFalse.elim", "proofState": ps})
    assert out["goals"] == [] and out["proofStatus"].startswith("Error: depends on axiom 'myFalse'")
    panto = PantographServer()
    panto.execute("frontend.process", {"file": "axiom myFalse : False\n", "inheritEnv": True})
    sid = panto.execute("goal.start", {"expr": "1 = 2"})["stateId"]
    out = panto.execute("goal.tactic", {"stateId": sid, "tactic": "exact myFalse.elim"})
    assert "nextStateId" not in out and "myFalse" in out["messages"][0]["data"]


def test_pantograph_closing_sorry_is_an_error_and_print_flags(panto: Panto) -> None:
    out = panto.run("False", ["sorry"])
    assert "nextStateId" not in out and "contains sorry" in out["messages"][0]["data"]
    sid = panto.start("False ∧ True")
    split = panto.tactic(sid, "constructor")
    part = panto.tactic(split["nextStateId"], "sorry")
    flags = panto.server.execute("goal.print", {"stateId": part["nextStateId"]})
    assert flags["rootHasSorry"] and flags["rootHasMVar"]
    last = panto.tactic(part["nextStateId"], "trivial")
    assert "nextStateId" not in last and "contains sorry" in last["messages"][0]["data"]


def test_repl_status_comes_from_the_gate(repl: Repl) -> None:
    assert _closed_repl(repl.run("True ∧ True", ["constructor", "trivial", "trivial"]))
    out = repl.run("False", ["sorry"])
    assert out["goals"] == [] and out["proofStatus"] == "Incomplete: contains sorry"
    out = repl.run("1 = 2 ∧ True", ["constructor", "sorry", "trivial"])
    assert out["goals"] == [] and out["proofStatus"] == "Incomplete: contains sorry"


def test_pantograph_manual_mode_branch_done_is_not_a_proof(panto: Panto) -> None:
    """`autoResume: false` may answer `goals: []` with dormant goals; the gate runs at the real end."""
    sid = panto.start("True ∧ (1 = 2)")
    split = panto.tactic(sid, "constructor")
    left = panto.tactic(split["nextStateId"], "trivial", autoResume=False)
    assert left["goals"] == []
    flags = panto.server.execute("goal.print", {"stateId": left["nextStateId"]})
    assert flags["rootHasMVar"]
    back = panto.server.execute("goal.continue", {"target": left["nextStateId"], "branch": split["nextStateId"]})
    assert [g["target"]["pp"] for g in back["goals"]] == ["1 = 2"]
    assert "nextStateId" not in panto.tactic(back["nextStateId"], "sorry")


def test_have_type_holes_are_goals_or_errors(panto: Panto) -> None:
    """Found by the fuzz: `have h : ?_` left the type's hole in the proof, no goal for it."""
    out = panto.run("False", ["have h : _"])
    assert "nextStateId" not in out and HOLE_ERROR in out["messages"][0]["data"]
    out = panto.run("False", ["have h : ?_"])
    assert "nextStateId" in out and len(out["goals"]) == 3  # h's proof, h's type, the main goal
    rejected("theorem t : False := by\n  have h : _ := sorry\n  exact h\n")


def test_pantograph_automatic_mode_never_hides_goals(panto: Panto) -> None:
    """`goal.continue` with a subset of the goals, then closing them in automatic mode: the goals left
    out come back instead of `goals: []` (which must always mean a proof)."""
    sid = panto.start("True ∧ (1 = 2)")
    split = panto.tactic(sid, "constructor")
    first = split["goals"][0]["name"]
    only = panto.server.execute("goal.continue", {"target": split["nextStateId"], "goals": [first]})
    assert len(only["goals"]) == 1
    out = panto.tactic(only["nextStateId"], "trivial")
    assert [g["target"]["pp"] for g in out["goals"]] == ["1 = 2"]


def test_sorry_behind_a_declared_constant_is_still_sorry() -> None:
    """A theorem proved by `sorry` (through `frontend.process` or `env.add`) never proves anything."""
    panto = PantographServer()
    panto.execute("frontend.process", {"file": "theorem cheat : False := sorry\n", "inheritEnv": True})
    panto.execute("env.add", {"name": "cheat2", "type": "False", "value": "sorry"})
    for name in ("cheat", "cheat2"):
        sid = panto.execute("goal.start", {"expr": "1 = 2"})["stateId"]
        out = panto.execute("goal.tactic", {"stateId": sid, "tactic": f"exact {name}.elim"})
        assert "nextStateId" not in out and "sorry" in out["messages"][0]["data"], out
