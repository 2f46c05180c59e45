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

EPILOG_TRAIN = """examples:
  prover train --data datasets/stdlib/atomized.jsonl --premises datasets/stdlib/premises.jsonl --out runs/gnn
  prover train --data … --premises … --out runs/gnn --epochs 20 --resume   # continue to 20 epochs
"""

EPILOG_MODEL_INFO = """examples:
  prover model-info                     # the bundled default model
  prover model-info --model runs/gnn    # a checkpoint directory (model.pt + config.json)
"""

EPILOG_CHECK = """examples:
  prover check datasets/examples/core_logic.lean
  prover check a.lean b.lean      # exit 0 only if every declaration of every file is accepted
  prover check datasets/stdlib    # a corpus directory: its files (splits.json order) as ONE environment
"""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="prover", description="A graph-network tactic prover for Lean 4.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every declaration of Lean files with the embedded checker",
                           epilog=EPILOG_CHECK, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.lean|DIR",
                       help="Lean files (each checked alone) or corpus directories (checked as one environment)")
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
    from prover.data import add_data_parser  # `prover data trace|atomize` (owner: actions)

    add_data_parser(sub)
    return parser


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

    for path in files:
        if not path.is_dir():
            _read(path)  # usage errors first, before any output
    all_ok = True
    for path in files:
        if path.is_dir():
            all_ok = _check_corpus_dir(path) and all_ok
            continue
        text = _read(path)
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


def _check_corpus_dir(root: Path) -> bool:
    """Check a corpus directory as one environment (files in splits.json order); print verdicts."""
    from lean_bridge import BackendError
    from prover.corpus import CorpusError, check_corpus

    try:
        result = check_corpus(root, progress=True)
    except CorpusError as err:
        raise SystemExit(_usage_error(str(err)))
    except BackendError as err:
        print(f"prover: error: {root}: {err}", file=sys.stderr)
        return False
    for d in result.declarations:
        if d.ok:
            print(f"{d.name}: ok")
        else:
            message = " ".join((d.message or "rejected").split())
            line = d.error_line if d.error_line is not None else d.line
            column = d.error_column if d.error_column is not None else d.column
            print(f"{d.name}: error: {message} ({d.file}:{line}:{column})")
    accepted = sum(d.ok for d in result.declarations)
    print(f"{root}: {accepted}/{len(result.declarations)} declarations accepted as one environment "
          f"in {result.seconds:.1f} s", file=sys.stderr)
    return result.ok


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

    path = model_dir if model_dir is not None else default_model_dir()
    try:
        model, meta = load_checkpoint(path)
    except FileNotFoundError as err:
        return _usage_error(f"cannot load model: {err}")
    print(f"parameters: {model.num_parameters()}")
    print(f"model: {path}")
    print(f"config: {json.dumps(meta['config'])}")
    print(f"kinds: {len(meta['kinds'])}, vocabulary: {model.config.vocab_size} constants")
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
    """Entry point of the `prover` console script."""
    args = _build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args.files)
    if args.command == "doctor":
        return run_doctor()
    if args.command == "bench":
        return run_bench_model(args) if args.model else run_bench(args)
    if args.command == "train":
        return run_train(args)
    if args.command == "model-info":
        return run_model_info(args.model)
    if args.command == "data":
        from prover.data import run_data

        return run_data(args)
    return _usage_error(f"unknown command {args.command}")
