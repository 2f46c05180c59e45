"""The theorem corpus (`datasets/stdlib/`): load it, check it as one environment, assign splits.

A corpus directory holds Lean 4 files in Lean's dependency order and a manifest `splits.json`:

    {"rule": "...", "files": ["Logic.lean", "Nat.lean", "List.lean"], "theorems": {name: split}}

The files are one environment in manifest order (a later file sees every declaration of the earlier
ones, like `import`); `check_corpus` verifies them that way through the bridge (a subprocess, as
with a real Lean). Declarations are found with Lean's parser (`lean_bridge.syntax`), never by regex.

Split rule (published, never changed; documented in `datasets/stdlib/README.md`): the first 8 hex
digits of sha256(UTF-8 full theorem name), read as an integer, mod 10: 0-6 train, 7 valid, 8-9
test. A theorem whose statement is equal up to renaming to an EARLIER theorem's (corpus order)
takes that theorem's split instead, so no statement is in two splits. "Equal up to renaming" is
decided on the elaborated statement (de Bruijn indices; binder names, binder kinds and universe
parameter names dropped: `lean_bridge.filecheck.CheckedDeclaration.statement_key`).

`python -m prover.corpus splits DIR [--files A.lean B.lean ...]` (re)writes `DIR/splits.json`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping, Optional, Sequence

from lean_bridge.filecheck import CheckedDeclaration, FilesCheck, check_files
from lean_bridge.syntax import ast, parse_file

MANIFEST = "splits.json"
SPLITS = ("train", "valid", "test")
RULE = ("first 8 hex digits of sha256(UTF-8 full theorem name) as an integer, mod 10: 0-6 train, 7 valid, "
        "8-9 test; a theorem whose elaborated statement equals an earlier theorem's up to renaming "
        "(de Bruijn indices; binder names, binder kinds and universe names ignored) takes the earlier "
        "theorem's split")
AREAS = {"Logic.lean": "logic", "Nat.lean": "Nat", "List.lean": "List"}


class CorpusError(Exception):
    """The corpus directory or its manifest is unusable (one clear line for the user)."""


@dataclass(frozen=True)
class TheoremEntry:
    """One theorem of the corpus: full name, where it is, its statement and proof as written."""

    name: str
    file: str  # file name relative to the corpus directory
    line: int  # 1-based line of the declaration (its modifiers included)
    statement: str  # binders and type as written: `{a b : Prop} : a ∧ b → b ∧ a`
    proof: str  # the proof as written: `by …`, a term, or `| … => …` equations
    split: Optional[str]  # train | valid | test (None until the manifest has it)
    area: str  # logic | Nat | List (by file)


@dataclass(frozen=True)
class Corpus:
    """A corpus directory: its files in environment order and every theorem in order."""

    root: Path
    files: tuple[str, ...]
    theorems: tuple[TheoremEntry, ...]
    rule: str

    def split(self, name: str) -> list[TheoremEntry]:
        """The theorems of one split (train, valid or test), in corpus order."""
        return [t for t in self.theorems if t.split == name]

    @property
    def paths(self) -> list[Path]:
        """The files' paths, in environment order."""
        return [self.root / f for f in self.files]


# --------------------------------------------------------------------------- the split rule

def hash_split(name: str) -> str:
    """The split a theorem gets from its name alone (the first half of the rule)."""
    bucket = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if bucket <= 6 else "valid" if bucket == 7 else "test"


def assign_splits(names: Sequence[str], keys: Mapping[str, str]) -> dict[str, str]:
    """Splits for `names` in corpus order: the hash rule, except that a statement key seen before
    takes the earlier theorem's split (a name missing from `keys` is keyed by its name alone)."""
    by_key: dict[str, str] = {}
    splits: dict[str, str] = {}
    for name in names:
        key = keys.get(name, f"name:{name}")
        splits[name] = by_key.setdefault(key, hash_split(name))
    return splits


# --------------------------------------------------------------------------- reading the files

