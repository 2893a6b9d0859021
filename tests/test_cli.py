"""app/cli.py: the `helpdesk` command.

The real command runs as a subprocess (`python -m app`) wherever the process boundary matters:
exit codes, what reaches the terminal (no traceback, no password), which modules get imported.
Each start costs about a second of imports, so the wider matrix of databases and options calls
`app.cli.main()` in-process (`run`), where an escaping exception fails the test just as a
traceback would. HOME and the XDG folders point into the session's throw-away home (see
`tests/conftest.py: user_home`), so a default data directory never touches the real one.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy import Engine, func, select, text

import app
from app.bootstrap import DB_URL_ENV, build_core
from app.cli import main
from app.db import head_revision, upgrade_database
from app.models import Ticket
from app.paths import APP_AUTHOR, APP_NAME, DATABASE_FILE
from tests.fakes import FakeClock

UNREACHABLE = "postgresql+psycopg://u:secret@127.0.0.1:1/x"
UNKNOWN_REVISION = "f00dfacef00d"


@dataclass(frozen=True)
class Result:
    argv: tuple[str, ...]
    rc: int
    out: str
    err: str


def _env(extra: Mapping[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != DB_URL_ENV}
    env.update(extra or {})
    return env


def helpdesk_all(
    *argvs: Sequence[str | Path], env: Mapping[str, str] | None = None
) -> list[Result]:
    """Run `helpdesk` once per argv, all at the same time; results in argv order."""
    procs = [
        (
            tuple(str(a) for a in argv),
            subprocess.Popen(
                [sys.executable, "-m", "app", *(str(a) for a in argv)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=_env(env),
            ),
        )
        for argv in argvs
    ]
    results = []
    for argv, p in procs:
        try:
            out, err = p.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            pytest.fail(f"helpdesk {' '.join(argv)} timed out\n{out}\n{err}")
        results.append(Result(argv, p.returncode, out, err))
    return results


def helpdesk(*argv: str | Path, env: Mapping[str, str] | None = None) -> Result:
    [result] = helpdesk_all(argv, env=env)
    return result


Runner = Callable[..., Result]


@pytest.fixture
def run() -> Iterator[Runner]:
    """`app.cli.main(argv)` in this process, its output captured; logging restored after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level

    def run_main(*argv: str | Path) -> Result:
        args = tuple(str(a) for a in argv)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main(list(args))
            except SystemExit as e:  # argparse: --help and usage errors
                rc = e.code if isinstance(e.code, int) else 1
        return Result(args, rc, out.getvalue(), err.getvalue())

    yield run_main
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def one_clear_line(r: Result, rc: int = 1) -> str:
    """The single `helpdesk: …` line a failed command printed, after checking it is alone."""
    assert r.rc == rc, r
    assert "Traceback" not in r.out + r.err, r
    assert r.out == "", r
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r
    assert lines[0].startswith("helpdesk: "), r
    return lines[0]


def tickets_in(target: str | Path, make_engine: Callable[[str], Engine]) -> int:
    engine = make_engine(str(target))
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(Ticket)) or 0)


