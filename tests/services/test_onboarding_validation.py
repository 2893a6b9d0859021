"""app/services/onboarding_validation.py: a typed section checked against its spec.

Problems are keyed like the form's widgets ("legal_name", "sites[2].timezone", "sites") and all
of them are reported at once; the clean document keeps every row's stable UUID key.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest

from app.services.onboarding_spec import (
    COMPANY,
    ESCALATION,
    KNOWLEDGE,
    PERMISSIONS,
    REMOTE,
    SERVERS,
    VERIFICATION,
    VIP,
)
from app.services.onboarding_validation import References, validate

KEY_A = "0b5c2a8e-5d5e-4b53-9a8e-3f1f2f4b6c01"
CRED = "7f0e4c1a-1111-4222-8333-944455556666"
REFS = References(
    contacts=frozenset({11, 12}),
    credentials=frozenset({CRED}),
    policies=frozenset({7}),
    technicians=frozenset({3}),
)


def _company(**over: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "legal_name": "Acme NV",
        "registration_number": "BE0123.456.789",
        "main_phone": "+32 9 123 45 67",
        "main_email": "it@acme.example",
        "website": "acme.example",
        "sites": [],
        "contracts": [],
        "products": [],
        "devices": [],
    }
    raw.update(over)
    return raw


def _is_uuid4(value: object) -> bool:
    return (
        isinstance(value, str) and str(uuid.UUID(value)) == value and uuid.UUID(value).version == 4
    )


# --- fields -----------------------------------------------------------------------------------


def test_a_valid_company_section_gives_the_clean_document() -> None:
    raw = _company(
        legal_name="  Acme   NV ",
        sites=[
            {
                "key": KEY_A,
                "name": "Head office",
                "address": "Kerkstraat 1",
                "city": "Gent",
                "country": "be",
                "timezone": "europe/brussels",
                "phone": "",
            }
        ],
    )
    checked = validate(COMPANY, raw, REFS)
    assert checked.problems == {}
    assert checked.data == {
        "legal_name": "Acme NV",
        "registration_number": "BE0123.456.789",
        "main_phone": "+32 9 123 45 67",
        "main_email": "it@acme.example",
        "website": "https://acme.example",
        "sites": [
            {
                "key": KEY_A,
                "name": "Head office",
                "address": "Kerkstraat 1",
                "city": "Gent",
                "country": "BE",
                "timezone": "Europe/Brussels",
                "phone": "",
            }
        ],
        "contracts": [],
        "products": [],
        "devices": [],
    }


@pytest.mark.parametrize("empty", [None, "", "   ", "\t\n"])
def test_required_fields_must_not_be_empty(empty: object) -> None:
    checked = validate(COMPANY, _company(legal_name=empty, main_phone=empty), REFS)
    assert checked.problems == {"legal_name": "required", "main_phone": "required"}


def test_missing_keys_are_empty_values() -> None:
    checked = validate(KNOWLEDGE, {}, REFS)
    assert checked.problems == {}
    assert checked.data == {"start_page": "", "supported": "", "out_of_scope": ""}


def test_multiline_text_keeps_its_lines_and_single_line_text_collapses_spaces() -> None:
    checked = validate(
        KNOWLEDGE, {"start_page": "# Acme\n\n  * step 1\n", "supported": " x "}, REFS
    )
    assert checked.problems == {}
    assert checked.data["start_page"] == "# Acme\n\n  * step 1"
    assert checked.data["supported"] == "x"


def test_too_long_text_is_refused() -> None:
    checked = validate(COMPANY, _company(legal_name="x" * 201, registration_number="y" * 50), REFS)
    assert checked.problems == {"legal_name": "too_long"}
    assert checked.data["registration_number"] == "y" * 50


@pytest.mark.parametrize("value", ["Acme\x00NV", "\x00", "Acme NV\x00", "\x00 Acme"])
def test_nul_characters_are_refused(value: str) -> None:
    checked = validate(COMPANY, _company(legal_name=value), REFS)
    assert checked.problems == {"legal_name": "invalid"}


def test_nul_in_a_cell_is_refused_at_that_cell() -> None:
    raw = {"servers": [{"hostname": "dc01", "role": "Domain\x00controller"}]}
    checked = validate(SERVERS, raw, REFS)
    assert checked.problems == {"servers[0].role": "invalid"}


def test_nul_in_a_multiline_field_is_refused() -> None:
    checked = validate(KNOWLEDGE, {"start_page": "line 1\n\x00line 2"}, REFS)
    assert checked.problems == {"start_page": "invalid"}


# --- choices and booleans ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["P0", "p1", "P1 high", "1", "urgent"])
def test_a_choice_outside_its_list_is_refused(value: str) -> None:
    checked = validate(VIP, {"priority_floor": value}, REFS)
    assert checked.problems == {"priority_floor": "invalid_choice"}


def test_an_optional_choice_may_be_empty_and_a_listed_one_is_kept() -> None:
    assert validate(VIP, {"priority_floor": ""}, REFS).data["priority_floor"] == ""
    assert validate(VIP, {"priority_floor": " P2 "}, REFS).data["priority_floor"] == "P2"


def test_a_required_choice_must_be_given() -> None:
    checked = validate(VERIFICATION, {"method": ""}, REFS)
    assert checked.problems == {"method": "required"}


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        (True, True),
        ("true", True),
        ("1", True),
        ("yes", True),
        (False, False),
        ("", False),
        (None, False),
        ("no", False),
        ("0", False),
    ],
)
def test_booleans(value: object, stored: bool) -> None:
    checked = validate(VIP, {"direct_to_l2": value}, REFS)
    assert checked.problems == {}
    assert checked.data["direct_to_l2"] is stored


# --- references -------------------------------------------------------------------------------


def test_references_are_stored_as_ids() -> None:
    raw = {
        "account_manager": "3",
        "contacts": [{"contact": "11", "note": "CEO"}, {"contact": 12, "note": ""}],
    }
    checked = validate(VIP, raw, REFS)
    assert checked.problems == {}
    assert checked.data["account_manager"] == 3
    assert [(r["contact"], r["note"]) for r in checked.data["contacts"]] == [
        (11, "CEO"),
        (12, ""),
    ]


@pytest.mark.parametrize("value", ["99", "0", "-11", "11.0", "Jan Peeters", "11; DROP TABLE"])
def test_unknown_contacts_are_refused(value: str) -> None:
    checked = validate(VIP, {"contacts": [{"contact": value}]}, REFS)
    assert checked.problems == {"contacts[0].contact": "unknown_contact"}


def test_unknown_technician_and_manager_contact_are_refused() -> None:
    assert validate(VIP, {"account_manager": "4"}, REFS).problems == {
        "account_manager": "unknown_technician"
    }
    assert validate(VERIFICATION, {"method": "pin", "manager_approver": "13"}, REFS).problems == {
        "manager_approver": "unknown_contact"
    }


def test_unknown_credentials_are_refused_and_known_ones_kept() -> None:
    raw = {
        "rdp": [
            {"host": "rds01", "credential": CRED},
            {"host": "rds02", "credential": str(uuid.uuid4())},
            {"host": "rds03", "credential": "admin / Passw0rd!"},
            {"host": "rds04", "credential": ""},
        ]
    }
    checked = validate(REMOTE, raw, REFS)
    assert checked.problems == {
        "rdp[1].credential": "unknown_credential",
        "rdp[2].credential": "unknown_credential",
    }
    assert checked.data["rdp"][0]["credential"] == CRED
    assert checked.data["rdp"][3]["credential"] is None


def test_unknown_policy_is_refused() -> None:
    row = {"number": "C-1", "valid_from": "2026-03-02", "sla_policy": "8", "coverage": "24x7"}
    checked = validate(COMPANY, _company(contracts=[row]), REFS)
    assert checked.problems == {"contracts[0].sla_policy": "unknown_policy"}


def test_nothing_can_be_referenced_without_references() -> None:
    checked = validate(VIP, {"contacts": [{"contact": "11"}]}, References())
    assert checked.problems == {"contacts[0].contact": "unknown_contact"}


# --- tables -----------------------------------------------------------------------------------


def test_blank_trailing_rows_are_ignored() -> None:
    raw = {
        "servers": [
            {"hostname": "dc01", "role": "Domain controller"},
            {"hostname": "", "ip": "  ", "role": None},
            {},
            {"key": str(uuid.uuid4())},
        ]
    }
    checked = validate(SERVERS, raw, REFS)
    assert checked.problems == {}
    assert [r["hostname"] for r in checked.data["servers"]] == ["dc01"]


def test_a_row_of_whitespace_is_blank() -> None:
    raw = {"contacts": [{"contact": "11"}, {"contact": " ", "note": ""}]}
    checked = validate(VIP, raw, REFS)
    assert checked.problems == {}
    assert len(checked.data["contacts"]) == 1


def test_problem_keys_use_the_row_number_of_the_form_even_after_blank_rows() -> None:
    raw = {
        "servers": [
            {"hostname": "dc01", "role": "DC"},
            {},
            {"hostname": "10.0.0.300", "role": "File server"},
        ]
    }
    checked = validate(SERVERS, raw, REFS)
    assert checked.problems == {"servers[2].hostname": "invalid_hostname"}


def test_row_keys_are_kept_and_missing_or_bad_ones_generated_as_uuids() -> None:
    upper = "0B5C2A8E-5D5E-4B53-9A8E-3F1F2F4B6C02"
    raw = {
        "servers": [
            {"key": KEY_A, "hostname": "a", "role": "r"},
            {"hostname": "b", "role": "r"},
            {"key": "not-a-uuid", "hostname": "c", "role": "r"},
            {"key": "", "hostname": "d", "role": "r"},
            {"key": upper, "hostname": "e", "role": "r"},
        ]
    }
    rows = validate(SERVERS, raw, REFS).data["servers"]
    assert rows[0]["key"] == KEY_A
    assert rows[4]["key"] == upper.lower()
    generated = [rows[1]["key"], rows[2]["key"], rows[3]["key"]]
    assert all(_is_uuid4(k) for k in generated)
    assert len(set(generated) | {KEY_A, upper.lower()}) == 5


def test_row_ids_are_kept_as_integers_and_bad_ones_refused() -> None:
    raw = {
        "servers": [
            {"id": "5", "hostname": "a", "role": "r"},
            {"id": 6, "hostname": "b", "role": "r"},
            {"id": "x", "hostname": "c", "role": "r"},
            {"id": "", "hostname": "d", "role": "r"},
        ]
    }
    checked = validate(SERVERS, raw, REFS)
    assert checked.problems == {"servers[2]": "invalid"}
    rows = checked.data["servers"]
    assert rows[0]["id"] == 5
    assert rows[1]["id"] == 6
    assert "id" not in rows[3]


def test_unknown_columns_are_not_copied_into_the_document() -> None:
    raw = {"servers": [{"hostname": "dc01", "role": "DC", "evil": "x"}], "extra": "y"}
    checked = validate(SERVERS, raw, REFS)
    assert checked.problems == {}
    assert set(checked.data) == {"servers"}
    assert set(checked.data["servers"][0]) == {
        "key",
        "hostname",
        "ip",
        "role",
        "os",
        "location",
        "credential",
        "remote_method",
    }


@pytest.mark.parametrize("rows", ["dc01", {"hostname": "dc01"}, 5])
def test_a_table_that_is_not_a_list_is_invalid(rows: object) -> None:
    assert validate(SERVERS, {"servers": rows}, REFS).problems == {"servers": "invalid"}


def test_a_row_that_is_not_a_mapping_is_invalid() -> None:
    raw = {"servers": [["dc01", "DC"], "dc02", {"hostname": "dc03", "role": "DC"}]}
    checked = validate(SERVERS, raw, REFS)
    assert checked.problems == {"servers[0]": "invalid", "servers[1]": "invalid"}
    assert [r["hostname"] for r in checked.data["servers"]] == ["dc03"]


def test_max_rows_is_allowed_and_one_more_is_too_many() -> None:
    rows = [{"hostname": f"srv{i}", "role": "r"} for i in range(SERVERS.table("servers").max_rows)]
    assert validate(SERVERS, {"servers": rows}, REFS).problems == {}
    rows.append({"hostname": "one-too-many", "role": "r"})
    checked = validate(SERVERS, {"servers": rows}, REFS)
    assert checked.problems == {"servers": "too_many_rows"}
    assert "servers" not in checked.data


def test_blank_trailing_rows_do_not_count_towards_max_rows() -> None:
    # The form's empty line for the next entry is "nothing", not a 501st server.
    rows = [{"hostname": f"srv{i}", "role": "r"} for i in range(500)] + [{}]
    checked = validate(SERVERS, {"servers": rows}, REFS)
    assert checked.problems == {}
    assert len(checked.data["servers"]) == 500


def test_five_thousand_rows_of_junk_are_checked_quickly() -> None:
    junk = [{"serial": "", "description": f"junk {i} \x00", "site": "x" * 300} for i in range(5000)]
    started = time.perf_counter()
    checked = validate(COMPANY, _company(devices=junk), REFS)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0
    assert len(checked.problems) == 15_000
    assert checked.problems["devices[0].serial"] == "required"
    assert checked.problems["devices[4999].description"] == "invalid"
    assert checked.problems["devices[4999].site"] == "too_long"


def test_every_problem_of_a_section_is_reported_at_once() -> None:
    raw = {
        "legal_name": "",
        "main_phone": "call us",
        "main_email": "it@acme",
        "website": "javascript:alert(1)",
        "sites": [
            {"name": "HQ", "timezone": "Mars/Olympus", "country": "BEL", "phone": "x"},
            {"name": "", "timezone": "Europe/Brussels"},
        ],
        "contracts": [
            {
                "number": "C1",
                "valid_from": "2026-02-30",
                "sla_policy": "7",
                "coverage": "24/7",
                "prepaid_hours": "NaN",
            },
        ],
        "products": [{"product": "Office", "licences": "1,5"}],
        "devices": [{"serial": "", "description": "laptop"}],
    }
    checked = validate(COMPANY, raw, REFS)
    assert checked.problems == {
        "legal_name": "required",
        "main_phone": "invalid_phone",
        "main_email": "invalid_email",
        "website": "invalid_url",
        "sites[0].country": "invalid_country",
        "sites[0].timezone": "unknown_timezone",
        "sites[0].phone": "invalid_phone",
        "sites[1].name": "required",
        "contracts[0].valid_from": "invalid_date",
        "contracts[0].coverage": "invalid_choice",
        "contracts[0].prepaid_hours": "invalid_number",
        "products[0].licences": "invalid_number",
        "devices[0].serial": "required",
    }


def test_too_many_rows_in_one_table_does_not_hide_problems_elsewhere() -> None:
    rows = [{"hostname": f"h{i}", "role": "r"} for i in range(501)]
    checked = validate(SERVERS, {"servers": rows}, REFS)
    assert checked.problems == {"servers": "too_many_rows"}
    raw = _company(legal_name="", devices=[{"serial": "s"}] * 5001)
    assert validate(COMPANY, raw, REFS).problems == {
        "legal_name": "required",
        "devices": "too_many_rows",
    }


# --- sections with references and integers ------------------------------------------------------


def test_escalation_rows() -> None:
    raw = {
        "contacts": [
            {"priority": "P1", "order": "1", "contact": "11", "hours": "any"},
            {"priority": "P1", "order": "100", "contact": "12", "hours": "any"},
            {"priority": "P5", "order": "0", "contact": "13", "hours": "weekends"},
        ],
        "vendors": [{"vendor": "ISP", "service": "", "support_url": "ftp://isp.example"}],
    }
    checked = validate(ESCALATION, raw, REFS)
    assert checked.problems == {
        "contacts[1].order": "out_of_range",
        "contacts[2].priority": "invalid_choice",
        "contacts[2].order": "out_of_range",
        "contacts[2].contact": "unknown_contact",
        "contacts[2].hours": "invalid_choice",
        "vendors[0].service": "required",
        "vendors[0].support_url": "invalid_url",
    }
    assert checked.data["contacts"][0]["order"] == 1
    assert checked.data["contacts"][0]["contact"] == 11


def test_permissions_rows() -> None:
    raw = {
        "rules": [{"work": "Reboot a server in business hours", "applies_to": "change"}],
        "approvers": [{"contact": "12", "scope": "Reboots"}],
    }
    checked = validate(PERMISSIONS, raw, REFS)
    assert checked.problems == {}
    assert checked.data["approvers"][0]["contact"] == 12
    assert checked.data["after_hours"] == ""


def test_remote_ports_default_to_none_and_bad_ports_are_refused() -> None:
    raw = {
        "ssh": [
            {"host": "10.0.0.5", "port": "", "auth": "key"},
            {"host": "10.0.0.6", "port": " 22 ", "auth": "key"},
            {"host": "10.0.0.7", "port": "0", "auth": "key"},
            {"host": "10.0.0.8", "port": "65536", "auth": "password"},
        ]
    }
    checked = validate(REMOTE, raw, REFS)
    assert checked.problems == {"ssh[2].port": "invalid_port", "ssh[3].port": "invalid_port"}
    assert [r.get("port") for r in checked.data["ssh"][:2]] == [None, 22]
