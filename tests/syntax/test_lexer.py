"""Lexer: identifiers, projections, symbols, comments, positions and layout flags."""

from __future__ import annotations

from lean_bridge.syntax.tokens import (
    DOT_IDENT, EOF, ERROR, FIELD, FIELD_IDX, IDENT, KEYWORD, NUM, STR, SYMBOL, tokenize,
)


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in tokenize(text)[:-1]]


def test_dotted_names_are_one_identifier() -> None:
    assert kinds_and_texts("Nat.succ h.mp l.length") == [(IDENT, "Nat.succ"), (IDENT, "h.mp"), (IDENT, "l.length")]


def test_field_index_projections() -> None:
    assert kinds_and_texts("h.1 x.1.2") == [
        (IDENT, "h"), (FIELD_IDX, ".1"), (IDENT, "x"), (FIELD_IDX, ".1"), (FIELD_IDX, ".2"),
    ]


def test_field_after_paren_and_leading_dot() -> None:
    assert kinds_and_texts("(e).mp .inl h") == [
        (SYMBOL, "("), (IDENT, "e"), (SYMBOL, ")"), (FIELD, ".mp"), (DOT_IDENT, ".inl"), (IDENT, "h"),
    ]


def test_unicode_identifier_rules() -> None:
    toks = tokenize("α₁ h' x! get? hₐ λ Π a✝¹ «weird name»")
    assert [(t.kind, t.value) for t in toks[:-1]] == [
        (IDENT, "α₁"), (IDENT, "h'"), (IDENT, "x!"), (IDENT, "get?"), (IDENT, "hₐ"),
        (SYMBOL, "λ"), (SYMBOL, "Π"), (IDENT, "a✝¹"), (IDENT, "weird name"),
    ]


def test_keywords_vs_tactic_names() -> None:
    assert kinds_and_texts("fun at exact theorem") == [
        (KEYWORD, "fun"), (KEYWORD, "at"), (IDENT, "exact"), (KEYWORD, "theorem"),
    ]


def test_longest_match_symbols_and_ascii_alternatives() -> None:
    texts = [t for _, t in kinds_and_texts(":= => ↦ <- -> <-> /\\ \\/ <= >= <;> ++ :: |>. <| @[ ?_ ..")]
    assert texts == [":=", "=>", "↦", "<-", "->", "<->", "/\\", "\\/", "<=", ">=", "<;>", "++", "::",
                     "|>.", "<|", "@[", "?", "_", ".."]


def test_numbers_and_strings() -> None:
    toks = tokenize('42 0x1F 0b101 "a\\nb"')
    assert [(t.kind, t.value) for t in toks[:-1]] == [(NUM, 42), (NUM, 31), (NUM, 5), (STR, "a\nb")]


def test_comments_are_skipped_and_doc_comments_attached() -> None:
    toks = tokenize("a -- line\n/- outer /- nested -/ still -/ b /-- the doc -/ c /-! module -/ d")
    assert [t.text for t in toks[:-1]] == ["a", "b", "c", "d"]
    assert toks[2].doc == "the doc"
    assert toks[1].doc is None


def test_positions_are_code_points_and_layout_flags() -> None:
    toks = tokenize("∀ x,\n  x = x")
    assert [(t.text, t.pos, t.end_pos) for t in toks[:-1]] == [
        ("∀", (1, 0), (1, 1)), ("x", (1, 2), (1, 3)), (",", (1, 3), (1, 4)),
        ("x", (2, 2), (2, 3)), ("=", (2, 4), (2, 5)), ("x", (2, 6), (2, 7)),
    ]
    assert [t.first_on_line for t in toks[:-1]] == [True, False, False, True, False, False]
    assert [t.ws_before for t in toks[:-1]] == [True, True, False, True, True, True]


def test_lexical_errors_become_error_tokens() -> None:
    assert tokenize("a /- open")[1].kind == ERROR
    assert tokenize('"open')[0].kind == ERROR
    assert tokenize("")[0].kind == EOF
