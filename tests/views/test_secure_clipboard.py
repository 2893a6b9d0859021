"""SecureClipboard: markers, timed clear only of our own value, clear on demand (vault.md §11)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from app.vault.secret import Secret

from app.views.widgets.secure_clipboard import (
    KDE_MARKER,
    MAC_CONCEALED,
    WINDOWS_MARKERS,
    SecureClipboard,
)


@pytest.fixture
def board(qtbot) -> Iterator[QClipboard]:
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    yield clipboard
    clipboard.clear()


def test_copy_sets_the_text_and_every_concealment_marker(qtbot, board: QClipboard) -> None:
    clip = SecureClipboard(seconds=30)
    clip.copy_secret(Secret("s3cret-Value"))
    mime = board.mimeData()
    assert mime.text() == "s3cret-Value"
    formats = set(mime.formats())
    assert set(WINDOWS_MARKERS) <= formats
    for name in WINDOWS_MARKERS:
        assert bytes(mime.data(name).data()) == b"\0\0\0\0"
    assert bytes(mime.data(KDE_MARKER).data()) == b"secret"
    assert MAC_CONCEALED in formats
    assert clip.holds_ours()
    assert clip.remaining_ms() > 25_000
    clip.clear_now()


def test_only_a_digest_is_kept(qtbot, board: QClipboard) -> None:
    clip = SecureClipboard()
    clip.copy_secret(Secret("unique-plaintext-42"))
    held = [v for v in vars(clip).values() if isinstance(v, str | bytes)]
    assert all(
        b"unique-plaintext-42" not in (v if isinstance(v, bytes) else v.encode()) for v in held
    )
    clip.clear_now()


def test_the_clipboard_clears_itself_after_the_timeout(qtbot, board: QClipboard) -> None:
    clip = SecureClipboard(seconds=0.05)
    with qtbot.waitSignal(clip.cleared, timeout=2_000):
        clip.copy_secret(Secret("short-lived"))
    assert board.text() == ""
    assert not clip.holds_ours()


def test_something_copied_since_is_left_alone(qtbot, board: QClipboard) -> None:
    clip = SecureClipboard(seconds=0.05)
    clip.copy_secret(Secret("short-lived"))
    mime = QMimeData()
    mime.setText("the user's own text")
    board.setMimeData(mime)
    qtbot.waitUntil(lambda: clip.remaining_ms() == 0, timeout=2_000)
    qtbot.wait(50)
    assert board.text() == "the user's own text"
    clip.clear_now()  # lock / quit: still not ours, still left alone
    assert board.text() == "the user's own text"


def test_clear_now_removes_our_value(qtbot, board: QClipboard) -> None:
    clip = SecureClipboard(seconds=30)
    clip.copy_secret(Secret("until-lock"))
    clip.clear_now()
    assert board.text() == ""
    assert clip.remaining_ms() == 0
