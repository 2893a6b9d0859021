"""The `helpdesk` command: the GUI without a subcommand, database and demo tools with one.

Only this module turns typed errors into exit codes: 0 ok, 1 failure, 2 usage, 3 database (or
backup) newer than the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.bootstrap import Core, build_core, configure_logging, resolve_database_target
from app.db import (
    DatabaseError,
    DatabaseTooNewError,
    create_database_engine,
    current_revision,
    head_revision,
    parse_database_target,
)
from app.paths import AppPaths, DataDirectoryError
from app.services.backup import BackupNotSupportedError, BackupService, BackupTooNewError
from app.services.demo_data import DEFAULT_TICKETS, DemoDataExistsError
from app.services.demo_vault import DEMO_VAULT_PASSWORD

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_TOO_NEW = 0, 1, 2, 3


def _positive(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _common_options(*, top_level: bool) -> argparse.ArgumentParser:
    """The options accepted both before and after a command.

    Only the top level has defaults: argparse copies every attribute a subcommand's parser sets,
    defaults included, over what was parsed before the command, so `helpdesk --db X demo` would
    otherwise forget X and seed the default database.
    """
    common = argparse.ArgumentParser(
        add_help=False, argument_default=None if top_level else argparse.SUPPRESS
    )
    common.add_argument(
        "--db",
        metavar="URL|PATH",
        help="database: a SQLite file path or postgresql+psycopg://user@host/db "
        "(default: $HELPDESK_DB_URL, else a SQLite file in the data directory)",
    )
    common.add_argument(
        "--data-dir", type=Path, help="where logs, backups and the SQLite file live"
    )
    levels = ["DEBUG", "INFO", "WARNING", "ERROR"]
    if top_level:
        common.add_argument("--log-level", choices=levels, default="INFO")
    else:
        common.add_argument("--log-level", choices=levels)
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="helpdesk",
        description="MSP Helpdesk: ticket queues, SLAs, client vault and remote sessions. "
        "Without a command, opens the desktop app.",
        parents=[_common_options(top_level=True)],
    )
    common = _common_options(top_level=False)
    parser.add_argument("--version", action="version", version=f"helpdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="database schema tools", parents=[common])
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser(
        "upgrade",
        help="migrate the schema to this version (SQLite: backup first)",
        parents=[common],
    )
    up.add_argument(
        "--yes", action="store_true", help="confirm a backup of a shared PostgreSQL database exists"
    )
    db_sub.add_parser("current", help="print the schema revision and this app's", parents=[common])
    db_sub.add_parser(
        "privileges",
        help="PostgreSQL: check the technicians' group role, print the SQL an owner must run",
        parents=[common],
    )
    backup = db_sub.add_parser(
        "backup",
        help="copy the SQLite database, consistent even while the app runs "
        "(PostgreSQL: use pg_dump)",
        parents=[common],
    )
    backup.add_argument(
        "--out",
        "-o",
        "--output",
        dest="output",
        type=Path,
        metavar="FILE",
        help="backup file to write (default: a dated file in the backups folder)",
    )
    restore = db_sub.add_parser(
        "restore",
        help="replace the SQLite database with a backup, after a safety copy "
        "(PostgreSQL: use pg_restore)",
        parents=[common],
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup file to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    demo = sub.add_parser("demo", help="fill a database with the demo MSP", parents=[common])
    demo.add_argument(
        "--tickets",
        type=_positive,
        default=DEFAULT_TICKETS,
        help="number of tickets (default %(default)s)",
    )
    demo.add_argument("--seed", type=int, default=42, help="random seed (same seed, same data)")
    demo.add_argument(
        "--if-empty", action="store_true", help="do nothing (and succeed) if the database has data"
    )
    demo.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="then save a PNG of each main view to DIR"
    )

    sla = sub.add_parser("sla", help="SLA tools", parents=[common])
    sla_sub = sla.add_subparsers(dest="sla_command", metavar="ACTION", required=True)
    sla_sub.add_parser(
        "sweep",
        help="recompute SLA clocks and fire due warnings and escalations once "
        "(idempotent: run it from cron or a scheduled task)",
        parents=[common],
    )
    _report_parser(sub, common)
    sub.add_parser(
        "selftest",
        help="check this installation on a new throw-away database in --data-dir (default: a "
        "temporary directory): migrations, fonts, time zones, the main window",
        parents=[common],
    )
    return parser


def _report_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    report = sub.add_parser(
        "report",
        help="write a client's (or every client's) SLA report as PDF or CSV, for scheduled runs",
        parents=[common],
    )
    report.add_argument(
        "--client", required=True, metavar="NAME|ID|all", help="client name, code or id, or all"
    )
    report.add_argument(
        "--period",
        required=True,
        metavar="PERIOD",
        help="a month (2026-10), a quarter (2026-Q3) or days FROM..TO (2026-01-05..2026-02-10)",
    )
    report.add_argument("--out", required=True, type=Path, metavar="FILE", help="file to write")
    report.add_argument(
        "--format",
        choices=["pdf", "csv"],
        help="pdf (the client report) or csv (its raw figures); default: from FILE's suffix",
    )
    report.add_argument(
        "--tz",
        metavar="ZONE",
        help="IANA zone of the period's days and printed times (default: the client's zone; "
        "for all clients, the default SLA calendar's)",
    )
    report.add_argument("--logo", type=Path, metavar="IMAGE", help="cover logo (PNG or JPEG)")
    report.add_argument("--msp-name", metavar="NAME", help="MSP name on the cover")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = AppPaths.default(args.data_dir)
    try:
        if args.command is None:
            from app.application import run_gui  # Qt only on the GUI path

            return run_gui(args.db, args.data_dir, args.log_level)
        if args.command == "selftest":
            # Its own throw-away data directory and database: no user file is touched, and no
            # window flashes up on the user's screen.
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from app.selftest import run_selftest

            return run_selftest(args.data_dir)
        configure_logging(paths, args.log_level)
        if args.command == "db":
            return _db_command(args, paths)
        if args.command == "sla":
            return _sla_command(args)
        if args.command == "report":
            return _report_command(args)
        return _demo_command(args)
    except DatabaseTooNewError as e:
        print(f"helpdesk: {e}", file=sys.stderr)
        return EXIT_TOO_NEW
    except (DatabaseError, DataDirectoryError) as e:
        print(f"helpdesk: {e}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("helpdesk: interrupted", file=sys.stderr)
        return EXIT_FAILURE


def gui_main() -> int:
    """Entry point of the windowed `helpdesk-gui` launcher."""
    return main([])


def _db_command(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.db_command == "current":
        url = parse_database_target(resolve_database_target(args.db, paths))
        engine = create_database_engine(url)
        try:
            current = current_revision(engine)
        finally:
            engine.dispose()
        print(f"database: {current or 'empty'}")
        print(f"this app: {head_revision()}")
        return EXIT_OK
    if args.db_command == "privileges":
        return _db_privileges(args)
    if args.db_command in ("backup", "restore"):
        return _db_backup_command(args, paths)
    core = build_core(args.db, args.data_dir, confirm_upgrade=args.yes)
    try:
        r = core.upgrade
        if r.before == r.after:
            print(f"database already at {r.after}")
        else:
            print(f"database upgraded from {r.before or 'empty'} to {r.after}")
            if r.backup:
                print(f"backup: {r.backup}")
    finally:
        core.close()
    return EXIT_OK


def _db_backup_command(args: argparse.Namespace, paths: AppPaths) -> int:
    """`db backup` and `db restore`: the SQLite file only, through `BackupService`."""
    url = parse_database_target(resolve_database_target(args.db, paths))
    service = BackupService(url, paths)
    try:
        if args.db_command == "backup":
            target = service.backup(args.output or service.default_backup_file())
            print(f"backup written to {target}")
            return EXIT_OK
        return _db_restore(service, args.file, confirmed=args.yes)
    except BackupNotSupportedError as e:
        print(f"helpdesk: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BackupTooNewError as e:
        print(f"helpdesk: {e}", file=sys.stderr)
        return EXIT_TOO_NEW


def _db_restore(service: BackupService, file: Path, *, confirmed: bool) -> int:
    database = service.database_file
    info = service.check_backup(file)
    print(f"backup: {info.path} (schema {info.revision}, {info.size:,} bytes, integrity ok)")
    print(f"  {info.clients:,} clients, {info.technicians:,} technicians, {info.tickets:,} tickets")
    if not confirmed:
        print(f"Replace the database at {database} with this backup? [y/N] ", end="", flush=True)
        answer = sys.stdin.readline().strip().casefold()
        if answer not in ("y", "yes"):
            print("helpdesk: restore cancelled; nothing was changed", file=sys.stderr)
            return EXIT_FAILURE
    result = service.restore(file)
    if result.safety_backup is not None:
        print(f"the database as it was: {result.safety_backup}")
    schema = result.revision_after
    if result.migrated:
        schema = f"{schema}, upgraded from {info.revision}"
    print(f"database at {result.database} restored from {file} (schema {schema})")
    return EXIT_OK


def _db_privileges(args: argparse.Namespace) -> int:
    """Team mode: is `helpdesk_app` in place (audit log append-only for technicians)?"""
    from app.services.db_roles import DatabaseRoleService, TeamModeOnlyError

    core = build_core(args.db, args.data_dir)
    try:
        roles = DatabaseRoleService(core.db)
        try:
            if roles.privileges_in_place():
                print(
                    "helpdesk_app: in place (technicians append to the audit log, never change it)"
                )
                return EXIT_OK
            print("helpdesk_app: missing or incomplete; a database owner must run:\n")
            print(roles.privileges_sql())
            return EXIT_FAILURE
        except TeamModeOnlyError:
            print("helpdesk: database roles exist in team mode (PostgreSQL) only", file=sys.stderr)
            return EXIT_USAGE
    finally:
        core.close()


def _sla_command(args: argparse.Namespace) -> int:
    core = build_core(args.db, args.data_dir)
    try:
        report = core.sla_sweep.sweep()
        recurring = core.recurring.run_due()
    finally:
        core.close()
    print(
        f"SLA sweep: {report.recomputed} tickets recomputed, {report.warnings} warnings, "
        f"{report.breaches} breaches, {report.levels_fired} escalation levels fired, "
        f"{report.follow_ups} vendor follow-ups due"
    )
    print(
        f"Recurring tickets: {recurring.created} created, {recurring.skipped} missed "
        f"occurrences skipped, {recurring.failed} failed"
    )
    return EXIT_OK


def _demo_command(args: argparse.Namespace) -> int:
    core = build_core(args.db, args.data_dir)
    try:
        if not core.demo.is_empty():
            if args.if_empty:
                return _maybe_screenshots(core, args)
            print(
                "helpdesk: the database already has data; demo data goes into an empty database "
                "(use --db to name another one)",
                file=sys.stderr,
            )
            return EXIT_FAILURE
        last = -1

        def progress(done: int, total: int) -> None:
            nonlocal last
            percent = done * 100 // max(total, 1)
            if percent // 10 != last // 10 and sys.stderr.isatty():
                print(f"  {done:,} / {total:,} tickets", file=sys.stderr)
            last = percent

        summary = core.demo.seed(args.tickets, seed=args.seed, progress=progress)
        print(
            f"demo MSP created: {summary.clients} clients, {summary.contacts} contacts, "
            f"{summary.technicians} technicians, {summary.tickets:,} tickets "
            f"in {core.db.url.render_as_string(hide_password=True)}"
        )
        print("sign in as alice@demo.msp (L1) or admin@demo.msp, password: demo1234")
        print(f"their credential vault password: {DEMO_VAULT_PASSWORD}")
        return _maybe_screenshots(core, args)
    except DemoDataExistsError:
        print("helpdesk: the database already has data", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        core.close()


def _maybe_screenshots(core: Core, args: argparse.Namespace) -> int:
    if args.screenshots is None:
        return EXIT_OK
    from app.application import save_screenshots  # Qt only when asked for

    for path in save_screenshots(core, args.screenshots):
        print(f"screenshot: {path}")
    return EXIT_OK


def _report_command(args: argparse.Namespace) -> int:
    """Bad input (period, logo, client, output path) is one line on stderr and no file."""
    from dataclasses import replace

    from app.reports.branding import LogoError, read_logo
    from app.reports.output import ReportOutputError, check_writable
    from app.reports.period import PeriodError, parse_period
    from app.services.report_figures import UnknownClientError
    from app.services.report_output import write_report

    out: Path = args.out
    kind = args.format or ("csv" if out.suffix.lower() == ".csv" else "pdf")
    try:
        period = parse_period(args.period)
        check_writable(out)
        logo = read_logo(args.logo) if args.logo is not None else None
    except (PeriodError, LogoError, ReportOutputError) as e:
        print(f"helpdesk: {e}", file=sys.stderr)
        return EXIT_USAGE if not isinstance(e, ReportOutputError) else EXIT_FAILURE
    core = build_core(args.db, args.data_dir)
    try:
        branding = core.report_branding.branding()
        if args.msp_name is not None:
            branding = replace(branding, msp_name=args.msp_name)
        if logo is not None:
            branding = replace(branding, logo=logo)
        everyone = args.client.strip().casefold() == "all"
        client = None if everyone else core.reports.find_client(args.client)
        pages = write_report(
            core.reports, branding, out, period, client.id if client else None,
            kind=kind, timezone=args.tz,
        )  # fmt: skip
    except (UnknownClientError, PeriodError) as e:
        print(f"helpdesk: {e}", file=sys.stderr)
        return EXIT_USAGE
    except (ReportOutputError, LogoError) as e:
        print(f"helpdesk: {e}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        core.close()
    who = "all clients" if client is None else client.name
    size = f", {pages} pages" if kind == "pdf" else ""
    print(f"report for {who}, {period.label}: {out}{size}")
    return EXIT_OK
