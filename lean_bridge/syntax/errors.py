"""The one exception the syntax package raises for bad input."""

from __future__ import annotations


class ParseError(Exception):
    """A syntax error at ``line``:``column`` (1-based line, 0-based code-point column).

    ``message`` uses Lean's wording where Lean has one (``unexpected token ':='; expected term``).
    ``str(error)`` is ``"file:line:col: message"``.
    """

    def __init__(self, message: str, line: int, column: int, filename: str = "<input>") -> None:
        super().__init__(message, line, column, filename)
        self.message = message
        self.line = line
        self.column = column
        self.filename = filename

    @property
    def pos(self) -> tuple[int, int]:
        """The error position ``(line, column)``."""
        return (self.line, self.column)

    def __str__(self) -> str:
        return f"{self.filename}:{self.line}:{self.column}: {self.message}"
