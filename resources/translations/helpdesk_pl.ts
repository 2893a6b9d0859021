<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source> — “{0}”</source>
        <translation> — „{0}”</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (nieaktywny)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <extracomment>Display text of CHOICE values, by stored value. Values whose wording depends on the field: &quot;any&quot; ticket type is not &quot;any&quot; time of day.</extracomment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>&amp;Administracja</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Porównaj…</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <extracomment>The menu that stays at the end of the bar (Help, as desktop programs have it). &quot;Export to CSV…&quot; of the ticket queue; None when the window has no exporter. Help › &quot;Keyboard shortcuts…&quot; and &quot;About MSP Helpdesk…&quot;.</extracomment>
        <translation>&amp;Biuro</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Kontynuuj edycję</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Wczytaj ponownie</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <extracomment>The dark palette&apos;s colours, by role (active and inactive groups). Disabled text in the dark palette: dimmer, still legible.</extracomment>
        <translation>&amp;Motyw</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <extracomment>The theme choices; empty when the window was built without a theme controller (tests).</extracomment>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <source>(and {0} more)</source>
        <translation>(i jeszcze {0})</translation>
    </message>
    <message>
        <source>(deleted item)</source>
        <translation>(usunięty element)</translation>
    </message>
    <message>
        <source>(internal)</source>
        <translation>(wewnętrzne)</translation>
    </message>
    <message>
        <source>, ref. {0}</source>
        <translation>, nr ref. {0}</translation>
    </message>
    <message>
        <source>22 when empty</source>
        <translation>22, jeśli puste</translation>
    </message>
    <message>
        <source>3 months before</source>
        <translation>3 miesiące wcześniej</translation>
    </message>
    <message>
        <source>3389 when empty</source>
        <translation>3389, jeśli puste</translation>
    </message>
    <message>
        <source>5986 for HTTPS, 5985 for HTTP</source>
        <translation>5986 dla HTTPS, 5985 dla HTTP</translation>
    </message>
    <message>
        <source>90th percentile to resolve</source>
        <translation>90. percentyl czasu rozwiązania</translation>
    </message>
    <message>
        <source>90th percentile to respond</source>
        <translation>90. percentyl czasu reakcji</translation>
    </message>
    <message>
        <source>; then </source>
        <translation>; następnie </translation>
    </message>
    <message>
        <source>A VIP logged “{0}”.</source>
        <translation>Osoba VIP zgłosiła „{0}”.</translation>
    </message>
    <message>
        <source>A VIP&apos;s new ticket is raised to at least this priority</source>
        <translation>Nowe zgłoszenie osoby VIP otrzymuje co najmniej ten priorytet</translation>
    </message>
    <message>
        <source>About MSP Helpdesk…</source>
        <translation>O programie MSP Helpdesk…</translation>
    </message>
    <message>
        <source>Account manager to notify</source>
        <translation>Opiekun klienta do powiadomienia</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Numer konta</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Admin credentials</source>
        <translation>Poświadczenia administracyjne</translation>
    </message>
    <message>
        <source>Admin session</source>
        <translation>Sesja administracyjna</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>After-hours rules</source>
        <translation>Zasady poza godzinami pracy</translation>
    </message>
    <message>
        <source>All clients</source>
        <extracomment>Pause after a change of client or period before the figures load (ms). The client box&apos;s value for the all-clients summary (client ids start at 1). Asks where to save: (parent, caption, proposed path, filter) → chosen path, &quot;&quot; = cancelled. A report&apos;s figures are on screen; carries the `ClientReport` or `AllClientsReport`. An export was written; carries its `Path`. The report on screen, None before the first one lands. The branding dialog last opened (tests drive it).</extracomment>
        <translation>Wszyscy klienci</translation>
    </message>
    <message>
        <source>All clients — {0}</source>
        <translation>Wszyscy klienci — {0}</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Wszystkie otwarte</translation>
    </message>
    <message>
        <source>All open P1/P2</source>
        <translation>Wszystkie otwarte P1/P2</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>Wszystkie zgłoszenia</translation>
    </message>
    <message>
        <source>An active rule adds this checklist; change the rule first.</source>
        <translation>Tę listę kontrolną dodaje aktywna reguła; najpierw zmień regułę.</translation>
    </message>
    <message>
        <source>An item of the client&apos;s vault</source>
        <translation>Element sejfu klienta</translation>
    </message>
    <message>
        <source>Approval required</source>
        <translation>Wymagana zgoda</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Zatwierdzono</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Osoba zatwierdzająca</translation>
    </message>
    <message>
        <source>Approving manager</source>
        <translation>Kierownik zatwierdzający</translation>
    </message>
    <message>
        <source>Ask an administrator to compare this fingerprint with you and sign your key</source>
        <translation>Poproś administratora, aby porównał z Tobą ten odcisk klucza i podpisał Twój klucz</translation>
    </message>
    <message>
        <source>Ask the database owner to run:</source>
        <translation>Poproś właściciela bazy danych o uruchomienie:</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Przypisane</translation>
    </message>
    <message>
        <source>Assigned to you: {0}</source>
        <translation>Przypisano do Ciebie: {0}</translation>
    </message>
    <message>
        <source>Assigned to {0}</source>
        <translation>Przypisano do: {0}</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Przypisany</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Uwierzytelnianie</translation>
    </message>
    <message>
        <source>Authorised approver for work that needs permission</source>
        <translation>Osoba upoważniona do zatwierdzania prac wymagających zgody</translation>
    </message>
    <message>
        <source>Authorised approvers</source>
        <translation>Osoby upoważnione do zatwierdzania</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Oczekuje na zgodę</translation>
    </message>
    <message>
        <source>Back up database…</source>
        <translation>Utwórz kopię zapasową bazy danych…</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Przywrócono kopię zapasową</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Podstawa</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Do fakturowania</translation>
    </message>
    <message>
        <source>Billable time</source>
        <translation>Czas do fakturowania</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Zablokowane</translation>
    </message>
    <message>
        <source>Branding saved; the next export uses it.</source>
        <translation>Zapisano identyfikację wizualną; zostanie użyta przy następnym eksporcie.</translation>
    </message>
    <message>
        <source>Branding…</source>
        <translation>Identyfikacja wizualna…</translation>
    </message>
    <message>
        <source>Breach reason</source>
        <translation>Przyczyna naruszenia</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Przekroczony</translation>
    </message>
    <message>
        <source>Broken links (an entry before was removed, added or edited): {ids}.</source>
        <translation>Przerwane powiązania (wcześniejszy wpis usunięto, dodano lub zmieniono): {ids}.</translation>
    </message>
    <message>
        <source>Bulk action</source>
        <translation>Akcja zbiorcza</translation>
    </message>
    <message>
        <source>Business overrun</source>
        <translation>Przekroczenie (godziny pracy)</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>CSAT average</source>
        <translation>Średnia CSAT</translation>
    </message>
    <message>
        <source>CSAT response rate</source>
        <translation>Wskaźnik odpowiedzi CSAT</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <source>Call or e-mail: {0}</source>
        <translation>Zadzwoń lub napisz: {0}</translation>
    </message>
    <message>
        <source>Caller verification failed</source>
        <translation>Weryfikacja dzwoniącego nie powiodła się</translation>
    </message>
    <message>
        <source>Caller verified</source>
        <translation>Zweryfikowano dzwoniącego</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulowane</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>Anulowane przez użytkownika</translation>
    </message>
    <message>
        <source>Cancelled: {0} of {1} tested</source>
        <translation>Anulowano: przetestowano {0} z {1}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Anulowanie…</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>Nie można odczytać {0}: {1}</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Cause of</source>
        <translation>Jest przyczyną</translation>
    </message>
    <message>
        <source>Caused by</source>
        <translation>Spowodowane przez</translation>
    </message>
    <message>
        <source>Caused by (problem)</source>
        <translation>Spowodowane przez (problem)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>Change record</source>
        <translation>Rekord zmiany</translation>
    </message>
    <message>
        <source>Changed: {0}</source>
        <translation>Zmieniono: {0}</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <source>Chase the vendor on “{0}”.</source>
        <translation>Ponagl dostawcę w sprawie „{0}”.</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista kontrolna</translation>
    </message>
    <message>
        <source>Child of</source>
        <translation>Podrzędne wobec</translation>
    </message>
    <message>
        <source>Choose a client and a period.</source>
        <translation>Wybierz klienta i okres.</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Wybierz logo…</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <extracomment>The preview&apos;s box, in pixels; the logo is scaled to fit, keeping its aspect. Asks for a logo file; returns its path, or &quot;&quot; when cancelled.</extracomment>
        <translation>Wybierz logo</translation>
    </message>
    <message>
        <source>Circumstances in which it does not occur</source>
        <translation>Okoliczności, w których nie występuje</translation>
    </message>
    <message>
        <source>Circumstances in which it occurs</source>
        <translation>Okoliczności, w których występuje</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Miasto</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Client approval</source>
        <translation>Zgoda klienta</translation>
    </message>
    <message>
        <source>Client-provided tools</source>
        <translation>Narzędzia dostarczone przez klienta</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klienci</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Zamknięte</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Company and registration</source>
        <translation>Firma i dane rejestrowe</translation>
    </message>
    <message>
        <source>Configuration change</source>
        <translation>Zmiana konfiguracji</translation>
    </message>
    <message>
        <source>Connection lost — what you typed is kept; try again.</source>
        <extracomment>Wording of the problem codes of SlaConfigService, the SLA engine and this window&apos;s parsers.</extracomment>
        <translation>Utracono połączenie — wpisane dane zostały zachowane; spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Connection lost — your changes are kept; try again</source>
        <translation>Utracono połączenie — zmiany zostały zachowane; spróbuj ponownie</translation>
    </message>
    <message>
        <source>Connection lost — your text is kept; try again.</source>
        <translation>Utracono połączenie — tekst został zachowany; spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Connection lost. Try again in a moment.</source>
        <translation>Utracono połączenie. Spróbuj ponownie za chwilę.</translation>
    </message>
    <message>
        <source>Connection to the database lost — try again in a moment.</source>
        <extracomment>Codes of `ReportBrandingService.save` beyond the common ones of `labels.problem`.</extracomment>
        <translation>Utracono połączenie z bazą danych — spróbuj ponownie za chwilę.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Osoba kontaktowa</translation>
    </message>
    <message>
        <source>Contact #{0}</source>
        <translation>Osoba kontaktowa nr {0}</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Umowa</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>Numer umowy</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Umowy</translation>
    </message>
    <message>
        <source>Could not rotate: {vaults} — an item there failed its integrity check; investigate and rotate again from the dashboard.</source>
        <translation>Nie udało się zmienić klucza: {vaults} — jeden z elementów nie przeszedł kontroli integralności; zbadaj przyczynę i ponów zmianę klucza z pulpitu.</translation>
    </message>
    <message>
        <source>Could reveal</source>
        <translation>Uprawnieni do wyświetlenia</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Kraj</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Zakres obsługi</translation>
    </message>
    <message>
        <source>Covered devices</source>
        <translation>Urządzenia objęte obsługą</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Utworzono</translation>
    </message>
    <message>
        <source>Credential</source>
        <extracomment>A contact of the client, stored as its id. A vault item of the client, stored as its UUID (metadata only; never a secret). An SLA policy, stored as its id. A technician of the MSP, stored as their id. Allowed values of a CHOICE (stored values; &quot;&quot; is allowed when not required). Bounds of INTEGER and NUMBER fields. Shown under the field or as a tooltip. The section&apos;s data lives in the client&apos;s vault (admin credentials), not in a document. Hidden per-row keys: `key` is a stable UUID; `id` links a row to its record (site, contract).</extracomment>
        <translation>Poświadczenie</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Niestandardowy</translation>
    </message>
    <message>
        <source>DNS (name not resolved)</source>
        <extracomment>Where a probe failed (`app.remote.probe.Layer`), as the technician reads it.</extracomment>
        <translation>DNS (nie rozwiązano nazwy)</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Ciemny</translation>
    </message>
    <message>
        <source>Data&amp;base</source>
        <translation>Baza &amp;danych</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Urządzenie</translation>
    </message>
    <message>
        <source>Domain, firewall, cloud, backup and line-of-business admin accounts. They are kept encrypted in the client&apos;s vault, never in this form.</source>
        <translation>Konta administracyjne domeny, zapory, chmury, kopii zapasowych i aplikacji biznesowych. Są przechowywane w postaci zaszyfrowanej w sejfie klienta, nigdy w tym formularzu.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <source>Done when: {0}</source>
        <translation>Gotowe, gdy: {0}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Wersja robocza</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Due {0} (your time) = {1} client time, {2}</source>
        <translation>Termin: {0} (Twój czas) = {1} (czas klienta), {2}</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>Jest duplikatem</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Edytowano</translation>
    </message>
    <message>
        <source>Edited entries: {ids}.</source>
        <translation>Zmienione wpisy: {ids}.</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Zakończony</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Punkt końcowy</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskalowano</translation>
    </message>
    <message>
        <source>Escalated to L2</source>
        <translation>Eskalowano do L2</translation>
    </message>
    <message>
        <source>Escalated to L3</source>
        <translation>Eskalowano do L3</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalacja</translation>
    </message>
    <message>
        <source>Escalation contact</source>
        <translation>Osoba kontaktowa do eskalacji</translation>
    </message>
    <message>
        <source>Escalation contacts</source>
        <translation>Osoby kontaktowe do eskalacji</translation>
    </message>
    <message>
        <source>Escalation paths…</source>
        <translation>Ścieżki eskalacji…</translation>
    </message>
    <message>
        <source>Escalation priorities and contacts</source>
        <translation>Priorytety eskalacji i osoby kontaktowe</translation>
    </message>
    <message>
        <source>Every ticket</source>
        <translation>Każde zgłoszenie</translation>
    </message>
    <message>
        <source>Every ticket, most recently updated first</source>
        <translation>Każde zgłoszenie, ostatnio zmienione najpierw</translation>
    </message>
    <message>
        <source>Every unresolved P1 and P2 ticket</source>
        <translation>Każde nierozwiązane zgłoszenie P1 i P2</translation>
    </message>
    <message>
        <source>Every unresolved ticket</source>
        <translation>Każde nierozwiązane zgłoszenie</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksportuj CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksportuj PDF…</translation>
    </message>
    <message>
        <source>Export queue to CSV…</source>
        <translation>Eksportuj kolejkę do CSV…</translation>
    </message>
    <message>
        <source>Export the figures as CSV</source>
        <translation>Eksportuj dane liczbowe jako CSV</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Eksportuj raport jako PDF</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>Eksportowanie {0}…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Niepowodzenie</translation>
    </message>
    <message>
        <source>Failed at {0}</source>
        <translation>Błąd na etapie: {0}</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Naprawione</translation>
    </message>
    <message>
        <source>Fixed by the vendor</source>
        <translation>Naprawione przez dostawcę</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Zgodnie z systemem</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Piątek</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>From {0}</source>
        <translation>Od {0}</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Globalnie</translation>
    </message>
    <message>
        <source>Hardware replaced</source>
        <translation>Wymieniono sprzęt</translation>
    </message>
    <message>
        <source>Hardware/software types</source>
        <translation>Rodzaje sprzętu/oprogramowania</translation>
    </message>
    <message>
        <source>Has duplicate</source>
        <translation>Ma duplikat</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Wysoki</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Nazwa hosta</translation>
    </message>
    <message>
        <source>How a caller&apos;s identity is checked before credential work (password reset, unlock). PINs and answers are stored only as hashes: set them from the contact list.</source>
        <translation>Jak weryfikowana jest tożsamość dzwoniącego przed pracami na poświadczeniach (reset hasła, odblokowanie). Kody PIN i odpowiedzi są przechowywane wyłącznie jako skróty kryptograficzne: ustawiaj je z listy osób kontaktowych.</translation>
    </message>
    <message>
        <source>How the desk connects. Each method can be tested; untested or failing methods warn on the client and block onboarding step 5.</source>
        <translation>Jak łączy się zespół wsparcia. Każdą metodę można przetestować; nieprzetestowane lub niedziałające metody powodują ostrzeżenie przy kliencie i blokują krok 5 wdrożenia klienta.</translation>
    </message>
    <message>
        <source>How to handle VIP calls</source>
        <translation>Jak obsługiwać połączenia od osób VIP</translation>
    </message>
    <message>
        <source>I have printed, saved or written down this new recovery kit</source>
        <translation>Ten nowy zestaw odzyskiwania został przeze mnie wydrukowany, zapisany lub spisany</translation>
    </message>
    <message>
        <source>ID / address</source>
        <translation>ID / adres</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adres IP</translation>
    </message>
    <message>
        <source>If I forget my vault password, every stored credential is lost</source>
        <translation>Jeśli zapomnę hasło sejfu, wszystkie zapisane poświadczenia przepadną</translation>
    </message>
    <message>
        <source>If someone may know your vault password, reset your keys: you get a new key pair under a new password, your remembered devices are signed out, and every vault you hold gets a new key, so your old password and key open nothing new. Until an administrator compares your new fingerprint with you, signs your key and restores your access, you cannot open any credentials. Change the client passwords you fear were seen.</source>
        <translation>Jeśli ktoś może znać Twoje hasło sejfu, zresetuj klucze: otrzymasz nową parę kluczy z nowym hasłem, Twoje zapamiętane urządzenia zostaną wylogowane, a każdy sejf, do którego masz dostęp, otrzyma nowy klucz, więc Twoje stare hasło i klucz nie otworzą już niczego nowego. Dopóki administrator nie porówna z Tobą nowego odcisku klucza, nie podpisze Twojego klucza i nie przywróci Ci dostępu, nie możesz otwierać żadnych poświadczeń. Zmień hasła klientów, które mogły zostać podejrzane.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Obrazy (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>Wdrożono</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Osobiście</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>W toku</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incydent</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrukcje</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Notatka wewnętrzna</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>It still holds the last entry this workstation wrote.</source>
        <translation>Nadal zawiera ostatni wpis zapisany przez tę stację roboczą.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <source>Kept in the vault</source>
        <translation>Przechowywane w sejfie</translation>
    </message>
    <message>
        <source>Key in use since</source>
        <translation>Klucz używany od</translation>
    </message>
    <message>
        <source>Key version</source>
        <translation>Wersja klucza</translation>
    </message>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>Skróty klawiszowe…</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Słowa kluczowe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>Baza wiedzy</translation>
    </message>
    <message>
        <source>Knowledge base and scope</source>
        <translation>Baza wiedzy i zakres</translation>
    </message>
    <message>
        <source>L0 Intake</source>
        <translation>L0 Przyjmowanie</translation>
    </message>
    <message>
        <source>L1 First line</source>
        <translation>L1 Pierwsza linia</translation>
    </message>
    <message>
        <source>L2 Second line</source>
        <translation>L2 Druga linia</translation>
    </message>
    <message>
        <source>L3 Specialists</source>
        <translation>L3 Specjaliści</translation>
    </message>
    <message>
        <source>Label</source>
        <extracomment>When the password was last replaced (`rotated_at`); empty until the first change.</extracomment>
        <translation>Etykieta</translation>
    </message>
    <message>
        <source>Last revealed</source>
        <translation>Ostatnie wyświetlenie</translation>
    </message>
    <message>
        <source>Last verified {0} by {1}: {2}</source>
        <translation>Ostatnio zweryfikowano {0} ({1}): {2}</translation>
    </message>
    <message>
        <source>Latest tickets</source>
        <translation>Najnowsze zgłoszenia</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Pozostało</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Nazwa prawna</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licencje</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Jasny</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Powiązanie</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Na liście</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Aktywny</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokalizacja</translation>
    </message>
    <message>
        <source>Lock vault</source>
        <translation>Zablokuj sejf</translation>
    </message>
    <message>
        <source>Logged as {0}</source>
        <extracomment>The event&apos;s id (int); stable across reloads. The row&apos;s `EventKind` value (str: Qt hands a StrEnum back as a plain str), for colouring. When it happened, in the workstation&apos;s time zone and locale (str). Who did it (str); &quot;System&quot; for events without an actor. The translated kind, e.g. &quot;Phone call&quot; (str). One line saying what changed, e.g. &quot;Status: New → In progress&quot; (str, may be empty). Free text exactly as stored: note, reply, call summary, escalation reason (str, may be empty). For an event of a ticket merged into this one, that ticket&apos;s number (str, &quot;&quot; for own events). A `labels` function wording one enum member. Longest tooltip; the rest of a pasted log is not useful in a tooltip.</extracomment>
        <translation>Zarejestrowano jako {0}</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niski</translation>
    </message>
    <message>
        <source>MSP Helpdesk</source>
        <extracomment>A list of `Notification`s, oldest first; never empty. The technician&apos;s `MySlaSummary` after each sweep. `NewAssignments` with at least one ticket assigned to the technician by someone else. The last counts shown (None before the first sweep).</extracomment>
        <translation>MSP Helpdesk</translation>
    </message>
    <message>
        <source>MSP Helpdesk — my tickets: {0} at SLA warning, {1} overdue</source>
        <translation>MSP Helpdesk — moje zgłoszenia: z ostrzeżeniem SLA: {0}, po terminie: {1}</translation>
    </message>
    <message>
        <source>MSP Helpdesk — none of my tickets is at SLA warning</source>
        <translation>MSP Helpdesk — żadne z moich zgłoszeń nie ma ostrzeżenia SLA</translation>
    </message>
    <message>
        <source>MSP name</source>
        <translation>Nazwa MSP</translation>
    </message>
    <message>
        <source>Main e-mail</source>
        <translation>Główny adres e-mail</translation>
    </message>
    <message>
        <source>Main phone</source>
        <translation>Główny numer telefonu</translation>
    </message>
    <message>
        <source>May approve</source>
        <translation>Może zatwierdzać</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>Mediana czasu rozwiązania</translation>
    </message>
    <message>
        <source>Median time to respond</source>
        <translation>Mediana czasu reakcji</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Średni</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Scalono</translation>
    </message>
    <message>
        <source>Merged from</source>
        <translation>Scalone z</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Włączone do</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Dotrzymany</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>Zrealizowany po terminie</translation>
    </message>
    <message>
        <source>Method</source>
        <extracomment>A table taller than this many rows scrolls inside itself (the breaches can reach 300).</extracomment>
        <translation>Metoda</translation>
    </message>
    <message>
        <source>Missing: {0}</source>
        <extracomment>What a failing check means, in plain words; `{0}` is the check&apos;s subject.</extracomment>
        <translation>Brak: {0}</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Poniedziałek</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>Month</source>
        <extracomment>Any input changed (kind, month, quarter, days).</extracomment>
        <translation>Miesiąc</translation>
    </message>
    <message>
        <source>My open tickets</source>
        <extracomment>The row&apos;s `SavedQueue` member. The row&apos;s ticket count (int), or None while unknown or not counted. Queues whose count is shown. &quot;All tickets&quot; is left out: counting the whole table is a full scan on a large desk, and the number tells a technician nothing. Quiet time after a change notification before counting again, so bursts count once. Counts also refresh on this period, for changes nobody announced.</extracomment>
        <translation>Moje otwarte zgłoszenia</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Client id of the row; stable across searches and refreshes. Contact id of the row. Site id of the row. What a flag column shows for a set flag; an empty cell means &quot;no&quot;.
----------
The flag columns and the DTO attribute each shows.</extracomment>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Needs update</source>
        <translation>Wymaga informacji</translation>
    </message>
    <message>
        <source>Never tested</source>
        <translation>Nigdy nie testowano</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nowe</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Nowe połączenie</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Nowe zgłoszenie</translation>
    </message>
    <message>
        <source>Next update</source>
        <translation>Następna informacja</translation>
    </message>
    <message>
        <source>No SLA applies to this ticket</source>
        <translation>Dla tego zgłoszenia nie obowiązuje żadne SLA</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>Brak osoby kontaktowej</translation>
    </message>
    <message>
        <source>No fault found</source>
        <translation>Nie stwierdzono usterki</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Brak logo</translation>
    </message>
    <message>
        <source>No password stored</source>
        <translation>Brak zapisanego hasła</translation>
    </message>
    <message>
        <source>No queue</source>
        <translation>Bez kolejki</translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation>Nie podano powodu</translation>
    </message>
    <message>
        <source>No rule recorded</source>
        <translation>Brak zapisanej reguły</translation>
    </message>
    <message>
        <source>No survey recorded yet.</source>
        <translation>Nie zarejestrowano jeszcze ankiety.</translation>
    </message>
    <message>
        <source>Nobody else can sign a new key for you (you are the only administrator), so only the recovery kit helps. Type it below: your access comes back at once and you get a new kit.</source>
        <translation>Nikt inny nie może podpisać dla Ciebie nowego klucza (jesteś jedynym administratorem), więc pomoże tylko zestaw odzyskiwania. Wpisz go poniżej: dostęp wróci od razu i otrzymasz nowy zestaw.</translation>
    </message>
    <message>
        <source>Not a VIP caller</source>
        <translation>Dzwoniący nie jest VIP</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <extracomment>Wording of the `ValidationError` codes of `onboarding_validation`, `onboarding_fields` and `onboarding_sync`. Phrases without a final full stop: they also follow &quot;Row 3, Time zone: &quot;.</extracomment>
        <translation>Nieprawidłowa wartość</translation>
    </message>
    <message>
        <source>Not started</source>
        <extracomment>The row&apos;s `Marker`. The row&apos;s section key (&quot;company&quot;, ...). Kept in the vault (admin credentials); the form holds nothing. (glyph, colour) drawn at the right of a row; readable on light and dark themes.</extracomment>
        <translation>Nie rozpoczęto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Uwagi</translation>
    </message>
    <message>
        <source>Nothing happened for any client in this period.</source>
        <translation>W tym okresie nie było aktywności u żadnego klienta.</translation>
    </message>
    <message>
        <source>Nothing happened for this client in this period.</source>
        <translation>W tym okresie nie było aktywności u tego klienta.</translation>
    </message>
    <message>
        <source>Notify assignee</source>
        <translation>Powiadom osobę przypisaną</translation>
    </message>
    <message>
        <source>Notify queue</source>
        <translation>Powiadom kolejkę</translation>
    </message>
    <message>
        <source>Notify team lead</source>
        <translation>Powiadom lidera zespołu</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>On notice</source>
        <translation>W okresie wypowiedzenia</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Wdrażanie</translation>
    </message>
    <message>
        <source>Onboarding {0} % complete</source>
        <translation>Wdrożenie ukończone w {0} %</translation>
    </message>
    <message>
        <source>Only L2/L3 technicians and administrators may save solutions to the KB.</source>
        <translation>Tylko technicy L2/L3 i administratorzy mogą zapisywać rozwiązania w KB.</translation>
    </message>
    <message>
        <source>Only administrators can change SLA settings.</source>
        <translation>Tylko administratorzy mogą zmieniać ustawienia SLA.</translation>
    </message>
    <message>
        <source>Only an administrator may do this.</source>
        <translation>Tylko administrator może to zrobić.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otwarte</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Otwarte zgłoszenia</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Otwarto</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>System operacyjny</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Kolejność</translation>
    </message>
    <message>
        <source>Out of scope</source>
        <translation>Poza zakresem</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Po terminie</translation>
    </message>
    <message>
        <source>Overdue · {0}</source>
        <translation>Po terminie · {0}</translation>
    </message>
    <message>
        <source>P1 Critical</source>
        <translation>P1 Krytyczny</translation>
    </message>
    <message>
        <source>P2 High</source>
        <translation>P2 Wysoki</translation>
    </message>
    <message>
        <source>P3 Medium</source>
        <translation>P3 Średni</translation>
    </message>
    <message>
        <source>P4 Low</source>
        <translation>P4 Niski</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pliki PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Parent of</source>
        <translation>Nadrzędne wobec</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Zmieniono hasło</translation>
    </message>
    <message>
        <source>Password last changed {date}</source>
        <translation>Ostatnia zmiana hasła: {date}</translation>
    </message>
    <message>
        <source>Password not changed since it was added</source>
        <translation>Hasła nie zmieniano od dodania</translation>
    </message>
    <message>
        <source>Password-reset authentication</source>
        <translation>Uwierzytelnianie przy resecie hasła</translation>
    </message>
    <message>
        <source>Paused</source>
        <extracomment>Short text for a table cell: &quot;1 h 20 m&quot;, &quot;−35 m&quot;, &quot;Paused (3 h 10 m)&quot;, &quot;Met&quot;, &quot;—&quot;. Business seconds left now, negative once overdue; None when the clock is not ticking (or no calendar is at hand to count with). Paused clocks give their frozen remainder. True when `now` is at or past the due instant of a clock still running.</extracomment>
        <translation>Wstrzymany</translation>
    </message>
    <message>
        <source>Paused ({0})</source>
        <translation>Wstrzymany ({0})</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Oczekuje</translation>
    </message>
    <message>
        <source>Per-contact method</source>
        <translation>Metoda dla każdej osoby kontaktowej</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Okres</translation>
    </message>
    <message>
        <source>Permissions before commencing work</source>
        <translation>Zgody wymagane przed rozpoczęciem pracy</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Rozmowa telefoniczna</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>Przedpłata</translation>
    </message>
    <message>
        <source>Prepaid hours</source>
        <translation>Pakiet godzin</translation>
    </message>
    <message>
        <source>Printed on the cover of every report. PNG, JPEG or GIF, up to 2 MB.</source>
        <translation>Drukowane na okładce każdego raportu. PNG, JPEG lub GIF, do 2 MB.</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>Priorytety</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>Zmieniono priorytet</translation>
    </message>
    <message>
        <source>Priority floor</source>
        <translation>Minimalny priorytet</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problem record</source>
        <translation>Rekord problemu</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkty</translation>
    </message>
    <message>
        <source>Public reply</source>
        <translation>Odpowiedź publiczna</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kwartał</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>Queue #{0}</source>
        <translation>Kolejka nr {0}</translation>
    </message>
    <message>
        <source>Queue changed</source>
        <translation>Zmieniono kolejkę</translation>
    </message>
    <message>
        <source>Queue: {0} → {1}</source>
        <translation>Kolejka: {0} → {1}</translation>
    </message>
    <message>
        <source>RD Gateway</source>
        <translation>Brama usług pulpitu zdalnego</translation>
    </message>
    <message>
        <source>RDP</source>
        <translation>RDP</translation>
    </message>
    <message>
        <source>Raise priority</source>
        <translation>Podnieś priorytet</translation>
    </message>
    <message>
        <source>Rated {0}/5 {1}</source>
        <translation>Ocena {0}/5 {1}</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Tylko odczyt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Reassign to next tier</source>
        <translation>Przekaż do następnej linii wsparcia</translation>
    </message>
    <message>
        <source>Reassign to queue</source>
        <translation>Przekaż do kolejki</translation>
    </message>
    <message>
        <source>Reassigned: {0} → {1}</source>
        <translation>Zmieniono przypisanie: {0} → {1}</translation>
    </message>
    <message>
        <source>Recurring issues</source>
        <translation>Powtarzające się problemy</translation>
    </message>
    <message>
        <source>Recurring schedule</source>
        <translation>Harmonogram cykliczny</translation>
    </message>
    <message>
        <source>Recurring tickets…</source>
        <translation>Zgłoszenia cykliczne…</translation>
    </message>
    <message>
        <source>Redirect drives</source>
        <translation>Przekieruj dyski</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Odmowa</translation>
    </message>
    <message>
        <source>Registration / VAT number</source>
        <translation>Numer rejestrowy / numer VAT</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Odrzucono</translation>
    </message>
    <message>
        <source>Related to</source>
        <translation>Powiązane z</translation>
    </message>
    <message>
        <source>Reload shows their version and discards your edits. Compare lists the fields that differ. Keep editing leaves your edits on screen; saving will ask again.</source>
        <translation>„Wczytaj ponownie” pokazuje wersję drugiej osoby i odrzuca Twoje zmiany. „Porównaj” wyświetla pola, które się różnią. „Kontynuuj edycję” pozostawia Twoje zmiany na ekranie; przy zapisie to pytanie pojawi się ponownie.</translation>
    </message>
    <message>
        <source>Remote connectivity methods</source>
        <translation>Metody dostępu zdalnego</translation>
    </message>
    <message>
        <source>Remote method</source>
        <translation>Metoda dostępu zdalnego</translation>
    </message>
    <message>
        <source>Remote session</source>
        <translation>Sesja zdalna</translation>
    </message>
    <message>
        <source>Remote sessions</source>
        <translation>Sesje zdalne</translation>
    </message>
    <message>
        <source>Remote sessions by method</source>
        <translation>Sesje zdalne według metody</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Usuń logo</translation>
    </message>
    <message>
        <source>Remove the empty entry.</source>
        <translation>Usuń pusty wpis.</translation>
    </message>
    <message>
        <source>Report branding</source>
        <translation>Identyfikacja wizualna raportów</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <source>Resolution SLA met</source>
        <translation>Dotrzymano SLA rozwiązania</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reakcja</translation>
    </message>
    <message>
        <source>Response SLA met</source>
        <translation>Dotrzymano SLA reakcji</translation>
    </message>
    <message>
        <source>Restore database…</source>
        <translation>Przywróć bazę danych…</translation>
    </message>
    <message>
        <source>Revealed</source>
        <translation>Wyświetlono</translation>
    </message>
    <message>
        <source>Reveals</source>
        <translation>Wyświetlenia</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Wycofano</translation>
    </message>
    <message>
        <source>Rotating keys protects later changes; only changing the client passwords protects what was seen.</source>
        <extracomment>§8.7: the UI states this wherever the worklist is shown or printed.</extracomment>
        <translation>Rotacja kluczy chroni późniejsze zmiany; to, co zostało podejrzane, chroni jedynie zmiana haseł klientów.</translation>
    </message>
    <message>
        <source>Routing rule</source>
        <translation>Reguła kierowania</translation>
    </message>
    <message>
        <source>Routing rules…</source>
        <translation>Reguły kierowania…</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Wiersz %1, %2: %3</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Wiersz %1: %2</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Biegnie</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>Naruszenie SLA</translation>
    </message>
    <message>
        <source>SLA breached: {0}</source>
        <translation>Naruszenie SLA: {0}</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>Naruszenia SLA</translation>
    </message>
    <message>
        <source>SLA escalation</source>
        <translation>Eskalacja SLA</translation>
    </message>
    <message>
        <source>SLA escalation: {0}</source>
        <translation>Eskalacja SLA: {0}</translation>
    </message>
    <message>
        <source>SLA met, last 12 months</source>
        <translation>Dotrzymanie SLA, ostatnie 12 miesięcy</translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation>Polityka SLA</translation>
    </message>
    <message>
        <source>SLA settings…</source>
        <translation>Ustawienia SLA…</translation>
    </message>
    <message>
        <source>SLA warning</source>
        <translation>Ostrzeżenie SLA</translation>
    </message>
    <message>
        <source>SLA warning: {0}</source>
        <translation>Ostrzeżenie SLA: {0}</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Takie same</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>Ankieta satysfakcji</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Sobota</translation>
    </message>
    <message>
        <source>Save your changes to {0} before closing?</source>
        <translation>Zapisać zmiany ({0}) przed zamknięciem?</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Zapisano</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Zapisano w {0}</translation>
    </message>
    <message>
        <source>Saved; {0} open tickets recomputed.</source>
        <translation>Zapisano; przeliczono otwarte zgłoszenia: {0}.</translation>
    </message>
    <message>
        <source>Saving creates or updates the client&apos;s SLA contracts.</source>
        <translation>Zapisanie tworzy lub aktualizuje umowy SLA klienta.</translation>
    </message>
    <message>
        <source>Saving marks exactly these contacts as VIP.</source>
        <translation>Po zapisaniu dokładnie te osoby kontaktowe zostaną oznaczone jako VIP.</translation>
    </message>
    <message>
        <source>Saving marks exactly these contacts as authorised approvers.</source>
        <translation>Po zapisaniu dokładnie te osoby kontaktowe zostaną oznaczone jako upoważnione do zatwierdzania.</translation>
    </message>
    <message>
        <source>Saving marks exactly these contacts as escalation contacts.</source>
        <translation>Po zapisaniu dokładnie te osoby kontaktowe zostaną oznaczone jako kontakty do eskalacji.</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Ekran</translation>
    </message>
    <message>
        <source>Secrets set</source>
        <translation>Zapisane sekrety</translation>
    </message>
    <message>
        <source>Security question</source>
        <translation>Pytanie zabezpieczające</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numer seryjny</translation>
    </message>
    <message>
        <source>Server addresses and key systems</source>
        <translation>Adresy serwerów i kluczowe systemy</translation>
    </message>
    <message>
        <source>Servers and key systems</source>
        <translation>Serwery i kluczowe systemy</translation>
    </message>
    <message>
        <source>Service / product</source>
        <translation>Usługa / produkt</translation>
    </message>
    <message>
        <source>Service request</source>
        <translation>Wniosek o usługę</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesje</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lokalizacja</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Lokalizacje</translation>
    </message>
    <message>
        <source>Some values were not accepted; see the messages next to the fields.</source>
        <translation>Niektóre wartości nie zostały zaakceptowane; zobacz komunikaty przy polach.</translation>
    </message>
    <message>
        <source>Someone changed this meanwhile; the list was reloaded. Try again.</source>
        <translation>Ktoś w międzyczasie to zmienił; lista została wczytana ponownie. Spróbuj jeszcze raz.</translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile; the list shows their change now.</source>
        <translation>Ktoś inny w międzyczasie to zmienił; lista pokazuje teraz tę zmianę.</translation>
    </message>
    <message>
        <source>Someone else saved this {0} since you opened it. What you typed is kept; Reload shows the stored version (and drops your edits).</source>
        <translation>Od czasu otwarcia ktoś inny zapisał ten element ({0}). Wpisane dane zostały zachowane; „Wczytaj ponownie” pokaże zapisaną wersję (i odrzuci Twoje zmiany).</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Coś poszło nie tak (%1).</translation>
    </message>
    <message>
        <source>Something went wrong ({0}). Nothing was changed.</source>
        <translation>Coś poszło nie tak ({0}). Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); see the log.</source>
        <translation>Coś poszło nie tak ({0}); szczegóły w dzienniku.</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); what you typed is kept.</source>
        <translation>Coś poszło nie tak ({0}); wpisane dane zostały zachowane.</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); your changes are kept.</source>
        <translation>Coś poszło nie tak ({0}); zmiany zostały zachowane.</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); your text is kept.</source>
        <translation>Coś poszło nie tak ({0}); tekst został zachowany.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Start page (Markdown)</source>
        <translation>Strona startowa (Markdown)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Zmieniono status</translation>
    </message>
    <message>
        <source>Steps already tried</source>
        <translation>Wypróbowane już kroki</translation>
    </message>
    <message>
        <source>Straight to L2</source>
        <translation>Bezpośrednio do L2</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Temat</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Niedziela</translation>
    </message>
    <message>
        <source>Support phone</source>
        <translation>Telefon pomocy technicznej</translation>
    </message>
    <message>
        <source>Support portal</source>
        <translation>Portal pomocy technicznej</translation>
    </message>
    <message>
        <source>Supported products</source>
        <translation>Obsługiwane produkty</translation>
    </message>
    <message>
        <source>Supported products and licences</source>
        <translation>Obsługiwane produkty i licencje</translation>
    </message>
    <message>
        <source>Survey sent, no answer recorded</source>
        <translation>Wysłano ankietę, brak odpowiedzi</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>TCP (refused)</source>
        <translation>TCP (odmowa połączenia)</translation>
    </message>
    <message>
        <source>TCP (unreachable)</source>
        <translation>TCP (host nieosiągalny)</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cel</translation>
    </message>
    <message>
        <source>TeamViewer, AnyDesk, RustDesk...</source>
        <translation>TeamViewer, AnyDesk, RustDesk...</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Technician #{0}</source>
        <translation>Technik nr {0}</translation>
    </message>
    <message>
        <source>Tested 1 method: {0}</source>
        <translation>Przetestowano 1 metodę: {0}</translation>
    </message>
    <message>
        <source>Tested {0} methods: {1}</source>
        <translation>Przetestowane metody ({0}): {1}</translation>
    </message>
    <message>
        <source>Testing remote methods…</source>
        <extracomment>True from `begin()` until a cancel or the end: later progress is not shown.</extracomment>
        <translation>Testowanie metod zdalnego dostępu…</translation>
    </message>
    <message>
        <source>Testing the new or changed remote methods…</source>
        <extracomment>The remote tables a probe can test (the others are instructions for a person). A run ended and its line is shown; carries the line. The running test&apos;s relay: progress from an older, dropped run is ignored.</extracomment>
        <translation>Testowanie nowych lub zmienionych metod zdalnego dostępu…</translation>
    </message>
    <message>
        <source>Testing {0} of {1}…</source>
        <translation>Testowanie {0} z {1}…</translation>
    </message>
    <message>
        <source>That did not work. Try again later.</source>
        <translation>Nie udało się. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>That ticket does not exist.</source>
        <translation>To zgłoszenie nie istnieje.</translation>
    </message>
    <message>
        <source>The SLA sets no target for this clock</source>
        <translation>SLA nie określa celu dla tego licznika</translation>
    </message>
    <message>
        <source>The audit log is intact: {n} entries checked.</source>
        <translation>Dziennik audytu jest nienaruszony (sprawdzone wpisy: {n}).</translation>
    </message>
    <message>
        <source>The audit log was changed: the first bad entry is #{id}.</source>
        <translation>Dziennik audytu został zmieniony: pierwszy błędny wpis to nr {id}.</translation>
    </message>
    <message>
        <source>The backup was restored. MSP Helpdesk closes now; start it again and sign in to the restored database.</source>
        <translation>Przywrócono kopię zapasową. MSP Helpdesk zostanie teraz zamknięty; uruchom go ponownie i zaloguj się do przywróconej bazy danych.</translation>
    </message>
    <message>
        <source>The client&apos;s wiki start page, read during every call, and what is in and out of scope.</source>
        <translation>Strona startowa wiki klienta, czytana podczas każdej rozmowy, oraz co wchodzi w zakres obsługi, a co nie.</translation>
    </message>
    <message>
        <source>The database cannot be reached.</source>
        <translation>Brak połączenia z bazą danych.</translation>
    </message>
    <message>
        <source>The database was restored: close the open windows and restart MSP Helpdesk.</source>
        <translation>Baza danych została przywrócona: zamknij otwarte okna i uruchom ponownie MSP Helpdesk.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Data końcowa jest wcześniejsza niż data początkowa.</translation>
    </message>
    <message>
        <source>The log was rewritten since this workstation last wrote to it: entry #{id} is missing or different.</source>
        <translation>Dziennik został przepisany od ostatniego zapisu z tej stacji roboczej: wpis nr {id} nie istnieje lub jest inny.</translation>
    </message>
    <message>
        <source>The logo cannot be used: {0}</source>
        <translation>Nie można użyć logo: {0}</translation>
    </message>
    <message>
        <source>The old recovery kit no longer opens anything. Keep only this one.</source>
        <translation>Stary zestaw odzyskiwania niczego już nie otwiera. Zachowaj tylko ten.</translation>
    </message>
    <message>
        <source>The period is longer than {0} days.</source>
        <translation>Okres jest dłuższy niż {0} dni.</translation>
    </message>
    <message>
        <source>The remote methods could not be tested (%1).</source>
        <translation>Nie udało się przetestować metod zdalnego dostępu (%1).</translation>
    </message>
    <message>
        <source>The report was not saved. {0}</source>
        <translation>Raport nie został zapisany. {0}</translation>
    </message>
    <message>
        <source>The requester declined the survey</source>
        <translation>Zgłaszający odmówił wypełnienia ankiety</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it and try again.</source>
        <translation>Sejf jest zablokowany. Odblokuj go i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>The {0} target of “{1}” is at risk.</source>
        <translation>Cel ({0}) dla „{1}” jest zagrożony.</translation>
    </message>
    <message>
        <source>The {0} target of “{1}” was escalated.</source>
        <translation>Cel ({0}) dla „{1}” został eskalowany.</translation>
    </message>
    <message>
        <source>The {0} target of “{1}” was missed.</source>
        <translation>Cel ({0}) dla „{1}” nie został dotrzymany.</translation>
    </message>
    <message>
        <source>The {0} worst of {1} breaches; the CSV lists the same.</source>
        <translation>Najgorsze naruszenia: {0} z {1}; plik CSV zawiera te same.</translation>
    </message>
    <message>
        <source>These vaults were in their list but the database holds no trustworthy record that they were granted them. Tick only those you know they should have.</source>
        <translation>Te sejfy były na liście tej osoby, ale baza danych nie zawiera wiarygodnego zapisu, że zostały jej przyznane. Zaznacz tylko te, które na pewno powinna mieć.</translation>
    </message>
    <message>
        <source>They held the organisation signing key. It cannot be replaced yet; keep their former access in mind.</source>
        <translation>Ta osoba miała klucz podpisujący organizacji. Nie można go jeszcze wymienić; pamiętaj o jej wcześniejszym dostępie.</translation>
    </message>
    <message>
        <source>Third-party tickets</source>
        <translation>Zgłoszenia u stron trzecich</translation>
    </message>
    <message>
        <source>Third-party vendors</source>
        <translation>Dostawcy zewnętrzni</translation>
    </message>
    <message>
        <source>This administrator held the organisation signing key. It cannot be replaced yet; keep their former access in mind.</source>
        <translation>Ten administrator miał klucz podpisujący organizacji. Nie można go jeszcze wymienić; pamiętaj o jego wcześniejszym dostępie.</translation>
    </message>
    <message>
        <source>This client no longer exists.</source>
        <translation>Ten klient już nie istnieje.</translation>
    </message>
    <message>
        <source>This client no longer exists; choose another one.</source>
        <translation>Ten klient już nie istnieje; wybierz innego.</translation>
    </message>
    <message>
        <source>This is inactive; pick another.</source>
        <translation>Ta pozycja jest nieaktywna; wybierz inną.</translation>
    </message>
    <message>
        <source>This is not a known setting.</source>
        <translation>To nie jest znane ustawienie.</translation>
    </message>
    <message>
        <source>This name is already taken.</source>
        <translation>Ta nazwa jest już zajęta.</translation>
    </message>
    <message>
        <source>This no longer exists.</source>
        <translation>Ten element już nie istnieje.</translation>
    </message>
    <message>
        <source>This no longer exists; it may have been deleted.</source>
        <translation>Ten element już nie istnieje; mógł zostać usunięty.</translation>
    </message>
    <message>
        <source>This path would loop: {0}</source>
        <extracomment>Codes these services use beyond the common ones of `labels.problem`.</extracomment>
        <translation>Ta ścieżka tworzyłaby pętlę: {0}</translation>
    </message>
    <message>
        <source>This ticket no longer exists; it may have been deleted.</source>
        <translation>To zgłoszenie już nie istnieje; mogło zostać usunięte.</translation>
    </message>
    <message>
        <source>This ticket was changed by {0} at {1} while you were editing. Nothing was saved.</source>
        <translation>Podczas Twojej edycji {0} zmienił(a) to zgłoszenie o {1}. Nic nie zostało zapisane.</translation>
    </message>
    <message>
        <source>This ticket was changed by {0} while you were editing. Nothing was saved.</source>
        <translation>Podczas Twojej edycji {0} zmienił(a) to zgłoszenie. Nic nie zostało zapisane.</translation>
    </message>
    <message>
        <source>This value is not accepted.</source>
        <extracomment>Wording of the `ValidationError` codes of these services.</extracomment>
        <translation>Ta wartość jest nieprawidłowa.</translation>
    </message>
    <message>
        <source>This workstation has not written to this log yet, so a fully rewritten log could not be noticed here.</source>
        <translation>Ta stacja robocza nie zapisała jeszcze nic w tym dzienniku, więc nie da się tu wykryć całkowicie przepisanego dziennika.</translation>
    </message>
    <message>
        <source>This {0} no longer exists; it may have been deleted.</source>
        <translation>Ten element ({0}) już nie istnieje; mógł zostać usunięty.</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Czwartek</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Zgłoszenie</translation>
    </message>
    <message>
        <source>Ticket changed by someone else</source>
        <translation>Ktoś inny zmienił zgłoszenie</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Typ zgłoszenia</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>Typy zgłoszeń</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Zgłoszenia</translation>
    </message>
    <message>
        <source>Tickets by category</source>
        <translation>Zgłoszenia według kategorii</translation>
    </message>
    <message>
        <source>Tickets by priority</source>
        <translation>Zgłoszenia według priorytetu</translation>
    </message>
    <message>
        <source>Tickets by tier</source>
        <translation>Zgłoszenia według linii wsparcia</translation>
    </message>
    <message>
        <source>Tickets closed</source>
        <translation>Zamknięte zgłoszenia</translation>
    </message>
    <message>
        <source>Tickets opened</source>
        <extracomment>Tiles per row; 4 fit a 1280-pixel window beside the navigation.</extracomment>
        <translation>Nowe zgłoszenia</translation>
    </message>
    <message>
        <source>Tickets opened and closed, last 12 months</source>
        <extracomment>Drawing size in points; shown at `SCALE` pixels per point (96 dpi / 72 pt, a little less).</extracomment>
        <translation>Nowe i zamknięte zgłoszenia, ostatnie 12 miesięcy</translation>
    </message>
    <message>
        <source>Tickets paused until the customer answers, oldest first</source>
        <translation>Zgłoszenia wstrzymane do odpowiedzi klienta, najstarsze najpierw</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Linia</translation>
    </message>
    <message>
        <source>Tier changed</source>
        <translation>Zmieniono linię wsparcia</translation>
    </message>
    <message>
        <source>Time logged</source>
        <translation>Zarejestrowano czas</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>Poświęcony czas</translation>
    </message>
    <message>
        <source>Time spent by category</source>
        <translation>Poświęcony czas według kategorii</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Strefa czasowa</translation>
    </message>
    <message>
        <source>Times in {0} · figures as of {1}</source>
        <translation>Godziny w strefie {0} · stan na {1}</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Too many entries.</source>
        <translation>Zbyt wiele wpisów.</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Narzędzie</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Wtorek</translation>
    </message>
    <message>
        <source>Two letters, e.g. BE</source>
        <translation>Dwie litery, np. PL</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nieprzypisane</translation>
    </message>
    <message>
        <source>Unassigned (was {0})</source>
        <translation>Nieprzypisane (wcześniej: {0})</translation>
    </message>
    <message>
        <source>Unassigned L1</source>
        <translation>Nieprzypisane L1</translation>
    </message>
    <message>
        <source>Uncategorised</source>
        <translation>Bez kategorii</translation>
    </message>
    <message>
        <source>Unknown placeholder {{{0}}}; use {1}.</source>
        <extracomment>Codes the KB and canned-reply services use beyond the common ones of `labels.problem`.</extracomment>
        <translation>Nieznany symbol zastępczy {{{0}}}; użyj {1}.</translation>
    </message>
    <message>
        <source>Unlock the vault first: rotating a key needs the current one.</source>
        <extracomment>Reads the local audit anchor (id, row_hash) from this workstation&apos;s settings, on the GUI thread; None when there is none yet. Why the rotation cause reads so in the audit log.</extracomment>
        <translation>Najpierw odblokuj sejf: zmiana klucza wymaga bieżącego klucza.</translation>
    </message>
    <message>
        <source>Unresolved first-line tickets nobody has taken yet</source>
        <translation>Nierozwiązane zgłoszenia pierwszej linii, których nikt jeszcze nie przejął</translation>
    </message>
    <message>
        <source>Unresolved tickets assigned to you, most urgent first</source>
        <translation>Nierozwiązane zgłoszenia przypisane do Ciebie, najpilniejsze najpierw</translation>
    </message>
    <message>
        <source>Unresolved tickets whose requester is due a status update within the hour or overdue</source>
        <translation>Nierozwiązane zgłoszenia, w których zgłaszający powinien w ciągu godziny dostać informację o stanie lub termin już minął</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niezapisane zmiany</translation>
    </message>
    <message>
        <source>Unsaved draft</source>
        <translation>Niezapisana wersja robocza</translation>
    </message>
    <message>
        <source>Use the recovery kit only when nobody who holds a vault can grant it: the kit opens every vault. Type every group of the kit, choose who gets access and to which vaults. A new recovery kit replaces the one you type; you must keep the new one.</source>
        <translation>Używaj zestawu odzyskiwania tylko wtedy, gdy nikt, kto ma klucz do sejfu, nie może przyznać do niego dostępu: zestaw otwiera każdy sejf. Wpisz wszystkie grupy zestawu, wybierz, kto otrzyma dostęp i do których sejfów. Nowy zestaw odzyskiwania zastąpi ten, który wpisujesz; musisz zachować nowy.</translation>
    </message>
    <message>
        <source>Used in period</source>
        <translation>Wykorzystano w okresie</translation>
    </message>
    <message>
        <source>Used in total</source>
        <translation>Wykorzystano łącznie</translation>
    </message>
    <message>
        <source>User training / how-to</source>
        <translation>Szkolenie użytkownika / instrukcja</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>VIP call handling</source>
        <translation>Obsługa połączeń od osób VIP</translation>
    </message>
    <message>
        <source>VIP call: {0}</source>
        <translation>Połączenie VIP: {0}</translation>
    </message>
    <message>
        <source>VIP caller</source>
        <translation>Dzwoniący VIP</translation>
    </message>
    <message>
        <source>VIP contacts</source>
        <translation>Osoby kontaktowe VIP</translation>
    </message>
    <message>
        <source>VIP rule</source>
        <translation>Reguła VIP</translation>
    </message>
    <message>
        <source>VIP: priority call handling</source>
        <translation>VIP: priorytetowa obsługa połączeń</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Obowiązuje od</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Obowiązuje do</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Dostawca</translation>
    </message>
    <message>
        <source>Vendor case</source>
        <translation>Zgłoszenie u dostawcy</translation>
    </message>
    <message>
        <source>Vendor follow-up due</source>
        <translation>Termin kontaktu z dostawcą</translation>
    </message>
    <message>
        <source>Vendor follow-up: {0}</source>
        <translation>Kontakt z dostawcą: {0}</translation>
    </message>
    <message>
        <source>Verified with requester</source>
        <translation>Potwierdzono ze zgłaszającym</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>Czeka na klienta</translation>
    </message>
    <message>
        <source>Waiting on third party</source>
        <translation>Czeka na stronę trzecią</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Osobiście</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Ostrzeżenie</translation>
    </message>
    <message>
        <source>Warning at {0}</source>
        <translation>Ostrzeżenie o {0}</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Strona internetowa</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Środa</translation>
    </message>
    <message>
        <source>What runs where, and how to reach it.</source>
        <translation>Co gdzie działa i jak się z tym połączyć.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>When and where it happens</source>
        <translation>Kiedy i gdzie występuje</translation>
    </message>
    <message>
        <source>Which callers are VIPs and what that means for their tickets.</source>
        <translation>Którzy dzwoniący są osobami VIP i co to oznacza dla ich zgłoszeń.</translation>
    </message>
    <message>
        <source>Which work needs the client&apos;s approval, from whom, and the after-hours rules.</source>
        <translation>Jakie prace wymagają zgody klienta, kto jej udziela, oraz zasady poza godzinami pracy.</translation>
    </message>
    <message>
        <source>Who the client is, where they are and what their contract covers.</source>
        <translation>Kim jest klient, gdzie się znajduje i co obejmuje jego umowa.</translation>
    </message>
    <message>
        <source>Who to call, in which order, per severity; the client&apos;s vendors whose tickets we open.</source>
        <translation>Do kogo dzwonić i w jakiej kolejności, zależnie od wagi problemu; dostawcy klienta, u których otwieramy zgłoszenia.</translation>
    </message>
    <message>
        <source>Whole client</source>
        <translation>Cały klient</translation>
    </message>
    <message>
        <source>WinRM</source>
        <translation>WinRM</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Praca</translation>
    </message>
    <message>
        <source>Work needing approval</source>
        <translation>Prace wymagające zgody</translation>
    </message>
    <message>
        <source>Workaround in place</source>
        <translation>Zastosowano obejście</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Twoje konto nie ma uprawnień do tej czynności.</translation>
    </message>
    <message>
        <source>Your account may not change onboarding data.</source>
        <translation>Twoje konto nie ma uprawnień do zmiany danych wdrożenia klienta.</translation>
    </message>
    <message>
        <source>Your account may not change tickets.</source>
        <translation>Twoje konto nie ma uprawnień do zmiany zgłoszeń.</translation>
    </message>
    <message>
        <source>Your company&apos;s name, as clients know it</source>
        <translation>Nazwa Twojej firmy, pod którą znają ją klienci</translation>
    </message>
    <message>
        <source>Your old vault password cannot be recovered, and nobody can read it back. A reset makes you a new key pair under a new password and signs out your remembered devices. Until an administrator compares your new fingerprint with you, signs your key and restores your access (the same vaults as before), you cannot open any credentials.</source>
        <translation>Twojego starego hasła sejfu nie da się odzyskać i nikt nie może go odczytać. Reset tworzy dla Ciebie nową parę kluczy z nowym hasłem i wylogowuje Twoje zapamiętane urządzenia. Dopóki administrator nie porówna z Tobą nowego odcisku klucza, nie podpisze Twojego klucza i nie przywróci Ci dostępu (do tych samych sejfów co wcześniej), nie możesz otwierać żadnych poświadczeń.</translation>
    </message>
    <message>
        <source>another technician</source>
        <extracomment>A compare cell shows this much of a long text; the panes below show all of it. Fields in the order the ticket form shows them, so the compare reads like the form. Role holding a cell&apos;s whole text. Discard my edits and load the stored ticket. Show where mine and theirs differ before deciding. Keep my edits on screen; saving still conflicts until I reload or overwrite. Back to the editor with my edits, nothing decided. Discard mine, load theirs. Save mine over theirs, knowingly (their version becomes the expected one).</extracomment>
        <translation>inny technik</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>w archiwum</translation>
    </message>
    <message>
        <source>at due</source>
        <translation>w chwili upływu terminu</translation>
    </message>
    <message>
        <source>by e-mail</source>
        <translation>e-mailem</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>telefonicznie</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>anulowano</translation>
    </message>
    <message>
        <source>e.g. Reboot a server in business hours</source>
        <translation>np. Ponowne uruchomienie serwera w godzinach pracy</translation>
    </message>
    <message>
        <source>end of Nth business day</source>
        <translation>koniec N. dnia roboczego</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>dodatkowo</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>godz.</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>osobiście</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>wewnętrznie</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>min</translation>
    </message>
    <message>
        <source>moved to another queue</source>
        <translation>przeniesiono do innej kolejki</translation>
    </message>
    <message>
        <source>moved to the next tier</source>
        <translation>przekazano do następnej linii wsparcia</translation>
    </message>
    <message>
        <source>next update</source>
        <translation>następna informacja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>no: only where the client allows data to leave through the session</source>
        <translation>nie: tylko tam, gdzie klient zezwala na wynoszenie danych przez sesję</translation>
    </message>
    <message>
        <source>not met (ticket closed)</source>
        <translation>niedotrzymany (zgłoszenie zamknięte)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>jeszcze nie</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notatki</translation>
    </message>
    <message>
        <source>notified the assignee</source>
        <translation>powiadomiono osobę przypisaną</translation>
    </message>
    <message>
        <source>notified the queue</source>
        <translation>powiadomiono kolejkę</translation>
    </message>
    <message>
        <source>notified the team lead</source>
        <translation>powiadomiono lidera zespołu</translation>
    </message>
    <message>
        <source>one-time code</source>
        <translation>kod jednorazowy</translation>
    </message>
    <message>
        <source>password</source>
        <translation>hasło</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>klucz prywatny</translation>
    </message>
    <message>
        <source>raised the priority</source>
        <translation>podniesiono priorytet</translation>
    </message>
    <message>
        <source>ref. {0}</source>
        <translation>nr ref. {0}</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>rozwiązania</translation>
    </message>
    <message>
        <source>response</source>
        <extracomment>How often the sweep runs: levels and warnings fire at most this late.</extracomment>
        <translation>reakcji</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>ktoś</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>ktoś inny</translation>
    </message>
    <message>
        <source>the protocol hello</source>
        <translation>powitanie protokołu</translation>
    </message>
    <message>
        <source>time-out (no answer)</source>
        <translation>przekroczony limit czasu (brak odpowiedzi)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>nieznany</translation>
    </message>
    <message>
        <source>username</source>
        <translation>nazwa użytkownika</translation>
    </message>
    <message>
        <source>window</source>
        <translation>okno</translation>
    </message>
    <message>
        <source>with the requester</source>
        <translation>ze zgłaszającym</translation>
    </message>
    <message>
        <source>{0} (inactive)</source>
        <translation>{0} (nieaktywny)</translation>
    </message>
    <message>
        <source>{0} OK</source>
        <translation>OK: {0}</translation>
    </message>
    <message>
        <source>{0} after due</source>
        <translation>{0} po terminie</translation>
    </message>
    <message>
        <source>{0} before due</source>
        <translation>{0} przed terminem</translation>
    </message>
    <message>
        <source>{0} business time left</source>
        <translation>Pozostało {0} w godzinach pracy</translation>
    </message>
    <message>
        <source>{0} business time left when it resumes</source>
        <translation>Po wznowieniu pozostanie {0} w godzinach pracy</translation>
    </message>
    <message>
        <source>{0} business time overdue</source>
        <translation>Przekroczono o {0} w godzinach pracy</translation>
    </message>
    <message>
        <source>{0} business time overdue when it paused</source>
        <translation>W chwili wstrzymania przekroczono o {0} w godzinach pracy</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>{0} by {1} ({2}) on {3}, recorded by {4}</source>
        <translation>{0} przez: {1} ({2}), {3}; zapisał(a): {4}</translation>
    </message>
    <message>
        <source>{0} changed the branding meanwhile; close and reopen it.</source>
        <translation>{0} zmienił w międzyczasie branding; zamknij go i otwórz ponownie.</translation>
    </message>
    <message>
        <source>{0} changed this in the meantime; it was reloaded.</source>
        <translation>{0} zmienił to w międzyczasie; wczytano ponownie.</translation>
    </message>
    <message>
        <source>{0} changed this ticket meanwhile; what you typed is kept, try again.</source>
        <translation>{0} zmienił w międzyczasie to zgłoszenie; wpisany tekst zostaje zachowany, spróbuj ponownie.</translation>
    </message>
    <message>
        <source>{0} escalation ({1}): {2}</source>
        <translation>{0}: eskalacja ({1}): {2}</translation>
    </message>
    <message>
        <source>{0} failed ({1})</source>
        <translation>błąd ({1}): {0}</translation>
    </message>
    <message>
        <source>{0} failed at {1}</source>
        <translation>błąd na etapie {1}: {0}</translation>
    </message>
    <message>
        <source>{0} gave you “{1}”.</source>
        <translation>{0} przypisał Ci „{1}”.</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} godz.</translation>
    </message>
    <message>
        <source>{0} h {1} m</source>
        <translation>{0} godz. {1} min</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} godz. {1} min</translation>
    </message>
    <message>
        <source>{0} m</source>
        <extracomment>A real minus sign: a hyphen reads as a dash in a narrow column. Shown for &quot;no clock&quot; (no SLA, cancelled, no due instant). From this many business hours on, a duration is shown in whole hours. Never in days: a &quot;day&quot; of business time is ambiguous (8 h? 24 h?), which sla.md D4 rules out; a 10-business-day target reads &quot;80 h&quot;. No clock: no SLA applies, or it was cancelled. Running, in time. Running, past its warning instant. Past due now, or met after the due instant. Text colours: mid-tones that stay readable on light and dark palettes. NORMAL has none (the palette&apos;s own text colour). Translucent cell tints (red, green, blue, alpha) for cells that need attention: over a white or a dark base they stay light or dark enough for the palette&apos;s own text colour. State chip colours (background, text): fixed pairs, like the ticket header&apos;s chips.</extracomment>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} not tested</source>
        <translation>nie testowano: {0}</translation>
    </message>
    <message>
        <source>{0} saved this article meanwhile; reopen it to see their version.</source>
        <translation>{0} zapisał w międzyczasie ten artykuł; otwórz go ponownie, aby zobaczyć jego wersję.</translation>
    </message>
    <message>
        <source>{0} warning at {1}</source>
        <translation>ostrzeżenie na etapie {1}: {0}</translation>
    </message>
    <message>
        <source>{0} · {1} · version {2} · {3} by {4}</source>
        <translation>{0} · {1} · wersja {2} · {3}, {4}</translation>
    </message>
    <message>
        <source>{0}: not accepted ({1}).</source>
        <extracomment>(field, code) → sentence; (None, code) matches any field.</extracomment>
        <translation>{0}: wartość odrzucona ({1}).</translation>
    </message>
    <message>
        <source>{0}: target breached</source>
        <translation>{0}: cel przekroczony</translation>
    </message>
    <message>
        <source>{0}: warning, the target is at risk</source>
        <translation>{0}: ostrzeżenie, cel jest zagrożony</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>{name} has no database login of their own: there is nothing to disable.</source>
        <translation>{name} nie ma własnego loginu bazy danych: nie ma czego wyłączyć.</translation>
    </message>
    <message>
        <source>“{0}” was routed to you.</source>
        <translation>Zgłoszenie „{0}” skierowano do Ciebie.</translation>
    </message>
    <message>
        <source>“{earlier}” and “{later}” can match the same ticket and set {differences} differently; the earlier rule’s value is kept.</source>
        <translation>„{earlier}” i „{later}” mogą pasować do tego samego zgłoszenia i różnie ustawiać: {differences}; zachowywana jest wartość wcześniejszej reguły.</translation>
    </message>
    <message>
        <source>“{later}” never fires: “{earlier}” comes first, matches every ticket it would and stops.</source>
        <translation>„{later}” nigdy się nie uruchomi: „{earlier}” jest wcześniej, pasuje do każdego zgłoszenia, do którego pasowałaby ta reguła, i kończy przetwarzanie.</translation>
    </message>
    <message>
        <source>★ VIP</source>
        <translation>★ VIP</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiuj</translation>
    </message>
    <message>
        <source>&lt;b&gt;MSP Helpdesk {0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;MSP Helpdesk {0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;MSP Helpdesk&lt;/b&gt;</source>
        <extracomment>What was read, or None until it lands (or if reading failed).</extracomment>
        <translation>&lt;b&gt;MSP Helpdesk&lt;/b&gt;</translation>
    </message>
    <message>
        <source>About MSP Helpdesk</source>
        <translation>O programie MSP Helpdesk</translation>
    </message>
    <message>
        <source>Backend: {0}</source>
        <translation>Silnik: {0}</translation>
    </message>
    <message>
        <source>Copy these details, for a support request</source>
        <translation>Skopiuj te informacje do zgłoszenia w pomocy technicznej</translation>
    </message>
    <message>
        <source>Could not read the database details: {0}</source>
        <translation>Nie udało się odczytać informacji o bazie danych: {0}</translation>
    </message>
    <message>
        <source>Data directory: {0}</source>
        <translation>Katalog danych: {0}</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Baza danych: {0}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>Log file: {0}</source>
        <translation>Plik dziennika: {0}</translation>
    </message>
    <message>
        <source>Schema revision: {0}</source>
        <translation>Rewizja schematu: {0}</translation>
    </message>
    <message>
        <source>none (empty database)</source>
        <translation>brak (pusta baza danych)</translation>
    </message>
    <message>
        <source>{0} (this version knows up to {1})</source>
        <translation>{0} (ta wersja zna rewizje do {1})</translation>
    </message>
    <message>
        <source>{0} (up to date)</source>
        <translation>{0} (aktualna)</translation>
    </message>
</context>
<context>
    <name>AddCredentialDialog</name>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domena:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <extracomment>Edit only: when the password last changed, and that empty fields keep their value.</extracomment>
        <translation>&amp;Etykieta:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notatki:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>H&amp;asło:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tagi:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Na&amp;zwa użytkownika:</translation>
    </message>
    <message>
        <source>1–65535, optional</source>
        <translation>1–65535, opcjonalnie</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535.</source>
        <translation>Port to liczba od 1 do 65535.</translation>
    </message>
    <message>
        <source>Add credential</source>
        <translation>Dodaj poświadczenie</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Comma-separated, optional</source>
        <translation>Oddzielone przecinkami, opcjonalnie</translation>
    </message>
    <message>
        <source>Edit credential</source>
        <extracomment>Kinds offered; the field stays editable for others. Column widths of the plaintext metadata (app/models/vault.py). The item was stored; carries its id as text. Emitted just before the dialog accepts. The item edited; None when adding.</extracomment>
        <translation>Edytuj poświadczenie</translation>
    </message>
    <message>
        <source>Give the credential a label.</source>
        <translation>Nadaj poświadczeniu etykietę.</translation>
    </message>
    <message>
        <source>Leave empty to keep the current TOTP seed</source>
        <translation>Pozostaw puste, aby zachować obecny klucz TOTP</translation>
    </message>
    <message>
        <source>Leave empty to keep the current notes</source>
        <translation>Pozostaw puste, aby zachować obecne notatki</translation>
    </message>
    <message>
        <source>Leave empty to keep the current password</source>
        <translation>Pozostaw puste, aby zachować obecne hasło</translation>
    </message>
    <message>
        <source>Leave empty to keep the current username</source>
        <translation>Pozostaw puste, aby zachować obecną nazwę użytkownika</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nie ustawiono</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Paste the Base32 key or otpauth:// link</source>
        <extracomment>Masked like the password: the seed is as secret as it (whoever has it makes codes).</extracomment>
        <translation>Wklej klucz Base32 lub link otpauth://</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Secrets are not shown here: type only the ones to replace.</source>
        <translation>Sekrety nie są tu pokazywane: wpisz tylko te, które chcesz zastąpić.</translation>
    </message>
    <message>
        <source>TOTP s&amp;eed:</source>
        <translation>&amp;Klucz TOTP:</translation>
    </message>
    <message>
        <source>The credential changed or was removed meanwhile. Close this dialog and try again.</source>
        <translation>Poświadczenie zostało w międzyczasie zmienione lub usunięte. Zamknij to okno i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>The credential could not be saved. Try again later.</source>
        <translation>Nie udało się zapisać poświadczenia. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>You have no access to this client&apos;s vault.</source>
        <translation>Nie masz dostępu do sejfu tego klienta.</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Decyzja:</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Sposób:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Odnośnik:</translation>
    </message>
    <message>
        <source>&amp;Work:</source>
        <translation>&amp;Prace:</translation>
    </message>
    <message>
        <source>A&amp;pprover:</source>
        <translation>&amp;Zatwierdzający:</translation>
    </message>
    <message>
        <source>E-mail subject, call time, form number…</source>
        <translation>Temat e-maila, godzina rozmowy, numer formularza…</translation>
    </message>
    <message>
        <source>No authorised approver is on file for this client; add one in the onboarding form (Permissions before commencing work).</source>
        <translation>Dla tego klienta nie zapisano żadnej upoważnionej osoby zatwierdzającej; dodaj ją w formularzu wdrożenia klienta (Zgody przed rozpoczęciem prac).</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Record approval</source>
        <translation>Zapisz zgodę</translation>
    </message>
</context>
<context>
    <name>ApprovalsPanel</name>
    <message numerus="yes">
        <source>%n approval(s) required</source>
        <translation>
            <numerusform>Wymagana %n zgoda</numerusform>
            <numerusform>Wymagane %n zgody</numerusform>
            <numerusform>Wymaganych %n zgód</numerusform>
        </translation>
    </message>
    <message>
        <source>After hours: {0}</source>
        <translation>Poza godzinami pracy: {0}</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Zatwierdzono</translation>
    </message>
    <message>
        <source>Client approval</source>
        <extracomment>The rules were (re)loaded; carries the `Approvals`. The open &quot;Record approval&quot; dialog (tests drive it); None once closed.</extracomment>
        <translation>Zgoda klienta</translation>
    </message>
    <message>
        <source>Record approval…</source>
        <translation>Zapisz zgodę…</translation>
    </message>
</context>
<context>
    <name>ArticleBrowser</name>
    <message>
        <source>Image not loaded</source>
        <extracomment>Links the system browser may open when the technician clicks one. Opens a clicked http(s)/mailto link outside the app; tests replace it. Every resource the document asked for (for tests and diagnostics), never fetched.</extracomment>
        <translation>Nie wczytano obrazu</translation>
    </message>
</context>
<context>
    <name>ArticleEditorDialog</name>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>Edytuj {0}</translation>
    </message>
    <message>
        <source>Global (every client)</source>
        <translation>Globalny (dla każdego klienta)</translation>
    </message>
    <message>
        <source>Make it a global article (for every client)</source>
        <translation>Ustaw jako artykuł globalny (dla każdego klienta)</translation>
    </message>
    <message>
        <source>New KB article</source>
        <translation>Nowy artykuł KB</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Save solution to KB</source>
        <extracomment>Pause in typing before the preview is rendered again (ms).</extracomment>
        <translation>Zapisz rozwiązanie w KB</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Podsumowanie</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tagi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>What did you change?</source>
        <translation>Co zmieniono?</translation>
    </message>
    <message>
        <source>Words separated by spaces or commas</source>
        <translation>Słowa oddzielone spacjami lub przecinkami</translation>
    </message>
    <message>
        <source>e.g. End-user computing › Outlook</source>
        <translation>np. Stanowiska użytkowników › Outlook</translation>
    </message>
</context>
<context>
    <name>ArticleReaderDialog</name>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>A backup or restore is already running.</source>
        <translation>Tworzenie kopii zapasowej lub przywracanie już trwa.</translation>
    </message>
    <message>
        <source>Back up database</source>
        <extracomment>A backup was written; carries its `Path`. The database now holds a restored backup; carries the `RestoreResult`. Every view must reload (and the signed-in technician may no longer exist in it). A backup or restore failed or was refused; carries the message shown. True while a backup or restore is on its way; a second one is refused meanwhile.</extracomment>
        <translation>Utwórz kopię zapasową bazy danych</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Tworzenie kopii zapasowej bazy danych…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Sprawdzanie kopii zapasowej…</translation>
    </message>
    <message>
        <source>Database backed up to {path}.</source>
        <translation>Kopię zapasową bazy danych zapisano w {path}.</translation>
    </message>
    <message>
        <source>Database backups</source>
        <translation>Kopie zapasowe bazy danych</translation>
    </message>
    <message>
        <source>Replace the database at {database} with this backup?

{file}
Schema {revision}, {size}
{clients} clients, {technicians} technicians, {tickets} tickets

A copy of the current database is kept in {backups}.</source>
        <translation>Zastąpić bazę danych {database} tą kopią zapasową?

{file}
Rewizja schematu {revision}, {size}
Klienci: {clients}, technicy: {technicians}, zgłoszenia: {tickets}

Kopia bieżącej bazy danych zostanie zachowana w {backups}.</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>Przywracanie anulowano; niczego nie zmieniono.</translation>
    </message>
    <message>
        <source>Restore database</source>
        <translation>Przywróć bazę danych</translation>
    </message>
    <message>
        <source>Restore database from backup</source>
        <translation>Przywróć bazę danych z kopii zapasowej</translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation>Przywracanie bazy danych…</translation>
    </message>
    <message>
        <source>SQLite backups (*.sqlite *.db);;All files (*)</source>
        <translation>Kopie zapasowe SQLite (*.sqlite *.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>SQLite backups (*.sqlite);;All files (*)</source>
        <translation>Kopie zapasowe SQLite (*.sqlite);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>The database as it was is kept in {path}.</source>
        <translation>Poprzednia wersja bazy danych została zachowana w {path}.</translation>
    </message>
    <message>
        <source>The database was not backed up; nothing was changed.

{reason}</source>
        <translation>Nie utworzono kopii zapasowej bazy danych; niczego nie zmieniono.

{reason}</translation>
    </message>
    <message>
        <source>The database was not restored; nothing was changed.

{reason}</source>
        <translation>Nie przywrócono bazy danych; niczego nie zmieniono.

{reason}</translation>
    </message>
    <message>
        <source>The database was restored from {file}.</source>
        <translation>Bazę danych przywrócono z pliku {file}.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of MSP Helpdesk; upgrade the app to restore it. Nothing was changed.

{reason}</source>
        <translation>Ta kopia zapasowa została utworzona przez nowszą wersję MSP Helpdesk; zaktualizuj aplikację, aby ją przywrócić. Niczego nie zmieniono.

{reason}</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server, which this app does not copy. Back it up with

    pg_dump -Fc -f FILE &lt;database&gt;

and restore it with pg_restore (usually the server administrator&apos;s job).</source>
        <translation>Ta baza danych znajduje się na serwerze PostgreSQL, a ta aplikacja nie kopiuje takich baz. Utwórz jej kopię zapasową poleceniem

    pg_dump -Fc -f FILE &lt;database&gt;

i przywróć ją poleceniem pg_restore (zwykle robi to administrator serwera).</translation>
    </message>
    <message>
        <source>Unexpected error ({error}); see the log.</source>
        <translation>Nieoczekiwany błąd ({error}); szczegóły w dzienniku.</translation>
    </message>
</context>
<context>
    <name>BreachReasonDialog</name>
    <message>
        <source>Breach reason</source>
        <translation>Przyczyna naruszenia</translation>
    </message>
    <message>
        <source>Keep the reason under {0} characters.</source>
        <translation>Przyczyna musi być krótsza (limit znaków: {0}).</translation>
    </message>
    <message>
        <source>Say why the target was missed.</source>
        <translation>Podaj, dlaczego nie dotrzymano celu.</translation>
    </message>
    <message>
        <source>Why was the {0} target missed? The client&apos;s SLA report lists this reason with the breach.</source>
        <translation>Dlaczego nie dotrzymano celu „{0}”? Raport SLA klienta podaje tę przyczynę przy naruszeniu.</translation>
    </message>
    <message>
        <source>e.g. Replacement part delivered late by the vendor</source>
        <translation>np. Dostawca z opóźnieniem dostarczył część zamienną</translation>
    </message>
</context>
<context>
    <name>BulkBar</name>
    <message>
        <source>Assign to…</source>
        <extracomment>Statuses offered in bulk: resolving and closing need a resolution per ticket. The bar shows once this many rows are selected. The selected ticket ids, in row order.</extracomment>
        <translation>Przypisz do…</translation>
    </message>
    <message>
        <source>Bulk action #{0} undone on {1} ticket(s).</source>
        <translation>Cofnięto akcję zbiorczą nr {0} (zgłoszenia: {1}).</translation>
    </message>
    <message>
        <source>Bulk action #{0}: {1} ticket(s) changed.</source>
        <translation>Akcja zbiorcza nr {0}: zmienione zgłoszenia: {1}.</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>Nikt (usuń przypisanie)</translation>
    </message>
    <message>
        <source>Priority…</source>
        <translation>Priorytet…</translation>
    </message>
    <message>
        <source>Status…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <source>The bulk action failed: {0}</source>
        <translation>Akcja zbiorcza nie powiodła się: {0}</translation>
    </message>
    <message>
        <source>Undo bulk action #{0} ({1} ticket(s))</source>
        <translation>Cofnij akcję zbiorczą nr {0} (zgłoszenia: {1})</translation>
    </message>
    <message>
        <source>Undo last bulk action</source>
        <translation>Cofnij ostatnią akcję zbiorczą</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>ktoś</translation>
    </message>
    <message>
        <source>{0} changed since by {1} — left as is.</source>
        <translation>{0} zmienił w międzyczasie {1} — pozostawiono bez zmian.</translation>
    </message>
    <message>
        <source>{0} selected</source>
        <translation>Zaznaczono: {0}</translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <source>&amp;Save calendar</source>
        <translation>&amp;Zapisz kalendarz</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Strefa czasowa:</translation>
    </message>
    <message>
        <source>Calendar: {0}</source>
        <translation>Kalendarz: {0}</translation>
    </message>
    <message>
        <source>Choose at most 50 years, between 1900 and 2200.</source>
        <translation>Wybierz najwyżej 50 lat, między 1900 a 2200.</translation>
    </message>
    <message>
        <source>Every hour counts, holidays included. The hours below are kept (and still checked) for when you switch this off.</source>
        <translation>Liczy się każda godzina, również w święta. Poniższe godziny zostają zachowane (i nadal sprawdzane) na wypadek wyłączenia tej opcji.</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Święta</translation>
    </message>
    <message>
        <source>New calendar</source>
        <translation>Nowy kalendarz</translation>
    </message>
    <message>
        <source>Open 24x7</source>
        <translation>Czynne 24x7</translation>
    </message>
    <message>
        <source>Special days (overrides)</source>
        <translation>Dni specjalne (wyjątki)</translation>
    </message>
    <message>
        <source>The calendar&apos;s hours are in this zone (the client&apos;s, not yours).</source>
        <translation>Godziny kalendarza są podane w tej strefie (klienta, nie Twojej).</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Godziny w tygodniu</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>kalendarz</translation>
    </message>
    <message>
        <source>e.g. Office hours Warsaw</source>
        <translation>np. Godziny pracy biura Warszawa</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <source>&amp;New calendar</source>
        <translation>&amp;Nowy kalendarz</translation>
    </message>
    <message>
        <source>24x7</source>
        <translation>24x7</translation>
    </message>
    <message>
        <source>Delete calendar?</source>
        <translation>Usunąć kalendarz?</translation>
    </message>
    <message>
        <source>Delete the calendar “{0}” with its hours, holidays and special days?</source>
        <translation>Usunąć kalendarz „{0}” wraz z godzinami, świętami i dniami specjalnymi?</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Święta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Strefa czasowa</translation>
    </message>
    <message>
        <source>Used by policies</source>
        <translation>Używany w politykach SLA</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>kalendarz</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
</context>
<context>
    <name>CallerVerificationDialog</name>
    <message>
        <source>(none)</source>
        <translation>(brak)</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Odpowiedź:</translation>
    </message>
    <message>
        <source>Ask {0} to confirm who the caller is.</source>
        <translation>Poproś o potwierdzenie tożsamości dzwoniącego: {0}.</translation>
    </message>
    <message>
        <source>Attempts left this hour: {0}</source>
        <translation>Pozostałe próby w tej godzinie: {0}</translation>
    </message>
    <message>
        <source>Call the number on file, {0}, and confirm the caller&apos;s request.</source>
        <translation>Zadzwoń pod zapisany numer {0} i potwierdź prośbę dzwoniącego.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Sprawdź</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Niepowodzenie</translation>
    </message>
    <message>
        <source>I called back</source>
        <translation>Oddzwoniono</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>Manager to ask: {0}</source>
        <translation>Zapytaj przełożonego: {0}</translation>
    </message>
    <message>
        <source>No verification rule recorded for this client: call back the number on file.</source>
        <translation>Dla tego klienta nie zapisano reguły weryfikacji: oddzwoń pod zapisany numer.</translation>
    </message>
    <message>
        <source>Number on file to call back: {0}</source>
        <translation>Zapisany numer do oddzwonienia: {0}</translation>
    </message>
    <message>
        <source>PIN on file: {0}</source>
        <translation>Zapisany PIN: {0}</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Pytanie:</translation>
    </message>
    <message>
        <source>Rule: {0} ({1})</source>
        <translation>Reguła: {0} ({1})</translation>
    </message>
    <message>
        <source>Security questions on file: {0}</source>
        <translation>Zapisane pytania zabezpieczające: {0}</translation>
    </message>
    <message>
        <source>The manager approved</source>
        <translation>Przełożony potwierdził</translation>
    </message>
    <message>
        <source>Verify by:</source>
        <translation>Sposób weryfikacji:</translation>
    </message>
    <message>
        <source>Verify caller</source>
        <extracomment>A check was recorded on the ticket; carries the `VerificationResult` (with its `Changes`). The plan was (re)loaded.</extracomment>
        <translation>Zweryfikuj dzwoniącego</translation>
    </message>
    <message>
        <source>What the caller answers</source>
        <translation>Odpowiedź dzwoniącego</translation>
    </message>
    <message>
        <source>What the caller says</source>
        <translation>Co mówi dzwoniący</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>the client&apos;s rule</source>
        <translation>reguła klienta</translation>
    </message>
    <message>
        <source>their manager</source>
        <translation>przełożony dzwoniącego</translation>
    </message>
    <message>
        <source>this contact&apos;s own rule</source>
        <translation>własna reguła tej osoby kontaktowej</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <source>✔ Verified</source>
        <translation>✔ Zweryfikowano</translation>
    </message>
    <message>
        <source>✘ Not verified</source>
        <translation>✘ Nie zweryfikowano</translation>
    </message>
</context>
<context>
    <name>CannedRepliesDialog</name>
    <message>
        <source>, only me</source>
        <translation>, tylko ja</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Gotowe odpowiedzi</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Delete the canned reply “{0}”?</source>
        <translation>Usunąć gotową odpowiedź „{0}”?</translation>
    </message>
    <message>
        <source>Every client</source>
        <translation>Każdy klient</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nowa</translation>
    </message>
    <message>
        <source>Only for me</source>
        <translation>Tylko dla mnie</translation>
    </message>
    <message>
        <source>Placeholders: {0}. Write {{{{ or }}}} for a brace.</source>
        <translation>Symbole zastępcze: {0}. Aby wstawić nawias klamrowy, wpisz {{{{ lub }}}}.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>every client</source>
        <translation>każdy klient</translation>
    </message>
</context>
<context>
    <name>CannedReplyButton</name>
    <message>
        <source>Canned reply</source>
        <translation>Gotowa odpowiedź</translation>
    </message>
    <message>
        <source>Manage canned replies…</source>
        <translation>Zarządzaj gotowymi odpowiedziami…</translation>
    </message>
    <message>
        <source>No canned replies yet</source>
        <translation>Brak gotowych odpowiedzi</translation>
    </message>
</context>
<context>
    <name>ChangePanel</name>
    <message>
        <source> on {0}</source>
        <translation> dnia {0}</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Dodaj krok</translation>
    </message>
    <message>
        <source>Approval steps</source>
        <translation>Kroki zatwierdzania</translation>
    </message>
    <message>
        <source>Approval steps (decided in order)</source>
        <translation>Kroki zatwierdzania (rozpatrywane po kolei)</translation>
    </message>
    <message>
        <source>Approve next step</source>
        <translation>Zatwierdź następny krok</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Zatwierdzający</translation>
    </message>
    <message>
        <source>Change</source>
        <extracomment>Item data role holding a step&apos;s `ApprovalStep`.</extracomment>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>Choose an approver…</source>
        <translation>Wybierz zatwierdzającego…</translation>
    </message>
    <message>
        <source>Decision note (optional)</source>
        <translation>Uwaga do decyzji (opcjonalnie)</translation>
    </message>
    <message>
        <source>Edit the plan or the steps to submit it again</source>
        <translation>Edytuj plan lub kroki, aby ponownie przesłać do zatwierdzenia</translation>
    </message>
    <message>
        <source>Implementation plan</source>
        <translation>Plan wdrożenia</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>Wdrożono</translation>
    </message>
    <message>
        <source>Reject next step</source>
        <translation>Odrzuć następny krok</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Usuń krok</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Ryzyko</translation>
    </message>
    <message>
        <source>Rollback plan</source>
        <translation>Plan wycofania</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Wycofano</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Zapisz plan</translation>
    </message>
    <message>
        <source>Scheduled window</source>
        <extracomment>The record as stored (None until loaded); edits are based on its version.</extracomment>
        <translation>Zaplanowane okno</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Rozpocznij</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Prześlij do zatwierdzenia</translation>
    </message>
    <message>
        <source>Test plan</source>
        <translation>Plan testów</translation>
    </message>
    <message>
        <source>or type a name</source>
        <translation>lub wpisz imię i nazwisko</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
    <message>
        <source>{0} (client)</source>
        <translation>{0} (klient)</translation>
    </message>
    <message>
        <source>{0} (technician)</source>
        <translation>{0} (technik)</translation>
    </message>
    <message>
        <source>{0}. {1} — {2}</source>
        <translation>{0}. {1} — {2}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Obecne hasło:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nowe hasło:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>Minimalna liczba znaków: {n}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Zmień hasło</translation>
    </message>
    <message>
        <source>Change vault password</source>
        <extracomment>The vault password was changed (emitted before the dialog closes). &quot;My password may be compromised…&quot;: open the key reset with rotation instead.</extracomment>
        <translation>Zmień hasło do sejfu</translation>
    </message>
    <message>
        <source>Choose a new vault password.</source>
        <translation>Wybierz nowe hasło do sejfu.</translation>
    </message>
    <message>
        <source>My password may be compromised…</source>
        <translation>Moje hasło mogło zostać ujawnione…</translation>
    </message>
    <message>
        <source>New keys under a new password, and new keys for every vault you hold; an administrator then signs your key and restores your access.</source>
        <translation>Nowe klucze z nowym hasłem oraz nowe klucze dla każdego sejfu, do którego masz dostęp; następnie administrator podpisuje Twój klucz i przywraca Ci dostęp.</translation>
    </message>
    <message>
        <source>That did not work. Try again later.</source>
        <translation>To się nie udało. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hasła nie są zgodne.</translation>
    </message>
    <message>
        <source>The vault password must be at least {n} characters long.</source>
        <translation>Hasło do sejfu jest za krótkie (minimalna liczba znaków: {n}).</translation>
    </message>
    <message>
        <source>The vault password must not be your e-mail address.</source>
        <translation>Hasło do sejfu nie może być Twoim adresem e-mail.</translation>
    </message>
    <message>
        <source>Type your current vault password.</source>
        <translation>Wpisz obecne hasło do sejfu.</translation>
    </message>
    <message>
        <source>Wrong vault password.</source>
        <translation>Nieprawidłowe hasło do sejfu.</translation>
    </message>
    <message>
        <source>Your remembered devices keep working. Credentials are not re-encrypted; only your own keys are sealed again under the new password.</source>
        <translation>Zapamiętane urządzenia nadal działają. Poświadczenia nie są ponownie szyfrowane; tylko Twoje własne klucze zostają ponownie zabezpieczone nowym hasłem.</translation>
    </message>
    <message>
        <source>Your vault keys are disabled.</source>
        <translation>Twoje klucze sejfu są wyłączone.</translation>
    </message>
</context>
<context>
    <name>ChecklistTemplatesDialog</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nazwa</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>No&amp;wy</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>Za&amp;dania</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywny</translation>
    </message>
    <message>
        <source>Checklist templates</source>
        <extracomment>A template was stored; carries the `Changes`. The template the form edits (None = a new one).</extracomment>
        <translation>Szablony list kontrolnych</translation>
    </message>
    <message>
        <source>Checklist templates could not be read.</source>
        <translation>Nie udało się odczytać szablonów list kontrolnych.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>One task per line</source>
        <translation>Jedno zadanie w wierszu</translation>
    </message>
    <message>
        <source>Only administrators may change checklists.</source>
        <translation>Tylko administratorzy mogą zmieniać listy kontrolne.</translation>
    </message>
    <message>
        <source>Someone changed this template meanwhile; select it again.</source>
        <translation>Ktoś zmienił w międzyczasie ten szablon; wybierz go ponownie.</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Zadania</translation>
    </message>
    <message>
        <source>The template could not be saved.</source>
        <translation>Nie udało się zapisać szablonu.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
</context>
<context>
    <name>ClientReadinessPanel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Add security question…</source>
        <translation>Dodaj pytanie zabezpieczające…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>Caller verification secrets</source>
        <translation>Sekrety weryfikacji dzwoniącego</translation>
    </message>
    <message>
        <source>Cancel tests</source>
        <translation>Anuluj testy</translation>
    </message>
    <message>
        <source>Completeness</source>
        <extracomment>A load finished and the panel shows the client; carries the client id. Set to stop the running connectivity tests (None when none run). The dialog opened last (tests drive it); None once it closed.</extracomment>
        <translation>Kompletność</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dni</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wykonano</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Dotyczy</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Ostatni wynik</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Oznacz jako wykonane</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>Oznacz jako niewykonane</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <source>Nothing missing: ready for go-live.</source>
        <translation>Niczego nie brakuje: gotowe do uruchomienia.</translation>
    </message>
    <message>
        <source>Onboarding checklist</source>
        <translation>Lista kontrolna wdrożenia</translation>
    </message>
    <message>
        <source>Onboarding has not been planned yet: start it to lay out the ten days.</source>
        <translation>Wdrożenie nie zostało jeszcze zaplanowane: rozpocznij je, aby rozplanować dziesięć dni.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Odpowiedzialny</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pytanie</translation>
    </message>
    <message>
        <source>RDP, SSH and WinRM: connect, then check the hello</source>
        <translation>RDP, SSH i WinRM: połącz, a potem sprawdź powitanie protokołu</translation>
    </message>
    <message>
        <source>Re-plan dates…</source>
        <translation>Zaplanuj terminy ponownie…</translation>
    </message>
    <message>
        <source>Record result…</source>
        <translation>Zapisz wynik…</translation>
    </message>
    <message>
        <source>Remote methods</source>
        <translation>Metody zdalnego dostępu</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Remove secret</source>
        <translation>Usuń sekret</translation>
    </message>
    <message>
        <source>Remove this secret? Callers relying on it can no longer be verified by it.</source>
        <translation>Usunąć ten sekret? Dzwoniących, którzy na nim polegają, nie będzie już można nim zweryfikować.</translation>
    </message>
    <message>
        <source>Select a client to see its onboarding readiness.</source>
        <translation>Wybierz klienta, aby zobaczyć jego gotowość do wdrożenia.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Ustawiono</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>Ustaw PIN…</translation>
    </message>
    <message>
        <source>Set owner…</source>
        <translation>Ustaw odpowiedzialnego…</translation>
    </message>
    <message>
        <source>Start onboarding…</source>
        <translation>Rozpocznij wdrożenie…</translation>
    </message>
    <message>
        <source>Started {0} · go-live {1} · business days counted on: {2}</source>
        <translation>Rozpoczęto: {0} · uruchomienie: {1} · dni robocze liczone według: {2}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Krok</translation>
    </message>
    <message>
        <source>Test all</source>
        <translation>Testuj wszystkie</translation>
    </message>
    <message>
        <source>Test selected</source>
        <translation>Testuj zaznaczone</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
</context>
<context>
    <name>ClientServicePanel</name>
    <message>
        <source>Confirm the fix with the requester before a ticket is closed</source>
        <translation>Przed zamknięciem zgłoszenia potwierdź rozwiązanie ze zgłaszającym</translation>
    </message>
    <message>
        <source>Only administrators change this rule</source>
        <translation>Tylko administratorzy mogą zmieniać tę regułę</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satysfakcja</translation>
    </message>
    <message>
        <source>Time and prepaid hours</source>
        <translation>Czas i pakiet godzin</translation>
    </message>
</context>
<context>
    <name>ClientTimeWidget</name>
    <message>
        <source>12 months</source>
        <translation>12 miesięcy</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Rozliczane</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Umowa</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Poprzedni miesiąc</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Pozostało</translation>
    </message>
    <message>
        <source>Less than 10 % of the block is left.</source>
        <translation>Z pakietu pozostało mniej niż 10 %.</translation>
    </message>
    <message>
        <source>Non-billable</source>
        <translation>Nierozliczane</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Overdrawn: bill the extra time or top up the block.</source>
        <translation>Pakiet przekroczony: zafakturuj dodatkowy czas lub doładuj pakiet.</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>Opłacone</translation>
    </message>
    <message>
        <source>This client has no prepaid block of hours.</source>
        <translation>Ten klient nie ma pakietu godzin.</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bieżący miesiąc</translation>
    </message>
    <message>
        <source>Total</source>
        <extracomment>Below this share of the block left, the balance is shown as a warning.</extracomment>
        <translation>Łącznie</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Wykorzystano</translation>
    </message>
    <message>
        <source>{0} overdrawn</source>
        <translation>Przekroczono o {0}</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakty</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Poświadczenia</translation>
    </message>
    <message>
        <source>No client matches this search.</source>
        <translation>Żaden klient nie pasuje do wyszukiwania.</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notatki:</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Wdrażanie</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Gotowość</translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <extracomment>Quiet time after the last keystroke before the search runs (architecture.md §3.1). Change kinds that alter what this view shows. &quot;ticket&quot; moves the open-ticket counts. Badge colours per client status: (background, text); readable on light and dark themes. The user (or `select_client`) selected a client; carries its id. The Service tab (CSAT and time), if given. Tests the remote methods a save of the Onboarding tab&apos;s remote section adds or moves. The Credentials tab; None without a vault session. The Onboarding tab; None without the onboarding service and the technician. The Readiness tab (score, checklist, remote methods, caller secrets), if given. The Wiki tab: the client&apos;s start page and call-handling rules, if given. Ids of the latest list and detail queries; older results are dropped. The client whose detail is shown (or loading); None when nothing is selected. A client `select_client` asked for before the list holding it arrived. True once a list query was started; the first `showEvent` starts one otherwise. A change arrived while hidden; reload on the next `showEvent`.</extracomment>
        <translation>Szukaj po nazwie lub kodzie</translation>
    </message>
    <message>
        <source>Select a client to see its contacts and sites.</source>
        <translation>Wybierz klienta, aby zobaczyć jego kontakty i lokalizacje.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Obsługa</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Lokalizacje</translation>
    </message>
    <message>
        <source>The clients could not be loaded. Try again later.</source>
        <translation>Nie udało się wczytać klientów. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>There are no clients yet.</source>
        <translation>Nie ma jeszcze żadnych klientów.</translation>
    </message>
    <message>
        <source>This client could not be loaded. Try again later.</source>
        <translation>Nie udało się wczytać tego klienta. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Strefa czasowa:</translation>
    </message>
    <message>
        <source>Wiki</source>
        <translation>Wiki</translation>
    </message>
</context>
<context>
    <name>ClockCard</name>
    <message>
        <source>({0} business time over)</source>
        <translation>(przekroczenie o {0} w godzinach pracy)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulowany</translation>
    </message>
    <message>
        <source>Due {0}</source>
        <translation>Termin: {0}</translation>
    </message>
    <message>
        <source>Edit reason…</source>
        <translation>Edytuj przyczynę…</translation>
    </message>
    <message>
        <source>Met at {0}</source>
        <translation>Dotrzymano: {0}</translation>
    </message>
    <message>
        <source>Met late at {0}</source>
        <translation>Dotrzymano z opóźnieniem: {0}</translation>
    </message>
    <message>
        <source>No due time</source>
        <translation>Brak terminu</translation>
    </message>
    <message>
        <source>No due time while the ticket waits; it resumes with the ticket</source>
        <translation>Brak terminu, gdy zgłoszenie czeka; zegar wznowi się razem ze zgłoszeniem</translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation>Nie zapisano przyczyny</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Po terminie</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Wstrzymany</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <extracomment>The reason recorded on the clock shown (&quot;&quot; when none).</extracomment>
        <translation>Przyczyna: {0}</translation>
    </message>
    <message>
        <source>Record reason…</source>
        <extracomment>How often the countdowns move on (architecture §3.1: SLA displays tick every 30 s). &quot;Record reason…&quot; was pressed on a breached clock; carries its `TargetKind`. The countdown or outcome, in the state&apos;s colour.</extracomment>
        <translation>Zapisz przyczynę…</translation>
    </message>
    <message>
        <source>Target {0}</source>
        <translation>Cel: {0}</translation>
    </message>
    <message>
        <source>Why the target was missed, for the client report</source>
        <translation>Dlaczego nie dotrzymano celu — do raportu dla klienta</translation>
    </message>
    <message>
        <source>breached {0}</source>
        <translation>przekroczono {0}</translation>
    </message>
    <message>
        <source>paused {0} in total</source>
        <translation>łącznie wstrzymany przez {0}</translation>
    </message>
    <message>
        <source>reopened {0}×</source>
        <translation>ponownie otwarty {0}×</translation>
    </message>
    <message>
        <source>warning {0}</source>
        <translation>ostrzeżenie {0}</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>Pozostało {0}</translation>
    </message>
    <message>
        <source>{0} left when it resumes</source>
        <translation>Po wznowieniu pozostanie {0}</translation>
    </message>
    <message>
        <source>{0} overdue</source>
        <translation>{0} po terminie</translation>
    </message>
    <message>
        <source>{0} overdue when it resumes</source>
        <translation>Po wznowieniu {0} po terminie</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>&amp;Answered now</source>
        <translation>Wypełniona &amp;teraz</translation>
    </message>
    <message>
        <source>&amp;Declined</source>
        <translation>&amp;Odrzucona</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Sposób</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notatka</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Kiedy</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <source>Close ticket</source>
        <translation>Zamknij zgłoszenie</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>Ko&amp;mentarz</translation>
    </message>
    <message>
        <source>Confirmed with the requester (optional)</source>
        <translation>Potwierdzono ze zgłaszającym (opcjonalnie)</translation>
    </message>
    <message>
        <source>Confirmed with the requester (required)</source>
        <translation>Potwierdzono ze zgłaszającym (wymagane)</translation>
    </message>
    <message>
        <source>Confirmed with the requester {0} at {1}.</source>
        <translation>Potwierdzono ze zgłaszającym {0}, {1}.</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>Ankieta satysfakcji</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Ocena</translation>
    </message>
    <message>
        <source>Score {0} of 5</source>
        <translation>Ocena {0} z 5</translation>
    </message>
    <message>
        <source>Survey &amp;sent</source>
        <translation>&amp;Wysłana</translation>
    </message>
    <message>
        <source>Ta&amp;ken</source>
        <translation>Sposób &amp;zebrania</translation>
    </message>
    <message>
        <source>The requester&apos;s own words (optional)</source>
        <translation>Słowa zgłaszającego (opcjonalnie)</translation>
    </message>
    <message>
        <source>Who confirmed, and what they said</source>
        <translation>Kto potwierdził i co powiedział</translation>
    </message>
</context>
<context>
    <name>ClosurePanel</name>
    <message>
        <source>(for an earlier resolution)</source>
        <translation>(dla wcześniejszego rozwiązania)</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Zamknij…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Confirmed {0} at {1}.</source>
        <translation>Potwierdzono {0}, {1}.</translation>
    </message>
    <message>
        <source>Not confirmed (optional for this client).</source>
        <translation>Nie potwierdzono (opcjonalne dla tego klienta).</translation>
    </message>
    <message>
        <source>Not resolved yet.</source>
        <translation>Jeszcze nie rozwiązano.</translation>
    </message>
    <message>
        <source>Not yet confirmed — this client wants it before closing.</source>
        <translation>Jeszcze nie potwierdzono — ten klient wymaga potwierdzenia przed zamknięciem.</translation>
    </message>
    <message>
        <source>Permanent fix</source>
        <translation>Trwała naprawa</translation>
    </message>
    <message>
        <source>Reopen ticket</source>
        <translation>Otwórz ponownie zgłoszenie</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Otwórz ponownie…</translation>
    </message>
    <message>
        <source>Resolution</source>
        <extracomment>The closure facts as last read; None until loaded. The dialog opened last by a button (kept so it is not garbage collected).</extracomment>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Rozwiąż…</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Ankieta</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Potwierdzenie</translation>
    </message>
    <message>
        <source>Why is the ticket reopened? (what the requester reported)</source>
        <translation>Dlaczego zgłoszenie jest otwierane ponownie? (co przekazał zgłaszający)</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>Obejście</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>&amp;Back to editing</source>
        <translation>&amp;Wróć do edycji</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>&amp;Nadpisz moją wersją</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>Wczytaj &amp;zapisaną wersję</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>Save your values over theirs; their changes to these fields are lost</source>
        <translation>Zapisz swoje wartości w miejsce zapisanych; zmiany drugiej osoby w tych polach zostaną utracone</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Zapisana wersja</translation>
    </message>
    <message>
        <source>These fields differ between what you typed and what {0} saved. Nothing has been saved yet.</source>
        <translation>Te pola różnią się między tym, co wpisano, a tym, co zapisał(a) {0}. Nic jeszcze nie zostało zapisane.</translation>
    </message>
    <message>
        <source>Your edits and {0}&apos;s version</source>
        <translation>Twoje zmiany i wersja użytkownika {0}</translation>
    </message>
    <message>
        <source>Your fields match the stored ticket; only the version differs.</source>
        <translation>Twoje pola są zgodne z zapisanym zgłoszeniem; różni się tylko wersja.</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Twoja wersja</translation>
    </message>
</context>
<context>
    <name>ConnectButton</name>
    <message>
        <source>

Credential: {0} (reveal it on the client&apos;s Credentials tab)</source>
        <translation>

Poświadczenie: {0} (odkryj je na karcie Poświadczenia klienta)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Połącz</translation>
    </message>
    <message>
        <source>Forget host key / certificate</source>
        <translation>Zapomnij klucz hosta / certyfikat</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>No instructions recorded.</source>
        <translation>Brak zapisanych instrukcji.</translation>
    </message>
    <message>
        <source>No remote methods recorded: fill in the client&apos;s Remote connectivity</source>
        <translation>Brak zapisanych metod zdalnego dostępu: uzupełnij sekcję Zdalny dostęp klienta</translation>
    </message>
    <message>
        <source>Open a remote session to the client with its stored credential</source>
        <translation>Otwórz sesję zdalną z klientem, używając zapisanego poświadczenia</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>&amp;Polityka SLA:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>(nieaktywna)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Create a policy first (Policies tab).</source>
        <translation>Najpierw utwórz politykę SLA (karta Polityki).</translation>
    </message>
    <message>
        <source>Edit contract</source>
        <extracomment>The contract was stored; carries the `ConfigSaved`. Emitted just before accepting.</extracomment>
        <translation>Edytuj umowę</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>Nowa umowa</translation>
    </message>
    <message>
        <source>Open-ended</source>
        <translation>Bezterminowa</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Ważna &amp;od:</translation>
    </message>
    <message>
        <source>Valid &amp;to (last day):</source>
        <translation>Ważna &amp;do (ostatni dzień):</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>umowa</translation>
    </message>
    <message>
        <source>e.g. Managed services 2026</source>
        <translation>np. Usługi zarządzane 2026</translation>
    </message>
</context>
<context>
    <name>ContractsPanel</name>
    <message>
        <source>&amp;Add contract…</source>
        <translation>&amp;Dodaj umowę…</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Klient:</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edytuj…</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>(nieaktywna)</translation>
    </message>
    <message>
        <source>(none — use global default)</source>
        <translation>(brak — użyj domyślnej globalnej)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contracts of this client&lt;/b&gt;</source>
        <translation>&lt;b&gt;Umowy tego klienta&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A ticket uses the policy of the contract valid when it was created, else the client&apos;s default policy, else the global default. Existing tickets keep the policy chosen when they were created.</source>
        <translation>Zgłoszenie korzysta z polityki SLA umowy obowiązującej w chwili jego utworzenia, a jeśli takiej nie ma — z domyślnej polityki klienta, w ostateczności z domyślnej polityki globalnej. Istniejące zgłoszenia zachowują politykę wybraną przy ich utworzeniu.</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Umowa</translation>
    </message>
    <message>
        <source>Default &amp;policy:</source>
        <translation>Domyślna &amp;polityka SLA:</translation>
    </message>
    <message>
        <source>Delete contract?</source>
        <translation>Usunąć umowę?</translation>
    </message>
    <message>
        <source>Delete the contract “{0}”? Existing tickets keep their policy; new tickets fall back to the client&apos;s default.</source>
        <translation>Usunąć umowę „{0}”? Istniejące zgłoszenia zachowają swoją politykę SLA; nowe otrzymają domyślną politykę klienta.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Polityka SLA</translation>
    </message>
    <message>
        <source>Save default policy</source>
        <extracomment>Something was stored; carries the `Changes` to announce. The client&apos;s stored default policy, chosen again after the policy list reloads. The client the messages and the table are about.</extracomment>
        <translation>Zapisz domyślną politykę</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Ważna od</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Ważna do</translation>
    </message>
    <message>
        <source>client</source>
        <translation>klient</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>umowa</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>bezterminowo</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>MSP Helpdesk crash report</source>
        <translation>Raport o awarii MSP Helpdesk</translation>
    </message>
    <message>
        <source>Something went wrong and MSP Helpdesk could not finish what it was doing.

A crash report was written to:
{0}

Passwords in it are masked. Send it to your administrator if this happens again.</source>
        <extracomment>A report was written; carries its path as text (emitted from any thread). The box currently shown (None once closed).</extracomment>
        <translation>Coś poszło nie tak i MSP Helpdesk nie mógł dokończyć bieżącej operacji.

Raport o awarii zapisano w:
{0}

Hasła są w nim zamaskowane. Jeśli to się powtórzy, wyślij go administratorowi.</translation>
    </message>
</context>
<context>
    <name>CsatTrendChart</name>
    <message>
        <source>{0}: {1} ({2} answers)</source>
        <extracomment>Bar colours by average: good, fair, poor (the threshold a service review would flag).</extracomment>
        <translation>{0}: {1} (odpowiedzi: {2})</translation>
    </message>
</context>
<context>
    <name>CsatWidget</name>
    <message>
        <source>Average satisfaction</source>
        <extracomment>The figures shown; None until loaded.</extracomment>
        <translation>Średnia satysfakcja</translation>
    </message>
    <message>
        <source>Customer satisfaction (last 12 months)</source>
        <translation>Satysfakcja klientów (ostatnie 12 miesięcy)</translation>
    </message>
    <message>
        <source>No surveys in this period.</source>
        <translation>Brak ankiet w tym okresie.</translation>
    </message>
    <message>
        <source>Response rate {0} %</source>
        <translation>Odsetek odpowiedzi: {0} %</translation>
    </message>
    <message>
        <source>{0} / 5</source>
        <translation>{0} / 5</translation>
    </message>
    <message>
        <source>{0} answered, {1} sent without answer, {2} declined</source>
        <translation>Wypełnione: {0}, wysłane bez odpowiedzi: {1}, odrzucone: {2}</translation>
    </message>
</context>
<context>
    <name>DeleteCredentialDialog</name>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <source>At least {n} characters, e.g. the ticket</source>
        <translation>Minimalna liczba znaków: {n}, np. numer zgłoszenia</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Delete credential</source>
        <extracomment>vault.md §8.5: a deletion needs a reason of at least 5 characters (the service checks too). The item was deleted; carries its id as text. Emitted just before the dialog accepts.</extracomment>
        <translation>Usuń poświadczenie</translation>
    </message>
    <message>
        <source>Give a reason of at least {n} characters.</source>
        <translation>Podaj powód (minimalna liczba znaków: {n}).</translation>
    </message>
    <message>
        <source>The credential and its stored secrets are deleted for good; this cannot be undone. The deletion and your reason are recorded in the audit log.</source>
        <translation>Poświadczenie i zapisane w nim sekrety zostaną usunięte na zawsze; tej operacji nie można cofnąć. Usunięcie i jego powód zostaną zapisane w dzienniku audytu.</translation>
    </message>
    <message>
        <source>The credential could not be deleted. Try again later.</source>
        <translation>Nie udało się usunąć poświadczenia. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>The credential could not be deleted; it may have been removed meanwhile.</source>
        <translation>Nie udało się usunąć poświadczenia; mogło zostać w międzyczasie usunięte.</translation>
    </message>
    <message>
        <source>You have no access to this client&apos;s vault.</source>
        <translation>Nie masz dostępu do sejfu tego klienta.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Choose your vault password. It protects your vault keys and is never stored; use a different password from your sign-in.</source>
        <translation>Wybierz hasło do sejfu. Chroni ono Twoje klucze sejfu i nigdy nie jest zapisywane; użyj innego hasła niż do logowania.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Enrol</source>
        <extracomment>The technician now has keys (and this session is unlocked).</extracomment>
        <translation>Zarejestruj</translation>
    </message>
    <message>
        <source>Enrol in the credential vault</source>
        <translation>Rejestracja w sejfie poświadczeń</translation>
    </message>
    <message>
        <source>Organisation fingerprint:</source>
        <translation>Odcisk klucza organizacji:</translation>
    </message>
    <message>
        <source>Your fingerprint:</source>
        <translation>Twój odcisk klucza:</translation>
    </message>
    <message>
        <source>Your vault keys are ready.</source>
        <translation>Twoje klucze sejfu są gotowe.</translation>
    </message>
</context>
<context>
    <name>EntitlementCardView</name>
    <message>
        <source> — over-used</source>
        <translation> — przekroczono</translation>
    </message>
    <message>
        <source>, on-site</source>
        <translation>, na miejscu</translation>
    </message>
    <message>
        <source>24x7</source>
        <translation>24x7</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Dzwoniący</translation>
    </message>
    <message>
        <source>Caller is a VIP: {0}</source>
        <translation>Dzwoniący jest VIP-em: {0}</translation>
    </message>
    <message>
        <source>Caller&apos;s open tickets</source>
        <translation>Otwarte zgłoszenia dzwoniącego</translation>
    </message>
    <message>
        <source>Check the out-of-scope list before starting work.</source>
        <translation>Przed rozpoczęciem pracy sprawdź listę wyłączeń z zakresu.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Client&apos;s open tickets</source>
        <translation>Otwarte zgłoszenia klienta</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Nieczynne</translation>
    </message>
    <message>
        <source>Closed, opens {0} {1}</source>
        <translation>Nieczynne, otwarcie {0} {1}</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Umowa</translation>
    </message>
    <message>
        <source>Contract exclusions: {0}</source>
        <translation>Wyłączenia z umowy: {0}</translation>
    </message>
    <message>
        <source>Contract expired on {0}.</source>
        <translation>Umowa wygasła {0}.</translation>
    </message>
    <message>
        <source>Contract starts on {0}.</source>
        <translation>Umowa obowiązuje od {0}.</translation>
    </message>
    <message>
        <source>Coverage now</source>
        <translation>Obsługa teraz</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Urządzenie</translation>
    </message>
    <message>
        <source>Device {0} is not covered: {1}</source>
        <translation>Urządzenie {0} nie jest objęte obsługą: {1}</translation>
    </message>
    <message>
        <source>Find the caller, a device serial or a contract number.</source>
        <translation>Znajdź dzwoniącego, numer seryjny urządzenia lub numer umowy.</translation>
    </message>
    <message>
        <source>For VIP callers: {0}</source>
        <translation>Dla dzwoniących VIP: {0}</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licencje</translation>
    </message>
    <message>
        <source>Licences over-used: {0}</source>
        <translation>Przekroczone licencje: {0}</translation>
    </message>
    <message>
        <source>No SLA policy applies</source>
        <translation>Nie obowiązuje żadna polityka SLA</translation>
    </message>
    <message>
        <source>No block of hours</source>
        <translation>Brak pakietu godzin</translation>
    </message>
    <message>
        <source>No caller yet</source>
        <translation>Brak dzwoniącego</translation>
    </message>
    <message>
        <source>No contract: work is billable unless agreed otherwise.</source>
        <translation>Brak umowy: praca jest płatna, chyba że uzgodniono inaczej.</translation>
    </message>
    <message>
        <source>No method set</source>
        <translation>Nie ustawiono metody</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Brak</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Nie wybrano</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Brak zapisanych</translation>
    </message>
    <message>
        <source>Not identified</source>
        <translation>Nie zidentyfikowano</translation>
    </message>
    <message>
        <source>Nothing listed</source>
        <translation>Nic nie wymieniono</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Czynne teraz</translation>
    </message>
    <message>
        <source>Open now until {0} {1}</source>
        <translation>Czynne teraz do {0} {1}</translation>
    </message>
    <message>
        <source>Out of scope</source>
        <translation>Poza zakresem</translation>
    </message>
    <message>
        <source>Prepaid hours</source>
        <translation>Pakiet godzin</translation>
    </message>
    <message>
        <source>Prepaid hours are used up.</source>
        <translation>Pakiet godzin został wykorzystany.</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Nieznane</translation>
    </message>
    <message>
        <source>VIP rule</source>
        <translation>Reguła VIP</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Weryfikacja</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>i jeszcze {0}</translation>
    </message>
    <message>
        <source>expired on {0}</source>
        <translation>wygasła {0}</translation>
    </message>
    <message>
        <source>its contract has expired</source>
        <translation>jego umowa wygasła</translation>
    </message>
    <message>
        <source>its contract has not started</source>
        <translation>jego umowa jeszcze nie obowiązuje</translation>
    </message>
    <message>
        <source>its cover has ended</source>
        <translation>jego okres obsługi się zakończył</translation>
    </message>
    <message>
        <source>no contract covers it</source>
        <translation>nie obejmuje go żadna umowa</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>priority at least {0}</source>
        <translation>priorytet co najmniej {0}</translation>
    </message>
    <message>
        <source>starts on {0}</source>
        <translation>obowiązuje od {0}</translation>
    </message>
    <message>
        <source>straight to L2</source>
        <translation>od razu do L2</translation>
    </message>
    <message>
        <source>up to {0}</source>
        <translation>maks. {0}</translation>
    </message>
    <message>
        <source>valid until {0}</source>
        <translation>ważna do {0}</translation>
    </message>
    <message>
        <source>valid, open-ended</source>
        <translation>ważna bezterminowo</translation>
    </message>
    <message>
        <source>{0} ({1}) — {2}</source>
        <translation>{0} ({1}) — {2}</translation>
    </message>
    <message>
        <source>{0} left of {1}</source>
        <translation>Pozostało {0} z {1}</translation>
    </message>
    <message>
        <source>{0} more valid contract(s)</source>
        <translation>Inne ważne umowy: {0}</translation>
    </message>
    <message>
        <source>{0} ★ VIP</source>
        <translation>{0} ★ VIP</translation>
    </message>
    <message>
        <source>{0}: covered</source>
        <translation>{0}: objęte obsługą</translation>
    </message>
    <message>
        <source>{0}: not covered — {1}</source>
        <translation>{0}: nieobjęte obsługą — {1}</translation>
    </message>
    <message>
        <source>{0}: {1} used of {2}</source>
        <translation>{0}: użyto {1} z {2}</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>&amp;Escalate</source>
        <translation>&amp;Eskaluj</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Escalate ticket</source>
        <extracomment>Where the service&apos;s refusals are shown; the rest go to the general line. The ticket was escalated; carries the service&apos;s `Escalated`.</extracomment>
        <translation>Eskaluj zgłoszenie</translation>
    </message>
    <message>
        <source>Escalated to {0} — {1}.</source>
        <translation>Eskalowano do: {0} — {1}.</translation>
    </message>
    <message>
        <source>Escalation contacts to copy — {0}</source>
        <translation>Kontakty eskalacyjne do skopiowania — {0}</translation>
    </message>
    <message>
        <source>No {0} queue</source>
        <translation>Brak kolejki {0}</translation>
    </message>
    <message>
        <source>The client&apos;s contract covers up to {0} only: {1} work may be billable, or the ticket may belong with a vendor or the client&apos;s own IT.</source>
        <translation>Umowa klienta obejmuje tylko linie do {0}: praca na linii {1} może być płatna albo zgłoszenie może należeć do dostawcy lub własnego działu IT klienta.</translation>
    </message>
    <message>
        <source>Tier {0}</source>
        <translation>Linia wsparcia: {0}</translation>
    </message>
    <message>
        <source>Tier {0} → {1}</source>
        <translation>Linia wsparcia: {0} → {1}</translation>
    </message>
    <message>
        <source>To &amp;queue:</source>
        <translation>Do &amp;kolejki:</translation>
    </message>
    <message>
        <source>What was &amp;tried:</source>
        <translation>Co &amp;wypróbowano:</translation>
    </message>
    <message>
        <source>What was tried, and what happened</source>
        <translation>Co wypróbowano i z jakim skutkiem</translation>
    </message>
    <message>
        <source>Why L1 cannot solve it, e.g. needs server access</source>
        <translation>Dlaczego L1 nie może tego rozwiązać, np. potrzebny dostęp do serwera</translation>
    </message>
    <message>
        <source>no queue</source>
        <translation>bez kolejki</translation>
    </message>
    <message>
        <source>{0} keeps following the ticket.</source>
        <translation>{0} nadal obserwuje zgłoszenie.</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>Client&apos;s &amp;reference:</source>
        <translation>&amp;Numer referencyjny klienta:</translation>
    </message>
    <message>
        <source>Close case {0} with {1}. What did the vendor do?</source>
        <translation>Zamknij zgłoszenie {0} u dostawcy {1}. Co zrobił dostawca?</translation>
    </message>
    <message>
        <source>Close case…</source>
        <translation>Zamknij zgłoszenie…</translation>
    </message>
    <message>
        <source>Close vendor case</source>
        <translation>Zamknij zgłoszenie u dostawcy</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Zamknięte</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Osoba kontaktowa</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Eskaluj…</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalacja</translation>
    </message>
    <message>
        <source>Escalation ({0})</source>
        <translation>Eskalacja ({0})</translation>
    </message>
    <message>
        <source>Escalations</source>
        <extracomment>The escalate or vendor-case dialog currently open (tests drive it).</extracomment>
        <translation>Eskalacje</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Następny kontakt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otwarte</translation>
    </message>
    <message>
        <source>Open case…</source>
        <translation>Otwórz zgłoszenie…</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Numer referencyjny</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Save reference</source>
        <translation>Zapisz numer referencyjny</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Their ticket number, if they have one</source>
        <translation>Ich numer zgłoszenia, jeśli go mają</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Linia</translation>
    </message>
    <message>
        <source>Update…</source>
        <translation>Aktualizuj…</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Dostawca</translation>
    </message>
    <message>
        <source>Vendor cases</source>
        <translation>Zgłoszenia u dostawców</translation>
    </message>
    <message>
        <source>Vendor case…</source>
        <translation>Zgłoszenie u dostawcy…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Powtórz hasło:</translation>
    </message>
    <message>
        <source>An account already exists on this database. Cancel, then sign in.</source>
        <translation>W tej bazie danych istnieje już konto. Anuluj, a następnie zaloguj się.</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>Co najmniej %n znak</numerusform>
            <numerusform>Co najmniej %n znaki</numerusform>
            <numerusform>Co najmniej %n znaków</numerusform>
        </translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Utwórz konto</translation>
    </message>
    <message>
        <source>Create administrator – MSP Helpdesk</source>
        <extracomment>The created administrator once the dialog is accepted; None before.</extracomment>
        <translation>Utwórz administratora – MSP Helpdesk</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Tworzenie…</translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation>Wpisz adres e-mail w postaci nazwa@example.com.</translation>
    </message>
    <message>
        <source>The account could not be created. The log file has the details.</source>
        <translation>Nie udało się utworzyć konta. Szczegóły znajdziesz w pliku dziennika.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Try again in a moment.</source>
        <translation>Brak połączenia z bazą danych. Spróbuj ponownie za chwilę.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Hasła nie są zgodne.</translation>
    </message>
    <message>
        <source>This is a new MSP Helpdesk database. Create the administrator account.</source>
        <translation>To jest nowa baza danych MSP Helpdesk. Utwórz konto administratora.</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Użyj co najmniej %n znaku.</numerusform>
            <numerusform>Użyj co najmniej %n znaków.</numerusform>
            <numerusform>Użyj co najmniej %n znaków.</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome to MSP Helpdesk</source>
        <translation>Witamy w MSP Helpdesk</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nazwa@example.com</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Baza danych:</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>&amp;Just me on this computer</source>
        <translation>Tylko &amp;ja na tym komputerze</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serwer:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testuj połączenie</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Użytkownik:</translation>
    </message>
    <message>
        <source>A PostgreSQL server the whole team shares. Ask your administrator for:</source>
        <translation>Serwer PostgreSQL wspólny dla całego zespołu. Poproś administratora o:</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Łączenie z serwerem…</translation>
    </message>
    <message>
        <source>Details: {0}</source>
        <translation>Szczegóły: {0}</translation>
    </message>
    <message>
        <source>Everything stays in one file on this computer:
{path}</source>
        <translation>Wszystko pozostaje w jednym pliku na tym komputerze:
{path}</translation>
    </message>
    <message>
        <source>Join my &amp;team&apos;s database</source>
        <translation>&amp;Dołącz do bazy danych zespołu</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Prefer (encrypt when the server offers it)</source>
        <translation>Preferuj (szyfruj, gdy serwer to umożliwia)</translation>
    </message>
    <message>
        <source>Require (always encrypt)</source>
        <translation>Wymagaj (zawsze szyfruj)</translation>
    </message>
    <message>
        <source>SS&amp;L:</source>
        <translation>SS&amp;L:</translation>
    </message>
    <message>
        <source>Set up MSP Helpdesk</source>
        <extracomment>The running test, to cancel its callbacks when the dialog is dismissed. (password-less URL, password) of the test in flight. (password-less URL, password, report) of the last successful test of these fields. What to open, once Finish was clicked; None before (and after Cancel). Whether Finish kept the team password in the keychain. The last connection test&apos;s report, for the caller and tests.</extracomment>
        <translation>Konfiguracja MSP Helpdesk</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testowanie…</translation>
    </message>
    <message>
        <source>The connection test failed unexpectedly. Try again, or ask for help.</source>
        <translation>Test połączenia nieoczekiwanie się nie powiódł. Spróbuj ponownie lub poproś o pomoc.</translation>
    </message>
    <message>
        <source>This computer has no keychain to keep the password in: you will type it at each start.</source>
        <translation>Ten komputer nie ma pęku kluczy, w którym można przechować hasło: będziesz je wpisywać przy każdym uruchomieniu.</translation>
    </message>
    <message>
        <source>Verify (encrypt and check the certificate)</source>
        <translation>Weryfikuj (szyfruj i sprawdzaj certyfikat)</translation>
    </message>
    <message>
        <source>Welcome to MSP Helpdesk</source>
        <translation>Witamy w MSP Helpdesk</translation>
    </message>
    <message>
        <source>Where should MSP Helpdesk keep its tickets and clients?</source>
        <translation>Gdzie MSP Helpdesk ma przechowywać zgłoszenia i klientów?</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>helpdesk</source>
        <translation>helpdesk</translation>
    </message>
</context>
<context>
    <name>HolidaysWidget</name>
    <message>
        <source>&lt;b&gt;Seed public holidays&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dodaj święta państwowe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add the country&apos;s public holidays for these years. Dates already listed keep their names; nothing is removed.</source>
        <translation>Dodaj święta państwowe danego kraju dla wskazanych lat. Daty, które są już na liście, zachowują swoje nazwy; nic nie jest usuwane.</translation>
    </message>
    <message>
        <source>Country:</source>
        <extracomment>&quot;N holidays added&quot;.</extracomment>
        <translation>Kraj:</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>Problems of the table&apos;s rows, prefixed with their date. The Seed button was pressed; read `region()` and `years()`.</extracomment>
        <translation>Data</translation>
    </message>
    <message>
        <source>ISO country code whose public holidays to add</source>
        <translation>Kod ISO kraju, którego święta państwowe mają zostać dodane</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Seed public holidays</source>
        <translation>Dodaj święta państwowe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Subdivision:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>Lata:</translation>
    </message>
    <message>
        <source>e.g. PL, US, BE</source>
        <translation>np. PL, US, BE</translation>
    </message>
    <message>
        <source>optional, e.g. NY</source>
        <translation>opcjonalnie, np. NY</translation>
    </message>
    <message>
        <source>{0} holidays added.</source>
        <translation>Dodane święta: {0}.</translation>
    </message>
</context>
<context>
    <name>KbPanel</name>
    <message>
        <source>Find an article</source>
        <translation>Znajdź artykuł</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Wiedza</translation>
    </message>
    <message numerus="yes">
        <source>Knowledge (%n)</source>
        <translation>
            <numerusform>Wiedza (%n)</numerusform>
            <numerusform>Wiedza (%n)</numerusform>
            <numerusform>Wiedza (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Link to ticket</source>
        <translation>Powiąż ze zgłoszeniem</translation>
    </message>
    <message>
        <source>Linked articles</source>
        <translation>Powiązane artykuły</translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>The reader or editor dialog last opened (tests drive it).</extracomment>
        <translation>Otwórz</translation>
    </message>
    <message>
        <source>Save solution to KB…</source>
        <translation>Zapisz rozwiązanie w KB…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Wyniki wyszukiwania</translation>
    </message>
    <message>
        <source>Search the knowledge base…</source>
        <translation>Przeszukaj bazę wiedzy…</translation>
    </message>
    <message>
        <source>Suggested for this ticket</source>
        <translation>Sugerowane dla tego zgłoszenia</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Usuń powiązanie</translation>
    </message>
</context>
<context>
    <name>KeyResetDialog</name>
    <message>
        <source>All the groups of your recovery kit</source>
        <translation>Wszystkie grupy z Twojego zestawu odzyskiwania</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Forgot vault password</source>
        <translation>Nie pamiętam hasła do sejfu</translation>
    </message>
    <message>
        <source>My vault password may be compromised</source>
        <extracomment>My keys were replaced (this session now holds the new key): views reload.</extracomment>
        <translation>Moje hasło do sejfu mogło zostać ujawnione</translation>
    </message>
    <message>
        <source>Organisation fingerprint:</source>
        <translation>Odcisk klucza organizacji:</translation>
    </message>
    <message>
        <source>Read your new fingerprint to an administrator, in person or by phone. They compare it, sign your key and restore your access.</source>
        <translation>Odczytaj swój nowy odcisk klucza administratorowi — osobiście lub przez telefon. Administrator porówna go, podpisze Twój klucz i przywróci Ci dostęp.</translation>
    </message>
    <message>
        <source>Refused: {why}.</source>
        <translation>Odrzucono: {why}.</translation>
    </message>
    <message>
        <source>Reset my keys</source>
        <translation>Zresetuj moje klucze</translation>
    </message>
    <message>
        <source>That did not work. Try again later.</source>
        <translation>To się nie udało. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>The vault locked. Unlock it with your current password and try again.</source>
        <translation>Sejf został zablokowany. Odblokuj go bieżącym hasłem i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Type your recovery kit to reset.</source>
        <translation>Wpisz zestaw odzyskiwania, aby zresetować klucze.</translation>
    </message>
    <message>
        <source>Type your recovery kit.</source>
        <translation>Wpisz zestaw odzyskiwania.</translation>
    </message>
    <message>
        <source>Vaults given a new key: {n}.</source>
        <translation>Sejfy z nowym kluczem: {n}.</translation>
    </message>
    <message>
        <source>Vaults to restore: {n}.</source>
        <translation>Sejfy do przywrócenia: {n}.</translation>
    </message>
    <message>
        <source>Your new fingerprint:</source>
        <translation>Twój nowy odcisk klucza:</translation>
    </message>
    <message>
        <source>Your new vault keys are ready.</source>
        <translation>Twoje nowe klucze sejfu są gotowe.</translation>
    </message>
</context>
<context>
    <name>KnowledgeBaseView</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n artykuł</numerusform>
            <numerusform>%n artykuły</numerusform>
            <numerusform>%n artykułów</numerusform>
        </translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Wszystkie kategorie</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Wszyscy klienci</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Wszystkie tagi</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiwizuj</translation>
    </message>
    <message>
        <source>Archive {0}? It leaves search and suggestions; its links stay.</source>
        <translation>Zarchiwizować {0}? Artykuł zniknie z wyszukiwania i podpowiedzi; jego powiązania pozostaną.</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Zarchiwizowane</translation>
    </message>
    <message>
        <source>Bring {0} back into search and suggestions?</source>
        <translation>Przywrócić {0} do wyszukiwania i podpowiedzi?</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edytuj…</translation>
    </message>
    <message>
        <source>Global only</source>
        <translation>Tylko globalne</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nowy…</translation>
    </message>
    <message>
        <source>Search the knowledge base…</source>
        <extracomment>Pause in typing before a search runs (ms). Client filter values besides client ids. The editor or versions dialog last opened (tests drive it).</extracomment>
        <translation>Przeszukaj bazę wiedzy…</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Przywróć z archiwum</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Wersje…</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>The last &quot;applies from the next start&quot; notice (non-modal), for tests and re-use.</extracomment>
        <translation>&amp;Język</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>System default</source>
        <extracomment>Language code (&quot;&quot; = follow the system) → its action.</extracomment>
        <translation>Domyślny systemu</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Nowy język zostanie użyty przy następnym uruchomieniu.</translation>
    </message>
</context>
<context>
    <name>LeadsPanel</name>
    <message>
        <source>(none — administrators)</source>
        <translation>(brak — administratorzy)</translation>
    </message>
    <message>
        <source>A queue&apos;s team lead is told of SLA warnings and breaches on its tickets (escalation levels with “Notify team lead”). Without a lead, the administrators are told.</source>
        <extracomment>A lead was saved; carries the `Changes` to announce.</extracomment>
        <translation>Kierownik zespołu kolejki jest powiadamiany o ostrzeżeniach i naruszeniach SLA w jej zgłoszeniach (poziomy eskalacji z opcją „Powiadom kierownika zespołu”). Jeśli kolejka nie ma kierownika, powiadamiani są administratorzy.</translation>
    </message>
    <message>
        <source>Team lead saved.</source>
        <translation>Zapisano kierownika zespołu.</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>kierownik zespołu</translation>
    </message>
</context>
<context>
    <name>LevelRow</name>
    <message>
        <source>(choose a queue)</source>
        <translation>(wybierz kolejkę)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Level {0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Poziom {0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Business time from the due instant: -30 min = 30 minutes before, 0 = at the breach, +1 h = an hour after.</source>
        <extracomment>The two levels of the demo template (sla.md §12 seed levels): an hour before the resolution is due, the assignee and the lead hear of it; at the breach the ticket goes one tier up.</extracomment>
        <translation>Czas roboczy liczony od terminu: -30 min = 30 minut przed, 0 = w chwili naruszenia, +1 h = godzinę po.</translation>
    </message>
    <message>
        <source>Clock:</source>
        <translation>Zegar:</translation>
    </message>
    <message>
        <source>Offset from due:</source>
        <translation>Przesunięcie względem terminu:</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
</context>
<context>
    <name>LevelsEditor</name>
    <message>
        <source>Add level</source>
        <translation>Dodaj poziom</translation>
    </message>
    <message>
        <source>No escalation levels: warnings and breaches only.</source>
        <translation>Brak poziomów eskalacji: tylko ostrzeżenia i naruszenia.</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>Add link</source>
        <translation>Dodaj powiązanie</translation>
    </message>
    <message>
        <source>Cancel this ticket as a duplicate of another one</source>
        <translation>Anuluj to zgłoszenie jako duplikat innego</translation>
    </message>
    <message>
        <source>Linked tickets</source>
        <extracomment>The merge dialog opened last (kept so it is not garbage collected while open).</extracomment>
        <translation>Powiązane zgłoszenia</translation>
    </message>
    <message>
        <source>Links</source>
        <extracomment>Item data role holding the row&apos;s `LinkRow`.</extracomment>
        <translation>Powiązania</translation>
    </message>
    <message>
        <source>Links ({0})</source>
        <translation>Powiązania ({0})</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Scal z…</translation>
    </message>
    <message>
        <source>No links yet.</source>
        <translation>Brak powiązań.</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Usuń powiązanie</translation>
    </message>
    <message>
        <source>Remove the link “{0} {1}”?</source>
        <translation>Usunąć powiązanie „{0} {1}”?</translation>
    </message>
    <message>
        <source>T-000123</source>
        <translation>T-000123</translation>
    </message>
    <message>
        <source>Ticket to link</source>
        <translation>Zgłoszenie do powiązania</translation>
    </message>
    <message>
        <source>Type a ticket number like T-000123.</source>
        <translation>Wpisz numer zgłoszenia, np. T-000123.</translation>
    </message>
    <message>
        <source>{0} {1} — {2} ({3}, {4})</source>
        <translation>{0} {1} — {2} ({3}, {4})</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>Main</source>
        <translation>Główny</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;b&gt;Go to&lt;/b&gt;</source>
        <translation>&lt;b&gt;Przejdź do&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved queues&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zapisane kolejki&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klienci</translation>
    </message>
    <message>
        <source>Connection to the database lost — retrying. What you typed is kept; save again once it is back.</source>
        <translation>Utracono połączenie z bazą danych — ponawianie. Wpisane dane zostają zachowane; zapisz ponownie, gdy połączenie wróci.</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>Baza wiedzy</translation>
    </message>
    <message>
        <source>MSP Helpdesk — {name}</source>
        <extracomment>How often a lost database is probed again.</extracomment>
        <translation>MSP Helpdesk — {name}</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Raporty</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Ponów teraz</translation>
    </message>
    <message>
        <source>Signed in as {name} ({tier}) · {db}</source>
        <translation>Zalogowano jako {name} ({tier}) · {db}</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Coś poszło nie tak: {0}</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Zgłoszenia</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Into</source>
        <translation>Docelowe</translation>
    </message>
    <message>
        <source>Kept ticket</source>
        <translation>Zachowane zgłoszenie</translation>
    </message>
    <message>
        <source>Look the ticket up to see what you merge into.</source>
        <translation>Wyszukaj zgłoszenie, aby zobaczyć, z czym scalasz.</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Wyszukaj</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Scal</translation>
    </message>
    <message>
        <source>Merge {0} into…</source>
        <extracomment>The merge was stored; carries the `MergeResult`.</extracomment>
        <translation>Scal {0} z…</translation>
    </message>
    <message>
        <source>Merge {0} “{1}” into {2} “{3}”?

{0} will be cancelled. This cannot be undone.</source>
        <translation>Scalić {0} „{1}” z {2} „{3}”?

Zgłoszenie {0} zostanie anulowane. Tej operacji nie można cofnąć.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notatka</translation>
    </message>
    <message>
        <source>T-000123</source>
        <extracomment>The target as last looked up (None until a number was found).</extracomment>
        <translation>T-000123</translation>
    </message>
    <message>
        <source>The merge failed: {0}</source>
        <translation>Scalanie nie powiodło się: {0}</translation>
    </message>
    <message>
        <source>The merged ticket is cancelled and points at the kept one; its history and time entries stay with it and show on the kept ticket&apos;s timeline.</source>
        <translation>Scalone zgłoszenie zostaje anulowane i wskazuje na zachowane; jego historia i wpisy czasu pozostają przy nim i są widoczne na osi czasu zachowanego zgłoszenia.</translation>
    </message>
    <message>
        <source>There is no ticket with that number.</source>
        <translation>Nie ma zgłoszenia o tym numerze.</translation>
    </message>
    <message>
        <source>Ticket to merge into</source>
        <translation>Zgłoszenie docelowe scalenia</translation>
    </message>
    <message>
        <source>Type a ticket number like T-000123.</source>
        <translation>Wpisz numer zgłoszenia, np. T-000123.</translation>
    </message>
    <message>
        <source>Type the number of the ticket to keep.</source>
        <translation>Wpisz numer zgłoszenia, które ma zostać zachowane.</translation>
    </message>
    <message>
        <source>Why (optional), e.g. same printer</source>
        <translation>Powód (opcjonalnie), np. ta sama drukarka</translation>
    </message>
</context>
<context>
    <name>NewCallDialog</name>
    <message>
        <source>&amp;Create ticket</source>
        <translation>&amp;Utwórz zgłoszenie</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Znajdź</translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation>&amp;Otwórz zgłoszenie</translation>
    </message>
    <message>
        <source>, straight to L2</source>
        <translation>, od razu do L2</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Numer inwentarzowy</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Dzwoniący</translation>
    </message>
    <message>
        <source>Choose a client first</source>
        <translation>Najpierw wybierz klienta</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Continue &amp;without entitlement</source>
        <translation>Kontynuuj &amp;bez sprawdzania uprawnień</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Umowa</translation>
    </message>
    <message>
        <source>Contract number “{0}” exists at {1} clients — pick the caller&apos;s client.</source>
        <extracomment>Knowledge-base articles for what the caller describes (None without a KB).</extracomment>
        <translation>Numer umowy „{0}” występuje u {1} klientów — wybierz klienta dzwoniącego.</translation>
    </message>
    <message>
        <source>Create the ticket ({0})</source>
        <translation>Utwórz zgłoszenie ({0})</translation>
    </message>
    <message>
        <source>Created {0}</source>
        <translation>Utworzono {0}</translation>
    </message>
    <message>
        <source>Discard this call?</source>
        <translation>Porzucić to połączenie?</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Find the caller first, or choose the client.</source>
        <translation>Najpierw znajdź dzwoniącego albo wybierz klienta.</translation>
    </message>
    <message>
        <source>First response due {0}</source>
        <translation>Termin pierwszej reakcji: {0}</translation>
    </message>
    <message>
        <source>Found by the search, or type the client&apos;s name</source>
        <translation>Z wyników wyszukiwania albo wpisz nazwę klienta</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>Name, phone, e-mail, client, serial, asset tag, contract or licence</source>
        <translation>Imię i nazwisko, telefon, e-mail, klient, numer seryjny, numer inwentarzowy, umowa lub licencja</translation>
    </message>
    <message>
        <source>New call</source>
        <extracomment>Pause after the last keystroke before searching: a serial read out costs one query. The ticket was stored; carries its id. The user asked to open the created ticket; carries its id. A search answered and its results are listed (possibly none). The entitlement card shows the current client (and caller, device). The device and contract of the picked result (the card and the new ticket use them).</extracomment>
        <translation>Nowe połączenie</translation>
    </message>
    <message>
        <source>Next update due {0}</source>
        <translation>Termin następnej informacji: {0}</translation>
    </message>
    <message>
        <source>No device, contract or caller matches “{0}”.</source>
        <translation>Żadne urządzenie, umowa ani dzwoniący nie pasuje do „{0}”.</translation>
    </message>
    <message>
        <source>No ticket has been created. Discard what you typed?</source>
        <translation>Nie utworzono zgłoszenia. Porzucić wpisane dane?</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Pick a contact from the list, or clear the field.</source>
        <translation>Wybierz osobę kontaktową z listy albo wyczyść pole.</translation>
    </message>
    <message>
        <source>Pick the client by name instead</source>
        <translation>Zamiast tego wybierz klienta po nazwie</translation>
    </message>
    <message>
        <source>Priority {0}</source>
        <translation>Priorytet {0}</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numer seryjny</translation>
    </message>
    <message>
        <source>Type to search this client&apos;s contacts</source>
        <translation>Pisz, aby wyszukać osoby kontaktowe klienta</translation>
    </message>
    <message>
        <source>{0} after the client&apos;s VIP floor</source>
        <translation>{0} po uwzględnieniu minimalnego priorytetu VIP klienta</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>&amp;Create ticket</source>
        <translation>&amp;Utwórz zgłoszenie</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Choose a client first</source>
        <translation>Najpierw wybierz klienta</translation>
    </message>
    <message>
        <source>Choose the client from the list of suggestions.</source>
        <extracomment>Knowledge-base articles for the description (None without a KB).</extracomment>
        <translation>Wybierz klienta z listy podpowiedzi.</translation>
    </message>
    <message>
        <source>Choose the client this ticket is for.</source>
        <translation>Wybierz klienta, którego dotyczy zgłoszenie.</translation>
    </message>
    <message>
        <source>Create the ticket ({0})</source>
        <translation>Utwórz zgłoszenie ({0})</translation>
    </message>
    <message>
        <source>Discard new ticket?</source>
        <translation>Porzucić nowe zgłoszenie?</translation>
    </message>
    <message>
        <source>Let the caller explain first, then capture when, where and under which circumstances it happens, then classify.</source>
        <translation>Najpierw pozwól dzwoniącemu wyjaśnić problem, potem zapisz, kiedy, gdzie i w jakich okolicznościach występuje, a na końcu go sklasyfikuj.</translation>
    </message>
    <message>
        <source>New ticket</source>
        <extracomment>What a new ticket starts as: a phoned-in P3 incident at first line, unassigned. The ticket was stored; carries its id. Emitted just before the dialog accepts.</extracomment>
        <translation>Nowe zgłoszenie</translation>
    </message>
    <message>
        <source>Pick a contact from the list, or clear the field.</source>
        <translation>Wybierz osobę kontaktową z listy albo wyczyść pole.</translation>
    </message>
    <message>
        <source>The ticket has not been created. Discard what you typed?</source>
        <translation>Zgłoszenie nie zostało utworzone. Porzucić wpisane dane?</translation>
    </message>
    <message>
        <source>Type part of the client&apos;s name or code</source>
        <translation>Wpisz część nazwy lub kodu klienta</translation>
    </message>
    <message>
        <source>Type to search this client&apos;s contacts</source>
        <translation>Pisz, aby wyszukać osoby kontaktowe klienta</translation>
    </message>
</context>
<context>
    <name>OnboardingView</name>
    <message>
        <source>Not saved.</source>
        <translation>Nie zapisano.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n problem(s) to fix, shown in red. Your typing is kept as a draft.</source>
        <translation>
            <numerusform>Nie zapisano: %n błąd do poprawienia, zaznaczony na czerwono. Wpisane dane zachowano jako wersję roboczą.</numerusform>
            <numerusform>Nie zapisano: %n błędy do poprawienia, zaznaczone na czerwono. Wpisane dane zachowano jako wersję roboczą.</numerusform>
            <numerusform>Nie zapisano: %n błędów do poprawienia, zaznaczonych na czerwono. Wpisane dane zachowano jako wersję roboczą.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a client to capture its onboarding data.</source>
        <extracomment>The credentials page&apos;s button: the owner switches to the client&apos;s Credentials tab. A section was saved; carries its key. Id of the latest form query; an older result is dropped. True while this view announces its own save, so it ignores the echo. The remote section&apos;s automatic test; None without a tester.</extracomment>
        <translation>Wybierz klienta, aby uzupełnić jego dane wdrożenia.</translation>
    </message>
    <message>
        <source>The draft could not be kept (%1). Your typing is still here.</source>
        <translation>Nie udało się zachować wersji roboczej (%1). Wpisane dane nadal są tutaj.</translation>
    </message>
    <message>
        <source>The draft could not be kept: %1.</source>
        <translation>Nie udało się zachować wersji roboczej: %1.</translation>
    </message>
    <message>
        <source>This client no longer exists.</source>
        <extracomment>Room above the split for panels other features add (the onboarding checklist and score); empty here.</extracomment>
        <translation>Ten klient już nie istnieje.</translation>
    </message>
    <message>
        <source>Your typing is still here.</source>
        <translation>Wpisane dane nadal są tutaj.</translation>
    </message>
</context>
<context>
    <name>OverridesWidget</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Empty hours = closed that day (e.g. 31 Dec); 08:00-12:00 = a half day; hours on a Saturday = an extra working day.</source>
        <translation>Puste godziny = tego dnia zamknięte (np. 31 gru); 08:00-12:00 = pół dnia; godziny w sobotę = dodatkowy dzień roboczy.</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Godziny</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>e.g. 08:00-12:00; empty = closed</source>
        <translation>np. 08:00-12:00; puste = zamknięte</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Właściciel:</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nikt</translation>
    </message>
    <message>
        <source>Set owner</source>
        <translation>Ustaw właściciela</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Powtórz:</translation>
    </message>
    <message>
        <source>&amp;Vault password:</source>
        <translation>Hasło &amp;sejfu:</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>Minimalna liczba znaków: {n}</translation>
    </message>
    <message>
        <source>Choose a vault password.</source>
        <translation>Wybierz hasło sejfu.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hasła nie są zgodne.</translation>
    </message>
    <message>
        <source>The vault password must be at least {n} characters long.</source>
        <translation>Hasło sejfu jest za krótkie (minimalna liczba znaków: {n}).</translation>
    </message>
    <message>
        <source>The vault password must not be your e-mail address.</source>
        <translation>Hasło sejfu nie może być Twoim adresem e-mail.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Dla:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>Po&amp;wtórz:</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>Od 4 do 12 cyfr</translation>
    </message>
    <message>
        <source>Agree the PIN with the contact. It is stored only as a hash: nobody can read it back, and setting it again replaces the old one.</source>
        <translation>Uzgodnij PIN z osobą kontaktową. Jest przechowywany tylko jako skrót (hash): nikt nie może go odczytać, a ponowne ustawienie zastępuje poprzedni.</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Ustaw PIN</translation>
    </message>
    <message>
        <source>Set caller PIN</source>
        <translation>Ustaw PIN dzwoniącego</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Wpisz ponownie to samo</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>Kody PIN się różnią; wpisz je ponownie.</translation>
    </message>
    <message>
        <source>Whole client (any caller)</source>
        <translation>Cały klient (dowolny dzwoniący)</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>&amp;Calendar:</source>
        <translation>&amp;Kalendarz:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Opis:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <source>&amp;Save policy</source>
        <translation>&amp;Zapisz politykę</translation>
    </message>
    <message>
        <source>Acknowledgement (taking the ticket)
counts as first response</source>
        <translation>Potwierdzenie (przejęcie zgłoszenia)
liczy się jako pierwsza reakcja</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywna</translation>
    </message>
    <message>
        <source>Business hours the targets are measured in</source>
        <translation>Godziny pracy, w których mierzone są cele</translation>
    </message>
    <message>
        <source>Clocks these statuses pause:</source>
        <translation>Statusy, które wstrzymują liczniki:</translation>
    </message>
    <message>
        <source>Create a calendar first (Calendars tab).</source>
        <translation>Najpierw utwórz kalendarz (karta Kalendarze).</translation>
    </message>
    <message>
        <source>Empty amount = no target. Minutes and hours are business time on the calendar; “end of Nth business day” with 1 = end of the next business day.</source>
        <translation>Pusta wartość = brak celu. Minuty i godziny to czas pracy według kalendarza; „koniec N-tego dnia roboczego” z wartością 1 = koniec następnego dnia roboczego.</translation>
    </message>
    <message>
        <source>Escalation levels</source>
        <translation>Poziomy eskalacji</translation>
    </message>
    <message>
        <source>Global default</source>
        <translation>Domyślna globalna</translation>
    </message>
    <message>
        <source>Inactive: open tickets on this policy lose their clocks</source>
        <translation>Nieaktywna: otwarte zgłoszenia objęte tą polityką tracą liczniki</translation>
    </message>
    <message>
        <source>New policy</source>
        <translation>Nowa polityka</translation>
    </message>
    <message>
        <source>Next update</source>
        <translation>Następna informacja</translation>
    </message>
    <message>
        <source>Optional: what this policy is for</source>
        <translation>Opcjonalnie: do czego służy ta polityka</translation>
    </message>
    <message>
        <source>P1 15 min / 4 h / 1 h … P4 8 h / end of 10th business day, and two levels</source>
        <translation>P1 15 min / 4 godz. / 1 godz. … P4 8 godz. / koniec 10. dnia roboczego oraz dwa poziomy</translation>
    </message>
    <message>
        <source>Pauses and first response</source>
        <translation>Wstrzymania i pierwsza reakcja</translation>
    </message>
    <message>
        <source>Policy: {0}</source>
        <translation>Polityka: {0}</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reakcja</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Cele</translation>
    </message>
    <message>
        <source>The response clock never pauses: a customer cannot make us answer later.</source>
        <translation>Licznik reakcji nigdy się nie zatrzymuje: klient nie może sprawić, że odpowiemy później.</translation>
    </message>
    <message>
        <source>Use demo template</source>
        <translation>Użyj szablonu demonstracyjnego</translation>
    </message>
    <message>
        <source>Used for clients without a contract or a default policy of their own</source>
        <translation>Stosowana dla klientów bez umowy lub własnej polityki domyślnej</translation>
    </message>
    <message>
        <source>Waiting on customer pauses</source>
        <translation>Wstrzymuj przy „Czeka na klienta”</translation>
    </message>
    <message>
        <source>Waiting on third party pauses</source>
        <translation>Wstrzymuj przy „Czeka na stronę trzecią”</translation>
    </message>
    <message>
        <source>e.g. Standard business hours</source>
        <extracomment>Status categories that may pause a clock (sla.md §10.3), in the order the form shows them. The calendar a loaded policy uses, chosen once the calendar list has it.</extracomment>
        <translation>np. Standardowe godziny pracy</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>polityka</translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <source>&amp;New policy</source>
        <translation>&amp;Nowa polityka</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywna</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalendarz</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Domyślna</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>polityka</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
</context>
<context>
    <name>ProblemPanel</name>
    <message>
        <source>Known error (root cause known, workaround given)</source>
        <translation>Znany błąd (przyczyna źródłowa znana, podano obejście)</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>Powiązane incydenty</translation>
    </message>
    <message>
        <source>No incident is linked yet. Link incidents as “Caused by” this problem on their Links tab; a problem needs one before it is resolved.</source>
        <translation>Żaden incydent nie jest jeszcze powiązany. Powiąż incydenty jako „Spowodowane przez” ten problem na ich karcie Powiązania; przed rozwiązaniem problem musi mieć co najmniej jeden.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Przyczyna źródłowa</translation>
    </message>
    <message>
        <source>Save problem record</source>
        <translation>Zapisz rekord problemu</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>Obejście</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>&amp;Answer:</source>
        <translation>&amp;Odpowiedź:</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>Osoba &amp;kontaktowa:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pytanie:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>Po&amp;wtórz:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Dodaj</translation>
    </message>
    <message>
        <source>Add security question</source>
        <translation>Dodaj pytanie zabezpieczające</translation>
    </message>
    <message>
        <source>Answers match regardless of case and spacing. They are stored only as a hash.</source>
        <translation>Odpowiedzi są porównywane bez względu na wielkość liter i odstępy. Są przechowywane tylko jako skrót (hash).</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>Odpowiedź</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Wpisz ponownie to samo</translation>
    </message>
    <message>
        <source>The two answers differ; type them again.</source>
        <translation>Odpowiedzi się różnią; wpisz je ponownie.</translation>
    </message>
    <message>
        <source>This client has no active contact yet.</source>
        <translation>Ten klient nie ma jeszcze aktywnej osoby kontaktowej.</translation>
    </message>
    <message>
        <source>e.g. Name of your first manager here</source>
        <translation>np. Nazwisko Twojego pierwszego przełożonego w tej firmie</translation>
    </message>
</context>
<context>
    <name>QueueExporter</name>
    <message>
        <source>An export is already running.</source>
        <extracomment>Characters Windows refuses in file names (a queue is called &quot;All open P1/P2&quot;). An export finished; carries the saved file&apos;s `Path`. An export failed; carries the message shown to the user. Rows written so far and the tickets expected in all (a progress bar&apos;s value and maximum). The export in progress, with its columns and the instant its countdowns use.</extracomment>
        <translation>Eksport już trwa.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not export the queue. {reason}</source>
        <translation>Nie udało się wyeksportować kolejki. {reason}</translation>
    </message>
    <message>
        <source>Could not export the queue: the database is not available.</source>
        <translation>Nie udało się wyeksportować kolejki: baza danych jest niedostępna.</translation>
    </message>
    <message>
        <source>Could not export the queue: {error}</source>
        <translation>Nie udało się wyeksportować kolejki: {error}</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Eksport anulowano.</translation>
    </message>
    <message>
        <source>Export queue to CSV</source>
        <translation>Eksportuj kolejkę do CSV</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Eksportuj do CSV</translation>
    </message>
    <message>
        <source>Exported 1 ticket to {path}.</source>
        <translation>Wyeksportowano 1 zgłoszenie do {path}.</translation>
    </message>
    <message>
        <source>Exported {count} tickets to {path}.</source>
        <translation>Wyeksportowano zgłoszenia ({count}) do {path}.</translation>
    </message>
    <message>
        <source>Exporting tickets…</source>
        <translation>Eksportowanie zgłoszeń…</translation>
    </message>
    <message>
        <source>Exporting tickets… {done} of {total}</source>
        <translation>Eksportowanie zgłoszeń… {done} z {total}</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Zgłoszenia</translation>
    </message>
</context>
<context>
    <name>QueuePathsDialog</name>
    <message>
        <source>Escalates to</source>
        <translation>Eskaluje do</translation>
    </message>
    <message>
        <source>Escalation paths</source>
        <translation>Ścieżki eskalacji</translation>
    </message>
    <message>
        <source>Only administrators can change escalation paths.</source>
        <translation>Tylko administratorzy mogą zmieniać ścieżki eskalacji.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Linia</translation>
    </message>
    <message>
        <source>Where “Escalate” sends a ticket from each queue. The next queue must work at a higher tier; paths may not loop.</source>
        <translation>Dokąd „Eskaluj” przekazuje zgłoszenie z każdej kolejki. Następna kolejka musi działać na wyższej linii wsparcia; ścieżki nie mogą tworzyć pętli.</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— brak —</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Reload</source>
        <extracomment>What the form holds (`CalendarSpec`, `PolicySpec`). A stored record as the service reads it (`CalendarDetail`, `PolicyDetail`). A save succeeded; carries the `ConfigSaved`. The stored record being edited and the version it was read at; None for a new one.</extracomment>
        <translation>Wczytaj ponownie</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>&amp;Edit</source>
        <extracomment>A list row as the service reads it (`CalendarSummary`, `PolicySummary`). Something was stored; carries the `Changes` to announce. The record a save just stored: selected once the list holding it arrives.</extracomment>
        <translation>&amp;Edytuj</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source> (you)</source>
        <translation> (Ty)</translation>
    </message>
    <message>
        <source>&amp;Give access to:</source>
        <translation>&amp;Komu przyznać dostęp:</translation>
    </message>
    <message>
        <source>&amp;Recovery kit:</source>
        <translation>Zestaw &amp;odzyskiwania:</translation>
    </message>
    <message>
        <source>All the groups of the recovery kit</source>
        <translation>Wszystkie grupy zestawu odzyskiwania</translation>
    </message>
    <message>
        <source>All vaults</source>
        <translation>Wszystkie sejfy</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Choose who gets access.</source>
        <translation>Wybierz, kto otrzyma dostęp.</translation>
    </message>
    <message>
        <source>Only the vaults ticked below</source>
        <translation>Tylko sejfy zaznaczone poniżej</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Odzyskaj</translation>
    </message>
    <message>
        <source>Refused: {why}.</source>
        <translation>Odmowa: {why}.</translation>
    </message>
    <message>
        <source>That did not work. Try again later.</source>
        <translation>Nie udało się. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it and try again.</source>
        <translation>Sejf jest zablokowany. Odblokuj go i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Tick at least one vault.</source>
        <translation>Zaznacz co najmniej jeden sejf.</translation>
    </message>
    <message>
        <source>Type every group of the recovery kit.</source>
        <translation>Wpisz wszystkie grupy zestawu odzyskiwania.</translation>
    </message>
    <message>
        <source>Use the recovery kit</source>
        <extracomment>An audit row of ours was written (granted, or a refused kit): move the local anchor. Vaults were granted and the recovery key replaced: views reload.</extracomment>
        <translation>Użyj zestawu odzyskiwania</translation>
    </message>
</context>
<context>
    <name>RecoveryKitPage</name>
    <message>
        <source>A printable page; it is written only where you choose.</source>
        <translation>Strona do wydruku; zostanie zapisana tylko tam, gdzie wskażesz.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <source>Last group of the kit</source>
        <extracomment>E.g. &quot;the old kit no longer opens anything&quot; after break-glass.</extracomment>
        <translation>Ostatnia grupa zestawu</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pliki PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print or write this down; it is never stored.</source>
        <translation>Wydrukuj to lub zapisz na papierze; nie jest nigdzie przechowywane.</translation>
    </message>
    <message>
        <source>Recovery kit</source>
        <extracomment>What the recovery kit&apos;s PDF names besides the groups: (org fingerprint, database uuid). Finish was clicked (enabled only when the page may close). The kit for &quot;Save as PDF…&quot; while it is shown; dropped with the kit. Asks where to save the PDF (&quot;&quot; = cancelled); tests replace it.</extracomment>
        <translation>Zestaw odzyskiwania</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Zapisz jako PDF…</translation>
    </message>
    <message>
        <source>Save the recovery kit</source>
        <translation>Zapisz zestaw odzyskiwania</translation>
    </message>
    <message>
        <source>Saved to {path}. Print it, and keep the file offline or delete it: anyone who reads it can open every vault.</source>
        <translation>Zapisano w {path}. Wydrukuj go, a plik przechowuj offline lub usuń: każdy, kto go odczyta, może otworzyć każdy sejf.</translation>
    </message>
    <message>
        <source>The PDF could not be written there. Choose another place.</source>
        <translation>Nie udało się zapisać pliku PDF w tym miejscu. Wybierz inne miejsce.</translation>
    </message>
    <message>
        <source>Type the last group to confirm you have the kit:</source>
        <translation>Wpisz ostatnią grupę, aby potwierdzić, że masz zestaw:</translation>
    </message>
</context>
<context>
    <name>RecurringEditorDialog</name>
    <message>
        <source>Assignee</source>
        <translation>Przypisany</translation>
    </message>
    <message>
        <source>At</source>
        <translation>O godzinie</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Choose a client to see the next runs.</source>
        <translation>Wybierz klienta, aby zobaczyć następne uruchomienia.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Osoba kontaktowa</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Codziennie</translation>
    </message>
    <message>
        <source>Day of month</source>
        <translation>Dzień miesiąca</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <source>Edit recurring ticket</source>
        <extracomment>Quiet time after the last keystroke before the preview is asked for.</extracomment>
        <translation>Edytuj zgłoszenie cykliczne</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Data zakończenia</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Co</translation>
    </message>
    <message>
        <source>Fix the schedule to see the next runs.</source>
        <translation>Popraw harmonogram, aby zobaczyć następne uruchomienia.</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Co miesiąc</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>New recurring ticket</source>
        <translation>Nowe zgłoszenie cykliczne</translation>
    </message>
    <message>
        <source>Next runs (client&apos;s time)</source>
        <translation>Następne uruchomienia (czas klienta)</translation>
    </message>
    <message>
        <source>No further runs: the schedule has ended.</source>
        <translation>Brak kolejnych uruchomień: harmonogram się zakończył.</translation>
    </message>
    <message>
        <source>On</source>
        <translation>W dniach</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Powtarzanie</translation>
    </message>
    <message>
        <source>Someone saved this schedule meanwhile; close and open it again.</source>
        <translation>Ktoś w międzyczasie zapisał ten harmonogram; zamknij go i otwórz ponownie.</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Data rozpoczęcia</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Temat</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>Data zakończenia jest wcześniejsza niż data rozpoczęcia.</translation>
    </message>
    <message>
        <source>This client&apos;s time zone is not valid.</source>
        <translation>Strefa czasowa tego klienta jest nieprawidłowa.</translation>
    </message>
    <message>
        <source>This schedule no longer exists.</source>
        <translation>Ten harmonogram już nie istnieje.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Linia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Co tydzień</translation>
    </message>
    <message>
        <source>day(s)</source>
        <translation>dni</translation>
    </message>
    <message>
        <source>month(s)</source>
        <translation>mies.</translation>
    </message>
    <message>
        <source>week(s)</source>
        <translation>tyg.</translation>
    </message>
    <message>
        <source>— choose a client —</source>
        <translation>— wybierz klienta —</translation>
    </message>
    <message>
        <source>— no contact —</source>
        <translation>— brak osoby kontaktowej —</translation>
    </message>
    <message>
        <source>— no queue —</source>
        <translation>— bez kolejki —</translation>
    </message>
    <message>
        <source>— unassigned —</source>
        <translation>— nieprzypisane —</translation>
    </message>
</context>
<context>
    <name>RecurringTicketsDialog</name>
    <message>
        <source>Active</source>
        <translation>Aktywne</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Codziennie</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Delete recurring ticket</source>
        <translation>Usuń zgłoszenie cykliczne</translation>
    </message>
    <message>
        <source>Delete “{0}”? Tickets it already created stay.</source>
        <translation>Usunąć „{0}”? Zgłoszenia już przez nie utworzone pozostaną.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edytuj…</translation>
    </message>
    <message>
        <source>Every {0} days</source>
        <translation>Co {0} dni</translation>
    </message>
    <message>
        <source>Every {0} months on day {1}</source>
        <translation>Co {0} mies., dnia {1}</translation>
    </message>
    <message>
        <source>Every {0} weeks on {1}</source>
        <translation>Co {0} tyg.: {1}</translation>
    </message>
    <message>
        <source>Monthly on day {0}</source>
        <translation>Co miesiąc, dnia {0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nowe…</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Następne uruchomienie</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Wstrzymaj</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Wstrzymane</translation>
    </message>
    <message>
        <source>Recurring tickets</source>
        <extracomment>The open editor, if any (kept so it is not garbage-collected while shown).</extracomment>
        <translation>Zgłoszenia cykliczne</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Powtarzanie</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Wznów</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>This schedule changed meanwhile; the list was reloaded. Try again.</source>
        <translation>Ten harmonogram zmienił się w międzyczasie; lista została wczytana ponownie. Spróbuj jeszcze raz.</translation>
    </message>
    <message>
        <source>This schedule no longer exists; the list was reloaded.</source>
        <translation>Ten harmonogram już nie istnieje; lista została wczytana ponownie.</translation>
    </message>
    <message>
        <source>Weekly on {0}</source>
        <translation>Co tydzień: {0}</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} o godz. {1}</translation>
    </message>
</context>
<context>
    <name>RemoteLauncher</name>
    <message>
        <source>Approval required</source>
        <translation>Wymagana zgoda</translation>
    </message>
    <message>
        <source>Confirm the target</source>
        <translation>Potwierdź cel</translation>
    </message>
    <message>
        <source>Copy password</source>
        <translation>Kopiuj hasło</translation>
    </message>
    <message>
        <source>Forget the pinned host key or certificate of {0}? The next connection will show the server&apos;s key for checking again. Why?</source>
        <translation>Zapomnieć przypięty klucz hosta lub certyfikat {0}? Przy następnym połączeniu klucz serwera zostanie ponownie pokazany do sprawdzenia. Dlaczego?</translation>
    </message>
    <message>
        <source>Give a reason of at least 5 characters.</source>
        <translation>Podaj powód o długości co najmniej 5 znaków.</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Wymuś…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Record approval…</source>
        <translation>Zarejestruj zgodę…</translation>
    </message>
    <message>
        <source>Remote session</source>
        <translation>Sesja zdalna</translation>
    </message>
    <message>
        <source>The SSH host key of {0}:{1} is not the one pinned on this computer ({2}); the server presented {3}. Connecting is refused: an administrator can forget the old key after checking the new one with the client.</source>
        <extracomment>The permission gate blocked a launch on this ticket: show its approvals panel. A launch got as far as a running session (external, terminal or console); carries the id. A step failed; carries the one-line message shown to the technician. The session behind each embedded tab (terminal or console), for its transcript. External processes still running (kept so their handles live).</extracomment>
        <translation>Klucz hosta SSH dla {0}:{1} nie jest kluczem przypiętym na tym komputerze ({2}); serwer przedstawił {3}. Połączenie odrzucono: administrator może zapomnieć stary klucz po sprawdzeniu nowego z klientem.</translation>
    </message>
    <message>
        <source>The client requires approval before this work:

{0}</source>
        <translation>Klient wymaga zgody przed wykonaniem tej pracy:

{0}</translation>
    </message>
    <message>
        <source>The remote desktop client will ask for the password. Copy it to the clipboard now? It is cleared after {0} s.</source>
        <translation>Klient pulpitu zdalnego poprosi o hasło. Skopiować je teraz do schowka? Zostanie wyczyszczone po {0} s.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the pinned one. It may have been renewed, or someone is in between: re-pin it from the client&apos;s Readiness tab after checking it.</source>
        <translation>Certyfikat serwera nie jest certyfikatem przypiętym. Mógł zostać odnowiony albo ktoś pośredniczy w połączeniu: po sprawdzeniu przypnij go ponownie na karcie Gotowość klienta.</translation>
    </message>
    <message>
        <source>This record was changed outside the app:

{0}

Check it with the client&apos;s documentation. Why is it correct?</source>
        <translation>Ten rekord został zmieniony poza aplikacją:

{0}

Sprawdź go z dokumentacją klienta. Dlaczego jest poprawny?</translation>
    </message>
    <message>
        <source>This remote method changed since it was last confirmed:

{0}

Connect to it?</source>
        <translation>Ta metoda zdalna zmieniła się od ostatniego potwierdzenia:

{0}

Połączyć się z nią?</translation>
    </message>
    <message>
        <source>Transcript attached to the ticket.</source>
        <translation>Zapis sesji dołączono do zgłoszenia.</translation>
    </message>
    <message>
        <source>Why is the work done without the client&apos;s approval?</source>
        <translation>Dlaczego praca jest wykonywana bez zgody klienta?</translation>
    </message>
    <message>
        <source>defaults (no drives redirected)</source>
        <translation>domyślne (bez przekierowania dysków)</translation>
    </message>
    <message>
        <source>{0}
Credential: {1}
Gateway: {2}
Options: {3}</source>
        <translation>{0}
Poświadczenie: {1}
Brama: {2}
Opcje: {3}</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Kod</translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation>&amp;Rozwiązanie</translation>
    </message>
    <message>
        <source>Cause, what was done to fix it, and what the user should know</source>
        <translation>Przyczyna, co zrobiono, aby to naprawić, i co użytkownik powinien wiedzieć</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Rozwiąż</translation>
    </message>
    <message>
        <source>Resolve ticket</source>
        <translation>Rozwiąż zgłoszenie</translation>
    </message>
    <message>
        <source>This is a workaround, not a permanent fix</source>
        <translation>To jest obejście, a nie trwała naprawa</translation>
    </message>
    <message>
        <source>Where a knowledge-base article exists, link it to the ticket; an L2 fix worth keeping can be saved to the knowledge base once resolved.</source>
        <translation>Jeśli istnieje artykuł w bazie wiedzy, powiąż go ze zgłoszeniem; wartą zachowania poprawkę L2 można po rozwiązaniu zapisać w bazie wiedzy.</translation>
    </message>
</context>
<context>
    <name>RestoreAccessDialog</name>
    <message>
        <source>Also give those vaults new keys (their old password or key may be known)</source>
        <translation>Nadaj tym sejfom także nowe klucze (ich stare hasło lub klucz mogą być znane)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Given new keys: {n}.</source>
        <translation>Liczba sejfów z nowymi kluczami: {n}.</translation>
    </message>
    <message>
        <source>Grant ticked vaults</source>
        <extracomment>vault id -&gt; its checkbox, in the order of the report.</extracomment>
        <translation>Przyznaj dostęp do zaznaczonych sejfów</translation>
    </message>
    <message>
        <source>Grant {name} the same vaults as before their key reset: {vaults}. Only do this after comparing their new fingerprint and signing their key.</source>
        <translation>Przyznaj użytkownikowi {name} dostęp do tych samych sejfów co przed resetem klucza: {vaults}. Rób to dopiero po porównaniu nowego odcisku klucza tej osoby i podpisaniu jej klucza.</translation>
    </message>
    <message>
        <source>Not granted, because you hold no key to them: {vaults}. Someone who holds them, or the recovery kit, can grant them.</source>
        <translation>Nie przyznano, ponieważ nie masz do nich klucza: {vaults}. Może to zrobić osoba, która ma do nich klucz, albo zestaw odzyskiwania.</translation>
    </message>
    <message>
        <source>Restore access</source>
        <translation>Przywróć dostęp</translation>
    </message>
    <message>
        <source>Restore {name}&apos;s access</source>
        <extracomment>Vaults were granted back (audited): views reload and move the local anchor.</extracomment>
        <translation>Przywróć dostęp użytkownika {name}</translation>
    </message>
    <message>
        <source>That did not work. Try again later.</source>
        <translation>Nie udało się. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it and try again.</source>
        <translation>Sejf jest zablokowany. Odblokuj go i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>vault {id}</source>
        <translation>sejf {id}</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>&amp;Detail:</source>
        <translation>&amp;Szczegóły:</translation>
    </message>
    <message>
        <source>It &amp;failed</source>
        <translation>&amp;Nie działa</translation>
    </message>
    <message>
        <source>It &amp;works</source>
        <translation>&amp;Działa</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Zarejestruj</translation>
    </message>
    <message>
        <source>Record connectivity result</source>
        <translation>Zarejestruj wynik testu łączności</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Wynik:</translation>
    </message>
    <message>
        <source>What you tried, what happened</source>
        <translation>Co wypróbowano, co się stało</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Zgłoszenie:</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nie ustawiono)</translation>
    </message>
    <message>
        <source>At least 5 characters without a ticket</source>
        <translation>Bez zgłoszenia co najmniej 5 znaków</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Code copied; the clipboard is cleared in {s} s.</source>
        <translation>Skopiowano kod; schowek zostanie wyczyszczony za {s} s.</translation>
    </message>
    <message>
        <source>Copied; the clipboard is cleared in {s} s.</source>
        <translation>Skopiowano; schowek zostanie wyczyszczony za {s} s.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Every reveal is recorded. Give the ticket you work on, or say why you need it.</source>
        <translation>Każde ujawnienie jest rejestrowane. Podaj zgłoszenie, nad którym pracujesz, albo wyjaśnij, dlaczego tego potrzebujesz.</translation>
    </message>
    <message>
        <source>Give a ticket, or a reason of at least {n} characters.</source>
        <translation>Podaj zgłoszenie albo powód (co najmniej {n} zn.).</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ukryj</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notatki:</translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation>Kod jednorazowy:</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Ujawnij</translation>
    </message>
    <message>
        <source>Reveal — {label}</source>
        <translation>Ujawnij — {label}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Pokaż</translation>
    </message>
    <message>
        <source>Show code</source>
        <translation>Pokaż kod</translation>
    </message>
    <message>
        <source>T-000123 or 123</source>
        <translation>T-000123 lub 123</translation>
    </message>
    <message>
        <source>The credential could not be revealed. Try again later.</source>
        <translation>Nie udało się ujawnić poświadczenia. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>The reveal could not be recorded, so nothing was shown.</source>
        <translation>Nie udało się zarejestrować ujawnienia, więc niczego nie pokazano.</translation>
    </message>
    <message>
        <source>The stored TOTP seed is not valid. Edit the credential to replace it.</source>
        <translation>Zapisany klucz TOTP jest nieprawidłowy. Edytuj poświadczenie, aby go zastąpić.</translation>
    </message>
    <message>
        <source>This credential has no secrets to show.</source>
        <translation>To poświadczenie nie ma sekretów do pokazania.</translation>
    </message>
    <message>
        <source>This credential no longer has a TOTP seed.</source>
        <translation>To poświadczenie nie ma już klucza TOTP.</translation>
    </message>
    <message>
        <source>Type a ticket number such as T-000123.</source>
        <translation>Wpisz numer zgłoszenia, np. T-000123.</translation>
    </message>
    <message>
        <source>You have no access to this client&apos;s vault.</source>
        <translation>Nie masz dostępu do sejfu tego klienta.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Client passwords to change: {revealed} they revealed, {could} they could have revealed. The rotation worklist lists them.</source>
        <translation>Hasła klientów do zmiany: ujawnione przez tę osobę: {revealed}, możliwe do ujawnienia: {could}. Znajdziesz je na liście zadań rotacji.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Disabling their database login…</source>
        <translation>Wyłączanie loginu bazy danych tej osoby…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Odbierz dostęp</translation>
    </message>
    <message>
        <source>Revoke {name}</source>
        <translation>Odbierz dostęp: {name}</translation>
    </message>
    <message>
        <source>Revoke {name}&apos;s vault access? Their keys are disabled, their devices and grants deleted, and every vault they held gets a new key. This cannot be undone.</source>
        <translation>Odebrać użytkownikowi {name} dostęp do sejfów? Klucze tej osoby zostaną wyłączone, jej urządzenia i uprawnienia usunięte, a każdy sejf, do którego miała dostęp, otrzyma nowy klucz. Tej operacji nie można cofnąć.</translation>
    </message>
    <message>
        <source>This connection may not disable {name}&apos;s database login.</source>
        <translation>To połączenie nie ma uprawnień do wyłączenia loginu bazy danych użytkownika {name}.</translation>
    </message>
    <message>
        <source>Vaults no administrator here could rotate (use the recovery kit): {n}.</source>
        <translation>Sejfy, których klucza nie mógł zmienić żaden tutejszy administrator (użyj zestawu odzyskiwania): {n}.</translation>
    </message>
    <message>
        <source>Vaults rotated to a new key: {n}.</source>
        <translation>Sejfy z kluczem zmienionym na nowy: {n}.</translation>
    </message>
    <message>
        <source>vault {id}</source>
        <translation>sejf {id}</translation>
    </message>
    <message>
        <source>{name}&apos;s database login could not be disabled.</source>
        <translation>Nie udało się wyłączyć loginu bazy danych użytkownika {name}.</translation>
    </message>
    <message>
        <source>{name}&apos;s database login is disabled, but {n} open session(s) could not be ended.</source>
        <translation>Login bazy danych użytkownika {name} został wyłączony, ale nie udało się zakończyć otwartych sesji (liczba: {n}).</translation>
    </message>
    <message>
        <source>{name}&apos;s database login is disabled; open sessions ended: {n}.</source>
        <translation>Login bazy danych użytkownika {name} został wyłączony; zakończone otwarte sesje: {n}.</translation>
    </message>
    <message>
        <source>{name}&apos;s vault keys are disabled.</source>
        <translation>Klucze sejfu użytkownika {name} zostały wyłączone.</translation>
    </message>
</context>
<context>
    <name>RoutingRulesDialog</name>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktywuj</translation>
    </message>
    <message>
        <source>&amp;Checklists…</source>
        <translation>&amp;Listy kontrolne…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edytuj…</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nowa…</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Akcje</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywna</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Warunki</translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation>De&amp;zaktywuj</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Usuń regułę</translation>
    </message>
    <message>
        <source>Delete the routing rule “{0}”?</source>
        <translation>Usunąć regułę kierowania „{0}”?</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Przesuń w &amp;górę</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Przesuń w &amp;dół</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Only administrators may change routing.</source>
        <translation>Tylko administratorzy mogą zmieniać kierowanie.</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <extracomment>The open rule editor, if any (kept so tests and the user reach the same one).</extracomment>
        <translation>Reguły kierowania</translation>
    </message>
    <message>
        <source>Routing rules could not be read.</source>
        <translation>Nie udało się odczytać reguł kierowania.</translation>
    </message>
    <message>
        <source>Rules run in this order on every new ticket. A rule that stops ends the run; otherwise the next matching rules apply too, and a value set first is kept.</source>
        <translation>Reguły są wykonywane w tej kolejności dla każdego nowego zgłoszenia. Reguła z zatrzymaniem kończy przebieg; w przeciwnym razie stosowane są także kolejne pasujące reguły, a wartość ustawiona jako pierwsza zostaje zachowana.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Zatrzymanie</translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation>Nie udało się zapisać zmiany.</translation>
    </message>
    <message>
        <source>The rule was deleted meanwhile.</source>
        <translation>Reguła została w międzyczasie usunięta.</translation>
    </message>
    <message>
        <source>This rule cannot be activated:
{0}</source>
        <translation>Nie można aktywować tej reguły:
{0}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
</context>
<context>
    <name>RuleEditorDialog</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nazwa</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testuj</translation>
    </message>
    <message>
        <source>(leave as it is)</source>
        <translation>(pozostaw bez zmian)</translation>
    </message>
    <message>
        <source>(skipped: {0})</source>
        <translation>(pominięto: {0})</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywna</translation>
    </message>
    <message>
        <source>Add checklist</source>
        <translation>Dodaj listę kontrolną</translation>
    </message>
    <message>
        <source>Any caller</source>
        <translation>Dowolny dzwoniący</translation>
    </message>
    <message>
        <source>Callers who are not VIPs</source>
        <translation>Dzwoniący spoza grupy VIP</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Categories (comma-separated)</source>
        <translation>Kategorie (rozdzielone przecinkami)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <source>Choose at least one thing to set.</source>
        <translation>Wybierz co najmniej jedną wartość do ustawienia.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klienci</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikty</translation>
    </message>
    <message>
        <source>Conflicts could not be checked.</source>
        <translation>Nie udało się sprawdzić konfliktów.</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Umowy</translation>
    </message>
    <message>
        <source>Edit routing rule</source>
        <extracomment>Delay between the last change and the conflict check, so typing does not flood the lane.</extracomment>
        <translation>Edytuj regułę kierowania</translation>
    </message>
    <message>
        <source>Hardware type</source>
        <translation>Rodzaj sprzętu</translation>
    </message>
    <message>
        <source>Hardware/software types</source>
        <translation>Rodzaje sprzętu/oprogramowania</translation>
    </message>
    <message>
        <source>Keywords in subject or description</source>
        <translation>Słowa kluczowe w temacie lub opisie</translation>
    </message>
    <message>
        <source>New routing rule</source>
        <translation>Nowa reguła kierowania</translation>
    </message>
    <message>
        <source>No conflicts with other rules.</source>
        <translation>Brak konfliktów z innymi regułami.</translation>
    </message>
    <message>
        <source>No rule fires for this ticket.</source>
        <translation>Żadna reguła nie zadziała dla tego zgłoszenia.</translation>
    </message>
    <message>
        <source>Only administrators may change routing.</source>
        <translation>Tylko administratorzy mogą zmieniać kierowanie.</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>Priorytety</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkty</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation>Polityka SLA</translation>
    </message>
    <message>
        <source>Stop here when this rule matches (first match wins)</source>
        <translation>Zatrzymaj tutaj, gdy ta reguła pasuje (wygrywa pierwsze dopasowanie)</translation>
    </message>
    <message>
        <source>Subject and description</source>
        <translation>Temat i opis</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Test with a sample ticket</source>
        <translation>Testuj na przykładowym zgłoszeniu</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>The caller is a VIP</source>
        <translation>Dzwoniący to VIP</translation>
    </message>
    <message>
        <source>The rule could not be saved: {0}</source>
        <translation>Nie udało się zapisać reguły: {0}</translation>
    </message>
    <message>
        <source>The test failed.</source>
        <translation>Test nie powiódł się.</translation>
    </message>
    <message>
        <source>Then set</source>
        <translation>Wtedy ustaw</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>Typy zgłoszeń</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Linia wsparcia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>VIP caller</source>
        <translation>Dzwoniący VIP</translation>
    </message>
    <message>
        <source>VIP callers only</source>
        <translation>Tylko dzwoniący VIP</translation>
    </message>
    <message>
        <source>When all of these hold (a list means any of)</source>
        <translation>Gdy spełnione są wszystkie te warunki (lista oznacza dowolny z elementów)</translation>
    </message>
    <message>
        <source>e.g. End-user computing › Printers</source>
        <translation>np. Stanowiska użytkowników › Drukarki</translation>
    </message>
    <message>
        <source>e.g. Outlook, LaserJet</source>
        <translation>np. Outlook, LaserJet</translation>
    </message>
    <message>
        <source>e.g. printer, server</source>
        <translation>np. drukarka, serwer</translation>
    </message>
    <message>
        <source>e.g. server down, outage</source>
        <translation>np. serwer nie działa, awaria</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>ktoś inny</translation>
    </message>
    <message>
        <source>this rule</source>
        <translation>ta reguła</translation>
    </message>
    <message>
        <source>{0} changed this rule meanwhile; close and open it again.</source>
        <translation>{0} zmienił w międzyczasie tę regułę; zamknij ją i otwórz ponownie.</translation>
    </message>
</context>
<context>
    <name>SavedQueueListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SavedQueuesWidget</name>
    <message>
        <source>Saved queues</source>
        <extracomment>The user picked a saved queue; carries the `SavedQueue`. A count is in flight; another request waits for it instead of running alongside.</extracomment>
        <translation>Zapisane kolejki</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>%1 saved this section at %2 while you were editing.</source>
        <translation>W trakcie Twojej edycji %1 zapisał tę sekcję o %2.</translation>
    </message>
    <message>
        <source>%1 saved this section while you were editing.</source>
        <translation>W trakcie Twojej edycji %1 zapisał tę sekcję.</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Odrzuć wersję roboczą</translation>
    </message>
    <message>
        <source>Discards your typing in this section</source>
        <translation>Odrzuca tekst wpisany w tej sekcji</translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <extracomment>The version the other technician saved, adopted by &quot;Keep mine&quot;.</extracomment>
        <translation>Zapisano wersję roboczą: %1</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Zachowaj moją</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>Wczytaj tamtą wersję</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Jeszcze nie zapisano.</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Quiet time after the last edit before the draft is written. Notes (draft, conflict) on a pale amber strip, so they read as &quot;attention&quot;, not &quot;error&quot;. The Save button was clicked. The Discard draft button was clicked. The autosave delay passed after the last edit: time to write the draft. &quot;Load their version&quot; was clicked after a conflict. A draft of this section is stored (loaded, autosaved, or kept by a refused save).</extracomment>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Saved %1 by %2.</source>
        <translation>Zapisano %1, autor: %2.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Zapisywanie…</translation>
    </message>
    <message>
        <source>Someone saved this section since this typing started; saving will ask whether to keep yours or theirs.</source>
        <translation>Od rozpoczęcia tej edycji ktoś zapisał tę sekcję; przy zapisywaniu pojawi się pytanie, którą wersję zachować: Twoją czy tamtą.</translation>
    </message>
    <message>
        <source>The next Save replaces their version with yours</source>
        <translation>Następne zapisanie zastąpi tamtą wersję Twoją</translation>
    </message>
    <message>
        <source>Throw away the unsaved typing; show the saved data</source>
        <translation>Odrzuć niezapisany tekst; pokaż zapisane dane</translation>
    </message>
    <message>
        <source>Unsaved draft from %1 by %2.</source>
        <translation>Niezapisana wersja robocza z %1, autor: %2.</translation>
    </message>
    <message>
        <source>Your typing is still here and kept as a draft.</source>
        <translation>Wpisany tekst nadal tu jest i został zachowany jako wersja robocza.</translation>
    </message>
    <message>
        <source>Your version will replace theirs when you save.</source>
        <translation>Po zapisaniu Twoja wersja zastąpi tamtą.</translation>
    </message>
    <message>
        <source>another technician</source>
        <translation>inny technik</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>nieznany</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>Add this session&apos;s scrollback or commands to the ticket&apos;s timeline (opt-in)</source>
        <translation>Dodaj historię terminala lub polecenia z tej sesji do osi czasu zgłoszenia (opcjonalnie)</translation>
    </message>
    <message>
        <source>Attach transcript to ticket</source>
        <translation>Dołącz zapis sesji do zgłoszenia</translation>
    </message>
    <message>
        <source>Remote sessions — MSP Helpdesk</source>
        <extracomment>*Attach transcript to ticket* on the current tab: carries its terminal or console.</extracomment>
        <translation>Sesje zdalne — MSP Helpdesk</translation>
    </message>
    <message>
        <source>Server identity not verified (WinRM over HTTP).</source>
        <translation>Tożsamość serwera niezweryfikowana (WinRM przez HTTP).</translation>
    </message>
</context>
<context>
    <name>SetUpVaultDialog</name>
    <message>
        <source>Choose your vault password. It protects your vault keys and is never stored; use a different password from your sign-in.</source>
        <translation>Wybierz hasło do sejfu. Chroni ono Twoje klucze sejfu i nigdy nie jest zapisywane; użyj innego hasła niż do logowania.</translation>
    </message>
    <message>
        <source>Set up</source>
        <extracomment>The vault was set up (this session is now unlocked); emitted once, before the kit shows.</extracomment>
        <translation>Skonfiguruj</translation>
    </message>
    <message>
        <source>Set up the credential vault</source>
        <translation>Skonfiguruj sejf poświadczeń</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Find a shortcut</source>
        <translation>Znajdź skrót</translation>
    </message>
    <message>
        <source>Find a shortcut by key or action</source>
        <translation>Znajdź skrót po klawiszu lub czynności</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Klawisze</translation>
    </message>
    <message>
        <source>No shortcut matches.</source>
        <translation>Żaden skrót nie pasuje.</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Co robi</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Add the note to the timeline (in the note box)</source>
        <translation>Dodaj notatkę do osi czasu (w polu notatki)</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Przypisz do mnie</translation>
    </message>
    <message>
        <source>Close the window (asks before losing edits)</source>
        <translation>Zamknij okno (pyta przed utratą zmian)</translation>
    </message>
    <message>
        <source>Connect: open the client&apos;s remote methods</source>
        <translation>Połącz: otwórz metody zdalnego dostępu klienta</translation>
    </message>
    <message>
        <source>Create the ticket</source>
        <translation>Utwórz zgłoszenie</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Eskaluj…</translation>
    </message>
    <message>
        <source>Lock the vault</source>
        <translation>Zablokuj sejf</translation>
    </message>
    <message>
        <source>Main window</source>
        <extracomment>Translation context of the descriptions and context names.</extracomment>
        <translation>Okno główne</translation>
    </message>
    <message>
        <source>New call (phone intake)</source>
        <translation>Nowe połączenie (przyjęcie telefoniczne)</translation>
    </message>
    <message>
        <source>New ticket</source>
        <extracomment>Contexts whose shortcuts are live in the same window at the same time: the queue is a page of the main window, so its keys must not repeat the main window&apos;s. The others are own windows. The `QT_TRANSLATE_NOOP` result (typed `object` by PySide6&apos;s stubs). True if what it does changes data: bound disabled for read-only accounts. The table. Descriptions are marked for lupdate here and translated when shown.</extracomment>
        <translation>Nowe zgłoszenie</translation>
    </message>
    <message>
        <source>New ticket and new call windows</source>
        <translation>Okna nowego zgłoszenia i nowego połączenia</translation>
    </message>
    <message>
        <source>Open the next ticket in the queue</source>
        <translation>Otwórz następne zgłoszenie w kolejce</translation>
    </message>
    <message>
        <source>Open the next ticket of the queue (closes this one if saved)</source>
        <translation>Otwórz następne zgłoszenie z kolejki (zamyka bieżące, jeśli jest zapisane)</translation>
    </message>
    <message>
        <source>Open the previous ticket in the queue</source>
        <translation>Otwórz poprzednie zgłoszenie w kolejce</translation>
    </message>
    <message>
        <source>Open the previous ticket of the queue (closes this one if saved)</source>
        <translation>Otwórz poprzednie zgłoszenie z kolejki (zamyka bieżące, jeśli jest zapisane)</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>Refresh everything</source>
        <translation>Odśwież wszystko</translation>
    </message>
    <message>
        <source>Save the ticket</source>
        <translation>Zapisz zgłoszenie</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Przeszukaj kolejkę</translation>
    </message>
    <message>
        <source>Show these keyboard shortcuts</source>
        <translation>Pokaż te skróty klawiszowe</translation>
    </message>
    <message>
        <source>Ticket window</source>
        <translation>Okno zgłoszenia</translation>
    </message>
    <message>
        <source>Write a note (puts the cursor in the note box)</source>
        <translation>Napisz notatkę (ustawia kursor w polu notatki)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>E-mail or password is not correct.</source>
        <translation>Nieprawidłowy e-mail lub hasło.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
    <message>
        <source>Sign in to MSP Helpdesk</source>
        <translation>Zaloguj się do MSP Helpdesk</translation>
    </message>
    <message>
        <source>Sign in – MSP Helpdesk</source>
        <extracomment>Sign-in succeeded; carries the technician&apos;s e-mail (as stored), to pre-fill next time. The signed-in technician once the dialog is accepted; None before.</extracomment>
        <translation>Logowanie – MSP Helpdesk</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly. The log file has the details.</source>
        <translation>Logowanie nieoczekiwanie się nie powiodło. Szczegóły znajdziesz w pliku dziennika.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Logowanie…</translation>
    </message>
    <message>
        <source>The database cannot be reached. Try again in a moment.</source>
        <translation>Brak połączenia z bazą danych. Spróbuj ponownie za chwilę.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nazwa@example.com</translation>
    </message>
</context>
<context>
    <name>SignKeyDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Compare both fingerprints with {name} in person or by phone, not by e-mail or chat. Sign only if every group matches.</source>
        <translation>Porównaj oba odciski kluczy z użytkownikiem {name} osobiście lub telefonicznie, nie przez e-mail ani czat. Podpisz tylko wtedy, gdy każda grupa się zgadza.</translation>
    </message>
    <message>
        <source>I compared fingerprints with {name}</source>
        <translation>Porównano odciski kluczy z użytkownikiem {name}</translation>
    </message>
    <message>
        <source>Organisation fingerprint:</source>
        <translation>Odcisk klucza organizacji:</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Podpisz</translation>
    </message>
    <message>
        <source>Sign {name}&apos;s key</source>
        <extracomment>The status of a member whose key was reset and is not signed again yet (§8.9). Signed again after a reset, with vaults still to grant back.</extracomment>
        <translation>Podpisz klucz użytkownika {name}</translation>
    </message>
    <message>
        <source>{name}&apos;s fingerprint:</source>
        <translation>Odcisk klucza użytkownika {name}:</translation>
    </message>
</context>
<context>
    <name>SlaSettingsDialog</name>
    <message>
        <source>Calendars</source>
        <translation>Kalendarze</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Umowy</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Polityki</translation>
    </message>
    <message>
        <source>SLA settings</source>
        <extracomment>Change kinds after which the lists are read again: SLA configuration, or everything. An SLA change was announced while hidden: read the lists again when shown.</extracomment>
        <translation>Ustawienia SLA</translation>
    </message>
    <message>
        <source>Team leads</source>
        <translation>Liderzy zespołów</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Due dates are counted in business days from the first day; go-live is day 10.</source>
        <translation>Terminy są liczone w dniach roboczych od pierwszego dnia; start produkcyjny to dzień 10.</translation>
    </message>
    <message>
        <source>First &amp;day:</source>
        <translation>Pierwszy &amp;dzień:</translation>
    </message>
    <message>
        <source>Re-plan</source>
        <translation>Zaplanuj ponownie</translation>
    </message>
    <message>
        <source>Re-plan onboarding dates</source>
        <translation>Zaplanuj ponownie terminy wdrożenia</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Rozpocznij</translation>
    </message>
    <message>
        <source>Start onboarding</source>
        <translation>Rozpocznij wdrożenie klienta</translation>
    </message>
</context>
<context>
    <name>SuggestionsWidget</name>
    <message>
        <source>Knowledge base suggestions</source>
        <translation>Sugestie z bazy wiedzy</translation>
    </message>
    <message>
        <source>No matching articles yet.</source>
        <translation>Na razie brak pasujących artykułów.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otwórz</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n wiersz</numerusform>
            <numerusform>%n wiersze</numerusform>
            <numerusform>%n wierszy</numerusform>
        </translation>
    </message>
    <message>
        <source>(at most %1)</source>
        <translation>(maksymalnie %1)</translation>
    </message>
    <message>
        <source>Add row</source>
        <extracomment>A table&apos;s problem summary lists this many lines, then says how many more there are.</extracomment>
        <translation>Dodaj wiersz</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Usuń wiersz</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… i jeszcze %1</translation>
    </message>
</context>
<context>
    <name>TargetCell</name>
    <message>
        <source>Empty = no target</source>
        <extracomment>Warning modes of a cell: at a percentage of the target, or minutes before due. The demo template of sla.md §7: (priority, kind) → (amount, unit).</extracomment>
        <translation>Puste = brak celu</translation>
    </message>
    <message>
        <source>Minutes and hours are business time on the policy&apos;s calendar. End of the Nth business day: 0 = today, 1 = the next business day.</source>
        <translation>Minuty i godziny to czas roboczy według kalendarza polityki. Koniec N-tego dnia roboczego: 0 = dziś, 1 = następny dzień roboczy.</translation>
    </message>
    <message>
        <source>Warn this many business minutes before due</source>
        <translation>Ostrzegaj tyle minut roboczych przed terminem</translation>
    </message>
    <message>
        <source>Warn when this % of the target is used (1–99; empty = {0} %)</source>
        <translation>Ostrzegaj po wykorzystaniu takiego % celu (1–99; puste = {0} %)</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>warn at % of target</source>
        <translation>ostrzeż przy % celu</translation>
    </message>
    <message>
        <source>warn min before due</source>
        <translation>ostrzeż min przed terminem</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <source>&amp;Add task</source>
        <translation>&amp;Dodaj zadanie</translation>
    </message>
    <message>
        <source>A new task</source>
        <translation>Nowe zadanie</translation>
    </message>
    <message>
        <source>Add &amp;checklist</source>
        <translation>Dodaj &amp;listę kontrolną</translation>
    </message>
    <message>
        <source>Checklist</source>
        <extracomment>Set while the list is being filled, so filling does not count as ticking.</extracomment>
        <translation>Lista kontrolna</translation>
    </message>
    <message>
        <source>Checklist ({0}/{1})</source>
        <translation>Lista kontrolna ({0}/{1})</translation>
    </message>
    <message>
        <source>Done by {0}, {1}</source>
        <translation>Wykonane przez: {0}, {1}</translation>
    </message>
    <message>
        <source>No tasks on this ticket.</source>
        <translation>Brak zadań w tym zgłoszeniu.</translation>
    </message>
    <message>
        <source>Your account may not change this ticket.</source>
        <translation>Twoje konto nie może zmieniać tego zgłoszenia.</translation>
    </message>
</context>
<context>
    <name>TechnicianCsatTableModel</name>
    <message>
        <source>(unassigned)</source>
        <translation>(nieprzypisane)</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Odpowiedzi</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Średnia</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technik</translation>
    </message>
</context>
<context>
    <name>TerminalWidget</name>
    <message>
        <source>Paste several lines?</source>
        <extracomment>The transcript&apos;s size cap, in UTF-8 bytes (remote.md §4.1). Bytes asked of `recv()` per call. Chunks the reader may hand over before the GUI has fed the earlier ones to pyte. Resizes are sent once the user stops dragging for this long, not for every pixel.</extracomment>
        <translation>Wkleić kilka wierszy?</translation>
    </message>
    <message>
        <source>The clipboard holds {0} line(s). Each line break runs a command on the remote host. Paste it?</source>
        <translation>Liczba wierszy w schowku: {0}. Każdy znak nowego wiersza uruchamia polecenie na zdalnym hoście. Wkleić?</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>Check who the caller is before credential work (password reset, unlock)</source>
        <translation>Sprawdź tożsamość dzwoniącego przed pracą z poświadczeniami (reset hasła, odblokowanie)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Compare…</source>
        <extracomment>The ticket was saved; carries the ticket id. The ticket (and timeline) were shown from the database, after opening or a reload. A save hit a conflict; carries the `ConcurrentEditError`, before the question is asked. The feature panels shown as tabs after the timeline. The version edits are based on; sent as `expected_version`. True while this dialog announces its own write, so it ignores the echo. The ticket&apos;s SLA clocks, under the header (None without an `SlaService`). The client&apos;s approval rules that apply (None without an `ApprovalService`).</extracomment>
        <translation>Porównaj…</translation>
    </message>
    <message>
        <source>Discard your edits and show the stored ticket</source>
        <translation>Odrzuć zmiany i pokaż zapisane zgłoszenie</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Brak zmian do zapisania.</translation>
    </message>
    <message>
        <source>Not saved: check the highlighted fields.</source>
        <translation>Nie zapisano: sprawdź wyróżnione pola.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Wczytaj ponownie</translation>
    </message>
    <message>
        <source>Save the ticket ({0})</source>
        <translation>Zapisz zgłoszenie ({0})</translation>
    </message>
    <message>
        <source>Saved at {0}.</source>
        <translation>Zapisano o {0}.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Zapisywanie…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <extracomment>Inserts a canned reply, filled in for this ticket, into the note (None without).</extracomment>
        <translation>Oś czasu</translation>
    </message>
    <message>
        <source>Verify caller…</source>
        <translation>Zweryfikuj dzwoniącego…</translation>
    </message>
    <message>
        <source>another technician</source>
        <translation>inny technik</translation>
    </message>
    <message>
        <source>{0} saved this ticket at {1}. Your edits are not saved yet.</source>
        <translation>{0} zapisał to zgłoszenie o {1}. Twoje zmiany nie są jeszcze zapisane.</translation>
    </message>
    <message>
        <source>{0} — Loading…</source>
        <extracomment>The caller verification dialog opened last; None once it closed. The client&apos;s remote methods (None without a `RemoteLauncher`). The window&apos;s keyboard shortcuts (`set_queue_navigation` enables next/previous).</extracomment>
        <translation>{0} — Wczytywanie…</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
</context>
<context>
    <name>TicketEditor</name>
    <message>
        <source>Pick a contact from the list, or clear the field.</source>
        <translation>Wybierz osobę kontaktową z listy albo wyczyść pole.</translation>
    </message>
    <message>
        <source>Type to search this client&apos;s contacts</source>
        <extracomment>The user changed a field or the contact text. The form&apos;s values right after the last `show_detail()`: &quot;unsaved&quot; means &quot;differs&quot;.</extracomment>
        <translation>Pisz, aby wyszukać osoby kontaktowe klienta</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <source>&amp;Escalate…</source>
        <translation>&amp;Eskaluj…</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorytet</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>Kolej&amp;ka</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>T&amp;yp</translation>
    </message>
    <message>
        <source>Assi&amp;gnee</source>
        <translation>Przypisa&amp;ny</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>Przypisz do &amp;mnie</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>&amp;Osoba kontaktowa</translation>
    </message>
    <message>
        <source>Categor&amp;y</source>
        <translation>&amp;Kategoria</translation>
    </message>
    <message>
        <source>Classification and routing</source>
        <translation>Klasyfikacja i kierowanie</translation>
    </message>
    <message>
        <source>Clie&amp;nt</source>
        <translation>Klie&amp;nt</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <source>Escalation
reason</source>
        <translation>Powód
eskalacji</translation>
    </message>
    <message>
        <source>No queue</source>
        <translation>Bez kolejki</translation>
    </message>
    <message>
        <source>One line the requester would recognise</source>
        <extracomment>Examples of the &quot;service › type › item&quot; category tree (domain.md §2.4); any text is allowed. The multi-line capture fields, in the order the intake conversation asks for them. The user changed something (typing, choosing); the dialog recomputes &quot;unsaved&quot;. Where a raised tier goes instead of this form (see `send_tier_raises_to`). The values last shown, for the fields this form does not edit. The tier as stored; raising it above this needs a reason.</extracomment>
        <translation>Jedno zdanie, które zgłaszający rozpozna</translation>
    </message>
    <message>
        <source>Other users, devices, networks where it works</source>
        <translation>Inni użytkownicy, urządzenia, sieci, w których działa</translation>
    </message>
    <message>
        <source>Raise to the next tier and give a reason</source>
        <translation>Przekaż do następnej linii wsparcia i podaj powód</translation>
    </message>
    <message>
        <source>Restarts, other browser, cleared cache, …</source>
        <translation>Ponowne uruchomienie, inna przeglądarka, wyczyszczona pamięć podręczna, …</translation>
    </message>
    <message>
        <source>S&amp;ubject</source>
        <translation>&amp;Temat</translation>
    </message>
    <message>
        <source>Service › hardware/software type › item</source>
        <translation>Usługa › rodzaj sprzętu/oprogramowania › element</translation>
    </message>
    <message>
        <source>Since when, how often; which site, room, device</source>
        <translation>Od kiedy, jak często; która lokalizacja, pomieszczenie, urządzenie</translation>
    </message>
    <message>
        <source>Sou&amp;rce</source>
        <translation>Ź&amp;ródło</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>St&amp;atus</translation>
    </message>
    <message>
        <source>Structured capture</source>
        <translation>Szczegóły zgłoszenia</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>&amp;Linia wsparcia</translation>
    </message>
    <message>
        <source>The problem in the requester&apos;s words: what they see, what they expected</source>
        <translation>Problem słowami zgłaszającego: co widzi, czego się spodziewał</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nieprzypisane</translation>
    </message>
    <message>
        <source>What the user is doing when it happens</source>
        <translation>Co robi użytkownik, gdy to się dzieje</translation>
    </message>
    <message>
        <source>Why the next tier is needed, and what was tried</source>
        <translation>Dlaczego potrzebna jest następna linia i co już wypróbowano</translation>
    </message>
    <message>
        <source>{0} (inactive)</source>
        <translation>{0} (nieaktywny)</translation>
    </message>
</context>
<context>
    <name>TicketHeader</name>
    <message>
        <source>Contact: {0}</source>
        <extracomment>Chip colours (background, text); priorities follow the usual red-to-grey urgency scale.</extracomment>
        <translation>Osoba kontaktowa: {0}</translation>
    </message>
    <message>
        <source>Created {0}</source>
        <translation>Utworzono {0}</translation>
    </message>
    <message>
        <source>Resolved {0}</source>
        <translation>Rozwiązano {0}</translation>
    </message>
    <message>
        <source>Updated {0}</source>
        <translation>Zmieniono {0}</translation>
    </message>
    <message>
        <source>Updated {0} by {1}</source>
        <translation>Zmieniono {0}, autor: {1}</translation>
    </message>
</context>
<context>
    <name>TicketQueueView</name>
    <message>
        <source>%1 tickets</source>
        <translation>Zgłoszenia: %1</translation>
    </message>
    <message>
        <source>1 ticket</source>
        <translation>1 zgłoszenie</translation>
    </message>
    <message>
        <source>Any client</source>
        <translation>Dowolny klient</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Dowolny priorytet</translation>
    </message>
    <message>
        <source>Any queue</source>
        <translation>Dowolna kolejka</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Dowolny status</translation>
    </message>
    <message>
        <source>Any status except resolved and closed</source>
        <translation>Dowolny status oprócz rozwiązanych i zamkniętych</translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation>Dowolna linia</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Ktokolwiek</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Przypisany</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Client #%1</source>
        <translation>Klient nr %1</translation>
    </message>
    <message>
        <source>Could not read the tickets. &lt;a href=&apos;#retry&apos;&gt;Try again&lt;/a&gt;</source>
        <translation>Nie udało się odczytać zgłoszeń. &lt;a href=&apos;#retry&apos;&gt;Spróbuj ponownie&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No tickets match these filters.</source>
        <translation>Żadne zgłoszenie nie pasuje do tych filtrów.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>Queue #%1</source>
        <translation>Kolejka nr %1</translation>
    </message>
    <message>
        <source>Search number, subject or contact</source>
        <extracomment>Quiet time after the last keystroke in the search box before the query runs. Change kinds that rename what rows show (client, queue, technician, contact names). Width, in average characters, of the columns showing free-form names. Shown only on request (header context menu): twelve columns do not fit a laptop screen. Columns the user cannot hide: without them a row means nothing. Status combo values: (open only, status categories). Assignee combo values: (unassigned only, technician id). The user opened a ticket (double-click or Enter); carries the ticket id. The user changed a filter by hand, so the shown tickets no longer follow a saved queue. Reading the queue failed; carries the exception (e.g. `DatabaseUnavailableError`). True while widgets are set from code, so their change signals run no query. The &quot;Needs update&quot; condition of the saved queue shown: no widget holds it, and any filter edited by hand drops it (the side bar then shows no saved queue selected). Bumped by each count request; a count answering an older filter is dropped. The ticket selected before the model reset, selected again once rows land. The bulk-action bar above the table (None without a `BulkActionService`). Search (Ctrl+F), next / previous ticket (Ctrl+. / Ctrl+,).</extracomment>
        <translation>Szukaj numeru, tematu lub osoby kontaktowej</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>Szukaj zgłoszeń</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Technician #%1</source>
        <translation>Technik nr %1</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Zgłoszenia</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Linia</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nieprzypisane</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Nierozwiązane</translation>
    </message>
</context>
<context>
    <name>TicketShortcuts</name>
    <message>
        <source>No next ticket in the queue shown.</source>
        <extracomment>Opens the ticket `step` rows after (or before, if negative) `ticket_id` in the queue shown; the opened ticket&apos;s id, or None if there is none (edge of the queue, ticket not listed). The cheat sheet opened from this window (one per window), or None.</extracomment>
        <translation>Brak następnego zgłoszenia w wyświetlanej kolejce.</translation>
    </message>
    <message>
        <source>No previous ticket in the queue shown.</source>
        <translation>Brak poprzedniego zgłoszenia w wyświetlanej kolejce.</translation>
    </message>
</context>
<context>
    <name>TicketSlaPanel</name>
    <message>
        <source>Choose the policy again from the client&apos;s contract and defaults, e.g. after a contract change, and recompute the clocks from the ticket&apos;s history</source>
        <translation>Wybierz ponownie politykę na podstawie umowy klienta i ustawień domyślnych, np. po zmianie umowy, i przelicz liczniki czasu na podstawie historii zgłoszenia</translation>
    </message>
    <message>
        <source>Loading SLA…</source>
        <extracomment>The clocks were read and shown (after each `reload()`). A write from the panel (&quot;Re-evaluate&quot;, a breach reason) changed the ticket; carries the `Changes` to announce. Who may press &quot;Re-evaluate&quot; (None: read-only, no button). Bumped by each reload: clocks read for an older one are dropped.</extracomment>
        <translation>Wczytywanie SLA…</translation>
    </message>
    <message>
        <source>Measured against: {0}</source>
        <translation>Mierzone według: {0}</translation>
    </message>
    <message>
        <source>No SLA applies to this ticket</source>
        <translation>To zgłoszenie nie jest objęte SLA</translation>
    </message>
    <message>
        <source>Re-evaluate SLA</source>
        <translation>Ponownie oceń SLA</translation>
    </message>
    <message>
        <source>Reason not saved: {0}</source>
        <translation>Nie zapisano przyczyny: {0}</translation>
    </message>
    <message>
        <source>SLA not available: {0}</source>
        <translation>SLA niedostępne: {0}</translation>
    </message>
    <message>
        <source>SLA not re-evaluated: {0}</source>
        <translation>Nie oceniono ponownie SLA: {0}</translation>
    </message>
    <message>
        <source>{0} on {1} ({2})</source>
        <translation>{0}, kalendarz {1} ({2})</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <source>Assignee</source>
        <translation>Przypisany</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Osoba kontaktowa</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Utworzono</translation>
    </message>
    <message>
        <source>Number</source>
        <extracomment>Ticket id of the row (int); stable across sorting, paging and refreshes. The row&apos;s optimistic-locking version (int), for edits started from the queue. The whole immutable `TicketRow` DTO of the row. The `sla_format.Tone` (str) of an SLA column&apos;s cell at this instant; None in other columns. How often the SLA columns&apos; countdowns are repainted (architecture §3.1: a 30 s tick). Most rows `reload()` asks for in one go to keep what the user had scrolled through. The SLA columns and the clock each one shows. Priority dot colours: saturated for the phoned-in P1/P2, muted for the rest. Colour of placeholder text such as &quot;Unassigned&quot;. True while a page request of the current query is in flight, False once it landed. A read of the current query failed; carries the exception (typed, not UI text). The first page of a new query (or `reload()`) landed; the rows are in the model. False until the first `set_query`/`sort`/`reload`: an unqueried model is just empty. ticket id → row number in `_rows`. Where the next page starts; None when the last page is loaded (or none was asked). Bumped by every reset; results tagged with an older value are stale. The page request of the current generation that has not landed yet. Set when a page request failed; stops `canFetchMore` from retrying in a loop. Repaints the countdowns; created by `start_sla_ticks()`.</extracomment>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>Resolve due</source>
        <translation>Termin rozwiązania</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>Termin reakcji</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Temat</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Linia</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nieprzypisane</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Zmieniono</translation>
    </message>
</context>
<context>
    <name>TicketTimelinePanel</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Czas trwania</translation>
    </message>
    <message>
        <source>&amp;Log call</source>
        <translation>&amp;Zarejestruj rozmowę</translation>
    </message>
    <message>
        <source>&amp;Told the user</source>
        <translation>&amp;Poinformowano użytkownika</translation>
    </message>
    <message>
        <source>A call with the requester counts as the SLA response and as an update. Clear this for a call with a vendor or a colleague.</source>
        <translation>Rozmowa ze zgłaszającym liczy się jako reakcja SLA i jako informacja dla klienta. Odznacz to pole przy rozmowie z dostawcą lub współpracownikiem.</translation>
    </message>
    <message>
        <source>Add to timeline</source>
        <translation>Dodaj do osi czasu</translation>
    </message>
    <message>
        <source>Call with the requester (counts as a customer update)</source>
        <translation>Rozmowa ze zgłaszającym (liczy się jako informacja dla klienta)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Notatka wewnętrzna</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Zarejestruj rozmowę</translation>
    </message>
    <message>
        <source>Next steps and when they will hear from us next</source>
        <translation>Kolejne kroki i kiedy otrzyma od nas następną informację</translation>
    </message>
    <message>
        <source>Note / reply</source>
        <translation>Notatka / odpowiedź</translation>
    </message>
    <message>
        <source>Public replies are visible to the requester and count as the SLA response; internal notes do not</source>
        <translation>Odpowiedzi publiczne widzi zgłaszający i liczą się one jako reakcja SLA; notatki wewnętrzne nie</translation>
    </message>
    <message>
        <source>Public reply</source>
        <translation>Odpowiedź publiczna</translation>
    </message>
    <message>
        <source>Re&amp;ference</source>
        <translation>Nume&amp;r referencyjny</translation>
    </message>
    <message>
        <source>Telephony or recording id</source>
        <translation>Identyfikator połączenia lub nagrania</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Oś czasu</translation>
    </message>
    <message>
        <source>Told the user</source>
        <translation>Poinformowano użytkownika</translation>
    </message>
    <message>
        <source>Who you spoke to and what was agreed</source>
        <extracomment>Extra tools beside the note kind (e.g. canned replies), added by the dialog.</extracomment>
        <translation>Z kim rozmawiano i co ustalono</translation>
    </message>
    <message>
        <source>Write a note… ({0} adds it)</source>
        <extracomment>A note, reply or call was stored; carries the `TicketSaved` (the owner announces it).</extracomment>
        <translation>Napisz notatkę… ({0} ją dodaje)</translation>
    </message>
</context>
<context>
    <name>TimePanel</name>
    <message>
        <source>45 or 1:30</source>
        <translation>45 lub 1:30</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Dodaj wpis</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Do rozliczenia</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Anuluj edycję</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Delete time entry</source>
        <translation>Usuń wpis czasu</translation>
    </message>
    <message>
        <source>Delete {0} logged by {1}?</source>
        <translation>Usunąć wpis {0} (zarejestrował: {1})?</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edytuj</translation>
    </message>
    <message>
        <source>Enter between 1 minute and 24 hours.</source>
        <translation>Wpisz wartość od 1 minuty do 24 godzin.</translation>
    </message>
    <message>
        <source>Enter minutes (45) or hours and minutes (1:30).</source>
        <translation>Wpisz minuty (45) albo godziny i minuty (1:30).</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notatka</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>Zapisz wpis</translation>
    </message>
    <message>
        <source>Someone changed this entry meanwhile; it was reloaded. Try again.</source>
        <translation>Ktoś w międzyczasie zmienił ten wpis; został on wczytany ponownie. Spróbuj jeszcze raz.</translation>
    </message>
    <message>
        <source>Started</source>
        <extracomment>The entry being edited, or None while the form adds a new one.</extracomment>
        <translation>Rozpoczęto</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Czas rozpoczęcia</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>The start cannot be in the future.</source>
        <translation>Początek nie może być w przyszłości.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <source>Time ({0})</source>
        <translation>Czas ({0})</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>Poświęcony czas</translation>
    </message>
    <message>
        <source>Total {0}, billable {1}</source>
        <translation>Łącznie {0}, do rozliczenia {1}</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Co zostało zrobione</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
</context>
<context>
    <name>TotpPanel</name>
    <message>
        <source>%v s left</source>
        <extracomment>Single shot, re-armed for the next whole second so the roll-over is not up to 1 s late.</extracomment>
        <translation>Pozostało %v s</translation>
    </message>
    <message>
        <source>Copy code</source>
        <extracomment>What a masked field shows; a fixed length, so the length of the secret does not show either. vault.md §8.5: a reason is at least 5 characters (without a ticket). The fields shown masked, with Show and Copy. What the first, `view` reveal decrypts (when set): the masked fields and the notes. The TOTP seed waits for &quot;Show code&quot;; the private key and extras stay sealed. &quot;Copy code&quot; was clicked; carries the code without spaces.</extracomment>
        <translation>Kopiuj kod</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the vault</source>
        <translation>Odblokuj sejf</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Forgot vault password?</source>
        <translation>Nie pamiętasz hasła do sejfu?</translation>
    </message>
    <message>
        <source>No supported system keychain is available on this computer.</source>
        <translation>Na tym komputerze nie ma obsługiwanego systemowego pęku kluczy.</translation>
    </message>
    <message>
        <source>Remember this device</source>
        <translation>Zapamiętaj to urządzenie</translation>
    </message>
    <message>
        <source>The credential vault is locked.</source>
        <translation>Sejf poświadczeń jest zablokowany.</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain is not one the app trusts to hold the device key.</source>
        <translation>Aplikacja nie uznaje pęku kluczy tego komputera za zaufany do przechowywania klucza urządzenia.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Odblokuj</translation>
    </message>
    <message>
        <source>Unlock without the password on this computer, using its keychain.</source>
        <translation>Odblokowuj bez hasła na tym komputerze, korzystając z jego pęku kluczy.</translation>
    </message>
    <message>
        <source>Vault password</source>
        <translation>Hasło do sejfu</translation>
    </message>
</context>
<context>
    <name>UnlockPrompt</name>
    <message>
        <source>The vault could not be unlocked.</source>
        <translation>Nie udało się odblokować sejfu.</translation>
    </message>
    <message>
        <source>The vault locked. Unlock it to continue; what you typed is kept.</source>
        <extracomment>vault.md §8.3: after this many wrong passwords, wait 30 s, doubling each time. The vault is unlocked again (the session has told every view).</extracomment>
        <translation>Sejf został zablokowany. Odblokuj go, aby kontynuować; wpisane dane zostają zachowane.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Odblokuj</translation>
    </message>
    <message>
        <source>Vault password</source>
        <translation>Hasło do sejfu</translation>
    </message>
    <message>
        <source>Wrong vault password.</source>
        <translation>Nieprawidłowe hasło do sejfu.</translation>
    </message>
    <message>
        <source>Wrong vault password. Try again in {s} s.</source>
        <translation>Nieprawidłowe hasło do sejfu. Spróbuj ponownie za {s} s.</translation>
    </message>
    <message>
        <source>Your vault keys are disabled.</source>
        <translation>Twoje klucze sejfu są wyłączone.</translation>
    </message>
</context>
<context>
    <name>VaultAccessDialog</name>
    <message>
        <source> (admin)</source>
        <translation> (administrator)</translation>
    </message>
    <message>
        <source>Access granted with the recovery kit; a new kit replaces it.</source>
        <translation>Dostęp przyznany za pomocą zestawu odzyskiwania; zastąpi go nowy zestaw.</translation>
    </message>
    <message>
        <source>After a key reset: the same vaults as before, once the new key is signed.</source>
        <translation>Po zresetowaniu klucza: te same sejfy co wcześniej, gdy nowy klucz zostanie podpisany.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Odcisk klucza</translation>
    </message>
    <message>
        <source>Grant this client&apos;s vault</source>
        <translation>Przyznaj dostęp do sejfu tego klienta</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Klucze</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Restore access…</source>
        <translation>Przywróć dostęp…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Odbierz dostęp…</translation>
    </message>
    <message>
        <source>Sign key…</source>
        <translation>Podpisz klucz…</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Podpisany</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Use recovery kit…</source>
        <translation>Użyj zestawu odzyskiwania…</translation>
    </message>
    <message>
        <source>Vault access</source>
        <extracomment>Something changed (a key signed, a grant, a revocation): views may reload. An audited action of ours finished (grant, revoke, restore, recovery).</extracomment>
        <translation>Dostęp do sejfu</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktywny</translation>
    </message>
    <message>
        <source>inactive account</source>
        <translation>nieaktywne konto</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>niezarejestrowany</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>unieważniony</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>podpisany</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <source>{name} can now open this client&apos;s vault.</source>
        <translation>{name} może teraz otwierać sejf tego klienta.</translation>
    </message>
    <message>
        <source>{name}&apos;s access is restored.</source>
        <translation>Przywrócono dostęp użytkownika {name}.</translation>
    </message>
    <message>
        <source>{name}&apos;s key is signed.</source>
        <translation>Klucz użytkownika {name} został podpisany.</translation>
    </message>
</context>
<context>
    <name>VaultDashboardDialog</name>
    <message>
        <source>Audit chain</source>
        <translation>Łańcuch audytu</translation>
    </message>
    <message>
        <source>Broken links (a row before was deleted or changed): {ids}.</source>
        <translation>Przerwane ogniwa (wcześniejszy wiersz został usunięty lub zmieniony): {ids}.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <source>Change each client password below, revealed ones first. A row closes when the item&apos;s password is changed in the vault.</source>
        <translation>Zmień każde z poniższych haseł klienta, zaczynając od ujawnionych. Wiersz zamyka się, gdy hasło elementu zostanie zmienione w sejfie.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Could not save the file: {reason}</source>
        <translation>Nie udało się zapisać pliku: {reason}</translation>
    </message>
    <message>
        <source>Every vault action is chained to the one before it. Verifying recomputes the whole chain and records that it was checked.</source>
        <translation>Każda operacja w sejfie jest powiązana łańcuchowo z poprzednią. Weryfikacja przelicza cały łańcuch i odnotowuje, że został sprawdzony.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksportuj CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksportuj PDF…</translation>
    </message>
    <message>
        <source>Export rotation worklist</source>
        <translation>Eksportuj listę zadań rotacji</translation>
    </message>
    <message>
        <source>First bad row: {id}.</source>
        <translation>Pierwszy błędny wiersz: {id}.</translation>
    </message>
    <message>
        <source>Keys due for rotation ({n})</source>
        <translation>Klucze do rotacji ({n})</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pliki PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Wczytaj ponownie</translation>
    </message>
    <message>
        <source>Reveal activity ({n})</source>
        <translation>Aktywność ujawnień ({n})</translation>
    </message>
    <message>
        <source>Rotate now</source>
        <translation>Wykonaj rotację teraz</translation>
    </message>
    <message>
        <source>Rotation worklist ({n})</source>
        <translation>Lista zadań rotacji ({n})</translation>
    </message>
    <message>
        <source>Rows changed in place: {ids}.</source>
        <translation>Wiersze zmienione w miejscu: {ids}.</translation>
    </message>
    <message>
        <source>Saved the worklist to {path}.</source>
        <translation>Zapisano listę zadań w {path}.</translation>
    </message>
    <message>
        <source>Technicians who revealed more than {n} credentials within one hour in the last {days} days. Each reveal is in the audit log with its ticket or reason.</source>
        <translation>Technicy, którzy w ciągu ostatnich {days} dni ujawnili w ciągu jednej godziny więcej poświadczeń niż {n}. Każde ujawnienie jest zapisane w dzienniku audytu wraz ze zgłoszeniem lub powodem.</translation>
    </message>
    <message>
        <source>The audit chain is broken: {n} rows checked.</source>
        <translation>Łańcuch audytu jest przerwany; liczba sprawdzonych wierszy: {n}.</translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} rows checked.</source>
        <translation>Łańcuch audytu jest nienaruszony; liczba sprawdzonych wierszy: {n}.</translation>
    </message>
    <message>
        <source>The last row this workstation wrote is missing or different: the chain was rewritten.</source>
        <translation>Brakuje ostatniego wiersza zapisanego przez tę stację roboczą lub jest on inny: łańcuch został przepisany.</translation>
    </message>
    <message>
        <source>Unlock the vault first: rotating a key needs the current one.</source>
        <translation>Najpierw odblokuj sejf: rotacja klucza wymaga bieżącego klucza.</translation>
    </message>
    <message>
        <source>Vault dashboard</source>
        <extracomment>The last chain check, for tests and the status text.</extracomment>
        <translation>Pulpit sejfu</translation>
    </message>
    <message>
        <source>Vault keys in use for more than a year. Rotating makes a new key and re-encrypts the vault&apos;s credentials; the client passwords stay the same.</source>
        <translation>Klucze sejfu używane dłużej niż rok. Rotacja tworzy nowy klucz i ponownie szyfruje poświadczenia w sejfie; hasła klienta pozostają bez zmian.</translation>
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation>Zweryfikuj łańcuch audytu</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Weryfikowanie…</translation>
    </message>
    <message>
        <source>{client}&apos;s vault now uses key version {version}.</source>
        <translation>Sejf klienta {client} używa teraz klucza w wersji {version}.</translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>Admin credentials are never typed into this form. Add them to the client&apos;s vault on the Credentials tab: they are encrypted there, and every reveal is audited. Servers and remote methods on the other pages link to vault items.</source>
        <extracomment>The user asked to open the client&apos;s Credentials tab.</extracomment>
        <translation>Poświadczeń administratora nigdy nie wpisuje się w tym formularzu. Dodaj je do sejfu klienta na karcie Poświadczenia: są tam szyfrowane, a każde ich ujawnienie podlega audytowi. Serwery i metody zdalnego dostępu na pozostałych stronach odwołują się do elementów sejfu.</translation>
    </message>
    <message>
        <source>Open the Credentials tab</source>
        <translation>Otwórz kartę Poświadczenia</translation>
    </message>
</context>
<context>
    <name>VaultPanel</name>
    <message>
        <source>Add credential…</source>
        <translation>Dodaj poświadczenie…</translation>
    </message>
    <message>
        <source>Change vault password…</source>
        <translation>Zmień hasło do sejfu…</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Utwórz sejf</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Usuń…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edytuj…</translation>
    </message>
    <message>
        <source>Enrol…</source>
        <translation>Zarejestruj…</translation>
    </message>
    <message>
        <source>Not enrolled: you have no vault keys yet. Pick a vault password, then ask an administrator to confirm your key and grant you this client&apos;s vault.</source>
        <translation>Brak rejestracji: nie masz jeszcze kluczy sejfu. Wybierz hasło do sejfu, a potem poproś administratora o potwierdzenie Twojego klucza i przyznanie dostępu do sejfu tego klienta.</translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>Ujawnij…</translation>
    </message>
    <message>
        <source>Select a client to see its credentials.</source>
        <extracomment>Calm, not an error: e.g. this device could not be remembered (the unlock stands).</extracomment>
        <translation>Wybierz klienta, aby zobaczyć jego poświadczenia.</translation>
    </message>
    <message>
        <source>Set up the vault…</source>
        <extracomment>vault.md §8.3: after this many wrong passwords, wait 30 s, doubling each time. The signed-in technician is an admin: offers first setup and vault access.</extracomment>
        <translation>Skonfiguruj sejf…</translation>
    </message>
    <message>
        <source>The credential vault is not set up yet. An administrator sets it up.</source>
        <translation>Sejf poświadczeń nie jest jeszcze skonfigurowany. Konfiguruje go administrator.</translation>
    </message>
    <message>
        <source>The credentials could not be loaded. Try again later.</source>
        <translation>Nie udało się wczytać poświadczeń. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>The vault could not be created. Try again later.</source>
        <translation>Nie udało się utworzyć sejfu. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>The vault could not be unlocked.</source>
        <translation>Nie udało się odblokować sejfu.</translation>
    </message>
    <message>
        <source>The vault is unlocked, but this device could not be remembered. You will be asked for the password next time.</source>
        <translation>Sejf jest odblokowany, ale nie udało się zapamiętać tego urządzenia. Następnym razem pojawi się prośba o hasło.</translation>
    </message>
    <message>
        <source>This client has no credential vault yet.</source>
        <translation>Ten klient nie ma jeszcze sejfu poświadczeń.</translation>
    </message>
    <message>
        <source>Vault access…</source>
        <translation>Dostęp do sejfu…</translation>
    </message>
    <message>
        <source>Vault dashboard…</source>
        <translation>Pulpit sejfu…</translation>
    </message>
    <message>
        <source>Vault settings…</source>
        <translation>Ustawienia sejfu…</translation>
    </message>
    <message>
        <source>Wrong vault password.</source>
        <translation>Nieprawidłowe hasło do sejfu.</translation>
    </message>
    <message>
        <source>Wrong vault password. Try again in {s} s.</source>
        <translation>Nieprawidłowe hasło do sejfu. Spróbuj ponownie za {s} s.</translation>
    </message>
    <message>
        <source>Your stored vault settings are invalid. Ask an administrator.</source>
        <translation>Zapisane ustawienia sejfu są nieprawidłowe. Zwróć się do administratora.</translation>
    </message>
    <message>
        <source>Your vault keys are disabled.</source>
        <translation>Twoje klucze sejfu są wyłączone.</translation>
    </message>
    <message>
        <source>Your vault password was changed.</source>
        <translation>Hasło do sejfu zostało zmienione.</translation>
    </message>
</context>
<context>
    <name>VaultSettingsDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Dziennik audytu</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Sprawdzanie…</translation>
    </message>
    <message>
        <source>Clear copied secrets after (s):</source>
        <translation>Czyść skopiowane sekrety po (s):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Lock the vault after idle (min):</source>
        <translation>Blokuj sejf po bezczynności (min):</translation>
    </message>
    <message>
        <source>Only administrators change vault settings.</source>
        <translation>Ustawienia sejfu zmieniają tylko administratorzy.</translation>
    </message>
    <message>
        <source>Only administrators verify the audit log.</source>
        <translation>Dziennik audytu weryfikują tylko administratorzy.</translation>
    </message>
    <message>
        <source>Recompute the audit log&apos;s hash chain, and check that it still holds the last entry this workstation wrote.</source>
        <translation>Przelicz łańcuch skrótów dziennika audytu i sprawdź, czy nadal zawiera on ostatni wpis zapisany przez tę stację roboczą.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Zapisano.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>The audit log could not be checked.</source>
        <translation>Nie udało się sprawdzić dziennika audytu.</translation>
    </message>
    <message>
        <source>The settings could not be saved. Try again.</source>
        <translation>Nie udało się zapisać ustawień. Spróbuj ponownie.</translation>
    </message>
    <message>
        <source>The vault is not set up yet.</source>
        <translation>Sejf nie jest jeszcze skonfigurowany.</translation>
    </message>
    <message>
        <source>These apply to every technician the next time their vault view loads. Changes are recorded in the audit log.</source>
        <translation>Ustawienia obowiązują każdego technika od następnego wczytania jego widoku sejfu. Zmiany są rejestrowane w dzienniku audytu.</translation>
    </message>
    <message>
        <source>Type a whole number from {a} to {b}.</source>
        <translation>Wpisz liczbę całkowitą od {a} do {b}.</translation>
    </message>
    <message>
        <source>Vault settings</source>
        <extracomment>The settings were stored and applied to this session. A chain check finished (ok or not); carries the report.</extracomment>
        <translation>Ustawienia sejfu</translation>
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation>Zweryfikuj łańcuch audytu</translation>
    </message>
    <message>
        <source>{a}–{b} minutes</source>
        <translation>{a}–{b} min</translation>
    </message>
    <message>
        <source>{a}–{b} seconds</source>
        <translation>{a}–{b} s</translation>
    </message>
</context>
<context>
    <name>VendorCaseDialog</name>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notatka:</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Otwórz zgłoszenie</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>Numer &amp;referencyjny:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Dostawca:</translation>
    </message>
    <message>
        <source>Added to the case&apos;s notes</source>
        <translation>Dodawane do notatek zgłoszenia</translation>
    </message>
    <message>
        <source>Follow up at</source>
        <translation>Ponowny kontakt</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Ponowny kontakt:</translation>
    </message>
    <message>
        <source>Open vendor case</source>
        <extracomment>A new case&apos;s first follow-up, unless the technician picks another time. The case was stored; carries the `VendorCaseSaved`.</extracomment>
        <translation>Otwórz zgłoszenie u dostawcy</translation>
    </message>
    <message>
        <source>Other vendor…</source>
        <translation>Inny dostawca…</translation>
    </message>
    <message>
        <source>The vendor&apos;s case or ticket number</source>
        <translation>Numer sprawy lub zgłoszenia u dostawcy</translation>
    </message>
    <message>
        <source>Update vendor case</source>
        <translation>Aktualizuj zgłoszenie u dostawcy</translation>
    </message>
    <message>
        <source>Vendor &amp;contact:</source>
        <translation>&amp;Kontakt u dostawcy:</translation>
    </message>
    <message>
        <source>Vendor name</source>
        <translation>Nazwa dostawcy</translation>
    </message>
    <message>
        <source>account {0}</source>
        <translation>konto {0}</translation>
    </message>
    <message>
        <source>contract {0}</source>
        <translation>umowa {0}</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>By</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Make version {0} the current text? It is saved as a new version.</source>
        <translation>Ustawić wersję {0} jako bieżący tekst? Zostanie zapisana jako nowa wersja.</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Przywróć tę wersję</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Zapisano</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Podsumowanie</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Versions of {0}</source>
        <translation>Wersje: {0}</translation>
    </message>
</context>
<context>
    <name>WeeklyHoursWidget</name>
    <message>
        <source>Copy Monday to Tue–Fri</source>
        <translation>Kopiuj poniedziałek na wt–pt</translation>
    </message>
    <message>
        <source>Fill in the usual office hours; weekend closed.</source>
        <translation>Wstaw typowe godziny pracy biura; w weekend zamknięte.</translation>
    </message>
    <message>
        <source>Mon–Fri 09:00-17:00</source>
        <translation>pn–pt 09:00-17:00</translation>
    </message>
    <message>
        <source>Working hours of this weekday, e.g. 08:00-12:00, 13:00-17:00. Empty = closed. An end before the start runs overnight (22:00-06:00); 24:00 ends at midnight.</source>
        <translation>Godziny pracy w tym dniu tygodnia, np. 08:00-12:00, 13:00-17:00. Puste = zamknięte. Koniec przed początkiem oznacza pracę przez noc (22:00-06:00); 24:00 oznacza koniec o północy.</translation>
    </message>
    <message>
        <source>closed — e.g. 08:00-12:00, 13:00-17:00</source>
        <extracomment>Monday first, as `CalendarSpec.weekly`.</extracomment>
        <translation>zamknięte — np. 08:00-12:00, 13:00-17:00</translation>
    </message>
</context>
<context>
    <name>WikiPanel</name>
    <message>
        <source>The wiki page could not be loaded.</source>
        <translation>Nie udało się wczytać strony wiki.</translation>
    </message>
</context>
<context>
    <name>WinRMConsole</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>PowerShell command, e.g. Get-Service spooler</source>
        <extracomment>The transcript&apos;s size cap, in UTF-8 bytes (remote.md §4.1, §6). Commands remembered for Up/Down. A command&apos;s result was shown; carries the `PowerShellResult`. True while a command runs.</extracomment>
        <translation>Polecenie PowerShell, np. Get-Service spooler</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Uruchom</translation>
    </message>
</context>
<context>
    <name>_DatedTable</name>
    <message>
        <source>Add date</source>
        <extracomment>The row&apos;s local date as &quot;YYYY-MM-DD&quot; (str), on the date cell. A holiday row&apos;s `source` (&quot;manual&quot;, &quot;holidays:PL@0.109&quot;), on the source cell. Years the seeding spin boxes offer (the service&apos;s range).</extracomment>
        <translation>Dodaj datę</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
</context>
<context>
    <name>_PasswordDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>That did not work. Try again later.</source>
        <translation>To się nie udało. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Nie masz uprawnień do tej operacji.</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Nie można otworzyć bazy danych</translation>
    </message>
    <message>
        <source>The shared database must be upgraded from revision {0} to {1} before this version can use it. Every technician needs this version afterwards.

Has a backup (pg_dump) of the database been made?</source>
        <translation>Zanim ta wersja będzie mogła korzystać ze wspólnej bazy danych, trzeba ją zaktualizować z rewizji {0} do {1}. Potem każdy technik będzie potrzebował tej wersji.

Czy wykonano kopię zapasową (pg_dump) bazy danych?</translation>
    </message>
    <message>
        <source>The team database did not open. Type the password again and test the connection.</source>
        <translation>Nie udało się otworzyć bazy danych zespołu. Wpisz ponownie hasło i przetestuj połączenie.</translation>
    </message>
    <message>
        <source>Upgrade the shared database?</source>
        <translation>Zaktualizować wspólną bazę danych?</translation>
    </message>
</context>
<context>
    <name>durations</name>
    <message>
        <source>{0} h</source>
        <translation>{0} godz.</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} godz. {1} min</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>A server name has no spaces and none of / @ ? # \ &apos; &quot;.</source>
        <translation>Nazwa serwera nie może zawierać spacji ani znaków / @ ? # \ &apos; &quot;.</translation>
    </message>
    <message>
        <source>Connected. The database {db} is empty: MSP Helpdesk will set it up when you click Finish.</source>
        <translation>Połączono. Baza danych {db} jest pusta: MSP Helpdesk skonfiguruje ją po kliknięciu Zakończ.</translation>
    </message>
    <message>
        <source>Connected. The database {db} is ready: click Finish, then sign in with your MSP Helpdesk account.</source>
        <translation>Połączono. Baza danych {db} jest gotowa: kliknij Zakończ, a następnie zaloguj się na swoje konto MSP Helpdesk.</translation>
    </message>
    <message>
        <source>Connected. The database {db} was made by an older version: it will be upgraded once you confirm that a backup exists.</source>
        <translation>Połączono. Baza danych {db} została utworzona przez starszą wersję: zostanie zaktualizowana, gdy potwierdzisz, że istnieje kopia zapasowa.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Wpisz nazwę bazy danych.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or IP address.</source>
        <translation>Wpisz nazwę lub adres IP serwera.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Wpisz nazwę użytkownika.</translation>
    </message>
    <message>
        <source>No server answers at {host}:{port}. Check the port and that PostgreSQL accepts network connections.</source>
        <translation>Pod adresem {host}:{port} nie odpowiada żaden serwer. Sprawdź port oraz to, czy PostgreSQL przyjmuje połączenia sieciowe.</translation>
    </message>
    <message>
        <source>PostgreSQL names are at most 63 bytes long.</source>
        <translation>Nazwy w PostgreSQL mogą mieć najwyżej 63 bajty.</translation>
    </message>
    <message>
        <source>The connection to {host}:{port} failed. The details below may help your database administrator.</source>
        <translation>Połączenie z {host}:{port} nie powiodło się. Poniższe szczegóły mogą pomóc administratorowi bazy danych.</translation>
    </message>
    <message>
        <source>The database {db} already holds other tables. Use an empty database for MSP Helpdesk.</source>
        <translation>Baza danych {db} zawiera już inne tabele. Użyj pustej bazy danych dla MSP Helpdesk.</translation>
    </message>
    <message>
        <source>The database {db} was set up by a newer version of MSP Helpdesk. Install that version on this computer first.</source>
        <translation>Baza danych {db} została skonfigurowana przez nowszą wersję MSP Helpdesk. Najpierw zainstaluj tę wersję na tym komputerze.</translation>
    </message>
    <message>
        <source>The secure connection (SSL) failed: the server does not offer it, or its certificate is not trusted here. Try another SSL mode, or ask your database administrator.</source>
        <translation>Nie udało się nawiązać bezpiecznego połączenia (SSL): serwer go nie oferuje albo jego certyfikat nie jest tu zaufany. Wypróbuj inny tryb SSL lub zwróć się do administratora bazy danych.</translation>
    </message>
    <message>
        <source>The server did not accept user {user} with this password. Check the user name and the password.</source>
        <translation>Serwer nie zaakceptował użytkownika {user} z tym hasłem. Sprawdź nazwę użytkownika i hasło.</translation>
    </message>
    <message>
        <source>The server name {host} cannot be found. Check its spelling, or use the server&apos;s IP address.</source>
        <translation>Nie można znaleźć serwera o nazwie {host}. Sprawdź pisownię albo użyj adresu IP serwera.</translation>
    </message>
    <message>
        <source>The service at {host}:{port} is not PostgreSQL. Check the port (PostgreSQL usually listens on 5432).</source>
        <translation>Usługa pod adresem {host}:{port} to nie PostgreSQL. Sprawdź port (PostgreSQL zwykle nasłuchuje na porcie 5432).</translation>
    </message>
    <message>
        <source>There is no database named {db} on {host}. Check the name, or ask your database administrator to create it.</source>
        <translation>Na serwerze {host} nie ma bazy danych o nazwie {db}. Sprawdź nazwę albo poproś administratora bazy danych o jej utworzenie.</translation>
    </message>
    <message>
        <source>This server name is too long.</source>
        <translation>Ta nazwa serwera jest za długa.</translation>
    </message>
    <message>
        <source>This value cannot be used.</source>
        <translation>Tej wartości nie można użyć.</translation>
    </message>
    <message>
        <source>Use a port from 1 to 65535.</source>
        <translation>Użyj portu z zakresu od 1 do 65535.</translation>
    </message>
    <message>
        <source>User {user} may not create or read the MSP Helpdesk tables in {db}. Ask your database administrator to make {user} the owner of {db}.</source>
        <translation>Użytkownik {user} nie może tworzyć ani odczytywać tabel MSP Helpdesk w bazie {db}. Poproś administratora bazy danych, aby ustawił użytkownika {user} jako właściciela bazy {db}.</translation>
    </message>
    <message>
        <source>{host}:{port} did not answer within {seconds} seconds. Check the server name, and any firewall or VPN in between.</source>
        <translation>Serwer {host}:{port} nie odpowiedział w ciągu {seconds} s. Sprawdź nazwę serwera oraz zapory sieciowe lub VPN po drodze.</translation>
    </message>
</context>
</TS>
