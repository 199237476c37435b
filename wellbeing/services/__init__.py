"""Long-running behaviour (tracking, enforcement, scheduling), wired by app.py and the CLI."""
