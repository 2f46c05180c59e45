"""Assertions shared by the tactic test suites: run Lean text through the whole embedded pipeline
(`check_source`/`run_source`) and return what a user would see."""
from __future__ import annotations

from lean_bridge.embedded.checker import check_source, run_source


def accepted(src: str) -> None:
    """Every declaration of `src` is accepted (the kernel re-checked it)."""
    results = check_source(src)
    assert results, "no declaration checked"
    for r in results:
        assert r.ok, f"{r.name}: {r.message}"


def rejected(src: str) -> str:
    """The last declaration of `src` is rejected; returns the first error message's text."""
    results, messages = run_source(src)
    assert results and not results[-1].ok, "expected the declaration to be rejected"
    errors = [m.text for m in messages if m.severity == "error"]
    assert errors
    return errors[0]


def goals_after(src: str) -> str:
    """The goals left by a proof that ends early (`done` reports them as `unsolved goals`)."""
    text = rejected(src)
    assert text.startswith("unsolved goals\n"), text
    return text[len("unsolved goals\n"):]
