"""Infrastructure: workspace, settings, database, atomic writes, errors, messages, resources."""
