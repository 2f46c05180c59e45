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

from . import gate
from .core_names import core_references, reserved_core_names
from .elab_env import DEFAULT_PRIORITY, ElabEnv, StructureInfo
from .elab_options import (
    BOOL_OPTIONS,
    CODEGEN,
    NO_EFFECT_OPTION_PREFIXES,
    NO_EFFECT_OPTIONS,
    instance_priority,
    parse_attribute,
    refuse_attributes,
    strict_auto_bound_name,
)
from .elab_term import ElabError, Scope, TermElaborator
from .environment import DefinitionInfo, InductiveInfo, TheoremInfo
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
    occurs_fvar,
    mk_app,
    replace,
)
from .inductive import InductiveDecl, add_inductive
from .instance_name import instance_base_name, unused_base_name
from .match_recursion import elab_match_recursion, match_as_equations
from .restatement import RESTATED_PREFIX, check_same_definition, check_same_inductive, check_same_statement
from .auto_bound import add_type_binder, fill_type_holes, generalize_auto_bound_type, untyped_auto_bound
from .kernel import KernelError, TypeChecker, add_axiom, add_definition
from .level import LEVEL_ONE, LEVEL_ZERO, Level, LevelMVar, LevelParam, has_level_mvar, mk_max, mk_succ, replace_level, to_offset

