# Bad input to `syscompat layout`: one line on stderr naming the valid choices, exit 2.
set -u
bin=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_usage() {
  local err status
  err=$("$bin" "$@" 2>&1 >/dev/null); status=$?
  [ "$status" -eq 2 ] || fail "$* exited $status, expected 2"
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$*: stderr is not one line: $err"
  printf '%s\n' "$err"
}
expect_usage layout no_such_abi stat | grep -q "valid: i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32" || fail "unknown ABI does not list the ABIs"
expect_usage layout i386 no_such_struct | grep -q "valid: .*timespec" || fail "unknown struct does not list the structs"
expect_usage layout --check --abi vax | grep -q "unknown ABI 'vax'" || fail "--check --abi vax"
expect_usage layout i386 || fail "missing struct"
expect_usage no-such-command >/dev/null || fail "unknown subcommand"
# Absent structs are reported as such, successfully.
"$bin" layout x86_64 stat64 | grep -q "absent" || fail "stat64 on x86_64 is not reported absent"
echo "layout usage: ok"
