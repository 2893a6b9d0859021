"""The typed QSettings facade: defaults, round trips through an ini file, type quirks, upgrades."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from app.settings import (
    APPLICATION,
    ORGANIZATION,
    SETTINGS_VERSION,
    UPGRADE_STEPS,
    VERSION_KEY,
    BoolSetting,
    BytesSetting,
    IntSetting,
    Prefs,
    Settings,
    SettingsGroup,
    StrSetting,
    UiState,
    upgrade_settings,
)


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def reopened(store: QSettings, tmp_path: Path) -> QSettings:
    """The store as the next run reads it: from disk, not from Qt's in-process cache."""
    store.sync()
    copy = tmp_path / f"reopened-{len(list(tmp_path.iterdir()))}.ini"
    shutil.copyfile(store.fileName(), copy)
    return ini(copy)


@pytest.fixture
def store(qapp, tmp_path) -> QSettings:
    return ini(tmp_path / "s.ini")


class Sample(SettingsGroup):
    """One key of every supported type, for the type-handling tests."""

    section = "sample"

    flag = BoolSetting("flag", True)
    count = IntSetting("count", 7)
    text = StrSetting("text", "default text")
    blob = BytesSetting("blob", b"\x01default")


#: A value of each declared key that differs from its default.
NON_DEFAULTS = {
    (Prefs, "language"): "pt_BR",
    (Prefs, "database_url"): "postgresql+psycopg://alice@db.example:5432/helpdesk",
    (Prefs, "remember_email"): "alice@msp.example",
    (Prefs, "theme"): "dark",
    (UiState, "main_window_geometry"): b"\x01\xd9\xd0\xcb\x00\x03\x00\x00geometry",
    (UiState, "main_splitter_state"): b"\x00\x00\x00\xff\x00splitter",
    (UiState, "queue_header_state"): b"\x00\x00\x00\x00header\x00",
    (UiState, "last_queue"): "My open P1, P2",
}


def declared_keys():
    return [(group, attr) for group in (Prefs, UiState) for attr, _ in group.declared()]


def test_every_declared_key_has_a_test_value():
    assert sorted(NON_DEFAULTS, key=str) == sorted(declared_keys(), key=str)


def test_a_new_store_reads_every_default(store):
    settings = Settings(store)

    for group_cls, attr in declared_keys():
        group = settings.prefs if group_cls is Prefs else settings.ui_state
        default = getattr(group_cls, attr).default
        value = getattr(group, attr)
        assert value == default, attr
        assert type(value) is type(default), attr


def test_every_declared_key_round_trips_through_the_file(store, tmp_path):
    settings = Settings(store)
    for (group_cls, attr), value in NON_DEFAULTS.items():
        setattr(settings.prefs if group_cls is Prefs else settings.ui_state, attr, value)

    again = Settings(reopened(store, tmp_path))

    for (group_cls, attr), value in NON_DEFAULTS.items():
        read = getattr(again.prefs if group_cls is Prefs else again.ui_state, attr)
        assert read == value, attr
        assert type(read) is type(value), attr


def test_prefs_and_ui_state_live_in_separate_sections(store):
    settings = Settings(store)
    settings.prefs.language = "de"
    settings.ui_state.last_queue = "Unassigned"

    assert {"prefs/language", "ui_state/last_queue", VERSION_KEY} == set(store.allKeys())

    settings.ui_state.reset()

    assert settings.ui_state.last_queue == ""
    assert settings.prefs.language == "de"


def test_keys_are_unique_within_each_group():
    for group in (Prefs, UiState):
        names = [setting.name for _, setting in group.declared()]
        assert len(names) == len(set(names)), group


@pytest.mark.parametrize(
    ("attr", "value"),
    [
        ("flag", False),
        ("flag", True),
        ("count", 0),
        ("count", -12),
        ("count", 2**40),
        ("text", ""),
        ("text", "a, b"),  # QSettings would read an unquoted comma as a list
        ("text", "@ByteArray(x)"),  # a leading @ is QSettings' own escape
        ("text", "true"),
        ("text", "42"),
        ("text", "line 1\nline 2; # = [x]"),
        ("text", "Zoë’s tickets ✓"),
        ("blob", b""),
        ("blob", bytes(range(256))),
    ],
)
def test_each_type_round_trips_through_the_file(store, tmp_path, attr, value):
    setattr(Sample(store), attr, value)

    read = getattr(Sample(reopened(store, tmp_path)), attr)

    assert read == value
    assert type(read) is type(value)


@pytest.mark.parametrize(
    ("line", "attr", "expected"),
    [
        ("flag=true", "flag", True),
        ("flag=false", "flag", False),
        ("flag=False", "flag", False),
        ("flag=0", "flag", False),
        ("flag=1", "flag", True),
        ("count=42", "count", 42),
        ("count= -3", "count", -3),
        ("text=a, b", "text", "a, b"),  # hand-edited, unquoted: Qt hands back a list
        ("text=17", "text", "17"),
        ("blob=@ByteArray(abc)", "blob", b"abc"),
    ],
)
def test_values_written_by_hand_are_read_as_the_declared_type(tmp_path, qapp, line, attr, expected):
    path = tmp_path / "hand.ini"
    path.write_text(f"[sample]\n{line}\n", encoding="utf-8")

    value = getattr(Sample(ini(path)), attr)

    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("line", "attr"),
    [
        ("flag=maybe", "flag"),
        ("count=many", "count"),
        ("count=true", "count"),
        ("blob=plain text", "blob"),
        ("count=@ByteArray(1)", "count"),
    ],
)
def test_an_unreadable_value_gives_the_default_and_a_log_line(tmp_path, qapp, caplog, line, attr):
    path = tmp_path / "hand.ini"
    path.write_text(f"[sample]\n{line}\n", encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="app.settings"):
        value = getattr(Sample(ini(path)), attr)

    assert value == getattr(Sample, attr).default
    assert f"sample/{attr}" in caplog.text


