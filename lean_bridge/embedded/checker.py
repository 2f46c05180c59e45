"""`check_source`/`check_file`: run a whole Lean file through the embedded checker and report one
verdict per declaration (the engine behind `prover check`)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from dataclasses import replace

from lean_bridge.syntax import ast, parse_file

from .elab_command import CommandElaborator, DeclarationResult, Message
from .kernel import raise_recursion_limit
from .prelude import prelude_env

__all__ = ["check_source", "iter_check", "check_file", "DeclarationResult", "Message"]


def check_source(text: str, filename: str = "<input>") -> list[DeclarationResult]:
    """Elaborate and kernel-check every command of `text`; one result per declaration, in order."""
    return list(iter_check(text, filename))


def iter_check(text: str, filename: str = "<input>") -> Iterator[DeclarationResult]:
    """`check_source` as a stream: each result is yielded as soon as it is final.

    A result is held back until the next command is read, because a parse error that continues
    a declaration (`_continues_previous`) turns that declaration's verdict into a failure.
    """
    elab = CommandElaborator(prelude_env())
    yield from _run(elab, text, filename)


def run_source(text: str, filename: str = "<input>") -> tuple[list[DeclarationResult], list[Message]]:
    """Like `check_source`, also returning every message (errors, warnings, `#check` output)."""
    elab = CommandElaborator(prelude_env())
    results = list(_run(elab, text, filename))
    return results, elab.messages


def _run(elab: CommandElaborator, text: str, filename: str) -> Iterator[DeclarationResult]:
    """Elaborate `text` command by command with `elab`, yielding each declaration's final result."""
    raise_recursion_limit()
    file = parse_file(text.removeprefix("\ufeff"), filename)  # a byte-order mark is not part of the source
    emitted = 0
    snapshot = None
    for cmd in file.commands:
        before = len(elab.results)
        continues = isinstance(cmd, ast.ErrorCommand) and snapshot is not None and _continues_previous(cmd)
        if continues:
            if before > snapshot[3]:
                _fail_previous(elab, cmd)
            # the previous command runs into a parse error: it fails, and a command that fails must not
            # change what later ones mean (`open Nat foo (` opens nothing)
            elab.state.env, elab.state.scope, elab.state.frames = snapshot[:3]
        snapshot = (elab.state.env, elab.state.scope, list(elab.state.frames), before)
        elab.run(cmd)
        elab.artifacts.clear()  # proof states are for the servers; keeping them would cost ~40 KB a declaration
        if continues:
            del elab.results[before:]  # the error is the previous declaration's verdict: report it once
        final = len(elab.results) - 1  # the newest result may still be failed by a continuation error
        while emitted < final:
            yield elab.results[emitted]
            emitted += 1
    while emitted < len(elab.results):
        yield elab.results[emitted]
        emitted += 1


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
