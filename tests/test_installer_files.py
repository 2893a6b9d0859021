"""installer/: the icons match the SVG they are rendered from, and the build scripts point at
files that exist (the Windows and macOS builds cannot run on Linux CI)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImageReader

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"


def _make_icons() -> ModuleType:
    # A script, not a package module: loaded from its path like `python installer/make_icons.py`.
    spec = importlib.util.spec_from_file_location("make_icons", INSTALLER / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_icons_are_what_the_svg_renders_to(qapp, tmp_path: Path) -> None:
    written = _make_icons().main(tmp_path)
    for path in written:
        assert path.read_bytes() == (ROOT / "resources" / path.name).read_bytes(), (
            f"resources/{path.name} is out of date: run `python installer/make_icons.py`"
        )


def test_the_icons_hold_every_size_the_platforms_ask_for(qapp) -> None:
    for name, wanted in (("app.ico", {16, 32, 48, 256}), ("app.icns", {16, 32, 128, 512, 1024})):
        reader = QImageReader(str(ROOT / "resources" / name))
        sizes = set()
        for i in range(reader.imageCount()):
            assert reader.jumpToImage(i)
            sizes.add(reader.read().width())
        assert wanted <= sizes, name


def test_the_build_scripts_name_files_that_exist() -> None:
    iss = (INSTALLER / "helpdesk.iss").read_text(encoding="utf-8")
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.MULTILINE)
    assert icon is not None
    assert (INSTALLER / icon.group(1).strip().replace("\\", "/")).resolve().is_file()
    for script in ("build_windows.ps1", "build_macos.sh"):
        text = (INSTALLER / script).read_text(encoding="utf-8")
        for name in ("requirements-dev.txt", "requirements-dist.txt", "installer/helpdesk.spec"):
            assert name.replace("/", "\\") in text or name in text, (script, name)
            assert (ROOT / name).is_file()
        assert "selftest" in text, f"{script} must self-test the frozen app"
