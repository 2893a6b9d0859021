"""Benchmarks (`make bench`): they print figures, they do not assert them."""
