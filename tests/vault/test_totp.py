"""TOTP parsing and codes (app/vault/totp.py): RFC 6238 Appendix B, typed seeds, garbage input."""

from __future__ import annotations

import base64
import datetime as dt
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.vault import totp
from app.vault.totp import TotpError, TotpSpec

#: RFC 6238 Appendix B: the ASCII seeds per algorithm (20, 32 and 64 bytes).
RFC_KEYS = {
    "SHA1": b"12345678901234567890",
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
#: RFC 6238 Appendix B, table of test vectors: (time, SHA1, SHA256, SHA512), 8 digits, 30 s.
RFC_VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]
#: "Hello!\xde\xad\xbe\xef" — the 10-byte key of Google Authenticator's documentation.
DOC_KEY = "JBSWY3DPEHPK3PXP"


def _at(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _b32(key: bytes) -> str:
    return base64.b32encode(key).decode("ascii")


@pytest.mark.parametrize(("seconds", "sha1", "sha256", "sha512"), RFC_VECTORS)
def test_rfc6238_appendix_b(seconds: int, sha1: str, sha256: str, sha512: str) -> None:
    for algorithm, expected in (("SHA1", sha1), ("SHA256", sha256), ("SHA512", sha512)):
        spec = TotpSpec(RFC_KEYS[algorithm], digits=8, period=30, algorithm=algorithm)  # type: ignore[arg-type]
        assert totp.code(spec, _at(seconds)) == expected, algorithm


@pytest.mark.parametrize("algorithm", ["SHA1", "SHA256", "SHA512"])
def test_rfc_vectors_through_an_otpauth_uri(algorithm: str) -> None:
    column = {"SHA1": 1, "SHA256": 2, "SHA512": 3}[algorithm]
    uri = (
        f"otpauth://totp/RFC:6238?secret={_b32(RFC_KEYS[algorithm])}"
        f"&digits=8&period=30&algorithm={algorithm.lower()}&issuer=RFC"
    )
    spec = totp.parse(uri)
    assert (spec.digits, spec.period, spec.algorithm) == (8, 30, algorithm)
    for row in RFC_VECTORS:
        assert totp.code(spec, _at(row[0])) == row[column]


def test_six_digit_codes_are_the_last_six_of_the_eight() -> None:
    spec = TotpSpec(RFC_KEYS["SHA1"])
    assert totp.code(spec, _at(59)) == "287082"
    assert totp.code(spec, _at(1111111109)) == "081804"  # the leading zero is kept


def test_the_code_is_the_same_within_a_period_and_changes_after_it() -> None:
    spec = TotpSpec(RFC_KEYS["SHA1"], digits=8)
    assert totp.code(spec, _at(30)) == totp.code(spec, _at(59)) == "94287082"
    assert totp.code(spec, _at(60)) != "94287082"
    # Microseconds never round up into the next period.
    assert totp.code(spec, _at(59) + dt.timedelta(microseconds=999_999)) == "94287082"


def test_an_aware_instant_in_another_zone_gives_the_same_code() -> None:
    spec = TotpSpec(RFC_KEYS["SHA1"], digits=8)
    cet = dt.timezone(dt.timedelta(hours=1))
    assert totp.code(spec, _at(1234567890).astimezone(cet)) == "89005924"


def test_naive_or_pre_epoch_instants_are_refused() -> None:
    spec = TotpSpec(RFC_KEYS["SHA1"])
    with pytest.raises(ValueError, match="naive"):
        totp.code(spec, dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="epoch"):
        totp.code(spec, _at(0) - dt.timedelta(seconds=1))


@pytest.mark.parametrize(
    ("seconds", "period", "left"),
    [(0, 30, 30), (1, 30, 29), (29, 30, 1), (30, 30, 30), (59, 30, 1), (61, 60, 59), (14, 15, 1)],
)
def test_seconds_left(seconds: int, period: int, left: int) -> None:
    assert totp.seconds_left(TotpSpec(RFC_KEYS["SHA1"], period=period), _at(seconds)) == left


# --- parsing what people paste ----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "JBSWY3DPEHPK3PXP",
        "jbswy3dpehpk3pxp",
        "jbsw y3dp ehpk 3pxp",
        "  JBSW-Y3DP-EHPK-3PXP\n",
        "JBSWY3DPEHPK3PXP====",
    ],
)
def test_base32_as_typed(typed: str) -> None:
    spec = totp.parse(typed)
    assert spec.key == b"Hello!\xde\xad\xbe\xef"
    assert (spec.digits, spec.period, spec.algorithm) == (6, 30, "SHA1")


def test_base32_without_padding_for_an_odd_length_key() -> None:
    key = bytes(range(1, 12))  # 11 bytes: 18 Base32 characters, 6 padding
    assert totp.parse(_b32(key).rstrip("=")).key == key
    assert totp.parse(_b32(key).lower()).key == key


def test_a_uri_keeps_digits_period_and_algorithm() -> None:
    spec = totp.parse(
        "otpauth://totp/ACME%20VPN:bob%40acme.example?secret=jbsw%20y3dp%20ehpk%203pxp"
        "&issuer=ACME%20VPN&algorithm=SHA512&digits=7&period=60"
    )
    assert spec == TotpSpec(b"Hello!\xde\xad\xbe\xef", 7, 60, "SHA512")


def test_a_uri_without_parameters_takes_the_defaults() -> None:
    spec = totp.parse(f"OTPAUTH://TOTP/bob?secret={DOC_KEY}")
    assert (spec.digits, spec.period, spec.algorithm) == (6, 30, "SHA1")


