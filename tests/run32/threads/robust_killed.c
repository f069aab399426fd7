// A process-shared robust mutex whose owner process is killed by a signal while it holds it:
// the kernel walks the dead task's robust list (futex_cleanup, the compat list for an i386
// task) and the next locker gets EOWNERDEAD. Under run32 that is the kernel's walk of the
// list the shim registered through the i386 entry; without that entry (oldkernel --no-ia32)
// nothing walks it and the lock times out (docs/run32.md), which its test expects.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  pthread_mutex_t* shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE,
                                 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  pthread_mutexattr_t attributes;
  pthread_mutexattr_init(&attributes);
  pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
  pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
  pthread_mutex_init(shared, &attributes);
  int ready[2];
  if (pipe(ready)) return 1;
  pid_t owner = fork();
  if (owner == 0) {
    pthread_mutex_lock(shared);
    if (write(ready[1], "x", 1) != 1) _exit(1);
    for (;;) pause();
  }
  char byte;
  if (read(ready[0], &byte, 1) != 1) return 1;
  kill(owner, SIGKILL);
  int status;
  waitpid(owner, &status, 0);
  printf("owner killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += 2;
  const int error = pthread_mutex_timedlock(shared, &deadline);
  printf("the next locker: %s\n", error == EOWNERDEAD  ? "EOWNERDEAD"
                                  : error == ETIMEDOUT ? "ETIMEDOUT"
                                  : error == 0         ? "0"
                                                       : "?");
  return 0;
}
