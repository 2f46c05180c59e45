"""Static checks on the soundness corpus itself; they need no checker and run today.

They keep the corpus honest: unique ids, a declaration actually named `target` in each
source, one-line explanations, and controls that point at real cases.
"""

from __future__ import annotations

import re

import pytest

from embedded_support import declared_names
from soundness_cases import CASES, CONTROLS, Case, Control

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def test_corpus_size() -> None:
    """The brief asks for at least 60 cases and a dozen controls."""
    assert len(CASES) >= 60
    assert len(CONTROLS) >= 12


def test_ids_unique_and_slugs() -> None:
    ids = [c.id for c in CASES] + [c.id for c in CONTROLS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert all(_ID_RE.match(i) for i in ids), [i for i in ids if not _ID_RE.match(i)]


def test_sources_distinct() -> None:
    sources = [c.source for c in CASES]
    assert len(sources) == len(set(sources))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_is_well_formed(case: Case) -> None:
    """`why` is one line, `expect` alternatives are non-empty, the source ends with a newline."""
    assert case.why.strip() and "\n" not in case.why
    assert all(case.expected_alternatives()) and "\n" not in case.expect
    assert case.source.endswith("\n") and case.source.strip()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_declares_target(case: Case) -> None:
    """The target is declared in the source (read with comments stripped, namespaces applied)."""
    assert case.target in declared_names(case.source), (case.target, declared_names(case.source))


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: c.id)
def test_control_declares_target(control: Control) -> None:
    assert control.target in declared_names(control.source)
    assert control.twin in {c.id for c in CASES}
