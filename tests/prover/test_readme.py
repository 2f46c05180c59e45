"""The README stays true: its Python example runs as written, and CI runs its two set-up commands."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "the README has no Python example"
    for block in blocks:
        out = subprocess.run([sys.executable, "-c", block], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr


def test_ci_runs_the_readme_commands() -> None:
    commands = re.findall(r"```bash\n(.*?)```", README, flags=re.S)[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    setup = [line for line in commands.splitlines() if line.strip() and not line.startswith("#")]
    assert len(setup) == 2, setup
    for line in setup:  # CI may add --quiet to pip; every other word is the README's
        assert line.replace("pip install ", "pip install --quiet ") in ci or line in ci, line
