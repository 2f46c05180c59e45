"""The printer against goal strings recorded from real Lean (../shared/lean-transcripts/repl/test)
and against Lean's notation, precedence and binder rules, on hand-built kernel expressions."""
from __future__ import annotations

from dataclasses import dataclass

from lean_bridge.embedded.expr import (
    App,
    BinderInfo,
    BVar,
    Const,
    FVar,
    Lam,
    Let,
    MVar,
    NatLit,
    Pi,
    Proj,
    Sort,
    mk_app,
)
from lean_bridge.embedded.level import LEVEL_ONE, LEVEL_ZERO, LevelMax, LevelParam, LevelSucc
from lean_bridge.embedded.pretty import debug_format, format_expr, format_goal, format_goals

PROP = Sort(LEVEL_ZERO)
TYPE = Sort(LEVEL_ONE)
NAT = Const("Nat")
INT = Const("Int")
BOOL = Const("Bool")


def num(n: int, ty=NAT):
    inst = App(Const("instOfNatNat"), NatLit(n)) if ty is NAT else Const("instOfNat")
    return mk_app(Const("OfNat.ofNat", [LEVEL_ZERO]), [ty, NatLit(n), inst])


def binop(name: str, a, b, ty=NAT):
    return mk_app(Const(name), [ty, ty, ty, Const("inst"), a, b])


def add(a, b, ty=NAT):
    return binop("HAdd.hAdd", a, b, ty)


def rel(name: str, a, b, ty=NAT):
    return mk_app(Const(name), [ty, Const("inst"), a, b])


def eq(a, b, ty=NAT):
    return mk_app(Const("Eq", [LEVEL_ONE]), [ty, a, b])


def and_(a, b):
    return mk_app(Const("And"), [a, b])


def or_(a, b):
    return mk_app(Const("Or"), [a, b])


def not_(a):
    return App(Const("Not"), a)


def arrow(a, b):
    return Pi("a", a, b)


def list_of(ty):
    return App(Const("List", [LEVEL_ZERO]), ty)


def cons(a, l, ty=NAT):
    return mk_app(Const("List.cons", [LEVEL_ZERO]), [ty, a, l])


def nil(ty=NAT):
    return App(Const("List.nil", [LEVEL_ZERO]), ty)


def append(a, b, ty=NAT):
    return binop("HAppend.hAppend", a, b, list_of(ty))


def exists(name, ty, body):
    return mk_app(Const("Exists", [LEVEL_ONE]), [ty, Lam(name, ty, body)])


# ---------------------------------------------------------------------------
# Goals recorded from real Lean
# ---------------------------------------------------------------------------

def test_goal_grouped_props_and_hypotheses():
    p, q, r = FVar("p", PROP), FVar("q", PROP), FVar("r", PROP)
    h1, h2 = FVar("h1", and_(p, q)), FVar("h2", arrow(q, r))
    assert format_goal([p, q, r, h1, h2], and_(p, r)) == "p q r : Prop\nh1 : p ∧ q\nh2 : q → r\n⊢ p ∧ r"
    assert format_goal([p, q, r, h1, h2], q, "right") == "case right\np q r : Prop\nh1 : p ∧ q\nh2 : q → r\n⊢ q"


def test_goal_implication_target():
    p, q = FVar("p", PROP), FVar("q", PROP)
    assert format_goal([p, q], arrow(and_(p, q), and_(q, p))) == "p q : Prop\n⊢ p ∧ q → q ∧ p"


def test_goal_case_right_with_hypotheses():
    p, q = FVar("p", PROP), FVar("q", PROP)
    h, hp, hq = FVar("h", and_(p, q)), FVar("hp", p), FVar("hq", q)
    assert format_goal([p, q, h, hp, hq], p, "right") == "case right\np q : Prop\nh : p ∧ q\nhp : p\nhq : q\n⊢ p"


def test_goal_numerals_and_equations():
    x = FVar("x", NAT)
    h1 = FVar("h1", eq(x, num(2)))
    assert format_goal([x, h1], eq(x, num(2))) == "x : Nat\nh1 : x = 2\n⊢ x = 2"
    assert format_goal([], eq(add(num(1), num(1)), num(2))) == "⊢ 1 + 1 = 2"
    x, y, z = FVar("x", NAT), FVar("y", NAT), FVar("z", NAT)
    hs = [x, y, z, FVar("h1", eq(x, y)), FVar("h2", eq(y, z))]
    assert format_goal(hs, eq(x, z)) == "x y z : Nat\nh1 : x = y\nh2 : y = z\n⊢ x = z"


