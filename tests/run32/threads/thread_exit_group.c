// exit from a thread ends the whole process (exit_group) with its status, while the main
// thread and others block in syscalls; an atexit handler runs once.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void at_exit(void) {
  printf("atexit handler\n");
}

static void* sleeper(void* unused) {
  for (;;) pause();
  return unused;
}

static void* calls_exit(void* unused) {
  usleep(10000);
  printf("thread calls exit(3)\n");
  exit(3);
  return unused;
}

int main(void) {
  atexit(at_exit);
  pthread_t threads[3];
  pthread_create(&threads[0], NULL, sleeper, NULL);
  pthread_create(&threads[1], NULL, sleeper, NULL);
  pthread_create(&threads[2], NULL, calls_exit, NULL);
  for (;;) pause();
}
