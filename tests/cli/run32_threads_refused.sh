# Threads are not served yet: a guest's clone with CLONE_THREAD answers ENOSYS with one clear
# line on stderr, and the guest goes on (here, reporting pthread_create's failure).
set -u
bin=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/thread.c" <<'PROGRAM'
#include <pthread.h>
#include <stdio.h>
#include <string.h>
static void* body(void* argument) { return argument; }
int main(void) {
  pthread_t thread;
  int error = pthread_create(&thread, NULL, body, NULL);
  if (error == 0) { pthread_join(thread, NULL); printf("thread ran\n"); return 0; }
  printf("pthread_create: %s\n", strerror(error));
  return 3;
}
PROGRAM
gcc -m32 -pthread -o "$work/thread" "$work/thread.c" || fail "no gcc -m32"
"$work/thread" | grep -q "thread ran" || fail "natively the thread does not run"
out=$("$bin" run32 "$work/thread" 2>"$work/err")
status=$?
[ "$status" -eq 3 ] || fail "exit status $status, expected the program's 3"
printf '%s\n' "$out" | grep -q "^pthread_create: " || fail "the program did not report the failure: $out"
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "stderr is not one line: $(cat "$work/err")"
grep -q "threads are not supported yet, answering ENOSYS" "$work/err" || fail "stderr: $(cat "$work/err")"
echo "run32 threads refused: ok ($out)"
