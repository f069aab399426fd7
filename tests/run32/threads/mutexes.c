// Mutexes: a counter under a normal mutex from 8 threads; recursive, error-checking and
// trylock answers.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void* add(void* unused) {
  for (int i = 0; i < 20000; ++i) {
    pthread_mutex_lock(&lock);
    ++counter;
    pthread_mutex_unlock(&lock);
  }
  return unused;
}

static void* try_locked(void* mutex) {
  return (void*)(long)pthread_mutex_trylock(mutex);
}

int main(void) {
  pthread_t threads[8];
  for (int i = 0; i < 8; ++i) pthread_create(&threads[i], NULL, add, NULL);
  for (int i = 0; i < 8; ++i) pthread_join(threads[i], NULL);
  printf("counter %ld\n", counter);

  pthread_mutexattr_t attributes;
  pthread_mutexattr_init(&attributes);
  pthread_mutexattr_settype(&attributes, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_t recursive;
  pthread_mutex_init(&recursive, &attributes);
  printf("recursive: %d %d %d", pthread_mutex_lock(&recursive), pthread_mutex_lock(&recursive),
         pthread_mutex_unlock(&recursive));
  void* other;
  pthread_t thread;
  pthread_create(&thread, NULL, try_locked, &recursive);
  pthread_join(thread, &other);
  printf(" other thread trylock %s\n", (long)other == EBUSY ? "EBUSY" : "?");
  pthread_mutex_unlock(&recursive);

  pthread_mutexattr_settype(&attributes, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_t checked;
  pthread_mutex_init(&checked, &attributes);
  pthread_mutex_lock(&checked);
  printf("errorcheck relock %s", pthread_mutex_lock(&checked) == EDEADLK ? "EDEADLK" : "?");
  pthread_create(&thread, NULL, try_locked, &checked);
  pthread_join(thread, &other);
  printf(", other thread trylock %s", (long)other == EBUSY ? "EBUSY" : "?");
  pthread_mutex_unlock(&checked);
  printf(", unlock unowned %s\n", pthread_mutex_unlock(&checked) == EPERM ? "EPERM" : "?");
  return 0;
}