def test_native_typed_values_are_accepted(store):
    # Native backends (registry, plist) and Qt's in-process cache give real bools and ints.
    store.setValue("sample/flag", False)
    store.setValue("sample/count", 5)
    store.setValue("sample/blob", QByteArray(b"\x00q"))

    sample = Sample(store)

    assert (sample.flag, sample.count, sample.blob) == (False, 5, b"\x00q")


def test_bytes_accept_a_qbytearray_and_are_stored_as_a_byte_array(store, tmp_path):
    sample = Sample(store)
    sample.blob = QByteArray(b"\x00geometry\xff")
    store.sync()

    text = Path(store.fileName()).read_text(encoding="utf-8")
    assert "blob=@ByteArray(" in text
    assert "PyObjectWrapper" not in text  # plain bytes handed to QSettings would be pickled
    assert Sample(reopened(store, tmp_path)).blob == b"\x00geometry\xff"


@pytest.mark.parametrize(
    ("attr", "value"),
    [("flag", 1), ("flag", "true"), ("count", True), ("count", "3"), ("text", 3), ("blob", "x")],
)
def test_a_value_of_the_wrong_type_is_refused(store, attr, value):
    sample = Sample(store)

    with pytest.raises(TypeError, match=attr):
        setattr(sample, attr, value)

    assert f"sample/{attr}" not in store.allKeys()


def test_deleting_a_key_restores_its_default(store):
    sample = Sample(store)
    sample.count = 99

    del sample.count

    assert sample.count == 7
    assert "sample/count" not in store.allKeys()


def test_a_password_in_the_database_url_is_never_stored(store, tmp_path):
    settings = Settings(store)

    settings.prefs.database_url = "postgresql+psycopg://alice:s3cr%40t@db.example:5432/helpdesk"
    store.sync()

    assert settings.prefs.database_url == "postgresql+psycopg://alice@db.example:5432/helpdesk"
    assert "s3cr" not in Path(store.fileName()).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "target",
    [
        "/home/alice/helpdesk.sqlite",
        r"C:\Users\alice\helpdesk.sqlite",
        "sqlite:////srv/helpdesk.sqlite",
        "postgresql+psycopg://alice@db.example/helpdesk",
        "",
    ],
)
def test_a_database_target_without_password_is_kept_as_given(store, target):
    settings = Settings(store)

    settings.prefs.database_url = target

    assert settings.prefs.database_url == target


def test_a_new_store_is_stamped_with_the_current_version(store, tmp_path):
    settings = Settings(store)

    assert settings.version == SETTINGS_VERSION
    assert reopened(store, tmp_path).value(VERSION_KEY) == str(SETTINGS_VERSION)


def test_every_older_version_has_an_upgrade_step():
    assert sorted(UPGRADE_STEPS) == list(range(1, SETTINGS_VERSION))


def test_upgrade_steps_run_in_order_from_the_stored_version(store):
    store.setValue(VERSION_KEY, "1")  # as an ini file hands it back
    store.setValue("ui/lastQueue", "Unassigned")
    ran: list[int] = []

    def step_1(s: QSettings) -> None:
        ran.append(1)
        s.setValue("ui_state/last_queue", s.value("ui/lastQueue"))
        s.remove("ui/lastQueue")

    def step_2(s: QSettings) -> None:
        ran.append(2)

    version = upgrade_settings(store, {1: step_1, 2: step_2}, target=3)

    assert (version, ran) == (3, [1, 2])
    assert int(store.value(VERSION_KEY)) == 3
    assert UiState(store).last_queue == "Unassigned"
    assert upgrade_settings(store, {1: step_1, 2: step_2}, target=3) == 3
    assert ran == [1, 2]  # nothing runs twice


def test_a_missing_upgrade_step_is_an_error(store):
    store.setValue(VERSION_KEY, 1)

    with pytest.raises(LookupError, match="from version 1"):
        upgrade_settings(store, {}, target=2)


def test_settings_from_a_newer_version_are_left_alone(store, caplog):
    store.setValue(VERSION_KEY, SETTINGS_VERSION + 1)
    store.setValue("prefs/language", "fr")

    with caplog.at_level(logging.WARNING, logger="app.settings"):
        settings = Settings(store)

    assert settings.version == SETTINGS_VERSION + 1
    assert int(store.value(VERSION_KEY)) == SETTINGS_VERSION + 1
    assert settings.prefs.language == "fr"
    assert "newer" in caplog.text


def test_default_uses_the_per_user_native_store(qapp, tmp_path):
    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(fmt, scope, str(tmp_path))
    try:
        settings = Settings.default()
        store = settings.store
        assert (store.organizationName(), store.applicationName()) == (ORGANIZATION, APPLICATION)
        assert (ORGANIZATION, APPLICATION) == ("MSP Helpdesk", "msp-helpdesk")
        assert store.format() == fmt
        assert store.scope() == scope
        assert Path(store.fileName()).is_relative_to(tmp_path)
    finally:
        QSettings.setPath(
            fmt,
            scope,
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation),
        )
