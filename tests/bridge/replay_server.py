"""A fake REPL that replays one recorded transcript pair, nothing invented.

Usage: ``python replay_server.py NAME.in NAME.expected.out``. Requests are read from stdin
with the REPL's own framing (lines gathered until a line that is empty after trimming,
trailing whitespace of each line stripped, lines concatenated without newlines; blocks
starting with ``#`` or ``--`` skipped). Each request must equal, as parsed JSON, the next
request block of the ``.in`` file (read with the same rule); the server then prints the
next ``.expected.out`` block verbatim followed by one empty line. A mismatch, a
whitespace-only block (two blank lines), invalid JSON or running past the end of the
transcript is reported on stderr and ends the process with a non-zero status, as a
protocol violation ends the real REPL.
"""

from __future__ import annotations

import json
import sys
from typing import Iterable, Iterator


def request_blocks(lines: Iterable[str]) -> Iterator[str]:
    """Yield request blocks the way the REPL reads them (``REPL/Main.lean``)."""
    parts: list[str] = []
    for line in lines:
        stripped = line.rstrip()
        if stripped.strip():
            parts.append(stripped)
            continue
        block = "".join(parts)
        parts = []
        if block.startswith("#") or block.startswith("--"):
            continue
        yield block
    if parts:
        block = "".join(parts)
        if not (block.startswith("#") or block.startswith("--")):
            yield block


def response_blocks(text: str) -> list[str]:
    """Split an ``.expected.out`` file into its response blocks (text kept verbatim)."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def recorded_requests(path: str) -> list[str]:
    """The recorded request blocks of an ``.in`` file (empty blocks dropped)."""
    with open(path, encoding="utf-8") as f:
        return [b for b in request_blocks(f.read().split("\n")) if b.strip()]


def main(argv: list[str]) -> int:
    """Serve the transcript on stdin/stdout."""
    in_path, out_path = argv[1], argv[2]
    requests = recorded_requests(in_path)
    with open(out_path, encoding="utf-8") as f:
        responses = response_blocks(f.read())
    if len(requests) != len(responses):
        print(f"replay: {len(requests)} requests but {len(responses)} responses", file=sys.stderr)
        return 2
    index = 0
    parts: list[str] = []
    for raw in sys.stdin:
        line = raw.rstrip()
        if line.strip():
            parts.append(line)
            continue
        block = "".join(parts)
        parts = []
        if block.startswith("#") or block.startswith("--"):
            continue
        if not block.strip():
            print("replay: Could not parse JSON: empty block (two blank lines?)", file=sys.stderr)
            return 3
        try:
            got = json.loads(block)
        except json.JSONDecodeError as e:
            print(f"replay: Could not parse JSON: {e}", file=sys.stderr)
            return 3
        if index >= len(requests):
            print(f"replay: transcript exhausted, unexpected request {block}", file=sys.stderr)
            return 4
        want = json.loads(requests[index])
        if got != want:
            print(f"replay: request {index} mismatch:\n  got  {json.dumps(got, ensure_ascii=False)}\n"
                  f"  want {json.dumps(want, ensure_ascii=False)}", file=sys.stderr)
            return 5
        sys.stdout.write(responses[index] + "\n\n")
        sys.stdout.flush()
        index += 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
