#!/usr/bin/env bash
# macOS build: the PyInstaller app bundle, its self-test, then a compressed disk image.
# Run from the project root on a Mac with Python 3.11 (python.org or Homebrew):
#   installer/build_macos.sh
# Output: dist/MSP Helpdesk.app and dist/MSP-Helpdesk-<version>.dmg (unsigned: sign and notarise
# with your Developer ID before handing it out — `codesign` / `xcrun notarytool`).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3.11 -m venv .venv
.venv/bin/python -m pip install --disable-pip-version-check -q -r requirements-dev.txt -r requirements-dist.txt
.venv/bin/python -m pip install --disable-pip-version-check -q --no-deps -e .
version=$(.venv/bin/python -c 'import app; print(app.__version__)')

.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
    --workpath build/pyinstaller installer/helpdesk.spec

# The frozen app must start, migrate a new database and open its main window (offscreen).
QT_QPA_PLATFORM=offscreen "dist/MSP Helpdesk.app/Contents/MacOS/helpdesk" selftest

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "dist/MSP Helpdesk.app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "dist/MSP-Helpdesk-$version.dmg"
hdiutil create -volname "MSP Helpdesk $version" -srcfolder "$staging" -fs HFS+ \
    -format UDZO -ov "dist/MSP-Helpdesk-$version.dmg"
echo "built dist/MSP-Helpdesk-$version.dmg"
