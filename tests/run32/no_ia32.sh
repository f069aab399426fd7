#!/bin/bash
# syscompat oldkernel --no-ia32: every syscall through the i386 entry refused, as on a kernel
# that cannot run i386 programs. The kernel's own i386 run of a program is the check that the
# filter bites (killed by SIGSYS with =kill; no output with ENOSYS); x86_64 commands and
# `syscompat run32` run under it; --release combines with it; bad values are one line.
# usage: no_ia32.sh SYSCOMPAT PROGRAMS_DIR
set -u
syscompat=$1
programs=$2
failed=0
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: expected '$2', got '$3'"
    failed=1
  else
    echo "ok: $1"
  fi
}
expected=$("$programs/hello.static" one)
check "the native i386 run prints" "$expected" "$("$programs/hello.static" one)"

"$syscompat" oldkernel --no-ia32=kill -- "$programs/hello.static" one >/dev/null 2>&1
check "native i386 program under --no-ia32=kill: killed by SIGSYS" 159 $?
out=$("$syscompat" oldkernel --no-ia32 -- "$programs/hello.static" one 2>/dev/null)
status=$?
check "native i386 program under --no-ia32 (ENOSYS): not its output" 1 \
  $([ "$out" != "$expected" ] && [ $status -ne 0 ] && echo 1 || echo 0)
"$syscompat" oldkernel --no-ia32=kill -- /bin/sh -c 'exit 3'
check "x86_64 commands run under it" 3 $?
for filter in "--no-ia32=kill" "--no-ia32" "--release 6.1 --no-ia32=kill"; do
  # shellcheck disable=SC2086
  out=$("$syscompat" oldkernel $filter -- "$syscompat" run32 -- "$programs/hello.static" one)
  check "run32 under oldkernel $filter" "$expected" "$out"
  # shellcheck disable=SC2086
  out=$("$syscompat" oldkernel $filter -- "$syscompat" run32 -- "$programs/hello.dynamic" one)
  check "run32 (dynamic) under oldkernel $filter" "$expected" "$out"
done
# Inherited: a child of the command (a shell's) is refused too.
"$syscompat" oldkernel --no-ia32=kill -- /bin/sh -c "\"$programs/hello.static\" >/dev/null 2>&1; exit \$?"
check "inherited by children" 159 $?

err=$("$syscompat" oldkernel --no-ia32=segv -- /bin/true 2>&1)
check "bad --no-ia32 value: status 2" 2 $?
check "bad --no-ia32 value: one line" 1 "$(printf '%s\n' "$err" | wc -l)"
err=$("$syscompat" oldkernel -- /bin/true 2>&1)
check "neither --release nor --no-ia32: status 2" 2 $?
exit $failed
