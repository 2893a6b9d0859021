"""Tests of the use cases in app/services, without Qt."""
