"""Pure domain logic: no Qt, no SQLAlchemy, no OS calls."""
