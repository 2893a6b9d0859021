"""The vault's use cases for one signed-in technician (vault.md §8, §13).

First setup, enrolment and signing, unlock and lock, client vaults and grants, items, and the
fail-closed reveal: the audit row is committed in its own transaction before anything is
decrypted, so a reveal the log cannot record does not happen.

Flows live in modules of their own, as functions taking the service, which delegates:
`items.py` (item writes), `grants.py` (grants, the key check of writes), `offboarding.py`
(rotation, revocation), `devices.py` (devices, password change), `key_reset.py` (§8.9) and
`breakglass.py` (§8.10, the signed recovery-key statements and re-pinning).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Technician, TechnicianKeys, Vault, VaultGrant, VaultItem, VaultSettings
from app.models.enums import Role
from app.vault import crypto, kdf
from app.vault import items as item_ops
from app.vault.audit import ChainReport
from app.vault.audit_log import AuditEntry, append, verify
from app.vault.breakglass import (
    bundle_key_id,
    ensure_recovery_statement,
    newer_recovery_pin,
    publish_recovery_statement,
    required_recovery_pin,
)
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
    from app.vault.key_reset import KeyResetReport, RegrantReport
    from app.vault.offboarding import RevocationReport
from app.vault.recovery import RecoveryKit, recovery_kit
from app.vault.secret import Secret
from app.vault.types import SECRET_FIELDS, ItemDraft, ItemRow, Purpose, VaultKind, VaultMember

#: The id of the recovery key made at first setup; break-glass replaces it with 2, 3, …
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
        self.db = db
        self.technician_id = technician_id
        self.clock = now
        self.cache = cache or KeyCache()
        #: The org signing and recovery public keys pinned in my own bundle (vault.md §3): a
        #: DB writer can change vault_settings, not a sealed bundle.
        self._pinned_org: bytes | None = None
        self._pinned_recovery: bytes | None = None
        self._pinned_recovery_id = _RECOVERY_KEY_ID

    # -- identity ------------------------------------------------------------------------------

    def is_set_up(self) -> bool:
        with self.db.read() as s:
            return s.get(VaultSettings, 1) is not None

    def has_keys(self) -> bool:
        with self.db.read() as s:
            return s.get(TechnicianKeys, self.technician_id) is not None

    def set_up(self, password: str) -> RecoveryKit:
        """First setup by the first admin: org signing and recovery keys, own keys, self-signed.

        Returns the recovery kit, which is never stored: the caller shows it once.
        """
        now = self.clock()
        sk, pub = crypto.generate_x25519_keypair()
        org_seed = crypto.generate_org_signing_seed()
        org_pub = crypto.org_signing_public_key(org_seed)
        recovery_sk, recovery_pub = crypto.generate_x25519_keypair()
        with self.db.write() as s:
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
            recovery = (_RECOVERY_KEY_ID, recovery_pub)
            self._store_keys(s, sk, pub, org_pub, recovery, password, now)
            keys = s.get(TechnicianKeys, self.technician_id)
            assert keys is not None
            keys.pubkey_sig = crypto.sign_user_pubkey(org_seed, self.technician_id, pub)
            keys.signed_by_id = self.technician_id
            keys.signed_at = now
            org_vault = Vault(kind=VaultKind.ORG_SIGNING.value, current_version=1, created_at=now)
            s.add(org_vault)
            s.flush()
            self._seal_grants(
                s, org_vault.id, 1, org_seed, {self.technician_id: pub}, now, recovery=recovery
            )
            append(s, AuditEntry("vault_create", self.technician_id, vault_id=org_vault.id), now)
            # Vouches for recovery key 1: what enrolment and key resets pin (breakglass.py).
            publish_recovery_statement(s, org_seed, *recovery, self.technician_id, now)
        self.cache.unlock(sk, org_signing_key=org_seed)
        self._pin(org_pub, *recovery)
        return recovery_kit(_RECOVERY_KEY_ID, recovery_sk)

    def enrol(self, password: str) -> str:
        """A technician's own keys (team mode); an admin signs them after comparing the returned
        fingerprint out of band."""
        now = self.clock()
        sk, pub = crypto.generate_x25519_keypair()
        with self.db.write() as s:
            me = self._technician(s)
            settings = s.get(VaultSettings, 1)
            if settings is None or settings.org_sign_pub is None or settings.recovery_pub is None:
                raise VaultError("the vault is not set up yet")
            if s.get(TechnicianKeys, self.technician_id) is not None:
                raise VaultError("already enrolled")
            kdf.check_vault_password(password, me.email)
            org_pub = bytes(settings.org_sign_pub)
            recovery = required_recovery_pin(s, org_pub)
            self._store_keys(s, sk, pub, org_pub, recovery, password, now)
        self.cache.unlock(sk)
        self._pin(org_pub, *recovery)
        return crypto.fingerprint(pub)

    def sign(self, technician_id: int, *, fingerprints_compared: bool) -> None:
        """An admin vouches for a technician's public key (after comparing fingerprints)."""
        if not fingerprints_compared:
            raise PermissionDenied("compare fingerprints with the technician first")
        org_seed = self._org_seed()
        now = self.clock()
        with self.db.write() as s:
            self._require_admin(s)
            keys = s.get(TechnicianKeys, technician_id)
            if keys is None:
                raise VaultError("that technician has no vault keys yet")
            keys.pubkey_sig = crypto.sign_user_pubkey(org_seed, technician_id, keys.x25519_pub)
            keys.signed_by_id = self.technician_id
            keys.signed_at = now

    def unlock(self, password: str) -> None:
        """Open the technician's bundle with their vault password; WrongPassword when it fails."""
        now = self.clock()
        with self.db.read() as s:
            keys = s.get(TechnicianKeys, self.technician_id)
            if keys is None or keys.disabled_at is not None:
                raise PermissionDenied("no vault keys for this technician")
            params = kdf.KdfParams.from_dict(keys.kdf)
            blob = bytes(keys.sealed_bundle)
        kdf.check_bounds(params)
        kek = kdf.derive_kek(password, params)
        try:
            bundle = crypto.open_bundle(
                kek, blob, crypto.bundle_aad(self.technician_id), row_id=self.technician_id
            )
        except VaultIntegrityError:
            with self.db.write() as s:
                append(s, AuditEntry("unlock_failed", self.technician_id, outcome="denied"), now)
            raise WrongPassword() from None
        org_seed = self._open_org_seed(bundle.x25519_sk)
        with self.db.write() as s:
            # A recovery key replaced by break-glass, signed by my pinned org key (§8.10).
            newer = newer_recovery_pin(s, bundle.org_sign_pub, bundle_key_id(bundle))
            if newer is not None:
                bundle = replace(bundle, recovery_key_id=newer[0], recovery_pub=newer[1])
                pinned = crypto.recovery_recipient(newer[0])
                append(s, AuditEntry("pin_replace", self.technician_id, reason=pinned), now)
            if kdf.below_policy(params) or newer is not None:
                self._reseal(s, bundle, password, now)
            if kdf.below_policy(params):
                append(s, AuditEntry("kdf_upgrade", self.technician_id), now)
            if org_seed is not None:  # set up before set_up vouched for recovery key 1
                ensure_recovery_statement(
                    s, org_seed, bundle_key_id(bundle), bundle.recovery_pub, self.technician_id, now
                )
            append(s, AuditEntry("unlock", self.technician_id), now)
        self.cache.unlock(bundle.x25519_sk, org_signing_key=org_seed)
        self._pin(bundle.org_sign_pub, bundle_key_id(bundle), bundle.recovery_pub)

    def lock(self) -> None:
        self.cache.lock()

    # -- vaults and grants ---------------------------------------------------------------------

    def create_vault(self, client_id: int | None) -> int:
        """A client's vault v1, granted to me, every signed admin and the recovery key."""
        now = self.clock()
        key = crypto.generate_vault_key()
        with self.db.write() as s:
            settings = self._settings(s)
            kind = VaultKind.CLIENT if client_id is not None else VaultKind.INTERNAL
            vault = Vault(client_id=client_id, kind=kind.value, current_version=1, created_at=now)
            s.add(vault)
            s.flush()
            recipients = {self.technician_id: self._verified_pub(s, self.technician_id, settings)}
            for admin_id, pub in self._signed_admins(s, settings).items():
                recipients.setdefault(admin_id, pub)
            self._seal_grants(s, vault.id, 1, key, recipients, now)
            append(
                s,
                AuditEntry(
                    "vault_create", self.technician_id, client_id=client_id, vault_id=vault.id
                ),
                now,
            )
            vault_id = vault.id
        self.cache.put_vault_key(vault_id, 1, key)
        return vault_id

    def grant(self, vault_id: int, technician_id: int) -> None:
        """Seal every live version of a vault I can open to a technician whose key is signed
        (the org-signing vault to administrators only). Contract: `grants.grant`."""
        from app.vault.grants import grant

        grant(self, vault_id, technician_id)

    def rotate(self, vault_id: int, cause: str) -> int:
        """A new key version for a vault (vault.md §8.6); returns it. Never the org-signing
        vault (`offboarding.OrgKeyNotRotated`: its key is the pinned org seed, §15)."""
        from app.vault.offboarding import rotate

        return rotate(self, vault_id, cause)

    def revoke_user(self, technician_id: int) -> RevocationReport:
        """Offboard a technician: keys disabled, devices and grants deleted, their vaults
        rotated, the rotation worklist filled (vault.md §8.7). Admins with a signed key only;
        PermissionDenied for oneself and for the last admin holding the org key. Contract:
        `offboarding.revoke_user`."""
        from app.vault.offboarding import revoke_user

        return revoke_user(self, technician_id)

    # -- key reset and break-glass -------------------------------------------------------------

    def reset_keys(
        self, password: str, *, rotate: bool = False, recovery_kit: str | None = None
    ) -> KeyResetReport:
        """Forgotten or compromised password (vault.md §8.9): my new key pair, unsigned, under
        `password`; my grants and devices deleted. Contract: `key_reset.reset_keys`."""
        from app.vault.key_reset import reset_keys

        return reset_keys(self, password, rotate=rotate, kit_text=recovery_kit)

    def regrant_after_reset(
        self,
        technician_id: int,
        *,
        rotate: bool = False,
        vault_ids: Collection[int] | None = None,
    ) -> RegrantReport:
        """Admins: the vaults a technician held before their key reset, granted back once their
        new key is signed; by default only those the audit corroborates, else the `vault_ids`
        the admin ticked. Contract: `key_reset.regrant_after_reset`."""
        from app.vault.key_reset import regrant_after_reset

        return regrant_after_reset(self, technician_id, rotate=rotate, vault_ids=vault_ids)

    def recover(
        self,
        recovery_kit: str,
        technician_id: int | None = None,
        vault_ids: Collection[int] | None = None,
    ) -> RecoveryKit:
        """Break-glass (vault.md §8.10): grant vaults through the recovery kit, then replace the
        recovery key; returns the new kit, to show once. Contract: `breakglass.recover`."""
        from app.vault.breakglass import recover

        return recover(self, recovery_kit, technician_id, vault_ids)

    def members(self) -> list[VaultMember]:
        """Technicians by name with their key state; `signed` is checked against my pinned org
        key when unlocked, else against the display copy in vault_settings."""
        with self.db.read() as s:
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
        with self.db.read() as s:
            return s.scalar(select(Vault.id).where(Vault.client_id == client_id).limit(1))

    # -- items ---------------------------------------------------------------------------------

    def put_item(self, draft: ItemDraft) -> uuid.UUID:
        """Create or update an item, sealed under the vault's current key; audited alike."""
        return item_ops.put_item(self, draft)

    def delete_item(self, item_id: uuid.UUID, reason: str) -> None:
        """Delete an item, audited `item_delete` with the reason (`items.delete_item`)."""
        item_ops.delete_item(self, item_id, reason)

    def items(self, vault_id: int) -> list[ItemRow]:
        """The vault's items for lists: nothing is decrypted (vault.md §7.3)."""
        return item_ops.list_items(self, vault_id)

    def reveal(
        self, item_id: uuid.UUID, fields: Sequence[str], purpose: Purpose
    ) -> dict[str, Secret]:
        """Decrypt `fields` of an item, fail closed (vault.md §8.5)."""
        if not self.cache.is_unlocked:
            raise VaultLocked()
        unknown = set(fields) - set(SECRET_FIELDS)
        if unknown or not fields:
            raise ValueError(f"unknown secret fields: {sorted(unknown)}")
        if purpose.ticket_id is None and len(purpose.reason.strip()) < item_ops.MIN_REASON:
            raise ValueError("a reveal needs a ticket or a reason of at least 5 characters")
        now = self.clock()
        with self.db.read() as s:
            item = s.get(VaultItem, str(item_id))
            if item is None:
                raise VaultError("no such item")
            vault = s.get(Vault, item.vault_id)
            assert vault is not None
            grant = s.get(
                VaultGrant,
                (item.vault_id, item.key_version, crypto.user_recipient(self.technician_id)),
            )
            blobs = {n: getattr(item, f"enc_{n}") for n in fields}
            vault_id, version, client_id = item.vault_id, item.key_version, vault.client_id
            sealed_grant = None if grant is None else bytes(grant.sealed_grant)
        base = AuditEntry(
            purpose.action,
            self.technician_id,
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
            aad = crypto.grant_aad(vault_id, version, crypto.user_recipient(self.technician_id))
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
        with self.db.read() as s:
            self._require_admin(s)
        report = verify(self.db, anchor)
        with self.db.write() as s:
            outcome = "ok" if report.ok else "failed"
            append(s, AuditEntry("verify_chain", self.technician_id, outcome=outcome), self.clock())
        return report

    # -- helpers -------------------------------------------------------------------------------

    def _audit_or_fail(self, entry: AuditEntry, now: dt.datetime) -> None:
        try:
            with self.db.write() as s:
                append(s, entry, now)
        except Exception as e:
            raise AuditUnavailable() from e

    def _technician(self, s: Session) -> Technician:
        me = s.get(Technician, self.technician_id)
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
        recovery: tuple[int, bytes],
        password: str,
        now: dt.datetime,
    ) -> None:
        """Write my keys row; a key reset replaces the old one, unsigned until an admin signs."""
        bundle = crypto.Bundle(
            user_id=self.technician_id,
            x25519_sk=sk,
            org_sign_pub=org_pub,
            recovery_pub=recovery[1],
            recovery_key_id=recovery[0],
        )
        params = kdf.new_params()
        kek = kdf.derive_kek(password, params)
        keys = s.get(TechnicianKeys, self.technician_id)
        if keys is None:
            keys = TechnicianKeys(technician_id=self.technician_id)
            s.add(keys)
        keys.x25519_pub, keys.kdf, keys.created_at = pub, params.to_dict(), now
        keys.sealed_bundle = crypto.seal_bundle(kek, bundle, crypto.bundle_aad(self.technician_id))
        keys.pubkey_sig = keys.signed_by_id = keys.signed_at = None
        s.flush()

    def _reseal(self, s: Session, bundle: crypto.Bundle, password: str, now: dt.datetime) -> None:
        keys = s.get(TechnicianKeys, self.technician_id)
        assert keys is not None
        params = kdf.new_params()
        kek = kdf.derive_kek(password, params)
        keys.sealed_bundle = crypto.seal_bundle(kek, bundle, crypto.bundle_aad(self.technician_id))
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

    def _pin(self, org_pub: bytes, recovery_id: int, recovery_pub: bytes) -> None:
        self._pinned_org = org_pub
        self._pinned_recovery_id, self._pinned_recovery = recovery_id, recovery_pub

    def _pin_bundle(self, bundle: crypto.Bundle) -> None:
        """Pin what a (device) bundle holds, moved on to a newer signed recovery key if any."""
        with self.db.read() as s:
            newer = newer_recovery_pin(s, bundle.org_sign_pub, bundle_key_id(bundle))
        self._pin(bundle.org_sign_pub, *(newer or (bundle_key_id(bundle), bundle.recovery_pub)))

    def _recovery_target(self, s: Session) -> tuple[int, bytes]:
        """The pinned recovery key to seal to. If vault_settings names another one, a session
        unlocked before a break-glass moves on to it (in memory; my bundle at my next password
        unlock), but only when my pinned org key signed it."""
        org, pub = self._pinned_org, self._pinned_recovery
        if org is None or pub is None or not self.cache.is_unlocked:
            raise VaultLocked()
        named = s.scalar(select(VaultSettings.recovery_key_id).where(VaultSettings.id == 1))
        if named is not None and named != self._pinned_recovery_id:
            newer = newer_recovery_pin(s, org, self._pinned_recovery_id)
            if newer is not None:
                self._pinned_recovery_id, self._pinned_recovery = newer
                return newer
        return self._pinned_recovery_id, pub

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
        now: dt.datetime,
        *,
        recovery: tuple[int, bytes] | None = None,
    ) -> None:
        """Seal a key version to technicians and to the recovery key (pinned, unless given)."""
        recovery_id, recovery_pub = recovery or self._recovery_target(s)
        targets = {crypto.user_recipient(t): pub for t, pub in recipients.items()}
        targets[crypto.recovery_recipient(recovery_id)] = recovery_pub
        for recipient, pub in targets.items():
            aad = crypto.grant_aad(vault_id, version, recipient)
            s.add(
                VaultGrant(
                    vault_id=vault_id,
                    key_version=version,
                    recipient=recipient,
                    sealed_grant=crypto.seal_grant(key, pub, aad),
                    granted_by_id=self.technician_id,
                    granted_at=now,
                )
            )

    def _vault_key(self, s: Session, vault_id: int, version: int) -> bytes:
        key = self.cache.vault_key(vault_id, version)
        if key is not None:
            return key
        recipient = crypto.user_recipient(self.technician_id)
        grant = s.get(VaultGrant, (vault_id, version, recipient))
        if grant is None:
            raise PermissionDenied("no grant for this vault")
        aad = crypto.grant_aad(vault_id, version, recipient)
        key = crypto.open_grant(bytes(grant.sealed_grant), self.cache.private_key(), aad)
        self.cache.put_vault_key(vault_id, version, key)
        return key

    def _open_org_seed(self, sk: bytes) -> bytes | None:
        """The org signing key, for admins holding a grant to the org-signing vault."""
        with self.db.read() as s:
            vault = s.scalar(select(Vault).where(Vault.kind == VaultKind.ORG_SIGNING.value))
            if vault is None:
                return None
            recipient = crypto.user_recipient(self.technician_id)
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