LEAN_AXIOMS = gate.LEAN_AXIOMS


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

    def __init__(self, env: ElabEnv, max_steps: int = 2_000_000, library: bool = False) -> None:
        self.library = library  # the bundled prelude: may declare Lean core's reserved names
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
        binders = tuple(cmd.binders)
        while True:  # check the binders elaborate now, as Lean does; unknown names are auto-bound (`{α}`)
            elab = TermElaborator(self.env, scope)
            try:
                with elab.binders(scope.variables + binders):
                    pass
                break
            except ElabError as err:
                unknown = self._auto_bindable(err, binders, scope)
                if unknown is None:
                    raise
                binders = (ast.Binder(cmd.pos, cmd.pos, ast.IMPLICIT, (unknown,), None, None),) + binders
        self.state.scope = dc_replace(scope, variables=scope.variables + binders)

    def _auto_bindable(self, err: ElabError, bound: Sequence[ast.Binder], scope: Scope) -> str | None:
        """The unknown name of `err` when Lean would bind it as an implicit argument (`autoImplicit`)."""
        unknown = _unknown_atomic_name(err.message)
        if unknown is None:
            unknown = self._dotted_unknown_root(err.message)
        if unknown is None or len(bound) >= 64 or any(unknown in b.names for b in bound):
            return None
        if not scope.option("autoImplicit", True):
            return None
        if not scope.option("relaxedAutoImplicit", True) and not strict_auto_bound_name(unknown):
            return None
        return unknown

    def _dotted_unknown_root(self, message: str) -> str | None:
        """fid-list3: for an unknown `l.head?` whose root `l` names nothing (no constant, no namespace), `l`:
        Lean core's List lemmas state `l.head? = none ↔ l = []` with `l` auto-bound, and `l.head?` is then
        the field access on it."""
        prefix = "Unknown identifier `"
        if not message.startswith(prefix) or not message.endswith("`"):
            return None
        root = message[len(prefix):-1].split(".")[0]
        if not root or root[0].isdigit() or self._resolve_namespace(root) is not None:
            return None
        return root

    def cmd_Include(self, cmd: ast.Include) -> None:
        scope = self.state.scope
        names = {n for b in scope.variables for n in b.names}
        for name in cmd.names:
            if name not in names:
                raise ElabError(f"invalid 'include', variable '{name}' has not been declared in the current scope", cmd)
        self.state.scope = dc_replace(scope, included=scope.included + tuple(n for n in cmd.names if n not in scope.included))

    def cmd_Omit(self, cmd: ast.Omit) -> None:
        scope = self.state.scope
        for name in cmd.names:
            if name not in scope.included:
                raise ElabError(f"invalid 'omit', '{name}' has not been included", cmd)
        self.state.scope = dc_replace(scope, included=tuple(n for n in scope.included if n not in cmd.names))

    def cmd_Export(self, cmd: ast.Export) -> None:
        ns = self._resolve_namespace(cmd.namespace)
        if ns is None:
            raise ElabError(f"unknown namespace '{cmd.namespace}'", cmd)
        env = self.env
        for name in cmd.names:
            target = f"{ns}.{name}"
            if target not in env:
                raise ElabError(f"unknown constant '{target}'", cmd)
            env = env.with_names(alias=(self._full_name(name), target))
        self.state.env = env

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
        resolved_all = []
        for name in cmd.names:
            resolved = self._resolve_namespace(name)
            if resolved is None:
                raise ElabError(f"unknown namespace '{name}'", cmd)
            resolved_all.append(resolved)
        if cmd.only is not None:  # `open A (x y)`: only `x y`, as aliases of `A.x A.y`
            aliases = list(scope.aliases)
            for short in cmd.only:
                full = f"{resolved_all[0]}.{short}"
                if full not in self.env and full not in self.env.aliases:
                    raise ElabError(f"unknown constant '{full}'", cmd)
                aliases.append((short, full))
            self.state.scope = dc_replace(scope, aliases=tuple(aliases))
            return
        hidden = list(scope.hidden)
        for short in cmd.hiding:
            full = f"{resolved_all[0]}.{short}"
            if full not in self.env:
                raise ElabError(f"unknown constant '{full}'", cmd)
            hidden.append(full)
        opens.extend(resolved_all)
        self.state.scope = dc_replace(scope, opens=tuple(opens), hidden=tuple(hidden))

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
        try:
            # a failing prefix (`set_option bogus true in …`) fails the whole command: never run it without
            getattr(self, f"cmd_{type(cmd.prefix).__name__}")(cmd.prefix)
            self.run(cmd.command)
        finally:
            self.state.scope = saved

    def cmd_SetOption(self, cmd: ast.SetOption) -> None:
        if cmd.name in BOOL_OPTIONS:
            if not isinstance(cmd.value, bool):
                raise ElabError(f"type mismatch at set_option: option '{cmd.name}' expects a Bool", cmd)
        elif not cmd.name.startswith(NO_EFFECT_OPTION_PREFIXES) and cmd.name not in NO_EFFECT_OPTIONS:
            raise ElabError(f"unsupported option in the embedded checker: '{cmd.name}'", cmd)
        scope = self.state.scope
        self.state.scope = dc_replace(scope, options=scope.options + ((cmd.name, cmd.value),))

    def cmd_Import(self, cmd: ast.Import) -> None:
        if cmd.module not in ("Init", "Lean"):
            raise ElabError(f"unknown module prefix '{cmd.module.split('.')[0]}'", cmd)

    def cmd_AttributeCmd(self, cmd: ast.AttributeCmd) -> None:
        parsed = [parse_attribute(attr, cmd) for attr in cmd.attributes]  # all checked before any takes effect
        fulls = []
        for name in cmd.names:
            full = TermElaborator(self.env, self.state.scope).resolve_global(name, cmd)
            if full is None:
                raise ElabError(f"unknown constant '{name}'", cmd)
            fulls.append(full)
        for kind, priority, local in parsed:
            for full in fulls:
                if kind == CODEGEN:
                    continue
                if kind == "instance":
                    self._register_instance(full, cmd, priority, local)
                elif kind == "simp" and isinstance(self.env.find(full), TheoremInfo):
                    self._record_simp(full, cmd, priority)
                elif kind == "elab_as_elim":
                    self._record_elab_as_elim(full, cmd)
                else:
                    raise ElabError(f"attribute [{kind}] can only be given where '{full}' is declared in the embedded checker", cmd)

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
            refuse_attributes(cmd, "an axiom")
            self._check_new_name(name, "axiom", cmd)
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
        if cmd.keyword == "instance" and cmd.name is None and cmd.type is not None:
            cmd = dc_replace(cmd, name=self._anonymous_instance_name(cmd))
        if cmd.keyword == "opaque" and cmd.value is None:
            raise ElabError("`opaque` without a value (Lean's `Inhabited` default) is not supported by the embedded checker", cmd)
        if cmd.modifiers.partial or cmd.modifiers.unsafe:
            name = self._full_name(cmd.name or "_")
            msg = "partial and unsafe definitions are not supported by the embedded checker (they cannot be trusted)"
            self._error(msg, cmd)
            self._result(name, cmd, False, msg, kind="def")
            return
        if cmd.name is None or cmd.value is None:
            raise ElabError("definition needs a name and a body", cmd)
        if cmd.decreasing_by is not None or (cmd.termination_by is not None
                                             and not cmd.termination_by.lstrip().startswith("structural")):
            # Lean would use well-founded recursion (irreducible, no `rfl` unfolding); the checker has
            # only structural recursion, so it must not accept what Lean defines differently
            raise ElabError("well-founded recursion (`termination_by`/`decreasing_by`) is not supported by the "
                            "embedded checker; only structural recursion (`termination_by structural x`)", cmd)
        name = self._full_name(cmd.name)
        kind = cmd.keyword if cmd.keyword in ("abbrev", "opaque", "instance") else "def"
        self._declaration(cmd, name, cmd.universes, cmd.binders, cmd.type, cmd.value, kind)

    def _anonymous_instance_name(self, cmd: ast.Definition) -> str:
        """Lean's `mkInstanceName`: the name of `instance : C T` from its own binders and type, elaborated
        apart (auto-bound implicits allowed; on failure Lean's fallback `inst`), then made unused."""
        scope = self.state.scope
        type_: Expr | None = None
        auto_bound: list[ast.Binder] = []
        while type_ is None:
            elab = TermElaborator(self.env, scope, level_names=cmd.universes, max_steps=self.max_steps)
            try:
                with elab.binders(scope.variables), elab.binders(tuple(auto_bound) + cmd.binders) as fvars:
                    body = elab.elab_type(cmd.type)
                    elab.synthesize_pending()
                    type_ = elab.instantiate(elab.mk_pi(fvars[len(auto_bound):], body))
            except (ElabError, KernelError) as err:
                unknown = self._auto_bindable(err, auto_bound, scope) if isinstance(err, ElabError) else None
                if unknown is None:
                    break
                auto_bound.append(ast.Binder(cmd.pos, cmd.pos, ast.IMPLICIT, (unknown,), None, None))
        namespace = scope.namespace
        base = "inst" if type_ is None else instance_base_name(type_, namespace, lambda n: n in self.env,
                                                                elab.infer, elab.whnf)
        return unused_base_name(base, namespace, lambda n: n in self.env or n in self.env.aliases
                                or n in reserved_core_names())

    def _declaration(self, cmd: ast.Command, name: str, universes: Sequence[str], binders: Sequence[ast.Binder],
                     type_stx: ast.Term | None, value_stx, kind: str) -> None:
        mods: ast.Modifiers | None = getattr(cmd, "modifiers", None)
        try:
            restated = self._prelude_restatement(name, kind)
            restated_def = self._library_def_restatement(name, kind)
            if restated_def is not None:
                restated = restated_def
            proof_def = restated is None and self._core_proof_def(name, kind)
            core_restatement = kind != "example" and restated is None and not proof_def \
                and self._check_new_name(name, kind, cmd)
            attributes = [parse_attribute(a, cmd) for a in mods.attributes] if mods is not None else []
            for attr, _, local in attributes:
                if local or (attr == "reducible" and kind not in ("def", "abbrev")) or (attr == "simp" and kind != "theorem"):
                    raise ElabError(f"attribute [{'local ' if local else ''}{attr}] is not supported by the embedded checker "
                                    f"on {'a ' if kind != 'example' else 'an '}{kind}", cmd)
            type_, value, params, uses_sorry = self._elab_declaration(cmd, name, universes, binders, type_stx, value_stx, kind)
            if core_restatement:
                self._check_core_restatement(name, type_, value, params, cmd)
            if proof_def and not self._is_prop(type_, params):
                raise ElabError(f"'{name}' has already been declared (Lean core declares it)", cmd)
            if restated_def is not None:
                check_same_definition(self.env, restated_def, type_, value, params, self.max_steps, cmd)
            elif restated is not None:
                check_same_statement(self.env, restated, type_, value, params, self.max_steps, cmd)
            noncomputable = mods is not None and mods.noncomputable
            if kind in ("def", "abbrev", "instance") and not noncomputable:
                self._check_computable(name, type_, value, params, cmd)
            kernel_name = name if kind != "example" else "_example"
            if restated is not None:  # checked under a scratch name; the library's constant stays
                kernel_name = RESTATED_PREFIX + name
            kernel = add_definition(self.env.kernel, kernel_name, params, type_, value,
                                    is_theorem=kind == "theorem" or (kind == "example" and self._is_prop(type_, params)),
                                    reducible=kind == "abbrev" or any(a == "reducible" for a, _, _ in attributes),
                                    opaque=kind == "opaque", max_steps=self.max_steps)
        except ElabError as err:
            self._error(err.message, err.node or cmd)
            self._result(name, cmd, False, _one_line(err.message), kind=kind, at=err.node)
            return
        except KernelError as err:
            self._error(err.message, cmd)
            self._result(name, cmd, False, err.message, kind=kind)
            return
        new_env = self.env.with_kernel(kernel)
        axioms = new_env.axioms_used.get(kernel_name, frozenset())
        if kind != "example":
            if restated is None:
                self.state.env = new_env
            elif restated_def is None:  # restated once, as a file declares a name once
                self.state.env = dc_replace(self.env, restatable=self.env.restatable - {name})
            self._record_modifiers(name, mods, kind)
            instance_prio = instance_priority(getattr(cmd, "priority", None), cmd) if kind == "instance" else None
            for attr, priority, _ in attributes:
                if attr == "instance":
                    instance_prio = priority
                elif attr == "simp":
                    self._record_simp(name, cmd, priority)
                elif attr == "elab_as_elim":
                    try:
                        self._record_elab_as_elim(name, cmd)
                    except ElabError as err:
                        self._error(err.message, cmd)
                        self._result(name, cmd, False, _one_line(err.message), kind=kind)
                        return
            if instance_prio is not None:
                try:
                    self._register_instance(name, cmd, instance_prio)
                except ElabError as err:
                    self._error(err.message, cmd)
                    self._result(name, cmd, False, _one_line(err.message), kind=kind)
                    return
        # the verdict is the one gate's (`gate.decide`, as for the servers); `add_definition` above was its
        # kernel check of exactly these closed terms
        verdict = gate.decide(new_env, params, type_, value, kernel_checked=True, axioms=axioms,
                              max_steps=self.max_steps)
        if verdict.reason == gate.SORRY:
            start, end = decl_name_span(cmd)
            self.messages.append(Message("warning", start, end, "declaration uses `sorry`"))
            self._result(name, cmd, False, "declaration uses 'sorry'", axioms, kind)
        elif not verdict.ok:
            self._result(name, cmd, False, verdict.message, axioms, kind)
        else:
            self._result(name, cmd, True, None, axioms, kind)

    def _prelude_restatement(self, name: str, kind: str) -> TheoremInfo | None:
        """The library theorem a `theorem` restates under its Lean core name (None: not a restatement);
        it is accepted only with the same statement (see `restatement.check_same_statement`)."""
        if kind != "theorem" or self.library or name not in self.env.restatable:
            return None
        info = self.env.find(name)
        return info if isinstance(info, TheoremInfo) else None

    def _library_def_restatement(self, name: str, kind: str) -> DefinitionInfo | None:
        """The library definition a `def` restates under its Lean core name (`List.foldl`, a corpus
        re-deriving Lean core in order), None when it is no such restatement. Only the definitions
        `library/CoreDefs.lean` lists may be restated, and only definitionally equal to the library's
        (`restatement.check_same_definition`); the library's constant stays."""
        if kind not in ("def", "abbrev") or self.library or name not in core_references():
            return None
        info = self.env.find(name)
        return info if isinstance(info, DefinitionInfo) else None

    def _core_proof_def(self, name: str, kind: str) -> bool:
        """A `def` under the name of a Lean core definition the library lacks (`Subsingleton.helim`): accepted,
        as a theorem reusing a core theorem name is, only when its type is a proposition (checked once
        elaborated): its statement is then proved by its own proof and can never make a false one hold."""
        if kind not in ("def", "abbrev") or self.library or name in self.env or name in self.env.aliases:
            return False
        return reserved_core_names().get(name) == "def" and name not in core_references()

    def _check_new_name(self, name: str, kind: str, node: ast.Node) -> bool:
        """A declaration may not reuse a name of this environment, nor a name Lean core declares in the
        parts of `Init` the fragment covers (`Nat.pow`, `Option`, …) even when the prelude lacks it: real
        Lean has it already. The one exception is a `theorem` reusing a core *theorem* name the
        environment does not have, so a corpus can re-prove Lean's own lemmas under Lean's names (the
        kernel checks its statement is proved; see `library/lean_core_names.txt`)."""
        if name in self.env or name in self.env.aliases:
            raise ElabError(f"'{name}' has already been declared", node)
        if self.library:
            return False
        core_kind = reserved_core_names().get(name)
        if core_kind is None or (kind == "theorem" and core_kind == "theorem"):
            return False
        if kind in ("def", "abbrev") and core_kind == "def" and name in core_references():
            return True  # accepted only as Lean core's own definition (checked once elaborated)
        raise ElabError(f"'{name}' has already been declared (Lean core declares it)", node)

    def _check_core_restatement(self, name: str, type_: Expr, value: Expr, params: tuple[str, ...],
                                node: ast.Node) -> None:
        """A restated core definition must be Lean core's: its type and value definitionally equal to
        the reference in `library/CoreDefs.lean`, elaborated in the current environment."""
        ref_elab = CommandElaborator(self.env, self.max_steps, library=True)
        ref_elab.run(core_references()[name])
        ref = ref_elab.env.find(name)
        refused = f"'{name}' has already been declared (Lean core declares it; a restatement is accepted only " \
                  "when it is definitionally Lean core's definition"
        if not isinstance(ref, DefinitionInfo):
            failure = next((m.text for m in ref_elab.messages if m.severity == "error"), "it does not elaborate here")
            raise ElabError(f"{refused}, which needs: {_one_line(failure)})", node)
        if len(ref.level_params) != len(params):
            raise ElabError(f"{refused}: its universe parameters differ)", node)
        from .expr import instantiate_expr_level_params

        rename = [LevelParam(p) for p in ref.level_params]
        user_type = instantiate_expr_level_params(type_, params, rename)
        user_value = instantiate_expr_level_params(value, params, rename)
        checker = TypeChecker(ref_elab.env.kernel, ref.level_params, max_steps=self.max_steps)
        try:
            same = checker.is_def_eq(user_type, ref.type) and checker.is_def_eq(user_value, ref.value)
        except KernelError:
            same = False
        if not same:
            raise ElabError(f"{refused}: this one differs)", node)

    def _record_elab_as_elim(self, name: str, node: ast.Node) -> None:
        """`@[elab_as_elim]` (Lean's `elabAsElim`): the constant's type must conclude with its motive, a
        binder, applied to distinct binders (the targets), as Lean's `getElimInfo` requires; applications of
        it then get their motive from the expected type. Elaboration only: the kernel checks every use."""
        info = self.env.find(name)
        assert info is not None
        t = info.type
        binders: list[FVar] = []
        while isinstance(t, Pi):
            fv = FVar(t.name, t.type, None, t.binder_info)
            binders.append(fv)
            t = instantiate1(t.body, fv)
        head, args = get_app_fn(t), get_app_args_of(t)
        uids = {b.uid for b in binders}
        if not (isinstance(head, FVar) and head.uid in uids and all(isinstance(a, FVar) and a.uid in uids for a in args)
                and len({a.uid for a in args}) == len(args)):
            raise ElabError("unexpected eliminator resulting type: its conclusion must be the motive applied to "
                            "distinct variables", node)
        self.state.env = dc_replace(self.env, elab_as_elim=self.env.elab_as_elim | {name})

    def _record_simp(self, name: str, node: ast.Node, priority: int = DEFAULT_PRIORITY) -> None:
        """`@[simp]`/`attribute [simp]`: the theorem joins the simp set plain `simp` uses from here on,
        as in Lean (`ElabEnv.simp_lemmas`, after the default set of `library/Simp.lean`)."""
        self.state.env = self.env.with_names(simp=name, simp_priority=priority)

    def _record_modifiers(self, name: str, mods: ast.Modifiers | None, kind: str) -> None:
        """`protected` names and `noncomputable` definitions, for name resolution and the compiler check."""
        if mods is None:
            return
        if mods.visibility == "protected":
            self.state.env = self.env.with_names(protected=name)
        if mods.noncomputable:
            self.state.env = self.env.with_names(noncomputable=name)

    def _check_computable(self, name: str, type_: Expr, value: Expr, params: tuple[str, ...], cmd: ast.Node) -> None:
        """Lean's compiler rejects a definition whose code needs a noncomputable constant (`Classical.choice`)
        outside proofs and types, unless it is marked `noncomputable`."""
        noncomputable = self.env.noncomputable | {"Classical.choice"}
        from .expr import constants_of

        if not (constants_of(value) & noncomputable):
            return
        try:
            checker = TypeChecker(self.env.kernel, params)
            if checker.is_prop(type_):
                return  # a proof: erased
            culprit = _relevant_constant(checker, value, noncomputable)
        except KernelError:
            return  # ill-typed: the kernel reports it
        if culprit is not None:
            raise ElabError(f"failed to compile definition, consider marking it as 'noncomputable' because it "
                            f"depends on '{culprit}', which is 'noncomputable'", _NameNode(*decl_name_span(cmd)))

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
                untyped = progress.get("untyped_auto_bound")
                if isinstance(untyped, str) and len(auto_bound) < 16:
                    # Lean: an auto-bound implicit whose type stays unknown gets an auto-bound type `{α : Sort u}`
                    self.artifacts.pop()
                    auto_bound = generalize_auto_bound_type(auto_bound, untyped, cmd)
                    continue
                if progress.get("type_hole") and len(auto_bound) < 16:
                    self.artifacts.pop()  # Lean: a type left open in the header is another auto-bound implicit
                    auto_bound = add_type_binder(auto_bound, cmd)
                    continue
                unknown = self._auto_bindable(err, auto_bound, self.state.scope)
                if progress.get("header_done") or unknown is None or len(auto_bound) >= 16:
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
                untyped = untyped_auto_bound(elab, fvars, binders)
                if untyped is not None:
                    progress["untyped_auto_bound"] = untyped
                    raise ElabError("auto-bound implicit with an unknown type", type_stx)
                if any(b.pos == b.end_pos == cmd.pos for b in binders) and not fill_type_holes(elab, fvars, binders, type_):
                    progress["type_hole"] = True
                    raise ElabError("failed to infer the statement: it contains holes (`_`) that could not be determined", type_stx)
                self._check_no_holes(elab, type_, type_stx)
                _header_universes_to_params(elab, [type_] + [f.type for f in fvars] + [f.type for f in var_fvars])
            elab.auto_bound_universes = False  # Lean binds unknown universe names in the header only
            progress["header_done"] = True
            saved_lctx = list(elab.lctx)
            try:
                if kind == "theorem":
                    # Lean ≥ 4.11: a theorem takes only the variables its header mentions, the `include`d ones
                    # and the instance-implicit ones whose types mention only those; the others are not in
                    # scope in the proof (so a proof can never change the statement)
                    header = [elab.instantiate(type_)] + [elab.instantiate(f.type) for f in fvars]
                    kept = _theorem_variables(var_fvars, header, scope.included)
                    hidden = {f.uid for f in var_fvars if f.uid not in kept}
                    var_fvars = [f for f in var_fvars if f.uid in kept]
                    elab.lctx = [f for f in elab.lctx if f.uid not in hidden]
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
                    value = self._elab_body_or_match_recursion(elab, value_stx, type_, rec_fvar, list(fvars))
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
                if kind == "theorem":
                    chosen = all_fvars  # the header's variables and the included ones, used in the proof or not
                else:  # definitions and examples take the variables their header or body mention
                    used_vars = _used_variables(var_fvars, [type_, value] + [elab.instantiate(f.type) for f in fvars])
                    chosen = [f for f in all_fvars if f in used_vars or f in fvars]
                type_full = elab.mk_pi(chosen, type_)
                value_full = elab.mk_lambda(chosen, value)
            finally:
                elab.lctx = saved_lctx  # the binder blocks pop what they pushed
        (type_full, value_full), params = self._finalize([type_full, value_full], elab, cmd)
        return type_full, value_full, params, elab.uses_sorry

    def _elab_body_or_match_recursion(self, elab: TermElaborator, value_stx: ast.Term, type_: Expr,
                                      rec_fvar: FVar | None, fvars: list[FVar]) -> Expr:
        """The body; when it is a `match` on header variables that calls the function, compiled again as
        equations over those variables with structural recursion (see match_recursion)."""
        snap = elab.mctx.snapshot()
        value = self._elab_body(elab, value_stx, type_, rec_fvar)
        if rec_fvar is None or not occurs_fvar(rec_fvar, elab.instantiate(value)):
            return value
        eqns = match_as_equations(value_stx, fvars)
        if eqns is None:
            return value
        elab.mctx.restore(snap)
        with elab.local_fvar(rec_fvar):
            return elab_match_recursion(elab, elab.recursive, fvars, eqns, type_)

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
            refuse_attributes(cmd, "an inductive type")
            ctors = [(self._full_name(f"{cmd.name}.{c.name}"), c.binders, c.type, c) for c in cmd.ctors]
            restate = self._library_type_restatement(name, cmd.is_class, cmd)
            self._add_inductive(cmd, name, cmd.universes, cmd.binders, cmd.type, ctors, restate)
            if cmd.is_class and restate is None:  # `class inductive`: instances of it are found by resolution
                self.state.env = dc_replace(self.env, instances={**self.env.instances, name: self.env.instances.get(name, ())})
        except ElabError as err:
            self._error(err.message, err.node or cmd)
            self._result(name, cmd, False, _one_line(err.message), kind="inductive")
            return
        except KernelError as err:
            self._error(err.message, cmd)
            self._result(name, cmd, False, err.message, kind="inductive")
            return
        self._record_modifiers(name, cmd.modifiers, "inductive")
        self._result(name, cmd, True, None, kind="inductive")

    def _add_inductive(self, cmd: ast.Command, name: str, universes: Sequence[str], binders: Sequence[ast.Binder],
                       type_stx: ast.Term | None, ctors: list, restate: InductiveInfo | None = None) -> list[str]:
        """Elaborate and add an inductive type; with `restate` (a library type the file restates under its
        Lean core name) only check it is the library's own (`restatement.check_same_inductive`)."""
        if restate is None:
            self._check_new_name(name, "inductive", cmd)
            for ctor_name, _, _, node in ctors:
                self._check_new_name(ctor_name, "ctor", node)
        scope = self._decl_scope(name)
        elab = TermElaborator(self.env, scope, level_names=universes, max_steps=self.max_steps)
        with elab.binders(binders) as params:
            if type_stx is not None:
                result = elab.elab_type(type_stx)
            else:
                result = Sort(_default_inductive_level(elab, params, self._structure_field_levels(elab, ctors)))
            elab.synthesize_pending()
            ind_type_local = elab.instantiate(result)
            ind_type = elab.mk_pi(params, ind_type_local)
            (ind_type,), level_params = self._finalize([ind_type], elab, cmd)
            # the type itself, as a constant, is in scope for the constructors
            ind_const = Const(name, [LevelParam(p) for p in level_params])
            if restate is None:  # a restatement's constructors refer to the library's type itself
                provisional = self.env.kernel.add(InductiveInfo(name, level_params, ind_type, len(params), 0, (), False, False))
                elab.env = dc_replace(self.env, kernel=provisional)
                elab.checker.env = provisional
            elab.level_names = list(level_params)
            self_app = mk_app(ind_const, params)
            ctor_types = []
            for ctor_name, ctor_binders, ctor_type_stx, node in ctors:
                auto_bound: tuple[ast.Binder, ...] = ()
                while True:  # unknown names in a constructor's type are auto-bound implicits, as in Lean
                    try:
                        with elab.binders(auto_bound + tuple(ctor_binders)) as fields:
                            ct = elab.elab_type(ctor_type_stx) if ctor_type_stx is not None else self_app
                            _fix_self_levels(elab, ct, ind_const)
                            _check_ctor_result(elab, ct, name, ctor_type_stx or node)
                            elab.synthesize_pending()
                            ct = elab.mk_pi(fields, ct)
                        break
                    except ElabError as err:
                        unknown = self._auto_bindable(err, auto_bound, self.state.scope)
                        if unknown is None:
                            raise
                        auto_bound += (ast.Binder(node.pos, node.pos, ast.IMPLICIT, (unknown,), None, None),)
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
        if restate is not None:
            # the kernel keeps a promoted index a parameter only when it is one (`TC`'s is not)
            check_same_inductive(self.env, restate, promoted if promoted.num_params == restate.num_params else decl,
                                 self.max_steps, cmd)
            self.state.env = dc_replace(self.env, restatable=self.env.restatable - {name})  # once per file
            return [c for c, _ in final]
        try:
            kernel = add_inductive(self.env.kernel, promoted)
        except KernelError:
            if promoted is decl:
                raise
            kernel = add_inductive(self.env.kernel, decl)
        self.state.env = self.env.with_kernel(kernel)
        self._add_cases_on(name)
        return [c for c, _ in final]

    def _structure_field_levels(self, elab: TermElaborator, ctors: list) -> list[Level]:
        """The universes of a `structure`'s field types (its one constructor, written as fields), which Lean's
        inferred universe covers; none when a field cannot be elaborated before the type exists."""
        if len(ctors) != 1 or ctors[0][2] is not None:
            return []
        levels: list[Level] = []
        snap = elab.mctx.snapshot()
        try:
            with elab.binders(ctors[0][1]) as fields:
                for f in fields:
                    sort = elab.whnf(elab.infer(elab.instantiate(f.type)))
                    if isinstance(sort, Sort) and not has_level_mvar(elab.mctx.instantiate_level(sort.level)):
                        levels.append(elab.mctx.instantiate_level(sort.level))
        except (ElabError, KernelError):
            levels = []
        elab.mctx.restore(snap)
        return levels

    def _library_type_restatement(self, name: str, is_class: bool, node: ast.Node) -> InductiveInfo | None:
        """The library type a `structure`/`class`/`inductive` restates under its Lean core name (a file copied
        from Lean's Init restates `Subsingleton`, `Equivalence`), None when it is no restatement. A class is
        restated only as a class and a structure only as a structure."""
        if self.library or name not in self.env.restatable:
            return None
        info = self.env.find(name)
        if not isinstance(info, InductiveInfo):
            return None
        if (name in self.env.instances) != is_class:
            raise ElabError(f"'{name}' has already been declared (the library declares it as a "
                            f"{'class' if name in self.env.instances else 'non-class type'}; a restatement is "
                            "accepted only as the same kind of declaration)", node)
        return info

    def _add_cases_on(self, name: str) -> None:
        """`I.casesOn` (the recursor without induction hypotheses) and `I.recOn`, as Lean generates them."""
        from .aux_defs import mk_cases_on, mk_rec_on

        type_, value, params = mk_cases_on(self.env.kernel, name)
        kernel = add_definition(self.env.kernel, f"{name}.casesOn", params, type_, value, reducible=True)
        type_, value, params = mk_rec_on(kernel, name)  # fid-core3: `I.recOn`, as Lean generates it
        kernel = add_definition(kernel, f"{name}.recOn", params, type_, value, reducible=True)
        self.state.env = self.env.with_kernel(kernel)
        if not self.library:  # the library's types get theirs once it is loaded (`prelude.prelude_env`)
            self.add_no_confusion(name)

    def add_no_confusion(self, name: str) -> None:
        """`I.noConfusionType`/`I.noConfusion` (Lean's `mkNoConfusion`), for a type Lean generates them for
        and that has none yet; built in `aux_defs`, checked by the kernel like any definition."""
        from .aux_defs import mk_no_confusion, no_confusion_applies

        if f"{name}.noConfusion" in self.env or f"{name}.noConfusionType" in self.env \
                or not no_confusion_applies(self.env.kernel, name):
            return
        kernel = self.env.kernel
        for aux_name, type_, value, params in mk_no_confusion(kernel, name):
            kernel = add_definition(kernel, aux_name, params, type_, value, reducible=True)
        self.state.env = self.env.with_kernel(kernel)

    def cmd_Structure(self, cmd: ast.Structure) -> None:
        name = self._full_name(cmd.name)
        try:
            refuse_attributes(cmd, "a structure")
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
            restate = self._library_type_restatement(name, cmd.keyword == "class", cmd)
            if restate is not None and self.env.structures.get(name) != StructureInfo(name, ctor_full, tuple(field_names)):
                raise ElabError(f"'{name}' has already been declared (the library declares it as Lean core does; a "
                                "restatement is accepted only with the same constructor and fields)", cmd)
            self._add_inductive(cmd, name, cmd.universes, cmd.binders, cmd.type,
                                [(ctor_full, tuple(field_binders), None, cmd)], restate)
            if restate is not None:
                pass  # the library's structure, projections and class stay
            else:
                self.state.env = self.env.with_structure(StructureInfo(name, ctor_full, tuple(field_names)))
                self._add_projections(name, field_names, is_class=cmd.keyword == "class")
            if cmd.keyword == "class" and restate is None:
                self.state.env = dc_replace(self.env, instances={**self.env.instances, name: self.env.instances.get(name, ())})
        except ElabError as err:
            self._error(err.message, err.node or cmd)
            self._result(name, cmd, False, _one_line(err.message), kind="structure")
            return
        except KernelError as err:
            self._error(err.message, cmd)
            self._result(name, cmd, False, err.message, kind="structure")
            return
        self._record_modifiers(name, cmd.modifiers, "structure")
        self._result(name, cmd, True, None, kind="structure")

    def _add_projections(self, name: str, field_names: list[str], is_class: bool) -> None:
        """`S.f : {params} → (self : S params) → type of f` (`[self : C params]` for a class), defined by `Proj`."""
        from .aux_defs import mk_projection

        for i, fname in enumerate(field_names):
            type_, value, params = mk_projection(self.env.kernel, name, i, fname, is_class)
            kernel = add_definition(self.env.kernel, f"{name}.{fname}", params, type_, value, reducible=True)
            self.state.env = self.env.with_kernel(kernel)

    def _register_instance(self, full: str, node: ast.Node, priority: int = DEFAULT_PRIORITY, local: bool = False) -> None:
        info = self.env.find(full)
        assert info is not None
        checker = TypeChecker(self.env.kernel, info.level_params)
        t = info.type
        for _ in range(2):  # `DecidableEq Nat` is the class `Decidable` behind a reducible definition
            while isinstance(t, Pi):
                t = instantiate1(t.body, FVar(t.name, t.type))
            head = get_app_fn(t)
            if not isinstance(head, Const) or head.name in self.env.instances:
                break
            t = checker.whnf(t)
        if not isinstance(head, Const) or head.name not in self.env.instances:
            raise ElabError(f"invalid instance '{full}': its type is not a class application", node)
        if local:  # `attribute [local instance] f`: until the end of the current section or namespace
            scope = self.state.scope
            self.state.scope = dc_replace(scope, local_instances=scope.local_instances + ((head.name, full, priority),))
        else:
            self.state.env = self.env.with_instance(head.name, full, priority)


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


