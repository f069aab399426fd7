#!/bin/bash
# Runs an i386 program natively (the kernel's compat layer: the oracle) and under
# `syscompat run32`, each in a fresh empty directory with the same environment, and compares
# stdout and the exit status (128+N for death by signal N, as the shell reports it).
# With --qemu first, qemu-i386 (Debian's qemu-user) is a second oracle: its stdout and status
# must be run32's too.
# With --no-ia32 first, run32 runs under `syscompat oldkernel --no-ia32=kill`: any syscall
# through the i386 entry kills it (SIGSYS), as on a kernel that cannot run i386 programs;
# the native run stays the oracle, made without the filter.
# usage: compare.sh [--qemu] [--no-ia32] SYSCOMPAT PROGRAM [ARGS...]
set -u
with_qemu=0
if [ "$1" = "--qemu" ]; then
  with_qemu=1
  shift
fi
no_ia32=0
if [ "$1" = "--no-ia32" ]; then
  no_ia32=1
  shift
fi
syscompat=$1
program=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/native" "$work/run32" "$work/qemu"

run() {  # run DIR OUT COMMAND...
  local dir=$1 out=$2
  shift 2
  (cd "$dir" && exec env RUN32_TEST_VARIABLE="a value" timeout 120 "$@" >"$out.out" 2>"$out.err")
}
run "$work/native" "$work/native" "$program" "$@"
native_status=$?
if [ "$no_ia32" -eq 1 ]; then
  run "$work/run32" "$work/run32" "$syscompat" oldkernel --no-ia32=kill -- \
    "$syscompat" run32 -- "$program" "$@"
else
  run "$work/run32" "$work/run32" "$syscompat" run32 -- "$program" "$@"
fi
run32_status=$?

failed=0
if [ "$with_qemu" -eq 1 ]; then
  run "$work/qemu" "$work/qemu" qemu-i386 "$program" "$@"
  qemu_status=$?
  if [ "$qemu_status" -ne "$run32_status" ] || ! cmp -s "$work/qemu.out" "$work/run32.out"; then
    echo "qemu-i386 (status $qemu_status) and run32 (status $run32_status) differ:"
    diff "$work/qemu.out" "$work/run32.out" | head -20
    failed=1
  fi
fi
if [ "$native_status" -eq 124 ]; then
  echo "the native run timed out: no oracle"
  failed=1
fi
if [ ! -s "$work/native.out" ]; then
  echo "the native run printed nothing: no oracle"
  failed=1
fi
if [ "$native_status" -ne "$run32_status" ]; then
  echo "exit status: native $native_status, run32 $run32_status"
  failed=1
fi
if ! cmp -s "$work/native.out" "$work/run32.out"; then
  echo "stdout differs (native <, run32 >):"
  diff "$work/native.out" "$work/run32.out" | head -40
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  echo "--- run32 stderr:"
  head -20 "$work/run32.err"
  exit 1
fi
echo "same stdout ($(wc -l <"$work/native.out") lines) and exit status $native_status"
