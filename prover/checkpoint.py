"""Checkpoint directories: ``model.pt`` (a plain state_dict) + ``config.json`` (config, vocab, KINDS).

Loading needs only this module and ``prover.model``: no training objects are pickled
(``torch.load(weights_only=True)``).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch

from prover.model import ModelConfig, ProverModel

MODEL_FILE = "model.pt"
CONFIG_FILE = "config.json"


def save_checkpoint(directory: Path, model: ProverModel, vocab: Any, kinds: tuple[str, ...],
                    extra: dict[str, Any] | None = None) -> None:
    """Write model.pt and config.json into ``directory`` (created if needed), atomically per file."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    meta = {"config": model.config.to_dict(), "vocab": vocab, "kinds": list(kinds), **(extra or {})}
    tmp = directory / (MODEL_FILE + ".tmp")
    torch.save(model.state_dict(), tmp)
    tmp.replace(directory / MODEL_FILE)
    tmp = directory / (CONFIG_FILE + ".tmp")
    tmp.write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(directory / CONFIG_FILE)


def load_checkpoint(directory: Path) -> tuple[ProverModel, dict[str, Any]]:
    """(model in eval mode, config.json contents); raises FileNotFoundError with the missing path."""
    directory = Path(directory)
    for name in (MODEL_FILE, CONFIG_FILE):
        if not (directory / name).is_file():
            raise FileNotFoundError(f"no {name} in {directory}")
    meta = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
    model = ProverModel(ModelConfig.from_dict(meta["config"]))
    model.load_state_dict(torch.load(directory / MODEL_FILE, map_location="cpu", weights_only=True))
    model.eval()
    return model, meta


def library_premises(directory: Path) -> tuple[str, ...]:
    """The library constants (no theorem of the prover's own files) the model was trained to rank, as
    saved in ``config.json``; the search offers those the checker's environment has as premises.
    Empty for a missing directory or a checkpoint saved without the list."""
    path = Path(directory) / CONFIG_FILE
    try:
        names = json.loads(path.read_text(encoding="utf-8")).get("library_premises", [])
    except (OSError, ValueError, AttributeError):
        return ()
    return tuple(n for n in names if isinstance(n, str))


def default_model_dir() -> Path:
    """The model bundled inside the package (used when --model is omitted)."""
    return Path(__file__).resolve().parent / "models" / "default"
