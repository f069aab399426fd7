#!/bin/bash
# µs per thread create+join and per futex round trip between two threads (a ping-pong on one
# word, FUTEX_WAIT / FUTEX_WAKE), natively (the kernel's compat layer) and under `syscompat
# run32`: the same i386 binary (bench/run32/threads_loop.c), timed inside the program, runs
# alternating, the median of RUNS runs. Prints a markdown table.
# usage: bench/run32_threads.sh BUILD_DIR [RUNS] [CREATIONS] [ROUND_TRIPS]
set -eu
build=$1
runs=${2:-5}
creations=${3:-2000}
trips=${4:-20000}
here=$(cd "$(dirname "$0")" && pwd)
binary=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$binary" "$out"' EXIT
gcc -m32 -O2 -pthread -idirafter /usr/include/x86_64-linux-gnu -o "$binary" "$here/run32/threads_loop.c"

for _ in $(seq "$runs"); do  # alternating, so that a drift of the machine's speed hits both
  "$binary" "$creations" "$trips" >>"$out/native"
  "$build/tools/syscompat" run32 "$binary" "$creations" "$trips" >>"$out/run32"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
figure() { awk -v what="$1" -F': ' '$1 == what { split($2, f, " "); print f[1] }' "$2" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "| per operation | native i386 | run32 | run32 / native |"
echo "|---|---|---|---|"
for what in "create+join" "futex round trip"; do
  native=$(figure "$what" "$out/native")
  run32=$(figure "$what" "$out/run32")
  echo "| $what | $native µs | $run32 µs | $(ratio "$run32" "$native")× |"
done
