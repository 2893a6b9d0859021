"""Alembic revision scripts (loaded by path; this marker makes them package data)."""
