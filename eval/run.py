"""``prover eval``: the GNN prover and the baselines on one benchmark split, same budget, one invocation.

Methods (``METHODS``): ``learned`` (the model's policy in the best-first search), ``uniform``
(the same search, uniform over the same atomic actions), ``heuristic`` (the same search, a
fixed kind order) and ``automation`` (one closing step of the built-in automation, no search).
Every method gets the same wall-time limit per theorem and the same workers.

Benchmark rule (LeanDojo's): the files of the benchmark directory form one environment in
dependency order (``Logic.lean``, ``Nat.lean``, ``List.lean``); a test theorem sees every
declaration before it, whatever its split, with its real proof; its own proof and everything
after it are hidden. Splits come from ``prover.corpus`` when present, else ``splits.json``,
else the documented rule (first 8 hex digits of sha256(name) mod 10: 0–6 train, 7 valid,
8–9 test).

Outputs in the report directory: ``results-<method>.jsonl`` (one record per theorem, written
as it finishes; ``--resume`` skips finished ones), ``run.json`` (the settings and the
machine), then ``report.md`` and ``report.html`` from ``eval.report``.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any, Optional, Sequence

from lean_bridge import BackendError, BackendStartupError
from lean_bridge.types import StatementError
from lean_bridge.source import _strip_comments
from prover.prove import (
    BackendUnusable,
    Chunk,
    ResultsWriter,
    Target,
    Task,
    UsageError,
    chunk_status,
    open_pool,
    read_results,
    run_targets,
    split_chunks,
)
from prover.search import SearchConfig

METHODS: tuple[str, ...] = ("learned", "uniform", "heuristic", "automation")
FILE_ORDER: tuple[str, ...] = ("Logic.lean", "Nat.lean", "List.lean")
AREA_OF_FILE = {"Logic.lean": "logic", "Nat.lean": "Nat", "List.lean": "List"}
AUTOMATION: tuple[str, ...] = ("simp_all", "simp", "trivial", "rfl", "decide", "omega", "assumption",
                               "contradiction")


class AutomationPolicy:
    """Baseline (c): the built-in closing tactics, each tried once on the theorem (search depth 1)."""

    name = "automation"

    def propose(self, states: Sequence[Any], premises: Sequence[str], k: int) -> list[list[tuple[str, float]]]:
        """The closing tactics as raw tactic text, equally likely."""
        return [[(t, 0.0) for t in AUTOMATION] for _ in states]

    def value(self, states: Sequence[Any]) -> list[float]:
        """No value estimate."""
        return [1.0] * len(states)


def benchmark_files(directory: Path) -> list[Path]:
    """The benchmark's Lean files in dependency order: the corpus manifest's, else known names first, then by name."""
    if not directory.is_dir():
        raise UsageError(f"benchmark {directory} is not a directory")
    try:
        from prover.corpus import load_corpus

        return list(load_corpus(directory).paths)
    except Exception:  # no manifest or no corpus module: order by the known file names
        pass
    files = sorted(directory.glob("*.lean"), key=lambda p: (FILE_ORDER.index(p.name) if p.name in FILE_ORDER
                                                            else len(FILE_ORDER), p.name))
    if not files:
        raise UsageError(f"benchmark {directory} has no .lean files")
    return files


def rule_split(name: str) -> str:
    """The documented split rule: sha256(name)[:8] as an integer mod 10 → 0–6 train, 7 valid, 8–9 test."""
    bucket = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if bucket <= 6 else "valid" if bucket == 7 else "test"


def load_splits(directory: Path) -> tuple[dict[str, str], str]:
    """Theorem name → split, and where it came from (prover.corpus, splits.json, or the rule)."""
    try:
        from prover.corpus import load_corpus  # type: ignore[import-not-found]

        corpus = load_corpus(str(directory))
        entries = getattr(corpus, "theorems", None) or getattr(corpus, "entries", None) or []
        splits = {e.name: e.split for e in entries if getattr(e, "split", None)}
        if splits:
            return splits, "prover.corpus"
    except Exception:  # the corpus module is optional here: fall back to the file or the rule
        pass
    path = directory / "splits.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        data = (data.get("theorems") or data.get("splits") or data) if isinstance(data, dict) else data
        if isinstance(data, dict) and all(isinstance(v, list) for v in data.values()):
            return {n: split for split, names in data.items() for n in names}, "splits.json"
        if isinstance(data, dict):
            return {n: str(v) for n, v in data.items()}, "splits.json"
    return {}, "rule"


def proof_head(text: str) -> Optional[str]:
    """The declaration up to its proof: text before the first top-level ``:=`` or equation ``|`` line."""
    clean = _strip_comments(text)
    depth = 0
    opening, closing = "([{⟨⦃", ")]}⟩⦄"
    for i, ch in enumerate(clean):
        if ch in opening:
            depth += 1
        elif ch in closing:
            depth = max(0, depth - 1)
        elif depth == 0 and clean.startswith(":=", i):
            return text[:i].rstrip()
        elif depth == 0 and ch == "|" and clean[:i].rstrip(" \t").endswith("\n"):
            return text[:i].rstrip()
    return None


def corpus_task(chunks: Sequence[Chunk], ok: Sequence[bool], split_of: dict[str, str], split: str,
                area_of: Sequence[str], limit: Optional[int] = None, in_library: frozenset[str] = frozenset()) -> Task:
    """Targets = accepted theorems of ``split``; every accepted declaration (targets too) joins the environment.

    A theorem named in ``in_library`` restates a constant the checker's library already has (Lean's
    Prelude lemmas): its statement is in the environment before the search starts, so it is never a
    target (``library_constants`` finds them; the report lists them).
    """
    pieces: list[str] = []
    premises: list[str] = []
    targets: list[Target] = []
    for chunk, good, area in zip(chunks, ok, area_of):
        if not good or chunk.keyword in ("axiom", "opaque"):
            continue
        name = chunk.name
        if (chunk.keyword in ("theorem", "lemma") and name and split_of.get(name, rule_split(name)) == split
                and name not in in_library and (limit is None or len(targets) < limit)):
            head = proof_head(chunk.text)
            if head is not None:
                targets.append(Target(name=name, head=head, env_upto=len(pieces), premises=tuple(premises),
                                      line=chunk.file_line, end_line=chunk.file_end_line, area=area))
        pieces.append(chunk.text)
        if chunk.keyword in ("theorem", "lemma") and name:
            premises.append(name)
    return Task(pieces=pieces, targets=targets)


def library_constants(backend: Any, names: Sequence[str]) -> frozenset[str]:
    """The ``names`` a fresh checker environment already has (``inspect`` finds them before any file)."""
    found = set()
    for name in names:
        try:
            backend.inspect(name, value=False)
        except (StatementError, NotImplementedError):
            continue
        found.add(name)
    return frozenset(found)


def make_method_policy(method: str, model: Optional[str], seed: int) -> Any:
    """The policy of a method (``RuntimeError`` when the learned model is unavailable)."""
    if method == "automation":
        return AutomationPolicy()
    from prover.policies import make_policy

    return make_policy(method, model, seed)


def method_config(method: str, time_limit: float) -> SearchConfig:
    """The same budget for every method; automation is one step deep."""
    if method == "automation":
        return SearchConfig(time_limit=time_limit, k=len(AUTOMATION), chunk=len(AUTOMATION), batch=1, max_depth=1)
    return SearchConfig(time_limit=time_limit)


def model_parameters(policy: Any) -> Optional[int]:
    """Parameter count of a learned policy's model (None when not a torch model)."""
    model = getattr(policy, "model", None)
    try:
        return int(sum(p.numel() for p in model.parameters())) if model is not None else None
    except AttributeError:
        return None


