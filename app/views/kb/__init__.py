"""The knowledge base's screens: the KB page, article editor and browser, versions, the ticket
panel, suggestions while typing, and canned replies."""
