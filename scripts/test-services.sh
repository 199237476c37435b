#!/usr/bin/env bash
# Run one command inside a private set of throw-away test services, then tear them down.
#
#   scripts/test-services.sh COMMAND [ARGS...]
#
# Started, each in a fresh mktemp directory, and waited for until usable:
#   - a private session D-Bus (the whole script re-runs itself under dbus-run-session)
#   - Xvfb on a free display in :90..:120 (-nolisten tcp, 1280x800x24)
#   - openbox as the window manager (ready once _NET_SUPPORTING_WM_CHECK is set)
#   - dunst, owning org.freedesktop.Notifications on that bus
#   - PostgreSQL (newest in /usr/lib/postgresql/*/bin), on a free 127.0.0.1 port, fsync off
# The command sees DISPLAY, WELLBEING_TEST_DISPLAY, DBUS_SESSION_BUS_ADDRESS and
# WELLBEING_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/wellbeing_test
# (the role is a superuser, so tests may CREATE DATABASE). If WELLBEING_TEST_PG_URL is
# already set, that server is used and none is started.
#
# A part that cannot start (not installed, fails) is reported and left out; the
# tests that need it then skip, or fail when WELLBEING_REQUIRE_INTEGRATION is set.
# The user's own DISPLAY, WAYLAND_DISPLAY and session bus are never passed on.
# Every service is stopped on exit (also on errors and signals), the temporary
# directory is removed, and the exit code is the command's.
set -uo pipefail

