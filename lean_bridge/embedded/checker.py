"""`check_source`/`check_file`: run a whole Lean file through the embedded checker and report one
verdict per declaration (the engine behind `prover check`)."""
from __future__ import annotations

from pathlib import Path

from lean_bridge.syntax import parse_file

from .elab_command import CommandElaborator, DeclarationResult, Message
from .kernel import raise_recursion_limit
from .prelude import prelude_env

__all__ = ["check_source", "check_file", "DeclarationResult", "Message"]


def check_source(text: str, filename: str = "<input>") -> list[DeclarationResult]:
    """Elaborate and kernel-check every command of `text`; one result per declaration, in order."""
    return run_source(text, filename)[0]


def run_source(text: str, filename: str = "<input>") -> tuple[list[DeclarationResult], list[Message]]:
    """Like `check_source`, also returning every message (errors, warnings, `#check` output)."""
    raise_recursion_limit()
    file = parse_file(text, filename)
    elab = CommandElaborator(prelude_env())
    for cmd in file.commands:
        elab.run(cmd)
    return elab.results, elab.messages


def check_file(path: str | Path) -> list[DeclarationResult]:
    """`check_source` on a file's contents (UTF-8)."""
    path = Path(path)
    return check_source(path.read_text(encoding="utf-8"), str(path))
