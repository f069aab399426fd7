#!/bin/bash
# ns per i386 time call through libc (clock_gettime(CLOCK_MONOTONIC), gettimeofday, time):
# natively (the kernel's vdso32) and under `syscompat run32` (the shim's vDSO: a 32→64-bit
# switch into the host's own vDSO and back), the same binary (bench/run32/time_loop.c,
# gcc -m32 -O2, dynamic) each time, timed inside the program; native and run32 runs
# alternate, and each ratio is the median of the run-by-run ratios. Prints a markdown table.
# usage: bench/run32_time.sh BUILD_DIR [RUNS] [CALLS]
set -eu
build=$1
runs=${2:-9}
calls=${3:-2000000}
here=$(cd "$(dirname "$0")" && pwd)
binary=$(mktemp)
results=$(mktemp)
trap 'rm -f "$binary" "$results"' EXIT
gcc -m32 -O2 -idirafter /usr/include/x86_64-linux-gnu -o "$binary" "$here/run32/time_loop.c"

for _ in $(seq "$runs"); do
  "$binary" "$calls" | sed 's/^/native /'
  "$build/tools/syscompat" run32 -- "$binary" "$calls" | sed 's/^/run32 /'
done >"$results"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "| call (through libc) | native i386 | run32 | run32 / native |"
echo "|---|---|---|---|"
for call in clock_gettime gettimeofday time; do
  native=$(awk -v c="$call:" '$1 == "native" && $2 == c { print $3 }' "$results" | median)
  run32=$(awk -v c="$call:" '$1 == "run32" && $2 == c { print $3 }' "$results" | median)
  ratio=$(awk -v c="$call:" '$2 == c { if ($1 == "native") n = $3; else print $3 / n }' \
    "$results" | median)
  printf "| %s | %s ns | %s ns | %.2f× |\n" "$call" "$native" "$run32" "$ratio"
done
