// fexecve (execveat with AT_EMPTY_PATH) of this i386 program and of a native one; execveat
// relative to a directory descriptor; AT_SYMLINK_NOFOLLOW on a symlink is ELOOP.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

static void run_child(void (*body)(char**), char** argv) {
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    body(argv);
    printf("exec failed: %s\n", strerror(errno));
    exit(127);
  }
  int status;
  waitpid(child, &status, 0);
  printf("child exited %d\n", WEXITSTATUS(status));
}

static void by_fexecve(char** argv) {
  int fd = open(argv[0], O_RDONLY);
  char* arguments[] = {argv[0], "child", "fexecve", NULL};
  fexecve(fd, arguments, environ);
}

static void native_by_fexecve(char** argv) {
  (void)argv;
  int fd = open("/bin/echo", O_RDONLY);
  char* arguments[] = {"echo", "native", "by", "fexecve", NULL};
  fexecve(fd, arguments, environ);
}

static void by_execveat(char** argv) {
  char directory[4096], file[4096];
  strcpy(directory, argv[0]);
  strcpy(file, argv[0]);
  int dirfd = open(dirname(directory), O_RDONLY | O_DIRECTORY);
  char* arguments[] = {argv[0], "child", "execveat", NULL};
  syscall(SYS_execveat, dirfd, basename(file), arguments, environ, 0);
}

int main(int argc, char** argv) {
  if (argc > 2 && strcmp(argv[1], "child") == 0) {
    printf("child started by %s\n", argv[2]);
    return 4;
  }
  run_child(by_fexecve, argv);
  run_child(native_by_fexecve, argv);
  run_child(by_execveat, argv);
  symlink(argv[0], "link-to-self");
  char* arguments[] = {"x", NULL};
  long result = syscall(SYS_execveat, AT_FDCWD, "link-to-self", arguments, environ, AT_SYMLINK_NOFOLLOW);
  printf("AT_SYMLINK_NOFOLLOW on a symlink: %ld %s\n", result, strerror(errno));
  unlink("link-to-self");
  return 0;
}
