"""Training examples from ``atomized.jsonl`` + ``premises.jsonl``: one StateGraph and its targets per step.

Premise rule (LeanDojo's convention, INTERFACES.md section 3): a theorem may use every premise whose
environment ``index`` is below its own; library constants have index -1. The value target is a
proxy (see ``value_target``): all recorded states lie on a successful proof path, so they are all
provable; what varies is how far the proof still has to go.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import torch
from tqdm import tqdm

from lean_bridge.term import Term, parse_term
from prover.actions import ARG_OF, KINDS
from prover.premise_relevance import PremiseShapes, premise_bias

VALUE_DECAY = 0.85  # value target = VALUE_DECAY ** (atomic steps left after this one)
VOCAB_MIN_COUNT = 2  # a constant needs this many occurrences in train states/premises for its own id
_CONST = re.compile(r"\(:c ([^\s()]+)\)")


class DataError(ValueError):
    """A data file is missing or malformed (reported to the user as one line)."""


@dataclass
class Example:
    """One atomic step: the state graph before it and what the human proof did."""

    graph: Any  # prover.graph.StateGraph
    kind: int  # index into KINDS
    hyp: int  # local hypothesis index, -1 when the kind takes none (or it could not be matched)
    subterm: int  # local subterm-candidate index, -1 likewise
    premise: int  # row in PremiseTable, -1 likewise
    theorem: str
    split: str
    limit: int  # premises with env index < limit are allowed (and never the theorem itself)
    value: float  # value-head target in [0, 1]
    value_known: bool  # the theorem's whole proof was atomized, so steps_left is meaningful
    arg_missing: bool = False  # the action had an argument we could not point at
    target: Optional[Term] = None  # the focused goal's target (premise shapes are read against it)
    premise_bias: Optional[torch.Tensor] = None  # (P,) shape log-odds for the gold kind (see attach_premise_bias)


@dataclass
class PremiseTable:
    """All premises in environment order: names, env indices, statements and their term graphs."""

    names: list[str]
    index: torch.Tensor  # (P,) env index (-1 = library constant)
    terms: list[Term]
    graphs: list[Any] = field(default_factory=list)
    row: dict[str, int] = field(default_factory=dict)

    def allowed(self, limits: torch.Tensor, rows: Optional[torch.Tensor] = None) -> torch.Tensor:
        """Bool (B, P') mask: premise env index below each example's limit (rows: a subset)."""
        idx = self.index if rows is None else self.index[rows]
        return idx.unsqueeze(0) < limits.unsqueeze(1)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSON Lines file; DataError naming the file and line when it is unreadable."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"cannot read {path}: no such file")
    out = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise DataError(f"{path}:{n}: not JSON ({err.msg})") from err
    return out


def load_premises(path: Path) -> PremiseTable:
    """premises.jsonl -> PremiseTable (records whose statement cannot be parsed are skipped)."""
    names, index, terms = [], [], []
    for rec in read_jsonl(path):
        try:
            term = parse_term(rec["type_sexp"])
        except (KeyError, ValueError):
            continue
        names.append(rec["name"])
        index.append(int(rec.get("index", -1)))
        terms.append(term)
    table = PremiseTable(names, torch.tensor(index, dtype=torch.long), terms)
    table.row = {name: i for i, name in enumerate(names)}
    return table


def constant_names(records: Iterable[dict[str, Any]], premises: PremiseTable) -> list[str]:
    """Every constant occurrence in the records' goals and in the premise statements (for Vocab)."""
    names: list[str] = []
    for rec in records:
        for goal in rec["goals"]:
            texts = [h.get("sexp") or "" for h in goal["hyps"]] + [goal["target"].get("sexp") or ""]
            for text in texts:
                names.extend(_CONST.findall(text))
    for term in premises.terms:
        names.extend(sorted(term.constants()))
    return names


def build_vocab(records: Sequence[dict[str, Any]], premises: PremiseTable, min_count: int = VOCAB_MIN_COUNT) -> Any:
    """Vocab over constants of the train-split states, all premise statements and train gold premises.

    Gold premise names count so a premise used at least ``min_count`` times in train proofs gets its
    own name vector (added to its statement embedding, see ``ProverModel.encode_premises``).
    """
    from prover.graph import Vocab

    train = [r for r in records if r.get("split") == "train"]
    gold = [r["action"]["premise"] for r in train if r.get("action", {}).get("premise")]
    return Vocab.build(constant_names(train, premises) + gold, min_count)


def value_target(steps_left: int) -> float:
    """VALUE_DECAY ** steps_left: 1 right before the closing step, smaller further from the end."""
    return VALUE_DECAY ** max(0, steps_left)


def _steps_left(records: Sequence[dict[str, Any]]) -> list[int]:
    """Atomic steps after each record within its theorem (records of one theorem share a name)."""
    last: dict[str, int] = {}
    for rec in records:
        last[rec["theorem"]] = max(last.get(rec["theorem"], -1), int(rec["step"]))
    return [last[rec["theorem"]] - int(rec["step"]) for rec in records]


def make_example(rec: dict[str, Any], vocab: Any, premises: PremiseTable, theorem_index: dict[str, int],
                 steps_left: int) -> Optional[Example]:
    """The Example of one atomized record (None when its kind is unknown to this model)."""
    from prover.data import goal_from_json
    from prover.graph import build_state_graph

    action = rec["action"]
    if action["kind"] not in KINDS:
        return None
    goals = [goal_from_json(g) for g in rec["goals"]]
    graph = build_state_graph(goals, int(rec["focus"]), vocab)
    arg = ARG_OF[action["kind"]]
    hyp = sub = prem = -1
    if arg == "hyp" and action.get("hyp") is not None and 0 <= int(action["hyp"]) < graph.hyp_node.numel():
        hyp = int(action["hyp"])
    elif arg == "subterm" and action.get("subterm"):
        sub = _find_subterm(graph.subterms, action["subterm"])
    elif arg == "premise" and action.get("premise") in premises.row:
        prem = premises.row[action["premise"]]
    missing = arg != "none" and max(hyp, sub, prem) < 0
    limit = theorem_index.get(rec["theorem"], math.inf)
    limit = int(limit) if limit != math.inf else int(premises.index.max().item()) + 1 if len(premises.names) else 0
    target = goals[int(rec["focus"])].target.typed if goals else None
    return Example(graph, KINDS.index(action["kind"]), hyp, sub, prem, rec["theorem"], rec.get("split", "train"),
                   limit, value_target(steps_left), bool(rec.get("complete", True)), missing, target)


def _find_subterm(candidates: Sequence[Term], sexp_text: str) -> int:
    """Index of the candidate equal to the parsed subterm (interned: equality is identity), else -1."""
    try:
        term = parse_term(sexp_text)
    except ValueError:
        return -1
    for i, cand in enumerate(candidates):
        if cand is term or cand == term:
            return i
    return -1


def load_examples(records: Sequence[dict[str, Any]], vocab: Any, premises: PremiseTable,
                  progress: bool = True) -> list[Example]:
    """Examples for all records whose kind the model knows, with a tqdm bar on stderr."""
    theorem_index = {name: int(premises.index[row]) for name, row in premises.row.items()
                     if int(premises.index[row]) >= 0}
    try:
        left = _steps_left(records)
    except (KeyError, TypeError, ValueError) as err:
        raise DataError(f"atomized records need theorem and step: {type(err).__name__}: {err}") from err
    out = []
    for n, (rec, n_left) in enumerate(zip(tqdm(records, desc="graphs", unit="state", disable=not progress,
                                                leave=False), left), 1):
        try:
            ex = make_example(rec, vocab, premises, theorem_index, n_left)
        except (KeyError, TypeError, ValueError, IndexError) as err:
            raise DataError(f"atomized record {n} ({rec.get('theorem', '?')}): {type(err).__name__}: {err}") from err
        if ex is not None:
            out.append(ex)
    return out


def build_premise_graphs(premises: PremiseTable, vocab: Any, progress: bool = True) -> None:
    """Fill premises.graphs with the (name-tagged) term graph of each statement, once."""
    from prover.policy import premise_graph

    if len(premises.graphs) != len(premises.terms):
        premises.graphs = [premise_graph(n, t, vocab) for n, t in
                           tqdm(list(zip(premises.names, premises.terms)), desc="premise graphs",
                                disable=not progress, leave=False)]


def premise_shapes(premises: PremiseTable) -> PremiseShapes:
    """The statement shapes of every premise in the table (``premise_relevance``)."""
    shapes = PremiseShapes()
    for name, term in zip(premises.names, premises.terms):
        shapes.add(name, term)
    return shapes


def shape_bias(shapes: PremiseShapes, premises: PremiseTable, kind: int, target: Optional[Term],
               gold: int = -1) -> Optional[torch.Tensor]:
    """(P,) float log-odds the policy adds to premise scores of ``kind`` on ``target`` (None: none
    apply); the gold row, if the shapes would rule it out, is kept scorable at 0."""
    bias = premise_bias(shapes, KINDS[kind], premises.names, target)
    if bias is None:
        return None
    out = torch.from_numpy(bias).float()
    if gold >= 0 and not torch.isfinite(out[gold]):
        out[gold] = 0.0
    return out


def attach_premise_bias(examples: Sequence[Example], premises: PremiseTable,
                        shapes: Optional[PremiseShapes] = None) -> None:
    """Give each premise example the shape log-odds of its gold kind, so training ranks the gold
    premise among the premises the policy will actually weigh against it (``shapes``: the
    table's, when the caller already has them)."""
    shapes = shapes or premise_shapes(premises)
    for ex in examples:
        if ex.premise >= 0:
            ex.premise_bias = shape_bias(shapes, premises, ex.kind, ex.target, ex.premise)


def kind_counts(examples: Sequence[Example]) -> Counter:
    """How often each kind id occurs."""
    return Counter(ex.kind for ex in examples)
