; Inno Setup script: a per-user installer (no administrator rights) for the one-folder
; bundle that packaging/pht-desktop.spec builds in dist\pht-desktop.
; Build: iscc /DAppVersion=<version from package metadata> packaging\windows\pht-desktop.iss

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z
#endif

[Setup]
AppId={{6B0D2B55-3F9E-4F0A-9C1D-2C6A4E5F7A10}
AppName=PHT Desktop
AppVersion={#AppVersion}
AppPublisher=PHT Desktop contributors
DefaultDirName={localappdata}\Programs\PHT Desktop
DefaultGroupName=PHT Desktop
PrivilegesRequired=lowest
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=pht-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\pht-desktop.ico
UninstallDisplayIcon={app}\pht-desktop.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Files]
Source: "..\..\dist\pht-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\PHT Desktop"; Filename: "{app}\pht-desktop.exe"
Name: "{group}\Uninstall PHT Desktop"; Filename: "{uninstallexe}"
Name: "{userdesktop}\PHT Desktop"; Filename: "{app}\pht-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\pht-desktop.exe"; Description: "Start PHT Desktop"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Settings and key index stay in %LOCALAPPDATA%\pht-desktop and the keys in Windows
; Credential Manager (entries "pht-desktop/<profile>"): uninstalling never deletes keys.
Type: filesandordirs; Name: "{app}"
