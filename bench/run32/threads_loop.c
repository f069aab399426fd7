// µs per thread create+join and per futex round trip between two threads, timed inside the
// i386 program (natively: the kernel's compat layer; under run32: host threads).
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static void* nothing(void* argument) { return argument; }

// The ping-pong: one word, 0 (the main thread's turn) or 1 (the partner's), each side waking
// the other with FUTEX_WAKE and sleeping with FUTEX_WAIT.
static atomic_int turn;
static long round_trips;

static void wait_for(int value) {
  int seen;
  while ((seen = atomic_load(&turn)) != value)
    syscall(SYS_futex, &turn, FUTEX_WAIT_PRIVATE, seen, NULL, NULL, 0);
}

static void give(int value) {
  atomic_store(&turn, value);
  syscall(SYS_futex, &turn, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static void* partner(void* unused) {
  for (long i = 0; i < round_trips; ++i) {
    wait_for(1);
    give(0);
  }
  return unused;
}

int main(int argc, char** argv) {
  const long creations = argc > 1 ? atol(argv[1]) : 2000;
  round_trips = argc > 2 ? atol(argv[2]) : 20000;
  double start = now_us();
  for (long i = 0; i < creations; ++i) {
    pthread_t thread;
    pthread_create(&thread, NULL, nothing, NULL);
    pthread_join(thread, NULL);
  }
  const double create_us = (now_us() - start) / creations;
  pthread_t thread;
  pthread_create(&thread, NULL, partner, NULL);
  start = now_us();
  for (long i = 0; i < round_trips; ++i) {
    give(1);
    wait_for(0);
  }
  const double trip_us = (now_us() - start) / round_trips;
  pthread_join(thread, NULL);
  printf("create+join: %.2f us (%ld)\nfutex round trip: %.2f us (%ld)\n", create_us, creations,
         trip_us, round_trips);
  return 0;
}
