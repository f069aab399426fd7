// Robust mutexes: the owner thread ends holding it (pthread_exit) and the next locker gets
// EOWNERDEAD, makes it consistent; a process-shared one whose owner process dies (_exit:
// the kernel walks the list at the death) gives EOWNERDEAD in the parent; an
// unrecoverable one gives ENOTRECOVERABLE.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_mutex_t mutex;

static void* die_holding(void* unused) {
  pthread_mutex_lock(&mutex);
  pthread_exit(unused);
}

static const char* name(int error) {
  return error == 0                 ? "0"
         : error == EOWNERDEAD      ? "EOWNERDEAD"
         : error == ENOTRECOVERABLE ? "ENOTRECOVERABLE"
                                    : "?";
}

int main(void) {
  pthread_mutexattr_t attributes;
  pthread_mutexattr_init(&attributes);
  pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(&mutex, &attributes);
  pthread_t thread;
  pthread_create(&thread, NULL, die_holding, NULL);
  pthread_join(thread, NULL);
  int error = pthread_mutex_lock(&mutex);
  printf("after the owner thread ended: %s\n", name(error));
  pthread_mutex_consistent(&mutex);
  pthread_mutex_unlock(&mutex);
  printf("consistent again: %s\n", name(pthread_mutex_lock(&mutex)));
  pthread_mutex_unlock(&mutex);

  // The owner blocks while another thread waits: the wait ends with EOWNERDEAD.
  pthread_mutex_t* shared =
      mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
  pthread_mutex_init(shared, &attributes);
  int ready[2];
  pipe(ready);
  pid_t child = fork();
  if (child == 0) {
    pthread_mutex_lock(shared);
    write(ready[1], "x", 1);
    usleep(20000);
    _exit(0);  // holding it
  }
  char byte;
  read(ready[0], &byte, 1);
  error = pthread_mutex_lock(shared);  // waits for the child's death
  printf("after the owner process died: %s\n", name(error));
  waitpid(child, NULL, 0);
  pthread_mutex_unlock(shared);  // not made consistent
  printf("left inconsistent: %s\n", name(pthread_mutex_lock(shared)));
  return 0;
}
