"""The 30-day service: batches and stages, status and chart, clarification, certificates."""
