// fork from a thread other than the main one: the child has one thread (the forking one),
// can create threads of its own; the parent's threads go on.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "task_count.h"

static void* child_thread(void* unused) {
  return (void*)(long)(task_count() == 2);
}

static volatile int stop;
static void* idle(void* unused) {
  while (!stop) usleep(1000);
  return unused;
}

static void* forker(void* unused) {
  pid_t child = fork();
  if (child == 0) {
    int alone = task_count();
    pthread_t thread;
    void* two;
    pthread_create(&thread, NULL, child_thread, NULL);
    pthread_join(thread, &two);
    printf("child: %d thread(s) after fork, two with one more: %ld\n", alone, (long)two);
    fflush(stdout);
    exit(7);
  }
  int status;
  waitpid(child, &status, 0);
  return (void*)(long)WEXITSTATUS(status);
}

int main(void) {
  pthread_t idler, thread;
  pthread_create(&idler, NULL, idle, NULL);
  pthread_create(&thread, NULL, forker, NULL);
  void* status;
  pthread_join(thread, &status);
  printf("parent: child's status %ld, threads now %d\n", (long)status, task_count());
  stop = 1;
  pthread_join(idler, NULL);
  return 0;
}
