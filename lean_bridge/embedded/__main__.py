"""`python -m lean_bridge.embedded repl|pantograph`: the embedded checker's protocol servers."""
from __future__ import annotations

import importlib
import sys

USAGE = ("usage: python -m lean_bridge.embedded {repl|pantograph|check} [--help]\n"
         "  repl        serve the Lean REPL protocol on stdin/stdout\n"
         "  pantograph  serve the Pantograph protocol on stdin/stdout\n"
         "  check F...  check Lean files, one JSON verdict per declaration")
SERVERS = {"repl": "lean_bridge.embedded.repl_server", "pantograph": "lean_bridge.embedded.pantograph_server",
           "check": "lean_bridge.embedded.check_main"}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["-h"], ["--help"]) or (args[:1] in (["repl"], ["pantograph"]) and
                                             any(a in ("-h", "--help") for a in args[1:])):
        print(USAGE)
        return 0
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
    return int(module.main(args[1:]) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