def default_database() -> tuple[Path, int | None]:
    """Where the app keeps its database when given neither --db nor --data-dir, and its last
    change (None: absent), to tell whether a command touched it."""
    path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / DATABASE_FILE
    return path, path.stat().st_mtime_ns if path.exists() else None


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A SQLite database at head with the demo MSP and 50 tickets."""
    path = tmp_path / "filled.sqlite"
    core = build_core(str(path), data_dir=tmp_path / "seed-data", clock=FakeClock())
    try:
        core.demo.seed(tickets=50)
    finally:
        core.close()
    return path


# --- the real command -------------------------------------------------------------------------


def test_version_and_help() -> None:
    version, top, db, demo = helpdesk_all(
        ["--version"], ["--help"], ["db", "--help"], ["demo", "--help"]
    )
    assert (version.rc, version.out) == (0, f"helpdesk {app.__version__}\n")
    for r in (top, db, demo):
        assert r.rc == 0, r
        assert r.out.startswith("usage: helpdesk"), r
        assert r.err == "", r
    assert all(word in top.out for word in ("db", "demo", "--db", "--data-dir"))
    assert all(word in db.out for word in ("upgrade", "current", "backup"))
    assert all(word in demo.out for word in ("--tickets", "--seed", "--if-empty"))


def test_demo_then_db_current(
    fresh_db_url: str, tmp_path: Path, make_engine: Callable[[str], Engine]
) -> None:
    demo = helpdesk("demo", "--tickets", "200", "--db", fresh_db_url, "--data-dir", tmp_path)
    assert demo.rc == 0, demo
    assert "200 tickets" in demo.out
    assert "Traceback" not in demo.err
    assert tickets_in(fresh_db_url, make_engine) == 200

    current = helpdesk("db", "current", "--db", fresh_db_url, "--data-dir", tmp_path)
    head = head_revision()
    assert (current.rc, current.out) == (0, f"database: {head}\nthis app: {head}\n"), current
    assert (tmp_path / "logs" / "helpdesk.log").is_file()


def test_failures_reach_the_terminal_as_one_line(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    unreachable, broken = helpdesk_all(
        ["demo", "--db", UNREACHABLE, "--data-dir", tmp_path],
        ["db", "current", "--db", corrupt, "--data-dir", tmp_path],
    )
    line = one_clear_line(unreachable)
    assert "127.0.0.1" in line
    assert "secret" not in unreachable.out + unreachable.err
    assert "secret" not in (tmp_path / "logs" / "helpdesk.log").read_text()
    assert str(corrupt) in one_clear_line(broken)


def test_a_newer_database_exits_3(
    fresh_db_url: str, tmp_path: Path, make_engine: Callable[[str], Engine], run: Runner
) -> None:
    engine = make_engine(fresh_db_url)
    upgrade_database(engine, backups_dir=None)
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE alembic_version SET version_num = '{UNKNOWN_REVISION}'"))

    demo = helpdesk("demo", "--db", fresh_db_url, "--data-dir", tmp_path)
    upgrade = run("db", "upgrade", "--yes", "--db", fresh_db_url, "--data-dir", tmp_path)
    current = run("db", "current", "--db", fresh_db_url, "--data-dir", tmp_path)

    for r in (demo, upgrade):
        line = one_clear_line(r, rc=3)
        assert UNKNOWN_REVISION in line and "newer" in line, r
    assert current.rc == 0, current
    assert f"database: {UNKNOWN_REVISION}" in current.out
    # Never downgraded, never filled.
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == UNKNOWN_REVISION
        assert conn.scalar(select(func.count()).select_from(Ticket)) == 0


def test_commands_other_than_the_gui_never_import_qt(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import json, sys
        from app.cli import main
        db, data = sys.argv[1], sys.argv[2]
        rcs = [
            main(["demo", "--tickets", "5", "--db", db, "--data-dir", data]),
            main(["db", "current", "--db", db, "--data-dir", data]),
            main(["db", "upgrade", "--db", db, "--data-dir", data]),
            main(["db", "backup", "--db", db, "-o", data + "/copy.sqlite"]),
        ]
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        print(json.dumps({"rcs": rcs, "qt": qt}))
        """
    )
    r = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "q.sqlite"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(None),
        check=False,
    )
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout.strip().splitlines()[-1])
    assert report == {"rcs": [0, 0, 0, 0], "qt": []}


# --- options ----------------------------------------------------------------------------------


def test_usage_errors_exit_2(run: Runner) -> None:
    for argv in (["demo", "--tickets", "many"], ["demo", "--tickets", "-3"], ["db"], ["nope"]):
        r = run(*argv)
        assert r.rc == 2, r
        assert "usage: helpdesk" in r.err, r
    assert "not a whole number" in run("demo", "--tickets", "many").err


def test_help_of_every_subcommand(run: Runner) -> None:
    for argv in (["db", "upgrade"], ["db", "current"], ["db", "backup"]):
        r = run(*argv, "--help")
        assert r.rc == 0, r
        assert r.out.startswith(f"usage: helpdesk {' '.join(argv)}"), r
    assert "--yes" in run("db", "upgrade", "--help").out
    assert "--output" in run("db", "backup", "--help").out


