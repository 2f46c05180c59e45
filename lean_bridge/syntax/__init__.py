"""Lexer, syntax trees and parser for the Lean 4 surface syntax of the embedded checker's fragment.

Public API:

* ``parse_file(text, filename) -> ast.File`` (recovers from errors: bad commands become ``ast.ErrorCommand``)
* ``parse_term(text) -> ast.Term`` (e.g. Lean's pretty-printed goals)
* ``parse_tactic_block(text) -> ast.TacticSeq`` (REPL tactic mode)
* ``ParseError`` (the only exception raised for bad input)
* ``ast`` (node classes and ``ast.to_sexpr``) and ``tokenize``.
"""

from . import ast
from .ast import to_sexpr
from .errors import ParseError
from .parser import parse_file, parse_tactic_block, parse_term
from .tokens import tokenize

__all__ = ["ParseError", "ast", "parse_file", "parse_tactic_block", "parse_term", "to_sexpr", "tokenize"]
