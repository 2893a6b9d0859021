"""RDP launch planners (remote.md §3.2–3.4) and their rows of the injection matrix (§10.1).

Windows and macOS code runs here through fakes of their OS calls (a `win32cred` stand-in, an
`open` path); no process is started in this file.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.remote import target as target_module
from app.remote.plan import LaunchError
from app.remote.rdp_file import parse_rdp
from app.remote.rdp_launch import (
    INSTALL_FREERDP,
    MACOS_BUNDLE_ID,
    find_freerdp,
    plan_freerdp,
    plan_macos,
    plan_mstsc,
    validate_title,
)
from app.remote.target import Gateway, LaunchPolicy, Target, TargetError
from app.remote.wincred import (
    CRED_PERSIST_SESSION,
    CRED_TYPE_GENERIC,
    MARKER_COMMENT,
    CredentialStore,
)
from app.vault.secret import Secret
from tests.remote.test_rdp_file import (
    HOST_REJECTED,
    LINE_PAYLOADS,
    OPTION_PAYLOADS,
    SHELL_PAYLOADS,
    UNICODE_PAYLOADS,
    USER_REJECTED,
)
from tests.stubs.stub_common import STUB_BIN, FakeCredError, FakeWin32Cred

PIN = ":".join(f"{i:02x}" for i in range(32))
BIN3 = "/usr/bin/xfreerdp3"
BIN2 = "/usr/bin/xfreerdp"
MSTSC = r"C:\Windows\System32\mstsc.exe"
TITLE = "T1234 srv01"
#: Passwords FreeRDP accepts (everything but line breaks and NUL), from the §10.1 table.
GOOD_PASSWORDS = [
    *SHELL_PAYLOADS,
    "a b",
    *OPTION_PAYLOADS,
    *UNICODE_PAYLOADS,
    "/p:x",
    "",
    "pw,with,commas",
]


def _target(**kwargs: Any) -> Target:
    values: dict[str, Any] = {"user": "alice", "domain": "CORP", "cert_sha256": PIN}
    values.update(kwargs)
    host = values.pop("host", "srv01.example.com")
    return Target("rdp", host, values.pop("port", 3389), **values)


# --- FreeRDP ----------------------------------------------------------------------------------


def test_launch_rdp_freerdp3_argv_is_exactly_args_from_stdin() -> None:
    plan = plan_freerdp(_target(), Secret("s3cret pw"), binary=BIN3, major=3, title=TITLE)
    assert plan.argv == [BIN3, "/args-from:stdin"]
    assert plan.method == "rdp-freerdp"
    assert plan.stdin is not None
    assert plan.stdin.decode() == (
        "/v:srv01.example.com:3389\n"
        "/u:alice\n"
        "/d:CORP\n"
        f"/cert:deny,fingerprint:sha256:{PIN}\n"
        "-drives\n"
        "+clipboard\n"
        "/dynamic-resolution\n"
        "/t:T1234 srv01\n"
        "/p:s3cret pw\n"
        "\n"
    )
    assert "s3cret" not in repr(plan)


def test_launch_rdp_freerdp2_options_in_argv_password_on_stdin() -> None:
    plan = plan_freerdp(_target(), "s3cret pw", binary=BIN2, major=2, title=TITLE, security="nla")
    assert plan.argv == [
        BIN2,
        "/v:srv01.example.com:3389",
        "/u:alice",
        "/d:CORP",
        f"/cert:deny,fingerprint:sha256:{PIN}",
        "/sec:nla",
        "-drives",
        "+clipboard",
        "/dynamic-resolution",
        "/t:T1234 srv01",
        "/from-stdin:force",
    ]
    assert plan.stdin == b"s3cret pw\n"


def test_launch_rdp_freerdp_policy_options() -> None:
    policy = LaunchPolicy(
        redirect_drives=True,
        redirect_clipboard=False,
        admin_session=True,
        screen="fullscreen",
        width=1280,
        height=800,
        multimon=True,
        restricted_admin=True,
    )
    plan = plan_freerdp(
        _target(policy=policy, host="::1"), "pw", binary=BIN2, major=2, title=TITLE, security="tls"
    )
    for option in (
        "/v:[::1]:3389",
        "/sec:tls",
        "+drives",
        "-clipboard",
        "/admin",
        "/f",
        "/size:1280x800",
        "/multimon",
        "/restricted-admin",
    ):
        assert option in plan.argv
    with pytest.raises(LaunchError) as caught:
        plan_freerdp(
            _target(policy=LaunchPolicy(remote_guard=True)), "pw", binary=BIN2, major=2, title=TITLE
        )
    assert caught.value.code == "policy_unsupported"
    guarded = plan_freerdp(
        _target(policy=LaunchPolicy(remote_guard=True)), "pw", binary=BIN3, major=3, title=TITLE
    )
    assert guarded.stdin is not None and b"/remoteGuard\n" in guarded.stdin


@pytest.mark.parametrize("major", [2, 3])
def test_launch_rdp_freerdp_requires_a_pin(major: int) -> None:
    with pytest.raises(LaunchError) as caught:
        plan_freerdp(_target(cert_sha256=None), "pw", binary=BIN3, major=major, title=TITLE)
    assert caught.value.code == "pin_required"


@pytest.mark.parametrize("major", [2, 3])
@pytest.mark.parametrize("password", [*LINE_PAYLOADS, "pw\r", "a\0b"])
def test_launch_rdp_freerdp_refuses_line_break_passwords(major: int, password: str) -> None:
    with pytest.raises(LaunchError) as caught:
        plan_freerdp(_target(), Secret(password), binary=BIN3, major=major, title=TITLE)
    assert caught.value.code in ("password_line_break", "password_nul")
    assert password not in str(caught.value)
    if caught.value.code == "password_line_break":
        assert "Copy password" in str(caught.value)


@pytest.mark.parametrize("major", [2, 3])
@pytest.mark.parametrize("password", GOOD_PASSWORDS)
def test_launch_rdp_freerdp_injection_passwords_only_on_stdin(major: int, password: str) -> None:
    plan = plan_freerdp(_target(), Secret(password), binary=BIN3, major=major, title=TITLE)
    assert plan.stdin is not None
    lines = plan.stdin.decode().split("\n")
    if major == 3:
        assert plan.argv == [BIN3, "/args-from:stdin"]
        assert lines[-3:] == [f"/p:{password}", "", ""]
        assert sum(line.startswith("/p:") for line in lines) == 1
    else:
        assert lines == [password, ""]
        assert not any(element.startswith("/p:") for element in plan.argv)
        if password:
            assert not any(password in element for element in plan.argv[1:] if element != "+drives")


def _contains(plan_argv: list[str], value: str) -> list[str]:
    return [element for element in plan_argv if value in element]


@pytest.mark.parametrize("user", ["a b", "José", "svc_backup$"])
def test_launch_rdp_freerdp_injection_user_is_one_element(user: str) -> None:
    plan = plan_freerdp(_target(user=user), "pw", binary=BIN2, major=2, title=TITLE)
    assert _contains(plan.argv, user) == [f"/u:{user}"]
    plan3 = plan_freerdp(_target(user=user), "pw", binary=BIN3, major=3, title=TITLE)
    assert plan3.stdin is not None
    assert f"\n/u:{user}\n" in plan3.stdin.decode()


@pytest.mark.parametrize("payload", HOST_REJECTED)
def test_launch_rdp_freerdp_injection_hosts_rejected_before_any_plan(payload: str) -> None:
    with pytest.raises(TargetError):
        _target(host=payload)
    with pytest.raises(TargetError):
        _target(gateway=Gateway(payload))


@pytest.mark.parametrize("payload", USER_REJECTED)
def test_launch_rdp_injection_users_rejected_before_any_plan(payload: str) -> None:
    with pytest.raises(TargetError):
        _target(user=payload)
    with pytest.raises(TargetError):
        _target(gateway=Gateway("gw", user=payload))


def test_launch_rdp_freerdp2_gateway() -> None:
    same = plan_freerdp(
        _target(gateway=Gateway("gw.example.com", 443)), "pw", binary=BIN2, major=2, title=TITLE
    )
    assert "/g:gw.example.com:443" in same.argv
    assert not any(element.startswith(("/gu:", "/gd:")) for element in same.argv)
    assert same.stdin == b"pw\n"
    other = plan_freerdp(
        _target(gateway=Gateway("gw.example.com", None, "gwuser", "GWDOM")),
        "pw",
        binary=BIN2,
        major=2,
        title=TITLE,
        gateway_password=Secret("gw,pw"),
    )
    assert [e for e in other.argv if e.startswith(("/g:", "/gu:", "/gd:"))] == [
        "/g:gw.example.com",
        "/gu:gwuser",
        "/gd:GWDOM",
    ]
    assert other.argv[-1] == "/from-stdin:force"
    assert other.stdin == b"pw\ngw,pw\n"
    with pytest.raises(LaunchError) as caught:
        plan_freerdp(
            _target(gateway=Gateway("gw", user="gwuser")), "pw", binary=BIN2, major=2, title=TITLE
        )
    assert caught.value.code == "gateway_password_required"
    with pytest.raises(LaunchError) as caught:
        plan_freerdp(
            _target(gateway=Gateway("gw", user="gwuser")),
            "pw",
            binary=BIN2,
            major=2,
            title=TITLE,
            gateway_password="a\nb",
        )
    assert caught.value.code == "gateway_password_line_break"


def test_launch_rdp_freerdp3_gateway() -> None:
    same = plan_freerdp(
        _target(gateway=Gateway("gw.example.com", 443)), "pw", binary=BIN3, major=3, title=TITLE
    )
    assert same.argv == [BIN3, "/args-from:stdin"]
    assert same.stdin is not None
    assert "\n/gateway:g:gw.example.com:443\n" in same.stdin.decode()
    other = plan_freerdp(
        _target(gateway=Gateway("gw.example.com", None, "gwuser", "GWDOM")),
        "pw",
        binary=BIN3,
        major=3,
        title=TITLE,
        gateway_password="gw pw;x",
    )
    assert other.stdin is not None
    assert "\n/gateway:g:gw.example.com,u:gwuser,d:GWDOM,p:gw pw;x\n" in other.stdin.decode()
    with pytest.raises(LaunchError) as caught:
        plan_freerdp(
            _target(gateway=Gateway("gw", user="gwuser")),
            "pw",
            binary=BIN3,
            major=3,
            title=TITLE,
            gateway_password="a,p:x",
        )
    assert caught.value.code == "gateway_password_comma"
    assert "a,p:x" not in str(caught.value)


@pytest.mark.parametrize("title", ["", "a;b", "x" * 81, "é", "a\nb", "tab\there"])
def test_launch_rdp_title_validation(title: str) -> None:
    with pytest.raises(ValueError):
        validate_title(title)
    with pytest.raises(ValueError):
        plan_freerdp(_target(), "pw", binary=BIN3, major=3, title=title)
    assert validate_title(TITLE) == TITLE


def test_launch_rdp_freerdp_argument_checks() -> None:
    with pytest.raises(ValueError):
        plan_freerdp(_target(), "pw", binary="xfreerdp", major=3, title=TITLE)
    with pytest.raises(ValueError):
        plan_freerdp(_target(), "pw", binary=BIN3, major=4, title=TITLE)
    with pytest.raises(ValueError):
        plan_freerdp(_target(), "pw", binary=BIN3, major=3, title=TITLE, security="rdp")
    with pytest.raises(LaunchError) as caught:
        plan_freerdp(_target(user=None, domain=None), "pw", binary=BIN3, major=3, title=TITLE)
    assert caught.value.code == "user_required"


def test_launch_rdp_find_freerdp_order_and_versions() -> None:
    present = {"xfreerdp": "/usr/bin/xfreerdp", "wlfreerdp3": "/usr/bin/wlfreerdp3"}
    seen: list[list[str]] = []

    def run(argv: list[str]) -> str:
        seen.append(argv)
        return "This is FreeRDP version 3.5.1 (git 3.5.1)\n"

    assert find_freerdp(present.get, run) == ("/usr/bin/wlfreerdp3", 3)
    assert seen == [["/usr/bin/wlfreerdp3", "/version"]]
    # No version output (xfreerdp 2 without a display): the name decides.
    assert find_freerdp({"xfreerdp": "/usr/bin/xfreerdp"}.get, lambda argv: "") == (
        "/usr/bin/xfreerdp",
        2,
    )
    assert find_freerdp({"sdl-freerdp3": "/opt/sdl-freerdp3"}.get, lambda argv: "")[1] == 3


def test_launch_rdp_find_freerdp_missing_names_the_package() -> None:
    with pytest.raises(LaunchError) as caught:
        find_freerdp(lambda name: None, lambda argv: "")
    assert caught.value.code == "client_missing"
    assert str(caught.value) == INSTALL_FREERDP
    assert "apt install freerdp2-x11" in str(caught.value)


def test_launch_rdp_find_freerdp_reads_the_stub_versions(tmp_path: Path) -> None:
    def which_in(directory: Path):
        return lambda name: shutil.which(name, path=str(directory))

    assert find_freerdp(which_in(STUB_BIN)) == (str(STUB_BIN / "xfreerdp3"), 3)
    only2 = tmp_path / "bin"
    only2.mkdir()
    (only2 / "xfreerdp").symlink_to(STUB_BIN / "xfreerdp")
    path, major = find_freerdp(which_in(only2))
    assert (path, major) == (str(only2 / "xfreerdp"), 2)


# --- validator bypass -------------------------------------------------------------------------


@pytest.fixture
def no_validators(monkeypatch: pytest.MonkeyPatch) -> None:
    """remote.md §10.1: with every validator accepting anything, values stay one element."""
    for name in ("validate_host", "validate_user", "validate_domain", "validate_cert_sha256"):
        monkeypatch.setattr(target_module, name, lambda value, field=name: value)


@pytest.mark.parametrize("payload", [*SHELL_PAYLOADS, "a b", *OPTION_PAYLOADS, "x /p:evil"])
def test_launch_rdp_validator_bypass_values_stay_one_element(
    no_validators: None, payload: str, tmp_path: Path
) -> None:
    target = _target(host=payload, user=payload, domain=payload)
    plan = plan_freerdp(target, "pw", binary=BIN2, major=2, title=TITLE)
    assert len(plan.argv) == 10
    assert f"/v:{target.address}" in plan.argv and payload in target.address
    assert f"/u:{payload}" in plan.argv
    assert f"/d:{payload}" in plan.argv
    assert plan.argv[-1] == "/from-stdin:force"
    plan3 = plan_freerdp(target, "pw", binary=BIN3, major=3, title=TITLE)
    assert plan3.argv == [BIN3, "/args-from:stdin"]
    launch = _mstsc(tmp_path, target, None)
    assert launch.plan.argv == [MSTSC, str(launch.plan.files[0])]
    macos = plan_macos(target, rdp_dir=tmp_path / "mac", open_path="/usr/bin/open")
    assert [len(p.argv) for p in macos] == [4, 2]


@pytest.mark.parametrize("payload", [*LINE_PAYLOADS, "a\0b"])
@pytest.mark.parametrize("where", ["host", "user", "domain", "cert_sha256"])
@pytest.mark.parametrize("major", [2, 3])
def test_launch_rdp_validator_bypass_refuses_line_breaks(
    no_validators: None, payload: str, where: str, major: int, tmp_path: Path
) -> None:
    target = _target(**{where: payload})
    with pytest.raises(ValueError) as caught:
        plan_freerdp(target, "pw", binary=BIN3, major=major, title=TITLE)
    assert payload not in str(caught.value)
    if where != "cert_sha256":
        store = _store(tmp_path)
        with pytest.raises(ValueError):
            plan_mstsc(target, None, "pw", rdp_dir=tmp_path / "rdp", cred=store, mstsc_path=MSTSC)
        with pytest.raises(ValueError):
            plan_macos(target, rdp_dir=tmp_path / "mac")
        assert not (tmp_path / "rdp").exists()
        assert store.listed() == []
        assert store._api.calls == []  # type: ignore[attr-defined]


def test_launch_rdp_validator_bypass_gateway_comma(no_validators: None) -> None:
    target = _target(gateway=Gateway("gw", user="u,p:evil"))
    with pytest.raises(ValueError):
        plan_freerdp(target, "pw", binary=BIN3, major=3, title=TITLE, gateway_password="x")


# --- mstsc (fake win32cred) -------------------------------------------------------------------


def _store(tmp_path: Path, api: FakeWin32Cred | None = None) -> CredentialStore:
    return CredentialStore(api or FakeWin32Cred(), tmp_path / "state" / "termsrv.json")


def _mstsc(tmp_path, target=None, account="CORP\\alice", password="pw", api=None, **kwargs):
    """`plan_mstsc` into `tmp_path/rdp` with a fake credential API."""
    store = _store(tmp_path, api)
    return plan_mstsc(
        target or _target(),
        account,
        password,
        rdp_dir=tmp_path / "rdp",
        cred=store,
        mstsc_path=MSTSC,
        **kwargs,
    )


def test_launch_rdp_mstsc_seeds_then_deletes_termsrv(tmp_path: Path) -> None:
    api = FakeWin32Cred()
    store = _store(tmp_path, api)
    target = _target(policy=LaunchPolicy(admin_session=True, screen="fullscreen"))
    launch = plan_mstsc(
        target, "CORP\\alice", Secret("Pa55 w;rd"), rdp_dir=tmp_path / "rdp", cred=store
    )
    assert not launch.offer_copy_password
    assert launch.credential_name == "TERMSRV/srv01.example.com"
    [write] = [c for c in api.calls if c[0] == "CredWrite"]
    assert write[2] == {
        "Type": CRED_TYPE_GENERIC,
        "TargetName": "TERMSRV/srv01.example.com",
        "UserName": "CORP\\alice",
        "CredentialBlob": "Pa55 w;rd",
        "Comment": MARKER_COMMENT,
        "Persist": CRED_PERSIST_SESSION,
    }
    assert CRED_PERSIST_SESSION == 1
    assert store.listed() == ["TERMSRV/srv01.example.com"]
    plan = launch.plan
    [path] = plan.files
    assert plan.argv == [MSTSC, str(path), "/admin", "/f"]
    assert plan.method == "rdp-mstsc"
    assert plan.delete_after_s == 60
    assert plan.stdin is None
    assert path.parent == tmp_path / "rdp"
    assert (path.stat().st_mode & 0o777) == 0o600
    data = path.read_bytes()
    assert "Pa55".encode("utf-16-le") not in data and b"Pa55" not in data
    entries = parse_rdp(data)
    assert entries["prompt for credentials"] == ("i", 0)
    assert entries["username"] == ("s", "CORP\\alice")
    assert entries["full address"] == ("s", "srv01.example.com:3389")
    for step in plan.cleanup:
        step()
    assert api.names("CredDelete") == ["TERMSRV/srv01.example.com"]
    assert api.entries == {}
    assert store.listed() == []


def test_launch_rdp_mstsc_foreign_entry_is_untouched(tmp_path: Path) -> None:
    api = FakeWin32Cred()
    mine = {"TargetName": "TERMSRV/srv01.example.com", "UserName": "me", "CredentialBlob": "own"}
    api.entries["TERMSRV/srv01.example.com"] = dict(mine)
    store = _store(tmp_path, api)
    launch = plan_mstsc(_target(), "CORP\\alice", "pw", rdp_dir=tmp_path / "rdp", cred=store)
    assert launch.offer_copy_password and launch.reason == "foreign_entry"
    assert launch.plan.cleanup == ()
    assert parse_rdp(launch.plan.files[0].read_bytes())["prompt for credentials"] == ("i", 1)
    assert api.names("CredWrite") == [] and api.names("CredDelete") == []
    assert store.sweep() == 0
    assert api.entries["TERMSRV/srv01.example.com"] == mine


def test_launch_rdp_mstsc_falls_back_to_prompt(tmp_path: Path) -> None:
    api = FakeWin32Cred()
    store = _store(tmp_path, api)

    def plan(password: Any, **kwargs: Any):
        return plan_mstsc(
            _target(), "alice", password, rdp_dir=tmp_path / "rdp", cred=store, **kwargs
        )

    assert plan("x" * 1281).reason == "too_long"
    assert not plan("x" * 1280).offer_copy_password
    api.entries.clear()
    assert plan("pw", use_clipboard=True).reason == "use_clipboard"
    assert plan(None).reason == "no_password"
    api.fail_writes = True
    failed = plan("pw")
    assert failed.reason == "write_failed" and failed.offer_copy_password
    assert store.listed() == []
    with pytest.raises(LaunchError) as caught:
        plan("a\0b")
    assert caught.value.code == "password_nul"


def test_launch_rdp_mstsc_switches_are_separate_elements(tmp_path: Path) -> None:
    policy = LaunchPolicy(
        admin_session=True,
        restricted_admin=True,
        remote_guard=True,
        screen="fullscreen",
        public_mode=True,
    )
    launch = _mstsc(tmp_path, _target(policy=policy), None, None)
    assert launch.plan.argv[2:] == ["/admin", "/restrictedAdmin", "/remoteGuard", "/f", "/public"]
    with pytest.raises(ValueError):
        plan_mstsc(_target(), None, None, rdp_dir=tmp_path, cred=_store(tmp_path), mstsc_path="x")


def test_launch_rdp_mstsc_ipv6_and_port(tmp_path: Path) -> None:
    api = FakeWin32Cred()
    launch = _mstsc(tmp_path, _target(host="::1", port=3390), api=api)
    assert launch.credential_name == "TERMSRV/[::1]"
    entries = parse_rdp(launch.plan.files[0].read_bytes())
    assert entries["full address"] == ("s", "[::1]:3390")


@pytest.mark.parametrize("password", [*GOOD_PASSWORDS[:-2], "pw\nline", "p\r\nusername:s:x"])
def test_launch_rdp_mstsc_injection_password_never_in_argv_or_file(
    password: str, tmp_path: Path
) -> None:
    api = FakeWin32Cred()
    launch = _mstsc(tmp_path, password=Secret(password), api=api)
    assert launch.plan.argv == [MSTSC, str(launch.plan.files[0])]
    data = launch.plan.files[0].read_bytes().decode("utf-16")
    assert password not in data
    assert api.entries["TERMSRV/srv01.example.com"]["CredentialBlob"] == password


def test_launch_rdp_mstsc_bad_account_rejected_before_anything(tmp_path: Path) -> None:
    api = FakeWin32Cred()
    with pytest.raises(TargetError):
        _mstsc(tmp_path, account="CORP\\a;calc", api=api)
    assert api.calls == []
    assert not (tmp_path / "rdp").exists()


def test_launch_rdp_wincred_sweep_deletes_only_our_leftovers(tmp_path: Path) -> None:
    api = FakeWin32Cred()
    store = _store(tmp_path, api)
    # A crash after CredWrite: the entry and its list line survive.
    assert store.seed("srv01", "alice", "pw").seeded
    assert store.seed("srv02", "alice", "pw").seeded
    # The user replaced srv02's entry with their own since.
    api.entries["TERMSRV/srv02"] = {"TargetName": "TERMSRV/srv02", "Comment": "mine"}
    # A restart: a new store over the same list file.
    again = _store(tmp_path, api)
    assert again.listed() == ["TERMSRV/srv01", "TERMSRV/srv02"]
    assert again.sweep() == 1
    assert "TERMSRV/srv01" not in api.entries
    assert api.entries["TERMSRV/srv02"]["Comment"] == "mine"
    assert again.listed() == []
    # Our own marked leftover is replaced rather than treated as foreign.
    assert again.seed("srv03", "alice", "pw").seeded
    assert again.seed("srv03", "alice", "pw2").seeded
    assert api.entries["TERMSRV/srv03"]["CredentialBlob"] == "pw2"


def test_launch_rdp_wincred_other_errors_propagate(tmp_path: Path) -> None:
    api = FakeWin32Cred()

    def broken(TargetName: str, Type: int, Flags: int = 0) -> dict[str, Any]:
        raise FakeCredError(5)

    api.CredRead = broken  # type: ignore[method-assign]
    with pytest.raises(FakeCredError):
        _store(tmp_path, api).seed("srv01", "alice", "pw")


# --- macOS (open) -----------------------------------------------------------------------------


def test_launch_rdp_macos_plans_open_bundle_then_plain_open(tmp_path: Path) -> None:
    target = _target(gateway=Gateway("gw.example.com", 443))
    primary, fallback = plan_macos(target, rdp_dir=tmp_path / "Caches" / "rdp")
    [path] = primary.files
    assert primary.argv == ["/usr/bin/open", "-b", MACOS_BUNDLE_ID, str(path)]
    assert fallback.argv == ["/usr/bin/open", str(path)]
    assert fallback.files == (path,)
    for plan in (primary, fallback):
        assert plan.detached and plan.delete_after_s == 120 and plan.method == "rdp-macos"
        assert plan.stdin is None
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    entries = parse_rdp(path.read_bytes())
    assert entries["prompt for credentials on client"] == ("i", 1)
    assert entries["prompt for credentials"] == ("i", 1)
    assert entries["username"] == ("s", "CORP\\alice")
    assert entries["gatewayhostname"] == ("s", "gw.example.com:443")
    with pytest.raises(ValueError):
        plan_macos(target, rdp_dir=tmp_path, open_path="open")


def test_launch_rdp_plans_hide_stdin_in_repr() -> None:
    plan = plan_freerdp(_target(), "hunter2", binary=BIN3, major=3, title=TITLE)
    assert "hunter2" not in repr(plan) and "hunter2" not in str(plan)
    assert "hunter2" not in repr(replace(plan))
