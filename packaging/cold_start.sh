#!/usr/bin/env bash
# Prints the seconds from starting COMMAND to its main window being mapped on the X display,
# then closes the app with SIGTERM (it closes its window and exits 0). Run under xvfb-run.
set -euo pipefail
start=$(date +%s.%N)
"$@" & pid=$!
for _ in $(seq 600); do
  if xdotool search --onlyvisible --name "PHT Desktop" >/dev/null 2>&1; then
    echo "$(date +%s.%N) - $start" | bc
    kill -TERM "$pid"
    wait "$pid"
    exit 0
  fi
  sleep 0.02
done
kill -KILL "$pid"
echo "no main window after 12 s" >&2
exit 1
