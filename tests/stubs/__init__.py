"""Stand-in client programs for launch tests (remote.md §10.2)."""
