"""Lexer for the Lean 4 surface syntax fragment of the embedded checker.

Turns source text into a list of :class:`Token` objects.  The scanner is
hand-written (one pass over the string, no regex per character) and follows
Lean 4's tokenizer where it matters for parsing:

* identifiers use Lean's character classes (``isIdFirst``/``isIdRest``:
  ASCII letters, ``_``, Greek except ``λ Π Σ``, letter-like symbols,
  subscripts; digits, ``'``, ``!``, ``?`` after the first character) and
  ``«escaped»`` parts; a dotted name such as ``Nat.succ`` or ``h.mp`` is ONE
  identifier token, while ``h.1`` is an identifier followed by a
  ``FIELD_IDX`` token (Lean's ``fieldIdx``); ``(e).mp`` gives a ``FIELD``
  token after the parenthesis;
* as an extension for Lean's *pretty-printed* goals, ``✝`` and superscript
  digits are accepted as trailing identifier characters (``h✝``, ``a✝¹``);
* identifier-like words that are tokens in Lean (``fun``, ``at``, ``with``,
  ``theorem`` ...) become ``KEYWORD`` tokens; tactic names stay identifiers
  (Lean does not reserve leading tactic words either);
* symbols use longest match, including ASCII alternatives (``->``, ``<->``,
  ``/\\`` ...);
* comments (``--``, nested ``/- -/``) are skipped; a doc comment ``/-- -/``
  is attached to the next token as ``doc``; module docs ``/-! -/`` are
  skipped.

Lexical errors do not raise here: they become an ``ERROR`` token, so that the
parser reports them at the right place and ``parse_file`` can recover.
"""

from __future__ import annotations

from typing import Optional

# Token kinds.
IDENT = "ident"
KEYWORD = "keyword"
SYMBOL = "symbol"
NUM = "num"
STR = "str"
CHAR = "char"
FIELD_IDX = "field_idx"  # `.1` directly after a term: projection by index
FIELD = "field"  # `.name` directly after `)`/`⟩`/a projection: field access
DOT_IDENT = "dot_ident"  # `.inl` at term start: leading-dot constructor
ERROR = "error"
EOF = "eof"

#: Identifier-like words that Lean lexes as tokens (never identifiers).
KEYWORDS: frozenset[str] = frozenset(
    """
    fun forall by have show from let in if then else match with do at calc
    suffices using generalizing only Type Sort Prop sorry nomatch nofun
    theorem lemma def abbrev example axiom inductive structure class instance
    universe variable namespace section end open set_option import attribute
    private protected noncomputable partial unsafe deriving where extends
    termination_by decreasing_by mutual opaque notation infix infixl infixr
    prefix postfix macro macro_rules syntax elab elab_rules scoped local
    hiding renaming include omit export
    """.split()
)

#: Symbols, longest match first within a shared first character.
SYMBOLS: tuple[str, ...] = (
    ":=", "=>", "↦", "←", "<-", "→", "->", "↔", "<->", "∀", "∃", "λ", "Π", "Σ",
    "¬", "∧", "/\\", "∨", "\\/", "≠", "≤", "<=", "≥", ">=", "<", ">", "=", "==",
    "!=", "+", "-", "*", "/", "%", "^", "++", "::", "∈", "∉", "▸", "∘", "×",
    "⟨", "⟩", "(", ")", "{", "}", "[", "]", "⦃", "⦄", ",", ".", "..", ":", ";",
    "|", "<;>", "·", "•", "@", "_", "?", "!", "#", "$", "<|", "|>", "|>.", "@[",
    "↑", "⊢", "|-", "&&", "||", "∣", "⋯", ".{", "<|>", "∩", "∪", "⊆", "\\",
    ">>=", "=<<", ">>", "∑", "∏", "'", "`", "//", "<$>", "%[", "⁻¹", "≍", "‹", "›", "≈",
)


def _symbols_by_first_char() -> dict[str, tuple[str, ...]]:
    """Map each first character to its symbols, longest first."""
    table: dict[str, list[str]] = {}
    for sym in SYMBOLS:
        table.setdefault(sym[0], []).append(sym)
    return {c: tuple(sorted(syms, key=len, reverse=True)) for c, syms in table.items()}


_SYMBOL_TABLE = _symbols_by_first_char()

