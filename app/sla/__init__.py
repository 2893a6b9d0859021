"""Pure SLA engine: business calendars, business time and due instants (shared/design/sla.md)."""
