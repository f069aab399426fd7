// The guest's memory calls: ROUNDS times, 64 anonymous mappings of 64 KiB placed by the
// kernel (or the shim), each touched, grown by mremap, and unmapped in another order.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

enum { live = 64, size = 64 << 10 };

int main(int argc, char** argv) {
  const long rounds = argc > 1 ? atol(argv[1]) : 2000;
  char* blocks[live];
  long sum = 0;
  for (long r = 0; r < rounds; ++r) {
    for (int i = 0; i < live; ++i) {
      blocks[i] = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (blocks[i] == MAP_FAILED) return 1;
      blocks[i][0] = (char)i;
    }
    for (int i = 0; i < live; i += 4) {
      char* grown = mremap(blocks[i], size, 2 * size, MREMAP_MAYMOVE);
      if (grown == MAP_FAILED) return 2;
      blocks[i] = grown;
      mprotect(grown, size, PROT_READ);
    }
    for (int i = 0; i < live; ++i) {
      const int k = (i * 37) % live;
      sum += blocks[k][0];
      munmap(blocks[k], (k % 4 == 0) ? 2 * size : size);
    }
  }
  printf("%ld\n", sum);
  return 0;
}
