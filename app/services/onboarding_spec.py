"""The client data-capture form (domain.md §3.2): its nine sections, their fields and tables.

Views build their widgets from these specs and `onboarding_validation` checks typed values
against them, so a field is declared once. Labels here are the English source text the views
translate.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from app.ui_text import ui_text


class Kind(enum.StrEnum):
    """What a field holds; decides its widget and its check."""

    TEXT = "text"
    MULTILINE = "multiline"
    HOSTNAME = "hostname"
    IP = "ip"
    HOST = "host"
    PORT = "port"
    URL = "url"
    EMAIL = "email"
    PHONE = "phone"
    TIMEZONE = "timezone"
    DATE = "date"
    INTEGER = "integer"
    NUMBER = "number"
    COUNTRY = "country"
    CHOICE = "choice"
    BOOL = "bool"
    #: A contact of the client, stored as its id.
    CONTACT = "contact"
    #: A vault item of the client, stored as its UUID (metadata only; never a secret).
    CREDENTIAL = "credential"
    #: An SLA policy, stored as its id.
    POLICY = "policy"
    #: A technician of the MSP, stored as their id.
    TECHNICIAN = "technician"


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str
    kind: Kind = Kind.TEXT
    required: bool = False
    #: Allowed values of a CHOICE (stored values; "" is allowed when not required).
    choices: tuple[str, ...] = ()
    max_length: int = 200
    #: Bounds of INTEGER and NUMBER fields.
    minimum: int = 0
    maximum: int = 1_000_000
    #: Shown under the field or as a tooltip.
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A repeating group: rows of the same fields. Each row keeps a stable hidden `key`."""

    key: str
    label: str
    columns: tuple[Field, ...]
    max_rows: int = 500
    hint: str = ""

    def column(self, key: str) -> Field:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    number: int
    title: str
    purpose: str
    fields: tuple[Field, ...] = ()
    tables: tuple[Table, ...] = ()
    #: The section's data lives in the client's vault (admin credentials), not in a document.
    in_vault: bool = False

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


#: Hidden per-row keys: `key` is a stable UUID; `id` links a row to its record (site, contract).
ROW_KEY: Final = "key"
ROW_ID: Final = "id"

PRIORITIES: Final = ("P1", "P2", "P3", "P4")
TICKET_TYPES: Final = ("any", "incident", "service_request", "change", "problem")
REMOTE_METHODS: Final = ("rdp", "ssh", "winrm", "vpn", "tool", "none")
RDP_SCREENS: Final = ("window", "fullscreen")
YES_NO: Final = ("no", "yes")
VERIFICATION_METHODS: Final = ("pin", "callback", "manager_approval", "security_question")


def _credential(label: str = ui_text("Credential")) -> Field:
    return Field(
        "credential", label, Kind.CREDENTIAL, hint=ui_text("An item of the client's vault")
    )


COMPANY: Final = Section(
    "company",
    1,
    ui_text("Company and registration"),
    ui_text("Who the client is, where they are and what their contract covers."),
    fields=(
        Field("legal_name", ui_text("Legal name"), required=True),
        Field("registration_number", ui_text("Registration / VAT number"), max_length=50),
        Field("main_phone", ui_text("Main phone"), Kind.PHONE, required=True),
        Field("main_email", ui_text("Main e-mail"), Kind.EMAIL),
        Field("website", ui_text("Website"), Kind.URL, max_length=500),
    ),
    tables=(
        Table(
            "sites",
            ui_text("Sites"),
            (
                Field("name", ui_text("Site"), required=True),
                Field("address", ui_text("Address"), max_length=500),
                Field("city", ui_text("City"), max_length=100),
                Field(
                    "country",
                    ui_text("Country"),
                    Kind.COUNTRY,
                    hint=ui_text("Two letters, e.g. BE"),
                ),
                Field(
                    "timezone", ui_text("Time zone"), Kind.TIMEZONE, required=True, max_length=64
                ),
                Field("phone", ui_text("Phone"), Kind.PHONE, max_length=50),
            ),
        ),
        Table(
            "contracts",
            ui_text("Contracts"),
            (
                Field("number", ui_text("Contract number"), required=True),
                Field("valid_from", ui_text("Valid from"), Kind.DATE, required=True),
                Field("valid_to", ui_text("Valid to"), Kind.DATE),
                Field("sla_policy", ui_text("SLA policy"), Kind.POLICY, required=True),
                Field(
                    "coverage",
                    ui_text("Coverage"),
                    Kind.CHOICE,
                    True,
                    choices=("24x7", "business_hours"),
                ),
                Field("prepaid_hours", ui_text("Prepaid hours"), Kind.NUMBER, maximum=100_000),
            ),
            hint=ui_text("Saving creates or updates the client's SLA contracts."),
        ),
        Table(
            "products",
            ui_text("Supported products and licences"),
            (
                Field("product", ui_text("Product"), required=True),
                Field("version", ui_text("Version"), max_length=50),
                Field("licences", ui_text("Licences"), Kind.INTEGER),
            ),
        ),
        Table(
            "devices",
            ui_text("Covered devices"),
            (
                Field("serial", ui_text("Serial number"), required=True, max_length=100),
                Field("description", ui_text("Device")),
                Field("site", ui_text("Site")),
            ),
            max_rows=5000,
        ),
    ),
)

