"""Check several Lean files as ONE environment (a later file sees the earlier ones, like `import`)
through the embedded checker in a subprocess: `python -m lean_bridge.embedded check FILE...`.

This is how a corpus (`datasets/stdlib`) is verified: one verdict per declaration with positions
relative to its own file, the axioms it uses, and a `statement_key` that is equal exactly when two
statements are equal up to renaming (de Bruijn indices, binder names and kinds dropped).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from lean_bridge.types import BackendCrashed, BackendTimeout

DEFAULT_TIMEOUT = 1800.0  # seconds for the whole run; a corpus of ~700 theorems takes well under a minute


@dataclass(frozen=True)
class CheckedDeclaration:
    """The checker's verdict on one declaration of one file."""

    file: str
    name: str
    ok: bool
    message: Optional[str]
    line: int
    column: int
    error_line: Optional[int]
    error_column: Optional[int]
    axioms: tuple[str, ...]
    kind: str
    statement_key: Optional[str]


@dataclass(frozen=True)
class FilesCheck:
    """Every declaration of every file, in order, and the checker's own time."""

    declarations: tuple[CheckedDeclaration, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        """True when every declaration was accepted."""
        return all(d.ok for d in self.declarations)


def check_files(
    paths: Sequence[os.PathLike[str] | str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    on_declaration: Optional[Callable[[CheckedDeclaration], None]] = None,
) -> FilesCheck:
    """Run the embedded checker on `paths` (in this order, one environment) and parse its verdicts;
    `on_declaration` is called as each verdict arrives (for a progress bar)."""
    argv = [sys.executable, "-m", "lean_bridge.embedded", "check", *[str(p) for p in paths]]
    deadline = time.monotonic() + timeout
    decls: list[CheckedDeclaration] = []
    summary: Optional[dict] = None
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8") as proc:
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            assert proc.stdout is not None and proc.stderr is not None
            for line in proc.stdout:
                if not line.strip():
                    continue
                obj = json.loads(line)
                if "name" not in obj:
                    summary = obj
                    continue
                decls.append(_declaration(obj))
                if on_declaration is not None:
                    on_declaration(decls[-1])
            stderr = proc.stderr.read()
            returncode = proc.wait()
        finally:
            timer.cancel()
    if time.monotonic() >= deadline and summary is None:
        raise BackendTimeout(f"the embedded checker did not finish {len(paths)} file(s) in {timeout:.0f} s",
                             seconds=timeout)
    if returncode not in (0, 1) or summary is None:
        tail = tuple(stderr.splitlines()[-5:])
        raise BackendCrashed(f"the embedded checker failed (exit {returncode}): {' | '.join(tail)}",
                             returncode=returncode, stderr_tail=tail)
    return FilesCheck(tuple(decls), float(summary.get("seconds", 0.0)))


def _declaration(obj: dict) -> CheckedDeclaration:
    """One JSON line of `python -m lean_bridge.embedded check` as a `CheckedDeclaration`."""
    return CheckedDeclaration(
        file=obj["file"], name=obj["name"], ok=bool(obj["ok"]), message=obj.get("message"),
        line=int(obj["line"]), column=int(obj["column"]), error_line=obj.get("error_line"),
        error_column=obj.get("error_column"), axioms=tuple(obj.get("axioms") or ()), kind=obj.get("kind", "theorem"),
        statement_key=obj.get("statement_key"))

