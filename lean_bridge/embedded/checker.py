"""`check_source`/`check_file`: run a whole Lean file through the embedded checker and report one
verdict per declaration (the engine behind `prover check`)."""
from __future__ import annotations

from pathlib import Path

from dataclasses import replace

from lean_bridge.syntax import ast, parse_file

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
    snapshot = None
    results_before = 0
    for cmd in file.commands:
        if isinstance(cmd, ast.ErrorCommand) and snapshot is not None and _continues_previous(cmd):
            if len(elab.results) > results_before:
                _fail_previous(elab, cmd)
            # the previous command runs into a parse error: it fails, and a command that fails must not
            # change what later ones mean (`open Nat foo (` opens nothing)
            elab.state.env, elab.state.scope, elab.state.frames = snapshot
        snapshot = (elab.state.env, elab.state.scope, list(elab.state.frames))
        results_before = len(elab.results)
        elab.run(cmd)
    return elab.results, elab.messages


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
