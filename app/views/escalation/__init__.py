"""Escalation views: the escalate dialog, the ticket's escalation panel, vendor cases, paths."""