def test_options_before_the_command_are_used(
    tmp_path: Path, make_engine: Callable[[str], Engine], run: Runner
) -> None:
    # argparse copies a subcommand's defaults over options given before it; the CLI must not
    # forget `--db` and seed the default database instead.
    target = tmp_path / "before.sqlite"
    overridden = tmp_path / "overridden.sqlite"
    data = tmp_path / "data"
    default = default_database()
    demo = run("--db", target, "--data-dir", data, "demo", "--tickets", "5")
    assert demo.rc == 0, demo
    assert tickets_in(target, make_engine) == 5
    assert (data / "logs" / "helpdesk.log").is_file()
    assert not (data / DATABASE_FILE).exists()

    head = head_revision()
    for argv in (
        ["--db", target, "--data-dir", data, "db", "current"],
        ["db", "--db", target, "--data-dir", data, "current"],
        ["db", "current", "--db", target, "--data-dir", data],
        # The option nearest the action wins.
        ["--db", overridden, "db", "current", "--db", target, "--data-dir", data],
    ):
        r = run(*argv)
        assert (r.rc, r.out) == (0, f"database: {head}\nthis app: {head}\n"), r
    assert not overridden.exists()
    assert default_database() == default


def test_demo_on_a_filled_database(
    filled: Path, tmp_path: Path, make_engine: Callable[[str], Engine], run: Runner
) -> None:
    if_empty = run("demo", "--if-empty", "--tickets", "30", "--db", filled, "--data-dir", tmp_path)
    assert (if_empty.rc, if_empty.out, if_empty.err) == (0, "", ""), if_empty
    again = run("demo", "--tickets", "30", "--db", filled, "--data-dir", tmp_path)
    assert "already has data" in one_clear_line(again)
    assert tickets_in(filled, make_engine) == 50


