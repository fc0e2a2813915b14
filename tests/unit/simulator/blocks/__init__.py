"""Unit tests of the simulator's functional blocks, one module per block (a package, so that
their names do not clash with the CSMS's block tests)."""
