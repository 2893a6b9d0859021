"""Migration tests: Alembic's API against both database backends."""
