"""Tests of the SLA settings window and its text parsers."""
