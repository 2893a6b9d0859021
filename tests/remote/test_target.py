"""Target validation (remote.md §1) and the host/user columns of the §10.1 injection matrix."""

from __future__ import annotations

import pytest

from app.remote.target import (
    Target,
    TargetError,
    split_account,
    validate_cert_sha256,
    validate_domain,
    validate_host,
    validate_port,
    validate_user,
)

#: Payloads every host, gateway and domain field must refuse (remote.md §10.1).
HOST_INJECTIONS = [
    "a;calc",
    "a&calc",
    "a|calc",
    "`calc`",
    "$(calc)",
    "'x'",
    '"x"',
    "a b",
    "a\nb",
    "a\r\nusername:s:x",
    "-oProxyCommand=calc",
    "-l",
    "/admin",
    "\u0455rv01",  # Cyrillic dze looks like "s"
    "srv\uff1b01",  # fullwidth semicolon
    "srv\uff0201",  # fullwidth quotation mark
    "srv\u202e01",  # right-to-left override
    "srv\u200b01",  # zero-width space
    "[::1]",
    "fe80::1%eth0",
    "999.1.1.1",
    "10.0.0",
    "",
    "srv01:3389",
    "a..b",
    "-srv",
    "srv-",
    "x" * 64 + ".example",
    "22; rm -rf",
    "srv\x00",
]


@pytest.mark.parametrize("payload", HOST_INJECTIONS)
def test_remote_host_rejects_injection(payload: str) -> None:
    with pytest.raises(TargetError) as caught:
        validate_host(payload)
    assert caught.value.field == "host"
    assert caught.value.code
    # Never echo the value: it may be a pasted password.
    if payload:
        assert payload not in str(caught.value)


@pytest.mark.parametrize("payload", HOST_INJECTIONS)
def test_remote_target_and_domain_reject_injection(payload: str) -> None:
    with pytest.raises(ValueError):
        Target("rdp", payload, 3389)
    if payload != "srv-":  # a valid NetBIOS name, though not a valid host
        with pytest.raises(TargetError):
            validate_domain(payload)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("::1", "::1"),
        ("fe80::1", "fe80::1"),
        ("FE80:0:0::1", "fe80::1"),
        ("10.0.0.5", "10.0.0.5"),
        ("srv01", "srv01"),
        ("srv-01.corp.example.com", "srv-01.corp.example.com"),
        ("srv01.example.", "srv01.example."),
        ("_ldap.example", "_ldap.example"),
        ("1host.example", "1host.example"),
        ("a" * 63 + ".example", "a" * 63 + ".example"),
    ],
)
def test_remote_host_accepts(text: str, stored: str) -> None:
    assert validate_host(text) == stored
    assert Target("ssh", text, 22).host == stored


@pytest.mark.parametrize("port", [0, -1, 65536, True, False, "22", "22; rm -rf", 22.0, None])
def test_remote_port_rejects(port: object) -> None:
    with pytest.raises(TargetError) as caught:
        validate_port(port)
    assert caught.value.code == "invalid_port"


@pytest.mark.parametrize("port", [1, 22, 3389, 65535])
def test_remote_port_accepts(port: int) -> None:
    assert validate_port(port) == port


@pytest.mark.parametrize(
    "user",
    [
        "a;calc",
        "a&calc",
        "a|calc",
        "`calc`",
        "$(calc)",
        "'x'",
        '"x"',
        "a\nb",
        "a\r\nusername:s:x",
        "-oProxyCommand=calc",
        "-l",
        "/admin",
        "\uff1bx",
        "x\uff02",
        "x\u202e",
        "x\u200b",
        ".x",
        "x.",
        " x",
        "x ",
        "",
        "x" * 105,
        "Jose\u0301",  # decomposed: not NFC
        "\u0455rv01",  # Cyrillic dze among Latin letters
        "adm\u0456n",  # Cyrillic i
        "\u03b1dmin",  # Greek alpha
    ],
)
def test_remote_user_rejects(user: str) -> None:
    with pytest.raises(TargetError):
        validate_user(user)


@pytest.mark.parametrize(
    "user", ["a b", "José", "svc_backup$", "first.last", "x-admin", "用户", "Иван.Петров"]
)
def test_remote_user_accepts(user: str) -> None:
    assert validate_user(user) == user


def test_remote_account_split() -> None:
    assert split_account("CORP\\alice") == ("CORP", "alice")
    assert split_account("alice@corp.example") == ("corp.example", "alice")
    assert split_account("alice") == (None, "alice")
    with pytest.raises(TargetError):
        split_account("CORP\\a;b")
    with pytest.raises(TargetError):
        split_account("alice@10.0.0.1")


def test_remote_cert_fingerprint_format() -> None:
    good = ":".join(["ab"] * 32)
    assert validate_cert_sha256(good) == good
    for bad in [good.upper(), good.replace(":", ""), good[:-3], good + ":00"]:
        with pytest.raises(TargetError):
            validate_cert_sha256(bad)


def test_remote_target_defaults_and_frozen() -> None:
    target = Target.of("winrm", "srv01")
    assert (target.port, Target.of("rdp", "srv01").port, Target.of("ssh", "::1").port) == (
        5985,
        3389,
        22,
    )
    with pytest.raises(AttributeError):
        target.host = "other"  # type: ignore[misc]
    with pytest.raises(TargetError):
        Target("telnet", "srv01", 23)  # type: ignore[arg-type]
