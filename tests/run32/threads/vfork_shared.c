// vfork: the parent is suspended until the child execs or exits, and the child's writes are
// the parent's; posix_spawn (CLONE_VM | CLONE_VFORK on its own stack) runs a program.
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;
static volatile int written;

int main(void) {
  pid_t pid = vfork();
  if (pid == 0) {
    // The parent does not run until the _exit below: it would see 1 otherwise.
    written = 1;
    struct timespec pause = {0, 30 * 1000 * 1000};
    nanosleep(&pause, NULL);
    written = 2;
    _exit(4);
  }
  printf("vfork: parent sees %d", written);
  int status;
  waitpid(pid, &status, 0);
  printf(", child status %d\n", WEXITSTATUS(status));

  pid = vfork();
  if (pid == 0) {
    written = 3;
    char* argv[] = {"/bin/sh", "-c", "exit 9", NULL};
    execve(argv[0], argv, environ);
    _exit(127);
  }
  printf("vfork+exec: parent sees %d", written);
  waitpid(pid, &status, 0);
  printf(", status %d\n", WEXITSTATUS(status));

  char* argv[] = {"/bin/sh", "-c", "echo spawned; exit 6", NULL};
  fflush(stdout);
  if (posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ) != 0) {
    printf("posix_spawn failed\n");
    return 1;
  }
  waitpid(pid, &status, 0);
  printf("posix_spawn: status %d\n", WEXITSTATUS(status));
  char* missing[] = {"/nonexistent/program", NULL};
  printf("posix_spawn of a missing program: %d\n",
         posix_spawn(&pid, missing[0], NULL, NULL, missing, environ));
  return 0;
}
