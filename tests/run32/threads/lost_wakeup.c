// A signal sent to a thread just as it enters FUTEX_WAIT: its SA_RESTART handler sets the word,
// so the wait must end (natively: the handler runs before the call, or interrupts it and the
// restarted wait sees the word changed). Prints how many rounds of ROUNDS ended; a lost
// signal leaves the wait blocked and the round times out after 2 s. Under run32 a signal that
// came while the shim translated the call, before the host futex wait started, was parked in
// the shim and the wait never ended (round 81 of the first run); Go's AllThreadsSyscall hung
// on it (os/signal's TestAllThreadsSyscallSignals).
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
static atomic_int word, started, finished;
static void on_usr1(int s) {
  (void)s;
  atomic_store(&word, 1);
}
static pid_t waiter_tid;
static void* waiter(void* a) {
  waiter_tid = syscall(SYS_gettid);
  for (int round = 1;; round++) {
    while (atomic_load(&started) != round)
      ;
    while (atomic_load(&word) == 0) syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    atomic_store(&finished, round);
  }
  return a;
}
int main(int argc, char** argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 20000;
  struct sigaction sa = {.sa_handler = on_usr1, .sa_flags = SA_RESTART};
  sigaction(SIGUSR1, &sa, NULL);
  pthread_t t;
  pthread_create(&t, NULL, waiter, NULL);
  while (!waiter_tid)
    ;
  for (int round = 1; round <= rounds; round++) {
    atomic_store(&word, 0);
    atomic_store(&started, round);
    for (volatile int spin = rand() % 3000; spin > 0; spin--)
      ;
    syscall(SYS_tgkill, getpid(), waiter_tid, SIGUSR1);
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (atomic_load(&finished) != round) {
      clock_gettime(CLOCK_MONOTONIC, &now);
      if (now.tv_sec - start.tv_sec > 2) {
        printf("round %d: the waiter never woke (a lost signal)\n", round);
        return 1;
      }
    }
  }
  printf("%d rounds: every wait ended\n", rounds);
  return 0;
}