def test_helpdesk_db_url_is_used_without_db(
    tmp_path: Path,
    filled: Path,
    make_engine: Callable[[str], Engine],
    run: Runner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from_env = tmp_path / "from-env.sqlite"
    data = tmp_path / "data"
    monkeypatch.setenv(DB_URL_ENV, f"sqlite:///{from_env}")
    demo = run("demo", "--tickets", "7", "--data-dir", data)
    assert demo.rc == 0, demo
    assert str(from_env) in demo.out
    assert tickets_in(from_env, make_engine) == 7
    assert not (data / DATABASE_FILE).exists()
    # --db wins over the environment.
    assert run("demo", "--if-empty", "--db", filled, "--data-dir", data).rc == 0
    assert tickets_in(filled, make_engine) == 50
    assert tickets_in(from_env, make_engine) == 7


# --- databases that cannot be used ------------------------------------------------------------


@pytest.fixture
def bad_targets(tmp_path: Path) -> dict[str, str]:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("Not a database, just notes.\n")
    random_bytes = tmp_path / "random.sqlite"
    random_bytes.write_bytes(os.urandom(4096))
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    directory = tmp_path / "a-directory"
    directory.mkdir()
    return {
        "unsupported": "foo://x",
        "bad-port": "postgresql+psycopg://u:secret@127.0.0.1:notaport/x",
        "garbled": "postgres ql://u:secret@127.0.0.1/x",
        "unreachable": UNREACHABLE,
        "text": str(text_file),
        "random": str(random_bytes),
        "corrupt": str(corrupt),
        "directory": str(directory),
    }


@pytest.mark.parametrize(
    "command",
    [["demo"], ["db", "current"], ["db", "upgrade", "--yes"]],
    ids=["demo", "db-current", "db-upgrade"],
)
def test_unusable_databases_fail_with_one_clear_line(
    bad_targets: dict[str, str], tmp_path: Path, command: list[str], run: Runner
) -> None:
    files = {name: Path(t).read_bytes() for name, t in bad_targets.items() if Path(t).is_file()}
    data = tmp_path / "data"
    for name, target in bad_targets.items():
        r = run(*command, "--db", target, "--data-dir", data)
        line = one_clear_line(r)
        assert "secret" not in r.out + r.err, r
        if name == "unsupported":
            assert "unsupported database" in line, r
        if name in ("text", "random", "corrupt", "directory"):
            assert target in line, r
    # Nothing was written into the refused files; the password is not in the log either.
    for name, content in files.items():
        assert Path(bad_targets[name]).read_bytes() == content, name
    assert "secret" not in (data / "logs" / "helpdesk.log").read_text()
    assert not (data / DATABASE_FILE).exists()


def test_backup_of_a_file_that_is_not_a_database_fails_clearly(
    bad_targets: dict[str, str], tmp_path: Path, run: Runner
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("text", "corrupt", "random", "directory"):
        r = run("db", "backup", "--db", bad_targets[name], "-o", out / f"{name}.sqlite")
        one_clear_line(r)
    r = run("db", "backup", "--db", bad_targets["corrupt"], "--data-dir", tmp_path / "data")
    one_clear_line(r)
    # No empty file that looks like a backup is left behind.
    assert list(out.iterdir()) == []
    assert list((tmp_path / "data" / "backups").iterdir()) == []


# --- db backup and db upgrade -----------------------------------------------------------------


def test_db_backup_copies_the_database(
    filled: Path, tmp_path: Path, make_engine: Callable[[str], Engine], run: Runner
) -> None:
    target = tmp_path / "copies" / "manual.sqlite"
    target.parent.mkdir()
    data = tmp_path / "data"
    explicit = run("db", "backup", "--db", filled, "-o", target)
    assert (explicit.rc, explicit.out) == (0, f"backup written to {target}\n"), explicit
    default = run("db", "backup", "--db", filled, "--data-dir", data)
    assert default.rc == 0, default
    [made] = list((data / "backups").iterdir())
    assert re.fullmatch(r"helpdesk-manual-\d{8}T\d{6}Z\.sqlite", made.name)
    assert default.out == f"backup written to {made}\n"
    for copy in (target, made):
        with contextlib.closing(sqlite3.connect(copy)) as conn:
            assert conn.execute("SELECT count(*) FROM ticket").fetchone() == (50,)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert tickets_in(copy, make_engine) == 50

    missing = run("db", "backup", "--db", tmp_path / "missing.sqlite", "-o", tmp_path / "m.sqlite")
    assert "no database" in one_clear_line(missing)
    unwritable = run("db", "backup", "--db", filled, "-o", tmp_path / "no" / "dir" / "x.sqlite")
    one_clear_line(unwritable)
    postgres = run("db", "backup", "--db", "postgresql+psycopg://u@127.0.0.1:1/x")
    assert "pg_dump" in one_clear_line(postgres, rc=2)


def test_db_upgrade(filled: Path, tmp_path: Path, run: Runner) -> None:
    data = tmp_path / "data"
    head = head_revision()
    current = run("db", "upgrade", "--db", filled, "--data-dir", data)
    assert (current.rc, current.out) == (0, f"database already at {head}\n"), current
    empty = run("db", "upgrade", "--db", tmp_path / "new.sqlite", "--data-dir", data)
    assert (empty.rc, empty.out) == (0, f"database upgraded from empty to {head}\n"), empty
    assert list((data / "backups").iterdir()) == []


def test_db_privileges_reports_the_group_role(
    fresh_db_url: str, tmp_path: Path, run: Runner
) -> None:
    upgraded = run("db", "upgrade", "--db", fresh_db_url, "--data-dir", tmp_path, "--yes")
    assert upgraded.rc == 0, upgraded
    checked = run("db", "privileges", "--db", fresh_db_url, "--data-dir", tmp_path)
    if fresh_db_url.startswith("sqlite"):
        assert "team mode (PostgreSQL) only" in one_clear_line(checked, rc=2)
    else:
        # The test server's owner may create roles, so migration 0005 put the group in place.
        assert checked.rc == 0, checked
        assert checked.out.startswith("helpdesk_app: in place"), checked


def test_an_unusable_data_folder_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """A data folder that cannot be created or written to (here: under a file, which is what a
    read-only folder looks like to root, who may write anywhere)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    line = one_clear_line(helpdesk("db", "current", "--data-dir", blocker / "data"))
    assert "cannot use the data folder" in line and str(blocker / "data") in line
    assert blocker.read_text() == "x"
