// Condition variables: a bounded queue between 4 producers and 4 consumers; broadcast;
// a timed wait that times out.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

enum { producers = 4, consumers = 4, items = 5000, capacity = 16 };
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static int queue[capacity], head, count, finished;
static long consumed_sum, consumed;

static void* produce(void* argument) {
  int base = (int)(long)argument * items;
  for (int i = 1; i <= items; ++i) {
    pthread_mutex_lock(&lock);
    while (count == capacity) pthread_cond_wait(&not_full, &lock);
    queue[(head + count++) % capacity] = base + i;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

static void* consume(void* unused) {
  for (;;) {
    pthread_mutex_lock(&lock);
    while (count == 0 && !finished) pthread_cond_wait(&not_empty, &lock);
    if (count == 0) {
      pthread_mutex_unlock(&lock);
      return unused;
    }
    int value = queue[head];
    head = (head + 1) % capacity;
    --count;
    consumed_sum += value;
    ++consumed;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&lock);
  }
}

int main(void) {
  pthread_t p[producers], c[consumers];
  for (long i = 0; i < consumers; ++i) pthread_create(&c[i], NULL, consume, NULL);
  for (long i = 0; i < producers; ++i) pthread_create(&p[i], NULL, produce, (void*)i);
  for (int i = 0; i < producers; ++i) pthread_join(p[i], NULL);
  pthread_mutex_lock(&lock);
  finished = 1;
  pthread_cond_broadcast(&not_empty);
  pthread_mutex_unlock(&lock);
  for (int i = 0; i < consumers; ++i) pthread_join(c[i], NULL);
  printf("consumed %ld items, sum %ld\n", consumed, consumed_sum);

  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_nsec += 20 * 1000 * 1000;
  if (deadline.tv_nsec >= 1000000000) deadline.tv_sec++, deadline.tv_nsec -= 1000000000;
  pthread_mutex_lock(&lock);
  int timed = pthread_cond_timedwait(&not_empty, &lock, &deadline);
  pthread_mutex_unlock(&lock);
  printf("timed wait: %s\n", timed == ETIMEDOUT ? "ETIMEDOUT" : "?");
  return 0;
}
