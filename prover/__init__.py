"""Graph-network tactic prover: ExprGraph, model, search, training and the `prover` command."""
