#!/usr/bin/env bash
# Debian packages the app and its tests need: Qt's runtime libraries (offscreen and X11;
# libpulse0 for QtMultimedia's sound),
# qpdf and poppler-utils (tests read PDFs back with independent tools),
# postgresql (the tests start a throwaway server from its initdb/pg_ctl; see tests/pg_server.py).
set -euo pipefail
pkgs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
libxcb-image0 libpulse0 qpdf poppler-utils postgresql"
command -v dpkg >/dev/null 2>&1 || exit 0  # not Debian: install the equivalents by hand
missing=$(for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
[ -z "$missing" ] && exit 0
echo "Installing Debian packages: $missing"
if [ "$(id -u)" -eq 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
