"""Routing rules and checklists: the admin's rules and templates dialogs, the ticket's tasks."""
