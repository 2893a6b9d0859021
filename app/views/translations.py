"""Loads the app's compiled translations (`:/translations/helpdesk_<lang>.qm`) and Qt's own.

The `.ts` sources come from `make translations` (pyside6-lupdate). lupdate files every `tr("…")`
that is not `self.tr(…)` and every `QT_TR_NOOP("…")` (the module-level helpers such as
`labels._t`, `tr = actions.tr` in functions) under the empty context, while at run time those
helpers ask for their own context ("labels", "MainActions"). `_AppTranslator` therefore looks a
message up in the asked context first and then in the empty one, so both kinds are found.
GUI thread only.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.views import resources_rc  # noqa: F401  (registers ":/translations" on import)

log = logging.getLogger(__name__)

#: The language the source strings are written in; it needs no translation file.
SOURCE_LANGUAGE: Final = "en"
#: Languages the app ships, with their names in that language (for the Language menu).
LANGUAGES: Final[tuple[tuple[str, str], ...]] = (("en", "English"), ("pl", "Polski"))
#: Where `resources.qrc` puts the compiled app translations.
QM_PATH: Final = ":/translations/helpdesk_{0}.qm"

#: The translators this module installed, removed again before the next install.
_installed: list[QTranslator] = []


class _AppTranslator(QTranslator):
    """A QTranslator that falls back to the empty context (see the module docstring)."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        text = super().translate(context, source_text, disambiguation, n)
        if not text and context:
            text = super().translate("", source_text, disambiguation, n)
        # None, not "": Qt takes an empty (non-null) string as the translation and stops asking
        # the other translators (Qt's own) and falling back to the source text.
        return text or None


def available_languages() -> list[tuple[str, str]]:
    """(code, native name) of every language the app ships, the source language first."""
    return list(LANGUAGES)


def _candidates(language: str) -> list[str]:
    """Language codes to try, best first: "pl_PL" gives "pl_PL", "pl"; "" the system's."""
    wanted = [language] if language else QLocale().uiLanguages()
    codes: list[str] = []
    for name in wanted:
        code = name.replace("-", "_")
        for candidate in (code, code.split("_")[0].lower()):
            if candidate and candidate not in codes:
                codes.append(candidate)
    return codes


def _shipped(code: str) -> bool:
    return code == SOURCE_LANGUAGE or any(code == c for c, _name in LANGUAGES)


def install_translators(app: QCoreApplication, language: str) -> str:
    """Replace this module's translators on `app` with those for `language` ("" = the system's).

    Returns the language actually in use: the first candidate the app ships, else "en". Qt's own
    `qtbase_<lang>` (standard buttons, dialogs) is added when the Qt install has it.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = next((c for c in _candidates(language) if _shipped(c)), SOURCE_LANGUAGE)
    if code == SOURCE_LANGUAGE:
        return SOURCE_LANGUAGE
    ours = _AppTranslator(app)
    if not ours.load(QM_PATH.format(code)):
        log.warning("translation %s is not in the resources; using English", code)
        return SOURCE_LANGUAGE
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.debug("no qtbase_%s translations in %s", code, qt_dir)
    app.installTranslator(ours)
    _installed.append(ours)
    return code
