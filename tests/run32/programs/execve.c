// execve of an i386 program (itself, again) and of a native one; fork + exec + wait.
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc == 3 && strcmp(argv[1], "again") == 0) {
    printf("executed again with %s, argv[0] kept: %d\n", argv[2], strstr(argv[0], "execve") != NULL);
    return 5;
  }
  char self[4096] = {0};
  readlink("/proc/self/exe", self, sizeof self - 1);
  printf("/proc/self/exe is this program: %d\n", strcmp(self, argv[0]) == 0);
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    char* again[] = {argv[0], "again", "an-argument", NULL};
    execv("/proc/self/exe", again);  // the program itself, under run32 too
    execv(argv[0], again);
    _exit(127);
  }
  int status;
  waitpid(child, &status, 0);
  printf("i386 child exited %d\n", WEXITSTATUS(status));
  fflush(stdout);
  child = fork();
  if (child == 0) {  // a name without a slash: relative to the current directory
    char directory[4096], name[4096];
    strcpy(directory, argv[0]);
    strcpy(name, argv[0]);
    if (chdir(dirname(directory)) != 0) _exit(126);
    char* again[] = {argv[0], "again", "relative", NULL};
    execve(basename(name), again, NULL);
    _exit(127);
  }
  waitpid(child, &status, 0);
  printf("i386 child by a relative name exited %d\n", WEXITSTATUS(status));
  fflush(stdout);
  child = fork();
  if (child == 0) {
    char* native[] = {"/bin/echo", "native", "echo", NULL};
    execv("/bin/echo", native);
    _exit(127);
  }
  waitpid(child, &status, 0);
  printf("native child exited %d\n", WEXITSTATUS(status));
  printf("execve of a missing file fails: %d\n", execl("/nonexistent", "x", (char*)NULL) == -1);
  fflush(stdout);
  printf("system(): %d\n", WEXITSTATUS(system("exit 4")));
  return 0;
}