def _fix_self_levels(elab: TermElaborator, ct: Expr, ind_const: Const) -> None:
    """Inside its own declaration an inductive type has its own universe parameters (Lean elaborates
    the constructors against the type as a local): `inductive PUnit : Sort u | unit : PUnit` is `PUnit.{u}`."""
    for sub in iter_subexprs(elab.instantiate(ct)):
        if isinstance(sub, Const) and sub.name == ind_const.name and sub != ind_const:
            elab.unify(sub, ind_const)


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


def _theorem_variables(var_fvars: Sequence[FVar], header: Sequence[Expr], included: Sequence[str]) -> set[int]:
    """The uids of the section variables a theorem takes (Lean ≥ 4.11): those its header mentions and
    the `include`d ones (with the variables their types mention), then every instance-implicit
    variable whose type mentions only variables already taken."""
    by_name = {f.name: f for f in var_fvars}  # the innermost variable of a name
    roots = list(header) + [by_name[n] for n in included if n in by_name]
    kept = {f.uid for f in _used_variables(var_fvars, roots)}
    uids = {f.uid for f in var_fvars}
    changed = True
    while changed:
        changed = False
        for f in var_fvars:
            if f.uid in kept or f.binder_info != BinderInfo.INST_IMPLICIT:
                continue
            mentioned = {x.uid for x in iter_subexprs(f.type) if isinstance(x, FVar) and x.uid in uids}
            if mentioned <= kept:
                kept.add(f.uid)
                changed = True
    return kept


