#!/usr/bin/env bash
# macOS: put the .app that packaging/pht-desktop.spec builds (dist/PHT Desktop.app) into a
# compressed disk image with a link to /Applications. Runs on a macOS runner (hdiutil).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(.venv/bin/python -c 'from importlib.metadata import version; print(version("pht-desktop"))')
staging=$(mktemp -d)
cp -R "dist/PHT Desktop.app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "PHT Desktop $version" -srcfolder "$staging" -ov -format UDZO \
  "dist/pht-desktop-$version-macos-$(uname -m).dmg"
rm -rf "$staging"
