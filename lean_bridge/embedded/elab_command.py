"""The command elaborator: runs the commands of a Lean file (`theorem`, `def`, `inductive`,
`structure`, `namespace`, `variable`, …) against an environment, producing one result per
declaration and Lean-style messages.

Every declaration goes through the kernel (`kernel.add_definition`, `inductive.add_inductive`);
the elaborator only proposes terms. A declaration is *accepted* when the kernel took it and it
depends on no axiom beyond Lean's own (`propext`, `Quot.sound`, `Classical.choice`): `sorry`
(`sorryAx`) and user axioms make it a failure for `prover check`, as they must.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace as dc_replace
from typing import Sequence

from lean_bridge.syntax import ast

from .elab_env import ElabEnv, StructureInfo
from .elab_term import ElabError, Scope, TermElaborator
from .environment import InductiveInfo
from .expr import (
    BinderInfo,
    Const,
    Expr,
    FVar,
    Pi,
    Sort,
    get_app_fn,
    instantiate1,
    iter_subexprs,
    level_params_of_expr,
    mk_app,
    replace,
)
from .inductive import InductiveDecl, add_inductive
from .kernel import KernelError, TypeChecker, add_axiom, add_definition
from .level import LEVEL_ONE, LEVEL_ZERO, Level, LevelMVar, LevelParam, mk_max, mk_succ, replace_level, to_offset

LEAN_AXIOMS = frozenset({"propext", "Quot.sound", "Classical.choice"})


@dataclass(frozen=True)
class Message:
    """A Lean message: severity, span and text (REPL `messages` entries)."""

    severity: str  # "error" | "warning" | "info"
    pos: tuple[int, int]
    end_pos: tuple[int, int] | None
    text: str


@dataclass(frozen=True)
class DeclarationResult:
    """The verdict on one declaration: accepted by the kernel with only Lean's axioms, or why not."""

    name: str
    ok: bool
    message: str | None
    line: int
    column: int
    axioms: tuple[str, ...] = ()
    kind: str = "theorem"
    error_line: int | None = None  # where the error is, when it is not the declaration's start
    error_column: int | None = None


@dataclass
class ProofArtifacts:
    """What a declaration's elaboration left for the servers: its `sorry`s (each a goal in context),
    the initial goal of each outermost `by` block, and every tactic step run (with the state before it)."""

    name: str
    env: ElabEnv  # the environment the declaration was elaborated in
    scope: "Scope"
    level_names: list[str]
    mctx: object
    sorries: list  # (syntax, local context, goal type)
    root_goals: list  # (by-syntax, TacticState)
    tactic_steps: list  # (tactic syntax, TacticState before it)
    elab: object = None  # the TermElaborator (its `recursive` fvar is hidden from goals, as Lean's aux decls)


@dataclass
class _ScopeFrame:
    kind: str  # "namespace" | "section"
    name: str
    scope: Scope


