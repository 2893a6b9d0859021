"""The demo MSP's knowledge base: standard fixes every desk needs, a few per-client procedures
(some with several versions), and canned replies for the usual moments of a ticket.

`seed_demo_kb` is idempotent: it does nothing when the KB already has an article, and nothing
when there is no technician to write as (the demo's people come first).
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import select

from app.db import Database
from app.models import CannedReply, Client, KbArticle, Technician
from app.models.enums import Role, Tier
from app.services.canned_replies import CannedReplyService
from app.services.clock import Clock
from app.services.knowledge_base import KnowledgeBaseService

_Article = tuple[str, str, str, str]  # title, category, tags, body

GLOBAL_ARTICLES: Final[tuple[_Article, ...]] = (
    (
        "Outlook keeps asking for a password",
        "End-user computing › Outlook",
        "outlook password mfa",
        "## Symptoms\n\nOutlook prompts for credentials again and again; webmail works.\n\n"
        "## Fix\n\n1. Close Outlook; in *Credential Manager* remove every `MicrosoftOffice16` "
        "entry.\n"
        "2. Sign out of Office (File › Account) and sign in again.\n"
        "3. Still prompting: recreate the profile (see **Outlook profile reset**).\n",
    ),
    (
        "Outlook profile reset",
        "End-user computing › Outlook",
        "outlook profile",
        "1. Control Panel › Mail (Microsoft Outlook) › Show Profiles › **Add**.\n"
        "2. Sign in with the user's address; let Autodiscover finish.\n"
        "3. Set *Always use this profile* to the new one; start Outlook; wait for the sync.\n"
        "4. Remove the old profile after a day.\n\nCached mode keeps 12 months by default.\n",
    ),
    (
        "VPN troubleshooting",
        "Network › VPN",
        "vpn remote-access certificate",
        "## Checklist\n\n- Internet works without the VPN?\n- Client version current?\n"
        "- Certificate valid (not expired, right user)?\n- MFA prompt answered?\n\n"
        "## Drops every hour\n\nUsually the re-key or an idle timeout: renew the certificate and "
        "check the gateway's session lifetime.\n",
    ),
    (
        "Printer queue stuck",
        "End-user computing › Printing",
        "printer spooler queue",
        "1. `services.msc` › stop **Print Spooler**.\n"
        "2. Delete the files in `C:\\Windows\\System32\\spool\\PRINTERS`.\n"
        "3. Start the spooler; print a test page.\n\nShared printers: do it on the print server.\n",
    ),
    (
        "MFA reset for a user",
        "Identity › MFA",
        "mfa authenticator reset",
        "Run the client's **caller verification** first.\n\n"
        "1. Entra admin centre › Users › the user › Authentication methods.\n"
        "2. *Require re-register multifactor authentication*.\n"
        "3. Revoke sessions; the user registers the Authenticator app at next sign-in.\n",
    ),
    (
        "Password reset and account unlock",
        "Identity › Accounts",
        "password unlock ad",
        "Verify the caller (PIN or callback) before anything else.\n\n"
        "- On-premises AD: *Active Directory Users and Computers* › Reset Password, tick "
        "*User must change password*.\n- Cloud only: Entra admin centre › Reset password.\n"
        "- Locked again within minutes: look for an old password on a phone or mapped drive.\n",
    ),
    (
        "OneDrive sync conflicts",
        "End-user computing › OneDrive",
        "onedrive sync sharepoint",
        "- Red cross on the cloud icon: open *View sync problems*.\n"
        "- Path too long (> 400 characters) or invalid characters: rename.\n"
        "- Reset: `%localappdata%\\Microsoft\\OneDrive\\onedrive.exe /reset`.\n",
    ),
    (
        "Teams camera or microphone not working",
        "End-user computing › Teams",
        "teams camera audio",
        "1. Windows Settings › Privacy › Camera / Microphone: allow desktop apps.\n"
        "2. Teams › Settings › Devices: pick the right device; make a test call.\n"
        "3. Clear the Teams cache (`%appdata%\\Microsoft\\Teams`) and restart.\n",
    ),
    (
        "Wi-Fi connects but no internet",
        "Network › Wireless",
        "wifi dhcp dns",
        "- `ipconfig /all`: an address 169.254.x.x means no DHCP lease.\n"
        "- `nslookup example.com`: fails → DNS. Try `ipconfig /flushdns`.\n"
        "- Other users on the same access point affected? Escalate to L2 Network.\n",
    ),
    (
        "Mapped drive missing",
        "End-user computing › Windows",
        "drive share gpo",
        "1. `gpresult /r`: is the drive-mapping policy applied?\n"
        "2. `net use`: disconnected? Remap with `net use Z: \\\\server\\share /persistent:yes`.\n"
        "3. Access denied: check the user's group membership.\n",
    ),
    (
        "Windows update fails repeatedly",
        "End-user computing › Windows",
        "windows update patch",
        "- Note the error code (e.g. `0x800f0922`).\n- Run `DISM /Online /Cleanup-Image "
        "/RestoreHealth`, then `sfc /scannow`.\n- Free at least 20 GB on C:.\n",
    ),
    (
        "Mailbox full",
        "Email › Exchange Online",
        "mailbox quota archive",
        "1. Check the quota in the Exchange admin centre.\n"
        "2. Enable the online archive (licence permitting) and an archive policy.\n"
        "3. Empty *Deleted Items* and *Recoverable Items* if the client allows.\n",
    ),
    (
        "Shared mailbox access",
        "Email › Exchange Online",
        "mailbox shared permission",
        "Needs the approver's OK (see the client's approvals).\n\n"
        "Exchange admin centre › Recipients › Mailboxes › the shared mailbox › Delegation: "
        "*Read and manage* and, if asked, *Send as*. Outlook shows it within an hour.\n",
    ),
    (
        "New starter checklist",
        "Service requests › Accounts",
        "onboarding starter account",
        "- [ ] Account from the HR request (name, department, manager)\n- [ ] Licence\n"
        "- [ ] Groups and shared mailboxes like the named colleague\n- [ ] Laptop enrolled\n"
        "- [ ] MFA registration at first sign-in\n- [ ] Welcome mail to the manager\n",
    ),
    (
        "Leaver checklist",
        "Service requests › Accounts",
        "offboarding leaver account",
        "- [ ] Block sign-in, revoke sessions\n"
        "- [ ] Convert mailbox to shared, forward to manager\n"
        "- [ ] Transfer OneDrive\n- [ ] Remove licences after 30 days\n"
        "- [ ] Rotate shared credentials the person knew (vault worklist)\n",
    ),
    (
        "Laptop docking station: no external display",
        "Hardware › Docking",
        "dock display usb-c",
        "1. Update the dock firmware and the graphics driver.\n"
        "2. Try another cable; USB-C must support DisplayPort Alt Mode.\n"
        "3. Win+P › *Extend*.\n",
    ),
    (
        "Excel crashes when opening a workbook",
        "End-user computing › Excel",
        "excel crash addin",
        "Start `excel /safe`. Opens fine: disable COM add-ins one by one. Still crashing: "
        "repair Office (Apps › Microsoft 365 › Modify › Quick Repair).\n",
    ),
    (
        "Remote desktop: 'an internal error has occurred'",
        "Remote access › RDP",
        "rdp remote",
        "- Check the gateway certificate date.\n- `mstsc /admin` to rule out licensing.\n"
        "- On the host: restart *Remote Desktop Services* outside business hours only.\n",
    ),
    (
        "Antivirus quarantined a business application",
        "Security › Endpoint",
        "antivirus quarantine",
        "Never restore blindly: check the hash on the vendor's site, then ask L2 Security to add "
        "an exclusion for the exact path and hash.\n",
    ),
    (
        "Phishing e-mail reported",
        "Security › Email",
        "phishing security incident",
        "1. Ask the user **not** to click; get the message as an attachment.\n"
        "2. Did anyone enter credentials? Then reset password and revoke sessions at once.\n"
        "3. Purge the message tenant-wide; raise a P2 security incident.\n",
    ),
    (
        "Scan to e-mail stopped working",
        "Hardware › Multifunction printers",
        "scanner smtp email",
        "Mostly the SMTP relay: basic authentication was switched off. Use the client's relay "
        "connector or SMTP with OAuth, update the printer's address book.\n",
    ),
    (
        "Slow computer",
        "End-user computing › Windows",
        "performance slow disk",
        "- Task Manager: CPU, memory or disk at 100 %?\n- Free space on C: > 15 %?\n"
        "- Startup apps; pending updates; last reboot more than a week ago?\n",
    ),
    (
        "Browser certificate warning on an internal site",
        "Network › Certificates",
        "certificate browser internal",
        "Check the date, the name on the certificate and the chain. Internal CA not trusted: "
        "the device missed the GPO/Intune profile — escalate to L2.\n",
    ),
    (
        "BitLocker recovery key request",
        "Security › Endpoint",
        "bitlocker recovery",
        "Verify the caller. Entra admin centre › Devices › the device › *BitLocker keys*; read "
        "the 48 digits in groups of six. Ask why it was asked: a BIOS update is the usual "
        "reason.\n",
    ),
    (
        "Backup job failed",
        "Infrastructure › Backup",
        "backup restore job",
        "Open the job log; note the first error. Repository full or credentials expired are the "
        "usual causes. Two failures in a row: P2 to L2 Infrastructure.\n",
    ),
)

#: Client-specific procedures, written for the first demo clients in turn.
CLIENT_ARTICLES: Final[tuple[_Article, ...]] = (
    (
        "Practice software login (client-specific)",
        "Line of business",
        "lob login",
        "The practice software uses its own accounts. Reset in *Admin › Users*; the vendor's "
        "support line is in the client's vendor list.\n",
    ),
    (
        "Reception printer (client-specific)",
        "Hardware › Printing",
        "printer reception",
        "The reception label printer is USB on the front-desk PC; reinstall the driver from "
        "`\\\\fileserver\\drivers\\labels`.\n",
    ),
    (
        "VPN profile for home workers (client-specific)",
        "Network › VPN",
        "vpn home",
        "Home workers use the *Always On* profile. A new laptop needs the device certificate "
        "first (Intune › Devices › Sync).\n",
    ),
)

#: (article index in GLOBAL_ARTICLES, later versions as (extra text, summary)).
_LATER_VERSIONS: Final = (
    (
        0,
        (
            (
                "\n## Still prompting\n\nCheck for a legacy `AutoDiscover` record.\n",
                "Added the Autodiscover check",
            ),
        ),
    ),
    (
        2,
        (
            (
                "\n## Split tunnel\n\nTeams traffic bypasses the tunnel by design.\n",
                "Split tunnel note",
            ),
            (
                "\n## Logs\n\nThe client's log is under `%programdata%\\VPN\\logs`.\n",
                "Where the logs are",
            ),
        ),
    ),
    (
        4,
        (
            (
                "\nAdmins: use a Temporary Access Pass when the user has no phone.\n",
                "Temporary Access Pass",
            ),
        ),
    ),
)

CANNED_REPLIES: Final = (
    (
        "Acknowledge",
        "Hello {contact},\n\nThank you for calling {client}'s service desk. "
        "We logged your request as {ticket} ({subject}) and will keep you informed.\n\n"
        "Kind regards,\n{technician}",
    ),
    (
        "Status update",
        "Hello {contact},\n\nA quick update on {ticket}: we are still working on "
        "it and will update you again shortly.\n\n{technician}",
    ),
    (
        "Waiting for your reply",
        "Hello {contact},\n\nTo continue with {ticket} we need a bit more "
        "information from you. Could you reply with a screenshot of the message?\n\n{technician}",
    ),
    (
        "Resolved — please confirm",
        "Hello {contact},\n\nWe believe {ticket} ({subject}) is "
        "resolved. Could you confirm that everything works again?\n\n{technician}",
    ),
    (
        "Closing after no answer",
        "Hello {contact},\n\nWe have not heard back about {ticket}, so "
        "we will close it. Reply to this message to reopen it.\n\n{technician}",
    ),
)


def seed_demo_kb(db: Database, clock: Clock) -> None:
    """Write the demo KB and canned replies once; see the module docstring."""
    with db.read() as s:
        if s.scalar(select(KbArticle.id).limit(1)) is not None:
            return
        if s.scalar(select(CannedReply.id).limit(1)) is not None:
            return
        techs = s.execute(
            select(Technician.id, Technician.tier, Technician.role)
            .where(Technician.active.is_(True), Technician.role != Role.READ_ONLY)
            .order_by(Technician.id)
        ).all()
        client_ids = list(s.scalars(select(Client.id).order_by(Client.id).limit(3)))
    if not techs:
        return
    senior = [t.id for t in techs if t.tier in (Tier.L2, Tier.L3) or t.role is Role.ADMIN]
    authors = senior or [techs[0].id]
    kb = KnowledgeBaseService(db, clock)
    created = []
    for i, (title, category, tags, body) in enumerate(GLOBAL_ARTICLES):
        created.append(kb.create(None, title, body, category, tags, authors[i % len(authors)]))
    for index, versions in _LATER_VERSIONS:
        article = created[index]
        for n, (extra, summary) in enumerate(versions, start=1):
            author = authors[(index + n) % len(authors)]
            article = kb.update(
                article.article_id,
                article.version,
                article.title,
                article.body + extra,
                article.category,
                article.tags,
                summary,
                author,
            )
    for i, client_id in enumerate(client_ids):
        for title, category, tags, body in CLIENT_ARTICLES[i::3] or CLIENT_ARTICLES[:1]:
            kb.create(client_id, title, body, category, tags, authors[0])
    replies = CannedReplyService(db, clock)
    for name, body in CANNED_REPLIES:
        replies.create(name, body, None, False, authors[0])
