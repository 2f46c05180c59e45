"""Split Lean's pretty-printed goal strings (the REPL's only goal format) into ``Goal`` objects.

Lean prints a goal as an optional ``case TAG`` line, one line per hypothesis group
(``x y : Nat`` -- consecutive hypotheses with the same type share a line; inaccessible
names carry a dagger, ``n✝``; let-bound ones read ``k : Nat := 2``), then ``⊢ target``.
Long types wrap onto following lines indented by at least one space (a broken hypothesis
may even end its first line with ``h :``). Several goals are joined by a newline or a
blank line. Wrapped text is joined with single spaces, so every ``pp`` string is one line.
"""

from __future__ import annotations

import re

from lean_bridge.types import Expression, Goal, Hypothesis

_TURNSTILE = "⊢"
_OPEN = "([{⟨⦃"
_CLOSE = ")]}⟩⦄"
_WRAP = re.compile(r"\s*\n\s*")


class GoalSyntaxError(ValueError):
    """The text does not look like a Lean goal."""


def parse_goals(text: str) -> list[Goal]:
    """Split a string holding zero or more goals (``"no goals"`` or ``""`` gives [])."""
    if text.strip() in ("", "no goals"):
        return []
    goals: list[Goal] = []
    block: list[str] = []
    after_target = False
    for line in text.split("\n"):
        if not line.strip():
            continue  # blank line between goals
        starts_entry = not line[0].isspace()
        if after_target and starts_entry:
            goals.append(_parse_block(block))
            block, after_target = [], False
        block.append(line)
        if line.startswith(_TURNSTILE):
            after_target = True
    if block:
        goals.append(_parse_block(block))
    return goals


def parse_goal(text: str) -> Goal:
    """Parse a string holding exactly one goal."""
    goals = parse_goals(text)
    if len(goals) != 1:
        raise GoalSyntaxError(f"expected one goal, found {len(goals)}: {text!r}")
    return goals[0]


def _parse_block(lines: list[str]) -> Goal:
    """Parse the lines of one goal (first line at column 0, wrapped lines indented)."""
    entries: list[str] = []
    for line in lines:
        if line[0].isspace() and entries:
            entries[-1] += "\n" + line
        else:
            entries.append(line)
    case = None
    if entries and entries[0].startswith("case ") and _TURNSTILE not in entries[0][:1]:
        case = _one_line(entries.pop(0)[5:])
    if not entries or not entries[-1].startswith(_TURNSTILE):
        raise GoalSyntaxError(f"goal has no '⊢ target' line: {chr(10).join(lines)!r}")
    target = Expression(_one_line(entries.pop()[len(_TURNSTILE):]))
    hyps: list[Hypothesis] = []
    for entry in entries:
        hyps.extend(_parse_hypotheses(_one_line(entry)))
    return Goal(hypotheses=tuple(hyps), target=target, case=case)


def _one_line(text: str) -> str:
    """Join wrapped lines with single spaces and trim."""
    return _WRAP.sub(" ", text).strip()


def _parse_hypotheses(entry: str) -> list[Hypothesis]:
    """Expand ``x y : T`` (or ``k : T := v``) into one ``Hypothesis`` per name."""
    colon = _names_end(entry)
    if colon < 0:
        raise GoalSyntaxError(f"hypothesis without ' : ': {entry!r}")
    names = entry[:colon].split()
    rest = entry[colon + 1:].strip()
    assign = _top_level_assign(rest)
    if assign >= 0:
        type_text, value = rest[:assign].strip(), Expression(rest[assign + 2:].strip())
    else:
        type_text, value = rest, None
    type_expr = Expression(type_text)
    return [Hypothesis(name=name, type=type_expr, value=value) for name in names]


def _names_end(entry: str) -> int:
    """Index of the ``:`` that ends the name list (skipping ``«quoted»`` names), or -1."""
    i, n = 0, len(entry)
    while i < n:
        ch = entry[i]
        if ch == "«":
            close = entry.find("»", i)
            i = n if close < 0 else close + 1
            continue
        if ch == ":" and i > 0 and entry[i - 1] == " " and (i + 1 == n or entry[i + 1] == " "):
            return i
        i += 1
    return -1


def _top_level_assign(text: str) -> int:
    """Index of a `` := `` outside all brackets (a let value), or -1."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
        elif ch == ":" and depth == 0 and text.startswith(":= ", i) and i > 0 and text[i - 1] == " ":
            return i
    return -1