@dataclass
class CommandState:
    """The environment and the namespace/section stack while a file is processed."""

    env: ElabEnv
    scope: Scope = field(default_factory=Scope)
    frames: list[_ScopeFrame] = field(default_factory=list)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class CommandElaborator:
    """Processes commands one by one, updating `state` and collecting messages and results."""

    def __init__(self, env: ElabEnv, max_steps: int = 2_000_000) -> None:
        self.state = CommandState(env)
        self.messages: list[Message] = []
        self.results: list[DeclarationResult] = []
        self.max_steps = max_steps
        self.example_count = 0
        self.artifacts: list[ProofArtifacts] = []

    @property
    def env(self) -> ElabEnv:
        return self.state.env

    # -- messages -----------------------------------------------------------------

    def _error(self, text: str, node: ast.Node) -> None:
        self.messages.append(Message("error", node.pos, node.end_pos, text))

    def _result(self, name: str, cmd: ast.Node, ok: bool, message: str | None, axioms: Sequence[str] = (),
                kind: str = "theorem", at: ast.Node | None = None) -> None:
        where = (at or cmd).pos
        self.results.append(DeclarationResult(name, ok, message, cmd.pos[0], cmd.pos[1], tuple(sorted(axioms)), kind,
                                              where[0], where[1]))

    # -- dispatch -----------------------------------------------------------------------

    def run(self, cmd: ast.Command) -> None:
        """Elaborate one command; errors become messages (and failed results for declarations)."""
        method = getattr(self, f"cmd_{type(cmd).__name__}", None)
        results_before, messages_before = len(self.results), len(self.messages)
        try:
            if method is None:
                raise ElabError(f"unsupported command in the embedded checker: {_command_label(cmd)}", cmd)
            method(cmd)
        except ElabError as err:
            node = err.node or cmd
            self._error(err.message, node)
        except RecursionError:
            self._error("maximum recursion depth has been reached", cmd)
        except Exception as err:  # noqa: BLE001 - an engine bug rejects this command, never the whole file
            self._error(f"internal error in the embedded checker: {type(err).__name__}: {err}", cmd)
        new_errors = [m for m in self.messages[messages_before:] if m.severity == "error"]
        if new_errors and len(self.results) == results_before:
            # every error gets a verdict line: a failure that escaped a declaration's own handling, and
            # errors of other commands (`end` mismatch, unknown namespace, unsupported `#eval`) alike
            name = self._declared_name(cmd)
            kind = _COMMAND_KINDS.get(type(cmd), "def") if name is not None else "command"
            self._result(name or _command_label(cmd), cmd, False, _one_line(new_errors[0].text), kind=kind,
                         at=_NameNode(new_errors[0].pos, new_errors[0].end_pos))

    def _declared_name(self, cmd: ast.Command) -> str | None:
        """The name a declaration command reports its result under (None for other commands)."""
        if isinstance(cmd, ast.InCommand):
            return self._declared_name(cmd.command)
        if isinstance(cmd, ast.Example):
            return "_example"
        name = getattr(cmd, "name", None)
        if isinstance(cmd, (ast.Theorem, ast.Definition, ast.Axiom, ast.Inductive, ast.Structure)) and isinstance(name, str):
            return self._full_name(name)
        return None

    # -- scopes ----------------------------------------------------------------------------

    def cmd_Universe(self, cmd: ast.Universe) -> None:
        scope = self.state.scope
        self.state.scope = dc_replace(scope, universes=scope.universes + tuple(n for n in cmd.names if n not in scope.universes))

    def cmd_Variable(self, cmd: ast.Variable) -> None:
        scope = self.state.scope
        # check the binders elaborate now, as Lean does
        elab = TermElaborator(self.env, scope)
        with elab.binders(scope.variables + tuple(cmd.binders)):
            pass
        self.state.scope = dc_replace(scope, variables=scope.variables + tuple(cmd.binders))

    def cmd_Namespace(self, cmd: ast.Namespace) -> None:
        scope = self.state.scope
        for part in cmd.name.split("."):
            self.state.frames.append(_ScopeFrame("namespace", part, scope))
            ns = f"{scope.namespace}.{part}" if scope.namespace else part
            scope = dc_replace(scope, namespace=ns, opens=scope.opens + (ns,))
        self.state.scope = scope

    def cmd_Section(self, cmd: ast.Section) -> None:
        self.state.frames.append(_ScopeFrame("section", cmd.name or "", self.state.scope))

    def cmd_End(self, cmd: ast.End) -> None:
        parts = cmd.name.split(".") if cmd.name else [""]
        for part in reversed(parts):
            if not self.state.frames:
                raise ElabError("invalid 'end', insufficient scopes", cmd)
            frame = self.state.frames.pop()
            if frame.name != part:
                expected = f"'end {frame.name}'" if frame.name else "'end'"
                raise ElabError(f"invalid 'end', name mismatch (expected {expected})" if frame.name else "invalid 'end', name is missing", cmd)
            self.state.scope = frame.scope

    def cmd_Open(self, cmd: ast.Open) -> None:
        scope = self.state.scope
        opens = list(scope.opens)
        for name in cmd.names:
            resolved = self._resolve_namespace(name)
            if resolved is None:
                raise ElabError(f"unknown namespace '{name}'", cmd)
            opens.append(resolved)
        self.state.scope = dc_replace(scope, opens=tuple(opens))

    def _resolve_namespace(self, name: str) -> str | None:
        ns = self.state.scope.namespace
        candidates = []
        while ns:
            candidates.append(f"{ns}.{name}")
            ns = ns.rpartition(".")[0]
        candidates.append(name)
        for cand in candidates:
            prefix = cand + "."
            if cand in self.env or any(n.startswith(prefix) for n in self.env.kernel.constants):
                return cand
        return None

    def cmd_InCommand(self, cmd: ast.InCommand) -> None:
        saved = self.state.scope
        self.run(cmd.prefix)
        try:
            self.run(cmd.command)
        finally:
            self.state.scope = saved

    def cmd_SetOption(self, cmd: ast.SetOption) -> None:
        return None

    def cmd_Import(self, cmd: ast.Import) -> None:
        if cmd.module not in ("Init", "Lean"):
            raise ElabError(f"unknown module prefix '{cmd.module.split('.')[0]}'", cmd)

    def cmd_AttributeCmd(self, cmd: ast.AttributeCmd) -> None:
        for attr in cmd.attributes:
            if attr.name == "instance":
                for name in cmd.names:
                    full = TermElaborator(self.env, self.state.scope).resolve_global(name, cmd)
                    if full is None:
                        raise ElabError(f"unknown constant '{name}'", cmd)
                    self._register_instance(full, cmd)

    def cmd_ErrorCommand(self, cmd: ast.ErrorCommand) -> None:
        err = cmd.error
        self.messages.append(Message("error", (err.line, err.column), (err.line, err.column), err.message))
        self.results.append(DeclarationResult(_guess_decl_name(cmd.source), False, err.message, err.line, err.column, (), "parse"))

    def cmd_UnsupportedCommand(self, cmd: ast.UnsupportedCommand) -> None:
        raise ElabError(f"unsupported command in the embedded checker: {cmd.keyword}", cmd)

    # -- information commands -----------------------------------------------------------

    def cmd_Check(self, cmd: ast.Check) -> None:
        from .pretty import format_expr

        elab = TermElaborator(self.env, self.state.scope)
        e = elab.elab(cmd.term, None)
        elab.synthesize_pending()
        ty = elab.instantiate(elab.infer(e))
        self.messages.append(Message("info", cmd.pos, _keyword_end(cmd), f"{format_expr(elab.instantiate(e))} : {format_expr(ty)}"))

    def cmd_Reduce(self, cmd: ast.Reduce) -> None:
        from .pretty import format_expr

        elab = TermElaborator(self.env, self.state.scope)
        e = elab.instantiate(elab.elab(cmd.term, None))
        elab.synthesize_pending()
        self.messages.append(Message("info", cmd.pos, _keyword_end(cmd), format_expr(elab.whnf(elab.instantiate(e)))))

    # -- declarations --------------------------------------------------------------------

    def _full_name(self, name: str) -> str:
        if name.startswith("_root_."):
            return name[len("_root_."):]
        ns = self.state.scope.namespace
        return f"{ns}.{name}" if ns else name

    def _decl_scope(self, full_name: str) -> Scope:
        """Lean opens the namespaces of a declaration's own name inside it (`theorem Nat.foo` sees `Nat.*`)."""
        scope = self.state.scope
        prefix = full_name.rpartition(".")[0]
        if prefix and prefix != scope.namespace:
            return dc_replace(scope, namespace=prefix, opens=scope.opens)
        return scope

    def cmd_Axiom(self, cmd: ast.Axiom) -> None:
        name = self._full_name(cmd.name)
        elab = TermElaborator(self.env, self._decl_scope(name), level_names=cmd.universes)
        try:
            with elab.binders(cmd.binders) as fvars:
                ty = elab.elab_type(cmd.type)
                elab.synthesize_pending()
                ty = elab.mk_pi(fvars, ty)
            ty, params = self._finalize([ty], elab, cmd)
            self.state.env = self.env.with_kernel(add_axiom(self.env.kernel, name, params, ty[0]))
        except ElabError as err:
            self._error(err.message, err.node or cmd)
            self._result(name, cmd, False, _one_line(err.message), kind="axiom")
            return
        except KernelError as err:
            self._error(err.message, cmd)
            self._result(name, cmd, False, err.message, kind="axiom")
            return
        msg = f"axiom '{name}' is not accepted: user axioms make proofs unsound"
        self._result(name, cmd, False, msg, (name,), kind="axiom")

    def cmd_Theorem(self, cmd: ast.Theorem) -> None:
        name = self._full_name(cmd.name)
        self._declaration(cmd, name, cmd.universes, cmd.binders, cmd.type, cmd.value, "theorem")

    def cmd_Example(self, cmd: ast.Example) -> None:
        self.example_count += 1
        self._declaration(cmd, "_example", (), cmd.binders, cmd.type, cmd.value, "example")

    def cmd_Definition(self, cmd: ast.Definition) -> None:
        if cmd.keyword == "instance":
            raise ElabError("`instance` declarations are not supported by the embedded checker", cmd)
        if cmd.modifiers.partial or cmd.modifiers.unsafe:
            name = self._full_name(cmd.name or "_")
            msg = "partial and unsafe definitions are not supported by the embedded checker (they cannot be trusted)"
            self._error(msg, cmd)
            self._result(name, cmd, False, msg, kind="def")
            return
        if cmd.name is None or cmd.value is None:
            raise ElabError("definition needs a name and a body", cmd)
        name = self._full_name(cmd.name)
        self._declaration(cmd, name, cmd.universes, cmd.binders, cmd.type, cmd.value,
                          "abbrev" if cmd.keyword == "abbrev" else "def")

    def _declaration(self, cmd: ast.Command, name: str, universes: Sequence[str], binders: Sequence[ast.Binder],
                     type_stx: ast.Term | None, value_stx, kind: str) -> None:
        try:
            if kind != "example" and name in self.env:
                raise ElabError(f"'{name}' has already been declared", cmd)
            type_, value, params, uses_sorry = self._elab_declaration(cmd, name, universes, binders, type_stx, value_stx, kind)
            kernel = add_definition(self.env.kernel, name if kind != "example" else "_example", params, type_, value,
                                    is_theorem=kind == "theorem" or (kind == "example" and self._is_prop(type_, params)),
                                    reducible=kind == "abbrev", max_steps=self.max_steps)
        except ElabError as err:
            self._error(err.message, err.node or cmd)
            self._result(name, cmd, False, _one_line(err.message), kind=kind, at=err.node)
            return
        except KernelError as err:
            self._error(err.message, cmd)
            self._result(name, cmd, False, err.message, kind=kind)
            return
        new_env = self.env.with_kernel(kernel)
        decl_name = name if kind != "example" else "_example"
        axioms = new_env.axioms_used.get(decl_name, frozenset())
        if kind != "example":
            self.state.env = new_env
        bad = sorted(a for a in axioms if a not in LEAN_AXIOMS)
        if "sorryAx" in bad:
            start, end = decl_name_span(cmd)
            self.messages.append(Message("warning", start, end, "declaration uses `sorry`"))
            self._result(name, cmd, False, "declaration uses 'sorry'", axioms, kind)
        elif bad:
            self._result(name, cmd, False, f"depends on axiom '{bad[0]}', which is not one of Lean's built-in axioms", axioms, kind)
        else:
            self._result(name, cmd, True, None, axioms, kind)

    def _is_prop(self, type_: Expr, params: tuple[str, ...]) -> bool:
        try:
            return TypeChecker(self.env.kernel, params).is_prop(type_)
        except KernelError:
            return True  # let the kernel report the problem with the type

    def _elab_declaration(self, cmd: ast.Command, name: str, universes: Sequence[str], binders: Sequence[ast.Binder],
                          type_stx: ast.Term | None, value_stx, kind: str) -> tuple[Expr, Expr, tuple[str, ...], bool]:
        """Elaborate a declaration; an unknown atomic name in its header becomes an implicit argument,
        as with Lean's default `autoImplicit true` (`theorem t (x : α) : x = x` binds `{α}`)."""
        auto_bound: list[ast.Binder] = []
        while True:
            progress: dict[str, bool] = {}
            try:
                return self._elab_declaration_once(cmd, name, universes, tuple(auto_bound) + tuple(binders),
                                                   type_stx, value_stx, kind, progress)
            except ElabError as err:
                unknown = _unknown_atomic_name(err.message)
                if progress.get("header_done") or unknown is None or len(auto_bound) >= 16 \
                        or any(unknown in b.names for b in auto_bound):
                    raise
                self.artifacts.pop()
                auto_bound.append(ast.Binder(cmd.pos, cmd.pos, ast.IMPLICIT, (unknown,), None, None))

    def _elab_declaration_once(self, cmd: ast.Command, name: str, universes: Sequence[str],
                               binders: Sequence[ast.Binder], type_stx: ast.Term | None, value_stx, kind: str,
                               progress: dict[str, bool]) -> tuple[Expr, Expr, tuple[str, ...], bool]:
        scope = self._decl_scope(name)
        elab = TermElaborator(self.env, scope, level_names=universes, max_steps=self.max_steps)
        self.artifacts.append(ProofArtifacts(name, self.env, scope, elab.level_names, elab.mctx, elab.sorries,
                                             elab.root_goals, elab.tactic_steps, elab))
        with elab.binders(scope.variables) as var_fvars, elab.binders(binders) as fvars:
            if type_stx is not None:
                type_ = elab.elab_type(type_stx)
                elab.synthesize_pending()
            elif kind in ("theorem",):
                raise ElabError("theorem type expected", cmd)
            else:
                type_ = elab.new_type_mvar()
            if kind in ("theorem", "example") and type_stx is not None:
                self._check_no_holes(elab, type_, type_stx)
            elab.auto_bound_universes = False  # Lean binds unknown universe names in the header only
            progress["header_done"] = True
            rec_fvar = None
            if kind != "example":
                short = name.rpartition(".")[2]
                rec_type = elab.mk_pi(fvars, type_)
                rec_fvar = FVar(short, rec_type)
                elab.recursive = _RecursiveFn(rec_fvar, name, len(var_fvars), list(fvars))
            else:
                elab.recursive = None
            if isinstance(value_stx, ast.Equations):
                from .match_compiler import elab_equations

                value = elab_equations(elab, value_stx, type_, cmd)
            else:
                value = self._elab_body(elab, value_stx, type_, rec_fvar)
            elab.synthesize_pending()
            value = elab.instantiate(value)
            if rec_fvar is not None and any(isinstance(x, FVar) and x.uid == rec_fvar.uid for x in iter_subexprs(value)):
                if not fvars and not isinstance(elab.whnf(type_), Pi):  # Lean's wording: nothing to recurse on
                    raise ElabError(f"fail to show termination for\n  {name}\nwith errors\nfailed to infer structural "
                                    "recursion:\nno parameters suitable for structural recursion\n\nwell-founded "
                                    f"recursion cannot be used, `{name.rpartition('.')[2]}` does not take any (non-fixed) "
                                    "arguments", _NameNode(*decl_name_span(cmd)))
                raise ElabError(f"fail to show termination for\n  {name}\nstructural recursion cannot be used (the embedded checker supports structural recursion through `match`/equations on the recursive argument's direct subterms)", _NameNode(*decl_name_span(cmd)))
            type_ = elab.instantiate(type_)
            all_fvars = list(var_fvars) + list(fvars)
            used_vars = _used_variables(var_fvars, [type_, value] + [elab.instantiate(f.type) for f in fvars])
            chosen = [f for f in all_fvars if f in used_vars or f in fvars]
            type_full = elab.mk_pi(chosen, type_)
            value_full = elab.mk_lambda(chosen, value)
        (type_full, value_full), params = self._finalize([type_full, value_full], elab, cmd)
        return type_full, value_full, params, elab.uses_sorry

    def _elab_body(self, elab: TermElaborator, value_stx: ast.Term, type_: Expr, rec_fvar: FVar | None) -> Expr:
        if rec_fvar is None:
            return elab.elab(value_stx, type_)
        with elab.local_fvar(rec_fvar):
            return elab.elab(value_stx, type_)

    def _check_no_holes(self, elab: TermElaborator, type_: Expr, stx: ast.Node) -> None:
        if elab.mctx.unassigned_mvars(type_):
            raise ElabError("failed to infer the statement: it contains holes (`_`) that could not be determined", stx)

    def _finalize(self, terms: list[Expr], elab: TermElaborator, cmd: ast.Node) -> tuple[list[Expr], tuple[str, ...]]:
        """Instantiate holes, fail on unsolved ones, turn leftover universe holes into parameters."""
        failed = elab.checker.check_postponed()
        if failed is not None:
            from .level import format_level

            raise ElabError(f"universe level mismatch: {format_level(failed[0])} ≠ {format_level(failed[1])}", cmd)
        out = [elab.instantiate(t) for t in terms]
        for t in out:
            holes = elab.mctx.unassigned_mvars(t)
            if holes:
                decl = elab.mctx.decls.get(holes[0].uid)
                what = "placeholder" if decl is None or decl.kind != "syntheticOpaque" else f"goal ?{decl.user_name or '_'}"
                ty = f"\ncontext:\n⊢ {elab.fmt(decl.type)}" if decl is not None else ""
                raise ElabError(f"don't know how to synthesize {what}{ty}", cmd)
        names = list(elab.level_names)
        level_mvars: dict[int, str] = {}

        def fresh_name() -> str:
            k = len(level_mvars) + 1
            while f"u_{k}" in names:
                k += 1
            return f"u_{k}"

        def fix_level(level: Level) -> Level | None:
            if isinstance(level, LevelMVar):
                if level.uid not in level_mvars:
                    level_mvars[level.uid] = fresh_name()
                    names.append(level_mvars[level.uid])
                return LevelParam(level_mvars[level.uid])
            return None

        def fix(x: Expr, _d: int) -> Expr | None:
            if isinstance(x, Sort) and x.has_mvar:
                return Sort(replace_level(x.level, fix_level))
            if isinstance(x, Const) and x.has_mvar:
                return Const(x.name, [replace_level(l, fix_level) for l in x.levels])
            return None

        out = [replace(t, fix) for t in out]
        used: set[str] = set()
        for t in out:
            used |= level_params_of_expr(t)
        params = tuple(n for n in dict.fromkeys(list(elab.level_names) + names) if n in used)
        return out, params

    # -- inductive types and structures ------------------------------------------------

    def cmd_Inductive(self, cmd: ast.Inductive) -> None:
        name = self._full_name(cmd.name)
        try:
            ctors = [(self._full_name(f"{cmd.name}.{c.name}"), c.binders, c.type, c) for c in cmd.ctors]
            self._add_inductive(cmd, name, cmd.universes, cmd.binders, cmd.type, ctors)
        except ElabError as err:
            self._error(err.message, err.node or cmd)
            self._result(name, cmd, False, _one_line(err.message), kind="inductive")
            return
        except KernelError as err:
            self._error(err.message, cmd)
            self._result(name, cmd, False, err.message, kind="inductive")
            return
        self._result(name, cmd, True, None, kind="inductive")

    def _add_inductive(self, cmd: ast.Command, name: str, universes: Sequence[str], binders: Sequence[ast.Binder],
                       type_stx: ast.Term | None, ctors: list) -> list[str]:
        if name in self.env:
            raise ElabError(f"'{name}' has already been declared", cmd)
        scope = self._decl_scope(name)
        elab = TermElaborator(self.env, scope, level_names=universes, max_steps=self.max_steps)
        with elab.binders(binders) as params:
            if type_stx is not None:
                result = elab.elab_type(type_stx)
            else:
                result = Sort(_default_inductive_level(elab, params))
            elab.synthesize_pending()
            ind_type_local = elab.instantiate(result)
            ind_type = elab.mk_pi(params, ind_type_local)
            (ind_type,), level_params = self._finalize([ind_type], elab, cmd)
            # the type itself, as a constant, is in scope for the constructors
            ind_const = Const(name, [LevelParam(p) for p in level_params])
            provisional = self.env.kernel.add(InductiveInfo(name, level_params, ind_type, len(params), 0, (), False, False))
            elab.env = dc_replace(self.env, kernel=provisional)
            elab.checker.env = provisional
            elab.level_names = list(level_params)
            self_app = mk_app(ind_const, params)
            ctor_types = []
            for ctor_name, ctor_binders, ctor_type_stx, node in ctors:
                with elab.binders(ctor_binders) as fields:
                    ct = elab.elab_type(ctor_type_stx) if ctor_type_stx is not None else self_app
                    _check_ctor_result(elab, ct, name, ctor_type_stx or node)
                    elab.synthesize_pending()
                    ct = elab.mk_pi(fields, ct)
                implicit_params = [FVar(p.name, p.type, None, BinderInfo.IMPLICIT, uid=p.uid) for p in params]
                ctor_types.append((ctor_name, elab.mk_pi(implicit_params, ct), node))
        final = []
        for ctor_name, ct, node in ctor_types:
            (ct,), _ = self._finalize([ct], elab, node)
            unknown = level_params_of_expr(ct) - set(level_params)
            if unknown:
                raise ElabError(f"unknown universe level '{sorted(unknown)[0]}' in constructor '{ctor_name}'", node)
            final.append((ctor_name, ct))
        decl = InductiveDecl(name, level_params, len(params), ind_type, tuple(final))
        promoted = _promote_fixed_indices(decl)
        try:
            kernel = add_inductive(self.env.kernel, promoted)
        except KernelError:
            if promoted is decl:
                raise
            kernel = add_inductive(self.env.kernel, decl)
        self.state.env = self.env.with_kernel(kernel)
        self._add_cases_on(name)
        return [c for c, _ in final]

    def _add_cases_on(self, name: str) -> None:
        """`I.casesOn`: the recursor without induction hypotheses (Lean generates it for every inductive)."""
        from .aux_defs import mk_cases_on

        type_, value, params = mk_cases_on(self.env.kernel, name)
        kernel = add_definition(self.env.kernel, f"{name}.casesOn", params, type_, value, reducible=True)
        self.state.env = self.env.with_kernel(kernel)

    def cmd_Structure(self, cmd: ast.Structure) -> None:
        name = self._full_name(cmd.name)
        try:
            if cmd.extends:
                raise ElabError("`extends` is not supported by the embedded checker", cmd)
            ctor_short = cmd.ctor_name or "mk"
            field_binders = []
            field_names = []
            for f in cmd.fields:
                if f.binders:
                    raise ElabError("structure fields with binders are not supported by the embedded checker", f)
                if f.type is None:
                    raise ElabError("structure field needs a type", f)
                for fname in f.names:
                    field_binders.append(ast.Binder(f.pos, f.end_pos, ast.EXPLICIT, (fname,), f.type, None))
                    field_names.append(fname)
            ctor_full = self._full_name(f"{cmd.name}.{ctor_short}")
            self._add_inductive(cmd, name, cmd.universes, cmd.binders, cmd.type,
                                [(ctor_full, tuple(field_binders), None, cmd)])
            self.state.env = self.env.with_structure(StructureInfo(name, ctor_full, tuple(field_names)))
            self._add_projections(name, field_names, is_class=cmd.keyword == "class")
            if cmd.keyword == "class":
                self.state.env = dc_replace(self.env, instances={**self.env.instances, name: self.env.instances.get(name, ())})
        except ElabError as err:
            self._error(err.message, err.node or cmd)
            self._result(name, cmd, False, _one_line(err.message), kind="structure")
            return
        except KernelError as err:
            self._error(err.message, cmd)
            self._result(name, cmd, False, err.message, kind="structure")
            return
        self._result(name, cmd, True, None, kind="structure")

    def _add_projections(self, name: str, field_names: list[str], is_class: bool) -> None:
        """`S.f : {params} → (self : S params) → type of f` (`[self : C params]` for a class), defined by `Proj`."""
        from .aux_defs import mk_projection

        for i, fname in enumerate(field_names):
            type_, value, params = mk_projection(self.env.kernel, name, i, fname, is_class)
            kernel = add_definition(self.env.kernel, f"{name}.{fname}", params, type_, value, reducible=True)
            self.state.env = self.env.with_kernel(kernel)

    def _register_instance(self, full: str, node: ast.Node) -> None:
        info = self.env.find(full)
        assert info is not None
        t = info.type
        while isinstance(t, Pi):
            t = t.body
        head = get_app_fn(t)
        if not isinstance(head, Const):
            raise ElabError(f"invalid instance '{full}': its type is not a class application", node)
        self.state.env = self.env.with_instance(head.name, full)


