// Reader-writer locks: readers share, a writer excludes; try answers from another thread.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
static long value, reads, torn;
static pthread_mutex_t stats = PTHREAD_MUTEX_INITIALIZER;

static void* writer(void* unused) {
  for (int i = 0; i < 2000; ++i) {
    pthread_rwlock_wrlock(&rwlock);
    value += 1;
    value += 1;  // readers must never see an odd value
    pthread_rwlock_unlock(&rwlock);
  }
  return unused;
}

static void* reader(void* unused) {
  for (int i = 0; i < 4000; ++i) {
    pthread_rwlock_rdlock(&rwlock);
    long seen = value;
    pthread_rwlock_unlock(&rwlock);
    pthread_mutex_lock(&stats);
    ++reads;
    if (seen % 2) ++torn;
    pthread_mutex_unlock(&stats);
  }
  return unused;
}

static void* try_both(void* unused) {
  int rd = pthread_rwlock_tryrdlock(&rwlock);
  if (rd == 0) pthread_rwlock_unlock(&rwlock);
  int wr = pthread_rwlock_trywrlock(&rwlock);
  if (wr == 0) pthread_rwlock_unlock(&rwlock);
  printf("  other thread: tryrdlock %s, trywrlock %s\n",
         rd == 0       ? "0"
         : rd == EBUSY ? "EBUSY"
                       : "?",
         wr == 0       ? "0"
         : wr == EBUSY ? "EBUSY"
                       : "?");
  return unused;
}

int main(void) {
  pthread_t threads[6];
  for (int i = 0; i < 2; ++i) pthread_create(&threads[i], NULL, writer, NULL);
  for (int i = 2; i < 6; ++i) pthread_create(&threads[i], NULL, reader, NULL);
  for (int i = 0; i < 6; ++i) pthread_join(threads[i], NULL);
  printf("value %ld, reads %ld, torn %ld\n", value, reads, torn);
  pthread_t other;
  printf("read-locked:\n");
  pthread_rwlock_rdlock(&rwlock);
  pthread_create(&other, NULL, try_both, NULL);
  pthread_join(other, NULL);
  pthread_rwlock_unlock(&rwlock);
  printf("write-locked:\n");
  pthread_rwlock_wrlock(&rwlock);
  pthread_create(&other, NULL, try_both, NULL);
  pthread_join(other, NULL);
  pthread_rwlock_unlock(&rwlock);
  return 0;
}
