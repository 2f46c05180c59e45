"""`check_source`/`check_file`: run a whole Lean file through the embedded checker and report one
verdict per declaration (the engine behind `prover check`)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

from dataclasses import replace

from lean_bridge.syntax import ast, parse_file

from .elab_command import CommandElaborator, CommandState, DeclarationResult, Message
from .expr import App, BVar, Const, Expr, Lam, Let, NatLit, Pi, Proj, Sort, instantiate_expr_level_params
from .level import LevelParam, format_level
from .kernel import raise_recursion_limit
from .prelude import prelude_env

__all__ = ["check_source", "iter_check", "check_sources", "iter_check_sources", "check_file", "statement_key",
           "DeclarationResult", "Message"]


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
    start = emitted = len(elab.results)  # a shared elaborator already holds earlier files' results
    for cmd in file.commands:
        before = len(elab.results)
        continues = isinstance(cmd, ast.ErrorCommand) and before > start and _continues_previous(cmd)
        if continues:
            _fail_previous(elab, cmd)
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


def check_sources(sources: Sequence[tuple[str, str]]) -> list[list[DeclarationResult]]:
    """Check `(text, filename)` pairs in order as ONE environment, the way a later Lean file sees an
    earlier one it imports: every declaration of an earlier file is visible, while namespaces,
    `open`s, `variable`s and universes start afresh in each file. One result list per file, with
    positions relative to that file."""
    per_file: dict[str, list[DeclarationResult]] = {name: [] for _, name in sources}
    for filename, result, _key in iter_check_sources(sources):
        per_file[filename].append(result)
    return [per_file[name] for _, name in sources]


def iter_check_sources(sources: Sequence[tuple[str, str]]) -> Iterator[tuple[str, DeclarationResult, str | None]]:
    """`check_sources` as a stream of `(filename, result, statement_key)`, each as soon as it is final;
    the key (see `statement_key`) is given for accepted declarations, else None."""
    elab = CommandElaborator(prelude_env())
    for text, filename in sources:
        elab.state = CommandState(elab.env)  # like an import: the environment stays, the scopes do not
        for result in _run(elab, text, filename):
            info = elab.env.find(result.name) if result.ok else None
            yield filename, result, statement_key(info.type, info.level_params) if info is not None else None


def statement_key(type_: Expr, level_params: Sequence[str] = ()) -> str:
    """A rendering of an elaborated statement that is equal exactly when two statements are equal up
    to renaming: bound variables are de Bruijn indices, binder names and binder kinds (explicit or
    implicit) are dropped, universe parameters are numbered in declaration order."""
    renamed = instantiate_expr_level_params(type_, level_params, [LevelParam(f"u{i}") for i in range(len(level_params))])
    return _key(renamed)


def _key(e: Expr) -> str:
    """Name-free S-expression of a kernel term (see `statement_key`)."""
    if isinstance(e, BVar):
        return f"#{e.idx}"
    if isinstance(e, Const):
        return f"{e.name}.{{{','.join(format_level(l) for l in e.levels)}}}" if e.levels else e.name
    if isinstance(e, App):
        args = []
        while isinstance(e, App):
            args.append(_key(e.arg))
            e = e.fn
        return f"({_key(e)} {' '.join(reversed(args))})"
    if isinstance(e, (Pi, Lam)):
        return f"({'pi' if isinstance(e, Pi) else 'lam'} {_key(e.type)} {_key(e.body)})"
    if isinstance(e, Sort):
        return f"(sort {format_level(e.level)})"
    if isinstance(e, NatLit):
        return str(e.value)
    if isinstance(e, Let):
        return f"(let {_key(e.type)} {_key(e.value)} {_key(e.body)})"
    if isinstance(e, Proj):
        return f"(proj {e.struct} {e.idx} {_key(e.expr)})"
    return repr(e)  # free variables and metavariables never occur in a checked statement


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
