"""Role checks made inside the writing unit of work, so a just-disabled account cannot slip in."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import Technician
from app.models.enums import Role
from app.services.errors import PermissionDeniedError


def require_editor(s: Session, actor_id: int, action: str) -> Technician:
    """The acting technician; refuses unknown, inactive and read-only accounts."""
    actor = s.get(Technician, actor_id)
    if actor is None or not actor.active or actor.role is Role.READ_ONLY:
        raise PermissionDeniedError(action)
    return actor


def require_admin(s: Session, actor_id: int, action: str) -> Technician:
    """The acting technician if an active administrator (desk configuration: rules, paths…)."""
    actor = require_editor(s, actor_id, action)
    if actor.role is not Role.ADMIN:
        raise PermissionDeniedError(action)
    return actor
