# `syscompat layout --verify`: an emulator-style header of target structs (layout_verify/
# target_structs.h) passes on all 7 ABIs as written; each bug planted in it with -D PLANT_...
# is caught, with both values, on the ABI it breaks and not on others; bad input is one line.
set -u
bin=$1 src=$2
source "$(dirname "$0")/usage_lib.sh"
dir=$src/tests/cli/layout_verify
header=$dir/target_structs.h map=$dir/target.map
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# verify ARGS...: runs --verify on the header with the map; sets $out and $status.
verify() {
  out=$("$bin" layout --verify "$header" --map "$map" "$@" 2>&1); status=$?
}
has() { printf '%s\n' "$out" | grep -qF -- "$1" || fail "${label:-}: no line '$1' in:
$out"; }
hasnt() { ! printf '%s\n' "$out" | grep -qF -- "$1" || fail "${label:-}: unexpected '$1' in:
$out"; }

# The header as written: every struct the description has, on every ABI, agrees.
label=correct
verify
[ "$status" -eq 0 ] || fail "the correct header fails (status $status):
$out"
last=$(printf '%s\n' "$out" | tail -1)
[[ $last =~ ^layout\ verify:\ 5\ structs\ compared,\ 1\ not\ in\ the\ description,\ 7\ ABIs,\ ([0-9]+)\ fields\ checked,\ 0\ differences,\ 0\ problems$ ]] ||
  fail "bad summary: $last"
[ "${BASH_REMATCH[1]}" -ge 200 ] || fail "only ${BASH_REMATCH[1]} fields checked"
has "target_stat64 = stat64: i386 arm_eabi mips_o32"
has "target_sigaltstack = stack_t: i386 x86_64 x32 arm_eabi aarch64 riscv64 mips_o32"
has "target_cpu_state: i386 x86_64 x32 arm_eabi aarch64 riscv64 mips_o32"  # listed, not compared

# Planted: each bug, caught where it is and nowhere else.
label=PLANT_SIZE
verify -D PLANT_SIZE --abi x86_64 --abi i386
[ "$status" -eq 1 ] || fail "$label: status $status"
for cc in gcc clang; do
  has "DIFF x86_64 $cc target_timespec.tv_nsec (timespec.tv_nsec) size: description 8, header 4"
done
hasnt "DIFF i386"

label=PLANT_OFFSET
verify -D PLANT_OFFSET --abi mips_o32 --abi arm_eabi
[ "$status" -eq 1 ] || fail "$label: status $status"
for cc in gcc clang; do
  has "DIFF mips_o32 $cc target_sigaltstack.ss_flags (stack_t.ss_flags) offset: description 8, header 4"
  has "DIFF mips_o32 $cc target_sigaltstack.ss_size (stack_t.ss_size) offset: description 4, header 8"
done
hasnt "DIFF arm_eabi"

label=PLANT_SIGN
verify -D PLANT_SIGN --abi i386
[ "$status" -eq 1 ] || fail "$label: status $status"
for cc in gcc clang; do
  has "DIFF i386 $cc target_stat64.st_size (stat64.st_size) signed: description signed, header unsigned"
done

label=PLANT_NO_PAD
verify -D PLANT_NO_PAD --abi i386 --abi arm_eabi
[ "$status" -eq 1 ] || fail "$label: status $status"
for cc in gcc clang; do
  has "DIFF i386 $cc target_stat64 (stat64) size: description 96, header 92"
  has "DIFF i386 $cc target_stat64.__st_ino (stat64.__st_ino) offset: description 12, header 8"
  has "DIFF i386 $cc target_stat64 (stat64.__pad0) missing: description offset 8, size 4, header no such field"
done
hasnt "DIFF arm_eabi"

label=PLANT_ALIGN
verify -D PLANT_ALIGN --abi arm_eabi --abi i386
[ "$status" -eq 1 ] || fail "$label: status $status"
for cc in gcc clang; do
  has "DIFF arm_eabi $cc target_stat64 (stat64) align: description 8, header 4"
  has "DIFF arm_eabi $cc target_epoll_event (epoll_event) align: description 8, header 4"
  has "DIFF arm_eabi $cc target_stat64.st_size (stat64.st_size) offset: description 48, header 44"
done
has "DIFF arm_eabi gcc target_stat64.st_dev (stat64.st_dev) align: description 8, header 4"
hasnt "DIFF i386"

# Without the map nothing matches: listed, and a failure, not a silent pass.
label=no-map
out=$("$bin" layout --verify "$header" --abi i386 2>&1); status=$?
[ "$status" -eq 1 ] || fail "$label: status $status"
has "target_timespec: i386"
has "PROBLEM no struct of $header matches one of the description"

# A map rule about a struct the header does not declare is a mistake in the map.
label=stale-map
printf 'target_* = *\ntarget_stat = stat\n' >"$scratch/stale.map"
out=$("$bin" layout --verify "$header" --map "$scratch/stale.map" --abi i386 2>&1); status=$?
[ "$status" -eq 1 ] || fail "$label: status $status"
has "PROBLEM $scratch/stale.map:2: no struct 'target_stat' in $header"

# --include: what the header expects defined, read first; its own structs are not the header's.
label=include
printf '#include <stdint.h>\ntypedef int32_t abi_long;\nstruct target_iovec { int x; };\n' >"$scratch/prelude.h"
printf 'struct target_timespec { abi_long tv_sec; abi_long tv_nsec; };\n' >"$scratch/defs.h"
out=$("$bin" layout --verify "$scratch/defs.h" --include "$scratch/prelude.h" --map "$map" \
  --abi i386 --abi arm_eabi 2>&1); status=$?
[ "$status" -eq 1 ] || fail "$label: status $status"  # the map's other rules name nothing here
has "target_timespec = timespec: i386 arm_eabi"
hasnt "target_iovec"
has "layout verify: 1 structs compared, 0 not in the description, 2 ABIs, 8 fields checked, 0 differences, 2 problems"

# A header the compilers reject: reported, not a crash.
label=broken
printf 'struct target_timespec { int tv_sec }\n' >"$scratch/broken.h"
out=$("$bin" layout --verify "$scratch/broken.h" --abi i386 2>&1); status=$?
[ "$status" -eq 1 ] || fail "$label: status $status"
has "PROBLEM i386: not checked: clang failed on $scratch/broken.h"

# Bad command lines: one line on stderr, exit 2.
printf 'target_timespec timespec\n' >"$scratch/bad.map"
printf 'target_timespec = no_such_struct\n' >"$scratch/unknown.map"
expect_usage layout --verify "$scratch/no_such.h" | grep -q "cannot read header" || fail "missing header"
expect_usage layout --verify "$header" --map "$scratch/no_such.map" | grep -q "cannot read map file" ||
  fail "missing map"
expect_usage layout --verify "$header" --map "$scratch/bad.map" | grep -q "bad.map:1: expected" ||
  fail "malformed map line"
expect_usage layout --verify "$header" --map "$scratch/unknown.map" |
  grep -q "unknown.map:1: no struct 'no_such_struct' in the description" || fail "unknown struct in map"
expect_usage layout --verify "$header" --abi vax | grep -q "unknown ABI 'vax'" || fail "--abi vax"
expect_usage layout --map "$map" >/dev/null || fail "--map without --verify"
expect_usage layout -D X >/dev/null || fail "-D without --verify"
expect_usage layout --abi i386 >/dev/null || fail "--abi alone"
expect_usage layout --verify "$header" --check >/dev/null || fail "--verify with --check"
echo "layout verify: ok"
