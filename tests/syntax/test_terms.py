"""Terms: precedence, associativity, binders, brackets and the compound forms."""

from __future__ import annotations

import pytest

from lean_bridge.syntax import ParseError, ast, parse_term, to_sexpr


def sx(text: str) -> str:
    return to_sexpr(parse_term(text))


@pytest.mark.parametrize("text, expected", [
    ("a + b * c", "(+ a (* b c))"),
    ("a - b - c", "(- (- a b) c)"),
    ("a ^ b ^ c", "(^ a (^ b c))"),
    ("p → q → r", "(→ p (→ q r))"),
    ("p -> q", "(→ p q)"),
    ("¬a = b", "(¬ (= a b))"),
    ("¬a ∧ b", "(∧ (¬ a) b)"),
    ("¬¬p", "(¬ (¬ p))"),
    ("a :: l ++ m", "(++ (:: a l) m)"),
    ("a :: b :: l", "(:: a (:: b l))"),
    ("p ∧ q ∨ r", "(∨ (∧ p q) r)"),
    ("p ∧ q ∧ r", "(∧ p (∧ q r))"),
    ("p /\\ q \\/ r", "(∨ (∧ p q) r)"),
    ("a = b ∧ c = d", "(∧ (= a b) (= c d))"),
    ("p ↔ q ∧ r", "(↔ p (∧ q r))"),
    ("p ∧ q → r ↔ s", "(↔ (→ (∧ p q) r) s)"),
    ("∀ x, p x → q x", "(∀ x (→ (p x) (q x)))"),
    ("f x y = g (h x)", "(= (f x y) (g (h x)))"),
    ("h ▸ e", "(▸ h e)"),
    ("a ≠ b", "(≠ a b)"),
    ("a ≤ b + 1", "(≤ a (+ b 1))"),
    ("a <= b", "(≤ a b)"),
    ("x ∈ l ++ m", "(∈ x (++ l m))"),
    ("x ∉ l", "(∉ x l)"),
    ("f ∘ g ∘ h", "(∘ f (∘ g h))"),
    ("α × β → γ", "(→ (× α β) γ)"),
    ("-x + y", "(+ (- x) y)"),
    ("-x ^ 2", "(- (^ x 2))"),
    ("↑n + 1", "(+ (↑ n) 1)"),
    ("f <| g <| x", "(<| f (<| g x))"),
    ("f $ x", "(<| f x)"),
    ("x |> f |> g", "(|> (|> x f) g)"),
    ("a * b / c % d", "(% (/ (* a b) c) d)"),
    ("n - 1 + 1 = n", "(= (+ (- n 1) 1) n)"),
])
def test_precedence_and_associativity(text: str, expected: str) -> None:
    assert sx(text) == expected


def test_non_associative_equality_is_an_error() -> None:
    with pytest.raises(ParseError) as info:
        parse_term("a = b = c")
    assert info.value.message == "unexpected token '='; expected end of input"


