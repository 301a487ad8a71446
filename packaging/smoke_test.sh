#!/usr/bin/env bash
# Smoke test of a BUILT bundle (not the source tree): version, a key in the real Secret
# Service, decrypting and verifying a result archive made by the tests' code, the GUI's main
# window on a virtual screen, the cold-start time next to the source app's, and the SBOM that
# build.sh writes beside the bundle (it names the key packages, at the lock's versions).
# Usage: packaging/smoke_test.sh dist/pht-desktop
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=$(cd "$1" && pwd)
exe="$bundle/pht-desktop"
if [ -z "${PHT_SMOKE_INSIDE:-}" ]; then
  # A private D-Bus session with a fresh, unlocked gnome-keyring: the real Secret Service.
  exec env PHT_SMOKE_INSIDE=1 scripts/with-test-services env -u QT_QPA_PLATFORM "$0" "$@"
fi
work=$(mktemp -d -t pht-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
export PHT_DESKTOP_HOME="$work/home"
step() { printf '\n== %s\n' "$*"; }

step "version"
want="pht-desktop $(.venv/bin/python -c 'from importlib.metadata import version; print(version("pht-desktop"))')"
got=$("$exe" --version)
[ "$got" = "$want" ] || { echo "frozen app says '$got', expected '$want'" >&2; exit 1; }
echo "$got"

step "a key in the real Secret Service"
echo "smoke passphrase" | "$exe" keys generate smoke-key --type rsa-2048 --passphrase-stdin
"$exe" keys list --json | grep -q '"name": "smoke-key"'
"$exe" keys storage | grep -q "OS keyring"
"$exe" keys export smoke-key --public > "$work/public.pem"
echo "generated, listed, stored in the OS keyring"

step "decrypt and verify a result archive made by the tests"
.venv/bin/python - "$work" <<'PY'
import sys
from pathlib import Path
from cryptography.hazmat.primitives import serialization
from tests.helpers.result_archives import build_archive
work = Path(sys.argv[1])
public = serialization.load_pem_public_key((work / "public.pem").read_bytes())
build_archive(work / "archive", public, {"table.csv": b"site,n\nA,1\n", "model/w.bin": bytes(range(256)) * 400}, 2)
PY
echo "smoke passphrase" | "$exe" decrypt "$work/archive/result.tar" --out "$work/out" --passphrase-stdin \
  --report "$work/report.json" > /dev/null
grep -q '"status": "verified"' "$work/report.json"
cmp <(printf 'site,n\nA,1\n') "$work/out/table.csv"
echo "decrypted and verified"

step "the central API against the bundle's own local demo hub"
"$exe" demo --no-gui > "$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 100); do grep -q "LOCAL DEMO" "$work/demo.log" && break; sleep 0.1; done
echo demo-password | "$exe" login --username demo --password-stdin
"$exe" keys register smoke-key
echo "smoke passphrase" | "$exe" trains fetch-result a1b2c3d4-0000-4000-8000-000000000002 --out "$work/fetched" \
  --passphrase-stdin > /dev/null
test -s "$work/fetched/summary.csv"
kill "$demo_pid"; wait "$demo_pid" 2>/dev/null || true
echo "signed in, registered a key, fetched, decrypted and verified a result"

step "the main window on a virtual screen, then closed"
frozen=$(xvfb-run -a packaging/cold_start.sh "$exe")
source_app=$(xvfb-run -a packaging/cold_start.sh "$PWD/.venv/bin/pht-desktop")
printf 'cold start to the main window: frozen %.2f s, source %.2f s\n' "$frozen" "$source_app"

step "German on a German desktop"
LANG=de_DE.UTF-8 LC_ALL= LANGUAGE= xvfb-run -a packaging/cold_start.sh "$exe" > /dev/null
grep -rhq "language: de" "$PHT_DESKTOP_HOME" --include='*.log' || { echo "the frozen GUI did not start in German" >&2; exit 1; }
if grep -rh "translation .* not found" "$PHT_DESKTOP_HOME" --include='*.log'; then
  echo "the bundle lacks a translation" >&2; exit 1
fi
echo "started in German with our catalogue and Qt's qtbase_de.qm"

step "station runner"
if "$exe" --help | grep -q " station "; then
  "$exe" station --help > /dev/null && echo "station --help works"
else
  echo "this build has no station runner command yet"
fi

step "the SBOM next to the bundle"
sbom="$(dirname "$bundle")/pht-desktop-${want#pht-desktop }-sbom.cdx.json"
.venv/bin/python packaging/check_sbom.py "$sbom" requirements/frozen.lock "${want#pht-desktop }"

step "size"
echo "bundle: $(du -sm "$bundle" | cut -f1) MB on disk"
echo "smoke test passed"
