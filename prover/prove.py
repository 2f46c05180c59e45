"""A proving run: find the ``sorry`` theorems of a file, search each one, re-check, write results.

Environment rule (LeanDojo's, DESIGN.md): a theorem sees the library files (loaded first, as
imports) and the declarations before it in its file that have a checked proof; never itself,
never later declarations, never an earlier ``sorry`` theorem, a declaration that fails to
check, or a user ``axiom`` (those are dropped from its environment). Premises offered to the
policy are the theorem names of that environment.

One ``Backend.sorries`` call on the "proving text" (the library plus the file with failing
declarations dropped) gives every target's root state at once; the checker captures each
state in the environment of its own declaration, so later declarations stay hidden. A found
proof counts only after ``recheck``: the environment text plus the theorem with the proof in
place must check whole (every declaration ok, no ``sorry``), and with a real Lean a
``#print axioms`` must list only Lean's own axioms.

Parallelism: ``workers`` threads in this process, each leasing its own checker subprocess from
a ``BackendPool``. The checker processes do the heavy work (elaboration, kernel checks); the
search loop and the model (one shared copy, batched, torch releasing the GIL) stay here. On 2
cores, 2 checker processes keep both cores busy while the parent adds only its per-step
client and model time; a process per worker would duplicate the model and the premise cache
for no gain in the checker-bound loop.
"""
from __future__ import annotations

import bisect
import contextlib
import json
import os
import re
import threading
import time
import weakref
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Sequence

from lean_bridge import Backend, BackendError, BackendPool, LeanError, Message, ProofState, StatementError
from lean_bridge.backend import SORRY_WARNING
from lean_bridge.source import _strip_comments, split_commands
from prover.search import SearchConfig, search

CHECK_TIMEOUT = 1800.0  # seconds for checking a whole library in one request (a large corpus under load)
LONE_SORRY = re.compile(r":=\s*(?:by\s+)?sorry\s*$")
THEOREM_KEYWORDS = ("theorem", "lemma", "example")
LEAN_AXIOMS = frozenset({"propext", "Quot.sound", "Classical.choice"})
_AXIOMS_MSG = re.compile(r"depends on axioms: \[(?P<names>[^\]]*)\]")


@dataclass(frozen=True)
class Target:
    """A theorem whose whole proof is ``sorry``: what it may see and how to put a proof in place."""

    name: str
    head: str                 # declaration text up to (not including) ``:= sorry``
    env_upto: int             # how many of the task's environment pieces come before it
    premises: tuple[str, ...] # theorem names of those pieces, in order
    line: int                 # 1-based first line in its file
    end_line: int             # 1-based last line in its file
    area: str = ""            # optional tag (eval: logic/Nat/List)

    def with_proof(self, script: str) -> str:
        """The declaration with ``script`` (a tactic block body) in place of ``sorry``."""
        return f"{self.head} := by\n{script}" if script else f"{self.head} := by\n  skip"

    @property
    def sorry_text(self) -> str:
        """The declaration with ``by sorry`` as its proof: the search's root goal is then the goal the
        found ``by`` block will prove (a term ``sorry`` would get Lean's implicit lambda, ``∀ {x}``
        introduced, which a tactic block does not)."""
        return f"{self.head} := by sorry"


@dataclass
class Task:
    """Everything a run needs: the checked environment pieces (commands) in order, and the targets."""

    pieces: list[str]
    targets: list[Target]
    _scopes: Optional[list[tuple[str, str]]] = field(default=None, repr=False, compare=False)

    def scope_texts(self, index: int) -> tuple[str, str]:
        """(reopen, close): commands re-entering the namespaces/sections (with their ``open``s,
        ``variable``s, ``universe``s) active after ``pieces[:index]``, and the ``end``s leaving them.

        A server keeps the environment between requests, not the scopes (real Pantograph's
        ``inheritEnv`` neither), so every request re-enters and leaves them itself.
        """
        if self._scopes is None:
            self._scopes = scope_table(self.pieces)
        return self._scopes[index]

    def env_text(self, target: Target) -> str:
        """The text of everything ``target`` may see."""
        return "\n".join(self.pieces[:target.env_upto])

    @property
    def proving_text(self) -> str:
        """Environment pieces with every target (``sorry`` proof) at its place: one ``sorries`` call gives all roots."""
        parts: list[str] = []
        upto = 0
        for t in self.targets:
            parts += self.pieces[upto:t.env_upto] + [t.sorry_text]
            upto = t.env_upto
        return "\n".join(parts + self.pieces[upto:]) + "\n"


