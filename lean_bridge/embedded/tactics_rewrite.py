"""Rewriting tactics (`rw`, `rewrite`, `rwa`, `simp`)."""
from __future__ import annotations
