"""`check_source`/`check_file`: run a whole Lean file through the embedded checker and report one
verdict per declaration (the engine behind `prover check`)."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from dataclasses import replace

from lean_bridge.syntax import ast, parse_file

from .elab_command import CommandElaborator, CommandState, DeclarationResult, Message
from .kernel import raise_recursion_limit
from .prelude import prelude_env

__all__ = ["check_source", "check_sources", "check_file", "DeclarationResult", "Message"]


def check_source(text: str, filename: str = "<input>") -> list[DeclarationResult]:
    """Elaborate and kernel-check every command of `text`; one result per declaration, in order."""
    return run_source(text, filename)[0]


def run_source(text: str, filename: str = "<input>") -> tuple[list[DeclarationResult], list[Message]]:
    """Like `check_source`, also returning every message (errors, warnings, `#check` output)."""
    raise_recursion_limit()
    elab = CommandElaborator(prelude_env())
    _run_file(elab, text, filename)
    return elab.results, elab.messages


def check_sources(sources: Sequence[tuple[str, str]]) -> list[list[DeclarationResult]]:
    """Check `(text, filename)` pairs in order as ONE environment, the way a later Lean file sees an
    earlier one it imports: every declaration of an earlier file is visible, while namespaces,
    `open`s, `variable`s and universes start afresh in each file. One result list per file, with
    positions relative to that file."""
    raise_recursion_limit()
    elab = CommandElaborator(prelude_env())
    per_file: list[list[DeclarationResult]] = []
    for text, filename in sources:
        elab.state = CommandState(elab.env)
        start = len(elab.results)
        _run_file(elab, text, filename)
        per_file.append(elab.results[start:])
    return per_file


def _run_file(elab: CommandElaborator, text: str, filename: str) -> None:
    """Run every command of one file through `elab`; a parse error inside a declaration fails it."""
    start = len(elab.results)
    for cmd in parse_file(text, filename).commands:
        if isinstance(cmd, ast.ErrorCommand) and len(elab.results) > start and _continues_previous(cmd):
            _fail_previous(elab, cmd)
        elab.run(cmd)


_COMMAND_WORDS = ("theorem", "lemma", "def", "abbrev", "example", "axiom", "inductive", "structure", "class",
                  "instance", "namespace", "section", "end", "open", "universe", "variable", "set_option",
                  "#check", "#eval", "#print", "#reduce", "import", "attribute", "@[", "private", "protected",
                  "noncomputable", "/--")


def _continues_previous(cmd: ast.ErrorCommand) -> bool:
    """A parse error that does not start a new command belongs to the declaration before it."""
    return not cmd.source.lstrip().startswith(_COMMAND_WORDS)


def _fail_previous(elab: CommandElaborator, cmd: ast.ErrorCommand) -> None:
    """Mark the previous declaration as rejected: its text runs into a parse error."""
    prev = elab.results[-1]
    if prev.ok:
        err = cmd.error
        elab.results[-1] = replace(prev, ok=False, message=f"{err.message} ({err.line}:{err.column}, after the declaration)")


def check_file(path: str | Path) -> list[DeclarationResult]:
    """`check_source` on a file's contents (UTF-8)."""
    path = Path(path)
    return check_source(path.read_text(encoding="utf-8"), str(path))