def test_goal_function_hypothesis():
    f, n = FVar("f", arrow(NAT, NAT)), FVar("n", NAT)
    h = FVar("h", eq(n, num(3)))
    assert format_goal([f, n, h], eq(App(f, n), App(f, num(3)))) == "f : Nat → Nat\nn : Nat\nh : n = 3\n⊢ f n = f 3"


def test_goal_parenthesized_sums():
    x, y, z = FVar("x", NAT), FVar("y", NAT), FVar("z", NAT)
    a, b = Const("a"), Const("b")
    target = eq(add(add(x, y), add(z, a)), add(x, add(add(z, b), y)))
    assert format_goal([x, y, z], target) == "x y z : Nat\n⊢ x + y + (z + a) = x + (z + b + y)"


def test_goal_inaccessible_and_bool_literals():
    n = FVar("n✝", NAT)
    true = Const("Bool.true")
    assert format_goal([n], eq(true, true, BOOL)) == "n✝ : Nat\n⊢ true = true"
    this = FVar("this", eq(true, true, BOOL))
    target = eq(add(n, num(1)), num(0))
    assert format_goal([n, this], target, "succ") == "case succ\nn✝ : Nat\nthis : true = true\n⊢ n✝ + 1 = 0"


def test_goal_int_comparisons_and_negation():
    x = FVar("x", INT)
    h0, h = FVar("h0", rel("GT.gt", x, num(0, INT), INT)), FVar("h", rel("GT.gt", x, num(0, INT), INT))
    assert format_goal([x, h0, h], Const("False")) == "x : Int\nh0 h : x > 0\n⊢ False"
    hn = FVar("h", not_(rel("LT.lt", x, num(0, INT), INT)))
    assert format_goal([x, hn], eq(x, x, INT), "neg") == "case neg\nx : Int\nh : ¬x < 0\n⊢ x = x"
    xb = FVar("x", BOOL)
    hb = FVar("h✝", not_(eq(xb, Const("Bool.true"), BOOL)))
    assert format_goal([xb, hb], NAT, "neg") == "case neg\nx : Bool\nh✝ : ¬x = true\n⊢ Nat"


def test_goals_joined_like_unsolved_goals_message():
    x = FVar("x", NAT)
    hx = FVar("hx", rel("GT.gt", add(x, num(1)), x))
    zero = ([], rel("GT.gt", add(num(0), num(1)), num(0)), "zero")
    succ = ([x, hx], rel("GT.gt", add(add(x, num(1)), num(1)), add(x, num(1))), "succ")
    expected = "case zero\n⊢ 0 + 1 > 0\n\ncase succ\nx : Nat\nhx : x + 1 > x\n⊢ x + 1 + 1 > x + 1"
    assert format_goals([zero, succ]) == expected
    assert format_goals([]) == "no goals"


def test_goals_accept_objects():
    @dataclass
    class G:
        hyps: list
        target: object
        case: str | None = None

    t = FVar("t", NAT)
    assert format_goals([G([t], NAT)]) == "t : Nat\n⊢ Nat"


# ---------------------------------------------------------------------------
# Local context: sanitized names, grouping, let values
# ---------------------------------------------------------------------------

def test_shadowed_and_inaccessible_names_are_sanitized_from_the_end():
    x1, x2 = FVar("x", NAT), FVar("x", NAT)
    assert format_goal([x1, x2], eq(x1, x2)) == "x✝ x : Nat\n⊢ x✝ = x"
    a1, a2, h = FVar("a✝", NAT), FVar("a✝", NAT), FVar("h", PROP)
    assert format_goal([a1, h, a2], eq(a1, a2)) == "a✝¹ : Nat\nh : Prop\na✝ : Nat\n⊢ a✝¹ = a✝"


def test_let_hypothesis_breaks_groups():
    x = FVar("x", NAT)
    k = FVar("k", NAT, value=num(2))
    y = FVar("y", NAT)
    assert format_goal([x, k, y], eq(k, num(2))) == "x : Nat\nk : Nat := 2\ny : Nat\n⊢ k = 2"


