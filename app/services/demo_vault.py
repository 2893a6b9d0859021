"""The demo MSP's vault: set up through the real vault API, with a vault password it prints.

vault.md §8.1: no plaintext shortcuts. The admin sets the vault up, Alice (L1) enrols and is
signed, each client gets a vault with a few typical admin credentials, granted to Alice.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from collections.abc import Callable, Sequence
from typing import Final

from app.db import Database
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft

#: Every demo account's vault password (printed by `helpdesk demo`, documented in the README).
DEMO_VAULT_PASSWORD: Final = "demo-vault-1234"

#: (label, kind, username template, host template, port) of each demo client's credentials.
_ITEMS: Final = (
    ("Domain admin", "password", "{code}\\administrator", "dc01.{domain}", 3389),
    ("Firewall", "password", "admin", "fw.{domain}", 443),
    ("Microsoft 365 global admin", "password", "admin@{domain}", "", None),
    ("Backup console", "password", "backup-operator", "backup.{domain}", 443),
)


def seed_demo_vault(
    db: Database,
    now: Callable[[], dt.datetime],
    rng: random.Random,
    admin_id: int,
    technician_id: int,
    clients: Sequence[tuple[int, str]],
) -> None:
    """Vaults for `clients` ((id, code) pairs), readable by the admin and `technician_id`."""
    admin = VaultService(db, admin_id, now)
    admin.set_up(DEMO_VAULT_PASSWORD)  # the demo's recovery kit is not kept
    tech = VaultService(db, technician_id, now)
    tech.enrol(DEMO_VAULT_PASSWORD)
    tech.lock()
    admin.sign(technician_id, fingerprints_compared=True)
    for client_id, code in clients:
        vault_id = admin.create_vault(client_id)
        domain = f"{code.lower()}.example"
        for label, kind, user, host, port in _ITEMS:
            admin.put_item(
                ItemDraft(
                    vault_id=vault_id,
                    label=label,
                    kind=kind,
                    host=host.format(domain=domain),
                    port=port,
                    domain=domain,
                    secrets={
                        "username": Secret(user.format(code=code, domain=domain)),
                        "password": Secret(_password(rng)),
                    },
                )
            )
        admin.grant(vault_id, technician_id)
    admin.lock()


def _password(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "!#%+-=?@"
    return "".join(rng.choice(alphabet) for _ in range(20))
