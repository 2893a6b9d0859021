"""The Polish translation on real widgets, the .ts files' health, and the Language menu.

Every test that switches language puts English back (the `english_after` fixture), so the rest
of the suite keeps seeing the source texts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QMenu

from app.bootstrap import Core, build_core
from app.db import Database
from app.models.enums import Role, Tier
from app.services.auth import AuthService
from app.services.directory import TechnicianRow
from app.settings import Settings
from app.tasks import ChangeNotifier, TaskRunner
from tests.fakes import FakeClock

from app.views.auth import SignInDialog
from app.views.desk_windows import DeskWindows
from app.views.language_menu import add_language_menu
from app.views.main_actions import MainActions, add_desk_actions
from app.views.translations import available_languages, install_translators

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
LUPDATE = ROOT / ".venv" / "bin" / "pyside6-lupdate"

ME = TechnicianRow(1, "Alice Martin", "alice@test.msp", Tier.L1, Role.ADMIN, True)


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[QApplication]:
    """The application; English again afterwards, whatever the test installed."""
    yield qapp
    assert install_translators(qapp, "en") == "en"


@pytest.fixture
def sign_in_dialog(qtbot, tmp_path: Path) -> Iterator[Callable[..., SignInDialog]]:
    """Builds a SignInDialog (or a subclass) as the app does: its texts are set when built."""
    engine = create_engine(f"sqlite:///{tmp_path / 'unused.sqlite'}")
    runner = TaskRunner()

    def make(cls: type[SignInDialog] = SignInDialog) -> SignInDialog:
        # The dialog only calls the service when signing in, which these tests never do.
        dialog = cls(AuthService(Database(engine.connect()), FakeClock()), runner)
        qtbot.addWidget(dialog)
        return dialog

    yield make
    runner.shutdown()
    engine.dispose()


@pytest.fixture(scope="module")
def core(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Core]:
    folder = tmp_path_factory.mktemp("translations")
    built = build_core(f"sqlite:///{folder / 'desk.sqlite'}", folder / "data")
    yield built
    built.close()


def _menu_texts(core: Core, qtbot) -> dict[str, list[str]]:
    """The main window's menus (title → action texts), built by the real MainActions."""
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner()
    try:
        windows = DeskWindows(core, runner, ChangeNotifier(), ME, window, lambda _id: None)
        actions = MainActions(window, ME)
        add_desk_actions(actions, windows, refresh=lambda: None, lock_vault=lambda: None)
        return {
            menu.title(): [a.text() for a in menu.actions()]
            for menu in window.menuBar().findChildren(QMenu)
        }
    finally:
        runner.shutdown()


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def _placeholders(text: str) -> Counter[str]:
    """`{name}`, `%n`, `%1`…, and the brace escapes `{{` / `}}` of `str.format`, counted apart."""
    return Counter(re.findall(r"\{\{|\}\}|\{[^{}]*\}|%n|%L?\d+", text))


def _accelerators(text: str) -> int:
    """How many `&x` mnemonics (not `&&`, not an HTML entity like `&amp;`)."""
    return len(re.findall(r"(?<!&)&(?!&|#?\w+;)\w", text))


# -- run time ----------------------------------------------------------------------------------


def test_sign_in_dialog_in_polish_then_english(english_after, sign_in_dialog) -> None:
    assert install_translators(english_after, "pl") == "pl"
    dialog = sign_in_dialog()
    assert dialog.windowTitle() == "Logowanie – MSP Helpdesk"
    assert dialog.sign_in_button.text() == "Zaloguj"
    assert dialog.email_edit.placeholderText() == "nazwa@example.com"
    # Qt's own texts (the standard Cancel button) come from qtbase_pl when Qt ships it.
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") in {"Anuluj", "Cancel"}

    assert install_translators(english_after, "en") == "en"
    again = sign_in_dialog()
    assert again.windowTitle() == "Sign in – MSP Helpdesk"
    assert again.sign_in_button.text() == "Sign in"
    cancel = again.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancel"


def test_tr_in_a_subclass_still_finds_the_base_class_context(english_after, sign_in_dialog) -> None:
    # lupdate files self.tr() under the class whose method calls it ("SignInDialog"); at run
    # time PySide asks the object's own class first, then its bases, so a subclass still works.
    class BrandedSignIn(SignInDialog):
        pass

    contexts = {
        c for c, m in _messages(TS_DIR / "helpdesk_pl.ts") if m.findtext("source") == "Sign in"
    }
    assert contexts == {"SignInDialog"}
    install_translators(english_after, "pl")
    dialog = sign_in_dialog(BrandedSignIn)
    assert dialog.sign_in_button.text() == "Zaloguj"
    assert dialog.tr("Sign in") == "Zaloguj"