@dataclass
class RunStats:
    """Totals of one run (this invocation only, plus resumed counts)."""

    attempted: int = 0
    proved: int = 0
    total: int = 0
    proved_total: int = 0
    wall: float = 0.0
    tactics: int = 0
    interrupted: bool = False
    records: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        """``proved K/N (P%) in T s, X tactics/min``."""
        pct = 100.0 * self.proved_total / self.total if self.total else 0.0
        rate = 60.0 * self.tactics / self.wall if self.wall > 0 else 0.0
        tail = " (interrupted; finished theorems kept)" if self.interrupted else ""
        return (f"proved {self.proved_total}/{self.total} ({pct:.1f}%) in {self.wall:.1f} s, "
                f"{rate:,.0f} tactics/min{tail}")


# --------------------------------------------------------------------------- building a task


@dataclass(frozen=True)
class Chunk:
    """One top-level command of the combined text: its text, keyword, name and where it came from."""

    text: str
    keyword: str
    name: Optional[str]
    in_file: bool
    file_line: int     # in its own file (0 for library chunks)
    file_end_line: int


def split_chunks(text: str, in_file: bool) -> list[Chunk]:
    """Split ``text`` into commands (exact source lines), with their own-file lines for file commands."""
    lines = text.split("\n")
    out = []
    for cmd in split_commands(text):
        body = "\n".join(lines[cmd.line - 1:cmd.end_line])
        out.append(Chunk(body, cmd.keyword, cmd.name, in_file,
                          cmd.line if in_file else 0, cmd.end_line if in_file else 0))
    return out


def build_task(backend: Backend, file_text: str, library_texts: Sequence[str] = (),
               areas: Optional[dict[str, str]] = None) -> Task:
    """Check library + file once (as one text) and derive the environment pieces and the targets."""
    chunks: list[Chunk] = []
    for text in library_texts:
        chunks += split_chunks(text, False)
    chunks += split_chunks(file_text, True)
    ok, only_sorry = chunk_status(backend, chunks)
    return task_from_chunks(chunks, ok, only_sorry, areas or {})


def chunk_status(backend: Backend, chunks: Sequence[Chunk]) -> tuple[list[bool], list[bool]]:
    """Check the chunks as one file: per chunk, (accepted, failed only by ``sorry``)."""
    combined = "\n".join(c.text for c in chunks) + "\n"
    starts, line = [], 1
    for c in chunks:
        starts.append(line)
        line += c.text.count("\n") + 1
    ok = [True] * len(chunks)
    only_sorry = [True] * len(chunks)
    with long_requests(backend, CHECK_TIMEOUT):
        results = backend.check(combined)
    for res in results:
        i = bisect.bisect_right(starts, res.line) - 1
        if 0 <= i < len(chunks) and not res.ok:
            ok[i] = False
            only_sorry[i] = only_sorry[i] and SORRY_WARNING in (res.message or "")
    return ok, only_sorry


@contextlib.contextmanager
def long_requests(backend: Backend, seconds: float) -> Iterator[None]:
    """Raise the backend's per-request deadline for one long job (checking a whole library)."""
    client = getattr(backend, "client", None)
    old = getattr(client, "timeout", None)
    if old is None:
        yield
        return
    client.timeout = max(old, seconds)
    try:
        yield
    finally:
        client.timeout = old


def _is_target(chunk: Chunk) -> Optional[re.Match[str]]:
    """The lone ``:= sorry`` / ``:= by sorry`` match of a file theorem, else None."""
    if not chunk.in_file or chunk.keyword not in THEOREM_KEYWORDS:
        return None
    return LONE_SORRY.search(_strip_comments(chunk.text))


def task_from_chunks(chunks: Sequence[Chunk], ok: Sequence[bool], only_sorry: Sequence[bool],
                     areas: dict[str, str]) -> Task:
    """Drop failing commands and axioms, keep targets (statement elaborates, proof is a lone sorry)."""
    env: list[str] = []
    premises: list[str] = []
    targets: list[Target] = []
    for chunk, good, sorry_only in zip(chunks, ok, only_sorry):
        match = _is_target(chunk)
        if match is not None and sorry_only:
            name = chunk.name or f"example@{chunk.file_line}"
            targets.append(Target(name=name, head=chunk.text[:match.start()].rstrip(), env_upto=len(env),
                                  premises=tuple(premises), line=chunk.file_line, end_line=chunk.file_end_line,
                                  area=areas.get(name, "")))
            continue
        if not good or chunk.keyword in ("axiom", "opaque"):
            continue
        env.append(chunk.text)
        if chunk.keyword in ("theorem", "lemma") and chunk.name:
            premises.append(chunk.name)
    return Task(pieces=env, targets=targets)


