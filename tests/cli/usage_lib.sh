# Shared by the CLI tests: `fail`, and `expect_usage ARGS...` which runs "$bin" ARGS and
# requires exit 2 with exactly one line on stderr (printed for the caller to grep).
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_usage() {
  local err status
  err=$("$bin" "$@" 2>&1 >/dev/null); status=$?
  [ "$status" -eq 2 ] || fail "$* exited $status, expected 2 ($err)"
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$*: stderr is not one line: $err"
  printf '%s\n' "$err"
}
