# Bad input to `syscompat oldkernel`: one line on stderr and exit 2 (bad options), 127 (no
# such command) or 126 (not executable); and what --list and --errno do.
set -u
# Debian's own programs (coreutils, tar, findutils, python3), not whatever PATH finds first.
export PATH=/usr/bin:/bin
bin=$1
i386_probe=$4
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() {
  local want=$1 err status
  shift
  err=$("$bin" "$@" 2>&1 >/dev/null); status=$?
  [ "$status" -eq "$want" ] || fail "$* exited $status, expected $want ($err)"
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$*: stderr is not one line: $err"
  printf '%s\n' "$err"
}
expect_status 2 oldkernel --release banana -- true | grep -q "bad release 'banana'" || fail "bad release"
expect_status 2 oldkernel --release 4. -- true >/dev/null || fail "release '4.'"
expect_status 2 oldkernel --release 4.19 --errno EIO -- true | grep -q "bad --errno 'EIO'" || fail "bad errno"
expect_status 2 oldkernel --release 4.19 | grep -q "needs a command" || fail "no command"
expect_status 2 oldkernel -- true >/dev/null || fail "no --release"
# Releases it cannot simulate: before execve (the command could not even start), negative,
# newer than the description knows, a stable X.Y.Z from 3.0 on (no call arrives in one).
expect_status 2 oldkernel --release 0.0 -- true | grep -q "older than execve" || fail "release 0.0"
expect_status 2 oldkernel --release -1.0 -- true | grep -q "bad release '-1.0'" || fail "release -1.0"
expect_status 2 oldkernel --release 99.1 -- true | grep -q "newer than the newest" || fail "release 99.1"
expect_status 2 oldkernel --release 4.4.300 -- true | grep -q "give 4.4" || fail "release 4.4.300"
"$bin" oldkernel --release 2.6.16 --list >/dev/null || fail "a 2.6.x release with its patch level"
# --list reaches a pipe whole before the command replaces syscompat.
[ "$("$bin" oldkernel --release 4.10 --list -- true | tail -1)" = "131 calls refused under 4.10" ] ||
  fail "--list cut before the exec: $("$bin" oldkernel --release 4.10 --list -- true | tail -1)"
expect_status 127 oldkernel --release 4.19 -- no-such-command-here | grep -q "command not found" || fail "missing"
expect_status 127 oldkernel --release 4.19 -- ./no/such/path | grep -q "No such file or directory" || fail "missing path"
expect_status 126 oldkernel --release 4.19 -- /etc/passwd | grep -q "not executable" || fail "not executable"

# --list: what a release refuses, from the description's since-releases.
list=$("$bin" oldkernel --release 4.10 --list) || fail "--list exited $?"
printf '%s\n' "$list" | grep -Eq '^x86_64 +332  statx +4\.11$' || fail "--list 4.10 lacks x86_64 statx"
printf '%s\n' "$list" | grep -Eq '^i386 +383  statx +4\.11$' || fail "--list 4.10 lacks i386 statx"
"$bin" oldkernel --release 4.11 --list | grep -q ' statx ' && fail "--list 4.11 refuses statx"
"$bin" oldkernel --release 3.10 --list | grep -Eq '^i386 +359  socket +4\.3$' || fail "i386 socket (4.3)"
"$bin" oldkernel --release 3.10 --list | grep -Eq '^x86_64 .* socket ' && fail "x86_64 socket refused"

# Both entry paths, and --errno: the i386 probe makes its calls through int $0x80.
[ "$("$bin" oldkernel --release 4.10 -- "$i386_probe" | head -1)" = "statx=ENOSYS" ] || fail "i386 statx under 4.10"
[ "$("$bin" oldkernel --release 4.11 -- "$i386_probe" | head -1)" = "statx=EFAULT" ] || fail "i386 statx under 4.11"
[ "$("$bin" oldkernel --release 4.10 --errno EPERM -- "$i386_probe" | head -1)" = "statx=EPERM" ] || fail "EPERM"
out=$("$bin" oldkernel --release 4.2 -- "$i386_probe" | tr '\n' ' ')
[ "$out" = "statx=ENOSYS socket=ENOSYS socketcall=EINVAL close_range=ENOSYS " ] || fail "i386 under 4.2: $out"
out=$("$bin" oldkernel --release 4.3 -- "$i386_probe" | tr '\n' ' ')
[ "$out" = "statx=ENOSYS socket=EAFNOSUPPORT socketcall=EINVAL close_range=ENOSYS " ] || fail "i386 under 4.3: $out"
# glibc falls back from statx only on ENOSYS: under EPERM, Debian's ls cannot stat.
"$bin" oldkernel --release 4.4 -- ls -l / >/dev/null 2>&1 || fail "ls under 4.4 (ENOSYS)"
"$bin" oldkernel --release 4.4 --errno EPERM -- ls -l / 2>&1 >/dev/null | grep -q "Operation not permitted" ||
  fail "ls under 4.4 with EPERM did not fail"
# x86_64: python's os.listdir uses getdents64 (2.4.0) and works; a raw statx does not.
out=$("$bin" oldkernel --release 4.10 -- python3 -c '
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
r = libc.syscall(332, -100, b"/", 0, 0xfff, ctypes.create_string_buffer(256))
print(r, os.strerror(ctypes.get_errno()), len(os.listdir("/")) > 0)')
[ "$out" = "-1 Function not implemented True" ] || fail "x86_64 statx under 4.10: $out"
# A release older than seccomp itself still gets its filter loaded (the program then fails on
# its own: the dynamic loader's openat is from 2.6.16).
"$bin" oldkernel --release 2.4 -- /usr/bin/true 2>&1 | grep -q "^syscompat:" && fail "filter not loaded under 2.4"
# Before x86_64's first release (2.4) not even execve existed for it: one line, status 2.
out=$("$bin" oldkernel --release 2.0 -- /usr/bin/true 2>&1)
status=$?
[ "$status" = 2 ] && [ "$out" = "syscompat: release '2.0' is older than execve (2.4): no command could run" ] ||
  fail "oldkernel --release 2.0 said ($status): $out"
# The filter is inherited by children (a shell running python).
out=$("$bin" oldkernel --release 4.10 -- sh -c "$i386_probe | head -1")
[ "$out" = "statx=ENOSYS" ] || fail "not inherited: $out"
echo "oldkernel usage: ok"
