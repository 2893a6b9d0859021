"""Root pytest configuration: runs before any test module can import Qt."""

import os

# Without a display Qt aborts the whole run (rc 134, no summary); setdefault keeps
# `QT_QPA_PLATFORM=xcb xvfb-run pytest` working for real-window checks.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
