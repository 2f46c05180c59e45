"""Re-check an evaluation's proofs with ``prover check``: the benchmark with every found proof in place.

``python -m eval.verify REPORT_DIR [--benchmark DIR]`` writes, per method, a copy of the benchmark
directory in which each proved theorem's own proof is replaced by the proof the search found, and
runs ``prover check`` on it (the whole corpus as one environment). Every declaration must be
accepted; the exit code is 0 only if all methods' copies check.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

from eval.run import proof_head
from prover.prove import split_chunks


def solved_copy(bench: Path, records: dict[str, dict], out: Path) -> int:
    """Copy ``bench`` to ``out`` with the found proofs in place; return how many were put in."""
    shutil.copytree(bench, out)
    placed = 0
    for path in sorted(out.glob("*.lean")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        for cmd in reversed([c for c in split_chunks(text, True) if c.name in records]):
            proof = records[cmd.name]["proof"]
            head = proof_head(cmd.text)
            if head is None or proof is None:
                continue
            lines[cmd.file_line - 1:cmd.file_end_line] = f"{head} := {proof}".split("\n")
            placed += 1
        path.write_text("\n".join(lines), encoding="utf-8")
    return placed


def main(argv: Optional[list[str]] = None) -> int:
    """Check every method's proofs; print one line per method."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m eval.verify REPORT_DIR [--benchmark DIR]", file=sys.stderr)
        return 2
    report = Path(args[0])
    run = json.loads((report / "run.json").read_text(encoding="utf-8"))
    bench = Path(args[args.index("--benchmark") + 1]) if "--benchmark" in args else Path(run["benchmark"])
    all_ok = True
    for path in sorted(report.glob("results-*.jsonl")):
        recs = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
        proved = {r["name"]: r for r in recs if r.get("proved")}
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "bench"
            placed = solved_copy(bench, proved, copy)
            out = subprocess.run([sys.executable, "-m", "prover", "check", str(copy)], capture_output=True, text=True)
            bad = [l for l in out.stdout.splitlines() if ": ok" not in l]
        ok = out.returncode == 0 and placed == len(proved)
        all_ok = all_ok and ok
        print(f"{path.stem[len('results-'):]}: {placed}/{len(proved)} proofs placed, prover check "
              f"{'ok' if ok else 'FAILED: ' + '; '.join(bad[:3])}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
