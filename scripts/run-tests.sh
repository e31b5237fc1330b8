#!/usr/bin/env bash
# Runs ctest the way CI does: a virtual X server (Xvfb) for widget tests, a private D-Bus session
# with an unlocked gnome-keyring for the keychain tests, and a throwaway HOME. Ends with ctest's
# own summary line, then fails if any test was skipped (KASP_ALLOW_SKIPS=1 only names them).
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
junit="$PWD/Testing/kasp-junit.xml"
rm -f "$junit"
status=0
ctest --output-on-failure -j2 --timeout 600 --output-junit "$junit" "$@" || status=$?

# A skipped test is not a pass. Every scenario here must run on the CI machine (root, Xvfb, the
# keychain, clang's libFuzzer): a test program that skipped anything (CTest's "Skipped", see
# cmake/KaspTest.cmake) fails the suite, named with its SKIP lines. KASP_ALLOW_SKIPS=1 lets a
# machine that cannot run them (not root, no tmpfs mounts) go on, still naming them.
[ -f "$junit" ] || exit "$status"
skipped="$(/usr/bin/python3 - "$junit" <<'PY'
import sys, xml.etree.ElementTree as ET
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    if case.get("status") in ("notrun", "disabled") or case.find("skipped") is not None:
        print("SKIPPED TEST: " + case.get("name"))
        out = case.findtext("system-out") or ""
        reasons = [l.strip() for l in out.splitlines() if l.startswith("SKIP   :")]
        if not reasons:  # not Qt Test's skip, or a long output cut in CTest's record
            msg = case.find("skipped")
            if msg is not None and msg.get("message"):
                reasons.append(msg.get("message"))
            reasons.append("(ctest -V -R '^%s$' shows its output)" % case.get("name"))
        for r in reasons:
            print("    " + r)
PY
)"
if [ -n "$skipped" ]; then
  printf '%s\n' "$skipped"
  count="$(printf '%s\n' "$skipped" | grep -c '^SKIPPED TEST: ')"
  if [ -n "${KASP_ALLOW_SKIPS:-}" ]; then
    echo "run-tests.sh: $count test(s) skipped (KASP_ALLOW_SKIPS is set: not counted as a failure)"
  elif [ "$(id -u)" -ne 0 ]; then
    # A developer's own account: the root-only scenarios (tmpfs disks) cannot run here; CI runs
    # as root, where every skip fails the suite.
    echo "run-tests.sh: $count test(s) skipped (not root: not counted as a failure; CI, as root, runs them)"
  else
    echo "run-tests.sh: FAILED: $count test(s) skipped; each is required on the CI machine (root, Xvfb, keychain, libFuzzer)" >&2
    [ "$status" -ne 0 ] || status=1
  fi
fi
exit "$status"
