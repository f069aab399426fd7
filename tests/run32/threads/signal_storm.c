/* Signals a process sends itself from several threads while its other threads sleep in
 * system calls that signals interrupt (nanosleep and timed futex waits, made with int $0x80
 * as Go's runtime makes them: never restarted, so their handlers start with eax -EINTR),
 * with SA_RESTART handlers on alternate stacks: every handler's return may let the next
 * signal in. As Go's os/signal TestStress; the output does not depend on scheduling. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

enum { sleepers = 4, senders = 2, signals_each = 6000 };
static volatile int stop;
static volatile long handled;
static int word;

static void on_signal(int signal) {
  (void)signal;
  __atomic_add_fetch(&handled, 1, __ATOMIC_RELAXED);
}

static long int80(long number, long a, long b, long c, long d) {
  long eax = number;
  __asm__ volatile("int $0x80" : "+a"(eax) : "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
  return eax;
}

static void *sleeper(void *which) {
  stack_t alternate = {.ss_sp = malloc(65536), .ss_size = 65536};
  sigaltstack(&alternate, NULL);
  struct timespec short_time = {0, 20000};
  long unexpected = 0;
  for (long i = 0; !stop; ++i) {
    long result = (long)which % 2 ? int80(SYS_nanosleep, (long)&short_time, 0, 0, 0)
                                  : int80(SYS_futex, (long)&word, FUTEX_WAIT_PRIVATE, 0,
                                          (long)&short_time);
    if (result != 0 && result != -EINTR && result != -ETIMEDOUT) unexpected++;
  }
  return (void *)unexpected;
}

static void *sender(void *unused) {
  (void)unused;
  for (int i = 0; i < signals_each; ++i) {
    kill(getpid(), i % 3 ? SIGUSR1 : SIGUSR2);
    if (i % 8 == 0) sched_yield();
  }
  return NULL;
}

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_signal;
  action.sa_flags = SA_RESTART | SA_ONSTACK;
  sigfillset(&action.sa_mask);
  sigaction(SIGUSR1, &action, NULL);
  sigaction(SIGUSR2, &action, NULL);
  pthread_t sleeping[sleepers], sending[senders];
  for (long i = 0; i < sleepers; ++i) pthread_create(&sleeping[i], NULL, sleeper, (void *)i);
  for (int i = 0; i < senders; ++i) pthread_create(&sending[i], NULL, sender, NULL);
  for (int i = 0; i < senders; ++i) pthread_join(sending[i], NULL);
  stop = 1;
  long unexpected = 0;
  for (int i = 0; i < sleepers; ++i) {
    void *count;
    pthread_join(sleeping[i], &count);
    unexpected += (long)count;
  }
  printf("%d signals sent from %d threads to %d sleeping ones: some handled %d, unexpected "
         "results %ld\n",
         senders * signals_each, senders, sleepers, handled > 0, unexpected);
  return 0;
}
