// setrlimit/getrlimit/prlimit: a lower RLIMIT_NOFILE makes open fail with EMFILE.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

int main(void) {
  struct rlimit limit = {16, 16};
  printf("setrlimit: %d\n", setrlimit(RLIMIT_NOFILE, &limit));
  struct rlimit back;
  getrlimit(RLIMIT_NOFILE, &back);
  printf("getrlimit: %lu %lu\n", (unsigned long)back.rlim_cur, (unsigned long)back.rlim_max);
  int opened = 0, fd;
  while ((fd = open("/dev/null", O_RDONLY)) >= 0) ++opened;
  printf("opened until EMFILE: %d (%d)\n", opened, errno == EMFILE);
  struct rlimit64 wide;
  const int got = prlimit64(0, RLIMIT_NOFILE, NULL, &wide);
  printf("prlimit64: %d cur %llu\n", got, (unsigned long long)wide.rlim_cur);
  getrlimit(RLIMIT_STACK, &back);
  printf("stack limit readable: %d\n", back.rlim_cur > 0);
  return 0;
}
