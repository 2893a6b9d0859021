"""The `.rdp` writer (remote.md §3.1) and its row of the injection matrix (§10.1)."""

from __future__ import annotations

import pytest

from app.remote import target as target_module
from app.remote.rdp_file import RdpValueError, encode_rdp, parse_rdp, write_rdp
from app.remote.target import Gateway, LaunchPolicy, Target, TargetError

#: The keys every file has, with the values of a default policy and no gateway.
BASE_ENTRIES = {
    "full address": ("s", "srv01.example.com:3389"),
    "username": ("s", "CORP\\alice"),
    "prompt for credentials": ("i", 1),
    "promptcredentialonce": ("i", 1),
    "enablecredsspsupport": ("i", 1),
    "redirectclipboard": ("i", 1),
    "authentication level": ("i", 2),
    "screen mode id": ("i", 1),
    "use multimon": ("i", 0),
    "dynamic resolution": ("i", 1),
    "administrative session": ("i", 0),
    "drivestoredirect": ("s", ""),
    "devicestoredirect": ("s", ""),
    "usbdevicestoredirect": ("s", ""),
    "camerastoredirect": ("s", ""),
    "redirectprinters": ("i", 0),
    "redirectsmartcards": ("i", 0),
    "redirectcomports": ("i", 0),
    "audiocapturemode": ("i", 0),
}

#: Payloads of remote.md §10.1, by row.
SHELL_PAYLOADS = ["a;calc", "a&calc", "a|calc", "`calc`", "$(calc)", "'x'", '"x"']
LINE_PAYLOADS = ["a\nb", "a\r\nusername:s:x", "pw\n/drive:all,/"]
OPTION_PAYLOADS = ["-oProxyCommand=calc", "-l", "/admin"]
UNICODE_PAYLOADS = ["\u0455rv01", "a\uff1bb", "a\uff02b", "a\u202eb", "a\u200bb"]
HOST_REJECTED = [
    *SHELL_PAYLOADS,
    "a b",
    *LINE_PAYLOADS,
    *OPTION_PAYLOADS,
    *UNICODE_PAYLOADS,
    "[::1]",
    "fe80::1%eth0",
    "999.1.1.1",
]
#: `ѕrv01` mixes Cyrillic into Latin: a look-alike, refused (a name in one script is accepted).
USER_REJECTED = [*SHELL_PAYLOADS, *LINE_PAYLOADS, *OPTION_PAYLOADS, *UNICODE_PAYLOADS]


def _target(**kwargs: object) -> Target:
    values: dict[str, object] = {"user": "alice", "domain": "CORP"}
    values.update(kwargs)
    return Target("rdp", str(values.pop("host", "srv01.example.com")), 3389, **values)  # type: ignore[arg-type]


def test_rdp_file_round_trip_has_exactly_the_fixed_keys() -> None:
    text = write_rdp(_target(), prompt_credentials=True)
    assert parse_rdp(encode_rdp(text)) == BASE_ENTRIES
    assert parse_rdp(text) == BASE_ENTRIES


def test_rdp_file_seeded_credential_turns_the_prompt_off() -> None:
    entries = parse_rdp(write_rdp(_target(), prompt_credentials=False))
    assert entries["prompt for credentials"] == ("i", 0)


def test_rdp_file_macos_adds_only_the_client_side_prompt() -> None:
    entries = parse_rdp(write_rdp(_target(), prompt_credentials=True, macos=True))
    expected = dict(BASE_ENTRIES)
    expected["prompt for credentials on client"] = ("i", 1)
    assert entries == expected


def test_rdp_file_policy_values_come_from_the_record() -> None:
    policy = LaunchPolicy(
        redirect_drives=True,
        redirect_clipboard=False,
        strict=True,
        admin_session=True,
        screen="fullscreen",
        width=1920,
        height=1080,
        multimon=True,
    )
    entries = parse_rdp(write_rdp(_target(policy=policy), prompt_credentials=True))
    expected = dict(BASE_ENTRIES)
    expected.update(
        {
            "drivestoredirect": ("s", "*"),
            "redirectclipboard": ("i", 0),
            "authentication level": ("i", 1),
            "administrative session": ("i", 1),
            "screen mode id": ("i", 2),
            "desktopwidth": ("i", 1920),
            "desktopheight": ("i", 1080),
            "use multimon": ("i", 1),
        }
    )
    assert entries == expected


def test_rdp_file_gateway_keys() -> None:
    gateway = Gateway("gw.example.com", 443)
    entries = parse_rdp(write_rdp(_target(gateway=gateway), prompt_credentials=True))
    expected = dict(BASE_ENTRIES)
    expected.update(
        {
            "gatewayhostname": ("s", "gw.example.com:443"),
            "gatewayusagemethod": ("i", 1),
            "gatewayprofileusagemethod": ("i", 1),
            "gatewaycredentialssource": ("i", 4),
        }
    )
    assert entries == expected
    bare = parse_rdp(write_rdp(_target(gateway=Gateway("gw.example.com")), prompt_credentials=True))
    assert bare["gatewayhostname"] == ("s", "gw.example.com")


