#!/usr/bin/env bash
# Runs ctest the way CI does: a virtual X server (Xvfb) for widget tests, a private D-Bus session
# with an unlocked gnome-keyring for the keychain tests, and a throwaway HOME. Ends with ctest's
# own summary line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/build"

if [ -z "${KASP_IN_TEST_SESSION:-}" ]; then
  export KASP_IN_TEST_SESSION=1
  test_home="$(mktemp -d /tmp/kasp-test-home.XXXXXX)"
  export HOME="$test_home" XDG_DATA_HOME="$test_home/.local/share" XDG_CONFIG_HOME="$test_home/.config"
  export XDG_CACHE_HOME="$test_home/.cache" XDG_RUNTIME_DIR="$test_home/run"
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  exec xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- bash "$root/scripts/run-tests.sh" "$@"
fi

# Inside the session: unlock a keyring for the Secret Service (password only for this temp HOME).
eval "$(printf 'kasp-test' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
rm -rf test-tmp && mkdir -p test-tmp
ctest --output-on-failure -j2 --timeout 600 "$@"
