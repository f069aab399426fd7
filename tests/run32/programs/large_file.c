// A sparse file past 4 GiB: _llseek, pwrite64, fstat64 and ftruncate64.
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
  int fd = open("sparse.bin", O_CREAT | O_RDWR | O_TRUNC, 0600);
  if (fd < 0) return 1;
  const off_t far = (off_t)5 << 30;  // 5 GiB
  printf("lseek: %lld\n", (long long)lseek(fd, far, SEEK_SET));
  printf("write: %zd\n", write(fd, "end", 3));
  struct stat st;
  fstat(fd, &st);
  printf("size: %lld\n", (long long)st.st_size);
  char buffer[4] = {0};
  printf("pread: %zd '%s'\n", pread(fd, buffer, 3, far), buffer);
  printf("pwrite: %zd\n", pwrite(fd, "mid", 3, (off_t)4 << 30));
  printf("lseek SEEK_END: %lld\n", (long long)lseek(fd, 0, SEEK_END));
  printf("ftruncate to 6 GiB: %d\n", ftruncate(fd, (off_t)6 << 30));
  stat("sparse.bin", &st);
  printf("size: %lld\n", (long long)st.st_size);
  printf("blocks small (sparse): %d\n", st.st_blocks < 1024);
  close(fd);
  unlink("sparse.bin");
  return 0;
}
