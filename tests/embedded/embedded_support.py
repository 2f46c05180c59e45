"""Helpers shared by the embedded-checker test suites.

Nothing here imports the checker: these helpers read Lean text the way a careful
human would (comments stripped, namespaces tracked) so the tests can cross-check
what the checker reports, and they run the `prover check` command line.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT: Path = Path(__file__).resolve().parents[2]
"""The project root (`/work/main`): the directory that holds `prover/` and `lean_bridge/`."""

CHECK_SECONDS: float = 30.0
"""How long one in-process `check_source` call may take before the test fails.

A kernel that loops on a non-terminating definition must fail a test, not hang the suite."""

CLI_SECONDS: float = 120.0
"""How long one `python -m prover check` run may take."""


class CheckTimeout(AssertionError):
    """Raised inside a `deadline` block that ran out of time."""


@contextmanager
def deadline(seconds: float = CHECK_SECONDS) -> Iterator[None]:
    """Fail with `CheckTimeout` if the block runs longer than `seconds`.

    Uses SIGALRM, so it only arms in the main thread of a POSIX process; elsewhere
    it is a no-op (the CLI tests still have their subprocess timeout).
    """
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise CheckTimeout(f"the checker did not answer within {seconds:g}s (non-termination?)")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- Lean text

def strip_comments(text: str) -> str:
    """Blank out Lean comments, keeping every newline so line numbers survive.

    Handles `--` line comments and nested `/- ... -/` block comments (Lean nests
    them). An unterminated block comment blanks the rest of the file.
    """
    out: list[str] = []
    i, n, depth = 0, len(text), 0
    while i < n:
        two = text[i : i + 2]
        if depth == 0 and two == "--":
            while i < n and text[i] != "\n":
                i += 1
            continue
        if two == "/-":
            depth += 1
            out.append("  ")
            i += 2
            continue
        if depth > 0 and two == "-/":
            depth -= 1
            out.append("  ")
            i += 2
            continue
        ch = text[i]
        out.append(ch if depth == 0 or ch == "\n" else " ")
        i += 1
    return "".join(out)


_MODIFIERS = r"(?:(?:private|protected|noncomputable|partial|unsafe|nonrec)\s+)*"
_ATTRIBUTES = r"(?:@\[[^\]]*\]\s*)?"
_DECL_RE = re.compile(
    rf"^\s*{_ATTRIBUTES}{_MODIFIERS}"
    r"(theorem|lemma|def|abbrev|axiom|opaque|inductive|structure|class|instance|example)\b"
    r"(?:\s+([^\s:({\[⦃]+))?"
)
_NAMESPACE_RE = re.compile(r"^\s*namespace\s+(\S+)")
_SECTION_RE = re.compile(r"^\s*section\b(?:\s+(\S+))?")
_END_RE = re.compile(r"^\s*end\b(?:\s+(\S+))?")


@dataclass(frozen=True)
class Declared:
    """A declaration found in Lean source text by `declared_names`."""

    name: str
    keyword: str
    line: int  # 1-based


def _unquote(name: str) -> str:
    """Drop Lean's `«»` identifier quotes: `«False»` names the constant `False`."""
    return name.replace("«", "").replace("»", "")


def declarations(text: str) -> list[Declared]:
    """Declarations of a Lean file, in order, with namespace-qualified names.

    `example` is reported as `_example` (the checker's convention). A name inside
    `namespace A.B` becomes `A.B.name`; `section` does not qualify names. This is a
    line-oriented reader for the small, conventionally formatted files of this suite,
    not a Lean parser.
    """
    scopes: list[tuple[str, list[str]]] = []  # (kind, namespace components)
    found: list[Declared] = []
    for lineno, line in enumerate(strip_comments(text).splitlines(), start=1):
        if m := _NAMESPACE_RE.match(line):
            scopes.append(("namespace", m.group(1).split(".")))
            continue
        if m := _SECTION_RE.match(line):
            scopes.append(("section", []))
            continue
        if _END_RE.match(line):
            if scopes:
                scopes.pop()
            continue
        m = _DECL_RE.match(line)
        if not m:
            continue
        keyword, raw = m.group(1), m.group(2)
        if keyword == "example":
            found.append(Declared("_example", keyword, lineno))
            continue
        if not raw:
            continue
        prefix = [part for _, parts in scopes for part in parts]
        name = _unquote(raw)
        if name.startswith("_root_."):
            name = name.removeprefix("_root_.")
        elif prefix:
            name = ".".join([*prefix, name])
        found.append(Declared(name, keyword, lineno))
    return found


def declared_names(text: str) -> list[str]:
    """Just the names of `declarations(text)`, in file order."""
    return [d.name for d in declarations(text)]


# --------------------------------------------------------------------------- command line

@dataclass(frozen=True)
class CliRun:
    """The outcome of one `python -m prover check FILE` run."""

    returncode: int
    stdout: str
    stderr: str

    def line_for(self, name: str) -> str | None:
        """The last stdout line reporting on declaration `name` (`name: ok` / `name: error: ...`)."""
        hits = [ln for ln in self.stdout.splitlines() if ln.startswith(f"{name}: ")]
        return hits[-1] if hits else None


def run_check_cli(path: Path, timeout: float = CLI_SECONDS) -> CliRun:
    """Run `python -m prover check path` from the project root and capture its output."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p
    )
    proc = subprocess.run(
        [sys.executable, "-m", "prover", "check", str(path)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    return CliRun(proc.returncode, proc.stdout, proc.stderr)


# --------------------------------------------------------------------------- verdict helpers


def verdicts(source: str) -> dict[str, tuple[bool, str]]:
    """name -> (accepted, message) for each declaration of `source` (the last of a repeated name)."""
    from lean_bridge.embedded.checker import check_source

    with deadline():
        results = check_source(textwrap.dedent(source).strip() + "\n", filename="t.lean")
    return {r.name: (r.ok, r.message or "") for r in results}


def assert_rejected(source: str, name: str, wording: str = "") -> None:
    """`name` is reported and rejected, with `wording` in its message when given."""
    got = verdicts(source)
    assert name in got, f"{name} not reported: {got}"
    ok, message = got[name]
    assert not ok, f"UNSOUND: {name} accepted"
    assert wording.lower() in message.lower(), f"{name}: expected {wording!r} in {message!r}"


def assert_accepted(source: str, *names: str) -> None:
    """Every declaration of `source` is accepted (and each of `names` is reported)."""
    got = verdicts(source)
    for name in names:
        assert name in got, f"{name} not reported: {got}"
    bad = {n: m for n, (ok, m) in got.items() if not ok}
    assert not bad, f"valid Lean rejected: {bad}"


def assert_file_accepted(path: Path, at_least: int, seconds: float = 120) -> None:
    """Every declaration of the Lean file `path` is accepted, and there are at least `at_least` of them."""
    from lean_bridge.embedded.checker import check_source

    with deadline(seconds):
        results = check_source(path.read_text(encoding="utf-8"), filename=path.name)
    assert len(results) >= at_least
    bad = {r.name: r.message for r in results if not r.ok}
    assert not bad, f"valid Lean core rejected: {bad}"
