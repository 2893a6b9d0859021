"""The ticket queue, the ticket view and the new-ticket dialog."""
