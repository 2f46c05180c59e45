"""Reader and printer for Pantograph's ``printExprAST`` S-expressions (PROTOCOLS.md 2.7).

A parsed S-expression is a nested tuple; atoms are ``str`` (symbols such as ``:c``,
``Nat.add``, ``_uniq.12``, ``«term_+_»``, ``_``), ``int`` (de Bruijn indices, numeric
literals, universe numerals) or ``StrLit`` (string literals, ``(:lit "text")``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class StrLit:
    """A string literal atom (``"text"``), kept apart from symbols."""

    value: str


SExpr = Union[str, int, StrLit, tuple]


class SExprError(ValueError):
    """The text is not a well-formed S-expression."""


_DELIMS = frozenset(" \t\r\n()\"")


def parse_sexp(text: str) -> SExpr:
    """Parse one S-expression (raises ``SExprError`` on malformed input or trailing text)."""
    value, pos = _read(text, _skip_ws(text, 0))
    pos = _skip_ws(text, pos)
    if pos != len(text):
        raise SExprError(f"trailing text at offset {pos}: {text[pos:pos + 20]!r}")
    return value


def _skip_ws(text: str, pos: int) -> int:
    """Index of the first non-whitespace character at or after ``pos``."""
    n = len(text)
    while pos < n and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _read(text: str, pos: int) -> tuple[SExpr, int]:
    """Read one S-expression starting at ``pos`` (iteratively, so deep terms do not recurse)."""
    stack: list[list[SExpr]] = []
    n = len(text)
    while True:
        if pos >= n:
            raise SExprError("unexpected end of S-expression")
        ch = text[pos]
        if ch == "(":
            stack.append([])
            pos = _skip_ws(text, pos + 1)
            continue
        if ch == ")":
            if not stack:
                raise SExprError(f"unbalanced ')' at offset {pos}")
            item: SExpr = tuple(stack.pop())
            pos += 1
        elif ch == '"':
            item, pos = _read_string(text, pos)
        else:
            item, pos = _read_atom(text, pos)
        if not stack:
            return item, pos
        stack[-1].append(item)
        pos = _skip_ws(text, pos)


def _read_string(text: str, pos: int) -> tuple[StrLit, int]:
    """Read a JSON-style quoted string starting at ``pos``."""
    end = pos + 1
    n = len(text)
    while end < n and text[end] != '"':
        end += 2 if text[end] == "\\" else 1
    if end >= n:
        raise SExprError(f"unterminated string at offset {pos}")
    try:
        return StrLit(json.loads(text[pos:end + 1])), end + 1
    except json.JSONDecodeError as e:
        raise SExprError(f"bad string literal at offset {pos}") from e


def _read_atom(text: str, pos: int) -> tuple[Union[str, int], int]:
    """Read a symbol or integer; ``«...»`` quoted name parts may contain spaces and parens."""
    start = pos
    n = len(text)
    while pos < n and text[pos] not in _DELIMS:
        if text[pos] == "«":
            close = text.find("»", pos)
            if close < 0:
                raise SExprError(f"unterminated «name» at offset {pos}")
            pos = close
        pos += 1
    atom = text[start:pos]
    if atom.isdigit() or (atom[:1] == "-" and atom[1:].isdigit()):
        return int(atom), pos
    return atom, pos


def format_sexp(expr: SExpr) -> str:
    """Print an S-expression back in Pantograph's syntax (inverse of ``parse_sexp``)."""
    if isinstance(expr, tuple):
        return "(" + " ".join(format_sexp(e) for e in expr) + ")"
    if isinstance(expr, StrLit):
        return json.dumps(expr.value, ensure_ascii=False)
    return str(expr)
