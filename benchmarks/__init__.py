"""Benchmarks that print figures against the issues' targets: ``python -m benchmarks.NAME``."""
