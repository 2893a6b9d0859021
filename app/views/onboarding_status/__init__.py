"""Onboarding readiness on the client page; caller verification and approvals on tickets."""
