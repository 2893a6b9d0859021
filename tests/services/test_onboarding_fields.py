"""app/services/onboarding_fields.py: one check per kind of typed value (domain.md §3.2).

Each check returns the value to store or raises `FieldError` whose `code` the view shows at the
field. Good values assert the exact stored form; bad values assert the exact code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import onboarding_fields as check
from app.services.onboarding_fields import FieldError

LABEL_63 = "a" * 63
LABEL_64 = "a" * 64


def _code(fn: object, *args: object) -> str:
    with pytest.raises(FieldError) as info:
        fn(*args)  # type: ignore[operator]
    assert str(info.value) == info.value.code
    return info.value.code


# --- hostname ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("server01", "server01"),
        ("DC01.Corp.Example.COM", "dc01.corp.example.com"),
        ("  fs-01.example.com  ", "fs-01.example.com"),
        # One trailing dot (a fully qualified name) is dropped.
        ("example.com.", "example.com"),
        ("xn--bcher-kva.ch", "xn--bcher-kva.ch"),
        (f"{LABEL_63}.example.com", f"{LABEL_63}.example.com"),
        # Digits in a label are fine as long as the whole name is not a dotted number.
        ("10.0.0.300a", "10.0.0.300a"),
        ("1-2.example", "1-2.example"),
    ],
)
def test_hostname_accepts_and_normalises(text: str, stored: str) -> None:
    assert check.hostname(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        ".",
        # A mistyped address is not a host name.
        "10.0.0.300",
        "10.0.0.1",
        "123",
        f"{LABEL_64}.example.com",
        "-server.example.com",
        "server-.example.com",
        "exa mple.com",
        "a_b.example.com",
        "bücher.ch",
        "example..com",
        ".example.com",
        "example.com/path",
        "http://example.com",
        # More than one trailing dot is not a fully qualified name: it is a typo.
        "example.com..",
        # 254 characters: 127 labels "a." minus nothing -> too long overall.
        ".".join(["a"] * 127) + "a",
    ],
)
def test_hostname_refuses(text: str) -> None:
    assert _code(check.hostname, text) == "invalid_hostname"


def test_hostname_of_253_characters_is_the_longest_accepted() -> None:
    name = ".".join([LABEL_63] * 3 + ["a" * 61])  # 63*3 + 61 + 3 dots = 253
    assert len(name) == 253
    assert check.hostname(name) == name
    assert _code(check.hostname, name + "a") == "invalid_hostname"


# --- ip_address -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("10.0.0.1", "10.0.0.1"),
        (" 192.168.1.254 ", "192.168.1.254"),
        ("::1", "::1"),
        ("[::1]", "::1"),
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("2001:db8::ff00:42:8329", "2001:db8::ff00:42:8329"),
        ("::ffff:10.0.0.1", "::ffff:a00:1"),
    ],
)
def test_ip_address_accepts_ipv4_and_ipv6_in_canonical_form(text: str, stored: str) -> None:
    assert check.ip_address(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "", "10.0.0.300", "10.0.0", "10.0.0.1.1", "010.0.0.1", "::g", "1:2:3:4:5:6:7:8:9", "dc01",
        "fe80::1%eth0", "[fe80::1%25eth0]",
    ],
)  # fmt: skip
def test_ip_address_refuses(text: str) -> None:
    assert _code(check.ip_address, text) == "invalid_ip"


# --- host -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("10.0.0.1", "10.0.0.1"),
        ("FE80::1", "fe80::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("RDS.example.com.", "rds.example.com"),
    ],
)
def test_host_accepts_names_and_addresses(text: str, stored: str) -> None:
    assert check.host(text) == stored


@pytest.mark.parametrize("text", ["", "10.0.0.300", "exa mple.com", "host:3389", "a_b", "-x"])
def test_host_refuses_with_its_own_code(text: str) -> None:
    assert _code(check.host, text) == "invalid_host"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_host_raises_only_field_error_on_arbitrary_text(text: str) -> None:
    try:
        result = check.host(text)
    except FieldError as e:
        assert e.code == "invalid_host"
    else:
        assert isinstance(result, str)
        assert result
        # What was accepted is stable: checking it again gives the same value.
        assert check.host(result) == result


# --- port -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"), [("1", 1), ("22", 22), (" 22 ", 22), ("3389", 3389), ("65535", 65535)]
)
def test_port_accepts(text: str, stored: int) -> None:
    assert check.port(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "",
        "0",
        "65536",
        "-22",
        "22.0",
        "2 2",
        "0x16",
        "ssh",
        "99999999999999999999",
        # Python's int() leniency must not leak into a port field: these are typos.
        "2_2",
    ],
)
def test_port_refuses(text: str) -> None:
    assert _code(check.port, text) == "invalid_port"


# --- url --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("https://portal.example.com/support", "https://portal.example.com/support"),
        ("http://10.0.0.5:8080/login", "http://10.0.0.5:8080/login"),
        ("HTTPS://Example.com", "HTTPS://Example.com"),
        ("https://[2001:db8::1]/", "https://[2001:db8::1]/"),
        # No scheme: taken as https.
        ("example.com/x", "https://example.com/x"),
        ("  www.example.com  ", "https://www.example.com"),
    ],
)
def test_url_accepts(text: str, stored: str) -> None:
    assert check.url(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "",
        "http://",
        "http://exa mple.com",
        "exa mple.com",
        "javascript:alert(1)",
        "javascript://example.com/%0Aalert(1)",
        "JavaScript://example.com",
        "ftp://files.example.com",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "https://10.0.0.300/",
        "https://example.com:99999/",
        "https://example.com:port/",
        "https://bad_host.example.com/",
        # Control characters that urlsplit silently drops must not be stored in the URL.
        "http://exa\tmple.com",
        "http://exa\nmple.com/",
        # A mistyped scheme is not a host called "http".
        "http:/example.com",
        "https//example.com",
    ],
)
def test_url_refuses(text: str) -> None:
    assert _code(check.url, text) == "invalid_url"


# --- email ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("jan@example.com", "jan@example.com"),
        (" Jan.Peeters+it@Sub.Example.BE ", "Jan.Peeters+it@Sub.Example.BE"),
        ("a@b.co", "a@b.co"),
    ],
)
def test_email_accepts(text: str, stored: str) -> None:
    assert check.email(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "",
        "jan",
        "jan@",
        "@example.com",
        "jan@localhost",
        "jan@intranet",
        # The dot must be inside the domain, not a trailing one.
        "jan@intranet.",
        "jan@example..com",
        "jan @example.com",
        "jan@exa mple.com",
        "jan@@example.com",
        "a@b@example.com",
        "jan@10.0.0.1",
        "jan@-example.com",
        "jan@example_corp.com",
        ("x" * 65) + "@example.com",
        "a@" + ".".join(["b" * 63] * 5) + ".com",
    ],
)
def test_email_refuses(text: str) -> None:
    assert _code(check.email, text) == "invalid_email"


# --- phone ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("+32 9 123 45 67", "+32 9 123 45 67"),
        ("  +32   9 123\t45 67 ", "+32 9 123 45 67"),
        ("(09) 123.45.67", "(09) 123.45.67"),
        ("09/123-45-67", "09/123-45-67"),
        ("1234", "1234"),
        ("+32 9 123 45 67 x123", "+32 9 123 45 67 x123"),
        ("+32 9 123 45 67 ext. 12", "+32 9 123 45 67 ext. 12"),
        ("+1 555 0100 EXT 7", "+1 555 0100 EXT 7"),
    ],
)
def test_phone_accepts(text: str, stored: str) -> None:
    assert check.phone(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "",
        "123",
        "555-CALL-NOW",
        "+32 9 ABC 45 67",
        "call me",
        "++32 9 123 45 67",
        "32+ 9 123 45 67",
        "+32 9 123 45 67 x",
        "1" * 31,
        # Only the extension has digits: there is no number to call.
        "()-./x1234",
    ],
)
def test_phone_refuses(text: str) -> None:
    assert _code(check.phone, text) == "invalid_phone"


# --- timezone ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("Europe/Brussels", "Europe/Brussels"),
        ("europe/brussels", "Europe/Brussels"),
        ("  EUROPE/BRUSSELS ", "Europe/Brussels"),
        ("america/argentina/buenos_aires", "America/Argentina/Buenos_Aires"),
        ("utc", "UTC"),
    ],
)
def test_timezone_is_case_insensitive_and_returned_in_proper_case(text: str, stored: str) -> None:
    assert check.timezone(text) == stored


@pytest.mark.parametrize(
    "text", ["", "Mars/Olympus", "Europe/Brussel", "Europe", "+01:00", "CET+1", "Europe/../UTC"]
)
def test_timezone_refuses_unknown_zones(text: str) -> None:
    assert _code(check.timezone, text) == "unknown_timezone"


# --- date -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [("2026-03-02", "2026-03-02"), (" 2028-02-29 ", "2028-02-29"), ("2026-12-31", "2026-12-31")],
)
def test_date_accepts(text: str, stored: str) -> None:
    assert check.date(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-02-30",
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-2-3",
        "02/03/2026",
        "2026-03-02T10:00",
        "tomorrow",
    ],
)
def test_date_refuses(text: str) -> None:
    assert _code(check.date, text) == "invalid_date"


# --- integer ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "stored"), [("1", 1), (" 99 ", 99), ("+5", 5), ("50", 50)])
def test_integer_accepts_within_bounds(text: str, stored: int) -> None:
    assert check.integer(text, 1, 99) == stored


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "invalid_number"),
        ("1,5", "invalid_number"),
        ("1.5", "invalid_number"),
        ("1.0", "invalid_number"),
        ("five", "invalid_number"),
        ("0", "out_of_range"),
        ("100", "out_of_range"),
        ("-1", "out_of_range"),
    ],
)
def test_integer_refuses(text: str, code: str) -> None:
    assert _code(check.integer, text, 1, 99) == code


# --- number -----------------------------------------------------------------------------------

LO, HI = Decimal(0), Decimal(100_000)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("12.5", "12.5"),
        # A comma is the decimal mark in much of Europe.
        ("1,5", "1.5"),
        (" 40 ", "40"),
        ("12.50", "12.5"),
        ("100000", "100000"),
        ("1e3", "1000"),
        ("0", "0"),
    ],
)
def test_number_accepts_and_stores_plain_text(text: str, stored: str) -> None:
    assert check.number(text, LO, HI) == stored


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "invalid_number"),
        ("NaN", "invalid_number"),
        ("nan", "invalid_number"),
        ("sNaN", "invalid_number"),
        ("Infinity", "invalid_number"),
        ("-Infinity", "invalid_number"),
        ("inf", "invalid_number"),
        ("1,000.5", "invalid_number"),
        ("12 hours", "invalid_number"),
        ("0x10", "invalid_number"),
        ("-0.5", "out_of_range"),
        ("100000.01", "out_of_range"),
        ("1e6", "out_of_range"),
    ],
)
def test_number_refuses(text: str, code: str) -> None:
    assert _code(check.number, text, LO, HI) == code


def test_number_stored_text_is_not_longer_than_a_field_allows() -> None:
    # Ten typed characters must not become a megabyte of "0.000…1" in the saved document.
    try:
        stored = check.number("1e-999999", LO, HI)
    except FieldError as e:
        assert e.code in ("invalid_number", "out_of_range")
    else:
        assert len(stored) <= 200


# --- country ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "stored"), [("BE", "BE"), ("be", "BE"), (" nl ", "NL")])
def test_country_accepts_two_letters_upper_cased(text: str, stored: str) -> None:
    assert check.country(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "",
        "BEL",
        "B",
        "B1",
        "12",
        "B E",
        "ÄB",
        # One typed letter that upper-cases to two ("ß" -> "SS") is not a country code.
        "ß",
        "ﬀ",
    ],
)
def test_country_refuses(text: str) -> None:
    assert _code(check.country, text) == "invalid_country"
