"""The Reports page: a client's (or every client's) figures and charts for a period, exports to
PDF and CSV with progress, and the report branding dialog."""