# --------------------------------------------------------------------------- re-check


def recheck(backend: Backend, task: Task, target: Target, script: str, env: Optional["IncrementalEnv"] = None) -> Optional[str]:
    """None if the theorem with ``script`` in place checks whole in its environment, else why not.

    With an ``IncrementalEnv`` the server already holds exactly the declarations before the
    theorem, so only the theorem is elaborated (against that environment, unchanged);
    otherwise the environment text and the theorem are checked together as one file.
    """
    if re.search(r"\b(sorry|admit)\b", script):
        return "proof contains sorry"
    decl = target.with_proof(script)
    if env is not None:
        messages = env.process(backend, target, decl + "\n")
        bad = [m for m in messages if m.is_error or SORRY_WARNING in m.data]
        if bad:
            return f"re-check failed: {' '.join(bad[0].data.split())[:200]}"
        text = decl + "\n"
    else:
        env_text = task.env_text(target)
        prefix = env_text + "\n" if env_text else ""
        text = prefix + decl + "\n"
        results = backend.check(text)
        bad = [r for r in results if not r.ok]
        if bad:
            return f"re-check failed: {' '.join((bad[0].message or 'rejected').split())[:200]}"
        start = prefix.count("\n") + 1
        mine = [r for r in results if r.line >= start]
        if not mine:
            return "re-check failed: the theorem was not reported"
        for r in mine:  # a gate that reports axioms per declaration
            axioms = getattr(r, "axioms", None)
            if axioms is not None and set(axioms) - LEAN_AXIOMS:
                return f"re-check failed: depends on {sorted(set(axioms) - LEAN_AXIOMS)}"
    if backend.kind != "embedded" and target.name and not target.name.startswith("example@"):
        return _print_axioms(backend, text, target.name, env, target)
    return None


def _print_axioms(backend: Backend, text: str, name: str, env: Optional["IncrementalEnv"], target: Target) -> Optional[str]:
    """Real Lean: run ``#print axioms name`` and refuse anything beyond Lean's own axioms."""
    probe = f"{text}#print axioms {name}\n"
    if env is not None:
        messages = [m.data for m in env.process(backend, target, probe)]
    else:
        messages = file_messages(backend, probe)
    for msg in messages:
        if "does not depend on any axioms" in msg:
            return None
        m = _AXIOMS_MSG.search(msg)
        if m:
            names = {n.strip() for n in m.group("names").split(",") if n.strip()}
            extra = names - LEAN_AXIOMS
            return None if not extra else f"re-check failed: depends on {sorted(extra)}"
    return "re-check failed: #print axioms gave no answer"


def file_messages(backend: Backend, text: str) -> list[str]:
    """All message texts of elaborating ``text`` (Pantograph ``frontend.process`` or REPL command)."""
    client = getattr(backend, "client", None)
    if hasattr(client, "frontend_process"):
        return [m.data for u in client.frontend_process(text) for m in u.messages]
    if hasattr(client, "command"):
        return [m.data for m in client.command(text, None).messages]
    raise BackendError(f"cannot read messages from a {backend.kind} backend")


SCOPE_COMMANDS = ("open", "variable", "universe", "set_option", "export")


def scope_table(pieces: Sequence[str]) -> list[tuple[str, str]]:
    """For each prefix length 0..len(pieces): the (reopen, close) texts of the scopes open there."""
    frames: list[tuple[str, list[str]]] = [("", [])]  # (opening command, scope commands in it)
    out = [_scope_texts(frames)]
    for piece in pieces:
        words = _strip_comments(piece).split()
        head = words[0] if words else ""
        if head in ("namespace", "section") or (head == "noncomputable" and words[1:2] == ["section"]):
            frames.append((piece.strip(), []))
        elif head == "end" and len(frames) > 1:
            frames.pop()
        elif head in SCOPE_COMMANDS and not piece.rstrip().endswith(" in"):
            frames[-1][1].append(piece.strip())
        out.append(_scope_texts(frames))
    return out


