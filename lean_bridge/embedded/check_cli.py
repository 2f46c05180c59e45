"""`python -m lean_bridge.embedded check FILE.lean ...`: check files in order as ONE environment
(a later file sees every declaration of the earlier ones, as if it imported them) and print one JSON
object per declaration on stdout, then a summary line `{"files": N, "seconds": S}`.

Each declaration line: `{"file", "name", "ok", "message", "line", "column", "error_line",
"error_column", "axioms", "statement_key"}`; `statement_key` (accepted declarations only) is equal
exactly when two statements are equal up to renaming (`checker.statement_key`). This is how code
outside `lean_bridge/embedded` checks a corpus: through a subprocess, like a real Lean.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from .checker import DeclarationResult, check_sources_keyed

USAGE = "usage: python -m lean_bridge.embedded check FILE.lean [FILE.lean ...]"


def main(argv: list[str] | None = None) -> int:
    """Check the files named on the command line; exit 0 if all declarations are accepted, 1 if not."""
    args = sys.argv[2:] if argv is None else argv
    if not args:
        print(USAGE, file=sys.stderr)
        return 2
    sources = []
    for name in args:
        try:
            sources.append((Path(name).read_text(encoding="utf-8"), name))
        except (OSError, UnicodeDecodeError) as err:
            print(f"error: cannot read {name}: {err}", file=sys.stderr)
            return 2
    start = time.perf_counter()
    verdicts: list[bool] = []

    def emit(filename: str, r: DeclarationResult, key: str | None) -> None:
        verdicts.append(r.ok)
        print(json.dumps({"file": filename, "name": r.name, "ok": r.ok, "message": r.message,
                          "line": r.line, "column": r.column, "error_line": r.error_line,
                          "error_column": r.error_column, "axioms": list(r.axioms), "kind": r.kind,
                          "statement_key": key}, ensure_ascii=False), flush=True)

    check_sources_keyed(sources, emit)
    print(json.dumps({"files": len(sources), "seconds": round(time.perf_counter() - start, 3)}))
    return 0 if all(verdicts) else 1
