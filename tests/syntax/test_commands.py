"""Commands: declarations, modifiers, scoping commands, layout and error recovery."""

from __future__ import annotations

import pytest

from lean_bridge.syntax import ast, parse_file, to_sexpr

NO_MODS = "(Modifiers nil [] nil false false false)"


def commands(text: str) -> tuple[ast.Command, ...]:
    return parse_file(text, "t.lean").commands


def sx(text: str) -> list[str]:
    return [to_sexpr(c) for c in commands(text)]


def test_theorem_with_term_body() -> None:
    assert sx("theorem foo (p q : Prop) (hp : p) : p ∨ q := Or.inl hp") == [
        f"(Theorem {NO_MODS} theorem foo [] [(p q : Prop) (hp : p)] (∨ p q) (Or.inl hp))"
    ]


def test_theorem_universes_and_lemma() -> None:
    assert sx("lemma id'.{u} {α : Sort u} (a : α) : α := a") == [
        f"(Theorem {NO_MODS} lemma id' [u] [{{α : (Sort u)}} (a : α)] α a)"
    ]


def test_theorem_by_block_and_positions() -> None:
    [cmd] = commands("theorem t : 1 = 1 := by\n  rfl\n")
    assert isinstance(cmd, ast.Theorem) and isinstance(cmd.value, ast.By)
    assert (cmd.pos, cmd.end_pos) == ((1, 0), (2, 5))
    assert cmd.source == "theorem t : 1 = 1 := by\n  rfl"
    assert cmd.value.tactics.tactics[0].source == "rfl"


def test_column_zero_command_ends_previous_body() -> None:
    cmds = commands("theorem t : P :=\n  foo\n    bar\ntheorem u : Q := baz\ndef x := f\ny")
    assert to_sexpr(cmds[0].value) == "(foo bar)"
    assert isinstance(cmds[1], ast.Theorem) and to_sexpr(cmds[1].value) == "baz"
    assert isinstance(cmds[3], ast.ErrorCommand)
    assert cmds[3].error.message == "unexpected identifier; expected command"


def test_definitions() -> None:
    assert sx("def f (x : Nat) : Nat := x + 1") == [
        f"(Definition {NO_MODS} def f [] [(x : Nat)] Nat (+ x 1) nil nil)"
    ]
    assert sx("abbrev N := Nat") == [f"(Definition {NO_MODS} abbrev N [] [] nil Nat nil nil)"]


def test_equation_definitions() -> None:
    text = "def f : Nat → Nat\n  | 0 => 1\n  | n + 1 => f n\ntermination_by n => n\n"
    [cmd] = commands(text)
    assert isinstance(cmd, ast.Definition)
    assert to_sexpr(cmd.value) == "(Equations [(MatchAlt [0] 1) (MatchAlt [(+ n 1)] (f n))])"
    assert cmd.termination_by == "n => n"
    [app] = commands("def app : List α → List α → List α\n  | [], ys => ys\n  | x :: xs, ys => x :: app xs ys")
    assert to_sexpr(app.value) == (
        "(Equations [(MatchAlt [(ListLit []) ys] ys) (MatchAlt [(:: x xs) ys] (:: x (app xs ys)))])"
    )


def test_example_axiom_instance() -> None:
    assert sx("example : True := trivial") == [f"(Example {NO_MODS} [] True trivial)"]
    assert sx("axiom ax (n : Nat) : n = n") == [f"(Axiom {NO_MODS} ax [] [(n : Nat)] (= n n))"]
    [inst] = commands("instance : Inhabited Nat where\n  default := 0")
    assert isinstance(inst, ast.Definition) and inst.name is None
    assert to_sexpr(inst.value) == "(StructInst nil [(StructField default 0)])"


def test_inductive() -> None:
    text = "inductive Tree (α : Type) where\n  | leaf : Tree α\n  | node (l : Tree α) (x : α) (r : Tree α)\n  deriving Repr"
    [cmd] = commands(text)
    assert to_sexpr(cmd) == (
        f"(Inductive {NO_MODS} Tree [] [(α : Type)] nil "
        f"[(Constructor_ {NO_MODS} leaf [] (Tree α)) "
        f"(Constructor_ {NO_MODS} node [(l : (Tree α)) (x : α) (r : (Tree α))] nil)] [Repr])"
    )


def test_structure() -> None:
    [cmd] = commands("structure P (α : Type) where\n  mk ::\n  x : α\n  y z : Nat := 0\n  deriving Repr")
    assert to_sexpr(cmd) == (
        f"(Structure {NO_MODS} structure P [] [(α : Type)] [] nil mk "
        "[(FieldDecl [x] [] α nil) (FieldDecl [y z] [] Nat 0)] [Repr])"
    )


