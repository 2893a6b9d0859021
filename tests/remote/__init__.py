"""Tests of app/remote (targets, probes), without Qt or a database."""
