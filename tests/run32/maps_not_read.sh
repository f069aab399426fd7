#!/bin/bash
# The shim knows what it maps below 4 GB (run32/src/guest_memory_map.hpp): starting a guest and
# serving its mmaps, munmaps and mremaps reads no /proc/self/maps (it did at every start, for
# the first placement). strace -f records every file the shim and the guest open.
# Usage: maps_not_read.sh SYSCOMPAT_RUN32 GUEST ARGV0 [ARGS...]
# MAPS_NOT_READ_PLANT=PATH looks for PATH instead, a file the shim does open at start
# (/proc/sys/vm/mmap_min_addr): the check must then fail.
set -u
shim=$1
shift
watched=${MAPS_NOT_READ_PLANT:-/proc/self/maps}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! strace -f -qq -o "$log" -e trace=open,openat,openat2 "$shim" "$@" >/dev/null; then
  echo "FAIL: $shim $* did not exit 0"
  exit 1
fi
if ! grep -q 'openat(' "$log"; then
  echo "FAIL: strace recorded no openat at all"
  exit 1
fi
if grep -F "\"$watched\"" "$log"; then
  echo "FAIL: $watched was opened"
  exit 1
fi
echo "ok: $watched not opened ($(grep -c 'open' "$log") opens recorded)"
