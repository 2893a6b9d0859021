"""Qt widgets, item models and dialogs; they call services only through the TaskRunner."""
