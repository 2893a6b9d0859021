"""The report branding row: defaults, admin-only saves, the logo check, optimistic locking."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from app.db import Database
from app.models.enums import Role
from app.reports.figures import Branding
from app.services.errors import ConcurrentEditError, PermissionDeniedError, ValidationError
from app.services.report_branding import BrandingSettings, ReportBrandingService
from tests.factories import add_technician
from tests.fakes import FakeClock


def png_bytes(size: tuple[int, int] = (40, 20), colour: str = "navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def service(db: Database, clock: FakeClock) -> ReportBrandingService:
    return ReportBrandingService(db, clock)


@pytest.fixture
def admin_id(db: Database) -> int:
    return add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")


def test_nothing_set_means_an_empty_name_and_no_logo(service: ReportBrandingService) -> None:
    assert service.branding() == Branding("", None)
    assert service.settings() == BrandingSettings("", None, "", 0)


def test_an_admin_saves_name_and_logo_and_the_report_prints_them(
    service: ReportBrandingService, admin_id: int
) -> None:
    logo = png_bytes()
    saved = service.save(admin_id, "  Acme IT Services  ", logo, "acme.png", expected_version=0)
    assert (saved.msp_name, saved.logo, saved.logo_name) == ("Acme IT Services", logo, "acme.png")
    assert saved.version == 1
    assert service.settings() == saved
    assert service.branding() == Branding("Acme IT Services", logo)

    again = service.save(admin_id, "Acme IT", None, "ignored.png", expected_version=1)
    assert again == BrandingSettings("Acme IT", None, "", 2)
    assert service.branding() == Branding("Acme IT", None)


def test_a_stale_version_is_refused_and_nothing_changes(
    service: ReportBrandingService, admin_id: int
) -> None:
    service.save(admin_id, "First", None, "", expected_version=0)
    with pytest.raises(ConcurrentEditError) as caught:
        service.save(admin_id, "Second", None, "", expected_version=0)
    assert caught.value.current_version == 1
    assert caught.value.changed_by == "Ada Admin"
    assert service.branding().msp_name == "First"
    # None (the CLI) does not check.
    assert service.save(admin_id, "Third", None, "", expected_version=None).version == 2


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"%PDF-1.4 definitely not a picture", "not_an_image"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "not_an_image"),
        (b"\0" * (2 * 1024 * 1024 + 1), "too_large"),
    ],
    ids=["pdf", "truncated-png", "too-large"],
)
def test_a_logo_that_is_not_an_image_is_refused(
    service: ReportBrandingService, admin_id: int, data: bytes, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        service.save(admin_id, "Acme", data, "logo.png", expected_version=0)
    assert caught.value.problems == {"logo": code}
    assert service.settings().version == 0


def test_a_name_over_200_characters_is_refused(
    service: ReportBrandingService, admin_id: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        service.save(admin_id, "x" * 201, None, "", expected_version=0)
    assert caught.value.problems == {"msp_name": "too_long"}
    assert service.save(admin_id, "y" * 200, None, "", expected_version=0).msp_name == "y" * 200


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.READ_ONLY])
def test_only_admins_may_save(service: ReportBrandingService, db: Database, role: Role) -> None:
    tech = add_technician(db, role=role)
    with pytest.raises(PermissionDeniedError):
        service.save(tech, "Sneaky", None, "", expected_version=0)
    assert service.branding() == Branding("", None)
