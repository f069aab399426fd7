// open/read/write/lseek/stat64/fstat64/rename/unlink/truncate/fcntl in the current directory.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(x) do { if (!(x)) { printf("FAILED: %s (%s)\n", #x, strerror(errno)); return 1; } } while (0)

int main(void) {
  int fd = open("data.txt", O_CREAT | O_RDWR | O_TRUNC, 0640);
  CHECK(fd >= 0);
  const char text[] = "the quick brown fox jumps over the lazy dog\n";
  CHECK(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
  CHECK(lseek(fd, 4, SEEK_SET) == 4);
  char buffer[64] = {0};
  CHECK(read(fd, buffer, 5) == 5);
  printf("read at 4: '%s'\n", buffer);
  CHECK(pread(fd, buffer, 3, 16) == 3);
  buffer[3] = 0;
  printf("pread at 16: '%s'\n", buffer);
  CHECK(lseek(fd, 0, SEEK_END) == (off_t)(sizeof text - 1));
  struct stat st;
  CHECK(fstat(fd, &st) == 0);
  printf("size %lld mode %o nlink %ld regular %d\n", (long long)st.st_size, st.st_mode & 0777,
         (long)st.st_nlink, S_ISREG(st.st_mode));
  CHECK(ftruncate(fd, 9) == 0);
  CHECK(stat("data.txt", &st) == 0);
  printf("after ftruncate: %lld\n", (long long)st.st_size);
  int flags = fcntl(fd, F_GETFL);
  printf("O_RDWR set: %d\n", (flags & O_ACCMODE) == O_RDWR);
  CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
  printf("cloexec: %d\n", fcntl(fd, F_GETFD));
  int copy = dup(fd);
  printf("dup gives the lowest free descriptor: %d\n", copy == fd + 1);
  close(copy);
  close(fd);
  CHECK(rename("data.txt", "renamed.txt") == 0);
  printf("old name stat fails with ENOENT: %d\n", stat("data.txt", &st) == -1 && errno == ENOENT);
  CHECK(link("renamed.txt", "hard.txt") == 0);
  CHECK(symlink("renamed.txt", "soft.txt") == 0);
  CHECK(lstat("soft.txt", &st) == 0);
  printf("symlink: %d\n", S_ISLNK(st.st_mode));
  char target[64] = {0};
  CHECK(readlink("soft.txt", target, sizeof target - 1) > 0);
  printf("readlink: %s\n", target);
  CHECK(stat("hard.txt", &st) == 0);
  printf("nlink after link: %ld\n", (long)st.st_nlink);
  CHECK(access("hard.txt", R_OK) == 0);
  CHECK(chmod("hard.txt", 0600) == 0);
  CHECK(stat("renamed.txt", &st) == 0);
  printf("mode after chmod: %o\n", st.st_mode & 0777);
  CHECK(unlink("soft.txt") == 0 && unlink("hard.txt") == 0 && unlink("renamed.txt") == 0);
  printf("open of a missing file: %d\n", open("missing", O_RDONLY) == -1 && errno == ENOENT);
  return 0;
}
