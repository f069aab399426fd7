// madvise, mincore, mlock/munlock, MAP_POPULATE and MAP_NORESERVE, mprotect PROT_NONE then a
// fault caught by a handler.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf escape;
static void on_segv(int signal) { (void)signal, siglongjmp(escape, 1); }

int main(void) {
  const size_t size = 16 * 4096;
  char* region = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  unsigned char residency[16];
  printf("mincore: %d\n", mincore(region, size, residency));
  int resident = 0;
  for (int i = 0; i < 16; ++i) resident += residency[i] & 1;
  printf("populated pages resident: %d\n", resident);
  memset(region, 7, size);
  printf("madvise DONTNEED: %d\n", madvise(region, size, MADV_DONTNEED));
  printf("zero after DONTNEED: %d\n", region[100] == 0);
  printf("mlock: %d munlock: %d\n", mlock(region, 4096), munlock(region, 4096));
  printf("mprotect PROT_NONE: %d\n", mprotect(region, 4096, PROT_NONE));
  signal(SIGSEGV, on_segv);
  if (sigsetjmp(escape, 1) == 0) {
    region[0] = 1;
    printf("no fault\n");
  } else {
    printf("faulted on the PROT_NONE page\n");
  }
  munmap(region + size - 4096, 4096);
  printf("mincore of an unmapped page: %d\n", mincore(region + size - 4096, 4096, residency));
  char* reserved = mmap(NULL, 1 << 30, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  printf("1 GiB MAP_NORESERVE: %d\n", reserved != MAP_FAILED);
  reserved[(1 << 30) - 1] = 1;
  printf("munmap: %d\n", munmap(reserved, 1 << 30));
  return 0;
}