@dataclass
class _RecursiveFn:
    """The function being defined, visible to its own body as a local (`fvar`) until compiled away."""

    fvar: FVar
    name: str
    num_vars: int
    params: list[FVar]


def _unknown_atomic_name(message: str) -> str | None:
    """The name in an "Unknown identifier `x`" error when `x` is atomic (no dots), else None."""
    prefix = "Unknown identifier `"
    if not message.startswith(prefix) or not message.endswith("`"):
        return None
    name = message[len(prefix):-1]
    return name if name and "." not in name else None


def _check_ctor_result(elab: TermElaborator, ctor_type: Expr, name: str, node: ast.Node) -> None:
    """A constructor must end in the type being declared (Lean checks this before the kernel does)."""
    t = elab.instantiate(ctor_type)
    while isinstance(t, Pi):
        t = instantiate1(t.body, FVar(t.name, t.type))
    head = get_app_fn(t)
    if not (isinstance(head, Const) and head.name == name):
        raise ElabError(f"unexpected constructor resulting type\n  {elab.fmt(t)}", node)


def _promote_fixed_indices(decl: InductiveDecl) -> InductiveDecl:
    """Lean's "fixed indices to parameters": an index that every constructor takes as its first
    field and returns unchanged becomes a parameter (so `Eq.refl (a : α) : Eq a a` makes `a` a
    parameter, as in Lean, while keeping `a` explicit in `Eq.refl`)."""
    while decl.ctors:
        params: list[FVar] = []
        t = decl.type
        for _ in range(decl.num_params + 1):
            if not isinstance(t, Pi):
                return decl
            fv = FVar(t.name, t.type)
            params.append(fv)
            t = instantiate1(t.body, fv)
        index_type = params[-1].type
        for _, ctor_type in decl.ctors:
            t = ctor_type
            for p in params[:-1]:
                if not isinstance(t, Pi):
                    return decl
                t = instantiate1(t.body, p)
            if not isinstance(t, Pi) or t.type != index_type:
                return decl
            field_fv = FVar(t.name, t.type)
            t = instantiate1(t.body, field_fv)
            while isinstance(t, Pi):
                t = instantiate1(t.body, FVar(t.name, t.type))
            args = get_app_args_of(t)
            if len(args) <= decl.num_params or args[decl.num_params] != field_fv:
                return decl
        decl = InductiveDecl(decl.name, decl.level_params, decl.num_params + 1, decl.type, decl.ctors)
    return decl


