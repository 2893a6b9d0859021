"""WinRM over HTTP (NTLM with message encryption) against the fake WS-Man server, plus the
pure parts of the console: script encoding, CLIXML, diagnostics (remote.md §6, §10.4)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import winrm.transport
from winrm.protocol import Protocol as WSManProtocol

from app.remote.probe import Timeouts, probe
from app.remote.target import Target, TargetError
from app.remote.winrm import (
    OUTPUT_CAP,
    CommandResult,
    WinRMClient,
    WinRMError,
    protocol_options,
    wsman_errors,
)
from app.remote.winrm_script import (
    ATTACH_DIAGNOSTICS,
    DIAGNOSTICS,
    ENV_LOADER,
    UTF8_PREFIX,
    clean_clixml,
    fits_command_line,
    parse_diagnostics,
)
from app.vault.secret import Secret
from tests.fakes.wsman import SIGNAL_TERMINATE, Canned, FakeWSMan

PASSWORD = "S3cret-pw"
ACCOUNT = "CONTOSO\\alice"
IPCONFIG = "Windows IP Configuration\r\n\r\n   Host Name . . . . : SRV01\r\n"


@pytest.fixture
def fake() -> Iterator[FakeWSMan]:
    with FakeWSMan("ntlm", users={ACCOUNT: PASSWORD}) as server:
        server.add_command("ipconfig /all", stdout=IPCONFIG)
        yield server


def _target(fake: FakeWSMan, account: str = ACCOUNT) -> Target:
    return Target("winrm", "127.0.0.1", fake.port).with_account(account)


def _client(fake: FakeWSMan, password: str = PASSWORD) -> WinRMClient:
    return WinRMClient(_target(fake), password, operation_timeout_sec=5, read_timeout_sec=10)


def _wait_for(condition: Callable[[], bool], limit: float = 5.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_winrm_ntlm_encrypted_run_cmd_ipconfig(fake: FakeWSMan) -> None:
    with _client(fake) as client:
        result = client.run_cmd("ipconfig", ["/all"])
        again = client.run_cmd("ipconfig", ["/all"])
    assert result == CommandResult(IPCONFIG, "", 0)
    assert again.stdout == IPCONFIG
    assert [r.command_line for r in fake.received] == ["ipconfig /all", "ipconfig /all"]
    # One shell for the client's life, deleted on close; every body was sealed.
    assert fake.actions.count("Create") == 1
    assert fake.actions[-1] == "Delete"
    assert fake.plaintext_rejected == 0
    assert fake.connections == 1


def test_winrm_run_ps_sends_encoded_command_and_decodes_utf8(fake: FakeWSMan) -> None:
    text = "Zażółć gęślą jaźń — Съешь же ещё этих булок\r\n"
    fake.add_script("Get-Content C:\\notes.txt", stdout=text)
    with _client(fake) as client:
        result = client.run_ps("Get-Content C:\\notes.txt")
    assert result.stdout == text
    assert result.exit_code == 0
    (received,) = fake.received
    assert received.command == "powershell"
    assert received.arguments.startswith("-NoProfile -NonInteractive -EncodedCommand ")
    assert received.encoded_script == UTF8_PREFIX + "Get-Content C:\\notes.txt"
    assert received.codepage == 65001


def test_winrm_run_ps_cleans_clixml_stderr(fake: FakeWSMan) -> None:
    clixml = (
        b"#< CLIXML\r\n"
        b'<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
        b'<Obj S="progress" RefId="0"><TN RefId="0"><T>System.Management.Automation.PSCustomObject'
        b'</T></TN><MS><I64 N="SourceId">1</I64></MS></Obj>'
        b"<S S=\"Error\">Get-Item : Cannot find path 'C:\\nope'_x000D__x000A_</S>"
        b'<S S="Error">because it does not exist._x000D__x000A_</S></Objs>'
    )
    fake.add_script("Get-Item C:\\nope", stderr=clixml, exit_code=1)
    with _client(fake) as client:
        result = client.run_ps("Get-Item C:\\nope")
    assert result.stderr == "Get-Item : Cannot find path 'C:\\nope'\nbecause it does not exist."
    assert result.exit_code == 1


def test_winrm_wrong_password_is_auth_error(fake: FakeWSMan) -> None:
    wrong = "Wr0ng-pw-unique"
    client = _client(fake, wrong)
    with pytest.raises(WinRMError) as info:
        client.run_cmd("ipconfig", ["/all"])
    client.close()
    assert info.value.code == "auth"
    assert fake.auth_failures >= 1
    assert fake.received == []
    for text in (str(info.value), repr(info.value), repr(client)):
        assert wrong not in text and PASSWORD not in text


def test_winrm_accepts_vault_secret(fake: FakeWSMan) -> None:
    with WinRMClient(_target(fake), Secret(PASSWORD)) as client:
        assert client.run_cmd("ipconfig", ["/all"]).exit_code == 0
        assert PASSWORD not in repr(client)


def test_winrm_plaintext_is_encryption_required_without_retry(fake: FakeWSMan) -> None:
    # The app never turns encryption off; this shows what the server does when it is off.
    protocol = WSManProtocol(
        fake.url,
        transport="ntlm",
        username=ACCOUNT,
        password=PASSWORD,
        message_encryption="never",
        proxy=None,
        ca_trust_path=None,  # type: ignore[arg-type]
        operation_timeout_sec=5,
        read_timeout_sec=10,
    )
    try:
        with pytest.raises(WinRMError) as info, wsman_errors("127.0.0.1"):
            protocol.open_shell()
    finally:
        protocol.transport.close_session()
    assert info.value.code == "encryption_required"
    assert "encrypt" in str(info.value)
    # 401 (no auth), 401 (challenge), 400 (authenticated but plaintext): nothing after it.
    assert fake.plaintext_rejected == 1
    assert fake.requests == 3
    assert fake.shells == {}


def test_winrm_client_needs_explicit_scheme_and_transport(fake: FakeWSMan) -> None:
    for protocol in ("rdp", "ssh"):
        with pytest.raises(WinRMError) as info:
            WinRMClient(Target.of(protocol, "127.0.0.1").with_account(ACCOUNT), PASSWORD)
        assert info.value.code == "config"
    with pytest.raises(WinRMError, match="no account"):
        WinRMClient(Target.of("winrm", "127.0.0.1"), PASSWORD)
    with pytest.raises(TargetError):
        Target("winrm", "127.0.0.1", 5985, winrm_transport="basic")
    options = protocol_options(_target(fake), None)
    assert options["endpoint"] == f"http://127.0.0.1:{fake.port}/wsman"
    assert options["transport"] == "ntlm"
    assert options["message_encryption"] == "always"
    assert options["proxy"] is None
    kerberos = Target("winrm", "srv01.contoso.com", 5985, user="alice", winrm_transport="kerberos")
    assert protocol_options(kerberos, None)["transport"] == "kerberos"
    assert protocol_options(kerberos, None)["message_encryption"] == "always"
    with pytest.raises(WinRMError) as pin:
        WinRMClient(Target.of("winrm-https", "127.0.0.1").with_account(ACCOUNT), PASSWORD)
    assert pin.value.code == "pin_required"
    with pytest.raises(WinRMError):
        WinRMClient(_target(fake), PASSWORD, operation_timeout_sec=70, read_timeout_sec=60)


def test_winrm_kerberos_without_its_package_is_a_config_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(winrm.transport, "HAVE_KERBEROS", False)
    kerberos = Target("winrm", "srv01.contoso.com", 5985, user="alice", winrm_transport="kerberos")
    with pytest.raises(WinRMError, match="Kerberos") as info:
        WinRMClient(kerberos, PASSWORD)
    assert info.value.code == "config"


def test_winrm_long_script_goes_via_hd_script_env(fake: FakeWSMan) -> None:
    script = "$names = @(\n" + ",\n".join(f"'Server{i:04}'" for i in range(400)) + ")\n$names"
    assert not fits_command_line(script)
    fake.add_script(script, stdout="ok\r\n")
    with _client(fake) as client:
        client.run_cmd("ipconfig", ["/all"])
        result = client.run_ps(script)
        after = client.run_cmd("ipconfig", ["/all"])
    assert result.stdout == "ok\r\n"
    first, long_one, last = fake.received
    assert long_one.encoded_script == UTF8_PREFIX + ENV_LOADER
    assert long_one.shell_env == {"HD_SCRIPT": UTF8_PREFIX + script}
    assert len(long_one.command_line) < 8191
    # A dedicated shell for the environment, deleted at once; the shared one is kept.
    assert long_one.shell_id != first.shell_id
    assert last.shell_id == first.shell_id
    assert fake.deleted_shells[0] == long_one.shell_id
    assert after.exit_code == 0


def test_winrm_cancel_sends_signal_terminate(fake: FakeWSMan) -> None:
    fake.add_command("ping -t 10.0.0.1", Canned(stdout="Reply\r\n", block=True, exit_code=-1))
    client = _client(fake)
    results: list[CommandResult] = []
    worker = threading.Thread(target=lambda: results.append(client.run_cmd("ping -t 10.0.0.1")))
    worker.start()
    _wait_for(lambda: "Receive" in fake.actions)
    started = time.monotonic()
    client.cancel()
    worker.join(5)
    assert not worker.is_alive()
    assert time.monotonic() - started < 2
    (result,) = results
    assert result.cancelled
    assert result.stdout == "Reply\r\n"
    assert {code for _, _, code in fake.signals} == {SIGNAL_TERMINATE}
    assert {shell for shell, _, _ in fake.signals} == {fake.received[0].shell_id}
    client.close()
    client.close()


def test_winrm_cancel_while_starting_still_stops_the_command(fake: FakeWSMan) -> None:
    client = _client(fake)
    # cancel() arrives while the Command request is in flight: there is no command id yet,
    # so the worker must send the Signal itself.
    fake.add_command("ping -t 10.0.0.2", Canned(block=True, on_start=client.cancel))
    result = client.run_cmd("ping -t 10.0.0.2")
    client.close()
    assert result.cancelled
    assert [code for _, _, code in fake.signals] == [SIGNAL_TERMINATE]
    assert "Receive" not in fake.actions


def test_winrm_receive_timeouts_are_polled_again(fake: FakeWSMan) -> None:
    # The fake answers a blocked Receive with the OperationTimeout fault, as Windows does.
    fake.max_operation_wait = 0.2
    fake.add_command("timeout /t 1", Canned(block=True))
    client = _client(fake)
    worker = threading.Thread(target=client.run_cmd, args=("timeout /t 1",))
    worker.start()
    _wait_for(lambda: fake.actions.count("Receive") >= 3)
    client.cancel()
    worker.join(5)
    client.close()


def test_winrm_output_capped_at_1mib(fake: FakeWSMan) -> None:
    fake.add_command("type big.log", stdout=b"a" * (OUTPUT_CAP + OUTPUT_CAP // 2))
    with _client(fake) as client:
        result = client.run_cmd("type big.log")
    assert result.truncated
    assert len(result.stdout) == OUTPUT_CAP
    assert result.exit_code == -1
    # Reading stopped at the cap and the command was told to stop.
    assert [code for _, _, code in fake.signals] == [SIGNAL_TERMINATE]


def test_winrm_expired_shell_is_reopened(fake: FakeWSMan) -> None:
    with _client(fake) as client:
        client.run_cmd("ipconfig", ["/all"])
        fake.shells.clear()
        assert client.run_cmd("ipconfig", ["/all"]).stdout == IPCONFIG
    assert fake.actions.count("Create") == 2
    assert len(fake.received) == 2


def test_winrm_unreachable_port_fails_fast() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    target = Target("winrm", "127.0.0.1", port).with_account(ACCOUNT)
    started = time.monotonic()
    with pytest.raises(WinRMError) as info, WinRMClient(target, PASSWORD) as client:
        client.run_cmd("ipconfig")
    assert info.value.code == "unreachable"
    assert time.monotonic() - started < 2
    assert PASSWORD not in str(info.value)


def test_winrm_silent_server_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        target = Target("winrm", "127.0.0.1", listener.getsockname()[1]).with_account(ACCOUNT)
        started = time.monotonic()
        client = WinRMClient(target, PASSWORD, operation_timeout_sec=1, read_timeout_sec=2)
        with pytest.raises(WinRMError) as info:
            client.run_cmd("ipconfig")
        client.close()
    assert info.value.code == "timeout"
    assert time.monotonic() - started < 4


def test_probe_winrm_identify_against_fake(fake: FakeWSMan) -> None:
    result = probe(Target.of("winrm", "127.0.0.1", fake.port), Timeouts(read=2.0, total=3.0))
    assert result.outcome == "ok"
    assert result.info["product_vendor"] == "Microsoft Corporation"
    assert fake.identify_requests == 1


# --- scripts and diagnostics (no server) -------------------------------------------------------


def test_winrm_diagnostic_scripts_fit_the_command_line() -> None:
    assert len(ATTACH_DIAGNOSTICS.encode("utf-8")) < 2500
    assert fits_command_line(ATTACH_DIAGNOSTICS)
    assert set(DIAGNOSTICS) == {"uptime", "disk_space", "stopped_services", "system_errors"}
    assert all(fits_command_line(script) for script in DIAGNOSTICS.values())


def test_winrm_attach_diagnostics_round_trip(fake: FakeWSMan) -> None:
    reply = {
        "host": "SRV01",
        "os": "Microsoft Windows Server 2022 Standard",
        "version": "10.0.20348",
        "uptime_hours": 49.5,
        "disks": {"drive": "C:", "size_gb": 126.9, "free_gb": 20.1},
        "stopped_services": ["gupdate", "sppsvc"],
        "system_errors": [
            {"time": "2026-12-01T10:00:00Z", "source": "Disk", "id": 7, "message": "bad\x1b[2J"}
        ],
        "extra": "dropped",
    }
    fake.add_script(ATTACH_DIAGNOSTICS, stdout="\ufeff" + json.dumps(reply) + "\r\n")
    with _client(fake) as client:
        parsed = parse_diagnostics(client.run_ps(ATTACH_DIAGNOSTICS).stdout)
    assert parsed["disks"] == [{"drive": "C:", "size_gb": 126.9, "free_gb": 20.1}]
    assert parsed["stopped_services"] == ["gupdate", "sppsvc"]
    assert parsed["system_errors"] == [
        {"time": "2026-12-01T10:00:00Z", "source": "Disk", "id": 7, "message": "bad\ufffd[2J"}
    ]
    assert "extra" not in parsed


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "not json",
        "[1, 2]",
        '"string"',
        '{"uptime_hours": "long"}',
        '{"uptime_hours": true}',
        '{"uptime_hours": 1, "host": 5}',
        '{"uptime_hours": 1, "disks": "C:"}',
        '{"uptime_hours": 1, "disks": [{"drive": "C:", "size_gb": "1"}]}',
        '{"uptime_hours": 1, "system_errors": [{"id": true}]}',
        '{"uptime_hours": 1, "stopped_services": [1]}',
        '{"uptime_hours": 1, "host": "' + "x" * 1000 + '"}',
        '{"uptime_hours": 1, "stopped_services": [' + ",".join(['"s"'] * 501) + "]}",
        '{"uptime_hours": 1, "x": "' + "y" * 300_000 + '"}',
        "[" * 100_000,
        '{"uptime_hours": 1e999}',
    ],
)
def test_winrm_parse_diagnostics_rejects_junk(junk: str) -> None:
    with pytest.raises(ValueError):
        parse_diagnostics(junk)


def test_winrm_clean_clixml_leaves_plain_text_alone() -> None:
    assert clean_clixml(b"plain error\r\n") == "plain error\r\n"
    assert clean_clixml(b"#< CLIXML\r\n<Objs><S>unclosed") == "#< CLIXML\r\n<Objs><S>unclosed"
