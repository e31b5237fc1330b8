#!/bin/sh
# run-unprivileged.sh <program> [args...]: runs a test as an ordinary user. Not root: the program
# itself. Root (the CI machine): as nobody (setpriv), with a HOME and a temp folder of its own under
# /tmp, so checks that root would pass by writing anyway (read-only files and folders)
# run for real. exec all the way: ctest's timeout reaches the program itself.
set -e
[ "$(id -u)" = 0 ] || exec "$@"
# Under /tmp, not the build tree: a checkout under /root (mode 700) is out of nobody's reach.
dir=$(mktemp -d /tmp/kasp-unprivileged.XXXXXX)
chown 65534:65534 "$dir"
# The program too, when nobody cannot reach it where it was built.
prog=$1
shift
if ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$prog" 2>/dev/null; then
  cp "$prog" "$dir/" && prog="$dir/$(basename "$prog")" && chown 65534:65534 "$prog"
fi
export HOME="$dir" XDG_CONFIG_HOME="$dir/.config" XDG_DATA_HOME="$dir/.local/share"
export XDG_CACHE_HOME="$dir/.cache" KASP_TEST_TMP="$dir/tmp"
unset XDG_RUNTIME_DIR
exec setpriv --reuid=65534 --regid=65534 --clear-groups "$prog" "$@"
