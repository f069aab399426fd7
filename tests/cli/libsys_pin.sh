# Pinning (docs/libsys.md): libsys_pin and `syscompat pin`. libsys's own calls (the C API and
# the C++ API's inline ones) are never trapped; a raw syscall instruction elsewhere is, named
# once per call site, and served (report) or failed with ENOSYS (deny); under report a glibc
# program's threads, fork and signal handlers keep working. Planted: a second call site is a
# second report (the once-per-site check can fail), a deny run's raw call is not served.
# Bad command lines: one line on stderr, exit 2.
#   libsys_pin.sh SYSCOMPAT PIN_PROBE
set -u
export PATH=/usr/bin:/bin
syscompat=$1 probe=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

expect() {  # expect FILE LINE: FILE has exactly LINE
  grep -qxF "$2" "$1" || fail "expected '$2' in $1: $(cat "$1")"
}
"$probe" api >"$dir/api.out" 2>"$dir/api.err" || fail "pin_probe api exited $?"
expect "$dir/api.out" "libsys calls (C and inline C++) x2000: 0 reports, results right"
expect "$dir/api.out" "raw site A twice, site B once: 2 reports, results right"
expect "$dir/api.out" "the report names the call: yes"
expect "$dir/api.out" "a libsys_clone thread's raw call: 1 report, result right"
[ "$(grep -c 'libsys pin: getppid (110) from 0x[0-9a-f]* outside libsys: let through' "$dir/api.err")" = 3 ] ||
  fail "three getppid sites (A, B, the thread's) not reported: $(cat "$dir/api.err")"

"$probe" deny >"$dir/deny.out" 2>"$dir/deny.err" || fail "pin_probe deny exited $?"
expect "$dir/deny.out" "libsys calls (C and inline C++) x2000: 0 reports, results right"
expect "$dir/deny.out" "raw site A twice, site B once: 2 reports, results ENOSYS"

"$syscompat" pin --report -- "$probe" env >"$dir/env.out" 2>"$dir/env.err" ||
  fail "pin --report exited $?: $(cat "$dir/env.err")"
for line in "raw syscall under report: served" "glibc thread: ran" "fork: child exited 0" \
  "glibc signal handler: ran and returned"; do
  expect "$dir/env.out" "$line"
done
# glibc's own calls are outside libsys: named (write for printf, clone3 for the thread).
for call in "write (1)" "clone3 (435)"; do
  grep -q "libsys pin: $call from " "$dir/env.err" ||
    fail "pin --report did not name $call: $(cat "$dir/env.err")"
done
grep -q "libsys pin: rt_sigreturn" "$dir/env.err" && fail "rt_sigreturn was reported (it is finished by libsys)"

"$syscompat" pin --deny -- "$probe" env-deny >"$dir/deny-env.out" 2>"$dir/deny-env.err" ||
  fail "pin --deny exited $?: $(cat "$dir/deny-env.err")"
expect "$dir/deny-env.out" "raw syscall under deny: ENOSYS, libsys: served"
grep -q "libsys pin: getppid (110) from 0x[0-9a-f]* outside libsys: denied (ENOSYS)" "$dir/deny-env.err" ||
  fail "pin --deny did not name the raw call: $(cat "$dir/deny-env.err")"

# Planted: the same runs checked against what they must not say.
grep -qxF "raw site A twice, site B once: 1 reports, results right" "$dir/api.out" &&
  fail "a site was reported twice or folded"
grep -qxF "raw site A twice, site B once: 2 reports, results right" "$dir/deny.out" &&
  fail "deny served a raw call"

# Bad command lines.
usage() {
  local out status
  out=$("$syscompat" pin "$@" 2>&1 >/dev/null)
  status=$?
  [ "$status" = 2 ] || fail "pin $*: exit $status, not 2"
  [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "pin $*: not one line: $out"
}
usage
usage --report --deny -- true
usage --bogus -- true
"$syscompat" pin -- /nonexistent/program 2>/dev/null
[ $? = 127 ] || fail "a missing command is not 127"
echo "pin: libsys's calls never trapped; raw sites named once, served (report) or ENOSYS (deny); glibc threads, fork, signals under report; bad command lines refused"
