"""`check_source`/`check_file`: run a whole Lean file through the embedded checker and report one
verdict per declaration (the engine behind `prover check`)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from dataclasses import replace

from lean_bridge.syntax import ast, parse_file

from .expr import App, BVar, Const, Expr, Lam, Let, NatLit, Pi, Proj, Sort, instantiate_expr_level_params
from .level import LevelParam, format_level
from .elab_command import CommandElaborator, CommandState, DeclarationResult, Message
from .kernel import raise_recursion_limit
from .prelude import prelude_env

__all__ = ["check_source", "check_sources", "check_sources_keyed", "check_file", "statement_key",
           "DeclarationResult", "Message"]


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
    return check_sources_keyed(sources)[0]


def check_sources_keyed(
    sources: Sequence[tuple[str, str]],
    on_result: Callable[[str, DeclarationResult, str | None], None] | None = None,
) -> tuple[list[list[DeclarationResult]], dict[str, str]]:
    """`check_sources`, plus the `statement_key` of every accepted declaration (by full name);
    `on_result(filename, result, key)` is called as soon as each declaration is decided."""
    raise_recursion_limit()
    elab = CommandElaborator(prelude_env())
    per_file: list[list[DeclarationResult]] = []
    keys: dict[str, str] = {}
    for text, filename in sources:
        elab.state = CommandState(elab.env)
        start = len(elab.results)

        def decided(first: int, filename: str = filename) -> None:
            for result in elab.results[first:]:
                info = elab.env.find(result.name) if result.ok else None
                key = statement_key(info.type, info.level_params) if info is not None else None
                if key is not None:
                    keys[result.name] = key
                if on_result is not None:
                    on_result(filename, result, key)

        _run_file(elab, text, filename, decided)
        per_file.append(elab.results[start:])
    return per_file, keys


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


def _run_file(elab: CommandElaborator, text: str, filename: str,
              decided: Callable[[int], None] | None = None) -> None:
    """Run every command of one file through `elab`; a parse error inside a declaration fails it.
    `decided(i)` is told each time results from index `i` on are final (the last one may still be
    failed by a parse error that follows it, so a result is reported one command late)."""
    start = reported = len(elab.results)
    for cmd in parse_file(text, filename).commands:
        if isinstance(cmd, ast.ErrorCommand) and len(elab.results) > start and _continues_previous(cmd):
            _fail_previous(elab, cmd)
        final = len(elab.results)
        if decided is not None and final > reported:
            decided(reported)  # everything before this command can no longer change
            reported = final
        elab.run(cmd)
    if decided is not None and len(elab.results) > reported:
        decided(reported)


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
