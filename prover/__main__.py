"""`python -m prover …` runs the `prover` command."""
from prover.cli import main

raise SystemExit(main())
