#!/bin/bash
# ns per i386 getppid: natively (the kernel's compat layer, through the vDSO's
# __kernel_vsyscall), under `syscompat run32` (the AT_SYSINFO entry; raw int $0x80 by Syscall
# User Dispatch) and under qemu-i386. The same binary each time, timed inside the program;
# the median of RUNS runs. Prints a markdown table.
# usage: bench/run32_getppid.sh BUILD_DIR [RUNS]
set -eu
build=$1
runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
binary=$(mktemp)
trap 'rm -f "$binary"' EXIT
gcc -m32 -O2 -idirafter /usr/include/x86_64-linux-gnu -o "$binary" "$here/run32/getppid_loop.c"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() {  # measure KIND COMMAND...: the median ns/call of the libc or raw loop
  local kind=$1
  shift
  for _ in $(seq "$runs"); do
    "$@" "$binary" 2000000 20000 | awk -v kind="$kind" '$1 == kind { print $(NF - 3) }'
  done | median
}
native_libc=$(measure libc)
native_raw=$(measure raw)
run32_libc=$(measure libc "$build/tools/syscompat" run32)
run32_raw=$(measure raw "$build/tools/syscompat" run32)
qemu_libc=$(measure libc qemu-i386)
qemu_raw=$(measure raw qemu-i386)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "| getppid | native i386 | run32 | qemu-i386 | run32 / native | qemu-i386 / run32 |"
echo "|---|---|---|---|---|---|"
echo "| through libc (vDSO / AT_SYSINFO) | $native_libc ns | $run32_libc ns | $qemu_libc ns |" \
  "$(ratio "$run32_libc" "$native_libc")× | $(ratio "$qemu_libc" "$run32_libc")× |"
echo "| raw int \$0x80 | $native_raw ns | $run32_raw ns | $qemu_raw ns |" \
  "$(ratio "$run32_raw" "$native_raw")× | $(ratio "$qemu_raw" "$run32_raw")× |"
