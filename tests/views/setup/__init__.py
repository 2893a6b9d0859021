"""View tests of the first-run setup dialog."""