CREDENTIALS: Final = Section(
    "credentials",
    2,
    ui_text("Admin credentials"),
    ui_text(
        "Domain, firewall, cloud, backup and line-of-business admin accounts. They are kept "
        "encrypted in the client's vault, never in this form."
    ),
    in_vault=True,
)

SERVERS: Final = Section(
    "servers",
    3,
    ui_text("Server addresses and key systems"),
    ui_text("What runs where, and how to reach it."),
    tables=(
        Table(
            "servers",
            ui_text("Servers and key systems"),
            (
                Field(
                    "hostname", ui_text("Host name"), Kind.HOSTNAME, required=True, max_length=253
                ),
                Field("ip", ui_text("IP address"), Kind.IP, max_length=45),
                Field("role", ui_text("Role"), required=True),
                Field("os", ui_text("Operating system")),
                Field("location", ui_text("Location")),
                _credential(),
                Field(
                    "remote_method", ui_text("Remote method"), Kind.CHOICE, choices=REMOTE_METHODS
                ),
            ),
        ),
    ),
)

REMOTE: Final = Section(
    "remote",
    4,
    ui_text("Remote connectivity methods"),
    ui_text(
        "How the desk connects. Each method can be tested; untested or failing methods warn on the "
        "client and block onboarding step 5."
    ),
    tables=(
        Table(
            "rdp",
            ui_text("RDP"),
            (
                Field("host", ui_text("Host"), Kind.HOST, required=True, max_length=253),
                Field("port", ui_text("Port"), Kind.PORT, hint=ui_text("3389 when empty")),
                Field("gateway", ui_text("RD Gateway"), Kind.HOST, max_length=253),
                _credential(),
                Field(
                    "screen",
                    ui_text("Screen"),
                    Kind.CHOICE,
                    choices=RDP_SCREENS,
                    hint=ui_text("window"),
                ),
                Field(
                    "drives",
                    ui_text("Redirect drives"),
                    Kind.CHOICE,
                    choices=YES_NO,
                    hint=ui_text(
                        "no: only where the client allows data to leave through the session"
                    ),
                ),
                Field(
                    "admin",
                    ui_text("Admin session"),
                    Kind.CHOICE,
                    choices=YES_NO,
                    hint=ui_text("no"),
                ),
            ),
        ),
        Table(
            "ssh",
            ui_text("SSH"),
            (
                Field("host", ui_text("Host"), Kind.HOST, required=True, max_length=253),
                Field("port", ui_text("Port"), Kind.PORT, hint=ui_text("22 when empty")),
                Field(
                    "auth",
                    ui_text("Authentication"),
                    Kind.CHOICE,
                    True,
                    choices=("key", "password"),
                ),
                _credential(),
            ),
        ),
        Table(
            "winrm",
            ui_text("WinRM"),
            (
                Field("host", ui_text("Host"), Kind.HOST, required=True, max_length=253),
                Field(
                    "transport", ui_text("Transport"), Kind.CHOICE, True, choices=("https", "http")
                ),
                Field(
                    "port",
                    ui_text("Port"),
                    Kind.PORT,
                    hint=ui_text("5986 for HTTPS, 5985 for HTTP"),
                ),
                Field(
                    "auth",
                    ui_text("Authentication"),
                    Kind.CHOICE,
                    True,
                    choices=("ntlm", "kerberos", "credssp", "basic"),
                ),
                _credential(),
            ),
        ),
        Table(
            "vpn",
            ui_text("VPN"),
            (
                Field(
                    "type",
                    ui_text("Type"),
                    Kind.CHOICE,
                    True,
                    choices=("ipsec", "openvpn", "wireguard", "sslvpn", "other"),
                ),
                Field("endpoint", ui_text("Endpoint"), Kind.HOST, required=True, max_length=253),
                Field("instructions", ui_text("Instructions"), Kind.MULTILINE, max_length=5000),
                _credential(),
            ),
        ),
        Table(
            "tools",
            ui_text("Client-provided tools"),
            (
                Field(
                    "name",
                    ui_text("Tool"),
                    required=True,
                    hint=ui_text("TeamViewer, AnyDesk, RustDesk..."),
                ),
                Field("identifier", ui_text("ID / address")),
                Field("instructions", ui_text("Instructions"), Kind.MULTILINE, max_length=5000),
            ),
        ),
    ),
)

