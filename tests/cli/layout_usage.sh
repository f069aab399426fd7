# Bad input to `syscompat layout`: one line on stderr naming the valid choices, exit 2.
set -u
bin=$1
source "$(dirname "$0")/usage_lib.sh"
expect_usage layout no_such_abi stat | grep -q "valid: i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32" || fail "unknown ABI does not list the ABIs"
expect_usage layout i386 no_such_struct | grep -q "valid: .*timespec" || fail "unknown struct does not list the structs"
expect_usage layout --check --abi vax | grep -q "unknown ABI 'vax'" || fail "--check --abi vax"
expect_usage layout i386 || fail "missing struct"
expect_usage no-such-command >/dev/null || fail "unknown subcommand"
# Absent structs are reported as such, successfully.
"$bin" layout x86_64 stat64 | grep -q "absent" || fail "stat64 on x86_64 is not reported absent"
echo "layout usage: ok"