log() { printf 'test-services: %s\n' "$*" >&2; }
now() { printf '%s' "${EPOCHREALTIME/,/.}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

if [ $# -eq 0 ]; then
  sed -n '2,21p' "$0" >&2
  exit 2
fi

# --- a private session bus: re-run this script under dbus-run-session ------------------
if [ -z "${_WELLBEING_TEST_BUS:-}" ]; then
  unset DISPLAY WAYLAND_DISPLAY XAUTHORITY WELLBEING_TEST_DISPLAY DBUS_SESSION_BUS_ADDRESS
  export _WELLBEING_TEST_STARTED
  _WELLBEING_TEST_STARTED=$(now)
  if command -v dbus-run-session >/dev/null 2>&1; then
    export _WELLBEING_TEST_BUS=private
    exec dbus-run-session -- "$0" "$@"
  fi
  export _WELLBEING_TEST_BUS=none
  log "dbus-run-session not found (package dbus): no session bus, no notification daemon"
fi

started_all=${_WELLBEING_TEST_STARTED:-$(now)}
workdir=$(mktemp -d "${TMPDIR:-/tmp}/wellbeing-test.XXXXXX")
mkdir -p "$workdir/home/.config" "$workdir/home/.cache"
# Window manager and notification daemon get a private home: no user config, no writes to ~.
service_env=(env HOME="$workdir/home" XDG_CONFIG_HOME="$workdir/home/.config"
  XDG_CACHE_HOME="$workdir/home/.cache" XDG_DATA_HOME="$workdir/home/.local/share")

xvfb_pid="" openbox_pid="" dunst_pid="" pg_pid="" pg_bindir="" pg_data="" as_pg=()
timings=()

running() {  # running PID: the process exists and is not a zombie (PID 1 may never reap it)
  local stat
  [ -r /proc/self/stat ] || { kill -0 "$1" 2>/dev/null; return; }
  # A zombie's stat can be unreadable to its non-root owner, so unreadable means not running.
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

stop_pid() {  # stop_pid PID NAME: TERM, up to 5 s, then KILL; reap it
  local pid=$1 name=$2 i
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
  for ((i = 0; i < 100; i++)); do
    running "$pid" || break
    sleep 0.05
  done
  if running "$pid"; then
    log "$name (pid $pid) ignored SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
  return 0
}

stop_postgres() {  # fast shutdown of the postmaster, then reap our child (postgres or runuser)
  [ -n "$pg_pid" ] || return 0
  local postmaster i
  postmaster=$(head -n 1 "$pg_data/postmaster.pid" 2>/dev/null)
  if [ -n "$postmaster" ] && kill -INT "$postmaster" 2>/dev/null; then
    for ((i = 0; i < 200; i++)); do
      running "$postmaster" || break
      sleep 0.05
    done
    if running "$postmaster"; then
      log "postgres (pid $postmaster) did not stop in 10 s; killing it"
      kill -KILL "$postmaster" 2>/dev/null
    fi
  fi
  stop_pid "$pg_pid" postgres
}

teardown() {
  local rc=$? t
  trap - EXIT INT TERM HUP
  trap '' PIPE   # a closed stderr must not stop the teardown half-way
  t=$(now)
  stop_pid "$dunst_pid" dunst
  stop_pid "$openbox_pid" openbox
  stop_pid "$xvfb_pid" Xvfb    # X clients a test left behind lose their display and exit
  stop_postgres
  rm -rf "$workdir"
  log "teardown $(since "$t") s; total $(since "$started_all") s; exit code $rc"
  exit "$rc"
}
trap teardown EXIT
trap 'exit 129' HUP
trap 'exit 141' PIPE
trap 'exit 130' INT
trap 'exit 143' TERM

wait_until() {  # wait_until SECONDS COMMAND...: poll every 50 ms
  local deadline=$(( $1 * 20 )) i
  shift
  for ((i = 0; i < deadline; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  return 1
}

show_log() { [ -s "$1" ] && sed 's/^/    /' "$1" | tail -n 15 >&2; }

# --- X: Xvfb + openbox ------------------------------------------------------------------
xvfb_owns() {  # the lock file of display $1 names our Xvfb, and it answers
  [ "$(tr -d ' \n' 2>/dev/null <"/tmp/.X$1-lock")" = "$xvfb_pid" ] \
    && xdpyinfo -display ":$1" >/dev/null 2>&1
}

start_x() {
  local n t=$(now)
  for tool in Xvfb xdpyinfo; do
    command -v "$tool" >/dev/null || { log "$tool not found (xvfb, x11-utils): no X server"; return 1; }
  done
  for n in $(seq 90 120); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -nolisten tcp -noreset -screen 0 1280x800x24 >"$workdir/xvfb.log" 2>&1 &
    xvfb_pid=$!
    local i
    for ((i = 0; i < 200; i++)); do
      kill -0 "$xvfb_pid" 2>/dev/null || break
      if xvfb_owns "$n"; then
        export DISPLAY=":$n" WELLBEING_TEST_DISPLAY=":$n"
        timings+=("Xvfb :$n $(since "$t") s")
        return 0
      fi
      sleep 0.05
    done
    stop_pid "$xvfb_pid" Xvfb   # lost a race for :$n, or too slow: try the next number
    xvfb_pid=""
  done
  log "could not start Xvfb on any display in :90..:120"
  show_log "$workdir/xvfb.log"
  return 1
}

wm_ready() { xprop -root _NET_SUPPORTING_WM_CHECK | grep -q 'window id'; }

start_wm() {
  local t=$(now)
  command -v openbox >/dev/null || { log "openbox not found: no window manager"; return 1; }
  "${service_env[@]}" openbox --sm-disable >"$workdir/openbox.log" 2>&1 &
  openbox_pid=$!
  if command -v xprop >/dev/null && wait_until 15 wm_ready; then
    timings+=("openbox $(since "$t") s")
    return 0
  fi
  log "openbox did not set _NET_SUPPORTING_WM_CHECK within 15 s"
  show_log "$workdir/openbox.log"
  return 1
}

# --- notifications: dunst on the private bus ---------------------------------------------
notifications_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications | grep -q 'boolean true'
}

start_dunst() {
  local t=$(now)
  [ "$_WELLBEING_TEST_BUS" = private ] || return 1
  [ -n "${DISPLAY:-}" ] || { log "no X server, so no dunst"; return 1; }
  command -v dunst >/dev/null || { log "dunst not found: no notification daemon"; return 1; }
  "${service_env[@]}" dunst >"$workdir/dunst.log" 2>&1 &
  dunst_pid=$!
  if wait_until 15 notifications_owned; then
    timings+=("dunst $(since "$t") s")
    return 0
  fi
  log "dunst did not own org.freedesktop.Notifications within 15 s"
  show_log "$workdir/dunst.log"
  return 1
}

# --- PostgreSQL: a throw-away cluster --------------------------------------------------
free_port() {
  "${PYTHON:-python3}" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

pg_ready() {  # pg_ready SOCKET_DIR PORT: 0 ready, 1 starting, 2 the server exited
  running "$pg_pid" || return 2
  "$pg_bindir/pg_isready" -q -h "$1" -p "$2" 2>/dev/null || return 1
}

start_postgres() {
  local t=$(now) pg_dir="$workdir/pg" port attempt i state
  pg_bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bindir" ] || [ ! -x "$pg_bindir/initdb" ]; then
    log "no PostgreSQL server in /usr/lib/postgresql/*/bin (package postgresql)"
    return 1
  fi
  mkdir -p "$pg_dir/data" "$pg_dir/sock"
  chmod 700 "$pg_dir/data"
  if [ "$(id -u)" = 0 ]; then   # initdb refuses root: the cluster belongs to postgres
    chmod 711 "$workdir"
    chown -R postgres: "$pg_dir"
    as_pg=(runuser -u postgres --)
  fi
  pg_data="$pg_dir/data"
  if ! (cd "$pg_dir" && "${as_pg[@]}" "$pg_bindir/initdb" -D "$pg_data" -U postgres \
        --auth=trust -E UTF8 --no-locale --no-sync >"$pg_dir/initdb.log" 2>&1); then
    log "initdb failed"
    show_log "$pg_dir/initdb.log"
    return 1
  fi
  # The server runs in the foreground as our child (not daemonised by pg_ctl), so it is
  # reaped on stop even where PID 1 reaps nothing.
  for attempt in 1 2 3; do   # a free port can be taken between probing and binding
    port=$(free_port) || return 1
    (cd "$pg_dir" && exec "${as_pg[@]}" "$pg_bindir/postgres" -D "$pg_data" -k "$pg_dir/sock" \
      -p "$port" -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
      -c full_page_writes=off >>"$pg_dir/server.log" 2>&1) &
    pg_pid=$!
    state=1
    for ((i = 0; i < 600 && state == 1; i++)); do
      pg_ready "$pg_dir/sock" "$port"
      state=$?
      [ "$state" = 1 ] && sleep 0.05
    done
    [ "$state" = 0 ] && break
    stop_pid "$pg_pid" postgres
    pg_pid=""
  done
  if [ -n "$pg_pid" ] && (cd "$pg_dir" && "${as_pg[@]}" "$pg_bindir/createdb" -h "$pg_dir/sock" \
        -p "$port" -U postgres wellbeing_test 2>>"$pg_dir/server.log"); then
    export WELLBEING_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/wellbeing_test"
    timings+=("PostgreSQL $("$pg_bindir/postgres" -V | awk '{print $3}') :$port $(since "$t") s")
    return 0
  fi
  log "PostgreSQL did not start"
  show_log "$pg_dir/server.log"
  return 1
}

# --- run ---------------------------------------------------------------------------------
t_services=$(now)
start_x && start_wm
start_dunst
if [ -n "${WELLBEING_TEST_PG_URL:-}" ]; then
  log "using the given WELLBEING_TEST_PG_URL; no PostgreSQL started"
else
  start_postgres
fi
printf -v started_parts '%s, ' "${timings[@]}"
log "services up in $(since "$t_services") s: ${started_parts%, }"
log "DISPLAY=${DISPLAY:-<none>} WELLBEING_TEST_PG_URL=${WELLBEING_TEST_PG_URL:-<none>}" \
  "bus=$_WELLBEING_TEST_BUS"
unset _WELLBEING_TEST_BUS _WELLBEING_TEST_STARTED

t_command=$(now)
"$@"
rc=$?
log "command finished in $(since "$t_command") s with exit code $rc: $*"
exit "$rc"
