"""The first-run dialog's words: one sentence per connection outcome, saying what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.db_connect import (
    ConnectionOutcome,
    ConnectionProblem,
    ConnectionReport,
    FieldProblem,
    TeamField,
)


def outcome_text(report: ConnectionReport) -> str:
    """What happens next with a database that answered."""
    db = report.database
    if report.outcome is ConnectionOutcome.OK_EMPTY:
        text = QCoreApplication.translate(
            "first_run",
            "Connected. The database {db} is empty: MSP Helpdesk will set it up when you "
            "click Finish.",
        )
    elif report.outcome is ConnectionOutcome.OK_READY:
        text = QCoreApplication.translate(
            "first_run",
            "Connected. The database {db} is ready: click Finish, then sign in with your "
            "MSP Helpdesk account.",
        )
    else:
        text = QCoreApplication.translate(
            "first_run",
            "Connected. The database {db} was made by an older version: it will be upgraded "
            "once you confirm that a backup exists.",
        )
    return text.format(db=db)


def problem_text(report: ConnectionReport) -> str:
    """Why the database cannot be used, and what to check; `report.problem` must be set."""
    problem = report.problem
    values = {
        "host": report.host,
        "port": report.port,
        "db": report.database,
        "user": report.user,
        "seconds": report.timeout_s,
    }
    if problem is ConnectionProblem.HOST_NOT_FOUND:
        text = QCoreApplication.translate(
            "first_run",
            "The server name {host} cannot be found. Check its spelling, or use the server's "
            "IP address.",
        )
    elif problem is ConnectionProblem.REFUSED:
        text = QCoreApplication.translate(
            "first_run",
            "No server answers at {host}:{port}. Check the port and that PostgreSQL accepts "
            "network connections.",
        )
    elif problem is ConnectionProblem.TIMEOUT:
        text = QCoreApplication.translate(
            "first_run",
            "{host}:{port} did not answer within {seconds} seconds. Check the server name, "
            "and any firewall or VPN in between.",
        )
    elif problem is ConnectionProblem.AUTH:
        text = QCoreApplication.translate(
            "first_run",
            "The server did not accept user {user} with this password. Check the user name "
            "and the password.",
        )
    elif problem is ConnectionProblem.NO_DATABASE:
        text = QCoreApplication.translate(
            "first_run",
            "There is no database named {db} on {host}. Check the name, or ask your database "
            "administrator to create it.",
        )
    elif problem is ConnectionProblem.SSL:
        text = QCoreApplication.translate(
            "first_run",
            "The secure connection (SSL) failed: the server does not offer it, or its "
            "certificate is not trusted here. Try another SSL mode, or ask your database "
            "administrator.",
        )
    elif problem is ConnectionProblem.NO_PRIVILEGE:
        text = QCoreApplication.translate(
            "first_run",
            "User {user} may not create or read the MSP Helpdesk tables in {db}. Ask your "
            "database administrator to make {user} the owner of {db}.",
        )
    elif problem is ConnectionProblem.TOO_NEW:
        text = QCoreApplication.translate(
            "first_run",
            "The database {db} was set up by a newer version of MSP Helpdesk. Install that "
            "version on this computer first.",
        )
    elif problem is ConnectionProblem.NOT_EMPTY:
        text = QCoreApplication.translate(
            "first_run",
            "The database {db} already holds other tables. Use an empty database for MSP Helpdesk.",
        )
    elif problem is ConnectionProblem.NOT_POSTGRES:
        text = QCoreApplication.translate(
            "first_run",
            "The service at {host}:{port} is not PostgreSQL. Check the port (PostgreSQL "
            "usually listens on 5432).",
        )
    else:
        text = QCoreApplication.translate(
            "first_run",
            "The connection to {host}:{port} failed. The details below may help your "
            "database administrator.",
        )
    return text.format(**values)


def field_problem_text(field: TeamField, problem: FieldProblem) -> str:
    """The line under a refused connection field."""
    if field is TeamField.HOST:
        if problem is FieldProblem.EMPTY:
            return QCoreApplication.translate("first_run", "Enter the server's name or IP address.")
        if problem is FieldProblem.TOO_LONG:
            return QCoreApplication.translate("first_run", "This server name is too long.")
        return QCoreApplication.translate(
            "first_run", "A server name has no spaces and none of / @ ? # \\ ' \"."
        )
    if field is TeamField.PORT:
        return QCoreApplication.translate("first_run", "Use a port from 1 to 65535.")
    if problem is FieldProblem.EMPTY:
        if field is TeamField.DATABASE:
            return QCoreApplication.translate("first_run", "Enter the database name.")
        if field is TeamField.USER:
            return QCoreApplication.translate("first_run", "Enter the user name.")
    if problem is FieldProblem.TOO_LONG:
        return QCoreApplication.translate(
            "first_run", "PostgreSQL names are at most 63 bytes long."
        )
    return QCoreApplication.translate("first_run", "This value cannot be used.")
