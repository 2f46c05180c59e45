"""A tiny real atomized dataset: a few proofs replayed step by step on the embedded Pantograph server.

Each step's action is rendered by ``prover.actions.render`` and checked by the server, and the
state before it is recorded with ``prover.data.goal_to_json``: the same records ``prover data
atomize`` writes (INTERFACES.md section 3). Premise statements are the goals the server opens for
them (``start_goal``), so their S-expressions are the server's own.
"""
from __future__ import annotations

import json
from pathlib import Path

from lean_bridge import TacticError, open_backend
from prover.actions import Action, action_to_json, closed_subterms, render
from prover.data import goal_to_json

LIBRARY = [  # (name, statement) of library constants used as premises (index -1)
    ("Eq.symm", "∀ {α : Sort u} {a b : α}, a = b → b = a"),
    ("Iff.refl", "∀ (a : Prop), a ↔ a"),
    ("Classical.em", "∀ (p : Prop), p ∨ ¬p"),
    ("trivial", "True"),
]

# (name, split, statement, steps); a step is (kind, argument): hypothesis name, premise name,
# "?" (try each closed subterm until the step and the next ones succeed) or None.
THEOREMS = [
    ("and_swap", "train", "∀ (p q : Prop), p ∧ q → q ∧ p",
     [("intro", None), ("intro", None), ("intro", None), ("cases_hyp", "h"), ("constructor", None),
      ("exact_hyp", "right"), ("exact_hyp", "left")]),
    ("imp_trans", "train", "∀ (p q r : Prop), (p → q) → (q → r) → p → r",
     [("intro", None)] * 6 + [("apply_hyp", "h_1"), ("apply_hyp", "h"), ("exact_hyp", "h_2")]),
    ("eq_comm'", "train", "∀ (a b : Nat), a = b → b = a",
     [("intro", None), ("intro", None), ("intro", None), ("apply_premise", "Eq.symm"), ("exact_hyp", "h")]),
    ("iff_rfl'", "train", "∀ (p : Prop), p ↔ p", [("intro", None), ("apply_premise", "Iff.refl")]),
    ("em'", "train", "∀ (p : Prop), p ∨ ¬p", [("intro", None), ("apply_premise", "Classical.em")]),
    ("add_zero'", "train", "∀ (n : Nat), n + 0 = n", [("intro", None), ("rfl", None)]),
    ("ex_zero", "train", "∃ n : Nat, n = 0", [("exists_subterm", "?")]),
    ("and_swap2", "valid", "∀ (a b : Prop), a ∧ b → b ∧ a",
     [("intro", None), ("intro", None), ("intro", None), ("cases_hyp", "h"), ("constructor", None),
      ("exact_hyp", "right"), ("exact_hyp", "left")]),
    ("eq_comm2", "valid", "∀ (x y : Nat), x = y → y = x",
     [("intro", None), ("intro", None), ("intro", None), ("apply_premise", "Eq.symm"), ("exact_hyp", "h")]),
    ("em2", "valid", "∀ (q : Prop), q ∨ ¬q", [("intro", None), ("apply_premise", "Classical.em")]),
]


def _action(kind: str, arg, goal) -> Action:
    """The Action of a script step on goal (hypothesis names resolved to the last one so named)."""
    from prover.actions import ARG_OF

    kind_arg = ARG_OF[kind]
    if kind_arg == "hyp":
        names = [h.name.rstrip("✝") for h in goal.hypotheses]
        return Action(kind, hyp=len(names) - 1 - names[::-1].index(arg))
    if kind_arg == "premise":
        return Action(kind, premise=arg)
    return Action(kind)


def build(directory: Path) -> tuple[Path, Path]:
    """Write atomized.jsonl and premises.jsonl into directory; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    records, premises = [], []
    with open_backend("embedded") as lean:
        for name, statement in LIBRARY:
            target = lean.start_goal(statement).goals[0].target
            premises.append({"name": name, "type_pp": target.pp, "type_sexp": target.sexp_text, "file": "", "index": -1})
        for index, (name, split, statement, steps) in enumerate(THEOREMS):
            state = lean.start_goal(statement)
            target = state.goals[0].target
            premises.append({"name": name, "type_pp": target.pp, "type_sexp": target.sexp_text, "file": "t.lean",
                             "index": index})
            for step, (kind, arg) in enumerate(steps):
                goal = state.goals[0]
                if arg == "?":
                    for sub in closed_subterms(goal):
                        action = Action(kind, subterm=sub)
                        try:
                            after = lean.run_tactic(state, render(action, goal))
                            if after.is_solved or lean.run_tactic(after, "rfl").is_solved:
                                break
                        except TacticError:
                            continue
                else:
                    action = _action(kind, arg, goal)
                    after = lean.run_tactic(state, render(action, goal))
                records.append({"theorem": name, "file": "t.lean", "split": split, "area": "logic", "step": step,
                                "goals": [goal_to_json(g) for g in state.goals], "focus": 0,
                                "action": action_to_json(action),
                                "tactic": render(action, goal)})
                state = after
            if not state.is_solved:  # a subterm witness may leave `n = n` open
                state = lean.run_tactic(state, "rfl")
            assert state.is_solved, (name, state.render())
    data, prem = directory / "atomized.jsonl", directory / "premises.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    prem.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in premises), encoding="utf-8")
    return data, prem


if __name__ == "__main__":
    import sys

    print(build(Path(sys.argv[1])))
