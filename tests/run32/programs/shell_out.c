// popen and system run /bin/sh (a native program) from an i386 one.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
  FILE* pipe = popen("echo from the shell; echo second line", "r");
  char line[64];
  while (fgets(line, sizeof line, pipe)) printf("popen read: %s", line);
  printf("pclose: %d\n", WEXITSTATUS(pclose(pipe)));
  fflush(stdout);
  int status = system("echo system says hi; exit 6");
  printf("system: %d\n", WEXITSTATUS(status));
  return 0;
}
