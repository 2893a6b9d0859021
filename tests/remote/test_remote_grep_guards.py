"""Grep guards of remote.md §2 rule 5: banned strings appear nowhere under app/.

The strings are assembled here from pieces, so this file does not contain them itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"

#: Never anywhere under app/, not even in comments or docstrings.
BANNED = [
    "shell" + "=True",
    "AutoAdd" + "Policy",
    "Warning" + "Policy",
    "/cert" + ":ignore",
    "cert" + "-ignore",
    "server_cert_validation=" + '"ignore"',
    "server_cert_validation=" + "'ignore'",
    "password" + " 51",
    "ProxyCommand" + "(",
    '"-' + 'pw"',
    "'-" + "pw'",
]


def find_banned(root: Path, banned: str) -> list[str]:
    """`path:line` of every occurrence of `banned` (any case) in the files under `root`."""
    needle = banned.lower()
    hits = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if needle in line.lower():
                hits.append(f"{path.relative_to(root.parent)}:{number}")
    return hits


def test_remote_grep_guard_sees_app_sources() -> None:
    names = {path.name for path in APP.rglob("*.py")}
    assert {"target.py", "rdp_file.py", "rdp_launch.py", "process.py", "wincred.py"} <= names


@pytest.mark.parametrize("banned", BANNED)
def test_remote_grep_guard_detects_a_planted_string(banned: str, tmp_path: Path) -> None:
    root = tmp_path / "app"
    (root / "remote").mkdir(parents=True)
    (root / "remote" / "clean.py").write_text("x = 1\n")
    (root / "remote" / "bad.py").write_text(f"# ok\n# {banned.upper()}\n")
    assert find_banned(root, banned) == ["app/remote/bad.py:2"]


@pytest.mark.parametrize("banned", BANNED)
def test_remote_grep_guard_banned_string_absent_from_app(banned: str) -> None:
    hits = find_banned(APP, banned)
    assert hits == [], f"{banned!r} found in: {', '.join(hits)}"
