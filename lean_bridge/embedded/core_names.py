"""Lean core's reserved names (`library/lean_core_names.txt`) and the core definitions a file may
restate (`library/CoreDefs.lean`): the data behind "already declared" for names the prelude lacks."""
from __future__ import annotations

import functools
from pathlib import Path

from lean_bridge.syntax import ast, parse_file

LIBRARY_DIR = Path(__file__).with_name("library")


@functools.lru_cache(maxsize=1)
def core_references() -> dict[str, ast.Command]:
    """Lean core's definitions a file may restate (`library/CoreDefs.lean`), by full name."""
    path = LIBRARY_DIR / "CoreDefs.lean"
    out: dict[str, ast.Command] = {}
    for cmd in parse_file(path.read_text(encoding="utf-8"), str(path)).commands:
        if isinstance(cmd, ast.Definition) and cmd.name is not None:
            out[cmd.name] = cmd
    return out


_GENERATED = (".rec", ".recOn", ".casesOn", ".noConfusion", ".noConfusionType")


@functools.lru_cache(maxsize=1)
def reserved_core_names() -> dict[str, str]:
    """Lean core's names in the parts of `Init` the fragment covers (`library/lean_core_names.txt`):
    name -> kind (`theorem` or `def`, the latter for every non-theorem declaration)."""
    path = LIBRARY_DIR / "lean_core_names.txt"
    out: dict[str, str] = {}  # a missing file is an installation bug: read_text raises, never an empty list
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("--", 1)[0].strip()
        if line:
            kind, _, name = line.partition(" ")
            name = name.strip()
            out[name] = "theorem" if kind == "theorem" else "def"
            if kind in ("inductive", "structure", "class"):
                for suffix in _GENERATED:
                    out.setdefault(name + suffix, "def")
    return out
