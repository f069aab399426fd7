# A new binary on the old library: symver_new_program needs __sys_stat@LIBSYS_1.1, which the
# v1 library does not define, so the dynamic linker refuses to start it and says why.
set -u
export PATH=/usr/bin:/bin
new=$4 current_dir=$5 v1_dir=$6
fail() { echo "FAIL: $*" >&2; exit 1; }
readelf -V -W "$new" | grep -A3 'File: libsys.so' | grep -q 'Name: LIBSYS_1.1' ||
  fail "the new program does not need LIBSYS_1.1"
out=$(LD_LIBRARY_PATH=$v1_dir "$new" /dev/null 2>&1) && fail "the new program ran on the v1 library: $out"
printf '%s\n' "$out"
printf '%s\n' "$out" | grep -q "$v1_dir/libsys.so.1: version \`LIBSYS_1.1' not found" ||
  fail "not the dynamic linker's version error: $out"
# The same program on the current library runs.
LD_LIBRARY_PATH=$current_dir "$new" /dev/null | grep -qx 'size=0' || fail "the new program fails on the current library"
