# Bad input to `syscompat syscalls`: one line on stderr naming what is valid, exit 2.
set -u
bin=$1
source "$(dirname "$0")/usage_lib.sh"
expect_usage syscalls vax | grep -q "unknown ABI 'vax'; valid: i386, x86_64" || fail "unknown ABI"
expect_usage syscalls --since banana | grep -q "bad release 'banana'" || fail "bad release"
expect_usage syscalls --since 4.19 --abi vax | grep -q "unknown ABI" || fail "--since --abi vax"
expect_usage syscalls >/dev/null || fail "no ABI"
echo "syscalls usage: ok"
