"""Check whole Lean files through a backend subprocess and stream one verdict per declaration.

``stream_check(paths)`` is what ``prover check`` runs. With the embedded checker it starts
``python -m lean_bridge.embedded check`` and reads its JSON lines as they come (so a long file
shows results at once and a crash loses nothing already decided); with a real Lean it asks a
REPL or Pantograph backend to ``check`` each file. Either way the caller sees ``FileVerdict``s.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

from lean_bridge.backend import Executable, open_backend
from lean_bridge.types import BackendError

INTERNAL_PREFIX = "internal error"


def read_source(path: Path) -> tuple[str | None, str | None]:
    """(text, None) for a readable UTF-8 file, else (None, one-line reason)."""
    try:
        return path.read_text(encoding="utf-8"), None
    except FileNotFoundError:
        return None, "no such file"
    except IsADirectoryError:
        return None, "it is a directory"
    except UnicodeDecodeError as err:
        return None, f"not UTF-8 text (byte {err.start})"
    except OSError as err:
        return None, err.strerror or type(err).__name__


@dataclass(frozen=True)
class FileVerdict:
    """One declaration's verdict in one file (or, with ``unreadable`` set, a file that could not be read)."""

    file: str
    name: str = ""
    ok: bool = False
    message: Optional[str] = None
    line: int = 0
    column: int = 0
    axioms: tuple[str, ...] = ()
    unreadable: Optional[str] = None
    kind: str = "theorem"  # theorem | def | inductive | … (as the checker reports it)
    statement_key: Optional[str] = None  # one-environment runs: equal exactly up to renaming (accepted only)

    @property
    def internal(self) -> bool:
        """True when the checker itself failed (a bug or a crash), not the declaration."""
        return not self.ok and (self.message or "").startswith(INTERNAL_PREFIX)


class CheckerCrashed(Exception):
    """The checker process died before finishing; the verdicts before it stand."""


def stream_check(paths: Sequence[Path], backend: str = "embedded", executable: Executable = None,
                 timeout: float = 600.0, one_environment: bool = False) -> Iterator[FileVerdict]:
    """Verdicts for every declaration of `paths`, in order: each file in its own environment, or with
    `one_environment` all files as ONE environment in the given order (a later file sees the earlier
    ones, like `import`; embedded checker only), each verdict then carrying its `statement_key`."""
    if backend == "embedded":
        yield from _stream_embedded(paths, one_environment)
        return
    if one_environment:
        raise BackendError(f"checking files as one environment needs the embedded checker (not {backend})")
    with open_backend(backend, executable=executable, timeout=timeout) as lean:
        for path in paths:
            text, problem = read_source(path)
            if text is None:
                yield FileVerdict(str(path), unreadable=problem)
                continue
            for r in lean.check(text):
                yield FileVerdict(str(path), r.name, r.ok, r.message, r.line, r.column)


def _stream_embedded(paths: Sequence[Path], one_environment: bool = False) -> Iterator[FileVerdict]:
    """Run the embedded checker subprocess and parse its JSON lines as they arrive."""
    flags = ["--one-environment"] if one_environment else []
    argv = [sys.executable, "-m", "lean_bridge.embedded", "check", *flags, *map(str, paths)]
    errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a file, so a chatty child never blocks
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL,
                            text=True, encoding="utf-8")
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            obj = json.loads(line)
            if "unreadable" in obj:
                yield FileVerdict(obj["file"], unreadable=obj["unreadable"])
                continue
            line_no = obj["error_line"] if obj.get("error_line") is not None else obj["line"]
            column = obj["error_column"] if obj.get("error_column") is not None else obj["column"]
            yield FileVerdict(obj["file"], obj["name"], obj["ok"], obj["message"], line_no, column,
                              tuple(obj.get("axioms", ())), kind=obj.get("kind", "theorem"),
                              statement_key=obj.get("statement_key"))
        code = proc.wait()
        if code != 0:
            errors.seek(0)
            tail = errors.read().strip().splitlines()
            raise CheckerCrashed(f"the embedded checker exited with code {code}"
                                 + (f": {tail[-1]}" if tail else ""))
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        errors.close()


__all__ = ["FileVerdict", "CheckerCrashed", "stream_check", "BackendError"]