def test_let_target_breaks_line_with_goal_indent():
    target = Let("x", NAT, num(5), eq(BVar(0), num(5)))
    assert format_goal([], target) == "⊢ let x := 5;\n  x = 5"
    assert format_expr(target) == "let x := 5;\nx = 5"


# ---------------------------------------------------------------------------
# Precedence and parentheses
# ---------------------------------------------------------------------------

def test_arithmetic_associativity():
    a, b, c = FVar("a", NAT), FVar("b", NAT), FVar("c", NAT)
    sub = lambda u, v: binop("HSub.hSub", u, v)  # noqa: E731
    mul = lambda u, v: binop("HMul.hMul", u, v)  # noqa: E731
    pow_ = lambda u, v: binop("HPow.hPow", u, v)  # noqa: E731
    assert format_expr(sub(sub(a, b), c)) == "a - b - c"
    assert format_expr(sub(a, sub(b, c))) == "a - (b - c)"
    assert format_expr(mul(add(a, b), c)) == "(a + b) * c"
    assert format_expr(add(a, mul(b, c))) == "a + b * c"
    assert format_expr(pow_(a, pow_(b, c))) == "a ^ b ^ c"
    assert format_expr(pow_(pow_(a, b), c)) == "(a ^ b) ^ c"
    assert format_expr(add(FVar("n", NAT), num(1))) == "n + 1"


def test_relations_are_non_associative():
    a, b, c = FVar("a", PROP), FVar("b", PROP), FVar("c", PROP)
    assert format_expr(eq(eq(a, b, PROP), c, PROP)) == "(a = b) = c"
    assert format_expr(eq(a, eq(b, c, PROP), PROP)) == "a = (b = c)"


def test_logic_connectives():
    a, b, c = FVar("a", PROP), FVar("b", PROP), FVar("c", PROP)
    x, y = FVar("x", NAT), FVar("y", NAT)
    iff = lambda u, v: mk_app(Const("Iff"), [u, v])  # noqa: E731
    assert format_expr(not_(eq(x, y))) == "¬x = y"
    assert format_expr(and_(not_(a), b)) == "¬a ∧ b"
    assert format_expr(not_(and_(a, b))) == "¬(a ∧ b)"
    assert format_expr(eq(not_(a), b, PROP)) == "(¬a) = b"
    assert format_expr(not_(not_(a))) == "¬¬a"
    assert format_expr(and_(and_(a, b), c)) == "(a ∧ b) ∧ c"
    assert format_expr(and_(a, and_(b, c))) == "a ∧ b ∧ c"
    assert format_expr(or_(and_(a, b), c)) == "a ∧ b ∨ c"
    assert format_expr(and_(or_(a, b), c)) == "(a ∨ b) ∧ c"
    assert format_expr(iff(arrow(a, b), c)) == "a → b ↔ c"
    assert format_expr(arrow(iff(a, b), c)) == "(a ↔ b) → c"
    assert format_expr(arrow(a, arrow(b, c))) == "a → b → c"
    assert format_expr(arrow(arrow(a, b), c)) == "(a → b) → c"
    assert format_expr(arrow(eq(x, y), a)) == "x = y → a"


def test_lists():
    a, b = FVar("a", NAT), FVar("b", NAT)
    l, m = FVar("l", list_of(NAT)), FVar("m", list_of(NAT))
    assert format_expr(nil()) == "[]"
    assert format_expr(cons(num(1), cons(num(2), cons(num(3), nil())))) == "[1, 2, 3]"
    assert format_expr(cons(a, cons(b, l))) == "a :: b :: l"
    assert format_expr(append(cons(a, l), m)) == "a :: l ++ m"
    assert format_expr(cons(a, append(l, m))) == "a :: (l ++ m)"
    assert format_expr(append(append(l, m), l)) == "l ++ m ++ l"
    assert format_expr(append(l, append(m, l))) == "l ++ (m ++ l)"
    mem = mk_app(Const("Membership.mem"), [NAT, list_of(NAT), Const("inst"), l, a])
    assert format_expr(mem) == "a ∈ l"
    assert format_expr(not_(mem)) == "¬a ∈ l"


