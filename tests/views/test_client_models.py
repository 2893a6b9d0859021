"""The clients browser's table models, tested without a widget and without a database."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from app.models.enums import ClientStatus
from app.services.directory import ClientRow, ContactRow, SiteRow

from app.views.clients.client_models import (
    CHECK_MARK,
    ClientIdRole,
    ClientTableModel,
    ContactIdRole,
    ContactTableModel,
    RowRole,
    SiteIdRole,
    SiteTableModel,
)

# Fonts and palettes need a QGuiApplication, and the test order is random.
pytestmark = pytest.mark.usefixtures("qapp")

DISPLAY = Qt.ItemDataRole.DisplayRole

ACME = ClientRow(7, "Acme Logistics", "ACME", ClientStatus.LIVE, "Europe/Brussels", "+32 9", 12)
OLD = ClientRow(9, "Old Mill", "OMP", ClientStatus.ENDED, "Europe/London", "", 0)
HQ = SiteRow(3, 7, "Head office", "Industrieweg 12", "Gent", "BE", "+32 9 123")
DEPOT = SiteRow(4, 7, "Depot", "Havenlaan 3", "Antwerpen", "BE", "")
MARIE = ContactRow(
    11, 7, 3, "Marie Dubois", "marie@acme.example", "+32 470", "Director",
    vip=True, escalation_contact=True, authorised_approver=False, active=True,
)  # fmt: skip
JAN = ContactRow(
    12, 7, None, "Jan Peeters", "jan@acme.example", "", "Office manager",
    vip=False, escalation_contact=False, authorised_approver=True, active=False,
)  # fmt: skip


def _texts(model: ClientTableModel | ContactTableModel | SiteTableModel, row: int) -> list[object]:
    return [model.data(model.index(row, col)) for col in range(model.columnCount())]


def _headers(model: ClientTableModel | ContactTableModel | SiteTableModel) -> list[object]:
    return [model.headerData(col, Qt.Orientation.Horizontal) for col in range(model.columnCount())]


# --- every model ------------------------------------------------------------------------------


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
def test_the_models_pass_the_model_tester(qtmodeltester, filled: bool) -> None:
    clients = ClientTableModel()
    contacts = ContactTableModel()
    sites = SiteTableModel()
    if filled:
        clients.set_rows([ACME, OLD])
        contacts.set_contacts([MARIE, JAN], [HQ, DEPOT])
        sites.set_rows([HQ, DEPOT])
    for model in (clients, contacts, sites):
        qtmodeltester.check(model, force_py=True)
        qtmodeltester.check(model)


def test_replacing_the_rows_resets_the_model(qtbot) -> None:
    model = ClientTableModel()
    model.set_rows([ACME])
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=100):
        model.set_rows([OLD, ACME])
    assert model.rowCount() == 2
    assert model.rows() == (OLD, ACME)


def test_rows_and_columns_are_flat() -> None:
    model = ClientTableModel()
    model.set_rows([ACME])
    child_parent = model.index(0, 0)
    assert model.rowCount(child_parent) == 0
    assert model.columnCount(child_parent) == 0
    assert model.data(QModelIndex()) is None
    assert model.row_at(1) is None
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


# --- clients ----------------------------------------------------------------------------------


def test_client_columns_show_name_code_status_zone_and_open_tickets() -> None:
    model = ClientTableModel()
    model.set_rows([ACME, OLD])

    assert model.columnCount() == len(ClientTableModel.Col)
    assert _headers(model) == ["Name", "Code", "Status", "Time zone", "Open"]
    assert _texts(model, 0) == ["Acme Logistics", "ACME", "Live", "Europe/Brussels", "12"]
    assert _texts(model, 1)[ClientTableModel.Col.STATUS] == "Ended"


def test_client_roles_give_the_id_and_the_row() -> None:
    model = ClientTableModel()
    model.set_rows([ACME, OLD])

    assert model.data(model.index(1, ClientTableModel.Col.CODE), ClientIdRole) == 9
    assert model.data(model.index(0, ClientTableModel.Col.NAME), RowRole) == ACME
    assert model.row_of(9) == 1
    assert model.row_of(12345) == -1


def test_open_ticket_counts_are_right_aligned() -> None:
    model = ClientTableModel()
    model.set_rows([ACME])
    align = model.data(
        model.index(0, ClientTableModel.Col.OPEN_TICKETS), Qt.ItemDataRole.TextAlignmentRole
    )
    assert isinstance(align, int)
    assert align & int(Qt.AlignmentFlag.AlignRight)


def test_former_clients_are_greyed() -> None:
    model = ClientTableModel()
    model.set_rows([ACME, OLD])
    foreground = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index(0, 0), foreground) is None
    assert model.data(model.index(1, 0), foreground) is not None


# --- contacts ---------------------------------------------------------------------------------


def test_contact_columns_show_the_site_name_and_check_marks_for_flags() -> None:
    model = ContactTableModel()
    model.set_contacts([MARIE, JAN], [HQ, DEPOT])
    col = ContactTableModel.Col

    assert _headers(model) == [
        "Name", "Job title", "E-mail", "Phone", "Site", "VIP", "Escalation", "Approver",
    ]  # fmt: skip
    assert _texts(model, 0) == [
        "Marie Dubois", "Director", "marie@acme.example", "+32 470", "Head office",
        CHECK_MARK, CHECK_MARK, "",
    ]  # fmt: skip
    jan = _texts(model, 1)
    assert (jan[col.SITE], jan[col.VIP], jan[col.ESCALATION], jan[col.APPROVER]) == (
        "",
        "",
        "",
        CHECK_MARK,
    )


def test_contacts_of_an_unknown_site_show_no_site() -> None:
    model = ContactTableModel()
    model.set_contacts([MARIE], [DEPOT])
    assert model.data(model.index(0, ContactTableModel.Col.SITE)) == ""


def test_vip_names_are_bold_and_inactive_contacts_are_marked() -> None:
    model = ContactTableModel()
    model.set_contacts([MARIE, JAN], [HQ])
    name = ContactTableModel.Col.NAME

    font = model.data(model.index(0, name), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(model.index(1, name), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(1, name)) == "Jan Peeters (inactive)"
    assert model.data(model.index(1, name), Qt.ItemDataRole.ForegroundRole) is not None


def test_flag_columns_explain_themselves_in_tooltips() -> None:
    model = ContactTableModel()
    model.set_contacts([MARIE], [HQ])
    vip = ContactTableModel.Col.VIP
    tip = Qt.ItemDataRole.ToolTipRole

    assert "VIP" in str(model.headerData(vip, Qt.Orientation.Horizontal, tip))
    assert model.data(model.index(0, vip), tip)
    assert model.data(model.index(0, ContactTableModel.Col.APPROVER), tip) is None


def test_contact_id_role() -> None:
    model = ContactTableModel()
    model.set_contacts([MARIE, JAN], [])
    assert [model.data(model.index(r, 0), ContactIdRole) for r in range(2)] == [11, 12]


# --- sites ------------------------------------------------------------------------------------


def test_site_columns_and_ids() -> None:
    model = SiteTableModel()
    model.set_rows([DEPOT, HQ])

    assert _headers(model) == ["Name", "Address", "City", "Country", "Phone"]
    assert _texts(model, 1) == ["Head office", "Industrieweg 12", "Gent", "BE", "+32 9 123"]
    assert model.data(model.index(0, SiteTableModel.Col.CITY), SiteIdRole) == 4


def test_the_country_code_has_the_country_name_as_tooltip() -> None:
    model = SiteTableModel()
    model.set_rows([HQ, SiteRow(5, 7, "Mystery", "", "", "QQ", "")])
    country = SiteTableModel.Col.COUNTRY
    tip = Qt.ItemDataRole.ToolTipRole

    assert model.data(model.index(0, country), tip) == "Belgium"
    assert model.data(model.index(1, country), tip) == "QQ"
