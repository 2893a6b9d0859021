"""Render `resources/icons/app.svg` into the installers' icons: `resources/app.ico` (Windows,
16–256 px) and `resources/app.icns` (macOS, 16–1024 px), both holding PNG images.

Run `python installer/make_icons.py` after changing the SVG, and commit both files. The files
are put together here (both formats are a small header and a list of PNGs) because Qt's ICO
writer stores one size only and its ICNS writer's output is not read back by Qt itself.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

# Before Qt loads: no display is needed to render icons.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
#: Windows shows 16–48 px in lists and 256 px in Explorer's large views.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The PNG element types of an .icns file and their sizes in pixels.
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)  # fmt: skip


def png(size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """ICONDIR, one 16-byte entry per size (0 means 256), then the PNGs."""
    images = [png(size) for size in sizes]
    offset = 6 + 16 * len(images)
    head = struct.pack("<HHH", 0, 1, len(images))
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return head + entries + b"".join(images)


def icns() -> bytes:
    """'icns', the total length, then (type, length, PNG) elements; lengths are big-endian."""
    cache: dict[int, bytes] = {}
    body = b""
    for kind, size in ICNS_TYPES:
        data = cache.setdefault(size, png(size))
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(out_dir: Path = ROOT / "resources") -> list[Path]:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written = []
    for name, data in (("app.ico", ico()), ("app.icns", icns())):
        path = out_dir / name
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources"):
        print(f"wrote {path}")
