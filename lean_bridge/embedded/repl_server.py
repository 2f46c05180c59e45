"""The embedded checker behind the Lean community REPL's JSON protocol (`python -m lean_bridge.embedded repl`).

It speaks PROTOCOLS.md Part 1 as the REPL built for Lean v4.33 does, so `lean_bridge.repl_client`
talks to it exactly as to a user's real REPL:

* **Framing.** Requests are blocks of lines ended by a line that is empty after trimming; the lines
  of a block are right-trimmed and glued *without* newlines (so a raw line break inside a JSON
  string glues words, as in Lean). A block starting with `#` or `--` is a comment. Each response
  is pretty-printed JSON (keys in Lean's order) followed by one empty line. EOF ends the server.
* **Requests**, chosen by their keys in Lean's order: `{tactic, proofState}`, `{pickleTo, env}`,
  `{unpickleEnvFrom}`, `{pickleTo, proofState}`, `{unpickleProofStateFrom[, env]}`,
  `{cmd[, env, allTactics, rootGoals, infotree]}`, `{path[, env, ...]}`. Unknown keys are ignored.
* **Snapshots.** Environment ids and proof-state ids are two counters that grow by one per
  snapshot and are never freed. An environment snapshot is the checker's environment after the
  command plus the namespace/section/`open`/`variable`/`universe` state. A proof state is a
  `TacticState` plus the goal(s) it started from; tactics run on a copy, so old ids stay valid.
* **Proof status** of a tactic-mode answer (`proofStatus`) is the verdict of `gate.decide_goal`,
  the one gate every path uses: no goals left, the root goal's assignment instantiated without
  metavariables, closed over the root goal's hypotheses with nothing free left (the function being
  defined is not a hypothesis, as in Lean), re-checked by the *kernel* (`kernel.TypeChecker`, not
  the elaborator) against the root goal's type, and free of `sorry` and of user axioms; only then is
  it `Completed`. The gate's reasons are worded as Lean's REPL words them (`Incomplete: contains
  sorry`, `Error: kernel type check failed: …`); a user axiom gives `Error: depends on axiom …`
  (Lean's REPL would say `Completed`).

Deliberate differences from real Lean (see the conformance table in this directory's README.md):

* Malformed JSON / requests of no known shape get `{"message": "Could not parse JSON: ..."}` /
  `{"message": "Could not parse as a valid JSON command: ..."}` as a *response* (Lean raises it out
  of its loop and dies); a whitespace-only block (two blank lines) is skipped, not an error.
* An internal failure of the checker (a Python exception in the engine, or a tactic that broke an
  engine invariant such as leaving a hole that is no goal) is answered with
  `{"message": "internal error in the embedded checker: ..."}` in tactic mode -- deliberately
  *without* Lean's `Lean error:` prefix, so clients never take it for a tactic Lean rejected --
  and with an error message of that text in command mode; the server keeps running.
* `infotree` is not produced (out of fragment); the key is accepted and ignored.
* Pickles are Python pickles of the embedded checker's snapshots (same file names as Lean's
  `.olean` pickles, not readable by Lean and vice versa). Unpickle only files you wrote.
* `usedConstants` are the constants of the term the step assigned, sorted by name (Lean lists them
  in hash order and includes constants of elaboration artefacts such as `Lean.Name.*`).
"""
from __future__ import annotations

import json
import pickle
import sys
import threading
import traceback
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, TextIO

from lean_bridge.syntax import ParseError, ast, parse_file, parse_tactic_block

from . import gate
from .elab_command import CommandElaborator, CommandState, Message
from .elab_env import ElabEnv
from .elab_term import Scope
from .expr import Const, Expr, FVar, MVar, advance_id_counters, constants_of, peek_id_counters, replace
from .kernel import raise_recursion_limit
from .meta import MetaContext
from .prelude import prelude_env
from .tactics import TacticError, TacticState, run_tactic, run_tactic_seq

__all__ = ["INTERNAL_ERROR", "ReplServer", "main", "read_blocks", "render_json"]

INTERNAL_ERROR = "internal error in the embedded checker"
"""How every engine failure that is not a Lean error begins (never prefixed with `Lean error:`)."""

# --------------------------------------------------------------------------- framing