#: Tokens after which a `.x` with no space is a projection, not a leading dot.
_PROJECTABLE_KINDS = frozenset({IDENT, FIELD, FIELD_IDX})
_PROJECTABLE_SYMBOLS = frozenset({")", "⟩", "]", "}", "_", "·"})  # `(·.1)`: a projection of `·`

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def is_letter_like(c: str) -> bool:
    """Lean's ``isLetterLike``: Greek (minus λ Π Σ), Coptic, letter-like symbols, math alphabets."""
    v = ord(c)
    return (
        (0x3B1 <= v <= 0x3C9 and v != 0x3BB)
        or (0x391 <= v <= 0x3A9 and v != 0x3A0 and v != 0x3A3)
        or 0x3CA <= v <= 0x3FB
        or 0x1F00 <= v <= 0x1FFE
        or 0x2100 <= v <= 0x214F
        or 0x1D49C <= v <= 0x1D59F
    )


def is_subscript_alnum(c: str) -> bool:
    """Lean's ``isSubScriptAlnum``: subscript digits and letters."""
    v = ord(c)
    return 0x2080 <= v <= 0x2089 or 0x2090 <= v <= 0x209C or 0x1D62 <= v <= 0x1D6A


def is_id_first(c: str) -> bool:
    """Whether ``c`` may start an identifier (Lean's ``isIdFirst``)."""
    return ("a" <= c <= "z") or ("A" <= c <= "Z") or c == "_" or (c > "\x7f" and is_letter_like(c))


def is_id_rest(c: str) -> bool:
    """Whether ``c`` may continue an identifier (Lean's ``isIdRest`` plus ``✝``/superscripts)."""
    if ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9") or c in "_'!?":
        return True
    if c <= "\x7f":
        return False
    return is_letter_like(c) or is_subscript_alnum(c) or c == "✝" or c in _SUPERSCRIPT_DIGITS


class Token:
    """One lexical token with its span and layout information."""

    __slots__ = (
        "kind", "text", "value", "line", "col", "end_line", "end_col",
        "start", "end", "ws_before", "first_on_line", "doc",
    )

    def __init__(
        self, kind: str, text: str, value: object, line: int, col: int,
        end_line: int, end_col: int, start: int, end: int,
        ws_before: bool, first_on_line: bool, doc: Optional[str],
    ) -> None:
        self.kind = kind
        self.text = text
        self.value = value  # parsed value: int for numbers, str for strings/names
        self.line = line
        self.col = col
        self.end_line = end_line
        self.end_col = end_col
        self.start = start  # offsets into the source text
        self.end = end
        self.ws_before = ws_before  # whitespace or a comment precedes the token
        self.first_on_line = first_on_line  # no other token before it on its line
        self.doc = doc  # text of a preceding `/-- ... -/` doc comment

    @property
    def pos(self) -> tuple[int, int]:
        """Start position ``(line, column)``."""
        return (self.line, self.col)

    @property
    def end_pos(self) -> tuple[int, int]:
        """End position ``(line, column)`` (exclusive)."""
        return (self.end_line, self.end_col)

    def is_sym(self, text: str) -> bool:
        """Whether this is the symbol or keyword ``text``."""
        return self.text == text and self.kind in (SYMBOL, KEYWORD)

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, {self.line}:{self.col})"


