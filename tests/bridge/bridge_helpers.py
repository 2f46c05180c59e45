"""Paths and argv builders shared by the bridge tests."""

from __future__ import annotations

import sys
from pathlib import Path

from lean_bridge.transcripts import repl_tests

HERE = Path(__file__).resolve().parent
TRANSCRIPTS = repl_tests()
REPLAY_SERVER = HERE / "replay_server.py"
FAULT_SERVER = HERE / "fault_server.py"


def replay_argv(name: str, folder: Path = TRANSCRIPTS) -> list[str]:
    """argv that starts the replay server on one recorded pair."""
    return [sys.executable, str(REPLAY_SERVER), str(folder / f"{name}.in"), str(folder / f"{name}.expected.out")]


def fault_argv(protocol: str, mode: str, arg: int = 1) -> list[str]:
    """argv that starts a fault-injection server."""
    return [sys.executable, str(FAULT_SERVER), protocol, mode, str(arg)]
