"""Case analysis and induction tactics (`cases`, `rcases`, `obtain`, `rintro`, `induction`, `subst`)."""
from __future__ import annotations
