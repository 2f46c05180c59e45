"""Make the helper modules of this folder (`soundness_cases`, `embedded_support`) importable.

The suite runs with `--import-mode=importlib`, which does not put a test's folder on
`sys.path`; the test modules import their siblings by plain name, so this folder is
added here, once, before any of them is collected.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
