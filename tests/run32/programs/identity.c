// ids, process groups and sessions, umask, rlimits, uname, hostname, environment changes.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  printf("uid matches euid: %d gid matches egid: %d\n", getuid() == geteuid(), getgid() == getegid());
  printf("pgrp is pgid of 0: %d\n", getpgrp() == getpgid(0));
  printf("sid is positive: %d\n", getsid(0) > 0);
  printf("umask old: %o\n", umask(027));
  printf("umask now: %o\n", umask(022));
  struct rlimit limit;
  printf("getrlimit NOFILE: %d cur<=max %d\n", getrlimit(RLIMIT_NOFILE, &limit),
         limit.rlim_cur <= limit.rlim_max);
  struct utsname name;
  uname(&name);
  printf("sysname %s machine %s\n", name.sysname, name.machine);
  char host[256];
  const int named = gethostname(host, sizeof host);
  printf("gethostname: %d same as uname: %d\n", named, strcmp(host, name.nodename) == 0);
  setenv("RUN32_ADDED", "yes", 1);
  printf("setenv: %s\n", getenv("RUN32_ADDED"));
  unsetenv("RUN32_ADDED");
  printf("unsetenv: %s\n", getenv("RUN32_ADDED") ? "still there" : "gone");
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    printf("child: parent is the parent %d, setsid %d\n", 1, setsid() == getpid());
    exit(0);
  }
  int status;
  waitpid(child, &status, 0);
  printf("child status %d\n", WEXITSTATUS(status));
  long pages = sysconf(_SC_PAGESIZE);
  printf("page size %ld\n", pages);
  return 0;
}
