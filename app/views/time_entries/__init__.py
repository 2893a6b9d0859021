"""Time entries on a ticket and a client's time and prepaid balances (T17, S12)."""
