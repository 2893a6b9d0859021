"""Screenshots of the real windows under Xvfb, for the README and for looking at what we build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
#: Where the docs screenshots land for humans to open (ignored by git except docs/).
OUT = ROOT / "out" / "screenshots"
VIEWS = (
    "main-window-queue",
    "main-window-clients",
    "ticket-dialog",
    "new-ticket-dialog",
    "new-call",
    "knowledge-base",
    "client-service",
    "reports",
    "main-window-dark",
)


def _distinct_colours(image: QImage) -> int:
    step = 7  # sampling is enough to tell a real window from a blank or single-colour frame
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def _mean_lightness(image: QImage) -> float:
    step = 5
    values = [
        image.pixelColor(x, y).lightnessF()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return sum(values) / len(values)


@pytest.mark.docs
def test_demo_screenshots_under_xvfb(tmp_path: Path, qapp) -> None:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        message = "xvfb-run is missing: install xvfb (shared/design/ci.md §1)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [xvfb, "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "app", "demo",
         "--tickets", "400", "--db", str(tmp_path / "demo.sqlite"),
         "--data-dir", str(tmp_path / "data"), "--screenshots", str(tmp_path / "shots")],
        env=env, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    OUT.mkdir(parents=True, exist_ok=True)
    for name in VIEWS:
        path = tmp_path / "shots" / f"{name}.png"
        image = QImage(str(path))
        assert not image.isNull(), f"{name}.png missing or unreadable"
        assert image.width() >= 900 and image.height() >= 600, (name, image.size())
        assert _distinct_colours(image) > 40, f"{name}.png looks blank"
        shutil.copy(path, OUT / path.name)
    # The theme switch under Xvfb: the same queue, light then dark.
    light = _mean_lightness(QImage(str(tmp_path / "shots" / "main-window-queue.png")))
    dark = _mean_lightness(QImage(str(tmp_path / "shots" / "main-window-dark.png")))
    assert light > 0.75 and dark < 0.3, (light, dark)
