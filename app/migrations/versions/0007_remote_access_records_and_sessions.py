"""Remote access records (MAC-bound targets synced from the data-capture form) and the session log.

New tables get the team role's rights through 0005's default privileges. Remote sections saved
before this revision are copied into records, unsigned (the first launch asks to confirm them).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 02:29:39.870186
"""

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "remote_access_record",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("protocol", sa.String(length=16), nullable=False),
        sa.Column("host", sa.String(length=253), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(length=253), nullable=False),
        sa.Column("gateway_host", sa.String(length=253), nullable=False),
        sa.Column("gateway_port", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.String(length=36), nullable=True),
        sa.Column("gateway_item_id", sa.String(length=36), nullable=True),
        sa.Column("winrm_transport", sa.String(length=16), nullable=False),
        sa.Column("ssh_auth", sa.String(length=16), nullable=False),
        sa.Column("ssh_host_key", sa.Text(), nullable=False),
        sa.Column("cert_sha256", sa.String(length=95), nullable=False),
        sa.Column("cert_pem", sa.Text(), nullable=False),
        sa.Column("policy", sa.JSON(), nullable=False),
        sa.Column("record_mac", sa.LargeBinary(), nullable=True),
        sa.Column("mac_key_version", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("last_verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_verified_by_id", sa.Integer(), nullable=True),
        sa.Column("last_verify_outcome", sa.String(length=16), nullable=False),
        sa.Column("last_verify_summary", sa.String(length=200), nullable=False),
        sa.Column("last_verify_detail", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["technician.id"],
            name=op.f("fk_remote_access_record_changed_by_id_technician"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_remote_access_record_client_id_client")
        ),
        sa.ForeignKeyConstraint(
            ["last_verified_by_id"],
            ["technician.id"],
            name=op.f("fk_remote_access_record_last_verified_by_id_technician"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remote_access_record")),
    )
    with op.batch_alter_table("remote_access_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_remote_access_record_client_id_protocol"),
            ["client_id", "protocol"],
            unique=False,
        )

    op.create_table(
        "remote_session",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("technician_id", sa.Integer(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("method", sa.String(length=24), nullable=False),
        sa.Column("target_host", sa.String(length=253), nullable=False),
        sa.Column("target_port", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=True),
        sa.Column("key_version", sa.Integer(), nullable=True),
        sa.Column("audit_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("exit_code", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_remote_session_client_id_client")
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technician.id"],
            name=op.f("fk_remote_session_technician_id_technician"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_remote_session_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remote_session")),
    )
    with op.batch_alter_table("remote_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_remote_session_client_id_started_at"),
            ["client_id", "started_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_remote_session_ticket_id_started_at"),
            ["ticket_id", "started_at"],
            unique=False,
        )

    _backfill()


_PORTS = {"rdp": 3389, "ssh": 22, "winrm": 5985, "winrm-https": 5986}


def _backfill() -> None:
    conn = op.get_bind()
    sections = sa.table(
        "onboarding_section",
        sa.column("client_id", sa.Integer),
        sa.column("section", sa.String),
        sa.column("data", sa.JSON),
    )
    records = sa.table(
        "remote_access_record", *(sa.column(c) for c in _COLUMNS), sa.column("policy", sa.JSON),
        sa.column("last_verify_detail", sa.JSON), sa.column("changed_at", sa.DateTime(True)),
    )  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    rows: list[dict[str, Any]] = []
    for client_id, data in conn.execute(
        sa.select(sections.c.client_id, sections.c.data).where(sections.c.section == "remote")
    ).all():
        doc = json.loads(data) if isinstance(data, str) else (data or {})
        for kind in ("rdp", "ssh", "winrm"):
            for row in doc.get(kind, []):
                protocol = kind
                if kind == "winrm" and row.get("transport") == "https":
                    protocol = "winrm-https"
                rows.append(
                    {
                        "id": str(row["key"]), "client_id": client_id, "protocol": protocol,
                        "host": str(row.get("host") or ""),
                        "port": int(row.get("port") or _PORTS[protocol]), "domain": "",
                        "gateway_host": str(row.get("gateway") or "") if kind == "rdp" else "",
                        "item_id": row.get("credential") or None,
                        "winrm_transport": (
                            str(row.get("auth") or "ntlm") if kind == "winrm" else ""
                        ),
                        "ssh_auth": str(row.get("auth") or "") if kind == "ssh" else "",
                        "ssh_host_key": "", "cert_sha256": "", "cert_pem": "",
                        "last_verify_outcome": "", "last_verify_summary": "", "row_version": 1,
                        "policy": {}, "last_verify_detail": {}, "changed_at": now,
                    }
                )  # fmt: skip
    if rows:
        op.bulk_insert(records, rows)


_COLUMNS = (
    "id", "client_id", "protocol", "host", "port", "domain", "gateway_host", "item_id",
    "winrm_transport", "ssh_auth", "ssh_host_key", "cert_sha256", "cert_pem",
    "last_verify_outcome", "last_verify_summary", "row_version",
)  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("remote_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_remote_session_ticket_id_started_at"))
        batch_op.drop_index(batch_op.f("ix_remote_session_client_id_started_at"))

    op.drop_table("remote_session")
    with op.batch_alter_table("remote_access_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_remote_access_record_client_id_protocol"))

    op.drop_table("remote_access_record")
