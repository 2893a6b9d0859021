"""Use cases over the database: each public method is one unit of work returning DTOs."""
