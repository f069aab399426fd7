# An old binary on the new library: symver_old_program was built against the v1 library and
# the v1 layouts; run against the current libsys.so without relinking, it binds to the
# __sys_*@LIBSYS_1.0 compat stubs and gets correct values, or EOVERFLOW where a value does
# not fit the v1 layout (never a truncated one).
set -u
export PATH=/usr/bin:/bin
old=$3 new=$4 current_dir=$5
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# The ELF's version needs: libsys.so at LIBSYS_1.0 only, and the moved calls at that node.
needs_v1_only() {
  local needs
  needs=$(readelf -V -W "$1" | sed -n '/\.gnu\.version_r/,$p' | grep -A3 'File: libsys.so')
  printf '%s\n' "$needs" | grep -q 'Name: LIBSYS_1.0' || return 1
  printf '%s\n' "$needs" | grep -q 'Name: LIBSYS_1.1' && return 1
  for call in stat lstat fstat newfstatat clock_gettime clock_getres gettimeofday utimensat; do
    readelf --dyn-syms -W "$1" | grep -Eq " __sys_${call}@LIBSYS_1\.0( |$)" || return 1
  done
}
needs_v1_only "$old" || fail "the old program does not need exactly LIBSYS_1.0"
# Planted: a program built against the current library needs LIBSYS_1.1; the check sees it.
needs_v1_only "$new" && fail "the version-needs check passes a LIBSYS_1.1 program"

run() { LD_LIBRARY_PATH=$current_dir "$old" "$@"; }
# The dynamic linker's own account: the current library's LIBSYS_1.0 symbols serve the calls.
LD_DEBUG=bindings LD_DEBUG_OUTPUT=$dir/bindings run stat /dev/null >/dev/null
grep -hq "to $current_dir/libsys.so.1 \[0\]: normal symbol \`__sys_stat' \[LIBSYS_1.0\]" "$dir"/bindings.* ||
  fail "__sys_stat is not bound to the current library's LIBSYS_1.0 symbol"

# Values that fit: the same as coreutils' stat, from all four stat calls.
echo hello >"$dir/small"
out=$(run stat "$dir/small") || fail "old program exited $?"
want=$(stat -c 'ino=%i size=%s mtime=%Y' "$dir/small")
for call in stat lstat newfstatat fstat; do
  printf '%s\n' "$out" | grep -qx "$call $want" || fail "$call: got '$out', want '$want'"
done
# A sparse 5 GiB file: its size does not fit 32 bits.
truncate -s 5G "$dir/big"
out=$(run stat "$dir/big")
[ "$(printf '%s\n' "$out" | grep -c ' error=EOVERFLOW$')" -eq 4 ] || fail "5 GiB size: $out"
# A time past 2106 does not fit the v1 stat's 32-bit unsigned times.
touch -d 2107-06-01 "$dir/late"
out=$(run stat "$dir/late")
[ "$(printf '%s\n' "$out" | grep -c ' error=EOVERFLOW$')" -eq 4 ] || fail "time past 2106: $out"

# time32: the clock now, through the compat stubs, agrees with date(1).
out=$(run time) || fail "time exited $?"
now=$(date +%s)
for call in clock_gettime gettimeofday; do
  sec=$(printf '%s\n' "$out" | sed -n "s/^$call sec=\([0-9]*\) .*/\1/p")
  [ -n "$sec" ] && [ $((now - sec)) -le 2 ] && [ $((sec - now)) -le 2 ] || fail "$call: $out (now $now)"
done
printf '%s\n' "$out" | grep -Eq '^clock_getres sec=0 frac=[0-9]+$' || fail "clock_getres: $out"
# The same calls when the kernel's answer is past 2038: EOVERFLOW, not a wrapped time.
out=$(run time --past-2038)
printf '%s\n' "$out" | grep -qx 'clock_gettime error=EOVERFLOW' || fail "clock_gettime past 2038: $out"
printf '%s\n' "$out" | grep -qx 'gettimeofday error=EOVERFLOW' || fail "gettimeofday past 2038: $out"
# utimensat with 32-bit times in: coreutils reads them back.
run utimensat "$dir/small" 2000000000 >/dev/null || fail "utimensat exited $?"
[ "$(stat -c %Y "$dir/small")" = 2000000000 ] || fail "utimensat set $(stat -c %Y "$dir/small")"
echo "old binary on the current libsys.so: LIBSYS_1.0 bindings, values and EOVERFLOW as expected"
