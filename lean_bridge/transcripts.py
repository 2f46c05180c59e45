"""Where the recorded real-Lean sessions (`lean-transcripts/`) are: the ground truth the REPL client,
the parser and the embedded REPL server are tested against.

Looked up in order: the `LEAN_TRANSCRIPTS` environment variable, `shared/lean-transcripts` next to
the checkout (the team's layout), then the team machines' fixed `/work/shared/lean-transcripts`, so a
clone made elsewhere (as CI does) still finds them. Users without them get skipped tests, with the
path that was looked for.
"""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "LEAN_TRANSCRIPTS"
_REPO_ROOT = Path(__file__).resolve().parents[1]


def _candidates() -> list[Path]:
    found = [Path(os.environ[ENV_VAR])] if os.environ.get(ENV_VAR) else []
    return found + [_REPO_ROOT.parent / "shared" / "lean-transcripts", Path("/work/shared/lean-transcripts")]


def transcripts_root() -> Path:
    """The first candidate folder that exists (the first candidate when none does)."""
    candidates = _candidates()
    return next((c for c in candidates if c.is_dir()), candidates[0])


def repl_tests() -> Path:
    """The recorded REPL sessions: `*.in` requests and `*.expected.out` responses (Lean v4.33)."""
    return transcripts_root() / "repl" / "test"
