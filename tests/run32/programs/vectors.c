// readv/writev, preadv/pwritev (offsets in two halves), sendfile, copy_file_range, splice.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void) {
  int fd = open("vectors", O_CREAT | O_RDWR | O_TRUNC, 0600);
  struct iovec out[3] = {{"alpha ", 6}, {"beta ", 5}, {"gamma", 5}};
  printf("writev: %zd\n", writev(fd, out, 3));
  char a[7] = {0}, b[6] = {0}, c[6] = {0};
  struct iovec in[3] = {{a, 6}, {b, 5}, {c, 5}};
  printf("preadv: %zd '%s' '%s' '%s'\n", preadv(fd, in, 3, 0), a, b, c);
  struct iovec patch[1] = {{"BETA", 4}};
  printf("pwritev: %zd\n", pwritev(fd, patch, 1, 6));
  lseek(fd, 0, SEEK_SET);
  memset(a, 0, sizeof a), memset(b, 0, sizeof b), memset(c, 0, sizeof c);
  printf("readv: %zd '%s' '%s' '%s'\n", readv(fd, in, 3), a, b, c);
  int copy = open("copy", O_CREAT | O_RDWR | O_TRUNC, 0600);
  off_t offset = 0;
  printf("sendfile: %zd\n", sendfile(copy, fd, &offset, 16));
  loff_t from = 0, to = 16;
  printf("copy_file_range: %zd\n", copy_file_range(fd, &from, copy, &to, 5, 0));
  char all[64] = {0};
  pread(copy, all, sizeof all - 1, 0);
  printf("copy holds: %s\n", all);
  int p[2];
  pipe(p);
  loff_t start = 6;
  printf("splice: %zd\n", splice(fd, &start, p[1], NULL, 4, 0));
  memset(all, 0, sizeof all);
  read(p[0], all, 4);
  printf("spliced: %s\n", all);
  unlink("vectors");
  unlink("copy");
  return 0;
}
