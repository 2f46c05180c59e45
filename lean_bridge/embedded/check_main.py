"""`python -m lean_bridge.embedded check FILE...`: stream one JSON verdict per declaration on stdout.

This is how `prover check` reaches the embedded checker: through a subprocess, exactly as it
reaches a real Lean. Each line is a JSON object, flushed as soon as the declaration is decided:
``{"file", "name", "ok", "message", "line", "column", "error_line", "error_column", "axioms", "kind"}``,
or ``{"file", "unreadable": reason}`` for a file that cannot be read. Ctrl-C ends quietly (130).

With ``--one-environment`` the files are checked in order as ONE environment (a later file sees
every declaration of the earlier ones, as if it imported them; namespaces and `variable`s start
afresh in each file), and each line also has ``"statement_key"``: for an accepted declaration, a
rendering of its elaborated statement that is equal exactly when two statements are equal up to
renaming (`checker.statement_key`). This is how a corpus such as `datasets/stdlib` is checked.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Sequence

from lean_bridge.file_check import read_source

USAGE = "usage: python -m lean_bridge.embedded check [--one-environment] FILE.lean [FILE.lean ...]"


def main(argv: Sequence[str] | None = None) -> int:
    """Check each file in its own environment, printing verdicts as JSON lines."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["check"]:
        args = args[1:]
    if not args or any(a in ("-h", "--help") for a in args):
        print(USAGE, file=sys.stderr if not args else sys.stdout)
        return 0 if args else 2
    one_environment = "--one-environment" in args
    args = [a for a in args if a != "--one-environment"]
    if not args:
        print(USAGE, file=sys.stderr)
        return 2
    from .checker import iter_check, iter_check_sources

    try:
        if one_environment:
            return _check_together(args, iter_check_sources)
        for name in args:
            text, problem = read_source(Path(name))
            if text is None:
                _emit({"file": name, "unreadable": problem})
                continue
            for r in iter_check(text, name):
                _emit({"file": name, "name": r.name, "ok": r.ok, "message": r.message, "line": r.line,
                       "column": r.column, "error_line": r.error_line, "error_column": r.error_column,
                       "axioms": list(r.axioms), "kind": r.kind})
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return 0


def _check_together(names: Sequence[str], iter_check_sources) -> int:
    """`--one-environment`: every file must be readable, then one stream over all of them."""
    sources = []
    for name in names:
        text, problem = read_source(Path(name))
        if text is None:
            _emit({"file": name, "unreadable": problem})
            return 0
        sources.append((text, name))
    for name, r, key in iter_check_sources(sources):
        _emit({"file": name, "name": r.name, "ok": r.ok, "message": r.message, "line": r.line,
               "column": r.column, "error_line": r.error_line, "error_column": r.error_column,
               "axioms": list(r.axioms), "kind": r.kind, "statement_key": key})
    return 0


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
