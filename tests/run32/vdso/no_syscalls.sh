#!/bin/bash
# The vDSO serves time without a syscall: time_calls (1000 libc calls each of clock_gettime,
# gettimeofday and time) run under `syscompat run32 --trace`, which writes a line for every
# syscall the guest makes, leaves no time call in the trace. Given "cputime", the program's
# clock is one no vDSO serves, and the trace must show its 1000 syscalls (the check's proof).
# usage: no_syscalls.sh SYSCOMPAT PROGRAM [cputime]
set -u
syscompat=$1
program=$2
mode=${3:-monotonic}
trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
if ! out=$("$syscompat" run32 --trace="$trace" -- "$program" "$mode"); then
  echo "$program $mode failed under run32"
  exit 1
fi
calls=$(grep -cE '^(clock_gettime|clock_gettime64|gettimeofday|time)\(' "$trace")
echo "time syscalls in the trace: $calls (program printed $out)"
if [ "$mode" = cputime ]; then
  [ "$calls" -ge 1000 ]
else
  [ "$calls" -eq 0 ]
fi
