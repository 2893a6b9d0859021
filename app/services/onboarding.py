"""The client data-capture form: read it, keep drafts as typed, save valid sections.

A save validates the whole section, stores it as one document with a row version (a second
technician saving in between gets `ConcurrentEditError`), and writes the parts other screens
query to their own tables in the same transaction (`onboarding_sync`). When validation fails the
typed text is kept as the section's draft, so nothing is lost. Any thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import (
    Client,
    Contact,
    OnboardingDraft,
    OnboardingSection,
    SlaPolicy,
    Technician,
    Vault,
    VaultItem,
)
from app.services import onboarding_sync
from app.services.clock import Clock
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.onboarding_spec import BY_KEY, Section
from app.services.onboarding_validation import References, validate
from app.services.permissions import require_editor

#: A draft bigger than this is refused: 5,000 pasted rows of junk fit, a runaway paste does not.
DRAFT_MAX_BYTES: Final = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a reference field's list: the stored value and what the user sees."""

    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FormChoices:
    contacts: tuple[Choice, ...]
    credentials: tuple[Choice, ...]
    policies: tuple[Choice, ...]
    technicians: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class SectionState:
    key: str
    #: The saved document; None while the section was never saved.
    data: dict[str, Any] | None
    version: int | None
    saved_at: dt.datetime | None
    saved_by: str | None
    #: Unsaved typing, exactly as typed; None when there is none.
    draft: dict[str, Any] | None
    draft_at: dt.datetime | None
    draft_by: str | None
    #: The version the draft started from; differs from `version` when someone saved since.
    draft_base_version: int | None


@dataclass(frozen=True, slots=True)
class ClientForm:
    client_id: int
    client_name: str
    sections: dict[str, SectionState]
    choices: FormChoices


@dataclass(frozen=True, slots=True)
class SectionSaved:
    state: SectionState
    changes: Changes


class OnboardingService:
    """Use cases on a client's data-capture form. Any thread."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def form(self, client_id: int, technician_id: int | None = None) -> ClientForm:
        """The client's form with `technician_id`'s drafts (None: the newest draft of anyone).

        The company section's sites and contracts are read from their own tables, so the form
        shows what the SLA screens changed since, and a client's existing sites and contracts
        the first time its form is opened.
        """
        with self._db.read() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            saved = {x.section: x for x in s.scalars(_sections(client_id))}
            stmt = select(OnboardingDraft).where(OnboardingDraft.client_id == client_id)
            if technician_id is not None:
                stmt = stmt.where(OnboardingDraft.technician_id == technician_id)
            drafts: dict[str, OnboardingDraft] = {}
            for x in s.scalars(stmt.order_by(OnboardingDraft.updated_at, OnboardingDraft.id)):
                drafts[x.section] = x
            names = dict(s.execute(select(Technician.id, Technician.name)).all())
            states = {key: _state(key, saved.get(key), drafts.get(key), names) for key in BY_KEY}
            company = states["company"]
            merged = onboarding_sync.company_records(s, client_id, company.data)
            states["company"] = replace(company, data=merged)
            return ClientForm(client_id, client.name, states, _choices(s, client_id))

    def saved_data(self, client_id: int, section: str) -> dict[str, Any] | None:
        """The saved document of one section (None if never saved)."""
        _spec(section)
        with self._db.read() as s:
            return section_data(s, client_id, section)

    def save_draft(
        self,
        client_id: int,
        section: str,
        raw: Mapping[str, Any],
        base_version: int | None,
        actor_id: int,
    ) -> dt.datetime:
        """Keep what was typed, valid or not; returns when it was kept."""
        _spec(section)
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            _client(s, client_id)
            _put_draft(s, client_id, section, dict(raw), base_version, actor_id, now)
        return now

    def discard_draft(self, client_id: int, section: str, actor_id: int) -> None:
        """Drop the actor's own draft of a section (nobody else's)."""
        _spec(section)
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            s.execute(_delete_draft(client_id, section, actor_id))

    def save_section(
        self,
        client_id: int,
        section: str,
        raw: Mapping[str, Any],
        expected_version: int | None,
        actor_id: int,
    ) -> SectionSaved:
        """Validate and save a section; `expected_version` None means "first save".

        Raises `ValidationError` (problems keyed like the form, see `onboarding_validation`)
        after keeping `raw` as the draft, or `ConcurrentEditError` when someone saved since.
        """
        spec = _spec(section)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "edit_onboarding")
                _client(s, client_id)
                checked = validate(spec, raw, references(s, client_id))
                if checked.problems:
                    raise ValidationError(checked.problems)
                row = s.scalar(_sections(client_id).where(OnboardingSection.section == section))
                current = row.version if row else None
                if current != expected_version:
                    raise _conflict(s, client_id, row)
                data = checked.data
                previous = row.data if row is not None else None
                problems = onboarding_sync.apply(
                    s, client_id, spec, checked, previous, actor_id=actor_id, now=now
                )
                if problems:
                    raise ValidationError(problems)
                if row is None:
                    row = OnboardingSection(
                        client_id=client_id,
                        section=section,
                        data=data,
                        saved_at=now,
                        saved_by_id=actor_id,
                    )
                    try:
                        # Two first saves at once: the second is a conflict, not a crash.
                        with s.begin_nested():
                            s.add(row)
                            s.flush()
                    except IntegrityError:
                        raise _conflict(s, client_id, None) from None
                row.data = data
                row.saved_at = now
                row.saved_by_id = actor_id
                s.execute(_delete_draft(client_id, section, actor_id))
                s.flush()
                changes = Changes("client", frozenset({client_id}))
                self._db.announce(s, changes)
                name = s.scalar(select(Technician.name).where(Technician.id == actor_id))
                state = SectionState(section, data, row.version, now, name, None, None, None, None)
                return SectionSaved(state, changes)
        except ValidationError:
            # A draft too large to keep must not hide what was wrong with the typing.
            self._keep_draft(client_id, section, raw, expected_version, actor_id)
            raise
        except StaleDataError:
            self._keep_draft(client_id, section, raw, expected_version, actor_id)
            with self._db.read() as s:
                found = s.scalar(_sections(client_id).where(OnboardingSection.section == section))
                raise _conflict(s, client_id, found) from None
        except ConcurrentEditError:
            self._keep_draft(client_id, section, raw, expected_version, actor_id)
            raise

    def _keep_draft(
        self,
        client_id: int,
        section: str,
        raw: Mapping[str, Any],
        base_version: int | None,
        actor_id: int,
    ) -> None:
        """A refused save leaves the typing as the actor's draft (best effort: the refusal is
        what the caller must hear about)."""
        with contextlib.suppress(ValidationError):
            self.save_draft(client_id, section, raw, base_version, actor_id)


def section_data(s: Session, client_id: int, section: str) -> dict[str, Any] | None:
    """A saved section's document inside the caller's transaction."""
    row = s.scalar(_sections(client_id).where(OnboardingSection.section == section))
    return row.data if row else None


def references(s: Session, client_id: int) -> References:
    """What this client's reference fields may point at."""
    return References(
        contacts=frozenset(s.scalars(select(Contact.id).where(Contact.client_id == client_id))),
        credentials=frozenset(s.scalars(_credential_ids(client_id))),
        policies=frozenset(s.scalars(select(SlaPolicy.id))),
        technicians=frozenset(s.scalars(select(Technician.id))),
    )


