#!/bin/sh
# qtest-except.sh <program> <function>...: runs a Qt Test program's functions except the ones named
# (they run in a variant of their own, kasp_add_test(... EXCEPT ...)), in one run. A name the
# program does not have is an error: a renamed function must not drop out of every run.
prog=$1
shift
list=$("$prog" -functions) || exit $?
for name in "$@"; do
  printf '%s\n' "$list" | grep -qxF "$name()" || {
    echo "qtest-except.sh: $prog has no test function $name" >&2
    exit 1
  }
done
keep=""
for fn in $(printf '%s\n' "$list" | sed 's/()$//'); do
  case " $* " in
  *" $fn "*) ;;
  *) keep="$keep $fn" ;;
  esac
done
[ -n "$keep" ] || {
  echo "qtest-except.sh: every function of $prog is excepted" >&2
  exit 1
}
# shellcheck disable=SC2086 # function names are identifiers
exec "$prog" $keep