class _Scanner:
    """Single-use scanner state; ``tokenize`` is the public entry point."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.i = 0
        self.line = 1
        self.line_start = 0
        self.tokens: list[Token] = []
        self.pending_doc: Optional[str] = None
        self.ws_before = True
        self.last_token_line = 0

    # -- whitespace and comments -------------------------------------------------

    def _newline(self, at: int) -> None:
        self.line += 1
        self.line_start = at + 1

    def _skip_block_comment(self) -> Optional[str]:
        """Skip a nested ``/- -/`` comment starting at ``self.i``; return an error message or None."""
        text, n = self.text, self.n
        depth = 0
        i = self.i
        while i < n:
            if text.startswith("/-", i):
                depth += 1
                i += 2
            elif text.startswith("-/", i):
                depth -= 1
                i += 2
                if depth == 0:
                    self.i = i
                    return None
            else:
                if text[i] == "\n":
                    self._newline(i)
                i += 1
        self.i = n
        return "unterminated comment"

    def skip_trivia(self) -> Optional[tuple[str, int, int, int]]:
        """Skip whitespace/comments; return (message, line, col, offset) for an unterminated comment."""
        text, n = self.text, self.n
        while self.i < n:
            c = text[self.i]
            if c == "\n":
                self._newline(self.i)
                self.i += 1
                self.ws_before = True
            elif c == "\t":  # Lean's whitespace parser rejects tab characters
                return ("tabs are not allowed; please configure your editor to expand them",
                        self.line, self.i - self.line_start, self.i)
            elif c in " \r":
                self.i += 1
                self.ws_before = True
            elif c == "-" and text.startswith("--", self.i):
                end = text.find("\n", self.i)
                self.i = n if end < 0 else end
                self.ws_before = True
            elif c == "/" and text.startswith("/-", self.i):
                start, line, col = self.i, self.line, self.i - self.line_start
                is_doc = text.startswith("/--", start) and not text.startswith("/--/", start)
                error = self._skip_block_comment()
                if error:
                    return (error, line, col, start)
                if is_doc:
                    self.pending_doc = text[start + 3: self.i - 2].strip()
                self.ws_before = True
            else:
                return None
        return None

    # -- token emission ----------------------------------------------------------

    def emit(self, kind: str, start: int, start_line: int, start_col: int, value: object = None) -> None:
        end = self.i
        tok = Token(
            kind, self.text[start:end], value, start_line, start_col,
            self.line, end - self.line_start, start, end,
            self.ws_before, start_line != self.last_token_line, self.pending_doc,
        )
        self.tokens.append(tok)
        self.pending_doc = None
        self.ws_before = False
        self.last_token_line = start_line

    # -- individual token scanners -----------------------------------------------

    def scan_name_part(self) -> bool:
        """Scan one identifier part (plain or «escaped»); return False if none starts here."""
        text, n = self.text, self.n
        if self.i < n and text[self.i] == "«":
            end = text.find("»", self.i + 1)
            if end < 0 or "\n" in text[self.i:end]:
                return False
            self.i = end + 1
            return True
        if self.i < n and is_id_first(text[self.i]):
            self.i += 1
            while self.i < n and is_id_rest(text[self.i]):
                self.i += 1
            return True
        return False

    def scan_identifier(self) -> str:
        """Scan a possibly dotted identifier; return its name with escapes removed."""
        text, n = self.text, self.n
        start = self.i
        self.scan_name_part()
        while self.i + 1 < n and text[self.i] == "." and (
            is_id_first(text[self.i + 1]) or text[self.i + 1] == "«"
        ):
            save = self.i
            self.i += 1
            if not self.scan_name_part():
                self.i = save
                break
        return text[start:self.i].replace("«", "").replace("»", "")

    def scan_number(self) -> int:
        text, n = self.text, self.n
        start = self.i
        base = 10
        if text.startswith(("0x", "0X"), start):
            base, self.i = 16, start + 2
            digits = "0123456789abcdefABCDEF"
        elif text.startswith(("0b", "0B"), start):
            base, self.i = 2, start + 2
            digits = "01"
        elif text.startswith(("0o", "0O"), start):
            base, self.i = 8, start + 2
            digits = "01234567"
        else:
            digits = "0123456789"
        body_start = self.i
        while self.i < n and (text[self.i] in digits or (text[self.i] == "_" and self.i > body_start)):
            self.i += 1
        body = text[body_start:self.i].replace("_", "")
        if not body:  # `0x` with no digits: lex just the `0`
            self.i = start + 1
            return 0
        return int(body, base)

    def scan_string(self) -> Optional[str]:
        """Scan a string literal; return its value or None if unterminated."""
        text, n = self.text, self.n
        self.i += 1
        out: list[str] = []
        escapes = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "r": "\r", "0": "\0"}
        while self.i < n:
            c = text[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\" and self.i + 1 < n:
                e = text[self.i + 1]
                if e in escapes:
                    out.append(escapes[e])
                    self.i += 2
                    continue
                if e == "x" and self.i + 3 < n:
                    try:
                        out.append(chr(int(text[self.i + 2:self.i + 4], 16)))
                    except ValueError:
                        out.append(text[self.i:self.i + 4])
                    self.i += 4
                    continue
                if e == "\n":  # string gap
                    self._newline(self.i + 1)
                    self.i += 2
                    while self.i < n and text[self.i] in " \t":
                        self.i += 1
                    continue
                out.append(e)
                self.i += 2
                continue
            if c == "\n":
                self._newline(self.i)
            out.append(c)
            self.i += 1
        return None

    def previous_is_projectable(self) -> bool:
        """Whether a `.x` right here (no whitespace) projects out of the previous token."""
        if self.ws_before or not self.tokens:
            return False
        prev = self.tokens[-1]
        return prev.kind in _PROJECTABLE_KINDS or (prev.kind == SYMBOL and prev.text in _PROJECTABLE_SYMBOLS)

    def scan_dot(self, start: int, line: int, col: int) -> None:
        """Scan a token starting with `.`: projection, leading-dot name, `..`, `.{` or `.`."""
        text, n = self.text, self.n
        nxt = text[self.i + 1] if self.i + 1 < n else ""
        if self.previous_is_projectable() and nxt.isdigit() and nxt.isascii():
            self.i += 1
            while self.i < n and text[self.i].isdigit() and text[self.i].isascii():
                self.i += 1
            self.emit(FIELD_IDX, start, line, col, int(text[start + 1:self.i]))
            return
        if nxt and (is_id_first(nxt) or nxt == "«"):
            self.i += 1
            if self.previous_is_projectable():
                self.scan_name_part()
                self.emit(FIELD, start, line, col, text[start + 1:self.i].replace("«", "").replace("»", ""))
            else:
                name = self.scan_identifier()
                self.emit(DOT_IDENT, start, line, col, name)
            return
        self.scan_symbol(start, line, col)

    def scan_symbol(self, start: int, line: int, col: int) -> None:
        text = self.text
        for sym in _SYMBOL_TABLE.get(text[self.i], ()):
            if text.startswith(sym, self.i):
                self.i += len(sym)
                self.emit(SYMBOL, start, line, col, sym)
                return
        self.i += 1
        self.emit(ERROR, start, line, col, f"unexpected character '{text[start]}'")

    def scan_char_literal(self, start: int, line: int, col: int) -> bool:
        """Scan `'a'` or `'\\n'`; return False if this is not a char literal."""
        text = self.text
        if text.startswith("\\", self.i + 1) and self.i + 3 < self.n and text[self.i + 3] == "'":
            self.i += 4
            self.emit(CHAR, start, line, col, text[start + 1:start + 3])
            return True
        if self.i + 2 < self.n and text[self.i + 2] == "'" and text[self.i + 1] not in "\n'":
            self.i += 3
            self.emit(CHAR, start, line, col, text[start + 1])
            return True
        return False

    # -- main loop ---------------------------------------------------------------

    def run(self) -> list[Token]:
        text, n = self.text, self.n
        while True:
            error = self.skip_trivia()
            if error is not None:
                message, line, col, offset = error
                self.i = offset
                self.emit(ERROR, offset, line, col, message)
                self.i = n
            if self.i >= n:
                break
            start, line, col = self.i, self.line, self.i - self.line_start
            c = text[self.i]
            if c == "«" or is_id_first(c):
                if c == "_" and not (self.i + 1 < n and is_id_rest(text[self.i + 1])):
                    self.scan_symbol(start, line, col)
                    continue
                name = self.scan_identifier()
                if self.i == start:  # `«` without its closing `»`
                    self.i += 1
                    self.emit(ERROR, start, line, col, "unterminated identifier escape")
                    continue
                word = text[start:self.i]
                kind = KEYWORD if word in KEYWORDS else IDENT
                self.emit(kind, start, line, col, name)
            elif "0" <= c <= "9":
                value = self.scan_number()
                self.emit(NUM, start, line, col, value)
            elif c == '"':
                value = self.scan_string()
                if value is None:
                    self.i = start + 1
                    self.emit(ERROR, start, line, col, "unterminated string literal")
                    self.i = n
                    break
                self.emit(STR, start, line, col, value)
            elif c == ".":
                self.scan_dot(start, line, col)
            elif c == "#" and self.i + 1 < n and is_id_first(text[self.i + 1]):
                self.i += 1
                self.scan_name_part()
                self.emit(KEYWORD, start, line, col, text[start:self.i])
            elif c == "'" and self.scan_char_literal(start, line, col):
                continue
            else:
                self.scan_symbol(start, line, col)
        self.emit(EOF, self.i, self.line, self.i - self.line_start)
        self.tokens[-1].first_on_line = True
        return self.tokens


def tokenize(text: str) -> list[Token]:
    """Split Lean source ``text`` into tokens, ending with one ``EOF`` token."""
    return _Scanner(text).run()
