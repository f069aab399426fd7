#!/bin/bash
# A malformed ioctl row is a compile error (abi/include/syscompat/abi/ioctl_table_data.hpp):
# the description's headers copied, then i386's table built as the library builds it, with an
# unknown scalar in one row's encoding, a struct nobody described as another's argument, and
# a trailing part counted by no member of its struct (each must fail, the compiler's message
# naming the row and what is wrong). The rows as they are compile with the library itself.
# usage: ioctl_rows_compile.sh CXX ABI_INCLUDE_DIR
set -eu
cxx=$1
include=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/check.cpp" <<'CPP'
#include "syscompat/abi/ioctl_table_data.hpp"
static_assert(!syscompat::abi::ioctl_table::abi_ioctls<syscompat::abi::Abi::i386>.empty());
CPP
rows=syscompat/abi/ioctl_rows/fs.hpp
for row in '{"FS_IOC_GETFLAGS", "linux/fs.h", "_IOR('"'f'"', 1, c_long)", "out c_int"}' \
  '"out struct fsxattr"}' '"inout struct fiemap + struct fiemap_extent[fm_extent_count]"}'; do
  grep -qF "$row" "$include/$rows" || { echo "the row '$row' changed: update this test" >&2; exit 1; }
done

. "$(dirname "$0")/planted_rows.sh"

expect_error "an unknown scalar" "s/_IOR('f', 1, c_long)/_IOR('f', 1, c_lung)/" \
  "ioctl FS_IOC_GETFLAGS: unknown scalar 'c_lung'"
expect_error "a struct nobody described" 's/"out struct fsxattr"}/"out struct fsxattrs"}/' \
  "ioctl FS_IOC_FSGETXATTR: struct fsxattrs is not described"
expect_error "a count that is no member" 's/fiemap_extent\[fm_extent_count\]/fiemap_extent[fm_extents]/' \
  "ioctl FS_IOC_FIEMAP: trailing part: no integer member 'fm_extents'"