def _relevant_constant(checker: TypeChecker, e: Expr, names: frozenset[str] | set[str]) -> str | None:
    """The first of `names` that `e` uses outside proofs and types: code Lean's compiler would have to
    produce (proofs and types are erased)."""
    from .expr import App, Lam, Let, Proj, constants_of, get_app_fn_args

    def go(x: Expr) -> str | None:
        if not (constants_of(x) & names):
            return None
        ty = checker.infer(x, infer_only=True)
        if checker.is_prop(ty) or isinstance(checker.whnf(ty), Sort):
            return None  # a proof or a type
        if isinstance(x, Const):
            return x.name if x.name in names else None
        if isinstance(x, App):
            fn, args = get_app_fn_args(x)
            for part in [fn] + list(args):
                found = go(part)
                if found is not None:
                    return found
            return None
        if isinstance(x, Lam):
            return go(instantiate1(x.body, FVar(x.name, x.type)))
        if isinstance(x, Let):
            return go(x.value) or go(instantiate1(x.body, FVar(x.name, x.type, x.value)))
        if isinstance(x, Proj):
            return go(x.expr)
        return None

    return go(e)



def _default_inductive_level(elab: TermElaborator, params: Sequence[FVar], field_levels: Sequence[Level] = ()) -> Level:
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
    for level in field_levels:  # fid-core3: a field living higher than every parameter (`Equiv : α → α → Sort v`)
        if level not in parts and level != LEVEL_ZERO:
            parts.append(level)
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


