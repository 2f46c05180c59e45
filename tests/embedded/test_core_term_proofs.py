"""Completeness suite: the embedded checker accepts ordinary term-mode proofs of core facts.

`data/core_term_proofs.lean` holds only declarations real Lean 4 accepts. The checker must
accept every one, report them under the names the file declares, and report built-in
axioms exactly where the proofs use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lean_bridge.embedded.checker import check_source

from embedded_support import declared_names, deadline, run_check_cli

DATA_FILE: Path = Path(__file__).resolve().parent / "data" / "core_term_proofs.lean"

BUILTIN_AXIOMS: frozenset[str] = frozenset(
    {"propext", "Quot.sound", "funext", "Classical.choice", "Classical.em"}
)
"""Every axiom the checker may ever report (`funext` and `Classical.em` are theorems in Lean,
but the embedded environment may take them as primitive)."""

# Declarations whose proofs use no axiom at all.
AXIOM_FREE: tuple[str, ...] = (
    "CoreProofs.two_add_two",
    "CoreProofs.and_swap",
    "CoreProofs.proof_irrelevance",
    "CoreProofs.function_eta",
    "CoreProofs.zero_add_by_rec",
    "CoreProofs.million_squared",
    "CoreProofs.twice_succ",
)

# name -> (at least one of these must be reported, none of these may be reported)
AXIOM_USERS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "CoreProofs.propext_and_true": (frozenset({"propext"}), frozenset({"Classical.choice"})),
    # Uses propext only through an earlier theorem: axioms are collected transitively.
    "CoreProofs.propext_reused": (frozenset({"propext"}), frozenset({"Classical.choice"})),
    # funext is proved from Quot.sound in Lean; the embedded kernel may take it as primitive.
    "CoreProofs.funext_of_pointwise": (
        frozenset({"funext", "Quot.sound"}),
        frozenset({"Classical.choice", "propext"}),
    ),
    # Classical.em rests on Classical.choice (Diaconescu); it may also be primitive.
    "CoreProofs.by_excluded_middle": (frozenset({"Classical.em", "Classical.choice"}), frozenset()),
}


@pytest.fixture(scope="module")
def source() -> str:
    return DATA_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def results(source: str) -> list[Any]:
    with deadline(120):
        return list(check_source(source, filename=str(DATA_FILE)))


@pytest.fixture(scope="module")
def by_name(results: list[Any]) -> dict[str, Any]:
    return {r.name: r for r in results}


def test_file_has_enough_declarations(source: str) -> None:
    """The corpus holds at least 40 declarations (a static check on the data file)."""
    assert len(declared_names(source)) >= 40


def test_every_declaration_is_accepted(results: list[Any]) -> None:
    """Every declaration real Lean accepts is accepted; failures are listed with their messages."""
    failures = [f"{r.name} (line {r.line}:{r.column}): {r.message}" for r in results if not r.ok]
    assert not failures, f"{len(failures)} of {len(results)} rejected:\n" + "\n".join(failures)


def test_result_names_match_the_file(source: str, results: list[Any]) -> None:
    """One result per declaration, in file order, under its namespace-qualified name."""
    assert [r.name for r in results] == declared_names(source)


def test_accepted_declarations_have_no_message(results: list[Any]) -> None:
    assert [r.name for r in results if r.ok and r.message] == []


def test_only_builtin_axioms_are_reported(results: list[Any]) -> None:
    """No accepted declaration depends on anything but Lean's built-in axioms (no sorryAx)."""
    strays = {r.name: r.axioms for r in results if not set(r.axioms) <= BUILTIN_AXIOMS}
    assert strays == {}
    assert all(isinstance(r.axioms, tuple) for r in results)


@pytest.mark.parametrize("name", AXIOM_FREE)
def test_axiom_free_proofs_report_none(by_name: dict[str, Any], name: str) -> None:
    assert name in by_name, f"{name} missing from results"
    assert by_name[name].ok and by_name[name].axioms == ()


@pytest.mark.parametrize("name", sorted(AXIOM_USERS))
def test_axiom_use_is_reported(by_name: dict[str, Any], name: str) -> None:
    needed_any, forbidden = AXIOM_USERS[name]
    assert name in by_name, f"{name} missing from results"
    result = by_name[name]
    assert result.ok, result.message
    reported = set(result.axioms)
    assert reported & needed_any, f"{name}: axioms {sorted(reported)}, expected one of {sorted(needed_any)}"
    assert not reported & forbidden, f"{name}: axioms {sorted(reported)} include {sorted(forbidden)}"


def test_cli_accepts_the_file(source: str) -> None:
    """`python -m prover check` exits 0 and prints `name: ok` for every declaration."""
    run = run_check_cli(DATA_FILE)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 0, run.stdout + run.stderr
    for name in declared_names(source):
        assert run.line_for(name) == f"{name}: ok", (name, run.stdout)
