"""`prover check`: stream one verdict line per declaration, a closing summary, and honest exit codes.

Exit codes: 0 every declaration accepted, 1 something rejected, 2 usage error (missing or
unreadable file), 3 the checker itself failed (an internal error or a crash), 130 interrupted.
Lines appear as soon as each declaration is decided; with several files every line names its file.
A directory argument is a corpus (`prover/corpus.py`): its files, in the order of its `splits.json`,
are checked as ONE environment (a later file sees the earlier ones, like `import`).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lean_bridge.file_check import CheckerCrashed, FileVerdict, read_source, stream_check
from lean_bridge.types import BackendError
from prover.corpus import CorpusError, corpus_paths

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


@dataclass
class Tally:
    """Counts for the summary line."""

    files: set[str] = field(default_factory=set)
    ok: int = 0
    rejected: int = 0
    internal: int = 0

    def add(self, verdict: FileVerdict) -> None:
        self.files.add(verdict.file)
        if verdict.ok:
            self.ok += 1
        else:
            self.rejected += 1
            self.internal += verdict.internal

    def summary(self, n_files: int) -> str:
        total = self.ok + self.rejected
        return (f"checked {total} declaration{'s' * (total != 1)} in {n_files} file{'s' * (n_files != 1)}: "
                f"{self.ok} ok, {self.rejected} rejected")


def format_verdict(v: FileVerdict, name_file: bool) -> str:
    """`name: ok` or `name: error: message (file:line:col)`; ok lines name the file when asked."""
    if v.ok:
        return f"{v.name}: ok" + (f" ({v.file}:{v.line}:{v.column})" if name_file else "")
    message = " ".join((v.message or "rejected").split())
    return f"{v.name}: error: {message} ({v.file}:{v.line}:{v.column})"


def verdict_json(v: FileVerdict) -> str:
    """One JSON object per declaration for `--json`."""
    return json.dumps({"file": v.file, "name": v.name, "ok": v.ok, "message": v.message, "line": v.line,
                       "column": v.column, "axioms": list(v.axioms)}, ensure_ascii=False)


def usage_problem(path: Path) -> str | None:
    """Why `path` cannot be checked (one line), or None."""
    _, problem = read_source(path)
    return None if problem is None else f"cannot read {path}: {problem}"


def run_check(args: argparse.Namespace) -> int:
    """Check `args.files` with `args.backend`, printing as decided; see the module docstring for exit codes."""
    groups: list[tuple[list[Path], bool]] = []  # (files, checked as one environment)
    for path in args.files:
        if path.is_dir():
            try:
                groups.append((corpus_paths(path), True))
            except CorpusError as err:
                print(f"prover: error: {err}", file=sys.stderr)
                return EXIT_USAGE
            continue
        problem = usage_problem(path)
        if problem:
            print(f"prover: error: {problem}", file=sys.stderr)
            return EXIT_USAGE
        if groups and not groups[-1][1]:
            groups[-1][0].append(path)
        else:
            groups.append(([path], False))
    files = [f for group, _ in groups for f in group]
    tally = Tally()
    name_file = len(files) > 1
    out = sys.stdout
    crashed: str | None = None
    try:
        for group, together in groups:
            for verdict in stream_check(group, backend=args.backend, one_environment=together):
                if verdict.unreadable:
                    print(f"prover: error: cannot read {verdict.file}: {verdict.unreadable}", file=sys.stderr)
                    return EXIT_USAGE
                tally.add(verdict)
                out.write((verdict_json(verdict) if args.json else format_verdict(verdict, name_file)) + "\n")
                out.flush()
    except KeyboardInterrupt:
        print(tally.summary(len(files)) + " (interrupted)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (CheckerCrashed, BackendError) as err:
        crashed = " ".join(str(err).split())
    summary = tally.summary(len(files))
    print(summary, file=sys.stderr if args.json else sys.stdout, flush=True)
    if crashed:
        print(f"prover: internal error: {crashed}", file=sys.stderr)
        return EXIT_INTERNAL
    if tally.internal:
        return EXIT_INTERNAL
    return EXIT_OK if tally.rejected == 0 else EXIT_REJECTED
