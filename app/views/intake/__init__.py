"""Intake: the New-call dialog and its entitlement panel."""
