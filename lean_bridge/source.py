"""Light helpers on Lean source text: load text-or-path, find declarations, map positions.

The REPL reports messages by line/column for a whole command string, so the bridge needs
to know which declaration a message belongs to. This is a lexical scan, not a parser: a
command starts at column 0 with a command keyword (after modifiers, attributes and doc
comments); ``namespace``/``section``/``end`` are tracked to give full names.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Optional, Union

Source = Union[str, "os.PathLike[str]"]

DECL_KEYWORDS = (
    "theorem", "lemma", "def", "example", "abbrev", "instance", "structure", "inductive",
    "class", "axiom", "opaque",
)
_MODIFIERS = ("private", "protected", "noncomputable", "partial", "unsafe", "nonrec", "scoped", "local")
_COMMAND_START = re.compile(
    r"^(?:@\[|/--|#|import\b|open\b|namespace\b|section\b|end\b|variable\b|universe\b|set_option\b|"
    r"attribute\b|mutual\b|macro\b|syntax\b|notation\b|infix\w*\b|prefix\b|postfix\b|elab\b|deriving\b|"
    + "|".join(rf"{k}\b" for k in DECL_KEYWORDS + _MODIFIERS)
    + r")"
)
_IDENT = r"(?:«[^»]*»|[^\s(){}\[\]:,⦃⦄⟨⟩@]+)"
_DECL = re.compile(
    r"^(?:@\[[^\]]*\]\s*)*(?:(?:" + "|".join(_MODIFIERS) + r")\s+)*"
    r"(?P<kw>" + "|".join(DECL_KEYWORDS) + r")\b\s*(?P<name>" + _IDENT + r")?"
)


@dataclass(frozen=True)
class Command:
    """One top-level command: full declaration name (None if not a named declaration), span."""

    keyword: str
    name: Optional[str]
    line: int  # 1-based first line
    column: int
    end_line: int  # 1-based last line (inclusive)

    @property
    def label(self) -> str:
        """The name to report for this command (declaration name, or keyword@line)."""
        return self.name if self.name is not None else f"{self.keyword}@{self.line}"


def load_source(source: Source) -> str:
    """Return Lean text: read a path-like, or a ``str`` naming an existing ``.lean`` file; else the str itself."""
    if isinstance(source, os.PathLike):
        with open(source, encoding="utf-8") as f:
            return f.read()
    if "\n" not in source and source.endswith(".lean") and os.path.isfile(source):
        with open(source, encoding="utf-8") as f:
            return f.read()
    return source


def has_imports(text: str) -> bool:
    """True if the text begins (after comments and blank lines) with an ``import`` line."""
    for line in _strip_comments(text).split("\n"):
        stripped = line.strip()
        if stripped:
            return stripped.startswith("import ") or stripped == "import"
    return False


def _strip_comments(text: str) -> str:
    """Blank out comments (``--`` lines and nested ``/- -/`` blocks), keeping line structure."""
    out: list[str] = []
    i, n, depth = 0, len(text), 0
    while i < n:
        if text.startswith("/-", i):
            depth += 1
            i += 2
            continue
        if depth and text.startswith("-/", i):
            depth -= 1
            i += 2
            continue
        ch = text[i]
        if depth:
            out.append("\n" if ch == "\n" else " ")
        elif text.startswith("--", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
            continue
        elif ch == '"':
            end = i + 1
            while end < n and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            out.append(text[i:end + 1])
            i = end + 1
            continue
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def split_commands(text: str) -> list[Command]:
    """List the top-level commands with full names (namespaces applied) and line spans."""
    lines = _strip_comments(text).split("\n")
    starts: list[tuple[int, str]] = []
    for idx, line in enumerate(lines):
        if line and not line[0].isspace() and _COMMAND_START.match(line):
            if starts and _continues_header(lines[starts[-1][0]:idx]):
                continue  # an attribute or doc comment line belongs to the command below it
            starts.append((idx, line))
    commands: list[Command] = []
    scopes: list[tuple[str, str]] = []  # (kind, name)
    for k, (idx, line) in enumerate(starts):
        end = (starts[k + 1][0] if k + 1 < len(starts) else len(lines)) - 1
        while end > idx and not lines[end].strip():
            end -= 1
        head = " ".join(l.strip() for l in lines[idx:end + 1])
        keyword, name = _classify(head)
        if keyword in ("namespace", "section"):
            scopes.append((keyword, name or ""))
            name = None
        elif keyword == "end":
            if scopes:
                scopes.pop()
            name = None
        elif name is not None and not name.startswith("_root_."):
            prefix = ".".join(n for kind, n in scopes if kind == "namespace" and n)
            name = f"{prefix}.{name}" if prefix else name
        elif name is not None:
            name = name[len("_root_."):]
        commands.append(Command(keyword=keyword, name=name, line=idx + 1, column=0, end_line=end + 1))
    return commands


def _continues_header(chunk: list[str]) -> bool:
    """True if the previous command so far is only attributes/doc comment (``@[simp]`` line)."""
    text = " ".join(l.strip() for l in chunk).strip()
    return bool(re.fullmatch(r"(?:@\[[^\]]*\]\s*)+", text)) or (text.startswith("/--") and "-/" not in text) or not text


def _classify(head: str) -> tuple[str, Optional[str]]:
    """Return (keyword, declared name or scope name) for a command's text."""
    head = re.sub(r"^/--.*?-/\s*", "", head, flags=re.S)
    m = _DECL.match(head)
    if m:
        kw = m.group("kw")
        name = m.group("name")
        if kw in ("example", "instance") and (name is None or name.startswith(":")):
            name = None if kw == "example" else name
        if kw == "example":
            name = None
        return kw, name
    parts = head.split()
    kw = parts[0] if parts else ""
    if kw in ("namespace", "section", "end"):
        return kw, parts[1] if len(parts) > 1 else None
    return kw, None


def declaration_name(text: str) -> Optional[str]:
    """The declared name in one command's text (None for non-declarations and ``example``)."""
    cmds = split_commands(text)
    return cmds[0].name if cmds else None


def command_at(commands: list[Command], line: int) -> Optional[Command]:
    """The command whose line span contains ``line`` (1-based), or None."""
    best = None
    for cmd in commands:
        if cmd.line <= line:
            best = cmd
        else:
            break
    return best


def byte_offset_to_position(text: str, offset: int) -> tuple[int, int]:
    """Convert a UTF-8 byte offset (Pantograph boundaries) into (1-based line, 0-based code-point column)."""
    prefix = text.encode("utf-8")[:offset].decode("utf-8", "ignore")
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1)
    return line, column
