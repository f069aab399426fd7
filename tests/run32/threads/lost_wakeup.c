// A signal sent to a thread just as it enters FUTEX_WAIT: its SA_RESTART handler sets the word,
// so the wait must end (natively: the handler runs before the call, or interrupts it and the
// restarted wait sees the word changed). Prints how many rounds of ROUNDS ended; a lost
// signal leaves the wait blocked and the round times out after 2 s. Under run32 a signal that
// came while the shim translated the call, before the host futex wait started, was parked in
// the shim and the wait never ended; Go's AllThreadsSyscall hung on it (os/signal's
// TestAllThreadsSyscallSignals). Both threads sleep in futex waits between rounds, so that
// the program is quick on a loaded machine; a random short spin moves the signal around the
// waiter's entry into its wait.
#include <errno.h>
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
static pid_t waiter_tid;

static void on_usr1(int signal) {
  (void)signal;
  atomic_store(&word, 1);
}

static long futex(atomic_int* address, int op, int value, const struct timespec* timeout) {
  return syscall(SYS_futex, address, op, value, timeout, NULL, 0);
}

static void* waiter(void* argument) {
  waiter_tid = (pid_t)syscall(SYS_gettid);
  for (int round = 1;; round++) {
    int seen;
    while ((seen = atomic_load(&started)) != round) futex(&started, FUTEX_WAIT_PRIVATE, seen, NULL);
    while (atomic_load(&word) == 0) futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL);
    atomic_store(&finished, round);
    futex(&finished, FUTEX_WAKE_PRIVATE, 1, NULL);
  }
  return argument;
}

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? atoi(argv[1]) : 1000;
  struct sigaction action = {.sa_handler = on_usr1, .sa_flags = SA_RESTART};
  sigaction(SIGUSR1, &action, NULL);
  pthread_t thread;
  pthread_create(&thread, NULL, waiter, NULL);
  while (!__atomic_load_n(&waiter_tid, __ATOMIC_ACQUIRE)) sched_yield();
  srand(1);
  for (int round = 1; round <= rounds; round++) {
    atomic_store(&word, 0);
    atomic_store(&started, round);
    futex(&started, FUTEX_WAKE_PRIVATE, 1, NULL);
    for (volatile int spin = rand() % 20000; spin > 0; spin--) {
    }
    syscall(SYS_tgkill, getpid(), waiter_tid, SIGUSR1);
    const struct timespec two_seconds = {2, 0};
    int seen;
    while ((seen = atomic_load(&finished)) != round)
      if (futex(&finished, FUTEX_WAIT_PRIVATE, seen, &two_seconds) != 0 && errno == ETIMEDOUT) {
        printf("round %d: the waiter never woke (a lost signal)\n", round);
        return 1;
      }
  }
  printf("%d rounds: every wait ended\n", rounds);
  return 0;
}
