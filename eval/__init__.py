"""Evaluation: benchmark runs, baselines, the LLM-prover cost model and reports."""
