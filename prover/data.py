"""Training data files: goal records (GOAL, INTERFACES.md), ``prover data trace`` and its JSONL.

``traces.jsonl`` has one record per theorem, in file order::

    {"theorem": str, "file": str, "line": int, "area": str, "split": str, "ok": bool,
     "error": str|null, "steps": [{"goals": [GOAL], "focus": int, "tactic": str,
                                    "goals_after": [GOAL]}]}

``ok`` means every step replayed and the proof closed. ``area`` is ``logic``/``Nat``/``List``
for the corpus files (``Logic.lean``…), else the file's stem; ``split`` comes from a
``splits.json`` beside the file, else from the published rule (sha256 of the name).
"""
from __future__ import annotations

import hashlib
import re
import json
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

from lean_bridge import Expression, Goal, Hypothesis

AREAS = {"Logic": "logic", "Nat": "Nat", "List": "List"}


class DataError(Exception):
    """A user-facing problem with input files (printed as one line by the CLI)."""


# --------------------------------------------------------------------------- GOAL records


def goal_to_json(goal: Goal) -> dict[str, Any]:
    """A ``Goal`` as a GOAL record (the state as the Pantograph server sent it)."""
    return {
        "case": goal.case,
        "hyps": [{"name": h.name, "pp": h.type.pp, "sexp": h.type.sexp_text, "fvar": h.fvar_id}
                 for h in goal.hypotheses],
        "target": {"pp": goal.target.pp, "sexp": goal.target.sexp_text},
    }


def goal_from_json(obj: dict[str, Any]) -> Goal:
    """Inverse of ``goal_to_json`` (let-values and the goal's metavariable id are not kept)."""
    hyps = tuple(Hypothesis(h["name"], Expression(h["pp"], h.get("sexp")), None, h.get("fvar"))
                 for h in obj["hyps"])
    target = obj["target"]
    return Goal(hyps, Expression(target["pp"], target.get("sexp")), obj.get("case"))


# --------------------------------------------------------------------------- files


def lean_files(path: Path) -> list[Path]:
    """A file, or a directory's ``.lean`` files in corpus order (Logic, Nat, List, then by name)."""
    if path.is_file():
        return [path]
    if path.is_dir():
        order = {"Logic.lean": 0, "Nat.lean": 1, "List.lean": 2}
        files = sorted(path.glob("*.lean"), key=lambda p: (order.get(p.name, 9), p.name))
        if not files:
            raise DataError(f"{path}: no .lean files in this directory")
        return files
    raise DataError(f"{path}: no such file or directory")


def area_of(path: Path) -> str:
    """Corpus area of a file (``logic``/``Nat``/``List``), else its stem."""
    return AREAS.get(path.stem, path.stem)


def split_by_rule(name: str) -> str:
    """The published split rule: first 8 hex of sha256(name) mod 10: 0-6 train, 7 valid, 8-9 test."""
    bucket = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if bucket <= 6 else "valid" if bucket == 7 else "test"


def load_splits(directory: Path) -> dict[str, str]:
    """``splits.json`` of a corpus directory as name -> split (empty when absent)."""
    path = directory / "splits.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DataError(f"{path}: not readable JSON ({err})") from None
    if isinstance(data, dict) and isinstance(data.get("theorems"), dict):
        data = data["theorems"]
    if isinstance(data, dict) and all(isinstance(v, list) for v in data.values()) and set(data) <= {"train", "valid", "test"}:
        return {name: split for split, names in data.items() for name in names}
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if isinstance(v, str)}
    if isinstance(data, list):
        return {r["name"]: r["split"] for r in data if isinstance(r, dict) and "name" in r and "split" in r}
    return {}


def read_text(path: Path) -> str:
    """A Lean file's text, or a one-line ``DataError``."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DataError(f"cannot read {path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise DataError(f"cannot read {path}: {err.strerror}") from None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file (one-line ``DataError`` on a missing file or bad line)."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as err:
        raise DataError(f"cannot read {path}: {err.strerror}") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError:
                raise DataError(f"{path}:{number}: not a JSON line") from None


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records one per line (UTF-8, compact); returns how many."""
    n = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
            n += 1
    return n


# --------------------------------------------------------------------------- trace


