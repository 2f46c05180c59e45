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
"""

EPILOG_CHECK = """examples:
  prover check datasets/examples/core_logic.lean
  prover check a.lean b.lean      # exit 0 only if every declaration of every file is accepted
"""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="prover", description="A graph-network tactic prover for Lean 4.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every declaration of Lean files with the embedded checker",
                           epilog=EPILOG_CHECK, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.lean")
    bench = sub.add_parser("bench", help="measure the checker and the bridge (figures printed as JSON lines)",
                           epilog=EPILOG_BENCH, formatter_class=argparse.RawDescriptionHelpFormatter)
    bench.add_argument("--checker", action="store_true", help="tactic applications per second on a fixed goal set, in process")
    bench.add_argument("--bridge", action="store_true", help="client time per tactic round trip to the embedded server")
    bench.add_argument("--restarts", action="store_true", help="soak: calls with the server SIGKILLed every --kill-every calls")
    bench.add_argument("--goals", type=int, default=300, help="goals for --checker (default 300)")
    bench.add_argument("--calls", type=int, default=2000, help="calls for --bridge and --restarts (default 2000)")
    bench.add_argument("--kill-every", type=int, default=100, help="for --restarts (default 100)")
    bench.add_argument("--protocol", choices=["pantograph", "repl"], default="pantograph",
                       help="embedded server protocol for --bridge/--restarts (default pantograph)")
    sub.add_parser("doctor", help="say which proof-checker backends are usable here, and why not",
                   epilog="example:\n  prover doctor", formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_search_commands(sub)
    return parser


# ---- search, prove, eval (owner: search); kept together so other subcommands merge cleanly

EPILOG_PROVE = """examples:
  prover prove datasets/examples/prove_demo.lean
  prover prove mine.lean --library lib.lean --time-limit 10 --workers 2 --results out.jsonl --out solved.lean
  prover prove mine.lean --results out.jsonl --resume      # skip theorems already in out.jsonl
  prover prove mine.lean --policy uniform --seed 1          # a baseline policy instead of the model
"""

EPILOG_EVAL = """examples:
  prover eval --benchmark datasets/stdlib --split test --time-limit 5 --report eval-out
  prover eval --benchmark datasets/stdlib --split test --time-limit 5 --report eval-out --resume
  prover eval ... --methods uniform,heuristic,automation  # a subset of the methods
"""


def _add_search_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """The `prove` and `eval` subcommands."""
    raw = argparse.RawDescriptionHelpFormatter
    prove = sub.add_parser("prove", help="search proofs for the sorry theorems of a Lean file",
                           epilog=EPILOG_PROVE, formatter_class=raw)
    prove.add_argument("file", metavar="FILE.lean")
    prove.add_argument("--backend", choices=["embedded", "pantograph", "repl"], default="embedded")
    prove.add_argument("--model", metavar="PATH", help="model directory (default: the bundled model)")
    prove.add_argument("--library", action="append", default=[], metavar="FILE_OR_DIR",
                       help="Lean files loaded first, like imports (repeatable)")
    prove.add_argument("--time-limit", type=float, default=5.0, metavar="S", help="seconds per theorem (default 5)")
    prove.add_argument("--workers", type=int, default=None, metavar="N", help="parallel checkers (default: cores)")
    prove.add_argument("--results", metavar="OUT.jsonl", help="results file (default FILE-stem.results.jsonl)")
    prove.add_argument("--out", metavar="SOLVED.lean", help="solved file (default FILE-stem.solved.lean)")
    prove.add_argument("--seed", type=int, default=0)
    prove.add_argument("--resume", action="store_true", help="skip theorems already in the results file")
    prove.add_argument("--policy", choices=["learned", "uniform", "heuristic"], default=None,
                       help="default: learned (the bundled model)")
    ev = sub.add_parser("eval", help="the GNN prover and the baselines on a benchmark split, with a report",
                        epilog=EPILOG_EVAL, formatter_class=raw)
    ev.add_argument("--benchmark", required=True, metavar="DIR")
    ev.add_argument("--split", default="test", choices=["train", "valid", "test"])
    ev.add_argument("--time-limit", type=float, default=5.0, metavar="S")
    ev.add_argument("--report", required=True, metavar="DIR")
    ev.add_argument("--workers", type=int, default=None, metavar="N")
    ev.add_argument("--model", metavar="PATH")
    ev.add_argument("--methods", default=None, help="comma list of learned,uniform,heuristic,automation (default all)")
    ev.add_argument("--seed", type=int, default=0)
    ev.add_argument("--limit", type=int, default=None, help="only the first N theorems of the split")
    ev.add_argument("--price-core-hour", type=float, default=None, help="USD per CPU core-hour (default from eval/llm_figures.json)")
    ev.add_argument("--resume", action="store_true")


def _run_search_command(args: argparse.Namespace) -> int:
    """Dispatch `prove`/`eval`; user errors and unusable backends become one line."""
    from prover.prove import BackendUnusable, UsageError

    try:
        if args.command == "prove":
            from prover.prove import run_prove_command

            return run_prove_command(args)
        from eval.run import run_eval_command

        return run_eval_command(args)
    except UsageError as err:
        return _usage_error(str(err))
    except BackendUnusable as err:
        print(f"prover: error: {err}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("prover: interrupted", file=sys.stderr)
        return 130


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SystemExit(_usage_error(f"cannot read {path}: no such file"))
    except IsADirectoryError:
        raise SystemExit(_usage_error(f"cannot read {path}: it is a directory"))
    except UnicodeDecodeError as err:
        raise SystemExit(_usage_error(f"cannot read {path}: not UTF-8 text (byte {err.start})"))
    except OSError as err:
        raise SystemExit(_usage_error(f"cannot read {path}: {err.strerror}"))


def _usage_error(message: str) -> int:
    print(f"prover: error: {message}", file=sys.stderr)
    return 2


def run_check(files: Sequence[Path]) -> int:
    """Print one line per declaration; 0 if all are accepted, 1 otherwise."""
    from lean_bridge.embedded.checker import check_source

    texts = [(path, _read(path)) for path in files]
    all_ok = True
    for path, text in texts:
        for result in check_source(text, str(path)):
            if result.ok:
                print(f"{result.name}: ok")
            else:
                all_ok = False
                message = " ".join((result.message or "rejected").split())
                line = result.error_line if result.error_line is not None else result.line
                column = result.error_column if result.error_column is not None else result.column
                print(f"{result.name}: error: {message} ({path}:{line}:{column})")
    return 0 if all_ok else 1


def run_bench(args: argparse.Namespace) -> int:
    """Run the requested measurements (all three when none is named) and print one JSON line each."""
    import json

    from lean_bridge import open_backend

    chosen = [name for name in ("checker", "bridge", "restarts") if getattr(args, name)] or ["checker", "bridge", "restarts"]
    for name in chosen:
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
    """Entry point of the `prover` console script."""
    args = _build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args.files)
    if args.command == "doctor":
        return run_doctor()
    if args.command == "bench":
        return run_bench(args)
    if args.command in ("prove", "eval"):
        return _run_search_command(args)
    return _usage_error(f"unknown command {args.command}")
