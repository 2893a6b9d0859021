"""The client data-capture form (domain.md §3.2): its nine sections, their fields and tables.

Views build their widgets from these specs and `onboarding_validation` checks typed values
against them, so a field is declared once. Labels here are the English source text the views
translate.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final


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


def _credential(label: str = "Credential") -> Field:
    return Field("credential", label, Kind.CREDENTIAL, hint="An item of the client's vault")


COMPANY: Final = Section(
    "company",
    1,
    "Company and registration",
    "Who the client is, where they are and what their contract covers.",
    fields=(
        Field("legal_name", "Legal name", required=True),
        Field("registration_number", "Registration / VAT number", max_length=50),
        Field("main_phone", "Main phone", Kind.PHONE, required=True),
        Field("main_email", "Main e-mail", Kind.EMAIL),
        Field("website", "Website", Kind.URL, max_length=500),
    ),
    tables=(
        Table(
            "sites",
            "Sites",
            (
                Field("name", "Site", required=True),
                Field("address", "Address", max_length=500),
                Field("city", "City", max_length=100),
                Field("country", "Country", Kind.COUNTRY, hint="Two letters, e.g. BE"),
                Field("timezone", "Time zone", Kind.TIMEZONE, required=True, max_length=64),
                Field("phone", "Phone", Kind.PHONE, max_length=50),
            ),
        ),
        Table(
            "contracts",
            "Contracts",
            (
                Field("number", "Contract number", required=True),
                Field("valid_from", "Valid from", Kind.DATE, required=True),
                Field("valid_to", "Valid to", Kind.DATE),
                Field("sla_policy", "SLA policy", Kind.POLICY, required=True),
                Field(
                    "coverage", "Coverage", Kind.CHOICE, True, choices=("24x7", "business_hours")
                ),
                Field("prepaid_hours", "Prepaid hours", Kind.NUMBER, maximum=100_000),
            ),
            hint="Saving creates or updates the client's SLA contracts.",
        ),
        Table(
            "products",
            "Supported products and licences",
            (
                Field("product", "Product", required=True),
                Field("version", "Version", max_length=50),
                Field("licences", "Licences", Kind.INTEGER),
            ),
        ),
        Table(
            "devices",
            "Covered devices",
            (
                Field("serial", "Serial number", required=True, max_length=100),
                Field("description", "Device"),
                Field("site", "Site"),
            ),
            max_rows=5000,
        ),
    ),
)

CREDENTIALS: Final = Section(
    "credentials",
    2,
    "Admin credentials",
    "Domain, firewall, cloud, backup and line-of-business admin accounts. They are kept "
    "encrypted in the client's vault, never in this form.",
    in_vault=True,
)

SERVERS: Final = Section(
    "servers",
    3,
    "Server addresses and key systems",
    "What runs where, and how to reach it.",
    tables=(
        Table(
            "servers",
            "Servers and key systems",
            (
                Field("hostname", "Host name", Kind.HOSTNAME, required=True, max_length=253),
                Field("ip", "IP address", Kind.IP, max_length=45),
                Field("role", "Role", required=True),
                Field("os", "Operating system"),
                Field("location", "Location"),
                _credential(),
                Field("remote_method", "Remote method", Kind.CHOICE, choices=REMOTE_METHODS),
            ),
        ),
    ),
)

REMOTE: Final = Section(
    "remote",
    4,
    "Remote connectivity methods",
    "How the desk connects. Each method can be tested; untested or failing methods warn on the "
    "client and block onboarding step 5.",
    tables=(
        Table(
            "rdp",
            "RDP",
            (
                Field("host", "Host", Kind.HOST, required=True, max_length=253),
                Field("port", "Port", Kind.PORT, hint="3389 when empty"),
                Field("gateway", "RD Gateway", Kind.HOST, max_length=253),
                _credential(),
                Field("screen", "Screen", Kind.CHOICE, choices=RDP_SCREENS, hint="window"),
                Field(
                    "drives",
                    "Redirect drives",
                    Kind.CHOICE,
                    choices=YES_NO,
                    hint="no: only where the client allows data to leave through the session",
                ),
                Field("admin", "Admin session", Kind.CHOICE, choices=YES_NO, hint="no"),
            ),
        ),
        Table(
            "ssh",
            "SSH",
            (
                Field("host", "Host", Kind.HOST, required=True, max_length=253),
                Field("port", "Port", Kind.PORT, hint="22 when empty"),
                Field("auth", "Authentication", Kind.CHOICE, True, choices=("key", "password")),
                _credential(),
            ),
        ),
        Table(
            "winrm",
            "WinRM",
            (
                Field("host", "Host", Kind.HOST, required=True, max_length=253),
                Field("transport", "Transport", Kind.CHOICE, True, choices=("https", "http")),
                Field("port", "Port", Kind.PORT, hint="5986 for HTTPS, 5985 for HTTP"),
                Field(
                    "auth",
                    "Authentication",
                    Kind.CHOICE,
                    True,
                    choices=("ntlm", "kerberos", "credssp", "basic"),
                ),
                _credential(),
            ),
        ),
        Table(
            "vpn",
            "VPN",
            (
                Field(
                    "type",
                    "Type",
                    Kind.CHOICE,
                    True,
                    choices=("ipsec", "openvpn", "wireguard", "sslvpn", "other"),
                ),
                Field("endpoint", "Endpoint", Kind.HOST, required=True, max_length=253),
                Field("instructions", "Instructions", Kind.MULTILINE, max_length=5000),
                _credential(),
            ),
        ),
        Table(
            "tools",
            "Client-provided tools",
            (
                Field("name", "Tool", required=True, hint="TeamViewer, AnyDesk, RustDesk..."),
                Field("identifier", "ID / address"),
                Field("instructions", "Instructions", Kind.MULTILINE, max_length=5000),
            ),
        ),
    ),
)

VIP: Final = Section(
    "vip",
    5,
    "VIP call handling",
    "Which callers are VIPs and what that means for their tickets.",
    fields=(
        Field(
            "priority_floor",
            "Priority floor",
            Kind.CHOICE,
            choices=PRIORITIES,
            hint="A VIP's new ticket is raised to at least this priority",
        ),
        Field("direct_to_l2", "Straight to L2", Kind.BOOL),
        Field("account_manager", "Account manager to notify", Kind.TECHNICIAN),
        Field("handling", "How to handle VIP calls", Kind.MULTILINE, max_length=5000),
    ),
    tables=(
        Table(
            "contacts",
            "VIP contacts",
            (Field("contact", "Contact", Kind.CONTACT, required=True), Field("note", "Note")),
            hint="Saving marks exactly these contacts as VIP.",
        ),
    ),
)

VERIFICATION: Final = Section(
    "verification",
    6,
    "Password-reset authentication",
    "How a caller's identity is checked before credential work (password reset, unlock). "
    "PINs and answers are stored only as hashes: set them from the contact list.",
    fields=(
        Field("method", "Method", Kind.CHOICE, True, choices=VERIFICATION_METHODS),
        Field("manager_approver", "Approving manager", Kind.CONTACT),
        Field("instructions", "Instructions", Kind.MULTILINE, max_length=5000),
    ),
    tables=(
        Table(
            "per_contact",
            "Per-contact method",
            (
                Field("contact", "Contact", Kind.CONTACT, required=True),
                Field("method", "Method", Kind.CHOICE, True, choices=VERIFICATION_METHODS),
            ),
        ),
    ),
)

PERMISSIONS: Final = Section(
    "permissions",
    7,
    "Permissions before commencing work",
    "Which work needs the client's approval, from whom, and the after-hours rules.",
    fields=(Field("after_hours", "After-hours rules", Kind.MULTILINE, max_length=5000),),
    tables=(
        Table(
            "rules",
            "Work needing approval",
            (
                Field("work", "Work", required=True, hint="e.g. Reboot a server in business hours"),
                Field("applies_to", "Ticket type", Kind.CHOICE, True, choices=TICKET_TYPES),
            ),
        ),
        Table(
            "approvers",
            "Authorised approvers",
            (
                Field("contact", "Contact", Kind.CONTACT, required=True),
                Field("scope", "May approve"),
            ),
            hint="Saving marks exactly these contacts as authorised approvers.",
        ),
    ),
)

ESCALATION: Final = Section(
    "escalation",
    8,
    "Escalation priorities and contacts",
    "Who to call, in which order, per severity; the client's vendors whose tickets we open.",
    tables=(
        Table(
            "contacts",
            "Escalation contacts",
            (
                Field("priority", "Priority", Kind.CHOICE, True, choices=PRIORITIES),
                Field("order", "Order", Kind.INTEGER, True, minimum=1, maximum=99),
                Field("contact", "Contact", Kind.CONTACT, required=True),
                Field(
                    "hours",
                    "When",
                    Kind.CHOICE,
                    True,
                    choices=("any", "business_hours", "after_hours"),
                ),
            ),
            hint="Saving marks exactly these contacts as escalation contacts.",
        ),
        Table(
            "vendors",
            "Third-party vendors",
            (
                Field("vendor", "Vendor", required=True),
                Field("service", "Service / product", required=True),
                Field("support_phone", "Support phone", Kind.PHONE, max_length=50),
                Field("support_url", "Support portal", Kind.URL, max_length=500),
                Field("account_number", "Account number", max_length=100),
                Field("contract_number", "Contract number", max_length=100),
            ),
        ),
    ),
)

KNOWLEDGE: Final = Section(
    "knowledge",
    9,
    "Knowledge base and scope",
    "The client's wiki start page, read during every call, and what is in and out of scope.",
    fields=(
        Field("start_page", "Start page (Markdown)", Kind.MULTILINE, max_length=100_000),
        Field("supported", "Supported products", Kind.MULTILINE, max_length=20_000),
        Field("out_of_scope", "Out of scope", Kind.MULTILINE, max_length=20_000),
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
