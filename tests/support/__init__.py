"""Builders shared by the tests: workspaces, batches, pages and bad inputs (no tests here)."""
