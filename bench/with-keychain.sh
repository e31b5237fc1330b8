#!/usr/bin/env bash
# Runs a bench the way kasp runs on a desktop, for the benches that read the keychain
# (kasp-bench-ring, kasp-bench-startup): a private D-Bus session with an unlocked gnome-keyring as
# the Secret Service, and a throwaway HOME, so that this account's keychain, settings and files are
# never touched. The same set-up as scripts/run-tests.sh, without Xvfb (add xvfb-run -a in front,
# or QT_QPA_PLATFORM=offscreen).
#   flock /tmp/kasp-test.lock bench/with-keychain.sh build/bench/kasp-bench-startup
set -euo pipefail

if [ -z "${KASP_IN_BENCH_SESSION:-}" ]; then
  export KASP_IN_BENCH_SESSION=1
  home="$(mktemp -d /tmp/kasp-bench-home.XXXXXX)"
  trap 'rm -rf "$home"' EXIT
  export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
  export XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run"
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  status=0
  dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@" || status=$?
  exit "$status"
fi

# Inside the session: unlock a keyring for the Secret Service (a password for this temp HOME only).
eval "$(printf 'kasp-bench' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
exec "$@"
