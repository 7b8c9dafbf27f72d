// The checkers: linearizability, protocol invariants, convergence.
