// Chains of execve of i386 programs, for the trace: a child that executes this program twice
// over, a parent's execve that fails, and the parent's own execve once it is alone again.
// Each execve's line ends `= 0` in the trace of the new program, as strace writes it.
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc > 1 && strcmp(argv[1], "first") == 0) {
    printf("child's first image\n");
    fflush(stdout);
    char* next[] = {argv[0], "second", NULL};
    execv("/proc/self/exe", next);
    return 127;
  }
  if (argc > 1 && strcmp(argv[1], "second") == 0) {
    printf("child's second image\n");
    return 3;
  }
  if (argc > 1 && strcmp(argv[1], "last") == 0) {
    printf("the parent's last image\n");
    return 0;
  }
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    char* first[] = {argv[0], "first", NULL};
    execv("/proc/self/exe", first);
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  printf("child exited %d\n", WEXITSTATUS(status));
  printf("execve of a missing file: %d\n", execl("/nonexistent/program", "x", (char*)NULL));
  fflush(stdout);
  char* last[] = {argv[0], "last", NULL};
  execv("/proc/self/exe", last);
  return 127;
}