VIP: Final = Section(
    "vip",
    5,
    ui_text("VIP call handling"),
    ui_text("Which callers are VIPs and what that means for their tickets."),
    fields=(
        Field(
            "priority_floor",
            ui_text("Priority floor"),
            Kind.CHOICE,
            choices=PRIORITIES,
            hint=ui_text("A VIP's new ticket is raised to at least this priority"),
        ),
        Field("direct_to_l2", ui_text("Straight to L2"), Kind.BOOL),
        Field("account_manager", ui_text("Account manager to notify"), Kind.TECHNICIAN),
        Field("handling", ui_text("How to handle VIP calls"), Kind.MULTILINE, max_length=5000),
    ),
    tables=(
        Table(
            "contacts",
            ui_text("VIP contacts"),
            (
                Field("contact", ui_text("Contact"), Kind.CONTACT, required=True),
                Field("note", ui_text("Note")),
            ),
            hint=ui_text("Saving marks exactly these contacts as VIP."),
        ),
    ),
)

VERIFICATION: Final = Section(
    "verification",
    6,
    ui_text("Password-reset authentication"),
    ui_text(
        "How a caller's identity is checked before credential work (password reset, unlock). "
        "PINs and answers are stored only as hashes: set them from the contact list."
    ),
    fields=(
        Field("method", ui_text("Method"), Kind.CHOICE, True, choices=VERIFICATION_METHODS),
        Field("manager_approver", ui_text("Approving manager"), Kind.CONTACT),
        Field("instructions", ui_text("Instructions"), Kind.MULTILINE, max_length=5000),
    ),
    tables=(
        Table(
            "per_contact",
            ui_text("Per-contact method"),
            (
                Field("contact", ui_text("Contact"), Kind.CONTACT, required=True),
                Field("method", ui_text("Method"), Kind.CHOICE, True, choices=VERIFICATION_METHODS),
            ),
        ),
    ),
)

PERMISSIONS: Final = Section(
    "permissions",
    7,
    ui_text("Permissions before commencing work"),
    ui_text("Which work needs the client's approval, from whom, and the after-hours rules."),
    fields=(Field("after_hours", ui_text("After-hours rules"), Kind.MULTILINE, max_length=5000),),
    tables=(
        Table(
            "rules",
            ui_text("Work needing approval"),
            (
                Field(
                    "work",
                    ui_text("Work"),
                    required=True,
                    hint=ui_text("e.g. Reboot a server in business hours"),
                ),
                Field(
                    "applies_to", ui_text("Ticket type"), Kind.CHOICE, True, choices=TICKET_TYPES
                ),
            ),
        ),
        Table(
            "approvers",
            ui_text("Authorised approvers"),
            (
                Field("contact", ui_text("Contact"), Kind.CONTACT, required=True),
                Field("scope", ui_text("May approve")),
            ),
            hint=ui_text("Saving marks exactly these contacts as authorised approvers."),
        ),
    ),
)

ESCALATION: Final = Section(
    "escalation",
    8,
    ui_text("Escalation priorities and contacts"),
    ui_text(
        "Who to call, in which order, per severity; the client's vendors whose tickets we open."
    ),
    tables=(
        Table(
            "contacts",
            ui_text("Escalation contacts"),
            (
                Field("priority", ui_text("Priority"), Kind.CHOICE, True, choices=PRIORITIES),
                Field("order", ui_text("Order"), Kind.INTEGER, True, minimum=1, maximum=99),
                Field("contact", ui_text("Contact"), Kind.CONTACT, required=True),
                Field(
                    "hours",
                    ui_text("When"),
                    Kind.CHOICE,
                    True,
                    choices=("any", "business_hours", "after_hours"),
                ),
            ),
            hint=ui_text("Saving marks exactly these contacts as escalation contacts."),
        ),
        Table(
            "vendors",
            ui_text("Third-party vendors"),
            (
                Field("vendor", ui_text("Vendor"), required=True),
                Field("service", ui_text("Service / product"), required=True),
                Field("support_phone", ui_text("Support phone"), Kind.PHONE, max_length=50),
                Field("support_url", ui_text("Support portal"), Kind.URL, max_length=500),
                Field("account_number", ui_text("Account number"), max_length=100),
                Field("contract_number", ui_text("Contract number"), max_length=100),
            ),
        ),
    ),
)

KNOWLEDGE: Final = Section(
    "knowledge",
    9,
    ui_text("Knowledge base and scope"),
    ui_text(
        "The client's wiki start page, read during every call, and what is in and out of scope."
    ),
    fields=(
        Field("start_page", ui_text("Start page (Markdown)"), Kind.MULTILINE, max_length=100_000),
        Field("supported", ui_text("Supported products"), Kind.MULTILINE, max_length=20_000),
        Field("out_of_scope", ui_text("Out of scope"), Kind.MULTILINE, max_length=20_000),
    ),
)

SECTIONS: Final = (
    COMPANY,
    CREDENTIALS,
    SERVERS,
    REMOTE,
    VIP,
    VERIFICATION,
    PERMISSIONS,
    ESCALATION,
    KNOWLEDGE,
)
BY_KEY: Final = {s.key: s for s in SECTIONS}
#: Remote tables whose rows are connectivity methods with a "last verified" result.
REMOTE_TABLES: Final = ("rdp", "ssh", "winrm", "vpn", "tools")
