# The two programs of run32 (docs/run32.md, "The programs"): syscompat runs the program it is
# given; a guest's execve of an i386 program starts syscompat-run32 beside it, a static
# program that links the shim alone (no CLI11, fmt, libelf, libseccomp, no shared library);
# syscompat-run32 also runs as binfmt_misc's interpreter. Without syscompat-run32 beside it,
# syscompat runs the guest's execs itself (checked too: the same output, from the other
# program — which is how this test is seen to fail when the lean program is not used).
# usage: run32_programs.sh SYSCOMPAT SOURCE_DIR BUSYBOX_DIR [--expect-alone]
set -u
bin=$1
source_dir=$2
busybox_dir=$3
source "$(dirname "$0")/usage_lib.sh"
lean=$(cd "$(dirname "$bin")" && pwd)/syscompat-run32
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "${4:-}" = --expect-alone ]; then
  # The planted case: syscompat copied alone into a directory of its own.
  cp "$bin" "$work/syscompat" && bin=$work/syscompat
  lean=$work/syscompat-run32
fi

# What a guest's exec of an i386 program runs: C reads its parent's /proc/PID/exe, the
# parent being the i386 shell B that the first guest (A, under syscompat) executed.
gcc -m32 -static -O2 -o "$work/parent_exe" -x c - <<'C' || fail "no gcc -m32"
#include <stdio.h>
#include <unistd.h>
int main(void) {
  char link[64], target[4096];
  snprintf(link, sizeof link, "/proc/%d/exe", (int)getppid());
  ssize_t n = readlink(link, target, sizeof target - 1);
  if (n < 0) return perror(link), 1;
  target[n] = 0;
  puts(target);
  return 0;
}
C
bash "$source_dir/scripts/fetch-busybox-i386.sh" "$busybox_dir" >/dev/null 2>&1 || fail "no busybox"
bb=$busybox_dir/bin/busybox
exe=$("$bin" run32 "$bb" sh -c "$bb sh -c '$work/parent_exe; true'; true") || fail "nested run: $?"
[ "$exe" = "$(readlink -f "$lean")" ] ||
  fail "a guest's exec of an i386 program ran in '$exe', not in $lean"

[ -x "$lean" ] || exit 0  # (the planted case ends here)

# syscompat-run32 is static and links nothing of the other subcommands.
file -L "$lean" | grep -Eq 'static-pie linked|statically linked' ||
  [ "${SYSCOMPAT_DYNAMIC_PROGRAMS:-}" = 1 ] || fail "syscompat-run32 is not static: $(file -L "$lean")"
if nm -C "$lean" >"$work/symbols" 2>/dev/null && [ -s "$work/symbols" ]; then
  for symbol in 'CLI::App' 'fmt::v' 'elf_begin' 'seccomp_init' 'nlohmann::'; do
    grep -q -- "$symbol" "$work/symbols" && fail "syscompat-run32 contains $symbol"
  done
fi

# Its own command line, as a guest's execve gives it (argv[0] "syscompat").
out=$(exec -a syscompat "$lean" run32 --argv0 echo -- "$bb" one two) || fail "lean run32: $?"
[ "$out" = "one two" ] || fail "lean run32 --argv0 echo: '$out'"
# As binfmt_misc's interpreter (P flag): PATH ARGV0 ARGS...
out=$("$lean" "$bb" echo three) || fail "binfmt form: $?"
[ "$out" = three ] || fail "binfmt form: '$out'"
bin=$lean
expect_usage | grep -q "binfmt_misc as: syscompat-run32 PATH ARGV0" || fail "lean without arguments"
expect_usage "$bb" | grep -q "binfmt_misc as" || fail "binfmt form without ARGV0"
bin=$work/as-syscompat && ln -s "$lean" "$bin"
expect_usage | grep -q "started by .syscompat run32" || fail "lean as syscompat without run32"
expect_usage run32 --bogus "$bb" | grep -q "'--bogus'" || fail "lean run32 --bogus"
expect_usage run32 --trace-fd x "$bb" | grep -q "bad --trace-fd 'x'" || fail "lean --trace-fd x"
expect_usage run32 --trace-shared-fd=-2 "$bb" | grep -q "bad --trace-shared-fd '-2'" ||
  fail "lean --trace-shared-fd=-2"
expect_usage run32 --trace | grep -q "needs a PROGRAM" || fail "lean without PROGRAM"

# syscompat's own parser and CLI11 agree: the options with their value apart or after '='.
bin=$1
out=$("$bin" run32 --argv0 echo "$bb" four) && [ "$out" = four ] || fail "--argv0 NAME: '$out'"
out=$("$bin" run32 --argv0=echo -- "$bb" five) && [ "$out" = five ] || fail "--argv0=NAME: '$out'"
"$bin" run32 --trace="$work/trace" "$bb" true && grep -q exit_group "$work/trace" || fail "--trace=FILE"
expect_usage run32 --trace-fd x "$bb" >/dev/null || fail "syscompat --trace-fd x"
expect_usage run32 --trace-shared-fd x "$bb" >/dev/null || fail "syscompat --trace-shared-fd x"
echo "run32 programs: ok"
