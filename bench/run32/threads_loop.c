// Thread micro-benchmarks for run32 (bench/run32_threads.sh): built with gcc -m32, run natively
// and under `syscompat run32`, timed inside the program (start-up excluded).
//   threads_loop create N    N pthread_create + pthread_join, one thread at a time
//   threads_loop pingpong N  N round trips between two threads, each waking the other through
//                            FUTEX_WAKE and sleeping in FUTEX_WAIT on a shared word
// Prints "<kind> <ns> ns per <unit>".
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static void* nothing(void* argument) {
  return argument;
}

static atomic_int turn;  // 0: the main thread's turn, 1: the partner's
static long rounds;

static void futex_wait(atomic_int* word, int value) {
  while (atomic_load(word) == value)
    syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0);
}

static void pass_to(int whom) {
  atomic_store(&turn, whom);
  syscall(SYS_futex, &turn, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static void* partner(void* argument) {
  for (long i = 0; i < rounds; i++) {
    futex_wait(&turn, 0);
    pass_to(0);
  }
  return argument;
}

int main(int argc, char** argv) {
  if (argc != 3 || (strcmp(argv[1], "create") != 0 && strcmp(argv[1], "pingpong") != 0) ||
      atol(argv[2]) <= 0) {
    fprintf(stderr, "usage: %s create|pingpong N\n", argv[0]);
    return 2;
  }
  long n = atol(argv[2]);
  double start = now_ns();
  if (strcmp(argv[1], "create") == 0) {
    for (long i = 0; i < n; i++) {
      pthread_t thread;
      if (pthread_create(&thread, NULL, nothing, NULL) != 0 || pthread_join(thread, NULL) != 0) {
        perror("pthread_create");
        return 1;
      }
    }
    printf("create %.0f ns per thread created and joined\n", (now_ns() - start) / n);
  } else {
    rounds = n;
    pthread_t thread;
    if (pthread_create(&thread, NULL, partner, NULL) != 0) return 1;
    for (long i = 0; i < n; i++) {
      pass_to(1);
      futex_wait(&turn, 1);
    }
    pthread_join(thread, NULL);
    printf("pingpong %.0f ns per round trip\n", (now_ns() - start) / n);
  }
  return 0;
}
