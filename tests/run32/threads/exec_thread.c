// execve from a thread other than the main one: the other threads end, the process keeps
// its pid, and the new image starts with one thread.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "task_count.h"

static char* self;

static void* sleeper(void* unused) {
  for (;;) pause();
  return unused;
}

static void* exec_from_here(void* unused) {
  char pid[32];
  snprintf(pid, sizeof pid, "%d", (int)getpid());
  char* argv[] = {self, "again", pid, NULL};
  execv("/proc/self/exe", argv);
  perror("execv");
  return unused;
}

int main(int argc, char** argv) {
  if (argc == 3 && strcmp(argv[1], "again") == 0) {
    printf("new image: same pid %d, threads %d\n", atoi(argv[2]) == getpid(), task_count());
    return 5;
  }
  self = argv[0];
  pthread_t threads[3];
  for (int i = 0; i < 2; ++i) pthread_create(&threads[i], NULL, sleeper, NULL);
  printf("before: threads %d\n", task_count() - 0 >= 3);
  fflush(stdout);
  pthread_create(&threads[2], NULL, exec_from_here, NULL);
  pthread_join(threads[2], NULL);
  return 1;
}
