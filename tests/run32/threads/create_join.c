// 200 threads created and joined, in waves of 50 alive at once; each returns its own index
// and sees its own stack and argument.
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static void* body(void* argument) {
  volatile intptr_t local = (intptr_t)argument * 3;  // on this thread's own stack
  return (void*)(local / 3);
}

int main(void) {
  enum { total = 200, wave = 50 };
  long sum = 0, mismatches = 0;
  for (int base = 0; base < total; base += wave) {
    pthread_t threads[wave];
    for (int i = 0; i < wave; ++i)
      if (pthread_create(&threads[i], NULL, body, (void*)(intptr_t)(base + i)) != 0) {
        printf("pthread_create %d failed\n", base + i);
        return 1;
      }
    for (int i = 0; i < wave; ++i) {
      void* result;
      pthread_join(threads[i], &result);
      if ((intptr_t)result != base + i) ++mismatches;
      sum += (intptr_t)result;
    }
  }
  printf("joined %d threads, sum %ld, mismatches %ld\n", total, sum, mismatches);
  pthread_t self = pthread_self();
  printf("join self: %s\n", pthread_join(self, NULL) == EDEADLK ? "EDEADLK" : "?");
  return 0;
}
