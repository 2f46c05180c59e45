"""Soundness suite for the embedded checker: every adversarial case is rejected, every control accepted.

The cases live in `soundness_cases.py`. For each case the checker is asked, both through
`check_source` and through `python -m prover check`, about the whole file; the test then
looks only at the declaration named `case.target` (the last one of that name, so that a
duplicate-declaration case targets the duplicate).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from lean_bridge.embedded.checker import check_source

from embedded_support import deadline, run_check_cli
from soundness_cases import CASES, CONTROLS, Case, Control

CASES_BY_ID: dict[str, Case] = {case.id: case for case in CASES}


@lru_cache(maxsize=None)
def _results(source: str) -> tuple[Any, ...]:
    """Check `source` once (results are reused by the several tests of one case)."""
    with deadline():
        return tuple(check_source(source, filename="case.lean"))


def _target(source: str, target: str) -> Any:
    """The result for the last declaration named `target`, failing clearly if there is none."""
    results = _results(source)
    hits = [r for r in results if r.name == target]
    assert hits, f"no result named {target!r}; the checker reported {[r.name for r in results]}"
    return hits[-1]


def _describe(result: Any) -> str:
    return f"{result.name}: ok={result.ok} message={result.message!r} at {result.line}:{result.column}"


# --------------------------------------------------------------------------- adversarial cases


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_target_declaration_is_reported(case: Case) -> None:
    """The checker reports a declaration named `target`, so the case cannot pass vacuously."""
    names = [r.name for r in _results(case.source)]
    assert case.target in names, f"{case.id}: target {case.target!r} not among {names}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_target_is_rejected(case: Case) -> None:
    """The false or ill-typed declaration is not accepted (the soundness property itself)."""
    result = _target(case.source, case.target)
    assert result.ok is False, f"UNSOUND: {case.id} accepted ({case.why}); {_describe(result)}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rejection_message(case: Case) -> None:
    """The rejection carries a non-empty one-line message in Lean's vocabulary."""
    result = _target(case.source, case.target)
    message = result.message
    assert isinstance(message, str) and message.strip(), f"{case.id}: empty message; {_describe(result)}"
    assert "\n" not in message and "\r" not in message, f"{case.id}: message is not one line: {message!r}"
    alternatives = case.expected_alternatives()
    if alternatives:
        lowered = message.lower()
        assert any(alt in lowered for alt in alternatives), (
            f"{case.id}: message {message!r} contains none of {list(alternatives)} ({case.why})"
        )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rejection_location(case: Case) -> None:
    """The reported position lies inside the file (1-based line, 0-based column)."""
    result = _target(case.source, case.target)
    n_lines = len(case.source.splitlines())
    assert isinstance(result.line, int) and 1 <= result.line <= max(n_lines, 1) + 1, _describe(result)
    assert isinstance(result.column, int) and result.column >= 0, _describe(result)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_results_in_file_order(case: Case) -> None:
    """Results come back in file order (non-decreasing lines)."""
    lines = [r.line for r in _results(case.source)]
    assert lines == sorted(lines), f"{case.id}: results out of order: {lines}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_cli_rejects(case: Case, tmp_path: Path) -> None:
    """`python -m prover check` exits non-zero, reports the target as an error, and never crashes."""
    path = tmp_path / "case.lean"
    path.write_text(case.source, encoding="utf-8")
    run = run_check_cli(path)
    assert "Traceback" not in run.stderr, f"{case.id}: the CLI crashed:\n{run.stderr}"
    assert run.returncode != 0, f"UNSOUND: {case.id}: CLI exit 0\n{run.stdout}"
    line = run.line_for(case.target)
    assert line is not None, f"{case.id}: no line for {case.target!r} in:\n{run.stdout}"
    assert line.startswith(f"{case.target}: error"), f"{case.id}: {line!r}"


# --------------------------------------------------------------------------- accepted twins


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: c.id)
def test_control_twin_exists(control: Control) -> None:
    """Each control names a real case."""
    assert control.twin in CASES_BY_ID, f"{control.id}: unknown twin {control.twin!r}"


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: c.id)
def test_control_is_accepted(control: Control) -> None:
    """The fixed twin is accepted with no message, so the checker is not rejecting everything."""
    result = _target(control.source, control.target)
    assert result.ok is True, f"{control.id} (twin of {control.twin}) rejected: {_describe(result)}"
    assert all(r.ok for r in _results(control.source)), [
        _describe(r) for r in _results(control.source) if not r.ok
    ]


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: c.id)
def test_control_cli_accepts(control: Control, tmp_path: Path) -> None:
    """The CLI exits 0 on a control and prints `good: ok`."""
    path = tmp_path / "control.lean"
    path.write_text(control.source, encoding="utf-8")
    run = run_check_cli(path)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 0, f"{control.id}: exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    assert run.line_for(control.target) == f"{control.target}: ok", run.stdout
