# Bad input to `syscompat run32`: one line on stderr and the status a shell gives (126: found
# but not executable, 127: not found); usage errors exit 2. Each file is checked with the
# kernel's own verdict where there is one (executing it natively).
set -u
bin=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

expect() {  # expect STATUS PATTERN ARGS...
  local want=$1 pattern=$2 err status
  shift 2
  err=$("$bin" run32 "$@" 2>&1 >/dev/null) && status=0 || status=$?
  [ "$status" -eq "$want" ] || fail "run32 $*: exit $status, expected $want ($err)"
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "run32 $*: stderr is not one line: $err"
  printf '%s\n' "$err" | grep -q -- "$pattern" || fail "run32 $*: '$err' does not say '$pattern'"
}

printf 'just some text\n' >"$work/text" && chmod +x "$work/text"
expect 126 "not an ELF" "$work/text"

expect 126 "an x86_64 ELF program: run it natively" "$(type -P true)"

printf 'int main(void) { return 0; }\n' >"$work/main.c"
arm-linux-gnueabihf-gcc -o "$work/arm" "$work/main.c" || fail "no arm compiler"
expect 126 "another machine" "$work/arm"

gcc -m32 -static -o "$work/static" "$work/main.c" || fail "no gcc -m32"
# A program cut short: the kernel maps its segments past the end of the file and then cannot
# zero its bss (padzero): SIGSEGV past exec's point of no return. run32 says why, and dies so.
head -c 2000 "$work/static" >"$work/truncated" && chmod +x "$work/truncated"
sh -c '"$1"' sh "$work/truncated" 2>/dev/null; [ $? -eq 139 ] || fail "the kernel did not kill the truncated program"
err=$("$bin" run32 "$work/truncated" 2>&1 >/dev/null); status=$?
[ "$status" -eq 139 ] || fail "run32 truncated: exit $status, expected death by SIGSEGV ($err)"
[ "$(printf '%s\n' "$err" | grep -c 'syscompat run32: ')" -eq 1 ] &&
  printf '%s\n' "$err" | grep -q "past the end of the file (padzero)" || fail "run32 truncated: '$err'"
head -c 30 "$work/static" >"$work/short" && chmod +x "$work/short"
expect 126 "truncated" "$work/short"

gcc -m32 -Wl,--dynamic-linker=/nonexistent/ld-linux.so.2 -o "$work/no_interpreter" "$work/main.c"
"$work/no_interpreter" 2>/dev/null && fail "the kernel ran a program without its interpreter"
expect 127 "interpreter" "$work/no_interpreter"

# An interpreter path of control bytes is printed escaped: the message stays one line.
gcc -m32 -Wl,--dynamic-linker="$(printf '/tmp/\001\377\n\033[31mX')" -o "$work/garbage_interpreter" "$work/main.c" ||
  fail "no garbage interpreter program"
expect 127 'interpreter: /tmp/\\x01\\xff\\x0a\\x1b\[31mX: No such file' "$work/garbage_interpreter"
expect 127 "No such file" "$work/missing"
cp "$work/static" "$work/not_executable" && chmod -x "$work/not_executable"
expect 126 "Permission denied" "$work/not_executable"
expect 126 "Is a directory" "$work"

expect 2 "needs a PROGRAM" --trace
expect 2 "not expected" --no-such-option "$work/static"

# The good one runs, to show the checks above are not all there is.
"$bin" run32 "$work/static" || fail "a valid static i386 program did not run"
# A name without a slash is looked up in PATH, as execvp does.
PATH="$work:$PATH" "$bin" run32 static || fail "the program was not found in PATH"
expect 127 "no-such-program-anywhere: command not found" no-such-program-anywhere
# PATH as execvp and a shell take it: a name is never looked for in the current directory
# unless PATH says so with an empty entry (docs/run32.md, "Finding the program").
cp "$work/static" "$work/in_cwd"
(cd "$work" && PATH=/usr/bin:/bin expect 127 "in_cwd: command not found" in_cwd) || exit 1
(cd "$work" && PATH=/usr/bin:/bin: "$bin" run32 in_cwd) || fail "an empty PATH entry is the current directory"
(cd "$work" && PATH= "$bin" run32 in_cwd) || fail "an empty PATH is the current directory"
echo "run32 bad input: ok"
