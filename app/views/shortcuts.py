"""The one table of keyboard shortcuts: every key the app binds, where it works and what it does.

Views never spell a key themselves: they bind `Shortcut.X` with `bind_action` / `bind_shortcut`,
and the cheat sheet (`app.views.shortcut_sheet`) lists this same table, so what it shows is what
is bound. `tests/views/test_shortcuts.py` checks the table for clashes and that every entry is
bound in the built windows.

Key choices: no shortcut uses Alt (the forms' mnemonics, "Assi&gnee", "&Escalate…", own the
Alt+letter keys, and Alt+Up/Down opens the focused combo box's popup) and none uses Ctrl+Alt
(AltGr types characters on European layouts). Next/previous ticket are Ctrl+. and Ctrl+, because
the obvious alternatives already do something while typing: Ctrl+Up/Down move the cursor by
paragraph, Ctrl+PgUp/PgDown switch tabs, Alt+Up/Down open combo boxes. (On macOS Qt maps Ctrl to
Cmd, where Cmd+. also cancels a dialog; the ticket window keeps Escape for that.) Assign to me
and add note echo the single keys of other help desks ("i" take it, "m" comment) with
Ctrl+Shift, so they never type a letter. GUI thread only (the key texts need a QGuiApplication).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

StandardKey = QKeySequence.StandardKey

#: Translation context of the descriptions and context names.
_CONTEXT: Final = "Shortcuts"


class ShortcutContext(enum.Enum):
    """Where a shortcut works: the window (or part of it) that must be active."""

    MAIN = QT_TRANSLATE_NOOP("Shortcuts", "Main window")
    QUEUE = QT_TRANSLATE_NOOP("Shortcuts", "Queue")
    TICKET = QT_TRANSLATE_NOOP("Shortcuts", "Ticket window")
    CREATE = QT_TRANSLATE_NOOP("Shortcuts", "New ticket and new call windows")

    def title(self) -> str:
        """The context's name in the user's language."""
        return QCoreApplication.translate(_CONTEXT, str(self.value))


#: Contexts whose shortcuts are live in the same window at the same time: the queue is a page of
#: the main window, so its keys must not repeat the main window's. The others are own windows.
SHARED_WINDOWS: Final[tuple[frozenset[ShortcutContext], ...]] = (
    frozenset({ShortcutContext.MAIN, ShortcutContext.QUEUE}),
    frozenset({ShortcutContext.TICKET}),
    frozenset({ShortcutContext.CREATE}),
)


@dataclass(frozen=True, slots=True)
class ShortcutSpec:
    """One row of the table: where, which keys (a standard key expands to every platform
    binding of it), and the untranslated description (translated by `Shortcut.description`)."""

    context: ShortcutContext
    keys: tuple[StandardKey | str, ...]
    #: The `QT_TRANSLATE_NOOP` result (typed `object` by PySide6's stubs).
    text: object
    #: True if what it does changes data: bound disabled for read-only accounts.
    writes: bool = False


class Shortcut(enum.Enum):
    """The app's shortcuts; `TABLE` holds each one's keys, context and description."""

    NEW_TICKET = enum.auto()
    NEW_CALL = enum.auto()
    REFRESH = enum.auto()
    LOCK_VAULT = enum.auto()
    SHOW_SHORTCUTS = enum.auto()
    SEARCH = enum.auto()
    NEXT_IN_QUEUE = enum.auto()
    PREVIOUS_IN_QUEUE = enum.auto()
    SAVE = enum.auto()
    CLOSE = enum.auto()
    NEXT_TICKET = enum.auto()
    PREVIOUS_TICKET = enum.auto()
    ASSIGN_TO_ME = enum.auto()
    ADD_NOTE = enum.auto()
    SUBMIT_NOTE = enum.auto()
    CONNECT = enum.auto()
    ESCALATE = enum.auto()
    TICKET_SHORTCUTS = enum.auto()
    CREATE = enum.auto()

    @property
    def spec(self) -> ShortcutSpec:
        return TABLE[self]

    @property
    def context(self) -> ShortcutContext:
        return TABLE[self].context

    def description(self) -> str:
        """What the shortcut does, in the user's language."""
        return QCoreApplication.translate(_CONTEXT, str(TABLE[self].text))

    def sequences(self) -> list[QKeySequence]:
        """Every key sequence bound, standard keys expanded to this platform's bindings."""
        out: list[QKeySequence] = []
        for key in TABLE[self].keys:
            if isinstance(key, StandardKey):
                out.extend(QKeySequence.keyBindings(key))
            else:
                out.append(QKeySequence(key))
        return [s for s in out if not s.isEmpty()]

    def native_text(self) -> str:
        """The keys as this platform writes them (⌘ on macOS), alternatives comma-separated;
        dedicated keys of some keyboards ("Help", "Refresh", "New") stay bound but unlisted."""
        return ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText)
            for s in self.sequences()
            if not _dedicated_key(s)
        )

    def hint(self) -> str:
        """The first key as this platform writes it, for tooltips ("Ctrl+S")."""
        sequences = self.sequences()
        return sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""

    def portable_text(self) -> str:
        """The keys in Qt's portable form ("Ctrl+Shift+N"): for tooltips and comparisons."""
        return ", ".join(
            s.toString(QKeySequence.SequenceFormat.PortableText) for s in self.sequences()
        )


