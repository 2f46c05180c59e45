"""A disk cache of the loaded library environment: each checker process starts from it in a fraction of
the ~2.5 s that elaborating `library/*.lean` takes (the role Lean's `.olean` files play).

The cache holds the environment exactly as `prelude.build_prelude_env` returned it, every declaration
already checked by the kernel then, and the free/meta-variable counters at that point, so a process that
loads it hands out the same ids (the same `_uniq.N` in traces) as one that built it. Its file name is a
hash of the library's Lean files, the checker's and parser's Python source and the Python version: any
change to any of them builds and writes a new one. A missing, unreadable or corrupt file is rebuilt;
nothing fails because of the cache. `LEAN_BRIDGE_CACHE_DIR` chooses the directory (default
`$XDG_CACHE_HOME/lean_bridge`, else `~/.cache/lean_bridge`); `LEAN_BRIDGE_CACHE_DIR=off` turns it off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable

from .elab_env import ElabEnv
from .expr import advance_id_counters, peek_id_counters
from .kernel import raise_recursion_limit

CACHE_DIR_VARIABLE = "LEAN_BRIDGE_CACHE_DIR"
_FORMAT = 1  # bump when the pickled payload's shape changes
_KEEP = 8  # cached environments kept per directory (several checkouts may share one), newest first
_EMBEDDED = Path(__file__).parent
_SOURCES = (_EMBEDDED, _EMBEDDED.parent / "syntax")


def cache_dir() -> Path | None:
    """Where cached environments live, or None when caching is turned off."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lean_bridge"


def source_key(roots: tuple[Path, ...] = _SOURCES) -> str:
    """A hash of every `.py` and `.lean` file under `roots` (names and contents) and the Python version."""
    digest = hashlib.sha256(f"{_FORMAT}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".lean") and p.is_file()):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def cached_env(build: Callable[[], ElabEnv], key: str | None = None) -> ElabEnv:
    """The environment `build` returns, read from the cache when a file for this source key exists."""
    raise_recursion_limit()  # deep terms: both pickling and unpickling recurse
    directory = cache_dir()
    if directory is None:
        env = build()
        peek_id_counters()  # the same ids afterwards as a process that stored or loaded the cache
        return env
    path = directory / f"prelude-{key or source_key()}.pickle"
    loaded = _load(path)
    if loaded is not None:
        return loaded
    env = build()
    _store(path, env, peek_id_counters())
    return env


def _load(path: Path) -> ElabEnv | None:
    try:
        with open(path, "rb") as f:
            tag, counters, env = pickle.load(f)
    except Exception:  # missing, truncated, written by another version: build instead
        return None
    if tag != "lean_bridge.prelude" or not isinstance(env, ElabEnv):
        return None
    advance_id_counters(*counters)
    return env


def _store(path: Path, env: ElabEnv, counters: tuple[int, int]) -> None:
    """Write atomically (a temporary file renamed into place), so parallel processes never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(("lean_bridge.prelude", counters, env), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        _prune(path.parent)
    except OSError:  # a read-only home, a full disk: the cache is an optimisation only
        pass


def _prune(directory: Path) -> None:
    """Keep the `_KEEP` most recently stored files: each source change writes a new one."""
    files = sorted(directory.glob("prelude-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[_KEEP:]:
        old.unlink(missing_ok=True)
