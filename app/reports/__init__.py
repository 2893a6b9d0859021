"""PDF report renderers: report input dataclasses in, PDF out; no database, no Qt."""