def _header_universes_to_params(elab: TermElaborator, header: list[Expr]) -> None:
    """Lean's `levelMVarToParam` on a theorem's header: a universe left open in its statement
    (`{α : Type _}`) becomes a new universe parameter `u_1`, … before the proof is elaborated,
    so goals show `α : Type u_1` as in Lean, never a universe hole."""
    from .expr import iter_subexprs
    from .level import LevelIMax, LevelMax, LevelSucc

    found: list[int] = []

    def walk(level: Level) -> None:
        level = elab.mctx.instantiate_level(level)
        if isinstance(level, LevelMVar):
            if level.uid not in found:
                found.append(level.uid)
        elif isinstance(level, LevelSucc):
            walk(level.pred)
        elif isinstance(level, (LevelMax, LevelIMax)):
            walk(level.lhs)
            walk(level.rhs)

    for t in header:
        t = elab.instantiate(t)
        if not t.has_mvar:
            continue
        for x in iter_subexprs(t):
            if isinstance(x, Sort):
                walk(x.level)
            elif isinstance(x, Const):
                for lv in x.levels:
                    walk(lv)
    taken = set(elab.level_names) | set(elab.scope.universes)
    k = 0
    for uid in found:
        k += 1
        while f"u_{k}" in taken:
            k += 1
        elab.level_names.append(f"u_{k}")
        elab.mctx.level_assignment[uid] = LevelParam(f"u_{k}")
