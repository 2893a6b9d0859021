"""Alembic migrations, shipped inside the package and run by `app.db.upgrade_database`."""