def get_app_args_of(e: Expr) -> list[Expr]:
    from .expr import get_app_args

    return get_app_args(e)


def _used_variables(var_fvars: Sequence[FVar], terms: Sequence[Expr]) -> set[FVar]:
    """The `variable`s a declaration mentions (directly, or through the types of those it mentions)."""
    uids = {f.uid: f for f in var_fvars}
    used: set[FVar] = set()
    stack = list(terms)
    while stack:
        t = stack.pop()
        if not t.has_fvar:
            continue
        for x in iter_subexprs(t):
            if isinstance(x, FVar) and x.uid in uids and uids[x.uid] not in used:
                used.add(uids[x.uid])
                stack.append(uids[x.uid].type)
    return used


def _default_inductive_level(elab: TermElaborator, params: Sequence[FVar]) -> Level:
    """The universe of an inductive whose type is omitted: `Sort (max 1 l1 .. ln)`.

    Lean infers it from the constructor fields; a field can only live as high as a parameter
    that is a type (`α : Sort l` or a type family `… → Sort l`), so each such parameter
    contributes `l` (`List (α : Type u)` is in `Type u`, `Subtype {α : Sort u} p` in
    `Sort (max 1 u)`, as in Lean); parameters that are values (`n : Nat`) contribute nothing.
    """
    parts: list[Level] = [LEVEL_ONE]
    for p in params:
        ty = elab.whnf(p.type)
        while isinstance(ty, Pi):
            ty = ty.body
        if isinstance(ty, Sort) and ty.level not in parts:
            parts.append(ty.level)
    if all(to_offset(l)[1] >= 1 for l in parts):  # Type (max u v), not Sort (max (u+1) (v+1))
        inner = [mk_succ(base, k - 1) for base, k in map(to_offset, parts) if (base, k) != (LEVEL_ZERO, 1)]
        if not inner:
            return LEVEL_ONE
        level = inner[0]
        for l in inner[1:]:
            level = mk_max(level, l)
        return mk_succ(level)
    level = parts[0]
    for l in parts[1:]:
        level = mk_max(level, l)
    return level


