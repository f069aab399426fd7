// Barriers: 8 threads through 200 rounds; one serial thread per round; each round's writes
// are seen by everyone after it.
#include <pthread.h>
#include <stdio.h>

enum { threads_count = 8, rounds = 200 };
static pthread_barrier_t barrier;
static int slots[threads_count];
static long serial_count, bad;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void* body(void* argument) {
  int me = (int)(long)argument;
  for (int round = 1; round <= rounds; ++round) {
    slots[me] = round;
    int result = pthread_barrier_wait(&barrier);
    for (int i = 0; i < threads_count; ++i)
      if (slots[i] != round) {
        pthread_mutex_lock(&lock);
        ++bad;
        pthread_mutex_unlock(&lock);
      }
    if (result == PTHREAD_BARRIER_SERIAL_THREAD) {
      pthread_mutex_lock(&lock);
      ++serial_count;
      pthread_mutex_unlock(&lock);
    }
    pthread_barrier_wait(&barrier);
  }
  return NULL;
}

int main(void) {
  pthread_barrier_init(&barrier, NULL, threads_count);
  pthread_t threads[threads_count];
  for (long i = 0; i < threads_count; ++i) pthread_create(&threads[i], NULL, body, (void*)i);
  for (int i = 0; i < threads_count; ++i) pthread_join(threads[i], NULL);
  printf("rounds %d, serial threads %ld, stale reads %ld\n", rounds, serial_count, bad);
  return 0;
}