def _scope_texts(frames: Sequence[tuple[str, list[str]]]) -> tuple[str, str]:
    """The reopen and close texts of a scope stack."""
    reopen: list[str] = []
    for opening, commands in frames:
        if opening:
            reopen.append(opening)
        reopen.extend(commands)
    close = []
    for opening, _ in reversed(frames[1:]):
        words = opening.split()
        name = words[-1] if words[-1] not in ("section", "namespace") else ""
        close.append(f"end {name}".rstrip())
    return "".join(line + "\n" for line in reopen), "".join(line + "\n" for line in close)


class IncrementalEnv:
    """Walks a Pantograph server's environment forward through a task's pieces (``inheritEnv``).

    Targets are proved in source order, so each server loads every environment piece once
    per run instead of re-elaborating the whole prefix for each theorem. A server whose
    environment is past the wanted point (or holds another task's declarations) is restarted.
    """

    _state: "weakref.WeakKeyDictionary[Backend, tuple[int, int, int]]" = weakref.WeakKeyDictionary()
    _state_lock = threading.Lock()

    def __init__(self, task: Task, load_timeout: float = CHECK_TIMEOUT) -> None:
        """Remember the task; nothing is sent until ``advance``."""
        self.task = task
        self.load_timeout = load_timeout

    @staticmethod
    def supported(backend: Backend) -> bool:
        """True for backends speaking the Pantograph protocol (they keep an environment per server)."""
        return hasattr(getattr(backend, "client", None), "frontend_process")

    def advance(self, backend: Backend, upto: int) -> None:
        """Make the server's environment exactly ``pieces[:upto]``."""
        with self._state_lock:
            owner, session, pos = self._state.get(backend, (id(self.task), backend.session, 0))
        if session != backend.session:
            pos = 0
        elif owner != id(self.task) or pos > upto:
            if owner != id(self.task) and pos == 0:
                pass  # fresh for us: nothing was inherited on this server in this session
            else:
                backend.restart()
                pos = 0
        if upto > pos:
            reopen, _ = self.task.scope_texts(pos)
            _, close = self.task.scope_texts(upto)
            text = reopen + "\n".join(self.task.pieces[pos:upto]) + "\n" + close
            backend.client.request("frontend.process", {"file": text, "readHeader": False, "inheritEnv": True,
                                                        "newConstants": False, "sorrys": False},
                                   timeout=self.load_timeout)
        with self._state_lock:
            self._state[backend] = (id(self.task), backend.session, upto)

    def process(self, backend: Backend, target: Target, text: str, *, sorrys: bool = False) -> list[Message]:
        """Elaborate ``text`` in the environment of ``target`` (the server's environment is left unchanged)."""
        return [m for u in self.units(backend, target, text, sorrys=sorrys) for m in u.messages]

    def units(self, backend: Backend, target: Target, text: str, *, sorrys: bool = False) -> list[Any]:
        """Like ``process`` but the compilation units (with goal states when ``sorrys``)."""
        self.advance(backend, target.env_upto)
        reopen, close = self.task.scope_texts(target.env_upto)
        return backend.client.frontend_process(reopen + text + close, sorrys=sorrys)

    def root(self, backend: Backend, target: Target) -> ProofState:
        """The target's goal state: its ``sorry`` statement elaborated in its environment."""
        units = self.units(backend, target, target.sorry_text + "\n", sorrys=True)
        for unit in units:
            if unit.goal_state_id is not None:
                return ProofState(id=unit.goal_state_id, goals=unit.goals, session=backend.session)
        why = next((m.data for u in units for m in u.messages if m.is_error), "no goal state")
        raise StatementError(f"the statement gave no goal in its environment: {' '.join(why.split())[:200]}",
                             statement=target.sorry_text)


# --------------------------------------------------------------------------- results file


def read_results(path: Optional[Path]) -> dict[str, dict[str, Any]]:
    """Finished records by name; a torn last line (killed mid-write) is dropped and the file repaired."""
    if path is None or not path.exists():
        return {}
    records: dict[str, dict[str, Any]] = {}
    good_lines: list[str] = []
    torn = False
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
            name = rec["name"]
        except (ValueError, KeyError, TypeError):
            torn = True
            continue
        records[name] = rec
        good_lines.append(line)
    if torn:
        path.write_text("".join(l + "\n" for l in good_lines), encoding="utf-8")
    return records


