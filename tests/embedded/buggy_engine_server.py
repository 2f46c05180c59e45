"""The real embedded servers (`python -m lean_bridge.embedded repl|pantograph`) with two deliberate
engine bugs, so tests can check end to end that an engine failure is reported as an internal error
and never as a tactic failure or a success:

* `exfalso` assigns the goal `False.elim ?h` but forgets to make `?h` a goal (a dropped hole: the
  engine's hole accounting must catch it, `tactics.EngineError`);
* `contradiction` raises `ZeroDivisionError` (a plain Python bug).

Usage: ``python buggy_engine_server.py repl|pantograph``.
"""
from __future__ import annotations

import sys

from lean_bridge.embedded import tactics
from lean_bridge.embedded.__main__ import main
from lean_bridge.embedded.expr import Const, mk_app
from lean_bridge.embedded.prelude import prelude_env


def _dropping_exfalso(state: tactics.TacticState, tac: object) -> None:
    goal = state.main_goal(tac)
    decl = state.decl(goal)
    target = state.target(goal)
    level = state.elaborator(goal).ensure_type(target, tac)
    hole = state.new_goal(Const("False"), decl.lctx, decl.user_name)
    state.assign(goal, mk_app(Const("False.elim", [level]), [target, hole]))
    state.replace_main([])  # the bug: `hole` is not returned as a goal


def _crashing_contradiction(state: tactics.TacticState, tac: object) -> None:
    raise ZeroDivisionError("division by zero in a buggy tactic")


if __name__ == "__main__":
    prelude_env()  # the library loads with the sound engine (its proofs use contradiction); the bugs hit requests only
    tactics._TACTICS["Exfalso"] = _dropping_exfalso
    tactics._TACTICS["Contradiction"] = _crashing_contradiction
    sys.exit(main(sys.argv[1:]))
