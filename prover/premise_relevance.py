"""Which premises can act on a goal, read from the shapes of their statements (no learning).

The network ranks premises by a learned embedding; on its own it ranks the premise a step needs
low (valid split: the gold ``rw``/``apply`` premise is in the top 32 only half the time). Lean's
tactics say more, for free:

* ``rw [p]`` abstracts the instances of ``p``'s left-hand side with keyed matching (``kabstract``):
  a subterm counts only if its head constant and its number of arguments equal the pattern's,
  and it has no loose bound variable. A premise whose left-hand side key occurs nowhere in the
  target cannot rewrite it (Lean fails with "did not find instance of the pattern"). ``rw [← p]``
  reads the right-hand side. A statement that is not an ``Eq``/``Iff`` rewrites itself to ``True``.
* ``apply p`` / ``exact p`` unify ``p``'s conclusion with the target: the conclusion's head
  constant usually equals the target's (``≥``/``>`` read as ``≤``/``<``, which Lean unfolds).

``PremiseShapes`` keeps these keys per premise; ``rewrite_scores`` and ``head_match`` compare them
with one goal. A pattern headed by a premise argument is refused, as Lean's ``rw`` refuses it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

import numpy as np

Key = tuple[str, int]  # (head constant, number of arguments) as kabstract compares them
# The key of a side headed by one of the premise's own arguments: Lean's `rw` refuses it ("pattern
# is a metavariable"), and no target subterm has this key, so such a rewrite is never proposed.
PATTERN_IS_VARIABLE: Key = ("<bound variable>", -1)

REWRITE_KINDS = {"rw_premise": False, "rw_rev_premise": True}  # kind -> rewrites right to left
HEAD_KINDS = ("apply_premise", "exact_premise")  # kinds whose premise's conclusion must meet the target
SHAPE_KINDS = (*REWRITE_KINDS, *HEAD_KINDS)  # the premise kinds ``premise_bias`` has something to say about
REWRITE_BONUS = 4.0  # log-odds added to a rw premise whose pattern matches a target subterm (tuned on valid)
HEAD_BONUS = 2.0  # log-odds per level of conclusion/target agreement for apply/exact (tuned on valid)

# Heads Lean unfolds to another one when unifying a conclusion with a target.
_HEAD_ALIASES = {"GE.ge": "LE.le", "GT.gt": "LT.lt", "Ne": "Not", "Nat.le": "LE.le", "Nat.lt": "LT.lt"}


@dataclass(frozen=True)
class PremiseShape:
    """Rewrite keys of a premise's two sides (None = any: not an application of a constant or
    a variable) and its conclusion's head."""

    lhs: Optional[Key]
    rhs: Optional[Key]
    head: Optional[str]
    body: Any = None  # the conclusion itself, whose loose bound variables (the premise's arguments) match anything


def conclusion(term: Any) -> Any:
    """The body of a statement's ∀/→ telescope (its loose bound variables are the premise's arguments)."""
    while term.kind == "forall":
        term = term.body
    return term


def term_key(term: Any) -> Optional[Key]:
    """``(head constant, argument count)`` of an application spine; None when the head is not a constant."""
    head, args = term.app_fn_args()
    if head.kind == "const":
        return (head.name, len(args))
    if head.kind == "fvar":
        return ("fvar:" + str(head.name), len(args))
    if head.kind == "bvar":
        return PATTERN_IS_VARIABLE
    return None


def normal_head(term: Any) -> Optional[str]:
    """The head constant of a proposition, with the aliases Lean unfolds (``≥`` as ``≤``) merged."""
    head, _ = term.app_fn_args()
    if head.kind != "const":
        return None
    return _HEAD_ALIASES.get(head.name, head.name)


def shape_of(statement: Any) -> PremiseShape:
    """The rewrite keys and conclusion head of a premise statement ``Term``."""
    body = conclusion(statement)
    lhs, rhs = _side(body, False), _side(body, True)
    return PremiseShape(term_key(lhs), term_key(rhs) if rhs is not None else ("True", 0), normal_head(body), body)


def _side(body: Any, reverse: bool) -> Any:
    """The side of a conclusion that ``rw`` looks for (the whole proposition for a non-equation,
    whose right-hand side is ``True``: None)."""
    head, args = body.app_fn_args()
    name = head.name if head.kind == "const" else None
    if name == "Eq" and len(args) == 3:
        return args[2] if reverse else args[1]
    if name == "Iff" and len(args) == 2:
        return args[1] if reverse else args[0]
    return None if reverse else body


class _View:
    """Arrays over one premise list (the search asks with the same list for a whole theorem)."""

    def __init__(self, shapes: Sequence[Optional[PremiseShape]], ids: "PremiseShapes") -> None:
        self.shapes = shapes
        self.lhs = np.array([ids.key_id(s.lhs) if s else 0 for s in shapes], dtype=np.int64)
        self.rhs = np.array([ids.key_id(s.rhs) if s else 0 for s in shapes], dtype=np.int64)
        self.head = np.array([ids.key_id((s.head, -1)) if s and s.head else 0 for s in shapes], dtype=np.int64)
        self.sig = [ids.arg_signature(s.body, register=True) if s else () for s in shapes]
        self.lhs_sig = [ids.side_signature(s.body, False) if s else None for s in shapes]
        self.rhs_sig = [ids.side_signature(s.body, True) if s else None for s in shapes]