def read_blocks(stream: TextIO) -> Iterator[str]:
    """Lean's `getLines` loop: right-trimmed lines glued without newlines up to a blank line."""
    parts: list[str] = []
    for line in stream:
        if line.strip() == "":
            block = "".join(parts)
            parts = []
            if block.strip():
                yield block
            continue
        parts.append(line.rstrip())
    block = "".join(parts)
    if block.strip():
        yield block


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render_json(value: Any, indent: int = 0, width: int = 80) -> str:
    """Pretty-print like Lean's `Json.pretty`: a value that fits stays on one line, otherwise one
    object field / array item per line, a field's value on the next line when it does not fit."""
    flat = _compact(value)
    if len(flat) + indent <= width or not isinstance(value, (dict, list)) or not value:
        return flat
    pad = " " * (indent + 1)
    if isinstance(value, list):
        items = [render_json(v, indent + 1, width) for v in value]
        return "[" + (",\n" + pad).join(items) + "]"
    entries = []
    for key, v in value.items():
        k = json.dumps(key, ensure_ascii=False) + ":"
        inline = _compact(v)
        if indent + 1 + len(k) + 1 + len(inline) <= width:
            entries.append(f"{k} {inline}")
        else:
            entries.append(f"{k}\n{pad}{render_json(v, indent + 1, width)}")
    return "{" + (",\n" + pad).join(entries) + "}"


# --------------------------------------------------------------------------- snapshots


@dataclass(frozen=True)
class EnvSnapshot:
    """An environment id: the checker's environment plus the scope stack after a command."""

    env: ElabEnv
    scope: Scope
    frames: tuple = ()
    example_count: int = 0


@dataclass
class ProofSnapshot:
    """A proof-state id: the tactic state and the goal(s) it started from (for `proofStatus`)."""

    state: TacticState
    roots: list[MVar]
    hidden: frozenset[int] = frozenset()
    decl_lctx: tuple = ()  # the declaration's local context (numbers Lean-style `_fvar.N` names)


class RequestError(Exception):
    """A protocol-level failure: answered as `{"message": ...}`."""


def _pos(p: tuple[int, int] | None) -> dict[str, int] | None:
    return None if p is None else {"line": p[0], "column": p[1]}


def _message_json(m: Message) -> dict[str, Any]:
    return {"severity": m.severity, "pos": _pos(m.pos), "endPos": _pos(m.end_pos), "data": m.text.strip()}


def _tactic_message_json(text: str) -> dict[str, Any]:
    return {"severity": "error", "pos": {"line": 0, "column": 0}, "endPos": {"line": 0, "column": 0},
            "data": text.strip()}


def _fresh_state(env: ElabEnv, scope: Scope, level_names: list[str], mctx: MetaContext, goal: MVar,
                 hidden: frozenset[int]) -> TacticState:
    return TacticState(env, scope, mctx, [goal], list(level_names), hidden=hidden, recover=True)


# --------------------------------------------------------------------------- the server


