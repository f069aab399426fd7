# The ioctl table against the UAPI headers of all 7 ABIs, gcc and clang: zero mismatches;
# docs/ioctls.md is current; bad input is one line and status 2.
set -u
bin=$1 src=$2
out=$("$bin" ioctls --check); status=$?
printf '%s\n' "$out" | tail -3
[ "$status" -eq 0 ] || { printf '%s\n' "$out" | grep -E "MISMATCH|PROBLEM" | head -40; exit 1; }
[[ $(printf '%s\n' "$out" | tail -1) =~ ^ioctls:\ 7\ ABIs,\ [0-9]+\ requests\ checked,\ 0\ mismatches$ ]] || exit 1
diff -u "$src/docs/ioctls.md" <("$bin" ioctls --markdown) ||
  { echo "docs/ioctls.md is stale: run '$bin ioctls --markdown > docs/ioctls.md'"; exit 1; }
err=$("$bin" ioctls no_such_abi 2>&1 >/dev/null); status=$?
[ "$status" -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "bad ABI: status $status: $err"; exit 1; }
"$bin" ioctls i386 | tail -1 | grep -Eq '^i386: [0-9]+ requests$' || exit 1
