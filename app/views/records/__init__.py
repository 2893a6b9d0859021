"""Ticket records beyond the fields: links and merges, change and problem records."""