def test_applications():
    f = FVar("f", arrow(NAT, arrow(NAT, NAT)))
    g = FVar("g", arrow(NAT, NAT))
    x, y = FVar("x", NAT), FVar("y", NAT)
    assert format_expr(mk_app(f, [App(g, x), y])) == "f (g x) y"
    assert format_expr(App(Lam("x", NAT, BVar(0)), y)) == "(fun x => x) y"
    assert format_expr(App(g, add(x, y))) == "g (x + y)"
    assert format_expr(add(App(g, x), y)) == "g x + y"
    h = FVar("h", arrow(arrow(NAT, NAT), NAT))
    assert format_expr(App(h, Lam("x", NAT, BVar(0)))) == "h fun x => x"
    assert format_expr(mk_app(f, [num(1), num(2)])) == "f 1 2"
    k = FVar("k", arrow(PROP, arrow(PROP, PROP)))
    assert format_expr(mk_app(k, [not_(x), y])) == "k (¬x) y"
    d = FVar("decide", arrow(PROP, BOOL))
    p = FVar("p", PROP)
    assert format_expr(App(d, not_(p))) == "decide ¬p"
    assert format_expr(eq(App(d, not_(p)), Const("Bool.true"), BOOL)) == "(decide ¬p) = true"


def test_implicit_arguments_hidden():
    x = FVar("x", NAT)
    assert format_expr(mk_app(Const("id"), [NAT, x])) == "id x"
    l = FVar("l", list_of(NAT))
    mapped = mk_app(Const("List.map"), [NAT, NAT, Lam("x", NAT, add(BVar(0), num(1))), l])
    assert format_expr(mapped) == "List.map (fun x => x + 1) l"
    assert format_expr(App(Const("id"), NAT)) == "id"  # the next argument is explicit: implicit mode
    assert format_expr(mk_app(Const("HAdd.hAdd"), [NAT, NAT, NAT])) == "@HAdd.hAdd Nat Nat Nat"
    assert format_expr(Const("List.nil")) == "@List.nil"
    assert format_expr(Const("Nat.succ")) == "Nat.succ"
    assert format_expr(mk_app(Const("unknownFn"), [NAT, x])) == "unknownFn Nat x"
    # local functions: the binder infos come from the free variable's type
    poly = FVar("f", Pi("β", TYPE, arrow(BVar(0), BVar(1)), BinderInfo.IMPLICIT))
    assert format_expr(mk_app(poly, [NAT, x])) == "f x"


def test_field_notation():
    x, y = FVar("x", NAT), FVar("y", NAT)
    l = FVar("l", list_of(NAT))
    assert format_expr(App(Const("Nat.succ"), x)) == "x.succ"
    assert format_expr(App(Const("Nat.succ"), add(x, y))) == "(x + y).succ"
    assert format_expr(App(Const("Nat.succ"), num(3))) == "Nat.succ 3"
    assert format_expr(App(Const("Nat.succ"), NatLit(3))) == "Nat.succ 3"
    assert format_expr(App(Const("Nat.pred"), App(Const("Nat.succ"), x))) == "x.succ.pred"
    assert format_expr(mk_app(Const("List.length"), [NAT, l])) == "l.length"
    assert format_expr(mk_app(Const("List.append"), [NAT, l, l])) == "l.append l"
    p, q = FVar("p", PROP), FVar("q", PROP)
    h = FVar("h", and_(p, q))
    assert format_expr(mk_app(Const("And.left"), [p, q, h])) == "h.left"
    hi = FVar("hi", mk_app(Const("Iff"), [p, q]))
    hp = FVar("hp", p)
    assert format_expr(mk_app(Const("Iff.mp"), [p, q, hi, hp])) == "hi.mp hp"
    # theorems never use generalized field notation
    he = FVar("he", eq(x, y))
    assert format_expr(mk_app(Const("Eq.symm"), [NAT, x, y, he])) == "Eq.symm he"


def test_anonymous_constructor_and_projection():
    p, q = FVar("p", PROP), FVar("q", PROP)
    hp, hq = FVar("hp", p), FVar("hq", q)
    assert format_expr(mk_app(Const("And.intro"), [p, q, hp, hq])) == "⟨hp, hq⟩"
    f, g = FVar("f", arrow(p, q)), FVar("g", arrow(q, p))
    assert format_expr(mk_app(Const("Iff.intro"), [p, q, f, g])) == "{ mp := f, mpr := g }"
    h = FVar("h", and_(p, q))
    assert format_expr(Proj("And", 0, h)) == "h.1"
    f = FVar("f", arrow(NAT, and_(p, q)))
    assert format_expr(Proj("And", 1, App(f, num(0)))) == "(f 0).2"


