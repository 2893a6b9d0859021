"""Tests of the ticket views in app/views/tickets/ (newer ones; older ones sit in tests/views/)."""
