// Thread ends: pthread_exit while other threads block in syscalls (read, futex, nanosleep),
// which go on; then the main thread ends with pthread_exit and the last thread's exit
// status is the process's (glibc's exit(0) from the last thread).
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <unistd.h>

static int pipe_fds[2];
static sem_t semaphore;

static void* blocked_reader(void* unused) {
  char byte = 0;
  read(pipe_fds[0], &byte, 1);
  return (void*)(long)byte;
}

static void* blocked_waiter(void* unused) {
  sem_wait(&semaphore);
  return (void*)7;
}

static void* exits_early(void* unused) {
  pthread_exit((void*)99);
}

static void* last_one(void* argument) {
  pthread_join(*(pthread_t*)argument, NULL);  // the main thread, ended
  printf("last thread: the main thread has ended\n");
  fflush(stdout);
  return NULL;
}

int main(void) {
  pipe(pipe_fds);
  sem_init(&semaphore, 0, 0);
  pthread_t reader, waiter, early;
  pthread_create(&reader, NULL, blocked_reader, NULL);
  pthread_create(&waiter, NULL, blocked_waiter, NULL);
  pthread_create(&early, NULL, exits_early, NULL);
  void* result;
  pthread_join(early, &result);
  printf("early thread ended with %ld\n", (long)result);
  write(pipe_fds[1], "r", 1);
  sem_post(&semaphore);
  pthread_join(reader, &result);
  printf("reader got %c\n", (char)(long)result);
  pthread_join(waiter, &result);
  printf("waiter got %ld\n", (long)result);
  fflush(stdout);
  static pthread_t main_thread;
  main_thread = pthread_self();
  pthread_t last;
  pthread_create(&last, NULL, last_one, &main_thread);
  pthread_exit(NULL);
}
