// execve with an environment of its own choosing; argv[0] as given; a close-on-exec descriptor
// closed across it.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv, char** envp) {
  if (argc > 1 && strcmp(argv[1], "child") == 0) {
    int count = 0;
    for (char** e = envp; *e; ++e) printf("env[%d] %s\n", count++, *e);
    printf("argv[0] %s\n", strrchr(argv[0], '/') ? "path" : argv[0]);
    printf("cloexec descriptor closed: %d\n", fcntl(atoi(argv[2]), F_GETFD) == -1);
    return 0;
  }
  int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  char number[16];
  snprintf(number, sizeof number, "%d", fd);
  fflush(stdout);
  if (fork() == 0) {
    char* arguments[] = {"custom-name", "child", number, NULL};
    char* environment[] = {"ONLY=this", "AND=that", NULL};
    execve(argv[0], arguments, environment);
    _exit(127);
  }
  int status;
  wait(&status);
  printf("child exited %d\n", WEXITSTATUS(status));
  return 0;
}
