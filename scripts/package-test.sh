#!/usr/bin/env bash
# Start the bundled program (make package) as a user would, in fresh data folders:
# --version; a 3-second `track` on the built-in pretend computer, then `report --json`
# shows that time (the bundle's migrations ran and its upkeep child worked); the tray
# app starts and quits on SIGTERM (Qt's platform plugins are in the bundle).
set -euo pipefail
bundle="${1:-dist/wellbeing/wellbeing}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
say() { echo "package-test: $*"; }
"$bundle" --version | grep -q '^wellbeing ' && say "--version ok"
"$bundle" --data-dir "$work/d" --fake-platform track --duration 3 2>"$work/track.err" \
  || { cat "$work/track.err"; exit 1; }
total="$("$bundle" --data-dir "$work/d" report --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_seconds"])')"
python3 -c "import sys; sys.exit(0 if 2.0 <= float('$total') <= 4.5 else 1)" \
  || { say "track recorded $total s, expected about 3"; exit 1; }
say "track --duration 3 recorded ${total} s; report --json ok"
"$bundle" --data-dir "$work/fresh" report --json >/dev/null && say "report on a new data folder ok"
touch "$work/gui/welcome-shown" 2>/dev/null || { mkdir -p "$work/gui"; touch "$work/gui/welcome-shown"; }
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/xdg" "$bundle" --data-dir "$work/gui" --fake-platform &
app=$!
sleep 6
kill -TERM "$app"
wait "$app" && say "the tray app started and quit on SIGTERM"
