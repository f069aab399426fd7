// The *at calls relative to a directory descriptor: openat, mkdirat, fstatat, renameat,
// unlinkat, faccessat, readlinkat, symlinkat, fchdir, getcwd; and the links that name the
// program itself (/proc/self/exe, /proc/thread-self/exe, /proc/PID/exe), which agree.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
  mkdir("base", 0755);
  int dir = open("base", O_RDONLY | O_DIRECTORY);
  printf("mkdirat: %d\n", mkdirat(dir, "inner", 0700));
  int fd = openat(dir, "inner/file", O_CREAT | O_WRONLY, 0644);
  printf("openat: %d\n", fd >= 0);
  printf("write: %zd\n", write(fd, "12345", 5));
  close(fd);
  struct stat st;
  const int stated = fstatat(dir, "inner/file", &st, 0);
  printf("fstatat: %d size %lld\n", stated, (long long)st.st_size);
  printf("renameat: %d\n", renameat(dir, "inner/file", dir, "moved"));
  printf("faccessat: %d\n", faccessat(dir, "moved", R_OK | W_OK, 0));
  printf("symlinkat: %d\n", symlinkat("moved", dir, "link"));
  char target[32] = {0};
  const ssize_t read_back = readlinkat(dir, "link", target, sizeof target - 1);
  printf("readlinkat: %zd %s\n", read_back, target);
  printf("fchdir: %d\n", fchdir(dir));
  char cwd[4096];
  printf("cwd ends in /base: %d\n", strcmp(strrchr(getcwd(cwd, sizeof cwd), '/'), "/base") == 0);
  printf("unlinkat link: %d\n", unlinkat(AT_FDCWD, "link", 0));
  printf("unlinkat moved: %d\n", unlinkat(AT_FDCWD, "moved", 0));
  printf("unlinkat inner: %d\n", unlinkat(AT_FDCWD, "inner", AT_REMOVEDIR));
  chdir("..");
  printf("rmdir: %d\n", rmdir("base"));

  char self[4096] = {0}, other[4096] = {0}, by_pid[64];
  const ssize_t self_length = readlink("/proc/self/exe", self, sizeof self - 1);
  snprintf(by_pid, sizeof by_pid, "/proc/%d/exe", (int)getpid());
  const char* const same_links[] = {"/proc/thread-self/exe", by_pid};
  for (unsigned i = 0; i < sizeof same_links / sizeof same_links[0]; ++i) {
    memset(other, 0, sizeof other);
    const ssize_t length = readlinkat(AT_FDCWD, same_links[i], other, sizeof other - 1);
    printf("readlinkat of the program's link %u: %d\n", i,
           length == self_length && self_length > 0 && strcmp(self, other) == 0);
  }
  return 0;
}