class ResultsWriter:
    """Appends one JSON line per finished theorem and flushes it at once (thread-safe)."""

    def __init__(self, path: Optional[Path], resume: bool) -> None:
        """Open ``path`` for appending (``resume``) or truncate it."""
        self._lock = threading.Lock()
        self._file = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(path, "a" if resume else "w", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        """Write and flush one record."""
        if self._file is None:
            return
        with self._lock:
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._file.flush()
            os.fsync(self._file.fileno())

    def close(self) -> None:
        """Close the file."""
        if self._file is not None:
            self._file.close()


def solved_text(file_text: str, targets: Sequence[Target], records: dict[str, dict[str, Any]]) -> str:
    """The file with every proved target's ``sorry`` replaced by its (re-checked) proof."""
    lines = file_text.split("\n")
    for target in sorted(targets, key=lambda t: t.line, reverse=True):
        rec = records.get(target.name)
        if not rec or not rec.get("proved") or rec.get("proof") is None:
            continue
        original = "\n".join(lines[target.line - 1:target.end_line])
        match = LONE_SORRY.search(_strip_comments(original))
        if match is None:
            continue
        new = original[:match.start()].rstrip() + " := " + rec["proof"]
        lines[target.line - 1:target.end_line] = new.split("\n")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the run


class Stopped(Exception):
    """Raised inside a search when the run is interrupted (Ctrl-C)."""


def premise_term(backend: Backend, name: str) -> Any:
    """A premise's statement as a Term: ``Backend.inspect`` when available, else the goal of ``copyFrom``."""
    inspect = getattr(backend, "inspect", None)
    if inspect is not None:
        try:
            return inspect(name, value=False).type
        except (NotImplementedError, LeanError):
            return None
    try:
        state = backend.start_from_theorem(name)
    except LeanError:
        return None
    backend.release(state)
    return getattr(state.goals[0].target, "typed", None) if state.goals else None


def process_cpu_seconds(pid: Optional[int]) -> float:
    """utime+stime of a process from /proc (0 when unknown)."""
    if pid is None:
        return 0.0
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class Prover:
    """Runs targets over a backend pool: root states cached per backend session, search, re-check."""

    def __init__(self, task: Task, pool: BackendPool, policy: Any, config: SearchConfig, method: str) -> None:
        """Hold the shared pieces; nothing starts until ``prove``."""
        self.task = task
        self.pool = pool
        self.policy = policy
        self.config = config
        self.method = method
        self.stop = threading.Event()
        self.env = IncrementalEnv(task)
        self._roots: dict[int, tuple[int, dict[str, ProofState]]] = {}
        self._registered: set[str] = set()
        self._terms: dict[str, Any] = {}  # premise name -> statement (None: not in the environment), asked once
        self._premise_lock = threading.Lock()
        self._library: Optional[tuple[str, ...]] = None  # the policy's library premises this environment has

    def _premise_terms(self, backend: Backend, names: Sequence[str]) -> dict[str, Any]:
        """The statements of ``names`` (None where the environment has no such constant), each asked
        of the checker once per run; the caller holds ``_premise_lock``."""
        for name in names:
            if name not in self._terms:
                self._terms[name] = premise_term(backend, name)
        return {name: self._terms[name] for name in names}

    def _register_premises(self, backend: Backend, premises: Sequence[str]) -> None:
        """Give a learned policy the statements (Terms) of premises it has not seen (``premise_types``)."""
        register = getattr(self.policy, "premise_types", None)
        if register is None:
            return
        with self._premise_lock:
            new = [p for p in premises if p not in self._registered]
            if new:
                register(self._premise_terms(backend, new))
                self._registered.update(new)

    def premises_for(self, backend: Backend, target: Target) -> tuple[str, ...]:
        """The target's premises: the theorems before it, then the policy's ``library_premises`` (the
        library constants the model was trained to rank) that the checker's environment has, found
        with ``premise_term`` once per run; never the target itself."""
        with self._premise_lock:
            if self._library is None:
                names = list(dict.fromkeys(getattr(self.policy, "library_premises", ()) or ()))
                terms = self._premise_terms(backend, names)
                self._library = tuple(n for n in names if terms[n] is not None)
        before = set(target.premises)
        return target.premises + tuple(n for n in self._library if n not in before and n != target.name)

    def _root(self, backend: Backend, target: Target) -> ProofState:
        """The target's root state: incrementally (Pantograph) or from one ``sorries`` call per session (REPL)."""
        if IncrementalEnv.supported(backend):
            return self.env.root(backend, target)
        cached = self._roots.get(id(backend))
        if cached is None or cached[0] != backend.session or target.name not in cached[1]:
            states = backend.sorries(self.task.proving_text)
            if len(states) != len(self.task.targets):
                raise BackendError(f"expected {len(self.task.targets)} sorry states, the checker gave {len(states)}")
            cached = (backend.session, {t.name: s for t, (_, s) in zip(self.task.targets, states)})
            self._roots[id(backend)] = cached
        return cached[1].pop(target.name)

    def _check_stop(self) -> None:
        if self.stop.is_set():
            raise Stopped()

    def prove(self, target: Target) -> dict[str, Any]:
        """Search one target and re-check a found proof; returns its results record."""
        record: dict[str, Any] = {"name": target.name, "proved": False, "proof": None, "seconds": 0.0,
                                  "expansions": 0, "tactics_tried": 0, "internal_errors": 0, "error": None,
                                  "cpu_seconds": 0.0, "method": self.method, "area": target.area}
        try:
            with self.pool.lease() as backend:
                root = self._root(backend, target)
                premises = self.premises_for(backend, target)
                self._register_premises(backend, premises)
                cpu0, srv0 = time.thread_time(), process_cpu_seconds(backend.pid)
                result = search(backend, root, self.policy, premises, self.config, on_tactic=self._check_stop)
                backend.release(root)
                record.update(seconds=round(result.seconds, 3), expansions=result.expansions,
                              tactics_tried=result.tactics_tried, internal_errors=result.internal_errors,
                              error=result.error)
                if result.proved and result.proof is not None:
                    env = self.env if IncrementalEnv.supported(backend) else None
                    why = recheck(backend, self.task, target, result.proof, env)
                    if why is None:
                        record.update(proved=True, proof="by\n" + result.proof, error=None)
                    else:
                        record.update(error=why)
                record["cpu_seconds"] = round(time.thread_time() - cpu0 + process_cpu_seconds(backend.pid) - srv0, 3)
        except BackendError as err:
            record["error"] = f"backend error: {' '.join(str(err).split())[:300]}"
        except LeanError as err:
            record["error"] = ' '.join(str(err).split())[:300]
        except Stopped:
            raise
        except Exception as err:  # a policy or rendering bug loses this theorem, not the run; it is recorded
            record["error"] = f"internal error: {type(err).__name__}: {' '.join(str(err).split())[:300]}"
        return record


def run_targets(
    task: Task,
    targets: Sequence[Target],
    *,
    pool: BackendPool,
    policy: Any,
    config: SearchConfig,
    workers: int,
    writer: ResultsWriter,
    method: str,
    on_record: Optional[Callable[[dict[str, Any]], None]] = None,
) -> RunStats:
    """Prove ``targets`` with ``workers`` threads; records are written as each theorem finishes."""
    stats = RunStats()
    prover = Prover(task, pool, policy, config, method)
    start = time.perf_counter()
    pending: set[Future[dict[str, Any]]] = set()
    queue = list(targets)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="prove") as ex:
        try:
            while queue or pending:
                while queue and len(pending) < workers:
                    pending.add(ex.submit(prover.prove, queue.pop(0)))
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    record = fut.result()
                    writer.write(record)
                    stats.records.append(record)
                    stats.attempted += 1
                    stats.proved += bool(record["proved"])
                    stats.tactics += int(record["tactics_tried"])
                    if on_record is not None:
                        on_record(record)
        except (KeyboardInterrupt, Stopped):
            stats.interrupted = True
            prover.stop.set()
            for fut in pending:
                fut.cancel()
    stats.wall = time.perf_counter() - start
    return stats