def read_theorems(path: Path, file: str) -> list[TheoremEntry]:
    """Every `theorem`/`lemma` of one file with its full name (namespaces applied), via Lean's parser."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    scopes: list[tuple[str, str]] = []  # (kind, name) of open namespaces/sections
    entries: list[TheoremEntry] = []
    for cmd in parse_file(text, file).commands:
        if isinstance(cmd, ast.Namespace):
            scopes.extend(("namespace", part) for part in cmd.name.split("."))
        elif isinstance(cmd, ast.Section):
            scopes.append(("section", cmd.name or ""))
        elif isinstance(cmd, ast.End):
            for _ in (cmd.name.split(".") if cmd.name else [""]):
                if scopes:
                    scopes.pop()
        elif isinstance(cmd, ast.Theorem):
            namespace = ".".join(name for kind, name in scopes if kind == "namespace")
            full = cmd.name[len("_root_."):] if cmd.name.startswith("_root_.") else (
                f"{namespace}.{cmd.name}" if namespace else cmd.name)
            start = cmd.binders[0].pos if cmd.binders else cmd.type.pos
            statement = _slice(lines, start, cmd.type.end_pos)
            proof = _slice(lines, cmd.value.pos, cmd.end_pos)
            entries.append(TheoremEntry(full, file, cmd.pos[0], statement, proof, None, area_of(file)))
    return entries


def _slice(lines: list[str], start: ast.Pos, end: ast.Pos) -> str:
    """Source text between two parser positions (1-based line, 0-based column, end exclusive)."""
    (l0, c0), (l1, c1) = start, end
    if l0 == l1:
        return lines[l0 - 1][c0:c1]
    return "\n".join([lines[l0 - 1][c0:], *lines[l0:l1 - 1], lines[l1 - 1][:c1]]).strip()


def area_of(file: str) -> str:
    """logic | Nat | List, from the file name (other files: their stem)."""
    return AREAS.get(Path(file).name, Path(file).stem)


def read_manifest(root: Path) -> dict:
    """`splits.json` of a corpus directory, checked for shape."""
    path = root / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(f"{path}: no manifest (write it with: python -m prover.corpus splits {root})") from None
    except (OSError, ValueError) as err:
        raise CorpusError(f"{path}: unreadable manifest ({err})") from None
    if not isinstance(manifest.get("files"), list) or not isinstance(manifest.get("theorems"), dict):
        raise CorpusError(f"{path}: a manifest needs a 'files' list and a 'theorems' object")
    return manifest


def load_corpus(root: Path | str) -> Corpus:
    """The corpus at `root`: files in manifest order, each theorem with its manifest split."""
    root = Path(root)
    if not root.is_dir():
        raise CorpusError(f"{root}: not a directory")
    manifest = read_manifest(root)
    files = tuple(manifest["files"])
    theorems: list[TheoremEntry] = []
    for file in files:
        path = root / file
        if not path.is_file():
            raise CorpusError(f"{path}: listed in {MANIFEST} but missing")
        theorems.extend(replace(t, split=manifest["theorems"].get(t.name)) for t in read_theorems(path, file))
    return Corpus(root, files, tuple(theorems), str(manifest.get("rule", RULE)))


# --------------------------------------------------------------------------- checking

def check_corpus(root: Path | str, files: Optional[Sequence[str]] = None, progress: bool = False) -> FilesCheck:
    """Check the corpus files (manifest order unless `files` is given) as ONE environment, through
    the bridge's checker subprocess. `progress`: a tqdm bar over declarations on stderr."""
    root = Path(root)
    files = list(files) if files is not None else list(read_manifest(root)["files"])
    total = sum(len(read_theorems(root / f, f)) for f in files)
    from tqdm import tqdm

    with tqdm(total=total, desc="checking", unit="thm", disable=not progress, file=sys.stderr) as bar:
        def tick(_decl: CheckedDeclaration) -> None:
            bar.update(1)

        return check_files([root / f for f in files], on_declaration=tick)


def corpus_files(root: Path, explicit: Optional[Sequence[str]]) -> list[str]:
    """The environment order for `splits`: `explicit`, else the manifest's, then any other `.lean`
    file of the directory (appended in name order: a new file comes after what it may import)."""
    if explicit:
        missing = [f for f in explicit if not (root / f).is_file()]
        if missing:
            raise CorpusError(f"{root}: no such file(s): {', '.join(missing)}")
        return list(explicit)
    listed = list(read_manifest(root)["files"]) if (root / MANIFEST).exists() else []
    present = sorted(p.name for p in root.glob("*.lean"))
    return [f for f in listed if f in present] + [f for f in present if f not in listed]


def write_splits(root: Path | str, files: Optional[Sequence[str]] = None, progress: bool = True) -> dict:
    """Check the corpus, assign every theorem its split by the rule and write `splits.json`."""
    root = Path(root)
    order = corpus_files(root, files)
    if not order:
        raise CorpusError(f"{root}: no .lean files")
    entries = [t for f in order for t in read_theorems(root / f, f)]
    result = check_corpus(root, order, progress=progress)
    failed = [d for d in result.declarations if not d.ok]
    if failed:
        shown = ", ".join(f"{d.name} ({d.file}:{d.error_line or d.line})" for d in failed[:5])
        raise CorpusError(f"{len(failed)} declaration(s) rejected by the checker, e.g. {shown}: fix them first")
    keys = {d.name: d.statement_key for d in result.declarations if d.statement_key}
    names = [t.name for t in entries]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CorpusError(f"theorem names declared twice: {', '.join(duplicates[:5])}")
    manifest = {"rule": RULE, "files": order, "theorems": assign_splits(names, keys)}
    (root / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def main(argv: Optional[Sequence[str]] = None) -> int:
    """`python -m prover.corpus splits DIR [--files ...]`."""
    parser = argparse.ArgumentParser(prog="python -m prover.corpus", description="Corpus manifest tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    splits = sub.add_parser("splits", help="check the corpus and (re)write DIR/splits.json by the split rule",
                            epilog="example:\n  python -m prover.corpus splits datasets/stdlib",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    splits.add_argument("dir", type=Path)
    splits.add_argument("--files", nargs="+", metavar="FILE.lean",
                        help="environment order (default: the manifest's, new files appended)")
    args = parser.parse_args(argv)
    try:
        manifest = write_splits(args.dir, args.files)
    except CorpusError as err:
        print(f"prover.corpus: error: {err}", file=sys.stderr)
        return 2
    counts = {s: sum(1 for v in manifest["theorems"].values() if v == s) for s in SPLITS}
    total = len(manifest["theorems"])
    print(f"{args.dir / MANIFEST}: {total} theorems in {len(manifest['files'])} files; "
          + ", ".join(f"{s} {n} ({100 * n / max(total, 1):.0f}%)" for s, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
