#!/usr/bin/env bash
# Builds the frozen app and the Linux installers, then smoke-tests the built bundle.
#   dist/pht-desktop/                      the one-folder bundle
#   dist/pht-desktop_<version>_<arch>.deb  Debian package (installs into /opt, launcher on PATH)
#   dist/pht-desktop-<version>-linux-<arch>.tar.gz   portable archive
#   dist/pht-desktop-<version>-sbom.cdx.json       CycloneDX SBOM of the frozen environment
# Usage: packaging/build.sh [--no-smoke]   (make package runs it with the smoke test)
set -euo pipefail
cd "$(dirname "$0")/.."

# The bundle is frozen from the lock file only (requirements/frozen.lock; docs/install.md says
# how it is made): every package pinned and hash-checked, in a venv made afresh for the build.
# The project itself comes from this checkout, built with the locked setuptools.
venv=build/frozen-venv
"${PYTHON:-python3}" -m venv --clear "$venv"
PY=$venv/bin/python
"$PY" -m pip install -q --require-hashes -r requirements/frozen.lock
"$PY" -m pip install -q --no-deps --no-build-isolation -e .

# The GUI's and the core's translations (.qm, .mo) are build products: compiled here, before
# freezing, with a Python that has Babel (the dev venv; the frozen lock does not carry Babel).
"${TRANSLATIONS_PYTHON:-.venv/bin/python}" scripts/build_translations.py
ls desktop_app/locale/pht_desktop_de.qm >/dev/null

version=$("$PY" -c 'from importlib.metadata import version; print(version("pht-desktop"))')
arch=$(dpkg --print-architecture)
dist=dist

# The software bill of materials of exactly the environment that is frozen: every package of the
# frozen venv with its version and purl (CycloneDX JSON). The SBOM tool is itself hash-locked
# (requirements/sbom.lock) and runs from a venv of its own, so it is not listed among the parts.
mkdir -p "$dist"
sbom_venv=build/sbom-venv
"${PYTHON:-python3}" -m venv --clear "$sbom_venv"
"$sbom_venv/bin/python" -m pip install -q --require-hashes -r requirements/sbom.lock
sbom="$dist/pht-desktop-${version}-sbom.cdx.json"
"$sbom_venv/bin/cyclonedx-py" environment --pyproject pyproject.toml --mc-type application \
  --output-reproducible --of JSON -o "$sbom" "$PY"
rm -rf build/pyinstaller "$dist/pht-desktop"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath build/pyinstaller packaging/pht-desktop.spec
bundle="$dist/pht-desktop"

# Debian package, built with dpkg-deb (owner root without needing fakeroot).
root=build/deb-root
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/metainfo"
cp -a "$bundle" "$root/opt/pht-desktop"
ln -s /opt/pht-desktop/pht-desktop "$root/usr/bin/pht-desktop"
install -m 644 resources/pht-desktop.desktop "$root/usr/share/applications/"
install -m 644 desktop_app/resources/pht-desktop.svg "$root/usr/share/icons/hicolor/scalable/apps/"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u +%F)/" resources/io.github.pht_desktop.metainfo.xml \
  > "$root/usr/share/metainfo/io.github.pht_desktop.metainfo.xml"
desktop-file-validate "$root/usr/share/applications/pht-desktop.desktop"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/io.github.pht_desktop.metainfo.xml" >/dev/null
installed_kib=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: pht-desktop
Version: $version
Architecture: $arch
Maintainer: PHT Desktop contributors <pht-desktop@users.noreply.github.com>
Installed-Size: $installed_kib
Depends: libc6, libegl1, libgl1, libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, libxcb-render-util0, libxcb-image0
Recommends: gnome-keyring | kwalletmanager
Section: science
Priority: optional
Homepage: https://github.com/pht-desktop/pht-desktop
Description: Personal Health Train desktop companion
 Manages keys in the system keyring, signs train hashes and decrypts
 result archives of the Personal Health Train offline, verifying them
 against the stations' signatures.
CONTROL
deb="$dist/pht-desktop_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null

tarball="$dist/pht-desktop-${version}-linux-${arch}.tar.gz"
tar -C "$dist" -czf "$tarball" pht-desktop

bundle_mb=$(du -sm "$bundle" | cut -f1)
deb_mb=$(( $(stat -c %s "$deb") / 1048576 ))
tar_mb=$(( $(stat -c %s "$tarball") / 1048576 ))
echo "bundle: $bundle_mb MB on disk (budget 150), .deb: $deb_mb MB, tar.gz: $tar_mb MB (budget 60)"
[ "$bundle_mb" -lt 150 ] || { echo "bundle over its 150 MB budget" >&2; exit 1; }
[ "$deb_mb" -lt 60 ] && [ "$tar_mb" -lt 60 ] || { echo "installer over its 60 MB budget" >&2; exit 1; }

if [ "${1:-}" != "--no-smoke" ]; then
  packaging/smoke_test.sh "$bundle"
fi
