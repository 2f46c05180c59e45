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

EPILOG_TRAIN = """examples:
  prover train --data datasets/stdlib/atomized.jsonl --premises datasets/stdlib/premises.jsonl --out runs/gnn
  prover train --data … --premises … --out runs/gnn --epochs 20 --resume   # continue to 20 epochs
"""

EPILOG_MODEL_INFO = """examples:
  prover model-info                     # the bundled default model
  prover model-info --model runs/gnn    # a checkpoint directory (model.pt + config.json)
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
    train = sub.add_parser("train", help="train the GNN on atomized steps (train split), report valid top-k vs baselines",
                           epilog=EPILOG_TRAIN, formatter_class=argparse.RawDescriptionHelpFormatter)
    train.add_argument("--data", type=Path, required=True, metavar="ATOMIZED.jsonl", help="atomized steps (prover data atomize)")
    train.add_argument("--premises", type=Path, required=True, metavar="PREMISES.jsonl", help="premise statements in environment order")
    train.add_argument("--out", type=Path, required=True, metavar="DIR", help="checkpoint directory (model.pt, config.json, report)")
    train.add_argument("--epochs", type=int, default=12, help="epochs (default 12)")
    train.add_argument("--seed", type=int, default=0, help="seed for init, data order and negatives (default 0)")
    train.add_argument("--threads", type=int, default=2, help="torch CPU threads (default 2)")
    train.add_argument("--batch-size", type=int, default=32, help="states per step (default 32)")
    train.add_argument("--resume", action="store_true", help="continue from DIR/train_state.pt if present")
    info = sub.add_parser("model-info", help="print the parameter count and architecture of a model",
                          epilog=EPILOG_MODEL_INFO, formatter_class=argparse.RawDescriptionHelpFormatter)
    info.add_argument("--model", type=Path, default=None, metavar="DIR", help="checkpoint directory (default: bundled model)")
    bench.add_argument("--model", nargs="?", const="default", default=None, metavar="DIR",
                       help="model states scored per second (batches 1, 16, 64) on states of --data")
    bench.add_argument("--data", type=Path, default=Path("datasets/stdlib/atomized.jsonl"),
                       help="atomized.jsonl whose states --model scores (default datasets/stdlib/atomized.jsonl)")
    bench.add_argument("--threads", type=int, default=1, help="torch CPU threads for --model (default 1, one search worker)")
    sub.add_parser("doctor", help="say which proof-checker backends are usable here, and why not",
                   epilog="example:\n  prover doctor", formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_search_commands(sub)
    from prover.data import add_data_parser  # `prover data trace|atomize`

    add_data_parser(sub)
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
    bench = sub.choices["bench"]
    bench.add_argument("--json", action="store_true",
                       help="whole-stack figures as one JSON object (the default set when no part is named)")
    bench.add_argument("--seconds", type=float, default=2.0, help="seconds per whole-stack measurement (default 2)")
    bench.epilog = (bench.epilog or "") + "  prover bench --json         # whole stack: graphs, model, bridge, search, memory\n"


def _whole_stack_bench(args: argparse.Namespace) -> bool:
    """True when `prover bench` should print the whole-stack set (no single part was named)."""
    return not any(getattr(args, name, None) for name in ("checker", "bridge", "restarts", "scaling", "model"))


def _run_search_command(args: argparse.Namespace) -> int:
    """Dispatch `prove`/`eval`; user errors and unusable backends become one line."""
    from prover.prove import BackendUnusable, UsageError

    try:
        if args.command == "bench":
            import json

            from prover.bench_stack import measure_stack

            figures = measure_stack(args.seconds)
            if args.json:
                print(json.dumps(figures, ensure_ascii=False))
            else:
                for key, value in figures.items():
                    print(f"{key}: {value}")
            return 0
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


def run_train(args: argparse.Namespace) -> int:
    """Train and report; data problems are one line and exit 2."""
    from prover.train import TrainConfig, run_training
    from prover.train_data import DataError

    if args.epochs < 1 or args.threads < 1 or args.batch_size < 1:
        return _usage_error("--epochs, --threads and --batch-size must be positive")
    cfg = TrainConfig(epochs=args.epochs, seed=args.seed, batch_size=args.batch_size)
    try:
        run_training(args.data, args.premises, args.out, cfg, threads=args.threads, resume=args.resume)
    except DataError as err:
        return _usage_error(str(err))
    return 0


def run_model_info(model_dir: Path | None) -> int:
    """Print `parameters: N`, the config and the module tree of a checkpoint."""
    import json

    from prover.checkpoint import default_model_dir, load_checkpoint
    from prover.premise_memory import load_memory

    path = model_dir if model_dir is not None else default_model_dir()
    try:
        model, meta = load_checkpoint(path)
    except FileNotFoundError as err:
        return _usage_error(f"cannot load model: {err}")
    print(f"parameters: {model.num_parameters()}")
    print(f"model: {path}")
    print(f"config: {json.dumps(meta['config'])}")
    print(f"kinds: {len(meta['kinds'])}, vocabulary: {model.config.vocab_size} constants")
    memory = load_memory(path)
    print("premise memory: " + (f"{len(memory)} train steps, k={memory.k}, weight={memory.weight}"
                                if memory is not None else "none"))
    print(model)
    return 0


def run_bench_model(args: argparse.Namespace) -> int:
    """Model throughput on the states of --data (one JSON line)."""
    import json

    from prover.bench_model import measure
    from prover.data import goal_from_json
    from prover.policy import load_policy
    from prover.train_data import DataError, read_jsonl

    try:
        records = read_jsonl(args.data)
        records = records[::max(1, len(records) // 256)][:256]  # spread over the file (Logic, Nat, List)
        policy = load_policy(None if args.model == "default" else Path(args.model))
    except (DataError, FileNotFoundError) as err:
        return _usage_error(str(err))
    states = [([goal_from_json(g) for g in r["goals"]], int(r["focus"])) for r in records]
    if not states:
        return _usage_error(f"{args.data}: no states")
    names: list[str] = []
    premises_path = args.data.parent / "premises.jsonl"  # scored too when it sits beside --data
    if premises_path.is_file():
        from prover.train_data import load_premises

        table = load_premises(premises_path)
        policy.premise_types(dict(zip(table.names, table.terms)))
        names = table.names
    figures = measure(policy, states, names, threads=max(1, args.threads))
    print(json.dumps({"bench": "model", "premises": len(names), **figures}))
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
    if args.command == "bench" and _whole_stack_bench(args):
        return _run_search_command(args)
    if args.command == "bench":
        return run_bench_model(args) if args.model else run_bench(args)
    if args.command == "train":
        return run_train(args)
    if args.command == "model-info":
        return run_model_info(args.model)
    if args.command in ("prove", "eval"):
        return _run_search_command(args)
    if args.command == "data":
        from prover.data import run_data

        return run_data(args)
    return _usage_error(f"unknown command {args.command}")


if __name__ == "__main__":  # `python -m prover.cli …` behaves as `prover …`
    raise SystemExit(main())
