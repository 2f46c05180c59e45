"""Talk to a Lean 4 proof checker (real Lean or the embedded checker) through a subprocess.

Public API (see ``backend.py`` for the interface, ``types.py`` for the data and errors)::

    from lean_bridge import open_backend, TacticError
    with open_backend("embedded") as lean:            # or "pantograph" / "repl"
        state = lean.start_goal("∀ (p q : Prop), p ∧ q → q ∧ p")
        state = lean.run_tactic(state, "intro p q h")
        try:
            state = lean.run_tactic(state, "exact h", goal_index=0)
        except TacticError as e:                          # the step failed; search goes on
            print(e.message)

``TacticError``/``StatementError`` (``LeanError``) mean Lean rejected the input; every
``BackendError`` (``BackendTimeout``, ``BackendCrashed``, ``BackendStartupError``,
``ProtocolError``, ``StaleStateError``) means the server broke or the conversation failed —
the server has been killed and the next call restarts it. ``CheckerInternalError`` (a
``ProtocolError``; the server lives on) is a checker bug on one request: neither a proof step
nor a failed tactic. ``BackendPool`` runs several
backends side by side; ``lean_bridge.doctor.diagnose()`` says which kinds are usable.
"""

from lean_bridge.backend import Backend, open_backend
from lean_bridge.pool import BackendPool
from lean_bridge.types import (
    BackendCrashed,
    BackendError,
    BackendStartupError,
    BackendTimeout,
    CheckerInternalError,
    ConstantInfo,
    DeclarationResult,
    Expression,
    Goal,
    Hypothesis,
    LeanError,
    Message,
    ProofState,
    ProtocolError,
    StaleStateError,
    StatementError,
    TacticError,
)

__all__ = [
    "Backend",
    "BackendCrashed",
    "BackendError",
    "BackendPool",
    "BackendStartupError",
    "BackendTimeout",
    "CheckerInternalError",
    "ConstantInfo",
    "DeclarationResult",
    "Expression",
    "Goal",
    "Hypothesis",
    "LeanError",
    "Message",
    "ProofState",
    "ProtocolError",
    "StaleStateError",
    "StatementError",
    "TacticError",
    "open_backend",
]