_C = ShortcutContext
#: The table. Descriptions are marked for lupdate here and translated when shown.
TABLE: Final[Mapping[Shortcut, ShortcutSpec]] = {
    Shortcut.NEW_TICKET: ShortcutSpec(
        _C.MAIN, (StandardKey.New,), QT_TRANSLATE_NOOP("Shortcuts", "New ticket"), writes=True
    ),
    Shortcut.NEW_CALL: ShortcutSpec(
        _C.MAIN,
        ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Shortcuts", "New call (phone intake)"),
        writes=True,
    ),
    Shortcut.REFRESH: ShortcutSpec(
        _C.MAIN, (StandardKey.Refresh,), QT_TRANSLATE_NOOP("Shortcuts", "Refresh everything")
    ),
    Shortcut.LOCK_VAULT: ShortcutSpec(
        _C.MAIN, ("Ctrl+L",), QT_TRANSLATE_NOOP("Shortcuts", "Lock the vault")
    ),
    Shortcut.SHOW_SHORTCUTS: ShortcutSpec(
        _C.MAIN,
        (StandardKey.HelpContents, "Ctrl+/"),
        QT_TRANSLATE_NOOP("Shortcuts", "Show these keyboard shortcuts"),
    ),
    Shortcut.SEARCH: ShortcutSpec(
        _C.QUEUE, (StandardKey.Find,), QT_TRANSLATE_NOOP("Shortcuts", "Search the queue")
    ),
    Shortcut.NEXT_IN_QUEUE: ShortcutSpec(
        _C.QUEUE, ("Ctrl+.",), QT_TRANSLATE_NOOP("Shortcuts", "Open the next ticket in the queue")
    ),
    Shortcut.PREVIOUS_IN_QUEUE: ShortcutSpec(
        _C.QUEUE,
        ("Ctrl+,",),
        QT_TRANSLATE_NOOP("Shortcuts", "Open the previous ticket in the queue"),
    ),
    Shortcut.SAVE: ShortcutSpec(
        _C.TICKET, (StandardKey.Save,), QT_TRANSLATE_NOOP("Shortcuts", "Save the ticket"), True
    ),
    Shortcut.CLOSE: ShortcutSpec(
        _C.TICKET,
        (StandardKey.Close,),
        QT_TRANSLATE_NOOP("Shortcuts", "Close the window (asks before losing edits)"),
    ),
    Shortcut.NEXT_TICKET: ShortcutSpec(
        _C.TICKET,
        ("Ctrl+.",),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Open the next ticket of the queue (closes this one if saved)"
        ),
    ),
    Shortcut.PREVIOUS_TICKET: ShortcutSpec(
        _C.TICKET,
        ("Ctrl+,",),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Open the previous ticket of the queue (closes this one if saved)"
        ),
    ),
    Shortcut.ASSIGN_TO_ME: ShortcutSpec(
        _C.TICKET, ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("Shortcuts", "Assign to me"), True
    ),
    Shortcut.ADD_NOTE: ShortcutSpec(
        _C.TICKET,
        ("Ctrl+Shift+M",),
        QT_TRANSLATE_NOOP("Shortcuts", "Write a note (puts the cursor in the note box)"),
        writes=True,
    ),
    Shortcut.SUBMIT_NOTE: ShortcutSpec(
        _C.TICKET,
        ("Ctrl+Return", "Ctrl+Enter"),
        QT_TRANSLATE_NOOP("Shortcuts", "Add the note to the timeline (in the note box)"),
        writes=True,
    ),
    Shortcut.CONNECT: ShortcutSpec(
        _C.TICKET,
        ("Ctrl+Shift+R",),
        QT_TRANSLATE_NOOP("Shortcuts", "Connect: open the client's remote methods"),
    ),
    Shortcut.ESCALATE: ShortcutSpec(
        _C.TICKET, ("Ctrl+Shift+E",), QT_TRANSLATE_NOOP("Shortcuts", "Escalate…"), writes=True
    ),
    Shortcut.TICKET_SHORTCUTS: ShortcutSpec(
        _C.TICKET,
        (StandardKey.HelpContents, "Ctrl+/"),
        QT_TRANSLATE_NOOP("Shortcuts", "Show these keyboard shortcuts"),
    ),
    Shortcut.CREATE: ShortcutSpec(
        _C.CREATE,
        ("Ctrl+Return", "Ctrl+Enter"),
        QT_TRANSLATE_NOOP("Shortcuts", "Create the ticket"),
        writes=True,
    ),
}


