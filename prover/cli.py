"""The `prover` command line: `prover check FILE.lean …` (more subcommands arrive with later issues).

User mistakes (a missing file, a file that is not UTF-8) get one line on stderr and exit code 2;
a declaration the checker rejects is not a usage error: it is reported and makes the exit code 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

EPILOG_BENCH = """examples:
  prover bench --checker               # median ms per atomic tactic (target < 1 ms)
  prover bench --bridge --calls 1000   # client CPU ms per round trip (target < 0.3 ms)
  prover bench --restarts              # 2000 calls, kill -9 every 100: no call lost, no zombie
  prover bench --scaling --sizes 1000 10000   # peak MB and seconds per file size (linear)
"""

EPILOG_CHECK = """examples:
  prover check datasets/examples/core_facts.lean
  prover check a.lean b.lean      # exit 0 only if every declaration of every file is accepted
  prover check --json a.lean      # one JSON object per declaration
  prover check datasets/stdlib    # a corpus directory: its files (splits.json order) as ONE environment

exit codes: 0 all accepted, 1 something rejected, 2 usage error, 3 checker failure, 130 interrupted
"""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="prover", description="A graph-network tactic prover for Lean 4.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every declaration of Lean files with the embedded checker",
                           epilog=EPILOG_CHECK, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.lean|DIR",
                       help="Lean files (each its own environment) or corpus directories (one environment each)")
    check.add_argument("--json", action="store_true", help="one JSON object per declaration (summary on stderr)")
    check.add_argument("--backend", choices=["embedded", "pantograph", "repl"], default="embedded",
                       help="checker to use (default: the embedded checker, in a subprocess)")
    bench = sub.add_parser("bench", help="measure the checker and the bridge (figures printed as JSON lines)",
                           epilog=EPILOG_BENCH, formatter_class=argparse.RawDescriptionHelpFormatter)
    bench.add_argument("--checker", action="store_true", help="tactic applications per second on a fixed goal set, in process")
    bench.add_argument("--bridge", action="store_true", help="client time per tactic round trip to the embedded server")
    bench.add_argument("--restarts", action="store_true", help="soak: calls with the server SIGKILLed every --kill-every calls")
    bench.add_argument("--scaling", action="store_true",
                       help="peak memory and seconds to check files of --sizes one-line theorems (linear is the target)")
    bench.add_argument("--sizes", type=_positive_int, nargs="+", default=[1000, 10000, 50000], metavar="N",
                       help="declaration counts for --scaling (default 1000 10000 50000)")
    bench.add_argument("--goals", type=_positive_int, default=300, help="goals for --checker (default 300)")
    bench.add_argument("--calls", type=_positive_int, default=2000, help="calls for --bridge and --restarts (default 2000)")
    bench.add_argument("--kill-every", type=_positive_int, default=100, help="for --restarts (default 100)")
    bench.add_argument("--protocol", choices=["pantograph", "repl"], default="pantograph",
                       help="embedded server protocol for --bridge/--restarts (default pantograph)")
    sub.add_parser("doctor", help="say which proof-checker backends are usable here, and why not",
                   epilog="example:\n  prover doctor", formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def _version() -> str:
    """The installed package's version (or `unknown` when run from a bare checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gnn-lean-prover")
    except PackageNotFoundError:
        return "unknown"


def _positive_int(text: str) -> int:
    """argparse type: an integer of at least 1 (a count of goals, calls or declarations)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return value


def _usage_error(message: str) -> int:
    print(f"prover: error: {message}", file=sys.stderr)
    return 2


def run_bench(args: argparse.Namespace) -> int:
    """Run the requested measurements (all three when none is named) and print one JSON line each."""
    import json

    from lean_bridge import open_backend

    chosen = [name for name in ("checker", "bridge", "restarts", "scaling") if getattr(args, name)] \
        or ["checker", "bridge", "restarts"]
    for name in chosen:
        if name == "scaling":
            from lean_bridge.embedded.scaling import measure_scaling

            for row in measure_scaling(args.sizes):
                print(json.dumps({"bench": name, **row}), flush=True)
            continue
        if name == "checker":
            from lean_bridge.embedded.bench import measure

            figures = measure(args.goals)
        elif name == "bridge":
            from lean_bridge.bench import measure_round_trip

            with open_backend("embedded", protocol=args.protocol) as backend:
                figures = measure_round_trip(backend, args.calls)
        else:
            from lean_bridge.stress import soak

            with open_backend("embedded", protocol=args.protocol, timeout=60.0) as backend:
                report = soak(backend, args.calls, args.kill_every, progress=True)
            figures = report.summary()
            if report.other_errors:
                print(json.dumps({"bench": name, "undocumented": report.other_errors[:5]}, ensure_ascii=False))
        print(json.dumps({"bench": name, **figures}, ensure_ascii=False))
    return 0


def run_doctor() -> int:
    """One line per backend kind (usable or why not), with hints; exit 0 if any backend is usable."""
    from lean_bridge.doctor import diagnose

    reports = diagnose()
    for report in reports:
        status = "usable" if report.usable else "not usable"
        version = f" ({report.version})" if report.version else ""
        print(f"{report.kind}: {status}{version}: {report.reason}")
        for hint in report.hints:
            print(f"  hint: {hint}")
    return 0 if any(r.usable for r in reports) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `prover` console script: no traceback for Ctrl-C or a closed pipe."""
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        print("prover: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _dispatch(argv: Sequence[str] | None) -> int:
    """Parse the command line and run the chosen subcommand."""
    args = _build_parser().parse_args(argv)
    if args.command == "check":
        from prover.check_cmd import run_check

        return run_check(args)
    if args.command == "doctor":
        return run_doctor()
    if args.command == "bench":
        return run_bench(args)
    return _usage_error(f"unknown command {args.command}")