class PremiseShapes:
    """Shapes of registered premises, by name (premises without a statement are unknown: never ruled out)."""

    def __init__(self) -> None:
        self._shape: dict[str, PremiseShape] = {}
        self._key_ids: dict[Key, int] = {}  # 0 = wildcard
        self._views: dict[tuple[str, ...], _View] = {}
        self._last: tuple[Any, dict[int, set[tuple[int, ...]]]] = (None, {})  # (target, its subterms by key)

    def add(self, name: str, statement: Any) -> None:
        """Remember the shape of ``name``'s statement (unreadable statements are skipped)."""
        if statement is not None and name not in self._shape:
            self._shape[name] = shape_of(statement)
            self._views.clear()

    def key_id(self, key: Optional[Key], register: bool = True) -> int:
        """Small integer for a key (0 for the wildcard None; -1 for an unregistered one when not registering)."""
        if key is None:
            return 0
        got = self._key_ids.get(key)
        if got is None:
            if not register:
                return -1
            got = self._key_ids[key] = len(self._key_ids) + 1
        return got

    def arg_signature(self, body: Any, register: bool = False) -> tuple[int, ...]:
        """Key ids of a proposition's arguments (0 = wildcard; -1 = a key no premise has)."""
        _, args = body.app_fn_args()
        keys = (term_key(a) for a in args)
        return tuple(0 if k == PATTERN_IS_VARIABLE else self.key_id(k, register) for k in keys)

    def side_signature(self, body: Any, reverse: bool) -> Optional[tuple[int, ...]]:
        """``arg_signature`` of the side ``rw`` looks for (None when that side is not a pattern)."""
        side = _side(body, reverse)
        return None if side is None else self.arg_signature(side, register=True)

    def _view(self, names: Sequence[str]) -> _View:
        key = tuple(names)
        view = self._views.get(key)
        if view is None:
            if len(self._views) > 8:
                self._views.clear()
            view = self._views[key] = _View([self._shape.get(n) for n in names], self)
        return view

    def _subterms_by_key(self, target: Any) -> dict[int, set[tuple[int, ...]]]:
        """Argument signatures of the target subterms ``kabstract`` may abstract, by registered key
        id (cached for the last target)."""
        if self._last[0] is not target:
            by_key: dict[int, set[tuple[int, ...]]] = {}
            for sub in target.subterms():
                if sub.loose_bvar_range == 0:
                    kid = self.key_id(term_key(sub), register=False)
                    if kid > 0:
                        by_key.setdefault(kid, set()).add(self.arg_signature(sub))
            self._last = (target, by_key)
        return self._last[1]

    def rewrite_scores(self, names: Sequence[str], target: Any, reverse: bool) -> tuple[np.ndarray, np.ndarray]:
        """For ``rw [p]`` (``rw [← p]`` when ``reverse``) on ``target``: the indices of the premises
        whose pattern key occurs in the target (Lean's keyed matching fails on the others) or is a
        wildcard, and for each a score: 1 if some such target subterm's arguments also have the
        pattern's argument keys, else 0."""
        view = self._view(names)
        ids = view.rhs if reverse else view.lhs
        if target is None:
            return np.arange(len(names)), np.zeros(len(names))
        by_key = self._subterms_by_key(target)
        present = np.fromiter(by_key.keys(), dtype=np.int64, count=len(by_key))
        keep = np.nonzero((ids == 0) | np.isin(ids, present))[0]
        scores = np.zeros(len(keep))
        sigs = view.rhs_sig if reverse else view.lhs_sig
        for j, i in enumerate(keep.tolist()):
            kid = int(ids[i])
            if kid and (sigs[i] is None or any(_sig_match(sigs[i], t) for t in by_key[kid])):
                scores[j] = 1.0
        return keep, scores

    def head_match(self, names: Sequence[str], target: Any) -> np.ndarray:
        """Per premise: 0 if its conclusion's head differs from the target's (after Lean's
        unfoldings), 1 if only the heads agree, 2 if the arguments' keys agree too."""
        view = self._view(names)
        out = np.zeros(len(names))
        head = None if target is None else normal_head(target)
        if head is None:
            return out
        gid = self.key_id((head, -1), register=False)
        if gid <= 0:
            return out
        sig = self.arg_signature(target)
        for i in np.nonzero(view.head == gid)[0].tolist():
            out[i] = 2.0 if _sig_match(view.sig[i], sig) else 1.0
        return out


def premise_bias(shapes: PremiseShapes, kind: str, names: Sequence[str], target: Any,
                 rewrite_bonus: float = REWRITE_BONUS, head_bonus: float = HEAD_BONUS) -> Optional[np.ndarray]:
    """Log-odds to add to a network's premise scores for ``kind`` on ``target`` (None: shapes say nothing).

    ``rw`` kinds: -inf where the pattern cannot occur in the target, ``rewrite_bonus`` where its
    arguments' keys match too; ``apply``/``exact``: ``head_bonus`` per level of ``head_match``. The
    policy adds it at search time and training adds it to the loss, so the network learns to rank
    the premises the shapes leave (hard negatives) rather than those Lean would refuse anyway.
    """
    if target is None:
        return None
    if kind in REWRITE_KINDS:
        keep, scores = shapes.rewrite_scores(names, target, REWRITE_KINDS[kind])
        bias = np.full(len(names), -np.inf)
        bias[keep] = scores * rewrite_bonus
        return bias
    if kind in HEAD_KINDS and head_bonus:
        return shapes.head_match(names, target) * head_bonus
    return None


def _sig_match(pattern: tuple[int, ...], term: tuple[int, ...]) -> bool:
    """Same arity and every pattern argument key a wildcard (0) or equal to the term's."""
    return len(pattern) == len(term) and all(a == 0 or a == b for a, b in zip(pattern, term))
