#!/bin/bash
# A malformed syscall row is a compile error (abi/include/syscompat/abi/syscall_rows_check.hpp):
# the description's headers copied, then compiled as the library compiles them three times:
# as they are (must compile), with one real row's signature broken and with its release
# broken (each must fail, the compiler's message naming the row and what is wrong).
# usage: rows_compile.sh CXX ABI_INCLUDE_DIR
set -eu
cxx=$1
include=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '#include "syscompat/abi/syscall_rows_check.hpp"\n' >"$dir/check.cpp"
rows=syscompat/abi/syscall_rows/a_e.hpp
row='{"close", {6, 3, 3, 6, 57, 57, 4006}, "1.0", "int (fd fd)"}'
grep -qF "$row" "$include/$rows" || { echo "the close row changed: update this test" >&2; exit 1; }

. "$(dirname "$0")/planted_rows.sh"

compile "the rows as they are" "" || { echo "FAIL: the rows as they are do not compile:" >&2; cat "$dir/out" >&2; exit 1; }
echo "ok: the rows as they are compile"
expect_error "a count naming no argument" 's/"int (fd fd)"}/"int (fd fd, out char *buf[nosuch])"}/' \
  "signature of close: 'buf' is counted by 'nosuch', which is no argument"
expect_error "an unknown type" 's/"int (fd fd)"}/"int (fdx fd)"}/' \
  "signature of close: unknown type 'fdx'"
expect_error "a release that is none" 's/"1.0", "int (fd fd)"}/"1.x", "int (fd fd)"}/' \
  "release of close: '1.x'"
