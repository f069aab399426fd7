// fork, waitpid with exit statuses and signals, a pipe between parent and child, vfork.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int p[2];
  if (pipe(p) != 0) return 1;
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    close(p[0]);
    const char message[] = "hello from the child";
    write(p[1], message, sizeof message);
    _exit(3);
  }
  close(p[1]);
  char buffer[64] = {0};
  read(p[0], buffer, sizeof buffer);
  printf("parent read: %s\n", buffer);
  int status;
  printf("waitpid is the child: %d\n", waitpid(child, &status, 0) == child);
  printf("exited %d status %d\n", WIFEXITED(status), WEXITSTATUS(status));

  child = fork();
  if (child == 0) {
    pause();
    _exit(0);
  }
  kill(child, SIGTERM);
  waitpid(child, &status, 0);
  printf("signaled %d by SIGTERM %d\n", WIFSIGNALED(status), WTERMSIG(status) == SIGTERM);

  child = vfork();
  if (child == 0) _exit(9);
  waitpid(child, &status, 0);
  printf("vfork child exited %d\n", WEXITSTATUS(status));

  for (int i = 0; i < 5; ++i) {
    fflush(stdout);
    if (fork() == 0) {
      printf("child %d\n", i);
      exit(i);
    }
    wait(&status);
    printf("reaped %d\n", WEXITSTATUS(status));
  }
  return 0;
}
