"""Tests of the pure SLA engine in app/sla."""