def _credential_ids(client_id: int) -> Any:
    return (
        select(VaultItem.id)
        .join(Vault, Vault.id == VaultItem.vault_id)
        .where(Vault.client_id == client_id)
    )


def _choices(s: Session, client_id: int) -> FormChoices:
    contacts = s.execute(
        select(Contact.id, Contact.name, Contact.job_title)
        .where(Contact.client_id == client_id)
        .order_by(Contact.name)
    ).all()
    credentials = s.execute(
        select(VaultItem.id, VaultItem.label, VaultItem.host)
        .join(Vault, Vault.id == VaultItem.vault_id)
        .where(Vault.client_id == client_id)
        .order_by(VaultItem.label)
    ).all()
    policies = s.execute(
        select(SlaPolicy.id, SlaPolicy.name)
        .where(SlaPolicy.active.is_(True))
        .order_by(SlaPolicy.name)
    ).all()
    techs = s.execute(
        select(Technician.id, Technician.name)
        .where(Technician.active.is_(True))
        .order_by(Technician.name)
    ).all()
    return FormChoices(
        tuple(Choice(str(i), f"{n} ({t})" if t else n) for i, n, t in contacts),
        tuple(Choice(i, f"{label} ({h})" if h else label) for i, label, h in credentials),
        tuple(Choice(str(i), n) for i, n in policies),
        tuple(Choice(str(i), n) for i, n in techs),
    )


def _spec(section: str) -> Section:
    spec = BY_KEY.get(section)
    if spec is None or spec.in_vault:
        raise ValidationError({"section": "unknown"})
    return spec


def _client(s: Session, client_id: int) -> Client:
    client = s.get(Client, client_id)
    if client is None:
        raise NotFoundError("client", client_id)
    return client


def _sections(client_id: int) -> Any:
    return select(OnboardingSection).where(OnboardingSection.client_id == client_id)


def _delete_draft(client_id: int, section: str, technician_id: int) -> Any:
    return delete(OnboardingDraft).where(
        OnboardingDraft.client_id == client_id,
        OnboardingDraft.section == section,
        OnboardingDraft.technician_id == technician_id,
    )


def _put_draft(
    s: Session,
    client_id: int,
    section: str,
    raw: dict[str, Any],
    base_version: int | None,
    actor_id: int,
    now: dt.datetime,
) -> None:
    if len(json.dumps(raw)) > DRAFT_MAX_BYTES:
        raise ValidationError({"draft": "too_large"})
    mine = select(OnboardingDraft).where(
        OnboardingDraft.client_id == client_id,
        OnboardingDraft.section == section,
        OnboardingDraft.technician_id == actor_id,
    )
    draft = s.scalar(mine)
    if draft is None:
        draft = OnboardingDraft(client_id=client_id, section=section, technician_id=actor_id)
        try:
            # The same technician's two windows autosaving at once: the later one updates.
            with s.begin_nested():
                s.add(draft)
                draft.data, draft.base_version, draft.updated_at = raw, base_version, now
                s.flush()
            return
        except IntegrityError:
            draft = s.scalar(mine)
            assert draft is not None
    draft.data = raw
    draft.base_version = base_version
    draft.updated_at = now


def _state(
    key: str,
    row: OnboardingSection | None,
    draft: OnboardingDraft | None,
    names: Mapping[int, str],
) -> SectionState:
    return SectionState(
        key,
        row.data if row else None,
        row.version if row else None,
        row.saved_at if row else None,
        names.get(row.saved_by_id) if row and row.saved_by_id else None,
        draft.data if draft else None,
        draft.updated_at if draft else None,
        names.get(draft.technician_id) if draft and draft.technician_id else None,
        draft.base_version if draft else None,
    )


def _conflict(s: Session, client_id: int, row: OnboardingSection | None) -> ConcurrentEditError:
    if row is None:
        return ConcurrentEditError("onboarding_section", client_id, 0)
    by = s.get(Technician, row.saved_by_id) if row.saved_by_id else None
    return ConcurrentEditError(
        "onboarding_section", client_id, row.version, by.name if by else None, row.saved_at
    )