def open_checker(kind: str, timeout: float = 60.0):
    """A backend for the data commands (embedded Pantograph unless ``kind`` names a real server)."""
    from lean_bridge import open_backend

    return open_backend(kind, timeout=timeout)


def trace_records(paths: Sequence[Path], backend_kind: str = "embedded", progress: bool = True) -> Iterator[dict[str, Any]]:
    """Replay every theorem of the files (one environment per file) and yield trace records."""
    from tqdm import tqdm

    from prover.trace import Environment, split_theorems, trace_text

    texts = [(p, read_text(p)) for p in paths]
    total = sum(len(split_theorems(t)) for _, t in texts)
    stats = {"steps": 0, "ok": 0, "start": time.monotonic()}
    with open_checker(backend_kind) as backend:
        bar = tqdm(total=total, desc="trace", unit="thm", file=sys.stderr, disable=not progress, dynamic_ncols=True)
        env = Environment(backend)  # one environment: a later file sees every earlier declaration
        for path, text in texts:
            splits = load_splits(path.parent)
            for traced in trace_text(backend, text, env):
                bar.update(1)
                stats["steps"] += len(traced.steps)
                stats["ok"] += traced.error is None
                bar.set_postfix(ok=stats["ok"], steps=stats["steps"])
                yield {
                    "theorem": traced.name, "file": str(path), "line": traced.line, "area": area_of(path),
                    "split": splits.get(traced.name) or split_by_rule(traced.name),
                    "ok": traced.error is None, "error": traced.error,
                    "steps": [{"goals": [goal_to_json(g) for g in s.before], "focus": s.focus, "tactic": s.tactic,
                               "goals_after": [goal_to_json(g) for g in s.after]} for s in traced.steps],
                }
    bar.close()
    elapsed = time.monotonic() - stats["start"]
    trace_records.last_stats = {"theorems": total, "ok": stats["ok"], "steps": stats["steps"],  # type: ignore[attr-defined]
                                "seconds": elapsed}


def run_trace(source: Path, out: Path, backend_kind: str = "embedded", progress: bool = True) -> dict[str, Any]:
    """``prover data trace``: write ``out`` and return the summary figures."""
    paths = lean_files(source)
    n = write_jsonl(out, trace_records(paths, backend_kind, progress))
    stats = dict(getattr(trace_records, "last_stats", {}))
    stats["records"] = n
    return stats


# --------------------------------------------------------------------------- premises


_INTERNAL = re.compile(r"(\.(rec|recOn|casesOn|below|brecOn|binductionOn|noConfusion|noConfusionType|ibelow|"
                       r"sizeOf_spec|inj|injEq|mk\.inj|proof_\d+|eq_\d+|eq_def|match_\d+)$)|(^_)|(\._)|(match_\d+)|(^sorryAx$)")


def is_premise_name(name: str) -> bool:
    """True for constants a proof may cite (not recursors, auxiliary matchers, or internals)."""
    return not _INTERNAL.search(name)


def library_premises(backend: Any) -> list[str]:
    """Theorems, constructors, definitions and axioms of the server's own library, catalog order."""
    client = getattr(backend, "client", None)
    if client is not None and hasattr(client, "env_catalog"):
        symbols = client.env_catalog()
        return [s[1:] for s in symbols if s[:1] in ("t", "c", "d", "a") and is_premise_name(s[1:])]
    return [n for n in backend.theorems() if is_premise_name(n)]


def premise_record(backend: Any, name: str, file: str, index: int) -> Optional[dict[str, Any]]:
    """One ``premises.jsonl`` record (type read by opening a goal on the constant), None if unreadable."""
    from lean_bridge import LeanError

    inspect = getattr(backend, "inspect", None)
    if inspect is not None:
        try:
            info = inspect(name)
            sexp = info.type.to_sexp() if getattr(info, "type", None) is not None else None
            return {"name": name, "type_pp": info.type_pp, "type_sexp": sexp, "file": file, "index": index}
        except (LeanError, NotImplementedError, KeyError):
            pass
    try:
        state = backend.start_from_theorem(name)
    except LeanError:
        return None
    goal = state.goals[0] if state.goals else None
    backend.release(state)
    if goal is None:
        return None
    return {"name": name, "type_pp": goal.target.pp, "type_sexp": goal.target.sexp_text, "file": file, "index": index}


# --------------------------------------------------------------------------- atomize