def record_as_dict(stats: RunStats) -> dict[str, Any]:
    """The stats as a plain dict (for JSON)."""
    return {k: v for k, v in asdict(stats).items() if k != "records"}


# --------------------------------------------------------------------------- `prover prove`


class UsageError(Exception):
    """A user mistake: one line, exit code 2."""


class BackendUnusable(Exception):
    """The backend could not be started or used at all: one line, exit code 3."""


def read_text(path: Path) -> str:
    """A UTF-8 file's text, or ``UsageError`` with one clear line."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"cannot read {path}: it is a directory") from None
    except UnicodeDecodeError as err:
        raise UsageError(f"cannot read {path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err.strerror}") from None


def library_files(path: Path) -> list[Path]:
    """A library argument as files: the file itself, or a directory's ``.lean`` files in dependency order.

    A directory with a ``files.txt`` or the corpus' own order (``prover.corpus``) is read in
    that order; otherwise in name order.
    """
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise UsageError(f"cannot read library {path}: no such file or directory")
    order = path / "files.txt"
    if order.exists():
        return [path / line.strip() for line in order.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        from prover.corpus import load_corpus  # type: ignore[import-not-found]

        return [path / Path(f).name for f in load_corpus(str(path)).files]
    except Exception:  # corpus module absent or not a corpus directory
        return sorted(path.glob("*.lean"))


def open_pool(kind: str, workers: int, timeout: float = 60.0) -> BackendPool:
    """A pool of ``workers`` backends of ``kind`` (embedded speaks Pantograph)."""
    return BackendPool(workers, kind, recycle_every=10**6, max_rss_mb=4000, timeout=timeout)


def resolve_policy(name: Optional[str], model: Optional[str], seed: int) -> Any:
    """The chosen policy; with no ``--policy`` the learned one, or the heuristic one with a note if no model exists."""
    from prover.policies import make_policy

    if name is not None:
        try:
            return make_policy(name, model, seed)
        except RuntimeError as err:
            raise UsageError(str(err)) from None
    try:
        return make_policy("learned", model, seed)
    except RuntimeError as err:
        if model is not None:
            raise UsageError(str(err)) from None
        import sys

        print(f"prover: note: {err}; using the heuristic policy", file=sys.stderr)
        return make_policy("heuristic", None, seed)


def run_prove_command(args: Any) -> int:
    """``prover prove``: see DESIGN.md; returns the exit code (0 completed, 2 usage, 3 backend, 130 Ctrl-C)."""
    import sys

    from tqdm import tqdm

    from lean_bridge import BackendStartupError

    file_path = Path(args.file)
    file_text = read_text(file_path)
    if args.time_limit <= 0:
        raise UsageError("--time-limit must be positive")
    workers = args.workers or os.cpu_count() or 1
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    libs = [f for lib in args.library for f in library_files(Path(lib))]
    lib_texts = [read_text(f) for f in libs]
    results_path = Path(args.results) if args.results else Path(f"{file_path.stem}.results.jsonl")
    out_path = Path(args.out) if args.out else Path(f"{file_path.stem}.solved.lean")
    policy = resolve_policy(args.policy, args.model, args.seed)
    config = SearchConfig(time_limit=args.time_limit)
    done = read_results(results_path) if args.resume else {}
    pool = open_pool(args.backend, workers)
    try:
        try:
            with pool.lease() as backend:
                task = build_task(backend, file_text, lib_texts)
        except BackendStartupError as err:
            raise BackendUnusable(f"backend {args.backend} is not usable: {' '.join(str(err).split())[:300]}") from None
        except BackendError as err:
            raise BackendUnusable(f"backend {args.backend} failed on {file_path}: {' '.join(str(err).split())[:300]}") from None
        todo = [t for t in task.targets if t.name not in done]
        writer = ResultsWriter(results_path, resume=args.resume)
        bar = tqdm(total=len(todo), desc="prove", unit="thm", file=sys.stderr, disable=None)

        def tick(record: dict[str, Any]) -> None:
            bar.update(1)
            bar.set_postfix_str(f"{record['name']}: {'proved' if record['proved'] else 'failed'}", refresh=False)

        try:
            stats = run_targets(task, todo, pool=pool, policy=policy, config=config, workers=workers,
                                writer=writer, method=getattr(policy, "name", "learned"), on_record=tick)
        finally:
            bar.close()
            writer.close()
    finally:
        pool.close()
    names = {t.name for t in task.targets}
    records = {n: r for n, r in done.items() if n in names}
    records.update({r["name"]: r for r in stats.records})
    stats.total = len(task.targets)
    stats.proved_total = sum(1 for r in records.values() if r.get("proved"))
    out_path.write_text(solved_text(file_text, task.targets, records), encoding="utf-8")
    print(stats.summary())
    return 130 if stats.interrupted else 0
