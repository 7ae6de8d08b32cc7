"""Synthetic people, documents and scans for tests, benchmarks and the demo (never real data)."""
