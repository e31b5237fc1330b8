#!/usr/bin/env bash
# The project's entry point on a Debian 12 machine.
#   scripts/dev.sh demo   install dependencies, build, open the Sales Window on the demo database
#   scripts/dev.sh test   install dependencies, build, run the whole test suite (ctest)
#   scripts/dev.sh build  install dependencies and build only
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

setup() {
  bash "$here/install-deps.sh"
  # A build tree configured elsewhere (another clone, another preset) cannot be reused.
  if [ -f build/CMakeCache.txt ] && ! grep -q "CMAKE_HOME_DIRECTORY:INTERNAL=$root\$" build/CMakeCache.txt; then
    rm -rf build
  fi
  if [ ! -f build/build.ninja ]; then
    cmake --preset default >/dev/null
  fi
  cmake --build build -j"$(nproc)"
}

case "${1:-}" in
  build)
    setup
    ;;
  demo)
    setup
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "dev.sh demo: no display. Run it in a desktop session (or under xvfb-run)." >&2
      exit 1
    fi
    # The database lives in the user's data folder; its key goes to the desktop keychain.
    # --demo fills a new database with the demo sanatorium (a progress bar, a few seconds).
    exec build/app/kasp --demo "${@:2}"
    ;;
  test)
    setup
    exec bash "$here/run-tests.sh" "${@:2}"
    ;;
  *)
    echo "usage: scripts/dev.sh demo|test|build" >&2
    exit 64
    ;;
esac
