"""The formgen test suite."""
