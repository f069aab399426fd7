// 8 MiB through a pipe from a child, read with poll; the checksum and the byte count.
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int p[2];
  pipe(p);
  fflush(stdout);
  if (fork() == 0) {
    close(p[0]);
    static unsigned char block[65536];
    for (int round = 0; round < 128; ++round) {
      for (int i = 0; i < (int)sizeof block; ++i) block[i] = (unsigned char)(i * 31 + round);
      for (size_t done = 0; done < sizeof block;) done += write(p[1], block + done, sizeof block - done);
    }
    _exit(0);
  }
  close(p[1]);
  uint64_t total = 0, sum = 0;
  static unsigned char buffer[100000];
  struct pollfd fd = {p[0], POLLIN, 0};
  while (poll(&fd, 1, 5000) > 0) {
    ssize_t got = read(p[0], buffer, sizeof buffer);
    if (got <= 0) break;
    for (ssize_t i = 0; i < got; ++i) sum = sum * 1000003 + buffer[i];
    total += got;
  }
  int status;
  wait(&status);
  printf("bytes %llu checksum %llx child %d\n", (unsigned long long)total, (unsigned long long)sum,
         WEXITSTATUS(status));
  return 0;
}
