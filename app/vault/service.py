"""The vault's use cases for one signed-in technician (vault.md §8, §13).

First setup, enrolment and signing, unlock and lock, client vaults and grants, items, and the
fail-closed reveal: the audit row is committed in its own transaction before anything is
decrypted, so a reveal the log cannot record does not happen.

Not here yet: device unlock (`keychain.py` holds the keychain half), rotation, revocation and
its worklist, password change, key reset and break-glass recovery.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    RotationWorklist,
    Technician,
    TechnicianKeys,
    Vault,
    VaultGrant,
    VaultItem,
    VaultSettings,
)
from app.models.enums import Role
from app.vault import crypto, kdf
from app.vault.audit import ChainReport
from app.vault.audit_log import AuditEntry, append, verify
from app.vault.errors import (
    AuditUnavailable,
    PermissionDenied,
    VaultError,
    VaultIntegrityError,
    VaultLocked,
    WrongPassword,
)
from app.vault.keycache import KeyCache

if TYPE_CHECKING:
    from app.vault.offboarding import RevocationReport
from app.vault.recovery import RecoveryKit, recovery_kit
from app.vault.secret import Secret
from app.vault.types import SECRET_FIELDS, ItemDraft, ItemRow, Purpose, VaultKind, VaultMember

_RECOVERY_KEY_ID: Final = 1


class VaultService:
    """One technician's vault session. Thread-safe through `KeyCache`; database work per call."""

    def __init__(
        self,
        db: Database,
        technician_id: int,
        now: Callable[[], dt.datetime],
        cache: KeyCache | None = None,
    ) -> None:
        self._db = db
        self._me = technician_id
        self._now = now
        self.cache = cache or KeyCache()
        #: The org signing and recovery public keys pinned in my own bundle (vault.md §3): a
        #: DB writer can change vault_settings, not a sealed bundle.
        self._pinned_org: bytes | None = None
        self._pinned_recovery: bytes | None = None

    # -- identity ------------------------------------------------------------------------------

    def is_set_up(self) -> bool:
        with self._db.read() as s:
            return s.get(VaultSettings, 1) is not None

    def has_keys(self) -> bool:
        with self._db.read() as s:
            return s.get(TechnicianKeys, self._me) is not None

    def set_up(self, password: str) -> RecoveryKit:
        """First setup by the first admin: org signing and recovery keys, own keys, self-signed.

        Returns the recovery kit, which is never stored: the caller shows it once.
        """
        now = self._now()
        sk, pub = crypto.generate_x25519_keypair()
        org_seed = crypto.generate_org_signing_seed()
        org_pub = crypto.org_signing_public_key(org_seed)
        recovery_sk, recovery_pub = crypto.generate_x25519_keypair()
        with self._db.write() as s:
            me = self._technician(s)
            if me.role is not Role.ADMIN:
                raise PermissionDenied("only an administrator sets the vault up")
            if s.get(VaultSettings, 1) is not None:
                raise VaultError("the vault is already set up")
            kdf.check_vault_password(password, me.email)
            s.add(
                VaultSettings(
                    id=1,
                    database_uuid=str(uuid.uuid4()),
                    org_sign_pub=org_pub,
                    recovery_pub=recovery_pub,
                    recovery_key_id=_RECOVERY_KEY_ID,
                    kdf_policy={
                        "alg": kdf.ALG,
                        "v": kdf.ARGON2_VERSION,
                        "t": kdf.POLICY.time_cost,
                        "m": kdf.POLICY.memory_cost,
                        "p": kdf.POLICY.parallelism,
                    },
                )
            )
            self._store_keys(s, sk, pub, org_pub, recovery_pub, password, now)
            keys = s.get(TechnicianKeys, self._me)
            assert keys is not None
            keys.pubkey_sig = crypto.sign_user_pubkey(org_seed, self._me, pub)
            keys.signed_by_id = self._me
            keys.signed_at = now
            org_vault = Vault(kind=VaultKind.ORG_SIGNING.value, current_version=1, created_at=now)
            s.add(org_vault)
            s.flush()
            self._seal_grants(s, org_vault.id, 1, org_seed, {self._me: pub}, recovery_pub, now)
            append(s, AuditEntry("vault_create", self._me, vault_id=org_vault.id), now)
        self.cache.unlock(sk, org_signing_key=org_seed)
        self._pinned_org, self._pinned_recovery = org_pub, recovery_pub
        return recovery_kit(_RECOVERY_KEY_ID, recovery_sk)

    def enrol(self, password: str) -> str:
        """A technician's own keys (team mode); an admin signs them after comparing the returned
        fingerprint out of band."""
        now = self._now()
        sk, pub = crypto.generate_x25519_keypair()
        with self._db.write() as s:
            me = self._technician(s)
            settings = s.get(VaultSettings, 1)
            if settings is None or settings.org_sign_pub is None or settings.recovery_pub is None:
                raise VaultError("the vault is not set up yet")
            if s.get(TechnicianKeys, self._me) is not None:
                raise VaultError("already enrolled")
            kdf.check_vault_password(password, me.email)
            org_pub, recovery_pub = bytes(settings.org_sign_pub), bytes(settings.recovery_pub)
            self._store_keys(s, sk, pub, org_pub, recovery_pub, password, now)
        self.cache.unlock(sk)
        self._pinned_org, self._pinned_recovery = org_pub, recovery_pub
        return crypto.fingerprint(pub)

    def sign(self, technician_id: int, *, fingerprints_compared: bool) -> None:
        """An admin vouches for a technician's public key (after comparing fingerprints)."""
        if not fingerprints_compared:
            raise PermissionDenied("compare fingerprints with the technician first")
        org_seed = self._org_seed()
        now = self._now()
        with self._db.write() as s:
            self._require_admin(s)
            keys = s.get(TechnicianKeys, technician_id)
            if keys is None:
                raise VaultError("that technician has no vault keys yet")
            keys.pubkey_sig = crypto.sign_user_pubkey(org_seed, technician_id, keys.x25519_pub)
            keys.signed_by_id = self._me
            keys.signed_at = now

    def unlock(self, password: str) -> None:
        """Open the technician's bundle with their vault password; WrongPassword when it fails."""
        now = self._now()
        with self._db.read() as s:
            keys = s.get(TechnicianKeys, self._me)
            if keys is None or keys.disabled_at is not None:
                raise PermissionDenied("no vault keys for this technician")
            params = kdf.KdfParams.from_dict(keys.kdf)
            blob = bytes(keys.sealed_bundle)
        kdf.check_bounds(params)
        kek = kdf.derive_kek(password, params)
        try:
            bundle = crypto.open_bundle(kek, blob, crypto.bundle_aad(self._me), row_id=self._me)
        except VaultIntegrityError:
            with self._db.write() as s:
                append(s, AuditEntry("unlock_failed", self._me, outcome="denied"), now)
            raise WrongPassword() from None
        org_seed = self._open_org_seed(bundle.x25519_sk)
        with self._db.write() as s:
            if kdf.below_policy(params):
                self._reseal(s, bundle, password, now)
                append(s, AuditEntry("kdf_upgrade", self._me), now)
            append(s, AuditEntry("unlock", self._me), now)
        self.cache.unlock(bundle.x25519_sk, org_signing_key=org_seed)
        self._pinned_org, self._pinned_recovery = bundle.org_sign_pub, bundle.recovery_pub

    def lock(self) -> None:
        self.cache.lock()

    # -- vaults and grants ---------------------------------------------------------------------

    def create_vault(self, client_id: int | None) -> int:
        """A client's vault v1, granted to me, every signed admin and the recovery key."""
        now = self._now()
        key = crypto.generate_vault_key()
        with self._db.write() as s:
            settings = self._settings(s)
            kind = VaultKind.CLIENT if client_id is not None else VaultKind.INTERNAL
            vault = Vault(client_id=client_id, kind=kind.value, current_version=1, created_at=now)
            s.add(vault)
            s.flush()
            recipients = {self._me: self._verified_pub(s, self._me, settings)}
            for admin_id, pub in self._signed_admins(s, settings).items():
                recipients.setdefault(admin_id, pub)
            self._seal_grants(s, vault.id, 1, key, recipients, self._recovery_pub(), now)
            append(
                s, AuditEntry("vault_create", self._me, client_id=client_id, vault_id=vault.id), now
            )
            vault_id = vault.id
        self.cache.put_vault_key(vault_id, 1, key)
        return vault_id

    def grant(self, vault_id: int, technician_id: int) -> None:
        """Seal every live version of a vault I can open to a technician whose key is signed."""
        now = self._now()
        recipient = crypto.user_recipient(technician_id)
        refused: PermissionDenied | None = None
        with self._db.write() as s:
            settings = self._settings(s)
            vault = s.get(Vault, vault_id)
            if vault is None:
                raise VaultError("no such vault")
            try:
                pub = self._verified_pub(s, technician_id, settings)
            except PermissionDenied as e:
                # Raised after the commit: raising inside would roll the refusal's record back.
                refused = e
                append(
                    s,
                    AuditEntry(
                        "grant_refused", self._me, outcome="denied", vault_id=vault_id,
                        reason=recipient,
                    ),
                    now,
                )  # fmt: skip
            else:
                key = self._vault_key(s, vault_id, vault.current_version)
                aad = crypto.grant_aad(vault_id, vault.current_version, recipient)
                s.merge(
                    VaultGrant(
                        vault_id=vault_id,
                        key_version=vault.current_version,
                        recipient=recipient,
                        sealed_grant=crypto.seal_grant(key, pub, aad),
                        granted_by_id=self._me,
                        granted_at=now,
                    )
                )
                append(s, AuditEntry("grant", self._me, vault_id=vault_id, reason=recipient), now)
        if refused is not None:
            raise refused

    def rotate(self, vault_id: int, cause: str) -> int:
        """A new key version for a vault (vault.md §8.6); returns it."""
        from app.vault.offboarding import rotate

        return rotate(self, vault_id, cause)

    def revoke_user(self, technician_id: int) -> RevocationReport:
        """Offboard a technician: keys disabled, devices and grants deleted, their vaults
        rotated, the rotation worklist filled (vault.md §8.7). Admins only."""
        from app.vault.offboarding import revoke_user

        return revoke_user(self, technician_id)

    def members(self) -> list[VaultMember]:
        """Technicians by name with their key state; `signed` is checked against my pinned org
        key when unlocked, else against the display copy in vault_settings."""
        with self._db.read() as s:
            settings = s.get(VaultSettings, 1)
            org = self._pinned_org or (settings.org_sign_pub if settings is not None else None)
            rows = s.execute(
                select(Technician, TechnicianKeys)
                .outerjoin(TechnicianKeys, TechnicianKeys.technician_id == Technician.id)
                .order_by(Technician.name, Technician.id)
            )
            return [VaultMember.of(t, k, org) for t, k in rows]

    def org_fingerprint(self) -> str:
        """The fingerprint of the org signing key pinned in my bundle (VaultLocked when locked)."""
        if self._pinned_org is None or not self.cache.is_unlocked:
            raise VaultLocked()
        return crypto.fingerprint(self._pinned_org)

    def vault_for_client(self, client_id: int) -> int | None:
        with self._db.read() as s:
            return s.scalar(select(Vault.id).where(Vault.client_id == client_id).limit(1))

    # -- items ---------------------------------------------------------------------------------

    def put_item(self, draft: ItemDraft) -> uuid.UUID:
        """Create or update an item; secrets are sealed with the vault's current key. The audit
        row is written in the same transaction as the change."""
        unknown = set(draft.secrets) - set(SECRET_FIELDS)
        if unknown:
            raise ValueError(f"unknown secret fields: {sorted(unknown)}")
        now = self._now()
        with self._db.write() as s:
            vault = s.get(Vault, draft.vault_id)
            if vault is None:
                raise VaultError("no such vault")
            version = vault.current_version
            key = self._vault_key(s, vault.id, version)
            item_id = draft.item_id or uuid.uuid4()
            item = s.get(VaultItem, str(item_id))
            action = "item_update" if item is not None else "item_create"
            if item is None:
                item = VaultItem(id=str(item_id), vault_id=vault.id, key_version=version)
                s.add(item)
            elif item.vault_id != vault.id or item.key_version != version:
                raise VaultError("the item belongs to another vault or key version")
            item.kind, item.label, item.host = draft.kind, draft.label.strip(), draft.host.strip()
            item.port, item.url, item.domain = draft.port, draft.url.strip(), draft.domain.strip()
            item.tags, item.updated_at, item.updated_by_id = draft.tags, now, self._me
            for name, value in draft.secrets.items():
                sealed = crypto.seal_field(
                    key,
                    value.reveal_bytes(),
                    vault_id=vault.id,
                    key_version=version,
                    item_id=item_id,
                    field=name,
                )
                setattr(item, f"enc_{name}", sealed)
                if name == "password" and action == "item_update":
                    item.rotated_at = now
                    # A changed client password closes its offboarding worklist rows.
                    s.execute(
                        update(RotationWorklist)
                        .where(
                            RotationWorklist.item_id == str(item_id),
                            RotationWorklist.done_at.is_(None),
                        )
                        .values(done_at=now, done_by_id=self._me)
                    )
            append(
                s,
                AuditEntry(
                    action, self._me, client_id=vault.client_id, vault_id=vault.id,
                    item_id=str(item_id),
                ),
                now,
            )  # fmt: skip
        return item_id

    def items(self, vault_id: int) -> list[ItemRow]:
        """The vault's items for lists: nothing is decrypted (vault.md §7.3)."""
        with self._db.read() as s:
            rows = s.scalars(
                select(VaultItem).where(VaultItem.vault_id == vault_id).order_by(VaultItem.label)
            ).all()
            return [
                ItemRow(
                    uuid.UUID(r.id),
                    r.vault_id,
                    r.label,
                    r.kind,
                    r.host,
                    r.port,
                    r.url,
                    r.domain,
                    r.tags,
                    frozenset(n for n in SECRET_FIELDS if getattr(r, f"enc_{n}") is not None),
                    r.rotated_at,
                )
                for r in rows
            ]

    def reveal(
        self, item_id: uuid.UUID, fields: Sequence[str], purpose: Purpose
    ) -> dict[str, Secret]:
        """Decrypt `fields` of an item, fail closed (vault.md §8.5)."""
        if not self.cache.is_unlocked:
            raise VaultLocked()
        unknown = set(fields) - set(SECRET_FIELDS)
        if unknown or not fields:
            raise ValueError(f"unknown secret fields: {sorted(unknown)}")
        if purpose.ticket_id is None and len(purpose.reason.strip()) < 5:
            raise ValueError("a reveal needs a ticket or a reason of at least 5 characters")
        now = self._now()
        with self._db.read() as s:
            item = s.get(VaultItem, str(item_id))
            if item is None:
                raise VaultError("no such item")
            vault = s.get(Vault, item.vault_id)
            assert vault is not None
            grant = s.get(
                VaultGrant, (item.vault_id, item.key_version, crypto.user_recipient(self._me))
            )
            blobs = {n: getattr(item, f"enc_{n}") for n in fields}
            vault_id, version, client_id = item.vault_id, item.key_version, vault.client_id
            sealed_grant = None if grant is None else bytes(grant.sealed_grant)
        base = AuditEntry(
            purpose.action,
            self._me,
            client_id=client_id,
            vault_id=vault_id,
            item_id=str(item_id),
            field=",".join(fields),
            ticket_id=purpose.ticket_id,
            session_id=None if purpose.session_id is None else str(purpose.session_id),
            reason=purpose.reason.strip(),
        )
        if sealed_grant is None:
            self._audit_or_fail(replace(base, action="reveal_denied", outcome="denied"), now)
            raise PermissionDenied("no grant for this vault")
        # The audit row is committed before any decryption: no record, no reveal.
        self._audit_or_fail(base, now)
        key = self.cache.vault_key(vault_id, version)
        if key is None:
            aad = crypto.grant_aad(vault_id, version, crypto.user_recipient(self._me))
            key = crypto.open_grant(
                sealed_grant, self.cache.private_key(), aad, row_id=f"{vault_id}/{version}"
            )
            self.cache.put_vault_key(vault_id, version, key)
        out: dict[str, Secret] = {}
        for name, blob in blobs.items():
            if blob is None:
                continue
            plain = crypto.open_field(
                key, bytes(blob), vault_id=vault_id, key_version=version, item_id=item_id,
                field=name,
            )  # fmt: skip
            out[name] = Secret(plain)
        return out

    def verify_audit_chain(self, anchor: tuple[int, bytes] | None = None) -> ChainReport:
        """Recompute the whole chain (admins only, audited: vault.md §9)."""
        with self._db.read() as s:
            self._require_admin(s)
        report = verify(self._db, anchor)
        with self._db.write() as s:
            outcome = "ok" if report.ok else "failed"
            append(s, AuditEntry("verify_chain", self._me, outcome=outcome), self._now())
        return report

    # -- helpers -------------------------------------------------------------------------------

    def _audit_or_fail(self, entry: AuditEntry, now: dt.datetime) -> None:
        try:
            with self._db.write() as s:
                append(s, entry, now)
        except Exception as e:
            raise AuditUnavailable() from e

    def _technician(self, s: Session) -> Technician:
        me = s.get(Technician, self._me)
        if me is None or not me.active:
            raise PermissionDenied("unknown or inactive technician")
        return me

    def _require_admin(self, s: Session) -> None:
        if self._technician(s).role is not Role.ADMIN:
            raise PermissionDenied("administrators only")

    def _settings(self, s: Session) -> VaultSettings:
        settings = s.get(VaultSettings, 1)
        if settings is None or settings.org_sign_pub is None or settings.recovery_pub is None:
            raise VaultError("the vault is not set up yet")
        return settings

    def _store_keys(
        self,
        s: Session,
        sk: bytes,
        pub: bytes,
        org_pub: bytes,
        recovery_pub: bytes,
        password: str,
        now: dt.datetime,
    ) -> None:
        bundle = crypto.Bundle(
            user_id=self._me,
            x25519_sk=sk,
            org_sign_pub=org_pub,
            recovery_pub=recovery_pub,
            recovery_key_id=_RECOVERY_KEY_ID,
        )
        params = kdf.new_params()
        kek = kdf.derive_kek(password, params)
        s.add(
            TechnicianKeys(
                technician_id=self._me,
                x25519_pub=pub,
                sealed_bundle=crypto.seal_bundle(kek, bundle, crypto.bundle_aad(self._me)),
                kdf=params.to_dict(),
                created_at=now,
            )
        )
        s.flush()

    def _reseal(self, s: Session, bundle: crypto.Bundle, password: str, now: dt.datetime) -> None:
        keys = s.get(TechnicianKeys, self._me)
        assert keys is not None
        params = kdf.new_params()
        kek = kdf.derive_kek(password, params)
        keys.sealed_bundle = crypto.seal_bundle(kek, bundle, crypto.bundle_aad(self._me))
        keys.kdf = params.to_dict()

    def _verified_pub(self, s: Session, technician_id: int, settings: VaultSettings) -> bytes:
        """A technician's public key, only if the org key signed it (pinned key, not the DB's)."""
        keys = s.get(TechnicianKeys, technician_id)
        org_pub = self._pinned_org_pub(settings)
        if (
            keys is None
            or keys.disabled_at is not None
            or keys.pubkey_sig is None
            or not crypto.verify_user_pubkey(
                org_pub, technician_id, bytes(keys.x25519_pub), bytes(keys.pubkey_sig)
            )
        ):
            raise PermissionDenied("that technician's key is not signed by the organisation")
        return bytes(keys.x25519_pub)

    def _pinned_org_pub(self, settings: VaultSettings) -> bytes:
        # Only the copy pinned in my own bundle is trusted; vault_settings is for display.
        if self._pinned_org is None or not self.cache.is_unlocked:
            raise VaultLocked()
        return self._pinned_org

    def _recovery_pub(self) -> bytes:
        if self._pinned_recovery is None or not self.cache.is_unlocked:
            raise VaultLocked()
        return self._pinned_recovery

    def _signed_admins(self, s: Session, settings: VaultSettings) -> dict[int, bytes]:
        out: dict[int, bytes] = {}
        admins = s.scalars(
            select(Technician.id).where(Technician.role == Role.ADMIN, Technician.active.is_(True))
        )
        for admin_id in admins:
            try:
                out[admin_id] = self._verified_pub(s, admin_id, settings)
            except PermissionDenied:
                continue
        return out

    def _seal_grants(
        self,
        s: Session,
        vault_id: int,
        version: int,
        key: bytes,
        recipients: Mapping[int, bytes],
        recovery_pub: bytes,
        now: dt.datetime,
    ) -> None:
        targets = {crypto.user_recipient(t): pub for t, pub in recipients.items()}
        targets[crypto.recovery_recipient(_RECOVERY_KEY_ID)] = recovery_pub
        for recipient, pub in targets.items():
            aad = crypto.grant_aad(vault_id, version, recipient)
            s.add(
                VaultGrant(
                    vault_id=vault_id,
                    key_version=version,
                    recipient=recipient,
                    sealed_grant=crypto.seal_grant(key, pub, aad),
                    granted_by_id=self._me,
                    granted_at=now,
                )
            )

    def _vault_key(self, s: Session, vault_id: int, version: int) -> bytes:
        key = self.cache.vault_key(vault_id, version)
        if key is not None:
            return key
        recipient = crypto.user_recipient(self._me)
        grant = s.get(VaultGrant, (vault_id, version, recipient))
        if grant is None:
            raise PermissionDenied("no grant for this vault")
        aad = crypto.grant_aad(vault_id, version, recipient)
        key = crypto.open_grant(bytes(grant.sealed_grant), self.cache.private_key(), aad)
        self.cache.put_vault_key(vault_id, version, key)
        return key

    def _open_org_seed(self, sk: bytes) -> bytes | None:
        """The org signing key, for admins holding a grant to the org-signing vault."""
        with self._db.read() as s:
            vault = s.scalar(select(Vault).where(Vault.kind == VaultKind.ORG_SIGNING.value))
            if vault is None:
                return None
            recipient = crypto.user_recipient(self._me)
            grant = s.get(VaultGrant, (vault.id, vault.current_version, recipient))
            if grant is None:
                return None
            aad = crypto.grant_aad(vault.id, vault.current_version, recipient)
            return crypto.open_grant(bytes(grant.sealed_grant), sk, aad)

    def _org_seed(self) -> bytes:
        seed = self.cache.org_signing_key()
        if seed is None:
            raise PermissionDenied("only an administrator holding the org key signs")
        return seed