def test_normalise_gives_the_canonical_uri_which_parses_back() -> None:
    stored = totp.normalise(
        "otpauth://totp/ACME:bob?issuer=ACME&period=60&secret=jbswy3dpehpk3pxp&digits=8"
    )
    assert stored == (f"otpauth://totp/?secret={DOC_KEY}&algorithm=SHA1&digits=8&period=60")
    assert totp.normalise(stored) == stored
    assert totp.normalise("jbsw y3dp ehpk 3pxp") == (
        f"otpauth://totp/?secret={DOC_KEY}&algorithm=SHA1&digits=6&period=30"
    )


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("JBSWY3DP!HPK3PXP", "invalid_base32"),
        ("JBSWY3D0EHPK3PXP", "invalid_base32"),  # 0 and 1 are not Base32
        ("JBSWY3DPEHPK3PXPA", "invalid_base32"),  # 17 characters cannot end on a byte
        ("JBSW=Y3DPEHPK3PXP", "invalid_base32"),
        ("JBSWY3DPEHPK3PXı", "invalid_base32"),  # dotless i upper-cases to I
        ("JBSWY3DP", "too_short"),  # 5 bytes
        ("JBSWY3DPEHPK3PX", "too_short"),  # 9 bytes
        ("A" * 300, "too_long"),
        ("A" * 5000, "too_long"),
        ("https://example.com/?secret=JBSWY3DPEHPK3PXP", "invalid_uri"),
        ("otpauth://hotp/bob?secret=JBSWY3DPEHPK3PXP&counter=1", "not_totp"),
        ("otpauth://steam/bob?secret=JBSWY3DPEHPK3PXP", "invalid_uri"),
        ("otpauth://[::1/bob?secret=JBSWY3DPEHPK3PXP", "invalid_uri"),
        ("otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXQ", "invalid_uri"),
        ("otpauth://totp/bob?issuer=ACME", "missing_secret"),
        ("otpauth://totp/bob?secret=", "missing_secret"),
        ("otpauth://totp/bob?secret=JBSWY3DP", "too_short"),
        ("otpauth://totp/bob?secret=JBSW!Y3DPEHPK3PXP", "invalid_base32"),
        (f"otpauth://totp/bob?secret={DOC_KEY}&algorithm=MD5", "unsupported_algorithm"),
        (f"otpauth://totp/bob?secret={DOC_KEY}&digits=5", "invalid_digits"),
        (f"otpauth://totp/bob?secret={DOC_KEY}&digits=9", "invalid_digits"),
        (f"otpauth://totp/bob?secret={DOC_KEY}&digits=six", "invalid_digits"),
        (f"otpauth://totp/bob?secret={DOC_KEY}&digits=%D9%A6", "invalid_digits"),  # Arabic 6
        (f"otpauth://totp/bob?secret={DOC_KEY}&period=10", "invalid_period"),
        (f"otpauth://totp/bob?secret={DOC_KEY}&period=121", "invalid_period"),
        (f"otpauth://totp/bob?secret={DOC_KEY}&period=-30", "invalid_period"),
    ],
)
def test_bad_seeds_raise_a_coded_error_without_the_seed(typed: str, code: str) -> None:
    with pytest.raises(TotpError) as caught:
        totp.parse(typed)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    for secret_part in ("JBSW", "Y3DP", "EHPK", "3PXP", "jbsw"):
        assert secret_part not in message
    # Nothing chained either: a traceback must not print the decoder's input.
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__ or caught.value.__context__ is None


def test_the_spec_repr_leaves_out_the_key() -> None:
    spec = totp.parse(DOC_KEY)
    assert "Hello" not in repr(spec)
    assert "key" not in repr(spec)


def test_a_spec_built_directly_is_checked_too() -> None:
    with pytest.raises(TotpError, match="80 bits"):
        TotpSpec(b"short")
    with pytest.raises(TotpError) as caught:
        TotpSpec(RFC_KEYS["SHA1"], algorithm="MD5")  # type: ignore[arg-type]
    assert caught.value.code == "unsupported_algorithm"


# --- garbage ----------------------------------------------------------------------------------

_URI_NOISE = st.builds(
    lambda head, query: f"otpauth://{head}?{query}",
    st.sampled_from(["totp/x", "TOTP/", "hotp/x", "", "totp", "[", "totp/a:b"]),
    st.lists(
        st.tuples(
            st.sampled_from(["secret", "digits", "period", "algorithm", "issuer", "SECRET", ""]),
            st.text(max_size=40),
        ),
        max_size=6,
    ).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs)),
)


@given(
    st.one_of(
        st.text(max_size=200),
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567 =-abcz01", max_size=120),
        _URI_NOISE,
    )
)
def test_garbage_only_ever_raises_totp_error(typed: str) -> None:
    try:
        spec = totp.parse(typed)
    except TotpError as error:
        assert error.code in get_args(totp.ErrorCode)
        return
    # Whatever parses gives codes of the right length and round-trips through the stored form.
    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    assert len(totp.code(spec, now)) == spec.digits
    assert totp.parse(totp.to_uri(spec)) == spec


@given(st.binary(min_size=10, max_size=128), st.integers(6, 8), st.integers(15, 120))
def test_every_valid_spec_round_trips_through_its_uri(key: bytes, digits: int, period: int) -> None:
    spec = TotpSpec(key, digits, period, "SHA256")
    assert totp.parse(totp.to_uri(spec)) == spec
    assert totp.parse(_b32(key).lower()).key == key
