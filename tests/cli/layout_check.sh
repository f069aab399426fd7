# The whole layout suite: every ABI, gcc and clang, zero mismatches.
set -u
bin=$1
out=$("$bin" layout --check); status=$?
printf '%s\n' "$out" | tail -5
last=$(printf '%s\n' "$out" | tail -1)
[ "$status" -eq 0 ] || { printf '%s\n' "$out" | grep -E "MISMATCH|PROBLEM" | head -40; exit 1; }
[[ $last =~ ^layouts:\ ([0-9]+)\ structs,\ 7\ ABIs,\ [0-9]+\ fields\ checked,\ ([0-9]+)\ not\ verifiable\ here,\ 0\ mismatches$ ]] || { echo "bad summary: $last"; exit 1; }
# what no header here declares is listed, each with where it is declared
[ "${BASH_REMATCH[2]}" -ge 1 ] || { echo "nothing reported as not verifiable here"; exit 1; }
printf '%s\n' "$out" | grep -q "^  statx.stx_subvol: 6.10's include/uapi/linux/stat.h" || { echo "statx.stx_subvol not listed as not verifiable"; exit 1; }
[ "${BASH_REMATCH[1]}" -ge 55 ] || { echo "only ${BASH_REMATCH[1]} structs"; exit 1; }
! printf '%s\n' "$out" | grep -q "not checked" || { echo "something was not checked"; exit 1; }
