"""Data the bridge hands to the prover (goals, proof states, results) and the bridge's errors.

Everything here is a frozen dataclass built at the protocol edge by the clients, so the
camelCase JSON of the REPL and Pantograph never leaks inward. Errors come in two families:

* ``LeanError`` -- Lean rejected the input, the server is fine (``TacticError`` for a failed
  step, which search catches; ``StatementError`` for a statement that does not elaborate).
* ``BackendError`` -- the server broke or the conversation went wrong (``BackendTimeout``,
  ``BackendCrashed``, ``BackendStartupError``, ``ProtocolError``, ``StaleStateError``);
  search aborts the theorem or restarts the backend. ``CheckerInternalError`` (a
  ``ProtocolError``) is the checker's own bug on one request: never a success, never a
  Lean verdict.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from lean_bridge.sexp import SExpr, parse_sexp

if TYPE_CHECKING:  # pragma: no cover
    from lean_bridge.term import Term

# --------------------------------------------------------------------------- errors


class LeanError(Exception):
    """Lean rejected the input; the server is healthy and the session can continue."""


class TacticError(LeanError):
    """A tactic step failed (Lean's message is the exception text); search catches this."""

    def __init__(self, message: str, *, tactic: str = "", state_id: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        self.tactic = tactic
        self.state_id = state_id


class StatementError(LeanError):
    """A statement or theorem name could not be turned into a goal (parse/elaboration error)."""

    def __init__(self, message: str, *, statement: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.statement = statement


class BackendError(Exception):
    """The server broke or the conversation with it failed; restart or give up."""


class BackendTimeout(BackendError):
    """The server did not answer before the deadline; it has been killed."""

    def __init__(self, message: str, *, seconds: float, stderr_tail: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.seconds = seconds
        self.stderr_tail = stderr_tail


class BackendCrashed(BackendError):
    """The server died, closed its output, or printed garbage; it has been killed and reaped."""

    def __init__(
        self,
        message: str,
        *,
        returncode: Optional[int] = None,
        signal: Optional[int] = None,
        stderr_tail: tuple[str, ...] = (),
        cause: str = "",
    ) -> None:
        super().__init__(message)
        self.returncode = returncode
        self.signal = signal
        self.stderr_tail = stderr_tail
        self.cause = cause


class BackendStartupError(BackendError):
    """The server could not be started or never became ready."""

    def __init__(self, message: str, *, argv: tuple[str, ...] = (), output: str = "") -> None:
        super().__init__(message)
        self.argv = argv
        self.output = output


class ProtocolError(BackendError):
    """The server answered with a protocol-level error object (unknown id, bad request)."""

    def __init__(self, message: str, *, response: Optional[dict[str, Any]] = None) -> None:
        super().__init__(message)
        self.response = response


class CheckerInternalError(ProtocolError):
    """The checker failed internally on this request (an engine bug: Pantograph's ``internal`` error,
    the embedded REPL's ``internal error in the embedded checker``), not because Lean rejected it.

    The server is alive and its states are intact, but the request's outcome is unknown: it is
    neither a proof step nor a failed tactic, so search skips it and training data never records it.
    (A timeout ``interrupt`` is a ``TacticError``, as Lean's heartbeat limit is.)
    """


class StaleStateError(BackendError):
    """A proof state from before a restart (or from another backend) was used."""


# --------------------------------------------------------------------------- terms


@dataclass(frozen=True)
class Expression:
    """One Lean expression: its pretty string, and (Pantograph only) its elaborated S-expression.

    ``term`` is the surface-syntax tree of ``pp``, parsed lazily by ``lean_bridge.syntax``
    (imported at call time, cached). ``sexp`` is the elaborated ``Expr`` tree read lazily
    from Pantograph's ``printExprAST`` text ``sexp_text`` (None for the REPL, whose answers
    carry only strings). Both are parsed on first use so a round trip pays only for splitting.
    """

    pp: str
    sexp_text: Optional[str] = None

    @functools.cached_property
    def term(self) -> Any:
        """The parsed term tree of ``pp`` (raises ``lean_bridge.syntax.ParseError`` if unparsable)."""
        return parse_term_text(self.pp)

    @functools.cached_property
    def sexp(self) -> Optional[SExpr]:
        """The elaborated expression tree from Pantograph, or None when the server sent none."""
        return None if self.sexp_text is None else parse_sexp(self.sexp_text)

    @functools.cached_property
    def typed(self) -> Optional["Term"]:
        """The S-expression as an interned ``lean_bridge.term.Term``, or None when the server sent none."""
        if self.sexp_text is None:
            return None
        from lean_bridge.term import parse_term

        return parse_term(self.sexp_text)

    @property
    def tree(self) -> Any:
        """The best structured tree available: the S-expression if present, else the parsed term."""
        return self.sexp if self.sexp_text is not None else self.term

    def __str__(self) -> str:
        return self.pp


def parse_term_text(text: str) -> Any:
    """Parse Lean term text with ``lean_bridge.syntax.parse_term``, imported at call time."""
    try:
        from lean_bridge.syntax import parse_term  # type: ignore[attr-defined]
    except ImportError as e:
        raise NotImplementedError("lean_bridge.syntax.parse_term not available yet") from e
    return parse_term(text)


@dataclass(frozen=True)
class ConstantInfo:
    """A library constant as ``Backend.inspect`` reports it: its type (and value, where shown)."""

    name: str
    type: Optional["Term"]  # None when the server sends no S-expression
    type_pp: str
    value: Optional["Term"] = None  # definitions always, theorems when asked (Pantograph rules)
    value_pp: Optional[str] = None
    module: Optional[str] = None


@dataclass(frozen=True)
class Hypothesis:
    """One local hypothesis ``name : type`` (``:= value`` for let-bound ones)."""

    name: str
    type: Expression
    value: Optional[Expression] = None
    fvar_id: Optional[str] = None  # Pantograph free-variable id (`_uniq.N`), what `(:fv ...)` names

    @property
    def inaccessible(self) -> bool:
        """True for names Lean prints with a dagger (``h✝``), which tactics cannot refer to."""
        return "✝" in self.name

    def render(self) -> str:
        """This hypothesis as Lean prints it on one line."""
        text = f"{self.name} : {self.type.pp}"
        return text if self.value is None else f"{text} := {self.value.pp}"


@dataclass(frozen=True)
class Goal:
    """One goal: hypotheses in context order, the target, and the optional ``case`` tag."""

    hypotheses: tuple[Hypothesis, ...]
    target: Expression
    case: Optional[str] = None
    mvar_id: Optional[str] = None  # Pantograph goal id (`_uniq.N`), stable across states

    def render(self) -> str:
        """The goal as Lean prints it (consecutive same-type hypotheses grouped: ``x y : Nat``)."""
        lines: list[str] = [] if self.case is None else [f"case {self.case}"]
        group: list[Hypothesis] = []
        for hyp in self.hypotheses + (None,):  # type: ignore[operator]
            if group and (hyp is None or hyp.value is not None or group[0].value is not None
                          or hyp.type.pp != group[0].type.pp):
                names = " ".join(h.name for h in group)
                lines.append(Hypothesis(names, group[0].type, group[0].value).render())
                group = []
            if hyp is not None:
                group.append(hyp)
        lines.append(f"⊢ {self.target.pp}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Message:
    """A Lean message (severity ``info``/``warning``/``error``/``trace``, text, 1-based line, 0-based column)."""

    severity: str
    data: str
    line: int = 0
    column: int = 0
    end_line: Optional[int] = None
    end_column: Optional[int] = None

    @classmethod
    def parse(cls, obj: dict[str, Any]) -> "Message":
        """Build from a REPL or Pantograph message object (``information`` becomes ``info``)."""
        pos = obj.get("pos") or {}
        end = obj.get("endPos") or {}
        severity = obj.get("severity", "error")
        return cls(
            severity="info" if severity == "information" else severity,
            data=str(obj.get("data", "")),
            line=int(pos.get("line", 0)),
            column=int(pos.get("column", 0)),
            end_line=end.get("line"),
            end_column=end.get("column"),
        )

    @property
    def is_error(self) -> bool:
        """True for error-severity messages (which mean failure in both protocols)."""
        return self.severity == "error"


@dataclass(frozen=True)
class ProofState:
    """An immutable proof state on one backend: its id there and its open goals (empty = solved).

    ``session`` identifies the server incarnation that owns ``id``; after a restart the old
    ids are meaningless and using them raises ``StaleStateError``. ``status`` is the REPL's
    ``proofStatus`` (None for Pantograph), ``messages``/``traces`` what the step printed.
    """

    id: int
    goals: tuple[Goal, ...]
    session: int = 0
    status: Optional[str] = None
    messages: tuple[Message, ...] = ()
    traces: tuple[str, ...] = ()
    sorries: tuple["ProofState", ...] = field(default=(), compare=False)

    @property
    def is_solved(self) -> bool:
        """True when no goals remain."""
        return not self.goals

    def render(self) -> str:
        """All goals as Lean prints them, separated by blank lines (``no goals`` when solved)."""
        return "\n\n".join(g.render() for g in self.goals) if self.goals else "no goals"


@dataclass(frozen=True)
class DeclarationResult:
    """Whether one declaration was accepted; ``line`` is 1-based, ``column`` 0-based.

    ``ok`` means: no error message and no ``sorry`` in it. ``message`` is the first error
    (or the sorry warning) when not ok; ``line``/``column`` point at that message, or at the
    declaration's start when ok.
    """

    name: str
    ok: bool
    message: Optional[str]
    line: int
    column: int