def test_scoping_commands() -> None:
    assert sx("universe u v\nvariable {α : Type u} (x : α)\nnamespace A.B\nsection\nsection S\nend S\nend\nend A.B") == [
        "(Universe [u v])", "(Variable [{α : (Type u)} (x : α)])", "(Namespace A.B)", "(Section nil)",
        "(Section S)", "(End S)", "(End nil)", "(End A.B)",
    ]
    assert sx("open A B\nopen Nat in\ntheorem t : 0 = 0 := rfl") == [
        "(Open [A B] false)",
        f"(InCommand (Open [Nat] false) (Theorem {NO_MODS} theorem t [] [] (= 0 0) rfl))",
    ]


def test_info_commands() -> None:
    assert sx('set_option pp.all true\nset_option maxHeartbeats 400\n#check (rfl : f = 37)\n#eval f 1\n'
              '#print List.cons\n#print axioms foo\n#reduce 2 + 2') == [
        "(SetOption pp.all true)", "(SetOption maxHeartbeats 400)", "(Check (TypeAscription rfl (= f 37)))",
        "(Eval (f 1))", "(Print List.cons false false)", "(Print foo true false)", "(Reduce (+ 2 2))",
    ]
    [cmd] = commands("set_option pp.fvars.anonymous false in theorem s : 1 = 0 := by sorry")
    assert isinstance(cmd, ast.InCommand) and isinstance(cmd.command, ast.Theorem)


def test_import_only_at_start() -> None:
    cmds = commands("import Lean\nimport Foo.Bar\ndef x := 1\nimport Baz")
    assert [type(c).__name__ for c in cmds] == ["Import", "Import", "Definition", "ErrorCommand"]
    assert cmds[1].module == "Foo.Bar"
    assert "must be used in the beginning" in cmds[3].error.message


def test_modifiers_and_attributes() -> None:
    [cmd] = commands("/-- The doc. -/\n@[simp, reducible] private noncomputable def f := 1")
    assert isinstance(cmd, ast.Definition)
    assert cmd.modifiers.doc == "The doc."
    assert [a.name for a in cmd.modifiers.attributes] == ["simp", "reducible"]
    assert cmd.modifiers.visibility == "private" and cmd.modifiers.noncomputable
    assert sx("attribute [simp] foo bar") == ['(AttributeCmd [(Attribute simp "")] [foo bar])']
    [thm] = commands("@[simp] theorem f_def : f = 37 := by rfl")
    assert thm.modifiers.attributes[0].name == "simp"
    [u] = commands("unsafe example : True := trivial")
    assert u.modifiers.unsafe


def test_unsupported_commands_are_delimited() -> None:
    cmds = commands('notation:10000 n "!" => f n\ntheorem t : True := trivial')
    assert [type(c).__name__ for c in cmds] == ["UnsupportedCommand", "Theorem"]


def test_error_recovery_resumes_at_next_command() -> None:
    text = "theorem bad : := rfl\n  more junk\ntheorem good : True := trivial\n"
    cmds = commands(text)
    assert [type(c).__name__ for c in cmds] == ["ErrorCommand", "Theorem"]
    err = cmds[0].error
    assert (err.message, err.line, err.column, err.filename) == ("unexpected token ':='; expected term", 1, 14, "t.lean")
    assert str(err) == "t.lean:1:14: unexpected token ':='; expected term"
    assert cmds[0].source == "theorem bad : := rfl\n  more junk"


def test_empty_by_block_then_column_zero_token() -> None:
    cmds = commands("theorem foo : 1 = 1 := by\nsorry")
    assert isinstance(cmds[0], ast.Theorem) and cmds[0].value.tactics.tactics == ()
    assert (cmds[1].error.message, cmds[1].error.pos) == ("unexpected token 'sorry'; expected command", (2, 0))


def test_missing_body_before_next_theorem() -> None:
    cmds = commands("theorem a : P :=\ntheorem b : Q := q")
    assert isinstance(cmds[0], ast.ErrorCommand) and isinstance(cmds[1], ast.Theorem)
    assert cmds[0].error.message == "unexpected token 'theorem'; expected term"


@pytest.mark.parametrize("text", [
    "def f : Nat := by",
    "example : 3 = 5 := by calc\n  3 = 4 := by sorry\n  4 = 5 := by sorry",
    "theorem problem (h0 : f 5 = 3) (h1 : f (4 * x * y) = 2 * y * (f (x + y) + f (x - y))) :\n"
    "    ∃ (k : Nat), f 2015 = k := by\n  sorry",
    "example : True := by\n  have h : set Nat := by sorry\n  sorry",
])
def test_transcript_style_commands_parse(text: str) -> None:
    assert not any(isinstance(c, ast.ErrorCommand) for c in commands(text))