# ---------------------------------------------------------------------------
# Binders
# ---------------------------------------------------------------------------

def test_forall_groups_binders_with_equal_types():
    body = eq(add(BVar(1), BVar(0)), add(BVar(0), BVar(1)))
    assert format_expr(Pi("x", NAT, Pi("y", NAT, body))) == "∀ (x y : Nat), x + y = y + x"
    length = mk_app(Const("List.length"), [NAT, BVar(0)])
    mixed = Pi("x", NAT, Pi("l", list_of(NAT), eq(length, BVar(1))))
    assert format_expr(mixed) == "∀ (x : Nat) (l : List Nat), l.length = x"
    unused = Pi("x", NAT, Pi("l", list_of(NAT), eq(BVar(1), BVar(1))))
    assert format_expr(unused) == "∀ (x : Nat), List Nat → x = x"


def test_forall_implicit_and_instance_binders():
    poly = Pi("α", TYPE, Pi("a", BVar(0), Pi("b", BVar(1), eq(BVar(1), BVar(0), BVar(2)))), BinderInfo.IMPLICIT)
    assert format_expr(poly) == "∀ {α : Type} (a b : α), a = b"
    inst = Pi("α", TYPE, Pi("inst", App(Const("Add"), BVar(0)), Pi("a", BVar(1), eq(BVar(0), BVar(0), BVar(2))),
                            BinderInfo.INST_IMPLICIT), BinderInfo.IMPLICIT)
    assert format_expr(inst) == "∀ {α : Type} [inst : Add α] (a : α), a = a"


def test_forall_followed_by_implication():
    p = FVar("p", arrow(NAT, PROP))
    body = Pi("x", NAT, arrow(App(p, BVar(0)), App(p, BVar(1))))
    assert format_expr(body) == "∀ (x : Nat), p x → p x"
    assert format_expr(and_(body, Const("True"))) == "(∀ (x : Nat), p x → p x) ∧ True"


def test_dependent_types_print_as_arrows():
    fin = Pi("n", NAT, App(Const("Fin"), BVar(0)))
    assert format_expr(fin) == "(n : Nat) → Fin n"
    ident = Pi("α", TYPE, arrow(BVar(0), BVar(1)), BinderInfo.IMPLICIT)
    assert format_expr(ident) == "{α : Type} → α → α"
    assert format_expr(arrow(arrow(NAT, NAT), NAT)) == "(Nat → Nat) → Nat"
    assert format_expr(arrow(NAT, arrow(NAT, PROP))) == "Nat → Nat → Prop"
    # funext's statement: a dependent function type over `Sort v` is not a proposition
    u, v = LevelParam("u"), LevelParam("v")
    imp = BinderInfo.IMPLICIT
    # context [α, β, f, g, x]: x = 0, g = 1, f = 2, β = 3, α = 4
    hyp = Pi("x", BVar(3), eq(App(BVar(2), BVar(0)), App(BVar(1), BVar(0)), App(BVar(3), BVar(0))))
    # context [α, β, f, g, h]: f = 2, g = 1; under x: β = 4
    concl = eq(BVar(2), BVar(1), Pi("x", BVar(4), App(BVar(4), BVar(0))))
    g_part = Pi("g", Pi("x", BVar(2), App(BVar(2), BVar(0))), arrow(hyp, concl), imp)
    f_part = Pi("f", Pi("x", BVar(1), App(BVar(1), BVar(0))), g_part, imp)
    beta = Pi("β", Pi("x", BVar(0), Sort(v)), f_part, imp)
    funext = Pi("α", Sort(u), beta, imp)
    assert format_expr(funext) == ("∀ {α : Sort u} {β : α → Sort v} {f g : (x : α) → β x}, "
                                   "(∀ (x : α), f x = g x) → f = g")


def test_binder_renamed_only_when_it_would_capture():
    x = FVar("x", NAT)
    captured = Pi("x", NAT, eq(add(BVar(0), x), num(3)))
    assert format_goal([x], captured) == "x : Nat\n⊢ ∀ (x_1 : Nat), x_1 + x = 3"
    safe = Pi("x", NAT, eq(BVar(0), BVar(0)))
    assert format_goal([x], safe) == "x : Nat\n⊢ ∀ (x : Nat), x = x"
    nested = Pi("x", NAT, Pi("x", NAT, eq(BVar(1), BVar(0))))
    assert format_expr(nested) == "∀ (x x_1 : Nat), x = x_1"
    inaccessible = Lam("a✝", NAT, BVar(0))
    assert format_expr(inaccessible) == "fun a => a"


