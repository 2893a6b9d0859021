; Inno Setup script: wraps the PyInstaller one-folder build (dist\helpdesk) in a per-user
; installer — no administrator rights, a Start-menu shortcut to the windowed launcher, the console
; `helpdesk.exe` on the user's PATH for scheduled reports and `db backup`.
; Built by installer\build_windows.ps1 (which passes /DAppVersion from app.__version__):
;   iscc /DAppVersion=0.1.0 installer\helpdesk.iss

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\helpdesk.iss
#endif

[Setup]
; A fixed AppId: upgrades replace the previous version instead of installing beside it.
AppId={{6E0C9B0E-5B7E-4C55-9D0C-2F1B8E7B4A11}
AppName=MSP Helpdesk
AppVersion={#AppVersion}
AppPublisher=MSP Helpdesk contributors
DefaultDirName={localappdata}\Programs\MSP Helpdesk
DefaultGroupName=MSP Helpdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=MSP-Helpdesk-{#AppVersion}-setup
SetupIconFile=..\resources\app.ico
UninstallDisplayIcon={app}\helpdesk-gui.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The user's data (database, backups, logs under %LOCALAPPDATA%\MSP Helpdesk) is not the
; program's: uninstalling leaves it.
ChangesEnvironment=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the helpdesk command to my PATH (scheduled reports, backups)"; Flags: unchecked

[Files]
Source: "..\dist\helpdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\MSP Helpdesk"; Filename: "{app}\helpdesk-gui.exe"
Name: "{userdesktop}\MSP Helpdesk"; Filename: "{app}\helpdesk-gui.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
; Proves the installed copy is whole (migrations, fonts, time zones) before first use.
Filename: "{app}\helpdesk.exe"; Parameters: "selftest"; StatusMsg: "Checking the installation..."; Flags: runhidden waituntilterminated
Filename: "{app}\helpdesk-gui.exe"; Description: "{cm:LaunchProgram,MSP Helpdesk}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
