; veil.nsi — Veil's Windows installer (NSIS 3). Built by .ci/package-windows.sh:
;   makensis -DVERSION=0.1.0 -DBUILD=1 -DSTAGE=dir -DICON=veil.ico -DOUTFILE=out.exe veil.nsi
; STAGE holds veil.exe and the licences folder. With -DSIGN="command %1" the
; uninstaller is signed too, in place, before it is packed.
;
; Per user, no administrator rights: everything goes under the user's own
; folders and registry hive (%LOCALAPPDATA%\Programs\Veil, the user's Start
; menu, HKCU). Silent: "Veil-setup.exe /S" installs, "uninstall.exe /S"
; removes Veil, its shortcut, its registry key and its settings.

; 64-bit installer for a 64-bit program (it also runs under a 64-bit-only Wine).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"

!define APPID     "app.veil.desktop"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "Veil"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Veil"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "Veil ${VERSION}"

VIProductVersion "${VERSION}.${BUILD}"
VIAddVersionKey "ProductName" "Veil"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}.${BUILD}"
VIAddVersionKey "FileDescription" "Veil installer"
VIAddVersionKey "LegalCopyright" "Veil authors"

!ifdef SIGN
!uninstfinalize '${SIGN}'
!endif

!define MUI_ICON   "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\veil.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open Veil now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Spanish"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Veil" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\veil.exe"
  SetOutPath "$INSTDIR\licences"
  File /r "${STAGE}\licences\*.*"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\Veil.lnk" "$INSTDIR\veil.exe" "" "$INSTDIR\veil.exe" 0 \
    SW_SHOWNORMAL "" "Make a photo safe to send"

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "Veil"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Veil authors"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\veil.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" ${SIZEKB}
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\Veil.lnk"
  Delete "$INSTDIR\veil.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir /r "$INSTDIR\licences"
  RMDir "$INSTDIR"
  ; The per-user programs folder, only if Veil was all it held (RMDir
  ; without /r never removes a folder that is not empty).
  RMDir "$LOCALAPPDATA\Programs"
  ; Veil's only stored state: its settings, where Fyne keeps them
  ; (%APPDATA%\fyne\<app id>). Never the user's photos.
  RMDir /r "$APPDATA\fyne\${APPID}"
  RMDir "$APPDATA\fyne"
  DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd
