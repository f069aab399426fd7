// statfs/fstatfs (statfs64 underneath), the name a process gives itself (prctl), uname.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void) {
  struct statfs a, b;
  const int by_path = statfs(".", &a);
  int fd = open(".", O_RDONLY);
  const int by_descriptor = fstatfs(fd, &b);
  printf("statfs %d fstatfs %d same type %d same block size %d blocks>0 %d\n", by_path,
         by_descriptor, a.f_type == b.f_type, a.f_bsize == b.f_bsize, a.f_blocks > 0);
  printf("proc is procfs: %d\n", statfs("/proc", &a) == 0 && a.f_type == 0x9fa0);
  printf("PR_SET_NAME: %d\n", prctl(PR_SET_NAME, "renamed-guest"));
  char name[17] = {0};
  prctl(PR_GET_NAME, name);
  printf("PR_GET_NAME: %s\n", name);
  int comm = open("/proc/self/comm", O_RDONLY);
  char text[32] = {0};
  read(comm, text, sizeof text - 1);
  printf("/proc/self/comm: %s", text);
  printf("dumpable: %d\n", prctl(PR_GET_DUMPABLE));
  return 0;
}
