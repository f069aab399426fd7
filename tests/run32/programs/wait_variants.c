// wait4 with rusage, waitpid with WNOHANG, SIGCHLD to a handler, WIFSTOPPED via SIGSTOP.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t chld;
static void on_chld(int signal) { (void)signal, ++chld; }

int main(void) {
  signal(SIGCHLD, on_chld);
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    for (volatile long i = 0; i < 1000000; ++i) {
    }
    _exit(17);
  }
  int status;
  struct rusage usage;
  memset(&usage, 0, sizeof usage);
  printf("wait4 is the child: %d\n", wait4(child, &status, 0, &usage) == child);
  printf("status %d, SIGCHLD seen %d\n", WEXITSTATUS(status), chld > 0);
  printf("WNOHANG with no children: %d\n", waitpid(-1, &status, WNOHANG));
  child = fork();
  if (child == 0) {
    raise(SIGSTOP);
    _exit(1);
  }
  waitpid(child, &status, WUNTRACED);
  printf("stopped by SIGSTOP: %d %d\n", WIFSTOPPED(status), WSTOPSIG(status) == SIGSTOP);
  kill(child, SIGCONT);
  waitpid(child, &status, 0);
  printf("then exited %d\n", WEXITSTATUS(status));
  return 0;
}
