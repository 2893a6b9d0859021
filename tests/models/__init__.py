"""Tests of app/models."""
