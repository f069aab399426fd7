# No guest syscall reaches the kernel untranslated: an i386 program's raw int $0x80 calls
# (not libc's AT_SYSINFO entry) show in `run32 --trace` as served by Syscall User Dispatch
# ("[int80]"), with the translators' results; libc's own calls come by the AT_SYSINFO entry.
set -u
bin=$1
source_dir=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -m32 -O1 -idirafter /usr/include/x86_64-linux-gnu -o "$work/raw" \
  "$source_dir/tests/run32/programs/raw_int80.c" || fail "no gcc -m32"

"$bin" run32 --trace="$work/trace" "$work/raw" >"$work/out"
status=$?
[ "$status" -eq 12 ] || fail "exit status $status, expected the raw exit_group's 12"
grep -q "^written by a raw int \$0x80$" "$work/out" || fail "the raw write's text is missing"
expect_line() {  # a regular expression that one line of the trace must match
  grep -Eq "$1" "$work/trace" || { cat "$work/trace" >&2; fail "no trace line matching: $1"; }
}
# the buffer the kernel reads, as a C string; an unreadable one as its address; a number no
# syscall has in hex, as strace shows it
expect_line '^write\(1, "written by a raw int \$0x80\\n", 27\) = 27 \[int80\]$'
expect_line '^write\(1, 0x10, 4\) = -1 EFAULT \(Bad address\) \[int80\]$'
expect_line '^syscall_0x3e8\(.*\) = -1 ENOSYS \(Function not implemented\) \[int80\]$'
expect_line '^exit_group\(12\) = \? \[int80\]$'
# libc's getpid comes by AT_SYSINFO, the raw one by dispatch: both served, same pid.
expect_line '^getpid\(\) = [0-9]+ \[int80\]$'
expect_line '^getpid\(\) = [0-9]+$'
[ "$(grep -c '^getpid()' "$work/trace")" -eq 2 ] || fail "expected exactly two getpid calls"
# Arguments decoded by the description: a path as a string, flags and signals by name
# (the constant vocabularies), unknown bits kept in hex.
cat >"$work/access.c" <<'EOF'
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
int main(void) {
  signal(SIGUSR1, SIG_IGN);
  kill(getpid(), SIGUSR1);
  openat(AT_FDCWD, "/no/such/dir/x", O_WRONLY | O_CREAT | O_CLOEXEC | 0x40000000, 0640);
  return access("/no/such/path", R_OK | W_OK) == -1 ? 0 : 1;
}
EOF
gcc -m32 -o "$work/access" "$work/access.c" || fail "no gcc -m32"
"$bin" run32 --trace="$work/trace" "$work/access" || fail "access program failed"
expect_line '^access\("/no/such/path", R_OK\|W_OK\) = -1 ENOENT \(No such file or directory\)$'
expect_line '^kill\([0-9]+, SIGUSR1\) = 0$'
expect_line '^openat\(AT_FDCWD, "/no/such/dir/x", O_WRONLY\|O_CREAT\|O_CLOEXEC\|0x40000000, 0640\) = -1 ENOENT'
expect_line '^mmap2\(NULL, [0-9]+, PROT_READ\|PROT_WRITE, MAP_PRIVATE\|MAP_ANONYMOUS, -1, 0\) = 0x[0-9a-f]+'
echo "run32 raw int \$0x80 trace: ok"