class ReplServer:
    """The REPL's state (environment and proof-state snapshots) and one handler per request kind."""

    def __init__(self) -> None:
        self.envs: list[EnvSnapshot] = []
        self.proof_states: list[ProofSnapshot] = []

    # -- dispatch ----------------------------------------------------------------

    def handle_text(self, block: str) -> dict[str, Any] | None:
        """One request block -> one response (None for a comment block)."""
        if block.startswith("#") or block.startswith("--"):
            return None
        try:
            req = json.loads(block)
        except ValueError as err:
            return {"message": f"Could not parse JSON:\n{err}"}
        try:
            return self.handle(req)
        except RequestError as err:
            return {"message": str(err)}
        except RecursionError:
            return {"message": "Lean error:\nmaximum recursion depth has been reached"}
        except Exception as err:  # an internal bug must not kill the server, nor pass for a Lean error
            return {"message": f"{INTERNAL_ERROR}: {type(err).__name__}: {err}"}

    def handle(self, req: Any) -> dict[str, Any]:
        """Dispatch on the keys present, in the order Lean's REPL tries its request types."""
        if not isinstance(req, dict):
            raise RequestError(f"Could not parse as a valid JSON command:\n{_compact(req)}")
        has = lambda key, *types: key in req and isinstance(req[key], types) and not isinstance(req[key], bool) \
            if int in types else key in req and isinstance(req[key], types)  # noqa: E731
        if has("tactic", str) and has("proofState", int):
            return self.tactic(req["tactic"], req["proofState"])
        if has("pickleTo", str) and has("env", int):
            return self.pickle_env(req["pickleTo"], req["env"])
        if has("unpickleEnvFrom", str):
            return self.unpickle_env(req["unpickleEnvFrom"])
        if has("pickleTo", str) and has("proofState", int):
            return self.pickle_proof_state(req["pickleTo"], req["proofState"])
        if has("unpickleProofStateFrom", str):
            return self.unpickle_proof_state(req["unpickleProofStateFrom"])
        options_ok = all(k not in req or req[k] is None or isinstance(req[k], bool) for k in ("allTactics", "rootGoals")) \
            and ("env" not in req or req["env"] is None or has("env", int))
        if has("cmd", str) and options_ok:
            return self.command(req["cmd"], req)
        if has("path", str) and options_ok:
            try:
                with open(req["path"], encoding="utf-8") as f:
                    text = f.read()
            except OSError as err:
                raise RequestError(f"{err.strerror or err}: {req['path']}") from None
            return self.command(text, req)
        raise RequestError(f"Could not parse as a valid JSON command:\n{_compact(req)}")

    # -- environments -------------------------------------------------------------

    def _env(self, env_id: Any) -> EnvSnapshot:
        if env_id is None:
            return EnvSnapshot(prelude_env(), Scope())
        if not isinstance(env_id, int) or not 0 <= env_id < len(self.envs):
            raise RequestError("Unknown environment.")
        return self.envs[env_id]

    def _record_env(self, snap: EnvSnapshot) -> int:
        self.envs.append(snap)
        return len(self.envs) - 1

    def _record_proof(self, snap: ProofSnapshot) -> int:
        self.proof_states.append(snap)
        return len(self.proof_states) - 1

    def _proof(self, ps: Any, message: str = "Unknown proof state.") -> ProofSnapshot:
        if not isinstance(ps, int) or not 0 <= ps < len(self.proof_states):
            raise RequestError(message)
        return self.proof_states[ps]

    # -- command mode ----------------------------------------------------------------

    def command(self, text: str, req: dict[str, Any]) -> dict[str, Any]:
        base = self._env(req.get("env"))
        raise_recursion_limit()
        elab = CommandElaborator(base.env)
        elab.state = CommandState(base.env, base.scope, list(base.frames))
        elab.example_count = base.example_count
        try:
            commands = parse_file(text).commands
        except ParseError as err:  # parse_file recovers; this is only hostile input
            commands = ()
            elab.messages.append(Message("error", err.pos, err.pos, err.message))
        for cmd in commands:
            try:
                elab.run(cmd)
            except Exception as err:  # never let a checker bug kill the session
                elab.messages.append(Message("error", cmd.pos, cmd.end_pos,
                                             f"{INTERNAL_ERROR}: {type(err).__name__}: {err}"))
        sorries = self._command_sorries(elab)
        roots = self._command_root_goals(elab) if req.get("rootGoals") else []
        tactics = self._command_tactics(elab) if req.get("allTactics") else []
        env_id = self._record_env(EnvSnapshot(elab.state.env, elab.state.scope, tuple(elab.state.frames),
                                              elab.example_count))
        out: dict[str, Any] = {}
        if tactics:
            out["tactics"] = tactics
        if sorries or roots:
            out["sorries"] = sorries + roots
        if elab.messages:
            out["messages"] = [_message_json(m) for m in elab.messages]
        out["env"] = env_id
        return out

    @staticmethod
    def _hidden(art: Any) -> frozenset[int]:
        rec = getattr(getattr(art, "elab", None), "recursive", None)
        return frozenset({rec.fvar.uid}) if rec is not None else frozenset()

    def _command_sorries(self, elab: CommandElaborator) -> list[dict[str, Any]]:
        out = []
        for art in elab.artifacts:
            hidden = self._hidden(art)
            entries = sorted(art.sorries, key=lambda s: (tuple(s[0].pos), tuple(s[0].end_pos)))
            for stx, lctx, goal_type in entries:
                mctx = art.mctx.copy()
                goal = mctx.new_mvar(mctx.instantiate(goal_type), tuple(lctx), None, "syntheticOpaque")
                state = _fresh_state(art.env, art.scope, art.level_names, mctx, goal, hidden)
                ps = self._record_proof(ProofSnapshot(state, [goal], hidden, tuple(lctx)))
                out.append({"proofState": ps, "pos": _pos(stx.pos), "goal": "\n\n".join(state.format_goals()),
                            "endPos": _pos(stx.end_pos)})
        return out

    def _snapshot_of(self, state: TacticState, art: Any) -> ProofSnapshot:
        st = state.copy()
        st.record_steps, st.sorries, st.steps, st.messages, st.recover = False, [], [], [], True
        st.prune()
        lctx = st.decl(st.goals[0]).lctx if st.goals else ()
        return ProofSnapshot(st, list(st.goals), state.hidden or self._hidden(art), tuple(lctx))

    def _command_root_goals(self, elab: CommandElaborator) -> list[dict[str, Any]]:
        out = []
        for art in elab.artifacts:
            for stx, state in art.root_goals:
                snap = self._snapshot_of(state, art)
                ps = self._record_proof(snap)
                out.append({"proofState": ps, "pos": _pos(stx.pos), "goal": "\n\n".join(snap.state.format_goals()),
                            "endPos": _pos(stx.pos)})
        return out

    def _command_tactics(self, elab: CommandElaborator) -> list[dict[str, Any]]:
        out = []
        for art in elab.artifacts:
            for tac, before in art.tactic_steps:
                snap = self._snapshot_of(before, art)
                goals = snap.state.format_goals()
                used = _used_constants(tac, before)
                ps = self._record_proof(snap)
                out.append({"usedConstants": used, "tactic": tac.source, "proofState": ps, "pos": _pos(tac.pos),
                            "goals": "\n\n".join(goals) if goals else "no goals", "endPos": _pos(tac.end_pos)})
        return out

    # -- tactic mode -------------------------------------------------------------------

    def tactic(self, text: str, ps: int) -> dict[str, Any]:
        snap = self._proof(ps)
        try:
            seq = parse_tactic_block(text)
        except ParseError as err:
            raise RequestError(f"Lean error:\n{_lean_parse_error(err)}") from None
        state = snap.state.copy()
        state.record_steps, state.sorries, state.steps, state.messages, state.recover = False, [], [], [], True
        raise_recursion_limit()
        try:
            run_tactic_seq(state, seq)
        except TacticError as err:
            raise RequestError(f"Lean error:\n{err.message}") from None
        return self._tactic_response(ProofSnapshot(state, snap.roots, snap.hidden, snap.decl_lctx))

    def _tactic_response(self, new: ProofSnapshot) -> dict[str, Any]:
        state = new.state
        sorries = []
        for _stx, lctx, goal_type in state.sorries:
            mctx = state.mctx.copy()
            goal = mctx.new_mvar(mctx.instantiate(goal_type), tuple(lctx), None, "syntheticOpaque")
            sub = TacticState(state.env, state.scope, mctx, [goal], list(state.level_names), state.max_steps,
                              hidden=state.hidden, recover=True)
            sid = self._record_proof(ProofSnapshot(sub, [goal], new.hidden, tuple(lctx)))
            sorries.append({"proofState": sid, "goal": "\n\n".join(sub.format_goals())})
        messages = [_tactic_message_json(m) for m in state.messages]
        state.sorries, state.messages = [], []
        status = proof_status(new)
        goals = state.format_goals()
        ps = self._record_proof(new)
        out: dict[str, Any] = {}
        if sorries:
            out["sorries"] = sorries
        out["proofStatus"] = status
        out["proofState"] = ps
        if messages:
            out["messages"] = messages
        out["goals"] = goals
        return out

    # -- pickling ----------------------------------------------------------------------

    def pickle_env(self, path: str, env_id: int) -> dict[str, Any]:
        snap = self._env(env_id)
        _write_pickle(path, ("env", snap))
        return {"env": env_id}

    def unpickle_env(self, path: str) -> dict[str, Any]:
        kind, snap = _read_pickle(path)
        if kind != "env" or not isinstance(snap, EnvSnapshot):
            raise RequestError(f"{path}: not an environment pickle of the embedded checker")
        return {"env": self._record_env(snap)}

    def pickle_proof_state(self, path: str, ps: int) -> dict[str, Any]:
        snap = self._proof(ps, "Unknown proof State.")
        _write_pickle(path, ("proofState", snap))
        return self._tactic_response(_copy_snapshot(snap))

    def unpickle_proof_state(self, path: str) -> dict[str, Any]:
        kind, snap = _read_pickle(path)
        if kind != "proofState" or not isinstance(snap, ProofSnapshot):
            raise RequestError(f"{path}: not a proof-state pickle of the embedded checker")
        return self._tactic_response(_copy_snapshot(snap))


