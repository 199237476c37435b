#!/usr/bin/env bash
# Install the Debian/Ubuntu packages wellbeing needs, but only the missing ones.
#
#   scripts/install-system-deps.sh [--runtime | --test] [--check]
#
#   --runtime  only what the app needs to run on an X11 desktop (Qt's xcb libraries)
#   --test     (default) also the parts the integration tests use: Xvfb, openbox,
#              X clients, a session D-Bus with dunst, PostgreSQL, ImageMagick, headless
#              sway (with foot) and weston, ...
#   --check    never install; list what is missing and exit 0
#
# It asks dpkg-query which packages are missing and calls apt-get only when
# something is. As root it installs directly; as a user it uses sudo only when
# sudo needs no password (never prompts, so it is safe with no stdin in CI).
# Otherwise it prints the exact command to run and exits 0, so that the tests
# that need the missing parts skip (or, with WELLBEING_REQUIRE_INTEGRATION,
# fail) with a clear reason instead of the build stopping here.
set -euo pipefail

mode=test
check_only=0
for arg in "$@"; do
  case "$arg" in
    --runtime) mode=runtime ;;
    --test) mode=test ;;
    --check) check_only=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "install-system-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

# Qt 6 (PySide6) on X11: the xcb platform plugin and what it links against.
runtime_packages=(
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  fonts-dejavu-core libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
)
# The real parts the integration tests drive (see tests/conftest.py).
test_packages=(
  xvfb xauth openbox xdotool x11-utils xterm x11-apps dbus dunst libnotify-bin imagemagick
  postgresql trayer sqlite3
  sway foot wayland-utils weston   # headless Wayland compositors (tests/integration/wayland_helpers.py)
  desktop-file-utils appstream   # desktop-file-validate, appstreamcli (tests/e2e/test_cli_autostart.py, tests/unit/test_packaging_files.py)
)
# A headless GNOME Shell (Wayland) with GTK 3 windows run by Debian's python3, for the GNOME
# backend's tests (tests/integration/gnome_shell.py); about 430 MB without recommends.
test_packages+=(gnome-shell gjs gir1.2-gtk-3.0 python3-gi libglib2.0-bin)
# KDE Plasma on Wayland: a headless KWin (tests/integration/kwin_helpers.py), and the
# Wayland client libraries Qt's wayland platform plugin needs for the test windows.
test_packages+=(kwin-wayland libwayland-client0 libwayland-cursor0 libwayland-egl1)

wanted=("${runtime_packages[@]}")
[ "$mode" = test ] && wanted+=("${test_packages[@]}")

# python3 -m venv needs ensurepip, which Debian ships separately in python3-venv.
python_bin=${PYTHON:-python3}
if ! command -v "$python_bin" >/dev/null 2>&1; then
  wanted+=(python3 python3-venv)
elif ! "$python_bin" -c 'import ensurepip' >/dev/null 2>&1; then
  wanted+=(python3-venv)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-deps: not a Debian-like system (no dpkg-query); install the equivalents of:"
  echo "  ${wanted[*]}"
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: all ${#wanted[@]} $mode packages are installed"
  exit 0
fi

echo "install-system-deps: missing ${#missing[@]} package(s): ${missing[*]}"
if [ "$check_only" = 1 ]; then
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-system-deps: not root and no password-less sudo; to install them run:"
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  echo "install-system-deps: continuing; tests that need these parts will skip (or fail in CI)"
  exit 0
fi

started=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
if "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
  && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
       --no-install-recommends "${missing[@]}" </dev/null; then
  echo "install-system-deps: installed ${missing[*]} in $(( $(date +%s) - started )) s"
else
  echo "install-system-deps: apt-get failed (see above); continuing without: ${missing[*]}" >&2
fi
