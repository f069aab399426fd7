# The command line as a new user meets it (issue #16): --version, an unknown subcommand, help
# texts without CLI11's internals or the build path, no option ignored silently, a write
# error is a failure.
set -u
bin=$1
source "$(dirname "$0")/usage_lib.sh"

version=$("$bin" --version) || fail "--version exited $?"
[[ "$version" =~ ^syscompat\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$version'"

expect_usage bogus | grep -q "unknown subcommand 'bogus'; valid: layout, syscalls" ||
  fail "bogus is not an unknown subcommand"

# Every help text: no CLI11 syntax leaking ({-}, (0x)), no option without a description, no
# path of the binary.
for command in "" layout syscalls translate run32 oldkernel symver; do
  text=$("$bin" $command --help) || fail "$command --help exited $?"
  printf '%s\n' "$text" | grep -Eq '\{|\(0x\)|[0-9]x\)' && fail "$command --help: $(printf '%s\n' "$text" | grep -E '\{|0x\)')"
  printf '%s\n' "$text" | grep -q "$(dirname "$bin")" && fail "$command --help names the build path"
  printf '%s\n' "$text" | grep -Eq '^Usage: syscompat( |$)' || fail "$command --help: usage is not 'syscompat ...'"
  # An option line ends in its description, never in its name alone.
  printf '%s\n' "$text" | grep -Eq '^  +-[-a-zA-Z,]+( [A-Z]+( \.\.\.)?)? *$' &&
    fail "$command --help: an option without a description: $(printf '%s\n' "$text" | grep -E '^  +-[-a-zA-Z,]+ *$')"
done
all=$("$bin" --help-all) || fail "--help-all exited $?"
printf '%s\n' "$all" | grep -q -- '--help-all  *Print the help of every subcommand' || fail "--help-all undescribed"
printf '%s\n' "$all" | grep -q -- '--trace \[=FILE\]' || fail "--trace [=FILE] not in --help-all"

# Options that cannot go together are refused, not ignored.
expect_usage syscalls --since 4.4 --json | grep -q -- "--json excludes --since" || fail "syscalls --since --json"
expect_usage syscalls i386 --check >/dev/null || fail "syscalls ABI --check"
expect_usage syscalls --json | grep -q "give the ABI" || fail "syscalls --json alone"
expect_usage syscalls i386 --abi x86_64 | grep -q -- "--abi goes with --since or --check" || fail "syscalls ABI --abi"
expect_usage layout i386 stat64 --json --list | grep -q "excludes --list" || fail "layout --json --list"
expect_usage layout --list --markdown >/dev/null || fail "layout --list --markdown"
expect_usage layout i386 stat64 --abi i386 | grep -q -- "--abi and --jobs go with --check or --verify" || fail "layout --abi without --check"
# ... and what does go together still works.
"$bin" syscalls --since 6.10 --abi i386 | tail -1 | grep -q "i386: .* calls newer than 6.10" || fail "--since --abi"
"$bin" layout i386 stat64 --json | grep -q '"size":96' || fail "layout --json"

# Output that cannot be written is a failure, with one line.
for command in "syscalls i386" "layout --list" "translate --coverage" "symver --list" "--help" "--version" "oldkernel --release 4.4 --list"; do
  err=$("$bin" $command 2>&1 >/dev/full); status=$?
  [ "$status" -ne 0 ] || fail "$command > /dev/full exited 0"
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$command > /dev/full: stderr is not one line: $err"
done
echo "cli behaviour: ok"
