"""Recurring-ticket schedules: the list dialog and the schedule editor (T19)."""
