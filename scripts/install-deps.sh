#!/usr/bin/env bash
# Installs every Debian 12 package KASP needs to build, run and test.
# Idempotent: when everything is already installed it only checks (a second or two).
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6.4 (Widgets, Sql, Network, tools for translations)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6sql6-psql libqt6sql6-sqlite qt6-qpa-plugins libgl-dev
  # keys for the whole desktop (X11 grabs through xcb); tests press them with xdotool
  libx11-dev libxcb1-dev xdotool
  # encrypted local store
  libsqlcipher-dev sqlcipher libssl-dev sqlite3 openssl
  # sync server: HTTP + WebSockets, argon2id passwords
  qt6-httpserver-dev qt6-websockets-dev libsodium-dev
  # property tests
  librapidcheck-dev
  # vouchers by e-mail (SMTP through libcurl); tests: a real SMTP server and a PDF reader
  libcurl4-openssl-dev python3-aiosmtpd poppler-utils
  # libFuzzer (clang) for the protocol fuzz test
  clang libclang-rt-14-dev
  # softphone (SIP): liblinphone; tests: kamailio as registrar and proxy, linphonec to compare
  liblinphone-dev linphone-cli kamailio kamailio-presence-modules
  # list export to Excel (xlsxwriter.pc links -lz); tests read the files back with openpyxl
  libxlsxwriter-dev zlib1g-dev python3-openpyxl
  # keychain
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus dbus-x11
  # test fixtures: PostgreSQL, X server, fonts for screenshots
  postgresql xvfb xauth x11-apps fonts-dejavu-core locales
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
