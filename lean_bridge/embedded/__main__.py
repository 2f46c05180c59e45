"""`python -m lean_bridge.embedded repl|pantograph|check`: the embedded checker's protocol servers,
and `check FILE...` (files checked in order as one environment, one JSON line per declaration)."""
from __future__ import annotations

import importlib
import sys

USAGE = "usage: python -m lean_bridge.embedded {repl|pantograph|check FILE...}"
SERVERS = {"repl": "lean_bridge.embedded.repl_server", "pantograph": "lean_bridge.embedded.pantograph_server",
           "check": "lean_bridge.embedded.check_cli"}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in SERVERS:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        module = importlib.import_module(SERVERS[args[0]])
    except ModuleNotFoundError as err:
        if err.name != SERVERS[args[0]]:
            raise
        print(f"error: the embedded {args[0]} server ({SERVERS[args[0]]}) is not available", file=sys.stderr)
        return 1
    return int(module.main() or 0)


if __name__ == "__main__":
    raise SystemExit(main())
