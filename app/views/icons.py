"""Icons by name from the compiled resources (`:/icons/<name>.svg`); the only place icons load."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app.views import resources_rc  # noqa: F401  (registers the ":/" resources on import)


def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`; an empty icon for an unknown name."""
    return QIcon(f":/icons/{name}.svg")
