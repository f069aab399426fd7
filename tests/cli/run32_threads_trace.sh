# `run32 --trace` with threads: while more than one thread exists every line starts with
# "[pid TID] " (as `strace -f` prints it), lines of different threads are never mixed within
# a line, and the calls of each thread appear under its own tid.
set -u
bin=$1
source_dir=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -m32 -O1 -pthread -idirafter /usr/include/x86_64-linux-gnu -o "$work/io" \
  "$source_dir/tests/run32/threads/threads_io.c" || fail "no gcc -m32"
"$bin" run32 --trace="$work/trace" "$work/io" >"$work/out" || fail "status $?"
grep -q "^64 threads, 6400 messages each way, errors 0$" "$work/out" || fail "output: $(cat "$work/out")"
# Every line: a call (with the thread prefix once there are threads), a result, an end; or,
# cut by another thread's line, the call's start and ` <unfinished ...>`, then
# `<... NAME resumed>` and the rest (as strace -f prints them); the exit line last.
line='^(\[pid +[0-9]+\] )?([a-z_0-9]+\(.* <unfinished \.\.\.>|<\.\.\. [a-z_0-9]+ resumed>.*\) = .*|[a-z_0-9]+\(.*\) = .*|\+\+\+ exited with 0 \+\+\+)$'
bad=$(grep -Evc "$line" "$work/trace")
[ "$bad" -eq 0 ] || { grep -Ev "$line" "$work/trace" | head -5 >&2; fail "$bad malformed lines"; }
# each <unfinished ...> resumed once, by the same thread
[ "$(grep -c ' <unfinished \.\.\.>$' "$work/trace")" -eq "$(grep -c '<\.\.\. [a-z_0-9]* resumed>' "$work/trace")" ] ||
  fail "unfinished and resumed lines do not pair"
# No prefix while the program has one thread: its start (the main thread's own
# set_robust_list) and its end, once the threads are joined.
[ "$(grep -c '^set_robust_list(' "$work/trace")" -eq 1 ] || fail "the main thread's set_robust_list is not unprefixed"
grep -q '^\[pid .*clone3(' "$work/trace" || fail "no prefixed clone3"
tail -2 "$work/trace" | head -1 | grep -q '^exit_group(0) = ?$' || fail "last call: $(tail -2 "$work/trace")"
tail -1 "$work/trace" | grep -q '^+++ exited with 0 +++$' || fail "last line: $(tail -1 "$work/trace")"
# 64 threads and the main one: 65 tids, each thread with its own set_robust_list.
tids=$(grep -Eo '^\[pid +[0-9]+\]' "$work/trace" | sort -u | wc -l)
[ "$tids" -eq 65 ] || fail "$tids distinct thread ids, expected 65"
[ "$(grep -Eo '^\[pid +[0-9]+\] set_robust_list\(' "$work/trace" | sort -u | wc -l)" -eq 64 ] ||
  fail "expected a set_robust_list under each of the 64 threads' ids"
[ "$(grep -c 'set_robust_list(' "$work/trace")" -eq 65 ] || fail "expected 65 set_robust_list calls"
# A call cut by another thread's line resumes under its own thread's id (one begun while
# the program had one thread, without a prefix, resumes under the main thread's, and the
# other way round: the main thread's lines are prefixed only while there are others).
main=$(grep -m1 -E '^\[pid +[0-9]+\] (<\.\.\. )?clone3' "$work/trace" | grep -Eo '^\[pid +[0-9]+\]')
awk -v main="$main" 'function who() { if (!match($0, /^\[pid +[0-9]+\]/)) return "main"
                      p = substr($0, RSTART, RLENGTH); return p == main ? "main" : p }
     / <unfinished \.\.\.>$/ { open[who()]++ }
     /<\.\.\. [a-z_0-9]+ resumed>/ { p = who()
       if (open[p]) open[p]--; else { print "resumed without its start: " $0; bad = 1 } }
     END { exit bad }' "$work/trace" >&2 || fail "a resumed line of a thread with no unfinished call"
echo "run32 threads trace: ok ($(wc -l <"$work/trace") lines, $tids threads)"
