// The stack follows RLIMIT_STACK: recursion through three quarters of the limit (at most
// 48 MiB) works, as natively. tests/run32 runs it under the default 8 MiB and under
// `ulimit -s 65536`, where it goes 48 MiB deep.
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

static unsigned long depth(unsigned long frames) {
  volatile char frame[64 * 1024];
  memset((char*)frame, (int)frames, sizeof frame);
  return frames ? frame[frames % sizeof frame] + depth(frames - 1) : 0;
}

int main(void) {
  struct rlimit limit;
  if (getrlimit(RLIMIT_STACK, &limit) != 0) return 1;
  unsigned long bytes = limit.rlim_cur == RLIM_INFINITY ? 48ul << 20 : limit.rlim_cur / 4 * 3;
  if (bytes > 48ul << 20) bytes = 48ul << 20;
  printf("RLIMIT_STACK %lu KiB\n", limit.rlim_cur == RLIM_INFINITY ? 0 : limit.rlim_cur >> 10);
  const unsigned long frames = bytes / (64 * 1024);
  printf("recursed %lu MiB: %d\n", bytes >> 20, depth(frames) != 1);
  return 0;
}
