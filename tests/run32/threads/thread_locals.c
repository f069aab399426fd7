// __thread variables are per thread (initialized from the TLS image, static and dynamic
// TLS); pthread keys with destructors run at each thread's exit.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static __thread int counter = 100;
static __thread char name[16] = "initial";
static pthread_key_t key;
static int destructed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void destroy(void* value) {
  pthread_mutex_lock(&lock);
  destructed += *(int*)value;
  pthread_mutex_unlock(&lock);
  free(value);
}

static void* body(void* argument) {
  int me = (int)(long)argument;
  for (int i = 0; i < me; ++i) ++counter;
  snprintf(name, sizeof name, "thread-%d", me);
  int* value = malloc(sizeof *value);
  *value = me;
  pthread_setspecific(key, value);
  // Another thread's writes never show here.
  for (volatile int spin = 0; spin < 100000; ++spin) {
  }
  int ok = counter == 100 + me && *(int*)pthread_getspecific(key) == me;
  char expected[16];
  snprintf(expected, sizeof expected, "thread-%d", me);
  for (int i = 0; expected[i] || name[i]; ++i)
    if (expected[i] != name[i]) ok = 0;
  return (void*)(long)ok;
}

int main(void) {
  pthread_key_create(&key, destroy);
  pthread_t threads[10];
  for (long i = 0; i < 10; ++i) pthread_create(&threads[i], NULL, body, (void*)(i + 1));
  int good = 0;
  for (int i = 0; i < 10; ++i) {
    void* ok;
    pthread_join(threads[i], &ok);
    good += (int)(long)ok;
  }
  printf("threads with their own values: %d of 10\n", good);
  printf("main's counter %d, name %s\n", counter, name);
  printf("destructors ran for a sum of %d\n", destructed);
  printf("main's key value %p\n", pthread_getspecific(key));
  return 0;
}
