# abidiff (libabigail), the second check: the committed abixml of the baseline libsys.so
# (libsys/abi-baseline.abixml.xz, written by abidw) against the library just built. Only an
# incompatible change fails (exit bit 8; added symbols are bit 4, compatible). Planted: the
# v1 library, which lacks the LIBSYS_1.1 functions, is refused.
set -u
export PATH=/usr/bin:/bin
src=$2 lib=$3 v1_lib=$4
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v abidiff >/dev/null || fail "abidiff is missing (scripts/install-deps.sh installs abigail-tools)"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
xz -dc "$src/libsys/abi-baseline.abixml.xz" >"$dir/baseline.abixml" || fail "cannot unpack the abixml"
# --drop-private-types with the public headers, as the baseline was written (docs/symver.md).
diff_with() { abidiff --drop-private-types --headers-dir2 "$src/libsys/include" "$dir/baseline.abixml" "$1"; }
out=$(diff_with "$lib"); status=$?
[ $((status & 11)) -eq 0 ] || fail "abidiff: incompatible change or error ($status):
$out"
out=$(diff_with "$v1_lib"); status=$?
[ $((status & 8)) -ne 0 ] || fail "abidiff passed the v1 library ($status): $out"
printf '%s\n' "$out" | grep -q "__sys_stat@@LIBSYS_1.1" || fail "abidiff did not name __sys_stat@@LIBSYS_1.1: $out"
echo "abidiff: no incompatible change against the baseline; the v1 library refused"
