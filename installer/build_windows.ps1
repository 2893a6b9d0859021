# Windows build: the PyInstaller one-folder app, its self-test, then the Inno Setup installer.
# Run from the project root in PowerShell on a Windows build machine with Python 3.11 (x64) and
# Inno Setup 6 (iscc.exe on PATH or in its default folder):
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
# Output: dist\helpdesk\ and dist\MSP-Helpdesk-<version>-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
$py = ".venv\Scripts\python.exe"
& $py -m pip install --disable-pip-version-check -q -r requirements-dev.txt -r requirements-dist.txt
if ($LASTEXITCODE) { throw "pip install failed" }
& $py -m pip install --disable-pip-version-check -q --no-deps -e .
if ($LASTEXITCODE) { throw "pip install of the app failed" }
$version = & $py -c "import app; print(app.__version__)"

& .venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN --distpath dist `
    --workpath build\pyinstaller installer\helpdesk.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

# The frozen app must start, migrate a new database and open its main window (offscreen).
$env:QT_QPA_PLATFORM = "offscreen"
& dist\helpdesk\helpdesk.exe selftest
if ($LASTEXITCODE) { throw "the frozen app's selftest failed" }
Remove-Item Env:\QT_QPA_PLATFORM

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\helpdesk.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Write-Host "built dist\MSP-Helpdesk-$version-setup.exe"