def run_atomize(traces: Path, out: Path, premises_out: Optional[Path] = None, backend_kind: str = "embedded",
                budget: int = 150, progress: bool = True) -> dict[str, Any]:
    """``prover data atomize``: atomized.jsonl (+ premises.jsonl) from a trace file; returns the report."""
    from tqdm import tqdm

    from lean_bridge import BackendError
    from lean_bridge.term import state_key
    from prover.actions import action_to_json
    from prover.atomize import Atomizer, mentioned_premises, replay_script
    from prover.trace import Environment, split_theorems

    records = list(read_jsonl(traces))
    if not records:
        raise DataError(f"{traces}: no trace records")
    by_file: dict[str, dict[str, dict[str, Any]]] = {}
    for rec in records:
        if "theorem" not in rec or "file" not in rec or "steps" not in rec:
            raise DataError(f"{traces}: not a trace file (records need theorem, file, steps)")
        by_file.setdefault(rec["file"], {})[rec["theorem"]] = rec
    files = [(Path(f), read_text(Path(f))) for f in by_file]
    bar = tqdm(total=len(records), desc="atomize", unit="thm", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    report: dict[str, Any] = {"theorems": 0, "atomized": 0, "steps": 0, "steps_atomized": 0, "areas": {},
                              "failures": {}, "not_atomized": [], "actions": 0}
    started = time.monotonic()
    out_records: list[dict[str, Any]] = []
    premise_rows: list[dict[str, Any]] = []
    with open_checker(backend_kind) as backend:
        atomizer = Atomizer(backend, budget=budget)
        library = library_premises(backend)
        available: list[str] = list(library)
        premise_rows.extend({"name": n, "file": "", "index": -1} for n in library)
        env = Environment(backend)
        for path, text in files:
            traced = by_file[str(path)]
            for thm in split_theorems(text):
                n_before = len(env.constants)
                try:
                    start, _errors = env.open(thm)
                except BackendError:
                    start = None
                own_index = len([r for r in premise_rows if r["index"] >= 0])
                new_consts = [c for c in env.constants[n_before:] if is_premise_name(c)]
                rec = traced.get(thm.name)
                if rec is None:
                    available.extend(new_consts)
                    for c in new_consts:
                        premise_rows.append({"name": c, "file": str(path), "index": len([r for r in premise_rows if r["index"] >= 0])})
                    continue
                bar.update(1)
                report["theorems"] += 1
                area = rec.get("area", area_of(path))
                area_stats = report["areas"].setdefault(area, {"theorems": 0, "atomized": 0})
                area_stats["theorems"] += 1
                usable = [p for p in available if p != thm.name]
                by_short: dict[str, list[str]] = {}
                for p in usable:
                    by_short.setdefault(p.rpartition(".")[2], []).append(p)
                atomizer.namespace = rec["theorem"].rpartition(".")[0]
                reason, script, detail = _atomize_theorem(backend, atomizer, start, rec, usable, by_short, report,
                                                  state_key, mentioned_premises, replay_script)
                # the theorem's own constants become premises for the theorems after it
                for c in new_consts:
                    premise_rows.append({"name": c, "file": str(path), "index": own_index})
                    own_index += 1
                available.extend(new_consts)
                if reason is None:
                    report["atomized"] += 1
                    area_stats["atomized"] += 1
                else:
                    report["failures"][reason] = report["failures"].get(reason, 0) + 1
                    report["not_atomized"].append({"theorem": rec["theorem"], "file": rec["file"], "reason": reason,
                                                   "detail": detail})
                for i, step in enumerate(script):
                    out_records.append({
                        "theorem": rec["theorem"], "file": rec["file"], "split": rec.get("split") or split_by_rule(rec["theorem"]),
                        "area": area, "step": i, "goals": [goal_to_json(g) for g in step.before], "focus": step.focus,
                        "action": action_to_json(step.action), "tactic": step.tactic, "complete": reason is None,
                    })
                bar.set_postfix(atomized=report["atomized"], calls=atomizer.calls)
                atomizer.release()
                if start is not None:
                    backend.release(start)
        bar.close()
        report["actions"] = len(out_records)
        report["checker_calls"] = atomizer.calls
        report["seconds"] = time.monotonic() - started
        if premises_out is not None:
            rows = []
            for row in tqdm(premise_rows, desc="premises", unit="const", file=sys.stderr, disable=not progress):
                full = premise_record(backend, row["name"], row["file"], row["index"])
                if full is not None:
                    rows.append(full)
            write_jsonl(premises_out, rows)
            report["premises"] = len(rows)
    write_jsonl(out, out_records)
    return report


def _atomize_theorem(backend: Any, atomizer: Any, start: Any, rec: dict[str, Any], premises: list[str],
                     by_short: dict[str, list[str]], report: dict[str, Any], state_key: Any,
                     mentioned_premises: Any, replay_script: Any) -> tuple[Optional[str], list[Any], str]:
    """(None, script, "") when the whole proof is atomized and the script closes it; else (reason, verified
    prefix, detail): the reason groups failures for the report, the detail is the full tactic or error."""
    from lean_bridge import BackendError, LeanError

    steps = rec["steps"]
    report["steps"] += len(steps)
    if not rec.get("ok"):
        error = rec.get("error") or "not replayed"
        return "trace: " + _reason(error), [], error
    if start is None:
        return "trace: statement did not elaborate", [], ""
    script: list[Any] = []
    state = start
    k = 0
    counted = report["steps_atomized"]
    while k < len(steps):
        step = steps[k]
        recorded_before = state_key([goal_from_json(g) for g in step["goals"]])
        if state_key([goal_from_json(goal_to_json(g)) for g in state.goals]) != recorded_before:
            return "trace: replay differs from the recorded goals", script, step["tactic"]
        # a step with no atomic translation is tried together with the next ones (≤ MERGE steps)
        found, after, used = None, state, 0
        others = {g.mvar_id for i, g in enumerate(state.goals) if i != step["focus"]}
        for merge in range(1 + MERGE):
            if k + merge >= len(steps):
                break
            nxt = steps[k + merge]
            if merge and (nxt["focus"] >= len(after.goals) or after.goals[nxt["focus"]].mvar_id in others):
                break  # the next step works on another goal: nothing to merge with
            try:
                after = backend.run_tactic(after, nxt["tactic"], nxt["focus"])
            except (LeanError, BackendError) as err:
                return "trace: step no longer replays: " + _reason(str(err)), script, str(err)
            atomizer.states.append(after)
            text = "\n".join(s["tactic"] for s in steps[k:k + merge + 1])
            cited = mentioned_premises(text, premises, by_short)
            try:
                found = atomizer.atomize_step(state, step["focus"], text, after, cited,
                                              atomizer.budget if merge == 0 else atomizer.budget // 2)
            except BackendError as err:
                return "backend: " + _reason(str(err)), script, str(err)
            if found is not None:
                used = merge + 1
                break
        if found is None:
            return "step: " + _tactic_head(step["tactic"]), script, step["tactic"]
        report["steps_atomized"] += used
        script.extend(found)
        state = after
        k += used
    counted = report["steps_atomized"] - counted
    try:
        ok = replay_script(backend, start, script)
    except BackendError:
        ok = False
    if not ok and getattr(atomizer, "forward", False):
        # again without facts built in the context (their universe metavariables can fail the final
        # kernel check); the counters of this attempt are taken back first
        report["steps"] -= len(steps)
        report["steps_atomized"] -= counted
        atomizer.forward = False
        try:
            return _atomize_theorem(backend, atomizer, start, rec, premises, by_short, report, state_key,
                                    mentioned_premises, replay_script)
        finally:
            atomizer.forward = True
    return (None, script, "") if ok else ("script does not replay", [], "")


MERGE = 2  # how many following steps a step without translation may be merged with


def _reason(text: str) -> str:
    """A short, groupable failure reason."""
    first = " ".join(text.split())
    first = re.sub(r"`[^`]*`", "`…`", first)
    return first[:70]


def _tactic_head(tactic: str) -> str:
    """The tactic's leading word(s), for grouping failures (``simp only``, ``exact``, ``rw … at``)."""
    words = tactic.split()
    if not words:
        return "?"
    head = words[0]
    if head in ("simp", "simp_all", "simpa") and len(words) > 1 and words[1] == "only":
        head += " only"
    if head in ("rw", "rewrite", "rwa", "simp") and " at " in tactic:
        head += " … at"
    return head


# --------------------------------------------------------------------------- command line

EPILOG_DATA = """examples:
  prover data trace datasets/stdlib --out datasets/stdlib/traces.jsonl
  prover data atomize --traces datasets/stdlib/traces.jsonl --out datasets/stdlib/atomized.jsonl \\
      --premises datasets/stdlib/premises.jsonl
"""


def add_data_parser(sub: Any) -> None:
    """Register ``prover data trace|atomize`` on the main parser's subcommands."""
    import argparse

    data = sub.add_parser("data", help="make training data: trace proofs step by step, atomize the steps",
                          epilog=EPILOG_DATA, formatter_class=argparse.RawDescriptionHelpFormatter)
    dsub = data.add_subparsers(dest="data_command", required=True)
    trace = dsub.add_parser("trace", help="replay every proof of a Lean file or corpus directory step by step")
    trace.add_argument("source", type=Path, metavar="DIR|FILE")
    trace.add_argument("--out", type=Path, required=True, help="traces JSONL to write")
    trace.add_argument("--backend", choices=["embedded", "pantograph", "repl"], default="embedded",
                       help="checker (default: the embedded Pantograph server)")
    atom = dsub.add_parser("atomize", help="translate traced steps into checked atomic actions; print coverage")
    atom.add_argument("--traces", type=Path, required=True, help="traces JSONL from `prover data trace`")
    atom.add_argument("--out", type=Path, required=True, help="atomized JSONL to write")
    atom.add_argument("--premises", type=Path, default=None, help="also write premises.jsonl here")
    atom.add_argument("--backend", choices=["embedded", "pantograph", "repl"], default="embedded")
    atom.add_argument("--budget", type=int, default=150, help="checker calls per step for the search (default 150)")
    atom.add_argument("--failures", type=Path, default=None,
                      help="also write one JSON line per theorem not atomized: its reason and the full tactic or error")


def run_data(args: Any) -> int:
    """Run ``prover data …``; user errors are one line on stderr with exit code 2."""
    from lean_bridge import BackendError

    try:
        if args.data_command == "trace":
            stats = run_trace(args.source, args.out, args.backend)
            rate = stats["steps"] / stats["seconds"] if stats.get("seconds") else 0.0
            print(f"traced {stats['theorems']} theorems: {stats['ok']} replayed whole, {stats['steps']} steps "
                  f"in {stats['seconds']:.1f} s ({rate:.1f} steps/s) -> {args.out}")
            return 0
        if args.budget < 1:
            raise DataError("--budget must be at least 1")
        report = run_atomize(args.traces, args.out, args.premises, args.backend, args.budget)
        if args.failures is not None:
            write_jsonl(args.failures, report["not_atomized"])
        print(coverage_text(report, args.out))
        return 0
    except DataError as err:
        print(f"prover: error: {err}", file=sys.stderr)
        return 2
    except BackendError as err:
        print(f"prover: error: checker unavailable: {' '.join(str(err).split())[:300]}", file=sys.stderr)
        return 2


def coverage_text(report: dict[str, Any], out: Path) -> str:
    """The human-readable atomization report (coverage overall and per area, main failure causes)."""
    def pct(a: int, b: int) -> str:
        return f"{100.0 * a / b:.1f}%" if b else "n/a"

    lines = [f"coverage: {report['atomized']}/{report['theorems']} theorems wholly atomized "
             f"({pct(report['atomized'], report['theorems'])}); steps {report['steps_atomized']}/{report['steps']}"]
    for area, st in sorted(report["areas"].items()):
        lines.append(f"  {area}: {st['atomized']}/{st['theorems']} ({pct(st['atomized'], st['theorems'])})")
    if report["failures"]:
        lines.append("not atomized, by first cause:")
        for reason, n in sorted(report["failures"].items(), key=lambda kv: (-kv[1], kv[0]))[:12]:
            lines.append(f"  {n:4d}  {reason}")
    secs = report.get("seconds", 0.0) or 0.0
    calls = report.get("checker_calls", 0)
    lines.append(f"{report['actions']} atomic actions -> {out}; {calls} checker calls in {secs:.1f} s "
                 f"({calls / secs if secs else 0:.1f} calls/s)")
    if "premises" in report:
        lines.append(f"{report['premises']} premises written")
    return "\n".join(lines)
