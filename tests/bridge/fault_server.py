"""Fault-injection servers for the bridge tests (each mode is one misbehaving process).

Usage: ``python fault_server.py PROTOCOL MODE [ARG]`` with PROTOCOL ``repl`` or
``pantograph``. The server answers well-formed requests with a minimal valid response
(REPL: ``{"env": 0}`` / a one-goal tactic state; Pantograph: ``{}`` / a state with one
goal) until its fault triggers:

* ``ok``             -- never misbehaves
* ``hang``           -- reads request number ARG (default 1) and never answers
* ``die``            -- SIGKILLs itself after reading request number ARG
* ``garbage``        -- answers request number ARG with non-JSON text
* ``exit-at-start``  -- prints to stderr and exits with status 3 before reading anything
* ``never-ready``    -- (pantograph) prints a banner but never ``ready.``; sleeps
* ``flood-stderr``   -- writes ARG MiB to stderr before every answer
* ``hog``            -- allocates memory until it fails (for the memory cap)
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time

PROTOCOL, MODE = sys.argv[1], sys.argv[2]
ARG = int(sys.argv[3]) if len(sys.argv) > 3 else 1


def repl_answer(request: dict) -> dict:
    """A minimal valid REPL answer."""
    if "tactic" in request:
        return {"proofStatus": "Incomplete: open goals remain", "proofState": request["proofState"] + 1,
                "goals": ["x : Nat\n⊢ x = x"]}
    return {"sorries": [{"proofState": 0, "pos": {"line": 1, "column": 0}, "goal": "x : Nat\n⊢ x = x",
                         "endPos": {"line": 1, "column": 5}}], "env": 0}


def pantograph_answer(command: str, payload: dict) -> dict:
    """A minimal valid Pantograph answer."""
    goal = {"name": "_uniq.1", "target": {"pp": "True", "sexp": "(:c True)"}, "vars": []}
    if command == "goal.start":
        return {"stateId": 0, "root": "_uniq.1"}
    if command == "goal.print":
        return {"goals": [goal], "extraMVars": [], "rootHasSorry": False, "rootHasUnsafe": False, "rootHasMVar": True}
    if command == "goal.tactic":
        return {"nextStateId": payload["stateId"] + 1, "goals": [goal], "messages": [], "hasSorry": False,
                "hasUnsafe": False}
    return {}


def requests():
    """Yield decoded requests in the protocol's framing."""
    if PROTOCOL == "repl":
        parts: list[str] = []
        for raw in sys.stdin:
            if raw.strip():
                parts.append(raw.rstrip())
                continue
            if parts:
                yield json.loads("".join(parts))
                parts = []
    else:
        for raw in sys.stdin:
            if not raw.strip():
                return
            command, _, rest = raw.strip().partition(" ")
            yield command, json.loads(rest or "{}")


def main() -> int:
    """Serve until the fault triggers."""
    if MODE == "exit-at-start":
        print("fault: cannot load imports", file=sys.stderr, flush=True)
        return 3
    if MODE == "hog":
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))
    if PROTOCOL == "pantograph":
        if MODE == "never-ready":
            print("loading...", flush=True)
            time.sleep(3600)
        print("ready.", flush=True)
    count = 0
    for req in requests():
        count += 1
        if count == ARG and MODE == "hang":
            time.sleep(3600)
        if count == ARG and MODE == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        if MODE == "flood-stderr":
            chunk = "e" * 1023 + "\n"
            for _ in range(ARG * 1024):
                sys.stderr.write(chunk)
            sys.stderr.flush()
        if count == ARG and MODE == "garbage":
            print("Segmentation fault? <<not json>>", flush=True)
            print("", flush=True)
            continue
        if PROTOCOL == "repl":
            sys.stdout.write(json.dumps(repl_answer(req), ensure_ascii=False, indent=1) + "\n\n")
        else:
            sys.stdout.write(json.dumps(pantograph_answer(*req), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
