"""Domain facts the tests check the code against, written out from shared/design/domain.md.

Kept apart from `app.models.enums` on purpose: a test that read them from the code could not
catch the code being wrong.
"""

from __future__ import annotations

from app.models.enums import Status, StatusCategory

#: The default status model of domain.md §2.8: each status and the category it belongs to.
CATEGORY = {
    Status.NEW: StatusCategory.NEW,
    Status.ASSIGNED: StatusCategory.OPEN,
    Status.IN_PROGRESS: StatusCategory.OPEN,
    Status.WAITING_CUSTOMER: StatusCategory.WAITING_CUSTOMER,
    Status.WAITING_THIRD_PARTY: StatusCategory.WAITING_THIRD_PARTY,
    Status.RESOLVED: StatusCategory.RESOLVED,
    Status.CLOSED: StatusCategory.CLOSED,
    Status.CANCELLED: StatusCategory.CLOSED,
}