def in_context(context: ShortcutContext) -> list[Shortcut]:
    """The shortcuts of one context, in table order."""
    return [s for s in Shortcut if TABLE[s].context is context]


def bind_action(
    action: QAction,
    shortcut: Shortcut,
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    """Give `action` the shortcut's keys (and its key names in the tooltip); returns it."""
    action.setShortcuts(shortcut.sequences())
    action.setShortcutContext(context)
    action.setProperty("helpdeskShortcut", shortcut.name)
    return action


def new_action(
    parent: QWidget,
    shortcut: Shortcut,
    slot: Callable[[], object],
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    enabled: bool = True,
) -> QAction:
    """An action on `parent` (so its keys work there) that calls `slot`; its text is the
    shortcut's description."""
    action = QAction(shortcut.description(), parent)
    bind_action(action, shortcut, context=context)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _checked=False: slot())
    parent.addAction(action)
    return action


def bind_shortcut(
    parent: QWidget,
    shortcut: Shortcut,
    slot: Callable[[], object],
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """A `QShortcut` on `parent` for every key of `shortcut` (for keys that are not menu items,
    such as Ctrl+Enter in a text box)."""
    bound = QShortcut(parent)
    bound.setKeys(shortcut.sequences())
    bound.setContext(context)
    bound.setProperty("helpdeskShortcut", shortcut.name)
    bound.activated.connect(slot)
    return bound


def bound_names(widget: QObject) -> set[str]:
    """The `Shortcut` names bound on `widget` and its children (tests and the cheat sheet)."""
    found: set[str] = set()
    for child in [widget, *widget.findChildren(QObject)]:
        name = child.property("helpdeskShortcut")
        if isinstance(name, str):
            found.add(name)
    return found


def all_sequences(shortcuts: Sequence[Shortcut]) -> list[tuple[Shortcut, QKeySequence]]:
    """(shortcut, sequence) for every key of `shortcuts`."""
    return [(s, seq) for s in shortcuts for seq in s.sequences()]


#: Qt's codes for keys only some keyboards have (Super, Menu, Help, media and launch keys).
_DEDICATED_KEYS: Final = range(Qt.Key.Key_Super_L.value, 0x01100000)


def _dedicated_key(sequence: QKeySequence) -> bool:
    if sequence.count() != 1:
        return False
    # WORKAROUND (PySide6 6.11 stubs): QKeySequence[i] works but is not in the type stubs.
    combination = sequence[0]  # type: ignore[index]
    return int(combination.key().value) in _DEDICATED_KEYS