@pytest.mark.parametrize("text, expected", [
    ("∀ (x : Nat), x + 0 = x", "(∀ (x : Nat) (= (+ x 0) x))"),
    ("∀ x y, p", "(∀ (x y) p)"),
    ("∀ x : α, p", "(∀ (x : α) p)"),
    ("∀ (x : α) {y : β}, p", "(∀ (x : α) {y : β} p)"),
    ("∀ {α : Type u} [inst : C α], p", "(∀ {α : (Type u)} [inst : (C α)] p)"),
    ("(x : α) → β x", "(→ (x : α) (β x))"),
    ("{x : α} → β", "(→ {x : α} β)"),
    ("[C α] → β", "(→ [(C α)] β)"),
    ("∃ x, p", "(∃ x p)"),
    ("∃ x y, p", "(∃ (x y) p)"),
    ("∃ x : α, p", "(∃ (x : α) p)"),
    ("∃ (x : α) (y : β), p", "(∃ (x : α) (y : β) p)"),
    ("∃ (k : Nat), f 2015 = k", "(∃ (k : Nat) (= (f 2015) k))"),
    ("fun x => x", "(fun x x)"),
    ("λ x ↦ x", "(fun x x)"),
    ("fun x y : Nat => x", "(fun (x y : Nat) x)"),
    ("fun (x y : α) {z : β} => x", "(fun (x y : α) {z : β} x)"),
    ("fun ⟨a, b⟩ => a", "(fun ⟨a b⟩ a)"),
    ("fun _ => 0", "(fun _ 0)"),
    ("f fun x => x", "(f (fun x x))"),
])
def test_binders(text: str, expected: str) -> None:
    assert sx(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sort u", "(Sort u)"),
    ("Type", "Type"),
    ("Type u", "(Type u)"),
    ("Type _", "(Type _)"),
    ("Prop", "Prop"),
    ("Sort (max u v)", "(Sort (max u v))"),
    ("Sort (u+1)", "(Sort (+ u 1))"),
    ("Sort (imax u v)", "(Sort (imax u v))"),
    ("Type → Type", "(→ Type Type)"),
    ("foo.{u, v} x", "(foo.{u v} x)"),
    ("@id Nat", "(@id Nat)"),
    ("_", "_"),
    ("?_", "?_"),
    ("?x", "?x"),
    ("?m.12", "?m.12"),
    ("sorry", "sorry"),
    ("x✝ = y", "(= x✝ y)"),
    ("⋯", "(Omitted)"),
])
def test_atoms_sorts_and_holes(text: str, expected: str) -> None:
    assert sx(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("⟨a, b, c⟩", "⟨a b c⟩"),
    ("⟨⟩", "⟨⟩"),
    ("[]", "(ListLit [])"),
    ("[a, b]", "(ListLit [a b])"),
    ("(a, b)", "(Tuple [a b])"),
    ("()", "(Tuple [])"),
    ("(e : T)", "(TypeAscription e T)"),
    ("((a))", "a"),
    ("e.1", "(. e 1)"),
    ("(e).2", "(. e 2)"),
    ("(e).mp", "(. e mp)"),
    ("x.1.2", "(. (. x 1) 2)"),
    ("(f x).length", "(. (f x) length)"),
    ("h.mp x", "(h.mp x)"),
    (".inl h", "(.inl h)"),
    (".succ n", "(.succ n)"),
    ("f (x := 1) y", "(f (x := 1) y)"),
    ("(· + 1)", "(fun x✝1 (+ x✝1 1))"),  # Lean's `·` notation: the parenthesis is a `fun`
    ("(f (· + 1) ·)", "(fun x✝1 (f (fun x✝1 (+ x✝1 1)) x✝1))"),
    ("(·.1)", "(fun x✝1 (. x✝1 1))"),
    ("{ x := 1, y := 2 }", "(StructInst nil [(StructField x 1) (StructField y 2)])"),
    ("{ s with x := 1 }", "(StructInst s [(StructField x 1)])"),
])
def test_brackets_and_projections(text: str, expected: str) -> None:
    assert sx(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("show T from e", "(Show T e)"),
    ("show T by rfl", "(Show T (By (TacticSeq [(Rfl)])))"),
    ("have h : T := e; body", "(Have h nil [] T e body)"),
    ("have h : T := e\nbody", "(Have h nil [] T e body)"),
    ("have : T := e\nthis", "(Have nil nil [] T e this)"),
    ("have ⟨a, b⟩ := e; a", "(Have nil ⟨a b⟩ [] nil e a)"),
    ("let x := v; x + 1", "(Let x nil [] nil v (+ x 1))"),
    ("if c then a else b", "(If nil c a b)"),
    ("if h : c then a else b", "(If h c a b)"),
    ("match h : e, e2 with | 0, _ => a | n + 1, m => b",
     "(Match [(MatchDiscr h e) (MatchDiscr nil e2)] [(MatchAlt [0 _] a) (MatchAlt [(+ n 1) m] b)])"),
    ("match l with\n| [] => 0\n| x :: xs => f x\n  xs",
     "(Match [(MatchDiscr nil l)] [(MatchAlt [(ListLit [])] 0) (MatchAlt [(:: x xs)] (f x xs))])"),
    ("fun | 0 => a | _ => b", "(FunMatch [(MatchAlt [0] a) (MatchAlt [_] b)])"),
    ("calc a = b := p\n  _ = c := q", "(Calc [(CalcStep (= a b) p) (CalcStep (= _ c) q)])"),
    ("calc a\n    _ = b := p\n    _ = c := q", "(Calc [(CalcStep a nil) (CalcStep (= _ b) p) (CalcStep (= _ c) q)])"),
    ("by simp", "(By (TacticSeq [(Simp simp nil false nil nil nil)]))"),
    ("(by simp) x", "((By (TacticSeq [(Simp simp nil false nil nil nil)])) x)"),
])
def test_compound_terms(text: str, expected: str) -> None:
    assert sx(text) == expected


def test_positions_of_nodes() -> None:
    term = parse_term("f x\n  (g y)")
    assert isinstance(term, ast.App)
    assert (term.pos, term.end_pos) == ((1, 0), (2, 7))
    assert (term.args[1].pos, term.args[1].end_pos) == ((2, 3), (2, 6))
    eq = parse_term("∀ x, x = x")
    assert isinstance(eq, ast.Forall)
    assert (eq.body.pos, eq.body.end_pos) == ((1, 5), (1, 10))


def test_exact_tree_for_a_goal() -> None:
    term = parse_term("a + 0 = a")
    assert term == ast.BinOp(
        (1, 0), (1, 9), "=",
        ast.BinOp((1, 0), (1, 5), "+", ast.Ident((1, 0), (1, 1), "a", None), ast.Num((1, 4), (1, 5), 0)),
        ast.Ident((1, 8), (1, 9), "a", None),
    )


def test_application_needs_space_before_argument() -> None:
    with pytest.raises(ParseError):
        parse_term("f(x)")


def test_missing_term_message() -> None:
    with pytest.raises(ParseError) as info:
        parse_term("f x :=")
    assert str(info.value) == "<input>:1:4: unexpected token ':='; expected end of input"
    with pytest.raises(ParseError) as info:
        parse_term("a +")
    assert info.value.message == "unexpected end of input; expected term"
