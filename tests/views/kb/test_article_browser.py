"""ArticleBrowser: untrusted Markdown rendered safely — raw HTML as text, nothing fetched from
the network or the disk, links opened outside the app only for http(s)/mailto and only on click.

A local TCP listener stands in for a remote image host and records every connection.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from PySide6.QtCore import QUrl

from app.views.kb.article_browser import ArticleBrowser
from app.views.kb.texts import snippet_html


class Listener:
    """Accepts connections on 127.0.0.1 and counts them; closed after the test."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def browser(qtbot) -> ArticleBrowser:
    widget = ArticleBrowser()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_listener_sees_a_real_connection(listener: Listener, qtbot) -> None:
    # The guard against a test that cannot fail: the listener does count connections.
    with socket.create_connection(("127.0.0.1", listener.port)):
        pass
    qtbot.waitUntil(lambda: listener.connections == 1, timeout=3000)


def test_remote_images_and_html_fetch_nothing(
    browser: ArticleBrowser, listener: Listener, qtbot, tmp_path
) -> None:
    local = tmp_path / "secret.png"
    local.write_bytes(b"not really a png")
    url = f"http://127.0.0.1:{listener.port}"
    browser.show_markdown(
        "# Fix\n\n<script>alert('x')</script>\n\n"
        f'<img src="{url}/x.png">\n\n'
        f"![remote]({url}/y.png)\n\n"
        f"![local](file://{local})\n\n"
        "![relative](secret.png)\n\n"
        f'<iframe src="{url}/frame"></iframe>\n'
    )
    browser.resize(600, 600)
    browser.viewport().repaint()
    qtbot.wait(300)  # let any (wrong) fetch reach the listener

    assert listener.connections == 0
    text = browser.toPlainText()
    assert "<script>alert('x')</script>" in text  # shown as text, not run or hidden
    assert f'<img src="{url}/x.png">' in text
    assert "<iframe" in text
    # The Markdown images were asked for and answered with the placeholder, not read.
    asked = {u.toString() for u in browser.requested}
    assert f"{url}/y.png" in asked
    assert browser.document().toHtml().count("<script") == 0


def test_only_http_https_and_mailto_links_open_and_only_outside(
    browser: ArticleBrowser, qtbot
) -> None:
    opened: list[str] = []
    browser.open_url = lambda u: opened.append(u.toString())
    browser.show_markdown(
        "[site](https://example.com/kb) [js](javascript:alert(1)) [disk](file:///etc/passwd)"
    )
    before = browser.toPlainText()
    for link in (
        "https://example.com/kb",
        "http://example.com/a",
        "mailto:help@example.com",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "relative/page.md",
    ):
        browser.anchorClicked.emit(QUrl(link))
    assert opened == [
        "https://example.com/kb",
        "http://example.com/a",
        "mailto:help@example.com",
    ]
    # Nothing was navigated to inside the widget.
    assert browser.toPlainText() == before
    assert browser.source().isEmpty()


def test_snippets_escape_everything_but_the_marks() -> None:
    html = snippet_html("a <script>x</script> \x02vpn\x03 & \x02mf")
    assert html == "a &lt;script&gt;x&lt;/script&gt; <b>vpn</b> &amp; <b>mf</b>"


def test_open_article_dialog_shows_the_article(qtbot, db, kb, runner, me) -> None:
    from PySide6.QtWidgets import QWidget

    from app.views.kb.article_browser import ArticleReaderDialog, open_article_dialog

    article = kb.create(None, "VPN", "Renew the **certificate**.", "", "", me.technician_id)
    parent = QWidget()
    qtbot.addWidget(parent)
    open_article_dialog(kb, runner, article.article_id, parent)
    [dialog] = parent.findChildren(ArticleReaderDialog)
    assert "Renew the certificate." in dialog.browser.toPlainText()
    dialog.close()