def _copy_snapshot(snap: ProofSnapshot) -> ProofSnapshot:
    st = snap.state.copy()
    st.sorries, st.messages = [], []
    return ProofSnapshot(st, list(snap.roots), snap.hidden, snap.decl_lctx)


def _write_pickle(path: str, payload: tuple) -> None:
    raise_recursion_limit()
    try:
        with open(path, "wb") as f:
            pickle.dump(("lean_bridge.embedded", 1, peek_id_counters(), payload), f, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as err:
        raise RequestError(f"{err.strerror or err}: {path}") from None


def _read_pickle(path: str) -> tuple:
    raise_recursion_limit()
    try:
        with open(path, "rb") as f:
            tag, version, counters, payload = pickle.load(f)
    except OSError as err:
        raise RequestError(f"{err.strerror or err}: {path}") from None
    except Exception as err:
        raise RequestError(f"{path}: not a pickle of the embedded checker ({type(err).__name__})") from None
    if tag != "lean_bridge.embedded" or version != 1:
        raise RequestError(f"{path}: not a pickle of the embedded checker")
    advance_id_counters(*counters)
    return payload


def _lean_parse_error(err: ParseError) -> str:
    """`<input>:line:col: msg` as Lean's `runParserCategory` prints it (an unknown leading tactic name is
    reported one column in, after the identifier's first character, as in the recorded sessions)."""
    column = err.column + 1 if err.message == "unknown tactic" else err.column
    return f"<input>:{err.line}:{column}: {err.message}"


# --------------------------------------------------------------------------- proof status


def proof_status(snap: ProofSnapshot) -> str:
    """The REPL's `proofStatus`: the gate's verdict (`gate.decide_goal`) in the REPL's words."""
    from .pretty import format_expr

    state = snap.state
    state.prune()
    if state.goals:
        return "Incomplete: open goals remain"
    if len(snap.roots) != 1:
        return "Not verified: more than one initial goal"
    verdict = gate.decide_goal(state.env, state.level_names, state.mctx, snap.roots[0], hidden=snap.hidden,
                               max_steps=state.max_steps)
    if verdict.ok:
        return "Completed"
    if verdict.reason == gate.FREE_VARIABLES:  # Lean prints the term with its free variables as `_fvar.N`
        decl = state.mctx.decls[snap.roots[0].uid]
        order = {fv.uid: i for i, fv in enumerate(snap.decl_lctx or decl.lctx)}
        names = {fv.uid: f"_fvar.{order.get(fv.uid, len(order)) + 2}" for fv in verdict.free}

        def anon(x: Expr, _d: int) -> Expr | None:
            return Const(names[x.uid], []) if isinstance(x, FVar) and x.uid in names else None

        assert verdict.proof is not None
        shown = format_expr(replace(verdict.proof, anon), state.env).replace("\n", "\n  ")
        return f"Error: {verdict.message} '[anonymous]', expression: \n  {shown}"
    return ("Incomplete: " if verdict.incomplete else "Error: ") + verdict.message


def _used_constants(tac: ast.Tactic, before: TacticState) -> list[str]:
    """Constants of the terms one tactic step assigned (re-run on a copy of the state before it)."""
    trial = before.copy()
    trial.record_steps, trial.recover = False, False
    trial.prune()
    goals = list(trial.goals)
    try:
        run_tactic(trial, tac)
    except Exception:
        return []
    used: set[str] = set()
    for g in goals:
        if g.uid in trial.mctx.assignment:
            used |= constants_of(trial.mctx.instantiate(g))
    return sorted(used)


# --------------------------------------------------------------------------- main


def serve(stdin: TextIO, stdout: TextIO) -> None:
    """Answer every request block of `stdin` on `stdout` until EOF."""
    server = ReplServer()
    for block in read_blocks(stdin):
        response = server.handle_text(block)
        if response is None:
            continue
        stdout.write(render_json(response) + "\n\n")
        stdout.flush()


def main(argv: Iterable[str] | None = None) -> int:
    """`python -m lean_bridge.embedded repl`: serve the REPL protocol on stdin/stdout."""
    try:  # undecodable bytes become U+FFFD, as Pantograph does: the server never dies on input bytes
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass
    raise_recursion_limit()
    result: list[int] = [1]

    def run() -> None:
        try:
            serve(sys.stdin, sys.stdout)
            result[0] = 0
        except BrokenPipeError:
            result[0] = 0
        except Exception:  # pragma: no cover - last resort: report, do not hang the client
            traceback.print_exc(file=sys.stderr)

    # deep terms recurse deeply: run on a thread whose C stack fits the raised recursion limit
    threading.stack_size(512 * 1024 * 1024)
    worker = threading.Thread(target=run, name="repl-server", daemon=True)
    worker.start()
    try:
        worker.join()
    except KeyboardInterrupt:
        return 130
    return result[0]


if __name__ == "__main__":
    raise SystemExit(main())
