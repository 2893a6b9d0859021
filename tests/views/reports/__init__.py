"""Tests of the Reports page, its export and the report branding dialog."""
