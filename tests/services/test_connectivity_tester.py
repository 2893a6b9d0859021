"""Automatic connectivity tests of a client's remote methods, against loopback responders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from app.db import Database
from app.models import RemoteAccessRecord
from app.models.enums import Role
from app.remote.probe import Timeouts
from app.services.connectivity import ConnectivityService, ConnectivityTester
from app.services.errors import PermissionDeniedError
from app.services.onboarding import OnboardingService
from app.services.remote_records import records
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock
from tests.remote.responders import (
    Responder,
    refused_port,
    ssh_banner,
    x224_confirm,
    x224_play,
)

FAST = Timeouts(dns=2.0, connect=1.0, read=0.5, total=1.5)


@pytest.fixture
def servers() -> Iterator[tuple[int, int]]:
    """An RDP (X.224, TLS negotiated) and an SSH responder on 127.0.0.1: their ports."""
    with (
        Responder(x224_play(x224_confirm(2, 1), tls=True)).use_tls() as rdp,
        Responder(ssh_banner()) as ssh,
    ):
        yield rdp.port, ssh.port


def _remote(db: Database, clock: FakeClock, client: int, actor: int, rdp: int, ssh: int) -> None:
    raw = {
        "rdp": [{"host": "127.0.0.1", "port": str(rdp)}],
        "ssh": [{"host": "127.0.0.1", "port": str(ssh), "auth": "password"}],
        "winrm": [{"host": "127.0.0.1", "transport": "http", "port": str(refused_port()),
                   "auth": "ntlm"}],
        "vpn": [{"type": "wireguard", "endpoint": "vpn.acme.example"}],
    }  # fmt: skip
    OnboardingService(db, clock).save_section(client, "remote", raw, None, actor)


def test_every_testable_method_is_probed_and_recorded(
    db: Database, clock: FakeClock, servers: tuple[int, int]
) -> None:
    tech = add_technician(db, "Ann Tech")
    client = add_client(db)
    _remote(db, clock, client, tech, *servers)

    statuses = ConnectivityTester(db, clock, FAST).test(client, tech)

    by_kind = {m.kind: m for m in statuses}
    assert (by_kind["rdp"].outcome, by_kind["ssh"].outcome) == ("ok", "ok")
    assert by_kind["rdp"].detail.startswith("ok; ")
    assert "rdp_protocol TLS" in by_kind["rdp"].detail
    assert "ssh_version SSH-2.0-" in by_kind["ssh"].detail
    assert by_kind["winrm"].outcome == "failed"
    assert by_kind["winrm"].detail.startswith("failed at tcp_refused")
    # A VPN cannot be probed: it keeps waiting for a technician's manual result.
    assert by_kind["vpn"].outcome is None
    assert {m.checked_by for m in statuses if m.kind != "vpn"} == {"Ann Tech"}
    assert ConnectivityService(db, clock).methods(client) == statuses


def test_only_the_chosen_methods_are_probed(
    db: Database, clock: FakeClock, servers: tuple[int, int]
) -> None:
    tech = add_technician(db, "Ann Tech")
    client = add_client(db)
    _remote(db, clock, client, tech, *servers)
    ssh_key = next(m.method_key for m in ConnectivityService(db, clock).methods(client)
                   if m.kind == "ssh")  # fmt: skip

    statuses = ConnectivityTester(db, clock, FAST).test(client, tech, {ssh_key})

    assert {m.kind: m.outcome for m in statuses} == {
        "rdp": None, "ssh": "ok", "winrm": None, "vpn": None,
    }  # fmt: skip


def test_a_read_only_account_cannot_record_tests(
    db: Database, clock: FakeClock, servers: tuple[int, int]
) -> None:
    tech = add_technician(db, "Ann Tech")
    viewer = add_technician(db, "Owen Viewer", role=Role.READ_ONLY)
    client = add_client(db)
    _remote(db, clock, client, tech, *servers)
    with pytest.raises(PermissionDeniedError):
        ConnectivityTester(db, clock, FAST).test(client, viewer)
    assert {m.outcome for m in ConnectivityService(db, clock).methods(client)} == {None}


def test_probe_results_stamp_the_remote_records_last_verified_fields(
    db: Database, clock: FakeClock, servers: tuple[int, int]
) -> None:
    tech = add_technician(db, "Ann Tech")
    client = add_client(db)
    _remote(db, clock, client, tech, *servers)

    ConnectivityTester(db, clock, FAST).test(client, tech)

    with db.read() as s:
        stamped = {r.protocol: r for r in s.scalars(select(RemoteAccessRecord))}
        views = {v.protocol: v for v in records(s, client)}
        rdp = stamped["rdp"]
        assert (rdp.last_verify_outcome, rdp.last_verified_at) == ("ok", clock.now())
        assert rdp.last_verify_detail["info"]["cert_sha256"].count(":") == 31
        assert "127.0.0.1" in rdp.last_verify_summary
        assert stamped["winrm"].last_verify_outcome == "failed"
        assert views["rdp"].last_verified.startswith("Last verified ")
        assert views["rdp"].last_verified.endswith("by Ann Tech: OK — " + rdp.last_verify_summary)


def test_a_certificate_other_than_the_pinned_one_is_a_warning(
    db: Database, clock: FakeClock, servers: tuple[int, int]
) -> None:
    tech = add_technician(db, "Ann Tech")
    client = add_client(db)
    _remote(db, clock, client, tech, *servers)
    pinned = ":".join(["ab"] * 32)
    with db.write() as s:
        s.execute(
            update(RemoteAccessRecord)
            .where(RemoteAccessRecord.protocol == "rdp")
            .values(cert_sha256=pinned)
        )

    statuses = ConnectivityTester(db, clock, FAST).test(client, tech)

    with db.read() as s:
        rdp = s.scalars(
            select(RemoteAccessRecord).where(RemoteAccessRecord.protocol == "rdp")
        ).one()
        assert rdp.last_verify_outcome == "warning"
        assert "certificate differs from the pinned one" in rdp.last_verify_summary
    assert next(m for m in statuses if m.kind == "rdp").outcome == "failed"
