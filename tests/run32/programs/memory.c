// mmap (anonymous and of a file), mprotect, mremap, munmap, brk through malloc.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
  char* anonymous = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (anonymous == MAP_FAILED) return 1;
  printf("anonymous zeroed: %d\n", anonymous[0] == 0 && anonymous[3 * 4096 - 1] == 0);
  strcpy(anonymous, "written");
  printf("mprotect read-only: %d\n", mprotect(anonymous, 4096, PROT_READ));
  // mremap moves one mapping: with two protections the range is two (EFAULT).
  printf("mremap across protections fails: %d\n",
         mremap(anonymous, 3 * 4096, 64 * 4096, MREMAP_MAYMOVE) == MAP_FAILED);
  printf("mprotect back: %d\n", mprotect(anonymous, 4096, PROT_READ | PROT_WRITE));
  char* grown = mremap(anonymous, 3 * 4096, 64 * 4096, MREMAP_MAYMOVE);
  printf("mremap: %d kept '%s'\n", grown != MAP_FAILED, grown);
  grown[64 * 4096 - 1] = 1;
  printf("munmap: %d\n", munmap(grown, 64 * 4096));
  int fd = open("mapped.txt", O_CREAT | O_RDWR | O_TRUNC, 0600);
  if (write(fd, "file contents via mmap", 22) != 22) return 2;
  char* file = mmap(NULL, 22, PROT_READ, MAP_SHARED, fd, 0);
  printf("file mapping: '%.22s'\n", file);
  char* shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  memcpy(shared, "FILE", 4);
  msync(shared, 4096, MS_SYNC);
  char buffer[8] = {0};
  pread(fd, buffer, 4, 0);
  printf("written through a shared mapping: %s\n", buffer);
  munmap(file, 22);
  munmap(shared, 4096);
  close(fd);
  unlink("mapped.txt");
  printf("mmap of a bad descriptor: EBADF %d\n",
         mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 999, 0) == MAP_FAILED && errno == EBADF);
  printf("mmap at a fixed address past TASK_SIZE fails: %d\n",
         mmap((void*)0xfffff000u, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
             MAP_FAILED);
  // The shim's page (the guest's vDSO and AT_SYSINFO entry) is above the i386 TASK_SIZE:
  // the guest cannot unmap or replace it, as natively it cannot touch that range.
  printf("munmap past TASK_SIZE fails: %d\n", munmap((void*)0xffffe000u, 4096) == -1);
  printf("mprotect past TASK_SIZE fails: %d\n", mprotect((void*)0xffffe000u, 4096, PROT_READ) == -1);
  // malloc: small blocks from brk, large ones from mmap.
  size_t total = 0;
  for (int i = 0; i < 1000; ++i) {
    char* block = malloc(100 + i);
    memset(block, i, 100 + i);
    total += 100 + i;
  }
  char* large = malloc(64 << 20);
  memset(large, 1, 64 << 20);
  printf("malloc'd %zu small bytes and 64 MiB: %d\n", total, large[(64 << 20) - 1]);
  free(large);
  void* start = sbrk(0);
  sbrk(1 << 20);
  memset(start, 2, 1 << 20);
  printf("sbrk grew: %d\n", (char*)sbrk(0) - (char*)start == 1 << 20);
  return 0;
}
