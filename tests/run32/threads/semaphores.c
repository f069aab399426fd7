// POSIX semaphores between threads: a ping-pong, sem_trywait's EAGAIN, sem_timedwait's
// ETIMEDOUT, and a named semaphore.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static sem_t ping, pong;
static int exchanges;

static void* ponger(void* unused) {
  for (int i = 0; i < 5000; ++i) {
    sem_wait(&ping);
    ++exchanges;
    sem_post(&pong);
  }
  return unused;
}

int main(void) {
  sem_init(&ping, 0, 0);
  sem_init(&pong, 0, 0);
  pthread_t thread;
  pthread_create(&thread, NULL, ponger, NULL);
  for (int i = 0; i < 5000; ++i) {
    sem_post(&ping);
    sem_wait(&pong);
  }
  pthread_join(thread, NULL);
  printf("exchanges %d\n", exchanges);
  errno = 0;
  printf("trywait on 0: %d %s\n", sem_trywait(&ping), errno == EAGAIN ? "EAGAIN" : "?");
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_nsec += 30 * 1000 * 1000;
  if (deadline.tv_nsec >= 1000000000) deadline.tv_sec++, deadline.tv_nsec -= 1000000000;
  errno = 0;
  printf("timedwait on 0: %d %s\n", sem_timedwait(&ping, &deadline),
         errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
  sem_post(&ping);
  printf("timedwait on 1: %d\n", sem_timedwait(&ping, &deadline));
  int value;
  sem_getvalue(&ping, &value);
  printf("value %d\n", value);

  char name[64];
  snprintf(name, sizeof name, "/run32-threads-%d", (int)getpid());
  sem_t* named = sem_open(name, O_CREAT | O_EXCL, 0600, 2);
  if (named == SEM_FAILED) {
    printf("sem_open failed\n");
    return 1;
  }
  sem_wait(named);
  sem_getvalue(named, &value);
  printf("named semaphore value %d\n", value);
  sem_close(named);
  sem_unlink(name);
  return 0;
}
