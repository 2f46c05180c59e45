"""``diagnose()``: which backend kinds are usable on this machine, and why not.

For each kind it reports whether it can be started and what was found: the embedded
servers, ``lean``/``lake`` on PATH and ``lean --version``, the Pantograph and REPL executables
(argument-free discovery as in ``open_backend``) with Pantograph's ``--version``, and
toolchain-mismatch hints (the ``lean-toolchain`` file next to a server build versus the ``lean``
on PATH). A backend is called usable only after a real round trip through the same client the
prover uses: start it, prove ``True`` with ``trivial``, close it (so ``/bin/cat`` or a text file
named as the server is reported unusable, as the API would find it).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from lean_bridge.backend import ENV_VARS, resolve_executable
from lean_bridge.types import BackendStartupError


@dataclass(frozen=True)
class BackendReport:
    """Whether one backend kind is usable, why (not), and what was found."""

    kind: str
    usable: bool
    reason: str
    executable: tuple[str, ...] = ()
    version: Optional[str] = None
    hints: tuple[str, ...] = field(default=())


def _run_version(argv: Sequence[str], timeout: float = 10.0) -> Optional[str]:
    """First line of ``argv --version`` (stdin closed), or None if it fails."""
    try:
        out = subprocess.run([*argv, "--version"], stdin=subprocess.DEVNULL, capture_output=True,
                             timeout=timeout, text=True)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if out.returncode == 0 and text else None


def lean_version() -> Optional[str]:
    """``lean --version`` of the ``lean`` on PATH (None if absent)."""
    lean = shutil.which("lean")
    return _run_version([lean]) if lean else None


def _toolchain_near(executable: str) -> Optional[str]:
    """The ``lean-toolchain`` of the project a server binary was built in (…/.lake/build/bin/x)."""
    path = Path(executable).resolve()
    for parent in list(path.parents)[:5]:
        candidate = parent / "lean-toolchain"
        if candidate.is_file():
            return candidate.read_text().strip()
    return None


def _version_number(text: Optional[str]) -> Optional[str]:
    """The ``4.x.y[-rcN]`` part of a version string."""
    m = re.search(r"(\d+\.\d+\.\d+(?:-rc\d+)?)", text or "")
    return m.group(1) if m else None


def _mismatch_hints(executable: str, lean: Optional[str]) -> list[str]:
    """Hints when the server's toolchain and the project's/PATH's Lean differ."""
    hints: list[str] = []
    built_with = _toolchain_near(executable)
    project = Path.cwd() / "lean-toolchain"
    project_tc = project.read_text().strip() if project.is_file() else None
    if built_with and project_tc and _version_number(built_with) != _version_number(project_tc):
        hints.append(f"server built with {built_with} but this project uses {project_tc}: rebuild at the matching tag")
    if built_with and lean and _version_number(built_with) != _version_number(lean):
        hints.append(f"server built with {built_with} but `lean` on PATH is {lean}")
    return hints


def diagnose(timeout: float = 60.0) -> list["BackendReport"]:
    """One report per backend kind: embedded, pantograph, repl, each proved usable by a round trip."""
    reports = [_diagnose_embedded(timeout)]
    lean = lean_version()
    base_hints = [] if lean else ["`lean` is not on PATH (install elan: https://github.com/leanprover/elan)"]
    if lean and not shutil.which("lake"):
        base_hints.append("`lake` is not on PATH")
    for kind in ("pantograph", "repl"):
        try:
            argv = resolve_executable(kind)
        except BackendStartupError as e:
            reports.append(BackendReport(kind, False, str(e), hints=tuple(base_hints)))
            continue
        exe = argv[-1] if argv else ""
        if not (os.path.isfile(shutil.which(argv[0]) or argv[0])):
            reports.append(BackendReport(kind, False, f"{argv[0]} (from {ENV_VARS[kind]}) does not exist",
                                         executable=tuple(argv), hints=tuple(base_hints)))
            continue
        hints = base_hints + _mismatch_hints(exe, lean)
        failure = round_trip(kind, argv, timeout)
        if failure is not None:
            reports.append(BackendReport(kind, False, f"`{' '.join(argv)}` is not a working {kind} server: {failure}",
                                         executable=tuple(argv), hints=tuple(hints)))
            continue
        version = _run_version(argv) if kind == "pantograph" else None
        reports.append(BackendReport(kind, True, "answered a proof round trip", executable=tuple(argv),
                                     version=version or _toolchain_near(exe), hints=tuple(hints)))
    return reports


def round_trip(kind: str, argv: Optional[Sequence[str]] = None, timeout: float = 60.0,
               protocol: Optional[str] = None) -> Optional[str]:
    """Start a backend, prove `True` in it and close it; None if that worked, else the reason in one line."""
    from lean_bridge.backend import open_backend
    from lean_bridge.types import BackendError, LeanError

    try:
        with open_backend(kind, executable=argv, timeout=timeout, protocol=protocol) as backend:
            state = backend.start_goal("True")
            state = backend.run_tactic(state, "trivial")
            if state.goals:
                return "`trivial` did not close `True`"
    except (BackendError, LeanError, OSError, ValueError) as err:
        return " ".join(str(err).split())[:300] or type(err).__name__
    return None


def _diagnose_embedded(timeout: float) -> BackendReport:
    """The embedded servers are usable when both answer a round trip."""
    try:
        found = importlib.util.find_spec("lean_bridge.embedded.__main__") is not None
    except ImportError:
        found = False
    if not found:
        return BackendReport("embedded", False, "embedded servers not built yet (no lean_bridge.embedded.__main__)")
    for protocol in ("pantograph", "repl"):
        failure = round_trip("embedded", None, timeout, protocol=protocol)
        if failure is not None:
            return BackendReport("embedded", False, f"the embedded {protocol} server failed a round trip: {failure}")
    return BackendReport("embedded", True, "python -m lean_bridge.embedded repl|pantograph answered a proof round trip")
