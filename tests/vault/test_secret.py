"""`Secret` (vault.md §7.4): hidden in reprs, not picklable, explicit reveal, wipeable."""

from __future__ import annotations

import copy
import logging
import pickle

import pytest

from app.vault.secret import Secret

VALUE = "Sup3r-Secret-Pa55!"


def test_repr_str_and_format_hide_the_value() -> None:
    secret = Secret(VALUE)
    for shown in (repr(secret), str(secret), f"{secret}", f"{secret!r}", "%s" % (secret,)):  # noqa: UP031
        assert shown == "Secret(***)"
    assert VALUE not in repr([secret, {"k": secret}])


def test_logging_shows_the_mask(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").debug("revealed %s %r", Secret(VALUE), Secret(VALUE))
    assert VALUE not in caplog.text
    assert "Secret(***)" in caplog.text


def test_reveal() -> None:
    assert Secret(VALUE).reveal_text() == VALUE
    assert Secret(VALUE).reveal_bytes() == VALUE.encode()
    assert Secret(b"\x00\xff").reveal_bytes() == b"\x00\xff"
    assert Secret("pässwörd").reveal_bytes() == "pässwörd".encode()
    with pytest.raises(UnicodeDecodeError):
        Secret(b"\xff").reveal_text()
    with pytest.raises(TypeError):
        Secret(123)  # type: ignore[arg-type]


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_cannot_be_pickled(protocol: int) -> None:
    with pytest.raises(TypeError):
        pickle.dumps(Secret(VALUE), protocol=protocol)


def test_cannot_be_copied() -> None:
    with pytest.raises(TypeError):
        copy.copy(Secret(VALUE))
    with pytest.raises(TypeError):
        copy.deepcopy(Secret(VALUE))


def test_no_instance_dict_to_leak() -> None:
    with pytest.raises(TypeError):
        vars(Secret(VALUE))


def test_wipe_zeroes_the_buffer() -> None:
    secret = Secret(VALUE)
    buffer = secret._buf  # the real storage, kept to look at after wiping
    assert bytes(buffer) == VALUE.encode()
    secret.wipe()
    assert secret.wiped
    assert bytes(buffer) == bytes(len(VALUE))
    with pytest.raises(ValueError):
        secret.reveal_text()
    with pytest.raises(ValueError):
        secret.reveal_bytes()


def test_context_manager_wipes() -> None:
    with Secret(VALUE) as secret:
        buffer = secret._buf
        assert secret.reveal_text() == VALUE
    assert bytes(buffer) == bytes(len(VALUE))


def test_owns_a_copy_of_a_bytearray() -> None:
    source = bytearray(b"abc")
    secret = Secret(source)
    source[0] = ord("x")
    assert secret.reveal_bytes() == b"abc"
    secret.wipe()
    assert source == bytearray(b"xbc")


def test_constant_time_matches_and_no_value_equality() -> None:
    secret = Secret(VALUE)
    assert secret.matches(VALUE)
    assert secret.matches(VALUE.encode())
    assert secret.matches(Secret(VALUE))
    assert not secret.matches(VALUE + "x")
    assert not secret.matches("")
    # `==` stays identity: two Secrets with one value are not "equal" by a timing-prone path.
    assert secret != Secret(VALUE)
    assert secret == secret
