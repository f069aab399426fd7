/* A signal sent to a thread as it starts reaches it: a raw clone with nothing blocked around
 * it, and tgkill at once, before the new thread has run (the shim's host thread starts with
 * every signal blocked, glibc's SIGCANCEL excepted, until the guest's mask is in place: a
 * signal that comes meanwhile must not stay blocked after). SIGUSR1, and 32 (SIGCANCEL,
 * which glibc's pthread_create leaves unblocked in a new host thread), through the raw
 * rt_sigaction glibc's wrapper refuses for it. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { rounds = 40 };
static volatile int got, done;
static void on_signal(int signal) {
  (void)signal;
  got++;
}

/* Waits a while for the signal (about 0.1 s of spinning), then says whether it came. */
static int child(void *unused) {
  (void)unused;
  for (long i = 0; i < 100000000 && !got; ++i) __asm__ volatile("" ::: "memory");
  done = got ? 1 : 2;
  syscall(SYS_exit, 0);
  return 0;
}

int main(void) {
  static char stacks[rounds][16384];
  for (int signal = SIGUSR1; signal <= 32; signal += 32 - SIGUSR1) {
    struct {
      void (*handler)(int);
      unsigned long flags;
      void *restorer;
      unsigned mask[2];
    } action = {on_signal, 0, NULL, {0, 0}};
    syscall(SYS_rt_sigaction, signal, &action, NULL, 8);
    int reached = 0;
    for (int round = 0; round < rounds; ++round) {
      got = done = 0;
      int tid = clone(child, stacks[round] + sizeof stacks[round],
                      CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                          CLONE_SYSVSEM,
                      NULL);
      syscall(SYS_tgkill, getpid(), tid, signal);
      while (!done) sched_yield();
      reached += done == 1;
    }
    printf("signal %d reached %d of %d starting threads\n", signal, reached, rounds);
  }
  return 0;
}
