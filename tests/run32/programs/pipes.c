// pipe, pipe2, dup2, read/write across a pipe, EOF and EPIPE.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  int p[2];
  if (pipe(p) != 0) return 1;
  printf("write: %zd\n", write(p[1], "through the pipe", 16));
  char buffer[32] = {0};
  printf("read: %zd '%s'\n", read(p[0], buffer, sizeof buffer - 1), buffer);
  close(p[1]);
  printf("read at EOF: %zd\n", read(p[0], buffer, sizeof buffer));
  close(p[0]);
  if (pipe2(p, O_NONBLOCK | O_CLOEXEC) != 0) return 2;
  printf("nonblocking empty read: EAGAIN %d\n", read(p[0], buffer, 1) == -1 && errno == EAGAIN);
  printf("cloexec: %d\n", fcntl(p[0], F_GETFD) & FD_CLOEXEC);
  signal(SIGPIPE, SIG_IGN);
  close(p[0]);
  printf("write without reader: EPIPE %d\n", write(p[1], "x", 1) == -1 && errno == EPIPE);
  close(p[1]);
  if (pipe(p) != 0) return 3;
  int saved = dup(1);
  dup2(p[1], 1);
  printf("into the pipe via stdout\n");
  fflush(stdout);
  dup2(saved, 1);
  close(p[1]);
  ssize_t got = read(p[0], buffer, sizeof buffer - 1);
  buffer[got > 0 ? got : 0] = 0;
  printf("came back: %s", buffer);
  return 0;
}
