"""The administrator's SLA settings window: calendars, policies, contracts and client defaults."""
