#!/bin/bash
# run32 against the native i386 run (the kernel's compat layer) for threads, each pair of
# commands in one bench/paired.sh call (A = run32, B = native, in turn, the ratio taken pair by
# pair): thread create+join and a futex ping-pong between two threads
# (bench/run32/threads_loop.c, gcc -m32 -O2, dynamic; it also prints its own ns per
# operation, start-up excluded), and a 4-thread workload: Debian's zstd:i386 -T4 (level 3)
# compressing 64 MiB of text, fetched into the build tree as the tests do.
# usage: bench/run32_threads.sh BUILD_DIR [RUNS]
set -eu
build=$(cd "$1" && pwd)
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
syscompat=$build/tools/syscompat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$build/bench/zstd-i386
bash "$here/scripts/fetch-i386-packages.sh" "$root" zstd:i386 libzstd1:i386 liblz4-1:i386 \
  liblzma5:i386 zlib1g:i386
gcc -m32 -O2 -idirafter /usr/include/x86_64-linux-gnu -o "$work/threads_loop" \
  "$here/bench/run32/threads_loop.c" -lpthread
seq 1 20000000 | head -c $((64 << 20)) >"$work/input"

for mode in "create 20000" "pingpong 200000"; do
  echo "## threads_loop $mode (in-program figures, native then run32):"
  # shellcheck disable=SC2086
  "$work/threads_loop" $mode
  # shellcheck disable=SC2086
  "$syscompat" run32 -- "$work/threads_loop" $mode
  # shellcheck disable=SC2086
  bench/paired.sh -n "$runs" --timeout 600 --vs "$work/threads_loop $mode" -- \
    "$syscompat" run32 -- "$work/threads_loop" $mode
done
echo "## zstd -T4 -3, 64 MiB:"
libraries=LD_LIBRARY_PATH=$root/usr/lib/i386-linux-gnu:$root/lib/i386-linux-gnu
zstd_arguments="-q -f -T4 -3 $work/input -o /dev/null"
# shellcheck disable=SC2086
bench/paired.sh -n "$runs" --timeout 900 --vs "env $libraries $root/usr/bin/zstd $zstd_arguments" -- \
  env "$libraries" "$syscompat" run32 -- "$root/usr/bin/zstd" $zstd_arguments
