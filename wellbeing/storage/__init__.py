"""Persistence: SQLAlchemy 2 models, migrations, writes and read-only queries."""