_COMMAND_KINDS = {ast.Theorem: "theorem", ast.Example: "example", ast.Axiom: "axiom", ast.Inductive: "inductive",
                  ast.Structure: "structure"}
_COMMAND_LABELS = {ast.Universe: "universe", ast.Variable: "variable", ast.Namespace: "namespace", ast.Section: "section",
                  ast.End: "end", ast.Open: "open", ast.SetOption: "set_option", ast.Check: "#check", ast.Eval: "#eval",
                  ast.Reduce: "#reduce", ast.Print: "#print", ast.Import: "import", ast.AttributeCmd: "attribute"}


def _command_label(cmd: ast.Command) -> str:
    """How a non-declaration command is named in `prover check`'s verdict lines (`end`, `#eval`)."""
    keyword = getattr(cmd, "keyword", None)
    if isinstance(keyword, str):
        return keyword
    if isinstance(cmd, ast.InCommand):
        return _command_label(cmd.command)
    return _COMMAND_LABELS.get(type(cmd), type(cmd).__name__.lower())


def _guess_decl_name(source: str) -> str:
    words = source.split()
    for i, w in enumerate(words[:-1]):
        if w in ("theorem", "lemma", "def", "abbrev", "example", "axiom", "inductive", "structure", "instance"):
            return words[i + 1] if w != "example" else "_example"
    return "<parse error>"