@pytest.mark.parametrize(
    ("host", "address"),
    [("::1", "[::1]:3389"), ("fe80::1", "[fe80::1]:3389"), ("10.0.0.5", "10.0.0.5:3389")],
)
def test_rdp_file_ip_addresses(host: str, address: str) -> None:
    entries = parse_rdp(write_rdp(_target(host=host), prompt_credentials=True))
    assert entries["full address"] == ("s", address)


def test_rdp_file_upn_account_and_no_account() -> None:
    upn = Target.of("rdp", "srv01").with_account("alice@corp.example.com")
    entries = parse_rdp(write_rdp(upn, prompt_credentials=True))
    assert entries["username"] == ("s", "alice@corp.example.com")
    bare = parse_rdp(write_rdp(Target.of("rdp", "srv01"), prompt_credentials=True))
    assert "username" not in bare


def test_rdp_file_encoding_is_utf16le_bom_crlf() -> None:
    data = encode_rdp(write_rdp(_target(user="José"), prompt_credentials=True))
    assert data.startswith(b"\xff\xfe")
    text = data[2:].decode("utf-16-le")
    assert "\r\n" in text
    assert "\n" not in text.replace("\r\n", "")
    assert text.endswith("\r\n")
    assert "username:s:CORP\\José\r\n" in text


def test_rdp_file_never_emits_dangerous_keys() -> None:
    everything = LaunchPolicy(redirect_drives=True, admin_session=True, screen="fullscreen")
    text = write_rdp(
        _target(policy=everything, gateway=Gateway("gw", 443, "bob", "CORP")),
        prompt_credentials=False,
        macos=True,
    ).lower()
    for banned in (
        "password " + "51",
        "alternate shell",
        "shell working directory",
        "remoteapplication",
        "authentication level:i:0",
    ):
        assert banned not in text


@pytest.mark.parametrize("payload", HOST_REJECTED)
@pytest.mark.parametrize("where", ["host", "domain", "gateway"])
def test_rdp_file_injection_hosts_rejected_before_any_file(payload: str, where: str) -> None:
    with pytest.raises(TargetError):
        if where == "host":
            _target(host=payload)
        elif where == "domain":
            _target(domain=payload)
        else:
            _target(gateway=Gateway(payload))


@pytest.mark.parametrize("payload", USER_REJECTED)
def test_rdp_file_injection_users_rejected(payload: str) -> None:
    with pytest.raises(TargetError):
        _target(user=payload)
    with pytest.raises(TargetError):
        Target.of("rdp", "srv01").with_account(f"CORP\\{payload}")


@pytest.mark.parametrize("user", ["a b", "José"])
def test_rdp_file_injection_accepted_user_is_one_line(user: str) -> None:
    text = write_rdp(_target(user=user), prompt_credentials=True)
    assert parse_rdp(text)["username"] == ("s", f"CORP\\{user}")
    assert len(text.splitlines()) == len(BASE_ENTRIES)


@pytest.fixture
def no_validators(monkeypatch: pytest.MonkeyPatch) -> None:
    """The validator bypass of remote.md §10.1: every target field is accepted as is."""
    for name in ("validate_host", "validate_user", "validate_domain"):
        monkeypatch.setattr(target_module, name, lambda value, field=name: value)


@pytest.mark.parametrize("payload", [*LINE_PAYLOADS, "a\x00b", "a\u2028b"])
@pytest.mark.parametrize("where", ["host", "user", "domain", "gateway"])
def test_rdp_file_validator_bypass_still_refuses_line_breaks(
    no_validators: None, payload: str, where: str
) -> None:
    if where == "gateway":
        target = _target(gateway=Gateway(payload))
    else:
        target = _target(**{where: payload})
    with pytest.raises(RdpValueError) as caught:
        write_rdp(target, prompt_credentials=True)
    assert payload not in str(caught.value)


def test_rdp_file_validator_bypass_keeps_other_payloads_in_one_value(no_validators: None) -> None:
    target = _target(host="a;calc", user="x /p:evil", domain="-l")
    entries = parse_rdp(write_rdp(target, prompt_credentials=True))
    assert entries["full address"] == ("s", "a;calc:3389")
    assert entries["username"] == ("s", "-l\\x /p:evil")
    assert set(entries) == set(BASE_ENTRIES)


def test_rdp_file_parser_is_strict() -> None:
    with pytest.raises(ValueError):
        parse_rdp("full address:s:a\nfull address:s:b\n")
    with pytest.raises(ValueError):
        parse_rdp("no type here\n")
    with pytest.raises(ValueError):
        parse_rdp("key:x:1\n")
    assert parse_rdp(b"\xef\xbb\xbfkey:s:a:b:c\r\n") == {"key": ("s", "a:b:c")}
