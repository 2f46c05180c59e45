"""The disk cache of the library environment: what a process loads from it is the environment a fresh
build gives, across processes with different string hashes; a bad file is rebuilt, never trusted."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lean_bridge.embedded import prelude_cache
from lean_bridge.embedded.elab_env import ElabEnv

ROOT = Path(__file__).resolve().parents[2]

_STORE = """
from lean_bridge.embedded.prelude import prelude_env
from lean_bridge.embedded.expr import fresh_fvar_id
prelude_env()
print(fresh_fvar_id())
"""

# loads with a build function that fails, so the environment can only come from the file; then compares
# it with a fresh build in this process (equality checks the cached hashes first, and dict lookups hash)
_LOAD_AND_COMPARE = """
from lean_bridge.embedded.prelude import build_prelude_env
from lean_bridge.embedded.prelude_cache import cached_env
from lean_bridge.embedded.expr import fresh_fvar_id

def no_build():
    raise AssertionError("the cache was not used")

loaded = cached_env(no_build)
next_id = fresh_fvar_id()
fresh = build_prelude_env()
assert loaded.kernel.order == fresh.kernel.order
by_type = {fresh.find(n).type: n for n in fresh.kernel.order}
for name in fresh.kernel.order:
    assert loaded.find(name) == fresh.find(name), name
    assert hash(loaded.find(name).type) == hash(fresh.find(name).type), name
    assert loaded.find(name).type in by_type, name
for field in ("structures", "instances", "priorities", "aliases", "simp_lemmas", "restatable", "protected"):
    assert getattr(loaded, field) == getattr(fresh, field), field
print(next_id, len(fresh.kernel.order))
"""


def _run(script: str, cache: Path, hash_seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=str(ROOT))
    env[prelude_cache.CACHE_DIR_VARIABLE] = str(cache)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.split()


def test_an_environment_cached_by_one_process_loads_equal_to_a_fresh_build_in_another(tmp_path: Path) -> None:
    [stored_next_id] = _run(_STORE, tmp_path, hash_seed="1")
    assert len(list(tmp_path.glob("prelude-*.pickle"))) == 1
    loaded_next_id, declarations = _run(_LOAD_AND_COMPARE, tmp_path, hash_seed="2")
    assert int(declarations) > 300
    assert loaded_next_id == stored_next_id  # the same `_uniq` ids afterwards: traces do not depend on the cache


def test_a_corrupt_or_foreign_cache_file_is_rebuilt_and_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(prelude_cache.CACHE_DIR_VARIABLE, str(tmp_path))
    path = tmp_path / "prelude-k.pickle"
    built = ElabEnv()
    for content in (b"not a pickle", pickle.dumps(("something else", (1, 1), ElabEnv()))):
        path.write_bytes(content)
        assert prelude_cache.cached_env(lambda: built, key="k") is built
        tag, _, env = pickle.loads(path.read_bytes())
        assert tag == "lean_bridge.prelude" and env == built


def test_caching_off_builds_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(prelude_cache.CACHE_DIR_VARIABLE, "off")
    assert prelude_cache.cache_dir() is None
    calls = []
    prelude_cache.cached_env(lambda: calls.append(1) or ElabEnv(), key="k")
    prelude_cache.cached_env(lambda: calls.append(1) or ElabEnv(), key="k")
    assert calls == [1, 1]


def test_the_key_changes_with_any_library_or_source_file(tmp_path: Path) -> None:
    root = tmp_path / "embedded"
    (root / "library").mkdir(parents=True)
    (root / "library" / "Prelude.lean").write_text("theorem t : True := trivial\n")
    (root / "kernel.py").write_text("X = 1\n")
    (root / "notes.txt").write_text("not a source\n")
    key = prelude_cache.source_key((root,))
    (root / "notes.txt").write_text("changed, but not a source\n")
    assert prelude_cache.source_key((root,)) == key
    (root / "library" / "Prelude.lean").write_text("theorem t : True := by trivial\n")
    lean_changed = prelude_cache.source_key((root,))
    (root / "kernel.py").write_text("X = 2\n")
    assert len({key, lean_changed, prelude_cache.source_key((root,))}) == 3


def test_terms_pickled_in_one_process_hash_as_terms_built_in_another() -> None:
    """The REPL's `pickleTo` files and the cache cross processes, whose string hashes differ."""
    dump = ("import pickle, sys; from lean_bridge.embedded.expr import App, Const; "
            "sys.stdout.buffer.write(pickle.dumps(App(Const('Nat.succ'), Const('Nat.zero'))))")
    load = ("import pickle, sys; from lean_bridge.embedded.expr import App, Const; "
            "term = pickle.loads(sys.stdin.buffer.read()); here = App(Const('Nat.succ'), Const('Nat.zero')); "
            "print(term == here, hash(term) == hash(here), {here: 1}.get(term))")
    pickled = subprocess.run([sys.executable, "-c", dump], capture_output=True, check=True,
                             env=dict(os.environ, PYTHONHASHSEED="3", PYTHONPATH=str(ROOT))).stdout
    out = subprocess.run([sys.executable, "-c", load], input=pickled, capture_output=True, check=True,
                         env=dict(os.environ, PYTHONHASHSEED="4", PYTHONPATH=str(ROOT))).stdout
    assert out.decode().split() == ["True", "True", "1"]


def test_old_cache_files_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(prelude_cache.CACHE_DIR_VARIABLE, str(tmp_path))
    for i in range(12):
        prelude_cache.cached_env(ElabEnv, key=f"k{i}")
        os.utime(tmp_path / f"prelude-k{i}.pickle", (1_000_000 + i, 1_000_000 + i))
    kept = sorted(p.name for p in tmp_path.glob("prelude-*.pickle"))
    assert len(kept) == 8 and "prelude-k11.pickle" in kept and "prelude-k0.pickle" not in kept
