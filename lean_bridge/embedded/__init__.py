"""The embedded checker: a small, sound kernel for a Lean 4 fragment, reached through its servers."""
