"""Shared fixtures for the bridge tests; puts this folder on sys.path for ``bridge_helpers``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from bridge_helpers import TRANSCRIPTS  # noqa: E402

@pytest.fixture
def transcripts() -> Path:
    """The recorded REPL transcripts folder (skips if /work/shared is absent)."""
    if not TRANSCRIPTS.is_dir():
        pytest.skip(f"recorded transcripts not found at {TRANSCRIPTS}")
    return TRANSCRIPTS