@dataclass(frozen=True)
class _NameNode:
    """A bare source span (Lean reports some declaration errors at the declaration's name)."""

    pos: tuple[int, int]
    end_pos: tuple[int, int]


_DECL_KEYWORDS = ("theorem", "lemma", "def", "abbrev", "instance", "opaque", "axiom", "inductive", "structure", "class")


def decl_name_span(cmd: ast.Node) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where Lean reports declaration-level messages (`declaration uses `sorry``, termination): the
    declaration's name, or the `example` keyword for an example; the command's start otherwise."""
    from lean_bridge.syntax.tokens import IDENT, KEYWORD, tokenize

    source = getattr(cmd, "source", None)
    if not isinstance(source, str):
        return cmd.pos, cmd.end_pos

    def absolute(line: int, col: int) -> tuple[int, int]:
        return (cmd.pos[0] + line - 1, col + cmd.pos[1] if line == 1 else col)

    try:
        toks = tokenize(source)
    except Exception:  # the lexer does not raise, but never let a span computation fail a command
        return cmd.pos, cmd.end_pos
    for i, t in enumerate(toks):
        if t.kind == KEYWORD and t.text == "example":
            return absolute(t.line, t.col), absolute(t.end_line, t.end_col)
        if t.kind == KEYWORD and t.text in _DECL_KEYWORDS:
            if i + 1 < len(toks) and toks[i + 1].kind == IDENT:
                n = toks[i + 1]
                return absolute(n.line, n.col), absolute(n.end_line, n.end_col)
            return absolute(t.line, t.col), absolute(t.end_line, t.end_col)
    return cmd.pos, cmd.end_pos


def _keyword_end(cmd: ast.Command) -> tuple[int, int]:
    """End of a command's leading keyword (`#check`): where Lean ends the span of its output."""
    word = cmd.source.split(None, 1)[0] if cmd.source.split() else ""
    return (cmd.pos[0], cmd.pos[1] + len(word))