def run_eval_command(args: Any) -> int:
    """``prover eval``: run every method on the split, write results, run.json and the report."""
    from tqdm import tqdm

    from eval.report import write_report

    bench = Path(args.benchmark)
    files = benchmark_files(bench)
    report_dir = Path(args.report)
    report_dir.mkdir(parents=True, exist_ok=True)
    if args.time_limit <= 0:
        raise UsageError("--time-limit must be positive")
    workers = args.workers or os.cpu_count() or 1
    methods = [m.strip() for m in args.methods.split(",")] if args.methods else list(METHODS)
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise UsageError(f"unknown method(s) {', '.join(unknown)} (choose from {', '.join(METHODS)})")
    policies: dict[str, Any] = {}
    skipped: dict[str, str] = {}
    for m in methods:
        try:
            policies[m] = make_method_policy(m, args.model, args.seed)
        except RuntimeError as err:
            if args.methods:
                raise UsageError(str(err)) from None
            skipped[m] = str(err)
            print(f"prover: note: method {m} skipped: {err}", file=sys.stderr)
    split_of, split_source = load_splits(bench)
    chunks: list[Chunk] = []
    area_of: list[str] = []
    for f in files:
        cs = split_chunks(f.read_text(encoding="utf-8"), True)
        chunks += cs
        area_of += [AREA_OF_FILE.get(f.name, f.stem)] * len(cs)
    run_info: dict[str, Any] = {
        "benchmark": str(bench), "files": [f.name for f in files], "split": args.split, "split_source": split_source,
        "time_limit": args.time_limit, "workers": workers, "seed": args.seed, "methods": {},
        "skipped": skipped, "cores": os.cpu_count(), "machine": platform.machine(),
        "python": platform.python_version(), "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "price_core_hour": args.price_core_hour,
    }
    old = _read_json(report_dir / "run.json") if args.resume else {}
    load_start = round(os.getloadavg()[0], 2)
    pool = open_pool("embedded", workers)
    interrupted = False
    try:
        try:
            with pool.lease() as backend:
                in_split = [c.name for c in chunks if c.keyword in ("theorem", "lemma") and c.name
                            and split_of.get(c.name, rule_split(c.name)) == args.split]
                in_library = library_constants(backend, in_split)
                print(f"prover: checking the benchmark environment ({len(chunks)} commands)…", file=sys.stderr)
                ok, _ = chunk_status(backend, chunks)
        except BackendStartupError as err:
            raise BackendUnusable(f"embedded backend is not usable: {' '.join(str(err).split())[:300]}") from None
        except BackendError as err:
            raise BackendUnusable(f"checking {bench} failed: {' '.join(str(err).split())[:300]}") from None
        task = corpus_task(chunks, ok, split_of, args.split, area_of, args.limit, in_library)
        run_info["excluded_in_library"] = sorted(in_library)
        run_info["theorems"] = len(task.targets)
        run_info["targets_split_by_rule"] = sorted(t.name for t in task.targets if t.name not in split_of)
        run_info["rejected_declarations"] = sum(1 for g in ok if not g)
        for method, policy in policies.items():
            path = report_dir / f"results-{method}.jsonl"
            done = read_results(path) if args.resume else {}
            todo = [t for t in task.targets if t.name not in done]
            writer = ResultsWriter(path, resume=args.resume)
            bar = tqdm(total=len(task.targets), initial=len(task.targets) - len(todo), desc=method, unit="thm",
                       file=sys.stderr, disable=None)
            try:
                stats = run_targets(task, todo, pool=pool, policy=policy, config=method_config(method, args.time_limit),
                                    workers=workers, writer=writer, method=method, on_record=lambda r: bar.update(1))
            finally:
                bar.close()
                writer.close()
            prev = old.get("methods", {}).get(method, {})
            run_info["methods"][method] = {
                "wall_seconds": round(stats.wall + float(prev.get("wall_seconds", 0.0)), 2),
                "parameters": model_parameters(policy),
                "k": method_config(method, args.time_limit).k,
            }
            if stats.interrupted:
                interrupted = True
                break
    finally:
        pool.close()
    run_info["load_average"] = [load_start, round(os.getloadavg()[0], 2)]
    (report_dir / "run.json").write_text(json.dumps(run_info, indent=2), encoding="utf-8")
    summary = write_report(report_dir)
    print(summary)
    return 130 if interrupted else 0


def _read_json(path: Path) -> dict[str, Any]:
    """A JSON object from a file, or {} when missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