def test_main_window_menus_in_polish(english_after, core: Core, qtbot) -> None:
    # add_desk_actions calls `tr = actions.tr`: lupdate files those under the empty context,
    # MainActions asks for "MainActions"; the app translator's fallback joins the two.
    install_translators(english_after, "pl")
    menus = _menu_texts(core, qtbot)
    assert menus["&Biuro"][:4] == ["Nowe zgłoszenie", "Nowe połączenie", "Odśwież", "Zablokuj sejf"]
    assert "O programie MSP Helpdesk…" in menus["Pomo&c"]

    install_translators(english_after, "en")
    menus = _menu_texts(core, qtbot)
    assert menus["&Desk"][:2] == ["New ticket", "New call"]


def test_untranslated_text_falls_back_to_english(english_after) -> None:
    install_translators(english_after, "pl")
    # Not in helpdesk_pl.ts: the source text, not an empty string.
    assert QCoreApplication.translate("Nowhere", "Not a known message") == "Not a known message"
    assert QCoreApplication.translate("labels", "Incident") == "Incydent"
    n = QCoreApplication.translate("FirstAdminDialog", "At least %n characters", None, 5)
    assert n == "Co najmniej 5 znaków"


def test_language_choice(english_after) -> None:
    assert install_translators(english_after, "pl_PL") == "pl"
    assert install_translators(english_after, "de") == "en"
    assert QCoreApplication.translate("SignInDialog", "Sign in") == "Sign in"
    assert available_languages() == [("en", "English"), ("pl", "Polski")]
    default = QLocale()
    try:
        QLocale.setDefault(QLocale("pl_PL"))
        assert install_translators(english_after, "") == "pl"
        QLocale.setDefault(QLocale("de_DE"))
        assert install_translators(english_after, "") == "en"
    finally:
        QLocale.setDefault(default)


# -- the language menu -------------------------------------------------------------------------


def test_language_menu_saves_the_choice(english_after, qtbot, tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = QMainWindow()
    qtbot.addWidget(window)
    view = window.menuBar().addMenu("&View")
    menu = add_language_menu(view, settings, window)
    assert [a.text() for a in menu.menu.actions()] == ["System default", "English", "Polski"]
    assert menu.actions[""].isChecked()

    menu.actions["pl"].trigger()
    assert settings.prefs.language == "pl"
    assert menu.actions["pl"].isChecked() and not menu.actions[""].isChecked()
    assert menu.notice is not None and menu.notice.isVisible()
    assert menu.notice.text() == "The new language is used from the next start."
    menu.notice.close()

    # A new window shows the saved choice; "System default" saves "".
    reopened = add_language_menu(window.menuBar().addMenu("&Other"), settings, window)
    assert reopened.actions["pl"].isChecked()
    reopened.actions[""].trigger()
    assert settings.prefs.language == ""
    assert reopened.notice is not None
    reopened.notice.close()


# -- the .ts files -----------------------------------------------------------------------------


def test_finished_polish_keeps_placeholders_and_accelerators() -> None:
    finished = 0
    for context, message in _messages(TS_DIR / "helpdesk_pl.ts"):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") is not None:
            continue
        source = message.findtext("source") or ""
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            where = f"{context}: {source!r} → {text!r}"
            assert text, where
            # Every plural form keeps %n too.
            assert _placeholders(text) == _placeholders(source), where
            assert _accelerators(text) == _accelerators(source), where
        finished += 1
    assert finished >= 250


def test_polish_covers_the_required_contexts() -> None:
    required = {"MainActions", "MainWindow", "SignInDialog", "FirstAdminDialog", "LanguageMenu"}
    unfinished = [
        (context, message.findtext("source"))
        for context, message in _messages(TS_DIR / "helpdesk_pl.ts")
        if context in required and message.find("translation[@type='unfinished']") is not None
    ]
    assert unfinished == []


def test_english_source_has_no_translations() -> None:
    for _context, message in _messages(TS_DIR / "helpdesk_en.ts"):
        translation = message.find("translation")
        assert translation is not None and translation.get("type") == "unfinished"


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not in the venv")
def test_committed_ts_files_are_current(tmp_path: Path) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    aliases = re.search(r"^TR_ALIASES := (.+)$", makefile, re.MULTILINE)
    assert aliases
    sources = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "app" / "views").rglob("*.py")
        if p.name != "resources_rc.py"
    )
    extra = re.search(r"^TR_EXTRA := (.+)$", makefile, re.MULTILINE)
    assert extra
    sources += extra[1].split()
    fresh = tmp_path / "helpdesk_en.ts"
    shutil.copy(TS_DIR / "helpdesk_en.ts", fresh)
    options = ["-silent", "-extensions", "py", "-tr-function-alias", aliases[1], "-locations"]
    options += ["none", "-no-obsolete", "-source-language", "en", "-target-language", "en"]
    subprocess.run(
        [str(LUPDATE), *options, *sources, "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )

    def pairs(ts: Path) -> set[tuple[str, str | None]]:
        return {(context, m.findtext("source")) for context, m in _messages(ts)}

    expected = pairs(fresh)
    assert pairs(TS_DIR / "helpdesk_en.ts") == expected, "run `make translations`"
    assert pairs(TS_DIR / "helpdesk_pl.ts") == expected, "run `make translations`"
