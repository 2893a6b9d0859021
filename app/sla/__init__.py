"""Pure SLA engine: business calendars, business time and due instants (shared/design/sla.md).

Pure Python plus `zoneinfo`: nothing here imports the models, the services, the database or Qt.
`seed_holidays` needs the `holidays` package, imported only when that module is.
"""

from app.sla.calendar import WALK_CAP_DATES, BusinessCalendar
from app.sla.spec import ERROR_CODES, CalendarError

__all__ = ["ERROR_CODES", "WALK_CAP_DATES", "BusinessCalendar", "CalendarError"]
