"""The `prover` command line: `prover check FILE.lean …` (more subcommands arrive with later issues).

User mistakes (a missing file, a file that is not UTF-8) get one line on stderr and exit code 2;
a declaration the checker rejects is not a usage error: it is reported and makes the exit code 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

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
    sub.add_parser("doctor", help="say which proof-checker backends are usable here, and why not",
                   epilog="example:\n  prover doctor", formatter_class=argparse.RawDescriptionHelpFormatter)
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
    return _usage_error(f"unknown command {args.command}")
