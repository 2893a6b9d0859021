"""Credential vault: settings, technicians' keys and devices, vaults, grants, items, audit log.

The audit log is append-only in the database too: triggers refuse UPDATE and DELETE on both
backends (vault.md §9; the hash chain detects what a superuser does anyway).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:38:38.064438
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "vault_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("vault_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=200), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.LargeBinary(), nullable=False),
        sa.Column("row_hash", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_audit")),
    )
    with op.batch_alter_table("vault_audit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vault_audit_item_id_at"), ["item_id", "at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_vault_audit_technician_id_at"), ["technician_id", "at"], unique=False
        )

    op.create_table(
        "vault_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("database_uuid", sa.String(length=36), nullable=False),
        sa.Column("org_sign_pub", sa.LargeBinary(), nullable=True),
        sa.Column("recovery_pub", sa.LargeBinary(), nullable=True),
        sa.Column("recovery_key_id", sa.Integer(), nullable=True),
        sa.Column("kdf_policy", sa.JSON(), nullable=False),
        sa.Column("idle_lock_minutes", sa.Integer(), nullable=False),
        sa.Column("clipboard_seconds", sa.Integer(), nullable=False),
        sa.Column("admins_hold_all_vaults", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_settings")),
    )
    op.create_table(
        "rotation_worklist",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cause", sa.String(length=32), nullable=False),
        sa.Column("subject_technician_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("last_revealed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["done_by_id"],
            ["technician.id"],
            name=op.f("fk_rotation_worklist_done_by_id_technician"),
        ),
        sa.ForeignKeyConstraint(
            ["subject_technician_id"],
            ["technician.id"],
            name=op.f("fk_rotation_worklist_subject_technician_id_technician"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rotation_worklist")),
    )
    with op.batch_alter_table("rotation_worklist", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rotation_worklist_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_rotation_worklist_subject_technician_id"),
            ["subject_technician_id"],
            unique=False,
        )

    op.create_table(
        "technician_device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sealed_bundle", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technician.id"],
            name=op.f("fk_technician_device_technician_id_technician"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_technician_device")),
    )
    with op.batch_alter_table("technician_device", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_technician_device_technician_id"), ["technician_id"], unique=False
        )

    op.create_table(
        "technician_keys",
        sa.Column("technician_id", sa.Integer(), nullable=False),
        sa.Column("x25519_pub", sa.LargeBinary(), nullable=False),
        sa.Column("pubkey_sig", sa.LargeBinary(), nullable=True),
        sa.Column("signed_by_id", sa.Integer(), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sealed_bundle", sa.LargeBinary(), nullable=False),
        sa.Column("kdf", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["signed_by_id"],
            ["technician.id"],
            name=op.f("fk_technician_keys_signed_by_id_technician"),
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technician.id"],
            name=op.f("fk_technician_keys_technician_id_technician"),
        ),
        sa.PrimaryKeyConstraint("technician_id", name=op.f("pk_technician_keys")),
    )
    op.create_table(
        "vault",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rotated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_vault_client_id_client")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault")),
    )
    with op.batch_alter_table("vault", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vault_client_id"), ["client_id"], unique=False)

    op.create_table(
        "vault_grant",
        sa.Column("vault_id", sa.Integer(), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=64), nullable=False),
        sa.Column("sealed_grant", sa.LargeBinary(), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["granted_by_id"],
            ["technician.id"],
            name=op.f("fk_vault_grant_granted_by_id_technician"),
        ),
        sa.ForeignKeyConstraint(
            ["vault_id"], ["vault.id"], name=op.f("fk_vault_grant_vault_id_vault")
        ),
        sa.PrimaryKeyConstraint(
            "vault_id", "key_version", "recipient", name=op.f("pk_vault_grant")
        ),
    )
    op.create_table(
        "vault_item",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("vault_id", sa.Integer(), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("port", sa.Integer(), nullable=True),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("domain", sa.String(length=200), nullable=False),
        sa.Column("tags", sa.String(length=500), nullable=False),
        sa.Column("enc_username", sa.LargeBinary(), nullable=True),
        sa.Column("enc_password", sa.LargeBinary(), nullable=True),
        sa.Column("enc_notes", sa.LargeBinary(), nullable=True),
        sa.Column("enc_totp", sa.LargeBinary(), nullable=True),
        sa.Column("enc_private_key", sa.LargeBinary(), nullable=True),
        sa.Column("enc_extra", sa.LargeBinary(), nullable=True),
        sa.Column("rotated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["technician.id"],
            name=op.f("fk_vault_item_updated_by_id_technician"),
        ),
        sa.ForeignKeyConstraint(
            ["vault_id"], ["vault.id"], name=op.f("fk_vault_item_vault_id_vault")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_item")),
    )
    with op.batch_alter_table("vault_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vault_item_vault_id_label"), ["vault_id", "label"], unique=False
        )
    _create_audit_triggers()


def _create_audit_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION vault_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'vault_audit is append-only';
            END
            $$
            """
        )
        op.execute(
            "CREATE TRIGGER vault_audit_append_only BEFORE UPDATE OR DELETE ON vault_audit "
            "FOR EACH ROW EXECUTE FUNCTION vault_audit_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER vault_audit_no_{event.lower()} BEFORE {event} ON vault_audit "
            "BEGIN SELECT RAISE(ABORT, 'vault_audit is append-only'); END"
        )


def _drop_audit_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER vault_audit_append_only ON vault_audit")
        op.execute("DROP FUNCTION vault_audit_append_only()")
        return
    op.execute("DROP TRIGGER vault_audit_no_update")
    op.execute("DROP TRIGGER vault_audit_no_delete")


def downgrade() -> None:
    _drop_audit_triggers()
    with op.batch_alter_table("vault_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vault_item_vault_id_label"))

    op.drop_table("vault_item")
    op.drop_table("vault_grant")
    with op.batch_alter_table("vault", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vault_client_id"))

    op.drop_table("vault")
    op.drop_table("technician_keys")
    with op.batch_alter_table("technician_device", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_technician_device_technician_id"))

    op.drop_table("technician_device")
    with op.batch_alter_table("rotation_worklist", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rotation_worklist_subject_technician_id"))
        batch_op.drop_index(batch_op.f("ix_rotation_worklist_item_id"))

    op.drop_table("rotation_worklist")
    op.drop_table("vault_settings")
    with op.batch_alter_table("vault_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vault_audit_technician_id_at"))
        batch_op.drop_index(batch_op.f("ix_vault_audit_item_id_at"))

    op.drop_table("vault_audit")