def test_lambdas_merge():
    lam = Lam("x", NAT, Lam("y", NAT, add(BVar(1), BVar(0))))
    assert format_expr(lam) == "fun x y => x + y"
    implicit = Lam("α", TYPE, Lam("β", TYPE, Lam("a", BVar(1), BVar(0)), BinderInfo.IMPLICIT), BinderInfo.IMPLICIT)
    assert format_expr(implicit) == "fun {α β} a => a"


def test_exists():
    simple = exists("x", NAT, rel("GT.gt", BVar(0), num(0)))
    assert format_expr(simple) == "∃ x, x > 0"
    nested = exists("x", NAT, exists("y", NAT, eq(BVar(1), BVar(0))))
    assert format_expr(nested) == "∃ x y, x = y"
    assert format_expr(not_(simple)) == "¬∃ x, x > 0"
    assert format_expr(and_(simple, Const("True"))) == "(∃ x, x > 0) ∧ True"
    p = FVar("p", arrow(NAT, PROP))
    assert format_expr(mk_app(Const("Exists"), [NAT, p])) == "Exists p"


# ---------------------------------------------------------------------------
# Sorts, metavariables, environments
# ---------------------------------------------------------------------------

def test_sorts():
    u, v = LevelParam("u"), LevelParam("v")
    assert format_expr(PROP) == "Prop"
    assert format_expr(TYPE) == "Type"
    assert format_expr(Sort(LevelSucc(u))) == "Type u"
    assert format_expr(Sort(u)) == "Sort u"
    assert format_expr(Sort(LevelMax(LEVEL_ONE, u))) == "Sort (max 1 u)"
    assert format_expr(Sort(LevelMax(LevelSucc(u), LevelSucc(v)))) == "Type (max u v)"
    assert format_expr(Sort(LevelSucc(LevelSucc(u)))) == "Type (u + 1)"
    assert format_expr(App(Const("List"), Sort(LevelSucc(u)))) == "List (Type u)"
    assert format_expr(arrow(Sort(LevelSucc(u)), PROP)) == "Type u → Prop"


def test_metavariables_and_repr():
    m = MVar(uid=7)
    assert format_expr(m) == "?m.7"
    assert format_expr(add(m, num(1))) == "?m.7 + 1"
    assert format_expr(add(m, num(1)), mvar_names={7: "_"}) == "?_ + 1"
    assert repr(eq(FVar("x", NAT), num(1))) == "x = 1"
    assert debug_format(BVar(2)) == "#2"


@dataclass
class _Decl:
    type: object


class _Env:
    def __init__(self, decls):
        self.decls = decls

    def find(self, name):
        return self.decls.get(name)


def test_environment_decides_implicit_arguments_and_field_notation():
    foo = App(Const("Foo"), BVar(0))
    env = _Env({
        "Foo": _Decl(arrow(TYPE, TYPE)),
        "Foo.size": _Decl(Pi("α", TYPE, arrow(App(Const("Foo"), BVar(0)), NAT), BinderInfo.IMPLICIT)),
        "Foo.make": _Decl(Pi("α", TYPE, arrow(BVar(0), foo), BinderInfo.IMPLICIT)),
        "Foo.holds": _Decl(Pi("α", TYPE, arrow(App(Const("Foo"), BVar(0)), PROP), BinderInfo.IMPLICIT)),
    })
    x = FVar("x", App(Const("Foo"), NAT))
    assert format_expr(mk_app(Const("Foo.size"), [NAT, x]), env) == "x.size"
    assert format_expr(mk_app(Const("Foo.make"), [NAT, num(1)]), env) == "Foo.make 1"
    assert format_expr(App(Const("Foo.make"), NAT), env) == "Foo.make"
    assert format_expr(Const("Foo.make"), env) == "@Foo.make"
    # a dependent binder over a type whose head the environment says is a Prop-valued family
    assert format_expr(Pi("y", App(Const("Foo"), NAT), mk_app(Const("Foo.holds"), [NAT, BVar(0)])), env) \
        == "∀ (y : Foo Nat), y.holds"
