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
    bar = tqdm(total=total, desc="trace", unit="thm", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    stats = {"steps": 0, "ok": 0, "start": time.monotonic()}
    with open_checker(backend_kind) as backend:
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
