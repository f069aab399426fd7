// utimensat, futimens, utimes and the times stat64 reports; truncate; mkstemp; fchmod.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

int main(void) {
  char name[] = "tempXXXXXX";
  int fd = mkstemp(name);
  printf("mkstemp: %d\n", fd >= 0);
  struct timespec times[2] = {{1000000000, 111}, {1200000000, 222}};
  printf("futimens: %d\n", futimens(fd, times));
  struct stat st;
  fstat(fd, &st);
  printf("atime %lld.%ld mtime %lld.%ld\n", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
         (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  times[1].tv_sec = 1300000000;
  printf("utimensat: %d\n", utimensat(AT_FDCWD, name, times, 0));
  stat(name, &st);
  printf("mtime %lld\n", (long long)st.st_mtim.tv_sec);
  struct timeval tv[2] = {{1400000000, 5}, {1500000000, 6}};
  printf("utimes: %d\n", utimes(name, tv));
  stat(name, &st);
  printf("atime %lld.%ld mtime %lld\n", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
         (long long)st.st_mtim.tv_sec);
  printf("truncate: %d\n", truncate(name, 12345));
  printf("fchmod: %d\n", fchmod(fd, 0400));
  fstat(fd, &st);
  printf("size %lld mode %o\n", (long long)st.st_size, st.st_mode & 0777);
  struct statx sx;
  const int statx_result = statx(AT_FDCWD, name, 0, STATX_SIZE, &sx);
  printf("statx: %d size %llu\n", statx_result, (unsigned long long)sx.stx_size);
  unlink(name);
  return 0;
}
