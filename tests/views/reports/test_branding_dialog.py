"""The report branding dialog on the Reports page: admins only, a logo that is not an image is
refused in the dialog, a save reaches the service."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models.enums import Role, Tier
from app.reports.figures import Branding
from app.services.directory import TechnicianRow
from tests.factories import add_technician
from tests.views.reports.conftest import png_bytes

from app.views.reports.reports_view import ReportsView


class LogoPicker:
    def __init__(self) -> None:
        self.answer: Path | None = None

    def __call__(self, _parent) -> str:
        return "" if self.answer is None else str(self.answer)


@pytest.fixture
def picker() -> LogoPicker:
    return LogoPicker()


@pytest.fixture
def make_view(qtbot, reports, branding, runner, notifier, picker):
    def make(tech: TechnicianRow) -> ReportsView:
        view = ReportsView(reports, branding, runner, notifier, tech, logo_chooser=picker)
        qtbot.addWidget(view)
        return view

    return make


def test_an_admin_sets_name_and_logo(make_view, admin, branding, picker, tmp_path: Path) -> None:
    view = make_view(admin)
    assert not view.branding_button.isHidden()
    dialog = view.open_branding()
    assert dialog is not None
    assert dialog.name_edit.text() == ""
    assert dialog.preview.text() == "No logo"
    logo = png_bytes()
    (tmp_path / "acme.png").write_bytes(logo)
    picker.answer = tmp_path / "acme.png"

    dialog.name_edit.setText("Acme IT Services")
    dialog.choose_button.click()
    assert dialog.error.isHidden()
    assert dialog.logo() == logo
    pixmap = dialog.preview.pixmap()
    assert not pixmap.isNull() and pixmap.width() <= dialog.preview.width()
    dialog.save_button.click()

    assert branding.branding() == Branding("Acme IT Services", logo)
    assert branding.settings().logo_name == "acme.png"
    assert not dialog.isVisible()
    assert "Branding saved" in view.status.text()

    # Reopened: what was saved; removing the logo saves no logo.
    again = view.open_branding()
    assert again is not None and again.name_edit.text() == "Acme IT Services"
    again.remove_button.click()
    again.save_button.click()
    assert branding.branding() == Branding("Acme IT Services", None)


def test_a_file_that_is_not_an_image_is_refused_and_the_name_kept(
    make_view, admin, branding, picker, tmp_path: Path
) -> None:
    view = make_view(admin)
    dialog = view.open_branding()
    assert dialog is not None
    dialog.name_edit.setText("Acme IT Services")
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"%PDF-1.7 this is a document, not a picture")
    picker.answer = fake

    dialog.choose_button.click()

    assert dialog.error.text() == "This file is not an image: choose a PNG, JPEG or GIF file."
    assert not dialog.error.isHidden()
    assert dialog.name_edit.text() == "Acme IT Services"
    assert dialog.logo() is None
    assert branding.settings().version == 0  # nothing saved
    # A missing file is one message too.
    picker.answer = tmp_path / "gone.png"
    dialog.choose_button.click()
    assert dialog.error.text().startswith("Cannot read gone.png:")


def test_a_concurrent_save_is_reported_and_the_input_kept(make_view, admin, branding, db) -> None:
    view = make_view(admin)
    dialog = view.open_branding()
    assert dialog is not None
    other = add_technician(db, "Bob Boss", role=Role.ADMIN)
    branding.save(other, "Someone else's name", None, "", expected_version=0)
    dialog.name_edit.setText("Mine")
    dialog.save_button.click()
    assert dialog.error.text() == "Bob Boss changed the branding meanwhile; close and reopen it."
    assert dialog.name_edit.text() == "Mine"
    assert branding.branding().msp_name == "Someone else's name"


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.READ_ONLY])
def test_only_admins_get_the_branding_button(make_view, db, role: Role) -> None:
    tech_id = add_technician(db, "Tom Tech", role=role)
    tech = TechnicianRow(tech_id, "Tom Tech", "tom@test.msp", Tier.L1, role, True)
    view = make_view(tech)
    assert view.branding_button.isHidden()
    assert not view.branding_button.isEnabled()
    assert view.open_branding() is None
    assert view.branding_dialog is None
