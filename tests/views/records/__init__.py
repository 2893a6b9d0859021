"""View tests of the ticket-records panels and the queue's bulk-action bar."""
