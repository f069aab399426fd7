# The syscall table against the UAPI headers of all 7 ABIs, gcc and clang: zero mismatches;
# and docs/syscalls.md is current.
set -u
bin=$1 src=$2
out=$("$bin" syscalls --check); status=$?
printf '%s\n' "$out" | tail -3
[ "$status" -eq 0 ] || { printf '%s\n' "$out" | grep -E "MISMATCH|PROBLEM" | head -40; exit 1; }
[[ $(printf '%s\n' "$out" | tail -1) =~ ^syscalls:\ 7\ ABIs,\ [0-9]+\ entries\ checked,\ 0\ mismatches$ ]] || exit 1
diff -u "$src/docs/syscalls.md" <("$bin" syscalls --markdown) ||
  { echo "docs/syscalls.md is stale: run '$bin syscalls --markdown > docs/syscalls.md'"; exit 1; }
