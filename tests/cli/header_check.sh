# A table of the description against the headers of all 7 ABIs, gcc and clang: zero
# mismatches and the summary line; docs/WHAT.md is current; a bad ABI is one line and
# status 2; the ABI's listing ends with its count.
# usage: header_check.sh SYSCOMPAT SOURCE_DIR WHAT COUNTED   (syscalls entries, ioctls requests,
#        constants constants)
set -u
bin=$1 src=$2 what=$3 counted=$4
out=$("$bin" "$what" --check); status=$?
printf '%s\n' "$out" | tail -3
[ "$status" -eq 0 ] || { printf '%s\n' "$out" | grep -E "MISMATCH|PROBLEM" | head -40; exit 1; }
[[ $(printf '%s\n' "$out" | tail -1) =~ ^$what:\ 7\ ABIs,\ [0-9]+\ $counted\ checked,\ 0\ mismatches$ ]] ||
  { echo "no summary line"; exit 1; }
diff -u "$src/docs/$what.md" <("$bin" "$what" --markdown) ||
  { echo "docs/$what.md is stale: run '$bin $what --markdown > docs/$what.md'"; exit 1; }
err=$("$bin" "$what" no_such_abi 2>&1 >/dev/null); status=$?
[ "$status" -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
  { echo "bad ABI: status $status: $err"; exit 1; }
"$bin" "$what" i386 | tail -1 | grep -Eq "^i386: [0-9]+ $counted" || { echo "no count line"; exit 1; }
